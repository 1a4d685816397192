//! The news sources a family chose and the headlines last fetched from them.
//! Home reads everything from here, so it shows the last headlines (and,
//! for those fetched ahead, their text) with no network at all; a refresh
//! replaces a source's headlines only when its feed was read, so one source
//! failing never blanks the page — its row keeps the error's code instead.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use reader_article::Article;
use reader_errors::ErrorCode;

use crate::{NOW, Store, StoreError};

/// Headlines kept per source (the newest): a busy feed adds a hundred a
/// day, and Home shows a few dozen.
pub const HEADLINES_PER_SOURCE: usize = 200;

/// A chosen source as Settings and Home list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceItem {
    pub id: i64,
    pub title: String,
    pub feed_url: String,
    pub site_url: Option<String>,
    /// Last refresh attempt (UTC, `2026-11-30T08:00:00.000Z`); `None` before the first.
    pub checked_at: Option<String>,
    /// Last refresh that read the feed.
    pub ok_at: Option<String>,
    /// Why the last refresh failed; `None` when it worked.
    pub error: Option<ErrorCode>,
    /// Headlines kept from it.
    pub headlines: u64,
}

/// A headline as a refresh hands it to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHeadline {
    /// Stable within the source (the entry's id).
    pub key: String,
    pub url: String,
    pub title: String,
    pub summary: String,
    /// Seconds since 1970, UTC.
    pub published: Option<i64>,
}

/// A headline as Home shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeadlineItem {
    pub id: i64,
    pub source_id: i64,
    pub source_title: String,
    pub title: String,
    pub url: String,
    pub summary: String,
    /// Seconds since 1970, UTC: the feed's time, else when it was first seen.
    pub time: i64,
    /// The reader opened it (it is among the articles they opened).
    pub read: bool,
    /// Its text is in the store: it opens without the network.
    pub offline: bool,
}

