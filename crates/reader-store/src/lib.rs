//! The one durable store: settings, the window's size and place, the
//! articles the reader opened, the ones they kept (with pictures, for
//! reading offline), where they stopped reading or listening, and a search
//! over what they kept. One SQLite file in the OS app-data folder.
//!
//! ```
//! use reader_article::{Article, Block, Inline};
//! use reader_store::{Place, Store};
//! let store = Store::in_memory()?;
//! let article = Article {
//!     title: "银杏树".into(),
//!     blocks: vec![Block::Paragraph { content: vec![Inline::Text { text: "秋天的银杏叶很美。".into() }] }],
//!     ..Article::default()
//! };
//! let id = store.remember_article("https://example.org/ginkgo", &article)?;
//! store.keep(id)?;
//! store.save_position(id, Place { block: 0, offset: 0.5, sentence: Some(0) })?;
//! assert_eq!(store.kept(10)?[0].title, "银杏树");
//! assert_eq!(store.search("银杏", 10)?.len(), 1);
//! # Ok::<(), reader_store::StoreError>(())
//! ```
//!
//! A store that cannot be read (a half-written file, a disk error, a file
//! that is not a database) never takes the app down and never silently
//! throws data away: the unreadable file is moved aside next to the new one
//! (`care-reader.sqlite3.unreadable-<time>`), a fresh store starts, and the
//! caller gets a [`Notice`] to tell the reader. A store the disk will not
//! write to (full, read-only folder) is *not* unreadable: it opens, reads
//! work, and each write fails with [`StoreError::SavingOff`] and changes
//! nothing.
//!
//! Every write is one SQLite transaction in rollback-journal mode with
//! `synchronous = FULL` (SQLite's default), so a crash or power cut keeps
//! either the whole write or none of it (tested by killing a writer
//! process at random moments).

#![forbid(unsafe_code)]

mod articles;
mod backup;
mod error;
mod family;
mod library;
mod pictures;
mod positions;
mod preferences;
mod pronunciations;
mod schema;
mod search;
mod sources;
mod words;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use reader_errors::ErrorCode;

pub use articles::{RECENT_LIMIT, RecentItem};
pub use backup::{BACKUP_FORMAT, BACKUP_VERSION, ImportReport, MAX_BACKUP_BYTES};
pub use error::StoreError;
pub use family::{FamilySetup, SetupSource};
pub use library::{LibraryItem, UNDO_DAYS};
pub use pictures::{Picture, PictureReport};
pub use positions::{Place, Position};
pub use preferences::WindowState;
pub use pronunciations::PronunciationEntry;
pub use schema::SCHEMA_VERSION;
pub use search::{SearchHit, Segment};
pub use sources::{HEADLINES_PER_SOURCE, HeadlineItem, NewHeadline, SourceItem};

/// File name of the store inside the app-data folder.
pub const FILE_NAME: &str = "care-reader.sqlite3";

/// The current time as the store writes it: UTC with milliseconds
/// (`2026-11-26T16:00:00.123Z`), so text order is time order.
pub(crate) const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// Something the reader should hear about once, e.g. that the store was
/// unreadable and was set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub code: ErrorCode,
    /// Where the unreadable file was moved.
    pub moved_to: Option<PathBuf>,
}

pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

/// Why a file did not open: only an unreadable one is set aside; one the
/// disk will not write to (a migration in a read-only folder) or one that
/// another process holds is left exactly as it is.
enum OpenFailure {
    Unreadable(rusqlite::Error),
    Untouchable(rusqlite::Error),
}

impl From<rusqlite::Error> for OpenFailure {
    fn from(e: rusqlite::Error) -> OpenFailure {
        let busy = matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        );
        if busy || error::refused_write(&e) {
            OpenFailure::Untouchable(e)
        } else {
            OpenFailure::Unreadable(e)
        }
    }
}

