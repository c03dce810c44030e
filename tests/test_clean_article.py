"""clean(): RawDocument in, Article out, through plain text and HTML."""

from __future__ import annotations

import unicodedata

import pytest

from dateline.clean import CleanError, clean
from dateline.text.ids import content_id
from dateline.models import RawDocument

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Sommet européen à Paris | Journal Exemple</title>
<meta property="og:title" content="Sommet européen à Paris">
<meta property="og:site_name" content="Journal Exemple">
<meta name="author" content="Claire Martin">
<meta property="article:published_time" content="2026-01-02T09:30:00+01:00">
<link rel="canonical" href="https://journal.example/2026/01/02/sommet">
</head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Sommet européen à Paris</h1>
<p>PARIS, 17 décembre (AFP) - Les dirigeants européens se sont réunis mercredi à Paris pour
discuter de la sécurité du continent et du soutien à l’Ukraine, a-t-on appris de sources diplomatiques.</p>
<p>Les discussions ont porté sur le financement de la défense commune et sur les sanctions,
selon plusieurs diplomates présents à la réunion.</p>
<p>Une déclaration commune doit être publiée jeudi matin après une dernière séance de travail.</p>
</article>
<footer>© 2026 Journal Exemple. Tous droits réservés.</footer>
</body></html>"""


def _plain(text: str, **meta: str) -> RawDocument:
    return RawDocument(origin="test.txt", data=text.encode("utf-8"), meta=meta)


def test_html_page():
    raw = RawDocument("page.html", PAGE.encode("utf-8"), "text/html", {"url": "https://journal.example/x"})
    article = clean(raw)
    assert article.text.startswith("Les dirigeants européens se sont réunis")
    assert article.title == "Sommet européen à Paris"
    assert article.site_name == "Journal Exemple"
    assert article.author == "Claire Martin"
    assert article.canonical_url == "https://journal.example/2026/01/02/sommet"
    assert article.url == "https://journal.example/x"
    assert article.published is not None and article.published.startswith("2026-01-02")
    assert article.lang == "fr"
    dl = article.dateline
    assert (dl.place, dl.agency, dl.month, dl.day) == ("PARIS", "AFP", 12, 17)
    assert (dl.year, dl.year_source) == (2025, "published")  # across New Year
    assert "Accueil" not in article.text and "droits réservés" not in article.text


def test_html_meta_wins_over_page():
    raw = RawDocument("page.html", PAGE.encode("utf-8"), "text/html",
                      {"title": "Titre du flux", "author": "AFP", "published": "2025-12-18"})
    article = clean(raw)
    assert (article.title, article.author, article.published) == ("Titre du flux", "AFP", "2025-12-18")
    assert article.dateline.year == 2025


def test_html_without_text_is_rejected():
    page = b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>"
    raw = RawDocument("empty.html", page, "text/html")
    with pytest.raises(CleanError, match="no main text"):
        clean(raw)


def test_header_lines_fill_fields_and_meta_wins():
    text = ("Title: Il vertice di Bengasi\nSource: Agenzia Nova\nURL: https://example.org/a\n"
            "Author: Lucia Giannini\nlang: it\nDate: 20/12/2025\n\n"
            "ROMA, 17 dicembre - Il governo ha approvato la legge di bilancio dopo un lungo dibattito.\n")
    article = clean(_plain(text, title="Titolo dal feed", id="feed-42"))
    assert article.title == "Titolo dal feed"
    assert article.source == "Agenzia Nova"
    assert article.url == "https://example.org/a"
    assert article.author == "Lucia Giannini"
    assert article.header["title"] == "Il vertice di Bengasi"
    assert (article.lang, article.lang_score) == ("it", None)  # declared, not detected
    assert article.published == "2025-12-20"
    assert article.external_id == "feed-42"
    assert article.dateline.year == 2025 and article.dateline.year_source == "published"
    assert article.text == "Il governo ha approvato la legge di bilancio dopo un lungo dibattito."
    assert article.id == content_id(article.text)


def test_meta_published_over_header_date():
    text = "date 2025-12-20 Il governo ha approvato la legge di bilancio."
    article = clean(_plain(text, published="2025-12-21T08:00:00Z"))
    assert article.published == "2025-12-21T08:00:00+00:00"
    assert article.header == {"date": "2025-12-20"}


def test_unparseable_meta_date_falls_back_and_nothing_is_invented():
    article = clean(_plain("date 2025-12-20 Il governo ha approvato la legge di bilancio.", published="ieri"))
    assert article.published == "2025-12-20"
    text = "Il governo ha approvato la legge di bilancio dopo un lungo dibattito."
    article = clean(_plain(text, published="ieri"))
    assert article.published is None


def test_declared_lang_region_subtag():
    assert clean(_plain("The council approved the budget after a long debate.", lang="en-GB")).lang == "en"


def test_detected_lang_has_a_score():
    article = clean(_plain("Der Bundestag hat am Mittwoch den Haushalt nach langer Debatte beschlossen."))
    assert article.lang == "de" and 0 < article.lang_score <= 1


def test_mojibake_bytes_and_declared_charset():
    article = clean(_plain("Il Capo dellâ€™esercito ha incontrato Ð¥Ð°Ñ„Ñ‚Ð°Ñ€ a Bengasi."))
    assert "dell’esercito" in article.text and "Хафтар" in article.text
    latin1 = RawDocument("l.txt", "Le ministre a rencontré l'armée à Genève.".encode("latin-1"),
                         meta={"charset": "latin-1"})
    assert clean(latin1).text == "Le ministre a rencontré l'armée à Genève."


def test_nfc_output():
    article = clean(_plain("Le ministre a rencontre\u0301 le chef de l'arme\u0301e a\u0300 Gene\u0300ve."))
    assert unicodedata.is_normalized("NFC", article.text)
    assert "rencontré" in article.text


def test_hard_wrapped_report_with_byline():
    text = ("WASHINGTON (Reuters) - The Senate voted late on Tuesday to pass the\n"
            "spending bill, sending it to the House of Representatives, where its\n"
            "fate is uncertain.\n\n"
            "Advertisement\n\n"
            "Party leaders said they expected a vote before the end of the week .\n\n"
            "By John Smith\n")
    article = clean(_plain(text))
    assert article.dateline.agency == "Reuters"
    assert article.byline == "John Smith"
    assert article.text == (
        "The Senate voted late on Tuesday to pass the spending bill, sending it to the House of "
        "Representatives, where its fate is uncertain.\n\n"
        "Party leaders said they expected a vote before the end of the week.")


def test_leading_byline_then_dateline():
    text = "By John Smith\n\nWASHINGTON (Reuters) - The Senate voted late on Tuesday to pass the bill."
    article = clean(_plain(text))
    assert article.byline == "John Smith"
    assert article.dateline.place == "WASHINGTON"
    assert article.text == "The Senate voted late on Tuesday to pass the bill."


def test_repeated_title_paragraph_dropped():
    text = "Budget approved\n\nThe council approved the budget after a long debate."
    article = clean(_plain(text, title="Budget approved"))
    assert article.text == "The council approved the budget after a long debate."


@pytest.mark.parametrize("raw", [
    RawDocument("a.txt", b""),
    RawDocument("a.txt", b" \n\n\t \n"),
    RawDocument("a.txt", b"date 2025-12-20\ntitle: Nothing else\n"),
    RawDocument("a.txt", b"*** --- ..."),
    RawDocument("a.txt", b"___ ___"),
    RawDocument("a.txt", b"\x00\x01\x02\x03binary\x00\x00"),
    RawDocument("a.txt", b"ROMA, 17 dicembre -"),
    RawDocument("a.bin", b"text", "application/pdf"),
])
def test_clean_error(raw):
    with pytest.raises(CleanError) as info:
        clean(raw)
    reason = str(info.value)
    assert reason and reason == reason.lower()


def test_clean_error_reason_for_empty_text():
    with pytest.raises(CleanError, match="no text left after cleaning"):
        clean(RawDocument("a.txt", b"\n\n\n"))


def test_without_a_stated_date_the_url_path_gives_the_day_and_the_dateline_its_year():
    text = ("Title: Hafenstreik beendet\nURL: https://hafen.example.net/2026/03/18/streik-ende\n\n"
            "HAMBURG, 18. März (dpa) - Die Hafenarbeiter kehren nach zwei Tagen an die Kais zurück.\n")
    article = clean(_plain(text))
    assert article.published == "2026-03-18"
    assert article.dateline.year == 2026 and article.dateline.year_source == "published"
    # a stated date wins over the URL's
    article = clean(_plain(text.replace("\n\n", "\nDate: 2026-03-19\n\n", 1)))
    assert article.published == "2026-03-19"


def test_headline_paragraph_above_a_dateline_becomes_the_title():
    text = ("Ferry strike halts crossings to Orlen Island\n\n"
            "ORLEN HARBOUR, March 3 2027 - Ferry crews walked out on Wednesday over night shifts, the union said.")
    article = clean(_plain(text))
    assert article.title == "Ferry strike halts crossings to Orlen Island"
    assert article.dateline is not None and article.dateline.place == "ORLEN HARBOUR"
    assert article.text.startswith("Ferry crews walked out")


def test_short_first_paragraph_without_a_dateline_below_stays_in_the_text():
    text = "Ferry strike halts crossings\n\nFerry crews walked out on Wednesday over night shifts, the union said."
    article = clean(_plain(text))
    assert article.title is None and article.text.startswith("Ferry strike halts crossings")
    # a title given by the caller wins: the paragraph is left where it is
    given = clean(RawDocument("t.txt", data=("Ferry strike halts crossings\n\nORLEN HARBOUR, March 3 2027 - "
                                             "Ferry crews walked out.").encode(), meta={"title": "Crews walk out"}))
    assert given.title == "Crews walk out" and given.text.startswith("Ferry strike halts crossings")
