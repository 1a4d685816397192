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
//! - Short Latin words that a Mandarin voice spells as letters the way a
//!   Chinese newsreader does — one to three capitals (`A股`, `5G`, `B超`,
//!   `AI`, `CEO`, `CNN`) or a single letter (`e公司`) — are Chinese when they
//!   sit in Chinese: switching voices for two letters sounds choppy. "In
//!   Chinese" means Chinese on both sides, or on one side with nothing on
//!   the other, or glued (no space) to Chinese on one side; CJK punctuation
//!   between counts as Chinese (`Exynos 990，5G 将`). Otherwise they stay
//!   English ("Apple CEO Tim Cook", "Galaxy S20 系列").
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

impl Lang {
    /// The language a BCP 47 tag names, by its primary subtag, in any case:
    /// `zh-CN`, `zh_TW`, `cmn-latn-pinyin` (espeak-ng's Mandarin) are Chinese,
    /// `en-US` English; anything else is none of ours.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("zh") || primary.eq_ignore_ascii_case("cmn") {
            Some(Lang::Zh)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
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
/// Code points of these blocks that Unicode has not assigned (U+FADA–FAFF,
/// say) are no ideographs: they are not alphabetic, so text of nothing but
/// them has no letters and keeps the default language (found by the
/// `language_runs` fuzz target).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
    ) && c.is_alphabetic()
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
        // One letter of any case ("e公司"), or up to three capitals.
        let spelled = letters.len() == 1
            || ((1..=MAX_SPELLED_LETTERS).contains(&letters.len())
                && letters.iter().all(char::is_ascii_uppercase));
        if spelled {
            weak_words.push(start..i);
        }
    }
    let n = chars.len();
    let mut weak = vec![false; n];
    for w in &weak_words {
        for k in w.clone() {
            if class.get(k).copied().flatten().is_some() {
                if let Some(slot) = weak.get_mut(k) {
                    *slot = true;
                }
            }
        }
    }
    let firm = |k: usize| -> Option<Lang> {
        if weak.get(k).copied().unwrap_or(false) {
            None
        } else {
            class.get(k).copied().flatten()
        }
    };
    // Nearest firm (not weak) letter before / after each position, and
    // prefix counts of whitespace and CJK punctuation, so each word is
    // decided in constant time (a paragraph of "A B C ..." stays linear).
    let mut prev_firm = vec![None; n + 1];
    for k in 0..n {
        let here = firm(k).map(|l| (k, l));
        let carry = prev_firm.get(k).copied().flatten();
        if let Some(slot) = prev_firm.get_mut(k + 1) {
            *slot = here.or(carry);
        }
    }
    let mut next_firm = vec![None; n + 1];
    for k in (0..n).rev() {
        let here = firm(k).map(|l| (k, l));
        let carry = next_firm.get(k + 1).copied().flatten();
        if let Some(slot) = next_firm.get_mut(k) {
            *slot = here.or(carry);
        }
    }
    let mut spaces = vec![0usize; n + 1];
    let mut cjk_marks = vec![0usize; n + 1];
    for k in 0..n {
        let c = ch(chars, k);
        let (s0, m0) = (
            spaces.get(k).copied().unwrap_or(0),
            cjk_marks.get(k).copied().unwrap_or(0),
        );
        if let Some(slot) = spaces.get_mut(k + 1) {
            *slot = s0 + usize::from(c.is_whitespace());
        }
        if let Some(slot) = cjk_marks.get_mut(k + 1) {
            *slot = m0 + usize::from(is_cjk_mark(c));
        }
    }
    let count = |v: &[usize], r: Range<usize>| {
        v.get(r.end)
            .copied()
            .unwrap_or(0)
            .saturating_sub(v.get(r.start).copied().unwrap_or(0))
    };
    // One side of a word: its language (CJK punctuation on the way counts
    // as Chinese: "Exynos 990，5G 将") and whether it is glued (no space).
    let side = |stretch: Range<usize>, letter: Option<Lang>| -> (Option<Lang>, bool) {
        let glued = count(&spaces, stretch.clone()) == 0;
        if count(&cjk_marks, stretch) > 0 {
            (Some(Lang::Zh), glued)
        } else {
            (letter, glued)
        }
    };
    let mut decisions = Vec::with_capacity(weak_words.len());
    for w in &weak_words {
        let before = prev_firm.get(w.start).copied().flatten();
        let after = next_firm.get(w.end).copied().flatten();
        let (b, b_glued) = side(
            before.map_or(0, |(k, _)| k + 1)..w.start,
            before.map(|(_, l)| l),
        );
        let (a, a_glued) = side(w.end..after.map_or(n, |(k, _)| k), after.map(|(_, l)| l));
        let zh = Some(Lang::Zh);
        let is_zh = (b == zh && (a == zh || a.is_none() || b_glued))
            || (a == zh && (b.is_none() || a_glued));
        decisions.push((w.clone(), if is_zh { Lang::Zh } else { Lang::En }));
    }
    for (w, lang) in decisions {
        for k in w {
            if let Some(slot @ Some(_)) = class.get_mut(k) {
                *slot = Some(lang);
            }
        }
    }
}

/// CJK punctuation (。，、「」 and full-width signs): a sign of Chinese text.
fn is_cjk_mark(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF5B}'..='\u{FF65}')
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
    // The part glued to the next run: back from it to a space or a closing
    // mark ("Exynos 990，5G": the comma ends the English run).
    let mut t = hi;
    while t > lo {
        let c = ch(chars, t - 1);
        let in_number = matches!(c, '.' | ',' | ':')
            && t >= 2
            && ch(chars, t - 2).is_ascii_digit()
            && ch(chars, t).is_ascii_digit();
        if c.is_whitespace() || (is_closing(c) && !in_number) {
            break;
        }
        t -= 1;
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

    #[test]
    fn unassigned_code_points_in_han_blocks_are_no_chinese() {
        // U+FAF6 is in the CJK Compatibility Ideographs block but unassigned.
        let text = "\u{FFFD}\u{FAF6}";
        assert_eq!(
            language_runs(text, Lang::En),
            vec![(Lang::En, 0..text.len())]
        );
        assert!(is_han('中') && is_han('〇') && is_han('々') && is_han('\u{F900}'));
        assert!(!is_han('\u{FAF6}'));
    }

    #[test]
    fn tags_name_our_languages_by_their_primary_subtag() {
        for (tag, lang) in [
            ("zh-CN", Some(Lang::Zh)),
            ("ZH_tw", Some(Lang::Zh)),
            ("cmn-LATN-PINYIN", Some(Lang::Zh)),
            ("en", Some(Lang::En)),
            ("en-US", Some(Lang::En)),
            ("yue", None),
            ("fr-FR", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
    }
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
