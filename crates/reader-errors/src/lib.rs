//! # reader-errors
//!
//! The one list of error codes in Care Reader (关怀阅读). Each [`ErrorCode`]
//! carries everything the other layers need to know about it:
//!
//! - its stable string id (`timeout`, `no-article`), which names its message
//!   `error-<id>` in every locale's `errors.ftl`;
//! - its [`Family`], which picks the error page's heading and hint in the UI;
//! - the exit code the `care-reader` command line ends with;
//! - the [`Action`]s that can help the reader, best first (the error page's
//!   buttons, in order).
//!
//! Every layer's error type implements [`Coded`] and is turned into a
//! [`UiError`] — `{code, family, message, actions}`, the message in the
//! reader's language — the one shape the window and the command line show.
//!
//! ```
//! use reader_errors::{Action, ErrorCode, Family, UiError};
//! use reader_l10n::Localizer;
//! let e = UiError::new(&Localizer::new("en-US"), ErrorCode::Timeout, &[("seconds", "30".into())]);
//! assert_eq!(e.code.id(), "timeout");
//! assert_eq!(e.family, Family::Network);
//! assert!(e.message.contains("30 seconds"));
//! assert_eq!(ErrorCode::Timeout.exit_code(), 4);
//! assert_eq!(e.actions, [Action::TryAgain, Action::OpenInBrowser, Action::Home]);
//! ```

#![forbid(unsafe_code)]

use reader_l10n::Localizer;
use serde::{Deserialize, Serialize};

/// Declares [`ErrorCode`] from one table: variant, id, family, exit code,
/// and the actions that help, best first. The table is the only place a
/// code's string id is written.
macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $id:literal, $family:ident, $exit:literal, [$($action:ident),*];)+) => {
        /// A stable, typed error code. Serialised as its id (`"timeout"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum ErrorCode {
            $($(#[$doc])* #[serde(rename = $id)] $variant,)+
        }

        impl ErrorCode {
            /// Every code, in table order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The stable id: the UI and scripts may branch on it.
            pub const fn id(self) -> &'static str {
                match self { $(ErrorCode::$variant => $id,)+ }
            }

            /// Which page of explanations the UI shows for it.
            pub const fn family(self) -> Family {
                match self { $(ErrorCode::$variant => Family::$family,)+ }
            }

            /// The command line's exit status for it (see [`EXIT_CODES`]).
            pub const fn exit_code(self) -> u8 {
                match self { $(ErrorCode::$variant => $exit,)+ }
            }

            /// What can help, best first; [`Action::Home`] is not listed
            /// (the error page always offers it, last: see [`UiError`]).
            pub const fn actions(self) -> &'static [Action] {
                match self { $(ErrorCode::$variant => &[$(Action::$action),*],)+ }
            }
        }
    };
}

