"""The untouched part of each labelled dev file: set aside, never trained on nor tuned on.

Every figure the project quotes was measured on the same dev records its models and thresholds
were fitted to, and held-out data scored well below them. So a quarter of each known dev set is
set aside: the training scripts skip it (``tuning`` records only) and every ``dateline eval``
reports its figures on it beside the whole file's. The part is the quarter of a file's record
*groups* with the smallest salted hashes, not a list: it needs no ids kept in the repository,
does not depend on the order of the file, and is the same on every machine.

Groups follow what each set demands: ECB+ by topic (a topic's two similar events stay together,
so the part holds topics never seen), SemEval pairs by the articles they join (no article in both
parts), CoNLL by blocks of 50 consecutive sentences (neighbouring sentences share a document),
everything else by record (a document, a snippet, a page). A file with another name is not split.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

SHARE = 0.25
SALT = "dateline-untouched-v1"  # changing it re-draws the part: every model must then be retrained
PARTS = ("all", "tuning", "untouched")
CONLL_BLOCK = 50

T = TypeVar("T")


def _ecb_topic(record: dict[str, Any]) -> str:
    found = re.match(r"\d+", str(record["id"]))
    return found.group() if found else str(record["id"])


def _conll_block(record: dict[str, Any]) -> str:
    found = re.match(r"(.*?)(\d+)$", str(record["id"]))
    return f"{found.group(1)}{int(found.group(2)) // CONLL_BLOCK}" if found else str(record["id"])


def _record(record: dict[str, Any]) -> str:
    return str(record["id"])


def pair_components(ids: Sequence[str]) -> list[int]:
    """Per pair id ``"A_B"``: its connected component in the graph of articles joined by pairs."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ends = [i.split("_", 1) if "_" in i else [i + ":1", i + ":2"] for i in ids]
    for a, b in ends:
        parent[find(a)] = find(b)
    index = {root: n for n, root in enumerate(sorted({find(a) for a, _ in ends}))}
    return [index[find(a)] for a, _ in ends]


def _pair_articles(records: Sequence[dict[str, Any]]) -> list[str]:
    # a pair's group is its articles' component: no article is in both parts
    comps = pair_components([str(r["id"]) for r in records])
    first: dict[int, str] = {}
    for r, c in zip(records, comps):
        first[c] = min(first.get(c, str(r["id"])), str(r["id"]))
    return [first[c] for c in comps]


def _each(key: Callable[[dict[str, Any]], str]) -> Callable[[Sequence[dict[str, Any]]], list[str]]:
    return lambda records: [key(r) for r in records]


GROUPS: dict[str, Callable[[Sequence[dict[str, Any]]], list[str]]] = {
    "ecbplus_events": _each(_ecb_topic),
    "conll_ner": _each(_conll_block),
    "slavicner_stories": _each(_record),
    "slavicner_entities": _each(_record),  # same ids as the stories: one document is untouched in both
    "plover_events": _each(_record),
    "case2021_snippets": _each(_record),
    "semeval2022_pairs": _pair_articles,
    "extraction_pages": _each(_record),
}


def dataset_of(path: str | Path) -> str | None:
    """The dev set a file is, by its name (``plover_events.jsonl`` -> ``plover_events``), or None."""
    stem = Path(path).name.split(".")[0]
    return stem if stem in GROUPS else None


def _rank(dataset: str, group: str) -> bytes:
    family = dataset.split("_")[0]  # slavicner_stories and _entities: one document, one part
    return hashlib.sha256(f"{SALT}\0{family}\0{group}".encode()).digest()


def untouched_groups(dataset: str, groups: Iterable[str]) -> frozenset[str]:
    """The groups of the untouched part: the quarter of the file's groups (rounded) whose salted
    hashes are smallest, so a set of 33 topics gives 8, not whatever a hash threshold draws."""
    ranked = sorted(set(groups), key=lambda g: _rank(dataset, g))
    return frozenset(ranked[: round(SHARE * len(ranked))])


@dataclass(frozen=True)
class Split:
    """One file's split: per record, whether it is in the untouched part."""

    dataset: str
    mask: list[bool]
    groups: int
    untouched_groups: int

    @property
    def untouched(self) -> list[int]:
        """Indices of the untouched records, in file order."""
        return [i for i, m in enumerate(self.mask) if m]

    def summary(self) -> dict[str, Any]:
        """What the eval output says about the split."""
        kept = sum(self.mask)
        return {"dataset": self.dataset, "share": SHARE, "salt": SALT,
                "grouped_by": {"ecbplus_events": "topic", "conll_ner": f"blocks of {CONLL_BLOCK} sentences",
                               "semeval2022_pairs": "the articles joined by pairs"}.get(self.dataset, "record"),
                "untouched_records": kept, "tuning_records": len(self.mask) - kept,
                "untouched_groups": self.untouched_groups, "groups": self.groups}


def _split(dataset: str, records: Sequence[dict[str, Any]]) -> Split:
    groups = GROUPS[dataset](records)
    chosen = untouched_groups(dataset, groups)
    return Split(dataset, [g in chosen for g in groups], len(set(groups)), len(chosen))


def split_of(path: str | Path, records: Sequence[dict[str, Any]]) -> Split | None:
    """The split of the file at ``path`` (its records as read), or None if the file is no dev set."""
    dataset = dataset_of(path)
    return _split(dataset, records) if dataset is not None else None


def untouched_mask(path: str | Path, records: Sequence[dict[str, Any]]) -> list[bool] | None:
    """Per record of the file at ``path``: is it in the untouched part? None if the file is no dev set."""
    split = split_of(path, records)
    return split.mask if split is not None else None


def select(dataset: str | None, records: Iterable[T], part: str, raw: Callable[[T], dict[str, Any]] | None = None
           ) -> list[T]:
    """The items of one part, in file order; ``raw`` maps an item to its JSON record (for items
    already parsed into another type: it must still give the record's ``id``)."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    items = list(records)
    if dataset is None:  # a file of one's own: all of it is tuning, none untouched
        return [] if part == "untouched" else items
    if part == "all":
        return items
    as_record = raw or (lambda x: x)
    mask = _split(dataset, [as_record(x) for x in items]).mask  # type: ignore[arg-type]
    want = part == "untouched"
    return [x for x, m in zip(items, mask) if m == want]
