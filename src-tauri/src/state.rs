//! What the shell keeps between commands: the store, the reader's language,
//! what the command line asked for, and the images the UI may load.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use reader_l10n::Localizer;
use reader_settings::Settings;
use reader_store::{Notice, Store};

use crate::args::Args;

pub struct AppState {
    store: Mutex<Store>,
    l10n: RwLock<Arc<Localizer>>,
    pub args: Args,
    /// Said once at start: the store was reset, or could not be opened.
    pub notice: Option<Notice>,
    /// Image URLs that appeared in articles we showed: the image scheme
    /// serves these and nothing else.
    images: Mutex<HashSet<String>>,
}

impl AppState {
    /// Opens the store in `data_dir`; if that fails, the app still runs on
    /// an in-memory store and says so.
    pub fn new(args: Args, data_dir: &Path) -> Result<AppState, reader_store::StoreError> {
        let (store, notice) = match Store::open_in(data_dir) {
            Ok(opened) => opened,
            Err(_) => (
                Store::in_memory()?,
                Some(Notice {
                    code: "store-unavailable",
                    moved_to: None,
                }),
            ),
        };
        let settings = store.settings().unwrap_or_default();
        let l10n = localizer_for(&settings);
        Ok(AppState {
            store: Mutex::new(store),
            l10n: RwLock::new(l10n),
            args,
            notice,
            images: Mutex::new(HashSet::new()),
        })
    }

    /// The store. A panic while it was held cannot leave SQLite in a bad
    /// state (every write is one statement), so a poisoned lock is used anyway.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn l10n(&self) -> Arc<Localizer> {
        Arc::clone(&self.l10n.read().unwrap_or_else(|p| p.into_inner()))
    }

    /// Follows a change of the UI language setting.
    pub fn set_language(&self, settings: &Settings) {
        let l10n = localizer_for(settings);
        *self.l10n.write().unwrap_or_else(|p| p.into_inner()) = l10n;
    }

    pub fn allow_image(&self, url: &str) {
        self.images
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(url.to_owned());
    }

    pub fn image_allowed(&self, url: &str) -> bool {
        self.images
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(url)
    }
}

/// The UI language the settings ask for, or the system's.
fn localizer_for(settings: &Settings) -> Arc<Localizer> {
    Arc::new(Localizer::from_env(settings.ui_lang.as_deref()))
}
