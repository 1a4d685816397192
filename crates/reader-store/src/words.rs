//! How many words each block of an article holds: the library shows how
//! far the reader got in words, and a position (a block and how far into
//! it) becomes "words read" with these counts. Below both the schema (which
//! fills them in for articles stored before they existed) and the articles.

use reader_article::{Article, count_words};

/// Words in each block, in block order; a CJK character counts as a word,
/// as in [`Article::word_count`].
pub(crate) fn block_words(article: &Article) -> Vec<u32> {
    article
        .blocks
        .iter()
        .map(|block| {
            let (cjk, words) = count_words(&block.text_lines().join("\n"));
            u32::try_from(cjk + words).unwrap_or(u32::MAX)
        })
        .collect()
}

/// Words read when the top of the view is `offset` (0..1) into `block`
/// (`-1`: the title, nothing read yet).
pub(crate) fn words_read(block_words: &[u32], block: i64, offset: f32) -> u64 {
    let Ok(block) = usize::try_from(block) else {
        return 0;
    };
    let before: u64 = block_words.iter().take(block).map(|&w| u64::from(w)).sum();
    let within = block_words
        .get(block)
        .map(|&w| (f64::from(w) * f64::from(offset.clamp(0.0, 1.0))).round() as u64)
        .unwrap_or(0);
    before + within
}

/// The block counts as stored (a JSON array); a damaged column reads as
/// none, which only makes the progress show zero.
pub(crate) fn parse_block_words(json: &str) -> Vec<u32> {
    serde_json::from_str(json).unwrap_or_default()
}
