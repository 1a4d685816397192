//! The commands the UI may call (each listed in `build.rs` and granted in
//! `capabilities/main.json`). They translate between the UI and
//! `reader-core` and do nothing else.

use std::path::PathBuf;

use reader_article::Article;
use reader_web::fetch::{self, FetchOptions, Source};
use reader_settings::{Settings, SettingsPatch};
use reader_store::{RECENT_LIMIT, RecentItem};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::UiError;
use crate::narration::{Narration, NarratorVoices, settings_patch};
use crate::state::AppState;
use crate::view::{ArticleView, article_view};
use crate::welcome;

/// The resource files the UI's strings come from.
const UI_FILES: &[&str] = &["ui.ftl", "errors.ftl"];

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    pub first_run: bool,
    pub open: Option<String>,
    pub welcome: bool,
    pub notice: Option<UiError>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UiStrings {
    pub lang: String,
    pub messages: std::collections::BTreeMap<String, String>,
}

/// Where opening an article has got to, for the loading view.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "stage", rename_all = "lowercase")]
pub enum Progress {
    Fetching,
    Extracting,
    Done,
}

fn store_error(state: &AppState, e: &reader_store::StoreError) -> UiError {
    UiError::coded(&state.l10n(), e.code())
}

#[tauri::command]
pub fn startup(state: State<'_, AppState>) -> Startup {
    let l10n = state.l10n();
    Startup {
        first_run: state.store().is_fresh().unwrap_or(false),
        open: state.args.open.clone(),
        welcome: state.args.welcome,
        notice: state.notice.as_ref().map(|n| UiError::coded(&l10n, n.code)),
    }
}

/// The settings as the UI shows them: a language that follows the system
/// is reported as the language in use, so Settings can mark it.
fn as_shown(state: &AppState, mut settings: Settings) -> Settings {
    if settings.ui_lang.is_none() {
        settings.ui_lang = Some(state.l10n().lang().to_owned());
    }
    settings
}

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Result<Settings, UiError> {
    let settings = state
        .store()
        .settings()
        .map_err(|e| store_error(&state, &e))?;
    Ok(as_shown(&state, settings))
}

#[tauri::command]
pub fn update_settings(
    state: State<'_, AppState>,
    patch: SettingsPatch,
) -> Result<Settings, UiError> {
    let store = state.store();
    let current = store.settings().map_err(|e| store_error(&state, &e))?;
    let updated = current.patched(&patch);
    store
        .save_settings(&updated)
        .map_err(|e| store_error(&state, &e))?;
    drop(store);
    if updated.ui_lang != current.ui_lang {
        state.set_language(&updated);
    }
    Ok(as_shown(&state, updated))
}

#[tauri::command]
pub fn ui_strings(state: State<'_, AppState>) -> UiStrings {
    let l10n = state.l10n();
    UiStrings {
        lang: l10n.lang().to_owned(),
        messages: l10n.messages_in(UI_FILES),
    }
}

/// Fetches and extracts the article at `source` (a URL, a `file://` URL or
/// a path), remembers it, and returns it for the reader view.
#[tauri::command]
pub async fn open_article(
    state: State<'_, AppState>,
    narration: State<'_, Narration>,
    source: String,
    progress: Channel<Progress>,
) -> Result<ArticleView, UiError> {
    let l10n = state.l10n();
    let localize = |e: reader_web::Error| -> UiError { e.localize(&l10n).into() };
    // What the store remembers the article by: the parsed URL or path.
    let (parsed, key) = match Source::parse(&source) {
        Ok(Source::Web(url)) => {
            let key = url.to_string();
            (Source::Web(url), key)
        }
        Ok(Source::File(path)) => {
            let key = path.display().to_string();
            (Source::File(path), key)
        }
        // Reading stdin makes no sense in a window.
        Ok(Source::Stdin) => return Err(UiError::coded(&l10n, "invalid-address")),
        Err(e) => return Err(localize(e.into())),
    };
    let _ = progress.send(Progress::Fetching);
    let page = fetch::fetch(&parsed, &FetchOptions::default())
        .await
        .map_err(|e| localize(e.into()))?;
    let _ = progress.send(Progress::Extracting);
    // `scraper::Html` is not `Send`: extraction runs on a blocking thread
    // and hands back the owned Article.
    let article: Article =
        tauri::async_runtime::spawn_blocking(move || reader_web::extract::extract_page(&page))
            .await
            .map_err(|_| UiError::coded(&l10n, "unknown"))?
            .map_err(|e| localize(e.into()))?;
    // An article that cannot be remembered is still shown.
    let id = state.store().remember_article(&key, &article).unwrap_or(0);
    let _ = progress.send(Progress::Done);
    let view = article_view(&state, id, &key, article);
    narration.load(&view.speech);
    Ok(view)
}

