//! Settings, the window, recent articles and opening a damaged file: what
//! the store did before the library, kept working.

mod common;

use common::{article, temp_dir};
use reader_errors::ErrorCode;
use reader_settings::{Settings, Theme};
use reader_store::{FILE_NAME, Picture, RECENT_LIMIT, Store, StoreError, WindowState};

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

/// Issue 11's measure: with 1 000 kept articles a start spent 160 of its
/// 180 ms in SQLite's check of the search index against every article's
/// text. That check is left out at start: an index out of step with its
/// text is not an unreadable file, and the library is not set aside for it.
#[test]
fn a_search_index_out_of_step_does_not_set_the_library_aside() -> Result<(), StoreError> {
    let dir = temp_dir("search-index");
    {
        let (store, _) = Store::open_in(&dir)?;
        let id = store.remember_article(
            "https://example.org/ginkgo",
            &article("银杏树", &["秋天的银杏叶很美。"]),
        )?;
        store.keep(id)?;
        // The index's pages gone (its settings rows 1 and 10 kept), its text kept.
        store
            .connection()
            .execute("DELETE FROM search_data WHERE id > 10", [])?;
        let whole: String = store
            .connection()
            .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        assert_ne!(
            whole, "ok",
            "SQLite's own check finds the index out of step"
        );
    }
    let (store, notice) = Store::open_in(&dir)?;
    assert_eq!(notice, None, "the file reads whole");
    assert_eq!(store.kept(10)?.len(), 1, "the library is still there");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Checking table by table still finds a damaged page in the middle of
/// the file (not only a file that is no database at all).
#[test]
fn a_damaged_page_inside_the_file_is_still_found() -> Result<(), StoreError> {
    let dir = temp_dir("damaged-page");
    {
        let (store, _) = Store::open_in(&dir)?;
        for n in 0..20 {
            let text = format!("第{n}段。").repeat(200);
            let id = store.remember_article(
                &format!("https://example.org/{n}"),
                &article("银杏树", &[&text]),
            )?;
            store.keep(id)?;
        }
    }
    let path = dir.join(FILE_NAME);
    let mut bytes = std::fs::read(&path).unwrap_or_default();
    // Pages 2 to 4 (4 KiB each): roots of the first tables and indexes;
    // page 1, the header and the schema, stays whole.
    assert!(bytes.len() > 4 * 4096, "a file of several pages");
    bytes[4096..4 * 4096].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let (store, notice) = Store::open_in(&dir)?;
    let notice = notice.unwrap_or_else(|| panic!("no notice for a damaged store"));
    assert_eq!(notice.code, ErrorCode::StoreReset);
    assert!(store.kept(10)?.is_empty(), "a fresh store");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// A damaged page among the kept pictures does not set the library aside:
/// the start does not read the pictures (they are most of the file, and
/// copies of the web's); the words are all there.
#[test]
fn a_damaged_picture_does_not_set_the_library_aside() -> Result<(), StoreError> {
    let dir = temp_dir("damaged-picture");
    let url = "https://example.org/ginkgo.png";
    let original = vec![0x5A_u8; 5 * 4096];
    {
        let (store, _) = Store::open_in(&dir)?;
        let id = store.remember_article(
            "https://example.org/ginkgo",
            &article("银杏树", &["秋天的银杏叶很美。"]),
        )?;
        store.keep(id)?;
        let report = store.keep_pictures(
            id,
            &[Picture {
                url: url.into(),
                content_type: "image/png".into(),
                bytes: original.clone(),
            }],
        )?;
        assert_eq!(report.kept, 1);
    }
    let path = dir.join(FILE_NAME);
    let mut bytes = std::fs::read(&path).unwrap_or_default();
    // A whole page in the middle of the picture's bytes: its overflow chain breaks.
    // (Overflow pages hold 4 092 of them after a 4-byte link; two pages on.)
    let at = bytes
        .windows(1024)
        .position(|w| w.iter().all(|&b| b == 0x5A))
        .unwrap_or_else(|| panic!("the picture's bytes are in the file"));
    let page = (at / 4096 + 2) * 4096;
    assert!(
        bytes[page + 8..page + 4096].iter().all(|&b| b == 0x5A),
        "a page of the picture"
    );
    bytes[page..page + 4096].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let (store, notice) = Store::open_in(&dir)?;
    assert_eq!(notice, None, "the library is not set aside for a picture");
    assert_eq!(store.kept(10)?.len(), 1, "the words are all there");
    let picture = store.image(url).ok().flatten().map(|(_, b)| b);
    assert_ne!(
        picture,
        Some(original),
        "the damaged picture is not served as whole"
    );
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
