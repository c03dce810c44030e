"""Cleaning: a RawDocument becomes an Article with repaired text in paragraphs, its header,
dateline and byline split off, its language, publication date and content id.

Steps, each a module of this package:
decode (or extract HTML) -> repair -> header -> paragraphs -> artifacts -> repeated title
-> headline above a dateline (plain text with no title) -> byline -> dateline -> language -> published date -> dateline year -> id.

The byline goes before the dateline so that a leading ``By John Smith`` paragraph does not
hide the dateline behind it. Metadata precedence: explicit ``meta`` over header lines over
what the HTML page states.
"""

from __future__ import annotations

import re
import unicodedata

from dateline.clean.artifacts import remove_artifacts
from dateline.clean.byline import split_byline
from dateline.clean.dateline import split_dateline
from dateline.clean.dates import date_from_url, parse_published, resolve_dateline_year
from dateline.clean.header import split_header
from dateline.clean.language import detect_language
from dateline.clean.paragraphs import normalise_paragraphs
from dateline.clean.repair import repair_text
from dateline.text.decode import UndecodableError, decode_text
from dateline.clean.extract import Extracted, ExtractionError, extract_html
from dateline.text.ids import content_id
from dateline.models import Article, RawDocument

__all__ = ["CleanError", "clean"]


class CleanError(ValueError):
    """The document holds no usable text; the message is a short lower-case reason."""


_LANG_CODE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*")
_LANG_NAMES = {
    "english": "en", "italian": "it", "italiano": "it", "french": "fr", "français": "fr",
    "francais": "fr", "spanish": "es", "español": "es", "espanol": "es", "german": "de",
    "deutsch": "de", "portuguese": "pt", "português": "pt", "portugues": "pt",
    "russian": "ru", "русский": "ru", "dutch": "nl", "nederlands": "nl", "polish": "pl",
    "polski": "pl", "ukrainian": "uk", "українська": "uk", "arabic": "ar", "turkish": "tr",
    "türkçe": "tr", "chinese": "zh",
}


def _declared_lang(value: str | None) -> str | None:
    """``it``, ``it-IT``, ``ITA``? -> primary subtag in lower case; a few language names too."""
    if not value:
        return None
    value = value.strip()
    m = _LANG_CODE.fullmatch(value)
    if m:
        return m.group(1).lower()
    return _LANG_NAMES.get(value.casefold())


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None


def _same_words(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().casefold() == re.sub(r"\W+", " ", b).strip().casefold()


def _drop_repeated_title(text: str, titles: list[str | None]) -> str:
    """Pages and feeds often repeat the headline as the first paragraph; it is kept in
    ``Article.title``, and dropping it lets the dateline below it be found."""
    first, sep, rest = text.partition("\n\n")
    if sep and any(title and _same_words(first, title) for title in titles):
        return rest
    return text


def _headline_above_dateline(text: str, lang: str | None) -> tuple[str | None, str]:
    """Plain-text reports often open with the headline as a paragraph of its own, then the
    dateline. Left in the text, the headline hides the dateline (its place and day go unread)
    and the dateline joins the text's lead, where two reports from one town on one day look
    alike. Taken only when the next paragraph opens with a dateline (after a byline, if any):
    a short first paragraph alone may be a quote or a section heading."""
    first, sep, rest = text.partition("\n\n")
    words = first.split()
    if not sep or "\n" in first or not 2 <= len(words) <= 25 or first.rstrip()[-1:] in ".;:,":
        return None, text
    if split_byline(text)[0] is not None:  # "By John Smith" above the dateline is a byline
        return None, text
    _, after = split_byline(rest)
    found, _ = split_dateline(after, lang)
    return (first.strip(), rest) if found is not None else (None, text)


def _read_text(raw: RawDocument, meta: dict[str, str]) -> tuple[str, Extracted | None]:
    if raw.media_type == "text/html":
        try:
            extracted = extract_html(raw.data, meta.get("url"))
        except ExtractionError as exc:
            raise CleanError(str(exc)) from exc
        return extracted.text, extracted
    if raw.media_type != "text/plain":
        raise CleanError(f"unsupported media type {raw.media_type!r}")
    try:
        return decode_text(raw.data, meta.get("charset")), None
    except UndecodableError as exc:
        raise CleanError(str(exc)) from exc


def clean(raw: RawDocument) -> Article:
    """Clean one document. Raises ``CleanError`` when nothing usable is left."""
    meta = {k: str(v).strip() for k, v in (raw.meta or {}).items()
            if v is not None and str(v).strip()}
    text, page = _read_text(raw, meta)
    page = page or Extracted(text="")

    text = repair_text(text)
    header, text = split_header(text)
    text = normalise_paragraphs(text)
    text = remove_artifacts(text)
    titles = [meta.get("title"), header.get("title"), page.title]
    text = _drop_repeated_title(text, titles)
    declared = _declared_lang(meta.get("lang")) or _declared_lang(header.get("lang"))
    if not _first(*titles):
        headline, text = _headline_above_dateline(text, declared)
        titles.append(headline)
    byline, text = split_byline(text)
    dateline, text = split_dateline(text, declared)
    # The dateline's separators are gone; what it leaves may be an empty first paragraph.
    text = unicodedata.normalize("NFC", normalise_paragraphs(text))
    if not re.search(r"[^\W_]", text):  # a letter or digit: what the content id is made of
        raise CleanError("no text left after cleaning")

    if declared:
        lang, lang_score = declared, None  # stated, not guessed
    else:
        lang, score = detect_language(text)
        lang_score = score if lang else None

    published = None
    dates = (meta.get("published"), header.get("published"), header.get("date"), page.published)
    for candidate in dates:
        published = parse_published(candidate, lang)
        if published:
            break
    url = _first(meta.get("url"), header.get("url"))
    canonical_url = _first(meta.get("canonical_url"), page.canonical_url)
    published = published or date_from_url(url) or date_from_url(canonical_url)
    if dateline is not None:
        dateline = resolve_dateline_year(dateline, published)

    return Article(
        id=content_id(text),
        text=text,
        origin=raw.origin,
        lang=lang,
        lang_score=lang_score,
        title=_first(*titles),
        url=url,
        canonical_url=canonical_url,
        source=_first(meta.get("source"), header.get("source")),
        site_name=_first(meta.get("site_name"), page.site_name),
        author=_first(meta.get("author"), header.get("author"), page.author),
        published=published,
        dateline=dateline,
        byline=byline,
        header=header,
        external_id=meta.get("id"),
    )
