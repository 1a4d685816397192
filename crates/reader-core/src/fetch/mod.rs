//! Loading a page: http(s) URLs, local files, `file://` URLs and stdin.
//!
//! Every network fetch is bounded (connect and total timeouts, at most
//! [`FetchOptions::max_redirects`] redirects, a streamed body cap) and every
//! body is decoded with the charset rules in [`charset`], so GBK/GB18030 and
//! Big5 pages come out right even when mislabelled.

pub mod charset;

use std::path::PathBuf;
use std::time::Duration;

use url::Url;

/// Where a page comes from, parsed from what the user typed or passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Web(Url),
    File(PathBuf),
    Stdin,
}

/// Limits and identity for one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    /// Whole request, including reading the body.
    pub total_timeout: Duration,
    pub max_redirects: usize,
    /// Bodies larger than this are refused (streamed and aborted, never buffered whole).
    pub max_bytes: usize,
    pub user_agent: String,
    pub accept_language: String,
}

/// What the body turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Html,
    /// `text/plain`: becomes a plain article, one paragraph per blank-line block.
    PlainText,
}

/// A fetched, decoded page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Final URL after redirects (`file://` for files; `None` for stdin).
    pub url: Option<Url>,
    pub text: String,
    pub kind: PageKind,
    /// Name of the encoding the body was decoded from (`UTF-8`, `GBK`, `Big5`, ...).
    pub encoding: &'static str,
}

/// Why a page could not be loaded. (Placeholder; being written.)
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("unsupported address: {0}")]
    InvalidInput(String),
}

impl FetchError {
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::InvalidInput(_) => "invalid-address",
        }
    }
    pub fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            FetchError::InvalidInput(s) => vec![("address", s.clone())],
        }
    }
}
