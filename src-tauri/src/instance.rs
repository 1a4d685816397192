//! One app, one writer: a second launch on the same data folder hands what it
//! was asked to open to the window already running there, and exits.
//!
//! ```text
//! first launch                          second launch (same data folder)
//! lock <data>/instance.lock   ✓         lock <data>/instance.lock   ✗ (held)
//! listen on <data>/instance.sock        connect, send {"open": …}\n
//!   → bring the window forward,         ← "ok\n"
//!     open the address                  exit 0, the store never opened
//! ```
//!
//! Why our own mechanism and not `tauri-plugin-single-instance`: the plugin
//! keys on the app identifier (a D-Bus name on Linux), while Care Reader's
//! writer is per *store*: tests, and a family member with a second profile,
//! run several apps on different `--data-dir` folders, and those must all
//! run. On Linux the plugin also needs a session bus; without one (a kiosk
//! session, our Xvfb test runs) it silently lets every launch through. Here
//! the guarantee is an OS file lock on a file next to the store, released by
//! the kernel when the process ends however it ends (no stale lock after a
//! crash), and the hand-over is a Unix domain socket beside it, reachable
//! only by whoever may open the data folder.
//!
//! Platforms: the lock is `std::fs::File::try_lock` (flock on Unix,
//! `LockFileEx` on Windows). The socket exists on Unix only; elsewhere a
//! second launch finds the lock held and, having no way to hand over,
//! returns [`Claim::Primary`] without one and starts as before (a second
//! writer, as the app did before this module; SQLite's own locking keeps
//! the file itself sound).

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use reader_app::handover::Handover;

/// The lock file in the data folder: whoever holds it is the one writer.
pub const LOCK_FILE: &str = "instance.lock";
/// The hand-over socket in the data folder (when its path is short enough).
pub const SOCKET_FILE: &str = "instance.sock";
/// How long a second launch keeps trying to reach the first, or to take the
/// lock from a first that is ending: the first may have taken the lock a
/// moment before it listens.
pub const HAND_OVER_WITHIN: Duration = Duration::from_secs(5);
/// The pause between two attempts to lock or hand over.
const RETRY: Duration = Duration::from_millis(100);
/// How long one attempt waits for the first app's "ok": it answers from a
/// thread of its own as soon as it has read the request.
#[cfg(unix)]
const ANSWER_WITHIN: Duration = Duration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum InstanceError {
    /// The data folder or its lock file could not be made or locked (a
    /// read-only folder): the app starts without the single-instance guard.
    #[error("could not take the lock in {path}: {source}")]
    Lock { path: PathBuf, source: io::Error },
    /// Another process holds the lock but did not take the request.
    #[error("Care Reader is already running on {path} but did not answer: {source}")]
    NoAnswer { path: PathBuf, source: io::Error },
}

impl InstanceError {
    /// A stable id, for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            InstanceError::Lock { .. } => "instance-lock",
            InstanceError::NoAnswer { .. } => "instance-no-answer",
        }
    }
}

/// The outcome of [`claim`].
#[derive(Debug)]
pub enum Claim {
    /// We are the first: keep this (it holds the lock) for the life of the
    /// process and [`Primary::serve`] second launches.
    Primary(Primary),
    /// The first app took the request; this process should exit.
    HandedOver,
}

/// The lock (and, on Unix, the listening socket) of the first app.
#[derive(Debug)]
pub struct Primary {
    _lock: Option<File>,
    #[cfg(unix)]
    listener: Option<std::os::unix::net::UnixListener>,
}

/// Claims `data_dir` for this process, or hands `request` to the process
/// that already has it. Creates the folder if needed.
pub fn claim(data_dir: &Path, request: &Handover) -> Result<Claim, InstanceError> {
    claim_within(data_dir, request, HAND_OVER_WITHIN)
}

/// [`claim`], giving up on a silent lock holder after `within`. While the
/// lock is held and the hand-over fails, it tries the lock again: a first
/// app that is just ending (closed, killed) lets go of both at once, and
/// then this launch is the first.
fn claim_within(
    data_dir: &Path,
    request: &Handover,
    within: Duration,
) -> Result<Claim, InstanceError> {
    let lock_err = |source| InstanceError::Lock {
        path: data_dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(data_dir).map_err(lock_err)?;
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join(LOCK_FILE))
        .map_err(lock_err)?;
    let deadline = Instant::now() + within;
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(Claim::Primary(Primary::listen(lock, data_dir))),
            Err(TryLockError::Error(e)) => return Err(lock_err(e)),
            Err(TryLockError::WouldBlock) => {}
        }
        match hand_over(data_dir, request) {
            Ok(claim) => return Ok(claim),
            Err(source) if Instant::now() >= deadline => {
                return Err(InstanceError::NoAnswer {
                    path: data_dir.to_path_buf(),
                    source,
                });
            }
            // The first may have locked a moment before it listens.
            Err(_) => std::thread::sleep(RETRY),
        }
    }
}

