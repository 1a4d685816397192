//! The app's speed and memory, each beside a bare Tauri 2 window built the
//! same way (`tools/floor-app`, the floor any Tauri app pays here):
//!
//! - launch → first view: from asking the driver for a window until the
//!   first view is up and worded, watched from inside the page (the floor:
//!   until its static page is there). Every start but the first shows Home;
//!   the first run on a new data folder opens the welcome article, timed on
//!   a line of its own;
//! - open article → article painted: from clicking Open with the address of
//!   a long page on the local server until the frame after the article was
//!   built is painted, timed by the page's own clock and split at the UI's
//!   User Timing marks (the shell's answer, the page built, painted); the
//!   shell's part is split further by `reader-app`'s open bench;
//! - memory: RSS and PSS summed over the app process and its WebKit
//!   processes, with that long article open (the floor: its static page);
//! - the start-up on the page's own clock, step by step (document, modules,
//!   handlers, the shell's answers, first view, paint), beside the floor's
//!   document and first paint: where the launch's difference is spent.
//!
//! `cargo bench -p care-reader-app --bench app` (release build; it builds the
//! floor app in the same profile first; `CARE_READER_BENCH_RUNS=15` for
//! more than five runs). Needs what the end-to-end tests need
//! (Xvfb, tauri-driver, WebKitWebDriver) and the corpus for the long page.

// The end-to-end harness: Xvfb, tauri-driver, the local server, sessions.
// The bench uses only part of it.
#[path = "../tests/e2e/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

// RSS/PSS of the app and its WebKit processes (shared with the radio bench).
#[path = "memory/mod.rs"]
mod memory;
use memory::{ProcessMemory, by_process, memory_of};

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::APP_BINARY;

/// Runs of each measurement; the table shows their median (and spread).
/// `CARE_READER_BENCH_RUNS` asks for more: the launch ratio moves by ±0.07
/// between sets of five on this machine.
const RUNS: usize = 5;

