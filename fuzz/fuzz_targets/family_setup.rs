//! A family setup file (reader_app::family::parse): what it accepts is
//! whole and within bounds, and taken into a store and written out again
//! it reads back as the same setup.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_app::family::{PIN_DIGITS, export_text, parse};
use reader_store::Store;

fuzz_target!(|data: &[u8]| {
    let Ok(setup) = parse(data) else {
        return;
    };
    assert_eq!(setup.settings.clone().clamped(), setup.settings, "settings out of range");
    let mut feeds = std::collections::HashSet::new();
    for source in &setup.sources {
        let url = url::Url::parse(&source.feed_url).expect("a feed address");
        assert!(matches!(url.scheme(), "http" | "https"), "{url}");
        assert!(feeds.insert(source.feed_url.clone()), "{} twice", source.feed_url);
        assert!(!source.title.is_empty() && source.title.trim() == source.title);
    }
    if let Some(pin) = &setup.pin {
        assert!(PIN_DIGITS.contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()), "{pin:?}");
    }
    for entry in &setup.pronunciations {
        assert!(!entry.word.is_empty() && !entry.say.is_empty(), "{entry:?}");
    }
    // Taken and written again, it is the same setup.
    let Ok(store) = Store::in_memory() else {
        return;
    };
    store.apply_family_setup(&setup).expect("a checked setup is taken");
    let text = export_text(&store).expect("written out");
    let again = parse(text.as_bytes()).expect("what we write reads back");
    assert_eq!(again.settings, setup.settings);
    assert_eq!(again.sources, setup.sources);
    assert_eq!(again.pin, setup.pin);
    assert_eq!(again.pronunciations.len(), {
        let mut seen = std::collections::HashSet::new();
        setup.pronunciations.iter().filter(|e| seen.insert((e.lang.clone(), e.word.clone()))).count()
    });
});
