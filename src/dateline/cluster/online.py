"""Online clustering: each analysed article joins an event or starts one, in one pass.

For a new article:
1. its vectors (:mod:`dateline.cluster.vectors`) are built once, counting it into the running
   document frequencies, so IDF adapts to the stream without a shipped vocabulary;
2. candidate events come from an inverted index (:class:`~dateline.cluster.index.ClusterIndex`)
   over its linked entity ids and most distinctive word stems, restricted to the time window:
   days when both sides are dated, stream positions otherwise;
3. the learned event head (:mod:`dateline.cluster.head`) scores the article against each
   candidate's centroid; the best is joined if it reaches the event threshold, otherwise the
   article starts an event. A near-duplicate of an article already placed joins its event;
   an event that grew absorbs the small live events of its story that the head, judging each as
   one article, would join to it (a report that came before its event took shape);
4. an article that starts an event is placed in a story the same way (story head, looser
   threshold, longer window); an article that joins an event joins its event's story;
5. a story that grew is merged with another live story whose entity centroid is close enough
   (stories in different languages meet through their entities as they grow);
6. once, when the stream reaches ``story_warmup`` articles, the stories of everything so far
   are decided again with the document frequencies of those articles. The first articles of a
   stream are weighed with frequencies counted over a handful of reports, so almost any word
   looks distinctive and unrelated stories join; left alone, such an early mixed story grows
   into a catch-all (on SlavicNER in shuffled order the first 300 articles decided most of the
   difference between 0.65 and 0.86 BCubed F1). The warm-up leaves events alone: they are
   judged within days, where the stories' mistakes do not arise. The events whose story changed are
   reported by :meth:`OnlineClusterer.drain_moves`.

No article is compared with the whole store, and a cluster costs the same to compare whatever
its size, so the cost per article stays about flat. Same inputs in the same order give the same
ids: an event's id is the id of its first article, a story's the id of its first event (the
older id survives when events or stories merge).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dateline.cluster.centroid import Centroid, feature_rows
from dateline.cluster.head import Head, Heads
from dateline.cluster.index import ClusterIndex
from dateline.cluster.vectors import (
    ArticleCounts,
    ArticleTerms,
    ArticleVectors,
    Vectoriser,
    Vocabulary,
    article_terms,
    pack,
    unpack,
)
from dateline.models import Analysis, Article

STATE_VERSION = 2


@dataclass(frozen=True)
class Evidence:
    """Why an article went where it went."""

    event_probability: float | None  # the event head's probability for the joined (or best) event
    story_probability: float | None  # the story head's, when the article's new event chose a story
    shared: tuple[str, ...]  # strongest keys shared with the joined event (entity ids, stems)
    reasons: tuple[tuple[str, float], ...]  # features that weighed most for the joined event
    judged: int  # candidate clusters scored for this article
    new_event: bool
    new_story: bool
    basis: str  # "head", "duplicate", "new"


@dataclass(frozen=True)
class Placement:
    event: str
    story: str
    evidence: Evidence


class Layer:
    """One level of clustering (events or stories): live centroids, their index, the window."""

    def __init__(self, head: Head, threshold: float, window_days: int, window_articles: int,
                 max_postings: int, candidates: int, max_terms: int) -> None:
        self.head, self.threshold = head, threshold
        self.window_days, self.window_articles = window_days, window_articles
        self.k, self.max_terms = candidates, max_terms
        self.index = ClusterIndex(max_postings)
        self.live: dict[int, Centroid] = {}
        self.next_index = 0
        # index -> Centroid.changes of each cluster as last saved in parts (export_changes);
        # None: nothing saved of this layer, which a store must then replace whole
        self.kept: dict[int, int] | None = None

    def alive(self, c: Centroid, pos: int, day: int | None) -> bool:
        if day is not None and c.first_day is not None and c.last_day is not None:
            return c.first_day - self.window_days <= day <= c.last_day + self.window_days
        return pos - c.last_pos <= self.window_articles

    def best(self, v: ArticleVectors, pos: int) -> tuple[Centroid | None, float, list[str], np.ndarray | None, int]:
        found = self.index.candidates(v.keys, lambda i: i in self.live and self.alive(self.live[i], pos, v.day), self.k)
        if not found:
            return None, 0.0, [], None, 0
        total = self.index.weight(v.keys) or 1.0
        rows = feature_rows(v, [self.live[i] for i, _, _ in found], [score / total for _, score, _ in found])
        probs = self.head.probabilities(rows)
        j = int(np.argmax(probs))  # first maximum: the better-ranked candidate wins ties
        return self.live[found[j][0]], float(probs[j]), [k.split(":", 1)[1] for k in found[j][2]], rows[j], len(found)

    def new(self, cluster_id: str, v: ArticleVectors, pos: int) -> Centroid:
        c = Centroid(id=cluster_id, index=self.next_index)
        self.next_index += 1
        self.live[c.index] = c
        self.index.clusters += 1
        self.grow(c, v, pos)
        return c

    def grow(self, c: Centroid, v: ArticleVectors, pos: int) -> None:
        c.add(v, pos, self.max_terms)
        c.keys.update(v.keys)
        self.index.add(c.index, v.keys, lambda i: i in self.live and self.alive(self.live[i], pos, v.day))

    def merge(self, a: Centroid, b: Centroid) -> tuple[Centroid, Centroid]:
        """Make two live clusters one: the older survives (a cluster is named after its first
        member) and absorbs the other, which leaves the layer. Returns ``(kept, gone)``."""
        keep, gone = (a, b) if a.index < b.index else (b, a)
        keep.absorb(gone, self.max_terms)
        self.index.merge(gone.index, keep.index, gone.keys)
        del self.live[gone.index]
        return keep, gone

    def export_state(self, vocab: Vocabulary, live: bool = True) -> dict:
        """The layer's state; ``live=False`` leaves out the live clusters (kept apart)."""
        return {**({"live": [c.to_dict(vocab) for c in self.live.values()]} if live else {}),
                "next_index": self.next_index,
                "postings": {k: [[c, n] for c, n in p.items()] for k, p in self.index.postings.items()},
                "stop": sorted(self.index.stop), "clusters": self.index.clusters}

    def load_state(self, state: dict, vocab: Vocabulary) -> None:
        self.kept = None
        self.live = {d["index"]: Centroid.from_dict(d, vocab) for d in state["live"]}
        self.next_index = state["next_index"]
        self.index.postings = {k: {c: n for c, n in p} for k, p in state["postings"].items()}
        self.index.stop = set(state["stop"])
        self.index.clusters = state["clusters"]

    def prune(self, pos: int, newest_day: int | None) -> list[Centroid]:
        """Drop clusters no article can join any more (out of both windows); returns them."""
        dead = [c for c in self.live.values()
                if pos - c.last_pos > self.window_articles
                and (c.last_day is None or newest_day is None or c.last_day + self.window_days < newest_day)]
        for c in dead:
            del self.live[c.index]
            self.index.remove(c.index, c.keys)
        return dead


