//! Language runs. PLACEHOLDER until the real rules land.
use std::ops::Range;

/// A language the narrator has a voice for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

/// Splits a sentence into runs of one language, tiling `text` exactly;
/// text with no letters of either language takes `default`.
pub fn language_runs(text: &str, default: Lang) -> Vec<(Lang, Range<usize>)> {
    if text.is_empty() { Vec::new() } else { vec![(default, 0..text.len())] }
}
