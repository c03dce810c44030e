"""The ``dateline`` command: a thin face over the pipeline, the store and the evaluations."""

from __future__ import annotations

import json
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, replace
from pathlib import Path

import click

from dateline import __version__
from dateline.models import ENTITY_TYPES, Article
from dateline.outlets import outlet
from dateline.read import ReadOptions
from dateline.service.errors import resolve
from dateline.store import ArticleFilter, Store, default_db, open_store

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)


class ByteSize(click.ParamType):
    name = "size"

    def convert(self, value, param, ctx):  # type: ignore[override]
        if isinstance(value, int):
            return value
        m = _SIZE.match(str(value))
        if not m:
            self.fail(f"{value!r} is not a size such as 20MB, 512k or 1000000", param, ctx)
        factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
        return int(float(m.group(1)) * factor)


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):  # type: ignore[override]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)
        return str(value)


def db_option(f):
    return click.option(
        "--db", "db", envvar="DATELINE_DB", default=None, metavar="PATH|URL",
        help="Database file, or postgresql://... for a PostgreSQL store (default ./dateline.db, or $DATELINE_DB).",
    )(f)


def workers_option(f):
    """--workers, --engine and --address: where the per-article stages run."""
    f = click.option("--address", metavar="ADDR",
                     help="The engine's scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask).")(f)
    f = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="local: a pool of --workers processes here; dask: the workers of the Dask "
                          "cluster at --address (pip install 'dateline[dask]'; docs/scale.md).")(f)
    return click.option(
        "--workers", type=click.IntRange(min=1), default=None, metavar="N",
        help="Worker processes for the per-article stages, with --engine local (default: the machine's cores; 1: none).",
    )(f)


def _open(db: str | None) -> Store:
    try:
        return open_store(db or default_db())
    except Exception as exc:  # bad path, not a database, schema from a newer version
        raise click.ClickException(f"cannot open the store {_shown(db or default_db())}: {exc}") from exc


def _shown(location: str) -> str:
    """A store's location for messages: a URL without its password."""
    from dateline.store.pg_url import redact

    return redact(location)


