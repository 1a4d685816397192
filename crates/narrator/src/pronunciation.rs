//! The family's pronunciation dictionary (读音纠正): "word → how to say it",
//! per language, for the names, places and brands no voice gets right (a
//! family name 曾 said Zēng, a village, "Nguyen").
//!
//! Applied to every utterance just before it goes to the engine, for every
//! voice: the page and its highlight keep the word as written. A Chinese
//! word is matched anywhere in Chinese text (Chinese has no spaces); an
//! English word only as a whole word, in any case. Where entries overlap the
//! longest word wins. "How to say it" is best written in characters of the
//! same sound (曾 → 增), which every voice reads; a voice that reads pinyin
//! also takes tone-numbered pinyin (`zeng1`).
//!
//! The dictionary travels as a small text file ([`parse_file`],
//! [`to_file`]): a first line naming the format, then one entry a line,
//! `LANGUAGE<TAB>WORD<TAB>SAY`. A file that is damaged in any way is refused
//! whole, so an import never leaves half a dictionary.

use std::borrow::Cow;

use reader_errors::{Coded, ErrorCode};

use crate::text::Lang;

/// The first line of a pronunciation file (format and its version).
pub const FILE_HEADER: &str = "# care-reader pronunciations 1";
/// Largest file taken (bytes): thousands of entries, far more than a family
/// writes, and small enough to read whole.
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// Most entries a dictionary holds.
pub const MAX_ENTRIES: usize = 5000;
/// Longest word or "how to say it" (characters).
pub const MAX_TEXT_CHARS: usize = 100;

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pronunciation {
    pub lang: Lang,
    /// The word as it is written on pages.
    pub word: String,
    /// How the voice should say it.
    pub say: String,
}

/// Why an entry or a file is refused. Each has a localised message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PronunciationError {
    /// An entry with an empty or over-long word or reading, or one with a
    /// tab or line break inside.
    #[error("not a usable entry: {0}")]
    BadEntry(String),
    /// A file that is not a pronunciation file of ours or is damaged (line
    /// `line`, 1-based; 0 for the file as a whole).
    #[error("not a readable pronunciation file (line {line}): {why}")]
    BadFile { line: usize, why: String },
}

impl Coded for PronunciationError {
    fn code(&self) -> ErrorCode {
        match self {
            PronunciationError::BadEntry(_) => ErrorCode::PronunciationInvalid,
            PronunciationError::BadFile { .. } => ErrorCode::PronunciationFileUnreadable,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            PronunciationError::BadFile { line, .. } => vec![("line", line.to_string())],
            PronunciationError::BadEntry(_) => Vec::new(),
        }
    }
}

/// Checks one entry and returns it tidied (spaces trimmed).
pub fn checked(entry: Pronunciation) -> Result<Pronunciation, PronunciationError> {
    let word = entry.word.trim().to_owned();
    let say = entry.say.trim().to_owned();
    for (what, text) in [("word", &word), ("reading", &say)] {
        if text.is_empty() {
            return Err(PronunciationError::BadEntry(format!("empty {what}")));
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(PronunciationError::BadEntry(format!("{what} too long")));
        }
        if text.chars().any(char::is_control) {
            return Err(PronunciationError::BadEntry(format!(
                "control character in the {what}"
            )));
        }
    }
    Ok(Pronunciation {
        lang: entry.lang,
        word,
        say,
    })
}

/// The dictionary the narrator applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pronunciations {
    /// Longest word first, so the longest match wins.
    entries: Vec<Pronunciation>,
}

impl Pronunciations {
    pub fn new(entries: impl IntoIterator<Item = Pronunciation>) -> Self {
        let mut entries: Vec<Pronunciation> =
            entries.into_iter().filter(|e| !e.word.is_empty()).collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.word.chars().count()));
        Pronunciations { entries }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `text` (in `lang`) with every word of the dictionary replaced by how
    /// to say it.
    ///
    /// ```
    /// use narrator::pronunciation::{Pronunciation, Pronunciations};
    /// use narrator::text::Lang;
    /// let said = Pronunciations::new([Pronunciation {
    ///     lang: Lang::Zh,
    ///     word: "曾阿姨".into(),
    ///     say: "增阿姨".into(),
    /// }]);
    /// assert_eq!(said.apply(Lang::Zh, "曾阿姨曾经来过"), "增阿姨曾经来过");
    /// ```
    pub fn apply<'a>(&self, lang: Lang, text: &'a str) -> Cow<'a, str> {
        let entries: Vec<&Pronunciation> = self
            .entries
            .iter()
            .filter(|e| e.lang == lang && contains(lang, text, &e.word))
            .collect();
        if entries.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        'scan: while i < text.len() {
            for e in &entries {
                if let Some(len) = match_at(lang, text, i, &e.word) {
                    out.push_str(&e.say);
                    i += len;
                    continue 'scan;
                }
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
        Cow::Owned(out)
    }
}

