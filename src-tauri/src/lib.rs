//! # care-reader-app
//!
//! The desktop shell of Care Reader (关怀阅读): a Tauri 2 window around the
//! static UI in `ui/`. It only translates: commands call `reader-core`
//! (fetch, extract, store, i18n) and hand the UI plain data; article images
//! come through the `care-img` scheme. See `docs/app.md` for the contract.

mod args;
pub mod commands;
mod error;
mod images;
mod narration;
mod state;
mod view;
mod welcome;

use tauri::{DragDropEvent, Emitter, Manager, WindowEvent};

pub use args::Args;
pub use error::UiError;
pub use state::AppState;

/// Payload of the `open-request` event.
#[derive(Debug, Clone, serde::Serialize)]
struct OpenRequest {
    source: String,
}

/// Builds and runs the app; returns when the window closes.
pub fn run() {
    let args = Args::parse(std::env::args().skip(1));
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .register_asynchronous_uri_scheme_protocol(view::IMAGE_SCHEME, images::handle)
        .setup(move |app| {
            let data_dir = match &args.data_dir {
                Some(dir) => dir.clone(),
                None => app.path().app_data_dir()?,
            };
            let state = AppState::new(args.clone(), &data_dir)?;
            let settings = state.store().settings().unwrap_or_default();
            app.manage(narration::Narration::start(app.handle(), &settings));
            app.manage(state);
            Ok(())
        })
        .on_window_event(|window, event| {
            // A page dropped on the window opens like one chosen in the dialog.
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event
                && let Some(path) = paths.first()
            {
                let _ = window.emit(
                    "open-request",
                    OpenRequest {
                        source: path.display().to_string(),
                    },
                );
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            commands::get_settings,
            commands::update_settings,
            commands::ui_strings,
            commands::open_article,
            commands::open_welcome,
            commands::open_recent,
            commands::recent_articles,
            commands::clipboard_url,
            commands::pick_file,
            commands::open_in_browser,
            commands::narrate,
            commands::narrator_voices,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Care Reader could not start: {e}");
        std::process::exit(1);
    }
}
