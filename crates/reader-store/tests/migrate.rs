//! Files written by earlier versions (schema 1 and 2) come forward to the
//! current schema with everything in them, and gain the library.

mod common;

use common::{article, temp_dir};
use reader_store::{FILE_NAME, Place, Store, StoreError, WindowState};
use rusqlite::{Connection, params};

/// Schema version 1 as it shipped (commit f62050e).
const V1_DDL: &str = "
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

/// What version 2 added (commit d02d1fd).
const V2_DDL: &str = "
    CREATE TABLE IF NOT EXISTS window (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        x INTEGER NOT NULL,
        y INTEGER NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        maximized INTEGER NOT NULL
    );";

/// A store file as the old version left it: settings and two articles.
fn old_file(dir: &std::path::Path, version: i32) -> Result<(), rusqlite::Error> {
    let _ = std::fs::create_dir_all(dir);
    let conn = Connection::open(dir.join(FILE_NAME))?;
    conn.execute_batch(V1_DDL)?;
    if version >= 2 {
        conn.execute_batch(V2_DDL)?;
        conn.execute("INSERT INTO window VALUES (1, 10, 20, 900, 700, 1)", [])?;
    }
    conn.execute(
        "INSERT INTO settings (id, json) VALUES (1, ?1)",
        params![r#"{"textSize":40,"theme":"dark"}"#],
    )?;
    for (i, (title, body)) in [
        ("银杏树下", "公园里的银杏树叶子黄了，老人们在树下下棋。"),
        ("Autumn walk", "We walked under the ginkgo trees."),
    ]
    .iter()
    .enumerate()
    {
        let json = serde_json::to_string(&article(title, &[body])).unwrap_or_default();
        conn.execute(
            "INSERT INTO articles (source, title, site, opened_at, article_json)
             VALUES (?1, ?2, 'Site', ?3, ?4)",
            params![
                format!("https://old.example/{i}"),
                title,
                format!("2025-0{}-01T08:00:00.000Z", i + 1),
                json
            ],
        )?;
    }
    conn.pragma_update(None, "user_version", version)?;
    Ok(())
}

fn comes_forward(version: i32) -> Result<(), StoreError> {
    let dir = temp_dir(&format!("v{version}"));
    old_file(&dir, version)?;
    let (store, notice) = Store::open_in(&dir)?;
    assert_eq!(notice, None, "an old file is not unreadable");
    let user_version: i32 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(user_version, reader_store::SCHEMA_VERSION);
    // Tables of later versions are there, empty.
    assert!(store.sources()?.is_empty());
    assert!(store.headlines(10)?.is_empty());
    let ok: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    assert_eq!(ok, "ok");
    assert_eq!(store.settings()?.text_size, 40);
    let recent = store.recent(10)?;
    assert_eq!(
        recent.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(),
        ["Autumn walk", "银杏树下"]
    );
    let expected_window = (version >= 2).then_some(WindowState {
        x: 10,
        y: 20,
        width: 900,
        height: 700,
        maximized: true,
    });
    assert_eq!(store.window_state()?, expected_window);
    // The old articles join the library with their word counts.
    let id = recent[1].id;
    store.keep(id)?;
    let item = store.library_item(id)?.unwrap_or_else(|| panic!("lost"));
    assert_eq!(item.words, 19, "CJK characters counted as words");
    store.save_position(
        id,
        Place {
            block: 0,
            offset: 1.0,
            sentence: Some(1),
        },
    )?;
    assert_eq!(store.library_item(id)?.map(|i| i.words_read), Some(19));
    assert_eq!(store.search("下棋", 10)?.len(), 1);
    drop(store);
    // Opening again does not migrate twice.
    let (store, notice) = Store::open_in(&dir)?;
    assert_eq!(notice, None);
    assert_eq!(store.kept(10)?.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn a_version_1_file_comes_forward_to_the_current_version() -> Result<(), StoreError> {
    comes_forward(1)
}

#[test]
fn a_version_2_file_comes_forward_to_the_current_version() -> Result<(), StoreError> {
    comes_forward(2)
}

#[test]
fn an_old_file_that_cannot_be_migrated_is_left_exactly_as_it_was() -> Result<(), StoreError> {
    let dir = temp_dir("v2-readonly");
    old_file(&dir, 2)?;
    let before = std::fs::read(dir.join(FILE_NAME)).unwrap_or_default();
    // As in a read-only folder: the migration's write is refused.
    let err = Store::open_read_only_in(&dir).err();
    assert!(matches!(err, Some(StoreError::Open { .. })), "{err:?}");
    assert_eq!(
        std::fs::read(dir.join(FILE_NAME)).unwrap_or_default(),
        before
    );
    let entries = std::fs::read_dir(&dir)
        .map(|d| d.count())
        .unwrap_or_default();
    assert_eq!(entries, 1, "nothing set aside, nothing added");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
