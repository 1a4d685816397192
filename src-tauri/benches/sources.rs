//! Home with 10 sources × 50 entries: how long a refresh takes (the feeds
//! four at a time, then the newest articles fetched ahead), against reading
//! the same feeds one after another; how fast Home's news comes from the
//! store; and, in the real window, how long until the first headline card
//! is painted on a store that has them.
//!
//! `cargo bench -p care-reader-app --bench sources`
//!
//! The feeds are served on 127.0.0.1 by the tests' own site, each answer
//! `CARE_READER_BENCH_LATENCY_MS` late (default 150 ms, a news site a
//! continent away); the article pages behind the entries are small pages
//! of our own. `CARE_READER_BENCH_ITERS` timed runs (default 5) after a
//! warm-up; median and spread. `CARE_READER_BENCH_WINDOW=0` leaves the real
//! window out.

// The end-to-end harness: Xvfb, tauri-driver, sessions. Only part is used.
#[path = "../tests/e2e/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use care_reader_tests::feeds::article_page;
use care_reader_tests::site::{Reply, Site};
use reader_app::narration::Engine;
use reader_app::sources::REFRESH_AT_ONCE;
use reader_app::{App, AppConfig, Library};
use reader_settings::Settings;
use reader_store::Store;
use reader_web::fetch::FetchOptions;
use serde_json::json;

const SOURCES: usize = 10;
const ENTRIES: usize = 50;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Ten feeds of fifty entries, every answer `latency` late.
fn site(latency: Duration) -> Site {
    Site::serve_with(|base| {
        let mut routes = Vec::new();
        for s in 0..SOURCES {
            let items: String = (0..ENTRIES)
                .map(|e| {
                    format!(
                        "<item><title>Source {s} story {e}: the town's news of the day</title>\
                         <link>{base}/a/{s}/{e}.html</link><guid>s{s}e{e}</guid>\
                         <pubDate>Mon, 30 Nov 2026 {:02}:{:02}:00 +0000</pubDate>\
                         <description>A short summary of story {e}.</description></item>",
                        23 - (e % 24),
                        (s * 5) % 60
                    )
                })
                .collect();
            let feed = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
                 <title>Source {s}</title><link>{base}/</link>{items}</channel></rss>"
            );
            routes.push((
                format!("/feed/{s}.xml"),
                Reply::Late(latency, Box::new(Reply::ok("application/rss+xml", feed))),
            ));
            for e in 0..ENTRIES {
                routes.push((
                    format!("/a/{s}/{e}.html"),
                    Reply::Late(
                        latency,
                        Box::new(Reply::html(article_page(
                            &format!("Source {s} story {e}: the town's news of the day"),
                            "en",
                        ))),
                    ),
                ));
            }
        }
        routes
    })
}

/// The bench's sources, one feed each of `site`, added to `store`.
fn add_sources(store: &Store, site: &Site) {
    for s in 0..SOURCES {
        store
            .add_source(
                &site.url(&format!("/feed/{s}.xml")),
                &format!("Source {s}"),
                None,
            )
            .expect("source");
    }
}

