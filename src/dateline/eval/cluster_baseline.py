"""The plain clustering baseline, run beside the clusterer on the untouched part.

TF-IDF over the words of title and text (IDF fitted on the tuning part), cosine distance,
average-linkage agglomerative clustering cut at one distance. The cut is the one a user of a
plain tool would tune: the best BCubed F1 on the tuning part, clustered alone; it is then
applied to the untouched part. Unlike the online clusterer it sees the whole part at once, so
arrival order does not matter to it. Needs scikit-learn and SciPy (the ``train`` extra).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.eval.bcubed import bcubed

CUTS = tuple(round(0.05 * k, 2) for k in range(2, 20))  # cosine distance 0.10 .. 0.95


def _text(record: dict[str, Any]) -> str:
    return f"{record.get('title') or ''}\n{record.get('text') or ''}"


def _labels(matrix, cuts: Sequence[float]) -> dict[float, list[int]]:
    """Average-linkage clusters of the rows of a TF-IDF matrix at each distance cut."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.metrics.pairwise import cosine_distances

    n = matrix.shape[0]
    if n < 2:
        return {c: [1] * n for c in cuts}
    dist = cosine_distances(matrix).clip(min=0.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform((dist + dist.T) / 2, checks=False), method="average")
    return {c: [int(x) for x in fcluster(tree, t=c, criterion="distance")] for c in cuts}


def tfidf_average_linkage(records: Sequence[dict[str, Any]], gold: Sequence[str], mask: Sequence[bool]) -> dict:
    """Fit the cut on the records where ``mask`` is false, score it where it is true."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        import scipy  # noqa: F401
    except ImportError:
        return {"unavailable": "needs scikit-learn and SciPy (the `train` extra)"}
    tune = [i for i, m in enumerate(mask) if not m]
    test = [i for i, m in enumerate(mask) if m]
    if len(tune) < 2 or len(test) < 2:
        return {"unavailable": "too few records in a part"}
    tfidf = TfidfVectorizer(sublinear_tf=True)
    x_tune = tfidf.fit_transform([_text(records[i]) for i in tune])
    tuned = {c: bcubed(labels, [gold[i] for i in tune])["f1"] for c, labels in _labels(x_tune, CUTS).items()}
    cut = max(CUTS, key=lambda c: (round(tuned[c], 4), -c))  # ties: the smaller distance (fewer joins)
    labels = _labels(tfidf.transform([_text(records[i]) for i in test]), [cut])[cut]
    scored = bcubed(labels, [gold[i] for i in test])
    return {"method": "TF-IDF words (sublinear, IDF of the tuning part), cosine, average linkage",
            "cut_tuned_on_tuning_part": cut, "tuning_bcubed_f1": round(tuned[cut], 4),
            "bcubed": {k: round(v, 4) for k, v in scored.items() if k != "items"},
            "clusters": len(set(labels))}
