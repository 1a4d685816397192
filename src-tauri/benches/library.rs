//! The library at 1 000 kept articles: how fast the Library opens, search
//! (Chinese and English) and reopening an article answer, how big the store
//! is, and whether such a store slows the app's start.
//!
//! `cargo bench -p care-reader-app --bench library`
//!
//! The articles are the pages of `../shared/corpus` (or
//! `$CARE_READER_CORPUS`), each extracted once, stored as often as needed
//! under distinct addresses (`#copy-N`) to reach `CARE_READER_BENCH_ARTICLES`
//! (default 1 000), in a fresh store in a temporary folder. Each is stored the
//! way the app keeps one: remembered, kept (into search), one synthetic
//! picture of [`DEFAULT_PICTURE_KIB`] KiB (`CARE_READER_BENCH_PICTURE_KIB`)
//! instead of fetching the page's own from the web, and a reading place
//! halfway through (so the cards show progress and Home has something to
//! continue).
//!
//! Then, each over `CARE_READER_BENCH_ITERS` runs (default [`DEFAULT_ITERS`])
//! after a warm-up, through [`App`] as the window's commands call it, the
//! reply serialised to JSON as the IPC does: the Library list (`library`),
//! search (`search_library`) with Chinese terms of two and of three or more
//! characters and English ones, and reopening an article (`open_recent`,
//! cycling over the library); median and 95th percentile in ms.
//!
//! `CARE_READER_BENCH_WINDOW=0` leaves the real window out;
//! `CARE_READER_BENCH_KEEP_STORES=1` leaves the two stores behind (the path
//! is printed), to look at them with `sqlite3`. A quick run:
//! `CARE_READER_BENCH_ARTICLES=100 CARE_READER_BENCH_ITERS=5
//! CARE_READER_BENCH_RUNS=2 cargo bench -p care-reader-app --bench library`.
//!
//! Start with that store against an empty one (settings saved in both, so
//! neither is a first run), `CARE_READER_BENCH_RUNS` pairs (default
//! [`DEFAULT_RUNS`]), the order alternating, each on its own fresh copy of
//! the store:
//! - in a fresh process (this bench re-run): `App::new` + what the first
//!   view asks of the store (`startup`, `get_settings`, `recent_articles`,
//!   `continue_reading`);
//! - the real window, through the end-to-end harness (Xvfb, tauri-driver,
//!   WebKitWebDriver; skipped loudly when they are missing): from asking the
//!   driver for a window until Home shows, worded, with its recent list (and,
//!   for the kept library, the Continue offer) filled in.

// The end-to-end harness: Xvfb, tauri-driver, sessions. Only part is used.
#[path = "../tests/e2e/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use care_reader_tests::corpus;
use reader_app::narration::Engine;
use reader_app::{App, AppConfig};
use reader_article::Article;
use reader_settings::Settings;
use reader_store::{FILE_NAME, Picture, Place};
use serde_json::json;

/// Timed runs of each in-process measurement.
const DEFAULT_ITERS: usize = 200;
/// Paired starts (empty store, kept library) of each kind.
const DEFAULT_RUNS: usize = 10;
/// Kept articles in the library.
const DEFAULT_ARTICLES: usize = 1000;
/// Untimed runs before timing (caches, allocator, SQLite's page cache).
const WARMUP: usize = 5;
/// KiB of the synthetic picture kept with each article: a small JPEG.
const DEFAULT_PICTURE_KIB: usize = 24;
/// Set to `0` to leave out the real window's start (no display tools).
const NO_WINDOW_ENV: &str = "CARE_READER_BENCH_WINDOW";
/// Set to leave the stores in the temporary folder, to look at them after.
const KEEP_ENV: &str = "CARE_READER_BENCH_KEEP_STORES";
/// Set in the re-run child: the data folder whose start it times.
const CHILD_ENV: &str = "CARE_READER_BENCH_START_CHILD";

/// The queries, what each stands for, and why it was chosen: common
/// enough in the corpus to find articles, so the marking work is timed too.
const QUERIES: [(&str, &str); 6] = [
    ("经济", "Chinese, 2 characters (scan)"),
    ("老人", "Chinese, 2 characters, rare"),
    ("互联网", "Chinese, 3 characters (index)"),
    ("人工智能", "Chinese, 4 characters (index)"),
    ("government", "English, 1 word"),
    ("research government", "English, 2 words"),
];

