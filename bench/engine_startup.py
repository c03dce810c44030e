#!/usr/bin/env python3
"""Start-up of a distributed engine on this machine: from nothing to the result of a first task,
with two workers, in a fresh process (what ``dateline ingest --engine ...`` would wait for before
its first article, were it to start the cluster itself).

    /tmp/eng/dask/bin/python bench/engine_startup.py dask --runs 3
    /tmp/eng/ray/bin/python bench/engine_startup.py ray --runs 3
    /tmp/eng/spark/bin/python bench/engine_startup.py spark --runs 3

Each engine runs from a virtual environment of its own (its installed size is measured as the
growth of an empty one). Each run is a child process: import, start a local cluster of two
workers, run one task on each, stop; the seconds to the first result and to the end are printed,
and the medians over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

CHILD = {
    "dask": """
from distributed import Client, LocalCluster
cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
client = Client(cluster)
assert sorted(client.gather(client.map(lambda x: x + 1, [1, 2], pure=False))) == [2, 3]
first = time.perf_counter()
client.close(); cluster.close()
""",
    "ray": """
import ray
ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR")
@ray.remote
def f(x):
    return x + 1
assert sorted(ray.get([f.remote(1), f.remote(2)])) == [2, 3]
first = time.perf_counter()
ray.shutdown()
""",
    "spark": """
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
assert sorted(spark.sparkContext.parallelize([1, 2], 2).map(lambda x: x + 1).collect()) == [2, 3]
first = time.perf_counter()
spark.stop()
""",
}


def one_run(engine: str) -> dict:
    code = ("import time, json\nstart = time.perf_counter()\n" + CHILD[engine]
            + "print(json.dumps({'first_result_s': first - start, 'total_s': time.perf_counter() - start}))\n")
    wall = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - wall
    if out.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{out.stderr[-2000:]}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return {**figures, "process_s": wall}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("engine", choices=sorted(CHILD))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    runs = [one_run(args.engine) for _ in range(args.runs)]
    for k in ("first_result_s", "total_s", "process_s"):
        values = [r[k] for r in runs]
        print(f"{args.engine:6s} {k:15s} median {statistics.median(values):6.2f} s  "
              f"(min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
