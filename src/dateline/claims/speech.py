"""Direct and reported speech: the quote, who says it and whom the report attributes it to.

Attribution cues are short per-language patterns of two kinds: *source* cues that introduce
where a report comes from (``according to``, ``selon``, ``según``, ``laut``, ``по данным``,
``segundo``, ``riporta``, ``reported``) and *speaker* cues, verbs of saying (``said``, ``ha
dichiarato``, ``a déclaré``, ``dijo``, ``sagte``, ``заявил``, ``disse``). The phrase they
point at is the name or noun phrase next to them: after a prepositional cue, and for a verb
either the name just before it (``Munir said``) or the subject that follows it where the verb
opens a clause (``”, ha dichiarato l’esercito pakistano in una nota``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from dateline.claims.records import Claim
from dateline.claims.spans import by_sentence
from dateline.claims.words import tokens
from dateline.models import Mention, Sentence

# Cues whose source always follows them.
_PREPOSITIONAL = {
    "en": r"according to|reported by|quoted by|as reported by",
    "it": r"secondo quanto riferito da|secondo quanto riporta|stando (?:a )?quanto riporta|stando a|secondo|riportato da|citato da",
    "fr": r"selon|d['’]après|cité par|rapporté par",
    "es": r"según|de acuerdo con|citado por|informado por",
    "de": r"laut|nach angaben (?:von|des|der)|zufolge|berichtet von",
    "ru": r"по данным|по словам|по сообщению|по информации|как сообщает|как сообщили?",
    "pt": r"segundo|de acordo com|citado por|conforme",
}
# Verbs: the source or speaker stands before or after them.
_SOURCE_VERBS = {
    "en": r"reported|reports|reporting",
    "it": r"ha riferito|hanno riferito|riferisce|riporta|riportano|ha reso noto|fa sapere|prosegue|ha comunicato",
    "fr": r"rapporte|a rapporté|a indiqué|indique|a fait savoir|poursuit",
    "es": r"informó|informa|ha informado|reportó|indicó|prosigue",
    "de": r"berichtete|berichtet|meldete|meldet|teilte mit|teilt mit",
    "ru": r"сообщает|сообщил[аи]?|передает|передаёт|информирует",
    "pt": r"informou|informa|relatou|noticiou|reportou",
}
_SPEAKER_VERBS = {
    "en": r"said|says|told|stated|noted|added|announced|declared|stressed|emphasi[sz]ed",
    "it": r"ha dichiarato|hanno dichiarato|dichiara|ha detto|ha affermato|afferma|ha annunciato|ha aggiunto|ha sottolineato|ha ribadito|ha spiegato",
    "fr": r"a déclaré|déclare|a dit|a affirmé|affirme|a annoncé|a ajouté|a souligné|a expliqué",
    "es": r"dijo|declaró|afirmó|anunció|añadió|señaló|subrayó|ha dicho|ha declarado|ha afirmado",
    "de": r"sagte|sagt|erklärte|erklärt|betonte|fügte hinzu|kündigte an",
    "ru": r"заявил[аи]?|сказал[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|объявил[аи]?",
    "pt": r"disse|afirmou|declarou|anunciou|acrescentou|destacou|sublinhou",
}
_STOP = frozenset(
    ["that", "that's", "which", "who", "in", "on", "at", "with", "during", "after", "while", "because", "since", "to", "che", "in", "su", "con", "durante", "dopo", "mentre", "perché", "per", "que", "qui", "dans", "sur", "avec", "pendant", "après", "en", "pour", "dass", "in", "am", "mit", "während", "nach", "weil", "um", "что", "в", "на", "с", "во", "после", "когда", "чтобы", "em", "no", "na", "com", "durante", "depois", "enquanto", "para"])
_TRAILING_ADVERBS = frozenset(
    ["also", "previously", "later", "earlier", "then", "has", "have", "had", "anche", "inoltre", "poi", "aussi", "également", "también", "además", "auch", "также", "ранее", "тоже", "também", "ainda", "is", "was", "were", "been"])
_PRONOUNS = frozenset(["it", "this", "that", "he", "she", "they", "we", "i", "there", "which", "who", "lui", "lei", "esso", "essa", "ciò", "elle", "ils", "on", "él", "ella", "ellos", "er", "sie", "es", "он", "она", "они", "оно", "ele", "ela", "eles"])
_CONNECTORS = frozenset(("of", "di", "del", "della", "dell", "dello", "dei", "degli", "delle", "de", "des", "du",
                         "d", "der", "do", "da", "dos", "das", "la", "le", "el", "the"))
_ARTICLES = frozenset(["the", "il", "lo", "la", "le", "gli", "i", "l", "el", "los", "las", "der", "die", "das", "den", "dem", "o", "a", "os", "as"])
_QUOTES = re.compile(r"“([^”]{3,}?)”|«([^»]{3,}?)»|„([^“”]{3,}?)[“”]|\"([^\"]{3,}?)\"")
_NEAR_GAP = re.compile(r"\s*,?\s*(?:\w+\s+){0,2}")
_PUNCT = re.compile(r"[,.;:!?“”«»„\"()\[\]]")


def _cues(table: dict[str, str], lang: str | None) -> re.Pattern[str]:
    alts = table[lang] if lang in table else "|".join(table.values())
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def _alternatives(alts: str) -> list[str]:
    """``a|b(?:c|d)|e`` -> ``a``, ``b(?:c|d)``, ``e``: the top-level alternatives."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(alts):
        c = alts[i]
        if c == "\\":
            cur.append(alts[i:i + 2])
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


