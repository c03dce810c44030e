"""Human-readable output of the event, story and similarity commands."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from dateline.frame.record import EventRecord
from dateline.outlets import outlet
from dateline.cli.render import fit_line, languages_column, table_console
from dateline.similarity.rank import Similar
from dateline.store import EventSummary, PlacementRow, StoredArticle, StorySummary


def _days(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last or not last else f"{first}..{last[5:] if last[:4] == first[:4] else last}"


def event_table(rows: list[EventSummary]) -> None:
    console, width = table_console()
    head, cells = languages_column(rows)
    header = f"{'event':16}  {'date':16}  {'src':>3}  {'arts':>4}  {head}  {'place':14}  headline"
    console.print(fit_line(header, width), style="bold", markup=False)
    for r, lang in zip(rows, cells):
        line = (f"{r.id:16}  {_days(r.first_day, r.last_day):16}  {r.sources:>3}  {r.articles:>4}  "
                f"{lang}  {fit_line(r.place or '', 14):14}  {r.headline}")
        console.print(fit_line(line, width), markup=False)
    console.print(f"{len(rows)} event(s)")


def event_detail(summary: EventSummary, members: list[tuple[StoredArticle, PlacementRow]],
                 record: EventRecord | None = None) -> None:
    console = Console(highlight=False, emoji=False)
    fields = [("event", summary.id), ("story", summary.story_id), ("headline", summary.headline),
              ("date", _days(summary.first_day, summary.last_day)), ("place", summary.place),
              ("languages", ", ".join(summary.languages)),
              ("size", f"{summary.articles} article(s) from {summary.sources} independent source(s)")]
    for name, value in fields:
        if value:
            console.print(f"[bold]{name:>10}[/bold]  {escape(str(value))}", soft_wrap=True)
    if record is not None:
        _record(console, record)
    console.print("\n[bold]members[/bold]  (in the order they arrived; why each joined)")
    for stored, p in members:
        a = stored.article
        when = (a.published or "")[:10] or (a.dateline.text if a.dateline else "undated")
        source = outlet(a) or "unknown source"
        copy = f"  copy of {a.duplicate_of}" if a.duplicate_of else ""
        console.print(f"  {a.id}  {a.lang or '?':3} {when:10}  {source}{copy}", markup=False)
        console.print(f"      {fit_line(a.title or a.text.split(chr(10), 1)[0], 100)}", markup=False)
        console.print(f"      {_why(p)}", markup=False)


def _record(console: Console, r: EventRecord) -> None:
    console.print("\n[bold]record[/bold]  (each field with the sentences that support it, per report)")
    kind = " / ".join(x for x in (r.kind.type, r.kind.mode, r.kind.context) if x) or "no type found"
    _field(console, "type", f"{kind} (share of votes {r.kind.score:.2f})", r.kind.evidence)
    for label, actors in (("source", r.sources), ("target", r.targets)):
        for a in actors:
            extra = ", ".join(x for x in (a.country, a.affiliation_name) if x)
            _field(console, label, f"{a.name} [{a.entity}]" + (f" ({extra})" if extra else ""), a.evidence)
    if r.place:
        where = f" {r.place.lat:.2f}, {r.place.lon:.2f}" if r.place.lat is not None and r.place.lon is not None else ""
        _field(console, "place", f"{r.place.name} ({r.place.country or '?'}{where}; {r.place.basis})", r.place.evidence)
    if r.date:
        day = r.date.first if r.date.first == r.date.last else f"{r.date.first}..{r.date.last}"
        _field(console, "date", f"{day} ({r.date.granularity})", r.date.evidence)


def _field(console: Console, name: str, value: str, evidence: tuple) -> None:
    console.print(f"[bold]{name:>10}[/bold]  {escape(value)}", soft_wrap=True)
    for e in evidence[:3]:
        console.print(f"            {e.article_id[:8]}: {fit_line(' '.join(e.text.split()), 110)}", markup=False)


def _why(p: PlacementRow) -> str:
    if p.basis == "new":
        return "started the event"
    if p.basis == "duplicate":
        return "near-duplicate copy of a member"
    if p.basis == "merged":
        prob = f" (p={p.probability:.2f})" if p.probability is not None else ""
        return f"started an event of its own, absorbed once this one had grown{prob}"
    shared = ", ".join(p.evidence.get("shared", [])[:6])
    reasons = ", ".join(f"{name} {value:+.2f}" for name, value in p.evidence.get("reasons", [])[:3])
    prob = f"p={p.probability:.2f}" if p.probability is not None else ""
    return f"joined ({prob}); shared: {shared or '-'}; strongest evidence: {reasons or '-'}"


def story_table(rows: list[StorySummary]) -> None:
    console, width = table_console()
    head, cells = languages_column(rows)
    console.print(fit_line(f"{'story':16}  {'dates':16}  {'events':>6}  {'arts':>4}  {head}  headline", width),
                  style="bold", markup=False)
    for r, lang in zip(rows, cells):
        line = (f"{r.id:16}  {_days(r.first_day, r.last_day):16}  {r.events:>6}  {r.articles:>4}  "
                f"{lang}  {r.headline}")
        console.print(fit_line(line, width), markup=False)
    console.print(f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}")


def similar_table(rows: list[Similar], titles: dict[str, str], events_of: dict[str, str]) -> None:
    console, width = table_console()
    header = f"{'article':16}  {'p(same)':>7}  {'score':>5}  {'event':16}  title"
    console.print(fit_line(header, width), style="bold", markup=False)
    for r in rows:
        event = events_of.get(r.article_id, "")
        line = f"{r.article_id:16}  {r.probability:7.3f}  {r.score:5.2f}  {event:16}  {titles[r.article_id]}"
        console.print(fit_line(line, width), markup=False)
    if not rows:
        console.print("no candidates share an entity with this article")
