//! Language runs: which voice says which part of a sentence.
//!
//! Chinese news is full of English names ("iPhone", "GPT-4o") and English
//! pages quote Chinese; a Mandarin voice mangles English words and an English
//! voice skips Han characters, so a sentence is cut into runs of one language.
//!
//! Rules:
//! - Han characters are Chinese; Latin letters (ASCII, accented, full-width)
//!   are English. Everything else is neutral: digits, spaces, punctuation
//!   (ASCII and CJK), symbols, emoji, kana, other scripts.
//! - Short all-capital Latin words of one to three letters (`A股`, `5G`,
//!   `B超`, `AI`, `CEO`, `CNN`) next to Chinese are Chinese: a Mandarin voice
//!   spells them as letters the way a Chinese newsreader does, and switching
//!   voices for two letters sounds choppy. "Next to Chinese" means the nearest
//!   other letter before or after them is Han. Between English words they
//!   stay English ("Apple CEO Tim Cook").
//! - Neutral stretches between two runs of different languages are shared:
//!   the part glued (no space) to the following run goes to it (`售价5999元`,
//!   `“世界”`), except closing punctuation, which ends the run before it
//!   (`你好，` then `hello`); a number glued to both sides goes to a following
//!   Chinese run (`iPhone15售价` → `iPhone` + `15售价`) and stays with a
//!   preceding one otherwise. The rest (spaces, `. `, a number after a space)
//!   stays with the run before: `iPhone 15 售价` → `iPhone 15 ` + `售价`.
//!   Numbers are therefore read by the voice of the words they belong to.
//! - Neutral text at the start joins the first run, at the end the last run.
//!   Text with neither Han nor Latin letters is one run of the default language.
//! - Adjacent runs of the same language are merged; the runs tile the text.

use std::ops::Range;

/// A language the narrator has a voice for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

/// Longest all-capital Latin word that a Chinese voice spells inside Chinese.
const MAX_SPELLED_LETTERS: usize = 3;

/// Splits a sentence into runs of one language, tiling `text` exactly (in
/// order, no gaps, no empty runs, adjacent runs of different languages);
/// text with no letters of either language takes `default`. See the module
/// docs for the rules.
///
/// ```
/// use narrator::text::{Lang, language_runs};
/// let text = "iPhone 15 售价5999元";
/// let runs: Vec<(Lang, &str)> = language_runs(text, Lang::Zh)
///     .into_iter()
///     .map(|(lang, r)| (lang, &text[r]))
///     .collect();
/// assert_eq!(runs, [(Lang::En, "iPhone 15 "), (Lang::Zh, "售价5999元")]);
/// ```
pub fn language_runs(text: &str, default: Lang) -> Vec<(Lang, Range<usize>)> {
    if text.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |ci: usize| chars.get(ci).map_or(text.len(), |&(b, _)| b);
    let mut class: Vec<Option<Lang>> = chars.iter().map(|&(_, c)| classify(c)).collect();
    if class.iter().all(Option::is_none) {
        return vec![(default, 0..text.len())];
    }
    resolve_spelled_words(&chars, &mut class);

    let strong: Vec<(usize, Lang)> = class
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.map(|l| (i, l)))
        .collect();
    let mut runs: Vec<(Lang, Range<usize>)> = Vec::new();
    let mut run_start = 0;
    for pair in strong.windows(2) {
        let (&(p, a), &(q, b)) = match (pair.first(), pair.get(1)) {
            (Some(x), Some(y)) => (x, y),
            _ => continue,
        };
        if a == b {
            continue;
        }
        let cut = split_neutral(&chars, p + 1, q, b);
        if cut > run_start {
            runs.push((a, byte(run_start)..byte(cut)));
            run_start = cut;
        }
    }
    let last = strong.last().map_or(default, |&(_, l)| l);
    if run_start < chars.len() {
        runs.push((last, byte(run_start)..text.len()));
    }
    merge(runs)
}

fn merge(runs: Vec<(Lang, Range<usize>)>) -> Vec<(Lang, Range<usize>)> {
    let mut out: Vec<(Lang, Range<usize>)> = Vec::with_capacity(runs.len());
    for (lang, r) in runs {
        match out.last_mut() {
            Some((l, prev)) if *l == lang && prev.end == r.start => prev.end = r.end,
            _ => out.push((lang, r)),
        }
    }
    out
}

