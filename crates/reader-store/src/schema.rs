//! The tables and how older files are brought forward. The schema version
//! lives in SQLite's `user_version`; each step runs in one transaction with
//! the version bump, so a migration cut short by a crash or a full disk
//! leaves the file at its old version, whole, to be tried again next time.

use rusqlite::{Connection, params};

use crate::words::block_words;

/// Bumped when the schema changes; [`migrate`] brings older files forward.
/// 1: settings and articles. 2: the window. 3: kept articles, positions,
/// pictures, search, removal with undo. 4: news sources and their headlines.
/// 5: the pronunciation dictionary. 6: the simple mode's lock (family setup).
pub const SCHEMA_VERSION: i32 = 6;

const V1: &str = "
    CREATE TABLE IF NOT EXISTS settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS articles (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        site TEXT,
        opened_at TEXT NOT NULL,
        article_json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS articles_opened ON articles (opened_at);";

const V2: &str = "
    CREATE TABLE IF NOT EXISTS window (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        x INTEGER NOT NULL,
        y INTEGER NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        maximized INTEGER NOT NULL
    );";

/// `saved_at`: kept (never pruned). `removed_at`: hidden, purged after a
/// week. `words`/`block_words`: for progress without parsing the article.
/// `search` holds the title and body text of kept articles (see
/// `search.rs` for why trigram); its rowid is the article's id, and a
/// trigger drops the row with the article so pruning and purging cannot
/// leave orphans. Positions and pictures go with their article (foreign
/// keys, switched on for every connection).
const V3: &str = "
    ALTER TABLE articles ADD COLUMN saved_at TEXT;
    ALTER TABLE articles ADD COLUMN removed_at TEXT;
    ALTER TABLE articles ADD COLUMN words INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN block_words TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX articles_saved ON articles (saved_at);
    CREATE TABLE positions (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        block INTEGER NOT NULL,
        offset REAL NOT NULL,
        sentence INTEGER,
        words_read INTEGER NOT NULL,
        finished INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX positions_updated ON positions (updated_at);
    CREATE TABLE pictures (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        content_type TEXT NOT NULL,
        bytes BLOB NOT NULL,
        size INTEGER NOT NULL,
        PRIMARY KEY (article_id, url)
    );
    CREATE INDEX pictures_url ON pictures (url);
    CREATE VIRTUAL TABLE search USING fts5 (title, body, tokenize = 'trigram');
    CREATE TRIGGER articles_forgotten AFTER DELETE ON articles BEGIN
        DELETE FROM search WHERE rowid = old.id;
    END;";

/// Sources in the family's order (`position`); `error` is the code of the
/// last failed refresh. Headlines go with their source; `published` and
/// `first_seen` are seconds since 1970 (UTC) for ordering; `article_json`
/// is the text fetched ahead for reading offline.
const V4: &str = "
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        feed_url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        site_url TEXT,
        position INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        checked_at TEXT,
        ok_at TEXT,
        error TEXT
    );
    CREATE TABLE headlines (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        entry_key TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        published INTEGER,
        first_seen INTEGER NOT NULL,
        article_json TEXT,
        UNIQUE (source_id, entry_key)
    );
    CREATE INDEX headlines_url ON headlines (url);
    CREATE INDEX headlines_time ON headlines (coalesce(published, first_seen));";

/// Brings the file to [`SCHEMA_VERSION`]. Writes nothing when it is there
/// already, so a current store opens in a read-only folder.
pub(crate) fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    if version < 1 {
        tx.execute_batch(V1)?;
    }
    if version < 2 {
        tx.execute_batch(V2)?;
    }
    if version < 3 {
        tx.execute_batch(V3)?;
        backfill_words(&tx)?;
    }
    if version < 4 {
        tx.execute_batch(V4)?;
    }
    if version < 5 {
        tx.execute_batch(crate::pronunciations::SCHEMA)?;
    }
    if version < 6 {
        tx.execute_batch(crate::family::SCHEMA)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()
}

/// Articles stored before version 3 get their word counts.
fn backfill_words(conn: &Connection) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String)> = conn
        .prepare("SELECT id, article_json FROM articles")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut update =
        conn.prepare("UPDATE articles SET words = ?2, block_words = ?3 WHERE id = ?1")?;
    for (id, json) in rows {
        let Ok(article) = serde_json::from_str::<reader_article::Article>(&json) else {
            continue;
        };
        let blocks = block_words(&article);
        let words: u64 = blocks.iter().map(|&w| u64::from(w)).sum();
        let blocks = serde_json::to_string(&blocks).unwrap_or_else(|_| "[]".into());
        update.execute(params![id, words as i64, blocks])?;
    }
    Ok(())
}
