//! Invariants shared by the fuzz targets. A broken invariant panics, which
//! libFuzzer reports as a crash with the input that caused it.

use std::ops::Range;

use reader_article::{Article, Block, Inline};
use url::Url;

/// The base URL the targets use when they want one: a Chinese news page, so
/// relative links, images and the TLD hint all have something to work on.
pub const BASE_URL: &str = "https://news.example.cn/2026/11/30/article.html";

/// `ranges` tile `text` exactly: in order, no gaps, no overlaps, none empty,
/// every boundary on a character boundary, together `0..text.len()`.
pub fn assert_tiles(text: &str, ranges: &[Range<usize>], what: &str) {
    if text.is_empty() {
        assert!(
            ranges.is_empty(),
            "{what}: empty text gave ranges {ranges:?}"
        );
        return;
    }
    let mut at = 0;
    for r in ranges {
        assert_eq!(
            r.start, at,
            "{what}: gap or overlap at byte {at} in {text:?}: {ranges:?}"
        );
        assert!(r.end > r.start, "{what}: empty range {r:?} in {text:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{what}: {r:?} splits a character in {text:?}"
        );
        at = r.end;
    }
    assert_eq!(
        at,
        text.len(),
        "{what}: ranges stop at {at} of {} in {text:?}",
        text.len()
    );
}

/// An http(s) URL, absolute, as the article model promises for links and images.
pub fn assert_http_url(url: &str, what: &str) {
    match Url::parse(url) {
        Ok(u) => assert!(
            matches!(u.scheme(), "http" | "https"),
            "{what}: {url:?} is not http(s)"
        ),
        Err(e) => panic!("{what}: {url:?} is not an absolute URL ({e})"),
    }
}

fn check_inlines(content: &[Inline]) {
    for inline in content {
        if let Inline::Link { href, .. } = inline {
            assert_http_url(href, "link href");
        }
    }
}

/// What every extracted article promises (see `reader_article::Article`):
/// http(s) links and images, a reading time of at least a minute that
/// matches its words, a short excerpt, heading levels 1–6, and a JSON round
/// trip (the store keeps articles as JSON) that gives the same article.
pub fn check_article(article: &Article) {
    assert!(article.reading_minutes >= 1, "reading time below a minute");
    let mut recounted = article.clone();
    recounted.update_reading_time();
    assert_eq!(
        (recounted.word_count, recounted.reading_minutes),
        (article.word_count, article.reading_minutes),
        "word count or reading time out of date"
    );
    if let Some(excerpt) = &article.excerpt {
        // 200 characters and an ellipsis at most.
        assert!(
            excerpt.chars().count() <= 201,
            "excerpt too long: {excerpt:?}"
        );
    }
    if let Some(image) = &article.lead_image {
        assert_http_url(image, "lead image");
    }
    for block in &article.blocks {
        match block {
            Block::Heading { level, content } => {
                assert!((1..=6).contains(level), "heading level {level}");
                check_inlines(content);
            }
            Block::Paragraph { content } => check_inlines(content),
            Block::Image { src, .. } => assert_http_url(src, "image src"),
            Block::Quote { paragraphs } => paragraphs.iter().for_each(|p| check_inlines(p)),
            Block::List { items, .. } => items.iter().for_each(|i| check_inlines(i)),
            Block::Preformatted { .. } | Block::Table { .. } => {}
        }
    }
    let json = serde_json::to_string(article).expect("an article always serialises");
    let back: Article = serde_json::from_str(&json).expect("an article's JSON reads back");
    assert_eq!(&back, article, "JSON round trip changed the article");
}
