//! HTML entities left in text that did not go through the HTML parser.
//!
//! A helper below the passes: the metadata pass and the headline chooser
//! ([`super::title`]) decode JSON-LD strings with it.

/// JSON-LD strings sometimes carry HTML entities.
pub(super) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}
