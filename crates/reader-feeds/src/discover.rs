//! From a site's address to its feed: the page's own `<link
//! rel="alternate">` feed links first (the standard way, and what most
//! English sites do), then — for the many Chinese portals that only list
//! their feeds on an "RSS" page or in the footer — ordinary links whose
//! address looks like a feed.

use scraper::{Html, Selector};
use url::Url;

use crate::parse::absolute;

/// Candidates tried at most, so a page of a hundred feed links (people.cn's
/// RSS directory) costs a few fetches, not a hundred.
pub const MAX_CANDIDATES: usize = 4;

/// MIME types of `<link rel="alternate">` that name a feed.
const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/json",
    "application/xml",
    "text/xml",
];

/// The feed addresses a page names, best first, absolute, without repeats,
/// at most [`MAX_CANDIDATES`].
pub fn feed_links(html: &str, base: &Url) -> Vec<Url> {
    let document = Html::parse_document(html);
    let mut found: Vec<Url> = Vec::new();
    let push = |found: &mut Vec<Url>, url: Url| {
        if found.len() < MAX_CANDIDATES && !found.contains(&url) {
            found.push(url);
        }
    };
    if let Ok(links) = Selector::parse("link[href]") {
        for link in document.select(&links) {
            let element = link.value();
            let alternate = element.attr("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("alternate"))
            });
            let feed_type = element.attr("type").is_some_and(|t| {
                let t = t.trim().to_ascii_lowercase();
                FEED_TYPES.contains(&t.as_str())
            });
            if alternate
                && feed_type
                && let Some(url) = element.attr("href").and_then(|h| absolute(h, Some(base)))
            {
                push(&mut found, url);
            }
        }
    }
    if found.is_empty()
        && let Ok(anchors) = Selector::parse("a[href]")
    {
        for anchor in document.select(&anchors) {
            if let Some(url) = anchor
                .value()
                .attr("href")
                .and_then(|h| absolute(h, Some(base)))
                && looks_like_feed_address(&url)
            {
                push(&mut found, url);
            }
        }
    }
    found
}

/// `/rss.xml`, `/feed`, `/atom.xml`, `/rss/politics.xml`, `feed.json`:
/// the shapes feed addresses take.
fn looks_like_feed_address(url: &Url) -> bool {
    let path = url.path().to_ascii_lowercase();
    let last = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or_default();
    let in_feed_folder = path
        .split('/')
        .any(|s| s == "rss" || s == "feed" || s == "feeds");
    matches!(
        last,
        "rss" | "feed" | "atom" | "rss.xml" | "atom.xml" | "feed.xml" | "feed.json" | "index.xml"
    ) || (in_feed_folder && (last.ends_with(".xml") || last.ends_with(".rss")))
        || last.ends_with(".rss")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://www.example.cn/news/").expect("url")
    }

    #[test]
    fn alternate_links_first_in_page_order() {
        let html = r#"<html><head>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" type="application/atom+xml" href="/atom.xml">
            <link rel="Alternate feed" type="application/RSS+XML" href="https://www.example.cn/rss.xml">
            <link rel="alternate" type="text/html" href="/en/">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            </head><body><a href="/rss/other.xml">RSS</a></body></html>"#;
        let links: Vec<String> = feed_links(html, &base())
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            links,
            [
                "https://www.example.cn/atom.xml",
                "https://www.example.cn/rss.xml"
            ]
        );
    }

    #[test]
    fn feed_shaped_anchors_when_the_head_names_none() {
        let html = r#"<body><a href="/about.html">About</a><a href="rss/politics.xml">时政</a>
            <a href="/rss/politics.xml">again</a><a href="http://x.cn/feed">feed</a>
            <a href="/sitemap.xml">map</a></body>"#;
        let links: Vec<String> = feed_links(html, &base())
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            links,
            [
                "https://www.example.cn/news/rss/politics.xml",
                "https://www.example.cn/rss/politics.xml",
                "http://x.cn/feed"
            ]
        );
    }

    #[test]
    fn at_most_a_few_candidates() {
        let html: String = (0..50)
            .map(|i| format!(r#"<a href="/rss/{i}.xml">{i}</a>"#))
            .collect();
        assert_eq!(feed_links(&html, &base()).len(), MAX_CANDIDATES);
        assert!(feed_links("<p>no feeds here</p>", &base()).is_empty());
    }
}
