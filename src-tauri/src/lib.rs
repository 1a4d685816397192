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
pub mod closing;
pub mod commands;
pub mod family;
pub mod images;
pub mod instance;
pub mod news;
pub mod window;

use reader_app::narration::Engine;
use reader_app::{App, AppConfig};
use tauri::{AppHandle, DragDropEvent, Emitter, Manager, Runtime, WindowEvent};

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

/// The app on `builder`: plugins, the image scheme, the commands and the
/// window's events. The state comes from [`manage`], once the app is built.
pub fn build<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .manage(closing::Closing::default())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .register_asynchronous_uri_scheme_protocol(images::SCHEME, images::handle)
        .on_window_event(|window, event| match event {
            // A page dropped on the window opens like one chosen in the dialog.
            WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) => {
                if let Some(path) = paths.first() {
                    let _ = window.emit(
                        "open-request",
                        OpenRequest {
                            source: path.display().to_string(),
                        },
                    );
                }
            }
            // The window's place is saved once a move or resize settles,
            // and on close.
            WindowEvent::Moved(_) | WindowEvent::Resized(_) => {
                if let Some(keeper) = window.try_state::<window::Keeper>() {
                    keeper.touched();
                }
            }
            WindowEvent::CloseRequested { api, .. } => {
                if let Some(keeper) = window.try_state::<window::Keeper>() {
                    keeper.save(window);
                }
                // It closes (after the UI has saved, below): a launch from
                // now on must not be handed to it (instance.rs).
                closing_app(window);
                // The UI saves the reading place first (closing.rs).
                if window
                    .try_state::<closing::Closing>()
                    .is_some_and(|c| c.hold(window))
                {
                    api.prevent_close();
                }
            }
            // Closed some other way (the driver, the system).
            WindowEvent::Destroyed => closing_app(window),
            _ => {}
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
            commands::pronunciations,
            commands::set_pronunciation,
            commands::remove_pronunciation,
            commands::import_pronunciations,
            commands::say_text,
            commands::test_voice,
            commands::toggle_fullscreen,
            commands::keep_article,
            commands::library,
            commands::search_library,
            commands::remove_article,
            commands::undo_remove,
            commands::removed_articles,
            commands::save_position,
            commands::continue_reading,
            commands::export_library,
            commands::import_library,
            commands::export_article,
            commands::closing_saved,
            news::home_news,
            news::refresh_sources,
            news::open_headline,
            news::list_sources,
            news::add_source,
            news::remove_source,
            news::suggested_sources,
            news::next_headline,
            news::read_headlines,
            family::simple_mode,
            family::enter_simple_mode,
            family::unlock,
            family::unlock_by_key,
            family::choose_sources,
            family::export_family_setup,
            family::import_family_setup,
            commands::show_page,
        ])
}

/// The folder of the store: `args.data_dir`, or the OS app-data folder.
pub fn data_dir<R: Runtime>(
    app: &AppHandle<R>,
    args: &Args,
) -> Result<std::path::PathBuf, tauri::Error> {
    match &args.data_dir {
        Some(dir) => Ok(dir.clone()),
        None => app.path().app_data_dir(),
    }
}

/// Starts the application layer for `app` (its store in [`data_dir`];
/// narrator events sent to the window) and hands it to the commands.
/// `engine` is the narrator's speech engine.
pub fn manage<R: Runtime>(
    app: &AppHandle<R>,
    args: Args,
    engine: Engine,
) -> Result<(), Box<dyn std::error::Error>> {
    let data_dir = data_dir(app, &args)?;
    let handle = app.clone();
    let config = AppConfig {
        image_address: images::address,
        engine,
    };
    let core = App::new(Some(&data_dir), config, move |event| {
        let _ = handle.emit("narrator", event);
    })?;
    app.manage(Shell { app: core, args });
    Ok(())
}

/// The main window is going, and with it the process, which takes a
/// moment: a launch meanwhile waits for it to end and opens its own window
/// instead of being handed to this one (instance.rs).
fn closing_app<R: Runtime>(window: &tauri::Window<R>) {
    if window.label() == window::MAIN
        && let Some(primary) = window.try_state::<instance::Primary>()
    {
        primary.closing();
    }
}

