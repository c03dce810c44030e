"""Train the two event-type models of stage ``frame``:

- ``src/dateline/data/plover-event-model.json``: PLOVER event type of an English sentence
  (logistic regression over word 1-2-grams plus the trigger lexicons' scores), trained on
  ``plover_events.jsonl``-format records ``{id, lang, text, event, ...}``;
- ``src/dateline/data/case-snippet-model.json.gz``: ACLED-style subtype of a news snippet (linear SVM
  over character 3-5-grams of words plus lexicon and casualty cues), trained on
  ``case2021_snippets.jsonl``-format records ``{id, lang, text, label}``.

Reproducible: records sorted by id, deterministic solvers with fixed seeds, weights rounded to 6
significant digits and near-zero ones pruned, so a retrain gives byte-identical files (``--check``).
Only the tuning part of each file is read: its untouched quarter (``dateline.eval.parts``) is
left for ``dateline eval`` to score. Each model stores its 5-fold stratified cross-validated figures (never in-sample ones) beside a
plain baseline computed on the same folds, and short hashes of its training texts so an eval can
say whether it is scoring the training data.

    python scripts/train_event_types.py               # train both, write JSON + provenance
    python scripts/train_event_types.py --check       # retrain both, verify the files are unchanged
    python scripts/train_event_types.py --plover F --case G --out-dir D --folds 0
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from dateline.eval.events import TokenF1
from dateline.eval.labels import per_label, summary, text_key
from dateline.eval.parts import dataset_of, select
from dateline.frame import events as plover_events
from dateline.frame import snippets as case_snippets
from dateline.frame.linear import LinearModel, data_path
from dateline.frame.plover import PLOVER_TYPES
from dateline.frame.sentence import frame_sentence
from dateline.frame.textfeatures import Vectorizer
from dateline.pipeline import Analyzer

DEFAULT_PLOVER = "../shared/data/dev/plover_events.jsonl"
DEFAULT_CASE = "../shared/data/dev/case2021_snippets.jsonl"
SEED = 0
PLOVER_PARAMS = {"kind": "logistic", "C": 10.0, "word_ngrams": 2, "char_range": [0, 0], "min_df": 2,
                 "class_weight": None, "lexicon_features": True, "extra_scale": 1.0, "prune": 0.01}
CASE_PARAMS = {"kind": "svm", "C": 1.0, "word_ngrams": 0, "char_range": [3, 5], "min_df": 2,
               "class_weight": "balanced", "lexicon_features": True, "extra_scale": 0.3, "prune": 0.02}
EXTRA_NAMES = ([f"lex:{t}" for t in PLOVER_TYPES] + [f"first:{t}" for t in PLOVER_TYPES]
               + ["casualties:killed", "casualties:injured"])


def read(path: str, label_key: str) -> list[dict]:
    """The tuning part of the file, sorted by id: its untouched quarter is never trained on."""
    with open(path, encoding="utf-8") as fh:
        records = select(dataset_of(path), [json.loads(line) for line in fh if line.strip()], "tuning")
    return sorted((r for r in records if r.get(label_key)), key=lambda r: str(r["id"]))


def plover_extra(text: str, lang: str | None) -> dict[str, float]:
    hits = plover_events.trigger_hits(text, lang)
    return plover_events.lexicon_features(plover_events.lexicon_scores(hits), hits)


def _sig(value: float, digits: int = 6) -> float:
    return float(f"{value:.{digits}g}")


def fit(texts: list[str], labels: list[str], extras: list[dict[str, float]] | None, params: dict,
        meta: dict | None = None) -> dict:
    """One model, JSON-ready."""
    vec = Vectorizer.fit(texts, params["word_ngrams"], tuple(params["char_range"]), params["min_df"])
    if extras is not None:
        vec = vec.with_extra(EXTRA_NAMES, params["extra_scale"])
    x = matrix(vec, texts, extras)
    classes = sorted(set(labels))
    if params["kind"] == "logistic":
        clf = LogisticRegression(C=params["C"], class_weight=params["class_weight"], max_iter=10000)
    else:
        clf = LinearSVC(C=params["C"], class_weight=params["class_weight"], random_state=SEED, max_iter=20000)
    clf.fit(x, labels)
    assert list(clf.classes_) == classes
    coef = np.asarray(clf.coef_)
    weights = {}
    for j, label in enumerate(classes):
        cols = [int(c) for c in np.flatnonzero(np.abs(coef[j]) >= params["prune"])]
        weights[label] = {"cols": cols, "vals": [_sig(v) for v in coef[j, cols]]}
    return {"format": 1, "kind": params["kind"], "classes": classes, "vectorizer": vec.to_dict(),
            "weights": weights, "bias": [_sig(b) for b in np.atleast_1d(clf.intercept_)],
            "meta": meta or {}}


def matrix(vec: Vectorizer, texts: list[str], extras: list[dict[str, float]] | None) -> sp.csr_matrix:
    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        for c, v in vec.transform(text, extras[i] if extras is not None else None).items():
            rows.append(i)
            cols.append(c)
            vals.append(v)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vec.vocabulary)))


def folds(labels: list[str], n: int):
    return StratifiedKFold(n_splits=n, shuffle=True, random_state=SEED).split(np.zeros(len(labels)), labels)


def cross_validate(texts, labels, extras, params, n, baseline_kind: str, score_extra, fold_hook=None) -> dict:
    """Our model and a plain TF-IDF word baseline (scikit-learn defaults) on the same folds;
    ``fold_hook(model, test_indices)`` sees each fold's model."""
    ours: list[str | None] = [None] * len(labels)
    base: list[str | None] = [None] * len(labels)
    for train, test in folds(labels, n):
        model = LinearModel.from_dict(fit([texts[i] for i in train], [labels[i] for i in train],
                                          [extras[i] for i in train] if extras else None, params))
        for i in test:
            ours[i] = model.classes[int(model.scores(texts[i], score_extra(i)).argmax())]
        if fold_hook is not None:
            fold_hook(model, test)
        tfidf = TfidfVectorizer()
        x_train = tfidf.fit_transform([texts[i] for i in train])
        clf = (LogisticRegression(max_iter=10000) if baseline_kind == "logistic" else LinearSVC(random_state=SEED))
        clf.fit(x_train, [labels[i] for i in train])
        for i, p in zip(test, clf.predict(tfidf.transform([texts[i] for i in test])), strict=True):
            base[i] = str(p)
    return {"folds": n, "model": summary(labels, ours),
            f"baseline_tfidf_words_{baseline_kind}": summary(labels, base),
            "per_label": per_label(labels, ours)}


