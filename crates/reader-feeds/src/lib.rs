//! # reader-feeds
//!
//! News sources for Care Reader's Home: a family chooses a few sources once,
//! and the reader sees their newest headlines in large print.
//!
//! - [`parse_feed`]: RSS, Atom and JSON Feed bytes in any charset → a
//!   [`Feed`] of [`Entry`]s (title, link, time, short summary);
//! - [`feed_links`]: the feeds a site's page names;
//! - [`find`] / [`load`]: the same over the network, from a site's or a
//!   feed's address, with reader-web's bounded fetching;
//! - [`parse_opml`] / [`write_opml`]: lists of sources shared with other
//!   feed readers;
//! - [`suggested`]: a few well-known sources per UI language to start from.
//!
//! No store and no window: reader-app keeps the sources and headlines in
//! the one store and refreshes them. The article behind a headline is never
//! taken from the feed; it is extracted from its page like any other.

#![forbid(unsafe_code)]

mod discover;
mod error;
mod opml;
mod parse;
mod suggested;
mod text;

use reader_web::fetch::{self, FetchOptions, charset};
use url::Url;

pub use discover::{MAX_CANDIDATES, feed_links};
pub use error::FeedError;
pub use opml::{MAX_OPML_BYTES, MAX_OPML_SOURCES, OpmlError, OpmlSource, parse_opml, write_opml};
pub use parse::{
    Entry, Feed, MAX_ENTRIES, MAX_FEED_BYTES, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, looks_like_feed,
    parse_feed,
};
pub use suggested::{Suggested, Topic, suggested};

/// A feed found from an address, and the feed's own address (which differs
/// from the one typed when it was discovered on the site's page).
#[derive(Debug, Clone)]
pub struct Found {
    pub feed_url: Url,
    pub feed: Feed,
}

/// `opts` with the size cap of a feed.
fn feed_options(opts: &FetchOptions) -> FetchOptions {
    let mut opts = opts.clone();
    opts.max_bytes = opts.max_bytes.min(MAX_FEED_BYTES);
    opts
}

/// Loads the feed at `url` (a known feed address, as a refresh does).
pub async fn load(url: &Url, opts: &FetchOptions) -> Result<Feed, FeedError> {
    let document = fetch::fetch_document(url, &feed_options(opts)).await?;
    parse_feed(
        &document.bytes,
        document.http_charset(),
        Some(&document.url),
    )
}

/// Finds the feed for `address`: the feed itself, or a site's page whose
/// feed links ([`feed_links`]) lead to one — the first candidate that
/// parses wins.
pub async fn find(address: &Url, opts: &FetchOptions) -> Result<Found, FeedError> {
    let opts = feed_options(opts);
    let document = fetch::fetch_document(address, &opts).await?;
    let tld = document
        .url
        .domain()
        .and_then(|d| d.trim_end_matches('.').rsplit('.').next());
    let (text, _) = charset::decode_with_tld(&document.bytes, document.http_charset(), tld);
    if looks_like_feed(&text) {
        let feed = parse_feed(
            &document.bytes,
            document.http_charset(),
            Some(&document.url),
        )?;
        return Ok(Found {
            feed_url: document.url,
            feed,
        });
    }
    let mut first_error = None;
    for candidate in feed_links(&text, &document.url) {
        match load(&candidate, &opts).await {
            Ok(feed) => {
                return Ok(Found {
                    feed_url: candidate,
                    feed,
                });
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    // A candidate that failed to fetch says more than "no feed"; one that
    // was a web page after all does not.
    Err(match first_error {
        Some(FeedError::Fetch(e)) => FeedError::Fetch(e),
        _ => FeedError::NotAFeed,
    })
}
