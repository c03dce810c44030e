#!/usr/bin/env python3
"""Ingest with 1 and 2 workers, of the local pool and of a Dask cluster started here.

    python bench/engine_bench.py                       # 2,000 generated reports, 3 runs each
    python bench/engine_bench.py --articles 1000 --runs 1 --json /tmp/engine.json

Each run is ``dateline ingest FILE --db NEW.db --json --no-progress`` in a child process, with
``--workers N`` (local) or ``--engine dask --address ADDR`` (a ``dask scheduler`` and ``dask
worker --nworkers N --nthreads 1`` on loopback, started for the N and kept for its runs). Printed:
the child's ``total_seconds`` (median, min, max), articles/s, and the ratio of 2 workers to 1 for
each engine; every store's digest (bench/store_digest.py) is compared with the first run's, so
the figures are of runs that stored the same thing. On a 2-core machine a Dask worker and the
writer share the cores, so 2 workers cannot double the rate: the ratio says what the engine's
overhead leaves of the pool's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class DaskCluster:
    def __init__(self, workers: int, folder: Path) -> None:
        bin_dir = Path(sys.executable).parent
        sched_file = folder / f"scheduler-{workers}.json"
        self.procs = [subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                                        "--no-dashboard", "--scheduler-file", str(sched_file)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
        deadline = time.monotonic() + 60
        while not sched_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("dask scheduler did not start")
            time.sleep(0.2)
        self.address = json.loads(sched_file.read_text())["address"]
        self.procs.append(subprocess.Popen([str(bin_dir / "dask"), "worker", self.address, "--nworkers", str(workers),
                                            "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(self.address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=120)

    def stop(self) -> None:
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def ingest(source: Path, db: Path, options: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-m", "dateline.cli", "ingest", str(source), "--db", str(db), "--json",
                          "--no-progress", *options], capture_output=True, text=True, timeout=3600)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"ingest failed ({out.returncode}): {out.stderr[-1500:]}")
    return json.loads(out.stdout[out.stdout.index("{"):])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    bench, digest = _module("ingest_bench"), _module("store_digest").store_digest
    results: dict = {"articles": args.articles, "runs": args.runs, "date": time.strftime("%Y-%m-%d"), "cases": {}}
    reference = None
    with tempfile.TemporaryDirectory(prefix="engine-bench-") as tmp:
        tmp = Path(tmp)
        source = bench.write_jsonl(bench.generate(bench.load_examples(), args.articles, seed=2026), tmp / "in.jsonl")
        for engine in ("local", "dask"):
            for workers in (1, 2):
                cluster = DaskCluster(workers, tmp) if engine == "dask" else None
                try:
                    options = (["--workers", str(workers)] if cluster is None
                               else ["--engine", "dask", "--address", cluster.address])
                    seconds = []
                    for r in range(args.runs):
                        db = tmp / f"{engine}-{workers}-{r}.db"
                        summary = ingest(source, db, options)
                        seconds.append(summary["total_seconds"])
                        d = digest(db)
                        reference = reference or d
                        if d != reference:
                            raise RuntimeError(f"{engine} with {workers} worker(s) stored something else")
                        db.unlink()
                finally:
                    if cluster is not None:
                        cluster.stop()
                med = statistics.median(seconds)
                results["cases"][f"{engine}-{workers}"] = {
                    "seconds": seconds, "median_s": med, "articles_per_s": round(summary["read"] / med, 1)}
                print(f"{engine:5s} {workers} worker(s): {med:7.2f} s (min {min(seconds):.2f}, max {max(seconds):.2f})"
                      f"  {summary['read'] / med:6.1f} art/s", flush=True)
        for engine in ("local", "dask"):
            one, two = results["cases"][f"{engine}-1"]["median_s"], results["cases"][f"{engine}-2"]["median_s"]
            results[f"{engine}_speedup_2_over_1"] = round(one / two, 3)
            print(f"{engine}: 2 workers / 1 worker = {one / two:.2f}x faster")
    print("every run stored the same (store digest)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