impl Store {
    /// Adds a source at the end of the list, or returns the one with this
    /// feed address (renamed to `title`). Returns its id and whether it is new.
    pub fn add_source(
        &self,
        feed_url: &str,
        title: &str,
        site_url: Option<&str>,
    ) -> Result<(i64, bool), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM sources WHERE feed_url = ?1",
                params![feed_url],
                |r| r.get(0),
            )
            .optional()?;
        let result = if let Some(id) = existing {
            tx.execute(
                "UPDATE sources SET title = ?2, site_url = coalesce(?3, site_url) WHERE id = ?1",
                params![id, title, site_url],
            )?;
            (id, false)
        } else {
            let id = tx.query_row(
                &format!(
                    "INSERT INTO sources (feed_url, title, site_url, position, added_at)
                     VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM sources), {NOW})
                     RETURNING id"
                ),
                params![feed_url, title, site_url],
                |r| r.get(0),
            )?;
            (id, true)
        };
        tx.commit()?;
        Ok(result)
    }

    /// The sources, in the family's order.
    pub fn sources(&self) -> Result<Vec<SourceItem>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.title, s.feed_url, s.site_url, s.checked_at, s.ok_at, s.error,
                    (SELECT count(*) FROM headlines h WHERE h.source_id = s.id)
             FROM sources s ORDER BY s.position, s.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let error: Option<String> = r.get(6)?;
            Ok(SourceItem {
                id: r.get(0)?,
                title: r.get(1)?,
                feed_url: r.get(2)?,
                site_url: r.get(3)?,
                checked_at: r.get(4)?,
                ok_at: r.get(5)?,
                error: error.map(|code| code_from_id(&code)),
                headlines: r.get::<_, i64>(7)?.max(0) as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Removes a source and its headlines.
    pub fn remove_source(&self, id: i64) -> Result<(), StoreError> {
        let removed = self
            .conn
            .execute("DELETE FROM sources WHERE id = ?1", params![id])?;
        if removed == 0 {
            return Err(StoreError::SourceUnknown(id));
        }
        Ok(())
    }

    /// Records a refresh of source `id` that read its feed: its headlines
    /// are added or updated (a headline already seen keeps its fetched text
    /// unless its address changed), the oldest beyond
    /// [`HEADLINES_PER_SOURCE`] are dropped, and the source's error is cleared.
    pub fn record_headlines(&self, id: i64, headlines: &[NewHeadline]) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let updated = tx.execute(
            &format!(
                "UPDATE sources SET checked_at = {NOW}, ok_at = {NOW}, error = NULL WHERE id = ?1"
            ),
            params![id],
        )?;
        if updated == 0 {
            return Err(StoreError::SourceUnknown(id));
        }
        {
            let mut upsert = tx.prepare(
                "INSERT INTO headlines (source_id, entry_key, url, title, summary, published, first_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(strftime('%s', 'now') AS INTEGER))
                 ON CONFLICT (source_id, entry_key) DO UPDATE SET
                     title = excluded.title, summary = excluded.summary,
                     published = excluded.published,
                     article_json = CASE WHEN url = excluded.url THEN article_json END,
                     url = excluded.url",
            )?;
            for h in headlines {
                upsert.execute(params![id, h.key, h.url, h.title, h.summary, h.published])?;
            }
        }
        tx.execute(
            "DELETE FROM headlines WHERE source_id = ?1 AND id NOT IN
                 (SELECT id FROM headlines WHERE source_id = ?1
                  ORDER BY coalesce(published, first_seen) DESC, id LIMIT ?2)",
            params![id, HEADLINES_PER_SOURCE as i64],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records a refresh of source `id` that failed: its headlines stay.
    pub fn record_source_error(&self, id: i64, code: ErrorCode) -> Result<(), StoreError> {
        let updated = self.conn.execute(
            &format!("UPDATE sources SET checked_at = {NOW}, error = ?2 WHERE id = ?1"),
            params![id, code.id()],
        )?;
        if updated == 0 {
            return Err(StoreError::SourceUnknown(id));
        }
        Ok(())
    }

    /// The newest headlines of all sources together, newest first.
    pub fn headlines(&self, limit: usize) -> Result<Vec<HeadlineItem>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT h.id, h.source_id, s.title, h.title, h.url, h.summary,
                    coalesce(h.published, h.first_seen),
                    EXISTS (SELECT 1 FROM articles a WHERE a.source = h.url AND a.removed_at IS NULL),
                    h.article_json IS NOT NULL
                        OR EXISTS (SELECT 1 FROM articles a WHERE a.source = h.url)
             FROM headlines h JOIN sources s ON s.id = h.source_id
             ORDER BY coalesce(h.published, h.first_seen) DESC, h.id
             LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit as i64], |r| {
            Ok(HeadlineItem {
                id: r.get(0)?,
                source_id: r.get(1)?,
                source_title: r.get(2)?,
                title: r.get(3)?,
                url: r.get(4)?,
                summary: r.get(5)?,
                time: r.get(6)?,
                read: r.get(7)?,
                offline: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A headline's address and the text fetched ahead for it, if any.
    pub fn headline(&self, id: i64) -> Result<Option<(String, Option<Article>)>, StoreError> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT url, article_json FROM headlines WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map(|(url, json)| {
            let article = json.and_then(|j| serde_json::from_str::<Article>(&j).ok());
            (url, article)
        }))
    }

    /// Headlines whose text is not in the store yet, newest first: what a
    /// refresh fetches ahead so that Home works offline.
    pub fn headlines_without_text(&self, limit: usize) -> Result<Vec<(i64, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT h.id, h.url FROM headlines h
             WHERE h.article_json IS NULL
               AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.source = h.url)
             ORDER BY coalesce(h.published, h.first_seen) DESC, h.id LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Keeps the text fetched ahead for a headline.
    pub fn store_headline_text(&self, id: i64, article: &Article) -> Result<(), StoreError> {
        let json = serde_json::to_string(article).unwrap_or_default();
        self.conn.execute(
            "UPDATE headlines SET article_json = ?2 WHERE id = ?1",
            params![id, json],
        )?;
        Ok(())
    }
}

/// The code stored for a failed refresh; an id this build does not know
/// (written by a newer one) reads as a network failure.
fn code_from_id(id: &str) -> ErrorCode {
    ErrorCode::ALL
        .iter()
        .copied()
        .find(|c| c.id() == id)
        .unwrap_or(ErrorCode::Network)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader_article::{Block, Inline};

    fn headline(n: i64, published: Option<i64>) -> NewHeadline {
        NewHeadline {
            key: format!("k{n}"),
            url: format!("https://news.example/{n}.html"),
            title: format!("Headline {n}"),
            summary: String::new(),
            published,
        }
    }

    fn article(title: &str) -> Article {
        Article {
            title: title.into(),
            blocks: vec![Block::Paragraph {
                content: vec![Inline::Text {
                    text: "正文。".into(),
                }],
            }],
            ..Article::default()
        }
    }

    #[test]
    fn sources_keep_their_order_and_a_repeat_is_the_same_source() -> Result<(), StoreError> {
        let store = Store::in_memory()?;
        let (a, new_a) = store.add_source("https://a.example/rss", "A", None)?;
        let (b, _) = store.add_source("https://b.example/rss", "B", Some("https://b.example/"))?;
        let (again, new_again) = store.add_source("https://a.example/rss", "A renamed", None)?;
        assert!(new_a && !new_again);
        assert_eq!(again, a);
        let titles: Vec<_> = store.sources()?.into_iter().map(|s| s.title).collect();
        assert_eq!(titles, ["A renamed", "B"]);
        store.remove_source(b)?;
        assert!(matches!(
            store.remove_source(b),
            Err(StoreError::SourceUnknown(_))
        ));
        assert_eq!(store.sources()?.len(), 1);
        Ok(())
    }

    #[test]
    fn a_failed_refresh_keeps_the_headlines_and_says_why() -> Result<(), StoreError> {
        let store = Store::in_memory()?;
        let (id, _) = store.add_source("https://a.example/rss", "A", None)?;
        store.record_headlines(id, &[headline(1, Some(100)), headline(2, Some(200))])?;
        store.record_source_error(id, ErrorCode::Timeout)?;
        let source = &store.sources()?[0];
        assert_eq!(source.error, Some(ErrorCode::Timeout));
        assert_eq!(source.headlines, 2);
        let titles: Vec<_> = store.headlines(10)?.into_iter().map(|h| h.title).collect();
        assert_eq!(titles, ["Headline 2", "Headline 1"]);
        store.record_headlines(id, &[headline(3, Some(300))])?;
        assert_eq!(store.sources()?[0].error, None);
        assert_eq!(store.headlines(10)?.len(), 3);
        assert!(matches!(
            store.record_source_error(99, ErrorCode::Timeout),
            Err(StoreError::SourceUnknown(99))
        ));
        Ok(())
    }

    #[test]
    fn headlines_are_bounded_per_source_and_go_with_it() -> Result<(), StoreError> {
        let store = Store::in_memory()?;
        let (id, _) = store.add_source("https://a.example/rss", "A", None)?;
        let many: Vec<_> = (0..(HEADLINES_PER_SOURCE as i64 + 30))
            .map(|n| headline(n, Some(n)))
            .collect();
        store.record_headlines(id, &many)?;
        let kept = store.headlines(1000)?;
        assert_eq!(kept.len(), HEADLINES_PER_SOURCE);
        assert_eq!(kept.last().map(|h| h.time), Some(30), "the oldest went");
        store.remove_source(id)?;
        assert!(store.headlines(10)?.is_empty());
        Ok(())
    }

    #[test]
    fn text_fetched_ahead_makes_a_headline_offline_and_opening_marks_it_read()
    -> Result<(), StoreError> {
        let store = Store::in_memory()?;
        let (id, _) = store.add_source("https://a.example/rss", "A", None)?;
        store.record_headlines(id, &[headline(1, Some(10)), headline(2, Some(20))])?;
        let todo = store.headlines_without_text(10)?;
        assert_eq!(todo.len(), 2);
        let (first, _) = &todo[0];
        store.store_headline_text(*first, &article("Two"))?;
        let (url, text) = store.headline(*first)?.expect("headline");
        assert_eq!(url, "https://news.example/2.html");
        assert_eq!(text.map(|a| a.title).as_deref(), Some("Two"));
        assert_eq!(store.headlines_without_text(10)?.len(), 1);

        store.remember_article("https://news.example/1.html", &article("One"))?;
        let items = store.headlines(10)?;
        assert!(items.iter().all(|h| h.offline));
        assert_eq!(
            items.iter().map(|h| h.read).collect::<Vec<_>>(),
            [false, true]
        );
        assert!(store.headlines_without_text(10)?.is_empty());

        // The same entry at a new address loses the old address's text.
        let mut moved = headline(2, Some(20));
        moved.url = "https://news.example/2-corrected.html".into();
        store.record_headlines(id, &[moved])?;
        assert_eq!(store.headline(*first)?.and_then(|(_, a)| a), None);
        Ok(())
    }
}
