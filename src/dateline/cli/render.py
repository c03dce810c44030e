"""Human-readable output of the CLI (rich tables and panels)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from dateline.models import Analysis, Article, Dateline, Entity, Mention
from dateline.store import EntitySummary


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
    console, width = table_console()
    console.print(fit_line(f"{'id':16}  {'published':10}  {'lang':4}  title / opening", width), style="bold", markup=False)
    for a in articles:
        opening = a.title or a.text[:200].replace("\n", " ")
        if a.duplicate_of:
            opening = f"[copy of {a.duplicate_of[:8]}] {opening}"
        line = f"{a.id:16}  {(a.published or '')[:10]:10}  {a.lang or '?':4}  {opening}"
        console.print(fit_line(line, width), markup=False)
    console.print(f"{len(articles)} article(s)")


def fit_line(line: str, width: int | None) -> str:
    """``line`` cut to ``width`` characters, with an ellipsis when cut (``None``: never cut)."""
    return line if width is None or len(line) <= width else line[: width - 1] + "…"


def table_console() -> tuple[Console, int | None]:
    """A console for one-line-per-row tables, and the width their lines are cut to: the
    terminal's (at least 60), or none when the output is a file or a pipe, where a cut line
    loses what was asked for (rich would take 80 columns and wrap)."""
    console = Console(highlight=False, emoji=False, soft_wrap=True)
    return console, (max(console.width, 60) if console.is_terminal else None)


def languages_column(rows: list) -> tuple[str, list[str]]:
    """A table's languages column (rows with ``languages``): its header and each row's cell,
    padded to the widest (at most 24 characters), so rows in five languages stay aligned."""
    langs = [",".join(r.languages) for r in rows]
    width = min(24, max([len("languages"), *map(len, langs)]))
    return f"{'languages':{width}}", [f"{fit_line(x, width):{width}}" for x in langs]


def article_detail(a: Article, with_text: bool = True) -> None:
    console = Console(highlight=False, emoji=False)
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
    if with_text:
        console.print()
        console.print(a.text, markup=False, soft_wrap=True)  # the terminal wraps; lines stay whole when copied


_TYPE_STYLE = {"PER": "bold cyan", "ORG": "bold magenta", "LOC": "bold green", "MISC": "bold yellow"}


def marked_text(text: str, analysis: Analysis) -> Text:
    """The article text with entity mentions coloured by type and time expressions underlined."""
    out = Text(text)
    for m in analysis.mentions:
        out.stylize(_TYPE_STYLE.get(m.type, "bold"), m.start, m.end)
        if m.role_start is not None and m.role_end is not None:
            out.stylize("italic", m.role_start, m.role_end)
    for t in analysis.times:
        out.stylize("underline", t.start, t.end)
    return out


def analysis_detail(a: Article, analysis: Analysis, entities: dict[str, Entity]) -> None:
    console = Console(highlight=False, emoji=False)
    console.print()
    console.print(marked_text(a.text, analysis), soft_wrap=True)
    console.print()
    console.print("[bold]mentions[/bold]  (PER cyan, ORG magenta, LOC green, MISC yellow; roles in italics)")
    for m in analysis.mentions:
        ent = entities.get(m.entity or "")
        target = f"{ent.name} [{ent.id}]" if ent else (m.entity or "not linked")
        role = f"  role: {m.role}" if m.role else ""
        console.print(f"  {m.start:>5}-{m.end:<5} {m.type:<4} {m.text!r} -> {target}{role}", markup=False)
    console.print("[bold]time expressions[/bold]  (underlined)")
    for t in analysis.times:
        when = "unresolved" if t.first is None else (t.first if t.first == t.last else f"{t.first} .. {t.last}")
        anchor = f" (from the {t.anchor} date)" if t.anchor else ""
        console.print(f"  {t.start:>5}-{t.end:<5} {t.text!r} -> {when}{anchor}", markup=False)


def entity_table(rows: list[EntitySummary]) -> None:
    console, width = table_console()
    head, cells = languages_column(rows)
    console.print(fit_line(f"{'mentions':>8}  {'arts':>4}  {'type':4}  {head}  name  [id]  aka other forms", width),
                  style="bold", markup=False)
    for r, lang in zip(rows, cells):
        e = r.entity
        where = f" ({e.country})" if e.country and e.type == "LOC" else ""
        others = sorted({f for forms in e.aliases.values() for f in forms} - {e.name})
        aka = f"  aka {', '.join(others[:4])}{', ...' if len(others) > 4 else ''}" if others else ""
        line = f"{r.mentions:>8}  {r.articles:>4}  {e.type:4}  {lang}  {e.name}{where}  [{e.id}]{aka}"
        console.print(fit_line(line, width), markup=False)
    console.print(f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}")


def entity_detail(e: Entity, mentions: list[tuple[str, str | None, Mention]]) -> None:
    console = Console(highlight=False, emoji=False)
    fields = [("id", e.id), ("name", e.name), ("type", e.type + (f" ({e.kind})" if e.kind else "")),
              ("country", e.country),
              ("coordinates", f"{e.lat:.4f}, {e.lon:.4f}" if e.lat is not None and e.lon is not None else None),
              ("source", e.source)]
    for name, value in fields:
        if value:
            console.print(f"[bold]{name:>12}[/bold]  {escape(str(value))}")
    for lang, forms in sorted(e.aliases.items()):
        console.print(f"[bold]{'aliases ' + lang:>12}[/bold]  {escape(', '.join(forms))}")
    console.print(f"[bold]{'mentions':>12}[/bold]  {len(mentions)}")
    for article_id, lang, m in mentions[:50]:
        role = f" (role: {m.role})" if m.role else ""
        console.print(f"  {article_id}  {lang or '?':3} {m.text!r}{role}", markup=False)
    if len(mentions) > 50:
        console.print(f"  ... {len(mentions) - 50} more (use --json for all)")