/// Where the socket for `data_dir` lives: in the folder when the path fits
/// a socket address (`sun_path` holds 108 bytes on Linux, 104 on macOS);
/// otherwise in the user's runtime folder (`XDG_RUNTIME_DIR`, private to
/// the user) or, lacking one, the shared temp folder, named after a hash of
/// the data folder. Beside the store, the socket is as private as the
/// store: connecting needs write permission on it.
pub fn socket_path(data_dir: &Path) -> PathBuf {
    /// Below both platforms' limit, with the terminating NUL.
    const SOCKET_PATH_MAX: usize = 100;
    let data_dir = data_dir
        .canonicalize()
        .unwrap_or_else(|_| data_dir.to_path_buf());
    let beside = data_dir.join(SOCKET_FILE);
    if beside.as_os_str().len() <= SOCKET_PATH_MAX {
        return beside;
    }
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_absolute() && d.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    runtime.join(format!(
        "care-reader-{:016x}.sock",
        fnv1a(data_dir.as_os_str().as_encoded_bytes())
    ))
}

/// FNV-1a, 64 bits: a hash that is the same in every build (std's hasher
/// is not promised to be), so two versions of the app agree on the name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(unix)]
mod platform {
    use std::io::{self, BufRead, BufReader, Read, Write};
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::Path;

    use reader_app::handover::{Handover, MAX_LINE};

    use super::ANSWER_WITHIN;

    /// Binds the socket. The caller holds the lock, so a file already at
    /// the path is a leftover of a process that ended: removed.
    pub fn bind(path: &Path) -> io::Result<UnixListener> {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        UnixListener::bind(path)
    }

    /// Sends `request` and waits for the first app's "ok" (one attempt).
    pub fn send(path: &Path, request: &Handover) -> io::Result<()> {
        let mut stream = UnixStream::connect(path)?;
        stream.set_read_timeout(Some(ANSWER_WITHIN))?;
        stream.set_write_timeout(Some(ANSWER_WITHIN))?;
        stream.write_all(request.to_line().as_bytes())?;
        let mut answer = String::new();
        BufReader::new(stream).read_line(&mut answer)?;
        if answer.trim() == "ok" {
            Ok(())
        } else {
            Err(io::Error::other(format!("unexpected answer {answer:?}")))
        }
    }

    /// Reads one request from `stream` (bounded in size and time) and
    /// answers "ok" once it is read.
    pub fn receive(stream: UnixStream) -> io::Result<Handover> {
        stream.set_read_timeout(Some(ANSWER_WITHIN))?;
        stream.set_write_timeout(Some(ANSWER_WITHIN))?;
        let mut line = String::new();
        // One byte over the limit, so a line too long is told apart.
        BufReader::new((&stream).take(MAX_LINE as u64 + 1)).read_line(&mut line)?;
        let request = Handover::from_line(&line).map_err(io::Error::other)?;
        (&stream).write_all(b"ok\n")?;
        Ok(request)
    }
}

impl Primary {
    fn listen(lock: File, data_dir: &Path) -> Primary {
        #[cfg(unix)]
        {
            let path = socket_path(data_dir);
            let listener = platform::bind(&path)
                .inspect_err(|e| {
                    eprintln!(
                        "Care Reader: no hand-over socket at {} ({e}); a second launch will \
                         not reach this window",
                        path.display()
                    );
                })
                .ok();
            Primary {
                _lock: Some(lock),
                listener,
            }
        }
        #[cfg(not(unix))]
        {
            let _ = data_dir;
            Primary { _lock: Some(lock) }
        }
    }

    /// The first app without a lock, when the data folder could not be
    /// locked ([`InstanceError::Lock`]): nothing to serve.
    pub fn unguarded() -> Primary {
        Primary {
            _lock: None,
            #[cfg(unix)]
            listener: None,
        }
    }