/// [`RUNS`], or as many as `CARE_READER_BENCH_RUNS` asks for.
fn runs() -> usize {
    std::env::var("CARE_READER_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(RUNS)
}

/// A long real page: Wikipedia's "New Zealand" (1 MB of HTML).
const LONG_PAGE: &str = "/corpus/readability/wikipedia-2/";

const FLOOR_READY: &str = "return document.getElementById('ready') !== null;";

/// Opens the address given as it is typed and clicked, and answers with the
/// page's own clock (ms): the click, the UI's User Timing marks (reader.js:
/// asked, answered, shown; render.js: the frame after that painted — a long
/// article's first screenful), then the frame painted once all of the
/// article is built (its body no longer aria-busy).
/// Measured in the page, so no WebDriver round trip is counted.
const OPEN_TIMED: &str = "
const [address, done] = arguments;
performance.clearMarks();
const at = (name) => { const m = performance.getEntriesByName(name, 'mark'); return m.length ? m[m.length - 1].startTime : null; };
const giveUp = setTimeout(() => done({ error: 'not shown within 30 s' }), 30000);
const body = document.getElementById('article-body');
const whole = () => {
  // This open's marks: a frame of an article on show before (the welcome
  // article) may still be painting when the click comes.
  const shown = at('open-shown');
  const painted = at('article-painted');
  if (shown === null || painted === null || painted < shown || body.hasAttribute('aria-busy')) return setTimeout(whole, 1);
  requestAnimationFrame(() => setTimeout(() => {
    clearTimeout(giveUp);
    done({
      clicked, asked: at('open-asked'), answered: at('open-answered'), shown: at('open-shown'),
      painted: at('article-painted'), complete: performance.now(),
    });
  }, 0));
};
const box = document.getElementById('address');
box.value = address;
const clicked = performance.now();
document.getElementById('open-button').click();
whole();
";

/// The start-up as the page's own clock saw it (ms from the navigation's
/// start): the document's answer and parse, then the app's marks (app.js:
/// every module evaluated, handlers bound, the shell's answers in, the first
/// view shown, the frame after it painted), and the first contentful paint
/// as WebKit reports it. A bare page has only the first two and the paint.
/// Waits for the paint (and for the app's last mark, where it has marks).
const START_TIMED: &str = "
const done = arguments[0];
const at = (name) => { const m = performance.getEntriesByName(name); return m.length ? m[0].startTime : null; };
const app = document.getElementById('view-home') !== null;
const giveUp = setTimeout(() => done({ error: 'no paint within 30 s' }), 30000);
const check = () => {
  const paint = at('first-contentful-paint');
  if (paint === null || (app && at('boot-painted') === null)) return setTimeout(check, 5);
  clearTimeout(giveUp);
  const nav = performance.getEntriesByType('navigation')[0];
  const out = { response: nav.responseEnd, parsed: nav.domInteractive, paint };
  for (const m of ['boot-modules', 'boot-bound', 'boot-answered', 'boot-shown', 'boot-painted']) out[m] = at(m);
  done(out);
};
check();
";

/// One start-up, split by the page's clock (ms from the navigation's start).
#[derive(Debug, Clone)]
struct StartSteps {
    /// Every step that was timed, by name, in the page's order.
    steps: Vec<(&'static str, f64)>,
}

/// The steps of [`START_TIMED`] in order, with the names the table gives them.
const START_STEPS: [(&str, &str); 8] = [
    ("response", "document received"),
    ("parsed", "document parsed"),
    ("boot-modules", "modules evaluated"),
    ("boot-bound", "handlers bound"),
    ("boot-answered", "shell's answers in"),
    ("boot-shown", "first view shown"),
    ("boot-painted", "its frame painted"),
    ("paint", "first contentful paint"),
];

impl StartSteps {
    fn from_page(v: &serde_json::Value) -> StartSteps {
        assert!(v.get("error").is_none(), "the start was not timed: {v}");
        StartSteps {
            steps: START_STEPS
                .iter()
                .filter_map(|&(key, name)| v.get(key)?.as_f64().map(|ms| (name, ms)))
                .collect(),
        }
    }

    fn get(&self, name: &str) -> Option<f64> {
        self.steps.iter().find(|s| s.0 == name).map(|s| s.1)
    }
}

/// Picks one step of an open.
type StepOf = fn(&OpenSteps) -> f64;
/// Picks RSS or PSS (KiB) from one `(RSS, PSS)` sample.
type MemoryOf = fn(&(u64, u64)) -> u64;

/// One open of the long article, split by the page's clock (ms).
#[derive(Debug, Clone, Copy)]
struct OpenSteps {
    /// Click → the shell's answer: fetch, decode, extract, store, view, IPC.
    shell: f64,
    /// Answer → page built (render.js and the reader's set-up).
    build: f64,
    /// Built → painted (style, layout, paint).
    paint: f64,
    /// Click → painted.
    total: f64,
    /// Click → all of the article built and painted (a long one shows its
    /// first screenful first).
    complete: f64,
}

impl OpenSteps {
    fn from_page(v: &serde_json::Value) -> OpenSteps {
        let get = |k: &str| {
            v.get(k)
                .and_then(serde_json::Value::as_f64)
                .unwrap_or_else(|| panic!("the open was not timed: {v}"))
        };
        let (clicked, answered, shown, painted) = (
            get("clicked"),
            get("answered"),
            get("shown"),
            get("painted"),
        );
        OpenSteps {
            shell: answered - clicked,
            build: shown - answered,
            paint: painted - shown,
            total: painted - clicked,
            complete: get("complete") - clicked,
        }
    }
}

fn main() {
    let floor = match build_floor() {
        Ok(path) => path,
        Err(e) => {
            eprintln!("app bench: could not build the floor app: {e}");
            std::process::exit(1);
        }
    };
    support::scenario("bench", move |mut ctx| async move {
        let mut app_launch = Vec::new();
        let mut first_launch = Vec::new();
        let mut floor_launch = Vec::new();
        let mut open = Vec::new();
        let mut app_memory = Vec::new();
        let mut home_memory = Vec::new();
        let mut floor_memory = Vec::new();
        let mut app_start = Vec::new();
        let mut floor_start = Vec::new();
        let long_page = ctx.url(LONG_PAGE);
        let runs = runs();
        for run in 0..runs {
            let data = ctx.fresh_data_dir(&format!("run{run}"));
            // The first run on a new data folder shows the welcome article.
            let start = Instant::now();
            let app = ctx.launch(&data).await;
            first_launch.push(start.elapsed());
            close_and_wait(&app.client, "care-reader-app").await;

            // Every later start: Home.
            let start = Instant::now();
            let app = ctx.launch(&data).await;
            app_launch.push(start.elapsed());
            assert_eq!(app.visible_view().await, "home");
            app_start.push(StartSteps::from_page(
                &app.js_async(START_TIMED, vec![]).await,
            ));
            // A reader takes a moment to paste an address; the window has
            // settled by then.
            tokio::time::sleep(Duration::from_secs(2)).await;
            home_memory.push(memory_of("care-reader-app"));
            if run + 1 == runs {
                print_processes("Care Reader on Home", &by_process("care-reader-app"));
            }
            let timed = app
                .js_async(OPEN_TIMED, vec![long_page.clone().into()])
                .await;
            let shown = app
                .js(
                    "return !document.getElementById('view-reader').hidden \
                       && document.getElementById('article-title').textContent.trim() !== '' \
                       && document.querySelectorAll('#article-body p').length > 20;",
                    vec![],
                )
                .await;
            assert_eq!(shown, true, "the long article is not on show: {timed}");
            open.push(OpenSteps::from_page(&timed));
            // Let the images and layout settle before reading memory.
            tokio::time::sleep(Duration::from_secs(2)).await;
            app_memory.push(memory_of("care-reader-app"));
            if run + 1 == runs {
                print_processes(
                    "Care Reader, long article open",
                    &by_process("care-reader-app"),
                );
            }
            close_and_wait(&app.client, "care-reader-app").await;

            let start = Instant::now();
            let bare = ctx
                .launch_binary(&floor.display().to_string(), &[], FLOOR_READY)
                .await;
            floor_launch.push(start.elapsed());
            floor_start.push(StartSteps::from_page(
                &bare.js_async(START_TIMED, vec![]).await,
            ));
            tokio::time::sleep(Duration::from_secs(2)).await;
            floor_memory.push(memory_of("care-reader-floor"));
            if run + 1 == runs {
                print_processes("bare Tauri (floor)", &by_process("care-reader-floor"));
            }
            close_and_wait(&bare.client, "care-reader-floor").await;
        }
        report(
            &app_launch,
            &first_launch,
            &floor_launch,
            &open,
            &app_memory,
            &home_memory,
            &floor_memory,
        );
        report_start(&app_start, &floor_start);
    });
}

/// Ends a session and waits (10 s at most) until `program` has ended: the
/// next launch is timed alone, not beside a teardown, and an app started
/// on the same data folder meanwhile would first wait for this one to end
/// (src/instance.rs), which is not start-up time.
async fn close_and_wait(client: &fantoccini::Client, program: &str) {
    let _ = client.clone().close().await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while memory::newest(program).is_some() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Builds the floor app with the profile this bench was built with, and
/// returns its binary (next to ours).
fn build_floor() -> Result<PathBuf, String> {
    let binary = Path::new(APP_BINARY).with_file_name("care-reader-floor");
    let release = Path::new(APP_BINARY)
        .parent()
        .is_some_and(|d| d.ends_with("release"));
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo.args(["build", "--locked", "-p", "care-reader-floor"]);
    if release {
        cargo.arg("--release");
    }
    let status = cargo.status().map_err(|e| e.to_string())?;
    if !status.success() || !binary.exists() {
        return Err(format!("cargo build -p care-reader-floor: {status}"));
    }
    Ok(binary)
}

fn median_ms(v: &[Duration]) -> (f64, f64, f64) {
    median_of(v.iter().map(|d| d.as_secs_f64() * 1000.0).collect())
}

/// Median, min and max.
fn median_of(mut ms: Vec<f64>) -> (f64, f64, f64) {
    ms.sort_by(f64::total_cmp);
    let mid = ms.get(ms.len() / 2).copied().unwrap_or(0.0);
    (
        mid,
        ms.first().copied().unwrap_or(0.0),
        ms.last().copied().unwrap_or(0.0),
    )
}

fn median_kib(v: &[(u64, u64)], pick: MemoryOf) -> f64 {
    let mut k: Vec<u64> = v.iter().map(pick).collect();
    k.sort_unstable();
    k.get(k.len() / 2).copied().unwrap_or(0) as f64 / 1024.0
}

fn report(
    app_launch: &[Duration],
    first_launch: &[Duration],
    floor_launch: &[Duration],
    open: &[OpenSteps],
    app_memory: &[(u64, u64)],
    home_memory: &[(u64, u64)],
    floor_memory: &[(u64, u64)],
) {
    let (fl, fl_min, fl_max) = median_ms(floor_launch);
    println!(
        "\napp bench: {} runs each, medians (min–max)\n",
        app_launch.len()
    );
    println!(
        "{:<40} {:>22} {:>22} {:>7}",
        "", "Care Reader", "bare Tauri (floor)", "ratio"
    );
    for (name, launches) in [
        ("launch -> first view (Home)", app_launch),
        ("first run -> welcome article", first_launch),
    ] {
        let (al, al_min, al_max) = median_ms(launches);
        println!(
            "{name:<40} {al:>9.0} ms ({al_min:>4.0}–{al_max:<4.0}) {fl:>9.0} ms ({fl_min:>4.0}–{fl_max:<4.0}) {:>6.2}x",
            al / fl.max(1.0)
        );
    }
    let steps: [(&str, StepOf); 5] = [
        ("open long article -> painted", |s| s.total),
        ("  click -> shell's answer", |s| s.shell),
        ("  answer -> first screenful built", |s| s.build),
        ("  built -> painted", |s| s.paint),
        ("open long article -> all of it painted", |s| s.complete),
    ];
    for (name, pick) in steps {
        let (mid, min, max) = median_of(open.iter().map(pick).collect());
        println!("{name:<40} {mid:>9.0} ms ({min:>4.0}–{max:<4.0})");
    }
    let rows: [(&str, &[(u64, u64)]); 2] =
        [("long article open", app_memory), ("Home", home_memory)];
    let kinds: [(&str, MemoryOf); 2] = [("RSS", |m| m.0), ("PSS", |m| m.1)];
    for (kind, of) in kinds {
        let floor = median_kib(floor_memory, of);
        for (state, memory) in rows {
            let app = median_kib(memory, of);
            println!(
                "{:<40} {app:>12.0} MiB {floor:>21.0} MiB {:>6.2}x",
                format!("{kind}, all processes ({state})"),
                app / floor.max(1.0)
            );
        }
    }
}

/// The start-up's steps on the page's clock, medians of each (the floor's
/// where it has the step too).
fn report_start(app: &[StartSteps], floor: &[StartSteps]) {
    println!("\nstart-up on the page's clock (Home), ms from the navigation's start, medians:");
    println!(
        "{:<40} {:>12} {:>20}",
        "", "Care Reader", "bare Tauri (floor)"
    );
    for &(_, name) in &START_STEPS {
        let of = |runs: &[StartSteps]| {
            let ms: Vec<f64> = runs.iter().filter_map(|r| r.get(name)).collect();
            (!ms.is_empty()).then(|| median_of(ms).0)
        };
        let cell = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |ms| format!("{ms:.1} ms"));
        println!("{name:<40} {:>12} {:>20}", cell(of(app)), cell(of(floor)));
    }
}

/// One run's memory, process by process (the last run's, under the table).
fn print_processes(what: &str, processes: &[ProcessMemory]) {
    println!("{what}:");
    for p in processes {
        println!(
            "  {:<20} RSS {:>7.1} MiB  PSS {:>7.1} MiB  private {:>7.1} MiB",
            p.comm,
            p.rss_kib as f64 / 1024.0,
            p.pss_kib as f64 / 1024.0,
            p.private_kib as f64 / 1024.0
        );
    }
}
