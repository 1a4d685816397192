//! Sentence segmentation for Chinese, English and mixed text.
//!
//! The narrator speaks one sentence at a time and highlights it, so the
//! sentences must tile the text exactly: every character belongs to exactly
//! one sentence, the whitespace after a sentence included, and nothing is lost
//! between the highlight and the page.
//!
//! The rules, in the order they are checked at a terminator:
//! - Chinese terminators (`。！？；…` and full-width `！？`) end a sentence
//!   without needing a space after them;
//! - `.` and `．` end a sentence only when followed by whitespace (or the end,
//!   or a Han character) and the next word is not lowercase, and the word
//!   before is not an abbreviation (`Mr.`, `U.S.`, `e.g.`, `J.`) — except
//!   before a word that begins sentences (`in the U.S. The …`) — nor a list
//!   number at the start of a line (`1.`, `2.1.`); so decimals (`11.5`),
//!   versions (`1.5.3`), domains (`www.gov.cn`) and e-mail addresses never
//!   split, because their dot is followed directly by a letter or digit;
//! - ASCII `!` and `?` followed directly by a letter or digit do not end a
//!   sentence (`?a=1` in a URL, `Yahoo!Japan`);
//! - an ellipsis (`...`, `…`, `……`) followed by a lowercase word continues
//!   the sentence;
//! - runs of terminators (`?!`, `……`) stay together, closing quotes and
//!   brackets after them stay with their sentence (`。”`, `."`, `?)`);
//! - a line break always ends a sentence (paragraphs carry hard `<br>` breaks);
//! - an over-long sentence is cut (see [`MAX_UNITS`]).

use std::ops::Range;

/// Longest utterance, in "speaking units": a wide (CJK) character counts
/// [`WIDE_UNITS`], whitespace nothing, anything else one. 240 units is 120 Han characters
/// (about 30 s at a calm 4 syllables per second) or 240 Latin characters
/// (about 40 words, 15–20 s). Longer sentences are cut so that one utterance
/// never runs for minutes: a listener who pauses, or the highlight, must never
/// wait that long, and engines handle short utterances better.
pub const MAX_UNITS: usize = 240;

/// Units of a wide (CJK, full-width) character: a Han character is a syllable,
/// about as long to say as two Latin letters.
pub const WIDE_UNITS: usize = 2;

/// Abbreviations whose period does not end a sentence (compared without case).
/// Titles, months, company suffixes and common Latin abbreviations. Before a
/// word that begins sentences ("in the U.S. The next …", "Apple Inc. It
/// …") the period ends the sentence after all, unless it follows a title.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "mt", "ft", "gen", "gov", "sen", "rep",
    "rev", "capt", "col", "lt", "sgt", "cmdr", "adm", "pres", "hon", "etc", "vs", "inc", "ltd",
    "co", "corp", "bros", "dept", "univ", "approx", "est", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "al", "cf", "ave", "blvd", "rd", "ed", "eds", "trans", "repr",
];

/// Abbreviations that always sit before a name ("Dr. Who", "Gen. Lee"):
/// their period never ends a sentence, whatever word follows.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "mt", "ft", "gen", "gov", "sen", "rep",
    "rev", "capt", "col", "lt", "sgt", "cmdr", "adm", "pres", "hon",
];

/// Words that begin sentences and hardly ever follow an abbreviation inside
/// one: after "in the U.S." or "Apple Inc." they mean the sentence ended.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "So",
    "Yet",
    "Our",
    "His",
    "Her",
    "Their",
    "There",
    "Then",
    "Now",
    "However",
    "Meanwhile",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "What",
    "Why",
    "How",
    "Who",
    "Many",
    "Some",
    "Most",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "For",
    "Officials",
    "Both",
    "Such",
];

/// Abbreviations that only count as such before a number (`No. 5`,
/// `p. 33`), because they are ordinary words otherwise ("I said no.").
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "p", "pp", "vol", "fig", "art", "ch", "sec"];

