//! The script of an article: every sentence the narrator can read, where it
//! sits on the page, and what the engine is given to say.
//!
//! The UI wraps each sentence of the rendered article in an element using the
//! positions here, so the highlight and the voice always agree. Positions are
//! UTF-16 offsets (what JavaScript strings count) into the text of one *part*
//! of a block: a heading or paragraph is one part; a quote's paragraphs, a
//! list's items and a table's rows are one part each.

use std::sync::atomic::{AtomicU64, Ordering};

use reader_article::{Article, Block, inline_text};
use reader_l10n::{Localizer, strip_isolation};
use serde::Serialize;

use std::borrow::Cow;

use crate::pronunciation::Pronunciations;
use crate::text::lang::is_han;
use crate::text::noise::strip_noise;
use crate::text::reading::pinyin_text;
use crate::text::{Lang, language_runs, normalize_zh, sentences};
use crate::voice::VoiceInfo;

/// What a sentence is on the page, so the UI knows what to highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// A stretch of the article's title.
    Title,
    /// A stretch of text inside a part (`start..end`).
    Text,
    /// An image's alternative text, highlighted as the whole image.
    Image,
    /// A table row, highlighted as the whole row.
    Row,
}

/// One sentence of the script.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentence {
    pub kind: SentenceKind,
    /// Index into `Article::blocks` (`None` for the title).
    pub block: Option<usize>,
    /// Part of the block (see the module docs); images: 0 alt text, 1 caption.
    pub part: usize,
    /// UTF-16 offsets into the part's text (whole part for images and rows).
    pub start: usize,
    pub end: usize,
    /// Index into [`Script::paragraphs`].
    pub paragraph: usize,
    /// The sentence as written (what a terminal user sees); the UI has the
    /// text already, so it is not sent.
    #[serde(skip)]
    pub text: String,
    /// What the engine says, in language runs; empty when there is nothing to
    /// say (a line of dashes), and the player passes over it.
    #[serde(skip)]
    pub utterances: Vec<Utterance>,
}

/// A piece of a sentence spoken by one voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub lang: Lang,
    /// Normalised for speech (Chinese numbers as words, no reference
    /// markers); Chinese stays in characters.
    pub text: String,
}

impl Utterance {
    /// What `voice` is given to say: a voice that reads pinyin (espeak-ng's
    /// Mandarin) gets each Chinese character's reading in context as
    /// tone-numbered pinyin, because its own choice of readings is often
    /// wrong (see [`crate::text::reading`]); every other voice does its own
    /// Chinese and gets the characters.
    ///
    /// The family's pronunciation dictionary (`said`) is applied first, for
    /// every voice.
    pub fn engine_text(&self, voice: &VoiceInfo, said: &Pronunciations) -> Cow<'_, str> {
        let text = said.apply(self.lang, &self.text);
        if self.lang == Lang::Zh && voice.reads_pinyin() {
            Cow::Owned(pinyin_text(&text))
        } else {
            text
        }
    }
}

/// A unit for "next/previous paragraph": a heading, paragraph, list item,
/// quote paragraph, image (alt and caption) or table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub first: usize,
    pub len: usize,
}

/// The whole article as the narrator reads it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Script {
    /// Unique in this process (0: the empty script): the player's statuses
    /// name the script they are about, so a view never follows the
    /// narrator of an article it no longer shows.
    pub id: u64,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
}

