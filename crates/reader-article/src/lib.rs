//! The structured article: what every other part of Care Reader consumes.
//!
//! The UI renders these blocks with DOM APIs and the narrator speaks them, so
//! nothing here carries page HTML: text is plain text, links are (text, href)
//! pairs whose href has already been resolved and checked to be http(s).

use serde::{Deserialize, Serialize};

/// Reading speed used for [`Article::reading_minutes`]. Chinese readers take in
/// roughly 300 characters a minute, English readers roughly 200 words a minute
/// (older readers are slower; both figures are on the calm side on purpose).
const CJK_CHARS_PER_MINUTE: usize = 300;
const WORDS_PER_MINUTE: usize = 200;

/// One article, ready to be shown in care mode or read aloud.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Headline: the declared title, else the first heading; empty when the
    /// page has neither (the UI then labels the article by its address).
    pub title: String,
    pub byline: Option<String>,
    /// Publication or site name, e.g. "网易新闻" or "BBC News".
    pub site_name: Option<String>,
    /// Publication date as found on the page, normalised to ISO 8601 when it
    /// could be parsed (`2024-05-09` or `2024-05-09T12:30:00+08:00`).
    pub published: Option<String>,
    /// BCP 47 language tag when known (`zh-CN`, `en`); otherwise guessed from the script.
    pub lang: Option<String>,
    pub dir: TextDirection,
    /// Canonical URL of the article (or the URL it was fetched from).
    pub url: Option<String>,
    pub lead_image: Option<String>,
    pub excerpt: Option<String>,
    /// Word count, counting each CJK character as one word.
    pub word_count: usize,
    /// Estimated reading time, at least one minute.
    pub reading_minutes: u32,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextDirection {
    #[default]
    Ltr,
    Rtl,
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    /// A link inside the article. `href` is an absolute http(s) URL; links with
    /// any other scheme (javascript:, data:) are kept as plain text.
    Link {
        text: String,
        href: String,
    },
    /// A hard line break inside a paragraph (from `<br>`), e.g. in poems or addresses.
    Break,
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    Image {
        /// Absolute http(s) or data-free URL of the image.
        src: String,
        alt: Option<String>,
        caption: Option<String>,
        credit: Option<String>,
        /// The size the page gave the picture (its `width` and `height`), so
        /// the reader keeps its room before it arrives: text that jumps
        /// down as pictures load loses a reader's place (and a click meant
        /// for a link lands on a sentence). Absent in articles saved before
        /// it was kept, and where the page did not say.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        size: Option<ImageSize>,
    },
    Quote {
        paragraphs: Vec<Vec<Inline>>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Preformatted {
        text: String,
    },
    Table {
        rows: Vec<Vec<String>>,
    },
}

/// A picture's width and height in CSS pixels, as its page declared them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageSize {
    pub width: u32,
    pub height: u32,
}

/// Plain text of a run of inlines (breaks become newlines).
pub fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text { text } | Inline::Link { text, .. } => out.push_str(text),
            Inline::Break => out.push('\n'),
        }
    }
    out
}

impl Block {
    /// The block's text as lines: one line per paragraph, list item, quote
    /// paragraph or table row; an image gives its caption (and credit).
    pub fn text_lines(&self) -> Vec<String> {
        let one_line = |c: &[Inline]| inline_text(c).replace('\n', " ");
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                vec![one_line(content)]
            }
            Block::Image {
                caption, credit, ..
            } => {
                let text = match (caption, credit) {
                    (Some(c), Some(k)) => format!("{c} {k}"),
                    (Some(c), None) => c.clone(),
                    (None, Some(k)) => k.clone(),
                    (None, None) => return Vec::new(),
                };
                vec![text]
            }
            Block::Quote { paragraphs } => paragraphs.iter().map(|p| one_line(p)).collect(),
            Block::List { items, .. } => items.iter().map(|i| one_line(i)).collect(),
            Block::Preformatted { text } => text.lines().map(str::to_owned).collect(),
            Block::Table { rows } => rows.iter().map(|r| r.join("\t")).collect(),
        }
    }
}

impl Article {
    /// The body as plain text, one block (paragraph, list item, caption) per line.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            for line in block.text_lines() {
                let line = line.trim();
                if !line.is_empty() {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// Recompute `word_count` and `reading_minutes` from the blocks.
    pub fn update_reading_time(&mut self) {
        let (cjk, words) = count_words(&self.body_text());
        self.word_count = cjk + words;
        let minutes = cjk.div_ceil(CJK_CHARS_PER_MINUTE) + words.div_ceil(WORDS_PER_MINUTE);
        self.reading_minutes = u32::try_from(minutes.max(1)).unwrap_or(u32::MAX);
    }
}

/// Counts (CJK characters, other words) in `text`.
pub fn count_words(text: &str) -> (usize, usize) {
    let mut cjk = 0;
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    (cjk, words)
}

/// Han ideographs, kana and hangul: scripts written without spaces, where one
/// character carries about as much as a short word.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_counts_cjk_characters_and_words() {
        let mut a = Article {
            blocks: vec![Block::Paragraph {
                content: vec![Inline::Text {
                    text: "京津冀协同发展 moves on, step by step.".into(),
                }],
            }],
            ..Article::default()
        };
        a.update_reading_time();
        assert_eq!(a.word_count, 7 + 5);
        assert_eq!(
            a.reading_minutes, 2,
            "a started CJK minute and a started word minute"
        );
    }

    #[test]
    fn body_text_is_one_line_per_block_and_item() {
        let a = Article {
            blocks: vec![
                Block::Heading {
                    level: 2,
                    content: vec![Inline::Text { text: "Sub".into() }],
                },
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![Inline::Text { text: "one".into() }],
                        vec![Inline::Link {
                            text: "two".into(),
                            href: "https://a.example/".into(),
                        }],
                    ],
                },
                Block::Image {
                    src: "https://a.example/i.jpg".into(),
                    alt: None,
                    caption: None,
                    credit: None,
                    size: None,
                },
            ],
            ..Article::default()
        };
        assert_eq!(a.body_text(), "Sub\none\ntwo\n");
    }

    #[test]
    fn blocks_serialise_with_a_type_tag() {
        let b = Block::Paragraph {
            content: vec![Inline::Break],
        };
        let json = serde_json::to_string(&b).unwrap_or_default();
        assert_eq!(json, r#"{"type":"paragraph","content":[{"type":"break"}]}"#);
    }
}
