//! Article extraction from HTML.
//!
//! The passes, one module each, numbered in the order they run:
//! 1. [`p1_metadata`]: read title, byline, date, language and images from the metadata;
//! 2. [`p2_dom`]: lay the parsed tree out flat, dropping scripts and styles;
//! 3. [`p3_prepare`]: remove what is never article and measure the rest;
//! 4. [`p4_score`]: score containers by the prose they hold;
//! 5. [`p5_candidate`]: pick the article's container and its siblings;
//! 6. [`p6_clean`]: drop link lists, share bars and "related" boxes from the content;
//! 7. [`p7_blocks`]: convert what is left to structured [`Block`]s.
//!
//! Passes 3 to 7 make one attempt. When a strict attempt finds too little
//! text, the next attempt relaxes a rule (Readability's strategy), and the
//! longest result wins. This module then drops the furniture, datelines and
//! repeats left among the blocks, falls back to the whole body when no
//! attempt found an article, turns away pages that are never articles
//! (`not_article`: directory listings, sign-in pages), and assembles the
//! [`Article`].
//!
//! Below the passes sit the helpers several of them share: `text`
//! (character classes, whitespace), `dates`, `urls`, `entities` (HTML
//! entities), `patterns` (class/id vocabularies, boilerplate phrases),
//! `title` (the headline, for pass 1) and `not_article`. A pass uses only earlier passes and
//! helpers, a helper uses only helpers, and nothing uses this module: the
//! imports have no circles.

mod dates;
mod entities;
mod not_article;
mod p1_metadata;
mod p2_dom;
mod p3_prepare;
mod p4_score;
mod p5_candidate;
mod p6_clean;
mod p7_blocks;
mod patterns;
mod text;
mod title;
mod urls;

use std::collections::{HashMap, VecDeque};

use scraper::Html;
use url::Url;

use reader_article::{Article, Block, Inline, TextDirection, inline_text};
use reader_errors::{Coded, ErrorCode};

use crate::fetch::{Page, PageKind};
use p2_dom::Dom;
use p3_prepare::Flags;
use p7_blocks::BlockBuilder;
use text::TextStats;

pub use dates::normalize_date;

/// An attempt that yields at least this much text (Latin-equivalent
/// characters) is accepted without trying laxer rules.
const GOOD_ENOUGH_LEN: f32 = 500.0;
/// Below this, there is no article on the page.
const MIN_ARTICLE_LEN: f32 = 60.0;
/// How many preceding blocks a truncated teaser is compared with.
const RECENT_BLOCKS: usize = 32;
/// Blocks shorter than this may repeat ("Photo", "Share").
const MIN_DEDUP_LEN: f32 = 40.0;
/// A page whose text is more than this share links is a link list (a home
/// page, a section index), never an article.
const MAX_FALLBACK_LINK_DENSITY: f32 = 0.5;
/// Excerpts are cut to about this many characters.
const EXCERPT_CHARS: usize = 200;

/// Why no article came out of a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The page parsed, but nothing on it reads like an article (a home page,
    /// a login wall, an app shell). Carries the page title so the UI can say
    /// which page it was.
    #[error("no article found on the page{}", title.as_deref().map(|t| format!(" “{t}”")).unwrap_or_default())]
    NoArticle { title: Option<String> },
    /// The input was empty (or only whitespace).
    #[error("the page is empty")]
    Empty,
}

impl Coded for ExtractError {
    fn code(&self) -> ErrorCode {
        match self {
            ExtractError::NoArticle { .. } => ErrorCode::NoArticle,
            ExtractError::Empty => ErrorCode::EmptyPage,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            ExtractError::NoArticle { title } => vec![("title", title.clone().unwrap_or_default())],
            ExtractError::Empty => Vec::new(),
        }
    }
}

/// Extract the article from a fetched page (HTML or plain text).
pub fn extract_page(page: &Page) -> Result<Article, ExtractError> {
    match page.kind {
        PageKind::Html => extract(&page.text, page.url.as_ref()),
        PageKind::PlainText => plain_text_article(&page.text, page.url.as_ref()),
    }
}