error_codes! {
    // What the reader gave us.
    /// Not a web address or file the reader can open.
    InvalidAddress = "invalid-address", Address, 3, [FixAddress];
    /// `ftp:`, `javascript:` and other schemes we do not open.
    UnsupportedScheme = "unsupported-scheme", Address, 3, [FixAddress];
    // Files and standard input: another file is what helps.
    FileNotFound = "file-not-found", File, 7, [ChooseFile, FixAddress];
    NotAFile = "not-a-file", File, 7, [ChooseFile];
    Io = "io", File, 7, [ChooseFile];
    // The network.
    /// The site's name could not be found (DNS): most often a typing
    /// mistake in the address, sometimes a passing failure.
    HostNotFound = "host-not-found", Network, 4, [FixAddress, TryAgain];
    /// The site's name was found but it did not take the connection (down,
    /// refusing, or not answering): waiting can help.
    Unreachable = "unreachable", Network, 4, [TryAgain, OpenInBrowser];
    /// This computer has no way onto the internet (no route at all).
    Offline = "offline", Network, 4, [TryAgain];
    Tls = "tls", Network, 4, [OpenInBrowser, TryAgain];
    Timeout = "timeout", Network, 4, [TryAgain, OpenInBrowser];
    TooManyRedirects = "too-many-redirects", Network, 4, [OpenInBrowser, FixAddress];
    RedirectLoop = "redirect-loop", Network, 4, [OpenInBrowser];
    /// 404 and 410: no page at this address (any more).
    PageNotFound = "page-not-found", Http, 5, [FixAddress, OpenInBrowser];
    /// 401 and 403: only for signed-in visitors, or refused to us.
    Forbidden = "forbidden", Http, 5, [OpenInBrowser];
    /// 429, 408 and 5xx: the website is overloaded or in trouble for now.
    ServerBusy = "server-busy", Http, 5, [TryAgain, OpenInBrowser];
    /// Any other error status (400, 405, 451 …).
    HttpStatus = "http-status", Http, 5, [OpenInBrowser, FixAddress];
    TooLarge = "too-large", Content, 6, [OpenInBrowser];
    /// A picture, a PDF, a video …: the browser can show it.
    UnsupportedContentType = "unsupported-content-type", Content, 6, [OpenInBrowser];
    Network = "network", Network, 4, [TryAgain];
    // Reading the page.
    /// Nothing on the page reads like an article (a home page, a directory
    /// listing, a login page).
    NoArticle = "no-article", Article, 8, [OpenInBrowser];
    EmptyPage = "empty-page", Article, 8, [FixAddress, OpenInBrowser];
    // The durable store.
    /// The store could not be opened; the app runs on memory only.
    StoreUnavailable = "store-unavailable", Generic, 1, [];
    /// An unreadable store was set aside and a fresh one started.
    StoreReset = "store-reset", Generic, 1, [];
    /// A remembered article that is no longer remembered.
    NotRemembered = "not-remembered", Generic, 1, [FixAddress];
    /// The store opened but refuses writes (a full disk, a read-only
    /// folder): reading and listening go on, saving is off.
    SavingOff = "saving-off", Generic, 1, [];
    /// A backup file that is not one of ours, is damaged, or is too large:
    /// refused, nothing changed.
    BackupUnreadable = "backup-unreadable", File, 7, [ChooseFile];
    /// A backup written by a newer Care Reader: refused, nothing changed.
    BackupTooNew = "backup-too-new", File, 7, [ChooseFile];
    // News sources.
    /// The address is neither a news feed nor a page that names one.
    NoFeed = "no-feed", Content, 6, [FixAddress, OpenInBrowser];
    /// A feed that does not parse (malformed XML or JSON, no entries' shape).
    FeedUnreadable = "feed-unreadable", Content, 6, [OpenInBrowser];
    /// No source with this id (removed already, or never there).
    SourceUnknown = "source-unknown", Generic, 1, [];
    /// A sources list (OPML) that is damaged, too large or not OPML:
    /// refused, nothing changed.
    SourcesFileUnreadable = "sources-file-unreadable", File, 7, [ChooseFile];
    // The pronunciation dictionary (读音纠正).
    /// An entry with an empty or over-long word or reading: not added.
    PronunciationInvalid = "pronunciation-invalid", Generic, 1, [];
    /// A pronunciation file that is not ours, damaged or too large:
    /// refused, the dictionary unchanged.
    PronunciationFileUnreadable = "pronunciation-file-unreadable", File, 7, [ChooseFile];
    // The family setup and simple mode.
    /// A family setup file that is not ours, is damaged or has a bad entry:
    /// refused, nothing changed.
    SetupUnreadable = "setup-unreadable", File, 7, [ChooseFile];
    /// A family setup written by a newer Care Reader: refused, nothing changed.
    SetupTooNew = "setup-too-new", File, 7, [ChooseFile];
    /// A simple-mode PIN that is not 4 to 8 digits.
    PinInvalid = "pin-invalid", Generic, 1, [];
    /// A change simple mode keeps for the family (settings, sources,
    /// removing, importing): refused until simple mode is left.
    SimpleModeLocked = "simple-mode-locked", Generic, 1, [];
    // The desktop.
    BrowserUnavailable = "browser-unavailable", Generic, 1, [];
    // Reading aloud.
    SpeechMissing = "speech-missing", Speech, 9, [];
    SpeechNoVoice = "speech-no-voice", Speech, 9, [];
    SpeechSilent = "speech-silent", Speech, 9, [];
    SpeechFailed = "speech-failed", Speech, 9, [TryAgain];
    /// Care Reader's own fault: a task that stopped, a reply it could not build.
    Internal = "internal", Generic, 1, [TryAgain];
}

