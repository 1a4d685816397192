//! Listening like a radio through the app (issue 12), with an engine that
//! records what it is given: auto-read opens a headline to be read at
//! once; after one is read to its end the next unread headline follows,
//! its title said after "Next:"; the sleep timer's stop at the end of an
//! article, or auto-read off, ends the radio there; after the last
//! headline the voice says there is no more.

use std::time::{Duration, Instant};

use care_reader_tests::feeds::news_site;
use narrator::player::{Command, PlayState};
use reader_app::App;
use reader_settings::SettingsPatch;

mod common;
use common::{recording_app, voice, wait_for};

/// Waits until the narrator's latest status is `state`.
fn wait_state(app: &App, state: PlayState) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.narrator_state() != Some(state) {
        assert!(
            Instant::now() < deadline,
            "the narrator never got to {state:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_radio_goes_on_with_next_and_stops_for_the_sleep_timer() {
    let site = news_site();
    let dir = std::env::temp_dir().join(format!("reader-app-radio-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (app, said) = recording_app(
        &dir,
        vec![voice("English (America)", "en-us"), voice("Chinese", "cmn")],
    );
    app.update_settings(&SettingsPatch {
        ui_lang: Some("en-US".into()),
        auto_read: Some(true),
        ..SettingsPatch::default()
    })
    .expect("settings");
    app.add_source(&site.url("/feeds/news-rss.xml"))
        .await
        .expect("source");
    let news = app.refresh_sources(|_| {}).await.expect("refresh");
    let ids: Vec<i64> = news.headlines.iter().map(|h| h.id).collect();
    assert_eq!(ids.len(), 3);

    // "Read the headlines": the title, then each headline, in Home's order.
    let reading = app.read_headlines().expect("read the headlines");
    let mut expected = vec![None];
    expected.extend(ids.iter().map(|&id| Some(id)));
    assert_eq!(reading.paragraphs, expected);
    let heard: Vec<String> = wait_for(&said, 4)
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    let mut titles = vec!["Today's news".to_owned()];
    titles.extend(news.headlines.iter().map(|h| h.title.clone()));
    assert_eq!(heard, titles);
    wait_state(&app, PlayState::Finished);
    said.lock().expect("said").clear();

    // Auto-read: the headline is to be read at once.
    let first = app
        .open_headline(ids[0], false, |_| {})
        .await
        .expect("open");
    assert!(first.auto_play);
    assert_eq!(first.headline, ids[0]);
    // Not finished yet: nothing follows.
    assert_eq!(
        app.next_headline(ids[0], first.view.speech.id)
            .expect("next"),
        None
    );
    app.narrate(Command::Play { from: None });
    wait_for(&said, 1);
    wait_state(&app, PlayState::Finished);
    let next = app
        .next_headline(ids[0], first.view.speech.id)
        .expect("next")
        .expect("a next headline");
    assert_eq!(next.id, ids[1]);

    // The radio moved on by itself: "Next:" before the title. The sleep
    // timer is set to the end of this article: the radio ends there.
    said.lock().expect("said").clear();
    let second = app
        .open_headline(next.id, true, |_| {})
        .await
        .expect("open next");
    app.narrate(Command::SleepAtEnd);
    app.narrate(Command::Play { from: None });
    let heard = wait_for(&said, 2);
    assert_eq!(heard[0].0, "Next:");
    assert_eq!(heard[1].0, second.view.article.title);
    wait_state(&app, PlayState::Finished);
    assert_eq!(
        app.next_headline(second.headline, second.view.speech.id)
            .expect("next"),
        None
    );

    // Read to the end again without it: the radio goes on; with auto-read
    // off, it does not.
    said.lock().expect("said").clear();
    app.narrate(Command::Play { from: Some(0) });
    // Once something is said, the latest status is this run's.
    wait_for(&said, 1);
    wait_state(&app, PlayState::Finished);
    assert!(
        app.next_headline(second.headline, second.view.speech.id)
            .expect("next")
            .is_some()
    );
    app.update_settings(&SettingsPatch {
        auto_read: Some(false),
        ..SettingsPatch::default()
    })
    .expect("settings");
    assert_eq!(
        app.next_headline(second.headline, second.view.speech.id)
            .expect("next"),
        None
    );
    let third = app
        .open_headline(ids[2], false, |_| {})
        .await
        .expect("open");
    assert!(!third.auto_play);

    // The last headline read to its end with auto-read on: no next one,
    // and the voice says so — once, however often the window asks.
    app.update_settings(&SettingsPatch {
        auto_read: Some(true),
        ..SettingsPatch::default()
    })
    .expect("settings");
    let last = app
        .open_headline(ids[2], true, |_| {})
        .await
        .expect("open the last");
    said.lock().expect("said").clear();
    app.narrate(Command::Play { from: None });
    wait_for(&said, 1);
    wait_state(&app, PlayState::Finished);
    let end = app.l10n().message("radio-end", &[]);
    for _ in 0..2 {
        assert_eq!(
            app.next_headline(last.headline, last.view.speech.id)
                .expect("next"),
            None
        );
    }
    let heard: Vec<String> = said
        .lock()
        .expect("said")
        .iter()
        .map(|(text, _)| text.clone())
        .collect();
    assert_eq!(heard.iter().filter(|t| **t == end).count(), 1, "{heard:?}");
    assert_eq!(heard.last(), Some(&end));
}
