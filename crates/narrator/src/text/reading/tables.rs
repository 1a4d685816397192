//! The reading tables: how words and characters are said, in tone-numbered
//! pinyin (`hang2`, `de5` for the neutral tone, `v` for ü).
//!
//! Three tables, tried in this order:
//! - our own news words (`data/readings-news.txt`): readings the tables below
//!   get wrong for news (朝阳区 is cháo yáng, 增长 zēng zhǎng) or lack;
//! - pypinyin's phrase table (`data/pypinyin/phrases.txt`, MIT): ~47 000
//!   words whose reading differs from their characters' usual ones;
//! - pypinyin's character table (`data/pypinyin/chars.txt`): each character's
//!   most frequent reading, the fallback.
//!
//! The tables are compiled in (the narrator works offline) and parsed once,
//! the first time a reading is needed, or earlier by [`preload`] so that no
//! Listen waits for it.

use std::collections::HashMap;
use std::sync::OnceLock;

const NEWS_WORDS: &str = include_str!("../../../data/readings-news.txt");
const PHRASES: &str = include_str!("../../../data/pypinyin/phrases.txt");
const CHARS: &str = include_str!("../../../data/pypinyin/chars.txt");

/// The parsed tables.
pub(crate) struct Tables {
    /// Word → its syllables separated by single spaces (one per character).
    words: HashMap<&'static str, &'static str>,
    chars: HashMap<char, &'static str>,
    /// Characters in the longest word, so a lookup never tries longer.
    pub(crate) longest_word: usize,
}

impl Tables {
    /// The syllables of `word` (space-separated), when a table has the word.
    pub(crate) fn word(&self, word: &str) -> Option<&'static str> {
        self.words.get(word).copied()
    }

    /// The usual reading of `c`, when the table has the character.
    pub(crate) fn char(&self, c: char) -> Option<&'static str> {
        self.chars.get(&c).copied()
    }
}

/// `WORD<TAB>syllables` lines; comments (`#`) and malformed lines (a count
/// of syllables that is not the count of characters) are skipped, so a
/// reading never shifts onto the wrong character.
fn entries(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.lines().filter_map(|line| {
        if line.starts_with('#') {
            return None;
        }
        let (word, syllables) = line.split_once('\t')?;
        let syllables = syllables.trim();
        (syllables.split(' ').count() == word.chars().count()).then_some((word, syllables))
    })
}

fn build() -> Tables {
    let mut words = HashMap::with_capacity(48_000);
    // Ours last, so they win.
    for (word, syllables) in entries(PHRASES).chain(entries(NEWS_WORDS)) {
        words.insert(word, syllables);
    }
    let mut chars = HashMap::with_capacity(42_000);
    for (word, syllable) in entries(CHARS) {
        let mut it = word.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            chars.insert(c, syllable);
        }
    }
    let longest_word = words.keys().map(|w| w.chars().count()).max().unwrap_or(1);
    Tables {
        words,
        chars,
        longest_word,
    }
}

/// The tables, parsed the first time.
pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_words_win_and_every_entry_has_a_syllable_per_character() {
        let t = tables();
        assert_eq!(
            t.word("朝阳"),
            Some("chao2 yang2"),
            "ours over pypinyin's zhao1"
        );
        assert_eq!(t.word("银行"), Some("yin2 hang2"));
        assert_eq!(t.char('行'), Some("xing2"));
        assert!(t.longest_word >= 4);
        for (word, syllables) in entries(NEWS_WORDS) {
            for s in syllables.split(' ') {
                assert!(
                    s.ends_with(['1', '2', '3', '4', '5']) && s.len() >= 2,
                    "{word}: {s}"
                );
            }
        }
    }
}
