"""Cross-document linking: every rule of issue 3 req. 3, on our own sentences and on the seeds."""

import json
from pathlib import Path

import pytest

from dateline.link.linker import Linker, find_gazetteer_mentions
from dateline.models import Mention

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def mentions(text: str, spans: list[tuple[str, str]]) -> list[Mention]:
    """Mentions for the first occurrence of each name after the previous one of the same name."""
    out, seen = [], {}
    for name, type_ in spans:
        i = text.find(name, seen.get(name, 0))
        assert i >= 0, name
        seen[name] = i + len(name)
        out.append(Mention(i, i + len(name), name, type_))
    return out


def link(linker: Linker, text: str, lang: str, spans: list[tuple[str, str]]) -> dict[str, Mention]:
    linked, _ = linker.link_document(text, lang, mentions(text, spans))
    return {m.text if m.role is None or m.role_start is None or m.role_start < m.start else m.text: m for m in linked}


@pytest.fixture()
def linker():
    return Linker()


def test_inflection_polish_and_russian(linker):
    a = link(linker, "Rząd Hiszpanii ogłosił decyzję.", "pl", [("Hiszpanii", "LOC")])
    b = link(linker, "Hiszpania jest krajem.", "pl", [("Hiszpania", "LOC")])
    c = link(linker, "Donald Trump spotkał się z Trumpem.", "pl", [("Donald Trump", "PER"), ("Trumpem", "PER")])
    d = link(linker, "Дональд Трамп и Трампа видели.", "ru", [("Дональд Трамп", "PER"), ("Трампа", "PER")])
    assert a["Hiszpanii"].entity == b["Hiszpania"].entity == "LOC:country:ES"
    assert c["Donald Trump"].entity == c["Trumpem"].entity == d["Дональд Трамп"].entity == d["Трампа"].entity


def test_transliteration_across_scripts(linker):
    en = link(linker, "Khalifa Haftar met envoys.", "en", [("Khalifa Haftar", "PER")])
    ru = link(linker, "Халифа Хафтар встретился с послами. Хафтара поддержали.", "ru",
              [("Халифа Хафтар", "PER"), ("Хафтара", "PER")])
    assert en["Khalifa Haftar"].entity == ru["Халифа Хафтар"].entity == ru["Хафтара"].entity


def test_exonyms_through_the_gazetteer(linker):
    it = link(linker, "A Bengasi, in Libia.", "it", [("Bengasi", "LOC"), ("Libia", "LOC")])
    en = link(linker, "In Benghazi, Libya.", "en", [("Benghazi", "LOC"), ("Libya", "LOC")])
    de = link(linker, "In Bengasi, Libyen.", "de", [("Bengasi", "LOC"), ("Libyen", "LOC")])
    assert it["Bengasi"].entity == en["Benghazi"].entity == de["Bengasi"].entity == "LOC:geonames:88319"
    assert it["Libia"].entity == en["Libya"].entity == de["Libyen"].entity == "LOC:country:LY"
    ents = {e.id: e for e in linker.entities()}
    city = ents["LOC:geonames:88319"]
    assert city.name == "Benghazi" and city.country == "LY" and city.lat and city.lon
    assert set(city.aliases) == {"it", "en", "de"}


def test_acronym_introduced_in_the_text_links_across_languages(linker):
    en = link(linker, "The Libyan National Army (LNA) said so.", "en", [("Libyan National Army", "ORG"), ("LNA", "ORG")])
    it = link(linker, "L'Esercito Nazionale Libico (LNA) ha detto.", "it", [("Esercito Nazionale Libico", "ORG"), ("LNA", "ORG")])
    later = link(linker, "The LNA denied it.", "en", [("LNA", "ORG")])
    ids = {en["Libyan National Army"].entity, en["LNA"].entity, it["Esercito Nazionale Libico"].entity,
           it["LNA"].entity, later["LNA"].entity}
    assert ids == {"ORG:LNA"}
    ent = next(e for e in linker.entities() if e.id == "ORG:LNA")
    assert ent.type == "ORG" and ent.name in ("Libyan National Army", "LNA")


