#!/usr/bin/env python
"""Build src/dateline/data/ner-crf.wordfreq.txt.gz: common words per language for the CRF tagger.

For each language in LANGS, the words of wordfreq's ``small`` list (Speer 2022), those with a Zipf
frequency of 3.3 or more (twice per million words), lower case, grouped into the
frequency bands of ``dateline.analyze.ner.WORDFREQ_BANDS``. Words with a digit are left out.
One line per language and band: ``lang<TAB>band<TAB>word word ...``.

wordfreq is needed only here (``pip install wordfreq==3.1.1``); the tagger reads the file.

    python scripts/ner_esnl/build_ner_wordfreq.py   (needed by candidate.patch; not shipped)
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "dateline" / "data" / "ner-crf.wordfreq.txt.gz"
# wordfreq language -> the codes it serves in dateline (``sh`` is Serbo-Croatian in Latin script)
LANGS = {
    "en": "en", "es": "es", "nl": "nl", "de": "de", "fr": "fr", "it": "it", "pt": "pt", "ca": "ca", "ro": "ro",
    "da": "da", "sv": "sv", "nb": "nb", "pl": "pl", "cs": "cs", "sk": "sk", "sl": "sl", "sh": "hr",
    "lt": "lt", "lv": "lv", "ru": "ru", "uk": "uk", "bg": "bg", "mk": "mk", "el": "el", "tr": "tr",
    "fi": "fi", "hu": "hu",
}
MIN_ZIPF = 3.3  # about twice a million words; keeps the file near 3 MB


def band(centibels: int) -> str:
    from dateline.analyze.ner import wordfreq_band

    return wordfreq_band(9.0 - centibels / 100.0)


def main() -> int:
    import wordfreq

    lines = []
    for wf_lang, code in LANGS.items():
        groups: dict[str, list[str]] = {}
        seen = set()
        for cb, words in enumerate(wordfreq.get_frequency_list(wf_lang, "small")):
            if 9.0 - cb / 100.0 < MIN_ZIPF:
                break
            for w in words:
                w = w.lower()
                if w in seen or any(ch.isdigit() for ch in w) or " " in w or "\t" in w:
                    continue
                seen.add(w)
                groups.setdefault(band(cb), []).append(w)
        for b in sorted(groups):
            lines.append(f"{code}\t{b}\t{' '.join(sorted(groups[b]))}")
        print(code, {b: len(v) for b, v in sorted(groups.items())}, file=sys.stderr)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with gzip.GzipFile(OUT, "wb", mtime=0, compresslevel=9) as f:
        f.write(data)
    print(f"{OUT}: {len(data)} bytes, {OUT.stat().st_size} gzipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