/// Home is up, worded, and its recent list has been answered. For the
/// kept library the list has items and the Continue offer shows.
const READY_EMPTY: &str = "const v = [...document.querySelectorAll('main > .view')].filter(e => !e.hidden); \
     return v.length === 1 && v[0].id === 'view-home' \
       && document.getElementById('home-title').textContent.trim() !== '' \
       && !document.getElementById('recent-empty').hidden;";
const READY_FILLED: &str = "const v = [...document.querySelectorAll('main > .view')].filter(e => !e.hidden); \
     return v.length === 1 && v[0].id === 'view-home' \
       && document.getElementById('home-title').textContent.trim() !== '' \
       && document.querySelectorAll('#recent-list li').length > 0 \
       && !document.getElementById('continue-offer').hidden;";

fn main() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        std::process::exit(start_child(Path::new(&dir)));
    }
    let Some(root) = corpus::corpus_root_or_skip("library bench") else {
        return;
    };
    let iters = env_count("CARE_READER_BENCH_ITERS", DEFAULT_ITERS);
    let runs = env_count("CARE_READER_BENCH_RUNS", DEFAULT_RUNS);
    let wanted = env_count("CARE_READER_BENCH_ARTICLES", DEFAULT_ARTICLES);
    let picture_kib = env_count("CARE_READER_BENCH_PICTURE_KIB", DEFAULT_PICTURE_KIB);
    let work =
        std::env::temp_dir().join(format!("care-reader-library-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let outcome = run(&root, &work, iters, runs, wanted, picture_kib);
    if std::env::var_os(KEEP_ENV).is_some() {
        println!("\nthe stores are left in {}", work.display());
    } else {
        let _ = std::fs::remove_dir_all(&work);
    }
    if let Err(e) = outcome {
        eprintln!("library bench: {e}");
        std::process::exit(1);
    }
}

fn run(
    root: &Path,
    work: &Path,
    iters: usize,
    runs: usize,
    wanted: usize,
    picture_kib: usize,
) -> Result<(), String> {
    println!("library bench: load {}", load_average());
    let started = Instant::now();
    let articles = extract_corpus(root)?;
    println!(
        "{} corpus pages extracted in {:.1} s (from {})",
        articles.len(),
        started.elapsed().as_secs_f64(),
        root.display()
    );
    if articles.is_empty() {
        return Err("no corpus page could be extracted".into());
    }

    let empty = work.join("empty");
    let filled = work.join("filled");
    {
        let app = app_in(&empty)?;
        save_settings(&app)?;
    }
    let app = app_in(&filled)?;
    save_settings(&app)?;
    let started = Instant::now();
    let ids = fill(&app, &articles, wanted, picture_kib)?;
    let fill_time = started.elapsed();
    println!(
        "{} articles kept in {:.1} s ({:.1} ms each: remember, keep, picture, place)",
        ids.len(),
        fill_time.as_secs_f64(),
        fill_time.as_secs_f64() * 1e3 / ids.len() as f64
    );
    let pictures = app
        .library()
        .store()
        .picture_bytes()
        .map_err(|e| e.to_string())?;
    let chars: usize = articles
        .iter()
        .map(|(_, a)| a.body_text().chars().count())
        .sum::<usize>()
        / articles.len();
    // Closed, then opened again, as at a start: nothing of the fill cached
    // but what the OS keeps.
    drop(app);
    let sizes = store_size(&filled);
    let app = app_in(&filled)?;

    let mut rows: Vec<Row> = Vec::new();
    let kept = app.kept().map_err(|e| e.message)?.len();
    if kept != ids.len() {
        return Err(format!(
            "{kept} articles in the library, {} kept",
            ids.len()
        ));
    }
    rows.push(Row::timed(
        format!("Library list ({kept} cards)"),
        String::new(),
        time(iters, || json_len(&app.kept())),
    ));
    for (query, what) in QUERIES {
        let hits = app.search(query).map_err(|e| e.message)?.len();
        rows.push(Row::timed(
            format!("search \"{query}\""),
            format!("{what}, {hits} hits"),
            time(iters, || json_len(&app.search(query))),
        ));
    }
    let mut next = 0;
    let step = (ids.len() / iters.max(1)).max(1);
    rows.push(Row::timed(
        "reopen an article".into(),
        format!("every {step}th of {}", ids.len()),
        time(iters, || {
            next = (next + step) % ids.len();
            json_len(&app.reopen(ids[next]))
        }),
    ));
    drop(app);

    println!("\nstart, {runs} pairs, in a fresh process each ...");
    let process = paired(runs, |which| {
        let dir = work.join(format!("start-{which}-{}", fresh_id()));
        copy_store(if which == "empty" { &empty } else { &filled }, &dir)?;
        let took = start_in_child(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        took
    })?;

    println!("start, {runs} pairs, the real window ...");
    let window = if std::env::var(NO_WINDOW_ENV).is_ok_and(|v| v == "0") {
        println!("  skipped: {NO_WINDOW_ENV}=0");
        None
    } else {
        window_starts(runs, &empty, &filled)
    };

    println!(
        "\nlibrary bench: {} kept articles from {} corpus pages (about {} characters of text each), \
         one {} KiB synthetic picture each; {iters} timed runs after {WARMUP} warm-up; load {}\n",
        ids.len(),
        articles.len(),
        chars,
        picture_kib,
        load_average()
    );
    println!("{:<36} {:>9} {:>9}", "", "median ms", "p95 ms");
    println!("{}", "-".repeat(96));
    for row in &rows {
        println!(
            "{} {:>9.2} {:>9.2}   {}",
            pad(&row.name, 36),
            row.stats.median,
            row.stats.p95,
            row.note
        );
    }
    println!("\nstore on disk (kept library)");
    println!(
        "  {FILE_NAME}: {:.1} MB (of which pictures {:.1} MB); journal/WAL: {:.1} MB",
        sizes.0 as f64 / 1e6,
        pictures as f64 / 1e6,
        sizes.1 as f64 / 1e6
    );
    println!(
        "  without the pictures: {:.1} MB, {:.1} KB per article",
        (sizes.0.saturating_sub(pictures)) as f64 / 1e6,
        (sizes.0.saturating_sub(pictures)) as f64 / 1e3 / ids.len() as f64
    );
    println!("\nstart, empty store against the kept library: medians (min–max) in ms");
    print_start(
        "fresh process: App::new + first view's calls",
        Some(&process),
    );
    print_start(
        "real window: launch -> Home with its lists",
        window.as_ref(),
    );
    Ok(())
}

// ------------------------------------------------------------------ the app

/// A speech engine known to be missing: the narrator starts as in the
/// window but speaks to nobody.
fn silent() -> Engine {
    Engine::Custom(Box::new(|_| {
        Err(narrator::EngineError::Missing {
            detail: "not in this bench".into(),
        })
    }))
}

fn app_in(dir: &Path) -> Result<App, String> {
    let config = AppConfig {
        image_address: |url| format!("care-img://localhost/{url}"),
        engine: silent(),
    };
    App::new(Some(dir), config, |_| {}).map_err(|e| format!("{}: {e}", dir.display()))
}

/// The same settings in both stores, so that neither is a first run (that
/// opens the welcome article instead of Home).
fn save_settings(app: &App) -> Result<(), String> {
    let settings = Settings {
        ui_lang: Some("zh-CN".into()),
        theme_chosen: true,
        ..Settings::default()
    };
    app.library()
        .store()
        .save_settings(&settings)
        .map_err(|e| e.to_string())
}

/// Every corpus page that extracts, in corpus order.
fn extract_corpus(root: &Path) -> Result<Vec<(String, Article)>, String> {
    let cases = corpus::load_all(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let mut out = Vec::with_capacity(cases.len());
    let mut seen = std::collections::HashSet::new();
    for case in cases {
        let html = case.html().map_err(|e| format!("{}: {e}", case.id()))?;
        if let Ok(article) = reader_web::extract::extract(&html, case.base_url().as_ref()) {
            // The store knows an article by its address: pages without one,
            // or sharing one (Readability's test pages), get their own.
            let source = case
                .url()
                .filter(|url| seen.insert(url.to_string()))
                .map_or_else(
                    || format!("https://corpus.invalid/{}", case.id()),
                    str::to_owned,
                );
            out.push((source, article));
        }
    }
    Ok(out)
}

/// Keeps `wanted` articles, cycling over the pages; their ids, oldest first.
fn fill(
    app: &App,
    articles: &[(String, Article)],
    wanted: usize,
    picture_kib: usize,
) -> Result<Vec<i64>, String> {
    let library = app.library();
    let mut ids = Vec::with_capacity(wanted);
    for n in 0..wanted {
        let (source, article) = &articles[n % articles.len()];
        let copy = n / articles.len();
        let source = if copy == 0 {
            source.clone()
        } else {
            format!("{source}#copy-{copy}")
        };
        let store = library.store();
        let id = store
            .remember_article(&source, article)
            .map_err(|e| format!("{source}: {e}"))?;
        store.keep(id).map_err(|e| format!("{source}: {e}"))?;
        let picture = Picture {
            url: format!("https://pictures.invalid/{n}.jpg"),
            content_type: "image/jpeg".into(),
            bytes: noise(n as u64, picture_kib * 1024),
        };
        store
            .keep_pictures(id, &[picture])
            .map_err(|e| format!("{source}: {e}"))?;
        drop(store);
        let place = Place {
            block: (article.blocks.len() / 2) as i64,
            offset: 0.3,
            sentence: None,
        };
        app.save_position(id, place).map_err(|e| e.message)?;
        ids.push(id);
    }
    Ok(ids)
}

/// Bytes that do not compress, as a photo's do not.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// The reply as the window gets it: serialised to JSON.
fn json_len<T: serde::Serialize, E>(reply: &Result<T, E>) -> usize {
    match reply {
        Ok(v) => serde_json::to_vec(v).map_or(0, |j| j.len()),
        Err(_) => 0,
    }
}

/// (store file, journal + WAL) in bytes.
fn store_size(dir: &Path) -> (u64, u64) {
    let size = |name: String| std::fs::metadata(dir.join(name)).map_or(0, |m| m.len());
    (
        size(FILE_NAME.into()),
        size(format!("{FILE_NAME}-journal")) + size(format!("{FILE_NAME}-wal")),
    )
}

fn copy_store(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    std::fs::copy(from.join(FILE_NAME), to.join(FILE_NAME))
        .map(|_| ())
        .map_err(|e| format!("copying the store to {}: {e}", to.display()))
}

fn fresh_id() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

// ------------------------------------------------------------------ timing

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// [`WARMUP`] untimed runs, then `iters` timed ones.
fn time(iters: usize, mut f: impl FnMut() -> usize) -> Vec<Duration> {
    for _ in 0..WARMUP {
        std::hint::black_box(f());
    }
    (0..iters)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect()
}

/// Start times: (empty store, kept library).
type Pairs = (Vec<Duration>, Vec<Duration>);

struct Row {
    name: String,
    note: String,
    stats: Stats,
}

impl Row {
    fn timed(name: String, note: String, times: Vec<Duration>) -> Row {
        Row {
            name,
            note,
            stats: Stats::of(&times),
        }
    }
}

struct Stats {
    median: f64,
    p95: f64,
    min: f64,
    max: f64,
}

impl Stats {
    /// Milliseconds; p95 by the nearest rank, as the extract bench.
    fn of(times: &[Duration]) -> Stats {
        let mut v: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n == 0 {
            return Stats {
                median: f64::NAN,
                p95: f64::NAN,
                min: f64::NAN,
                max: f64::NAN,
            };
        }
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        Stats {
            median,
            p95: v[((0.95 * (n - 1) as f64).round() as usize).min(n - 1)],
            min: v[0],
            max: v[n - 1],
        }
    }
}

/// Empty-store and kept-library starts, `runs` of each, in pairs whose
/// order alternates so that neither always runs on a warmer machine.
fn paired(
    runs: usize,
    mut start: impl FnMut(&'static str) -> Result<Duration, String>,
) -> Result<Pairs, String> {
    let (mut empty, mut filled) = (Vec::new(), Vec::new());
    // One untimed pair first: the binaries and the stores into the OS cache.
    start("empty")?;
    start("filled")?;
    for run in 0..runs {
        let order = if run % 2 == 0 {
            ["empty", "filled"]
        } else {
            ["filled", "empty"]
        };
        for which in order {
            let took = start(which)?;
            if which == "empty" {
                empty.push(took);
            } else {
                filled.push(took);
            }
        }
    }
    Ok((empty, filled))
}

fn print_start(label: &str, pair: Option<&Pairs>) {
    let Some((empty, filled)) = pair else {
        println!("  {label:<46} skipped (see above)");
        return;
    };
    let (e, f) = (Stats::of(empty), Stats::of(filled));
    println!(
        "  {label:<46} empty {:>8.1} ({:.1}–{:.1})  kept {:>8.1} ({:.1}–{:.1})  ratio {:.3}",
        e.median,
        e.min,
        e.max,
        f.median,
        f.min,
        f.max,
        f.median / e.median
    );
}

/// `text` padded to `width` terminal columns (a CJK character takes two).
fn pad(text: &str, width: usize) -> String {
    let wide = |c: char| matches!(c, '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}');
    let columns: usize = text.chars().map(|c| if wide(c) { 2 } else { 1 }).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(columns)))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

// ------------------------------------------------------------------ start

/// Runs this bench again as a child that times one start on `dir`.
fn start_in_child(dir: &Path) -> Result<Duration, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot re-run the bench: {e}"))?;
    let out = Command::new(exe)
        .env(CHILD_ENV, dir)
        .output()
        .map_err(|e| format!("cannot start the child: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    match text.trim().parse::<u64>() {
        Ok(nanos) if out.status.success() => Ok(Duration::from_nanos(nanos)),
        _ => Err(format!(
            "the start child failed: {} {}",
            text.trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        )),
    }
}

/// The child: opens the app on `dir` and asks what the first view asks;
/// prints the nanoseconds that took.
fn start_child(dir: &Path) -> i32 {
    let t = Instant::now();
    let Ok(app) = app_in(dir) else {
        return 1;
    };
    let startup = app.startup();
    let settings = app.settings();
    let recent = app.recent();
    let unfinished = app.continue_reading();
    let took = t.elapsed();
    if startup.first_run || settings.is_err() || recent.is_err() || unfinished.is_err() {
        eprintln!("unexpected start: first run {}", startup.first_run);
        return 1;
    }
    println!("{}", took.as_nanos());
    0
}

/// The real window's start on each store, through the end-to-end harness;
/// `None` when the harness is not available on this machine.
fn window_starts(runs: usize, empty: &Path, filled: &Path) -> Option<Pairs> {
    let result: Arc<Mutex<Option<Pairs>>> = Arc::new(Mutex::new(None));
    let out = Arc::clone(&result);
    let (empty, filled) = (empty.to_owned(), filled.to_owned());
    support::scenario("library-bench", move |mut ctx| async move {
        let mut times: Pairs = (Vec::new(), Vec::new());
        // One untimed pair first, as in the fresh-process starts.
        for run in 0..=runs {
            let order = if run % 2 == 0 {
                [false, true]
            } else {
                [true, false]
            };
            for kept in order {
                let (store, ready, label) = if kept {
                    (&filled, READY_FILLED, "kept")
                } else {
                    (&empty, READY_EMPTY, "empty")
                };
                let dir = ctx.fresh_data_dir(&format!("{label}-{run}"));
                copy_store(store, &dir).unwrap_or_else(|e| panic!("{e}"));
                let took = launch(&mut ctx, &dir, ready).await;
                if run > 0 {
                    if kept { &mut times.1 } else { &mut times.0 }.push(took);
                }
            }
        }
        *out.lock().unwrap_or_else(|p| p.into_inner()) = Some(times);
    });
    result.lock().unwrap_or_else(|p| p.into_inner()).take()
}

/// One window start on `dir` until `ready`, polled often (the harness's own
/// wait polls every 100 ms, coarse for a start of about a second); the
/// window is closed after.
async fn launch(ctx: &mut support::Ctx, dir: &Path, ready: &str) -> Duration {
    let start = Instant::now();
    let args = ["--data-dir".to_owned(), dir.display().to_string()];
    let app = ctx
        .launch_binary(support::APP_BINARY, &args, "return true;")
        .await;
    loop {
        let done = app.client.execute(ready, vec![]).await.ok();
        if done == Some(json!(true)) {
            break;
        }
        if start.elapsed() > support::session::OPEN_TIMEOUT {
            panic!(
                "library bench: the window on {} was not ready in {:?} (visible: {})",
                dir.display(),
                support::session::OPEN_TIMEOUT,
                app.visible_view().await
            );
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let took = start.elapsed();
    let _ = app.client.clone().close().await;
    // The closed app's processes leave before the next start.
    tokio::time::sleep(Duration::from_millis(800)).await;
    took
}
