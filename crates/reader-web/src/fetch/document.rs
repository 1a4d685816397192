//! Bodies that another parser reads in its own way — news feeds and the
//! pages that name them — fetched with the same bounds as a page (one
//! deadline, redirects checked hop by hop, a size cap while streaming) but
//! handed over as bytes: a feed's charset is decided by the feed parser
//! together with its XML declaration, and a page is only scanned for links.

use reqwest::header::CONTENT_TYPE;
use url::Url;

use super::http::{get_following_redirects, read_capped, web_only, within_deadline};
use super::{FetchError, FetchOptions};

/// Feeds first, then the site's page (for discovery), anything else last.
const ACCEPT_FEEDS: &str = "application/rss+xml,application/atom+xml,application/feed+json,\
application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,text/html;q=0.7,*/*;q=0.5";

/// A fetched body, undecoded.
#[derive(Debug, Clone)]
pub struct Document {
    /// Final URL after redirects.
    pub url: Url,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl Document {
    /// The `charset` parameter of the `Content-Type` header.
    pub fn http_charset(&self) -> Option<&str> {
        self.content_type
            .as_deref()
            .and_then(super::charset::charset_from_content_type)
    }
}

/// Fetches a feed or a page that may name one (http or https only), bounded
/// by `opts`. Pictures, video, PDFs and other downloads are refused before
/// their body is read.
pub async fn fetch_document(url: &Url, opts: &FetchOptions) -> Result<Document, FetchError> {
    web_only(url)?;
    within_deadline(opts, fetch_unbounded(url, opts)).await
}

async fn fetch_unbounded(start: &Url, opts: &FetchOptions) -> Result<Document, FetchError> {
    let (url, response) = get_following_redirects(start, opts, ACCEPT_FEEDS).await?;
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    if let Some(content_type) = &content_type
        && !is_textual(content_type)
    {
        return Err(FetchError::UnsupportedContentType {
            content_type: content_type.clone(),
        });
    }
    let bytes = read_capped(response, &url, opts.max_bytes, opts).await?;
    Ok(Document {
        url,
        content_type,
        bytes,
    })
}

/// Text, XML and JSON of every flavour (feeds are served as all of
/// `text/xml`, `application/rss+xml`, `application/feed+json`, even
/// `text/plain` and `application/octet-stream` — the last is left to the
/// parser).
fn is_textual(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence.is_empty()
        || essence.starts_with("text/")
        || essence.contains("xml")
        || essence.contains("json")
        || essence == "application/octet-stream"
}

#[cfg(test)]
mod tests {
    use super::is_textual;

    #[test]
    fn feeds_in_every_costume_are_textual_and_media_are_not() {
        for ok in [
            "application/rss+xml; charset=GBK",
            "application/atom+xml",
            "text/xml",
            "application/feed+json",
            "text/html; charset=utf-8",
            "application/octet-stream",
            "",
        ] {
            assert!(is_textual(ok), "{ok}");
        }
        for refused in [
            "image/png",
            "video/mp4",
            "application/pdf",
            "application/zip",
        ] {
            assert!(!is_textual(refused), "{refused}");
        }
    }
}
