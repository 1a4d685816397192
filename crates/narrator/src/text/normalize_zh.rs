//! Chinese normalisation for speech. PLACEHOLDER until the real rules land.

/// Rewrites numbers, dates, percentages and symbols in Chinese text as words.
pub fn normalize_zh(text: &str) -> String {
    text.to_owned()
}
