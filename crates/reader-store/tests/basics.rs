//! Settings, the window, recent articles and opening a damaged file: what
//! the store did before the library, kept working.

mod common;

use common::{article, temp_dir};
use reader_errors::ErrorCode;
use reader_settings::{Settings, Theme};
use reader_store::{FILE_NAME, RECENT_LIMIT, Store, StoreError, WindowState};

#[test]
fn settings_survive_reopening_the_file() -> Result<(), StoreError> {
    let dir = temp_dir("settings");
    {
        let (store, notice) = Store::open_in(&dir)?;
        assert_eq!(notice, None);
        assert!(store.is_fresh()?);
        assert_eq!(store.settings()?, Settings::default());
        let s = Settings {
            text_size: 40,
            theme: Theme::Dark,
            ..Settings::default()
        };
        store.save_settings(&s)?;
    }
    let (store, _) = Store::open_in(&dir)?;
    assert!(!store.is_fresh()?);
    assert_eq!(store.settings()?.text_size, 40);
    assert_eq!(store.settings()?.theme, Theme::Dark);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn an_unreadable_file_is_set_aside_not_lost() -> Result<(), StoreError> {
    let dir = temp_dir("corrupt");
    let folder = |source| StoreError::Folder {
        path: dir.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(folder)?;
    let junk = b"this is not a database, it is a shopping list".repeat(100);
    std::fs::write(dir.join(FILE_NAME), &junk).map_err(|source| StoreError::Folder {
        path: dir.clone(),
        source,
    })?;
    let (store, notice) = Store::open_in(&dir)?;
    let notice = notice.unwrap_or_else(|| panic!("no notice for an unreadable store"));
    assert_eq!(notice.code, ErrorCode::StoreReset);
    let moved = notice
        .moved_to
        .unwrap_or_else(|| panic!("the unreadable file was not kept"));
    assert_eq!(
        std::fs::read(&moved).unwrap_or_default(),
        junk,
        "kept byte for byte"
    );
    assert_eq!(store.settings()?, Settings::default());
    store.save_settings(&Settings::default())?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn the_window_state_survives_reopening_and_is_not_a_first_use() -> Result<(), StoreError> {
    let dir = temp_dir("window");
    let state = WindowState {
        x: -20,
        y: 35,
        width: 1100,
        height: 640,
        maximized: true,
    };
    {
        let (store, _) = Store::open_in(&dir)?;
        assert_eq!(store.window_state()?, None);
        store.save_window_state(&state)?;
        let moved = WindowState {
            maximized: false,
            ..state
        };
        store.save_window_state(&moved)?;
        store.save_window_state(&state)?;
        assert!(store.is_fresh()?, "a saved window is not a first use");
    }
    let (store, _) = Store::open_in(&dir)?;
    assert_eq!(store.window_state()?, Some(state));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn unparsable_settings_give_defaults() -> Result<(), StoreError> {
    let store = Store::in_memory()?;
    store.connection().execute(
        "INSERT INTO settings (id, json) VALUES (1, '{not json')",
        [],
    )?;
    assert_eq!(store.settings()?, Settings::default());
    Ok(())
}

#[test]
fn recent_articles_newest_first_and_reopened_moves_up() -> Result<(), StoreError> {
    let store = Store::in_memory()?;
    let a = store.remember_article("https://a.example/1", &article("One", &[]))?;
    let b = store.remember_article("https://a.example/2", &article("Two", &[]))?;
    std::thread::sleep(std::time::Duration::from_millis(5));
    let a2 = store.remember_article("https://a.example/1", &article("One again", &[]))?;
    assert_eq!(a, a2, "same source, same id");
    let recent = store.recent(RECENT_LIMIT)?;
    let titles: Vec<&str> = recent.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["One again", "Two"]);
    let (source, art) = store
        .article(b)?
        .unwrap_or_else(|| panic!("article {b} not found"));
    assert_eq!(source, "https://a.example/2");
    assert_eq!(art.title, "Two");
    assert!(store.article(9999)?.is_none());
    Ok(())
}