/// The command line's exit codes and what each means; `care-reader --help`
/// prints this table and a test holds it to [`ErrorCode::exit_code`].
pub const EXIT_CODES: &[(u8, &str)] = &[
    (
        1,
        "unexpected failure (for example, the output could not be written)",
    ),
    (2, "usage error (unknown option, missing argument)"),
    (
        3,
        "invalid input: not a web address or file, an unsupported scheme \
         (javascript:, ftp:, ...), or a --url that is not an http(s) address",
    ),
    (
        4,
        "network: the site's name not found, the site unreachable, no network, \
         secure connection failed, timeout, too many redirects, redirect loop, \
         other network errors",
    ),
    (
        5,
        "the website answered with an HTTP error status (404, 500, ...)",
    ),
    (
        6,
        "refused content: the page is too large, or not HTML or text",
    ),
    (
        7,
        "file errors: not found, a folder, unreadable (also an unreadable --batch list)",
    ),
    (
        8,
        "no article: the page is empty, or nothing on it reads like an article",
    ),
    (
        9,
        "speech: no speech engine, no voice for the language, or no sound (read, voices)",
    ),
];

/// The groups of errors the UI explains with one heading and hint each
/// (`error-heading-<family>`, `error-hint-<family>` in `ui.ftl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Address,
    Network,
    Http,
    Content,
    File,
    Article,
    Speech,
    Generic,
}

impl Family {
    pub const ALL: &'static [Family] = &[
        Family::Address,
        Family::Network,
        Family::Http,
        Family::Content,
        Family::File,
        Family::Article,
        Family::Speech,
        Family::Generic,
    ];

    /// The id in message names: `error-heading-<id>`.
    pub const fn id(self) -> &'static str {
        match self {
            Family::Address => "address",
            Family::Network => "network",
            Family::Http => "http",
            Family::Content => "content",
            Family::File => "file",
            Family::Article => "article",
            Family::Speech => "speech",
            Family::Generic => "generic",
        }
    }
}

/// Something the reader can do about an error: the error page's buttons.
/// Serialised in camelCase (`"fixAddress"`); the UI shows the actions of a
/// [`UiError`] in its order, the first as the main button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    /// Back to the start page with the address in the box, to correct it.
    FixAddress,
    /// Open the address in the reader's own web browser (web addresses only).
    OpenInBrowser,
    /// The same again: only where waiting can help.
    TryAgain,
    /// Pick another saved page.
    ChooseFile,
    /// The start page; always offered, last.
    Home,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::FixAddress,
        Action::OpenInBrowser,
        Action::TryAgain,
        Action::ChooseFile,
        Action::Home,
    ];
}

