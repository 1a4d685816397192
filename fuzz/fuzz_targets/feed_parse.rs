//! Feed bytes (RSS, Atom, JSON Feed, in any charset) → headlines
//! (reader_feeds::parse_feed). The first byte picks the HTTP charset the
//! feed arrives with (none, GBK, UTF-8, a wrong one, a bogus one).
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_feeds::{MAX_ENTRIES, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, parse_feed};

const CHARSETS: [Option<&str>; 5] = [None, Some("gbk"), Some("utf-8"), Some("iso-8859-1"), Some("x-bogus")];

fuzz_target!(|data: &[u8]| {
    let Some((&flag, bytes)) = data.split_first() else {
        return;
    };
    let charset = CHARSETS[usize::from(flag) % CHARSETS.len()];
    let base = url::Url::parse("https://feeds.example.cn/rss/news.xml").ok();
    let Ok(feed) = parse_feed(bytes, charset, base.as_ref()) else {
        return;
    };
    assert!(feed.entries.len() <= MAX_ENTRIES, "{} entries", feed.entries.len());
    assert!(feed.title.chars().count() <= MAX_TITLE_CHARS);
    let mut urls = std::collections::HashSet::new();
    for entry in &feed.entries {
        assert!(matches!(entry.url.scheme(), "http" | "https"), "{}", entry.url);
        assert!(entry.url.host_str().is_some_and(|h| !h.is_empty()), "{}", entry.url);
        assert!(urls.insert(entry.url.clone()), "{} twice", entry.url);
        // Titles are one clean line: what a card and the voice get.
        assert!(!entry.title.is_empty(), "an empty title");
        assert_eq!(entry.title.trim(), entry.title, "untrimmed {:?}", entry.title);
        assert!(!entry.title.contains(['\n', '\t', '\r']), "{:?}", entry.title);
        assert!(!entry.title.contains("  "), "{:?}", entry.title);
        assert!(entry.title.chars().count() <= MAX_TITLE_CHARS);
        assert!(entry.summary.chars().count() <= MAX_SUMMARY_CHARS);
        assert!(!entry.key.is_empty());
    }
    // Newest first; entries without a time after all those with one.
    let times: Vec<i64> = feed.entries.iter().map(|e| e.published.unwrap_or(i64::MIN)).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    if let Some(site) = &feed.site {
        assert!(matches!(site.scheme(), "http" | "https"), "{site}");
    }
});
