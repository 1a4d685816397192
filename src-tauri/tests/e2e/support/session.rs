//! One app window driven over WebDriver, and the small vocabulary the
//! scenarios are written in: views, waits, clicks, key presses, settings.
//!
//! Waits poll the DOM with a deadline instead of sleeping: the debug build
//! opens a corpus page in well under a second on a quiet machine but several
//! on a busy CI box, and a fixed sleep is either flaky or slow.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::{Capabilities, TimeoutConfiguration};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use super::{APP_BINARY, Harness, log_dir};

/// How long an article may take to open (fetch + extract in a debug build).
pub const OPEN_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a plain UI step may take (a click, a view change, a setting).
pub const STEP_TIMEOUT: Duration = Duration::from_secs(10);

/// What a scenario gets: the harness, a scratch folder, and a way to start
/// the app.
pub struct Ctx {
    pub harness: &'static Harness,
    pub name: &'static str,
    scratch: PathBuf,
    sessions: Arc<Mutex<Vec<Client>>>,
    launches: usize,
    /// Another driver than the harness's (the Orca desktop has its own).
    driver: Option<String>,
}

impl Ctx {
    pub(super) fn new(
        harness: &'static Harness,
        name: &'static str,
        scratch: PathBuf,
        sessions: Arc<Mutex<Vec<Client>>>,
    ) -> Ctx {
        Ctx {
            harness,
            name,
            scratch,
            sessions,
            launches: 0,
            driver: None,
        }
    }

    /// Starts the apps of this scenario through the driver at `url` (one
    /// that runs in another desktop) instead of the harness's.
    pub fn use_driver(&mut self, url: &str) {
        self.driver = Some(url.to_owned());
    }

    /// The scenario's scratch folder (removed when it ends).
    pub fn scratch(&self) -> &Path {
        &self.scratch
    }

    /// A new, empty data folder for the app's store.
    pub fn fresh_data_dir(&self, label: &str) -> PathBuf {
        let dir = self.scratch.join(format!("data-{label}"));
        std::fs::create_dir_all(&dir).expect("the scratch folder should be writable");
        dir
    }

    /// A URL on the test server.
    pub fn url(&self, path: &str) -> String {
        self.harness.server.url(path)
    }

    /// Starts the app on `data_dir` (one WebDriver session = one app process)
    /// and waits until its first view is up and worded.
    pub async fn launch(&mut self, data_dir: &Path) -> App {
        self.launch_binary(
            APP_BINARY,
            &["--data-dir".to_owned(), data_dir.display().to_string()],
            // Started = one view showing, strings applied (the home heading
            // is worded even while another view is on top).
            "const v = [...document.querySelectorAll('main > .view')].filter(e => !e.hidden); \
             return v.length === 1 && v[0].id !== 'view-loading' \
               && document.getElementById('home-title').textContent.trim() !== '';",
        )
        .await
    }

