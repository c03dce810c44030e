"""Runs the stages in order over batches: read -> clean -> dedupe -> store, then analyze -> link,
then cluster -> story, then frame."""

from __future__ import annotations

import copy
import json
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from dateline.analyze.article import TAGGER_LANGUAGES, analyze_article, find_mentions
from dateline.analyze.ner import CrfTagger
from dateline.clean import CleanError, clean
from dateline.cluster import OnlineClusterer
from dateline.cluster.vectors import ArticleTerms, article_terms, relinked
from dateline.dedupe import NearDuplicateIndex, signature, to_bytes
from dateline.frame.members import frame_report, frame_version
from dateline.frame.record import RECORD_REPORTS, build_record
from dateline.link import Linker, find_gazetteer_mentions, is_big_place, is_known_name
from dateline.models import Analysis, Article, Entity, Mention, RawDocument, Rejection
from dateline.read import ReadOptions, read_inputs
from dateline.store import ClusterStateChanges, EventRecordRow, PlacementRow, Store, StoredArticle
from dateline.pipeline.members import event_members, frame_reports
from dateline.pipeline.workers import INLINE, Workers

BATCH_SIZE = 200


@dataclass
class IngestSummary:
    read: int = 0  # documents read, before cleaning
    new: int = 0  # stored, not a copy of anything stored
    # duplicate: the same text is already stored (nothing added);
    # near_duplicate: stored, pointing to the earliest copy of the same story
    duplicate: int = 0
    near_duplicate: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    # each document that cleaned: (its origin, the article id, new | near_duplicate | duplicate)
    outcomes: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def as_dict(self) -> dict:
        reasons = Counter(_reason_kind(r.reason) for r in self.rejections)
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "near_duplicate": self.near_duplicate,
            "rejected": self.rejected,
            "rejected_by_reason": dict(sorted(reasons.items())),
            "rejections": [{"input": r.origin, "reason": r.reason} for r in self.rejections],
            "seconds": round(self.seconds, 2),
        }


def _reason_kind(reason: str) -> str:
    # "file is 31.2 MB, over ..." and "file is 40 MB, over ..." are one kind of problem
    return reason.split(":")[0].split(",")[0].strip()


def clean_document(raw: RawDocument) -> Article | Rejection:
    """Clean one document; any failure becomes a rejection naming the input, never an exception."""
    try:
        return clean(raw)
    except CleanError as exc:
        return Rejection(raw.origin, str(exc))
    except Exception as exc:  # a bug on one odd input must not lose the batch beside it
        return Rejection(raw.origin, f"internal error while cleaning ({type(exc).__name__}: {exc})")


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: ReadOptions = ReadOptions(),
    *,
    stdin: BinaryIO | None = None,
    batch_size: int = BATCH_SIZE,
    on_article: Callable[[str], None] | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    workers: Workers = INLINE,
) -> IngestSummary:
    """Read, clean, deduplicate and store; one transaction per batch, so an interrupted run
    leaves whole batches only and running it again completes it."""
    return ingest_documents(read_inputs(inputs, options, stdin=stdin), store, batch_size=batch_size,
                            on_article=on_article, on_rejection=on_rejection, workers=workers)


