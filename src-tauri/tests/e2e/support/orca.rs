//! A desktop with a real screen reader for the Orca scenarios (`orca.rs`):
//! its own Xvfb display and window manager, a private D-Bus session with the
//! AT-SPI bus, a PulseAudio null sink for speech to go to (without a sink
//! speech-dispatcher never finishes an utterance and Orca falls silent after
//! its first few), Orca with a debug log, and a `tauri-driver` whose apps
//! inherit all of that.
//!
//! What Orca said is read back from its debug log (`SPEECH OUTPUT: '...'`
//! lines). Orca 43 writes that log through a block buffer; the desktop runs
//! a copy of `/usr/bin/orca` whose log is opened line-buffered instead, so
//! the scenarios can wait for an utterance rather than sleep.
//!
//! Keys go in through the X server (xdotool), so Orca hears them the way it
//! hears a keyboard; WebDriver is used only to look at the page (which view
//! shows, what is focused) and to take screenshots.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Spawned, drivers_listening, find_program, free_port, log_dir, start_xvfb};

/// How long Orca may take to come up and say "Screen reader on".
const ORCA_START: Duration = Duration::from_secs(40);

/// One thing Orca said, with the time it said it (since the log began).
#[derive(Debug, Clone)]
pub struct Utterance {
    /// Seconds since midnight on Orca's clock (the log's own time stamps).
    pub at: f64,
    pub text: String,
}

/// A position in what Orca has said: "everything after here".
#[derive(Debug, Clone, Copy)]
pub struct Mark(usize);

/// The running desktop; everything in it ends, by PID, when it is dropped.
pub struct Desktop {
    pub display: String,
    pub driver_url: String,
    orca_log: PathBuf,
    /// Where Orca's log is kept after the run (the scratch folder goes).
    kept_log: PathBuf,
    runtime_dir: PathBuf,
    // Dropped last-started first.
    processes: Vec<Spawned>,
}

/// Why the desktop could not start: the machine lacks a tool (the test
/// skips, or fails under CI, naming it), or a tool is there but failed
/// (always a failure).
#[derive(Debug)]
pub enum Unavailable {
    Missing(String),
    Broken(String),
}

fn need(program: &str, package: &str) -> Result<PathBuf, Unavailable> {
    find_program(program).ok_or_else(|| {
        Unavailable::Missing(format!("{program} not found (apt-get install {package})"))
    })
}

fn libexec(program: &str, package: &str) -> Result<PathBuf, Unavailable> {
    let path = Path::new("/usr/libexec").join(program);
    if path.exists() {
        return Ok(path);
    }
    need(program, package)
}

