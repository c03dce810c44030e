"""The store interface: what the pipeline and the CLI may ask of any backend."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateline.models import Article


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

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