def _lead(alt: str) -> tuple[tuple[str, bool], ...]:
    """The words every match of the cue ``alt`` starts with, each with whether it is the whole
    word (``as reported by`` -> as, reported, by; ``emphasi[sz]ed`` -> emphasi, a prefix;
    ``сообщил[аи]?`` -> сообщил, a prefix; ``d['’]après`` -> d), lower-cased; () where the cue
    opens with no plain letter."""
    from re import _parser  # the patterns' own parser: what they mean is what re makes of them

    lead: list[tuple[str, bool]] = []
    word: list[str] = []
    for op, av in _parser.parse(alt).data:
        if op is _parser.LITERAL and _WORD_CHAR.match(chr(av)):
            word.append(chr(av))
            continue
        if op is _parser.LITERAL and chr(av) == " " and word:
            lead.append(("".join(word).lower(), True))
            word = []
            continue
        # a sign that is no word character ends the word; anything else may go on with it
        ends = (op is _parser.LITERAL and not _WORD_CHAR.match(chr(av))) or (
            op is _parser.IN and all(o is _parser.LITERAL and not _WORD_CHAR.match(chr(v)) for o, v in av))
        if word:
            lead.append(("".join(word).lower(), ends))
        return tuple(lead)
    if word:  # the cue ends with the word: (?!\w) follows it
        lead.append(("".join(word).lower(), True))
    return tuple(lead)


_WORD_CHAR = re.compile(r"\w")
# Characters that case-insensitive matching takes for a letter of a cue although str.lower()
# does not lower them to that one letter (İ lowers to two characters, ı and ſ match i and s, ᲀ
# matches в): a sentence with one of them is always matched in full.
# tests/test_claims_speech.py checks the list over every code point.
_CASE_ODD_CHARS = "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88"  # İ ı ſ, old Cyrillic ᲀ-ᲈ
_CASE_ODD = re.compile(f"[{_CASE_ODD_CHARS}]")

_Rests = tuple[tuple[tuple[str, bool], ...], ...]  # the words that must follow a first word, per cue


class _Leads:
    """How the cues of a language start: a first word with the words after it, or a prefix of
    the first word."""

    def __init__(self, whole: dict[str, list[tuple[tuple[str, bool], ...]]], prefixes: set[str]) -> None:
        self.whole = {w: tuple(dict.fromkeys(rests)) for w, rests in whole.items()}
        self.prefixes = tuple(sorted(prefixes))
        self._rests: dict[str, _Rests] = {}  # word -> what must follow it, () where no cue starts so

    def rests(self, word: str) -> _Rests:
        found = self._rests.get(word)
        if found is None:
            found = self.whole.get(word, ())
            if self.prefixes and word.startswith(self.prefixes):
                found = ((), *found)
            if len(self._rests) >= 100_000:
                self._rests.clear()
            self._rests[word] = found
        return found


