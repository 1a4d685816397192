//! The error of the whole pipeline: one enum per domain, joined here so
//! callers that fetch and extract (the application layer, the CLI) hold one
//! type.

use reader_errors::{Coded, ErrorCode};

use crate::extract::ExtractError;
use crate::fetch::FetchError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Extract(#[from] ExtractError),
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::Fetch(e) => e.code(),
            Error::Extract(e) => e.code(),
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            Error::Fetch(e) => e.l10n_args(),
            Error::Extract(e) => e.l10n_args(),
        }
    }
}
