//! The application layer as the window uses it, without the window: a real
//! store file in a temporary folder, saved pages we write here, and a
//! narrator whose speech engine is missing (the real "no speech service"
//! path; speaking itself is tested with speech-dispatcher in the narrator's
//! and the app's own tests).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use narrator::EngineError;
use narrator::player::{Command, PlayState};
use reader_app::narration::{Engine, NarratorEvent};
use reader_app::{App, AppConfig, Progress};
use reader_errors::{ErrorCode, Family};
use reader_settings::SettingsPatch;

/// A folder of this test's own, empty.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reader-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// A saved page with a title, a date, three paragraphs and a picture.
fn saved_page(dir: &Path) -> PathBuf {
    let para = "The ginkgo trees along the lake have turned gold this week, and many \
                older neighbours come in the morning to walk and take photographs.";
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>The ginkgo trees turn gold</title>
        <meta property="article:published_time" content="2025-11-20T08:00:00Z">
        <meta property="og:site_name" content="City Park News"></head>
        <body><article><h1>The ginkgo trees turn gold</h1>
        <p>{para}</p><p>{para} The path is covered in leaves.</p>
        <figure><img src="https://images.example.com/ginkgo.jpg" alt="A path under yellow trees">
        <figcaption>The lakeside path</figcaption></figure>
        <p>{para} Benches stand by the east gate.</p></article></body></html>"#
    );
    let path = dir.join("ginkgo.html");
    std::fs::write(&path, html).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn missing_engine() -> Engine {
    Engine::Custom(Box::new(|_| {
        Err(EngineError::Missing {
            detail: "no speech service in this test".into(),
        })
    }))
}

fn app_in(dir: &Path) -> (App, Receiver<NarratorEvent>) {
    let (tx, rx) = channel();
    let config = AppConfig {
        image_address: |url| format!("care-img://localhost/{url}"),
        engine: missing_engine(),
    };
    let app = App::new(Some(dir), config, move |event| {
        let _ = tx.send(event);
    })
    .unwrap_or_else(|e| panic!("{e}"));
    (app, rx)
}

fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .block_on(f)
}

/// Every narrator event until none comes for `quiet`.
fn drain(rx: &Receiver<NarratorEvent>, quiet: Duration) -> Vec<NarratorEvent> {
    let mut out = Vec::new();
    while let Ok(event) = rx.recv_timeout(quiet) {
        out.push(event);
    }
    out
}