/// Splits `text` into sentences: byte ranges that tile `text` exactly (in order,
/// no gaps, no overlaps, together covering `0..text.len()`); empty text gives none.
///
/// The whitespace after a sentence belongs to it; whitespace at the start of
/// the text belongs to the first sentence, so no range is ever empty and a
/// whitespace-only text is one range.
///
/// ```
/// use narrator::text::sentences;
/// let text = "他说：“好。”Mr. Smith paid 11.5 dollars. Done!";
/// let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(parts, ["他说：“好。”", "Mr. Smith paid 11.5 dollars. ", "Done!"]);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    if text.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |ci: usize| chars.get(ci).map_or(text.len(), |&(b, _)| b);
    let mut natural: Vec<Range<usize>> = Vec::new();
    let n = chars.len();
    let mut start = 0;
    let mut i = 0;
    // Whether the current sentence has anything but whitespace yet.
    let mut has_text = false;
    while i < n {
        let c = ch(&chars, i);
        has_text |= !c.is_whitespace();
        let end = if is_newline(c) {
            // A line break ends the sentence, unless nothing but whitespace came
            // before it (leading blank lines join the next sentence).
            if !has_text {
                i += 1;
                continue;
            }
            Some(i + 1)
        } else if is_terminator(c) {
            let (run_end, ends) = scan_terminator(&chars, start, i);
            if ends {
                Some(run_end)
            } else {
                i = run_end;
                continue;
            }
        } else {
            None
        };
        match end {
            Some(mut e) => {
                while e < n && ch(&chars, e).is_whitespace() {
                    e += 1;
                }
                natural.push(start..e);
                start = e;
                i = e;
                has_text = false;
            }
            None => i += 1,
        }
    }
    if start < n {
        natural.push(start..n);
    }
    let mut out = Vec::with_capacity(natural.len());
    for r in natural {
        for piece in split_long(&chars, r) {
            out.push(byte(piece.start)..byte(piece.end));
        }
    }
    out
}

/// The character at char index `i` (NUL past the end, which no rule matches).
fn ch(chars: &[(usize, char)], i: usize) -> char {
    chars.get(i).map_or('\0', |&(_, c)| c)
}

fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '…' | '.' | '!' | '?' | '．' | '｡'
    )
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '」' | '』' | '）' | ')' | '】' | '》' | ']' | '〕' | '〉' | '»'
    )
}

/// Han ideographs, kana, hangul and CJK punctuation: text a Chinese voice
/// reads without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'     // radicals
        | '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}'   // kana
        | '\u{3100}'..='\u{312F}'   // bopomofo
        | '\u{3400}'..='\u{4DBF}'   // extension A
        | '\u{4E00}'..='\u{9FFF}'   // unified ideographs
        | '\u{AC00}'..='\u{D7AF}'   // hangul
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{20000}'..='\u{3134F}' // extensions B–G
    )
}

/// Characters that take two units of speaking time (see [`WIDE_UNITS`]).
fn is_wide(c: char) -> bool {
    is_cjk(c) || matches!(c, '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// Combining marks and joiners that must not be cut from their base character.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}' | '\u{200D}'
        | '\u{E0100}'..='\u{E01EF}'
        | '\u{1F3FB}'..='\u{1F3FF}'
    )
}