def train_plover(path: str, n_folds: int) -> dict:
    records = read(path, "event")
    texts = [r["text"] for r in records]
    labels = [r["event"] for r in records]
    extras = [plover_extra(t, r.get("lang") or "en") for t, r in zip(texts, records, strict=True)]
    params = PLOVER_PARAMS
    meta = {"task": "PLOVER event type", "langs": ["en"], "params": params, "records": len(records),
            "trained_on": sorted(text_key(t) for t in texts)}
    if n_folds > 1:
        analyzer = Analyzer()
        sources, targets, both = TokenF1(), TokenF1(), TokenF1()

        def actors(model: LinearModel, test) -> None:  # the whole frame step with this fold's model
            for i in test:
                r = records[i]
                framed = frame_sentence(r["text"], r.get("lang") or "en",
                                        analyzer.mentions(r["text"], r.get("lang") or "en"), model)
                src, tgt = [a.text for a in framed.sources], [a.text for a in framed.targets]
                sources.add(src, r.get("source") or [])
                targets.add(tgt, r.get("target") or [])
                both.add(src, r.get("source") or [])
                both.add(tgt, r.get("target") or [])

        cv = cross_validate(texts, labels, extras if params["lexicon_features"] else None, params, n_folds,
                            "svm", lambda i: extras[i] if params["lexicon_features"] else None, actors)
        cv["actors_token_f1"] = {"source": sources.result()["f1"], "target": targets.result()["f1"],
                                 "all": both.result()["f1"]}
        lexicon = [plover_events.classify_event(t, r.get("lang") or "en", use_model=False).type
                   for t, r in zip(texts, records, strict=True)]
        cv["lexicon_only"] = summary(labels, lexicon)
        meta["cv"] = cv
    return fit(texts, labels, extras if params["lexicon_features"] else None, params, meta)