def ingest_documents(
    items: Iterable[RawDocument | Rejection],
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    on_article: Callable[[str], None] | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    workers: Workers = INLINE,
) -> IngestSummary:
    """:func:`ingest` over documents already read (a feed's items, the API's reports).
    ``workers`` clean and sign the documents; the near-duplicate index and the writes stay here,
    in input order."""
    started = time.perf_counter()
    summary = IngestSummary()
    index = NearDuplicateIndex()
    seen_seq = 0  # the store's signatures read up to this ingest position
    cleaned: list[tuple[Article, object]] = []  # (article, its signature), waiting for the writer lock

    def flush() -> None:
        # under the writer lock, so that another writer's articles (stored since this one last
        # looked) count as duplicates too: exact copies by id, near copies by signature
        nonlocal seen_seq
        if not cleaned:
            return
        batch: list[StoredArticle] = []
        repoints: dict[str, str] = {}
        pending: set[str] = set()
        with store.writing():
            rows = list(store.signatures_after(seen_seq))
            index.refresh(rows)
            seen_seq = max([seen_seq, *(r[1] for r in rows)])
            stored = store.existing_ids([a.id for a, _ in cleaned])
            for article, sig in cleaned:
                if article.id in pending or article.id in stored:
                    summary.duplicate += 1
                    summary.outcomes.append((article.origin, article.id, "duplicate"))
                    _notify(on_article, "duplicate")
                    continue
                if sig is not None:
                    placement = index.add(article.id, sig, article.published)
                    repoints.update(placement.repoint)
                    if placement.duplicate_of:
                        article = replace(article, duplicate_of=placement.duplicate_of,
                                          duplicate_score=round(placement.score, 3))
                        summary.near_duplicate += 1
                batch.append(StoredArticle(article, to_bytes(sig) if sig is not None else None))
                pending.add(article.id)
                summary.new += not article.duplicate_of
                kind = "near_duplicate" if article.duplicate_of else "new"
                summary.outcomes.append((article.origin, article.id, kind))
                _notify(on_article, kind)
            if batch:
                store.add_batch(batch, repoints)
        cleaned.clear()

    def reject(rejection: Rejection) -> None:
        summary.rejections.append(rejection)
        if on_rejection:
            on_rejection(rejection)

    for was_read, result, sig in workers.map(prepared_document, items):
        summary.read += was_read
        if isinstance(result, Rejection):
            reject(result)
            continue
        cleaned.append((result, sig))
        if len(cleaned) >= batch_size:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary


def prepared_document(item: RawDocument | Rejection) -> tuple[bool, Article | Rejection, object]:
    """The per-document half of ingest, which a worker runs: whether ``item`` was a document
    read (not a rejection of the reader's), the article cleaned from it or why not, and its
    near-duplicate signature."""
    if isinstance(item, Rejection):
        return False, item, None
    result = clean_document(item)
    if isinstance(result, Rejection):
        return True, result, None
    return True, result, signature(result.text)


def _notify(callback: Callable[[str], None] | None, kind: str) -> None:
    if callback:
        callback(kind)


@dataclass
class Warm:
    """A long-running writer's analyzer and clusterer, kept between calls (a watcher's rounds,
    the API's requests), and the versions of the kept state each was last in step with."""

    analyzer: "Analyzer | None" = None
    link_version: int = -1
    clusterer: OnlineClusterer | None = None
    cluster_version: int = -1


@dataclass
class AnalyzeSummary:
    analyzed: int = 0
    mentions: int = 0
    linked: int = 0
    times: int = 0
    resolved_times: int = 0
    entities_touched: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)  # "article id: error", left unanalysed

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["seconds"] = round(self.seconds, 2)
        d["articles_per_second"] = round(self.analyzed / self.seconds, 1) if self.seconds else None
        return d

    def line(self) -> str:
        failed = f"; {len(self.failures)} failed: " + "; ".join(self.failures[:3]) if self.failures else ""
        return (f"analyzed {self.analyzed}: {self.mentions} mentions ({self.linked} linked), "
                f"{self.times} time expressions ({self.resolved_times} resolved){failed}")


def gazetteer_mentions(text: str, lang: str | None) -> list[Mention]:
    # where the tagger was trained, find_mentions keeps only the gazetteer's nationality words
    return find_gazetteer_mentions(text, lang, nationalities_only=lang in TAGGER_LANGUAGES)


def _name_checks(lang: str | None) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """The gazetteer's word on a tagged name, for the analyze stage: a known name as written; a
    country or big city."""
    return (lambda name: is_known_name(name, lang)), (lambda name: is_big_place(name, lang))


_TAGGER: CrfTagger | None = None


def shared_tagger() -> CrfTagger:
    """This process's tagger: the model opened once, its caches shared by every analyzer."""
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = CrfTagger()
    return _TAGGER


