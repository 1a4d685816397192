//! [`App`]: what the window does, without the window. The Tauri shell holds
//! one and turns each command into one call here; the tests drive it
//! directly.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use reader_article::Article;
use reader_errors::{Coded, ErrorCode, UiError};
use reader_l10n::Localizer;
use reader_settings::{Limits, Settings, SettingsPatch};
use reader_store::{
    ImportReport, LibraryItem, Notice, Place, RECENT_LIMIT, RecentItem, SearchHit, Store,
    StoreError,
};
use serde::Serialize;

use crate::library::{ContinueReading, KeepReport, Library};
use crate::load::{LoadOptions, Progress, load};
use crate::media::MediaSession;
use crate::narration::{
    Engine, Narration, NarratorEvent, NarratorVoices, SharedL10n, settings_patch,
};
use crate::view::{ArticleView, article_view, meta_line};
use crate::welcome;

/// How the window wants things done.
pub struct AppConfig {
    /// Where an article's image is loaded from in the window (the shell's
    /// image scheme); the original addresses are remembered as allowed.
    pub image_address: fn(&str) -> String,
    pub engine: Engine,
}

/// What the window needs to know at start.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    pub first_run: bool,
    /// Said once: the store was reset, or could not be opened.
    pub notice: Option<UiError>,
    /// The limits the settings are kept within (text sizes, ranges, steps).
    pub limits: Limits,
}

/// The words of the article on show that depend on the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Relabel {
    pub meta_line: String,
}

/// The article on show.
struct Current {
    article: Article,
}

pub struct App {
    library: Library,
    l10n: SharedL10n,
    notice: Option<Notice>,
    /// Image URLs that appeared in articles we showed: the window may load
    /// these and nothing else.
    images: Mutex<HashSet<String>>,
    current: Mutex<Option<Current>>,
    narration: Narration,
    /// The narrator as the desktop's media player (media keys, the panel).
    media: Arc<Mutex<Option<MediaSession>>>,
    image_address: fn(&str) -> String,
    /// Wrong PINs at simple mode's lock (see `family`).
    attempts: Mutex<crate::family::Attempts>,
    /// The script after which the radio last said it had no more news
    /// (see `home`), so it is said once.
    radio_end_said: AtomicU64,
}

