//! Real sound in tests: a private PulseAudio with a null sink, a recorder on
//! its monitor, and sox to measure what was recorded (PLATFORM.md).
//!
//! Each rig has its own `XDG_RUNTIME_DIR`, so the speech-dispatcher that a
//! program under test starts is private to the rig too (its socket and pid
//! file live there) and plays into the null sink. Programs under test get
//! the rig's environment with [`AudioRig::env`].

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The tools a rig needs, checked before starting one.
const TOOLS: &[&str] = &[
    "pulseaudio",
    "pactl",
    "parecord",
    "sox",
    "speech-dispatcher",
];

pub struct AudioRig {
    dir: PathBuf,
    pulse: Child,
}

/// A recording in progress.
pub struct Recording {
    child: Child,
    pub path: PathBuf,
}

impl AudioRig {
    /// Starts PulseAudio with a null sink named `ci`. When the tools are
    /// missing: in CI (`CI` set) that is a failure of the set-up script, so
    /// it panics; elsewhere it says so loudly and returns `None`.
    pub fn start(test: &str) -> Option<AudioRig> {
        let missing: Vec<&str> = TOOLS
            .iter()
            .copied()
            .filter(|t| crate::find_program(t).is_none())
            .collect();
        if !missing.is_empty() {
            let message = format!(
                "{test}: SKIPPED: missing {missing:?} (scripts/setup --tests installs them)"
            );
            assert!(std::env::var_os("CI").is_none(), "{message}");
            eprintln!("{message}");
            return None;
        }
        static RIGS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = RIGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("care-reader-audio-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("make the runtime dir");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
                .expect("chmod 700 the runtime dir");
        }
        let pulse = Command::new("pulseaudio")
            .args([
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--system=false",
                "-n",
                "--load=module-native-protocol-unix",
                "--load=module-null-sink sink_name=ci",
            ])
            .env("XDG_RUNTIME_DIR", &dir)
            .env("HOME", &dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start pulseaudio");
        let rig = AudioRig { dir, pulse };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let mut info = Command::new("pactl");
            rig.env(&mut info);
            let ready = info
                .arg("info")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ready {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "pulseaudio did not start within 10 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Some(rig)
    }

    /// Points `command` at this rig's sound server and speech service.
    pub fn env<'a>(&self, command: &'a mut Command) -> &'a mut Command {
        command
            .env("XDG_RUNTIME_DIR", &self.dir)
            .env("PULSE_SINK", "ci")
    }

    pub fn runtime_dir(&self) -> &Path {
        &self.dir
    }

    /// Starts recording the null sink into `name` (a WAV file in the rig's dir).
    pub fn record(&self, name: &str) -> Recording {
        let path = self.dir.join(name);
        let mut parecord = Command::new("parecord");
        self.env(&mut parecord);
        let child = parecord
            .args(["-d", "ci.monitor", "--file-format=wav"])
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start parecord");
        // parecord needs a moment to connect before sound is sent.
        std::thread::sleep(Duration::from_millis(300));
        Recording { child, path }
    }
}

impl Recording {
    /// Stops the recorder (SIGINT, so it finishes the WAV header) and
    /// returns the file.
    pub fn stop(mut self) -> PathBuf {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return self.path.clone();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.path.clone()
    }
}

/// What sox says about a recording.
#[derive(Debug, Clone, Copy)]
pub struct SoundStats {
    pub seconds: f64,
    /// RMS amplitude, 0..1; above 0.01 is real sound, silence is 0.
    pub rms: f64,
}

/// `sox FILE -n stat`: the length and RMS amplitude of a recording.
pub fn sound_stats(path: &Path) -> SoundStats {
    let out = Command::new("sox")
        .arg(path)
        .args(["-n", "stat"])
        .output()
        .expect("run sox");
    // sox writes its statistics to standard error.
    let text = String::from_utf8_lossy(&out.stderr);
    let field = |name: &str| -> f64 {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.rsplit(':').next())
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("sox stat has no {name:?}:\n{text}"))
    };
    SoundStats {
        seconds: field("Length (seconds)"),
        rms: field("RMS     amplitude"),
    }
}

impl Drop for AudioRig {
    fn drop(&mut self) {
        // The speech-dispatcher a test started under this runtime dir.
        let pid_dir = self.dir.join("speech-dispatcher/pid");
        if let Ok(entries) = std::fs::read_dir(&pid_dir) {
            for entry in entries.flatten() {
                if let Ok(pid) = std::fs::read_to_string(entry.path()) {
                    let _ = Command::new("kill").arg(pid.trim()).status();
                }
            }
        }
        let _ = self.pulse.kill();
        let _ = self.pulse.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
