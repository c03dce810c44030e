"""BCubed precision, recall and F1 of a clustering against gold clusters (Bagga & Baldwin 1998).

For every item, precision is the share of its predicted cluster that shares its gold cluster,
recall the share of its gold cluster that shares its predicted cluster; both are averaged over
items. Used for entity linking (items = mentions) and for event and story clustering (items =
articles).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def bcubed(predicted: Sequence[Hashable | None], gold: Sequence[Hashable]) -> dict[str, float]:
    """BCubed ``precision``, ``recall``, ``f1`` and ``items`` for parallel label lists.

    ``predicted[i]`` and ``gold[i]`` are the cluster labels of item ``i``; a ``None`` predicted
    label puts the item in a cluster of its own. With no items all three scores are 0.0.
    """
    if len(predicted) != len(gold):
        raise ValueError(f"predicted has {len(predicted)} labels but gold has {len(gold)}")
    n = len(gold)
    if n == 0:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    pred = [("__singleton__", i) if p is None else ("", p) for i, p in enumerate(predicted)]
    pairs = Counter(zip(pred, gold))
    p_sizes = Counter(pred)
    g_sizes = Counter(gold)
    # Each of the n_pg items in a (predicted, gold) cell has precision n_pg / |p| and recall n_pg / |g|.
    precision = sum(c * c / p_sizes[p] for (p, _), c in pairs.items()) / n
    recall = sum(c * c / g_sizes[g] for (_, g), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "items": n}
