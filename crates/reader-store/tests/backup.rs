//! Issue 11, backup: export → import into a fresh profile gives the same
//! library, places and settings; merging adds no duplicates and keeps the
//! newer place; a damaged, foreign or newer-version file is refused with
//! nothing changed, whatever bytes it holds.

mod common;

use std::path::Path;

use common::{article, temp_dir};
use proptest::prelude::*;
use reader_errors::{Coded, ErrorCode};
use reader_settings::{Settings, Theme};
use reader_store::{BACKUP_VERSION, Place, Store, StoreError};

/// Everything a backup is meant to carry, comparable across stores.
fn snapshot(store: &Store) -> Result<String, StoreError> {
    let kept = store.kept(1000)?;
    let mut out = format!("{:?}\n", store.settings()?);
    for item in &kept {
        let (source, article) = store.article(item.id)?.unwrap_or_default();
        let place = store.position(item.id)?;
        out.push_str(&format!(
            "{source} {:?} {} {} {:?} {:?}\n",
            item.saved_at, item.words, item.words_read, place, article
        ));
    }
    for r in store.recent(1000)? {
        let place = store.position(r.id)?;
        out.push_str(&format!("recent {} {} {place:?}\n", r.source, r.title));
    }
    Ok(out)
}

fn filled() -> Result<Store, StoreError> {
    let store = Store::in_memory()?;
    store.save_settings(&Settings {
        text_size: 56,
        theme: Theme::Contrast,
        keep_picture_mb_total: 1000,
        ..Settings::default()
    })?;
    let a = store.remember_article(
        "https://b.example/ginkgo",
        &article("银杏", &["公园里的银杏树。", "叶子黄了。", "老人散步。"]),
    )?;
    store.keep(a)?;
    store.save_position(
        a,
        Place {
            block: 1,
            offset: 0.5,
            sentence: Some(2),
        },
    )?;
    std::thread::sleep(std::time::Duration::from_millis(3));
    let b = store.remember_article(
        "https://b.example/tea",
        &article("Tea", &["Green tea.", "Black tea."]),
    )?;
    store.keep(b)?;
    let c = store.remember_article(
        "https://b.example/only-opened",
        &article("Opened", &["x y z"]),
    )?;
    store.save_position(
        c,
        Place {
            block: 0,
            offset: 0.1,
            sentence: None,
        },
    )?;
    let d = store.remember_article("https://b.example/removed", &article("Removed", &["gone"]))?;
    store.keep(d)?;
    store.remove(d)?;
    Ok(store)
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
}

