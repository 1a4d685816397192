//! A Rust port of the corpus scorer (`../shared/tools/extract-eval`, Python).
//!
//! The Python tool is the source of truth; this port exists so that `cargo test`
//! can score extraction without a Python interpreter. It mirrors the Zyte
//! article-extraction benchmark: bags of token 4-gram shingles, TP/FP/FN
//! normalised per page, precision averaged over pages with a non-empty
//! extraction, recall over pages with a non-empty reference.
//!
//! Tokens follow the tool's `cjk` tokeniser: each Han/Kana/Bopomofo character
//! is one token; any other run of word characters (Python's `\w`) is one token.

use std::collections::HashMap;

use crate::word_table::WORD_RANGES;

/// Shingle size used by the corpus README (the Zyte benchmark's value).
pub const NGRAM: usize = 4;

/// The tool's `CJK_CHAR` class: kana, kana extensions, bopomofo, Han (BMP
/// extension A, unified, compatibility, and planes 2–3). Each is one token.
pub fn is_cjk_token_char(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{3100}'..='\u{312f}'
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3134f}')
}

/// Python's `re` `\w` for `str` patterns (letters, digits, numerics, `_`),
/// looked up in a table generated from Python itself (`scripts/gen-word-table.py`).
pub fn is_python_word_char(c: char) -> bool {
    let cp = u32::from(c);
    if cp < 0x80 {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    WORD_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Splits `text` into scoring tokens (the tool's `cjk` tokeniser).
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut run_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let cjk = is_cjk_token_char(c);
        let word = !cjk && is_python_word_char(c);
        if !word && let Some(start) = run_start.take() {
            tokens.push(&text[start..i]);
        }
        if cjk {
            tokens.push(&text[i..i + c.len_utf8()]);
        } else if word && run_start.is_none() {
            run_start = Some(i);
        }
    }
    if let Some(start) = run_start {
        tokens.push(&text[start..]);
    }
    tokens
}

/// The bag of `n`-token shingles; a text shorter than `n` tokens (but not
/// empty) is one shingle of all its tokens, as in the Python tool.
fn shingles<'a>(tokens: &'a [&'a str], n: usize) -> HashMap<&'a [&'a str], usize> {
    let mut bag = HashMap::new();
    if tokens.is_empty() {
        return bag;
    }
    if tokens.len() < n {
        bag.insert(tokens, 1);
        return bag;
    }
    for w in tokens.windows(n) {
        *bag.entry(w).or_insert(0) += 1;
    }
    bag
}

/// One page's score: TP, FP, FN as shares of TP+FP+FN, and whether the
/// token sequences are identical.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    pub exact: bool,
}

impl PageScore {
    /// Per-page precision, with the tool's conventions for empty texts.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Per-page recall, with the tool's conventions for empty texts.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }

    /// Harmonic mean of this page's precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Scores one page: `expected` is the reference, `extracted` what we produced.
pub fn score_page(expected: &str, extracted: &str) -> PageScore {
    score_page_n(expected, extracted, NGRAM)
}

/// [`score_page`] with another shingle size (the tool's `--ngram`).
pub fn score_page_n(expected: &str, extracted: &str, n: usize) -> PageScore {
    let tt = tokenize(expected);
    let pt = tokenize(extracted);
    let ts = shingles(&tt, n);
    let ps = shingles(&pt, n);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &t) in &ts {
        let p = ps.get(k).copied().unwrap_or(0);
        tp += t.min(p);
        fn_ += t.saturating_sub(p);
    }
    for (k, &p) in &ps {
        let t = ts.get(k).copied().unwrap_or(0);
        fp += p.saturating_sub(t);
    }
    let sum = (tp + fp + fn_) as f64;
    let (mut tp, mut fp, mut fn_) = (tp as f64, fp as f64, fn_ as f64);
    if sum > 0.0 {
        tp /= sum;
        fp /= sum;
        fn_ /= sum;
    }
    PageScore {
        tp,
        fp,
        fn_,
        exact: tt == pt,
    }
}

/// Scores over a set of pages (one source, or all).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aggregate {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of pages whose token sequences match exactly.
    pub accuracy: f64,
    pub pages: usize,
}