/// Whether `word` may match somewhere in `text` (a quick filter).
fn contains(lang: Lang, text: &str, word: &str) -> bool {
    match lang {
        Lang::Zh => text.contains(word),
        Lang::En => text.to_lowercase().contains(&word.to_lowercase()),
    }
}

/// The length in bytes of `word` matched at byte `i` of `text`: anywhere
/// for Chinese, a whole word in any case for English.
fn match_at(lang: Lang, text: &str, i: usize, word: &str) -> Option<usize> {
    let rest = &text[i..];
    match lang {
        Lang::Zh => rest.starts_with(word).then_some(word.len()),
        Lang::En => {
            let mut end = 0;
            let mut wanted = word.chars();
            for (b, c) in rest.char_indices() {
                match wanted.next() {
                    Some(w) if w.to_lowercase().eq(c.to_lowercase()) => end = b + c.len_utf8(),
                    Some(_) => return None,
                    None => break,
                }
            }
            if wanted.next().is_some() {
                return None;
            }
            let before = text[..i].chars().next_back();
            let after = rest[end..].chars().next();
            let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            (!glued(before) && !glued(after)).then_some(end)
        }
    }
}

/// The language's name in the file (`zh`, `en`).
fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// The dictionary as a file ([`parse_file`] reads it back).
pub fn to_file(entries: &[Pronunciation]) -> String {
    let mut out = String::from(FILE_HEADER);
    out.push('\n');
    for e in entries {
        out.push_str(lang_code(e.lang));
        out.push('\t');
        out.push_str(&e.word);
        out.push('\t');
        out.push_str(&e.say);
        out.push('\n');
    }
    out
}

/// Reads a pronunciation file. Refused whole when it is not UTF-8, too
/// large, lacks the header, or has any line that is not a usable entry
/// (blank lines and `#` comments are fine). A word given twice keeps the
/// later reading.
pub fn parse_file(bytes: &[u8]) -> Result<Vec<Pronunciation>, PronunciationError> {
    let bad = |line: usize, why: &str| PronunciationError::BadFile {
        line,
        why: why.to_owned(),
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(bad(0, "too large"));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| bad(0, "not UTF-8 text"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some(FILE_HEADER) {
        return Err(bad(1, "not a pronunciation file"));
    }
    let mut entries: Vec<Pronunciation> = Vec::new();
    for (n, line) in lines.enumerate() {
        let number = n + 2;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(lang), Some(word), Some(say), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(bad(number, "not LANGUAGE<TAB>WORD<TAB>SAY"));
        };
        let lang = match lang.trim() {
            "zh" => Lang::Zh,
            "en" => Lang::En,
            _ => return Err(bad(number, "unknown language")),
        };
        let entry = checked(Pronunciation {
            lang,
            word: word.into(),
            say: say.into(),
        })
        .map_err(|e| bad(number, &e.to_string()))?;
        entries.retain(|e| !(e.lang == entry.lang && e.word == entry.word));
        entries.push(entry);
        if entries.len() > MAX_ENTRIES {
            return Err(bad(number, "too many entries"));
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(lang: Lang, word: &str, say: &str) -> Pronunciation {
        Pronunciation {
            lang,
            word: word.into(),
            say: say.into(),
        }
    }

    #[test]
    fn longest_word_wins_and_english_matches_whole_words() {
        let said = Pronunciations::new([
            entry(Lang::Zh, "曾", "增"),
            entry(Lang::Zh, "曾经", "曾经"),
            entry(Lang::En, "Nguyen", "Win"),
        ]);
        assert_eq!(said.apply(Lang::Zh, "曾先生曾经说"), "增先生曾经说");
        assert_eq!(
            said.apply(Lang::En, "Mr NGUYEN met Nguyens."),
            "Mr Win met Nguyens."
        );
        // Entries of one language leave the other alone.
        assert_eq!(said.apply(Lang::En, "曾"), "曾");
    }

    #[test]
    fn a_file_round_trips_and_a_damaged_one_is_refused() {
        let entries = vec![
            entry(Lang::Zh, "曾阿姨", "增阿姨"),
            entry(Lang::En, "Nguyen", "Win"),
        ];
        assert_eq!(parse_file(to_file(&entries).as_bytes()), Ok(entries));
        for damaged in [
            &b"zh\t\xe6\x9b\xbe\t\xe5\xa2\x9e\n"[..],
            b"# care-reader pronunciations 1\nzh\tonly two\n",
            b"# care-reader pronunciations 1\nfr\tmot\tmo\n",
            b"# care-reader pronunciations 1\nzh\t\t\xe5\xa2\x9e\n",
            b"# care-reader pronunciations 1\nzh\t\xff\xfe\tx\n",
        ] {
            assert!(
                matches!(parse_file(damaged), Err(PronunciationError::BadFile { .. })),
                "{:?}",
                String::from_utf8_lossy(damaged)
            );
        }
    }
}