#[test]
fn an_opened_article_is_remembered_shown_and_reopened() {
    let dir = temp_dir("open");
    let page = saved_page(&dir);
    let (app, _events) = app_in(&dir.join("data"));
    let _ = app.update_settings(&SettingsPatch {
        ui_lang: Some("en-US".into()),
        ..SettingsPatch::default()
    });
    let mut stages = Vec::new();
    let view = block_on(app.open(&page.display().to_string(), |s| stages.push(s)))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        stages,
        [Progress::Fetching, Progress::Extracting, Progress::Done]
    );
    let id = view.id.unwrap_or_else(|| panic!("not remembered"));
    assert_eq!(view.source, page.display().to_string());
    assert_eq!(view.article.title, "The ginkgo trees turn gold");
    assert!(
        view.meta_line
            .starts_with("City Park News · November 20, 2025"),
        "{}",
        view.meta_line
    );
    assert!(view.speech.id > 0 && !view.speech.sentences.is_empty());
    // The picture goes through the window's scheme, and only it is allowed.
    assert!(app.image_allowed("https://images.example.com/ginkgo.jpg"));
    assert!(!app.image_allowed("https://images.example.com/other.jpg"));
    let recent = app.recent().unwrap_or_default();
    assert_eq!(recent.first().map(|r| r.id), Some(id));
    // Reopened from the store: the same article, a new script for the narrator.
    let again = app.reopen(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.article.title, view.article.title);
    assert_eq!(again.id, Some(id));
    assert_ne!(again.speech.id, view.speech.id);
    let gone = app.reopen(id + 1000).err();
    assert_eq!(gone.map(|e| e.code), Some(ErrorCode::NotRemembered));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_welcome_article_has_no_store_id_and_failures_are_coded() {
    let dir = temp_dir("welcome");
    let (app, _events) = app_in(&dir);
    let welcome = app.open_welcome().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(welcome.id, None, "the welcome article is not in the store");
    assert!(app.recent().unwrap_or_default().is_empty());
    let missing = dir.join("no such page.html");
    let err = block_on(app.open(&missing.display().to_string(), |_| {}))
        .err()
        .unwrap_or_else(|| panic!("a missing file opened"));
    assert_eq!(err.code, ErrorCode::FileNotFound);
    assert_eq!(err.family, Family::File);
    assert!(err.message.contains("no such page.html"), "{}", err.message);
    let stdin = block_on(app.open("-", |_| {})).err().map(|e| e.code);
    assert_eq!(stdin, Some(ErrorCode::InvalidAddress));
    assert!(
        app.recent().unwrap_or_default().is_empty(),
        "failures are not remembered"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The language changes while an article is on show: the view is reworded,
/// the narrator is not reloaded (no status of a new load), and what it says
/// from then on is in the new language.
#[test]
fn a_new_language_relabels_the_view_without_reloading_the_narrator() {
    let dir = temp_dir("relabel");
    let page = saved_page(&dir);
    let (app, events) = app_in(&dir.join("data"));
    let set_lang = |lang: &str| {
        app.update_settings(&SettingsPatch {
            ui_lang: Some(lang.into()),
            ..SettingsPatch::default()
        })
        .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(app.relabel(), None, "nothing on show yet");
    set_lang("en-US");
    let view =
        block_on(app.open(&page.display().to_string(), |_| {})).unwrap_or_else(|e| panic!("{e}"));
    // The first article's status comes with the engine's warm-up, a second
    // after it opened (the narrator's WARM_UP_AFTER).
    let loaded = drain(&events, Duration::from_millis(1500));
    assert!(
        loaded
            .iter()
            .any(|e| e.status.script == view.speech.id && e.status.state == PlayState::Idle),
        "{loaded:?}"
    );
    assert!(loaded.iter().all(|e| !e.status.by_listener));

    // Listen: with no speech service the listener is told why, in English.
    app.narrate(Command::Play { from: Some(2) });
    let played = drain(&events, Duration::from_millis(300));
    let told = played.iter().find_map(|e| e.error.as_ref());
    assert_eq!(
        told.map(|e| e.code),
        Some(ErrorCode::SpeechMissing),
        "{played:?}"
    );
    assert!(told.is_some_and(|e| e.message.contains("Reading aloud")));
    assert!(
        played
            .iter()
            .all(|e| e.status.by_listener && e.status.script == view.speech.id)
    );
    let at = played.last().and_then(|e| e.status.sentence);

    let settings = set_lang("zh-CN");
    assert_eq!(settings.ui_lang.as_deref(), Some("zh-CN"));
    let relabel = app
        .relabel()
        .unwrap_or_else(|| panic!("no article on show"));
    assert!(
        relabel.meta_line.contains("2025年11月20日"),
        "{}",
        relabel.meta_line
    );
    assert_eq!(
        drain(&events, Duration::from_millis(300)),
        Vec::new(),
        "the narrator was disturbed by the language change"
    );

    // The narrator is where it was, and now speaks Chinese.
    app.narrate(Command::Resume);
    let resumed = drain(&events, Duration::from_millis(300));
    let told = resumed.iter().find_map(|e| e.error.as_ref());
    assert!(
        told.is_some_and(|e| e.message.contains("朗读")),
        "{resumed:?}"
    );
    assert_eq!(resumed.last().and_then(|e| e.status.sentence), at);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn settings_last_and_a_corrupt_store_is_set_aside_with_a_notice() {
    let dir = temp_dir("store");
    {
        let (app, _) = app_in(&dir);
        assert!(app.startup().first_run);
        assert_eq!(app.startup().notice, None);
        let s = app
            .update_settings(&SettingsPatch {
                text_size_steps: Some(2),
                ..SettingsPatch::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.text_size, 32);
        app.narrate(Command::SetRate { rate: 1.57 });
    }
    {
        let (app, _) = app_in(&dir);
        let s = app.settings().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (s.text_size, s.speech_rate),
            (32, 1.55),
            "saved and clamped"
        );
        let startup = app.startup();
        assert!(!startup.first_run);
        assert_eq!(startup.limits.text_sizes.first(), Some(&18));
    }
    let file = dir.join(reader_store::FILE_NAME);
    std::fs::write(&file, b"not a database at all".repeat(50)).unwrap_or_else(|e| panic!("{e}"));
    let (app, _) = app_in(&dir);
    let notice = app.startup().notice.unwrap_or_else(|| panic!("no notice"));
    assert_eq!(notice.code, ErrorCode::StoreReset);
    assert!(!notice.message.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
