"""The store interface: what the pipeline and the CLI may ask of any backend."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass

from dateline.models import Analysis, Article, Entity, Mention


@dataclass(frozen=True)
class StoredArticle:
    """An article as kept: the cleaned record, its near-duplicate signature and its ingest order."""

    article: Article
    signature: bytes | None  # MinHash values (uint64, little-endian); None for very short texts
    seq: int | None = None  # ingest order, assigned by the store
    ingested_at: str | None = None


@dataclass(frozen=True)
class ArticleFilter:
    lang: str | None = None
    source: str | None = None  # matches source or site name, case-insensitive
    since: str | None = None  # ISO date, inclusive, on the publication date
    until: str | None = None  # ISO date, inclusive
    include_duplicates: bool = True
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class EntitySummary:
    entity: Entity
    mentions: int
    articles: int
    languages: tuple[str, ...]


@dataclass(frozen=True)
class EntityFilter:
    type: str | None = None
    lang: str | None = None  # mentioned in articles of this language
    name: str | None = None  # canonical name contains this, case-insensitive
    min_mentions: int = 1
    limit: int | None = None


@dataclass(frozen=True)
class PlacementRow:
    """Where clustering put one article, and why."""

    article_id: str
    event_id: str
    basis: str  # head | duplicate | new | merged (its event was absorbed by another)
    probability: float | None  # the event head's probability for the event it joined (or the best it saw)
    evidence: dict  # shared keys, strongest features, candidates judged, story probability


@dataclass(frozen=True)
class EventSummary:
    id: str  # the id of the event's first article
    story_id: str
    first_day: str | None
    last_day: str | None
    headline: str
    headline_article: str | None
    place: str | None
    languages: tuple[str, ...]
    sources: int  # independent sources: near-duplicate copies and one outlet count once
    articles: int


@dataclass(frozen=True)
class EventRecordRow:
    """A built event record and what it says for the event's summary."""

    event_id: str
    record: dict  # EventRecord.as_dict()
    first_day: str | None
    last_day: str | None
    place: str | None
    headline: str | None
    headline_article: str | None


@dataclass(frozen=True)
class EventFilter:
    lang: str | None = None  # has an article in this language
    since: str | None = None  # ISO date: last day on or after
    until: str | None = None  # ISO date: first day on or before
    place: str | None = None  # place contains this, case-insensitive
    text: str | None = None  # headline contains this, case-insensitive
    story: str | None = None
    min_articles: int = 1
    min_sources: int = 1
    limit: int | None = None
    # keyset pagination: only events after this sort key (last day, articles, id) of the order
    # ``event_summaries`` gives (last day and articles descending, id ascending)
    after: tuple[str, int, str] | None = None
    # full text: events with an article matching these words (``search_articles``), or whose headline contains them
    query: str | None = None


@dataclass(frozen=True)
class ClusterStateChanges:
    """What changed in the clusterer's state since it was last kept, as JSON text (the parts of
    ``OnlineClusterer.export_changes``): the core is replaced, a chunk of vocabulary terms
    appended, live clusters dropped (whole layers in ``reset``, single ones in ``gone``) and
    written one by one."""

    core: bytes
    terms: str | None = None  # the terms added, their first id ``first_term``
    first_term: int = 0
    terms_reset: bool = False  # the terms kept before go first (the clusterer renumbered them)
    reset: tuple[str, ...] = ()  # layers whose kept clusters all go, before ``gone`` and ``clusters``
    gone: tuple[tuple[str, int], ...] = ()  # (layer, index)
    clusters: tuple[tuple[str, int, str], ...] = ()  # (layer, index, state)


@dataclass(frozen=True)
class KeptClusterState:
    """The clusterer's state as kept: the last core, every chunk of terms in id order, and each
    layer's live clusters in index order. A store written before 2026-12-02 keeps the whole state
    in ``core`` and nothing else."""

    core: bytes
    terms: list[str]
    clusters: dict[str, list[str]]


@dataclass(frozen=True)
class StorySummary:
    id: str
    events: int
    articles: int
    first_day: str | None
    last_day: str | None
    headline: str  # the headline of its largest event
    languages: tuple[str, ...]


FAILING_AFTER = 3  # failures in a row before a feed is reported as failing


