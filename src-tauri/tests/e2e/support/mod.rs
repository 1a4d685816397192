//! The harness for Care Reader's end-to-end tests: a display (Xvfb unless
//! `DISPLAY` is set), one `tauri-driver` for the whole test binary, a local
//! HTTP server, and one WebDriver session (one app process, one fresh data
//! folder) per scenario.
//!
//! Scenarios run one at a time (a global lock): they share the display and
//! the driver, and a window that takes focus must not steal key presses from
//! another.
//!
//! When the toolchain is missing (no tauri-driver, WebKitWebDriver or Xvfb),
//! a run with `CI=true` fails and names what is missing; any other run prints
//! a loud SKIPPED line and passes, so `cargo test` stays usable on a laptop
//! without the GUI test tools.

pub mod orca;
pub mod server;
pub mod session;

use std::future::Future;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

pub use session::{App, Ctx};

/// The binary under test, built by cargo for this test run.
pub const APP_BINARY: &str = env!("CARGO_BIN_EXE_care-reader-app");

/// In the log folder: what had to be tried again — a launch that did not
/// come up, an Alt+F4 that did not close — with what the first try left
/// (scripts/test prints it after the tests).
pub const RETRIES: &str = "retries.log";

/// The repository root (`src-tauri/..`).
pub fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.canonicalize().unwrap_or(root)
}

/// Cargo's target folder, found from the binary under test
/// (`<target>/<profile>/care-reader-app`), so `CARGO_TARGET_DIR` is honoured.
pub fn target_dir() -> PathBuf {
    Path::new(APP_BINARY)
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| repo_root().join("target"))
}

/// Where logs of the driver and the app go (kept after the run, for a failure).
pub fn log_dir() -> PathBuf {
    target_dir().join("e2e-logs")
}

fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Straight to stderr, past the test harness's capture: a skip must be seen.
fn shout(message: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "\n**********************************************************************\n\
         {message}\n\
         **********************************************************************"
    );
    let _ = err.flush();
}

/// A prerequisite is missing: fails under `CI=true`, else skips loudly.
/// Returns normally only when the caller should skip.
pub fn skip_or_fail(test: &str, missing: &str) {
    if is_ci() {
        panic!(
            "{test}: cannot run the end-to-end tests: {missing}. CI=true, so this is a \
             failure; scripts/test installs the tools (xvfb xauth webkit2gtk-driver \
             fonts-noto-cjk, `cargo install tauri-driver --locked --version '^2'`, \
             `npm ci --prefix tests/axe`)."
        );
    }
    shout(&format!(
        "SKIPPED: {test}: {missing}.\n(set CI=true to make this a failure)"
    ));
}

pub use care_reader_tests::find_program;

/// A port nobody listens on right now (bound and released; the tiny race
/// with another process is acceptable for a test).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("the loopback interface should hand out a free port")
}

/// Processes we started, ended by PID (tauri-driver with SIGTERM so it takes
/// WebKitWebDriver down with it; SIGKILL leaves that holding its port).
pub struct Spawned {
    pub name: &'static str,
    pub child: Child,
}