def load_models() -> None:
    """Open the tagger's model and the gazetteer now (before workers are forked, to share them)."""
    shared_tagger().tag("Rome", "it")
    gazetteer_mentions("Rome", "it")
    is_known_name("Rome", "it")


def unlinked_analysis(article: Article) -> Analysis | str:
    """The per-article half of stage analyze, which a worker runs: sentences, mentions (not yet
    linked) and times; an error as text, so that one odd article fails alone."""
    try:
        lang = article.lang
        return analyze_article(article, shared_tagger(), gazetteer_mentions(article.text, lang), *_name_checks(lang))
    except Exception as exc:  # a bug on one odd article must not stop the others
        return f"{type(exc).__name__}: {exc}"


def tagged_with_terms(article: Article) -> tuple[Analysis, ArticleTerms | None] | str:
    """:func:`unlinked_analysis` and the article's terms for the clusterer, taken over the
    unlinked analysis (the writer makes them those of the linked one: ``relinked``), so that the
    writer, which every article waits on, does not take them; None where that failed (the
    clusterer then takes them itself and says why)."""
    analysis = unlinked_analysis(article)
    if isinstance(analysis, str):
        return analysis
    try:
        return analysis, article_terms(article, analysis)
    except Exception:
        return analysis, None


class Analyzer:
    """Stages analyze and link together: the tagger, the gazetteer and the linker's
    cross-document state. Feed it articles in order."""

    def __init__(self, link_state: dict | None = None) -> None:
        self.tagger = shared_tagger()
        self.reset_links(link_state)

    def reset_links(self, link_state: dict | None) -> None:
        """Start the linker again from ``link_state`` (what the store keeps), or from nothing."""
        self.linker = Linker()
        if link_state:
            self.linker.load_state(link_state)

    def mentions(self, text: str, lang: str | None) -> list[Mention]:
        """Linked mentions of one text (what ``analyze`` stores; also what ``eval entities`` scores)."""
        found = find_mentions(text, lang, self.tagger, gazetteer_mentions(text, lang), *_name_checks(lang))
        return self.linker.link_document(text, lang, found)[0]

    def analyze(self, article: Article) -> tuple[Analysis, list[str]]:
        """The article's analysis with linked mentions, and the ids of the entities it touched."""
        lang = article.lang
        analysis = analyze_article(article, self.tagger, gazetteer_mentions(article.text, lang), *_name_checks(lang))
        return self.link(article, analysis)

    def link(self, article: Article, analysis: Analysis) -> tuple[Analysis, list[str]]:
        """``analysis`` (of :func:`unlinked_analysis`) with its mentions linked, and the ids of
        the entities it touched: the half of stage analyze that carries state between articles."""
        mentions, touched = self.linker.link_document(article.text, article.lang, list(analysis.mentions))
        return replace(analysis, mentions=tuple(mentions)), touched

    def entities(self, ids: Iterable[str]) -> list[Entity]:
        return [self.linker.entity(i) for i in sorted(set(ids))]


# Articles handed to the workers ahead of the one writer, as batches of the analyze stage: enough
# that they still have tagging to do while the writer clusters a thousand articles in between.
TAG_AHEAD = 2_000
LINK_STATE_SHARE, MAX_GROUP = 0.2, 8


