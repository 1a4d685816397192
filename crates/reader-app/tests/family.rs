//! The family setup and simple mode (issue 12): a setup written on one
//! computer is taken whole on another (settings, sources, pronunciations,
//! PIN); damaged files, files from a newer Care Reader and files with one
//! bad entry are refused with nothing changed; simple mode is left only
//! with the PIN (or the held key when there is none), and five wrong PINs
//! bring a calm wait, not a lock-out.

use std::path::{Path, PathBuf};

use narrator::EngineError;
use reader_app::family::{self, TRIES_BEFORE_WAIT, WAIT_AFTER_TRIES};
use reader_app::narration::Engine;
use reader_app::{App, AppConfig};
use reader_errors::ErrorCode;
use reader_settings::{SettingsPatch, Theme};
use reader_store::Store;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reader-app-family-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn app_in(dir: &Path) -> App {
    let config = AppConfig {
        image_address: |url| format!("care-img://localhost/{url}"),
        engine: Engine::Custom(Box::new(|_| {
            Err(EngineError::Missing {
                detail: "no speech service in this test".into(),
            })
        })),
    };
    App::new(Some(dir), config, |_| {}).unwrap_or_else(|e| panic!("{e}"))
}

/// A son's computer, set up for his mother.
fn prepared(dir: &Path) -> App {
    let app = app_in(dir);
    app.update_settings(&SettingsPatch {
        text_size: Some(48),
        theme: Some(Theme::Contrast),
        ui_lang: Some("zh-CN".into()),
        speech_rate: Some(0.75),
        auto_read: Some(true),
        ..SettingsPatch::default()
    })
    .expect("settings");
    let store = app.library().store();
    store
        .add_source(
            "http://www.people.com.cn/rss/politics.xml",
            "人民网·时政",
            None,
        )
        .expect("source");
    store
        .add_source(
            "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml",
            "BBC 中文",
            None,
        )
        .expect("source");
    drop(store);
    app.set_pronunciation(narrator::pronunciation::Pronunciation {
        lang: narrator::text::Lang::Zh,
        word: "单田芳".into(),
        say: "shan4 tian2 fang1".into(),
    })
    .expect("pronunciation");
    app.enter_simple_mode(Some("2468")).expect("simple mode");
    app
}

#[test]
fn a_setup_prepared_on_one_computer_is_taken_whole_on_another() {
    let here = temp_dir("here");
    let file = here.join("mum.care-setup.json");
    let son = prepared(&here.join("son"));
    son.export_family_setup(&file, None).expect("export");

    let mum = app_in(&here.join("mum"));
    let settings = mum.import_family_setup(&file).expect("import");
    assert_eq!(settings.text_size, 48);
    assert_eq!(settings.theme, Theme::Contrast);
    assert_eq!(settings.speech_rate, 0.75);
    assert!(settings.auto_read && settings.simple_mode);
    assert_eq!(settings.ui_lang.as_deref(), Some("zh-CN"));
    // The app speaks the setup's language at once.
    assert_eq!(mum.l10n().lang(), "zh-CN");
    let titles: Vec<String> = mum
        .sources()
        .expect("sources")
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["人民网·时政", "BBC 中文"]);
    assert_eq!(mum.pronunciations().expect("words").len(), 1);
    assert!(mum.simple_mode().on && mum.simple_mode().has_pin);
    // The same setup, written again on her computer, is the same file.
    let again = here.join("again.json");
    mum.export_family_setup(&again, None).expect("export again");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        std::fs::read_to_string(&again).expect("read")
    );
}

#[test]
fn damaged_newer_and_bad_entry_setups_are_refused_with_nothing_changed() {
    let here = temp_dir("refused");
    let son = prepared(&here.join("son"));
    let good = family::export_text(&son.library().store()).expect("export");
    let mum_dir = here.join("mum");
    let mum = app_in(&mum_dir);
    mum.library()
        .store()
        .add_source("https://local.example/rss", "Local paper", None)
        .expect("her own source");
    let before = family::export_text(&mum.library().store()).expect("before");

    let cases: Vec<(&str, String, ErrorCode)> = vec![
        (
            "cut",
            good[..good.len() / 2].to_owned(),
            ErrorCode::SetupUnreadable,
        ),
        ("not json", "hello".into(), ErrorCode::SetupUnreadable),
        (
            "a backup",
            r#"{"format":"care-reader-backup","version":1}"#.into(),
            ErrorCode::SetupUnreadable,
        ),
        (
            "newer",
            good.replace("\"version\": 1", "\"version\": 7"),
            ErrorCode::SetupTooNew,
        ),
        (
            "bad feed",
            good.replace("http://www.people.com.cn", "javascript:alert(1)//"),
            ErrorCode::SetupUnreadable,
        ),
        (
            "bad pin",
            good.replace("\"2468\"", "\"24a8\""),
            ErrorCode::SetupUnreadable,
        ),
        (
            "bad word",
            good.replace("单田芳", ""),
            ErrorCode::SetupUnreadable,
        ),
        (
            "binary",
            String::from_utf8_lossy(&[0xff, 0x00, 0xfe, 0x7b]).into_owned(),
            ErrorCode::SetupUnreadable,
        ),
    ];
    for (name, text, code) in cases {
        let path = here.join(format!("{name}.json"));
        std::fs::write(&path, text).expect("write");
        let err = mum.import_family_setup(&path).expect_err(name);
        assert_eq!(err.code, code, "{name}: {}", err.message);
        assert!(
            err.message.contains("Nothing was changed"),
            "{name}: {}",
            err.message
        );
        assert_eq!(
            family::export_text(&mum.library().store()).expect("after"),
            before,
            "{name}"
        );
    }
    let missing = mum
        .import_family_setup(&here.join("missing.json"))
        .expect_err("missing");
    assert_eq!(missing.code, ErrorCode::Io);
    // Refused in the window, refused after a restart too: the store is whole.
    drop(mum);
    let (store, notice) = Store::open_in(&mum_dir).expect("reopen");
    assert_eq!(notice, None);
    assert_eq!(family::export_text(&store).expect("reopened"), before);
}