/// Looks at the terminator run starting at char `i` (terminators and the
/// closing quotes after them) in the sentence that started at `start`.
/// Returns the end of the run and whether the sentence ends there.
fn scan_terminator(chars: &[(usize, char)], start: usize, i: usize) -> (usize, bool) {
    let n = chars.len();
    let mut j = i;
    let mut has_strong = false;
    let mut has_ellipsis = false;
    let mut has_ascii_strong = false;
    let mut dots = 0usize;
    let mut closers = 0usize;
    loop {
        let run_start = j;
        while j < n && is_terminator(ch(chars, j)) {
            match ch(chars, j) {
                '.' | '．' | '｡' => dots += 1,
                '…' => has_ellipsis = true,
                '!' | '?' => has_ascii_strong = true,
                _ => has_strong = true,
            }
            j += 1;
        }
        while j < n && is_closer(ch(chars, j)) {
            closers += 1;
            j += 1;
        }
        if j == run_start {
            break;
        }
    }
    let direct = ch(chars, j); // the character right after the run ('\0' at the end)
    let mut v = j;
    while v < n && ch(chars, v).is_whitespace() {
        v += 1;
    }
    let next_visible = if v < n { Some(ch(chars, v)) } else { None };
    let next_lower = next_visible.is_some_and(char::is_lowercase);
    let at_end = j >= n;

    if has_strong {
        return (j, true);
    }
    if has_ascii_strong {
        // `?a=1`, `Yahoo!Japan`: a letter or digit right after is not a new sentence.
        let glued = closers == 0 && !at_end && direct.is_alphanumeric() && !is_cjk(direct);
        // "\"Why?\" she asked.": a lowercase word after a question or
        // exclamation continues the sentence.
        return (j, !(glued || next_lower));
    }
    if has_ellipsis {
        // "……" ends a Chinese sentence (even before a digit: "开工……2024年"),
        // but "he paused… and went on" continues.
        return (j, !next_lower);
    }
    if dots >= 2 {
        // "wait... and then", "wait...what": an ellipsis inside a sentence.
        let glued = closers == 0 && !at_end && direct.is_alphanumeric() && !is_cjk(direct);
        return (j, !(glued || next_lower));
    }
    // A single period (perhaps with closing quotes).
    if at_end {
        return (j, true);
    }
    if closers == 0 && !direct.is_whitespace() {
        if is_cjk(direct) {
            // "完成了.他们" (a half-width period in Chinese), but "1.电子商务" is a
            // list number.
            return (j, !is_list_number(chars, start, i));
        }
        // 11.5, www.gov.cn, a@b.com, 1.5.3, U.S, ".," — not an end.
        return (j, false);
    }
    if next_lower {
        return (j, false);
    }
    let next_digit = next_visible.is_some_and(|c| c.is_ascii_digit());
    let next_word: String = (v..n)
        .map(|k| ch(chars, k))
        .take_while(|c| c.is_alphabetic())
        .collect();
    // "(ed.) (2009)": an abbreviation inside brackets still does not end;
    // "in the U.S. The next" does.
    let starts_sentence = SENTENCE_STARTERS.contains(&next_word.as_str());
    let abbreviation = is_abbreviation(chars, start, i, next_digit)
        && (!starts_sentence || is_title(chars, start, i));
    (
        j,
        !(abbreviation || (closers == 0 && is_list_number(chars, start, i))),
    )
}

/// Whether the sentence so far (before the period at `dot`) is only a list
/// number such as `1` or `2.1`.
fn is_list_number(chars: &[(usize, char)], start: usize, dot: usize) -> bool {
    // Stops at the first character that cannot be part of one, so a long
    // sentence full of periods stays linear.
    let mut seen = 0;
    for k in start..dot {
        let c = ch(chars, k);
        if c.is_whitespace() {
            continue;
        }
        let ok = if seen == 0 {
            c.is_ascii_digit()
        } else {
            c.is_ascii_digit() || c == '.'
        };
        seen += 1;
        if !ok || seen > 8 {
            return false;
        }
    }
    seen > 0
}

/// Whether the word before the period at `dot` is an abbreviation.
fn is_abbreviation(chars: &[(usize, char)], start: usize, dot: usize, next_digit: bool) -> bool {
    let mut k = dot;
    while k > start {
        let c = ch(chars, k - 1);
        if c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\'' | '“' | '‘' | '（' | '「')
        {
            break;
        }
        k -= 1;
    }
    let word: String = (k..dot).map(|x| ch(chars, x)).collect();
    if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // "J. K. Rowling": a single capital initial.
    if letters == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    // U.S, U.K, e.g, i.e, a.m, p.m, Ph.D: short pieces joined by dots.
    if word.contains('.') {
        return word
            .split('.')
            .all(|part| !part.is_empty() && part.chars().count() <= 2);
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (next_digit && NUMBER_ABBREVIATIONS.contains(&lower.as_str()))
}

