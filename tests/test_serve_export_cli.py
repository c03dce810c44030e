"""`dateline serve` as a process (start, answer, stop on SIGTERM) and `dateline export events`."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from api_server import build_store, key_file
from dateline.cli import main
from dateline.store import open_store
from helpers import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve")


@pytest.fixture(scope="module")
def db(folder: Path) -> Path:
    return build_store(folder, fictional=2)


def test_serve_prints_its_urls_answers_and_stops_on_sigterm(db: Path, folder: Path) -> None:
    cmd = [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", "0",
           "--api-key-file", str(key_file(folder)), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.strip().startswith("API"):
                break
        api_line = next((x for x in lines if x.strip().startswith("API")), None)
        assert api_line, "".join(lines) + (proc.kill() or proc.communicate()[1])
        assert any(x.strip().startswith("web UI") for x in lines)
        url = api_line.split()[1].removesuffix("/api/events")
        assert url.startswith("http://127.0.0.1:")
        events = httpx.get(f"{url}/api/events", timeout=60).json()["events"]
        assert any(e["place"] == "Benghazi" for e in events)
        assert "/api/reports" in httpx.get(f"{url}/openapi.json", timeout=60).json()["paths"]
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "stopped (SIGTERM)" in out


def test_serve_refuses_a_public_address_without_keys(db: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--api-key-file" in result.output


def test_export_csv_to_a_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(main, ["export", "events", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open_store(db) as store:
        ids = [e.id for e in store.event_summaries()]
    assert [r["event_id"] for r in rows] == ids
    assert out.read_bytes().count(b"\r\n") == len(rows) + 1  # RFC 4180 line ends, no blank lines


def test_export_plover_and_jsonl_with_filters(db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["export", "events", "--db", str(db), "--format", "plover", "--lang", "it"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and all("it" in r["languages"] for r in records)
    seed = next(r for r in records if r["location"] and r["location"]["name"] == "Benghazi")
    assert seed["event_type"] and seed["source_actor"]["entity"] and seed["evidence"]
    with open_store(db) as store:
        assert seed["article_ids"] == store.event_record(seed["event_id"])["members"]

    result = runner.invoke(main, ["export", "events", "--db", str(db), "--format", "jsonl", "--query", "Bengasi"])
    (line,) = result.output.splitlines()
    assert json.loads(line)["id"] == seed["event_id"]
