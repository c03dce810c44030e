"""`dateline watch`: poll feeds and pages continuously into the store."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from dateline.cli.commands import ByteSize, _open, db_option, main
from dateline.read import ReadOptions


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="URL|FILE ...")
@db_option
@click.option("--every", default="5m", show_default=True, help="Time between rounds: 30s, 5m, 1h.")
@click.option("--once", is_flag=True, help="One round, then exit (status 1 if a source or item failed).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to one host.")
@click.option("--json", "as_json", is_flag=True, help="Log each round as one JSON object.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback or link-local addresses.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="Seconds per HTTP request.")
@click.option("--max-bytes", type=ByteSize(), default="20MB", show_default=True, help="Largest answer accepted.")
def watch(sources, db, every, once, delay, as_json, allow_private, timeout, max_bytes) -> None:
    """Poll RSS/Atom feeds and pages (URLs, or files with one URL per line) and run every new item
    through the whole pipeline: stored, analysed, placed in its event within seconds of being
    fetched. Conditional GET, one request at a time per host, backoff on errors; the sources'
    state lives in the store, so a restart (even after kill -9) goes on where it stopped.
    One log line per round on standard error."""
    from dateline.watch.loop import Watcher
    from dateline.watch.schedule import parse_every

    try:
        interval = parse_every(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    urls = _sources(sources)
    stopping = {"now": False}

    def stop(*_):
        stopping["now"] = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    options = ReadOptions(max_bytes=max_bytes, allow_private=allow_private, timeout=timeout)
    with _open(db) as store:
        watcher = Watcher(store, urls, options, every=interval, delay=delay)
        status = watcher.run(once=once, as_json=as_json, log=lambda line: click.echo(line, err=True),
                             stop=lambda: stopping["now"])
    sys.exit(status)


def _sources(specs: tuple[str, ...]) -> list[str]:
    urls: list[str] = []
    for spec in specs:
        if "://" in spec:
            urls.append(spec)
            continue
        path = Path(spec)
        if not path.is_file():
            raise click.BadParameter(f"{spec}: not a URL and not a file of URLs", param_hint="SOURCES")
        urls += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.lstrip().startswith("#")]
    if not urls:
        raise click.BadParameter("no source URL given", param_hint="SOURCES")
    return list(dict.fromkeys(urls))