impl Desktop {
    /// Starts the desktop in `scratch`; the apps it starts take the desktop
    /// language `lang` (e.g. `en_US.UTF-8`, `zh_CN.UTF-8`), Orca itself runs
    /// in English (C.UTF-8: its role names are English in both scenarios).
    pub fn start(scratch: &Path, lang: &str) -> Result<Desktop, Unavailable> {
        let xvfb = need("Xvfb", "xvfb")?;
        let dbus_daemon = need("dbus-daemon", "dbus")?;
        let dbus_send = need("dbus-send", "dbus")?;
        let pulseaudio = need("pulseaudio", "pulseaudio")?;
        let pactl = need("pactl", "pulseaudio-utils")?;
        let openbox = need("openbox", "openbox")?;
        need("xdotool", "xdotool")?;
        let bus_launcher = libexec("at-spi-bus-launcher", "at-spi2-core")?;
        let orca = need("orca", "orca")?;
        let driver = need(
            "tauri-driver",
            "cargo install tauri-driver --locked --version '^2'",
        )?;
        let native = need("WebKitWebDriver", "webkit2gtk-driver")?;
        let python = Path::new("/usr/bin/python3");
        if !python.exists() {
            return Err(Unavailable::Missing(
                "/usr/bin/python3 not found (Orca runs on it)".into(),
            ));
        }

        let broken = Unavailable::Broken;
        let runtime_dir = scratch.join("xdg");
        let home = scratch.join("home");
        for dir in [&runtime_dir, &home] {
            std::fs::create_dir_all(dir).map_err(|e| broken(format!("{}: {e}", dir.display())))?;
        }
        set_private(&runtime_dir);
        let orca_log = scratch.join("orca-debug.txt");
        let mut desktop = Desktop {
            display: String::new(),
            driver_url: String::new(),
            orca_log: orca_log.clone(),
            kept_log: log_dir().join(format!("orca-{lang}.log")),
            runtime_dir: runtime_dir.clone(),
            processes: Vec::new(),
        };

        let (x, display) = start_xvfb(&xvfb).map_err(broken)?;
        desktop.processes.push(x);
        desktop.display = display.clone();

        // The private session bus: every process below talks on it.
        let mut bus = Command::new(&dbus_daemon)
            .args(["--session", "--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| broken(format!("dbus-daemon: {e}")))?;
        let mut address = String::new();
        if let Some(out) = bus.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut address);
        }
        let address = address.trim().to_owned();
        desktop.processes.push(Spawned {
            name: "dbus-daemon",
            child: bus,
        });
        if address.is_empty() {
            return Err(broken("dbus-daemon printed no address".into()));
        }

        let env: Vec<(&str, String)> = vec![
            ("DISPLAY", display.clone()),
            ("DBUS_SESSION_BUS_ADDRESS", address),
            ("XDG_RUNTIME_DIR", runtime_dir.display().to_string()),
            ("HOME", home.display().to_string()),
            ("PULSE_SINK", "ci".into()),
            ("TZ", "UTC".into()),
            ("GDK_BACKEND", "x11".into()),
            ("GTK_MODULES", "gail:atk-bridge".into()),
            ("NO_PROXY", "127.0.0.1,localhost".into()),
            ("no_proxy", "127.0.0.1,localhost".into()),
            // speech-dispatcher exits under a locale that is not installed.
            ("LANG", "C.UTF-8".into()),
            ("LC_ALL", "C.UTF-8".into()),
        ];
        let command = |program: &Path| {
            let mut c = Command::new(program);
            c.envs(env.iter().map(|(k, v)| (*k, v.as_str())))
                .env_remove("NO_AT_BRIDGE")
                .env_remove("GTK_A11Y")
                .env_remove("WAYLAND_DISPLAY")
                .stdin(Stdio::null());
            c
        };
        let quiet = |mut c: Command| {
            c.stdout(Stdio::null()).stderr(Stdio::null());
            c
        };
        let spawn = |desktop: &mut Desktop, name: &'static str, mut c: Command| {
            let child = c.spawn().map_err(|e| broken(format!("{name}: {e}")))?;
            desktop.processes.push(Spawned { name, child });
            Ok::<(), Unavailable>(())
        };

        // The sink speech goes to.
        let mut pulse = quiet(command(&pulseaudio));
        pulse.args([
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--system=false",
            "-n",
            "--load=module-native-protocol-unix",
            "--load=module-null-sink sink_name=ci",
        ]);
        spawn(&mut desktop, "pulseaudio", pulse)?;
        wait_until("the PulseAudio null sink", Duration::from_secs(15), || {
            quiet(command(&pactl))
                .arg("info")
                .status()
                .is_ok_and(|s| s.success())
        })
        .map_err(broken)?;

