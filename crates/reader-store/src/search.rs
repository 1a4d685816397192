//! Finding kept articles again by words from their title or body, in
//! Chinese as in English.
//!
//! The index is SQLite FTS5 with the `trigram` tokenizer: it needs no word
//! segmentation (Chinese has no spaces, and a segmenter's dictionary would
//! miss names and new words), finds any substring of three or more
//! characters, and folds case for English.
//!
//! Trigrams cannot find a shorter term, and two characters is a common
//! Chinese word (银杏, 老人). For a term of one or two characters the query
//! falls back to `LIKE '%term%'` over the same FTS table's stored text, a
//! scan. We chose that over also indexing character bigrams because the
//! library is what one person kept — hundreds, a few thousand articles —
//! and scanning their text takes milliseconds (1 000 kept articles of
//! about 1 500 characters: 3 ms for a two-character word in a debug build,
//! `tests/search_scale.rs`), while a bigram index would roughly double the store and every
//! keep's write for a query SQLite already answers correctly. A query mixing
//! long and short terms uses the index for the long ones and checks the
//! short ones on those rows only; every term must match.
//!
//! Matches are returned as [`Segment`]s of plain text, marked or not, so
//! the UI builds its `<mark>`s with DOM calls and never injects HTML.

use rusqlite::{Connection, params, params_from_iter};
use serde::Serialize;

use reader_article::Article;

use crate::library::{ITEM_COLUMNS, LibraryItem, item_from_row};
use crate::{Store, StoreError};

/// The trigram tokenizer's shortest searchable term, in characters.
const TRIGRAM: usize = 3;
/// At most this many terms of a query are used (the rest are ignored): a
/// pasted paragraph should not turn into a query SQLite must plan for long.
const MAX_TERMS: usize = 8;
/// A term longer than this is cut: no article text is found by more.
const MAX_TERM_CHARS: usize = 64;
/// The snippet: this many characters of context before the first match,
/// and this many characters in all (two lines of a card at large text).
const SNIPPET_BEFORE: usize = 30;
const SNIPPET_CHARS: usize = 120;

/// A run of text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// One found article: its card, its title in segments and a bit of its
/// body around the first match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub item: LibraryItem,
    pub title_marked: Vec<Segment>,
    pub snippet_marked: Vec<Segment>,
}

/// (Re)writes an article's searchable text, inside the caller's transaction.
pub(crate) fn index(conn: &Connection, id: i64, article: &Article) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM search WHERE rowid = ?1", params![id])?;
    conn.execute(
        "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)",
        params![id, article.title, article.body_text()],
    )?;
    Ok(())
}

/// The query's terms: split at white space, duplicates dropped, cut to
/// [`MAX_TERMS`] of at most [`MAX_TERM_CHARS`].
fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in query.split_whitespace() {
        let word: String = word.chars().take(MAX_TERM_CHARS).collect();
        if !out.iter().any(|t| fold(t) == fold(&word)) {
            out.push(word);
        }
        if out.len() == MAX_TERMS {
            break;
        }
    }
    out
}

/// An FTS5 phrase: the term in double quotes, its own quotes doubled, so
/// nothing in it is read as query syntax.
fn phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// A `LIKE … ESCAPE '\'` pattern finding the term anywhere.
fn like_anywhere(term: &str) -> String {
    let mut p = String::from("%");
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Case folded one character for one, so positions in the folded text are
/// positions in the original.
fn fold(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// Character ranges of every match of any term, sorted and merged.
fn match_ranges(text: &[char], terms: &[Vec<char>]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for term in terms.iter().filter(|t| !t.is_empty()) {
        let mut i = 0;
        while i + term.len() <= text.len() {
            if text[i..i + term.len()] == term[..] {
                ranges.push((i, i + term.len()));
                i += term.len();
            } else {
                i += 1;
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// `chars[from..to]` in segments, the matches marked.
fn segments(chars: &[char], ranges: &[(usize, usize)], from: usize, to: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = from;
    let mut push = |s: usize, e: usize, mark: bool| {
        if s < e {
            out.push(Segment {
                text: chars[s..e].iter().collect(),
                mark,
            });
        }
    };
    for &(s, e) in ranges {
        let (s, e) = (s.max(from), e.min(to));
        if s >= e {
            continue;
        }
        push(at, s, false);
        push(s, e, true);
        at = e;
    }
    push(at, to, false);
    out
}

/// The whole of `text` in segments.
pub(crate) fn mark(text: &str, terms: &[Vec<char>]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let ranges = match_ranges(&fold(text), terms);
    segments(&chars, &ranges, 0, chars.len())
}

/// A window of the body around its first match (its start if the match was
/// in the title only), on one line, with "…" where it was cut.
pub(crate) fn snippet(body: &str, terms: &[Vec<char>]) -> Vec<Segment> {
    let chars: Vec<char> = body
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let ranges = match_ranges(&fold(body), terms);
    let first = ranges.first().map_or(0, |r| r.0);
    let start = first.saturating_sub(SNIPPET_BEFORE);
    let end = (start + SNIPPET_CHARS).min(chars.len());
    let mut out = Vec::new();
    if start > 0 {
        out.push(Segment {
            text: "…".into(),
            mark: false,
        });
    }
    out.extend(segments(&chars, &ranges, start, end));
    if end < chars.len() {
        out.push(Segment {
            text: "…".into(),
            mark: false,
        });
    }
    // Adjacent unmarked runs read as one.
    let mut merged: Vec<Segment> = Vec::new();
    for s in out {
        match merged.last_mut() {
            Some(last) if !last.mark && !s.mark => last.text.push_str(&s.text),
            _ => merged.push(s),
        }
    }
    merged
}

impl Store {
    /// Kept articles whose title or body holds every term of `query`
    /// (white-space separated, case folded), those with a match in the
    /// title first, then newest kept first. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let terms = terms(query);
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let (long, short): (Vec<&String>, Vec<&String>) =
            terms.iter().partition(|t| t.chars().count() >= TRIGRAM);
        let mut sql = format!(
            "SELECT {ITEM_COLUMNS}, search.body FROM search
             JOIN articles a ON a.id = search.rowid
             LEFT JOIN positions p ON p.article_id = a.id
             WHERE a.saved_at IS NOT NULL AND a.removed_at IS NULL"
        );
        let mut args: Vec<String> = Vec::new();
        if !long.is_empty() {
            args.push(long.iter().map(|t| phrase(t)).collect::<Vec<_>>().join(" "));
            sql.push_str(&format!(" AND search MATCH ?{}", args.len()));
        }
        for term in &short {
            args.push(like_anywhere(term));
            let n = args.len();
            sql.push_str(&format!(
                " AND (search.title LIKE ?{n} ESCAPE '\\' OR search.body LIKE ?{n} ESCAPE '\\')"
            ));
        }
        args.push(like_anywhere(&terms[0]));
        sql.push_str(&format!(
            " ORDER BY search.title LIKE ?{} ESCAPE '\\' DESC, a.saved_at DESC, a.id DESC LIMIT {}",
            args.len(),
            limit.min(i64::MAX as usize)
        ));
        let folded: Vec<Vec<char>> = terms.iter().map(|t| fold(t)).collect();
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            let item = item_from_row(r)?;
            let body: String = r.get(7)?;
            Ok((item, body))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (item, body) = row?;
            hits.push(SearchHit {
                title_marked: mark(&item.title, &folded),
                snippet_marked: snippet(&body, &folded),
                item,
            });
        }
        Ok(hits)
    }
}