@lru_cache(maxsize=64)
def _cue_tables(lang: str | None) -> tuple[tuple[tuple[str, re.Pattern[str], bool], ...], _Leads | None]:
    """The three cue patterns of a language, and how its cues start (None where some cue
    opens otherwise than with a letter)."""
    tables = []
    whole: dict[str, list[tuple[tuple[str, bool], ...]]] = {}
    prefixes: set[str] = set()
    ok = True
    for kind, table, fixed in (("source", _PREPOSITIONAL, True), ("source", _SOURCE_VERBS, False),
                               ("speaker", _SPEAKER_VERBS, False)):
        tables.append((kind, _cues(table, lang), fixed))
        for alt in _alternatives(table[lang] if lang in table else "|".join(table.values())):
            lead = _lead(alt)
            if not lead:
                ok = False
            elif lead[0][1]:
                whole.setdefault(lead[0][0], []).append(lead[1:])
            else:
                prefixes.add(lead[0][0])
    return tuple(tables), (_Leads(whole, prefixes) if ok else None)


def _may_have_cue(text: str, sentence: Sentence, leads: _Leads | None) -> bool:
    """False where no cue can match in the sentence: none of its words starts one (a cue's
    letters, lowered as str.lower() lowers them, are the start of the word it matches at)."""
    if leads is None or _CASE_ODD.search(text, sentence.start, sentence.end):
        return True
    norms = tokens(text, sentence.start, sentence.end)[0]
    at = list(map(leads._rests.get, norms))
    if None in at:  # words not seen before
        at = [leads.rests(w) if r is None else r for w, r in zip(norms, at)]
    for i in compress(range(len(norms)), at):  # only words a cue starts with
        for rest in at[i]:
            if not rest or _words_follow(norms, i + 1, rest):
                return True
    return False


def _words_follow(norms: list[str], i: int, rest: tuple[tuple[str, bool], ...]) -> bool:
    if i + len(rest) > len(norms):
        return False
    for (word, whole), norm in zip(rest, norms[i:]):
        if not (norm == word if whole else norm.startswith(word)):
            return False
    return True


@dataclass(frozen=True)
class Attribution:
    kind: str  # source | speaker
    cue: str
    cue_start: int
    phrase: str | None
    start: int | None
    end: int | None
    entity: str | None


def _phrase_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    m = re.match(r"\s*", text[pos:limit])
    start = pos + m.end()
    stop = _PUNCT.search(text, start, limit)
    end = stop.start() if stop else limit
    kept: list[re.Match[str]] = []
    for w in re.finditer(r"\S+", text[start:end]):
        word = w.group()
        if word.lower() in _STOP or len(kept) == 6:
            break
        # a name ends where lower-case words start: "laut Reuters wieder aufgebaut"
        if kept and kept[0].group()[0].isupper() and word[0].islower() and not _connector(word):
            break
        kept.append(w)
    if not kept:
        return None
    return start, start + kept[-1].end()


def _connector(word: str) -> bool:
    """``of``, ``di``, ``dell’esercito``: words that carry a name on (Radio dell’esercito)."""
    return re.split(r"['’]", word.lower())[0] in _CONNECTORS


def _phrase_before(text: str, clause_start: int, pos: int) -> tuple[int, int] | None:
    """The noun phrase ending at a verb of saying: back to a clause break or a word like
    ``that``/``che``, at most six words, opening with a capital or an article."""
    ws = list(re.finditer(r"\S+", text[clause_start:pos]))
    while ws and ws[-1].group().lower() in _TRAILING_ADVERBS:
        ws.pop()
    kept: list[re.Match[str]] = []
    for w in reversed(ws):
        if w.group().lower() in _STOP or len(kept) == 6:
            break
        kept.insert(0, w)
    if not kept or kept[0].group().lower() in _PRONOUNS or (len(kept) == 1 and kept[0].group().lower() in _ARTICLES):
        return None  # "It is reported", French "il a déclaré": no one named
    first = kept[0].group()
    if not (first[0].isupper() or first.lower() in _ARTICLES):
        return None
    return clause_start + kept[0].start(), clause_start + kept[-1].end()


