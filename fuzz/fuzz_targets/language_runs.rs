//! Sentence → language runs (narrator::text::language_runs).
//!
//! Input: byte 0 picks the default language; the rest is the text.
#![no_main]

use care_reader_fuzz::assert_tiles;
use libfuzzer_sys::fuzz_target;
use narrator::text::{Lang, language_runs};

fuzz_target!(|data: &[u8]| {
    let [lang, rest @ ..] = data else { return };
    let default = if lang & 1 == 0 { Lang::Zh } else { Lang::En };
    let text = String::from_utf8_lossy(rest);
    let runs = language_runs(&text, default);
    let ranges: Vec<_> = runs.iter().map(|(_, r)| r.clone()).collect();
    assert_tiles(&text, &ranges, "language runs");
    for pair in runs.windows(2) {
        assert_ne!(
            pair[0].0, pair[1].0,
            "adjacent runs of one language in {text:?}"
        );
    }
    // No letters at all: one run of the default language.
    if !text.is_empty() && !text.chars().any(char::is_alphabetic) {
        assert_eq!(runs.len(), 1, "letterless text in {} runs", runs.len());
        assert_eq!(
            runs[0].0, default,
            "letterless text not in the default language"
        );
    }
});
