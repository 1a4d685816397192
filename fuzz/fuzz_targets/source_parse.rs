//! What the user typed or passed → Source (reader_web::fetch::Source::parse).
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_web::fetch::Source;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let parsed = Source::parse(&input);
    let trimmed = input.trim();
    match &parsed {
        Ok(Source::Web(url)) => {
            assert!(matches!(url.scheme(), "http" | "https"), "web source {url}");
            assert!(
                url.host_str().is_some_and(|h| !h.is_empty()),
                "web source without a host: {url}"
            );
            // The address we settled on reads back as itself.
            assert_eq!(
                Source::parse(url.as_str()).ok(),
                Some(Source::Web(url.clone())),
                "{url} does not parse back to itself (from {trimmed:?})"
            );
        }
        Ok(Source::Stdin) => assert_eq!(trimmed, "-", "stdin from {trimmed:?}"),
        Ok(Source::File(path)) => assert!(!path.as_os_str().is_empty(), "empty path"),
        Err(_) => {}
    }
    if trimmed.is_empty() {
        assert!(parsed.is_err(), "blank input accepted");
    }
    // Surrounding whitespace never matters.
    assert_eq!(
        Source::parse(trimmed).ok(),
        parsed.ok(),
        "whitespace changed the source"
    );
});
