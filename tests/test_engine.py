"""``--engine dask``: the per-article stages on a Dask cluster give the store a local run gives.

The cluster is a real one, as a deployment runs it: ``dask scheduler`` and ``dask worker`` processes
(two workers, one thread each) started by the test on loopback, the inputs those of the pool's test
(tests/test_workers.py): the examples, 160 generated reports, a copy, an empty and a binary file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from test_workers import _inputs, _module

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ)
    procs = [subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists():
            assert time.monotonic() < deadline, "the Dask scheduler did not start"
            time.sleep(0.2)
        procs.append(subprocess.Popen([str(bin_dir / "dask"), "worker", "--scheduler-file", str(scheduler_file),
                                       "--nworkers", "2", "--nthreads", "1", "--no-dashboard",
                                       "--host", "127.0.0.1"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
        address = json.loads(scheduler_file.read_text())["address"]
        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def _ingest(inputs: Path, db: Path, *options: str) -> dict:
    result = CliRunner().invoke(main, ["ingest", str(inputs), "--db", str(db), "--json", "--no-progress", *options])
    assert result.exit_code == 1, result.output  # 1: the empty and the binary file were rejected
    return json.loads(result.output[result.output.index("{"):])


def test_dask_workers_store_what_a_local_run_stores(tmp_path, cluster):
    inputs = _inputs(tmp_path / "in")
    local = _ingest(inputs, tmp_path / "local.db", "--workers", "1")
    remote = _ingest(inputs, tmp_path / "dask.db", "--engine", "dask", "--address", cluster)
    assert (remote["engine"], remote["workers"]) == ("dask", 2)
    assert remote["new"] == local["new"] >= 170 and remote["rejected"] == local["rejected"] == 2
    assert remote["analyzed"]["analyzed"] == local["analyzed"]["analyzed"] and not remote["analyzed"]["failures"]
    digest = _module("store_digest").store_digest
    assert digest(tmp_path / "dask.db") == digest(tmp_path / "local.db")


def test_engine_usage_errors(tmp_path):
    run = lambda *a: CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), *a])  # noqa: E731
    assert "needs --address" in run("--engine", "dask").output
    assert "--address is for --engine dask" in run("--address", "tcp://127.0.0.1:1").output
    unreachable = run("--engine", "dask", "--address", "tcp://127.0.0.1:1")
    assert unreachable.exit_code == 1 and "no Dask scheduler at tcp://127.0.0.1:1" in unreachable.output