/// Precision = mean over pages with a non-empty extraction, recall = mean over
/// pages with a non-empty reference, F1 = their harmonic mean.
pub fn aggregate(pages: &[PageScore]) -> Aggregate {
    fn mean(v: &[f64]) -> f64 {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    }
    let ps: Vec<f64> = pages
        .iter()
        .filter(|s| s.tp + s.fp > 0.0)
        .map(PageScore::precision)
        .collect();
    let rs: Vec<f64> = pages
        .iter()
        .filter(|s| s.tp + s.fn_ > 0.0)
        .map(PageScore::recall)
        .collect();
    let (precision, recall) = (mean(&ps), mean(&rs));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let exact: Vec<f64> = pages
        .iter()
        .map(|s| if s.exact { 1.0 } else { 0.0 })
        .collect();
    Aggregate {
        precision,
        recall,
        f1,
        accuracy: mean(&exact),
        pages: pages.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokenises_cjk_per_character_and_words_as_runs() {
        assert_eq!(
            tokenize("京津冀 moves_on, 2024年 ok！カナ"),
            ["京", "津", "冀", "moves_on", "2024", "年", "ok", "カ", "ナ"]
        );
    }

    #[test]
    fn tokeniser_matches_python_on_marks_and_symbols() {
        // Python's \w: combining marks (virama, vowel signs, U+0301) are not
        // word characters (Rust's is_alphanumeric says many are), the katakana
        // middle dot is a CJK token although it is punctuation, bopomofo is CJK,
        // superscript ² is \w.
        // ev.tokenize("नमस्ते café x²y ・ㄅㄆ a\u0301b", "cjk")
        assert_eq!(
            tokenize("नमस्ते café x²y ・ㄅㄆ a\u{301}b"),
            ["नमस", "त", "café", "x²y", "・", "ㄅ", "ㄆ", "a", "b"]
        );
    }

    // Numbers below come from running the Python tool's functions by hand:
    //   import importlib.machinery as m
    //   ev = m.SourceFileLoader("ev", "../shared/tools/extract-eval").load_module()
    //   ev.score_page(true, pred)  and  ev.aggregate([...])

    #[test]
    fn page_score_matches_python_on_chinese() {
        // ev.score_page("京津冀协同发展迈上新台阶。", "京津冀协同发展迈上新台阶了，分享至")
        // -> ((0.6923076923076923, 0.3076923076923077, 0.0), 0.0)
        let s = score_page(
            "京津冀协同发展迈上新台阶。",
            "京津冀协同发展迈上新台阶了，分享至",
        );
        assert!(close(s.tp, 0.6923076923076923), "{s:?}");
        assert!(close(s.fp, 0.3076923076923077), "{s:?}");
        assert!(close(s.fn_, 0.0), "{s:?}");
        assert!(!s.exact);
    }

    #[test]
    fn page_score_matches_python_on_english_with_repeats() {
        // ev.score_page("the cat sat on the mat the cat sat on the mat",
        //               "the cat sat on the mat and then the dog")
        // -> ((0.23076923076923078, 0.3076923076923077, 0.46153846153846156), 0.0)
        let s = score_page(
            "the cat sat on the mat the cat sat on the mat",
            "the cat sat on the mat and then the dog",
        );
        assert!(close(s.tp, 0.23076923076923078), "{s:?}");
        assert!(close(s.fp, 0.3076923076923077), "{s:?}");
        assert!(close(s.fn_, 0.46153846153846156), "{s:?}");
    }

    #[test]
    fn short_and_empty_texts_follow_the_python_conventions() {
        // ev.score_page("ab cd", "ab cd") -> ((1.0, 0.0, 0.0), 1.0)
        let s = score_page("ab cd", "ab cd");
        assert!(close(s.tp, 1.0) && s.exact);
        // ev.score_page("", "") -> ((0.0, 0.0, 0.0), 1.0): P = R = 1 by convention
        let e = score_page("", "");
        assert_eq!((e.tp, e.fp, e.fn_, e.exact), (0.0, 0.0, 0.0, true));
        assert!(close(e.precision(), 1.0) && close(e.recall(), 1.0));
        // ev.score_page("some reference text here", "") -> ((0.0, 0.0, 1.0), 0.0)
        let m = score_page("some reference text here", "");
        assert_eq!((m.tp, m.fp, m.fn_), (0.0, 0.0, 1.0));
        assert!(close(m.precision(), 0.0) && close(m.recall(), 0.0));
    }

    #[test]
    fn aggregate_matches_python() {
        // tfs = [ev.score_page(*x)[0] for x in [
        //   ("京津冀协同发展迈上新台阶。", "京津冀协同发展迈上新台阶了，分享至"),
        //   ("the cat sat on the mat the cat sat on the mat",
        //    "the cat sat on the mat and then the dog"),
        //   ("some reference text here", ""),
        //   ("", "boilerplate only text here")]]
        // ev.aggregate(tfs) -> {'f1': 0.4059701492537314,
        //   'precision': 0.37362637362637363, 'recall': 0.4444444444444445}
        let pages = [
            score_page(
                "京津冀协同发展迈上新台阶。",
                "京津冀协同发展迈上新台阶了，分享至",
            ),
            score_page(
                "the cat sat on the mat the cat sat on the mat",
                "the cat sat on the mat and then the dog",
            ),
            score_page("some reference text here", ""),
            score_page("", "boilerplate only text here"),
        ];
        let a = aggregate(&pages);
        assert!(close(a.precision, 0.37362637362637363), "{a:?}");
        assert!(close(a.recall, 0.4444444444444445), "{a:?}");
        assert!(close(a.f1, 0.4059701492537314), "{a:?}");
    }
}