def test_known_organisations_by_acronym_and_name(linker):
    a = link(linker, "Die EU und die NATO.", "de", [("EU", "ORG"), ("NATO", "ORG")])
    b = link(linker, "Unia Europejska i НАТО.", "pl", [("Unia Europejska", "ORG"), ("НАТО", "ORG")])
    assert a["EU"].entity == b["Unia Europejska"].entity == "ORG:EU"
    assert a["NATO"].entity == b["НАТО"].entity == "ORG:NATO"


def test_demonyms_link_to_their_country(linker):
    text = "L'esercito pakistano e le forze libiche. Il governo francese."
    found = find_gazetteer_mentions(text, "it")
    got = {m.text: m for m in found}
    assert {"pakistano", "libiche", "francese"} <= set(got)
    assert all(m.source == "gazetteer" for m in found)
    linked, _ = linker.link_document(text, "it", found)
    by = {m.text: m.entity for m in linked}
    assert by["pakistano"] == "LOC:country:PK" and by["libiche"] == "LOC:country:LY" and by["francese"] == "LOC:country:FR"
    misc = link(linker, "Pakistani officials said.", "en", [("Pakistani", "MISC")])
    assert misc["Pakistani"].entity == "LOC:country:PK"


def test_gazetteer_mentions_in_arabic_and_chinese():
    ar = find_gazetteer_mentions("وصل قائد الجيش إلى بنغازي في ليبيا", "ar")
    assert {m.text for m in ar} >= {"بنغازي", "ليبيا"}
    zh = find_gazetteer_mentions("巴基斯坦陆军参谋长在班加西会见了哈夫塔尔", "zh")
    assert {m.text for m in zh} >= {"巴基斯坦", "班加西"}
    linker = Linker()
    linked, _ = linker.link_document("巴基斯坦陆军参谋长在班加西", "zh", zh)
    assert {m.entity for m in linked} >= {"LOC:country:PK", "LOC:geonames:88319"}


def test_gazetteer_mentions_in_latin_and_cyrillic():
    found = {m.text: m.type for m in find_gazetteer_mentions("Talks in Benghazi between Libya and the EU.", "en")}
    assert found == {"Benghazi": "LOC", "Libya": "LOC", "EU": "ORG"}
    ru = {m.text for m in find_gazetteer_mentions("Переговоры в Москве и в Германии.", "ru")}
    assert ru == {"Москве", "Германии"}


def test_a_place_name_tagged_as_a_person_elsewhere_is_one_entity(linker):
    """Taggers confuse unfamiliar multi-word place names with people; the name key joins them,
    in either order. Other type pairs of one name stay apart (building and administration)."""
    en = link(linker, "The quake hit near Vila do Porto Novo before dawn.", "en", [("Vila do Porto Novo", "LOC")])
    pt = link(linker, "O sismo atingiu Vila do Porto Novo.", "pt", [("Vila do Porto Novo", "PER")])
    it = link(linker, "Il sisma ha colpito Ribeira da Serra Alta.", "it", [("Ribeira da Serra Alta", "PER")])
    es = link(linker, "El sismo sacudió Ribeira da Serra Alta.", "es", [("Ribeira da Serra Alta", "LOC")])
    assert en["Vila do Porto Novo"].entity == pt["Vila do Porto Novo"].entity
    assert it["Ribeira da Serra Alta"].entity == es["Ribeira da Serra Alta"].entity
    assert pt["Vila do Porto Novo"].type == "PER"  # the tagger's type is kept on the mention
    org = link(linker, "A spokesman for the Casa Branca Norte said.", "en", [("Casa Branca Norte", "ORG")])
    loc = link(linker, "Protesters gathered outside the Casa Branca Norte.", "en", [("Casa Branca Norte", "LOC")])
    assert org["Casa Branca Norte"].entity != loc["Casa Branca Norte"].entity
    # a one-word name is not joined across types (Jordan the person, Jordan the river)
    p1 = link(linker, "Zorvath scored twice.", "en", [("Zorvath", "PER")])
    p2 = link(linker, "Floods along the Zorvath.", "en", [("Zorvath", "LOC")])
    assert p1["Zorvath"].entity != p2["Zorvath"].entity


