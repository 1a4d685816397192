//! Declares every command the UI may call, so that each gets its own
//! permission (`allow-<command>`) and `capabilities/main.json` can grant them
//! one by one. A command missing here cannot be called at all.

fn main() {
    let commands = &[
        "startup",
        "get_settings",
        "update_settings",
        "ui_strings",
        "open_article",
        "open_welcome",
        "open_recent",
        "relabel_article",
        "recent_articles",
        "clipboard_url",
        "pick_file",
        "open_in_browser",
        "narrate",
        "narrator_voices",
        "pronunciations",
        "set_pronunciation",
        "remove_pronunciation",
        "import_pronunciations",
        "say_text",
        "test_voice",
        "toggle_fullscreen",
        "keep_article",
        "library",
        "search_library",
        "remove_article",
        "undo_remove",
        "removed_articles",
        "closing_saved",
        "save_position",
        "continue_reading",
        "export_library",
        "import_library",
        "export_article",
        "home_news",
        "refresh_sources",
        "open_headline",
        "list_sources",
        "add_source",
        "remove_source",
        "suggested_sources",
        "next_headline",
        "read_headlines",
        "simple_mode",
        "enter_simple_mode",
        "unlock",
        "unlock_by_key",
        "choose_sources",
        "export_family_setup",
        "import_family_setup",
        "show_page",
    ];
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