/// The main language of an article: its declared language, else the script
/// most of its letters are written in.
pub fn article_lang(article: &Article) -> Lang {
    if let Some(lang) = article.lang.as_deref().and_then(Lang::from_tag) {
        return lang;
    }
    let (mut han, mut latin) = (0usize, 0usize);
    for c in article
        .title
        .chars()
        .chain(article.body_text().chars())
        .take(4000)
    {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    // A Chinese character carries about as much as an English word of ~4 letters.
    if han * 3 >= latin { Lang::Zh } else { Lang::En }
}

/// The language of a localizer's messages.
pub fn ui_lang(l10n: &Localizer) -> Lang {
    Lang::from_tag(l10n.lang()).unwrap_or(Lang::En)
}

struct Builder {
    default: Lang,
    announce: Lang,
    image_label: String,
    caption_label: String,
    script: Script,
}

impl Builder {
    fn begin_paragraph(&mut self) {
        self.script.paragraphs.push(Paragraph {
            first: self.script.sentences.len(),
            len: 0,
        });
    }

    fn push(&mut self, mut sentence: Sentence) {
        let last = self.script.paragraphs.len().saturating_sub(1);
        sentence.paragraph = last;
        if let Some(p) = self.script.paragraphs.last_mut() {
            p.len += 1;
        }
        self.script.sentences.push(sentence);
    }

    /// Splits one part's text into sentences and adds them.
    fn text_part(
        &mut self,
        kind: SentenceKind,
        block: Option<usize>,
        part: usize,
        text: &str,
        label: Option<&str>,
    ) {
        let mut utf16 = 0;
        let mut last_byte = 0;
        for (n, range) in sentences(text).into_iter().enumerate() {
            utf16 += text[last_byte..range.start].encode_utf16().count();
            let piece = &text[range.clone()];
            let len16 = piece.encode_utf16().count();
            // The label goes before the part's first sentence only.
            let utterances = self.utterances(label.filter(|_| n == 0), piece);
            self.push(Sentence {
                kind,
                block,
                part,
                start: utf16,
                end: utf16 + len16,
                paragraph: 0,
                text: piece.trim().to_owned(),
                utterances,
            });
            utf16 += len16;
            last_byte = range.end;
        }
    }

    /// A whole element read as one sentence (image alt text, table row).
    fn whole(
        &mut self,
        kind: SentenceKind,
        block: usize,
        part: usize,
        text: &str,
        label: Option<&str>,
    ) {
        let utterances = self.utterances(label, text);
        self.push(Sentence {
            kind,
            block: Some(block),
            part,
            start: 0,
            end: text.encode_utf16().count(),
            paragraph: 0,
            text: text.trim().to_owned(),
            utterances,
        });
    }

    /// What is said for `text`: the announcement `label` (in the reader's
    /// language), then `text`'s language runs without what is not said
    /// (reference markers, bullets), normalised, without silent runs.
    fn utterances(&self, label: Option<&str>, text: &str) -> Vec<Utterance> {
        let label = label.map(|l| Utterance {
            lang: self.announce,
            text: l.to_owned(),
        });
        let text = strip_noise(text);
        let text = text.as_ref();
        let runs = language_runs(text, self.default)
            .into_iter()
            .filter_map(|(lang, range)| {
                let run = text[range].trim();
                if !run.chars().any(char::is_alphanumeric) {
                    return None;
                }
                let text = match lang {
                    Lang::Zh => normalize_zh(run),
                    Lang::En => run.to_owned(),
                };
                Some(Utterance { lang, text })
            });
        label.into_iter().chain(runs).collect()
    }
}

/// The next script id; ids start at 1.
fn next_script_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Script {
    /// The script of `article`. Announcements ("Picture", "Caption") are in
    /// the reader's language, from `l10n`.
    pub fn of(article: &Article, l10n: &Localizer) -> Script {
        let label = |id: &str| strip_isolation(&l10n.message(id, &[])).into_owned();
        let mut b = Builder {
            default: article_lang(article),
            announce: ui_lang(l10n),
            image_label: label("speech-image"),
            caption_label: label("speech-caption"),
            script: Script {
                id: next_script_id(),
                ..Script::default()
            },
        };
        if !article.title.trim().is_empty() {
            b.begin_paragraph();
            b.text_part(SentenceKind::Title, None, 0, &article.title, None);
        }
        for (i, block) in article.blocks.iter().enumerate() {
            match block {
                Block::Heading { content, .. } | Block::Paragraph { content } => {
                    b.begin_paragraph();
                    b.text_part(SentenceKind::Text, Some(i), 0, &inline_text(content), None);
                }
                Block::Quote { paragraphs } => {
                    for (p, content) in paragraphs.iter().enumerate() {
                        b.begin_paragraph();
                        b.text_part(SentenceKind::Text, Some(i), p, &inline_text(content), None);
                    }
                }
                Block::List { items, .. } => {
                    for (p, content) in items.iter().enumerate() {
                        b.begin_paragraph();
                        b.text_part(SentenceKind::Text, Some(i), p, &inline_text(content), None);
                    }
                }
                Block::Preformatted { text } => {
                    b.begin_paragraph();
                    b.text_part(SentenceKind::Text, Some(i), 0, text, None);
                }
                Block::Image { alt, caption, .. } => {
                    let alt = alt.as_deref().map(str::trim).filter(|a| !a.is_empty());
                    let caption = caption.as_deref().filter(|c| !c.trim().is_empty());
                    // Alt text that only repeats the caption is read once, as the caption.
                    let alt = alt.filter(|a| caption.is_none_or(|c| !c.contains(a)));
                    if alt.is_none() && caption.is_none() {
                        continue;
                    }
                    b.begin_paragraph();
                    let image_label = b.image_label.clone();
                    if let Some(alt) = alt {
                        b.whole(SentenceKind::Image, i, 0, alt, Some(&image_label));
                    }
                    if let Some(caption) = caption {
                        let label = if alt.is_some() {
                            b.caption_label.clone()
                        } else {
                            image_label
                        };
                        b.text_part(SentenceKind::Text, Some(i), 1, caption, Some(&label));
                    }
                }
                Block::Table { rows } => {
                    b.begin_paragraph();
                    for (r, row) in rows.iter().enumerate() {
                        let cells: Vec<&str> = row
                            .iter()
                            .map(|c| c.trim())
                            .filter(|c| !c.is_empty())
                            .collect();
                        if !cells.is_empty() {
                            // A comma's pause between cells, in the article's own punctuation.
                            let sep = if b.default == Lang::Zh { "，" } else { ", " };
                            b.whole(SentenceKind::Row, i, r, &cells.join(sep), None);
                        }
                    }
                }
            }
        }
        b.script.paragraphs.retain(|p| p.len > 0);
        // Paragraph indices again, now that empty ones are gone.
        for (n, p) in b.script.paragraphs.iter().enumerate() {
            for s in &mut b.script.sentences[p.first..p.first + p.len] {
                s.paragraph = n;
            }
        }
        b.script
    }

    /// Whether the narrator has something to say in this sentence.
    pub fn is_spoken(&self, index: usize) -> bool {
        self.sentences
            .get(index)
            .is_some_and(|s| !s.utterances.is_empty())
    }
}
