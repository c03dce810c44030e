from __future__ import annotations

import pytest

from dateline.clean.header import split_header


def test_italian_seed_shape_date_then_body_on_one_line():
    header, rest = split_header(" date 2025-12-20 Il Capo di Stato Maggiore dell’esercito.\n\nSecondo.")
    assert header == {"date": "2025-12-20"}
    assert rest == "Il Capo di Stato Maggiore dell’esercito.\n\nSecondo."


@pytest.mark.parametrize("line, value", [
    ("Date: 20/12/2025", "20/12/2025"),
    ("DATE 2025-12-20", "2025-12-20"),
    ("   date:2025-12-20T10:00:00+01:00", "2025-12-20T10:00:00+01:00"),
    ("Date: 20 December 2025", "20 December 2025"),
    ("date December 20, 2025", "December 20, 2025"),
    ("data 20 dicembre 2025", "20 dicembre 2025"),
    ("Fecha: 20 de diciembre de 2025", "20 de diciembre de 2025"),
    ("Datum: 20. Dezember 2025", "20. Dezember 2025"),
    ("Дата: 20 декабря 2025", "20 декабря 2025"),
    ("date: Sat, 20 Dec 2025 10:00:00 +0000", "Sat, 20 Dec 2025 10:00:00 +0000"),
])
def test_date_variants(line, value):
    header, rest = split_header(f"{line}\nThe body starts here.")
    assert header == {"date": value}
    assert rest == "The body starts here."


def test_several_keys_in_several_languages():
    text = ("titolo: Il vertice di Bengasi\n"
            "  Fonte: Agenzia Nova\n"
            "autore: Lucia Giannini\n"
            "URL https://example.org/a/1\n"
            "lingua: it\n"
            "pubblicato: 2025-12-20\n"
            "\n"
            "Il testo comincia qui.")
    header, rest = split_header(text)
    assert header == {
        "title": "Il vertice di Bengasi", "source": "Agenzia Nova", "author": "Lucia Giannini",
        "url": "https://example.org/a/1", "lang": "it", "published": "2025-12-20",
    }
    assert rest == "Il testo comincia qui."


def test_french_spanish_german_keys():
    header, rest = split_header("Titre : Le sommet\nAuteur: Claire Martin\nQuelle: dpa\nCorps du texte.")
    assert header == {"title": "Le sommet", "author": "Claire Martin", "source": "dpa"}
    assert rest == "Corps du texte."


def test_url_value_is_one_token_rest_is_body():
    header, rest = split_header("url: https://example.org/x The body follows on this line.")
    assert header == {"url": "https://example.org/x"}
    assert rest == "The body follows on this line."


def test_empty_author_line_is_consumed():
    header, rest = split_header("author:\ntitle: T\nBody.")
    assert header == {"title": "T"}
    assert rest == "Body."


def test_first_occurrence_wins():
    header, _ = split_header("date 2025-12-20\ndate 2025-12-21\nBody")
    assert header == {"date": "2025-12-20"}


@pytest.mark.parametrize("text", [
    "Date palms grow along the river.",
    "Source close to the minister said the talks failed.",
    "Title IX rules were changed on Monday.",
    "The date 2025-12-20 was chosen for the vote.",
    "Author Jane Doe won the prize.\nShe was happy.",
    "Language barriers remain.",
    "Language is key to integration.",
    "Link road opens: https://example.org is the site.",
    "Il Capo di Stato Maggiore ha incontrato Haftar.",
])
def test_ordinary_first_lines_are_not_headers(text):
    assert split_header(text) == ({}, text)


def test_colonless_free_text_line_needs_a_proven_line_after_it():
    header, rest = split_header("title Il vertice\ndate 2025-12-20\nCorpo.")
    assert header == {"title": "Il vertice", "date": "2025-12-20"}
    assert rest == "Corpo."
    text = "date 2025-12-20\nSource close to the minister said X."
    header, rest = split_header(text)
    assert header == {"date": "2025-12-20"}
    assert rest == "Source close to the minister said X."


def test_unparseable_date_with_colon_is_still_a_header_line():
    header, rest = split_header("Date: unknown\nBody.")
    assert header == {"date": "unknown"}
    assert rest == "Body."


def test_several_pairs_on_one_line():
    text = "Опубликовано: 14 сентября 2018, 15:35 | Автор: Иван Петров\n\nТекст статьи."
    header, rest = split_header(text)
    assert header == {"published": "14 сентября 2018, 15:35", "author": "Иван Петров"}
    assert rest == "Текст статьи."


def test_pipe_inside_a_title_stays_in_the_title():
    header, rest = split_header("Title: Summit ends | Daily News\nBody.")
    assert header == {"title": "Summit ends | Daily News"}
    assert rest == "Body."


def test_long_free_text_value_ends_at_the_first_sentence():
    body = "We inform you that the article published yesterday contains errors. " * 3
    header, rest = split_header("Source: Ministry of Foreign Affairs. " + body.strip())
    assert header == {"source": "Ministry of Foreign Affairs"}
    assert rest == body.strip()


def test_updated_key():
    header, rest = split_header("Published: 8 March 2013 / Updated: 9 March 2013\nBody.")
    assert header == {"published": "8 March 2013", "updated": "9 March 2013"}
    assert rest == "Body."


def test_body_after_pairs_is_kept_as_written():
    header, rest = split_header("date 2025-12-20 Il governo / la nota: Fonte: ANSA ha deciso.")
    assert header == {"date": "2025-12-20"}
    assert rest == "Il governo / la nota: Fonte: ANSA ha deciso."


def test_url_with_key_like_path_is_not_split():
    header, rest = split_header("url: https://example.org/title:x/date:2025\nBody.")
    assert header == {"url": "https://example.org/title:x/date:2025"}
    assert rest == "Body."


def test_many_pairs_do_not_recurse_without_bound():
    header, rest = split_header("date 2025-12-20 " * 1500 + "Body")
    assert header == {"date": "2025-12-20"}
    assert rest.endswith("Body")
