"""Human-readable output of the CLI (rich tables and panels)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from dateline.models import Article, Dateline


def dateline_str(d: Dateline | None) -> str:
    if d is None:
        return ""
    when = ""
    if d.month and d.day:
        when = f"{d.year:04d}-{d.month:02d}-{d.day:02d}" if d.year else f"{d.month:02d}-{d.day:02d} (year not stated)"
        if d.year_source == "published":
            when += " (year from publication date)"
    parts = [p for p in (d.place, when, f"({d.agency})" if d.agency else "") if p]
    return " ".join(parts)


def article_table(articles: list[Article]) -> None:
    """One line per article; id, date and language never truncate, the title takes what is left."""
    console = Console(highlight=False)
    width = max(console.width, 60)
    console.print(_fit(f"{'id':16}  {'published':10}  {'lang':4}  title / opening", width), style="bold", markup=False)
    for a in articles:
        opening = a.title or a.text[:200].replace("\n", " ")
        if a.duplicate_of:
            opening = f"[copy of {a.duplicate_of[:8]}] {opening}"
        line = f"{a.id:16}  {(a.published or '')[:10]:10}  {a.lang or '?':4}  {opening}"
        console.print(_fit(line, width), markup=False)
    console.print(f"{len(articles)} article(s)")


def _fit(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def article_detail(a: Article) -> None:
    console = Console(highlight=False)
    fields = [
        ("id", a.id), ("origin", a.origin), ("title", a.title), ("published", a.published),
        ("language", f"{a.lang} ({a.lang_score:.2f})" if a.lang and a.lang_score is not None else a.lang),
        ("source", a.source), ("site", a.site_name), ("author", a.author), ("byline", a.byline),
        ("url", a.url), ("canonical url", a.canonical_url if a.canonical_url != a.url else None),
        ("dateline", f"{a.dateline.text!r} -> {dateline_str(a.dateline)}" if a.dateline else None),
        ("header", ", ".join(f"{k}: {v}" for k, v in a.header.items()) or None),
        ("copy of", f"{a.duplicate_of} (similarity {a.duplicate_score})" if a.duplicate_of else None),
        ("external id", a.external_id),
    ]
    for name, value in fields:
        if value:
            console.print(f"[bold]{name:>14}[/bold]  {escape(str(value))}", soft_wrap=True)
    console.print()
    console.print(a.text, markup=False, soft_wrap=True)  # the terminal wraps; lines stay whole when copied