def test_nationality_nouns_in_any_case_mean_the_country_before_a_lookalike_surname(linker):
    link(linker, "Carlos Brito spoke.", "pt", [("Carlos Brito", "PER")])
    cs = link(linker, "Britové odmítli dohodu.", "cs", [("Britové", "PER")])
    ru = link(linker, "Среди пострадавших нет американцев.", "ru", [("американцев", "PER")])
    sl = link(linker, "Med žrtvami ni Američanov.", "sl", [("Američanov", "PER")])
    assert cs["Britové"].entity == "LOC:country:GB"
    assert ru["американцев"].entity == sl["Američanov"].entity == "LOC:country:US"


def test_short_first_names_link_to_the_formal_ones_across_scripts(linker):
    en = link(linker, "Joseph Harwood signed the bill.", "en", [("Joseph Harwood", "PER")])
    ru = link(linker, "Джо Харвуд подписал закон.", "ru", [("Джо Харвуд", "PER")])
    pl = link(linker, "William Ostrander i Bill Ostrander.", "pl", [("William Ostrander", "PER"), ("Bill Ostrander", "PER")])
    other = link(linker, "Jill Harwood said.", "en", [("Jill Harwood", "PER")])
    assert en["Joseph Harwood"].entity == ru["Джо Харвуд"].entity
    assert pl["William Ostrander"].entity == pl["Bill Ostrander"].entity
    assert other["Jill Harwood"].entity != en["Joseph Harwood"].entity


@pytest.mark.parametrize("latin_first", [True, False])
def test_french_names_meet_their_cyrillic_spelling_by_how_they_sound(latin_first):
    """Cyrillic follows pronunciation: Michel Barnier is Мишел Барние, Мишель Барнье, Мішель
    Барньє; a Latin name is also keyed as French reads it, in whichever order the two arrive."""
    linker = Linker()
    docs = [("Michel Dorvillier arrive lundi. Dorvillier a confirmé.", "fr",
             [("Michel Dorvillier", "PER"), ("Dorvillier", "PER")]),
            ("Мишел Дорвилие пристигна. Дорвилие потвърди.", "bg", [("Мишел Дорвилие", "PER"), ("Дорвилие", "PER")])]
    if not latin_first:
        docs.reverse()
    linked = {lang: link(linker, text, lang, spans) for text, lang, spans in docs}
    uk = link(linker, "Дорвільє заявив.", "uk", [("Дорвільє", "PER")])
    pl = link(linker, "Michela Dorvilliera nie było.", "pl", [("Michela Dorvilliera", "PER")])
    ids = {linked["fr"]["Michel Dorvillier"].entity, linked["fr"]["Dorvillier"].entity,
           linked["bg"]["Мишел Дорвилие"].entity, linked["bg"]["Дорвилие"].entity,
           uk["Дорвільє"].entity, pl["Michela Dorvilliera"].entity}
    assert len(ids) == 1
    # another person of the name stays another person, in either script
    other = link(linker, "Анна Дорвилие каза.", "bg", [("Анна Дорвилие", "PER")])
    assert other["Анна Дорвилие"].entity not in ids