#[test]
fn export_then_import_into_a_fresh_profile_is_identical() -> Result<(), StoreError> {
    let dir = temp_dir("backup-roundtrip");
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("backup.json");
    let store = filled()?;
    assert_eq!(store.export(&file)?, 3, "the removed article stays out");
    let leftovers = std::fs::read_dir(&dir)
        .map(|d| d.count())
        .unwrap_or_default();
    assert_eq!(leftovers, 1, "no temporary file left behind");
    let fresh = Store::in_memory()?;
    let report = fresh.import(&file)?;
    assert_eq!(
        (report.added, report.positions, report.settings),
        (3, 2, true)
    );
    assert_eq!(snapshot(&fresh)?, snapshot(&store)?);
    assert_eq!(
        fresh.search("银杏", 5)?.len(),
        1,
        "kept articles are searchable again"
    );
    // Importing the same file again changes nothing and adds no duplicate.
    let again = fresh.import(&file)?;
    assert_eq!(
        (again.added, again.kept, again.positions, again.settings),
        (0, 0, 0, false)
    );
    assert_eq!(snapshot(&fresh)?, snapshot(&store)?);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn import_merges_the_newer_place_wins_and_current_settings_stay() -> Result<(), StoreError> {
    let dir = temp_dir("backup-merge");
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("backup.json");
    let old = filled()?;
    old.export(&file)?;
    // This computer: the ginkgo article read further, later; tea not kept
    // here yet; its own settings.
    let here = Store::in_memory()?;
    here.save_settings(&Settings {
        text_size: 32,
        ..Settings::default()
    })?;
    let g = here.remember_article(
        "https://b.example/ginkgo",
        &article("银杏", &["公园里的银杏树。", "叶子黄了。", "老人散步。"]),
    )?;
    let tea = here.remember_article(
        "https://b.example/tea",
        &article("Tea", &["Green tea.", "Black tea."]),
    )?;
    std::thread::sleep(std::time::Duration::from_millis(3));
    let newer = here.save_position(
        g,
        Place {
            block: 2,
            offset: 0.0,
            sentence: Some(4),
        },
    )?;
    let report = here.import(&file)?;
    assert_eq!(report.added, 1, "only the article that was not here");
    assert_eq!(report.kept, 2, "ginkgo and tea are kept now");
    assert_eq!(here.position(g)?, Some(newer), "the newer place stays");
    assert!(!report.settings);
    assert_eq!(here.settings()?.text_size, 32);
    assert_eq!(here.kept(10)?.len(), 2);
    assert!(here.library_item(tea)?.and_then(|i| i.saved_at).is_some());
    let n: i64 = here
        .connection()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    assert_eq!(n, 3, "no duplicates by source");
    // An older place here loses to the backup's newer one.
    let elsewhere = Store::in_memory()?;
    let g2 = elsewhere.remember_article(
        "https://b.example/ginkgo",
        &article("银杏", &["公园里的银杏树。", "叶子黄了。", "老人散步。"]),
    )?;
    elsewhere.save_position(
        g2,
        Place {
            block: 0,
            offset: 0.0,
            sentence: None,
        },
    )?;
    elsewhere.connection().execute(
        "UPDATE positions SET updated_at = '2000-01-01T00:00:00.000Z'",
        [],
    )?;
    elsewhere.import(&file)?;
    assert_eq!(
        elsewhere.position(g2)?.map(|p| (p.block, p.sentence)),
        Some((1, Some(2)))
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn damaged_foreign_and_newer_files_are_refused_with_nothing_changed() -> Result<(), StoreError> {
    let dir = temp_dir("backup-bad");
    let _ = std::fs::create_dir_all(&dir);
    let good = dir.join("good.json");
    filled()?.export(&good)?;
    let text = std::fs::read_to_string(&good).unwrap_or_default();
    let store = filled()?;
    let before = snapshot(&store)?;
    let cases: Vec<(&str, Vec<u8>, ErrorCode)> = vec![
        ("empty", Vec::new(), ErrorCode::BackupUnreadable),
        (
            "cut in half",
            text.as_bytes()[..text.len() / 2].to_vec(),
            ErrorCode::BackupUnreadable,
        ),
        (
            "not ours",
            br#"{"format":"pocket-export","version":1}"#.to_vec(),
            ErrorCode::BackupUnreadable,
        ),
        (
            "newer",
            text.replacen(
                &format!("\"version\": {BACKUP_VERSION}"),
                "\"version\": 99",
                1,
            )
            .replace("\"articles\"", "\"library\"")
            .into_bytes(),
            ErrorCode::BackupTooNew,
        ),
        (
            "a bad time late in the file",
            text.replace("\"updatedAt\": \"", "\"updatedAt\": \"yesterday ")
                .into_bytes(),
            ErrorCode::BackupUnreadable,
        ),
        (
            "binary",
            vec![0xff, 0xfe, 0, 1, 2, 3],
            ErrorCode::BackupUnreadable,
        ),
    ];
    for (what, bytes, code) in cases {
        let file = dir.join(format!("{what}.json"));
        write(&file, &bytes);
        match store.import(&file) {
            Err(e) => assert_eq!(e.code(), code, "{what}: {e}"),
            Ok(r) => panic!("{what}: imported {r:?}"),
        }
        assert_eq!(snapshot(&store)?, before, "{what} changed the store");
    }
    let missing = store.import(&dir.join("missing.json"));
    assert!(matches!(missing, Err(StoreError::BackupFile { .. })));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// A valid backup to mutate.
fn good_backup() -> Vec<u8> {
    let dir = temp_dir("backup-fuzz-seed");
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("b.json");
    let bytes = filled()
        .and_then(|s| s.export(&file))
        .ok()
        .and_then(|_| std::fs::read(&file).ok())
        .unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Hostile bytes: the import never panics, and either merges or is
    /// refused with a typed error and the store unchanged.
    #[test]
    fn hostile_imports_never_panic_or_half_apply(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in any::<prop::sample::Index>(),
        do_cut in any::<bool>(),
    ) {
        let mut bytes = good_backup();
        prop_assume!(!bytes.is_empty());
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if do_cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        let store = Store::in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let id = store
            .remember_article("https://b.example/ginkgo", &article("银杏", &["x"]))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let before = snapshot(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match store.import_bytes(&bytes) {
            Ok(_) => {
                let ok: String = store.connection()
                    .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(ok, "ok");
                prop_assert!(store.article(id).map_err(|e| TestCaseError::fail(e.to_string()))?.is_some());
            }
            Err(e) => {
                prop_assert!(matches!(e.code(), ErrorCode::BackupUnreadable | ErrorCode::BackupTooNew), "{}", e);
                let after = snapshot(&store).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(after, before);
            }
        }
    }

    /// Arbitrary JSON-ish text never panics the import.
    #[test]
    fn arbitrary_text_is_refused_cleanly(text in "\\PC{0,200}") {
        let store = Store::in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let result = store.import_bytes(text.as_bytes());
        prop_assert!(result.is_err());
    }
}
