//! One file that holds the reader's library, places and settings, to move
//! them to another computer or keep them safe (docs/backup.md describes the
//! format for anyone who wants to read it without Care Reader).
//!
//! Pictures are left out: they would make the file hundreds of megabytes
//! of base64 to build in memory on an old machine, and they come back when
//! the article is opened online and kept again. The words, the places and
//! the settings — what cannot be fetched again — are all there.
//!
//! Import merges into what is there, in one transaction: an article already
//! kept (same source address) is not added twice, the newer of two places
//! wins, and a file that is damaged, not ours, too large, or from a newer
//! format version is refused before anything is written.

use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use reader_article::Article;
use reader_settings::Settings;

use crate::articles::{insert_with_times, prune};
use crate::library::stored_article;
use crate::positions::{Place, Position, read_position, write_position};
use crate::{NOW, Store, StoreError, search};

/// What the `format` field of every backup says.
pub const BACKUP_FORMAT: &str = "care-reader-backup";
/// The format version this build writes and the newest it reads. Bumped
/// only when an older reader could misread the file (new optional fields
/// do not bump it: readers ignore fields they do not know).
pub const BACKUP_VERSION: u64 = 1;
/// A larger file is refused unread: without pictures even thousands of
/// kept articles stay far below this, and a hostile file cannot make the
/// app allocate without bound.
pub const MAX_BACKUP_BYTES: u64 = 256 * 1024 * 1024;
/// A source address longer than this is not one we would have stored.
const MAX_SOURCE_CHARS: usize = 8192;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Backup {
    format: String,
    version: u64,
    exported_at: String,
    settings: Option<Settings>,
    articles: Vec<BackupArticle>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BackupArticle {
    source: String,
    opened_at: String,
    saved_at: Option<String>,
    article: Article,
    position: Option<Position>,
}

/// Read first, so a file from a newer version is told apart from a damaged
/// one even when the rest of it no longer has our shape.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u64,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Articles that were not here and now are.
    pub added: usize,
    /// Articles already here that the backup had kept and now are kept.
    pub kept: usize,
    /// Places taken from the backup because they were newer.
    pub positions: usize,
    /// Whether the backup's settings were taken (only into a store that
    /// had none saved: the reader's current settings are never overwritten).
    pub settings: bool,
}

/// `2026-11-26T16:00:00Z` or with a fraction, as the store writes it:
/// `2026-11-26T16:00:00.000Z` (milliseconds, so text order is time order).
/// `None` for anything else.
fn normalize_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let shape = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[b.len() - 1] == b'Z';
    if !shape {
        return None;
    }
    let fraction = &s[19..s.len() - 1];
    let millis = match fraction.strip_prefix('.') {
        None if fraction.is_empty() => "000".to_string(),
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|d| d.is_ascii_digit()) => {
            format!("{f:0<3}")[..3].to_string()
        }
        _ => return None,
    };
    Some(format!("{}.{millis}Z", &s[..19]))
}

fn unreadable(why: impl Into<String>) -> StoreError {
    StoreError::BackupUnreadable(why.into())
}

/// Checks one article of a backup and puts its times in the store's form.
fn checked(mut a: BackupArticle) -> Result<BackupArticle, StoreError> {
    if a.source.trim().is_empty() || a.source.chars().count() > MAX_SOURCE_CHARS {
        return Err(unreadable("an article without a usable source"));
    }
    a.opened_at = normalize_time(&a.opened_at).ok_or_else(|| unreadable("a bad openedAt"))?;
    if let Some(saved) = &a.saved_at {
        a.saved_at = Some(normalize_time(saved).ok_or_else(|| unreadable("a bad savedAt"))?);
    }
    if let Some(p) = &mut a.position {
        p.updated_at =
            normalize_time(&p.updated_at).ok_or_else(|| unreadable("a bad updatedAt"))?;
    }
    Ok(a)
}

fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::BackupFile {
        path: path.to_owned(),
        source,
    }
}

