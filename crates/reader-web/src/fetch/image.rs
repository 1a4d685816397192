//! Images for the reader view. The webview never contacts a page's host:
//! the app fetches each picture here, bounded like a page, and only raster
//! image types come back (an SVG can carry script; a "picture" that is HTML
//! is not a picture).

use reqwest::header::CONTENT_TYPE;
use url::Url;

use super::http::{get_following_redirects, read_capped, web_only, within_deadline};
use super::{FetchError, FetchOptions};

/// Image types shown in the reader.
pub const IMAGE_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
];

/// The largest picture fetched; news photos are well under 1 MiB.
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;

/// A fetched picture.
#[derive(Debug, Clone)]
pub struct Image {
    /// One of [`IMAGE_TYPES`].
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// Fetches the picture at `url` (http or https only) with the page limits of
/// `opts`, capped at [`MAX_IMAGE_BYTES`].
pub async fn fetch_image(url: &Url, opts: &FetchOptions) -> Result<Image, FetchError> {
    web_only(url)?;
    within_deadline(opts, fetch_unbounded(url, opts)).await
}

async fn fetch_unbounded(start: &Url, opts: &FetchOptions) -> Result<Image, FetchError> {
    let (url, response) = get_following_redirects(start, opts, "image/*").await?;
    let declared = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).to_ascii_lowercase())
        .unwrap_or_default();
    let essence = declared
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let Some(&content_type) = IMAGE_TYPES.iter().find(|t| **t == essence) else {
        return Err(FetchError::UnsupportedContentType {
            content_type: essence,
        });
    };
    let bytes = read_capped(response, &url, MAX_IMAGE_BYTES.min(opts.max_bytes), opts).await?;
    Ok(Image {
        content_type,
        bytes,
    })
}