    /// Starts `binary` with `args` through the driver and waits until the
    /// script `ready` returns true (the benchmarks also start a bare Tauri
    /// window this way).
    pub async fn launch_binary(&mut self, binary: &str, args: &[String], ready: &str) -> App {
        self.launches += 1;
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert(
            "tauri:options".into(),
            json!({
                "application": binary,
                "args": args,
            }),
        );
        // A webview that never comes up would otherwise hang the whole run.
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps);
        let driver_url = self.driver.as_deref().unwrap_or(&self.harness.driver_url);
        // A launch that never comes up is ended and tried once more, and
        // what it left is written to retries.log (scripts/test shows
        // it). Two causes were found and fixed: a launch handed to an app
        // on the same data folder that was still ending (src/instance.rs),
        // and Xvfb's reset dropping a launch that connected just as the
        // last window left (GTK failed to start; start_xvfb now passes
        // -noreset).
        let mut stuck: Vec<String> = Vec::new();
        let client = loop {
            let connect = builder.connect(driver_url);
            match tokio::time::timeout(OPEN_TIMEOUT * 2, connect).await {
                Ok(Ok(client)) => break client,
                Ok(Err(e)) => panic!(
                    "{}: could not start the app through tauri-driver: {e} (driver log: {})",
                    self.name,
                    log_dir().join("tauri-driver.log").display()
                ),
                Err(_) => {
                    let pids = app_processes(binary, args);
                    let evidence = launch_evidence(&pids);
                    for pid in &pids {
                        let _ = std::process::Command::new("kill")
                            .args(["-KILL", &pid.to_string()])
                            .status();
                    }
                    stuck.push(evidence);
                    if stuck.len() == 2 {
                        panic!(
                            "{}: the app window did not come up within {:?}, twice (driver log: {})\n{}",
                            self.name,
                            OPEN_TIMEOUT * 2,
                            log_dir().join("tauri-driver.log").display(),
                            stuck.join("\n--- the second launch ---\n")
                        );
                    }
                    let what = format!(
                        "the app window did not come up within {:?}; started again",
                        OPEN_TIMEOUT * 2
                    );
                    note_retry(self.name, &what, &stuck[0]);
                }
            }
        };
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(client.clone());
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(60)),
                None,
                Some(Duration::ZERO),
            ))
            .await
            .expect("the driver should accept script timeouts");
        let app = App {
            client,
            name: self.name,
        };
        // Watched from inside the page every 5 ms, so the moment the first
        // view is up is not rounded up to the next 100 ms poll (the app
        // bench times launches this way); the polling wait names what is
        // missing if it never comes.
        let in_page = format!(
            "const done = arguments[0]; \
             const ready = () => {{ try {{ {ready} }} catch (e) {{ return false; }} }}; \
             const give_up = setTimeout(() => {{ clearInterval(tick); done(false); }}, {}); \
             const tick = setInterval(() => {{ \
               if (ready()) {{ clearInterval(tick); clearTimeout(give_up); done(true); }} \
             }}, 5);",
            OPEN_TIMEOUT.as_millis()
        );
        let up = app.client.execute_async(&in_page, vec![]).await;
        if !matches!(up, Ok(Value::Bool(true))) {
            app.wait_js(
                "the app to start and show its first view",
                OPEN_TIMEOUT,
                ready,
            )
            .await;
        }
        app
    }
}

/// The processes started from `binary` with exactly `args`.
fn app_processes(binary: &str, args: &[String]) -> Vec<u32> {
    let mut wanted: Vec<u8> = Vec::new();
    for part in std::iter::once(binary).chain(args.iter().map(String::as_str)) {
        wanted.extend_from_slice(part.as_bytes());
        wanted.push(0);
    }
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let pid = e.file_name().to_str()?.parse().ok()?;
            let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
            (cmdline == wanted).then_some(pid)
        })
        .collect()
}

/// What a launch that never came up leaves to look at: each of its
/// processes' state, what it waits in, and its threads' stacks when gdb is
/// installed.
fn launch_evidence(pids: &[u32]) -> String {
    let mut out = String::new();
    for pid in pids {
        let dir = Path::new("/proc").join(pid.to_string());
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
        let state = read("status")
            .lines()
            .filter(|l| l.starts_with("State:") || l.starts_with("Threads:"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&format!(
            "app process {pid}: {state}, waiting in {}\n",
            read("wchan")
        ));
        let stacks = std::process::Command::new("gdb")
            .args([
                "-batch",
                "-p",
                &pid.to_string(),
                "-ex",
                "thread apply all bt 12",
            ])
            .output();
        match stacks {
            Ok(o) => out.push_str(&String::from_utf8_lossy(&o.stdout)),
            Err(e) => out.push_str(&format!("(no stacks: gdb: {e})\n")),
        }
    }
    if out.is_empty() {
        out.push_str("no app process is running: it never started or has already ended\n");
    }
    out
}

/// What the app started on `data_dir` leaves to look at when it stops doing
/// what it was asked (a window that does not close): the same as a stuck
/// launch's.
pub(crate) fn app_evidence(data_dir: &Path) -> String {
    let args = ["--data-dir".to_owned(), data_dir.display().to_string()];
    launch_evidence(&app_processes(super::APP_BINARY, &args))
}

/// Adds what had to be tried again (`what`) and what the first try left to
/// `retries.log`.
pub(crate) fn note_retry(scenario: &str, what: &str, evidence: &str) {
    use std::io::Write;
    let path = log_dir().join(super::RETRIES);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path);
    if let Ok(mut file) = file {
        let _ = writeln!(file, "{scenario}: {what}\n{evidence}");
    }
    eprintln!("e2e: {scenario}: {what}, see {}", path.display());
}