fn ch(chars: &[(usize, char)], i: usize) -> char {
    chars.get(i).map_or('\0', |&(_, c)| c)
}

/// Han ideographs (and 〇 々, which only occur in Chinese or Japanese text).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
    )
}

/// Letters of the Latin script, including accented and full-width ones.
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic()
            && matches!(c,
                '\u{00C0}'..='\u{024F}'
                | '\u{1E00}'..='\u{1EFF}'
                | '\u{FF21}'..='\u{FF3A}'
                | '\u{FF41}'..='\u{FF5A}'))
}

fn classify(c: char) -> Option<Lang> {
    if is_han(c) {
        Some(Lang::Zh)
    } else if is_latin(c) {
        Some(Lang::En)
    } else {
        None
    }
}

/// Characters of a Latin "word" for the spelled-word rule: `5G`, `GPT-4o`, `U.S.`.
fn is_word_char(c: char) -> bool {
    is_latin(c) || c.is_ascii_digit() || matches!(c, '-' | '.' | '+' | '&' | '_' | '\'')
}

/// Re-labels short all-capital words next to Chinese as Chinese (see the
/// module docs).
fn resolve_spelled_words(chars: &[(usize, char)], class: &mut [Option<Lang>]) {
    // Words made only of capitals, 1..=3 letters; their letters are "weak".
    let mut weak_words: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(ch(chars, i)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_word_char(ch(chars, i)) {
            i += 1;
        }
        let letters: Vec<char> = (start..i)
            .map(|k| ch(chars, k))
            .filter(|&c| is_latin(c))
            .collect();
        if (1..=MAX_SPELLED_LETTERS).contains(&letters.len())
            && letters.iter().all(char::is_ascii_uppercase)
        {
            weak_words.push(start..i);
        }
    }
    let is_weak = |k: usize| weak_words.iter().any(|w| w.contains(&k));
    let mut decisions = Vec::with_capacity(weak_words.len());
    for w in &weak_words {
        let before = (0..w.start)
            .rev()
            .find(|&k| class.get(k).copied().flatten().is_some() && !is_weak(k))
            .and_then(|k| class.get(k).copied().flatten());
        let after = (w.end..chars.len())
            .find(|&k| class.get(k).copied().flatten().is_some() && !is_weak(k))
            .and_then(|k| class.get(k).copied().flatten());
        let zh = before == Some(Lang::Zh) || after == Some(Lang::Zh);
        decisions.push((w.clone(), if zh { Lang::Zh } else { Lang::En }));
    }
    for (w, lang) in decisions {
        for k in w {
            if let Some(slot @ Some(_)) = class.get_mut(k) {
                *slot = Some(lang);
            }
        }
    }
}

/// Punctuation that ends what came before it, so it stays with the run before.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '"'
            | '\''
            | '。'
            | '，'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '”'
            | '’'
            | '…'
            | '．'
            | '—'
    )
}

/// Where the neutral stretch `lo..hi` between a run and a following run of
/// language `next` is cut (char index in `lo..=hi`).
fn split_neutral(chars: &[(usize, char)], lo: usize, hi: usize, next: Lang) -> usize {
    let mut t = hi;
    while t > lo && !ch(chars, t - 1).is_whitespace() {
        t -= 1;
    }
    while t < hi && is_closing(ch(chars, t)) {
        t += 1;
    }
    if t == hi {
        return hi;
    }
    if t > lo {
        return t;
    }
    // Glued to both sides ("iPhone15售价", "价格100USD").
    if next == Lang::Zh { t } else { hi }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<(Lang, &str)> {
        language_runs(text, Lang::Zh)
            .into_iter()
            .map(|(l, r)| (l, text.get(r).unwrap_or("<bad range>")))
            .collect()
    }

    #[test]
    fn basic_rules() {
        assert_eq!(runs("2024年"), [(Lang::Zh, "2024年")]);
        assert_eq!(
            runs("GPT-4o模型"),
            [(Lang::En, "GPT-4o"), (Lang::Zh, "模型")]
        );
        assert_eq!(runs("A股上涨"), [(Lang::Zh, "A股上涨")]);
        assert_eq!(runs("123"), [(Lang::Zh, "123")]);
    }
}
