//! Memory while listening like a radio: the real window (through the
//! end-to-end harness, speech into a PulseAudio null sink) with auto-read
//! on, reading one short news article after another from a local feed of
//! `CARE_READER_BENCH_ARTICLES` headlines (default 60) at speed 3, for
//! `CARE_READER_BENCH_MINUTES` (default 10). Every 30 s it samples RSS and
//! PSS of the app and its WebKit processes, and reports the first and last
//! samples, the largest, how many articles were read, and the growth per
//! article after the first minute (a leak shows as steady growth).
//!
//! `cargo bench -p care-reader-app --bench radio`

// The end-to-end harness: Xvfb, tauri-driver, sessions. Only part is used.
#[path = "../tests/e2e/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

#[path = "memory/mod.rs"]
mod memory;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use care_reader_tests::audio::AudioRig;
use care_reader_tests::feeds::article_page;
use care_reader_tests::site::{Reply, Site};
use reader_settings::Settings;
use reader_store::Store;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Sample {
    at: Duration,
    read: u64,
    rss_kib: u64,
    pss_kib: u64,
    /// PSS of each process (the app, then WebKit's), to tell which grows.
    each: Vec<(String, u64)>,
    /// Elements in the page, and callbacks the IPC layer holds: a page that
    /// keeps old articles or their handlers shows it here.
    nodes: u64,
    callbacks: u64,
}

fn main() {
    let articles = env_number("CARE_READER_BENCH_ARTICLES", 60) as usize;
    let minutes = env_number("CARE_READER_BENCH_MINUTES", 10);
    let site = Site::serve_with(|base| {
        let items: String = (0..articles)
            .map(|i| {
                format!(
                    "<item><title>Radio story {i}</title><link>{base}/r/{i}.html</link><guid>r{i}</guid>\
                     <pubDate>Mon, 30 Nov 2026 {:02}:{:02}:00 +0000</pubDate></item>",
                    23 - (i / 60) % 24,
                    59 - i % 60
                )
            })
            .collect();
        let mut routes = vec![(
            "/radio.xml".to_owned(),
            Reply::ok(
                "application/rss+xml",
                format!(
                    "<rss version=\"2.0\"><channel><title>Radio</title>{items}</channel></rss>"
                ),
            ),
        )];
        for i in 0..articles {
            routes.push((
                format!("/r/{i}.html"),
                Reply::html(article_page(&format!("Radio story {i}"), "en")),
            ));
        }
        routes
    });
    let samples: Arc<Mutex<Vec<Sample>>> = Arc::default();
    let out = Arc::clone(&samples);
    support::scenario("radio-bench", move |mut ctx| async move {
        let Some(rig) = AudioRig::start(ctx.name) else {
            return;
        };
        let data = ctx.fresh_data_dir("radio");
        {
            let (store, _) = Store::open_in(&data).expect("store");
            store
                .save_settings(&Settings {
                    auto_read: true,
                    speech_rate: 3.0,
                    ui_lang: Some("en-US".into()),
                    theme_chosen: true,
                    ..Settings::default()
                })
                .expect("settings");
            store
                .add_source(&site.url("/radio.xml"), "Radio", None)
                .expect("source");
        }
        let app = launch(&mut ctx, &rig, &data).await;
        app.wait_js(
            "the headlines",
            Duration::from_secs(60),
            "return document.querySelectorAll('#news-list .card').length > 0 \
                 && document.getElementById('news-progress').hidden;",
        )
        .await;
        app.js(
            "document.querySelector('#news-list .card-open').click();",
            vec![],
        )
        .await;
        let Some(pid) = memory::newest("care-reader-app") else {
            panic!("the app's process is not to be found");
        };
        let start = Instant::now();
        let end = start + Duration::from_secs(minutes * 60);
        while Instant::now() < end {
            let title = app.text_of("article-title").await;
            let read = title
                .rsplit(' ')
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .map_or(0, |n| n + 1);
            let each = memory::family_of(pid);
            let page = app
                .js(
                    "const c = window.__TAURI_INTERNALS__.callbacks; \
                     return [document.getElementsByTagName('*').length, c ? c.size : 0];",
                    vec![],
                )
                .await;
            let count = |i: usize| page.get(i).and_then(serde_json::Value::as_u64).unwrap_or(0);
            out.lock().unwrap_or_else(|p| p.into_inner()).push(Sample {
                at: start.elapsed(),
                read,
                rss_kib: each.iter().map(|p| p.rss_kib).sum(),
                pss_kib: each.iter().map(|p| p.pss_kib).sum(),
                each: each.into_iter().map(|p| (p.comm, p.pss_kib)).collect(),
                nodes: count(0),
                callbacks: count(1),
            });
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
    let samples = samples.lock().unwrap_or_else(|p| p.into_inner());
    let (Some(first), Some(last)) = (samples.first(), samples.last()) else {
        println!("radio bench: skipped (the end-to-end harness or the audio rig is not available)");
        return;
    };
    let mib = |kib: u64| kib as f64 / 1024.0;
    println!("radio bench: {minutes} min of auto-read at speed 3 over {articles} headlines");
    for s in samples.iter() {
        let each: Vec<String> = s
            .each
            .iter()
            .map(|(comm, pss)| format!("{comm} {:.1}", mib(*pss)))
            .collect();
        println!(
            "  {:>5.0} s  article {:>3}  RSS {:>7.1} MiB  PSS {:>7.1} MiB  ({})  {} elements, {} callbacks",
            s.at.as_secs_f64(),
            s.read,
            mib(s.rss_kib),
            mib(s.pss_kib),
            each.join(", "),
            s.nodes,
            s.callbacks
        );
    }
    let largest = samples.iter().map(|s| s.pss_kib).max().unwrap_or(0);
    let settled = samples
        .iter()
        .find(|s| s.at >= Duration::from_secs(60))
        .unwrap_or(first);
    let per_article = |from: &Sample| {
        if last.read > from.read {
            (last.pss_kib as f64 - from.pss_kib as f64) / (last.read - from.read) as f64
        } else {
            0.0
        }
    };
    // Growth that slows down is a cache filling up; growth that keeps its
    // pace over the second half is a leak.
    let halfway = samples
        .iter()
        .find(|s| s.at >= last.at / 2)
        .unwrap_or(first);
    println!(
        "PSS first {:.1} MiB, after the first minute {:.1} MiB, halfway {:.1} MiB, last {:.1} MiB, \
         largest {:.1} MiB; {} articles read; {:+.1} KiB per article after the first minute, \
         {:+.1} KiB per article over the second half",
        mib(first.pss_kib),
        mib(settled.pss_kib),
        mib(halfway.pss_kib),
        mib(last.pss_kib),
        mib(largest),
        last.read,
        per_article(settled),
        per_article(halfway)
    );
}

/// The app with the rig's sound, as the narrator scenarios start it.
async fn launch(ctx: &mut support::Ctx, rig: &AudioRig, data: &std::path::Path) -> support::App {
    let script = support::audio_start_script(&ctx.fresh_data_dir("bin"), rig);
    ctx.launch_binary(
        &script.display().to_string(),
        &["--data-dir".to_owned(), data.display().to_string()],
        "return document.getElementById('home-title').textContent.trim() !== '';",
    )
    .await
}
