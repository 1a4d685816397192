//! The articles the reader opened: "recent" is a short automatic history
//! (pruned), and the same rows are what the library keeps (never pruned).

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use reader_article::Article;

use crate::words::block_words;
use crate::{NOW, Store, StoreError, search};

/// How many articles "recent" lists at most.
pub const RECENT_LIMIT: usize = 20;
/// Articles not kept beyond this many (oldest first) are forgotten, so the
/// store stays small on a machine used for years. Kept ones never are.
const KEEP_RECENT: usize = 200;

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

/// Forgets the oldest articles not kept beyond [`KEEP_RECENT`].
pub(crate) fn prune(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM articles WHERE saved_at IS NULL AND id NOT IN
             (SELECT id FROM articles WHERE saved_at IS NULL
              ORDER BY opened_at DESC LIMIT ?1)",
        params![KEEP_RECENT as i64],
    )?;
    Ok(())
}

/// Adds an article with the given times (from a backup); its id.
pub(crate) fn insert_with_times(
    conn: &Connection,
    source: &str,
    article: &Article,
    opened_at: &str,
    saved_at: Option<&str>,
) -> rusqlite::Result<i64> {
    let json = serde_json::to_string(article).unwrap_or_default();
    let blocks = block_words(article);
    let words: u64 = blocks.iter().map(|&w| u64::from(w)).sum();
    let blocks = serde_json::to_string(&blocks).unwrap_or_else(|_| "[]".into());
    conn.query_row(
        "INSERT INTO articles (source, title, site, opened_at, saved_at, article_json, words, block_words)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
        params![
            source,
            article.title,
            article.site_name,
            opened_at,
            saved_at,
            json,
            words as i64,
            blocks
        ],
        |r| r.get(0),
    )
}

impl Store {
    /// Remembers an opened article (again: it moves to the top of the
    /// list, and a kept one gets the new text in search); returns its id.
    /// One transaction with the pruning of old unkept articles.
    pub fn remember_article(&self, source: &str, article: &Article) -> Result<i64, StoreError> {
        let json = serde_json::to_string(article).unwrap_or_default();
        let blocks = block_words(article);
        let words: u64 = blocks.iter().map(|&w| u64::from(w)).sum();
        let blocks = serde_json::to_string(&blocks).unwrap_or_else(|_| "[]".into());
        let tx = self.conn.unchecked_transaction()?;
        let (id, kept): (i64, bool) = tx.query_row(
            &format!(
                "INSERT INTO articles (source, title, site, opened_at, article_json, words, block_words)
                 VALUES (?1, ?2, ?3, {NOW}, ?4, ?5, ?6)
                 ON CONFLICT (source) DO UPDATE SET
                     title = excluded.title, site = excluded.site,
                     opened_at = excluded.opened_at, article_json = excluded.article_json,
                     words = excluded.words, block_words = excluded.block_words
                 RETURNING id, saved_at IS NOT NULL"
            ),
            params![source, article.title, article.site_name, json, words as i64, blocks],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if kept {
            search::index(&tx, id, article)?;
        }
        prune(&tx)?;
        tx.commit()?;
        Ok(id)
    }

    /// The most recently opened articles, newest first (not the removed).
    pub fn recent(&self, limit: usize) -> Result<Vec<RecentItem>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, site, source, substr(opened_at, 1, 19) || 'Z'
             FROM articles WHERE removed_at IS NULL
             ORDER BY opened_at DESC, id DESC LIMIT ?1",
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
