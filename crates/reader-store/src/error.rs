//! The store's one error type. A write the disk refuses (full, read-only)
//! is told apart from a store that is broken, because the app treats them
//! differently: with the first it keeps reading what is saved and says
//! that saving is off; with the second it runs on memory.

use std::path::PathBuf;

use reader_errors::{Coded, ErrorCode};
use rusqlite::ErrorCode as SqliteCode;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder or file could not be created or opened at all.
    #[error("cannot open the store at {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the store failed: {0}")]
    Query(rusqlite::Error),
    #[error("cannot prepare the store's folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The disk refused a write (full, read-only, the journal could not be
    /// created). Nothing was half-written: SQLite rolled the change back.
    #[error("saving is off: {0}")]
    SavingOff(rusqlite::Error),
    /// No article with this id (pruned, purged, or never there).
    #[error("no remembered article {0}")]
    NotRemembered(i64),
    /// No source with this id (removed already, or never there).
    #[error("no news source {0}")]
    SourceUnknown(i64),
    /// An import file that is not a backup of ours, or is damaged.
    #[error("not a readable backup: {0}")]
    BackupUnreadable(String),
    /// An import file from a newer format version than this build reads.
    #[error("the backup has format version {found}; this Care Reader reads up to {known}")]
    BackupTooNew { found: u64, known: u64 },
    /// The backup file could not be read or written.
    #[error("cannot use the backup file {path}: {source}")]
    BackupFile {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        if refused_write(&e) {
            StoreError::SavingOff(e)
        } else {
            StoreError::Query(e)
        }
    }
}

/// True for the errors a healthy store gives when the disk will not take a
/// write: SQLITE_FULL, SQLITE_READONLY, and SQLITE_CANTOPEN (in a read-only
/// folder the rollback journal cannot be created next to the file).
pub(crate) fn refused_write(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(SqliteCode::DiskFull | SqliteCode::ReadOnly | SqliteCode::CannotOpen)
    )
}

impl Coded for StoreError {
    fn code(&self) -> ErrorCode {
        match self {
            StoreError::Open { .. } | StoreError::Query(_) | StoreError::Folder { .. } => {
                ErrorCode::StoreUnavailable
            }
            StoreError::SavingOff(_) => ErrorCode::SavingOff,
            StoreError::NotRemembered(_) => ErrorCode::NotRemembered,
            StoreError::SourceUnknown(_) => ErrorCode::SourceUnknown,
            StoreError::BackupUnreadable(_) => ErrorCode::BackupUnreadable,
            StoreError::BackupTooNew { .. } => ErrorCode::BackupTooNew,
            StoreError::BackupFile { .. } => ErrorCode::Io,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            StoreError::BackupFile { path, source } => vec![
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
            _ => Vec::new(),
        }
    }
}
