//! Why a source could not be read. Each variant has one [`ErrorCode`]; the
//! source's card on Home shows its localised message and nothing else on
//! the page is affected.

use reader_errors::{Coded, ErrorCode};
use reader_web::fetch::FetchError;

use crate::opml::OpmlError;

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// Fetching the feed or the site's page failed (unreachable, timeout,
    /// too large, redirect loop ...): the fetch's own code.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// Neither a feed nor a page that names one.
    #[error("not a news feed, and the page names none")]
    NotAFeed,
    /// Looked like a feed but did not parse.
    #[error("the feed could not be read: {0}")]
    Unreadable(String),
    /// Larger than [`crate::MAX_FEED_BYTES`].
    #[error("the feed is too large")]
    TooLarge,
    /// A sources list (OPML) that was refused.
    #[error(transparent)]
    Opml(#[from] OpmlError),
}

impl Coded for FeedError {
    fn code(&self) -> ErrorCode {
        match self {
            FeedError::Fetch(e) => e.code(),
            FeedError::NotAFeed => ErrorCode::NoFeed,
            FeedError::Unreadable(_) => ErrorCode::FeedUnreadable,
            FeedError::TooLarge => ErrorCode::TooLarge,
            FeedError::Opml(_) => ErrorCode::SourcesFileUnreadable,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            FeedError::Fetch(e) => e.l10n_args(),
            FeedError::TooLarge => {
                vec![("limit", (crate::MAX_FEED_BYTES / (1024 * 1024)).to_string())]
            }
            _ => Vec::new(),
        }
    }
}