@contextmanager
def _service():
    """A service function's error (no such id, an ambiguous prefix, a bad argument) as one line and exit status 1."""
    from dateline.service.errors import ServiceError

    try:
        yield
    except ServiceError as exc:
        raise click.ClickException(exc.message) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Dateline: news reports in any language -> a database of real-world events."""


# -- ingest -------------------------------------------------------------------------------------
@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL|- ...")
@db_option
@click.option("--max-bytes", type=ByteSize(), default="20MB", show_default=True, help="Largest file or download accepted.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private, loopback or link-local addresses.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="Seconds per HTTP request.")
@click.option("--no-fetch-linked", is_flag=True, help="Feed items with only a summary: keep the summary, do not fetch the page.")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True, help="Articles per transaction.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@click.option("--no-analyze", is_flag=True, help="Only store; run `dateline analyze` later.")
@workers_option
def ingest(inputs, db, max_bytes, allow_private, timeout, no_fetch_linked, batch_size, as_json, no_progress,
           no_analyze, workers, engine, address) -> None:
    """Read reports from files, directories, URLs, feeds or standard input (-), clean them,
    drop duplicates, store them, then analyse and link them and group them into events and
    stories (unless --no-analyze).

    In folders only report files are read (.txt .text .html .htm .xhtml .xml .rss .atom .rdf
    .jsonl .ndjson, or no extension); each rejected input gets one line on standard error.

    Exit status: 0 when every input was read, 1 when some were rejected, 2 on usage errors.
    """
    from dateline.pipeline import ingest as run_ingest
    from dateline.cli.progress import IngestProgress

    options = ReadOptions(max_bytes=max_bytes, allow_private=allow_private, timeout=timeout,
                          fetch_linked=not no_fetch_linked)
    show_progress = not no_progress and sys.stderr.isatty()
    started = time.perf_counter()
    with _workers(workers, not no_analyze, engine, address) as pool, _open(db) as store:  # the pool first: see _workers
        with IngestProgress(enabled=show_progress) as progress:
            summary = run_ingest(inputs, store, options, batch_size=batch_size,
                                 on_article=progress.advance, on_rejection=progress.rejected, workers=pool)
        analyzed, clustered = (None, None) if no_analyze else _run_stages(store, batch_size, show_progress, pool)
    if as_json:
        out = summary.as_dict()
        if analyzed is not None:
            out["analyzed"] = analyzed.as_dict()
        if clustered is not None:
            out["clustered"], out["framed"] = clustered[0].as_dict(), clustered[1]
        out["engine"], out["workers"] = engine, pool.workers
        out["total_seconds"] = round(time.perf_counter() - started, 2)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        d = summary.as_dict()
        click.echo(f"read {d['read']}, new {d['new']}, duplicate {d['duplicate']}, "
                   f"near-duplicate {d['near_duplicate']}, rejected {d['rejected']}")
        for reason, n in d["rejected_by_reason"].items():
            click.echo(f"  rejected {n}: {reason}")
        if analyzed is not None:
            click.echo(analyzed.line())
        if clustered is not None:
            click.echo(clustered[0].line())
        click.echo(f"store: {_shown(db or default_db())}")
    sys.exit(1 if summary.rejections else 0)


# -- articles / show ----------------------------------------------------------------------------
@main.command()
@db_option
@click.option("--lang", help="Only this language (ISO 639-1 code, e.g. it).")
@click.option("--source", help="Only this source or site name.")
@click.option("--since", type=IsoDate(), help="Published on or after this day.")
@click.option("--until", type=IsoDate(), help="Published on or before this day.")
@click.option("--no-duplicates", is_flag=True, help="Hide near-duplicate copies.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of articles).")
def articles(db, lang, source, since, until, no_duplicates, limit, as_json) -> None:
    """List stored articles in ingest order."""
    flt = ArticleFilter(lang=lang, source=source, since=since, until=until,
                        include_duplicates=not no_duplicates, limit=limit)
    with _open(db) as store:
        rows = [s.article for s in store.articles(flt)]
    if as_json:
        click.echo(json.dumps([_summary_dict(a) for a in rows], ensure_ascii=False, indent=2))
        return
    from dateline.cli.render import article_table

    article_table(rows)


@main.command()
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole article as JSON.")
def show(article_id, db, as_json) -> None:
    """Show one article: metadata, dateline, byline and cleaned text with its entity mentions and
    resolved dates marked. ID may be a unique prefix."""
    with _open(db) as store:
        matches = store.find(article_id)
        if not matches:
            raise click.ClickException(f"no article with id {article_id!r}")
        if len(matches) > 1:
            raise click.ClickException(f"id prefix {article_id!r} is ambiguous: {', '.join(matches[:5])} ...")
        stored = store.get(matches[0])
        analysis = store.analysis(matches[0])
        linked = {m.entity for m in analysis.mentions if m.entity} if analysis else set()
        entities = {e.id: e for e in (store.entity(i) for i in sorted(linked)) if e}
    assert stored is not None
    if as_json:
        out = asdict(stored.article)
        out["analysis"] = asdict(analysis) if analysis else None
        out["entities"] = {k: asdict(v) for k, v in entities.items()}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    from dateline.cli.render import analysis_detail, article_detail

    article_detail(stored.article, with_text=analysis is None)
    if analysis is not None:
        analysis_detail(stored.article, analysis, entities)


def _summary_dict(a: Article) -> dict:
    d = asdict(a)
    d.pop("text")
    d["chars"] = len(a.text)
    return d


# -- analyze / entities -------------------------------------------------------------------------
def _workers(workers: int | None, models: bool = True, engine: str = "local", address: str | None = None):
    """The pool of worker processes for the per-article stages. Made before the store is opened
    and its writer lock taken, so that no worker holds a copy of either; with ``models`` the
    tagger and gazetteer are loaded first, once, and the forked workers share them. With
    ``engine="dask"``, the workers of the Dask cluster at ``address`` instead."""
    if engine == "dask":
        from dateline.pipeline.engine_dask import DaskWorkers, EngineError

        if not address:
            raise click.UsageError("--engine dask needs --address (the scheduler, e.g. tcp://HOST:8786)")
        if workers is not None:
            raise click.UsageError("--workers is for --engine local; a Dask cluster has the workers it has")
        try:
            return DaskWorkers(address)
        except EngineError as exc:
            raise click.ClickException(str(exc)) from exc
    if address:
        raise click.UsageError("--address is for --engine dask")
    from dateline.pipeline import load_models
    from dateline.pipeline.workers import Workers

    return Workers(workers, preload=load_models if models else None)


def _run_stages(store: Store, batch_size: int, show_progress: bool, pool, cluster: bool = True):
    """Stages analyze and link, cluster and story, frame, run together (pipeline.process); the
    analyze summary, and the cluster summary with the frame stage's events framed and seconds
    (None with ``cluster=False``)."""
    from dateline.pipeline.process import process_pending
    from dateline.cli.progress import StagesProgress

    with StagesProgress(enabled=show_progress) as progress:
        done = process_pending(store, batch_size=batch_size, on_analyzed=progress.advance_analyzed,
                               on_clustered=progress.advance_clustered, workers=pool, cluster=cluster)
    if not cluster:
        return done.analyzed, None
    return done.analyzed, (done.clustered, {"events": done.framed, "seconds": round(done.frame_seconds, 2)})


@main.command()
@db_option
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True, help="Articles per transaction.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@click.option("--no-cluster", is_flag=True, help="Only analyse; run `dateline cluster` later.")
@workers_option
def analyze(db, batch_size, as_json, no_progress, no_cluster, workers, engine, address) -> None:
    """Find sentences, entity mentions and time expressions in every article not yet analysed,
    link the mentions to entities across articles and languages, then place the articles in
    events and stories (unless --no-cluster)."""
    show = not no_progress and sys.stderr.isatty()
    with _workers(workers, True, engine, address) as pool, _open(db) as store:
        summary, clustered = _run_stages(store, batch_size, show, pool, cluster=not no_cluster)
    if as_json:
        out = summary.as_dict()
        if clustered is not None:
            out["clustered"], out["framed"] = clustered[0].as_dict(), clustered[1]
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(summary.line())
    if clustered is not None:
        click.echo(clustered[0].line())


@main.command()
@db_option
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES, case_sensitive=False), help="Only this type.")
@click.option("--lang", help="Only entities mentioned in articles of this language.")
@click.option("--name", help="Canonical name contains this text.")
@click.option("--min-mentions", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of entities).")
def entities(db, etype, lang, name, min_mentions, limit, as_json) -> None:
    """List linked entities, most mentioned first: canonical name, type, languages, mentions."""
    from dateline.store import EntityFilter

    flt = EntityFilter(type=etype.upper() if etype else None, lang=lang, name=name, min_mentions=min_mentions, limit=limit)
    with _open(db) as store:
        rows = store.entity_summaries(flt)
    if as_json:
        click.echo(json.dumps([{**asdict(r.entity), "mentions": r.mentions, "articles": r.articles,
                                "languages": list(r.languages)} for r in rows], ensure_ascii=False, indent=2))
        return
    from dateline.cli.render import entity_table

    entity_table(rows)


@main.command()
@click.argument("entity_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the entity and all its mentions as JSON.")
def entity(entity_id, db, as_json) -> None:
    """Show one entity: canonical name, type, country and coordinates, aliases per language, mentions."""
    with _open(db) as store:
        found = store.entity(entity_id)
        if found is None:
            raise click.ClickException(f"no entity with id {entity_id!r} (see `dateline entities`)")
        mentions = store.entity_mentions(entity_id)
    if as_json:
        click.echo(json.dumps({**asdict(found), "mentions": [
            {"article": art, "lang": lang, **asdict(m)} for art, lang, m in mentions]}, ensure_ascii=False, indent=2))
        return
    from dateline.cli.render import entity_detail

    entity_detail(found, mentions)


# -- events / stories / similar ----------------------------------------------------------------
@main.command(name="cluster")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@workers_option
def cluster_cmd(db, as_json, no_progress, workers, engine, address) -> None:
    """Place every analysed article not yet in an event: join an event or start one, and place
    new events in stories (also done by `ingest` and `analyze`)."""
    with _workers(workers, False, engine, address) as pool, _open(db) as store:
        from dateline.pipeline import cluster_pending, frame_pending
        from dateline.cli.progress import CountProgress

        with CountProgress("clustering", enabled=not no_progress and sys.stderr.isatty()) as progress:
            summary = cluster_pending(store, on_article=progress.advance)
        frame_pending(store, workers=pool)  # the records give each event its date, place and headline
    click.echo(json.dumps(summary.as_dict(), indent=2) if as_json else summary.line())


@main.command()
@db_option
@click.option("--lang", help="Only events with an article in this language.")
@click.option("--since", type=IsoDate(), help="Events still running on or after this day.")
@click.option("--until", type=IsoDate(), help="Events begun on or before this day.")
@click.option("--place", help="Place contains this text.")
@click.option("--text", help="Headline contains this text.")
@click.option("--story", help="Only events of this story (id).")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True,
              help="Independent sources (copies and one outlet count once).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of events).")
def events(db, lang, since, until, place, text, story, min_articles, min_sources, limit, as_json) -> None:
    """List events, latest first: date, place, headline, languages, sources and articles."""
    from dateline.store import EventFilter

    flt = EventFilter(lang=lang, since=since, until=until, place=place, text=text, story=story,
                      min_articles=min_articles, min_sources=min_sources, limit=limit)
    with _open(db) as store:
        rows = store.event_summaries(flt)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    from dateline.cli.render_events import event_table

    event_table(rows)


@main.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the event whole as JSON.")
def event(event_id, db, as_json) -> None:
    """Show one event: its record (PLOVER type, actors, place, date, with the sentences behind each),
    its members (source, language, date, what tied them to it) and the comparison of its sources
    (agreed, reported by one, differing). EVENT_ID may be a prefix."""
    from dateline.service.queries import event_detail, event_parts

    with _open(db) as store, _service():
        if as_json:
            click.echo(json.dumps(event_detail(store, event_id), ensure_ascii=False, indent=2))
            return
        parts = event_parts(store, event_id)
    from dateline.cli.render_events import event_detail as render_event
    from dateline.compare import render_comparison

    render_event(parts.summary, parts.members, parts.record)
    click.echo()
    click.echo(render_comparison(parts.comparison))


@main.command()
@db_option
@click.option("--min-events", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of stories).")
def stories(db, min_events, limit, as_json) -> None:
    """List stories (events that continue one another), latest first."""
    with _open(db) as store:
        rows = store.story_summaries(limit=limit, min_events=min_events)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    from dateline.cli.render_events import story_table

    story_table(rows)


@main.command()
@click.argument("article_id")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def similar(article_id, db, limit, as_json) -> None:
    """Articles most like ARTICLE_ID (a prefix will do), by the learned pair judge: probability of
    the same event, SemEval score (1 same story .. 4 unrelated), and the evidence behind it."""
    from dateline.similarity.rank import rank_similar

    with _open(db) as store:
        article_id = _one(store.find(article_id), article_id, "article", "dateline articles")
        own = store.get(article_id)
        analysis = store.analysis(article_id)
        if own is None or analysis is None:
            raise click.ClickException(f"article {article_id} is not analysed yet (run `dateline analyze`)")
        ids = dict.fromkeys(store.articles_sharing_entities(article_id))
        placed = store.placement(article_id)
        if placed is not None:
            ids.update(dict.fromkeys(s.article.id for s, _ in store.event_members(placed.event_id)))
        candidates = [(s.article, a) for i in ids if (s := store.get(i)) and (a := store.analysis(i))]
        events_of = {c.id: p.event_id for c, _ in candidates if (p := store.placement(c.id))}
        ranked = rank_similar((own.article, analysis), candidates, limit=limit)
        titles = {c.id: c.title or c.text[:80] for c, _ in candidates}
    if as_json:
        click.echo(json.dumps([{**asdict(r), "event": events_of.get(r.article_id), "title": titles[r.article_id]}
                               for r in ranked], ensure_ascii=False, indent=2))
        return
    from dateline.cli.render_events import similar_table

    similar_table(ranked, titles, events_of)


def _one(found: list[str], given: str, kind: str, listing: str) -> str:
    with _service():
        return resolve(found, given, kind, f"`{listing}`")


# -- eval ---------------------------------------------------------------------------------------
@main.group(name="eval")
def eval_group() -> None:
    """Measure a stage against labelled data; prints JSON. For a known dev file (by its name, e.g.
    plover_events.jsonl) the output also holds an `untouched` block: the same figures on the quarter
    of the file that no model is trained on (docs/evaluation.md)."""


@eval_group.command(name="extraction")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.File("w", encoding="utf-8"), help="Write {id, body} per page here.")
def eval_extraction(file, predictions) -> None:
    """Main-text extraction on FILE (format of extraction_pages.jsonl): shingle precision, recall, F1."""
    from dateline.eval.extraction import evaluate_extraction

    click.echo(json.dumps(evaluate_extraction(file, predictions), indent=2))


@eval_group.command(name="entities")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.File("w", encoding="utf-8"),
              help="Write {id, mentions: [{start, end, type, entity}]} per record here.")
@click.option("--baseline-train", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="TRAIN",
              help="Also train the plain CRF baseline on TRAIN (labelled, same format; for CoNLL its training "
                   "file) and score it on FILE and its untouched part in the same run (minutes).")
def eval_entities(file, predictions, baseline_train) -> None:
    """Entity mentions on FILE (format of conll_ner.jsonl / slavicner_entities.jsonl): strict
    span-and-type P/R/F1 overall, per type and per language; BCubed linking quality where records
    carry entity ids. Mentions come from the same code as `dateline analyze` (tagger, gazetteer,
    linker), linked across all records of the file in order."""
    from dateline.eval.entities import evaluate_entities
    from dateline.pipeline import Analyzer

    analyzer = Analyzer()
    file_has_misc = "MISC" in _file_types(file)

    class _Linked:  # the eval's tagger interface over the analyze+link stages
        def tag(self, text: str, lang: str | None):
            return [m for m in map(_as_file_type, analyzer.mentions(text, lang)) if m is not None]

    def _as_file_type(m):
        # Nationality words: CoNLL marks the capitalised ones MISC ("Pakistani") and no lowercase
        # adjective ("pakistano"); SlavicNER marks neither (its nationality nouns are PER, which
        # the tagger finds). So: capitalised NORP -> MISC where the file has MISC, else unscored.
        if m.type != "NORP":
            return m
        return replace(m, type="MISC") if file_has_misc and m.text[:1].isupper() else None

    def entity_ids(records, predicted):
        return [[m.entity for m in mentions] for mentions in predicted]

    has_ids = any(m.get("entity") for m in _first_record(file).get("mentions", []))
    result = evaluate_entities(file, predictions, tagger=_Linked(), entity_linker=entity_ids if has_ids else None,
                               baseline_train=baseline_train)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@eval_group.command(name="similarity")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.File("w", encoding="utf-8"), help="Write {id, score} per pair here.")
@click.option("--encoder", "encoder_spec", metavar="SPEC",
              help="Also report a sentence encoder's cosine alone (use, e5, onnx:DIR, st:DIR); the judge is unchanged.")
@click.option("--pivot", "pivot_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="DIR",
              help="Also report word overlap through English, with the FreeDict X-eng dictionaries installed in DIR "
                   "(e.g. /usr/share/dictd); the judge is unchanged.")
def eval_similarity(file, predictions, encoder_spec, pivot_dir) -> None:
    """Article-pair similarity on FILE (format of semeval2022_pairs.jsonl): Pearson and Spearman of
    the judge's 1-4 score against gold `overall`, overall and per language pair, beside a character
    n-gram TF-IDF cosine baseline computed in the same run; pairs per second."""
    from dateline.eval.similarity import evaluate_similarity

    encoder = None
    if encoder_spec:  # loaded first: a missing package fails before the long evaluation
        from dateline.encode import EncoderError, EncoderUnavailable, load_encoder

        try:
            encoder = load_encoder(encoder_spec)
        except (EncoderError, EncoderUnavailable) as exc:
            raise click.BadParameter(str(exc), param_hint="--encoder") from exc
    pivot = None
    if pivot_dir:
        from dateline.similarity.bilingual import Pivot

        pivot = Pivot.load(dirs=[pivot_dir])
        if not pivot.languages:
            raise click.BadParameter(f"{pivot_dir}: no freedict-*-eng.index with its .dict(.dz)", param_hint="--pivot")
    result = evaluate_similarity(file, predictions)
    if encoder is not None:
        from dateline.eval.encoders import evaluate_encoder

        result["encoder"] = evaluate_encoder(str(file), encoder)
    if pivot is not None:
        from dateline.similarity.bilingual import DictionaryError
        from dateline.eval.pivot import evaluate_pivot

        try:
            result["pivot"] = evaluate_pivot(str(file), pivot)
        except DictionaryError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@eval_group.command(name="clustering")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--level", type=click.Choice(["story", "event"]), default="story", show_default=True,
              help="Score story ids or event ids against the file's `cluster`.")
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write {id, cluster} per article here.")
@click.option("--shuffle-seed", type=int, default=None,
              help="Also cluster in a shuffled order and report how much the result depends on order.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N records.")
def eval_clustering(file, level, predictions, shuffle_seed, limit) -> None:
    """Online event/story clustering on FILE (format of slavicner_stories.jsonl / ecbplus_events.jsonl):
    BCubed and pairwise P/R/F1 against `cluster`, number of clusters, articles per second (clustering
    alone and end to end with analysis), peak memory; order dependence with --shuffle-seed."""
    from dateline.eval.clustering import evaluate_clustering

    result = evaluate_clustering(file, level=level, predictions=predictions, shuffle_seed=shuffle_seed, limit=limit)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@eval_group.command(name="events")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.File("w", encoding="utf-8"),
              help="Write {id, event, mode, context, score, trigger, source, target} per record here.")
@click.option("--lexicon-only", is_flag=True, help="Type events with the trigger lexicons alone, not the learned model.")
def eval_events(file, predictions, lexicon_only) -> None:
    """PLOVER event type and actors on FILE (format of plover_events.jsonl): type accuracy, macro-F1
    and per-type P/R/F1; micro-averaged bag-of-tokens F1 of source and target actors; records per
    second; whether the shipped model was trained on FILE, beside its cross-validated figures."""
    from dateline.eval.events import evaluate_events

    click.echo(json.dumps(evaluate_events(str(file), predictions, use_model=not lexicon_only), ensure_ascii=False,
                          indent=2))


@eval_group.command(name="snippets")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--predictions", type=click.File("w", encoding="utf-8"), help="Write {id, label, score} per record here.")
def eval_snippets(file, predictions) -> None:
    """ACLED-style snippet subtype on FILE (format of case2021_snippets.jsonl): accuracy, macro-F1,
    per-label P/R/F1, records per second; whether the shipped model was trained on FILE, beside its
    cross-validated figures."""
    from dateline.eval.snippets import evaluate_snippets

    click.echo(json.dumps(evaluate_snippets(str(file), predictions), ensure_ascii=False, indent=2))


def _first_record(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return next((json.loads(line) for line in f if line.strip()), {})


def _file_types(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as f:
        return {m["type"] for line in f if line.strip() for m in json.loads(line).get("mentions", [])}


if __name__ == "__main__":
    main()
