//! An article's pictures, kept for reading offline and served by the
//! window's image scheme. Two limits from the settings keep a small disk
//! from filling up: a picture that would pass either is skipped and named
//! in the report (the article is kept all the same, with its words).

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::{Store, StoreError};

const MB: u64 = 1024 * 1024;

/// One picture as fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub url: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// What [`Store::keep_pictures`] did: the UI says "kept without N pictures".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PictureReport {
    pub kept: usize,
    /// Addresses of the pictures over a limit, not kept.
    pub skipped: Vec<String>,
}

impl Store {
    /// Keeps an article's pictures (one transaction), within the settings'
    /// per-article and overall megabytes. A picture kept before under the
    /// same address is replaced (its old size does not count twice).
    pub fn keep_pictures(
        &self,
        article_id: i64,
        pictures: &[Picture],
    ) -> Result<PictureReport, StoreError> {
        let settings = self.settings()?;
        let per_article = u64::from(settings.keep_picture_mb_per_article) * MB;
        let overall = u64::from(settings.keep_picture_mb_total) * MB;
        let tx = self.conn.unchecked_transaction()?;
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
            params![article_id],
            |r| r.get(0),
        )?;
        if !known {
            return Err(StoreError::NotRemembered(article_id));
        }
        let mut report = PictureReport::default();
        for picture in pictures {
            let size = picture.bytes.len() as u64;
            let (article_bytes, all_bytes): (i64, i64) = tx.query_row(
                "SELECT coalesce(sum(CASE WHEN article_id = ?1 THEN size END), 0),
                        coalesce(sum(size), 0)
                 FROM pictures WHERE NOT (article_id = ?1 AND url = ?2)",
                params![article_id, picture.url],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if article_bytes.max(0) as u64 + size > per_article
                || all_bytes.max(0) as u64 + size > overall
            {
                report.skipped.push(picture.url.clone());
                continue;
            }
            tx.execute(
                "INSERT INTO pictures (article_id, url, content_type, bytes, size)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (article_id, url) DO UPDATE SET content_type = excluded.content_type,
                     bytes = excluded.bytes, size = excluded.size",
                params![
                    article_id,
                    picture.url,
                    picture.content_type,
                    picture.bytes,
                    size as i64
                ],
            )?;
            report.kept += 1;
        }
        tx.commit()?;
        Ok(report)
    }

    /// A kept picture by its address: (content type, bytes). The image
    /// scheme asks this before it goes to the network.
    pub fn image(&self, url: &str) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT content_type, bytes FROM pictures WHERE url = ?1
                 ORDER BY rowid DESC LIMIT 1",
                params![url],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Bytes of pictures kept, all articles together.
    pub fn picture_bytes(&self) -> Result<u64, StoreError> {
        let n: i64 =
            self.conn
                .query_row("SELECT coalesce(sum(size), 0) FROM pictures", [], |r| {
                    r.get(0)
                })?;
        Ok(n.max(0) as u64)
    }
}
