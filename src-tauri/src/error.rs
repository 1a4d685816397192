//! The one error type commands return: `{code, message}`, the message in
//! the reader's language. The UI branches on `code` and shows `message`.

use reader_l10n::{ErrorMessage, Localizer};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UiError {
    pub code: String,
    pub message: String,
}

impl From<ErrorMessage> for UiError {
    fn from(m: ErrorMessage) -> Self {
        UiError {
            code: m.code,
            message: m.message,
        }
    }
}

impl UiError {
    /// An error with a message `error-<code>` and no arguments.
    pub fn coded(l10n: &Localizer, code: &str) -> UiError {
        l10n.error_message(code, Vec::new()).into()
    }
}

impl std::fmt::Display for UiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for UiError {}
