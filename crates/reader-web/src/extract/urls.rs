//! URLs that may reach the reader.
//!
//! A helper below the passes: the metadata pass (canonical URL, lead image)
//! and the blocks pass (links, images) resolve addresses with it.

use url::Url;

/// Resolves `raw` against `base` and accepts only http(s) results: no
/// `javascript:`, `data:` or `file:` URL ever reaches the UI.
pub fn resolve_http(base: Option<&Url>, raw: &str) -> Option<String> {
    let url = match base {
        Some(b) => b.join(raw).ok()?,
        None => Url::parse(raw).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}