def test_possessive_adjectives_of_a_surname_name_the_person(linker):
    sl = link(linker, "Joe Harwood je podpisal. Harwoodova administracija in Harwoodove besede.", "sl",
              [("Joe Harwood", "PER"), ("Harwoodova", "PER"), ("Harwoodove", "PER")])
    cs = link(linker, "Harwoodově vládě to nevadí.", "cs", [("Harwoodově", "PER")])
    own = link(linker, "Sergej Lavrov je dejal, da Lavrov ne bo prišel.", "sl",
               [("Sergej Lavrov", "PER"), ("Lavrov", "PER")])
    assert sl["Harwoodova"].entity == sl["Harwoodove"].entity == sl["Joe Harwood"].entity
    assert cs["Harwoodově"].entity == sl["Joe Harwood"].entity  # through the surname known elsewhere
    assert own["Lavrov"].entity == own["Sergej Lavrov"].entity  # a surname ending in -ov stays whole


def test_england_is_the_united_kingdom_not_angola(linker):
    ru = link(linker, "Матч прошёл в Англии.", "ru", [("Англии", "LOC")])
    pl = link(linker, "Mecz w Anglii.", "pl", [("Anglii", "LOC")])
    assert ru["Англии"].entity == pl["Anglii"].entity == "LOC:country:GB"


def test_titles_are_split_from_people(linker):
    text = "Field Marshal Asim Munir arrived. Gen. John Smith followed."
    ms = [Mention(0, 24, "Field Marshal Asim Munir", "PER"), Mention(34, 49, "Gen. John Smith", "PER")]
    linked, _ = linker.link_document(text, "en", ms)
    assert (linked[0].text, linked[0].role, linked[0].start) == ("Asim Munir", "Field Marshal", 14)
    assert text[linked[0].role_start:linked[0].role_end] == "Field Marshal"
    assert (linked[1].text, linked[1].role) == ("John Smith", "Gen.")
    fr = link(linker, "Le général Asim Munir est arrivé.", "fr", [("Asim Munir", "PER")])
    assert fr["Asim Munir"].role == "général" and fr["Asim Munir"].entity == linked[0].entity


def test_shared_surnames(linker):
    text = "Khalifa Haftar met his son Saddam Khalifa Haftar. Haftar said."
    d = link(linker, text, "en", [("Khalifa Haftar", "PER"), ("Saddam Khalifa Haftar", "PER"), ("Haftar", "PER")])
    linked, _ = linker.link_document(text, "en", mentions(text, [("Khalifa Haftar", "PER"), ("Saddam Khalifa Haftar", "PER")]))
    assert linked[0].entity != linked[1].entity
    # the bare surname goes to the first full name ending in it
    assert d["Haftar"].entity == linked[0].entity
    # across documents: the full name matches only the same full name, never a subset
    other = link(linker, "Saddam Haftar visited Rome.", "en", [("Saddam Haftar", "PER")])
    assert other["Saddam Haftar"].entity not in (linked[0].entity,)
    again = link(linker, "Saddam Khalifa Haftar spoke.", "en", [("Saddam Khalifa Haftar", "PER")])
    assert again["Saddam Khalifa Haftar"].entity == linked[1].entity


def test_state_round_trips_through_json(linker):
    link(linker, "Khalifa Haftar in Bengasi; the Libyan National Army (LNA).", "it",
         [("Khalifa Haftar", "PER"), ("Bengasi", "LOC"), ("Libyan National Army", "ORG")])
    state = json.loads(json.dumps(linker.export_state()))
    fresh = Linker()
    fresh.load_state(state)
    d = link(fresh, "Haftar and the LNA in Benghazi.", "en", [("Haftar", "PER"), ("LNA", "ORG"), ("Benghazi", "LOC")])
    assert d["Haftar"].entity.startswith("PER:") and d["LNA"].entity == "ORG:LNA"
    assert d["Benghazi"].entity == "LOC:geonames:88319"
    assert {e.id for e in fresh.entities()} >= {d["Haftar"].entity, "ORG:LNA"}


