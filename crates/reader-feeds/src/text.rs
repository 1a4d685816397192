//! Feed text as the reader sees it: titles and summaries arrive as plain
//! text, escaped HTML or CDATA full of tags, with runs of whitespace and
//! line breaks from the feed's own pretty-printing.

use scraper::Html;

/// The text of `raw` without tags, entities decoded, whitespace collapsed
/// to single spaces, cut to at most `max_chars` characters (on a character
/// boundary, never in the middle of one).
pub(crate) fn plain(raw: &str, max_chars: usize) -> String {
    if raw.contains('<') || raw.contains('&') {
        let fragment = Html::parse_fragment(raw);
        let text = fragment.root_element().text().collect::<Vec<_>>().join(" ");
        collapsed(&text, max_chars)
    } else {
        collapsed(raw, max_chars)
    }
}

/// `text` (no markup) with whitespace collapsed to single spaces, cut to at
/// most `max_chars` characters.
pub(crate) fn collapsed(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    let mut count = 0;
    // Control characters are not text (and XML 1.0 cannot carry them); a
    // "word" of nothing else is no word.
    let words = text
        .split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_control()))
        .filter_map(|mut chars| {
            chars
                .next()
                .map(|first| std::iter::once(first).chain(chars))
        });
    for word in words {
        if !out.is_empty() {
            if count >= max_chars {
                break;
            }
            out.push(' ');
            count += 1;
        }
        for c in word {
            if count >= max_chars {
                break;
            }
            out.push(c);
            count += 1;
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::{collapsed, plain};

    #[test]
    fn tags_entities_and_whitespace_are_gone() {
        assert_eq!(
            plain("  <b>Rain</b> &amp; wind\n\t in <i>Guangzhou</i> ", 100),
            "Rain & wind in Guangzhou"
        );
        assert_eq!(plain("北京&nbsp;今天 有雨", 100), "北京 今天 有雨");
        assert_eq!(plain("bell\u{7}s and\u{0} nulls", 100), "bells and nulls");
        // Found by the `opml` fuzz target: a run of control characters
        // between spaces left two spaces behind.
        assert_eq!(collapsed("a\u{c}\u{0}\u{c}b \u{10} c", 100), "a b c");
    }

    #[test]
    fn cut_on_characters_not_bytes() {
        assert_eq!(plain("重阳节登高望远", 3), "重阳节");
        assert_eq!(plain("one two three", 7), "one two");
        assert_eq!(plain("", 5), "");
    }
}
