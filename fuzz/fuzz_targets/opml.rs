//! An OPML list of sources (reader_feeds::parse_opml), and the list written
//! back (write_opml), which must read back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_feeds::{MAX_OPML_SOURCES, parse_opml, write_opml};

fuzz_target!(|data: &[u8]| {
    let Ok(sources) = parse_opml(data) else {
        return;
    };
    assert!(!sources.is_empty(), "an empty list accepted");
    assert!(sources.len() <= MAX_OPML_SOURCES);
    let mut feeds = std::collections::HashSet::new();
    for source in &sources {
        assert!(matches!(source.feed.scheme(), "http" | "https"), "{}", source.feed);
        assert!(feeds.insert(source.feed.clone()), "{} twice", source.feed);
        assert!(!source.title.is_empty(), "a source without a name");
        assert!(!source.title.contains(['\n', '\t']), "{:?}", source.title);
    }
    // What we write, we read back as it was.
    let title = sources[0].title.clone();
    let written = write_opml(&title, &sources);
    assert_eq!(parse_opml(written.as_bytes()).ok().as_ref(), Some(&sources), "{written}");
});
