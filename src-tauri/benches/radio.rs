//! Memory while listening like a radio: the real window (through the
//! end-to-end harness, speech into a PulseAudio null sink) with auto-read
//! on, reading one news article after another from a local feed of
//! `CARE_READER_BENCH_ARTICLES` headlines (default 60, all Home shows) at
//! speed `CARE_READER_BENCH_SPEED` (default 2: about a minute an article,
//! so an hour reads about as many as Home has), for
//! `CARE_READER_BENCH_MINUTES` (default 10). Every article's text is its
//! own. Every 30 s it samples RSS, PSS and private memory of the app and
//! its WebKit processes, and reports by private memory (which another
//! program on the machine does not move, unlike PSS) the first and last
//! samples, the largest, how many articles were read, and the growth per
//! article after the first minute and over the second half (a leak shows
//! as steady growth; a cache as growth that stops). A radio that stops
//! moving on is reported.
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
use care_reader_tests::site::{Reply, Site};

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Sentences the stories are made of, each story and part numbered, so no
/// two paragraphs of the hour are the same text.
const LINES: &[&str] = &[
    "The town council said the change follows many requests from older residents.",
    "Buses will stop closer to the clinic, and the timetable is printed in large type.",
    "Volunteers will help anyone who finds the new ticket machines hard to use.",
    "The library is adding chairs with arms and better light by the windows.",
    "A meeting on Thursday morning will answer questions over tea.",
    "Residents can also telephone the service desk, which opens at nine.",
];

/// Story `i`: a title and `parts` paragraphs of two or three sentences.
fn story(i: usize, parts: usize) -> String {
    let body: String = (0..parts)
        .map(|n| {
            let take = 2 + (i + n) % 2;
            let text: Vec<&str> = (0..take)
                .map(|k| LINES[(i * 5 + n * 3 + k) % LINES.len()])
                .collect();
            format!("<p>Story {i}, part {}. {}</p>", n + 1, text.join(" "))
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Radio story {i}</title></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>Radio story {i}</h1>{body}</article>\
         <aside><h2>Related</h2><ul><li><a href=\"/x\">Something else</a></li></ul></aside></body></html>"
    )
}

/// With no word for this long the radio has stopped moving on.
const STALL: Duration = Duration::from_secs(240);

struct Sample {
    at: Duration,
    read: u64,
    rss_kib: u64,
    pss_kib: u64,
    /// Private memory (see `memory::ProcessMemory`): what growth is judged by.
    private_kib: u64,
    /// Private memory of each process (the app, then WebKit's), to tell which grows.
    each: Vec<(String, u64)>,
    /// Elements in the page, and callbacks the IPC layer holds: a page that
    /// keeps old articles or their handlers shows it here.
    nodes: u64,
    callbacks: u64,
}

fn main() {
    let articles = env_number("CARE_READER_BENCH_ARTICLES", 60) as usize;
    let minutes = env_number("CARE_READER_BENCH_MINUTES", 10);
    let speed = std::env::var("CARE_READER_BENCH_SPEED")
        .ok()
        .and_then(|v| v.parse::<f32>().ok())
        .unwrap_or(2.0);
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
            routes.push((format!("/r/{i}.html"), Reply::html(story(i, 8))));
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
        support::radio_data(&data, &site.url("/radio.xml"), "Radio", speed);
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
        let (mut last_read, mut moved_at, mut stall_told) = (0, Instant::now(), false);
        while Instant::now() < end {
            let title = app.text_of("article-title").await;
            let read = title
                .rsplit(' ')
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .map_or(0, |n| n + 1);
            if read != last_read {
                (last_read, moved_at) = (read, Instant::now());
            } else if moved_at.elapsed() > STALL && !stall_told {
                stall_told = true;
                let player = app.text_of("player-toggle").await;
                println!(
                    "radio bench: no new article for {} s at article {read} of {articles} \
                     ({:.0} s in; the Listen button says {player:?})",
                    moved_at.elapsed().as_secs(),
                    start.elapsed().as_secs_f64()
                );
            }
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
                private_kib: each.iter().map(|p| p.private_kib).sum(),
                each: each.into_iter().map(|p| (p.comm, p.private_kib)).collect(),
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
    println!("radio bench: {minutes} min of auto-read at speed {speed} over {articles} headlines");
    for s in samples.iter() {
        let each: Vec<String> = s
            .each
            .iter()
            .map(|(comm, private)| format!("{comm} {:.1}", mib(*private)))
            .collect();
        println!(
            "  {:>5.0} s  article {:>3}  RSS {:>7.1}  PSS {:>7.1}  private {:>7.1} MiB ({})  \
             {} elements, {} callbacks",
            s.at.as_secs_f64(),
            s.read,
            mib(s.rss_kib),
            mib(s.pss_kib),
            mib(s.private_kib),
            each.join(", "),
            s.nodes,
            s.callbacks
        );
    }
    let largest = samples.iter().map(|s| s.private_kib).max().unwrap_or(0);
    let settled = samples
        .iter()
        .find(|s| s.at >= Duration::from_secs(60))
        .unwrap_or(first);
    let per_article = |from: &Sample| {
        if last.read > from.read {
            (last.private_kib as f64 - from.private_kib as f64) / (last.read - from.read) as f64
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
        "private memory first {:.1} MiB, after the first minute {:.1} MiB, halfway {:.1} MiB, last {:.1} MiB, \
         largest {:.1} MiB; {} articles read; {:+.1} KiB per article after the first minute, \
         {:+.1} KiB per article over the second half",
        mib(first.private_kib),
        mib(settled.private_kib),
        mib(halfway.private_kib),
        mib(last.private_kib),
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
