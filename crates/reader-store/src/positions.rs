//! Where the reader stopped: the block at the top of the view and how far
//! into it (not pixels, so it survives a change of text size), and the
//! sentence the narrator was on. One row per article, each save one small
//! transaction (the UI debounces; the store only has to be cheap).

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::library::{ITEM_COLUMNS, LibraryItem, item_from_row};
use crate::words::{parse_block_words, words_read};
use crate::{NOW, Store, StoreError};

/// Past this share of its words an article counts as finished, so Home no
/// longer offers to continue it: when the last line is on screen the top of
/// the view (what a place records) is still about a screen above the end.
const FINISHED_SHARE: f64 = 0.9;

/// A place as the UI reports it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    /// The block at the top of the reading area; `-1` is the title.
    pub block: i64,
    /// How far into that block, 0..1.
    pub offset: f32,
    /// The narrator's sentence, when the reader listened.
    pub sentence: Option<usize>,
}

/// A saved place and when it was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    pub block: i64,
    pub offset: f32,
    pub sentence: Option<usize>,
    /// UTC, `2026-11-26T16:00:00.123Z`: the newer of two wins on import.
    pub updated_at: String,
}

impl Place {
    /// Brought into range: a block below the title is the title, an offset
    /// outside 0..1 (or NaN) the nearest end.
    fn clamped(self) -> Place {
        Place {
            block: self.block.max(-1),
            offset: if self.offset.is_finite() {
                self.offset.clamp(0.0, 1.0)
            } else {
                0.0
            },
            sentence: self.sentence,
        }
    }
}

/// Writes a place with the given time (`None`: now) inside the caller's
/// transaction; `false` if the article is unknown. Shared by saving and
/// importing, so both compute words read and "finished" the same way.
pub(crate) fn write_position(
    conn: &Connection,
    article_id: i64,
    place: Place,
    updated_at: Option<&str>,
) -> rusqlite::Result<bool> {
    let place = place.clamped();
    let Some((words, blocks)) = conn
        .query_row(
            "SELECT words, block_words FROM articles WHERE id = ?1",
            params![article_id],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?
    else {
        return Ok(false);
    };
    let blocks = parse_block_words(&blocks);
    let read = words_read(&blocks, place.block, place.offset);
    let last_block = blocks.len() as i64 - 1;
    let finished = (words > 0 && read as f64 >= FINISHED_SHARE * words as f64)
        || (last_block >= 0 && place.block >= last_block);
    let sentence = place.sentence.and_then(|s| i64::try_from(s).ok());
    conn.execute(
        &format!(
            "INSERT INTO positions (article_id, block, offset, sentence, words_read, finished, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, {NOW}))
             ON CONFLICT (article_id) DO UPDATE SET block = excluded.block,
                 offset = excluded.offset, sentence = excluded.sentence,
                 words_read = excluded.words_read, finished = excluded.finished,
                 updated_at = excluded.updated_at"
        ),
        params![
            article_id,
            place.block,
            f64::from(place.offset),
            sentence,
            read as i64,
            finished,
            updated_at
        ],
    )?;
    Ok(true)
}

pub(crate) fn read_position(
    conn: &Connection,
    article_id: i64,
) -> rusqlite::Result<Option<Position>> {
    conn.query_row(
        "SELECT block, offset, sentence, updated_at FROM positions WHERE article_id = ?1",
        params![article_id],
        |r| {
            Ok(Position {
                block: r.get(0)?,
                offset: r.get::<_, f64>(1)? as f32,
                sentence: r
                    .get::<_, Option<i64>>(2)?
                    .and_then(|s| usize::try_from(s).ok()),
                updated_at: r.get(3)?,
            })
        },
    )
    .optional()
}

impl Store {
    /// Saves where the reader is in an article (one small transaction);
    /// returns the position as stored.
    pub fn save_position(&self, article_id: i64, place: Place) -> Result<Position, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        if !write_position(&tx, article_id, place, None)? {
            return Err(StoreError::NotRemembered(article_id));
        }
        let saved = read_position(&tx, article_id)?;
        tx.commit()?;
        saved.ok_or(StoreError::NotRemembered(article_id))
    }

    /// Where the reader stopped in an article, `None` if never saved.
    pub fn position(&self, article_id: i64) -> Result<Option<Position>, StoreError> {
        Ok(read_position(&self.conn, article_id)?)
    }

    /// The article read most recently and not finished (and not removed),
    /// for Home's "Continue reading: <title>".
    pub fn last_unfinished(&self) -> Result<Option<(LibraryItem, Position)>, StoreError> {
        let item = self
            .conn
            .query_row(
                &format!(
                    "SELECT {ITEM_COLUMNS} FROM positions p JOIN articles a ON a.id = p.article_id
                     WHERE NOT p.finished AND a.removed_at IS NULL
                     ORDER BY p.updated_at DESC, p.article_id DESC LIMIT 1"
                ),
                [],
                item_from_row,
            )
            .optional()?;
        let Some(item) = item else {
            return Ok(None);
        };
        Ok(read_position(&self.conn, item.id)?.map(|p| (item, p)))
    }
}
