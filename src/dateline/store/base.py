"""The store interface: what the pipeline and the CLI may ask of any backend."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
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


class Store(ABC):
    """One database of articles (later: analyses, entities, events).

    Writes happen in batches; ``add_batch`` is atomic: after a crash at any moment the store
    holds either the whole batch or none of it.
    """

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
    def link_state(self) -> dict[str, str]: ...

    @abstractmethod
    def entity(self, entity_id: str) -> Entity | None: ...

    @abstractmethod
    def entity_summaries(self, flt: EntityFilter = EntityFilter()) -> list[EntitySummary]:
        """Entities with their mention and article counts, most mentioned first."""

    @abstractmethod
    def entity_mentions(self, entity_id: str, limit: int | None = None) -> list[tuple[str, str | None, Mention]]:
        """(article id, article language, mention) for every mention of the entity."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