impl Drop for Spawned {
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("e2e: {} (pid {pid}) ignored SIGTERM; killing it", self.name);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Everything shared by the scenarios of one test binary.
pub struct Harness {
    pub server: server::Server,
    pub driver_url: String,
    /// The X display the app windows are on (for xdotool).
    pub display: String,
    // Dropped in reverse order of start: driver first, then the display.
    processes: Mutex<Vec<Spawned>>,
}

impl Drop for Harness {
    fn drop(&mut self) {
        let mut processes = self.processes.lock().unwrap_or_else(|p| p.into_inner());
        while let Some(p) = processes.pop() {
            drop(p);
        }
    }
}

/// The screen the scenarios run on: 1366×768, the commonest cheap laptop's,
/// so a window that does not fit it fails here first.
pub const SCREEN: &str = "1366x768x24";

/// Starts Xvfb on a [`SCREEN`] with `-displayfd` (it picks a free display and
/// tells us which), so parallel test runs on one machine never fight over `:99`.
///
/// With `-noreset`: by default Xvfb resets itself whenever its last client
/// leaves, and a client that connects during the reset is dropped. An app
/// started just as the one before it let go (the bench does this fifteen
/// times a run) then failed in GTK's start-up ("Failed to initialize GTK",
/// in tauri-driver.log) and WebKitWebDriver waited for its window forever:
/// the launches that "did not come up within 60 s". Three shells connecting
/// and leaving in a loop show it: 43 of 900 connections refused with the
/// reset, none without.
pub fn start_xvfb(xvfb: &Path) -> Result<(Spawned, String), String> {
    start_xvfb_sized(xvfb, SCREEN)
}

/// [`start_xvfb`] with another screen (`WIDTHxHEIGHTxDEPTH`).
pub fn start_xvfb_sized(xvfb: &Path, screen: &str) -> Result<(Spawned, String), String> {
    let mut child = Command::new(xvfb)
        .args([
            "-displayfd",
            "1",
            "-noreset",
            "-screen",
            "0",
            screen,
            "-nolisten",
            "tcp",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start Xvfb: {e}"))?;
    let stdout = child.stdout.take();
    let spawned = Spawned {
        name: "Xvfb",
        child,
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        if let Some(out) = stdout {
            let _ = BufReader::new(out).read_line(&mut line);
        }
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(15))
        .map_err(|_| "Xvfb did not report its display within 15 s".to_owned())?;
    let number = line.trim();
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("Xvfb reported no display number ({line:?})"));
    }
    Ok((spawned, format!(":{number}")))
}

/// A watchdog that ends our helpers by PID once this test process is gone.
/// Rust never drops statics, and the harness lives in one (one driver for the
/// whole binary), so without it Xvfb and tauri-driver would outlive the run.
fn watch_over(pids: &[u32]) {
    let me = std::process::id();
    let list = pids
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    let script = format!(
        "while kill -0 {me} 2>/dev/null; do sleep 0.3; done; \
         for p in {list}; do kill -TERM $p 2>/dev/null; sleep 0.5; done"
    );
    let _ = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}

pub fn wait_for_port(port: u16, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// Whether tauri-driver (`port`) and the WebKitWebDriver it starts
/// (`native_port`) both listen within 15 s each. tauri-driver listens at
/// once and starts WebKitWebDriver beside it; a session asked for before
/// that one listens fails ("did not respond").
pub fn drivers_listening(port: u16, native_port: u16) -> bool {
    wait_for_port(port, Duration::from_secs(15))
        && wait_for_port(native_port, Duration::from_secs(15))
}

/// Why the harness could not start, split by whether the machine simply lacks
/// the tools (skip, or fail under CI) or they are there but broken (always fail).
enum Unavailable {
    Missing(String),
    Broken(String),
}

fn start_harness() -> Result<Harness, Unavailable> {
    let driver = find_program("tauri-driver").ok_or_else(|| {
        Unavailable::Missing(
            "tauri-driver not found (cargo install tauri-driver --locked --version '^2')".into(),
        )
    })?;
    let native = find_program("WebKitWebDriver").ok_or_else(|| {
        Unavailable::Missing("WebKitWebDriver not found (apt-get install webkit2gtk-driver)".into())
    })?;
    let display_set = std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty());
    let xvfb = if display_set {
        None
    } else {
        Some(find_program("Xvfb").ok_or_else(|| {
            Unavailable::Missing(
                "Xvfb not found and DISPLAY is not set (apt-get install xvfb xauth)".into(),
            )
        })?)
    };

    let mut processes = Vec::new();
    let display = match xvfb {
        Some(xvfb) => {
            let (spawned, display) = start_xvfb(&xvfb).map_err(Unavailable::Broken)?;
            processes.push(spawned);
            display
        }
        None => std::env::var("DISPLAY").unwrap_or_default(),
    };

    std::fs::create_dir_all(log_dir()).map_err(|e| Unavailable::Broken(e.to_string()))?;
    let _ = std::fs::remove_file(log_dir().join(RETRIES));
    let log = std::fs::File::create(log_dir().join("tauri-driver.log"))
        .map_err(|e| Unavailable::Broken(format!("driver log: {e}")))?;
    let log_err = log
        .try_clone()
        .map_err(|e| Unavailable::Broken(e.to_string()))?;
    let port = free_port();
    let native_port = free_port();
    let child = Command::new(&driver)
        .args(["--port", &port.to_string()])
        .args(["--native-port", &native_port.to_string()])
        .arg("--native-driver")
        .arg(&native)
        // The app inherits this environment through WebKitWebDriver.
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .env("GDK_BACKEND", "x11")
        // The app must reach our server directly, whatever proxy the host uses.
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        // A Chinese desktop: the app's first-run language follows the OS.
        .env("LANG", "zh_CN.UTF-8")
        .env("LANGUAGE", "zh_CN:zh")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_err)
        .spawn()
        .map_err(|e| Unavailable::Broken(format!("could not start tauri-driver: {e}")))?;
    processes.push(Spawned {
        name: "tauri-driver",
        child,
    });
    watch_over(&processes.iter().map(|p| p.child.id()).collect::<Vec<_>>());
    if !drivers_listening(port, native_port) {
        return Err(Unavailable::Broken(format!(
            "tauri-driver and WebKitWebDriver did not listen on ports {port} and {native_port} within 15 s (see {})",
            log_dir().join("tauri-driver.log").display()
        )));
    }

