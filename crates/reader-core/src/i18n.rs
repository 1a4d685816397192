//! Localised strings through fluent (zh-CN, en-US). (Placeholder; being written.)

use serde::Serialize;

/// An error as the UI and CLI show it: a stable code and a localised message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorMessage {
    pub code: String,
    pub message: String,
}

pub struct Localizer;

impl Localizer {
    pub fn error_message(&self, code: &str, args: Vec<(&'static str, String)>) -> ErrorMessage {
        let _ = args;
        ErrorMessage {
            code: code.to_owned(),
            message: code.to_owned(),
        }
    }
}
