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
    # 2: analyses (sentences, mentions, time expressions) and linked entities
    """
    CREATE TABLE analyses (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id),
        sentences   TEXT NOT NULL,
        analyzed_at TEXT NOT NULL
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        type       TEXT NOT NULL,
        entity_id  TEXT,
        role       TEXT,
        role_start INTEGER,
        role_end   INTEGER,
        source     TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE times (
        article_id  TEXT NOT NULL REFERENCES articles(id),
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        text        TEXT NOT NULL,
        first       TEXT,
        last        TEXT,
        granularity TEXT NOT NULL,
        anchor      TEXT,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE TABLE entities (
        id      TEXT PRIMARY KEY,
        name    TEXT NOT NULL,
        type    TEXT NOT NULL,
        country TEXT,
        lat     REAL,
        lon     REAL,
        kind    TEXT,
        source  TEXT,
        aliases TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX entities_type ON entities(type);
    CREATE TABLE link_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 3: events and stories (stage cluster); summaries kept per event for fast listings
    """
    CREATE TABLE events (
        id               TEXT PRIMARY KEY,
        story_id         TEXT NOT NULL,
        first_day        TEXT,
        last_day         TEXT,
        headline         TEXT NOT NULL DEFAULT '',
        headline_article TEXT,
        place            TEXT,
        languages        TEXT NOT NULL DEFAULT '',
        sources          INTEGER NOT NULL DEFAULT 0,
        articles         INTEGER NOT NULL DEFAULT 0,
        record           TEXT,
        stale            INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX events_stale ON events(stale);
    CREATE INDEX events_story ON events(story_id);
    CREATE INDEX events_first_day ON events(first_day);
    CREATE TABLE placements (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id),
        event_id    TEXT NOT NULL REFERENCES events(id),
        seq         INTEGER NOT NULL,
        basis       TEXT NOT NULL,
        probability REAL,
        evidence    TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX placements_event ON placements(event_id);
    CREATE TABLE cluster_state (
        key   TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    """,
    # 4: each analysed article framed (its claims and lead, stage frame), kept so that an event's
    #    record is rebuilt without framing again the members it had before; the clusterer's
    #    vocabulary and live clusters kept apart from the rest of its state, written as they change
    """
    CREATE TABLE report_frames (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        version    TEXT NOT NULL,
        frame      TEXT NOT NULL
    );
    CREATE TABLE cluster_terms (
        first_id INTEGER PRIMARY KEY,
        terms    TEXT NOT NULL
    );
    CREATE TABLE cluster_live (
        layer TEXT NOT NULL,
        idx   INTEGER NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (layer, idx)
    );
    """,
    # 5: what a living monitor needs: versions of the shared writer state (so a writer knows when
    #    another one changed it), watched feeds and the items seen in each, API keys (hashed), and
    #    full-text search over articles (contentless: rowid = articles.seq; CJK and Thai text is
    #    indexed one character per token, see sqlite_search.py)
    """
    CREATE TABLE state_versions (
        name    TEXT PRIMARY KEY,
        version INTEGER NOT NULL
    );
    CREATE TABLE feeds (
        url           TEXT PRIMARY KEY,
        added         TEXT NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        last_polled   TEXT,
        last_ok       TEXT,
        last_new      TEXT,
        next_poll     TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        last_error    TEXT,
        items         INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_items (
        feed_url   TEXT NOT NULL,
        item_key   TEXT NOT NULL,
        article_id TEXT,
        seen       TEXT NOT NULL,
        PRIMARY KEY (feed_url, item_key)
    );
    CREATE TABLE api_keys (
        hash    TEXT PRIMARY KEY,
        name    TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2'
    );
    """,
    # 6: a smaller store (docs/store.md, "Size"). The JSON it keeps (sentences, report frames,
    #    event records, placements' evidence, the linker's and the clusterer's state) is packed as
    #    zlib-compressed BLOBs (store/packing.py), in the same columns but for report_frames,
    #    which names the article by its ingest position and keeps its rows in the order they were
    #    written (frames come event by event, in no order of their articles: keyed by article, the
    #    table's pages were split and a fifth of them left empty). Mentions and time expressions are keyed by their article's ingest
    #    position, WITHOUT ROWID, and keep their text only when it is not the article's text at their
    #    span (it always was, so far); a mention keeps its length, not its end, and its type and
    #    source (``kind``, the JSON ``[type, source]``) and entity id as numbers from mention_keys;
    #    ``extra`` holds ``[its own text or null, role, role_start, role_end]`` as JSON when it has
    #    either (most have neither: NULL). The rows of schema 5 are converted, and their tables
    #    dropped, by store/sqlite_upgrade.py inside the same transaction.
    """
    ALTER TABLE mentions RENAME TO mentions_v5;
    ALTER TABLE times RENAME TO times_v5;
    ALTER TABLE report_frames RENAME TO report_frames_v5;
    CREATE TABLE mention_keys (
        key   INTEGER PRIMARY KEY,
        value TEXT NOT NULL UNIQUE
    );
    CREATE TABLE mentions (
        article INTEGER NOT NULL REFERENCES articles(seq),
        start   INTEGER NOT NULL,
        length  INTEGER NOT NULL,
        kind    INTEGER NOT NULL,
        entity  INTEGER,
        extra   TEXT,
        PRIMARY KEY (article, start, length)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_by_entity ON mentions(entity);
    CREATE TABLE times (
        article     INTEGER NOT NULL REFERENCES articles(seq),
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        text        TEXT,
        first       TEXT,
        last        TEXT,
        granularity TEXT NOT NULL,
        anchor      TEXT,
        PRIMARY KEY (article, start, end)
    ) WITHOUT ROWID;
    CREATE TABLE report_frames (
        id      INTEGER PRIMARY KEY,
        article INTEGER NOT NULL UNIQUE REFERENCES articles(seq),
        version TEXT NOT NULL,
        frame   BLOB NOT NULL
    );
    """,
]

LATEST = len(MIGRATIONS)