    let corpus = care_reader_tests::corpus::corpus_path();
    let corpus = corpus.is_dir().then_some(corpus);
    let server = server::Server::start(corpus)
        .map_err(|e| Unavailable::Broken(format!("test HTTP server: {e}")))?;
    Ok(Harness {
        server,
        driver_url: format!("http://127.0.0.1:{port}"),
        display,
        processes: Mutex::new(processes),
    })
}

static HARNESS: OnceLock<Result<Harness, Unavailable>> = OnceLock::new();
static SERIAL: Mutex<()> = Mutex::new(());

/// The shared harness, started by the first scenario. `None` means skip.
fn harness(test: &str) -> Option<&'static Harness> {
    match HARNESS.get_or_init(start_harness) {
        Ok(h) => Some(h),
        Err(Unavailable::Missing(what)) => {
            skip_or_fail(test, what);
            None
        }
        Err(Unavailable::Broken(what)) => panic!("{test}: end-to-end harness: {what}"),
    }
}

/// The lock every scenario holds while it runs: they share the machine's
/// two cores, and a window that takes focus must not steal another's keys.
pub fn serial() -> MutexGuard<'static, ()> {
    // A scenario that failed poisons the lock; the next one must still run.
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

static RUN: AtomicUsize = AtomicUsize::new(0);

/// Runs one scenario: takes the global lock, starts the harness if needed,
/// runs `body` on a tokio runtime, then closes every app session it opened —
/// also when it panicked, so a failure never leaves a window behind — and
/// finally re-raises the panic.
pub fn scenario<F, Fut>(name: &'static str, body: F)
where
    F: FnOnce(Ctx) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let _serial = serial();
    let Some(harness) = harness(name) else {
        return;
    };
    let scratch = std::env::temp_dir().join(format!(
        "care-reader-e2e-{}-{}-{name}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("the temp folder should be writable");
    let sessions = Arc::new(Mutex::new(Vec::new()));
    let ctx = Ctx::new(harness, name, scratch.clone(), Arc::clone(&sessions));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime for the WebDriver client");
    let started = Instant::now();
    let outcome = runtime.block_on(async move {
        let outcome = tokio::spawn(body(ctx)).await;
        session::close_all(&sessions).await;
        outcome
    });
    eprintln!("e2e: {name}: {:.1} s", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(&scratch);
    if let Err(e) = outcome {
        match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("{name}: scenario task ended without finishing: {e}"),
        }
    }
}

/// A data folder set up for listening like a radio, as a family would:
/// auto-read on at `speed`, English, the colours chosen, and one news source
/// (`feed`, named `title`). The radio scenarios and the radio bench start
/// from it.
pub fn radio_data(data: &Path, feed: &str, title: &str, speed: f32) {
    let (store, _) = reader_store::Store::open_in(data).expect("store");
    store
        .save_settings(&reader_settings::Settings {
            auto_read: true,
            speech_rate: speed,
            ui_lang: Some("en-US".into()),
            theme_chosen: true,
            ..reader_settings::Settings::default()
        })
        .expect("settings");
    store.add_source(feed, title, None).expect("source");
}

/// A start script in `dir` that runs the app with `env` added (tauri-driver
/// starts every app with its own environment): a scaled desktop, another
/// display, the sound of an audio rig.
pub fn start_script(dir: &Path, name: &str, env: &[(&str, &str)]) -> PathBuf {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let exports: String = env
        .iter()
        .map(|(k, v)| format!("export {k}={}\n", quote(v)))
        .collect();
    let script = dir.join(name);
    let text = format!("#!/bin/sh\n{exports}exec {} \"$@\"\n", quote(APP_BINARY));
    std::fs::write(&script, text).expect("the start script should be writable");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("the start script should be executable");
    }
    script
}

/// A start script that runs the app with `rig`'s sound (its runtime folder
/// and sink), as the narrator's scenarios and the radio bench start it.
pub fn audio_start_script(dir: &Path, rig: &care_reader_tests::audio::AudioRig) -> PathBuf {
    let runtime = rig.runtime_dir().display().to_string();
    start_script(
        dir,
        "care-reader-with-audio",
        &[
            ("XDG_RUNTIME_DIR", &runtime),
            ("PULSE_SINK", "ci"),
            ("LC_ALL", "C.UTF-8"),
        ],
    )
}