def _entity_in(mentions: list[Mention], start: int, end: int) -> str | None:
    for m in mentions:
        if m.entity and m.type in ("ORG", "PER") and m.start < end and m.end > start:
            return m.entity
    for m in mentions:
        if m.entity and m.start < end and m.end > start:
            return m.entity
    return None


def attributions(text: str, sentence: Sentence, lang: str | None, mentions: list[Mention],
                 quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Attribution cues of one sentence outside its quotes, with the phrase each points at."""
    out: list[Attribution] = []
    tables, leads = _cue_tables(lang)
    if not _may_have_cue(text, sentence, leads):
        return out
    inside = lambda i: any(s <= i < e for s, e in quotes)
    found = []
    for kind, cues, fixed in tables:
        for m in cues.finditer(text, sentence.start, sentence.end):
            if not inside(m.start()):
                found.append((m.start(), m.end(), kind, fixed))
    found.sort(key=lambda f: (f[0], -f[1]))  # at one position the longer cue wins
    taken: list[tuple[int, int]] = []
    for start, end, kind, fixed in found:
        if any(s < end and start < e for s, e in taken):
            continue  # "secondo quanto riporta" is one cue, not two
        taken.append((start, end))
        clause = [b.end() for b in _PUNCT.finditer(text, sentence.start, start)]
        clause_start = clause[-1] if clause else sentence.start
        span = None
        if fixed:
            span = _phrase_after(text, end, sentence.end)
        else:
            # a name just before the verb, maybe with a comma or an adverb between (Munir, ha ribadito)
            # (after a comma, only where the name opens the sentence: ``..., X, ha riferito Y`` has
            # the subject Y after the verb)
            near = [mm for mm in mentions if mm.entity and mm.type in ("PER", "ORG") and mm.end <= start
                    and _NEAR_GAP.fullmatch(text[mm.end:start])
                    and ("," not in text[mm.end:start] or not text[sentence.start:mm.start].strip())]
            opens_clause = not text[clause_start:start].strip()
            if near:
                span = (near[-1].start, near[-1].end)
            elif opens_clause:
                span = _phrase_after(text, end, sentence.end)
            else:
                span = _phrase_before(text, clause_start, start)
        phrase = text[span[0]:span[1]] if span else None
        out.append(Attribution(kind, text[start:end], start, phrase, span[0] if span else None,
                               span[1] if span else None, _entity_in(mentions, *span) if span else None))
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted passages, without their marks."""
    out = []
    for m in _QUOTES.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        out.append((m.start(g), m.end(g)))
    return out


def speech_claims(article_id: str, text: str, sentences: tuple[Sentence, ...], lang: str | None,
                  mentions: list[Mention]) -> list[Claim]:
    quotes = quote_spans(text)
    claims = []
    quotes_in = by_sentence(quotes, [s for s, _ in quotes], sentences)
    mentions_in = by_sentence(mentions, [m.start for m in mentions], sentences)
    for sent, in_sentence, ments in zip(sentences, quotes_in, mentions_in):
        attrs = attributions(text, sent, lang, ments, quotes)
        if not attrs and not in_sentence:
            continue
        speaker = next((a for a in attrs if a.kind == "speaker" and a.phrase), None)
        source = next((a for a in attrs if a.kind == "source" and a.phrase), None) or speaker
        who = {
            "speaker": speaker.phrase if speaker else None,
            "speaker_entity": speaker.entity if speaker else None,
            "source": source.phrase if source else None,
            "source_entity": source.entity if source else None,
            "cue": ", ".join(a.cue for a in attrs) or None,
        }
        who["attribution_spans"] = tuple((a.start, a.end) for a in attrs if a.start is not None)
        ents = tuple(dict.fromkeys(e for e in (who["speaker_entity"], who["source_entity"]) if e))
        spans = in_sentence or [(sent.start, sent.end)]
        for s, e in spans:
            claims.append(Claim(article_id, "speech", text[s:e], s, e, sent.start, sent.end, entities=ents,
                                detail={"mode": "direct" if in_sentence else "reported", **who}))
    return claims
