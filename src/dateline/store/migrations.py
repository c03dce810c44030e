"""Schema versions of the SQLite store. Append a migration; never edit one that has shipped."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: cleaned articles and their near-duplicate signatures
    """
    CREATE TABLE articles (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        id             TEXT NOT NULL UNIQUE,
        origin         TEXT NOT NULL,
        text           TEXT NOT NULL,
        lang           TEXT,
        lang_score     REAL,
        title          TEXT,
        url            TEXT,
        canonical_url  TEXT,
        source         TEXT,
        site_name      TEXT,
        author         TEXT,
        published      TEXT,
        byline         TEXT,
        header         TEXT NOT NULL DEFAULT '{}',
        external_id    TEXT,
        dateline_text  TEXT,
        dateline_place TEXT,
        dateline_agency TEXT,
        dateline_month INTEGER,
        dateline_day   INTEGER,
        dateline_year  INTEGER,
        dateline_year_source TEXT,
        duplicate_of   TEXT REFERENCES articles(id),
        duplicate_score REAL,
        ingested_at    TEXT NOT NULL
    );
    CREATE INDEX articles_lang ON articles(lang);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
    CREATE TABLE minhash (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        signature  BLOB NOT NULL
    );
    """,
]

LATEST = len(MIGRATIONS)
