//! The library: articles the reader kept, newest first, with how far they
//! got; removal that can be undone for a week, across restarts.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use reader_article::Article;

use crate::{NOW, Store, StoreError, search};

/// How long a removed article can be brought back (the undo survives a
/// restart); after that it is purged, pictures and all, at the next start.
pub const UNDO_DAYS: u32 = 7;

/// A kept (or, for "continue reading", an opened) article as the library's
/// card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryItem {
    pub id: i64,
    pub title: String,
    pub site: Option<String>,
    pub source: String,
    /// When it was kept (UTC, `2026-11-26T16:00:00.000Z`); `None` for an
    /// article only opened, never kept.
    pub saved_at: Option<String>,
    /// Words in the whole article (a CJK character counts as one).
    pub words: u64,
    /// Words before the saved position, read or listened to (0 without one).
    pub words_read: u64,
}

/// The columns [`item_from_row`] reads, from `articles a LEFT JOIN positions p`.
pub(crate) const ITEM_COLUMNS: &str =
    "a.id, a.title, a.site, a.source, a.saved_at, a.words, coalesce(p.words_read, 0)";

pub(crate) fn item_from_row(r: &Row<'_>) -> rusqlite::Result<LibraryItem> {
    Ok(LibraryItem {
        id: r.get(0)?,
        title: r.get(1)?,
        site: r.get(2)?,
        source: r.get(3)?,
        saved_at: r.get(4)?,
        words: r.get::<_, i64>(5)?.max(0) as u64,
        words_read: r.get::<_, i64>(6)?.max(0) as u64,
    })
}

/// The article's stored form, for indexing; `None` if it no longer parses.
pub(crate) fn stored_article(conn: &Connection, id: i64) -> rusqlite::Result<Option<Article>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT article_json FROM articles WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

impl Store {
    /// Keeps an opened article: it joins the library and search, and is
    /// never pruned. Keeping a removed article brings it back. Keeping it
    /// again keeps its first date.
    pub fn keep(&self, id: i64) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let changed = tx.execute(
            &format!(
                "UPDATE articles SET saved_at = coalesce(saved_at, {NOW}), removed_at = NULL
                 WHERE id = ?1"
            ),
            params![id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotRemembered(id));
        }
        if let Some(article) = stored_article(&tx, id)? {
            search::index(&tx, id, &article)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Kept articles, newest first (removed ones are not listed).
    pub fn kept(&self, limit: usize) -> Result<Vec<LibraryItem>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ITEM_COLUMNS} FROM articles a LEFT JOIN positions p ON p.article_id = a.id
             WHERE a.saved_at IS NOT NULL AND a.removed_at IS NULL
             ORDER BY a.saved_at DESC, a.id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map(params![limit as i64], item_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Kept articles removed in the last [`UNDO_DAYS`], most recently
    /// removed first: the Library offers each back, also after a restart.
    pub fn removed(&self, limit: usize) -> Result<Vec<LibraryItem>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ITEM_COLUMNS} FROM articles a LEFT JOIN positions p ON p.article_id = a.id
             WHERE a.saved_at IS NOT NULL AND a.removed_at IS NOT NULL
             ORDER BY a.removed_at DESC, a.id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map(params![limit as i64], item_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// One article as a card, removed or not; `None` if unknown.
    pub fn library_item(&self, id: i64) -> Result<Option<LibraryItem>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {ITEM_COLUMNS} FROM articles a
                     LEFT JOIN positions p ON p.article_id = a.id WHERE a.id = ?1"
                ),
                params![id],
                item_from_row,
            )
            .optional()?)
    }

    /// Hides an article from the library, search and recent; it stays in
    /// the file, pictures and place included, for [`UNDO_DAYS`].
    pub fn remove(&self, id: i64) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            &format!("UPDATE articles SET removed_at = coalesce(removed_at, {NOW}) WHERE id = ?1"),
            params![id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotRemembered(id));
        }
        Ok(())
    }

    /// Brings a removed article back where it was (its kept date too).
    pub fn undo_remove(&self, id: i64) -> Result<(), StoreError> {
        let changed = self.conn.execute(
            "UPDATE articles SET removed_at = NULL WHERE id = ?1",
            params![id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotRemembered(id));
        }
        Ok(())
    }

    /// Forgets articles removed more than [`UNDO_DAYS`] ago, with their
    /// pictures, place and search text; returns how many. Runs at every
    /// start.
    pub fn purge_removed(&self) -> Result<usize, StoreError> {
        Ok(self.conn.execute(
            "DELETE FROM articles WHERE removed_at IS NOT NULL
                 AND removed_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)",
            params![format!("-{UNDO_DAYS} days")],
        )?)
    }
}
