//! The commands the UI may call (each listed in `build.rs` and granted in
//! `capabilities/main.json`). Each translates between the UI and
//! [`reader_app::App`] and does nothing else; the desktop's own services
//! (clipboard, file dialog, browser) are here because only a window has them.

use std::collections::BTreeMap;

use narrator::pronunciation::Pronunciation;
use narrator::text::Lang;
use narrator::voice::VoiceInfo;
use reader_app::narration::NarratorVoices;
use reader_app::{ArticleView, ContinueReading, ExportFormat, KeepReport, Progress, Relabel};
use reader_errors::{Coded, ErrorCode, UiError};
use reader_settings::{Settings, SettingsPatch};
use reader_store::{ImportReport, LibraryItem, Place, RecentItem, SearchHit};
use reader_web::fetch::Source;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use tauri_plugin_opener::OpenerExt;

use crate::Shell;

/// The resource files the UI's strings come from.
const UI_FILES: &[&str] = &["ui.ftl", "errors.ftl"];

/// The file types the open dialog offers.
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "mhtml", "mht", "txt"];

/// The backup file's type (docs/backup.md: plain JSON) and the name the
/// save dialog suggests.
const BACKUP_EXTENSIONS: &[&str] = &["json"];
const BACKUP_FILE_NAME: &str = "care-reader-backup.json";

/// The pronunciation dictionary's file type (a small text file, see
/// narrator::pronunciation).
const PRONUNCIATION_EXTENSIONS: &[&str] = &["txt"];

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    #[serde(flatten)]
    pub app: reader_app::Startup,
    /// A page the command line asked to open.
    pub open: Option<String>,
    /// Open the welcome article.
    pub welcome: bool,
    /// The system (`linux`, `windows`, `macos`, ...): the window's fonts
    /// are chosen per system (ui/styles.css, `html[data-os]`).
    pub os: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct UiStrings {
    pub lang: String,
    pub messages: BTreeMap<String, String>,
}

#[tauri::command]
pub fn startup(shell: State<'_, Shell>) -> Startup {
    Startup {
        app: shell.app.startup(),
        open: shell.args.open.clone(),
        welcome: shell.args.welcome,
        os: std::env::consts::OS,
    }
}

#[tauri::command]
pub fn get_settings(shell: State<'_, Shell>) -> Result<Settings, UiError> {
    shell.app.settings()
}

#[tauri::command]
pub fn update_settings(shell: State<'_, Shell>, patch: SettingsPatch) -> Result<Settings, UiError> {
    shell.app.update_settings(&patch)
}

#[tauri::command]
pub fn ui_strings(shell: State<'_, Shell>) -> UiStrings {
    let (lang, messages) = shell.app.strings(UI_FILES);
    UiStrings { lang, messages }
}

/// Opens the article at `source` (a URL, a `file://` URL or a path),
/// reporting each stage on `progress`.
#[tauri::command]
pub async fn open_article(
    shell: State<'_, Shell>,
    source: String,
    progress: Channel<Progress>,
) -> Result<ArticleView, UiError> {
    shell
        .app
        .open(&source, |stage| {
            let _ = progress.send(stage);
        })
        .await
}

/// The welcome article, in the reader's language (bundled, works offline).
#[tauri::command]
pub fn open_welcome(shell: State<'_, Shell>) -> Result<ArticleView, UiError> {
    shell.app.open_welcome()
}

#[tauri::command]
pub fn open_recent(shell: State<'_, Shell>, id: i64) -> Result<ArticleView, UiError> {
    shell.app.reopen(id)
}

/// The article on show, reworded after a change of UI language.
#[tauri::command]
pub fn relabel_article(shell: State<'_, Shell>) -> Option<Relabel> {
    shell.app.relabel()
}

#[tauri::command]
pub fn recent_articles(shell: State<'_, Shell>) -> Result<Vec<RecentItem>, UiError> {
    shell.app.recent()
}

