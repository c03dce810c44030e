"""``dateline copy --from A --to B``: a whole store to another backend (SQLite file <-> PostgreSQL)."""

from __future__ import annotations

import json
import sys

import click

from dateline.cli.commands import _open, main


@main.command(name="copy")
@click.option("--from", "source", required=True, metavar="PATH|URL", help="The store to copy (a file or postgresql://...).")
@click.option("--to", "target", required=True, metavar="PATH|URL",
              help="A new or empty store (created if missing) to copy into.")
@click.option("--json", "as_json", is_flag=True, help="Print the rows copied per table as JSON.")
def copy_cmd(source, target, as_json) -> None:
    """Copy every article, analysis, event, record, feed and key of one store into an empty one,
    as they are (nothing is analysed or clustered again), then check that every table holds as many
    rows in both and that the articles' and events' ids are the same."""
    from dateline.store.copy import CopyError, copy_store

    with _open(source) as src, _open(target) as dst:
        def progress(table: str, rows: int) -> None:
            if sys.stderr.isatty():
                click.echo(f"\r{table}: {rows:,} rows", nl=False, err=True)

        try:
            report = copy_store(src, dst, progress)
        except CopyError as exc:
            raise click.ClickException(str(exc)) from exc
        if sys.stderr.isatty():
            click.echo("", err=True)
    if as_json:
        click.echo(json.dumps({"from": str(src), "to": str(dst), **report.as_dict()}, indent=2))
        return
    copied = ", ".join(f"{table} {n:,}" for table, n in report.rows.items() if n)
    click.echo(f"copied {src} -> {dst}: {copied or 'nothing (the store is empty)'}")
    click.echo("verified: the same rows in every table, the same article and event ids")