impl Store {
    /// Writes the backup to `path`, atomically: into a temporary file next
    /// to it, flushed to disk, then renamed over it, so a crash or a full
    /// disk never leaves half a backup under the chosen name. Returns how
    /// many articles it holds (every remembered one not removed).
    pub fn export(&self, path: &Path) -> Result<usize, StoreError> {
        let exported_at: String = self
            .conn
            .query_row(&format!("SELECT {NOW}"), [], |r| r.get(0))?;
        let rows: Vec<(i64, String, String, Option<String>)> = self
            .conn
            .prepare(
                "SELECT id, source, opened_at, saved_at FROM articles
                 WHERE removed_at IS NULL ORDER BY id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut articles = Vec::with_capacity(rows.len());
        for (id, source, opened_at, saved_at) in rows {
            let Some(article) = stored_article(&self.conn, id)? else {
                continue;
            };
            articles.push(BackupArticle {
                source,
                opened_at,
                saved_at,
                article,
                position: read_position(&self.conn, id)?,
            });
        }
        let backup = Backup {
            format: BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            exported_at,
            settings: self.saved_settings()?,
            articles,
        };
        let mut temp = path.as_os_str().to_owned();
        temp.push(format!(".part-{}", std::process::id()));
        let temp = PathBuf::from(temp);
        let written = (|| {
            let file = std::fs::File::create(&temp)?;
            let mut out = std::io::BufWriter::new(file);
            serde_json::to_writer_pretty(&mut out, &backup)?;
            out.write_all(b"\n")?;
            let file = out.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            std::fs::rename(&temp, path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(file_error(path)(e));
        }
        Ok(backup.articles.len())
    }

    /// Merges a backup into the store (see the module's notes); nothing is
    /// changed when it fails.
    pub fn import(&self, path: &Path) -> Result<ImportReport, StoreError> {
        let size = std::fs::metadata(path).map_err(file_error(path))?.len();
        if size > MAX_BACKUP_BYTES {
            return Err(unreadable(format!(
                "{size} bytes is larger than any backup"
            )));
        }
        let bytes = std::fs::read(path).map_err(file_error(path))?;
        self.import_bytes(&bytes)
    }

    /// [`Store::import`] from the file's bytes.
    pub fn import_bytes(&self, bytes: &[u8]) -> Result<ImportReport, StoreError> {
        let header: Header =
            serde_json::from_slice(bytes).map_err(|e| unreadable(e.to_string()))?;
        if header.format != BACKUP_FORMAT {
            return Err(unreadable("not a Care Reader backup"));
        }
        if header.version > BACKUP_VERSION {
            return Err(StoreError::BackupTooNew {
                found: header.version,
                known: BACKUP_VERSION,
            });
        }
        if header.version == 0 {
            return Err(unreadable("version 0"));
        }
        let backup: Backup =
            serde_json::from_slice(bytes).map_err(|e| unreadable(e.to_string()))?;
        let articles = backup
            .articles
            .into_iter()
            .map(checked)
            .collect::<Result<Vec<_>, _>>()?;

        let mut report = ImportReport::default();
        let tx = self.conn.unchecked_transaction()?;
        for a in articles {
            let here: Option<(i64, bool)> = tx
                .query_row(
                    "SELECT id, saved_at IS NOT NULL FROM articles WHERE source = ?1",
                    params![a.source],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let id = match here {
                None => {
                    let id = insert_with_times(
                        &tx,
                        &a.source,
                        &a.article,
                        &a.opened_at,
                        a.saved_at.as_deref(),
                    )?;
                    if a.saved_at.is_some() {
                        search::index(&tx, id, &a.article)?;
                    }
                    report.added += 1;
                    id
                }
                Some((id, kept_here)) => {
                    if let (false, Some(saved)) = (kept_here, &a.saved_at) {
                        tx.execute(
                            "UPDATE articles SET saved_at = ?2 WHERE id = ?1",
                            params![id, saved],
                        )?;
                        if let Some(article) = stored_article(&tx, id)? {
                            search::index(&tx, id, &article)?;
                        }
                        report.kept += 1;
                    }
                    id
                }
            };
            if let Some(p) = a.position {
                let newer = match read_position(&tx, id)? {
                    Some(local) => p.updated_at > local.updated_at,
                    None => true,
                };
                if newer {
                    let place = Place {
                        block: p.block,
                        offset: p.offset,
                        sentence: p.sentence,
                    };
                    write_position(&tx, id, place, Some(&p.updated_at))?;
                    report.positions += 1;
                }
            }
        }
        prune(&tx)?;
        let has_settings: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM settings)", [], |r| r.get(0))?;
        if let (false, Some(settings)) = (has_settings, backup.settings) {
            let json = serde_json::to_string(&settings.clamped()).unwrap_or_default();
            tx.execute(
                "INSERT INTO settings (id, json) VALUES (1, ?1)",
                params![json],
            )?;
            report.settings = true;
        }
        tx.commit()?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_time;

    #[test]
    fn times_are_normalised_to_milliseconds_or_refused() {
        assert_eq!(
            normalize_time("2026-11-26T16:00:00Z").as_deref(),
            Some("2026-11-26T16:00:00.000Z")
        );
        assert_eq!(
            normalize_time("2026-11-26T16:00:00.5Z").as_deref(),
            Some("2026-11-26T16:00:00.500Z")
        );
        assert_eq!(
            normalize_time("2026-11-26T16:00:00.123456Z").as_deref(),
            Some("2026-11-26T16:00:00.123Z")
        );
        for bad in [
            "",
            "yesterday",
            "2026-11-26 16:00:00Z",
            "2026-11-26T16:00:00.Z",
            "2026-11-26T16:00:00+08:00",
            "２０２６-11-26T16:00:00Z",
        ] {
            assert_eq!(normalize_time(bad), None, "{bad}");
        }
    }
}
