//! Chinese text → what the Mandarin voice is given (narrator::text::normalize_zh).
#![no_main]

use libfuzzer_sys::fuzz_target;
use narrator::text::normalize_zh;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let spoken = normalize_zh(&text);
    // The module's rule: every digit is written out in words (full-width
    // digits are made half-width first).
    assert!(
        !spoken
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)),
        "a digit reaches the voice: {text:?} → {spoken:?}"
    );
});