def train_case(path: str, n_folds: int) -> dict:
    records = read(path, "label")
    texts = [r["text"] for r in records]
    labels = [r["label"] for r in records]
    params = CASE_PARAMS
    extras = [case_snippets.snippet_features(t) for t in texts] if params["lexicon_features"] else None
    meta = {"task": "ACLED-style snippet subtype (CASE 2021)", "langs": ["en"], "params": params,
            "records": len(records), "trained_on": sorted(text_key(t) for t in texts)}
    if n_folds > 1:
        meta["cv"] = cross_validate(texts, labels, extras, params, n_folds, "svm",
                                    lambda i: extras[i] if extras else None)
    return fit(texts, labels, extras, params, meta)


def dumps(model: dict) -> str:
    return json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def provenance(name: str, data: str, model: dict) -> str:
    meta = model["meta"]
    lines = [f"# {name}: provenance", "", (f"{meta['task']}: a linear model ({model['kind']}) over "
             "`dateline.frame.textfeatures` vectors, scored with numpy alone (`dateline.frame.linear`)."), "",
             "## Data",
             f"- `{data}`: {meta['records']} English records, its tuning part (the untouched quarter that",
             "  `dateline.eval.parts` sets aside is never trained on; `dateline eval` scores it apart), released",
             "  for research (the licence allows",
             "  training internal models and shipping them with this note, **for research use**). No text from",
             "  the data is in this repository; `meta.trained_on` holds 10-hex-digit hashes of the training texts",
             "  so `dateline eval` can tell when it scores the training data.", "",
             "## Training",
             "- Command (repository root, venv active): `python scripts/train_event_types.py`",
             f"- Date: {datetime.date.today().isoformat()}; scikit-learn {sklearn.__version__}, numpy {np.__version__}",
             f"- Parameters: `{json.dumps(meta['params'], sort_keys=True)}`; records sorted by id; seed {SEED};",
             "  weights rounded to 6 significant digits, smaller than `prune` dropped.",
             "- Check: `python scripts/train_event_types.py --check` (byte-identical with the versions above).", ""]
    cv = meta.get("cv")
    if cv:
        lines += [f"## {cv['folds']}-fold stratified cross-validation (honest dev estimate)", "",
                  "| | accuracy | macro-F1 |", "|---|---|---|"]
        for key, row in cv.items():
            if isinstance(row, dict) and "accuracy" in row:
                lines.append(f"| {key} | {row['accuracy']} | {row['macro_f1']} |")
        if "actors_token_f1" in cv:
            a = cv["actors_token_f1"]
            lines += ["", (f"Actors (bag-of-tokens F1, micro-averaged, triggers from the fold's model): source "
                           f"{a['source']}, target {a['target']}, both {a['all']}.")]
        lines += ["", "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for label, row in cv["per_label"].items():
            lines.append(f"| {label} | {row['precision']} | {row['recall']} | {row['f1']} | {row['support']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plover", default=DEFAULT_PLOVER, help="PLOVER records ('' to skip)")
    parser.add_argument("--case", default=DEFAULT_CASE, help="CASE snippet records ('' to skip)")
    parser.add_argument("--out-dir", type=Path, default=data_path(""))
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none)")
    parser.add_argument("--check", action="store_true", help="retrain and verify the files are byte-identical")
    args = parser.parse_args(argv)

    jobs = [(plover_events.MODEL_NAME, args.plover, train_plover), (case_snippets.MODEL_NAME, args.case, train_case)]
    status = 0
    for name, data, train in jobs:
        if not data:
            continue
        model = train(data, args.folds)
        text = dumps(model)
        out = args.out_dir / name
        payload = gzip.compress(text.encode("utf-8"), mtime=0) if name.endswith(".gz") else text.encode("utf-8")
        if args.check:
            same = out.exists() and out.read_bytes() == payload
            print(f"{out}: {'identical' if same else 'DIFFERS from a fresh training run'}")
            status |= 0 if same else 1
            continue
        out.write_bytes(payload)
        out.with_name(name.removesuffix(".gz").removesuffix(".json") + ".PROVENANCE.md").write_text(provenance(name, data, model),
                                                                                 encoding="utf-8")
        cv = model["meta"].get("cv", {})
        print(json.dumps({"out": str(out), "bytes": len(payload), "records": model["meta"]["records"],
                          **{k: v for k, v in cv.items() if k != "per_label"}}))
    return status


if __name__ == "__main__":
    sys.exit(main())
