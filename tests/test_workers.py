"""The pool of worker processes: the same store, part by part, with one worker and with two.

The input is the bundled examples (a repost among them: a near-duplicate), 160 reports the
throughput benchmark generates from them (enough that every stage hands work to the pool, which
runs an input of under two tasks per worker in the caller), an exact copy, an empty file and a
binary one (rejected, beside the good records)."""

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

from click.testing import CliRunner

from dateline.cli import main
from dateline.pipeline.workers import CHUNK, Workers

ROOT = Path(__file__).resolve().parents[1]


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for f in sorted((ROOT / "examples").glob("*.txt")):
        shutil.copy(f, folder / f.name)
    shutil.copy(ROOT / "examples" / "01_en_geneva-talks.txt", folder / "99_exact-copy.txt")
    (folder / "98_empty.txt").write_text("")
    (folder / "97_binary.txt").write_bytes(bytes(range(256)) * 8)
    bench = _module("ingest_bench")
    bench.write_jsonl(bench.generate(bench.load_examples(), 160, seed=11), folder / "generated.jsonl")
    return folder


def _ingest(inputs: Path, db: Path, workers: int) -> dict:
    result = CliRunner().invoke(main, ["ingest", str(inputs), "--db", str(db), "--json", "--no-progress",
                                       "--workers", str(workers)])
    assert result.exit_code == 1, result.output  # 1: the empty and the binary file were rejected
    return json.loads(result.output[result.output.index("{"):])


def test_one_worker_and_two_store_the_same(tmp_path):
    inputs = _inputs(tmp_path / "in")
    one = _ingest(inputs, tmp_path / "one.db", 1)
    two = _ingest(inputs, tmp_path / "two.db", 2)
    assert (one["workers"], two["workers"]) == (1, 2)
    assert one["new"] == two["new"] >= 170 and one["rejected"] == two["rejected"] == 2
    assert sorted(r["input"].rsplit("/", 1)[-1] for r in two["rejections"]) == ["97_binary.txt", "98_empty.txt"]
    assert one["duplicate"] == two["duplicate"] >= 1 and one["near_duplicate"] == two["near_duplicate"] >= 1
    assert two["analyzed"]["analyzed"] == two["new"] + two["near_duplicate"]
    assert not two["analyzed"]["failures"]
    assert two["framed"]["events"] == one["framed"]["events"] > 0
    digest = _module("store_digest").store_digest
    first, second = digest(tmp_path / "one.db"), digest(tmp_path / "two.db")
    assert first["events"]["n"] > 10
    for part in first:  # ids, analyses, placements, events, records, comparisons
        assert first[part] == second[part], part


def _pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_the_pool_keeps_input_order_and_runs_a_short_input_here():
    with Workers(2) as pool:
        long = list(pool.map(_pid, range(10 * CHUNK)))
        short = list(pool.map(_pid, range(CHUNK)))
        started = pool.start(_pid, list(range(10 * CHUNK)))  # handed out now, taken later
        assert [r for r, _ in started()] == [x * x for x in range(10 * CHUNK)]
    assert [r for r, _ in long] == [x * x for x in range(10 * CHUNK)]
    assert os.getpid() not in {pid for _, pid in long}  # handed out: none ran in the caller
    assert {pid for _, pid in short} == {os.getpid()}


def test_one_worker_starts_no_process():
    with Workers(1) as pool:
        assert pool._pool is None
        assert [pid for _, pid in pool.map(_pid, range(10 * CHUNK))] == [os.getpid()] * (10 * CHUNK)


def test_stages_run_together_find_what_they_find_one_after_another(tmp_path, monkeypatch):
    """pipeline.process: the writer clusters every few batches while the workers tag ahead and
    frame what it linked; the store must be the one of the stages run one after the other."""
    from dateline.pipeline import analyze_pending, cluster_pending, frame_pending, stages
    from dateline.pipeline.process import process_pending
    from dateline.store import open_store

    from dateline.frame.members import frame_version

    inputs = _inputs(tmp_path / "in")
    for name in ("apart", "together", "analysed"):
        result = CliRunner().invoke(main, ["ingest", str(inputs), "--db", str(tmp_path / f"{name}.db"),
                                           "--no-progress", "--no-analyze", "--workers", "1"])
        assert result.exit_code == 1, result.output
    with open_store(str(tmp_path / "apart.db")) as store:
        analyze_pending(store, batch_size=20)
        apart = cluster_pending(store)
        frame_pending(store)
    # one tagging batch per transaction: how many batches a transaction holds otherwise depends on
    # how long writing the linker's state took, and with it how often the writer clusters
    monkeypatch.setattr(stages, "MAX_GROUP", 1)
    with Workers(2) as pool:
        with open_store(str(tmp_path / "together.db")) as store:
            done = process_pending(store, batch_size=20, cluster_every=45, workers=pool)
        # several cluster calls, each counted in the one summary
        assert done.clustered.batches >= 3 and done.clustered.clustered == apart.clustered > 150
        with open_store(str(tmp_path / "analysed.db")) as store:  # the reports framed by the workers once linked
            analysed = process_pending(store, batch_size=20, workers=pool, cluster=False).analyzed.analyzed
            ids = [s.article.id for s in store.articles()]
            assert len(store.kept_frames(ids, frame_version())) == analysed == apart.clustered
            assert store.stale_events() == [] and not list(store.unanalyzed())
    digest = _module("store_digest").store_digest
    first, second = digest(tmp_path / "apart.db"), digest(tmp_path / "together.db")
    for part in first:
        assert first[part] == second[part], part