/// Extract the article from an HTML document. `base` resolves relative links
/// and images (a `<base href>` in the page takes precedence).
pub fn extract(html: &str, base: Option<&Url>) -> Result<Article, ExtractError> {
    if html.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let doc = Html::parse_document(html);
    let meta = p1_metadata::read(&doc, base);
    let dom = Dom::new(&doc);

    let mut best: Option<(f32, Vec<Block>)> = None;
    for flags in Flags::ATTEMPTS {
        let blocks = attempt(&dom, meta.base.as_ref(), flags);
        let len = blocks_len(&blocks);
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, blocks));
        }
        if len >= GOOD_ENOUGH_LEN {
            break;
        }
    }
    let (len, mut blocks) = best.unwrap_or_default();
    let title = meta.title.clone().or_else(|| meta.document_title.clone());
    if len < MIN_ARTICLE_LEN {
        // A short page (a note, a notice) still reads as an article when its
        // body is prose rather than a list of links.
        match whole_body(&dom, meta.base.as_ref()) {
            Some(b) => blocks = b,
            None => return Err(ExtractError::NoArticle { title }),
        }
    }
    let titles = [meta.document_title.as_deref(), meta.title.as_deref()];
    if not_article::is_not_an_article(&doc, &titles, &blocks) {
        return Err(ExtractError::NoArticle { title });
    }
    // One line, whatever the page put in its title or heading (a <br>, a
    // stray newline): the title is shown and spoken as a single line.
    let title = title
        .unwrap_or_else(|| fallback_title(&blocks))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    drop_title_duplicate(&mut blocks, &title);
    Ok(assemble(title, meta, blocks, base))
}

/// One pass of the pipeline with the given strictness.
fn attempt(dom: &Dom<'_>, base: Option<&Url>, flags: Flags) -> Vec<Block> {
    let prep = p3_prepare::prepare(dom, flags);
    let stats = p3_prepare::measure(dom, &prep, &prep.removed);
    let scores = p4_score::score(dom, &prep, &stats, flags);
    let Some(content) = p5_candidate::pick(dom, &scores, &stats) else {
        return Vec::new();
    };
    let removed = p6_clean::clean(dom, &prep, &content.nodes, flags);
    let kept = p3_prepare::measure(dom, &prep, &removed);
    let mut builder = BlockBuilder::new(dom, &removed, &kept, base);
    for &node in &content.nodes {
        builder.add(node);
    }
    let mut blocks = builder.finish();
    drop_boilerplate(&mut blocks);
    blocks
}

/// The whole (pruned) body as the article, when it has text and is not
/// mostly links.
fn whole_body(dom: &Dom<'_>, base: Option<&Url>) -> Option<Vec<Block>> {
    let flags = Flags::ATTEMPTS[0];
    let prep = p3_prepare::prepare(dom, flags);
    let stats = p3_prepare::measure(dom, &prep, &prep.removed);
    let body = dom.body();
    let s = &stats[body as usize];
    if s.text.chars == 0 || s.link_density() > MAX_FALLBACK_LINK_DENSITY {
        return None;
    }
    let mut builder = BlockBuilder::new(dom, &prep.removed, &stats, base);
    builder.add(body);
    let mut blocks = builder.finish();
    drop_boilerplate(&mut blocks);
    (!blocks.is_empty()).then_some(blocks)
}

fn blocks_len(blocks: &[Block]) -> f32 {
    blocks
        .iter()
        .filter(|b| !matches!(b, Block::Image { .. }))
        .map(|b| p7_blocks::block_stats(b).weighted_len())
        .sum()
}

