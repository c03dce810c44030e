#!/usr/bin/env python3
"""Dateline end to end, as a user runs it: read, clean, dedupe, analyse, link, cluster, frame,
with every store write, in one command per run:

    python -m dateline.cli ingest INPUT --db TMP/e2e.db --no-progress --json --workers N

Each run is a fresh child process into a fresh temporary store; the child's ``--json`` summary
gives the stage seconds, and this script measures from outside the wall time, the memory of the
child's process tree and, afterwards, the store.

Usage:
    . .venv/bin/activate
    python bench/e2e_bench.py                                   # slavic, ecb, html; 3 runs each
    python bench/e2e_bench.py --inputs html,synth1000 --runs 1
    python bench/e2e_bench.py --inputs ecb --runs 1 --json /tmp/e2e.json
    python bench/e2e_bench.py --inputs synth10000 --no-tenths --workers 1

Inputs (``--inputs``, a comma list):
    slavic      DATA/slavicner_stories.jsonl (4,547 reports, JSON Lines)
    ecb         DATA/ecbplus_events.jsonl
    html        DATA/extraction_html/*.html.gz, gunzipped into a temporary folder
    synth1000, synth10000, synth100000
                that many reports generated from examples/ by ``ingest_bench.generate``
                (fixed seed), written to a temporary JSON Lines file
DATA is ``../shared/data/dev`` beside the repository (``--data DIR`` to change it).

Figures, per input (medians over the runs; min and max beside the total):
    total s         the child's own ``total_seconds`` (from just after its imports: worker pool and
                    models included, Python start-up not); wall s is the same run timed from here,
                    start-up and imports included
    art/s           articles read (the summary's ``read``) / total s
    stages          seconds of each stage as the summary gives them, and articles/s of each:
                    ingest read/s, analyze analyzed/s, cluster clustered/s, frame clustered/s
                    (the frame stage builds the records of the events those articles are in)
    tree MB         the largest sum, over the child and its worker processes, of their memory
                    (PSS, so pages the forked workers share with the parent are counted once;
                    RSS where the kernel has no smaps_rollup), sampled from /proc every 0.1 s,
                    every 0.5 s after the first 10 s; being sampled, it can miss a short spike
    main MB         the main process alone: its peak resident set (VmHWM, the kernel's own high
                    water mark, last read just before the process ended). With --workers 1 it
                    can read a little above tree MB: RSS against PSS, a high-water mark against
                    samples
    KB/article      bytes of the store file and its -wal (if any) after the run / articles stored
    beyond text     (those bytes - UTF-8 bytes of the stored articles' text, read back from the
                    store) / articles stored: what the store keeps besides the text itself
    tables          the largest tables and indexes, KB/article, from SQLite's dbstat (when the
                    sqlite3 module has it)
    tenths          (``--tenths``; default on for synth inputs, off for the real ones, never for
                    html) the JSON Lines input cut into 10 consecutive equal parts, ingested one
                    after another into one store, one child each: each part's total_seconds /
                    articles stored from it, in ms/article, and last tenth / first tenth. A ratio
                    near 1 means an article costs no more when the store is large. Each part's
                    figure includes the child's fixed cost (pool, models), which weighs most on
                    small inputs; the "stages only" line is the same with the sum of the four
                    stages' seconds instead, without that fixed cost

Only runs that exited 0 or 1 (1: some input was rejected) with a readable summary are counted.
``--json FILE`` writes every run's raw figures and the medians. Numbers are for comparing runs
on one machine; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.util
import json
import os
import platform
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = ROOT.parent / "shared" / "data" / "dev"
REAL = {"slavic": "slavicner_stories.jsonl", "ecb": "ecbplus_events.jsonl", "html": "extraction_html"}
SYNTH = {"synth1000": 1_000, "synth10000": 10_000, "synth100000": 100_000}
SEED = 2026
TENTHS = 10
STAGES = ("ingest", "analyze", "cluster", "frame")


def _load(name: str):
    """A sibling bench script as a module (registered first: its dataclasses look it up)."""
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


ib = _load("ingest_bench")


# --------------------------------------------------------------------------------------------
# Inputs


def prepare_input(name: str, data: Path, tmp: Path) -> Path:
    """The path to give ``dateline ingest`` for input ``name``: a JSON Lines file or a folder."""
    if name in SYNTH:
        path = tmp / f"{name}.jsonl"
        ib.write_jsonl(ib.generate(ib.load_examples(), SYNTH[name], SEED), path)
        return path
    source = data / REAL[name]
    if name != "html":
        return source
    folder = tmp / "html"
    folder.mkdir()
    for gz in sorted(source.glob("*.html.gz")):
        (folder / gz.name[: -len(".gz")]).write_bytes(gzip.decompress(gz.read_bytes()))
    return folder


def split_jsonl(path: Path, folder: Path, parts: int = TENTHS) -> list[Path]:
    """``path``'s lines cut into ``parts`` consecutive parts of (nearly) equal size."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    folder.mkdir(exist_ok=True)
    out = []
    for k in range(parts):
        part = folder / f"part-{k + 1:02d}.jsonl"
        with part.open("w", encoding="utf-8") as f:
            f.writelines(lines[k * len(lines) // parts:(k + 1) * len(lines) // parts])
        out.append(part)
    return out


# --------------------------------------------------------------------------------------------
# Running one ingest and measuring it


def _peak_rss_kb(pid: int) -> int:
    """The process's own high-water mark of its resident set (VmHWM), 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sampler(ib.TreeSampler):
    """``ingest_bench.TreeSampler`` (peak memory of the whole tree) that also keeps the main
    process's own peak resident set."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(pid, interval)
        self.main_peak_kb = 0

    def run(self) -> None:
        began = time.monotonic()
        while self.available and not self._halt.is_set():
            total, todo, seen = 0, [self.pid], set()
            while todo:
                p = todo.pop()
                if p not in seen:
                    seen.add(p)
                    total += ib._memory_kb(p)
                    todo.extend(ib._children_of(p))
            self.peak_kb = max(self.peak_kb, total)
            self.main_peak_kb = max(self.main_peak_kb, _peak_rss_kb(self.pid))
            # every 0.1 s at first, then every 0.5 s: reading the tree's memory from /proc took a
            # fifth of a core at 0.1 s, which a long run on two cores would pay out of its own time
            self._halt.wait(self.interval if time.monotonic() - began < 10 else 5 * self.interval)


def ingest_command(source: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "ingest", str(source), "--db", str(db),
            "--no-progress", "--json", "--workers", str(workers)]


def run_ingest(source: Path, db: Path, workers: int) -> dict:
    """One ``dateline ingest`` child: its summary, exit status, wall time and memory."""
    out_path, err_path = db.with_suffix(".stdout"), db.with_suffix(".stderr")
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(ingest_command(source, db, workers), stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, cwd=ROOT)
        sampler = Sampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    try:
        summary = json.loads(out_path.read_text(encoding="utf-8"))
    except ValueError:
        summary = None
    run = {
        "returncode": proc.returncode,
        "ok": proc.returncode in (0, 1) and isinstance(summary, dict) and "total_seconds" in summary,
        "wall_seconds": round(wall, 3),
        "tree_peak_mb": round(sampler.peak_kb / 1024, 1) if sampler.available else None,
        "main_peak_mb": round(sampler.main_peak_kb / 1024, 1) if sampler.available else None,
        # the largest resident set of the child or any process it reaped (kilobytes on Linux)
        "maxrss_mb": round(usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024), 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),  # the workers' included once reaped
        "summary": summary,
    }
    if not run["ok"]:
        run["stderr_tail"] = err_path.read_text(encoding="utf-8", errors="replace")[-2000:]
    return run


def stage_figures(summary: dict) -> dict:
    """Seconds and articles/s of each stage, from the child's summary."""
    analyzed, clustered, framed = (summary.get(k, {}) for k in ("analyzed", "clustered", "framed"))
    counts_seconds = {
        "ingest": (summary.get("read", 0), summary.get("seconds")),
        "analyze": (analyzed.get("analyzed", 0), analyzed.get("seconds")),
        "cluster": (clustered.get("clustered", 0), clustered.get("seconds")),
        "frame": (clustered.get("clustered", 0), framed.get("seconds")),
    }
    return {stage: {"seconds": s, "articles_per_s": round(n / s, 1) if s else None}
            for stage, (n, s) in counts_seconds.items()}


# --------------------------------------------------------------------------------------------
# The store after a run


def store_files_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


def table_bytes(db: Path) -> dict[str, int]:
    """Bytes per table and index from dbstat; empty where SQLite was built without it."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        return {}
    return dict(sorted(rows, key=lambda r: -r[1]))


def text_bytes(db: Path) -> tuple[int, int]:
    """Articles stored and the UTF-8 bytes of their text, read back from the store."""
    from dateline.store import open_store

    n = size = 0
    with open_store(db) as store:
        for stored in store.articles():
            n += 1
            size += len(stored.article.text.encode())
    return n, size


def store_figures(db: Path) -> dict:
    size = store_files_bytes(db)  # before anything here opens the store
    tables = table_bytes(db)
    n, text = text_bytes(db)
    return {
        "bytes": size,
        "articles": n,
        "text_bytes": text,
        "kb_per_article": round(size / n / 1024, 2) if n else None,
        "kb_per_article_beyond_text": round((size - text) / n / 1024, 2) if n else None,
        "table_bytes": tables,
    }


# --------------------------------------------------------------------------------------------
# Runs of one input


def whole_run(source: Path, workdir: Path, workers: int) -> dict:
    """The input in one ingest into a fresh store, then the store's figures."""
    db = workdir / "e2e.db"
    run = run_ingest(source, db, workers)
    if run["ok"]:
        run["stages"] = stage_figures(run["summary"])
        s = run["summary"]
        run["articles_per_s"] = round(s["read"] / s["total_seconds"], 1) if s["total_seconds"] else None
        run["store"] = store_figures(db)
    return run


def tenths_run(parts: list[Path], workdir: Path, workers: int) -> dict:
    """The parts ingested one after another into one fresh store: ms per stored article each."""
    db = workdir / "tenths.db"
    steps = []
    for part in parts:
        run = run_ingest(part, db, workers)
        s = run["summary"] if run["ok"] else {}
        stored = s.get("new", 0) + s.get("near_duplicate", 0)
        run["stored"] = stored
        run["ms_per_article"] = round(1000 * s["total_seconds"] / stored, 2) if stored else None
        stages = sum(x["seconds"] or 0 for x in stage_figures(s).values()) if s else 0
        run["stage_ms_per_article"] = round(1000 * stages / stored, 2) if stored else None
        steps.append(run)
    ms = [x["ms_per_article"] for x in steps]
    stage_ms = [x["stage_ms_per_article"] for x in steps]
    return {
        "ms_per_article": ms,
        "last_over_first": _ratio(ms[-1], ms[0]),
        "stage_ms_per_article": stage_ms,
        "stage_last_over_first": _ratio(stage_ms[-1], stage_ms[0]),
        "parts": steps,
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


def bench_input(name: str, source: Path, runs: int, workers: int, tenths: bool, tmp: Path,
                keep: Path | None = None) -> dict:
    parts = split_jsonl(source, tmp / f"{name}-tenths") if tenths else None
    out: dict = {"input": name, "path": str(source), "runs": [], "tenths": []}
    for r in range(runs):
        with tempfile.TemporaryDirectory(prefix="run-", dir=tmp) as workdir:
            log(f"{name}: run {r + 1}/{runs} ...")
            run = whole_run(source, Path(workdir), workers)
            if not run["ok"]:
                log(f"  failed, exit status {run['returncode']}:\n{run.get('stderr_tail', '')[-800:]}")
            out["runs"].append(run)
            if keep is not None and r == runs - 1 and run["ok"]:  # the last whole run's store, for later queries
                keep.mkdir(parents=True, exist_ok=True)
                for suffix in ("", "-wal"):
                    if (Path(workdir) / f"e2e.db{suffix}").exists():
                        shutil.copy(Path(workdir) / f"e2e.db{suffix}", keep / f"{name}.db{suffix}")
                log(f"{name}: kept the store as {keep / (name + '.db')}")
            if parts:
                log(f"{name}: run {r + 1}/{runs}, {TENTHS} tenths into one store ...")
                out["tenths"].append(tenths_run(parts, Path(workdir), workers))
    out["median"] = medians(out)
    return out


# --------------------------------------------------------------------------------------------
# Medians


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def medians(result: dict) -> dict:
    ok = [r for r in result["runs"] if r["ok"]]
    if not ok:
        return {}
    totals = [r["summary"]["total_seconds"] for r in ok]
    walls = [r["wall_seconds"] for r in ok]
    last = ok[-1]["summary"]  # counts: every run starts from an empty store
    m = {
        "runs_counted": len(ok),
        "counts": {k: last.get(k) for k in ("read", "new", "near_duplicate", "duplicate", "rejected")},
        "events": last.get("framed", {}).get("events"),
        "total_seconds": _median(totals), "total_min": min(totals), "total_max": max(totals),
        "wall_seconds": _median(walls), "wall_min": min(walls), "wall_max": max(walls),
        "articles_per_s": _median(r["articles_per_s"] for r in ok),
        "stages": {st: {k: _median(r["stages"][st][k] for r in ok) for k in ("seconds", "articles_per_s")}
                   for st in STAGES},
        "tree_peak_mb": _median(r["tree_peak_mb"] for r in ok),
        "main_peak_mb": _median(r["main_peak_mb"] for r in ok),
        "articles_stored": ok[-1]["store"]["articles"],
        "kb_per_article": _median(r["store"]["kb_per_article"] for r in ok),
        "kb_per_article_beyond_text": _median(r["store"]["kb_per_article_beyond_text"] for r in ok),
        "table_kb_per_article": {t: round(b / ok[-1]["store"]["articles"] / 1024, 2)
                                 for t, b in ok[-1]["store"]["table_bytes"].items()}
        if ok[-1]["store"]["articles"] else {},
    }
    if result["tenths"]:
        m["tenths_ms_per_article"] = [_median(t["ms_per_article"][k] for t in result["tenths"])
                                      for k in range(TENTHS)]
        m["tenths_last_over_first"] = _median(t["last_over_first"] for t in result["tenths"])
        m["tenths_stage_ms_per_article"] = [_median(t["stage_ms_per_article"][k] for t in result["tenths"])
                                            for k in range(TENTHS)]
        m["tenths_stage_last_over_first"] = _median(t["stage_last_over_first"] for t in result["tenths"])
    return m


# --------------------------------------------------------------------------------------------
# Printing


def _fmt(value, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def print_input(result: dict) -> None:
    m = result["median"]
    print(f"\n== {result['input']}  ({result['path']})")
    if not m:
        print("   no run succeeded")
        return
    c = m["counts"]
    print(f"   articles    read {c['read']}, stored {m['articles_stored']} (new {c['new']}, "
          f"near-dup {c['near_duplicate']}), dup {c['duplicate']}, rejected {c['rejected']}; "
          f"events {m['events']}; median of {m['runs_counted']} run(s)")
    print(f"   total       {_fmt(m['total_seconds'])} s  (min {_fmt(m['total_min'])}, "
          f"max {_fmt(m['total_max'])})   {_fmt(m['articles_per_s'], '.1f')} art/s")
    print(f"   wall        {_fmt(m['wall_seconds'])} s  (min {_fmt(m['wall_min'])}, "
          f"max {_fmt(m['wall_max'])})   start-up and imports included")
    print(f"   {'stage':<10} {'s':>8} {'art/s':>9}")
    for stage in STAGES:
        st = m["stages"][stage]
        print(f"   {stage:<10} {_fmt(st['seconds']):>8} {_fmt(st['articles_per_s'], '.1f'):>9}")
    print(f"   peak MB     tree {_fmt(m['tree_peak_mb'], '.1f')}, main {_fmt(m['main_peak_mb'], '.1f')}")
    print(f"   store       {_fmt(m['kb_per_article'])} KB/article, "
          f"{_fmt(m['kb_per_article_beyond_text'])} KB/article beyond text")
    if m["table_kb_per_article"]:
        top = list(m["table_kb_per_article"].items())[:6]
        print("   tables      " + ", ".join(f"{t} {kb:.2f}" for t, kb in top) + "  (KB/article)")
    if "tenths_ms_per_article" in m:
        ms = " ".join(_fmt(x, ".1f") for x in m["tenths_ms_per_article"])
        print(f"   tenths      {ms} ms/article; last/first {_fmt(m['tenths_last_over_first'], '.2f')}")
        ms = " ".join(_fmt(x, ".1f") for x in m["tenths_stage_ms_per_article"])
        print(f"    stages only {ms} ms/article; last/first "
              f"{_fmt(m['tenths_stage_last_over_first'], '.2f')}")


def git_commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD"], cwd=ROOT).returncode != 0
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (tracked files changed)" if dirty else "")


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def log(*args) -> None:
    print(*args, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Dateline end to end as a user runs it: `dateline ingest` "
                                 "timed per stage, its memory sampled, its store measured.")
    ap.add_argument("--inputs", default=",".join(REAL),
                    help=f"comma list of {', '.join([*REAL, *SYNTH])} (default: {','.join(REAL)})")
    ap.add_argument("--runs", type=int, default=3, help="runs per input; medians are reported (3)")
    ap.add_argument("--workers", type=int, default=usable_cores(), help="--workers of the CLI (usable cores)")
    ap.add_argument("--tenths", action=argparse.BooleanOptionalAction, default=None,
                    help="also ingest the input in 10 consecutive parts into one store "
                         "(default: on for synth inputs, off for real ones; never for html)")
    ap.add_argument("--data", type=Path, default=DATA, help=f"folder of the real inputs ({DATA})")
    ap.add_argument("--json", type=Path, default=None, metavar="FILE", help="write every run and the medians here")
    ap.add_argument("--keep", type=Path, default=None, metavar="DIR",
                    help="keep the store of each input's last whole run as DIR/INPUT.db")
    args = ap.parse_args(argv)
    args.inputs = [x.strip() for x in args.inputs.split(",") if x.strip()]
    unknown = [x for x in args.inputs if x not in REAL and x not in SYNTH]
    if unknown or not args.inputs:
        ap.error(f"unknown input(s) {', '.join(unknown) or '(none)'}; choose from {', '.join([*REAL, *SYNTH])}")
    missing = [str(args.data / REAL[x]) for x in args.inputs if x in REAL and not (args.data / REAL[x]).exists()]
    if missing:
        ap.error(f"not found: {', '.join(missing)} (see --data)")
    if args.runs < 1 or args.workers < 1:
        ap.error("--runs and --workers need at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    header = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(),
        "cores": usable_cores(),
        "cpu_count": os.cpu_count(),
        "workers": args.workers,
        "runs": args.runs,
        "python": platform.python_version(),
        "command": shlex.join(ingest_command(Path("INPUT"), Path("TMP/e2e.db"), args.workers)),
    }
    print(f"date {header['date']}   commit {header['commit']}   cores {header['cores']} "
          f"(of {header['cpu_count']})   workers {header['workers']}   runs {header['runs']}")
    print(header["command"])
    results = []
    with tempfile.TemporaryDirectory(prefix="dateline-e2e-") as tmp:
        for name in args.inputs:
            log(f"{name}: preparing ...")
            source = prepare_input(name, args.data, Path(tmp))
            tenths = name != "html" and (args.tenths if args.tenths is not None else name in SYNTH)
            if name == "html" and args.tenths:
                log("html: a folder of pages, no tenths")
            results.append(bench_input(name, source, args.runs, args.workers, tenths, Path(tmp), args.keep))
            print_input(results[-1])
    if args.json:
        args.json.write_text(json.dumps({**header, "inputs": results}, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        log(f"wrote {args.json}")
    return 0 if all(r["ok"] for res in results for r in res["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
