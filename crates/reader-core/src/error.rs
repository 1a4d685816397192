//! The crate-wide error: one enum per domain, joined here so callers that run
//! the whole pipeline (CLI, app) can hold one type.

use crate::extract::ExtractError;
use crate::fetch::FetchError;
use crate::i18n::{ErrorMessage, Localizer};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Extract(#[from] ExtractError),
}

impl Error {
    /// Stable machine-readable code (`fetch-timeout`, `no-article`, ...): the UI
    /// branches on it, the CLI maps it to an exit code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Fetch(e) => e.code(),
            Error::Extract(e) => e.code(),
        }
    }

    /// The error as `{code, message}` with the message in the reader's language.
    pub fn localize(&self, l10n: &Localizer) -> ErrorMessage {
        match self {
            Error::Fetch(e) => l10n.error_message(e.code(), e.l10n_args()),
            Error::Extract(e) => l10n.error_message(e.code(), e.l10n_args()),
        }
    }
}
