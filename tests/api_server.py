"""Test helpers for the HTTP API: a store built from real reports, and a real uvicorn server on a
free loopback port in a background thread."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner
from fastapi import FastAPI

from dateline.api.server import bound_url, make_server
from dateline.cli import main
from helpers import EN_SEED, IT_SEED, fictional_report

KEYS = {"alice": "alice-key-0123456789abcdef", "bob": "bob-key-fedcba9876543210"}

# Fictional reports of one event in two languages, and of another in English.
VALDORIA = [
    {"id": "v-en", "lang": "en", "source": "Northbridge Wire", "published": "2026-04-14",
     "title": "Valdoria harbour strike ends with wage deal",
     "text": "VALDORIA, April 14 - Harbour workers in the port city of Valdoria ended a three-day strike on "
             "Tuesday after the regional labour office brokered a wage agreement with the shipping companies. "
             "The agreement raises pay by six percent over two years, the labour office said. Union leader "
             "Marta Kollen said the dockers would return to work on Wednesday morning."},
    {"id": "v-it", "lang": "it", "source": "Gazzetta del Porto", "published": "2026-04-15",
     "title": "Valdoria, finito lo sciopero del porto",
     "text": "I lavoratori del porto di Valdoria hanno concluso martedì uno sciopero di tre giorni dopo che "
             "l'ufficio regionale del lavoro ha mediato un accordo salariale con le compagnie di navigazione. "
             "L'accordo aumenta i salari del sei per cento in due anni. La sindacalista Marta Kollen ha detto "
             "che i portuali torneranno al lavoro mercoledì mattina."},
    {"id": "o-en", "lang": "en", "source": "Lindholm Gazette", "published": "2026-05-02",
     "title": "Ostrava river bridge reopens after repairs",
     "text": "OSTRAVA, May 2 - The Ostrava river bridge reopened to traffic on Saturday after eight months of "
             "repairs, the city council said. Mayor Jana Novotna cut a ribbon at the eastern end of the bridge "
             "as the first trams crossed. The repairs cost 40 million crowns."},
]


def build_store(folder: Path, fictional: int = 8, db: str | Path | None = None) -> str | Path:
    """Ingest the two real seeds and the fictional reports (analysed, clustered, framed) into a new
    store (``db``, by default api.db in ``folder``)."""
    db = db or folder / "api.db"
    records = folder / "reports.jsonl"
    with records.open("w", encoding="utf-8") as f:
        for r in VALDORIA:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        for i in range(fictional):  # distinct random-word reports, a month apart: an event each
            f.write(json.dumps({"id": f"f{i}", "lang": "en", "source": f"Outlet {i}",
                                "published": f"{2020 + i // 12}-{i % 12 + 1:02d}-10",
                                "text": fictional_report(100 + i)}) + "\n")
    result = CliRunner().invoke(main, ["ingest", str(EN_SEED), str(IT_SEED), str(records), "--db", str(db),
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    return db


def key_file(folder: Path, keys: dict[str, str] = KEYS) -> Path:
    path = folder / "keys.txt"
    path.write_text("# test keys\n" + "".join(f"{name}: {key}\n" for name, key in keys.items()), encoding="utf-8")
    return path


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free port of ``host``; yields the base URL."""
    server = make_server(app, host, 0, log_level="warning", access_log=False)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield bound_url(server)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
