//! A site's page → the feeds it names (reader_feeds::feed_links), and the
//! cheap "is this a feed or a page" test that decides between parsing and
//! discovery (looks_like_feed).
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_feeds::{MAX_CANDIDATES, feed_links, looks_like_feed};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let Ok(base) = url::Url::parse("https://www.example.cn/news/index.html") else {
        return;
    };
    let links = feed_links(&html, &base);
    assert!(links.len() <= MAX_CANDIDATES, "{} candidates", links.len());
    for (i, link) in links.iter().enumerate() {
        assert!(matches!(link.scheme(), "http" | "https"), "{link}");
        assert!(link.host_str().is_some_and(|h| !h.is_empty()), "{link}");
        assert!(!links[..i].contains(link), "{link} twice");
    }
    let _ = looks_like_feed(&html);
});
