//! Commands for the family setup and simple mode: each is one call into
//! reader-app (its `family` and `home` modules). The setup file is written
//! and read through the system's own dialogs, off the UI thread.

use reader_app::family::{LockChoice, SimpleMode, UnlockAnswer};
use reader_app::home::ChosenSource;
use reader_errors::{Coded, ErrorCode, UiError};
use reader_settings::Settings;
use reader_store::SourceItem;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::Shell;

/// The setup file's type and suggested name.
const SETUP_EXTENSIONS: &[&str] = &["json"];
const SETUP_FILE_NAME: &str = "care-reader-family-setup.json";

#[tauri::command]
pub fn simple_mode(shell: State<'_, Shell>) -> SimpleMode {
    shell.app.simple_mode()
}

/// Simple mode on, with a PIN (4–8 digits) or none (then a held key leaves it).
#[tauri::command]
pub fn enter_simple_mode(
    shell: State<'_, Shell>,
    pin: Option<String>,
) -> Result<SimpleMode, UiError> {
    shell.app.enter_simple_mode(pin.as_deref())
}

#[tauri::command]
pub fn unlock(shell: State<'_, Shell>, pin: String) -> Result<UnlockAnswer, UiError> {
    shell.app.unlock(&pin)
}

/// The documented key was held for three seconds (only leaves without a PIN).
#[tauri::command]
pub fn unlock_by_key(shell: State<'_, Shell>) -> Result<UnlockAnswer, UiError> {
    shell.app.unlock_by_key()
}

/// Sources chosen from the suggestions (known feeds, no fetch now).
#[tauri::command]
pub fn choose_sources(
    shell: State<'_, Shell>,
    sources: Vec<ChosenSource>,
) -> Result<Vec<SourceItem>, UiError> {
    shell.app.choose_sources(&sources)
}

/// The system's save dialog, then the family setup written there, carrying
/// `lock` (simple mode and PIN for the other computer; `None`: this
/// computer's own); whether it was written (`false`: the reader cancelled).
#[tauri::command]
pub async fn export_family_setup<R: Runtime>(
    app: AppHandle<R>,
    lock: Option<LockChoice>,
) -> Result<bool, UiError> {
    let l10n = app.state::<Shell>().app.l10n();
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(l10n.message("app-dialog-setup-export-title", &[]))
        .add_filter(
            l10n.message("app-dialog-filter-setup", &[]),
            SETUP_EXTENSIONS,
        )
        .set_file_name(SETUP_FILE_NAME)
        .save_file(move |path| {
            let _ = tx.send(path);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(false);
    };
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        handle
            .state::<Shell>()
            .app
            .export_family_setup(&path, lock.as_ref())
    })
    .await
    .map_err(|_| ErrorCode::Internal.localize(&l10n))?
    .map(|()| true)
}

/// The system's open dialog, then the family setup taken; the settings in
/// force after, or `None` when the reader cancelled. A refused file
/// changes nothing.
#[tauri::command]
pub async fn import_family_setup<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<Settings>, UiError> {
    let l10n = app.state::<Shell>().app.l10n();
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(l10n.message("app-dialog-setup-import-title", &[]))
        .add_filter(
            l10n.message("app-dialog-filter-setup", &[]),
            SETUP_EXTENSIONS,
        )
        .pick_file(move |path| {
            let _ = tx.send(path);
        });
    let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        handle.state::<Shell>().app.import_family_setup(&path)
    })
    .await
    .map_err(|_| ErrorCode::Internal.localize(&l10n))?
    .map(Some)
}
