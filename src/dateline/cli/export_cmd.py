"""``dateline export events``: every matching event as CSV, JSON Lines or PLOVER-style JSON Lines."""

from __future__ import annotations

import sys

import click

from dateline.cli.commands import IsoDate, _open, db_option, main


@main.group()
def export() -> None:
    """Export what the store holds (see `dateline export events --help`)."""


@export.command(name="events")
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "plover"]), required=True,
              help="csv: one row per event; jsonl: each event's summary and whole record; "
                   "plover: PLOVER-style records (type, actors, location, date, evidence offsets).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              help="Write here (default: standard output).")
@click.option("--lang", help="Only events with an article in this language.")
@click.option("--since", type=IsoDate(), help="Events still running on or after this day.")
@click.option("--until", type=IsoDate(), help="Events begun on or before this day.")
@click.option("--place", help="Place contains this text.")
@click.option("--text", help="Headline contains this text.")
@click.option("--query", "-q", help="Full text: an article of the event matches these words.")
@click.option("--story", help="Only events of this story (id).")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True,
              help="Independent sources (copies and one outlet count once).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many (latest first).")
def export_events_cmd(db, fmt, output, lang, since, until, place, text, query, story, min_articles, min_sources,
                      limit) -> None:
    """Every event the filters admit, latest first, with its stored record (run `dateline cluster`
    first: an event whose record is not built yet is exported with its summary only)."""
    from dateline.service.exports import export_events
    from dateline.service.queries import all_events
    from dateline.store import EventFilter

    flt = EventFilter(lang=lang, since=since, until=until, place=place, text=text, story=story,
                      min_articles=min_articles, min_sources=min_sources, limit=limit, query=query)
    with _open(db) as store:
        rows = export_events(all_events(store, flt), store.event_record, store.event_article_ids, fmt)
        if output == "-":
            for row in rows:
                sys.stdout.write(row)
            return
        # newline="": the CSV rows end in CRLF as RFC 4180 asks; no translation on any platform
        with open(output, "w", encoding="utf-8", newline="") as f:
            n = 0
            for row in rows:
                f.write(row)
                n += 1
    click.echo(f"wrote {n - 1 if fmt == 'csv' else n} events to {output}", err=True)
