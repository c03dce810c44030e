"""Shared test helpers: locating the real seeds, generating distinct fictional reports."""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EN_SEED = SEEDS / "000_86f91d993f60fa5c.txt"
IT_SEED = SEEDS / "002_1cef10ead9d50a7f.txt"

_WORDS = (
    "council harbour minister river bridge station market farmers teachers budget election "
    "police storm village railway hospital festival museum factory workers union court judge "
    "mayor province border ferry airport school students drought reservoir energy prices "
    "contract ministry delegation summit talks agreement protest strike vote parliament "
    "committee report inquiry coast mountain valley island district officials residents"
).split()


def fictional_report(i: int, words: int = 120) -> str:
    """A distinct English-like report: random word order, so no two share many 3-word shingles."""
    rng = random.Random(i)
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        n = rng.randint(8, 16)
        body = " ".join(rng.choice(_WORDS) for _ in range(n))
        sentences.append(body.capitalize() + f" {rng.randint(2, 999)}.")
    return " ".join(sentences)


def write_jsonl(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            f.write(json.dumps({"id": f"r{i}", "text": fictional_report(i), "lang": "en"}) + "\n")
    return path


def integrity_errors() -> tuple[type[Exception], ...]:
    """What a constraint the database refuses raises, on either store."""
    import sqlite3

    try:
        import psycopg
    except ImportError:
        return (sqlite3.IntegrityError,)
    return (sqlite3.IntegrityError, psycopg.IntegrityError)


BACKENDS = ["sqlite", "postgresql"]  # the params of a fixture whose store runs on both


def location_for(request, backend: str, folder: Path, name: str = "d") -> str:
    """A new store's location for a fixture of any scope: a file in ``folder``, or a new database
    on the tests' PostgreSQL server (conftest.py's ``pg_server``)."""
    if backend == "sqlite":
        return str(folder / f"{name}.db")
    return request.getfixturevalue("pg_server").new_database()
