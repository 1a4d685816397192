//! Issue 11, faults: a read-only folder or a full disk turns saving off —
//! each write fails with `saving-off` and changes nothing — while reading
//! what was saved goes on, and nothing saved is damaged.

mod common;

use std::path::Path;

use common::{article, temp_dir};
use reader_errors::{Coded, ErrorCode};
use reader_settings::Settings;
use reader_store::{FILE_NAME, Picture, Place, Store, StoreError};

/// A store with one kept, placed article; its id.
fn filled(dir: &Path) -> Result<i64, StoreError> {
    let (store, _) = Store::open_in(dir)?;
    store.save_settings(&Settings {
        text_size: 48,
        ..Settings::default()
    })?;
    let id = store.remember_article(
        "https://f.example/kept",
        &article(
            "银杏与秋天",
            &["城里的银杏树都黄了。", "老人们在树下散步。"],
        ),
    )?;
    store.keep(id)?;
    store.save_position(
        id,
        Place {
            block: 0,
            offset: 0.5,
            sentence: Some(1),
        },
    )?;
    Ok(id)
}

/// Everything saved still reads back.
fn reads_work(store: &Store, id: i64) -> Result<(), StoreError> {
    assert_eq!(store.settings()?.text_size, 48);
    assert_eq!(store.kept(10)?.len(), 1);
    assert_eq!(store.search("银杏", 10)?.len(), 1);
    assert_eq!(store.position(id)?.map(|p| p.block), Some(0));
    assert!(store.article(id)?.is_some());
    assert!(store.last_unfinished()?.is_some());
    Ok(())
}

/// Every kind of write fails with saving-off.
fn writes_are_refused(store: &Store, id: i64) {
    let results: Vec<(&str, Result<(), StoreError>)> = vec![
        ("settings", store.save_settings(&Settings::default())),
        (
            "remember",
            store
                .remember_article("https://f.example/new", &article("New", &["x"]))
                .map(drop),
        ),
        (
            "position",
            store
                .save_position(
                    id,
                    Place {
                        block: 0,
                        offset: 0.0,
                        sentence: None,
                    },
                )
                .map(drop),
        ),
        ("remove", store.remove(id)),
        (
            "pictures",
            store
                .keep_pictures(
                    id,
                    &[Picture {
                        url: "https://f.example/p.png".into(),
                        content_type: "image/png".into(),
                        bytes: vec![1; 64 * 1024],
                    }],
                )
                .map(drop),
        ),
    ];
    for (what, result) in results {
        match result {
            Err(e @ StoreError::SavingOff(_)) => assert_eq!(e.code(), ErrorCode::SavingOff),
            other => panic!("{what}: expected saving-off, got {other:?}"),
        }
    }
}

fn integrity_ok(dir: &Path) -> Result<(), StoreError> {
    let conn = rusqlite::Connection::open(dir.join(FILE_NAME))?;
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    assert_eq!(ok, "ok");
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_turns_saving_off_and_reading_goes_on() -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("ro-folder");
    let id = filled(&dir)?;
    let set_mode = |mode| std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode));
    let _ = set_mode(0o555);
    // Root writes through permissions: the test would prove nothing.
    let probe = dir.join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        let _ = set_mode(0o755);
        eprintln!(
            "SKIPPED a_read_only_folder_turns_saving_off_and_reading_goes_on: running as root, \
             where a read-only folder does not stop writes; \
             a_store_opened_read_only_turns_saving_off covers the same path"
        );
        let _ = std::fs::remove_dir_all(&dir);
        return Ok(());
    }
    let outcome = (|| {
        let (store, notice) = Store::open_in(&dir)?;
        assert_eq!(notice, None, "a read-only store is not unreadable");
        reads_work(&store, id)?;
        writes_are_refused(&store, id);
        reads_work(&store, id)
    })();
    let _ = set_mode(0o755);
    outcome?;
    integrity_ok(&dir)?;
    let (store, _) = Store::open_in(&dir)?;
    reads_work(&store, id)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn a_store_opened_read_only_turns_saving_off() -> Result<(), StoreError> {
    let dir = temp_dir("ro-open");
    let id = filled(&dir)?;
    let before = std::fs::read(dir.join(FILE_NAME)).unwrap_or_default();
    {
        let store = Store::open_read_only_in(&dir)?;
        reads_work(&store, id)?;
        writes_are_refused(&store, id);
        reads_work(&store, id)?;
    }
    assert_eq!(
        std::fs::read(dir.join(FILE_NAME)).unwrap_or_default(),
        before,
        "not a byte changed"
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn a_full_disk_turns_saving_off_and_damages_nothing() -> Result<(), StoreError> {
    let dir = temp_dir("full");
    let id = filled(&dir)?;
    {
        let (store, _) = Store::open_in(&dir)?;
        // The file may not grow by a single page: what a full disk does.
        let pages: i64 = store
            .connection()
            .query_row("PRAGMA page_count", [], |r| r.get(0))?;
        store
            .connection()
            .pragma_update(None, "max_page_count", pages)?;
        let big: Vec<String> = (0..400)
            .map(|i| format!("第{i}段：银杏树下的故事。").repeat(20))
            .collect();
        let big: Vec<&str> = big.iter().map(String::as_str).collect();
        let result = store.remember_article("https://f.example/big", &article("Big", &big));
        assert!(
            matches!(result, Err(StoreError::SavingOff(_))),
            "{result:?}"
        );
        let result = store.keep_pictures(
            id,
            &[Picture {
                url: "https://f.example/big.png".into(),
                content_type: "image/png".into(),
                bytes: vec![9; 4 * 1024 * 1024],
            }],
        );
        assert!(
            matches!(result, Err(StoreError::SavingOff(_))),
            "{result:?}"
        );
        reads_work(&store, id)?;
        assert_eq!(
            store.recent(10)?.len(),
            1,
            "the refused article is not half there"
        );
    }
    integrity_ok(&dir)?;
    let (store, _) = Store::open_in(&dir)?;
    reads_work(&store, id)?;
    assert_eq!(store.image("https://f.example/big.png")?, None);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
