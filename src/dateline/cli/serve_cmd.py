"""``dateline serve``: the HTTP API and the web UI on uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.cli.commands import ByteSize, db_option, main
from dateline.store import default_db, is_postgres
from dateline.store.pg_url import redact


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs --api-key-file (reads need a key too).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="0: any free port.")
@click.option("--api-key-file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Accepted API keys, one per line ('KEY' or 'name: KEY'); needed to write (POST /api/reports).")
@click.option("--rate", type=click.IntRange(min=0), default=3000, show_default=True,  # = api.limits.DEFAULT_RATE
              help="Requests per minute per key (or per client address for open reads); 0: no limit.")
@click.option("--max-bytes", type=ByteSize(), default="20MB", show_default=True, help="Largest request body.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True)
def serve(db, host, port, api_key_file, rate, max_bytes, log_level) -> None:
    """Serve the store over HTTP: the JSON API under /api/ (OpenAPI at /openapi.json) and the web UI at /.
    Stops cleanly on SIGTERM or Ctrl-C."""
    from dateline.api.app import create_app
    from dateline.api.auth import is_loopback
    from dateline.api.server import run

    if not is_loopback(host) and not api_key_file:
        raise click.UsageError(f"--host {host} is not a loopback address: anyone who can reach it could read the "
                               "store; give --api-key-file (reads and writes then need a key), or use 127.0.0.1")
    db = db or default_db()
    new = not is_postgres(db) and not Path(db).exists()
    try:
        app = create_app(db, api_keys_file=api_key_file, host=host, rate_per_minute=rate, max_body_bytes=max_bytes)
    except ValueError as exc:  # a malformed key file
        raise click.UsageError(str(exc)) from exc
    except Exception as exc:  # the store does not open
        raise click.ClickException(f"cannot open the store {redact(db)}: {exc}") from exc

    def started(url: str) -> None:
        click.echo(f"Dateline serving {redact(db)}" + (" (a new, empty store: `dateline ingest` fills it)" if new else ""))
        click.echo(f"  web UI   {url}/")
        click.echo(f"  API      {url}/api/events   (OpenAPI: {url}/openapi.json)")
        if not api_key_file:
            click.echo("  writing  off: start with --api-key-file to accept POST /api/reports")

    stopped = run(app, host, port, on_started=started, log_level=log_level)
    click.echo(f"Dateline stopped ({', '.join(stopped.signals) or 'shut down'})")