/// Whether the word before the period at `dot` is a title or a single
/// initial ("Dr.", "J."), which a name always follows.
fn is_title(chars: &[(usize, char)], start: usize, dot: usize) -> bool {
    let mut k = dot;
    while k > start && ch(chars, k - 1).is_alphabetic() {
        k -= 1;
    }
    let word: String = (k..dot).map(|x| ch(chars, x)).collect();
    let initial = word.chars().count() == 1 && (k == start || ch(chars, k - 1) != '.');
    initial || TITLES.contains(&word.to_lowercase().as_str())
}

/// Comma-like marks where a long sentence may be cut. ASCII `,` and `:`
/// between digits (1,234 and 12:30) are not.
fn is_comma_at(chars: &[(usize, char)], k: usize) -> bool {
    match ch(chars, k) {
        '，' | '、' | '；' | '：' | ';' => true,
        ',' | ':' => {
            let around_digits =
                k > 0 && ch(chars, k - 1).is_ascii_digit() && ch(chars, k + 1).is_ascii_digit();
            !around_digits
        }
        _ => false,
    }
}

/// Speaking time of a character; whitespace is a pause, not speech.
fn units(c: char) -> usize {
    if is_wide(c) {
        WIDE_UNITS
    } else if c.is_whitespace() {
        0
    } else {
        1
    }
}

/// Cuts the sentence `r` (char indices) into pieces of at most [`MAX_UNITS`]:
/// at the latest comma-like mark in the second half of the allowed length,
/// else the latest space there, else the latest comma or space at all, else
/// hard at the limit (never inside a character or before a combining mark).
fn split_long(chars: &[(usize, char)], r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut a = r.start;
    let b = r.end;
    while a < b {
        // `cap`: the first char that no longer fits.
        let mut total = 0;
        let mut cap = b;
        for k in a..b {
            total += units(ch(chars, k));
            if total > MAX_UNITS {
                cap = k;
                break;
            }
        }
        if cap >= b {
            out.push(a..b);
            break;
        }
        let half = a + (cap - a) / 2;
        let last_comma = (a..cap).rev().find(|&k| is_comma_at(chars, k));
        let last_space = (a + 1..cap)
            .rev()
            .find(|&k| ch(chars, k).is_whitespace() && !ch(chars, k - 1).is_whitespace());
        let cut = match (last_comma, last_space) {
            (Some(k), _) if k >= half => k + 1,
            (_, Some(k)) if k >= half => k,
            (Some(k), _) => k + 1,
            (_, Some(k)) => k,
            _ => {
                let mut c = cap;
                while c > a + 1 && is_mark(ch(chars, c)) {
                    c -= 1;
                }
                c
            }
        };
        let mut cut = cut.clamp(a + 1, b);
        while cut < b && (is_closer(ch(chars, cut)) || ch(chars, cut).is_whitespace()) {
            // Keep a closing quote after the comma and the spaces with this piece.
            if is_closer(ch(chars, cut)) && cut > a && !is_comma_at(chars, cut - 1) {
                break;
            }
            cut += 1;
        }
        out.push(a..cut);
        a = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|r| text.get(r).unwrap_or("<bad range>"))
            .collect()
    }

    #[test]
    fn chinese_and_english() {
        assert_eq!(split("你好。我好！"), ["你好。", "我好！"]);
        assert_eq!(split("Hi there. Bye."), ["Hi there. ", "Bye."]);
        assert_eq!(split("Dr. Who is 3.14 m."), ["Dr. Who is 3.14 m."]);
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_sentence_starter() {
        assert_eq!(
            split("He lives in the U.S. The next day he left."),
            ["He lives in the U.S. ", "The next day he left."]
        );
        assert_eq!(split("Apple Inc. It grew."), ["Apple Inc. ", "It grew."]);
        // Titles and initials are always followed by a name.
        assert_eq!(split("Dr. The Great spoke."), ["Dr. The Great spoke."]);
        assert_eq!(split("J. K. Rowling wrote."), ["J. K. Rowling wrote."]);
        assert_eq!(split("The U.S. Army left."), ["The U.S. Army left."]);
    }

    #[test]
    fn long_sentence_is_cut() {
        let text = "这是一个很长的句子，".repeat(40);
        for piece in split(&text) {
            assert!(piece.chars().map(units).sum::<usize>() <= MAX_UNITS);
        }
    }
}
