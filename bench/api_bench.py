#!/usr/bin/env python3
"""Latency of ``dateline serve`` under a steady load, on a store of 10,000 articles.

Builds (or reuses, ``--store``) a store of N generated articles run through the whole pipeline
(the articles of ``ingest_bench.generate``: distinct reports built from ``examples/`` in seven
languages), starts ``dateline serve`` on it in a child process, and sends requests at a fixed
rate (open loop: a request leaves on schedule whether or not the earlier ones have answered, so
a slow server shows as latency, not as a lower rate) for ``--seconds``, at each rate of
``--rates``. The requests cycle through what a reader of the UI and the API asks:

- ``list``: ``GET /api/events`` plain, filtered by a language, by a place, by ``min_sources``,
  and page two (the cursor of page one);
- ``page``: ``GET /api/events/{id}`` of a random event (record, members, comparison);
- ``html``: ``GET /`` and ``GET /events/{id}`` (the web UI's feed and event page);
- ``search``: ``GET /api/search?q=`` with a word of a random headline.

It prints p50 / p99 / max latency per kind and rate, error answers, and the server's resident
memory (largest RSS seen, sampled every 0.1 s). Run several repeats and quote medians; nothing
here asserts a timing.

Usage:
    python bench/api_bench.py --store /tmp/bench10k.db          # builds it the first time
    python bench/api_bench.py --store /tmp/bench10k.db --rates 10,50 --seconds 20 --repeats 3 --json
    python bench/api_bench.py --store postgresql://localhost/dateline   # a PostgreSQL store (dateline copy)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent


def _bench_module(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def build_store(path: Path, n: int) -> dict:
    """``dateline ingest`` of n generated articles (analysis, clustering and framing included)."""
    ingest_bench = _bench_module("ingest_bench")
    records = ingest_bench.generate(ingest_bench.load_examples(), n)
    with tempfile.TemporaryDirectory() as tmp:
        src = ingest_bench.write_jsonl(records, Path(tmp) / "articles.jsonl")
        started = time.perf_counter()
        out = subprocess.run([*ingest_bench.default_cli(), "ingest", str(src), "--db", str(path), "--no-progress",
                              "--json"], capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
    summary = json.loads(out.stdout)
    return {"articles": n, "seconds": round(seconds, 1), "articles_per_second": round(n / seconds, 1),
            "new": summary["new"], "events": summary.get("clustered", {}).get("new_events")}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


class Server:
    """``dateline serve`` in a child process, and its largest resident memory while it runs."""

    def __init__(self, store: str | Path) -> None:
        self.port = _free_port()
        cli = _bench_module("ingest_bench").default_cli()
        self.proc = subprocess.Popen([*cli, "serve", "--db", str(store), "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        self.peak_kb = 0
        self._halt = threading.Event()
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                httpx.get(self.base + "/api/events?limit=1", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError("dateline serve did not answer within 60 s")
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        while not self._halt.is_set():
            self.peak_kb = max(self.peak_kb, _rss_kb(self.proc.pid))
            self._halt.wait(0.1)

    def stop(self) -> None:
        self._halt.set()
        self.proc.terminate()
        self.proc.wait(timeout=30)


def request_plan(base: str, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, url) pairs to cycle through, from what the store holds."""
    with httpx.Client(base_url=base, timeout=30) as client:
        first = client.get("/api/events", params={"limit": 200}).json()
        events = first["events"]
        second = client.get("/api/events", params={"limit": 50}).json()["next_cursor"]
    ids = [e["id"] for e in events]
    langs = sorted({lang for e in events for lang in e["languages"]})
    places = sorted({e["place"] for e in events if e["place"]})
    words = [w for e in events for w in e["headline"].split() if len(w) > 5 and w.isalpha()]
    plan = []
    for i in range(40):
        plan.append(("list", rng.choice([
            "/api/events?limit=50",
            f"/api/events?limit=50&lang={rng.choice(langs)}",
            f"/api/events?limit=50&place={rng.choice(places)}" if places else "/api/events?limit=50",
            "/api/events?limit=50&min_sources=2",
            f"/api/events?limit=50&cursor={second}" if second else "/api/events?limit=50"])))
        plan.append(("page", f"/api/events/{rng.choice(ids)}"))
        if i % 4 == 0:
            plan.append(("html", rng.choice(["/", f"/events/{rng.choice(ids)}"])))
            plan.append(("search", f"/api/search?q={rng.choice(words)}"))
    return plan