/// The welcome article, in the reader's language (bundled, works offline).
#[tauri::command]
pub fn open_welcome(
    state: State<'_, AppState>,
    narration: State<'_, Narration>,
) -> Result<ArticleView, UiError> {
    let l10n = state.l10n();
    let article = welcome::article(l10n.lang())
        .map_err(|e| UiError::from(reader_web::Error::from(e).localize(&l10n)))?;
    let view = article_view(&state, 0, welcome::SOURCE, article);
    narration.load(&view.speech);
    Ok(view)
}

#[tauri::command]
pub fn open_recent(
    state: State<'_, AppState>,
    narration: State<'_, Narration>,
    id: i64,
) -> Result<ArticleView, UiError> {
    let found = state
        .store()
        .article(id)
        .map_err(|e| store_error(&state, &e))?;
    match found {
        Some((source, article)) => {
            let view = article_view(&state, id, &source, article);
            narration.load(&view.speech);
            Ok(view)
        }
        None => Err(UiError::coded(&state.l10n(), "not-remembered")),
    }
}

/// A narrator command (Listen, pause, next sentence, speed …). Speed, voice
/// and sentence mode are also saved in the settings.
#[tauri::command]
pub fn narrate(
    state: State<'_, AppState>,
    narration: State<'_, Narration>,
    command: narrator::Command,
) -> Result<(), UiError> {
    if let Some(patch) = settings_patch(&command) {
        let store = state.store();
        let current = store.settings().map_err(|e| store_error(&state, &e))?;
        // Reading on matters more than remembering: a failed save is not an error here.
        let _ = store.save_settings(&current.patched(&patch));
    }
    narration.command(command);
    Ok(())
}

/// The voices for Settings. The first call waits for the engine to list
/// its voices (over a second with espeak-ng), so it runs off the UI thread.
#[tauri::command]
pub async fn narrator_voices(
    state: State<'_, AppState>,
    narration: State<'_, Narration>,
) -> Result<NarratorVoices, UiError> {
    let settings = state
        .store()
        .settings()
        .map_err(|e| store_error(&state, &e))?;
    let l10n = state.l10n();
    Ok(narration.voices(&settings, &l10n))
}

#[tauri::command]
pub fn recent_articles(state: State<'_, AppState>) -> Result<Vec<RecentItem>, UiError> {
    state
        .store()
        .recent(RECENT_LIMIT)
        .map_err(|e| store_error(&state, &e))
}

/// The clipboard's text, if it is a web address (for "open the link you
/// copied?").
#[tauri::command]
pub fn clipboard_url(app: AppHandle) -> Option<String> {
    let text = app.clipboard().read_text().ok()?;
    let text = text.trim();
    if text.len() > 2048 || !(text.starts_with("http://") || text.starts_with("https://")) {
        return None;
    }
    match Source::parse(text) {
        Ok(Source::Web(url)) => Some(url.to_string()),
        _ => None,
    }
}

/// Asks for a saved page with the system's open dialog.
#[tauri::command]
pub async fn pick_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, UiError> {
    let l10n = state.l10n();
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(l10n.message("app-dialog-open-title", &[]))
        .add_filter(
            l10n.message("app-dialog-filter-pages", &[]),
            &["html", "htm", "xhtml", "mhtml", "mht", "txt"],
        )
        .pick_file(move |path| {
            let _ = tx.send(path);
        });
    let path = rx.await.ok().flatten();
    Ok(path
        .and_then(|p| p.into_path().ok())
        .map(|p: PathBuf| p.display().to_string()))
}

/// Opens an http(s) address in the system's browser (the error view's
/// "open in browser"); nothing else is opened.
#[tauri::command]
pub fn open_in_browser(
    app: AppHandle,
    state: State<'_, AppState>,
    url: String,
) -> Result<(), UiError> {
    let l10n = state.l10n();
    match Source::parse(&url) {
        Ok(Source::Web(u)) => app
            .opener()
            .open_url(u.as_str(), None::<&str>)
            .map_err(|_| UiError::coded(&l10n, "browser-unavailable")),
        _ => Err(UiError::coded(&l10n, "invalid-address")),
    }
}