/// Ends every session still open (the app processes go with them).
pub(super) async fn close_all(sessions: &Mutex<Vec<Client>>) {
    let open: Vec<Client> = sessions
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .drain(..)
        .collect();
    for client in open {
        let _ = tokio::time::timeout(Duration::from_secs(15), client.close()).await;
    }
}

/// One running app window.
#[derive(Clone)]
pub struct App {
    pub client: Client,
    name: &'static str,
}

impl App {
    /// Runs `script` (a function body: use `return`) in the window.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("{}: script failed: {e}\n{script}", self.name))
    }

    /// Runs an asynchronous script; it gets a callback as its last argument.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute_async(script, args)
            .await
            .unwrap_or_else(|e| panic!("{}: async script failed: {e}", self.name))
    }

    /// Polls `script` until it returns something truthy; returns that value.
    /// Panics naming `what` (and the visible view) when `timeout` passes.
    pub async fn wait_js(&self, what: &str, timeout: Duration, script: &str) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            // A script can fail while the page is still loading; that is
            // "not yet", not an error.
            let value = self.client.execute(script, vec![]).await.ok();
            if let Some(v) = value.filter(truthy) {
                return v;
            }
            if Instant::now() > deadline {
                let view = self.visible_view().await;
                let evidence = self.failure_evidence().await;
                panic!(
                    "{}: timed out after {timeout:?} waiting for {what} (visible view: {view}; {evidence})",
                    self.name
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The one visible view (`home`, `reader`, ...), or a description of what
    /// is wrong.
    pub async fn visible_view(&self) -> String {
        let v = self
            .client
            .execute(
                "return [...document.querySelectorAll('main > .view')].filter(e => !e.hidden).map(e => e.id);",
                vec![],
            )
            .await;
        match v {
            Ok(Value::Array(ids)) if ids.len() == 1 => ids[0]
                .as_str()
                .unwrap_or_default()
                .trim_start_matches("view-")
                .to_owned(),
            Ok(other) => format!("(not exactly one view visible: {other})"),
            Err(e) => format!("(could not ask: {e})"),
        }
    }

    /// What a failed wait leaves to look at: the focused element, the
    /// scroll position and a screenshot of the window as it was.
    async fn failure_evidence(&self) -> String {
        let state = self
            .client
            .execute(
                "const a = document.activeElement; \
                 return `focus: ${a ? a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') : 'none'}, \
                 scrolled to ${Math.round(scrollY)} px`;",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "the page did not answer".to_owned());
        let shot = match self.save_screenshot(&format!("FAILED-{}", self.name)).await {
            Ok(path) => path.display().to_string(),
            Err(e) => format!("none ({e})"),
        };
        format!("{state}; screenshot: {shot}")
    }

    /// Waits until `view` is the visible one.
    pub async fn wait_view(&self, view: &str, timeout: Duration) {
        // The reader: with all of its article built (a long one shows its
        // first screenful first, its body aria-busy until the rest is in).
        let complete = if view == "reader" {
            " && !document.getElementById('article-body').hasAttribute('aria-busy')"
        } else {
            ""
        };
        let script = format!(
            "const v = [...document.querySelectorAll('main > .view')].filter(e => !e.hidden); \
             return v.length === 1 && v[0].id === 'view-{view}'{complete};"
        );
        self.wait_js(&format!("view-{view} to show"), timeout, &script)
            .await;
    }

    /// Clicks the element with `id` as a user would (WebDriver element click:
    /// scrolled into view, hit-tested).
    pub async fn click(&self, id: &str) {
        self.click_css(&format!("#{id}")).await;
    }

    pub async fn click_css(&self, css: &str) {
        let el = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{}: no element {css}: {e}", self.name));
        el.click()
            .await
            .unwrap_or_else(|e| panic!("{}: could not click {css}: {e}", self.name));
    }

    /// Clicks the label of a settings radio (`name` = theme|lang), the target
    /// a mouse user hits, and waits until the radio is checked.
    pub async fn choose_radio(&self, name: &str, value: &str) {
        let xpath = format!("//input[@name='{name}'][@value='{value}']/ancestor::label[1]");
        let label = self
            .client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("{}: no label for {name}={value}: {e}", self.name));
        label
            .click()
            .await
            .unwrap_or_else(|e| panic!("{}: could not click {name}={value}: {e}", self.name));
        self.wait_js(
            &format!("radio {name}={value} to be checked"),
            STEP_TIMEOUT,
            &format!(
                "return document.querySelector(\"input[name={name}][value='{value}']\").checked;"
            ),
        )
        .await;
    }

    /// Text content of the element with `id` (whitespace as in the DOM).
    pub async fn text_of(&self, id: &str) -> String {
        self.js(
            "const e = document.getElementById(arguments[0]); return e ? e.textContent : null;",
            vec![json!(id)],
        )
        .await
        .as_str()
        .unwrap_or_else(|| panic!("{}: no element #{id}", self.name))
        .to_owned()
    }

    /// Presses keys through WebDriver key actions (real key events, as a
    /// keyboard user makes them). Each `char` is a key: letters, or
    /// `fantoccini::key::Key` values for Enter, Tab, Escape, ...
    pub async fn keys(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for &k in keys {
            actions = actions
                .then(KeyAction::Down { value: k })
                .then(KeyAction::Up { value: k });
        }
        self.perform(actions).await;
    }

    /// Holds `modifier` while pressing `key` (e.g. Ctrl+L).
    pub async fn chord(&self, modifier: Key, key: char) {
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down {
                value: modifier.into(),
            })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up {
                value: modifier.into(),
            });
        self.perform(actions).await;
    }

    /// Types `text` key by key.
    pub async fn type_text(&self, text: &str) {
        self.keys(&text.chars().collect::<Vec<_>>()).await;
    }

    async fn perform(&self, actions: KeyActions) {
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("{}: key actions failed: {e}", self.name));
        let _ = self.client.release_actions().await;
    }

    /// The id (or a description) of the focused element.
    pub async fn focused(&self) -> String {
        self.js(
            "const e = document.activeElement; if (!e) return ''; \
             if (e.id) return '#' + e.id; \
             if (e.closest('#recent-list')) return 'recent-item'; \
             return e.tagName.toLowerCase();",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Calls a shell command from inside the window, as the UI would (test
    /// introspection only: reading settings to compare them).
    pub async fn invoke(&self, command: &str, args: Value) -> Value {
        let result = self
            .js_async(
                "const [cmd, args, done] = arguments; \
                 window.__TAURI__.core.invoke(cmd, args) \
                   .then(v => done({ ok: v }), e => done({ err: e }));",
                vec![json!(command), args],
            )
            .await;
        match result.get("ok") {
            Some(v) => v.clone(),
            None => panic!("{}: {command} failed: {result}", self.name),
        }
    }

    pub async fn settings(&self) -> Value {
        self.invoke("get_settings", json!({})).await
    }

    /// Back to Home the way a reader would: Back/Escape until Home shows.
    pub async fn go_home(&self) {
        for _ in 0..4 {
            if self.visible_view().await == "home" {
                break;
            }
            self.keys(&[Key::Escape.into()]).await;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.wait_view("home", STEP_TIMEOUT).await;
    }

    /// Types `source` into the address box and presses Enter; waits until the
    /// loading view has given way to `expect_view` (reader or error).
    pub async fn open(&self, source: &str, expect_view: &str) {
        self.go_home().await;
        let address = self
            .client
            .find(Locator::Id("address"))
            .await
            .unwrap_or_else(|e| panic!("{}: no #address: {e}", self.name));
        address.clear().await.expect("the address box should clear");
        address
            .send_keys(&format!("{source}{}", char::from(Key::Enter)))
            .await
            .unwrap_or_else(|e| panic!("{}: could not type into #address: {e}", self.name));
        self.wait_view(expect_view, OPEN_TIMEOUT).await;
    }

    /// Saves a WebDriver screenshot as `<target>/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.save_screenshot(name)
            .await
            .unwrap_or_else(|e| panic!("{}: screenshot {name} failed: {e}", self.name))
    }

    /// The window as `target/screenshots/<name>.png`, or why it could not be
    /// taken or saved.
    pub(crate) async fn save_screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let png = self.client.screenshot().await.map_err(|e| e.to_string())?;
        let dir = super::target_dir().join("screenshots");
        let path = dir.join(format!("{name}.png"));
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, png))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}
