//! The family's pronunciation dictionary (读音纠正) in the app: Settings'
//! list of "word → how to say it" per language, tried with a Say button,
//! kept in the store and handed to the narrator, which applies it before
//! every voice; and the dictionary as a file, in and out.
//!
//! The plain functions ([`list`], [`set`], [`remove`], [`import`]) work on a
//! store, for the family setup's export and the command line; the
//! [`App`](crate::App) methods also give the narrator the new dictionary at
//! once.

use std::path::Path;
use std::sync::Arc;

use narrator::pronunciation::{
    self, Pronunciation, PronunciationError, Pronunciations, checked, parse_file,
};
use narrator::text::Lang;
use narrator::voice::VoiceInfo;
use reader_errors::{Coded, ErrorCode, UiError};
use reader_store::{PronunciationEntry, Store, StoreError};

use crate::App;

/// Why a change to the dictionary did not happen (nothing changed).
#[derive(Debug, thiserror::Error)]
pub enum PronunciationsError {
    #[error(transparent)]
    Refused(#[from] PronunciationError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file could not be read or written.
    #[error("cannot use the pronunciation file {path}: {source}")]
    File {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

impl Coded for PronunciationsError {
    fn code(&self) -> ErrorCode {
        match self {
            PronunciationsError::Refused(e) => e.code(),
            PronunciationsError::Store(e) => e.code(),
            PronunciationsError::File { .. } => ErrorCode::Io,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            PronunciationsError::Refused(e) => e.l10n_args(),
            PronunciationsError::Store(e) => e.l10n_args(),
            PronunciationsError::File { .. } => Vec::new(),
        }
    }

    fn localize(&self, l10n: &reader_l10n::Localizer) -> UiError {
        match self {
            PronunciationsError::Store(e) => e.localize(l10n),
            _ => UiError::new(l10n, self.code(), &self.l10n_args()),
        }
    }
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

pub(crate) fn entry_of(p: &Pronunciation) -> PronunciationEntry {
    PronunciationEntry {
        lang: lang_code(p.lang).to_owned(),
        word: p.word.clone(),
        say: p.say.clone(),
    }
}

/// Every entry in `store` (rows of a language this build does not know are
/// left out).
pub fn list(store: &Store) -> Result<Vec<Pronunciation>, StoreError> {
    Ok(store
        .pronunciations()?
        .into_iter()
        .filter_map(|e| {
            Some(Pronunciation {
                lang: Lang::from_tag(&e.lang)?,
                word: e.word,
                say: e.say,
            })
        })
        .collect())
}

/// Adds `entry` (or changes how its word is said), after checking it.
pub fn set(store: &Store, entry: Pronunciation) -> Result<Pronunciation, PronunciationsError> {
    let entry = checked(entry)?;
    store.set_pronunciation(&entry_of(&entry))?;
    Ok(entry)
}

/// Removes `word` in `lang`; false when it was not there.
pub fn remove(store: &Store, lang: Lang, word: &str) -> Result<bool, StoreError> {
    store.remove_pronunciation(lang_code(lang), word)
}

/// Merges the pronunciation file at `path` into `store` (its words win);
/// how many entries it held. A damaged file changes nothing.
pub fn import(store: &Store, path: &Path) -> Result<usize, PronunciationsError> {
    let bytes = read_bounded(path)?;
    let entries = parse_file(&bytes)?;
    let rows: Vec<PronunciationEntry> = entries.iter().map(entry_of).collect();
    store.set_pronunciations(&rows)?;
    Ok(rows.len())
}

/// Writes every entry of `store` to `path`; how many.
pub fn export(store: &Store, path: &Path) -> Result<usize, PronunciationsError> {
    let entries = list(store)?;
    std::fs::write(path, pronunciation::to_file(&entries)).map_err(|source| {
        PronunciationsError::File {
            path: path.to_owned(),
            source,
        }
    })?;
    Ok(entries.len())
}

/// The file's bytes, refusing one larger than the format allows before
/// reading it all.
fn read_bounded(path: &Path) -> Result<Vec<u8>, PronunciationsError> {
    crate::files::read_bounded(path, pronunciation::MAX_FILE_BYTES as u64)
        .map_err(|source| PronunciationsError::File {
            path: path.to_owned(),
            source,
        })?
        .ok_or_else(|| {
            PronunciationError::BadFile {
                line: 0,
                why: "too large".into(),
            }
            .into()
        })
}

/// The dictionary as the narrator applies it.
pub fn for_narrator(store: &Store) -> Arc<Pronunciations> {
    Arc::new(Pronunciations::new(list(store).unwrap_or_default()))
}

/// What each voice says when Settings' "Test the voice" is pressed.
pub fn sample_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "您好，我是中文朗读的声音。银行、音乐、重庆，都读得对吗？",
        Lang::En => "Hello, this is the English reading voice.",
    }
}

impl App {
    /// The dictionary, for Settings.
    pub fn pronunciations(&self) -> Result<Vec<Pronunciation>, UiError> {
        list(&self.library().store()).map_err(|e| e.localize(&self.l10n()))
    }

    /// Adds or changes an entry; the narrator says it so from its next
    /// utterance on. Returns the dictionary.
    pub fn set_pronunciation(&self, entry: Pronunciation) -> Result<Vec<Pronunciation>, UiError> {
        self.change(|store| set(store, entry).map(|_| ()))
    }

    /// Removes an entry. Returns the dictionary.
    pub fn remove_pronunciation(
        &self,
        lang: Lang,
        word: &str,
    ) -> Result<Vec<Pronunciation>, UiError> {
        self.change(|store| remove(store, lang, word).map(|_| ()).map_err(Into::into))
    }

    /// Merges a pronunciation file in; a damaged one is refused with the
    /// dictionary unchanged. Returns the dictionary.
    pub fn import_pronunciations(&self, path: &Path) -> Result<Vec<Pronunciation>, UiError> {
        self.change(|store| import(store, path).map(|_| ()))
    }

    /// Writes the dictionary to `path`; how many entries.
    pub fn export_pronunciations(&self, path: &Path) -> Result<usize, UiError> {
        export(&self.library().store(), path).map_err(|e| e.localize(&self.l10n()))
    }

    /// Says `text` in the voice for `lang` (Settings' Say button): the
    /// article pauses. The voice that spoke, or why none could (in the
    /// reader's language, naming what to install).
    pub fn say(&self, lang: Lang, text: &str) -> Result<VoiceInfo, UiError> {
        self.narration()
            .say(lang, text)
            .map_err(|e| e.localize(&self.l10n()))
    }

    /// "Test the voice": a sample sentence in the voice for `lang`.
    pub fn test_voice(&self, lang: Lang) -> Result<VoiceInfo, UiError> {
        self.say(lang, sample_text(lang))
    }

    fn change(
        &self,
        f: impl FnOnce(&Store) -> Result<(), PronunciationsError>,
    ) -> Result<Vec<Pronunciation>, UiError> {
        self.family_only()?;
        let store = self.library().store();
        f(&store).map_err(|e| e.localize(&self.l10n()))?;
        self.narration().set_pronunciations(for_narrator(&store));
        list(&store).map_err(|e| e.localize(&self.l10n()))
    }
}
