//! The one durable store: settings, the articles the reader opened and the
//! window's size and place (the library and reading positions will live here
//! too). One SQLite file in the OS app-data folder.
//!
//! A store that cannot be read (a half-written file, a disk error, a file
//! that is not a database) never takes the app down and never silently
//! throws data away: the unreadable file is moved aside next to the new one
//! (`care-reader.sqlite3.unreadable-<time>`), a fresh store starts, and the
//! caller gets a [`Notice`] to tell the reader.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use reader_article::Article;
use reader_errors::{Coded, ErrorCode};
use reader_settings::Settings;

/// File name of the store inside the app-data folder.
pub const FILE_NAME: &str = "care-reader.sqlite3";
/// How many articles "recent" lists at most.
pub const RECENT_LIMIT: usize = 20;
/// Articles beyond this many (oldest first) are forgotten, so the store
/// stays small on a machine used for years.
const KEEP_ARTICLES: usize = 200;
/// Bumped when the schema changes; `migrate` brings older files forward.
const SCHEMA_VERSION: i32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder or file could not be created or opened at all.
    #[error("cannot open the store at {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the store failed: {0}")]
    Query(#[from] rusqlite::Error),
    #[error("cannot prepare the store's folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Coded for StoreError {
    fn code(&self) -> ErrorCode {
        ErrorCode::StoreUnavailable
    }
}

/// Something the reader should hear about once, e.g. that the store was
/// unreadable and was set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub code: ErrorCode,
    /// Where the unreadable file was moved.
    pub moved_to: Option<PathBuf>,
}

/// An article the reader opened, for the Home view's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecentItem {
    pub id: i64,
    pub title: String,
    pub site: Option<String>,
    pub source: String,
    /// UTC, `2026-11-26T16:00:00Z`.
    pub opened_at: String,
}

/// Where the window was and how big, in logical pixels (the desktop's
/// scaling applied), as the shell last saw it: the position of its outer
/// frame, the size of its content, and whether it was maximised (then the
/// rect is where it goes when un-maximised).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowState {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    pub maximized: bool,
}

pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the store in `folder`. An unreadable file is moved
    /// aside and replaced; the returned notice says so.
    pub fn open_in(folder: &Path) -> Result<(Store, Option<Notice>), StoreError> {
        std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
            path: folder.to_owned(),
            source,
        })?;
        let path = folder.join(FILE_NAME);
        match Store::open_file(&path) {
            Ok(store) => Ok((store, None)),
            Err(_) if path.exists() => {
                let moved = set_aside(&path);
                let store = Store::open_file(&path).map_err(|source| StoreError::Open {
                    path: path.clone(),
                    source,
                })?;
                Ok((
                    store,
                    Some(Notice {
                        code: ErrorCode::StoreReset,
                        moved_to: moved,
                    }),
                ))
            }
            Err(source) => Err(StoreError::Open { path, source }),
        }
    }

    /// A store that lives in memory only (tests, or when the disk fails).
    pub fn in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        let store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn open_file(path: &Path) -> Result<Store, rusqlite::Error> {
        let conn = Connection::open(path)?;
        // A wait instead of an error if a second window holds the lock.
        conn.busy_timeout(std::time::Duration::from_secs(2))?;
        let store = Store { conn };
        // Reading the schema is what fails on a file that is not a database.
        store
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
            .and_then(|ok| {
                if ok == "ok" {
                    Ok(())
                } else {
                    Err(rusqlite::Error::InvalidQuery)
                }
            })?;
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&self) -> Result<(), rusqlite::Error> {
        let version: i32 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < 1 {
            self.conn.execute_batch(
                "BEGIN;
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
                 CREATE INDEX IF NOT EXISTS articles_opened ON articles (opened_at);
                 COMMIT;",
            )?;
        }
        if version < 2 {
            self.conn.execute_batch(
                "CREATE TABLE IF NOT EXISTS window (
                     id INTEGER PRIMARY KEY CHECK (id = 1),
                     x INTEGER NOT NULL,
                     y INTEGER NOT NULL,
                     width INTEGER NOT NULL,
                     height INTEGER NOT NULL,
                     maximized INTEGER NOT NULL
                 );",
            )?;
        }
        self.conn
            .pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(())
    }

    /// True when nothing was ever saved: the first run. (Where the window
    /// was does not count: a window opened and closed is still a first run.)
    pub fn is_fresh(&self) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM settings) + (SELECT count(*) FROM articles)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }

    /// The saved settings (clamped), or the defaults. A row that no longer
    /// parses gives the defaults too; it is overwritten on the next save.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM settings WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(json
            .and_then(|j| serde_json::from_str::<Settings>(&j).ok())
            .unwrap_or_default()
            .clamped())
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).unwrap_or_default();
        self.conn.execute(
            "INSERT INTO settings (id, json) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            params![json],
        )?;
        Ok(())
    }

    /// Where the window was when last saved; `None` before the first save.
    pub fn window_state(&self) -> Result<Option<WindowState>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT x, y, width, height, maximized FROM window WHERE id = 1",
                [],
                |r| {
                    Ok(WindowState {
                        x: r.get(0)?,
                        y: r.get(1)?,
                        width: r.get(2)?,
                        height: r.get(3)?,
                        maximized: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn save_window_state(&self, state: &WindowState) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO window (id, x, y, width, height, maximized)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET x = excluded.x, y = excluded.y,
                 width = excluded.width, height = excluded.height,
                 maximized = excluded.maximized",
            params![state.x, state.y, state.width, state.height, state.maximized],
        )?;
        Ok(())
    }

    /// Remembers an opened article (again: it moves to the top of the
    /// list); returns its id.
    pub fn remember_article(&self, source: &str, article: &Article) -> Result<i64, StoreError> {
        let json = serde_json::to_string(article).unwrap_or_default();
        let id = self.conn.query_row(
            "INSERT INTO articles (source, title, site, opened_at, article_json)
             VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?4)
             ON CONFLICT (source) DO UPDATE SET
                 title = excluded.title, site = excluded.site,
                 opened_at = excluded.opened_at, article_json = excluded.article_json
             RETURNING id",
            params![source, article.title, article.site_name, json],
            |r| r.get(0),
        )?;
        self.conn.execute(
            "DELETE FROM articles WHERE id NOT IN
                 (SELECT id FROM articles ORDER BY opened_at DESC LIMIT ?1)",
            params![KEEP_ARTICLES as i64],
        )?;
        Ok(id)
    }

    /// The most recently opened articles, newest first.
    pub fn recent(&self, limit: usize) -> Result<Vec<RecentItem>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, site, source, substr(opened_at, 1, 19) || 'Z'
             FROM articles ORDER BY opened_at DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit as i64], |r| {
            Ok(RecentItem {
                id: r.get(0)?,
                title: r.get(1)?,
                site: r.get(2)?,
                source: r.get(3)?,
                opened_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// A remembered article and where it came from; `None` if unknown (or
    /// if its saved form no longer parses).
    pub fn article(&self, id: i64) -> Result<Option<(String, Article)>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT source, article_json FROM articles WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.and_then(|(source, json)| {
            serde_json::from_str::<Article>(&json)
                .ok()
                .map(|a| (source, a))
        }))
    }
}