/// Keeps article `id` in the library with its pictures for offline. The
/// pictures are fetched here, so the command is async (off the UI thread).
#[tauri::command]
pub async fn keep_article(shell: State<'_, Shell>, id: i64) -> Result<KeepReport, UiError> {
    shell.app.keep(id).await
}

/// The kept articles, newest first.
#[tauri::command]
pub fn library(shell: State<'_, Shell>) -> Result<Vec<LibraryItem>, UiError> {
    shell.app.kept()
}

#[tauri::command]
pub fn search_library(shell: State<'_, Shell>, query: String) -> Result<Vec<SearchHit>, UiError> {
    shell.app.search(&query)
}

#[tauri::command]
pub fn remove_article(shell: State<'_, Shell>, id: i64) -> Result<(), UiError> {
    shell.app.remove(id)
}

#[tauri::command]
pub fn undo_remove(shell: State<'_, Shell>, id: i64) -> Result<(), UiError> {
    shell.app.undo_remove(id)
}

/// The UI has saved the reading place; the window may close (closing.rs).
#[tauri::command]
pub fn closing_saved(closing: State<'_, crate::closing::Closing>) {
    closing.saved();
}

/// Kept articles removed this past week, most recent first.
#[tauri::command]
pub fn removed_articles(shell: State<'_, Shell>) -> Result<Vec<LibraryItem>, UiError> {
    shell.app.removed()
}

/// The reading place in article `id` (the UI debounces).
#[tauri::command]
pub fn save_position(shell: State<'_, Shell>, id: i64, place: Place) -> Result<(), UiError> {
    shell.app.save_position(id, place)
}

/// Home's "Continue reading: <title>", or null.
#[tauri::command]
pub fn continue_reading(shell: State<'_, Shell>) -> Result<Option<ContinueReading>, UiError> {
    shell.app.continue_reading()
}

/// Whether file dialogs are owned by the main window: on Windows an ownerless
/// dialog is a window of its own, which a click on the reader's window puts
/// behind it, where an older reader may never find it again; on macOS the
/// owner makes it a sheet on the window. GTK's dialog on Linux is left as
/// it was (its end-to-end test drives it as it is).
const OWNED_DIALOGS: bool = cfg!(any(windows, target_os = "macos"));

/// The system's file dialog, owned by the main window where
/// [`OWNED_DIALOGS`] says so. Compiled the same everywhere, so the owning
/// call is type-checked on Linux too.
fn file_dialog<R: Runtime>(app: &AppHandle<R>) -> FileDialogBuilder<R> {
    let dialog = app.dialog().file();
    match app.get_webview_window(crate::window::MAIN) {
        Some(window) if OWNED_DIALOGS => dialog.set_parent(&window),
        _ => dialog,
    }
}

