//! The short-term scan (see `search.rs`) at library scale: 1 000 kept
//! articles of about 1 500 characters each, in memory, in a debug build.
//! A generous bound; the figures are printed for the note.

mod common;

use std::time::Instant;

use common::article;
use reader_store::{Store, StoreError};

#[test]
fn searching_a_thousand_kept_articles_stays_quick() -> Result<(), StoreError> {
    let store = Store::in_memory()?;
    let filler = "城市里的老人每天清早去公园散步，和朋友聊天，下棋，打太极拳。".repeat(12);
    let english = "Older readers walk in the park each morning and talk with friends. ".repeat(8);
    for i in 0..1000 {
        let special = if i == 617 {
            "地坛的银杏树最好看。"
        } else {
            ""
        };
        let a = article(
            &format!("第{i}篇 Article {i}"),
            &[&filler, special, &english],
        );
        let id = store.remember_article(&format!("https://scale.example/{i}"), &a)?;
        store.keep(id)?;
    }
    for (query, expected) in [
        ("银杏", 1),
        ("杏", 1),
        ("地坛的银杏", 1),
        ("ginkgo", 0),
        ("friends", 20),
    ] {
        let started = Instant::now();
        let hits = store.search(query, 20)?;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        eprintln!(
            "search {query:?} over 1000 kept articles: {} hits in {ms:.1} ms",
            hits.len()
        );
        assert_eq!(hits.len(), expected, "{query}");
        assert!(ms < 2000.0, "{query}: {ms} ms");
    }
    Ok(())
}
