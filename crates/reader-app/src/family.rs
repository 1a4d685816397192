//! What a family prepares once for a parent: the **family setup** file —
//! settings (text size, theme, voices, speed, auto-read, simple mode), news
//! sources, pronunciations and the simple mode's PIN — written on one
//! computer and taken on another (in the window, or with `care-reader
//! profile export|import` over a remote shell); and **simple mode**
//! (长辈模式), left only with the PIN, or — when the family set none — a
//! documented key held for three seconds. Five wrong PINs bring a calm
//! wait, never a lock-out that needs the family to come over.
//!
//! A setup file is read whole and checked before anything changes: a
//! damaged file, one from a newer Care Reader, or one with a bad entry is
//! refused and the current setup stays exactly as it was.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use narrator::pronunciation::{Pronunciation, checked};
use reader_errors::{Coded, ErrorCode, UiError};
use reader_settings::Settings;
use reader_store::{FamilySetup, SetupSource, Store, StoreError};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::App;
use crate::pronunciations::{entry_of, list as list_pronunciations};

/// The `format` a family setup file names.
pub const SETUP_FORMAT: &str = "care-reader-family-setup";
/// The newest version this build writes and reads.
pub const SETUP_VERSION: u64 = 1;
/// A setup file larger than this is refused (sources and pronunciations
/// of a real family fit in a few KiB).
pub const MAX_SETUP_BYTES: u64 = 2 * 1024 * 1024;
/// Sources a setup may carry.
pub const MAX_SETUP_SOURCES: usize = 500;
/// A PIN is 4 to 8 digits: easy to type with large keys, hard to hit by accident.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;
/// Wrong PINs in a row before a wait.
pub const TRIES_BEFORE_WAIT: u32 = 5;
/// The calm wait after [`TRIES_BEFORE_WAIT`] wrong PINs.
pub const WAIT_AFTER_TRIES: Duration = Duration::from_secs(30);

