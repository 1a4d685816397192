//! Listening like a radio in the real window, heard on the null sink (issue
//! 12): "Read the headlines aloud" goes down the list, the card being read
//! marked and focused; with auto-read on, Enter on a headline reads it aloud at once; at
//! its end the next headline opens and is read by itself; the sleep timer
//! set to "the end of the article" stops there, and nothing more opens.
//!
//! Run: `cargo test -p care-reader-app --test e2e radio::`.

use std::time::Duration;

use care_reader_tests::audio::{AudioRig, sound_stats};
use care_reader_tests::site::{Reply, Site};
use fantoccini::key::Key;
use serde_json::json;

use crate::support::scenario;
use crate::support::session::{OPEN_TIMEOUT, STEP_TIMEOUT};

/// Three short news items (two sentences each, so each is read in seconds).
const ITEMS: &[(&str, &str)] = &[
    (
        "Bridge reopens on Monday",
        "The old bridge reopens on Monday. Buses use it again from the first morning.",
    ),
    (
        "Market moves to the square",
        "The Sunday market moves to the square. Parking is free all day.",
    ),
    (
        "Choir needs new voices",
        "The town choir needs new voices. Practice is on Thursday evenings.",
    ),
];

fn radio_site() -> Site {
    Site::serve_with(|base| {
        let items: String = ITEMS
            .iter()
            .enumerate()
            .map(|(i, (title, _))| {
                format!(
                    "<item><title>{title}</title><link>{base}/r/{i}.html</link><guid>r{i}</guid>\
                     <pubDate>Mon, 30 Nov 2026 0{}:00:00 +0000</pubDate></item>",
                    9 - i
                )
            })
            .collect();
        let mut routes = vec![(
            "/radio.xml".to_owned(),
            Reply::ok(
                "application/rss+xml",
                format!(
                    "<rss version=\"2.0\"><channel><title>Town Radio</title>{items}</channel></rss>"
                ),
            ),
        )];
        for (i, (title, text)) in ITEMS.iter().enumerate() {
            routes.push((
                format!("/r/{i}.html"),
                Reply::html(format!(
                    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
                     <body><article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>"
                )),
            ));
        }
        routes
    })
}

#[test]
fn auto_read_goes_on_to_the_next_headline_and_the_sleep_timer_stops_it() {
    scenario(
        "auto_read_goes_on_to_the_next_headline_and_the_sleep_timer_stops_it",
        |mut ctx| async move {
            let Some(rig) = AudioRig::start(ctx.name) else {
                return;
            };
            let site = radio_site();
            let data = ctx.fresh_data_dir("radio");
            crate::support::radio_data(&data, &site.url("/radio.xml"), "Town Radio", 2.0);
            let app = crate::narrator::launch_with_audio_on(&mut ctx, &rig, &data).await;
            app.wait_js(
                "the headlines",
                OPEN_TIMEOUT,
                "return document.querySelectorAll('#news-list .card').length === 3 \
                     && document.getElementById('news-progress').hidden;",
            )
            .await;
            let recording = tokio::task::block_in_place(|| rig.record("radio.wav"));

            // "Read the headlines aloud": the voice goes down the list, the
            // card being read marked (and focused, so Enter opens it).
            app.click("news-read").await;
            let mut seen: Vec<String> = Vec::new();
            let deadline = std::time::Instant::now() + Duration::from_secs(40);
            while seen.len() < ITEMS.len() && std::time::Instant::now() < deadline {
                let now = app
                    .js(
                        "const b = document.querySelector('#news-list .being-read');                          return b && b === document.activeElement                              ? b.querySelector('.card-title').textContent : null;",
                        vec![],
                    )
                    .await;
                if let Some(title) = now.as_str()
                    && seen.last().map(String::as_str) != Some(title)
                {
                    seen.push(title.to_owned());
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let expected: Vec<&str> = ITEMS.iter().map(|(t, _)| *t).collect();
            assert_eq!(
                seen, expected,
                "the headlines are read in order, each marked and focused"
            );
            app.wait_js(
                "the headlines to be read to the end",
                OPEN_TIMEOUT,
                "return document.getElementById('news-read').textContent === 'Read the headlines aloud'                      && !document.querySelector('#news-list .being-read');",
            )
            .await;

            // Enter on the first headline: it opens and is read at once.
            app.js(
                "document.querySelector('#news-list .card-open').focus();",
                vec![],
            )
            .await;
            app.keys(&[Key::Enter.into()]).await;
            app.wait_view("reader", OPEN_TIMEOUT).await;
            assert_eq!(app.text_of("article-title").await, ITEMS[0].0);
            app.wait_js(
                "reading aloud to start by itself",
                OPEN_TIMEOUT,
                "return document.querySelector('#player-toggle').dataset.l10nId === 'player-pause';",
            )
            .await;

            // At its end the next headline opens and is read by itself.
            app.wait_js(
                "the radio to move on to the next headline",
                Duration::from_secs(60),
                &format!(
                    "return document.getElementById('article-title').textContent === {};",
                    json!(ITEMS[1].0)
                ),
            )
            .await;
            app.wait_js(
                "the next one to be read aloud",
                OPEN_TIMEOUT,
                "return document.querySelector('#player-toggle').dataset.l10nId === 'player-pause';",
            )
            .await;

            // The sleep timer's button: 15, 30, 60 minutes, then "at the end".
            for _ in 0..4 {
                app.click("player-sleep").await;
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
            app.wait_js(
                "the sleep timer at the end of the article",
                STEP_TIMEOUT,
                "return document.getElementById('player-sleep').textContent === 'Stop at end';",
            )
            .await;
            // The second article ends, and reading stops there.
            app.wait_js(
                "the sleep timer to stop the reading",
                Duration::from_secs(60),
                "return document.querySelector('#player-toggle').dataset.l10nId === 'player-listen';",
            )
            .await;
            tokio::time::sleep(Duration::from_secs(4)).await;
            assert_eq!(
                app.text_of("article-title").await,
                ITEMS[1].0,
                "after the sleep stop nothing more opens"
            );
            assert_eq!(app.text_of("player-sleep").await, "Sleep: off");
            assert_eq!(
                site.hits("/r/2.html"),
                1,
                "fetched ahead only, never opened"
            );

            let wav = tokio::task::block_in_place(|| recording.stop());
            let stats = sound_stats(&wav);
            assert!(
                stats.rms > 0.01,
                "the radio should be heard in the sink (RMS {:.4} over {:.1} s)",
                stats.rms,
                stats.seconds
            );
            app.screenshot("radio-slept-en").await;
        },
    );
}