        let mut launcher = quiet(command(&bus_launcher));
        launcher.arg("--launch-immediately");
        spawn(&mut desktop, "at-spi-bus-launcher", launcher)?;
        wait_until("the AT-SPI bus", Duration::from_secs(15), || {
            quiet(command(&dbus_send))
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.a11y.Bus",
                    "/org/a11y/bus",
                    "org.a11y.Bus.GetAddress",
                ])
                .status()
                .is_ok_and(|s| s.success())
        })
        .map_err(broken)?;

        spawn(&mut desktop, "openbox", quiet(command(&openbox)))?;

        // Orca, its log opened line by line (see the module's comment).
        let orca_copy = scratch.join("orca");
        line_buffered_orca(&orca, &orca_copy).map_err(broken)?;
        let prefs = scratch.join("orca-prefs");
        std::fs::create_dir_all(&prefs).map_err(|e| broken(e.to_string()))?;
        let orca_out =
            std::fs::File::create(scratch.join("orca.out")).map_err(|e| broken(e.to_string()))?;
        let mut orca_cmd = command(python);
        orca_cmd
            .arg(&orca_copy)
            .arg("--replace")
            .arg("-u")
            .arg(&prefs)
            .arg(format!("--debug-file={}", orca_log.display()))
            .stdout(orca_out.try_clone().map_err(|e| broken(e.to_string()))?)
            .stderr(orca_out);
        spawn(&mut desktop, "orca", orca_cmd)?;
        let started = Instant::now();
        while !desktop.said_any(Mark(0), |t| !t.is_empty()) {
            if started.elapsed() > ORCA_START {
                return Err(broken(format!(
                    "Orca said nothing within {ORCA_START:?} (its log: {})",
                    orca_log.display()
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }

        // The driver: the app inherits this desktop, in the language asked for.
        let port = free_port();
        let native_port = free_port();
        let driver_log =
            std::fs::File::create(log_dir().join(format!("tauri-driver-orca-{lang}.log")))
                .map_err(|e| broken(e.to_string()))?;
        let mut driver_cmd = command(&driver);
        driver_cmd
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .arg("--native-driver")
            .arg(&native)
            .env("LANG", lang)
            .env("LANGUAGE", lang.split('.').next().unwrap_or(lang))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdout(driver_log.try_clone().map_err(|e| broken(e.to_string()))?)
            .stderr(driver_log);
        spawn(&mut desktop, "tauri-driver", driver_cmd)?;
        if !drivers_listening(port, native_port) {
            return Err(broken(format!(
                "tauri-driver and WebKitWebDriver did not listen on {port} and {native_port}"
            )));
        }
        desktop.driver_url = format!("http://127.0.0.1:{port}");
        Ok(desktop)
    }

    /// Everything Orca has said so far.
    pub fn spoken(&self) -> Vec<Utterance> {
        let text = std::fs::read(&self.orca_log).unwrap_or_default();
        parse_speech(&String::from_utf8_lossy(&text))
    }

    /// Here, in what Orca has said.
    pub fn mark(&self) -> Mark {
        Mark(self.spoken().len())
    }

    /// What Orca said after `mark`.
    pub fn since(&self, mark: Mark) -> Vec<Utterance> {
        self.spoken().into_iter().skip(mark.0).collect()
    }

    fn said_any(&self, mark: Mark, pred: impl Fn(&str) -> bool) -> bool {
        self.since(mark).iter().any(|u| pred(&u.text))
    }

    /// Waits until Orca says something that `pred` accepts after `mark`;
    /// returns it, or `Err` with everything said since (for the failure).
    pub async fn wait_said(
        &self,
        mark: Mark,
        within: Duration,
        pred: impl Fn(&str) -> bool,
    ) -> Result<Utterance, Vec<Utterance>> {
        let said = self
            .wait_until(mark, within, |said| said.iter().any(|u| pred(&u.text)))
            .await?;
        said.into_iter()
            .find(|u| pred(&u.text))
            .ok_or_else(Vec::new)
    }

    /// Waits until everything Orca said after `mark`, taken together,
    /// satisfies `done` (at most `within`); returns it either way, `Err`
    /// when time ran out.
    pub async fn wait_until(
        &self,
        mark: Mark,
        within: Duration,
        done: impl Fn(&[Utterance]) -> bool,
    ) -> Result<Vec<Utterance>, Vec<Utterance>> {
        let deadline = Instant::now() + within;
        loop {
            let said = self.since(mark);
            if done(&said) {
                return Ok(said);
            }
            if Instant::now() > deadline {
                return Err(said);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until Orca has been quiet for `quiet` (at most `within`), so the
    /// next key's speech is not mixed with the last one's.
    pub async fn settle(&self, quiet: Duration, within: Duration) {
        let deadline = Instant::now() + within;
        let mut count = self.spoken().len();
        let mut since = Instant::now();
        while Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let now = self.spoken().len();
            if now != count {
                count = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return;
            }
        }
    }

    /// Presses `keys` (xdotool names: `Tab`, `ctrl+l`, `Return`) in the
    /// active window.
    pub fn key(&self, keys: &str) {
        self.xdotool(&["key", "--clearmodifiers", keys]);
    }

    /// Raises and focuses the app's window, as a click on it would.
    pub fn activate_app(&self) {
        self.xdotool(&[
            "search",
            "--sync",
            "--onlyvisible",
            "--class",
            "care-reader",
            "windowactivate",
            "--sync",
        ]);
    }

    fn xdotool(&self, args: &[&str]) {
        let status = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status();
        assert!(
            status.as_ref().is_ok_and(|s| s.success()),
            "xdotool {args:?} failed: {status:?}"
        );
    }

    /// Where Orca's log will be after the run, for a failure message.
    pub fn log_path(&self) -> &Path {
        &self.kept_log
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        // speech-dispatcher was started by Orca's first word and outlives
        // the session: end it by the PID it left in our runtime folder.
        let pids = self.runtime_dir.join("speech-dispatcher/pid");
        if let Ok(entries) = std::fs::read_dir(&pids) {
            for entry in entries.flatten() {
                if let Ok(pid) = std::fs::read_to_string(entry.path()) {
                    let pid = pid.trim();
                    if !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()) {
                        let _ = Command::new("kill").args(["-TERM", pid]).status();
                    }
                }
            }
        }
        // Orca takes seconds over SIGTERM, and has nothing to save here.
        for p in self.processes.iter_mut().filter(|p| p.name == "orca") {
            let _ = p.child.kill();
            let _ = p.child.wait();
        }
        while let Some(p) = self.processes.pop() {
            drop(p);
        }
        let _ = std::fs::copy(&self.orca_log, &self.kept_log);
    }
}

/// The `SPEECH OUTPUT: '...'` lines of an Orca 43 debug log, in order.
/// A line is `HH:MM:SS.micro - SPEECH OUTPUT: 'TEXT' {...}`; TEXT may itself
/// hold quotes, so it ends at the quote before the trailing `{...}`.
pub fn parse_speech(log: &str) -> Vec<Utterance> {
    const TAG: &str = " - SPEECH OUTPUT: '";
    log.lines()
        .filter_map(|line| {
            let at = line.find(TAG)?;
            let rest = &line[at + TAG.len()..];
            // The speech's properties follow the text: `{'established': False}`.
            let text = rest.rfind("{'").map_or(rest, |i| &rest[..i]).trim_end();
            let text = text.strip_suffix('\'').unwrap_or(text);
            Some(Utterance {
                at: seconds_of_day(&line[..at]).unwrap_or(0.0),
                text: text.trim().to_owned(),
            })
        })
        .collect()
}

fn seconds_of_day(stamp: &str) -> Option<f64> {
    let mut parts = stamp.trim().split(':');
    let h: f64 = parts.next()?.parse().ok()?;
    let m: f64 = parts.next()?.parse().ok()?;
    let s: f64 = parts.next()?.parse().ok()?;
    Some(h * 3600.0 + m * 60.0 + s)
}

/// Writes a copy of Orca's launcher whose debug log is line-buffered.
fn line_buffered_orca(orca: &Path, copy: &Path) -> Result<(), String> {
    const OPEN: &str = "open(args.debug_file, 'w')";
    let source = std::fs::read_to_string(orca).map_err(|e| format!("{}: {e}", orca.display()))?;
    if !source.contains(OPEN) {
        return Err(format!(
            "{} no longer opens its debug file with {OPEN}: this Orca is not the one the \
             scenarios were written for (43)",
            orca.display()
        ));
    }
    let patched = source.replacen(OPEN, "open(args.debug_file, 'w', buffering=1)", 1);
    std::fs::write(copy, patched).map_err(|e| format!("{}: {e}", copy.display()))
}

fn set_private(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
}

fn wait_until(what: &str, within: Duration, mut ready: impl FnMut() -> bool) -> Result<(), String> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("{what} was not ready within {within:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_lines_are_read_with_their_quotes_and_times() {
        let log = "10:00:01.500000 - SPEECH OUTPUT: 'Screen reader on.'{'established': False}\n\
                   10:00:02.000000 - some other line\n\
                   10:00:02.500000 - SPEECH OUTPUT: 'tab ' {'established': False}\n\
                   10:00:03.250000 - SPEECH OUTPUT: 'It's 关怀阅读 · Care Reader'{'established': False}\n";
        let said = parse_speech(log);
        assert_eq!(said.len(), 3);
        assert_eq!(said[0].text, "Screen reader on.");
        assert_eq!(said[1].text, "tab");
        assert_eq!(said[2].text, "It's 关怀阅读 · Care Reader");
        assert!((said[2].at - 36003.25).abs() < 1e-6);
    }
}