/// A lock whose holder panicked is used anyway: every write to what these
/// guard is a single assignment or one SQLite statement.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl App {
    /// Opens the store in `data_dir` (`None`: in memory only); if that fails,
    /// the app still runs on an in-memory store and says so at startup.
    /// Narrator events go to `on_narrator`.
    pub fn new(
        data_dir: Option<&Path>,
        config: AppConfig,
        on_narrator: impl Fn(NarratorEvent) + Send + 'static,
    ) -> Result<App, StoreError> {
        let opened = match data_dir {
            Some(dir) => Store::open_in(dir),
            None => Store::in_memory().map(|s| (s, None)),
        };
        let (store, notice) = match opened {
            Ok(opened) => opened,
            Err(_) => (
                Store::in_memory()?,
                Some(Notice {
                    code: ErrorCode::StoreUnavailable,
                    moved_to: None,
                }),
            ),
        };
        let settings = store.settings().unwrap_or_default();
        let l10n: SharedL10n = Arc::new(RwLock::new(localizer_for(&settings)));
        // The desktop's media panel follows the narrator's state.
        let media: Arc<Mutex<Option<MediaSession>>> = Arc::default();
        let panel = Arc::clone(&media);
        let on_narrator = move |event: NarratorEvent| {
            if let Some(session) = lock(&panel).as_mut() {
                session.show_state(event.status.state);
            }
            on_narrator(event);
        };
        let narration = Narration::start(config.engine, &settings, Arc::clone(&l10n), on_narrator);
        narration.set_pronunciations(crate::pronunciations::for_narrator(&store));
        if session_bus_present() {
            *lock(&media) = MediaSession::start(narration.remote());
        }
        Ok(App {
            library: Library::new(store),
            l10n,
            notice,
            images: Mutex::new(HashSet::new()),
            current: Mutex::new(None),
            narration,
            media,
            image_address: config.image_address,
            attempts: crate::family::new_attempts(),
            radio_end_said: AtomicU64::new(0),
        })
    }

    /// The narrator thread (for the app's other modules).
    pub(crate) fn narration(&self) -> &Narration {
        &self.narration
    }

    /// The script the radio's end was last said after (for `home`).
    pub(crate) fn radio_end_said(&self) -> &AtomicU64 {
        &self.radio_end_said
    }

    /// Simple mode's wrong PINs so far (for `family`).
    pub(crate) fn attempts(&self) -> &Mutex<crate::family::Attempts> {
        &self.attempts
    }

    /// Messages in `settings`' UI language from now on (settings replaced
    /// whole, as by a family setup).
    pub(crate) fn apply_ui_lang(&self, settings: &Settings) {
        *self.l10n.write().unwrap_or_else(|p| p.into_inner()) = localizer_for(settings);
    }

    /// The reader's language now.
    pub fn l10n(&self) -> Arc<Localizer> {
        Arc::clone(&self.l10n.read().unwrap_or_else(|p| p.into_inner()))
    }

    fn store_error(&self, e: &StoreError) -> UiError {
        e.localize(&self.l10n())
    }

    pub fn startup(&self) -> Startup {
        let l10n = self.l10n();
        Startup {
            first_run: self.library.store().is_fresh().unwrap_or(false),
            notice: self.notice.as_ref().map(|n| n.code.localize(&l10n)),
            limits: reader_settings::limits(),
        }
    }

    /// The settings as the UI shows them: a language that follows the
    /// system is reported as the language in use, so Settings can mark it.
    fn as_shown(&self, mut settings: Settings) -> Settings {
        if settings.ui_lang.is_none() {
            settings.ui_lang = Some(self.l10n().lang().to_owned());
        }
        settings
    }

    pub fn settings(&self) -> Result<Settings, UiError> {
        let settings = self
            .library
            .store()
            .settings()
            .map_err(|e| self.store_error(&e))?;
        Ok(self.as_shown(settings))
    }

    /// Applies and saves `patch`; a new UI language takes effect at once
    /// (the narrator's announcements included). The article on show and the
    /// narrator are left alone: [`App::relabel`] rewords the view.
    pub fn update_settings(&self, patch: &SettingsPatch) -> Result<Settings, UiError> {
        // Simple mode leaves the text size to the reader; the rest is the family's.
        let size_only = SettingsPatch {
            text_size: patch.text_size,
            text_size_steps: patch.text_size_steps,
            ..SettingsPatch::default()
        };
        if *patch != size_only {
            self.family_only()?;
        }
        let store = self.library.store();
        let current = store.settings().map_err(|e| self.store_error(&e))?;
        let updated = current.patched(patch);
        store
            .save_settings(&updated)
            .map_err(|e| self.store_error(&e))?;
        drop(store);
        if updated.ui_lang != current.ui_lang {
            *self.l10n.write().unwrap_or_else(|p| p.into_inner()) = localizer_for(&updated);
        }
        Ok(self.as_shown(updated))
    }

    /// Every message of the UI's resource `files`, in the reader's language.
    pub fn strings(&self, files: &[&str]) -> (String, std::collections::BTreeMap<String, String>) {
        let l10n = self.l10n();
        (l10n.lang().to_owned(), l10n.messages_in(files))
    }

    /// Opens `source` (an address or a path): loads it, remembers it, shows
    /// it and hands its script to the narrator.
    pub async fn open(
        &self,
        source: &str,
        progress: impl FnMut(Progress),
    ) -> Result<ArticleView, UiError> {
        let loaded = load(source, &LoadOptions::default(), progress)
            .await
            .map_err(|e| e.localize(&self.l10n()))?;
        // An article that cannot be remembered is still shown.
        let id = self
            .library
            .store()
            .remember_article(&loaded.key, &loaded.article)
            .ok();
        Ok(self.show(id, &loaded.key, loaded.article))
    }

    /// The welcome article, in the reader's language (bundled, offline).
    pub fn open_welcome(&self) -> Result<ArticleView, UiError> {
        let l10n = self.l10n();
        let article = welcome::article(l10n.lang()).map_err(|e| e.localize(&l10n))?;
        Ok(self.show(None, welcome::SOURCE, article))
    }

    /// A remembered article, from the store (no network).
    pub fn reopen(&self, id: i64) -> Result<ArticleView, UiError> {
        let found = self
            .library
            .store()
            .article(id)
            .map_err(|e| self.store_error(&e))?;
        match found {
            Some((source, article)) => Ok(self.show(Some(id), &source, article)),
            None => Err(ErrorCode::NotRemembered.localize(&self.l10n())),
        }
    }

    /// Where the window was last time (the shell fits it to the screen).
    pub fn window_state(&self) -> Option<reader_store::WindowState> {
        self.library.store().window_state().ok().flatten()
    }

    /// Remembers where the window is. Called a few times a session (after a
    /// move or resize has settled, and on close), never per pixel.
    pub fn save_window_state(&self, state: &reader_store::WindowState) -> Result<(), UiError> {
        self.library
            .store()
            .save_window_state(state)
            .map_err(|e| self.store_error(&e))
    }

    pub fn recent(&self) -> Result<Vec<RecentItem>, UiError> {
        self.library
            .store()
            .recent(RECENT_LIMIT)
            .map_err(|e| self.store_error(&e))
    }

    /// The view of an article: it becomes the one on show and the
    /// narrator's script.
    fn show(&self, id: Option<i64>, source: &str, article: Article) -> ArticleView {
        let l10n = self.l10n();
        let mut images = lock(&self.images);
        let view = article_view(
            id,
            source,
            article.clone(),
            &l10n,
            &self.image_address,
            &mut |url| {
                images.insert(url.to_owned());
            },
        );
        drop(images);
        let mut view = view;
        if let Some(id) = id {
            (view.kept, view.position) = self.library.kept_and_place(id);
        }
        if let Some(session) = lock(&self.media).as_mut() {
            session.show_article(&article.title, article.site_name.as_deref());
        }
        *lock(&self.current) = Some(Current { article });
        self.narration.load(&view.speech);
        view
    }

    /// The article on show, worded for the reader's language now; `None`
    /// when no article is on show. The narrator reads on undisturbed.
    pub fn relabel(&self) -> Option<Relabel> {
        let current = lock(&self.current);
        let article = &current.as_ref()?.article;
        Some(Relabel {
            meta_line: meta_line(&self.l10n(), article),
        })
    }

    /// Whether the window may load the image at `url`.
    pub fn image_allowed(&self, url: &str) -> bool {
        lock(&self.images).contains(url)
    }

    /// The picture at `url` for the window (`(content type, bytes)`): only
    /// one of an article we showed; the kept copy first, so a kept article
    /// shows its pictures with no network, else fetched.
    pub async fn image(&self, url: &str) -> Option<(String, Vec<u8>)> {
        if !self.image_allowed(url) {
            return None;
        }
        self.library.image(url).await
    }

    /// The library, for what the window does besides showing it.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Keeps remembered article `id` and its pictures for offline. Fetches
    /// the pictures: call it from an async command.
    pub async fn keep(&self, id: i64) -> Result<KeepReport, UiError> {
        self.library
            .keep(id)
            .await
            .map_err(|e| self.store_error(&e))
    }

    /// Kept articles, newest first.
    pub fn kept(&self) -> Result<Vec<LibraryItem>, UiError> {
        self.library.kept().map_err(|e| self.store_error(&e))
    }

    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, UiError> {
        self.library.search(query).map_err(|e| self.store_error(&e))
    }

    /// Removes `id` from the library, recent and search; undoable for a week.
    pub fn remove(&self, id: i64) -> Result<(), UiError> {
        self.family_only()?;
        self.library.remove(id).map_err(|e| self.store_error(&e))
    }

    pub fn undo_remove(&self, id: i64) -> Result<(), UiError> {
        self.library
            .undo_remove(id)
            .map_err(|e| self.store_error(&e))
    }

    /// Kept articles removed this past week, to bring back.
    pub fn removed(&self) -> Result<Vec<LibraryItem>, UiError> {
        self.library.removed().map_err(|e| self.store_error(&e))
    }

    /// Saves the reading place in `id` (the UI debounces; this is one small
    /// transaction).
    pub fn save_position(&self, id: i64, place: Place) -> Result<(), UiError> {
        self.library
            .save_position(id, place)
            .map(|_| ())
            .map_err(|e| self.store_error(&e))
    }

    /// Home's "Continue reading: <title>", if an article is unfinished.
    pub fn continue_reading(&self) -> Result<Option<ContinueReading>, UiError> {
        self.library
            .continue_reading()
            .map_err(|e| self.store_error(&e))
    }

    /// Writes the backup to `path`; how many articles it holds. Blocking
    /// (the whole library is written): call it off the UI thread.
    pub fn export(&self, path: &std::path::Path) -> Result<usize, UiError> {
        self.library.export(path).map_err(|e| self.store_error(&e))
    }

    /// Writes article `id` to `path` as HTML or Markdown with its pictures,
    /// for printing or sharing (see [`Library::export_article`]). Fetches
    /// the pictures not kept: call it from an async command.
    pub async fn export_article(
        &self,
        id: i64,
        path: &std::path::Path,
        format: reader_export::Format,
    ) -> Result<reader_export::Written, UiError> {
        let l10n = self.l10n();
        self.library
            .export_article(id, path, format, &l10n)
            .await
            .map_err(|e| e.localize(&l10n))
    }

    /// The name the save dialog suggests for article `id` in `format`.
    pub fn export_file_name(
        &self,
        id: i64,
        format: reader_export::Format,
    ) -> Result<String, UiError> {
        self.library
            .export_file_name(id, format)
            .map_err(|e| self.store_error(&e))
    }

    /// Merges the backup at `path` in; refused files change nothing.
    pub fn import(&self, path: &std::path::Path) -> Result<ImportReport, UiError> {
        self.family_only()?;
        self.library.import(path).map_err(|e| self.store_error(&e))
    }

    /// A narrator command. Speed, voice and sentence mode are also saved;
    /// reading on matters more than remembering, so a failed save is not an
    /// error here.
    pub fn narrate(&self, command: narrator::Command) {
        if let Some(patch) = settings_patch(&command) {
            let store = self.library.store();
            if let Ok(current) = store.settings() {
                let _ = store.save_settings(&current.patched(&patch));
            }
        }
        self.narration.command(command);
    }

    /// The voices for Settings. The first call waits for the engine to list
    /// its voices (over a second with espeak-ng): call it off the UI thread.
    pub fn voices(&self) -> Result<NarratorVoices, UiError> {
        let settings = self
            .library
            .store()
            .settings()
            .map_err(|e| self.store_error(&e))?;
        Ok(self.narration.voices(&settings, &self.l10n()))
    }
}

/// Whether this session has a D-Bus session bus to offer media keys on.
/// Without one the bus library would try to start a bus of its own.
fn session_bus_present() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists())
}

/// The UI language the settings ask for, or the system's.
fn localizer_for(settings: &Settings) -> Arc<Localizer> {
    Arc::new(Localizer::from_env(settings.ui_lang.as_deref()))
}
