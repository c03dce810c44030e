"""Who speaks for a report, and which reports count as one source."""

from dateline.clean import clean
from dateline.models import Article, Dateline, RawDocument
from dateline.outlets import outlet, source_groups


def _a(id_: str, source: str | None = None, site: str | None = None, agency: str | None = None,
       copy_of: str | None = None) -> Article:
    dateline = Dateline(text=f"PARIS ({agency})", place="PARIS", agency=agency) if agency else None
    return Article(id=id_, text="x", origin=id_, source=source, site_name=site, dateline=dateline,
                   duplicate_of=copy_of)


def test_the_outlet_is_the_named_source_then_the_site_then_the_dateline_agency():
    assert outlet(_a("1", source="Le Courrier", site="courrier.example.org", agency="AFP")) == "Le Courrier"
    assert outlet(_a("2", site="courrier.example.org", agency="AFP")) == "courrier.example.org"
    assert outlet(_a("3", agency="AFP")) == "AFP"
    assert outlet(_a("4", source="  ")) is None


def test_one_outlet_and_copies_count_once():
    arts = [_a("a", source="AFP"), _a("b", agency="AFP"), _a("c", source="afp "), _a("d", source="Reuters"),
            _a("e", copy_of="d"), _a("f"), _a("g", copy_of="zz"), _a("h", copy_of="zz"), _a("i")]
    groups = source_groups(arts)
    assert groups["a"] == groups["b"] == groups["c"] == "a"  # named, credited by the dateline, any case
    assert groups["d"] == groups["e"] == "d"  # a copy with its original
    assert groups["g"] == groups["h"] == "g"  # two copies of one original that is elsewhere
    assert len({groups["f"], groups["i"], groups["a"], groups["d"], groups["g"]}) == 5


def test_a_wire_report_without_a_source_line_speaks_for_its_agency():
    text = ("GENÈVE, 3 mars (AFP) - Les deux délégations se sont retrouvées mardi au bord du lac "
            "pour une nouvelle série de pourparlers.\n")
    article = clean(RawDocument("dépêche.txt", text.encode("utf-8"), "text/plain"))
    assert article.source is None and outlet(article) == "AFP"
