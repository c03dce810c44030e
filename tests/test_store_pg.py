"""What only the PostgreSQL store has: its writer lock, its search index's words, its collation."""

from __future__ import annotations

import threading
import time

import pytest

from dateline.models import Article
from dateline.store import StoredArticle, open_store
from dateline.store.pg_search import document, query_expression, words
from dateline.store.pg_url import redact
from dateline.store.writer_lock import WriterBusyError


def test_writer_lock_is_reentrant_and_excludes_other_connections(pg_server):
    url = pg_server.new_database()
    with open_store(url) as one, open_store(url) as two:
        with one.writing(), one.writing():  # re-entrant
            with pytest.raises(WriterBusyError):
                with two.writing(timeout=0.3):
                    pass
        got = []

        def wait_for_it():
            with two.writing(timeout=10):
                got.append(time.monotonic())

        with one.writing():
            waiter = threading.Thread(target=wait_for_it)
            waiter.start()
            time.sleep(0.3)
            released = time.monotonic()
        waiter.join(timeout=15)
        assert got and got[0] >= released  # it waited until the first let go


def test_a_dead_writers_lock_goes_with_its_connection(pg_server):
    url = pg_server.new_database()
    dead = open_store(url)
    with dead.writing():
        dead._db.raw.close()  # as when the process dies: the server ends the session
    with open_store(url) as other, other.writing(timeout=5):
        pass


def test_search_words_as_fts5_reads_them():
    assert words("Хафтара, Genève; 北京举行") == ["хафтара", "geneve", "北", "京", "举", "行"]
    assert query_expression('Хафтар "Khalifa Haftar" of') == "'хафтар':* & ('khalifa' <-> 'haftar') & 'of'"
    assert query_expression("!!! ...") is None
    assert document("Talks", "It's talks' end") == "'talks':1A,4B 'it':2B 's':3B 'end':5B"


def test_search_finds_across_scripts_and_ranks_titles_first(pg_server):
    with open_store(pg_server.new_database()) as store:
        rows = [("a" * 16, "Ceasefire talks", "Delegates met in Geneva."),
                ("b" * 16, "Weather", "Ceasefire talks were mentioned once in passing."),
                ("c" * 16, "Переговоры", "Делегации встретились в Женеве у Хафтара."),
                ("d" * 16, None, "会谈在北京举行。")]
        store.add_batch([StoredArticle(Article(id=i, text=t, origin="t", title=h), None) for i, h, t in rows], {})
        found = lambda q: [s.article.id[0] for s in store.search_articles(q)]  # noqa: E731
        assert found("ceasefire talks") == ["a", "b"]  # the title's match first
        assert found("Хафтар") == ["c"] and found("женеве") == ["c"]
        assert found("北京") == ["d"] and found('"talks were"') == ["b"]
        assert found("") == [] and found("nowhere") == []


def test_text_sorts_by_code_point_whatever_the_database_collation(pg_server):
    with open_store(pg_server.new_database()) as store:
        collations = {r[0] for r in store._db.execute(
            "SELECT collation_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type = 'text'")}
    assert collations == {"C"}


def test_passwords_stay_out_of_messages():
    assert redact("postgresql://ana:s3cret@db.example:5432/news") == "postgresql://ana:***@db.example:5432/news"
    assert redact("postgresql://ana@db.example/news") == "postgresql://ana@db.example/news"
    assert redact("/tmp/dateline.db") == "/tmp/dateline.db"