#[test]
fn simple_mode_is_left_with_the_pin_and_wrong_ones_bring_a_calm_wait() {
    let here = temp_dir("unlock");
    let app = prepared(&here.join("a"));
    assert!(app.simple_mode().on);
    let held = app.unlock_by_key().expect("key");
    assert!(!held.unlocked, "a PIN was set: the key does not leave");
    for _ in 1..TRIES_BEFORE_WAIT {
        let answer = app.unlock("1111").expect("try");
        assert!(!answer.unlocked);
        assert_eq!(answer.wait_seconds, 0);
        assert!(answer.message.contains("密码不对"), "{}", answer.message);
    }
    let fifth = app.unlock("1111").expect("fifth");
    assert_eq!(fifth.wait_seconds, WAIT_AFTER_TRIES.as_secs());
    assert!(fifth.message.contains("30"), "{}", fifth.message);
    // While waiting even the right PIN waits; nothing is locked for good.
    let waiting = app.unlock("2468").expect("waiting");
    assert!(!waiting.unlocked && waiting.wait_seconds > 0);
    assert!(app.simple_mode().on);

    // Another computer with the same setup: the right PIN leaves at once,
    // and it stays off after a restart.
    let other_dir = here.join("b");
    let other = prepared(&other_dir);
    let answer = other.unlock(" 2468 ").expect("right");
    assert!(answer.unlocked, "{}", answer.message);
    drop(other);
    assert!(!app_in(&other_dir).simple_mode().on);

    // Without a PIN, the held key is the way out.
    let no_pin = app_in(&here.join("c"));
    no_pin.enter_simple_mode(None).expect("on");
    assert!(no_pin.simple_mode().on && !no_pin.simple_mode().has_pin);
    assert!(!no_pin.unlock("0000").expect("no pin").unlocked);
    assert!(no_pin.unlock_by_key().expect("key").unlocked);
    assert!(!no_pin.simple_mode().on);

    for bad in ["12", "123456789", "12a4", "一二三四"] {
        let err = no_pin.enter_simple_mode(Some(bad)).expect_err(bad);
        assert_eq!(err.code, ErrorCode::PinInvalid, "{bad}");
    }
    assert!(!no_pin.simple_mode().on, "a bad PIN turns nothing on");
}

#[test]
fn a_setup_for_another_computer_carries_its_own_lock_and_leaves_this_one_alone() {
    let here = temp_dir("lock-choice");
    let son = app_in(&here.join("son"));
    let file = here.join("for-mum.json");
    let lock = family::LockChoice {
        simple_mode: true,
        pin: Some("1357".into()),
    };
    son.export_family_setup(&file, Some(&lock)).expect("export");
    assert!(!son.simple_mode().on, "the son's computer is not locked");
    let mum = app_in(&here.join("mum"));
    mum.import_family_setup(&file).expect("import");
    assert!(mum.simple_mode().on && mum.simple_mode().has_pin);
    assert!(mum.unlock("1357").expect("unlock").unlocked);
    let bad = family::LockChoice {
        simple_mode: true,
        pin: Some("13".into()),
    };
    let err = son
        .export_family_setup(&here.join("bad.json"), Some(&bad))
        .expect_err("bad pin");
    assert_eq!(err.code, ErrorCode::PinInvalid);
    assert!(!here.join("bad.json").exists());
}

#[test]
fn simple_mode_keeps_the_familys_changes_for_the_family_whatever_asks() {
    let here = temp_dir("held");
    let app = prepared(&here.join("a"));
    let source = app.sources().expect("sources")[0].id;
    let refused: Vec<(&str, Result<(), reader_errors::UiError>)> = vec![
        ("remove a source", app.remove_source(source)),
        (
            "change the theme",
            app.update_settings(&SettingsPatch {
                theme: Some(Theme::Care),
                ..SettingsPatch::default()
            })
            .map(|_| ()),
        ),
        (
            "add a pronunciation",
            app.set_pronunciation(narrator::pronunciation::Pronunciation {
                lang: narrator::text::Lang::Zh,
                word: "重庆".into(),
                say: "chong2 qing4".into(),
            })
            .map(|_| ()),
        ),
        (
            "take a backup",
            app.import(&here.join("any.json")).map(|_| ()),
        ),
        (
            "take a setup",
            app.import_family_setup(&here.join("any.json")).map(|_| ()),
        ),
    ];
    for (what, result) in refused {
        let err = result.expect_err(what);
        assert_eq!(err.code, ErrorCode::SimpleModeLocked, "{what}");
        assert!(err.message.contains("家人"), "{what}: {}", err.message);
    }
    assert_eq!(app.sources().expect("sources").len(), 2, "nothing removed");
    // The text size stays the reader's own.
    let bigger = app
        .update_settings(&SettingsPatch {
            text_size_steps: Some(1),
            ..SettingsPatch::default()
        })
        .expect("a larger text");
    assert!(bigger.text_size > 48);
    // Out of simple mode, the family's changes work again.
    assert!(app.unlock("2468").expect("unlock").unlocked);
    app.remove_source(source).expect("removed");
}
