//! Opening a long article, step by step, the way the window's Open does it:
//! fetch (HTTP from 127.0.0.1 and charset decoding), extraction, remembering
//! it in the store, the view with the narrator's script, and the JSON the
//! shell hands the window. The window's own part (parsing that JSON and
//! building the page) is the app bench's (`src-tauri/benches/app.rs`).
//!
//! `cargo bench -p reader-app --bench open` (release build). Reads
//! Wikipedia's "New Zealand" (1 MB of HTML) from `../shared/corpus` (or
//! `$CARE_READER_CORPUS`) and serves it from a real server on 127.0.0.1; skips
//! loudly without the corpus. Each step runs once untimed (its time shown
//! as "first": a fresh process's caches are cold, as on a window's first
//! open) and then [`RUNS`] times; the table gives median, min and max.

use std::time::{Duration, Instant};

use care_reader_tests::corpus;
use care_reader_tests::site::{Reply, Site};
use narrator::engine::{Delivery, Engine, EngineError, EngineEvent, EventSink, UtteranceKey};
use narrator::voice::VoiceInfo;
use reader_app::load::{LoadOptions, extract_here, fetch_source};
use reader_app::narration::Engine as EngineChoice;
use reader_app::view::article_view;
use reader_app::{App, AppConfig};
use reader_l10n::Localizer;
use reader_store::Store;

/// Timed runs of each step.
const RUNS: usize = 15;
const SOURCE: &str = "readability";
const CASE: &str = "wikipedia-2";

/// An engine that is there and says nothing: opening only loads the script.
struct Quiet {
    sink: EventSink,
    next: UtteranceKey,
}

impl Engine for Quiet {
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError> {
        Ok(Vec::new())
    }
    fn speak(&mut self, _: &str, _: &VoiceInfo, _: Delivery) -> Result<UtteranceKey, EngineError> {
        self.next += 1;
        (self.sink)(EngineEvent::End(self.next));
        Ok(self.next)
    }
    fn stop(&mut self) -> Result<(), EngineError> {
        Ok(())
    }
}

fn main() {
    let Some(root) = corpus::corpus_root_or_skip("open bench") else {
        return;
    };
    let page = corpus::load_source(&root, SOURCE)
        .ok()
        .and_then(|cases| cases.into_iter().find(|c| c.name == CASE))
        .and_then(|case| case.html_bytes().ok());
    let Some(html) = page else {
        eprintln!(
            "open bench: {SOURCE}/{CASE} is not in the corpus at {}",
            root.display()
        );
        std::process::exit(1);
    };
    let html_len = html.len();
    let site = Site::serve(vec![("/article.html", Reply::html(html))]);
    let url = site.url("/article.html");
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("open bench: no runtime: {e}");
            std::process::exit(1);
        }
    };
    let data = std::env::temp_dir().join(format!("care-reader-open-bench-{}", std::process::id()));
    let app = match App::new(Some(&data), quiet_config(), |_| {}) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("open bench: the app did not start: {e}");
            std::process::exit(1);
        }
    };
    let options = LoadOptions::default();
    let l10n = Localizer::new("en-US");
    // A store of its own on disk, as the app's is.
    let store_dir = data.join("steps");
    let store = match Store::open_in(&store_dir) {
        Ok((s, _)) => s,
        Err(e) => {
            eprintln!("open bench: no store: {e}");
            std::process::exit(1);
        }
    };

    let mut steps: Vec<(&str, Vec<Duration>)> = [
        "fetch + decode (HTTP, 127.0.0.1)",
        "extract",
        "remember (store)",
        "view + narrator's script",
        "serialise (JSON for the window)",
        "whole open (App::open)",
    ]
    .into_iter()
    .map(|name| (name, Vec::new()))
    .collect();
    let mut cold = Vec::new();
    let mut json_len = 0;
    let mut blocks = 0;
    let mut sentences = 0;
    for run in 0..=RUNS {
        let mut times = Vec::new();
        let start = Instant::now();
        let fetched = runtime.block_on(fetch_source(&url, &options));
        times.push(start.elapsed());
        let (key, page) = fetched.unwrap_or_else(|e| panic!("fetching {url}: {e}"));

        let start = Instant::now();
        let (article, _) = extract_here(&page);
        times.push(start.elapsed());
        let article = article.unwrap_or_else(|e| panic!("extracting {url}: {e}"));

        let start = Instant::now();
        let id = store.remember_article(&key, &article).ok();
        times.push(start.elapsed());

        let start = Instant::now();
        let view = article_view(id, &key, article, &l10n, &|u| u.to_owned(), &mut |_| {});
        times.push(start.elapsed());

        let start = Instant::now();
        let json = serde_json::to_string(&view).unwrap_or_default();
        times.push(start.elapsed());
        json_len = json.len();
        blocks = view.article.blocks.len();
        sentences = view.speech.sentences.len();

        let start = Instant::now();
        let opened = runtime.block_on(app.open(&url, |_| {}));
        times.push(start.elapsed());
        if let Err(e) = opened {
            panic!("App::open {url}: {}", e.message);
        }

        if run == 0 {
            cold = times;
        } else {
            for ((_, all), t) in steps.iter_mut().zip(times) {
                all.push(t);
            }
        }
    }
    drop(app);
    let _ = std::fs::remove_dir_all(&data);

    println!(
        "\nopen bench: {SOURCE}/{CASE}, {} KiB of HTML -> {blocks} blocks, {sentences} sentences, \
         {} KiB of JSON; {RUNS} runs, median (min–max), and the first run\n",
        html_len / 1024,
        json_len / 1024
    );
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for ((name, times), first) in steps.iter_mut().zip(cold) {
        times.sort();
        println!(
            "{name:<36} {:>8.2} ms ({:.2}–{:.2})   first {:.2} ms",
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
            ms(first)
        );
    }
}

fn quiet_config() -> AppConfig {
    AppConfig {
        image_address: |url| url.to_owned(),
        engine: EngineChoice::Custom(Box::new(|sink| {
            Ok(Box::new(Quiet { sink, next: 0 }) as Box<dyn Engine>)
        })),
    }
}