/// Drops editor credits, share prompts, datelines, repeated text and
/// "related" lists that live inside the article's own container.
fn drop_boilerplate(blocks: &mut Vec<Block>) {
    let total: f32 = blocks_len(blocks);
    // Text of earlier blocks → whether it first came as a paragraph.
    let mut seen: HashMap<String, bool> = HashMap::new();
    let mut recent: VecDeque<String> = VecDeque::with_capacity(RECENT_BLOCKS);
    let mut out = Vec::with_capacity(blocks.len());
    let mut before = 0.0f32;
    let mut in_related = false;
    let count = blocks.len();
    for (index, block) in std::mem::take(blocks).into_iter().enumerate() {
        let text = block.text_lines().join(" ");
        let len = TextStats::of(&text).weighted_len();
        let is_text_block = matches!(block, Block::Heading { .. } | Block::Paragraph { .. });
        if is_text_block && patterns::is_boilerplate_heading(&text) {
            // A "related"/"comments" heading, or such a label past the
            // article's middle, ends the article.
            if matches!(block, Block::Heading { .. }) || before > (total - before - len) {
                break;
            }
            in_related = true;
            before += len;
            continue;
        }
        before += len;
        if in_related {
            let link_only = match &block {
                Block::List { .. } | Block::Image { .. } => true,
                Block::Paragraph { content } => content.iter().all(
                    |i| !matches!(i, Inline::Text { text } if text.trim().chars().count() > 2),
                ),
                _ => false,
            };
            if link_only {
                continue;
            }
            in_related = false;
        }
        let edge = index < 3 || index + 3 >= count;
        let furniture = match &block {
            Block::Paragraph { .. } => {
                patterns::is_boilerplate_line(&text)
                    || (patterns::is_credit_line(&text)
                        && !matches!(out.last(), Some(Block::Image { .. })))
                    || (edge && patterns::is_dateline(&text))
                    || (index + 3 >= count && patterns::is_contact_line(&text))
            }
            Block::Image {
                caption: Some(c), ..
            } => patterns::is_boilerplate_line(c),
            _ => false,
        };
        if furniture {
            continue;
        }
        // An item of a list inside the container can be a furniture line
        // too (a site that lists 原标题 and 责任编辑 under the text).
        let block = match block {
            Block::List { ordered, items } => {
                let items: Vec<Vec<Inline>> = items
                    .into_iter()
                    .filter(|i| !patterns::is_boilerplate_line(&inline_text(i)))
                    .collect();
                if items.is_empty() {
                    continue;
                }
                Block::List { ordered, items }
            }
            other => other,
        };
        // The same text twice (a gallery caption repeated under the photo,
        // a desktop and a mobile copy of one paragraph, a truncated teaser
        // of a paragraph) is read once.
        if len >= MIN_DEDUP_LEN {
            let lines = block.text_lines();
            let keys: Vec<String> = lines.iter().map(|l| dedup_key(l)).collect();
            let teaser = teaser_stem(&text).map(dedup_key);
            // Writers repeat refrains: a paragraph repeating a paragraph
            // stays; anything repeating a caption or a list item goes.
            let is_paragraph = matches!(block, Block::Paragraph { .. });
            let repeated = !keys.is_empty()
                && keys.iter().all(|k| {
                    seen.get(k)
                        .is_some_and(|&first_was_paragraph| !(is_paragraph && first_was_paragraph))
                });
            // Teasers repeat something close by: compare with recent blocks
            // only, so a page of a million teasers stays linear.
            let teases = teaser.is_some_and(|t| {
                !t.is_empty() && recent.iter().any(|s: &String| s.starts_with(t.as_str()))
            });
            if repeated || teases {
                continue;
            }
            // A gallery's list item holds caption and credit on separate
            // lines; either may come back as a paragraph.
            let sub_keys = match &block {
                Block::List { items, .. } if items.iter().any(|i| i.contains(&Inline::Break)) => {
                    items
                        .iter()
                        .flat_map(|i| {
                            inline_text(i)
                                .split('\n')
                                .map(dedup_key)
                                .filter(|k| k.chars().count() as f32 >= MIN_DEDUP_LEN)
                                .collect::<Vec<_>>()
                        })
                        .collect()
                }
                _ => Vec::new(),
            };
            for key in keys.into_iter().chain(sub_keys) {
                if recent.len() == RECENT_BLOCKS {
                    recent.pop_front();
                }
                recent.push_back(key.clone());
                seen.entry(key).or_insert(is_paragraph);
            }
        }
        out.push(block);
    }
    *blocks = out;
}

/// Text reduced to its letters and digits, for spotting repeats.
fn dedup_key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The text a truncated teaser keeps ("The minister said … more" →
/// "The minister said"), or `None` when the block is not cut short.
fn teaser_stem(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let t = t
        .strip_suffix("more")
        .or_else(|| t.strip_suffix("More"))
        .map(str::trim_end)
        .filter(|r| r.ends_with("...") || r.ends_with('…'))
        .unwrap_or(t);
    let stem = t.strip_suffix("...").or_else(|| t.strip_suffix('…'))?;
    Some(stem)
}

/// The headline is shown above the body; a heading or first paragraph
/// repeating it would be read twice.
fn drop_title_duplicate(blocks: &mut Vec<Block>, title: &str) {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let t = norm(title);
    if t.is_empty() {
        return;
    }
    let pos = blocks.iter().take(3).position(|b| match b {
        Block::Heading { content, .. } => {
            let h = norm(&inline_text(content));
            h == t || (!h.is_empty() && t.contains(&h) && h.len() * 2 > t.len())
        }
        _ => false,
    });
    if let Some(p) = pos {
        blocks.remove(p);
    }
}

/// A page without a declared title is titled by its first heading, or not
/// at all: the reader labels it by its address, the core does not invent.
fn fallback_title(blocks: &[Block]) -> String {
    blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading { content, .. } => Some(inline_text(content)),
            _ => None,
        })
        .unwrap_or_default()
}

