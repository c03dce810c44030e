"""``dateline similar``: the articles most like one article, by the pair judge.

Candidates come from the store (articles sharing its linked entities, the members of its event
and story); each is scored by the learned judge (:mod:`dateline.similarity.judge`) with IDF
fitted on the candidates themselves, so the ranking is explainable pair by pair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dateline.models import Analysis, Article
from dateline.similarity.features import FEATURE_NAMES, SimilarityContext, pair_features
from dateline.similarity.judge import Judge

_SHOWN = ("ent_weighted", "loc_jaccard", "date_jaccard", "word_cosine", "char_cosine", "stem_cosine")


@dataclass(frozen=True)
class Similar:
    article_id: str
    probability: float  # the judge's probability that both report the same event
    score: float  # SemEval scale: 1 = same story .. 4 = unrelated
    evidence: dict[str, float]  # a few of the features behind it


def rank_similar(article: tuple[Article, Analysis], candidates: list[tuple[Article, Analysis]],
                 judge: Judge | None = None, limit: int = 10) -> list[Similar]:
    judge = judge or Judge.load()
    others = [c for c in candidates if c[0].id != article[0].id]
    if not others:
        return []
    ctx = SimilarityContext().fit([article, *others])
    rows = np.vstack([pair_features(article, c, ctx) for c in others])
    probs, scores = judge.probabilities(rows), judge.semeval_scores(rows)
    index = {n: i for i, n in enumerate(FEATURE_NAMES)}
    out = [Similar(c[0].id, round(float(p), 4), round(float(s), 3),
                   {n: round(float(row[index[n]]), 3) for n in _SHOWN})
           for c, p, s, row in zip(others, probs, scores, rows)]
    out.sort(key=lambda x: (-x.probability, x.score, x.article_id))
    return out[:limit]