/// Why a setup could not be written, read or taken (nothing changed).
#[derive(Debug, thiserror::Error)]
pub enum FamilyError {
    /// Not a family setup of ours, damaged, too large, or with a bad entry.
    #[error("not a readable family setup: {0}")]
    Unreadable(String),
    /// Written by a newer Care Reader.
    #[error("the family setup has version {found}; this Care Reader reads up to {SETUP_VERSION}")]
    TooNew { found: u64 },
    /// A PIN that is not 4 to 8 digits.
    #[error("a PIN is 4 to 8 digits")]
    BadPin,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot use the file {path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Coded for FamilyError {
    fn code(&self) -> ErrorCode {
        match self {
            FamilyError::Unreadable(_) => ErrorCode::SetupUnreadable,
            FamilyError::TooNew { .. } => ErrorCode::SetupTooNew,
            FamilyError::BadPin => ErrorCode::PinInvalid,
            FamilyError::Store(e) => e.code(),
            FamilyError::File { .. } => ErrorCode::Io,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            FamilyError::Store(e) => e.l10n_args(),
            FamilyError::File { path, source } => vec![
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
            _ => Vec::new(),
        }
    }
}

/// The file, as written (camelCase JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SetupFile {
    format: String,
    version: u64,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    sources: Vec<SetupFileSource>,
    #[serde(default)]
    pronunciations: Vec<Pronunciation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pin: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SetupFileSource {
    title: String,
    feed: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    site: Option<String>,
}

/// How the parent's computer is to be locked, chosen in the setup for a
/// file that goes elsewhere (this computer's own lock is left alone).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LockChoice {
    pub simple_mode: bool,
    /// 4–8 digits, or none (then a held key leaves simple mode).
    pub pin: Option<String>,
}

/// The family setup in `store`, as a file's text.
pub fn export_text(store: &Store) -> Result<String, FamilyError> {
    export_text_with(store, None)
}

/// The family setup in `store`, with `lock` instead of this computer's own
/// simple mode and PIN when given.
pub fn export_text_with(store: &Store, lock: Option<&LockChoice>) -> Result<String, FamilyError> {
    let mut settings = store.settings()?;
    // The window's place and first-run marks are this computer's own.
    settings.theme_chosen = true;
    let pin = match lock {
        Some(lock) => {
            settings.simple_mode = lock.simple_mode;
            lock.pin
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(checked_pin)
                .transpose()?
        }
        None => store.lock_pin()?,
    };
    let file = SetupFile {
        format: SETUP_FORMAT.to_owned(),
        version: SETUP_VERSION,
        settings,
        sources: store
            .sources()?
            .into_iter()
            .map(|s| SetupFileSource {
                title: s.title,
                feed: s.feed_url,
                site: s.site_url,
            })
            .collect(),
        pronunciations: list_pronunciations(store)?,
        pin,
    };
    serde_json::to_string_pretty(&file).map_err(|e| FamilyError::Unreadable(e.to_string()))
}

/// Writes the family setup of `store` to `path` (with `lock` instead of
/// this computer's simple mode and PIN, when given).
pub fn export(store: &Store, path: &Path, lock: Option<&LockChoice>) -> Result<(), FamilyError> {
    let text = export_text_with(store, lock)?;
    std::fs::write(path, text).map_err(|source| FamilyError::File {
        path: path.to_owned(),
        source,
    })
}

/// Reads and checks a setup file's bytes: the whole setup, or why not.
pub fn parse(bytes: &[u8]) -> Result<FamilySetup, FamilyError> {
    if bytes.len() as u64 > MAX_SETUP_BYTES {
        return Err(FamilyError::Unreadable(
            "larger than a family setup can be".into(),
        ));
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| FamilyError::Unreadable(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(SETUP_FORMAT) {
        return Err(FamilyError::Unreadable("not a family setup".into()));
    }
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version {
        Some(v) if v > SETUP_VERSION => return Err(FamilyError::TooNew { found: v }),
        Some(v) if v >= 1 => {}
        _ => return Err(FamilyError::Unreadable("no usable version".into())),
    }
    let file: SetupFile =
        serde_json::from_value(value).map_err(|e| FamilyError::Unreadable(e.to_string()))?;
    if file.sources.len() > MAX_SETUP_SOURCES {
        return Err(FamilyError::Unreadable("too many sources".into()));
    }
    let mut sources: Vec<SetupSource> = Vec::with_capacity(file.sources.len());
    for source in file.sources {
        let feed = Url::parse(source.feed.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
            .ok_or_else(|| {
                FamilyError::Unreadable(format!("not a feed address: {}", source.feed))
            })?;
        let title: String = source
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if title.is_empty() || title.chars().count() > reader_feeds::MAX_TITLE_CHARS {
            return Err(FamilyError::Unreadable(
                "a source without a usable name".into(),
            ));
        }
        let site = source
            .site
            .and_then(|s| Url::parse(s.trim()).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .map(String::from);
        if !sources.iter().any(|s| s.feed_url == feed.as_str()) {
            sources.push(SetupSource {
                feed_url: feed.into(),
                title,
                site_url: site,
            });
        }
    }
    if file.pronunciations.len() > narrator::pronunciation::MAX_ENTRIES {
        return Err(FamilyError::Unreadable("too many pronunciations".into()));
    }
    let pronunciations = file
        .pronunciations
        .into_iter()
        .map(|p| checked(p).map(|p| entry_of(&p)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| FamilyError::Unreadable(e.to_string()))?;
    let pin = match file.pin {
        Some(pin) => {
            Some(checked_pin(&pin).map_err(|_| FamilyError::Unreadable("a bad PIN".into()))?)
        }
        None => None,
    };
    let mut settings = file.settings.clamped();
    settings.theme_chosen = true;
    Ok(FamilySetup {
        settings,
        sources,
        pronunciations,
        pin,
    })
}

/// Reads, checks and takes the setup file at `path` into `store`.
pub fn import(store: &Store, path: &Path) -> Result<FamilySetup, FamilyError> {
    let bytes = crate::files::read_bounded(path, MAX_SETUP_BYTES)
        .map_err(|source| FamilyError::File {
            path: path.to_owned(),
            source,
        })?
        .ok_or_else(|| FamilyError::Unreadable("larger than a family setup can be".into()))?;
    let setup = parse(&bytes)?;
    store.apply_family_setup(&setup)?;
    Ok(setup)
}

/// A PIN as digits only (spaces around it dropped), or why not.
pub fn checked_pin(pin: &str) -> Result<String, FamilyError> {
    let pin = pin.trim();
    if PIN_DIGITS.contains(&pin.chars().count()) && pin.chars().all(|c| c.is_ascii_digit()) {
        Ok(pin.to_owned())
    } else {
        Err(FamilyError::BadPin)
    }
}

/// Wrong PINs so far, and until when the next try must wait.
#[derive(Debug, Default)]
pub(crate) struct Attempts {
    wrong: u32,
    wait_until: Option<Instant>,
}

/// What an unlock attempt came to, for the unlock view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnlockAnswer {
    pub unlocked: bool,
    /// Seconds to wait before the next try (0: try again now).
    pub wait_seconds: u64,
    /// What to tell the reader, in their language.
    pub message: String,
}

/// Whether simple mode is on and how it is left (for the window).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SimpleMode {
    pub on: bool,
    /// Leaving needs the PIN; without one, the held key.
    pub has_pin: bool,
}

impl App {
    fn family_error(&self, e: &FamilyError) -> UiError {
        e.localize(&self.l10n())
    }

    /// Writes the family setup to `path`; `lock` is the simple mode and PIN
    /// it carries for the other computer (`None`: this computer's own).
    pub fn export_family_setup(
        &self,
        path: &Path,
        lock: Option<&LockChoice>,
    ) -> Result<(), UiError> {
        export(&self.library().store(), path, lock).map_err(|e| self.family_error(&e))
    }

    /// Takes the family setup at `path`: settings (the UI language at
    /// once), sources, pronunciations (the narrator told) and the PIN.
    /// Returns the settings now in force.
    pub fn import_family_setup(&self, path: &Path) -> Result<Settings, UiError> {
        self.family_only()?;
        let setup = {
            let store = self.library().store();
            import(&store, path).map_err(|e| self.family_error(&e))?
        };
        self.narration()
            .set_pronunciations(crate::pronunciations::for_narrator(&self.library().store()));
        // Messages and announcements in the setup's language from now on.
        self.apply_ui_lang(&setup.settings);
        self.settings()
    }

    /// Simple mode now.
    pub fn simple_mode(&self) -> SimpleMode {
        let store = self.library().store();
        SimpleMode {
            on: store.settings().map(|s| s.simple_mode).unwrap_or(false),
            has_pin: store.lock_pin().ok().flatten().is_some(),
        }
    }

    /// Turns simple mode on, with `pin` (4–8 digits) as the way out, or
    /// with none (then the held key leaves it).
    pub fn enter_simple_mode(&self, pin: Option<&str>) -> Result<SimpleMode, UiError> {
        let pin = pin
            .filter(|p| !p.trim().is_empty())
            .map(checked_pin)
            .transpose()
            .map_err(|e| self.family_error(&e))?;
        let store = self.library().store();
        let mut settings = store.settings().map_err(|e| e.localize(&self.l10n()))?;
        settings.simple_mode = true;
        store
            .set_lock_pin(pin.as_deref())
            .and_then(|()| store.save_settings(&settings))
            .map_err(|e| e.localize(&self.l10n()))?;
        drop(store);
        Ok(self.simple_mode())
    }

    /// Leaves simple mode if `pin` is the family's; after
    /// [`TRIES_BEFORE_WAIT`] wrong ones, asks for a calm wait.
    pub fn unlock(&self, pin: &str) -> Result<UnlockAnswer, UiError> {
        let l10n = self.l10n();
        let expected = self
            .library()
            .store()
            .lock_pin()
            .map_err(|e| e.localize(&l10n))?;
        let mut attempts = self.unlock_attempts();
        let now = Instant::now();
        if let Some(until) = attempts.wait_until
            && until > now
        {
            let wait = (until - now).as_secs().max(1);
            return Ok(UnlockAnswer {
                unlocked: false,
                wait_seconds: wait,
                message: l10n.message("unlock-wait", &[("seconds", wait.to_string())]),
            });
        }
        let right = match &expected {
            Some(expected) => pin.trim() == expected,
            // No PIN was set: the held key is the way out, not a guess.
            None => false,
        };
        if right {
            *attempts = Attempts::default();
            drop(attempts);
            self.leave_simple_mode()?;
            return Ok(UnlockAnswer {
                unlocked: true,
                wait_seconds: 0,
                message: l10n.message("unlock-done", &[]),
            });
        }
        attempts.wrong += 1;
        if attempts.wrong >= TRIES_BEFORE_WAIT {
            attempts.wrong = 0;
            attempts.wait_until = Some(now + WAIT_AFTER_TRIES);
            let wait = WAIT_AFTER_TRIES.as_secs();
            return Ok(UnlockAnswer {
                unlocked: false,
                wait_seconds: wait,
                message: l10n.message("unlock-wait", &[("seconds", wait.to_string())]),
            });
        }
        Ok(UnlockAnswer {
            unlocked: false,
            wait_seconds: 0,
            message: l10n.message("unlock-wrong", &[]),
        })
    }

    /// Leaves simple mode by the held key: only when the family set no PIN.
    pub fn unlock_by_key(&self) -> Result<UnlockAnswer, UiError> {
        let l10n = self.l10n();
        let has_pin = self
            .library()
            .store()
            .lock_pin()
            .map_err(|e| e.localize(&l10n))?
            .is_some();
        if has_pin {
            return Ok(UnlockAnswer {
                unlocked: false,
                wait_seconds: 0,
                message: l10n.message("unlock-needs-pin", &[]),
            });
        }
        self.leave_simple_mode()?;
        Ok(UnlockAnswer {
            unlocked: true,
            wait_seconds: 0,
            message: l10n.message("unlock-done", &[]),
        })
    }

    /// Refuses what simple mode keeps for the family (settings beyond the
    /// text size, sources, removing, importing) while it is on: the
    /// window hides these, and the shell holds to it whatever asks.
    pub(crate) fn family_only(&self) -> Result<(), UiError> {
        let on = self
            .library()
            .store()
            .settings()
            .map(|s| s.simple_mode)
            .unwrap_or(false);
        if on {
            Err(ErrorCode::SimpleModeLocked.localize(&self.l10n()))
        } else {
            Ok(())
        }
    }

    fn leave_simple_mode(&self) -> Result<(), UiError> {
        let store = self.library().store();
        let mut settings = store.settings().map_err(|e| e.localize(&self.l10n()))?;
        settings.simple_mode = false;
        store
            .save_settings(&settings)
            .map_err(|e| e.localize(&self.l10n()))
    }

    fn unlock_attempts(&self) -> std::sync::MutexGuard<'_, Attempts> {
        self.attempts().lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// For App's field (the attempts live as long as the window).
pub(crate) fn new_attempts() -> Mutex<Attempts> {
    Mutex::new(Attempts::default())
}