impl Store {
    /// Opens (or creates) the store in `folder`. An unreadable file is moved
    /// aside and replaced; the returned notice says so. Articles removed
    /// more than [`UNDO_DAYS`] ago are purged here (when the disk allows).
    pub fn open_in(folder: &Path) -> Result<(Store, Option<Notice>), StoreError> {
        std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
            path: folder.to_owned(),
            source,
        })?;
        let path = folder.join(FILE_NAME);
        match Store::open_file(&path) {
            Ok(store) => Ok((store, None)),
            Err(OpenFailure::Unreadable(_)) if path.exists() => {
                let moved = set_aside(&path);
                let store = Store::open_file(&path).map_err(|f| match f {
                    OpenFailure::Unreadable(source) | OpenFailure::Untouchable(source) => {
                        StoreError::Open {
                            path: path.clone(),
                            source,
                        }
                    }
                })?;
                Ok((
                    store,
                    Some(Notice {
                        code: ErrorCode::StoreReset,
                        moved_to: moved,
                    }),
                ))
            }
            Err(OpenFailure::Unreadable(source) | OpenFailure::Untouchable(source)) => {
                Err(StoreError::Open { path, source })
            }
        }
    }

    /// A store that lives in memory only (tests, or when the disk fails).
    pub fn in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrate(&conn)?;
        Ok(Store { conn })
    }

    fn open_file(path: &Path) -> Result<Store, OpenFailure> {
        let conn = Connection::open(path)?;
        Store::start(conn)
    }

    /// Checks, migrates and tidies a freshly opened connection.
    fn start(conn: Connection) -> Result<Store, OpenFailure> {
        // A wait instead of an error if a second window holds the lock.
        conn.busy_timeout(std::time::Duration::from_secs(2))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        if !readable(&conn)? {
            return Err(OpenFailure::Unreadable(rusqlite::Error::InvalidQuery));
        }
        schema::migrate(&conn)?;
        let store = Store { conn };
        // Tidying is not worth failing the start for: on a full disk or in a
        // read-only folder it is simply tried again next time.
        let _ = store.purge_removed();
        Ok(store)
    }

    /// The store in `folder` opened read-only: every write fails with
    /// [`StoreError::SavingOff`] as on a read-only disk. For tests of that
    /// path where the folder cannot be made read-only (running as root).
    #[doc(hidden)]
    pub fn open_read_only_in(folder: &Path) -> Result<Store, StoreError> {
        let path = folder.join(FILE_NAME);
        let conn = Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Store::start(conn).map_err(|f| match f {
            OpenFailure::Unreadable(source) | OpenFailure::Untouchable(source) => {
                StoreError::Open { path, source }
            }
        })
    }

    /// The raw connection, for this crate's tests (e.g. `PRAGMA
    /// integrity_check`, or ageing a removal).
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Whether every table of the file reads whole: SQLite's `quick_check`
/// of each one's pages. Reading the schema is what fails on a file that is
/// not a database at all.
///
/// Table by table, the search index's virtual table left out: since SQLite
/// 3.44 a whole-file `quick_check` also runs FTS5's own consistency check,
/// which re-tokenises the text of every kept article to compare it with the
/// index — most of a start with a library of 1 000 articles (160 of 180 ms,
/// `src-tauri/benches/library.rs`), growing with every article kept, and
/// nothing to do with whether the file can be read. The index's own tables
/// are checked page by page like the others. (Checked table by table,
/// SQLite no longer looks for pages that no table uses: space lost, not
/// data.)
///
/// The kept pictures are left out too: they are most of the file (24 of
/// 65 MB with 1 000 articles and small pictures; up to the 500 MB limit),
/// reading them all at every start put it over the 1.1× start-time budget
/// (1.16× with 200 KiB pictures), and they are copies of what the web has:
/// a damaged picture reads as missing and is fetched again (reader-app
/// treats a failed picture read as a miss), while the reader's words,
/// places and settings are still checked.
fn readable(conn: &Connection) -> rusqlite::Result<bool> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema
             WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
               AND name <> 'pictures'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in tables {
        let check = format!("PRAGMA quick_check(\"{}\")", table.replace('"', "\"\""));
        let ok: String = conn.query_row(&check, [], |r| r.get(0))?;
        if ok != "ok" {
            return Ok(false);
        }
    }
    Ok(true)
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