fn assemble(
    title: String,
    meta: p1_metadata::Metadata,
    blocks: Vec<Block>,
    base: Option<&Url>,
) -> Article {
    let mut body_stats = TextStats::default();
    let mut first_paragraph = None;
    for b in &blocks {
        let s = p7_blocks::block_stats(b);
        body_stats.add(&s);
        if first_paragraph.is_none() {
            if let Block::Paragraph { content } = b {
                let t = inline_text(content);
                if TextStats::of(&t).weighted_len() > 80.0 {
                    first_paragraph = Some(t);
                }
            }
        }
    }
    let lang = meta
        .lang
        .clone()
        .or_else(|| guess_lang(&blocks, &body_stats));
    let dir = match meta.dir.as_deref() {
        Some("rtl") => TextDirection::Rtl,
        Some("ltr") => TextDirection::Ltr,
        _ if lang.as_deref().is_some_and(is_rtl_lang) => TextDirection::Rtl,
        _ => TextDirection::Ltr,
    };
    let lead_image = meta.lead_image.clone().or_else(|| {
        blocks.iter().find_map(|b| match b {
            Block::Image { src, .. } => Some(src.clone()),
            _ => None,
        })
    });
    let excerpt = meta
        .excerpt
        .clone()
        .or(first_paragraph)
        .map(|e| truncate_chars(&e, EXCERPT_CHARS));
    let mut article = Article {
        title,
        byline: meta.byline,
        site_name: meta
            .site_name
            .or_else(|| base.and_then(|u| u.host_str()).map(str::to_owned)),
        published: meta.published,
        lang,
        dir,
        url: meta.canonical.or_else(|| base.map(Url::to_string)),
        lead_image,
        excerpt,
        word_count: 0,
        reading_minutes: 0,
        blocks,
    };
    article.update_reading_time();
    article
}

/// Guesses the language from the script when the page does not say.
fn guess_lang(blocks: &[Block], stats: &TextStats) -> Option<String> {
    if stats.chars == 0 {
        return None;
    }
    let sample: String = blocks
        .iter()
        .take(20)
        .flat_map(|b| b.text_lines())
        .collect::<Vec<_>>()
        .join(" ");
    let kana = sample
        .chars()
        .filter(|c| ('\u{3040}'..='\u{30ff}').contains(c))
        .count();
    let hangul = sample
        .chars()
        .filter(|c| ('\u{ac00}'..='\u{d7af}').contains(c))
        .count();
    let arabic = sample
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06ff}').contains(c))
        .count();
    let hebrew = sample
        .chars()
        .filter(|c| ('\u{0590}'..='\u{05ff}').contains(c))
        .count();
    let total = sample.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let share = |n: usize| n * 5 > total;
    Some(
        if share(kana) {
            "ja"
        } else if share(hangul) {
            "ko"
        } else if stats.is_mostly_cjk() {
            "zh"
        } else if share(arabic) {
            "ar"
        } else if share(hebrew) {
            "he"
        } else {
            return None;
        }
        .to_owned(),
    )
}

fn is_rtl_lang(lang: &str) -> bool {
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "he" | "iw" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb"
    )
}

fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_owned(),
    }
}

/// A plain-text document as an article: the first line is the title, blank
/// lines separate paragraphs.
pub fn plain_text_article(text: &str, url: Option<&Url>) -> Result<Article, ExtractError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut paragraphs = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty());
    let title = paragraphs.next().ok_or(ExtractError::Empty)?;
    let mut article = Article {
        title,
        url: url.map(Url::to_string),
        blocks: paragraphs
            .map(|text| Block::Paragraph {
                content: vec![Inline::Text { text }],
            })
            .collect(),
        ..Article::default()
    };
    article.update_reading_time();
    Ok(article)
}