def load(base: str, plan: list[tuple[str, str]], rate: float, seconds: float) -> dict:
    """Send the plan's requests round-robin at ``rate`` per second for ``seconds`` (open loop)."""
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    client = httpx.Client(base_url=base, timeout=30, limits=httpx.Limits(max_connections=200))

    def one(kind: str, url: str) -> None:
        t0 = time.perf_counter()
        try:
            r = client.get(url)
            ok = r.status_code == 200
            detail = f"{r.status_code} {url}"
        except httpx.HTTPError as exc:
            ok, detail = False, f"{type(exc).__name__} {url}"
        ms = (time.perf_counter() - t0) * 1000
        with lock:
            latencies.setdefault(kind, []).append(ms)
            if not ok:
                errors.append(detail)

    threads = []
    start = time.perf_counter()
    total = int(rate * seconds)
    for k in range(total):
        due = start + k / rate
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        kind, url = plan[k % len(plan)]
        t = threading.Thread(target=one, args=(kind, url), daemon=True)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    client.close()
    sent_rate = total / (time.perf_counter() - start)
    out = {"rate": rate, "achieved_rate": round(sent_rate, 1), "requests": total, "errors": len(errors),
           "error_examples": errors[:3]}
    for kind, ms in sorted(latencies.items()):
        ms.sort()
        out[kind] = {"n": len(ms), "p50_ms": round(statistics.median(ms), 1),
                     "p99_ms": round(ms[min(len(ms) - 1, int(0.99 * len(ms)))], 1), "max_ms": round(ms[-1], 1)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True,
                    help="Store to serve (a file, built with --articles if absent, or a postgresql:// URL of a built one).")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--rates", default="10,50", help="Requests per second, comma-separated.")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result: dict = {"store": str(args.store)}
    if not args.store.startswith(("postgres://", "postgresql://")) and not Path(args.store).exists():
        result["built"] = build_store(Path(args.store), args.articles)
        print(f"built {args.store}: {result['built']}", file=sys.stderr)
    rates = [float(r) for r in args.rates.split(",")]
    runs = []
    for repeat in range(args.repeats):
        server = Server(args.store)
        try:
            plan = request_plan(server.base, random.Random(repeat))
            for rate in rates:
                run = load(server.base, plan, rate, args.seconds)
                run["repeat"] = repeat
                runs.append(run)
                if not args.json:
                    kinds = "  ".join(f"{k} p50 {run[k]['p50_ms']} p99 {run[k]['p99_ms']} ms"
                                      for k in ("list", "page", "html", "search") if k in run)
                    print(f"repeat {repeat} {rate:g}/s (sent {run['achieved_rate']}/s): {kinds}; "
                          f"errors {run['errors']}", file=sys.stderr)
        finally:
            server.stop()
        runs[-1]["serve_peak_rss_mb"] = round(server.peak_kb / 1024, 1)
    summary = {}
    for rate in rates:
        mine = [r for r in runs if r["rate"] == rate]
        summary[f"{rate:g}/s"] = {
            kind: {"p50_ms": statistics.median(r[kind]["p50_ms"] for r in mine if kind in r),
                   "p99_ms": statistics.median(r[kind]["p99_ms"] for r in mine if kind in r)}
            for kind in ("list", "page", "html", "search") if any(kind in r for r in mine)}
        summary[f"{rate:g}/s"]["errors"] = sum(r["errors"] for r in mine)
    result["median_of_repeats"] = summary
    result["serve_peak_rss_mb"] = max(r.get("serve_peak_rss_mb", 0) for r in runs)
    result["runs"] = runs
    print(json.dumps(result if args.json else {k: v for k, v in result.items() if k != "runs"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