/// What a second launch asked for, done in the first app's window: it comes
/// to the front (un-minimised, shown, focused) and opens the address the way
/// a dropped file opens (the `open-request` event).
pub fn bring_forward<R: Runtime>(app: &AppHandle<R>, request: reader_app::handover::Handover) {
    if let Some(window) = app.get_webview_window(window::MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(source) = request.open {
        let _ = app.emit("open-request", OpenRequest { source });
    }
}

/// Claims the data folder for this process ([`instance`]). Returns `None`
/// when the app already running there took the request: this process then
/// exits without touching the store.
fn claim<R: Runtime>(
    app: &AppHandle<R>,
    args: &Args,
) -> Result<Option<instance::Primary>, Box<dyn std::error::Error>> {
    let request = reader_app::handover::Handover {
        open: args
            .open
            .as_deref()
            .map(reader_app::handover::absolute_source),
    };
    match instance::claim(&data_dir(app, args)?, &request) {
        Ok(instance::Claim::Primary(primary)) => Ok(Some(primary)),
        Ok(instance::Claim::HandedOver) => Ok(None),
        // A folder that cannot be locked (read-only) still lets the app
        // start: reading matters more than the guard.
        Err(e @ instance::InstanceError::Lock { .. }) => {
            eprintln!("Care Reader: starting without the one-window guard: {e}");
            Ok(Some(instance::Primary::unguarded()))
        }
        Err(e) => Err(e.into()),
    }
}

/// Builds and runs the app; returns when the window closes. The window is
/// opened here, not from `tauri.conf.json`, so that it fits the screen
/// ([`window`]). A second launch on the same data folder hands its address
/// to the first and exits ([`instance`]).
pub fn run() {
    let args = Args::parse(std::env::args().skip(1));
    let result = build(tauri::Builder::default())
        .setup(move |app| {
            let Some(mut primary) = claim(app.handle(), &args)? else {
                std::process::exit(0);
            };
            manage(app.handle(), args, Engine::System)?;
            window::open_main(app.handle())?;
            let handle = app.handle().clone();
            primary.serve(move |request| bring_forward(&handle, request));
            // Kept for the life of the app: it holds the lock.
            app.manage(primary);
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Care Reader could not start: {e}");
        std::process::exit(1);
    }
}

/// The commands through Tauri's IPC on the mock runtime: the real builder,
/// the real context (capabilities included), no window or display.
#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use reader_errors::ErrorCode;
    use serde_json::{Value, json};
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
    use tauri::webview::InvokeRequest;
    use tauri::{App as TauriApp, WebviewWindow};

    use super::*;

    struct Harness {
        _app: TauriApp<MockRuntime>,
        window: WebviewWindow<MockRuntime>,
        dir: PathBuf,
    }

    impl Drop for Harness {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    fn harness(name: &str) -> Harness {
        let dir = std::env::temp_dir().join(format!("care-shell-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let args = Args {
            data_dir: Some(dir.clone()),
            welcome: true,
            ..Args::default()
        };
        let missing: Engine = Engine::Custom(Box::new(|_| {
            Err(narrator::EngineError::Missing {
                detail: "not in these tests".into(),
            })
        }));
        let app = build(mock_builder())
            .build(tauri::generate_context!())
            .unwrap_or_else(|e| panic!("the app did not build: {e}"));
        manage(app.handle(), args, missing).unwrap_or_else(|e| panic!("{e}"));
        // The capabilities grant our commands to the window labelled "main".
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap_or_else(|e| panic!("no main window: {e}"));
        Harness {
            _app: app,
            window,
            dir,
        }
    }

    impl Harness {
        fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
            let request = InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost"
                    .parse()
                    .unwrap_or_else(|e| panic!("{e}")),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            };
            get_ipc_response(&self.window, request).map(|body| {
                body.deserialize::<Value>()
                    .unwrap_or_else(|e| panic!("{cmd}: {e}"))
            })
        }

        fn ok(&self, cmd: &str, args: Value) -> Value {
            self.invoke(cmd, args)
                .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
        }
    }

    #[test]
    fn startup_hands_the_ui_its_limits_and_settings_follow_them() {
        let h = harness("startup");
        let startup = h.ok("startup", json!({}));
        assert_eq!(startup["welcome"], true);
        assert_eq!(startup["firstRun"], true);
        // The window's fonts are picked by it (ui/styles.css).
        assert_eq!(startup["os"], std::env::consts::OS);
        assert_eq!(
            startup["limits"]["textSizes"],
            json!(reader_settings::TEXT_SIZES)
        );
        assert_eq!(startup["limits"]["speechRate"]["max"], 3.0);
        let s = h.ok(
            "update_settings",
            json!({"patch": {"textSizeSteps": 1, "lineHeight": 9}}),
        );
        assert_eq!(s["textSize"], 28);
        assert_eq!(s["lineHeight"], 2.5);
        assert_eq!(h.ok("get_settings", json!({}))["textSize"], 28);
        let back = h.ok(
            "update_settings",
            json!({"patch": {"resetTypography": true}}),
        );
        assert_eq!(back["textSize"], 24);
    }

    #[test]
    fn welcome_relabel_and_errors_through_ipc() {
        let h = harness("welcome");
        assert_eq!(h.ok("relabel_article", json!({})), Value::Null);
        h.ok("update_settings", json!({"patch": {"uiLang": "en-US"}}));
        let view = h.ok("open_welcome", json!({}));
        assert_eq!(view["id"], Value::Null);
        assert!(view["speech"]["id"].as_u64().is_some_and(|id| id > 0));
        h.ok("update_settings", json!({"patch": {"uiLang": "zh-CN"}}));
        let relabel = h.ok("relabel_article", json!({}));
        let meta = relabel["metaLine"].as_str().unwrap_or_default();
        assert!(meta.contains("分钟"), "{meta}");
        let strings = h.ok("ui_strings", json!({}));
        assert_eq!(strings["lang"], "zh-CN");
        // An error comes as {code, family, message}.
        let err = h
            .invoke("open_recent", json!({"id": 12345}))
            .err()
            .unwrap_or_else(|| panic!("an unknown article opened"));
        assert_eq!(err["code"], ErrorCode::NotRemembered.id());
        assert_eq!(err["family"], "generic");
        assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
        let err = h
            .invoke("open_in_browser", json!({"url": "javascript:alert(1)"}))
            .err()
            .unwrap_or_else(|| panic!("a script address was opened"));
        assert_eq!(err["code"], ErrorCode::InvalidAddress.id());
        assert_eq!(err["family"], "address");
        assert_eq!(h.ok("recent_articles", json!({})), json!([]));
    }

    /// Issue 11's commands: keep (offline: the picture is counted as
    /// skipped), the library, search, places, Continue, the view's `kept`
    /// and `position`, removal and undo, and their errors.
    #[test]
    fn library_commands_through_ipc() {
        let h = harness("library");
        let article = reader_article::Article {
            title: "银杏树叶黄了".into(),
            // Nothing listens on port 9 here: the picture cannot be fetched.
            lead_image: Some("http://127.0.0.1:9/ginkgo.jpg".into()),
            // Four paragraphs: a place in the first is not the end.
            blocks: vec![
                reader_article::Block::Paragraph {
                    content: vec![reader_article::Inline::Text {
                        text: "秋天，湖边的银杏树叶全黄了，很多老人早上来散步。".into(),
                    }],
                };
                4
            ],
            ..reader_article::Article::default()
        };
        let id = h
            ._app
            .state::<Shell>()
            .app
            .library()
            .store()
            .remember_article("https://example.org/ginkgo", &article)
            .unwrap_or_else(|e| panic!("{e}"));
        let report = h.ok("keep_article", json!({"id": id}));
        assert_eq!(report, json!({"id": id, "pictures": 0, "skipped": 1}));
        let library = h.ok("library", json!({}));
        assert_eq!(library[0]["id"], id);
        assert_eq!(library[0]["title"], "银杏树叶黄了");
        assert!(library[0]["savedAt"].is_string());
        let hits = h.ok("search_library", json!({"query": "银杏"}));
        assert_eq!(hits[0]["item"]["id"], id);
        assert_eq!(
            hits[0]["titleMarked"][0],
            json!({"text": "银杏", "mark": true})
        );
        let place = json!({"block": 0, "offset": 0.5, "sentence": 1});
        assert_eq!(
            h.ok("save_position", json!({"id": id, "place": place})),
            Value::Null
        );
        let next = h.ok("continue_reading", json!({}));
        assert_eq!(next["item"]["id"], id);
        assert_eq!(next["position"]["sentence"], 1);
        let view = h.ok("open_recent", json!({"id": id}));
        assert_eq!(view["kept"], true);
        assert_eq!(view["position"]["block"], 0);
        assert!(view["position"]["updatedAt"].is_string());
        let welcome = h.ok("open_welcome", json!({}));
        assert_eq!(
            (&welcome["kept"], &welcome["position"]),
            (&json!(false), &Value::Null)
        );
        assert_eq!(h.ok("remove_article", json!({"id": id})), Value::Null);
        assert_eq!(h.ok("library", json!({})), json!([]));
        assert_eq!(h.ok("removed_articles", json!({}))[0]["id"], json!(id));
        assert_eq!(h.ok("undo_remove", json!({"id": id})), Value::Null);
        assert_eq!(h.ok("removed_articles", json!({})), json!([]));
        assert_eq!(h.ok("library", json!({})).as_array().map(Vec::len), Some(1));
        for (cmd, args) in [
            ("keep_article", json!({"id": 999})),
            ("remove_article", json!({"id": 999})),
            ("save_position", json!({"id": 999, "place": place})),
        ] {
            let err = h
                .invoke(cmd, args)
                .err()
                .unwrap_or_else(|| panic!("{cmd} on an unknown article"));
            assert_eq!(err["code"], ErrorCode::NotRemembered.id(), "{cmd}");
        }
    }

    /// The command line finds the app's store by reader-app's rule; it is
    /// the folder Tauri gives the window.
    #[test]
    fn the_store_folder_rule_is_tauris() {
        let h = harness("folder");
        let tauri_folder = h._app.path().app_data_dir().ok();
        assert_eq!(tauri_folder, reader_app::default_folder());
    }

    /// export_article is granted, says an unknown article before any
    /// dialog opens, and takes only "html" or "markdown" (the writing
    /// itself, after the dialog, is App::export_article's, tested there).
    #[test]
    fn export_article_refuses_before_the_dialog() {
        let h = harness("export-article");
        let err = h
            .invoke("export_article", json!({"id": 999, "format": "html"}))
            .err()
            .unwrap_or_else(|| panic!("an unknown article was exported"));
        assert_eq!(err["code"], ErrorCode::NotRemembered.id());
        assert!(
            h.invoke("export_article", json!({"id": 1, "format": "pdf"}))
                .is_err()
        );
    }

    #[test]
    fn a_command_not_in_the_capabilities_is_refused() {
        let h = harness("acl");
        assert!(h.invoke("no_such_command", json!({})).is_err());
    }
}
