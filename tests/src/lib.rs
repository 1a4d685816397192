//! # care-reader-tests
//!
//! Shared support for Care Reader's cross-crate tests (the test binaries live
//! in `tests/tests/`):
//!
//! - [`corpus`]: finds and reads the extraction corpus in `../shared/corpus`
//!   (or `$CARE_READER_CORPUS`), skipping loudly when it is absent;
//! - [`score`]: a port of the corpus scorer (`../shared/tools/extract-eval`):
//!   CJK-aware tokens, bags of 4-gram shingles, precision/recall/F1;
//! - [`netease`]: the team-written NetEase page and its GBK/Big5 variants;
//! - [`site`]: a real web site on 127.0.0.1 (pages, feeds, failures);
//! - [`feeds`]: the news site of the sources tests, on [`site`].
//!
//! ```
//! use care_reader_tests::score::{aggregate, score_page};
//! let page = score_page("京津冀协同发展迈上新台阶", "京津冀协同发展迈上新台阶");
//! assert_eq!(aggregate(&[page]).f1, 1.0);
//! ```

pub mod audio;
pub mod corpus;
pub mod feeds;
pub mod netease;
pub mod score;
pub mod site;
mod word_table;

/// A program on `PATH` (or in cargo's bin folder, where `cargo install`
/// puts tauri-driver and which a fresh shell may not have on `PATH`).
pub fn find_program(name: &str) -> Option<std::path::PathBuf> {
    let mut dirs: Vec<std::path::PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(std::path::PathBuf::from(home).join("bin"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(std::path::PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

/// Decodes page bytes the way the app does (no HTTP charset) and extracts the
/// article; returns the body text, or an empty string when extraction fails
/// (the corpus metric counts a failure as an empty extraction).
pub fn decode_and_extract(bytes: &[u8], base: Option<&url::Url>) -> String {
    let (text, _) = reader_web::fetch::charset::decode(bytes, None);
    reader_web::extract::extract(&text, base)
        .map(|a| a.body_text())
        .unwrap_or_default()
}