def _repoint(members: dict[str, int], gone: int, keep: int) -> None:
    """After a merge in a layer: whatever pointed at cluster ``gone`` points at ``keep``."""
    for member, cluster in members.items():
        if cluster == gone:
            members[member] = keep


class OnlineClusterer:
    """Single-pass, time-windowed clustering of analysed articles into events and stories.

    Thresholds default to the ones trained with the heads; ``window_days`` applies when both
    sides are dated, ``window_articles`` (stream positions) otherwise; stories use the
    ``story_`` variants.
    """

    def __init__(self, heads: Heads | None = None, *, event_threshold: float | None = None,
                 story_threshold: float | None = None, story_merge: float | None = None,
                 story_merge_min: int | None = None, window_days: int = 7,
                 story_window_days: int = 60, window_articles: int = 2000,
                 story_window_articles: int = 20000, candidates: int = 10,
                 index_entities: int = 12, index_terms: int = 12, max_postings: int = 64,
                 max_terms: int = 400, prune_every: int = 1000, story_warmup: int = 300,
                 event_merge: float | None = None, event_merge_max: int = 3,
                 forget_min: int | None = 200_000) -> None:
        self.heads = heads or Heads.load()
        self.vectoriser = Vectoriser(index_entities=index_entities, index_terms=index_terms)
        self.events = Layer(self.heads.event, self.heads.event.threshold if event_threshold is None else event_threshold,
                             window_days, window_articles, max_postings, candidates, max_terms)
        story_layer = (self.heads.story, self.heads.story.threshold if story_threshold is None else story_threshold,
                       story_window_days, story_window_articles, max_postings, candidates, max_terms)
        self._new_story_layer = lambda: Layer(*story_layer)
        self.stories = self._new_story_layer()
        self.story_merge = self.heads.story_merge if story_merge is None else story_merge
        self.story_merge_min = self.heads.story_merge_min if story_merge_min is None else story_merge_min
        self.event_merge = self.heads.event_merge if event_merge is None else event_merge
        self.event_merge_max = event_merge_max
        self.prune_every = prune_every
        self.forget_min = forget_min
        self.forgotten = 0  # terms forgotten so far (Vocabulary.forget)
        self.position = 0
        self.newest_day: int | None = None
        self.judged_total = 0
        self._story_of_event: dict[str, int] = {}  # event id -> story index (live events)
        self._event_of_article: dict[str, int] = {}  # article id -> event index (live events)
        self._story_alias: dict[str, str] = {}  # merged story id -> the id that absorbed it
        self._merges: list[tuple[str, str]] = []
        self._event_alias: dict[str, str] = {}  # absorbed event id -> the id that absorbed it
        self._event_merges: list[tuple[str, str, float]] = []
        self.story_warmup = story_warmup
        # until the warm-up: each article's counts, event, whether it started the event, position
        self._early: list[tuple[ArticleCounts, str, bool, int]] | None = [] if story_warmup else None
        self._moves: list[tuple[str, str]] = []
        self._kept_terms = 0  # vocabulary terms saved in parts (export_changes)
        self._terms_renumbered = False  # since the last export_changes: the kept terms are void

    # -- public API ---------------------------------------------------------------------------

    def add(self, article: Article, analysis: Analysis | None, terms: ArticleTerms | None = None) -> Placement:
        """Place the next article of the stream. ``terms``: its :func:`article_terms`, where they
        were taken already (by a worker; then ``analysis`` is not needed)."""
        pos = self.position
        self.position += 1
        counts = self.vectoriser.count_terms(terms or article_terms(article, analysis))
        v = self.vectoriser.weigh(counts)
        if v.day is not None:
            self.newest_day = v.day if self.newest_day is None else max(self.newest_day, v.day)
        placement = self._place(article, v, pos)
        if self._early is not None:
            self._early.append((counts, placement.event, placement.evidence.new_event, pos))
            if self.position >= self.story_warmup:
                self._redo_stories()
        if self.prune_every and self.position % self.prune_every == 0:
            self._prune(pos)
        return placement

    def story_id(self, story_id: str) -> str:
        """The current id of a story that may since have been merged into another."""
        while story_id in self._story_alias:
            story_id = self._story_alias[story_id]
        return story_id

    def event_id(self, event_id: str) -> str:
        """The current id of an event that may since have been absorbed by another."""
        while event_id in self._event_alias:
            event_id = self._event_alias[event_id]
        return event_id

    def drain_event_merges(self) -> list[tuple[str, str, float]]:
        """Small events absorbed since the last call: ``(absorbed id, surviving id, the event
        head's probability)`` in order. Apply before the story merges drained with them."""
        merges, self._event_merges = self._event_merges, []
        return merges

    def story_of(self, event_id: str) -> str | None:
        """The story a live event is in now (None once the event has left the window)."""
        story = self.stories.live.get(self._story_of_event.get(event_id, -1))
        return story.id if story is not None else None

    def drain_merges(self) -> list[tuple[str, str]]:
        """Story merges since the last call: ``(absorbed id, surviving id)`` in order."""
        merges, self._merges = self._merges, []
        return merges

    def drain_moves(self) -> list[tuple[str, str]]:
        """Events given another story since the last call (the warm-up's second look):
        ``(event id, story id)``. Apply after the merges drained with them; they supersede any
        story id placed or merged before."""
        moves, self._moves = self._moves, []
        return moves

    @property
    def event_count(self) -> int:
        return self.events.next_index - len(self._event_alias)

    @property
    def story_count(self) -> int:
        return self.stories.next_index - len(self._story_alias)

    @property
    def mean_judged(self) -> float:
        return self.judged_total / self.position if self.position else 0.0

    # -- persistence ---------------------------------------------------------------------------

    def export_state(self) -> dict:
        """Everything needed to go on with the stream later (JSON-able): document frequencies,
        the vocabulary's term ids, live clusters and their indexes, the article and story maps."""
        vocab = self.vectoriser.vocab
        state = self._core(live=True)
        state["vocabulary"] = vocab.to_dict()
        return state

    def export_changes(self) -> dict:
        """The state in the parts a store keeps apart, with only what changed since the last call
        (or since the state was loaded): the whole state is most of the cost of a batch once the
        stream's vocabulary and live clusters have grown (docs/benchmarks.md). Returns

        - ``core``: the state less the vocabulary's terms and the layers' live clusters;
        - ``terms``: the terms added (:meth:`Vocabulary.terms_from`), or None; after terms were
          forgotten (``terms_reset``) all of them, to replace those kept;
        - ``reset``: layers rebuilt since (the warm-up's second look): drop what was kept of them;
        - ``gone``: ``[layer, index]`` of clusters kept before and no longer live;
        - ``clusters``: ``[layer, index, state]`` of live clusters new or changed.

        Applied in that order to what was kept, they make a state :meth:`load_parts` reads."""
        vocab = self.vectoriser.vocab
        core = self._core(live=False)
        core["parts"] = True
        core["vocabulary"] = {"df": pack(vocab.df[:len(vocab)], "<i4")}
        terms = vocab.terms_from(self._kept_terms) if len(vocab) > self._kept_terms else None
        terms_reset, self._terms_renumbered = self._terms_renumbered, False
        self._kept_terms = len(vocab)
        reset, gone, clusters = [], [], []
        for name, layer in self._layers():
            if layer.kept is None:
                reset.append(name)
                layer.kept = {}
            gone += [[name, i] for i in layer.kept if i not in layer.live]
            # a layer never reuses an index, and Centroid.changes counts every change to a cluster
            clusters += [[name, i, c.to_dict(vocab)] for i, c in layer.live.items() if layer.kept.get(i) != c.changes]
            layer.kept = {i: c.changes for i, c in layer.live.items()}
        return {"core": core, "terms": terms, "terms_reset": terms_reset, "reset": reset, "gone": gone,
                "clusters": clusters}

    def load_parts(self, core: dict, terms: list[dict], clusters: dict[str, list[dict]]) -> None:
        """Load a state kept in parts: ``core`` as the last :meth:`export_changes` gave it,
        ``terms`` every ``terms`` part in order, ``clusters`` each layer's kept clusters."""
        chunks = sorted(terms, key=lambda t: t["first"])
        words: list[str] = []
        field_parts = []
        for chunk in chunks:
            if chunk["first"] != len(words):
                raise ValueError(f"clustering state: terms from id {chunk['first']} follow {len(words)} terms")
            words += chunk["terms"]
            field_parts.append(unpack(chunk["fields"], "u1", np.int64))
        df = unpack(core["vocabulary"]["df"], "<i4", np.int64)
        if len(df) != len(words):
            raise ValueError(f"clustering state: {len(words)} terms kept, document frequencies of {len(df)}")
        fields = np.concatenate(field_parts) if field_parts else np.zeros(0, dtype=np.int64)
        state = {**core, "layers": {name: {**layer, "live": sorted(clusters.get(name, []), key=lambda d: d["index"])}
                                    for name, layer in core["layers"].items()}}
        self.load_state(state, Vocabulary.of(words, fields, df))
        self._kept_terms = len(words)
        for _, layer in self._layers():
            layer.kept = {i: c.changes for i, c in layer.live.items()}

    def _layers(self) -> tuple[tuple[str, Layer], ...]:
        return ("events", self.events), ("stories", self.stories)

    def _core(self, live: bool) -> dict:
        vocab = self.vectoriser.vocab
        return {
            "version": STATE_VERSION,
            "docs": self.vectoriser.ctx.docs,
            "layers": {name: layer.export_state(vocab, live) for name, layer in self._layers()},
            "position": self.position, "newest_day": self.newest_day, "judged_total": self.judged_total,
            "forgotten": self.forgotten, "story_of_event": self._story_of_event, "event_of_article": self._event_of_article,
            "story_alias": self._story_alias, "event_alias": self._event_alias,
            "early": None if self._early is None else [[c.as_list(), e, n, p] for c, e, n, p in self._early],
        }

    def load_state(self, state: dict, vocab: Vocabulary | None = None) -> None:
        """Load :meth:`export_state`'s state; ``vocab``: its vocabulary, built by the caller
        (:meth:`load_parts`) instead of read from the state."""
        if state.get("version") not in (1, STATE_VERSION):  # 1: centroids by term (Centroid.from_dict)
            raise ValueError(f"clustering state version {state.get('version')} is not {STATE_VERSION}")
        self._kept_terms = 0
        self.vectoriser.ctx.docs = state["docs"]
        if vocab is None:
            vocab = (Vocabulary.from_dict(state["vocabulary"]) if "vocabulary" in state
                     else Vocabulary.from_state(state.get("vocab"), state["df"]))
        self.vectoriser.vocab = vocab
        self.events.load_state(state["layers"]["events"], vocab)
        self.stories.load_state(state["layers"]["stories"], vocab)
        self.position, self.newest_day = state["position"], state["newest_day"]
        self.judged_total = state["judged_total"]
        self.forgotten = state.get("forgotten", 0)
        self._story_of_event = dict(state["story_of_event"])
        self._event_of_article = dict(state["event_of_article"])
        self._story_alias = dict(state["story_alias"])
        self._event_alias = dict(state.get("event_alias", {}))
        early = state.get("early")
        self._early = None if early is None else [(ArticleCounts.from_list(c), e, n, p) for c, e, n, p in early]

    # -- internals ----------------------------------------------------------------------------

    def _place(self, article: Article, v: ArticleVectors, pos: int) -> Placement:
        original = self._event_of_article.get(article.duplicate_of or "")
        if original is not None and original in self.events.live:  # a syndicated copy
            event = self.events.live[original]
            self.events.grow(event, v, pos)
            return self._join(article, v, pos, event, Evidence(None, None, (), (), 0, False, False, "duplicate"))
        event, p, shared, row, judged = self.events.best(v, pos)
        self.judged_total += judged
        if event is not None and p >= self.events.threshold:
            self.events.grow(event, v, pos)
            assert row is not None
            parts = self.heads.event.contributions(row)
            reasons = tuple((n, round(x, 3)) for n, x in sorted(parts.items(), key=lambda x: -x[1])[:4] if x > 0)
            return self._join(article, v, pos, event,
                              Evidence(round(p, 4), None, tuple(shared[:8]), reasons, judged, False, False, "head"))
        new_event = self.events.new(article.id, v, pos)
        self._event_of_article[article.id] = new_event.index
        story, sp, story_judged = self._story_of_new_event(new_event.id, v, pos)
        self.judged_total += story_judged
        joined = sp is not None
        evidence = Evidence(round(p, 4) if event is not None else None, round(sp, 4) if sp is not None else None,
                            (), (), judged + story_judged, True, not joined, "new")
        return Placement(new_event.id, story.id, evidence)

    def _join(self, article: Article, v: ArticleVectors, pos: int, event: Centroid, evidence: Evidence) -> Placement:
        self._event_of_article[article.id] = event.index
        placement = Placement(event.id, self._story_of_grown_event(event.id, v, pos).id, evidence)
        # as with stories: every growth while the event is young, then every 8th
        if self.event_merge is not None and (event.size <= 16 or event.size % 8 == 0):
            self._absorb_small_events(event, pos, v.day)
        return placement

    def _absorb_small_events(self, event: Centroid, pos: int, day: int | None) -> None:
        """An event grew: small live events that the event head would now join to it, judged as
        one article each, become part of it. Online, a report that arrived before its event had
        taken shape started an event of its own, and nothing else would ever bring it back (on
        ECB+ such fragments cost about as much as wrong merges: joining every one would give
        BCubed F1 0.920, splitting every wrong merge 0.917, from 0.865)."""
        layer = self.events
        story = self._story_of_event.get(event.id)
        small = lambda i: (i != event.index and i in layer.live and layer.live[i].size <= self.event_merge_max  # noqa: E731
                           and self._story_of_event.get(layer.live[i].id) == story and layer.alive(layer.live[i], pos, day))
        keys = event.index_keys()
        found = layer.index.candidates(keys, small, layer.k)
        if not found:
            return
        total = layer.index.weight(keys) or 1.0
        for i, score, _ in found:
            other = layer.live[i]
            p = float(layer.head.probabilities(feature_rows(other.as_vectors(), [event], [score / total]))[0])
            if p < self.event_merge:
                continue
            keep, gone = layer.merge(event, other)
            _repoint(self._event_of_article, gone.index, keep.index)
            self._story_of_event.pop(gone.id, None)
            if self._early is not None:  # the warm-up replays it as part of the event that absorbed it
                self._early = self._renamed_early(gone.id, keep.id)
            self._event_alias[gone.id] = keep.id
            self._event_merges.append((gone.id, keep.id, round(p, 4)))
            event = keep

    def _story_of_new_event(self, event_id: str, v: ArticleVectors, pos: int) -> tuple[Centroid, float | None, int]:
        """Place a new event's first article in a story: ``(story, the head's probability if it
        joined one, candidates judged)``."""
        story, sp, _, _, judged = self.stories.best(v, pos)
        joined = story is not None and sp >= self.stories.threshold
        if story is not None and joined:
            self.stories.grow(story, v, pos)
        else:
            story = self.stories.new(event_id, v, pos)
        self._story_of_event[event_id] = story.index
        return self._maybe_merge(story, pos, v.day), sp if joined else None, judged

    def _story_of_grown_event(self, event_id: str, v: ArticleVectors, pos: int) -> Centroid:
        """An article joined an event: it grows the event's story."""
        story = self.stories.live.get(self._story_of_event.get(event_id, -1))
        if story is None:  # its story has left the window: the event starts a new one
            story = self.stories.new(event_id, v, pos)
            self._story_of_event[event_id] = story.index
        else:
            self.stories.grow(story, v, pos)
        return self._maybe_merge(story, pos, v.day)

    def _renamed_early(self, gone: str, keep: str) -> list[tuple[ArticleCounts, str, bool, int]]:
        """The warm-up's record with event ``gone`` renamed ``keep``; an event's first article
        (which may now be the absorbed one's) is the one that started it."""
        out, seen = [], set()
        for counts, event_id, _, pos in self._early or []:
            event_id = keep if event_id == gone else event_id
            out.append((counts, event_id, event_id not in seen, pos))
            seen.add(event_id)
        return out

    def _redo_stories(self) -> None:
        """The warm-up's second look: replay the story decisions of every article so far, in
        arrival order, with their vectors weighed again under today's document frequencies."""
        early, self._early = self._early or [], None
        self.stories = self._new_story_layer()
        self._story_of_event, self._story_alias, self._merges = {}, {}, []
        for counts, event_id, new_event, pos in early:
            v = self.vectoriser.weigh(counts)
            if new_event:
                self._story_of_new_event(event_id, v, pos)
            else:
                self._story_of_grown_event(event_id, v, pos)
        after = {e: self.stories.live[i].id for e, i in self._story_of_event.items()}
        # every early event is reported: ids of the first look and of the second share one
        # namespace (a story is named after its first event), so a story id alone is ambiguous
        self._moves += sorted(after.items())

    def _maybe_merge(self, story: Centroid, pos: int, day: int | None) -> Centroid:
        """Merge ``story`` with the closest live story by entity centroid, if close enough."""
        # stories take shape early: look at every growth while small, then every 8th
        if story.size < self.story_merge_min or (story.size > 16 and story.size % 8):
            return story
        layer = self.stories
        keys = story.index_keys()
        found = layer.index.candidates(keys, lambda i: i != story.index and i in layer.live
                                       and layer.alive(layer.live[i], pos, day), layer.k)
        best, best_cos = None, self.story_merge
        for i, _, _ in found:
            other = layer.live[i]
            if other.size < self.story_merge_min:
                continue
            cos = story.centroid_cosine(other, "entities")
            if cos >= best_cos:
                best, best_cos = other, cos
        if best is None:
            return story
        keep, gone = layer.merge(story, best)
        _repoint(self._story_of_event, gone.index, keep.index)
        self._story_alias[gone.id] = keep.id
        self._merges.append((gone.id, keep.id))
        return keep

    def _prune(self, pos: int) -> None:
        for event in self.events.prune(pos, self.newest_day):
            self._story_of_event.pop(event.id, None)
        live = set(self.events.live)
        self._event_of_article = {a: e for a, e in self._event_of_article.items() if e in live}
        self.stories.prune(pos, self.newest_day)
        if self.forget_min is not None and self._early is None:  # the warm-up holds ids of its own
            self._forget()

    def _forget(self) -> None:
        """Forget the terms seen in one report only that no live cluster holds, once there are
        ``forget_min`` of them (every cluster is saved again then): the vocabulary keeps every term
        of the stream otherwise (about 100 a report on SlavicNER, most of them never seen again),
        and with it the memory and the state to load at every run."""
        vocab = self.vectoriser.vocab
        n = len(vocab)
        held = np.zeros(n, dtype=bool)
        for _, layer in self._layers():
            for c in layer.live.values():
                held[c.ids] = True
        drop = (vocab.df[:n] == 1) & ~held
        count = int(drop.sum())
        if not count or count < self.forget_min:
            return
        remap = vocab.forget(drop)
        for _, layer in self._layers():
            for c in layer.live.values():
                c.renumber(remap)
            layer.kept = None  # every cluster saved again, under the new ids
        self._kept_terms, self._terms_renumbered = 0, True
        self.forgotten += count