/// Asks where to write the backup (the system's save dialog), then writes
/// it off the UI thread; the number of articles in it, or `None` when the
/// reader cancelled.
#[tauri::command]
pub async fn export_library<R: Runtime>(app: AppHandle<R>) -> Result<Option<usize>, UiError> {
    let l10n = app.state::<Shell>().app.l10n();
    let (tx, rx) = tokio::sync::oneshot::channel();
    file_dialog(&app)
        .set_title(l10n.message("app-dialog-export-title", &[]))
        .add_filter(
            l10n.message("app-dialog-filter-backup", &[]),
            BACKUP_EXTENSIONS,
        )
        .set_file_name(BACKUP_FILE_NAME)
        .save_file(move |path| {
            let _ = tx.send(path);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<Shell>().app.export(&path))
        .await
        .map_err(|_| ErrorCode::Internal.localize(&l10n))?
        .map(Some)
}

/// Asks where to write article `id` (the system's save dialog, the title
/// as the suggested name), then writes it as HTML or Markdown with its
/// pictures; the path written, or `None` when the reader cancelled.
#[tauri::command]
pub async fn export_article<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
    format: ExportFormat,
) -> Result<Option<String>, UiError> {
    let shell = app.state::<Shell>();
    let l10n = shell.app.l10n();
    // An unknown article is said before any dialog opens.
    let name = shell.app.export_file_name(id, format)?;
    let filter = match format {
        ExportFormat::Html => "app-dialog-filter-html",
        ExportFormat::Markdown => "app-dialog-filter-markdown",
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    file_dialog(&app)
        .set_title(l10n.message("app-dialog-export-article-title", &[]))
        .add_filter(l10n.message(filter, &[]), &[format.extension()])
        .set_file_name(name)
        .save_file(move |path| {
            let _ = tx.send(path);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let written = shell.app.export_article(id, &path, format).await?;
    Ok(Some(written.path.display().to_string()))
}

/// Asks for a backup (the system's open dialog) and merges it in off the UI
/// thread; what it added, or `None` when the reader cancelled.
#[tauri::command]
pub async fn import_library<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<ImportReport>, UiError> {
    let l10n = app.state::<Shell>().app.l10n();
    let (tx, rx) = tokio::sync::oneshot::channel();
    file_dialog(&app)
        .set_title(l10n.message("app-dialog-import-title", &[]))
        .add_filter(
            l10n.message("app-dialog-filter-backup", &[]),
            BACKUP_EXTENSIONS,
        )
        .pick_file(move |path| {
            let _ = tx.send(path);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<Shell>().app.import(&path))
        .await
        .map_err(|_| ErrorCode::Internal.localize(&l10n))?
        .map(Some)
}

/// A narrator command (Listen, pause, next sentence, speed …).
#[tauri::command]
pub fn narrate(shell: State<'_, Shell>, command: narrator::Command) {
    shell.app.narrate(command);
}

/// The voices for Settings. The first call waits for the engine to list
/// its voices (over a second with espeak-ng), so it runs off the UI thread.
#[tauri::command]
pub async fn narrator_voices<R: Runtime>(app: AppHandle<R>) -> Result<NarratorVoices, UiError> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<Shell>().app.voices())
        .await
        .map_err(|_| ErrorCode::Internal.localize(&app.state::<Shell>().app.l10n()))?
}

/// The pronunciation dictionary (读音纠正) for Settings.
#[tauri::command]
pub fn pronunciations(shell: State<'_, Shell>) -> Result<Vec<Pronunciation>, UiError> {
    shell.app.pronunciations()
}

/// Adds an entry (or changes how its word is said); the dictionary after.
#[tauri::command]
pub fn set_pronunciation(
    shell: State<'_, Shell>,
    entry: Pronunciation,
) -> Result<Vec<Pronunciation>, UiError> {
    shell.app.set_pronunciation(entry)
}

/// Removes an entry; the dictionary after.
#[tauri::command]
pub fn remove_pronunciation(
    shell: State<'_, Shell>,
    lang: Lang,
    word: String,
) -> Result<Vec<Pronunciation>, UiError> {
    shell.app.remove_pronunciation(lang, &word)
}

/// Asks for a pronunciation file (the system's open dialog) and merges it
/// in; the dictionary after, or `None` when the reader cancelled. A damaged
/// file is refused and nothing changes.
#[tauri::command]
pub async fn import_pronunciations<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<Vec<Pronunciation>>, UiError> {
    let l10n = app.state::<Shell>().app.l10n();
    let (tx, rx) = tokio::sync::oneshot::channel();
    file_dialog(&app)
        .set_title(l10n.message("app-dialog-import-pronunciations-title", &[]))
        .add_filter(
            l10n.message("app-dialog-filter-pronunciations", &[]),
            PRONUNCIATION_EXTENSIONS,
        )
        .pick_file(move |path| {
            let _ = tx.send(path);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    app.state::<Shell>()
        .app
        .import_pronunciations(&path)
        .map(Some)
}

/// Says `text` in the voice for `lang` (Settings' Say button); the voice
/// that spoke. Off the UI thread: the first call lists the voices.
#[tauri::command]
pub async fn say_text<R: Runtime>(
    app: AppHandle<R>,
    lang: Lang,
    text: String,
) -> Result<VoiceInfo, UiError> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<Shell>().app.say(lang, &text))
        .await
        .map_err(|_| ErrorCode::Internal.localize(&app.state::<Shell>().app.l10n()))?
}

/// "Test the voice" for `lang`: a sample sentence, or why no voice can say
/// it (naming what to install).
#[tauri::command]
pub async fn test_voice<R: Runtime>(app: AppHandle<R>, lang: Lang) -> Result<VoiceInfo, UiError> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<Shell>().app.test_voice(lang))
        .await
        .map_err(|_| ErrorCode::Internal.localize(&app.state::<Shell>().app.l10n()))?
}