fn library_with_sources(site: &Site) -> Library {
    let store = Store::in_memory().expect("store");
    add_sources(&store, site);
    Library::new(store)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let latency = Duration::from_millis(env_number("CARE_READER_BENCH_LATENCY_MS", 150));
    let iters = env_number("CARE_READER_BENCH_ITERS", 5) as usize;
    let site = site(latency);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let opts = FetchOptions::default();
    println!(
        "sources bench: {SOURCES} sources × {ENTRIES} entries, every answer {} late, {iters} runs",
        ms(latency)
    );

    // A refresh as the app does it, feeds four at a time, then fetch-ahead.
    let (mut feeds, mut whole, mut ahead) = (Vec::new(), Vec::new(), 0);
    for run in 0..=iters {
        let library = library_with_sources(&site);
        let start = Instant::now();
        let mut feeds_done = None;
        let report = runtime
            .block_on(library.refresh_sources(&opts, |p| {
                if p.done == p.total && p.total > 0 {
                    feeds_done = Some(start.elapsed());
                }
            }))
            .expect("refresh");
        let took = start.elapsed();
        assert_eq!(report.ok, SOURCES, "every feed read");
        if run > 0 {
            feeds.push(feeds_done.unwrap_or(took));
            whole.push(took);
            ahead = report.fetched_ahead;
        }
    }
    // The same feeds one after another, for comparison.
    let mut one_by_one = Vec::new();
    for run in 0..=iters {
        let start = Instant::now();
        for s in 0..SOURCES {
            let url = url::Url::parse(&site.url(&format!("/feed/{s}.xml"))).expect("url");
            runtime
                .block_on(reader_feeds::load(&url, &opts))
                .expect("feed");
        }
        if run > 0 {
            one_by_one.push(start.elapsed());
        }
    }
    println!(
        "refresh, feeds {REFRESH_AT_ONCE} at a time: {} median (min {}, max {})",
        ms(median(feeds.clone())),
        ms(*feeds.iter().min().expect("runs")),
        ms(*feeds.iter().max().expect("runs"))
    );
    println!(
        "the same feeds one after another: {} median",
        ms(median(one_by_one))
    );
    println!(
        "whole refresh with {ahead} articles fetched ahead: {} median",
        ms(median(whole))
    );

    // Home's news from the store (what Home shows at once, offline), as the
    // window asks for it: the App's answer serialised as the IPC does.
    let dir =
        std::env::temp_dir().join(format!("care-reader-sources-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::new(
        Some(&dir),
        AppConfig {
            image_address: |url| url.to_owned(),
            engine: Engine::Custom(Box::new(|_| {
                Err(narrator::EngineError::Missing {
                    detail: "no speech in this bench".into(),
                })
            })),
        },
        |_| {},
    )
    .expect("app");
    {
        let store = app.library().store();
        store
            .save_settings(&Settings {
                theme_chosen: true,
                ..Settings::default()
            })
            .expect("settings");
        add_sources(&store, &site);
    }
    runtime
        .block_on(app.refresh_sources(|_| {}))
        .expect("refresh");
    let mut home = Vec::new();
    for run in 0..=(iters * 20) {
        let start = Instant::now();
        let news = app.home_news().expect("news");
        let json = serde_json::to_string(&news).expect("json");
        if run > 0 {
            home.push(start.elapsed());
        }
        assert!(news.headlines.len() >= 50 && json.len() > 1000);
    }
    println!(
        "home_news from the store ({} headlines on show): {:.2} ms median",
        app.home_news().expect("news").headlines.len(),
        median(home).as_secs_f64() * 1000.0
    );
    drop(app);

    if env_number("CARE_READER_BENCH_WINDOW", 1) == 0 {
        return;
    }
    match first_headline_painted(iters, &dir) {
        Some(times) => println!(
            "real window: launch -> first headline card painted (store with {} sources): {} median (min {}, max {})",
            SOURCES,
            ms(median(times.clone())),
            ms(*times.iter().min().expect("runs")),
            ms(*times.iter().max().expect("runs"))
        ),
        None => println!("real window: skipped (the end-to-end harness is not available here)"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// From asking the driver for a window until Home shows a headline card,
/// on copies of the store in `dir`.
fn first_headline_painted(runs: usize, dir: &Path) -> Option<Vec<Duration>> {
    let result: Arc<Mutex<Option<Vec<Duration>>>> = Arc::new(Mutex::new(None));
    let out = Arc::clone(&result);
    let store = dir.join(reader_store::FILE_NAME);
    support::scenario("sources-bench", move |mut ctx| async move {
        let mut times = Vec::new();
        for run in 0..=runs {
            let copy = ctx.fresh_data_dir(&format!("news-{run}"));
            std::fs::copy(&store, copy.join(reader_store::FILE_NAME)).expect("copy the store");
            let start = Instant::now();
            let args = ["--data-dir".to_owned(), copy.display().to_string()];
            let app = ctx
                .launch_binary(support::APP_BINARY, &args, "return true;")
                .await;
            loop {
                let done = app
                    .client
                    .execute(
                        "const c = document.querySelector('#news-list .card'); \
                         return !!c && c.offsetParent !== null;",
                        vec![],
                    )
                    .await
                    .ok();
                if done == Some(json!(true)) {
                    break;
                }
                assert!(
                    start.elapsed() < support::session::OPEN_TIMEOUT,
                    "no headline card within {:?}",
                    support::session::OPEN_TIMEOUT
                );
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            if run > 0 {
                times.push(start.elapsed());
            }
            let _ = app.client.clone().close().await;
            tokio::time::sleep(Duration::from_millis(800)).await;
        }
        *out.lock().unwrap_or_else(|p| p.into_inner()) = Some(times);
    });
    result.lock().unwrap_or_else(|p| p.into_inner()).take()
}
