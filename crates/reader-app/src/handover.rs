//! What a second launch of the app hands the first: "open this" (or just
//! "come to the front"), one JSON line on the single-instance socket in the
//! data folder. The first app reads it from whatever connects there, so the
//! line is outside input: bounded, checked, and refused whole when it is not
//! ours. The socket and the lock are the shell's (`src-tauri/src/instance.rs`).

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The longest line taken: an address or a path, with room.
pub const MAX_LINE: usize = 64 * 1024;

/// What a second launch asks of the first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    /// A URL or an absolute path to open; `None` = just come to the front.
    pub open: Option<String>,
}

/// Why a line was not taken (logged by the first app; the second launch has
/// already gone, and no one is waiting to read it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandoverError {
    #[error("the hand-over line is longer than {MAX_LINE} bytes")]
    TooLong,
    #[error("the hand-over line is not ours: {0}")]
    NotOurs(String),
}

impl Handover {
    /// The line as sent: JSON, then a newline (JSON escapes any inside).
    pub fn to_line(&self) -> String {
        let mut line = serde_json::to_string(self).unwrap_or_else(|_| "{}".into());
        line.push('\n');
        line
    }

    /// Reads one line as [`Handover::to_line`] writes it. An address or a
    /// path that is blank or holds a NUL (no file has one) is refused too:
    /// the first app would have nothing to open.
    pub fn from_line(line: &str) -> Result<Handover, HandoverError> {
        if line.len() > MAX_LINE {
            return Err(HandoverError::TooLong);
        }
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.contains('\n') {
            return Err(HandoverError::NotOurs("more than one line".into()));
        }
        let handover: Handover =
            serde_json::from_str(line).map_err(|e| HandoverError::NotOurs(e.to_string()))?;
        match handover.open.as_deref() {
            Some(open) if open.trim().is_empty() || open.contains('\0') => Err(
                HandoverError::NotOurs("an empty or impossible address".into()),
            ),
            _ => Ok(handover),
        }
    }
}

/// Makes a relative path absolute against this process's folder, so that
/// `care-reader-app page.html` from a shell names the same file in the first
/// app, which runs elsewhere. Addresses and missing files pass unchanged.
pub fn absolute_source(source: &str) -> String {
    let path = Path::new(source);
    if path.is_relative()
        && !source.contains("://")
        && let Ok(found) = path.canonicalize()
    {
        return found.display().to_string();
    }
    source.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_back_as_it_was_written() {
        for open in [
            None,
            Some("https://example.com/a.html".to_owned()),
            Some("/home/妈妈/新闻 \"今天\".html".to_owned()),
            Some("a\nb".to_owned()),
        ] {
            let handover = Handover { open };
            let line = handover.to_line();
            assert_eq!(line.matches('\n').count(), 1, "{line:?}");
            assert_eq!(Handover::from_line(&line), Ok(handover));
        }
    }

    #[test]
    fn lines_that_are_not_ours_are_refused_whole() {
        let refused = [
            "",
            "ok\n",
            "{\"open\": 5}\n",
            "{\"open\": \"x\", \"delete\": true}\n",
            "{\"open\": \"   \"}\n",
            "{\"open\": \"a\\u0000b\"}\n",
            "{\"open\": null}\n{\"open\": null}\n",
        ];
        for line in refused {
            assert!(
                matches!(Handover::from_line(line), Err(HandoverError::NotOurs(_))),
                "{line:?}"
            );
        }
        let long = format!("{{\"open\": \"{}\"}}", "a".repeat(MAX_LINE));
        assert_eq!(Handover::from_line(&long), Err(HandoverError::TooLong));
    }

    #[test]
    fn a_relative_file_is_made_absolute_and_addresses_are_kept() {
        let url = "https://example.com/a.html";
        assert_eq!(absolute_source(url), url);
        assert_eq!(absolute_source("no-such-file.html"), "no-such-file.html");
        let here = absolute_source("Cargo.toml");
        assert!(Path::new(&here).is_absolute(), "{here}");
    }
}