impl ErrorCode {
    /// The fluent message that explains it: `error-<id>`.
    pub fn message_id(self) -> String {
        format!("error-{}", self.id())
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// An error of any layer: its code and the arguments its message takes.
pub trait Coded {
    fn code(&self) -> ErrorCode;

    /// Arguments for the fluent message `error-<code>`.
    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// The error as the reader sees it, in `l10n`'s language.
    fn localize(&self, l10n: &Localizer) -> UiError {
        UiError::new(l10n, self.code(), &self.l10n_args())
    }
}

impl Coded for ErrorCode {
    fn code(&self) -> ErrorCode {
        *self
    }
}

/// An error as the UI and the command line show it: the code to branch on,
/// its family, the message in the reader's language, and what can help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code}: {message}")]
pub struct UiError {
    pub code: ErrorCode,
    pub family: Family,
    pub message: String,
    /// The code's [`ErrorCode::actions`], then [`Action::Home`].
    pub actions: Vec<Action>,
}

impl UiError {
    /// The message `error-<code>` formatted with `args`.
    pub fn new(l10n: &Localizer, code: ErrorCode, args: &[(&str, String)]) -> UiError {
        let mut actions = code.actions().to_vec();
        actions.push(Action::Home);
        UiError {
            code,
            family: code.family(),
            message: l10n.message(&code.message_id(), args),
            actions,
        }
    }

    /// The error came from a saved page on this computer, not a web
    /// address: the browser cannot help, another file may.
    #[must_use]
    pub fn from_local_file(mut self) -> UiError {
        let mut actions = Vec::with_capacity(self.actions.len());
        for action in self.actions {
            let action = match action {
                Action::OpenInBrowser => Action::ChooseFile,
                other => other,
            };
            if !actions.contains(&action) {
                actions.push(action);
            }
        }
        self.actions = actions;
        self
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use reader_l10n::SUPPORTED_LANGS;

    use super::*;

    #[test]
    fn every_code_has_a_message_and_every_family_a_heading_in_every_language() {
        for lang in SUPPORTED_LANGS {
            let l10n = Localizer::new(lang);
            assert_eq!(l10n.lang(), *lang);
            for code in ErrorCode::ALL {
                // Its own words, not the English fallback.
                assert!(
                    l10n.defines(&code.message_id()),
                    "{lang} lacks error-{code}"
                );
            }
            for family in Family::ALL {
                for part in ["heading", "hint"] {
                    let id = format!("error-{part}-{}", family.id());
                    assert!(l10n.defines(&id), "{lang} lacks {id}");
                }
            }
        }
    }

    #[test]
    fn ids_are_unique_and_serde_writes_the_id() {
        let mut seen = HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.id()), "{code} twice");
            let json = serde_json::to_string(code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.id()));
            let back: Option<ErrorCode> = serde_json::from_str(&json).ok();
            assert_eq!(back, Some(*code));
        }
        let family = serde_json::to_string(&Family::Network).unwrap_or_default();
        assert_eq!(family, "\"network\"");
    }

    #[test]
    fn every_exit_code_is_documented_and_families_agree_with_exit_codes() {
        for code in ErrorCode::ALL {
            let exit = code.exit_code();
            assert!(
                EXIT_CODES.iter().any(|(n, _)| *n == exit),
                "{code} exits with undocumented {exit}"
            );
            // The page-opening families each have their own exit code.
            let expected = match code.family() {
                Family::Address => Some(3),
                Family::Network => Some(4),
                Family::Http => Some(5),
                Family::Content => Some(6),
                Family::File => Some(7),
                Family::Article => Some(8),
                Family::Speech => Some(9),
                Family::Generic => None,
            };
            if let Some(expected) = expected {
                assert_eq!(exit, expected, "{code}");
            }
        }
    }

    #[test]
    fn messages_read_naturally() {
        let zh = Localizer::new("zh-CN");
        let en = Localizer::new("en-US");
        let no_title = [("title", String::new())];
        assert_eq!(
            UiError::new(&zh, ErrorCode::NoArticle, &no_title).message,
            "这个页面上没有找到可以阅读的文章。它可能是首页、目录页、文件列表或登录页，请打开其中一篇具体的文章。"
        );
        let titled = UiError::new(&en, ErrorCode::NoArticle, &[("title", "BBC Home".into())]);
        assert!(titled.message.contains("“BBC Home”"));
        assert!(
            !UiError::new(&en, ErrorCode::NoArticle, &no_title)
                .message
                .contains('“')
        );
        let status =
            |code: ErrorCode, s: &str| UiError::new(&en, code, &[("status", s.into())]).message;
        assert_eq!(
            status(ErrorCode::PageNotFound, "404"),
            "This page was not found on the website. Check the address for a typing mistake."
        );
        assert!(status(ErrorCode::PageNotFound, "410").contains("removed"));
        assert!(status(ErrorCode::ServerBusy, "429").contains("too many visits"));
        assert!(status(ErrorCode::ServerBusy, "503").contains("trouble"));
        // A status number reads as words, never as a bare code.
        for s in ["400", "418", "451"] {
            let text = status(ErrorCode::HttpStatus, s);
            assert!(!text.contains(s), "{text}");
        }
        let wait =
            |s: &str| UiError::new(&en, ErrorCode::Timeout, &[("seconds", s.into())]).message;
        assert!(wait("1").contains("more than 1 second)"));
        assert!(wait("30").contains("more than 30 seconds)"));
        let scheme = UiError::new(
            &zh,
            ErrorCode::UnsupportedScheme,
            &[("scheme", "ftp".into())],
        );
        assert_eq!(scheme.code, ErrorCode::UnsupportedScheme);
        assert_eq!(scheme.family, Family::Address);
        assert!(scheme.message.contains("“ftp:”"));
    }

    #[test]
    fn actions_help_in_order_and_try_again_only_where_waiting_can_help() {
        use Action::*;
        let en = Localizer::new("en-US");
        let actions = |code: ErrorCode| UiError::new(&en, code, &[]).actions;
        // A typo: correcting the address comes first.
        for code in [
            ErrorCode::InvalidAddress,
            ErrorCode::UnsupportedScheme,
            ErrorCode::HostNotFound,
            ErrorCode::PageNotFound,
        ] {
            assert_eq!(actions(code).first(), Some(&FixAddress), "{code}");
        }
        assert_eq!(
            actions(ErrorCode::PageNotFound),
            [FixAddress, OpenInBrowser, Home]
        );
        assert_eq!(actions(ErrorCode::Forbidden), [OpenInBrowser, Home]);
        assert_eq!(
            actions(ErrorCode::UnsupportedContentType),
            [OpenInBrowser, Home]
        );
        assert_eq!(actions(ErrorCode::NoArticle), [OpenInBrowser, Home]);
        for code in [
            ErrorCode::Timeout,
            ErrorCode::ServerBusy,
            ErrorCode::Unreachable,
            ErrorCode::Offline,
            ErrorCode::Network,
        ] {
            assert_eq!(actions(code).first(), Some(&TryAgain), "{code}");
        }
        for code in ErrorCode::ALL {
            let list = actions(*code);
            // Home is offered once, last; nothing twice.
            assert_eq!(list.last(), Some(&Home), "{code}");
            assert_eq!(list.iter().filter(|a| **a == Home).count(), 1, "{code}");
            let unique: HashSet<_> = list.iter().collect();
            assert_eq!(unique.len(), list.len(), "{code}");
            // Waiting does not mend a typo, a missing file or a picture.
            if matches!(
                code.family(),
                Family::Address | Family::File | Family::Content | Family::Article
            ) {
                assert!(!list.contains(&TryAgain), "{code}: {list:?}");
            }
            if code.family() == Family::File {
                assert_eq!(list.first(), Some(&ChooseFile), "{code}");
            }
        }
    }

    #[test]
    fn actions_serialise_in_camel_case_and_files_choose_instead_of_browsing() {
        let names: Vec<String> = Action::ALL
            .iter()
            .map(|a| serde_json::to_string(a).unwrap_or_default())
            .collect();
        assert_eq!(
            names,
            [
                "\"fixAddress\"",
                "\"openInBrowser\"",
                "\"tryAgain\"",
                "\"chooseFile\"",
                "\"home\""
            ]
        );
        let en = Localizer::new("en-US");
        let picture = UiError::new(&en, ErrorCode::UnsupportedContentType, &[]);
        let json = serde_json::to_value(&picture).unwrap_or_default();
        assert_eq!(
            json["actions"],
            serde_json::json!(["openInBrowser", "home"])
        );
        assert_eq!(
            picture.from_local_file().actions,
            [Action::ChooseFile, Action::Home]
        );
        let missing = UiError::new(&en, ErrorCode::FileNotFound, &[]).from_local_file();
        assert_eq!(
            missing.actions,
            [Action::ChooseFile, Action::FixAddress, Action::Home]
        );
        let empty = UiError::new(&en, ErrorCode::EmptyPage, &[]).from_local_file();
        assert_eq!(
            empty.actions,
            [Action::FixAddress, Action::ChooseFile, Action::Home]
        );
    }

    /// Codes whose messages take no arguments say everything they should
    /// with none: no `{$name}` left showing (the old `unknown` code did).
    #[test]
    fn argument_free_messages_show_no_placeholders() {
        for lang in SUPPORTED_LANGS {
            let l10n = Localizer::new(lang);
            for code in ErrorCode::ALL {
                let text = code.localize(&l10n).message;
                assert!(!text.trim().is_empty(), "{lang} {code}");
                assert!(!text.contains("error-"), "{lang} {code}: {text}");
            }
            let internal = ErrorCode::Internal.localize(&l10n).message;
            assert!(!internal.contains('{'), "{lang}: {internal}");
        }
    }
}
