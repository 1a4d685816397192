//! The app's speed and memory, each beside a bare Tauri 2 window built the
//! same way (`tools/floor-app`, the floor any Tauri app pays here):
//!
//! - launch → first view painted: from asking the driver for a window until
//!   the first view is up and worded (the floor: until its static page is
//!   there);
//! - open article → article painted: from submitting the address of a long
//!   page on the local server until its title and body are in the reader;
//! - memory: RSS and PSS summed over the app process and its WebKit
//!   processes, with that long article open (the floor: its static page).
//!
//! `cargo bench -p care-reader-app --bench app` (release build; it builds the
//! floor app in the same profile first). Needs what the end-to-end tests need
//! (Xvfb, tauri-driver, WebKitWebDriver) and the corpus for the long page.

// The end-to-end harness: Xvfb, tauri-driver, the local server, sessions.
// The bench uses only part of it.
#[path = "../tests/e2e/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

// RSS/PSS of the app and its WebKit processes (shared with the radio bench).
#[path = "memory/mod.rs"]
mod memory;
use memory::memory_of;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::{APP_BINARY, session::STEP_TIMEOUT};

/// Runs of each measurement; the table shows their median (and spread).
const RUNS: usize = 5;
/// A long real page: Wikipedia's "New Zealand" (1 MB of HTML).
const LONG_PAGE: &str = "/corpus/readability/wikipedia-2/";

const FLOOR_READY: &str = "return document.getElementById('ready') !== null;";

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
        let mut floor_launch = Vec::new();
        let mut open = Vec::new();
        let mut app_memory = Vec::new();
        let mut floor_memory = Vec::new();
        let long_page = ctx.url(LONG_PAGE);
        for run in 0..RUNS {
            let data = ctx.fresh_data_dir(&format!("run{run}"));
            let start = Instant::now();
            let app = ctx.launch(&data).await;
            app_launch.push(start.elapsed());
            app.go_home().await;
            let start = Instant::now();
            app.js(
                "const a = document.getElementById('address'); a.value = arguments[0]; \
                 document.getElementById('open-button').click(); return true;",
                vec![long_page.clone().into()],
            )
            .await;
            app.wait_js(
                "the long article to be painted",
                STEP_TIMEOUT * 3,
                "return !document.getElementById('view-reader').hidden \
                   && document.getElementById('article-title').textContent.trim() !== '' \
                   && document.querySelectorAll('#article-body p').length > 20;",
            )
            .await;
            open.push(start.elapsed());
            // Let the images and layout settle before reading memory.
            tokio::time::sleep(Duration::from_secs(2)).await;
            app_memory.push(memory_of("care-reader-app"));
            let _ = app.client.clone().close().await;

            let start = Instant::now();
            let bare = ctx
                .launch_binary(&floor.display().to_string(), &[], FLOOR_READY)
                .await;
            floor_launch.push(start.elapsed());
            tokio::time::sleep(Duration::from_secs(2)).await;
            floor_memory.push(memory_of("care-reader-floor"));
            let _ = bare.client.clone().close().await;
        }
        report(
            &app_launch,
            &floor_launch,
            &open,
            &app_memory,
            &floor_memory,
        );
    });
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
    let mut ms: Vec<f64> = v.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let mid = ms.get(ms.len() / 2).copied().unwrap_or(0.0);
    (
        mid,
        ms.first().copied().unwrap_or(0.0),
        ms.last().copied().unwrap_or(0.0),
    )
}

fn median_kib(v: &[(u64, u64)], pick: fn(&(u64, u64)) -> u64) -> f64 {
    let mut k: Vec<u64> = v.iter().map(pick).collect();
    k.sort_unstable();
    k.get(k.len() / 2).copied().unwrap_or(0) as f64 / 1024.0
}

fn report(
    app_launch: &[Duration],
    floor_launch: &[Duration],
    open: &[Duration],
    app_memory: &[(u64, u64)],
    floor_memory: &[(u64, u64)],
) {
    let (al, al_min, al_max) = median_ms(app_launch);
    let (fl, fl_min, fl_max) = median_ms(floor_launch);
    let (op, op_min, op_max) = median_ms(open);
    println!("\napp bench: {RUNS} runs each, medians (min–max)\n");
    println!(
        "{:<40} {:>22} {:>22} {:>7}",
        "", "Care Reader", "bare Tauri (floor)", "ratio"
    );
    println!(
        "{:<40} {:>9.0} ms ({:>4.0}–{:<4.0}) {:>9.0} ms ({:>4.0}–{:<4.0}) {:>6.2}x",
        "launch -> first view painted",
        al,
        al_min,
        al_max,
        fl,
        fl_min,
        fl_max,
        al / fl.max(1.0)
    );
    println!(
        "{:<40} {:>9.0} ms ({:>4.0}–{:<4.0})",
        "open long article -> painted", op, op_min, op_max
    );
    let (ar, fr) = (
        median_kib(app_memory, |m| m.0),
        median_kib(floor_memory, |m| m.0),
    );
    let (ap, fp) = (
        median_kib(app_memory, |m| m.1),
        median_kib(floor_memory, |m| m.1),
    );
    println!(
        "{:<40} {:>12.0} MiB {:>21.0} MiB {:>6.2}x",
        "RSS, all processes (long article open)",
        ar,
        fr,
        ar / fr.max(1.0)
    );
    println!(
        "{:<40} {:>12.0} MiB {:>21.0} MiB {:>6.2}x",
        "PSS, all processes (long article open)",
        ap,
        fp,
        ap / fp.max(1.0)
    );
}