@dataclass(frozen=True)
class FeedState:
    """What the watcher keeps of one feed between polls (and across restarts)."""

    url: str
    added: str  # ISO datetime, UTC
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    last_ok: str | None = None
    last_new: str | None = None  # when a poll last found a new item
    next_poll: str | None = None  # not before this (backoff after failures)
    failures: int = 0  # in a row; 0 after a good poll
    last_error: str | None = None
    items: int = 0  # items taken in from this feed, all polls together

    @property
    def failing(self) -> bool:
        """Failed often enough in a row to be reported as failing (it is still polled, backing off)."""
        return self.failures >= FAILING_AFTER


class Store(ABC):
    """One database of articles (later: analyses, entities, events).

    Writes happen in batches; ``add_batch`` is atomic: after a crash at any moment the store
    holds either the whole batch or none of it.

    Many processes may write one store (``ingest``, ``watch``, the API): a writer holds
    :meth:`writing` from reading the shared state it works from (the near-duplicate signatures,
    the linker's or the clusterer's state) to committing what it built on it, and checks
    :meth:`state_version` to know whether another writer changed that state since it last read it.
    """

    @abstractmethod
    def writing(self, timeout: float | None = None) -> AbstractContextManager[None]:
        """Hold the store's one writer lock for a block (re-entrant; waits, up to ``timeout``
        seconds if given, for another writer to finish)."""

    @abstractmethod
    def state_version(self, name: str) -> int:
        """How many times the shared writer state ``name`` (``link``, ``cluster``) was written."""

    @abstractmethod
    def search_articles(self, query: str, limit: int = 20, offset: int = 0) -> list[StoredArticle]:
        """Full-text search over titles and texts in every language and script, best first."""

    @abstractmethod
    def signatures_after(self, seq: int) -> Iterator[tuple[str, int, str | None, str | None, bytes]]:
        """As :meth:`signatures`, for the articles stored after ingest position ``seq``."""

    @abstractmethod
    def existing_ids(self, ids: Iterable[str]) -> set[str]: ...

    @abstractmethod
    def add_batch(self, articles: list[StoredArticle], repoints: dict[str, str]) -> None:
        """Insert ``articles`` (ids already present are skipped) and, in the same transaction,
        make every article whose ``duplicate_of`` is a key of ``repoints`` (or that is the key
        itself) point to the value: a copy published earlier than the original it matched."""

    @abstractmethod
    def signatures(self) -> Iterator[tuple[str, int, str | None, str | None, bytes]]:
        """(id, seq, published, duplicate_of, signature) of every article with a signature, in ingest order."""

    @abstractmethod
    def get(self, article_id: str) -> StoredArticle | None: ...

    @abstractmethod
    def find(self, id_prefix: str) -> list[str]:
        """Ids starting with ``id_prefix`` (so users can type a short prefix)."""

    @abstractmethod
    def articles(self, flt: ArticleFilter = ArticleFilter()) -> Iterator[StoredArticle]: ...

    @abstractmethod
    def count(self) -> int: ...

    # -- analyses and entities --------------------------------------------------------------
    @abstractmethod
    def unanalyzed(self, limit: int | None = None, after_seq: int = 0) -> Iterator[StoredArticle]:
        """Articles with no analysis yet, in ingest order, after ingest position ``after_seq``."""

    @abstractmethod
    def add_analyses(self, analyses: list[Analysis], entities: list[Entity], link_state: dict[str, str]) -> None:
        """Store analyses (replacing any earlier one of the same article), upsert entities and
        replace the given link-state entries, all in one transaction."""

    @abstractmethod
    def analysis(self, article_id: str) -> Analysis | None: ...

    @abstractmethod
    def kept_frames(self, article_ids: list[str], version: str) -> dict[str, dict]:
        """The report frames (claims and lead, stage frame) kept for those of the articles whose
        frames were kept under ``version``, in JSON form as :meth:`keep_frames` got them.
        Re-analysing an article drops its frame."""

    @abstractmethod
    def keep_frames(self, frames: dict[str, dict], version: str) -> None:
        """Keep each article's report frame (JSON form) under ``version``, replacing any kept before."""

    @abstractmethod
    def link_state(self) -> dict[str, str]: ...

    @abstractmethod
    def entity(self, entity_id: str) -> Entity | None: ...

    @abstractmethod
    def entity_summaries(self, flt: EntityFilter = EntityFilter()) -> list[EntitySummary]:
        """Entities with their mention and article counts, most mentioned first."""

    @abstractmethod
    def entity_mentions(self, entity_id: str, limit: int | None = None) -> list[tuple[str, str | None, Mention]]:
        """(article id, article language, mention) for every mention of the entity."""

    # -- events and stories --------------------------------------------------------------------
    @abstractmethod
    def unclustered(self, limit: int | None = None, after_seq: int = 0) -> Iterator[StoredArticle]:
        """Analysed articles not yet placed in an event, in ingest order, after ``after_seq``."""

    @abstractmethod
    def add_placements(self, placements: list[tuple[PlacementRow, str]], merges: list[tuple[str, str]],
                       state: ClusterStateChanges, moves: list[tuple[str, str]] = (),
                       event_merges: list[tuple[str, str, float]] = ()) -> None:
        """In one transaction: store ``(placement, story id)`` pairs, move the members of each
        absorbed event ``(absorbed, survivor, probability)`` to the survivor (the absorbed
        event's first article keeps basis ``merged`` and that probability), re-point the events
        of each merged story ``(absorbed, survivor)``, then give each moved event ``(event id,
        story id)`` its story, refresh the summaries of the events touched, and apply the changes
        to the clusterer's kept state."""

    @abstractmethod
    def cluster_state(self) -> KeptClusterState | None: ...

    @abstractmethod
    def stale_events(self, limit: int | None = None) -> list[str]:
        """Events whose members changed since their record was last built."""

    @abstractmethod
    def set_records(self, records: list[EventRecordRow]) -> None:
        """Store built event records (and the date, place and headline they give the event's
        summary) and mark those events fresh, in one transaction."""

    @abstractmethod
    def event_record(self, event_id: str) -> dict | None:
        """The event's record as stored (JSON form), if built."""

    @abstractmethod
    def placement(self, article_id: str) -> PlacementRow | None: ...

    @abstractmethod
    def event_summaries(self, flt: EventFilter = EventFilter()) -> list[EventSummary]:
        """Events, latest first."""

    @abstractmethod
    def event_summary(self, event_id: str) -> EventSummary | None: ...

    @abstractmethod
    def entity_events(self, entity_id: str, limit: int = 500) -> list[EventSummary]:
        """Events with an article that mentions the entity, latest first."""

    @abstractmethod
    def event_members(self, event_id: str, limit: int | None = None) -> list[tuple[StoredArticle, PlacementRow]]:
        """The event's articles in the order they were placed (the first ``limit`` of them)."""

    @abstractmethod
    def event_article_ids(self, event_id: str) -> list[str]:
        """The ids of all the event's articles, in the order they were placed."""

    @abstractmethod
    def find_event(self, id_prefix: str) -> list[str]: ...

    @abstractmethod
    def articles_sharing_entities(self, article_id: str, limit: int = 200) -> list[str]:
        """Other articles that mention the article's linked entities, most (and rarest) shared first."""

    @abstractmethod
    def story_summaries(self, limit: int | None = None, min_events: int = 1) -> list[StorySummary]:
        """Stories, latest first."""

    # -- feeds (dateline watch) -----------------------------------------------------------------
    @abstractmethod
    def feed_states(self) -> dict[str, FeedState]:
        """Every watched feed's state, by URL."""

    @abstractmethod
    def save_feed(self, state: FeedState, items: list[tuple[str, str | None]] = ()) -> None:
        """In one transaction: keep the feed's state and mark its ``(item key, article id)`` seen."""

    @abstractmethod
    def seen_items(self, feed_url: str, keys: Iterable[str] | None = None) -> set[str]:
        """Those of ``keys`` (an item's guid or link; all when None) seen in an earlier poll of the feed."""

    # -- API keys ---------------------------------------------------------------------------------
    @abstractmethod
    def add_api_key(self, key_hash: str, name: str) -> None:
        """Keep a key's hash (never the key) under a name; a hash kept already is renamed."""

    @abstractmethod
    def api_key_name(self, key_hash: str) -> str | None:
        """The name of the key with this hash, or None if it is not one of the store's keys."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