    /// Answers second launches on a thread of its own, calling `on_request`
    /// for each request read. Returns at once; the lock is kept by `self`,
    /// which the caller keeps alive.
    pub fn serve<F>(&mut self, on_request: F)
    where
        F: Fn(Handover) + Send + 'static,
    {
        #[cfg(unix)]
        if let Some(listener) = self.listener.take() {
            std::thread::Builder::new()
                .name("care-instance".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        // A caller that sends garbage or goes silent is
                        // dropped; the next one is served.
                        match stream.and_then(platform::receive) {
                            Ok(request) => on_request(request),
                            Err(e) => eprintln!("Care Reader: a second launch was not read: {e}"),
                        }
                    }
                })
                .map(|_| ())
                .unwrap_or_else(|e| eprintln!("Care Reader: no hand-over thread: {e}"));
        }
        #[cfg(not(unix))]
        let _ = on_request;
    }
}

/// One attempt to hand `request` to the lock holder. Without a socket
/// (not Unix) there is nobody to hand to: this launch starts unguarded.
fn hand_over(data_dir: &Path, request: &Handover) -> io::Result<Claim> {
    #[cfg(unix)]
    {
        platform::send(&socket_path(data_dir), request).map(|()| Claim::HandedOver)
    }
    #[cfg(not(unix))]
    {
        let _ = (data_dir, request);
        Ok(Claim::Primary(Primary::unguarded()))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::sync::mpsc;

    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("care-instance-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn primary(dir: &Path) -> (Primary, mpsc::Receiver<Handover>) {
        let mut first = match claim(dir, &Handover::default()) {
            Ok(Claim::Primary(p)) => p,
            other => panic!("the first claim on {} should win: {other:?}", dir.display()),
        };
        let (tx, rx) = mpsc::channel();
        first.serve(move |r| {
            let _ = tx.send(r);
        });
        (first, rx)
    }

    #[test]
    fn a_second_claim_hands_its_address_to_the_first() {
        let dir = temp("hand");
        let (_first, rx) = primary(&dir);
        let request = Handover {
            open: Some("https://example.com/银杏".into()),
        };
        match claim(&dir, &request) {
            Ok(Claim::HandedOver) => {}
            other => panic!("the second claim should hand over: {other:?}"),
        }
        let got = rx
            .recv_timeout(Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("the first did not get the request: {e}"));
        assert_eq!(got, request);
        // No address: the first is just called forward.
        assert!(matches!(
            claim(&dir, &Handover::default()),
            Ok(Claim::HandedOver)
        ));
        assert_eq!(
            rx.recv_timeout(Duration::from_secs(5)).ok(),
            Some(Handover::default())
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn another_data_folder_is_another_app() {
        let (a, b) = (temp("a"), temp("b"));
        let (_first, _rx) = primary(&a);
        let (_other, _rx_b) = primary(&b);
        let _ = std::fs::remove_dir_all(&a);
        let _ = std::fs::remove_dir_all(&b);
    }

    #[test]
    fn a_leftover_socket_and_a_released_lock_are_taken_over() {
        let dir = temp("stale");
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.join(SOCKET_FILE), b"left by a crash").unwrap_or_else(|e| panic!("{e}"));
        {
            let (_first, _rx) = primary(&dir);
        }
        // The first is gone (its lock released): the next launch is first.
        let (_second, rx) = primary(&dir);
        assert!(matches!(
            claim(&dir, &Handover::default()),
            Ok(Claim::HandedOver)
        ));
        assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_lock_held_without_an_answer_is_reported() {
        let dir = temp("silent");
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let held = File::create(dir.join(LOCK_FILE)).unwrap_or_else(|e| panic!("{e}"));
        held.lock().unwrap_or_else(|e| panic!("{e}"));
        let err = claim_within(&dir, &Handover::default(), Duration::from_millis(500))
            .err()
            .unwrap_or_else(|| panic!("nobody answers, yet the claim succeeded"));
        assert_eq!(err.code(), "instance-no-answer");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_long_data_folder_gets_a_short_socket_path() {
        let short = Path::new("/tmp/care/data");
        assert_eq!(socket_path(short), short.join(SOCKET_FILE));
        let long = PathBuf::from(format!("/tmp/{}", "深".repeat(60)));
        let path = socket_path(&long);
        assert!(path.as_os_str().len() <= 100, "{}", path.display());
        assert_eq!(path, socket_path(&long), "the same folder, the same socket");
        assert_ne!(path, socket_path(&long.join("x")));
    }
}
