//! Text → sentences (narrator::text::sentences).
#![no_main]

use care_reader_fuzz::assert_tiles;
use libfuzzer_sys::fuzz_target;
use narrator::text::sentences;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ranges = sentences(&text);
    assert_tiles(&text, &ranges, "sentences");
    for r in &ranges {
        // A line break always ends a sentence (it may only trail it, or lead
        // the first one as whitespace).
        let piece = text[r.clone()].trim();
        assert!(
            !piece.contains('\n'),
            "sentence spans a line break: {piece:?}"
        );
    }
    if !text.is_empty() && text.trim().is_empty() {
        assert_eq!(ranges.len(), 1, "whitespace-only text is one range");
    }
});