def analyze_pending(
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    on_article: Callable[[int], None] | None = None,
    warm: Warm | None = None,
    workers: Workers = INLINE,
    between: Callable[[int], None] | None = None,
    terms: dict[str, ArticleTerms] | None = None,
) -> AnalyzeSummary:
    """Analyse and link every article without an analysis; one transaction per batch (per
    several, up to MAX_GROUP, once the linker's state has grown costly to write), the linker's
    cross-document state saved with each. ``warm``: the analyzer of an earlier
    call, used again (its tagger loaded, its linker in step) unless another writer linked since.
    ``workers`` tag the articles, up to TAG_AHEAD ahead of the batch being linked, and frame the
    reports once linked (the frame stage then finds them kept); linking, in ingest order, stays
    here. ``between(n)``: called after each batch's transaction with the articles it analysed,
    outside the writer lock (the caller clusters there while the workers go on tagging).
    ``terms``: filled with each analysed article's terms for the clusterer (taken by the workers
    beside the tagging), for :func:`cluster_pending` to use."""
    started = time.perf_counter()
    tag = unlinked_analysis if terms is None else tagged_with_terms
    summary = AnalyzeSummary()
    warm = warm if warm is not None else Warm()
    cursor = 0  # ingest position reached: failed articles stay unanalysed and are not re-read this run
    ahead: deque[tuple[list[str], Callable]] = deque()  # batches handed out: their ids and their tagging
    ahead_seq = 0  # ingest position of the last article handed out
    depth = max(1, TAG_AHEAD // batch_size) if workers.workers > 1 else 0
    # transactions' reports being framed, oldest first; they are handed out after the batches
    # tagged ahead of them, so they are taken back (and kept) once that many batches later
    framing: deque[tuple[list[str], Callable]] = deque()
    group = 1
    while True:
        with store.writing():  # another writer may link between two batches: then start from its state
            if warm.analyzer is None or store.state_version("link") != warm.link_version:
                state = store.link_state().get("linker")
                warm.analyzer = warm.analyzer or Analyzer()
                warm.analyzer.reset_links(json.loads(state) if state else None)
            analyzer = warm.analyzer
            while len(framing) > max(1, depth // group):  # analysed articles are this writer's alone: none framed since
                store.keep_frames(_framed(framing.popleft()), frame_version())
            analyses, touched, linked, read = [], set(), [], 0
            linking = time.perf_counter()
            for _ in range(group):  # tagging batches in this transaction
                batch = list(store.unanalyzed(limit=batch_size, after_seq=cursor))
                if not batch:
                    break
                read += len(batch)
                cursor = batch[-1].seq or cursor
                ids = [s.article.id for s in batch]
                if ahead and ahead[0][0] == ids:
                    unlinked_all = ahead.popleft()[1]()
                else:  # first batch, or another writer analysed some of what was handed out
                    ahead.clear()
                    ahead_seq = cursor
                    unlinked_all = workers.start(tag, [s.article for s in batch])()
                while len(ahead) < depth:  # the workers tag the next batches while this one is linked
                    upcoming = list(store.unanalyzed(limit=batch_size, after_seq=ahead_seq))
                    if not upcoming:
                        break
                    ahead_seq = upcoming[-1].seq or ahead_seq
                    ahead.append(([s.article.id for s in upcoming],
                                  workers.start(tag, [s.article for s in upcoming])))
                for stored, unlinked in zip(batch, unlinked_all):
                    if isinstance(unlinked, str):
                        summary.failures.append(f"{stored.article.id}: {unlinked}")
                        continue
                    unlinked, early = unlinked if isinstance(unlinked, tuple) else (unlinked, None)
                    try:
                        analysis, entity_ids = analyzer.link(stored.article, unlinked)
                    except Exception as exc:  # a bug on one odd article must not stop the others
                        summary.failures.append(f"{stored.article.id}: {type(exc).__name__}: {exc}")
                        continue
                    if early is not None and terms is not None:
                        try:
                            terms[stored.article.id] = relinked(early, stored.article, analysis)
                        except Exception:  # the clusterer takes them itself, and says why if it fails too
                            pass
                    analyses.append(analysis)
                    linked.append((stored.article, analysis))
                    touched.update(entity_ids)
                    summary.analyzed += 1
                    summary.mentions += len(analysis.mentions)
                    summary.linked += sum(1 for m in analysis.mentions if m.entity)
                    summary.times += len(analysis.times)
                    summary.resolved_times += sum(1 for t in analysis.times if t.first)
                    if on_article:
                        on_article(1)
            if not read:
                break
            writing = time.perf_counter()
            store.add_analyses(analyses, analyzer.entities(touched),
                               {"linker": json.dumps(analyzer.linker.export_state(), ensure_ascii=False, sort_keys=True)})
            warm.link_version = store.state_version("link")
            if workers.workers > 1 and linked:
                framing.append(([a.id for a, _ in linked], workers.start(_framed_report, linked)))
        # the linker's state is written whole with each transaction and grows with the stream:
        # once that takes more than LINK_STATE_SHARE of the linking, put more batches in one
        if time.perf_counter() - writing > LINK_STATE_SHARE * (writing - linking):
            group = min(2 * group, MAX_GROUP)
        summary.entities_touched += len(touched)
        if between is not None:
            paused = time.perf_counter()
            between(len(analyses))
            started += time.perf_counter() - paused  # this stage's seconds are its own
    if framing:
        with store.writing():
            for batch_framing in framing:
                store.keep_frames(_framed(batch_framing), frame_version())
    summary.seconds = time.perf_counter() - started
    return summary


def _framed_report(pair: tuple[Article, Analysis]) -> dict | None:
    """A report framed (claims and lead), in the JSON form the store keeps: a worker's part.
    None where framing failed: the frame stage frames that report again and says why."""
    try:
        return frame_report(*pair).as_dict()
    except Exception:
        return None


def _framed(framing: tuple[list[str], Callable]) -> dict[str, dict]:
    ids, results = framing
    return {i: frame for i, frame in zip(ids, results()) if frame is not None}


@dataclass
class ClusterSummary:
    clustered: int = 0
    new_events: int = 0
    joined: int = 0  # articles that joined an existing event
    new_stories: int = 0
    story_merges: int = 0
    story_moves: int = 0  # events given another story by the warm-up's second look
    event_merges: int = 0  # small events absorbed by a grown one
    seconds: float = 0.0
    batches: int = 0  # transactions: each writes its placements and the clusterer's state
    write_seconds: float = 0.0  # of ``seconds``, spent in the batches' writes (placements, summaries, state)
    failures: list[str] = field(default_factory=list)  # "article id: error", left unplaced

    def add(self, other: "ClusterSummary") -> None:
        """Count ``other`` (a later call's summary) in this one."""
        for name, value in other.__dict__.items():
            setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["seconds"], d["write_seconds"] = round(self.seconds, 2), round(self.write_seconds, 2)
        d["articles_per_second"] = round(self.clustered / self.seconds, 1) if self.seconds else None
        return d

    def line(self) -> str:
        failed = f"; {len(self.failures)} failed: " + "; ".join(self.failures[:3]) if self.failures else ""
        return (f"clustered {self.clustered}: {self.new_events} new events, {self.joined} joined one, "
                f"{self.new_stories} new stories, {self.story_merges} story merges"
                + (f", {self.event_merges} small events absorbed" if self.event_merges else "")
                + (f", {self.story_moves} events re-storied" if self.story_moves else "") + failed)


def cluster_pending(
    store: Store,
    *,
    batch_size: int = 500,
    max_batch_size: int = 8000,
    state_share: float = 0.2,
    on_article: Callable[[int], None] | None = None,
    clusterer: OnlineClusterer | None = None,
    warm: Warm | None = None,
    terms: dict[str, ArticleTerms] | None = None,
) -> ClusterSummary:
    """Place every analysed article not yet in an event, in ingest order (stage cluster, and
    story). One transaction per batch holds the placements, the story merges and moves and the
    clusterer's state, so a run killed at any point resumes where the last batch ended.

    Each batch also writes the store's summaries of the events it touched and the clusterer's
    state (its changes, and the core of it whole), which grow with the stream. So a batch whose
    writes took more than ``state_share`` of its placing time doubles the next batch, up to
    ``max_batch_size``; which batches commit changes nothing in what is placed where.

    ``warm``: a clusterer kept from an earlier call (a watcher's previous round), used again when
    no other writer clustered since; ``clusterer``: the settings to start from otherwise.
    ``terms``: articles' terms taken already (:func:`analyze_pending`), used up as they are placed;
    the others' analyses are read back from the store."""
    started = time.perf_counter()
    summary = ClusterSummary()
    terms = terms if terms is not None else {}
    # the clusterer to load the kept state into first (tests pass one with other settings), and
    # pristine settings to start again from when another writer clusters meanwhile
    fresh, template = clusterer, copy.deepcopy(clusterer) if clusterer is not None else None
    warm = warm if warm is not None else Warm()
    cursor, size = 0, batch_size
    while True:
        with store.writing():  # from reading the clusterer's state to committing the batch built on it
            if warm.clusterer is None or store.state_version("cluster") != warm.cluster_version:
                # first batch, or another writer clustered since: start from the state it kept
                warm.clusterer = fresh or (copy.deepcopy(template) if template else OnlineClusterer())
                fresh = None
                load_clusterer(store, warm.clusterer)
            batch = list(store.unclustered(limit=size, after_seq=cursor))
            if not batch:
                break
            cursor = batch[-1].seq or cursor
            placing = time.perf_counter()
            rows, merges, moves, event_merges = _place(store, warm.clusterer, batch, summary, on_article, terms)
            writing = time.perf_counter()
            store.add_placements(rows, merges, kept_changes(warm.clusterer), moves, event_merges)
            warm.cluster_version = store.state_version("cluster")
        wrote = time.perf_counter() - writing
        summary.batches += 1
        summary.write_seconds += wrote
        if wrote > state_share * (writing - placing):
            size = min(2 * size, max(max_batch_size, batch_size))
    summary.seconds = time.perf_counter() - started
    return summary


def _place(store: Store, clusterer: OnlineClusterer, batch: list[StoredArticle], summary: ClusterSummary,
           on_article: Callable[[int], None] | None, terms: dict[str, ArticleTerms]):
    """Place one batch: its ``(placement, story)`` rows, and the story merges, story moves and
    event merges the clusterer made meanwhile."""
    placed: list[tuple[PlacementRow, str]] = []
    for stored in batch:
        article = stored.article
        try:
            taken = terms.pop(article.id, None)
            if taken is not None:
                p = clusterer.add(article, None, taken)
            else:
                analysis = store.analysis(article.id)
                if analysis is None:
                    raise ValueError("no analysis")
                p = clusterer.add(article, analysis)
        except Exception as exc:  # one odd article must not stop the others
            summary.failures.append(f"{article.id}: {type(exc).__name__}: {exc}")
            continue
        e = p.evidence
        evidence = {"shared": list(e.shared), "reasons": [list(r) for r in e.reasons], "judged": e.judged,
                    "story_probability": e.story_probability, "new_story": e.new_story}
        placed.append((PlacementRow(article.id, p.event, e.basis, e.event_probability, evidence), p.story))
        summary.clustered += 1
        summary.new_events += e.new_event
        summary.joined += not e.new_event
        summary.new_stories += e.new_story
        if on_article:
            on_article(1)
    merges, moves = clusterer.drain_merges(), clusterer.drain_moves()
    event_merges = clusterer.drain_event_merges()
    summary.story_merges += len(merges)
    summary.story_moves += len(moves)
    summary.event_merges += len(event_merges)
    # an event or story named earlier in this batch may have been absorbed by another since;
    # an absorbed event's members go with the survivor, and so into its story
    resolved = []
    for row, story in placed:
        event = clusterer.event_id(row.event_id)
        resolved.append((replace(row, event_id=event), clusterer.story_of(event) or clusterer.story_id(story)))
    return resolved, merges, moves, event_merges


def load_clusterer(store: Store, clusterer: OnlineClusterer) -> None:
    """Give ``clusterer`` the state the store keeps, if any (``kept_changes`` wrote it)."""
    kept = store.cluster_state()
    if kept is None:
        return
    core = json.loads(zlib.decompress(kept.core))
    if core.get("parts"):
        clusterer.load_parts(core, [json.loads(t) for t in kept.terms],
                             {layer: [json.loads(c) for c in rows] for layer, rows in kept.clusters.items()})
    else:  # the whole state in one piece, as kept before 2026-12-02
        clusterer.load_state(core)


def kept_changes(clusterer: OnlineClusterer) -> ClusterStateChanges:
    """The clusterer's changes since they were last kept, as the store keeps them: only the core
    is written whole with every batch; terms and live clusters as they change."""
    changes = clusterer.export_changes()
    dump = lambda x: json.dumps(x, separators=(",", ":"))  # noqa: E731
    terms = changes["terms"]
    return ClusterStateChanges(
        core=zlib.compress(dump(changes["core"]).encode(), 1),
        terms=None if terms is None else dump(terms), first_term=terms["first"] if terms else 0,
        terms_reset=changes["terms_reset"],
        reset=tuple(changes["reset"]), gone=tuple((layer, i) for layer, i in changes["gone"]),
        clusters=tuple((layer, i, dump(state)) for layer, i, state in changes["clusters"]))


def frame_pending(store: Store, *, batch_size: int = 200, workers: Workers = INLINE) -> int:
    """Build the record (stage frame) of every event whose members changed since its record was
    built, and give the event's summary its date, place and headline. Returns events framed.
    ``workers`` frame the reports (claims and lead) the store does not keep yet; the records are
    built here."""
    done = 0
    while True:
        with store.writing():  # another writer may be framing the same events: one at a time
            stale = store.stale_events(limit=batch_size)
            if not stale:
                return done
            done += _frame_events(store, stale, workers)


# Members held in memory at once while framing: large events (a hot story of thousands of
# reports) would otherwise load a whole batch of them together, and memory would grow with them.
FRAME_MEMBERS = 2_000


def _frame_events(store: Store, stale: list[str], workers: Workers) -> int:
    """Frame the ``stale`` events, a group of about FRAME_MEMBERS members at a time, and store
    their records; returns how many. An event whose first RECORD_REPORTS reports are those its
    record was decided over keeps that record: only later reports joined it."""
    done, ids, group, size, unchanged = 0, [], [], 0, []
    for event_id in stale:
        rows = store.event_members(event_id, limit=RECORD_REPORTS)
        if len(rows) == RECORD_REPORTS and (record := _record_over(store, event_id, rows)) is not None:
            unchanged.append(_record_row(event_id, record))  # the summary takes its fields again
            continue
        ids.append(event_id)
        group.append(event_members(store, event_id, rows))
        size += len(rows)
        if size >= FRAME_MEMBERS:
            done += _frame_group(store, ids, group, workers)
            ids, group, size = [], [], 0
    if group:
        done += _frame_group(store, ids, group, workers)
    if unchanged:
        store.set_records(unchanged)
    return done + len(unchanged)


def _record_over(store: Store, event_id: str, rows: list[tuple[StoredArticle, PlacementRow]]) -> dict | None:
    """The event's stored record if it was decided over exactly these reports."""
    record = store.event_record(event_id)
    return record if record and record.get("members") == [s.article.id for s, _ in rows] else None


def _record_row(event_id: str, record: dict) -> EventRecordRow:
    """A record (JSON form) and what it gives its event's summary."""
    date, place, headline = record.get("date"), record.get("place"), record.get("headline")
    if date is not None and date["granularity"] not in ("day", "week", "range"):
        date = None  # a year or month named in passing says little of when it happened
    return EventRecordRow(event_id, record, date["first"] if date else None, date["last"] if date else None,
                          place["name"] if place else None, headline["text"] if headline else None,
                          headline["article_id"] if headline else None)


EventMembers = tuple[list[tuple[Article, Analysis]], dict[str, Entity]]


def _frame_group(store: Store, stale: list[str], members: list[EventMembers], workers: Workers) -> int:
    """Frame one group of events (``members``: each one's, as ``event_members`` reads them)."""
    fresh: dict[str, dict] = {}
    frames = frame_reports(store, [analysed for analysed, _ in members], fresh, workers.map)
    rows = [_record_row(event_id, build_record(analysed, entities, reports=reports).as_dict())
            for event_id, (analysed, entities), reports in zip(stale, members, frames)]
    store.keep_frames(fresh, frame_version())
    store.set_records(rows)
    return len(rows)