/// Moves an unreadable store file (and its journal) aside; returns the new
/// path, or `None` if even that failed (then the file is removed so a new
/// store can start; the data was unreadable anyway).
fn set_aside(path: &Path) -> Option<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let mut target = path.as_os_str().to_owned();
    target.push(format!(".unreadable-{stamp}"));
    let target = PathBuf::from(target);
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    match std::fs::rename(path, &target) {
        Ok(()) => Some(target),
        Err(_) => {
            let _ = std::fs::remove_file(path);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader_settings::Theme;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "care-reader-store-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn article(title: &str) -> Article {
        Article {
            title: title.into(),
            site_name: Some("Site".into()),
            ..Article::default()
        }
    }

    #[test]
    fn settings_survive_reopening_the_file() -> Result<(), StoreError> {
        let dir = temp_dir("settings");
        {
            let (store, notice) = Store::open_in(&dir)?;
            assert_eq!(notice, None);
            assert!(store.is_fresh()?);
            assert_eq!(store.settings()?, Settings::default());
            let s = Settings {
                text_size: 40,
                theme: Theme::Dark,
                ..Settings::default()
            };
            store.save_settings(&s)?;
        }
        let (store, _) = Store::open_in(&dir)?;
        assert!(!store.is_fresh()?);
        assert_eq!(store.settings()?.text_size, 40);
        assert_eq!(store.settings()?.theme, Theme::Dark);
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    #[test]
    fn an_unreadable_file_is_set_aside_not_lost() -> Result<(), StoreError> {
        let dir = temp_dir("corrupt");
        std::fs::create_dir_all(&dir).map_err(|source| StoreError::Folder {
            path: dir.clone(),
            source,
        })?;
        let junk = b"this is not a database, it is a shopping list".repeat(100);
        std::fs::write(dir.join(FILE_NAME), &junk).map_err(|source| StoreError::Folder {
            path: dir.clone(),
            source,
        })?;
        let (store, notice) = Store::open_in(&dir)?;
        let notice = notice.unwrap_or_else(|| panic!("no notice for an unreadable store"));
        assert_eq!(notice.code, ErrorCode::StoreReset);
        let moved = notice
            .moved_to
            .unwrap_or_else(|| panic!("the unreadable file was not kept"));
        assert_eq!(
            std::fs::read(&moved).unwrap_or_default(),
            junk,
            "kept byte for byte"
        );
        assert_eq!(store.settings()?, Settings::default());
        store.save_settings(&Settings::default())?;
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    #[test]
    fn the_window_state_survives_reopening_and_is_not_a_first_use() -> Result<(), StoreError> {
        let dir = temp_dir("window");
        let state = WindowState {
            x: -20,
            y: 35,
            width: 1100,
            height: 640,
            maximized: true,
        };
        {
            let (store, _) = Store::open_in(&dir)?;
            assert_eq!(store.window_state()?, None);
            store.save_window_state(&state)?;
            let moved = WindowState {
                maximized: false,
                ..state
            };
            store.save_window_state(&moved)?;
            store.save_window_state(&state)?;
            assert!(store.is_fresh()?, "a saved window is not a first use");
        }
        let (store, _) = Store::open_in(&dir)?;
        assert_eq!(store.window_state()?, Some(state));
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    #[test]
    fn a_version_1_store_gains_the_window_table() -> Result<(), StoreError> {
        let dir = temp_dir("v1");
        {
            let (store, _) = Store::open_in(&dir)?;
            store.save_settings(&Settings {
                text_size: 40,
                ..Settings::default()
            })?;
            // As a store written before the window was remembered.
            store.conn.execute_batch(
                "DROP TABLE window;
                 PRAGMA user_version = 1;",
            )?;
        }
        let (store, notice) = Store::open_in(&dir)?;
        assert_eq!(notice, None);
        assert_eq!(store.settings()?.text_size, 40);
        assert_eq!(store.window_state()?, None);
        let state = WindowState {
            x: 0,
            y: 0,
            width: 800,
            height: 500,
            maximized: false,
        };
        store.save_window_state(&state)?;
        assert_eq!(store.window_state()?, Some(state));
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    #[test]
    fn unparsable_settings_give_defaults() -> Result<(), StoreError> {
        let store = Store::in_memory()?;
        store.conn.execute(
            "INSERT INTO settings (id, json) VALUES (1, '{not json')",
            [],
        )?;
        assert_eq!(store.settings()?, Settings::default());
        Ok(())
    }

    #[test]
    fn recent_articles_newest_first_and_reopened_moves_up() -> Result<(), StoreError> {
        let store = Store::in_memory()?;
        let a = store.remember_article("https://a.example/1", &article("One"))?;
        let b = store.remember_article("https://a.example/2", &article("Two"))?;
        std::thread::sleep(std::time::Duration::from_millis(5));
        let a2 = store.remember_article("https://a.example/1", &article("One again"))?;
        assert_eq!(a, a2, "same source, same id");
        let recent = store.recent(RECENT_LIMIT)?;
        let titles: Vec<&str> = recent.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["One again", "Two"]);
        let (source, art) = store
            .article(b)?
            .unwrap_or_else(|| panic!("article {b} not found"));
        assert_eq!(source, "https://a.example/2");
        assert_eq!(art.title, "Two");
        assert!(store.article(9999)?.is_none());
        Ok(())
    }
}
