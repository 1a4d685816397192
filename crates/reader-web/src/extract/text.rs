//! Character classes and whitespace handling shared by the passes.
//!
//! A helper below the passes: it uses none of them.

use reader_article::is_cjk;

/// Clause separators, Latin and CJK. Prose is full of them; menus and link
/// lists have almost none, which makes them a cheap "is this prose?" signal.
pub fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '；' | ';' | '：')
}

/// Sentence enders, Latin and CJK.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '…')
}

/// Statistics of a piece of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStats {
    /// Non-whitespace characters.
    pub chars: u32,
    pub cjk: u32,
    pub commas: u32,
    pub stops: u32,
}

impl TextStats {
    pub fn of(text: &str) -> TextStats {
        let mut s = TextStats::default();
        for c in text.chars() {
            if c.is_whitespace() {
                continue;
            }
            s.chars += 1;
            if is_cjk(c) {
                s.cjk += 1;
            } else if is_comma(c) {
                s.commas += 1;
            } else if is_sentence_end(c) {
                s.stops += 1;
            }
        }
        s
    }

    pub fn add(&mut self, other: &TextStats) {
        self.chars += other.chars;
        self.cjk += other.cjk;
        self.commas += other.commas;
        self.stops += other.stops;
    }

    /// Length in "Latin-character equivalents": a CJK character carries about
    /// as much as three Latin letters, so thresholds tuned on English prose
    /// (Readability's 25- and 100-character gates) also work for Chinese
    /// news, whose paragraphs are short in characters but not in content.
    pub fn weighted_len(&self) -> f32 {
        (self.chars - self.cjk) as f32 + self.cjk as f32 * CJK_WEIGHT
    }

    pub fn is_mostly_cjk(&self) -> bool {
        self.cjk * 3 > self.chars
    }
}

pub const CJK_WEIGHT: f32 = 3.0;

/// Appends `raw` to `out` with whitespace collapsed the way a browser renders
/// it: runs of whitespace become one space, and a line break between two CJK
/// characters disappears (CJK text is written without spaces; a source line
/// wrap there is not a word boundary).
pub fn push_collapsed(out: &mut String, raw: &str) {
    let mut pending_space = false;
    let mut pending_has_newline = false;
    for c in raw.chars() {
        if c.is_whitespace() && c != '\u{a0}' && c != '\u{3000}' {
            pending_space = true;
            pending_has_newline |= c == '\n' || c == '\r';
            continue;
        }
        let c = if c == '\u{a0}' { ' ' } else { c };
        if pending_space {
            let prev = out.chars().next_back();
            let drop = prev.is_none_or(|p| p == ' ' || p == '\n')
                || (pending_has_newline && prev.is_some_and(is_cjk) && is_cjk(c));
            if !drop {
                out.push(' ');
            }
            pending_space = false;
            pending_has_newline = false;
        }
        out.push(c);
    }
    if pending_space && !out.is_empty() && !out.ends_with(' ') && !out.ends_with('\n') {
        out.push(' ');
    }
}

/// Collapses whitespace and trims.
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    push_collapsed(&mut out, raw);
    let trimmed = out.trim_matches(|c: char| c == ' ' || c == '\u{3000}');
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_joins_wrapped_cjk() {
        assert_eq!(normalize("  a \n\t b  "), "a b");
        assert_eq!(normalize("京津冀\n  协同发展"), "京津冀协同发展");
        assert_eq!(
            normalize("京津冀 协同"),
            "京津冀 协同",
            "a typed space is kept"
        );
        assert_eq!(normalize("a\u{a0}b"), "a b");
    }

    #[test]
    fn stats_count_cjk_and_punctuation() {
        let s = TextStats::of("你好，世界。 Hi, all.");
        assert_eq!((s.chars, s.cjk, s.commas, s.stops), (13, 4, 2, 2));
        assert!((s.weighted_len() - (9.0 + 12.0)).abs() < 1e-6);
    }
}