/// The clipboard's text, if it is a web address (for "open the link you
/// copied?").
#[tauri::command]
pub fn clipboard_url<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    let text = app.clipboard().read_text().ok()?;
    web_address(&text)
}

/// `text` as a web address, if it is one (and short enough to be a link
/// someone copied rather than a document).
fn web_address(text: &str) -> Option<String> {
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
pub async fn pick_file<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    let l10n = app.state::<Shell>().app.l10n();
    let (tx, rx) = tokio::sync::oneshot::channel();
    file_dialog(&app)
        .set_title(l10n.message("app-dialog-open-title", &[]))
        .add_filter(
            l10n.message("app-dialog-filter-pages", &[]),
            PAGE_EXTENSIONS,
        )
        .pick_file(move |path| {
            let _ = tx.send(path);
        });
    let path = rx.await.ok().flatten()?;
    path.into_path().ok().map(|p| p.display().to_string())
}

/// Opens an http(s) address in the system's browser (the error view's
/// "open in browser"); nothing else is opened.
#[tauri::command]
pub fn open_in_browser<R: Runtime>(
    app: AppHandle<R>,
    shell: State<'_, Shell>,
    url: String,
) -> Result<(), UiError> {
    let l10n = shell.app.l10n();
    match Source::parse(&url) {
        Ok(Source::Web(u)) => app
            .opener()
            .open_url(u.as_str(), None::<&str>)
            .map_err(|_| ErrorCode::BrowserUnavailable.localize(&l10n)),
        _ => Err(ErrorCode::InvalidAddress.localize(&l10n)),
    }
}

/// F11: full screen, or back to the window it was; returns whether the
/// window is full screen now.
#[tauri::command]
pub fn toggle_fullscreen<R: Runtime>(
    window: tauri::Window<R>,
    shell: State<'_, Shell>,
) -> Result<bool, UiError> {
    let on = !window.is_fullscreen().unwrap_or(false);
    window
        .set_fullscreen(on)
        .map_err(|_| ErrorCode::Internal.localize(&shell.app.l10n()))?;
    Ok(on)
}

/// Names the window after what it shows: the article's title, or the view's
/// name (`page`), or the app alone on Home. A desktop window is expected to
/// say what it holds; here it is also what a screen reader hears on every
/// change of view, because Orca speaks a new title of the active window while
/// WebKitGTK's live regions and focused headings stay silent to it.
#[tauri::command]
pub fn show_page<R: Runtime>(
    window: tauri::Window<R>,
    shell: State<'_, Shell>,
    page: Option<String>,
) -> Result<(), UiError> {
    let l10n = shell.app.l10n();
    let title = window_title(&l10n, page.as_deref());
    window
        .set_title(&title)
        .map_err(|_| ErrorCode::Internal.localize(&l10n))
}

/// The window's title for `page` (trimmed; blank is Home's).
fn window_title(l10n: &reader_l10n::Localizer, page: Option<&str>) -> String {
    match page.map(str::trim).filter(|p| !p.is_empty()) {
        Some(page) => l10n.message("app-window-title", &[("page", page.into())]),
        None => l10n.message("app-window-title-home", &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_come_from_the_clipboard() {
        assert_eq!(
            web_address(" https://news.163.com/a.html\n").as_deref(),
            Some("https://news.163.com/a.html")
        );
        for no in [
            "news.163.com",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "hello",
        ] {
            assert_eq!(web_address(no), None, "{no}");
        }
        let long = format!("https://example.com/{}", "a".repeat(3000));
        assert_eq!(web_address(&long), None);
    }
}