def test_ids_are_deterministic():
    runs = []
    for _ in range(2):
        lk = Linker()
        d = link(lk, "Asim Munir met Khalifa Haftar in Libya.", "en",
                 [("Asim Munir", "PER"), ("Khalifa Haftar", "PER"), ("Libya", "LOC")])
        runs.append({k: m.entity for k, m in d.items()})
    assert runs[0] == runs[1]


# -- the seeds ---------------------------------------------------------------------------------

EN = [("Field Marshal Asim Munir", "PER"), ("Libyan National Army", "ORG"), ("LNA", "ORG"),
      ("Field Marshal Khalifa Haftar", "PER"), ("Benghazi", "LOC"), ("Libya", "LOC"), ("Munir", "PER"),
      ("Haftar", "PER"), ("Reuters", "ORG"), ("Pakistan", "LOC")]
IT = [("Asim Munir", "PER"), ("Bengasi", "LOC"), ("Khalifa Haftar", "PER"), ("Saddam Khalifa Haftar", "PER"),
      ("Inter-Services Public Relations", "ORG"), ("Esercito Nazionale Libico", "ORG"), ("LNA", "ORG"),
      ("Haftar", "PER"), ("Libia", "LOC"), ("Pakistan", "LOC")]


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed {path} not present")
    return path.read_text(encoding="utf-8")


def _sorted_unique(ms: list[Mention], extra: list[Mention]) -> list[Mention]:
    spans = [(m.start, m.end) for m in ms]
    keep = [e for e in extra if not any(s < e.end and e.start < t for s, t in spans)]
    return sorted(ms + keep, key=lambda m: m.start)


def test_seeds_link_into_one_set_of_entities():
    en_text, it_text = _seed("000_86f91d993f60fa5c.txt"), _seed("002_1cef10ead9d50a7f.txt")
    lk = Linker()
    en_in = _sorted_unique(mentions(en_text, EN), find_gazetteer_mentions(en_text, "en"))
    it_in = _sorted_unique(mentions(it_text, IT), find_gazetteer_mentions(it_text, "it"))
    en, _ = lk.link_document(en_text, "en", en_in)
    it, _ = lk.link_document(it_text, "it", it_in)
    ents = {e.id: e for e in lk.entities()}

    def ids(ms, text):
        return {m.entity for m in ms if m.text == text}

    def one(ms, text):
        got = ids(ms, text)
        assert len(got) == 1, (text, got)
        return got.pop()

    benghazi = one(en, "Benghazi")
    assert benghazi == one(it, "Bengasi") and ents[benghazi].country == "LY" and ents[benghazi].lat
    assert one(en, "Libya") == one(it, "Libia") == "LOC:country:LY"
    assert one(it, "pakistano") == one(en, "Pakistan") == one(it, "Pakistan") == "LOC:country:PK"
    assert one(en, "Pakistani") == "LOC:country:PK"
    lna = one(en, "LNA")
    assert lna == one(it, "LNA") == one(en, "Libyan National Army") == one(it, "Esercito Nazionale Libico")
    assert ents[lna].type == "ORG"
    khalifa = one(en, "Khalifa Haftar")
    assert khalifa == one(it, "Khalifa Haftar") and ents[khalifa].type == "PER"
    assert one(en, "Haftar") == khalifa == one(it, "Haftar")
    saddam = one(it, "Saddam Khalifa Haftar")
    assert saddam != khalifa and ents[saddam].type == "PER"
    munir_en = next(m for m in en if m.text == "Asim Munir")
    munir_it = next(m for m in it if m.text == "Asim Munir")
    assert munir_en.role == "Field Marshal" and munir_it.role == "generale"
    assert munir_en.entity == munir_it.entity == one(en, "Munir")
    assert en_text[munir_en.role_start:munir_en.role_end] == "Field Marshal"
    assert one(en, "Reuters").startswith("ORG:")
    assert one(it, "Inter-Services Public Relations").startswith("ORG:")
    assert ents[khalifa].name == "Khalifa Haftar" and ents[benghazi].name == "Benghazi"
