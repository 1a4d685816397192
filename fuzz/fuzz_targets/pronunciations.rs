//! A pronunciation dictionary file (narrator::pronunciation::parse_file),
//! as Settings imports it, then applied to text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use narrator::pronunciation::{
    MAX_ENTRIES, MAX_TEXT_CHARS, Pronunciations, checked, parse_file, to_file,
};
use narrator::text::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(entries) = parse_file(data) else {
        return;
    };
    // Every entry taken is one the app would take on its own, within bounds.
    assert!(entries.len() <= MAX_ENTRIES);
    for e in &entries {
        assert_eq!(checked(e.clone()).as_ref(), Ok(e), "{e:?}");
        assert!(e.word.chars().count() <= MAX_TEXT_CHARS);
        assert!(!e.word.contains(['\t', '\n']) && !e.say.contains(['\t', '\n']));
    }
    // Written out and read back: the same dictionary.
    assert_eq!(parse_file(to_file(&entries).as_bytes()).as_ref(), Ok(&entries));
    // Applying it to any text (the file's own included) never panics.
    let said = Pronunciations::new(entries.clone());
    let text = String::from_utf8_lossy(data);
    for lang in [Lang::Zh, Lang::En] {
        let _ = said.apply(lang, &text);
    }
});
