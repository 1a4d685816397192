//! # care-reader-app
//!
//! The desktop shell of Care Reader (关怀阅读): a Tauri 2 window around the
//! static UI in `ui/`. It only translates: each command is one call into
//! [`reader_app::App`], the application layer, and narrator events go out as
//! Tauri events. Article images come through the `care-img` scheme
//! ([`images`]). See `docs/app.md` for the contract with the UI.
//!
//! [`build`] is generic over the Tauri runtime, so the commands are tested
//! with Tauri's mock runtime without a window; [`run`] is the real app.

mod args;
pub mod commands;
pub mod images;

use reader_app::narration::Engine;
use reader_app::{App, AppConfig};
use tauri::{DragDropEvent, Emitter, Manager, Runtime, WindowEvent};

pub use args::Args;

/// What the shell keeps: the application and what the command line asked for.
pub struct Shell {
    pub app: App,
    pub args: Args,
}

/// Payload of the `open-request` event.
#[derive(Debug, Clone, serde::Serialize)]
struct OpenRequest {
    source: String,
}

/// The app on `builder`: plugins, the image scheme, the state, the commands
/// and the window's events. `engine` is the narrator's speech engine.
pub fn build<R: Runtime>(
    builder: tauri::Builder<R>,
    args: Args,
    engine: Engine,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .register_asynchronous_uri_scheme_protocol(images::SCHEME, images::handle)
        .setup(move |app| {
            let data_dir = match &args.data_dir {
                Some(dir) => dir.clone(),
                None => app.path().app_data_dir()?,
            };
            let handle = app.handle().clone();
            let config = AppConfig {
                image_address: images::address,
                engine,
            };
            let core = App::new(Some(&data_dir), config, move |event| {
                let _ = handle.emit("narrator", event);
            })?;
            app.manage(Shell { app: core, args });
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
            commands::relabel_article,
            commands::recent_articles,
            commands::clipboard_url,
            commands::pick_file,
            commands::open_in_browser,
            commands::narrate,
            commands::narrator_voices,
        ])
}

/// Builds and runs the app; returns when the window closes.
pub fn run() {
    let args = Args::parse(std::env::args().skip(1));
    let result =
        build(tauri::Builder::default(), args, Engine::System).run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Care Reader could not start: {e}");
        std::process::exit(1);
    }
}
