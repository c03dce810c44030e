"""Online clustering: each analysed article joins an event or starts one, in one pass.

For a new article:
1. its profile (see :mod:`dateline.similarity.features`) is built once, and the running
   document frequencies are updated, so IDF adapts to the stream without a vocabulary;
2. candidate events come from an inverted index (:class:`~dateline.cluster.index.ClusterIndex`)
   over its linked entity ids and its most distinctive word stems, restricted to the time
   window: publication day (or the dateline / most-named day) when both sides have one,
   otherwise the stream position;
3. the top ``candidates`` events are judged: the learned judge's same-event probability
   against a few representative members of each (the first one and the latest ones), and the
   best is joined if it reaches ``event_threshold``; otherwise the article starts an event;
4. a new event looks for a story the same way, in a story index with a longer window and a
   looser ``story_threshold``; stories also join on entity continuity (rare entities they
   share with the article).

No article is compared with the whole store, so the cost per article stays about flat.
Same inputs in the same order give the same ids: an event's id is the id of its first
article, a story's id the id of its first event.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from dateline.cluster.index import ClusterIndex
from dateline.models import Analysis, Article
from dateline.similarity.features import (
    FEATURE_NAMES,
    Profile,
    SimilarityContext,
    profile_features,
)
from dateline.similarity.judge import Judge

_CHAR_COSINE = FEATURE_NAMES.index("char_cosine")
_FIELDS = ("words", "chars", "lead_chars", "entities", "names", "stems")


@dataclass
class Cluster:
    """An event or a story while it is being built (mutable: the clusterer owns it)."""

    id: str
    index: int
    members: list[str] = field(default_factory=list)  # article ids (events) or event ids (stories)
    articles: int = 0
    reps: list[Profile] = field(default_factory=list)
    first_pos: int = 0
    last_pos: int = 0
    first_day: int | None = None
    last_day: int | None = None
    entities: Counter[str] = field(default_factory=Counter)
    story: str | None = None  # events only


@dataclass(frozen=True)
class Evidence:
    """Why an article went where it went."""

    event_probability: float | None  # the judge's best probability against the joined event
    story_probability: float | None  # the judge's probability, or the continuity share (see story_basis)
    shared: tuple[str, ...]  # strongest shared keys with the joined event/story (entity ids, stems)
    judged: int  # candidate clusters the judge scored for this article
    new_event: bool
    new_story: bool
    story_basis: str | None = None  # "event" (joined its event's story), "judge", "continuity" or None (new)


class OnlineClusterer:
    """Single-pass, time-windowed clustering of analysed articles into events and stories.

    ``window_days`` applies when both sides have a day; ``window_articles`` (stream positions)
    when either is undated. Stories use ``story_window_days`` / ``story_window_articles``.
    """

    def __init__(self, judge: Judge | None = None, *, event_threshold: float = 0.2,
                 story_threshold: float = 0.3, window_days: int = 7,
                 story_window_days: int = 60, window_articles: int = 2000,
                 story_window_articles: int = 20000, candidates: int = 5,
                 representatives: int = 6, index_terms: int = 12, index_entities: int = 12,
                 max_postings: int = 64, story_max_postings: int = 64,
                 story_entity_continuity: float | None = 0.1, continuity_min_count: int = 1,
                 continuity_share: float = 0.05, linkage: str = "mean",
                 duplicate_cosine: float = 0.8,
                 context: SimilarityContext | None = None) -> None:
        self.judge = judge or Judge.load()
        self.event_threshold = event_threshold
        self.story_threshold = story_threshold
        self.window_days = window_days
        self.story_window_days = story_window_days
        self.window_articles = window_articles
        self.story_window_articles = story_window_articles
        self.k = candidates
        self.representatives = max(1, representatives)
        self.index_terms = index_terms
        self.index_entities = index_entities
        self.story_entity_continuity = story_entity_continuity
        self.continuity_min_count = continuity_min_count
        self.continuity_share = continuity_share
        if linkage not in ("max", "mean"):
            raise ValueError(f"linkage must be 'max' or 'mean', not {linkage!r}")
        self.linkage = linkage
        self.duplicate_cosine = duplicate_cosine
        self.ctx = context or SimilarityContext()
        self.event_index = ClusterIndex(max_postings)
        self.story_index = ClusterIndex(story_max_postings)
        self._events: list[Cluster] = []
        self._stories: list[Cluster] = []
        self._event_of_article: dict[str, int] = {}
        self._story_by_id: dict[str, Cluster] = {}
        self._rep_count: Counter[str] = Counter()  # article id -> clusters using its profile
        self.position = 0
        self.judged_total = 0

    # -- public API ---------------------------------------------------------------------------

    def add(self, article: Article, analysis: Analysis) -> tuple[str, str, Evidence]:
        """Place one article; returns ``(event_id, story_id, evidence)``."""
        pos = self.position
        self.position += 1
        known = self._event_of_article.get(article.id)
        if known is not None:  # the same content again: nothing changes
            event = self._events[known]
            return event.id, event.story or event.id, Evidence(1.0, None, (), 0, False, False, "event")
        profile = self.ctx.profile(article, analysis)
        self.ctx.docs += 1
        for name in _FIELDS:
            self.ctx.df[name].update(getattr(profile, name).keys())
        # the publication day, else the dateline's date; days merely named in the text are
        # too often other days (the day before, an anniversary) to gate candidates
        dated = article.dateline.as_date() if article.dateline else None
        day = profile.published if profile.published is not None else (
            dated.toordinal() if dated else None)
        keys = self._keys(profile)

        def event_alive(i: int) -> bool:
            return self._alive(self._events[i], pos, day, self.window_days, self.window_articles)

        def story_alive(i: int) -> bool:
            return self._alive(self._stories[i], pos, day, self.story_window_days,
                               self.story_window_articles)

        found = self.event_index.candidates(keys, event_alive, self.k)
        judged = len(found)
        best, best_p, shared = self._judge(profile, [self._events[c] for c, _, _ in found], found,
                                           self.linkage)
        if best is not None and best_p >= self.event_threshold:
            event = best
            self._grow(event, article.id, profile, pos, day)
            self.event_index.add(event.index, keys, event_alive)
            story = self._story_by_id[event.story or event.id]
            self._grow_story(story, profile, pos, day, event, new_event=False)
            self.story_index.add(story.index, keys, story_alive)
            self._note(judged)
            return event.id, story.id, Evidence(best_p, None, tuple(shared[:8]), judged, False, False, "event")

        event = Cluster(id=article.id, index=len(self._events), first_pos=pos)
        self._events.append(event)
        self._grow(event, article.id, profile, pos, day)
        self.event_index.add(event.index, keys, event_alive, new_cluster=True)

        story_found = self.story_index.candidates(keys, story_alive, self.k)
        judged += len(story_found)
        story, story_p, story_shared = self._judge(
            profile, [self._stories[c] for c, _, _ in story_found], story_found, "max")
        joined = story is not None and story_p >= self.story_threshold
        basis = "judge" if joined else None
        if not joined and self.story_entity_continuity is not None:
            cont_story, cont, cont_shared = self._continuity(keys, story_found)
            if cont_story is not None and cont >= self.story_entity_continuity:
                story, story_p, story_shared, joined, basis = cont_story, cont, cont_shared, True, "continuity"
        if joined:
            assert story is not None
            self._grow_story(story, profile, pos, day, event, new_event=True)
            self.story_index.add(story.index, keys, story_alive)
        else:
            story = Cluster(id=event.id, index=len(self._stories), first_pos=pos)
            self._stories.append(story)
            self._story_by_id[story.id] = story
            self._grow_story(story, profile, pos, day, event, new_event=True)
            self.story_index.add(story.index, keys, story_alive, new_cluster=True)
            story_shared = []
        event.story = story.id
        self._note(judged)
        return event.id, story.id, Evidence(best_p if best is not None else None,
                                            story_p if joined else None,
                                            tuple(story_shared[:8]), judged, True, not joined, basis)

    def events(self) -> list[dict]:
        """Events in creation order: ``{id, story, articles: [article ids]}``."""
        return [{"id": e.id, "story": e.story, "articles": list(e.members)} for e in self._events]

    def stories(self) -> list[dict]:
        """Stories in creation order: ``{id, events: [event ids], articles: count}``."""
        return [{"id": s.id, "events": list(s.members), "articles": s.articles} for s in self._stories]

    @property
    def mean_judged(self) -> float:
        return self.judged_total / self.position if self.position else 0.0

    # -- internals ----------------------------------------------------------------------------

    def _note(self, judged: int) -> None:
        self.judged_total += judged

    def _keys(self, p: Profile) -> list[str]:
        ents = sorted(p.entities.items(), key=lambda x: (-x[1] * self.ctx.idf("entities", x[0]), x[0]))
        terms = sorted(((w, (1.0 + np.log(c)) * self.ctx.idf("stems", w)) for w, c in p.stems.items()
                        if len(w) >= 3), key=lambda x: (-x[1], x[0]))
        return ([f"e:{e}" for e, _ in ents[:self.index_entities]]
                + [f"w:{w}" for w, _ in terms[:self.index_terms]])

    @staticmethod
    def _alive(c: Cluster, pos: int, day: int | None, window_days: int, window_articles: int) -> bool:
        if day is not None and c.first_day is not None and c.last_day is not None:
            return c.first_day - window_days <= day <= c.last_day + window_days
        return pos - c.last_pos <= window_articles

    def _judge(self, profile: Profile, clusters: list[Cluster],
               found: list[tuple[int, float, list[str]]], linkage: str) -> tuple[Cluster | None, float, list[str]]:
        if not clusters:
            return None, 0.0, []
        rows, owner = [], []
        for i, c in enumerate(clusters):
            for rep in c.reps:
                rows.append(profile_features(profile, rep, self.ctx))
                owner.append(i)
        matrix = np.vstack(rows)
        probs = self.judge.probabilities(matrix)
        # a near-duplicate (syndicated copy, light rewrite) is the same event whatever the
        # judge makes of it: its trained weights are not monotone in every overlap feature
        probs = np.where(matrix[:, _CHAR_COSINE] >= self.duplicate_cosine, 1.0, probs)
        best_per = np.zeros(len(clusters))
        counts = np.zeros(len(clusters))
        for i, p in zip(owner, probs):
            if linkage == "max":
                best_per[i] = max(best_per[i], float(p))
            else:
                best_per[i] += float(p)
                counts[i] += 1
        if linkage == "mean":
            best_per = best_per / np.maximum(counts, 1)
        i = int(np.argmax(best_per))  # first maximum: the better-ranked candidate wins ties
        shared = [k.split(":", 1)[1] for k in found[i][2]]
        return clusters[i], float(best_per[i]), shared

    def _continuity(self, keys: list[str], found: list[tuple[int, float, list[str]]]
                    ) -> tuple[Cluster | None, float, list[str]]:
        """Entity and vocabulary continuity: the share of the article's key weight (IDF over
        articles) that a story has already seen in at least ``continuity_min_count`` and
        ``continuity_share`` of its articles."""
        weights = {k: self._key_idf(k) for k in keys}
        total = sum(weights.values()) or 1.0
        best: tuple[Cluster | None, float, list[str]] = (None, 0.0, [])
        for c, _, shared_keys in found:
            # only keys characteristic of the story count (held by a share of its articles), so
            # that a large story does not become a catch-all for everything it ever mentioned
            need = max(self.continuity_min_count, self.continuity_share * self._stories[c].articles)
            held = [k for k in shared_keys if self.story_index.postings.get(k, {}).get(c, 0) >= need]
            score = sum(weights[k] for k in held) / total
            if score > best[1]:
                best = (self._stories[c], score, [k.split(":", 1)[1] for k in held])
        return best

    def _key_idf(self, key: str) -> float:
        kind, term = key.split(":", 1)
        return self.ctx.idf("entities" if kind == "e" else "stems", term)

    def _set_reps(self, c: Cluster, profile: Profile) -> None:
        # the first member and the latest ones stand for the cluster
        if len(c.reps) < self.representatives:
            c.reps.append(profile)
            self._rep_count[profile.id] += 1
            return
        dropped = c.reps.pop(1) if self.representatives > 1 else c.reps.pop(0)
        c.reps.append(profile)
        self._rep_count[profile.id] += 1
        self._release(dropped.id)

    def _release(self, article_id: str) -> None:
        self._rep_count[article_id] -= 1
        if self._rep_count[article_id] <= 0:
            del self._rep_count[article_id]
            self.ctx.forget(article_id)  # no cluster compares against it any more

    def _span(self, c: Cluster, pos: int, day: int | None) -> None:
        c.last_pos = pos
        if day is not None:
            c.first_day = day if c.first_day is None else min(c.first_day, day)
            c.last_day = day if c.last_day is None else max(c.last_day, day)

    def _grow(self, event: Cluster, article_id: str, profile: Profile, pos: int, day: int | None) -> None:
        event.members.append(article_id)
        event.articles += 1
        self._event_of_article[article_id] = event.index
        self._set_reps(event, profile)
        self._span(event, pos, day)
        event.entities.update(profile.entities.keys())

    def _grow_story(self, story: Cluster, profile: Profile, pos: int, day: int | None,
                    event: Cluster, new_event: bool) -> None:
        if new_event:
            story.members.append(event.id)
        story.articles += 1
        self._set_reps(story, profile)
        self._span(story, pos, day)
        story.entities.update(profile.entities.keys())
