"""``dateline eval extraction``: main-text extraction measured on real news pages."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path
from typing import TextIO

import trafilatura

from dateline.clean import clean
from dateline.clean import CleanError
from dateline.eval.parts import split_of
from dateline.eval.shingles import page_counts, score
from dateline.models import RawDocument


def extract_body(html: bytes, url: str | None) -> str:
    """The body text exactly as ingest would store it (same reader output, same cleaning)."""
    raw = RawDocument(origin=url or "page", data=html, media_type="text/html", meta={"url": url} if url else {})
    try:
        article = clean(raw)
    except CleanError:
        return ""
    # The stored text has the dateline and byline split off; the benchmark's bodies include them.
    parts = [article.dateline.text] if article.dateline else []
    parts.append(article.text)
    if article.byline:
        parts.append(article.byline)
    return "\n\n".join(parts)


def baseline_body(html: bytes, url: str | None) -> str:
    """The plain baseline: trafilatura's defaults on the page, nothing of ours around it."""
    return trafilatura.extract(html, url=url) or ""


def evaluate_extraction(path: Path, predictions: TextIO | None = None) -> dict:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts, plain = [], []
    elapsed = 0.0
    for rec in records:
        html = gzip.decompress((path.parent / rec["html_file"]).read_bytes())
        started = time.perf_counter()
        body = extract_body(html, rec.get("url"))
        elapsed += time.perf_counter() - started
        counts.append(page_counts(rec.get("body", ""), body))
        plain.append(page_counts(rec.get("body", ""), baseline_body(html, rec.get("url"))))
        if predictions is not None:
            predictions.write(json.dumps({"id": rec["id"], "body": body}, ensure_ascii=False) + "\n")
    split = split_of(path, records)
    untouched = None
    if split is not None:
        part = [counts[i] for i in split.untouched]
        untouched = {"pages": len(part), **{k: round(v, 4) for k, v in score(part).items()},
                     "baseline_trafilatura": {k: round(v, 4) for k, v in score([plain[i] for i in split.untouched]).items()},
                     "split": split.summary()}
    return {
        "file": str(path),
        "pages": len(records),
        **{k: round(v, 4) for k, v in score(counts).items()},
        "baseline_trafilatura": {k: round(v, 4) for k, v in score(plain).items()},
        "untouched": untouched,
        "pages_per_second": round(len(records) / elapsed, 1) if elapsed else None,
        "seconds": round(elapsed, 2),
    }
