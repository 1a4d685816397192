//! Helpers shared by the store's test files.
#![allow(dead_code)]

use std::path::PathBuf;

use reader_article::{Article, Block, Inline};

/// A fresh folder under the system temp folder, unique to this test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "care-reader-store-{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

pub fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        content: vec![Inline::Text { text: text.into() }],
    }
}

/// An article with a title and one paragraph per item of `body`.
pub fn article(title: &str, body: &[&str]) -> Article {
    Article {
        title: title.into(),
        site_name: Some("Site".into()),
        blocks: body.iter().map(|p| paragraph(p)).collect(),
        ..Article::default()
    }
}
