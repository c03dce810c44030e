"""Cross-document entity linking: mentions -> entities, one entity across spellings, scripts and
languages.

Per mention, in order: a title is split off (PER); an acronym introduced in the text
(``Libyan National Army (LNA)``) ties the long name and the acronym to one ORG; places, demonyms
and international organisations resolve through the gazetteer; other names resolve through the
linker's own index of name keys, first within the document, then across documents.

People: a full name links across documents only on its full key (``Saddam Khalifa Haftar`` is
never ``Khalifa Haftar``); a lone surname links to a full name ending in it in the same document
(the first one before it, else one after), else to the person most often named so elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from dateline.link import gazetteer as gaz
from dateline.link import lexicon
from dateline.link.keys import acronym_key, fold, french_key, is_acronym, name_key, stem
from dateline.models import Entity, Mention

_ACRONYM_AFTER = re.compile(r"\s*[(\[]\s*([^\W\d_][^\W_.]{1,7})\s*[)\]]")
_STRIP = "\"'«»„“”‘’()[]{}.,;:!?-–— \t\n"
# Czech/Slovak female surnames: Merkelová, Mayové -> Merkel, May (long vowel: not a case of -ov names)
_CS_FEMALE = re.compile(r"(?<=[^\W\d_]{3})ov(?:á|é|ou|ej|ý)(?=\W|$)")


@dataclass
class _Record:
    id: str
    type: str
    name: str | None = None  # fixed canonical name (gazetteer); else chosen from forms
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None
    source: str = "corpus"
    forms: dict[str, Counter] = field(default_factory=dict)  # lang -> surface form -> count
    full: bool = False  # a PER known by a multi-token name

    def entity(self) -> Entity:
        return Entity(self.id, self.name or _canonical(self.forms, self.type == "PER" and self.full), self.type,
                      {lang: tuple(f for f, _ in c.most_common()) for lang, c in sorted(self.forms.items())},
                      self.country, self.lat, self.lon, self.kind, self.source)


@lru_cache(maxsize=65536)
def _is_latin(s: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in s)


def _canonical(forms: dict[str, Counter], full_name: bool = False) -> str:
    """English form if one was seen, else the most frequent Latin-script form, else any. A person
    known by a full name is named by it, however often the surname alone is used."""
    if full_name:
        forms = {lang: Counter({f: n for f, n in c.items() if len(f.split()) > 1}) for lang, c in forms.items()}
        forms = {lang: c for lang, c in forms.items() if c}
    if forms.get("en"):
        return forms["en"].most_common(1)[0][0]
    total: Counter = Counter()
    for c in forms.values():
        total.update(c)
    latin = [(n, f) for f, n in total.items() if _is_latin(f)]
    pool = latin or [(n, f) for f, n in total.items()]
    return max(pool, key=lambda x: (x[0], -len(x[1]), x[1]))[1] if pool else ""


def _single_key(text: str, lang: str | None) -> str:
    """Key of a one-token name: the skeleton when it has 3+ letters, else the folded stem
    (``May`` -> ``=may``, not ``m``)."""
    k = name_key(text, lang)
    return k if len(k) >= 3 else "=" + stem(text, lang)


def _french_person_key(text: str, lang: str | None) -> str | None:
    """``PER|`` key of a Latin-script name read the French way (``Barnier`` -> ``brn``, as
    ``Барнье``), or None when it reads the same; persons are also indexed and looked up by it."""
    k = french_key(text, lang)
    return "PER|" + k if k and len(k.replace(" ", "")) >= 3 else None


@lru_cache(maxsize=1)
def _nickname_keys() -> dict[str, str]:
    """Key of a formal first name -> key of the short form news uses for the same person
    (``Joseph Biden`` and ``Джо Байден`` are one person). Only the first word of a full name."""
    return {name_key(formal, "en"): name_key(short, "en") for formal, short in lexicon.NICKNAMES}


# Possessive adjectives made from surnames (Slovene, Czech, Slovak, Croatian), folded, longest first.
_POSSESSIVE_LANGS = frozenset("sl cs sk hr bs sr".split())
_POSSESSIVE_ENDINGS = ("ovega", "ovemu", "ovych", "ovih", "ovim", "ovem", "ovym", "ova", "ove", "ovo", "ovi",
                       "ovu", "ovy", "ov")


def _untyped(typed_key: str) -> str:
    """``LOC|rb de pks`` -> ``*|rb de pks``: the index key of a multi-word name of any type."""
    return "*|" + typed_key.split("|", 1)[1]


class Linker:
    """Holds the entity state across documents; feed it documents in order with ``link_document``."""

    def __init__(self, use_gazetteer: bool = True) -> None:
        self._gaz = gaz.load() if use_gazetteer else None
        self._records: dict[str, _Record] = {}
        self._index: dict[str, str] = {}  # "TYPE|key" -> entity id
        self._surnames: dict[str, Counter] = {}  # "PER|key" of a lone token -> entity id -> count

    # -- state --------------------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        return [r.entity() for r in self._records.values()]

    def export_state(self) -> dict:
        return {
            "version": 1,
            "entities": [{"id": r.id, "type": r.type, "name": r.name, "country": r.country, "lat": r.lat,
                          "lon": r.lon, "kind": r.kind, "source": r.source, "full": r.full,
                          "forms": {lang: dict(c) for lang, c in r.forms.items()}} for r in self._records.values()],
            "index": dict(self._index),
            "surnames": {k: dict(c) for k, c in self._surnames.items()},
        }

    def load_state(self, state: dict) -> None:
        self._records = {}
        for e in state.get("entities", ()):
            forms = {lang: Counter(c) for lang, c in e.pop("forms", {}).items()}
            self._records[e["id"]] = _Record(forms=forms, **e)
        self._index = dict(state.get("index", {}))
        self._surnames = {k: Counter(c) for k, c in state.get("surnames", {}).items()}

    # -- records ------------------------------------------------------------------------------
    def _record_for_place(self, p: gaz.Place) -> _Record:
        r = self._records.get(p.id)
        if r is None:
            r = self._records[p.id] = _Record(p.id, p.type, p.name, p.country, p.lat, p.lon, p.kind,
                                              "gazetteer")
        return r

    def _new(self, type_: str, key: str, kind: str | None = None) -> _Record:
        key = key[2:].upper() if key.startswith("A:") else key.lstrip("=")  # ORG:RATP, not ORG:A:ratp
        base = f"{type_}:{key.replace(' ', '-')}"
        rid, n = base, 1
        while rid in self._records:
            n += 1
            rid = f"{base}~{n}"
        r = self._records[rid] = _Record(rid, type_, kind=kind)
        return r

    # -- linking ------------------------------------------------------------------------------
    def entity(self, entity_id: str) -> Entity:
        return self._records[entity_id].entity()

    def link_document(self, text: str, lang: str | None, mentions: list[Mention]) -> tuple[list[Mention], list[str]]:
        """Fill ``entity`` (and split roles) on one document's mentions; returns the mentions, in
        the given order, and the ids of the entities they link to (created or updated). Build the
        ``Entity`` records with :meth:`entity` once per batch: a canonical name is chosen over all
        the forms seen so far, which is not work to repeat for every document."""
        lang = (lang or "").split("-")[0].lower() or None
        # a bare title tagged as a name (``Field Marshal`` as ORG) is the role of the next person
        mentions = [m for m in mentions if not gaz.is_role(m.text, lang)]
        out: list[Mention] = [self._split_role(text, m, lang) for m in mentions]
        ids: list[str | None] = [None] * len(out)
        doc: dict[str, str] = {}  # "TYPE|key" -> id within this document
        fullnames: list[tuple[int, list[str], str]] = []  # (start, token keys, id) of PER full names
        multi: list[tuple[str, str]] = []  # (key of the first word, id) of other multi-word names

        # 1. acronyms introduced in the text: "Long Name (ACR)" -> one entity for both.
        by_start = {m.start: i for i, m in enumerate(out)}
        for i, m in enumerate(out):
            if m.type == "PER" or is_acronym(m.text):
                continue
            am = _ACRONYM_AFTER.match(text, m.end)
            if not am or not is_acronym(am.group(1)):
                continue
            trimmed = _trim_to_acronym(m, am.group(1))
            if trimmed is None:
                continue
            m = out[i] = trimmed
            akey = f"{m.type}|A:{acronym_key(am.group(1))}"
            lkey = f"{m.type}|{name_key(m.text, lang)}"
            rid = doc.get(akey) or self._index.get(akey) or self._index.get(lkey)
            if rid is None and self._gaz is not None and m.type == "ORG":
                p = self._gaz.lookup(am.group(1), lang, "ORG") or self._gaz.lookup(m.text, lang, "ORG")
                rid = self._record_for_place(p).id if p else None
            if rid is None:
                rid = self._new(m.type, acronym_key(am.group(1)).upper(), kind="acronym").id
            for k in (akey, lkey):
                doc[k] = rid
                self._index.setdefault(k, rid)
            ids[i] = rid
            j = by_start.get(am.start(1))
            if j is not None:
                ids[j] = rid

        # 2. places and organisations from the gazetteer; PER full names; other multi-token names.
        order = sorted(range(len(out)), key=lambda i: (len(fold(out[i].text).split()) == 1, out[i].start))
        # One sense per document: the same written name twice is the same entity, whatever type a
        # tagger gave the second one (``Benghazi`` LOC, then ``Benghazi`` MISC).
        seen: dict[str, tuple[str, str]] = {}  # folded text -> (entity id, type)
        for i in order:
            if ids[i] is not None:
                seen.setdefault(fold(out[i].text), (ids[i], out[i].type))
                continue
            m = out[i]
            toks = fold(m.text).split()
            if not toks:
                continue
            same = seen.get(" ".join(toks))
            if same is not None:
                ids[i] = same[0]
                out[i] = replace(m, type=same[1])
                continue
            if m.type == "PER":
                if lang in ("cs", "sk"):
                    m = replace(m, text=_CS_FEMALE.sub("", m.text))
                ids[i] = self._link_person(m, lang, toks, doc, fullnames)
            else:
                ids[i] = self._link_other(m, lang, doc, multi)
            seen.setdefault(" ".join(toks), (ids[i], m.type))

        # 3. register the forms seen.
        touched: dict[str, _Record] = {}
        for i, m in enumerate(out):
            rid = ids[i]
            if rid is None:
                continue
            r = self._records[rid]
            r.forms.setdefault(lang or "und", Counter())[m.text] += 1
            touched[rid] = r
            out[i] = replace(m, entity=rid)
        return out, list(touched)

    def _untyped_match(self, key: str, type_: str) -> str | None:
        """An entity of the same multi-word name tagged a person in one text and something else in
        another: a tagger's person/place confusion on an unfamiliar name (``Rabo de Peixe`` LOC in
        one report, PER in the next). ORG, LOC, PRO and EVT of one name stay apart: they are often
        different things (the White House building and the administration; a pipeline and its
        operating company)."""
        rid = self._index.get(_untyped(key))
        if rid is not None and (type_ == "PER") != (self._records[rid].type == "PER"):
            return rid
        return None

    def _register_untyped(self, key: str, rid: str) -> None:
        """The first entity of each multi-word name key, of any type, for ``_untyped_match``; a
        gazetteer place of that name replaces an entity the corpus made (a known place wins)."""
        k = _untyped(key)
        old = self._index.get(k)
        if old is None or (self._records[old].source != "gazetteer" and self._records[rid].source == "gazetteer"):
            self._index[k] = rid

    def _split_role(self, text: str, m: Mention, lang: str | None) -> Mention:
        if m.type != "PER" or m.role is not None:
            return m
        role, n = gaz.split_role(m.text, lang)
        if role is not None:
            rest = m.text[n:]
            return replace(m, start=m.start + n, text=rest, role=role, role_start=m.start,
                           role_end=m.start + len(role))
        before = gaz.role_before(text, m.start, lang)
        if before is not None:
            return replace(m, role=before[0], role_start=before[1], role_end=before[2])
        return m

    def _link_person(self, m: Mention, lang: str | None, toks: list[str], doc: dict[str, str],
                     fullnames: list[tuple[int, list[str], str]]) -> str:
        if len(toks) > 1:
            keys = name_key(m.text, lang).split()
            keys[0] = _nickname_keys().get(keys[0], keys[0])
            key = "PER|" + " ".join(keys)
            rid = doc.get(key)
            if rid is None:
                # the same person named with fewer tokens earlier/later in this document:
                # "Saddam Haftar" after "Saddam Khalifa Haftar" (first and last token agree)
                for _, fk, fid in fullnames:
                    if len(fk) > len(keys) and fk[0] == keys[0] and fk[-1] == keys[-1]:
                        rid = fid
                        break
            french = _french_person_key(m.text, lang)
            if rid is None:
                rid = self._index.get(key) or self._untyped_match(key, "PER")
            if rid is None and french:  # Michel Barnier after Мишел Барние
                rid = self._index.get(french)
            sk = "PER|" + _single_key(toks[-1], lang)
            french_sk = _french_person_key(toks[-1], lang)
            if rid is None:
                # a person known elsewhere only by the surname becomes this full name
                sur = self._surname_counts(sk, french_sk)
                if sur:
                    cand = sur.most_common(1)[0][0]
                    if not self._records[cand].full:
                        rid = cand
            if rid is None:
                rid = self._new("PER", " ".join(keys)).id
            self._records[rid].full = True
            doc[key] = rid
            self._index.setdefault(key, rid)
            if french:
                self._index.setdefault(french, rid)
            self._register_untyped(key, rid)
            fullnames.append((m.start, keys, rid))
            self._count_surname(rid, sk, french_sk)
            return rid
        key = "PER|" + _single_key(m.text, lang)
        if lang in _POSSESSIVE_LANGS and key not in doc and key not in self._surnames:
            m = self._possessive_owner(m, lang, doc, fullnames)
            key = "PER|" + _single_key(m.text, lang)
        rid = doc.get(key)
        if rid is None:
            k = name_key(m.text, lang)
            ends = [(s, fid) for s, fk, fid in fullnames if fk[-1] == k]
            before = [x for x in ends if x[0] < m.start]
            pick = before[0] if before else (ends[0] if ends else None)
            if pick is None:  # a first name alone ("Theresa") when one full name starts with it
                firsts = {fid for _, fk, fid in fullnames if fk[0] == k}
                pick = (0, firsts.pop()) if len(firsts) == 1 else None
            rid = pick[1] if pick else None
        if rid is None and self._gaz is not None:
            # "Amerykanie", "британците": nationality nouns, annotated as people, mean the country.
            # Before the surnames of other documents: "Britové" is the British, not a Carlos Brito
            # met elsewhere whose surname has the same skeleton.
            p = self._gaz.demonym_country(m.text)
            if p is not None:
                rid = self._record_for_place(p).id
        french = _french_person_key(m.text, lang)
        if rid is None:
            sur = self._surname_counts(key, french)
            if sur:
                rid = sur.most_common(1)[0][0]
        if rid is None:
            rid = self._index.get(key) or self._new("PER", key.split("|", 1)[1]).id
            self._index.setdefault(key, rid)
        doc[key] = rid
        self._count_surname(rid, key, french)
        return rid

    def _surname_counts(self, *keys: str | None) -> Counter | None:
        """Who the first of ``keys`` known as a lone surname was (a missing French key is None)."""
        return next((self._surnames[k] for k in keys if k and self._surnames.get(k)), None)

    def _count_surname(self, rid: str, *keys: str | None) -> None:
        for k in keys:
            if k:
                self._surnames.setdefault(k, Counter())[rid] += 1

    def _possessive_owner(self, m: Mention, lang: str | None, doc: dict[str, str],
                          fullnames: list[tuple[int, list[str], str]]) -> Mention:
        """``Trumpove``, ``Bidnova`` (Slovene, Czech: the adjective "Trump's") name the person
        whose surname is left once the possessive ending is cut, when that surname is known here
        or in other documents; otherwise the mention is returned as it is."""
        folded = fold(m.text)
        for ending in _POSSESSIVE_ENDINGS:
            if folded.endswith(ending) and len(folded) - len(ending) >= 3:
                base = m.text[: len(m.text) - len(ending)]
                if fold(base) + ending != folded:
                    continue  # the ending is not the text's last letters once folded (ě, ý)
                key = "PER|" + _single_key(base, lang)
                k = name_key(base, lang)
                if key in doc or key in self._surnames or any(fk[-1] == k for _, fk, _ in fullnames):
                    return replace(m, text=base)
        return m

    def _link_other(self, m: Mention, lang: str | None, doc: dict[str, str],
                    multi: list[tuple[str, str]]) -> str:
        text = m.text.strip(_STRIP) or m.text
        acr = is_acronym(text)
        single = " " not in fold(text)
        primary = "A:" + acronym_key(text) if acr else _single_key(text, lang) if single else name_key(text, lang)
        keys = [primary]
        # COVID-19 / Covid-19 / covid-19, NATO / Nato: one key whatever the case
        if single and not acr and any(c.isdigit() for c in text) or acr and len(acronym_key(text)) >= 4:
            keys.append("A:" + acronym_key(text) if not acr else _single_key(text, lang))
        keys = [f"{m.type}|{k}" for k in keys]
        rid = next((doc[k] for k in keys if k in doc), None) or next(
            (self._index[k] for k in keys if k in self._index), None)
        if rid is None and single and not acr:
            # "Unii" after "Unii Europejskiej": a lone word opening a longer name in this document
            rid = next((mid for first, mid in multi if first == f"{m.type}|{primary}"), None)
        if rid is None and self._gaz is not None and m.type in ("LOC", "ORG", "MISC", "NORP"):
            if m.type in ("MISC", "NORP"):  # "Pakistani" (MISC in CoNLL, NORP from the gazetteer) is about the country
                p = self._gaz.demonym_country(text) if not acr else None
            else:
                p = self._gaz.lookup(text, lang, m.type)
                if p is None and m.type == "LOC" and acr:
                    p = self._gaz.lookup(text, lang, "ORG")
            if p is not None:
                rid = self._record_for_place(p).id
        if rid is None and not single and not acr:
            rid = self._untyped_match(keys[0], m.type)
        if rid is None:
            rid = self._new(m.type, primary, kind="acronym" if acr else None).id
        for k in keys:
            doc[k] = rid
            self._index.setdefault(k, rid)
        if not single:
            if not acr:
                self._register_untyped(keys[0], rid)
            multi.append((f"{m.type}|" + _single_key(fold(text).split()[0], lang), rid))
        return rid


_FUNCTION_WORDS = frozenset("of the for and de del della di la le les des du el los las der die das für und".split())


def _trim_to_acronym(m: Mention, acronym: str) -> Mention | None:
    """``Commander of the Libyan National Army (LNA)`` -> ``Libyan National Army``: the shortest
    tail of the name whose initials spell the acronym. Unchanged when the name has as many content
    words as the acronym has letters (a translated name: ``Esercito Nazionale Libico (LNA)``);
    None when it cannot be the acronym's expansion (``Paris (RATP)``)."""
    letters = acronym_key(acronym)
    words = list(re.finditer(r"[^\W_][^\s]*", m.text))
    for k in range(1, len(words) + 1):
        tail = words[-k:]
        initials = "".join(fold(w.group())[0] for w in tail if fold(w.group()) not in _FUNCTION_WORDS)
        if initials == letters:
            cut = tail[0].start()
            return replace(m, start=m.start + cut, text=m.text[cut:]) if cut else m
    content = [w for w in words if fold(w.group()) not in _FUNCTION_WORDS]
    return m if len(content) == len(letters) else None


def find_gazetteer_mentions(text: str, lang: str | None, nationalities_only: bool = False) -> list[Mention]:
    """Country names, demonyms, big cities and international organisations found by lookup
    (with ``nationalities_only``, the demonyms alone)."""
    from dateline.link.spotting import spot

    return spot(text, lang, nationalities_only)
