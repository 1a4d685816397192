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
//! A first app whose window is closing, or has closed while its process
//! still ends, answers "closing" instead: the second keeps trying the lock (for
//! [`HAND_OVER_WITHIN`]) and becomes the first once the ending one lets go.
//! Without this, reopening the app just after closing it handed the request
//! to a window that was gone, and nothing opened.
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
//! `LockFileEx` on Windows). The hand-over is a Unix domain socket on Linux
//! and macOS. On Windows, where std has no such socket, it is a TCP
//! listener on 127.0.0.1 (an ephemeral port, never another interface) whose
//! port and a random token are written to `instance.port` in the data
//! folder: a second launch must read that file — only someone who may open
//! the data folder can — and send the token before its request, so no other
//! user of the machine can make the window open anything.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reader_app::handover::{Handover, MAX_LINE};

/// The lock file in the data folder: whoever holds it is the one writer.
pub const LOCK_FILE: &str = "instance.lock";
/// The hand-over socket in the data folder (when its path is short enough).
pub const SOCKET_FILE: &str = "instance.sock";
/// Where the first app tells a second its loopback port and token (Windows).
pub const PORT_FILE: &str = "instance.port";
/// How long a second launch keeps trying to reach the first, or to take the
/// lock from a first that is ending: the first may have taken the lock a
/// moment before it listens.
pub const HAND_OVER_WITHIN: Duration = Duration::from_secs(5);
/// The pause between two attempts to lock or hand over.
const RETRY: Duration = Duration::from_millis(100);
/// How long one attempt waits for the first app's "ok": it answers from a
/// thread of its own as soon as it has read the request.
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

/// The lock and the hand-over listener of the first app.
#[derive(Debug)]
pub struct Primary {
    _lock: Option<File>,
    listener: Option<platform::Listener>,
    /// Set by [`Primary::closing`]: second launches are no longer taken.
    /// Shared with the thread that serves them.
    closing: Arc<AtomicBool>,
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

/// What both transports (the Unix socket, the loopback port) carry once
/// connected: one request line from the second launch, answered "ok".
///
/// Reads one request line, bounded one byte over the limit so that a line
/// too long is told apart.
fn read_request(reader: impl BufRead) -> io::Result<Handover> {
    let mut line = String::new();
    reader.take(MAX_LINE as u64 + 1).read_line(&mut line)?;
    Handover::from_line(&line).map_err(io::Error::other)
}

/// The first app took the request.
const TAKEN: &str = "ok";
/// The first app's window is closing and its process will end: wait for
/// the lock.
const CLOSING: &str = "closing";

/// Reads the first app's answer to a request: "ok", or the request was
/// not taken ("closing", or no answer).
fn read_answer(stream: impl Read) -> io::Result<()> {
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer)?;
    match answer.trim() {
        TAKEN => Ok(()),
        CLOSING => Err(io::Error::other("the running app is closing")),
        other => Err(io::Error::other(format!("unexpected answer {other:?}"))),
    }
}

/// Reads each connection with `receive` and, unless `closing` is set by
/// then, answers "ok" and calls `on_request` with what it sent. A caller
/// that sends garbage or goes silent is dropped; the next one is served.
fn serve_each<S>(
    incoming: impl Iterator<Item = io::Result<S>>,
    receive: impl Fn(&S) -> io::Result<Handover>,
    closing: &AtomicBool,
    on_request: impl Fn(Handover),
) where
    for<'a> &'a S: Write,
{
    for stream in incoming {
        let taken = stream.and_then(|stream| {
            let request = receive(&stream)?;
            if closing.load(Ordering::SeqCst) {
                let _ = (&stream).write_all(format!("{CLOSING}\n").as_bytes());
                return Err(io::Error::other("this window is closing"));
            }
            (&stream).write_all(format!("{TAKEN}\n").as_bytes())?;
            Ok(request)
        });
        match taken {
            Ok(request) => on_request(request),
            Err(e) => eprintln!("Care Reader: a second launch was not taken: {e}"),
        }
    }
}

#[cfg(unix)]
mod platform {
    use std::io::{self, BufReader, Write};
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::Path;
    use std::sync::atomic::AtomicBool;

    use reader_app::handover::Handover;

    use super::{ANSWER_WITHIN, read_answer, read_request, serve_each, socket_path};

    pub type Listener = UnixListener;

    /// Listens for second launches on `data_dir`'s socket.
    pub fn listen(data_dir: &Path) -> io::Result<Listener> {
        let path = socket_path(data_dir);
        bind(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }

    /// One attempt to hand `request` to the app listening on `data_dir`.
    pub fn hand_over(data_dir: &Path, request: &Handover) -> io::Result<()> {
        send(&socket_path(data_dir), request)
    }

    /// Calls `on_request` for each second launch that connects, until
    /// `closing`.
    pub fn serve(listener: Listener, closing: &AtomicBool, on_request: impl Fn(Handover)) {
        serve_each(listener.incoming(), receive, closing, on_request);
    }

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
        read_answer(stream)
    }

    /// Reads one request from `stream` (bounded in size and time) and
    /// leaves the answer to [`serve_each`].
    pub fn receive(stream: &UnixStream) -> io::Result<Handover> {
        stream.set_read_timeout(Some(ANSWER_WITHIN))?;
        stream.set_write_timeout(Some(ANSWER_WITHIN))?;
        read_request(BufReader::new(stream))
    }
}

/// The hand-over where std has no Unix domain sockets (Windows): TCP on
/// 127.0.0.1, its port and a token in [`PORT_FILE`]. Built on Unix too for
/// its tests, so the code Windows runs is tested here.
#[cfg(any(not(unix), test))]
mod loopback {
    use std::io::{self, BufRead, BufReader, Read, Write};
    use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
    use std::path::Path;
    use std::sync::atomic::AtomicBool;

    use reader_app::handover::Handover;

    use super::{ANSWER_WITHIN, PORT_FILE, read_answer, read_request, serve_each};

    /// Random bytes in a token: 128 bits, not guessable in any number of
    /// connections a second launch's lifetime allows.
    const TOKEN_BYTES: usize = 16;
    /// The token line: hex digits and a newline, and room for a CR.
    const TOKEN_LINE: usize = TOKEN_BYTES * 2 + 2;
    /// The port file is two short words; anything longer is not ours.
    const PORT_FILE_MAX: u64 = 128;

    /// The first app's listener and the token a caller must send.
    #[derive(Debug)]
    pub struct Listener {
        listener: TcpListener,
        token: String,
    }

    /// Listens on a free loopback port and writes it, with a new token, to
    /// the port file. The caller holds the lock, so a port file already
    /// there is a leftover of a process that ended: replaced. Written aside
    /// and renamed, so a second launch never reads half of it.
    pub fn listen(data_dir: &Path) -> io::Result<Listener> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let port = listener.local_addr()?.port();
        let token = new_token()?;
        let aside = data_dir.join(format!("{PORT_FILE}.{}", std::process::id()));
        std::fs::write(&aside, format!("{port} {token}\n"))?;
        std::fs::rename(&aside, data_dir.join(PORT_FILE))?;
        Ok(Listener { listener, token })
    }

    fn new_token() -> io::Result<String> {
        let mut bytes = [0u8; TOKEN_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
        Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// The port and token in a port file's text.
    fn parse(text: &str) -> Option<(u16, &str)> {
        let mut words = text.split_ascii_whitespace();
        let port = words.next()?.parse().ok().filter(|p| *p != 0)?;
        let token = words.next().filter(|t| t.len() == TOKEN_BYTES * 2)?;
        words.next().is_none().then_some((port, token))
    }

    /// One attempt to hand `request` to the app listening on `data_dir`.
    pub fn hand_over(data_dir: &Path, request: &Handover) -> io::Result<()> {
        let mut text = String::new();
        std::fs::File::open(data_dir.join(PORT_FILE))?
            .take(PORT_FILE_MAX)
            .read_to_string(&mut text)?;
        let (port, token) = parse(&text)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "not a port file of ours"))?;
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let mut stream = TcpStream::connect_timeout(&address, ANSWER_WITHIN)?;
        stream.set_read_timeout(Some(ANSWER_WITHIN))?;
        stream.set_write_timeout(Some(ANSWER_WITHIN))?;
        stream.write_all(format!("{token}\n{}", request.to_line()).as_bytes())?;
        read_answer(stream)
    }

    /// Calls `on_request` for each second launch that connects with the
    /// token, until `closing`.
    pub fn serve(listener: Listener, closing: &AtomicBool, on_request: impl Fn(Handover)) {
        serve_each(
            listener.listener.incoming(),
            |s| receive(s, &listener.token),
            closing,
            on_request,
        );
    }

    /// Reads the token line and one request (each bounded, in time too),
    /// leaving the answer to [`serve_each`]. A wrong token gets no answer.
    fn receive(stream: &TcpStream, token: &str) -> io::Result<Handover> {
        stream.set_read_timeout(Some(ANSWER_WITHIN))?;
        stream.set_write_timeout(Some(ANSWER_WITHIN))?;
        let mut reader = BufReader::new(stream);
        let mut sent = String::new();
        (&mut reader).take(TOKEN_LINE as u64).read_line(&mut sent)?;
        if !same(
            sent.trim_end_matches(['\n', '\r']).as_bytes(),
            token.as_bytes(),
        ) {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the caller did not know the token",
            ));
        }
        read_request(reader)
    }

    /// Equal, looking at every byte whatever the first difference: how long
    /// a refusal takes says nothing about the token.
    fn same(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).fold(0, |d, (x, y)| d | (x ^ y)) == 0
    }

    #[cfg(test)]
    mod tests {
        use std::sync::mpsc;
        use std::time::Duration;

        use super::*;

        fn temp(name: &str) -> std::path::PathBuf {
            let dir =
                std::env::temp_dir().join(format!("care-loopback-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
            dir
        }

        fn serving(dir: &Path) -> mpsc::Receiver<Handover> {
            serving_closed(dir, false)
        }

        fn serving_closed(dir: &Path, closing: bool) -> mpsc::Receiver<Handover> {
            let listener = listen(dir).unwrap_or_else(|e| panic!("listen: {e}"));
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || {
                serve(listener, &AtomicBool::new(closing), move |r| {
                    let _ = tx.send(r);
                });
            });
            rx
        }

        #[test]
        fn a_request_with_the_token_reaches_the_first() {
            let dir = temp("hand");
            let rx = serving(&dir);
            let request = Handover {
                open: Some("C:\\Users\\妈妈\\文章.html".into()),
            };
            hand_over(&dir, &request).unwrap_or_else(|e| panic!("hand over: {e}"));
            assert_eq!(rx.recv_timeout(Duration::from_secs(5)).ok(), Some(request));
            hand_over(&dir, &Handover::default()).unwrap_or_else(|e| panic!("again: {e}"));
            assert_eq!(
                rx.recv_timeout(Duration::from_secs(5)).ok(),
                Some(Handover::default())
            );
            let _ = std::fs::remove_dir_all(&dir);
        }

        #[test]
        fn a_closing_first_takes_nothing_and_says_so() {
            let dir = temp("closing");
            let rx = serving_closed(&dir, true);
            let refused = hand_over(&dir, &Handover::default());
            assert!(
                refused
                    .as_ref()
                    .is_err_and(|e| e.to_string().contains("closing")),
                "{refused:?}"
            );
            assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
            let _ = std::fs::remove_dir_all(&dir);
        }

        #[test]
        fn without_the_token_nothing_is_opened() {
            let dir = temp("token");
            let rx = serving(&dir);
            let text = std::fs::read_to_string(dir.join(PORT_FILE)).unwrap_or_default();
            let (port, token) = parse(&text).unwrap_or_else(|| panic!("port file {text:?}"));
            let wrong: String = token
                .chars()
                .map(|c| if c == '0' { '1' } else { '0' })
                .collect();
            for guess in [wrong.as_str(), "", "0"] {
                let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port))
                    .unwrap_or_else(|e| panic!("connect: {e}"));
                let line = format!("{guess}\n{}", Handover::default().to_line());
                let _ = stream.write_all(line.as_bytes());
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut answer = String::new();
                let _ = BufReader::new(stream).read_line(&mut answer);
                assert_eq!(answer, "", "a wrong token was answered");
            }
            assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
            // The rightful caller is still served afterwards.
            hand_over(&dir, &Handover::default()).unwrap_or_else(|e| panic!("{e}"));
            assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok());
            let _ = std::fs::remove_dir_all(&dir);
        }

        #[test]
        fn a_missing_stale_or_foreign_port_file_is_an_error_not_a_hang() {
            let dir = temp("stale");
            assert!(hand_over(&dir, &Handover::default()).is_err(), "no file");
            for text in ["", "hello", "0 00", "70000 aa", "12 short", "1 2 3"] {
                std::fs::write(dir.join(PORT_FILE), text).unwrap_or_else(|e| panic!("{e}"));
                let err = hand_over(&dir, &Handover::default()).err();
                assert_eq!(
                    err.map(|e| e.kind()),
                    Some(io::ErrorKind::InvalidData),
                    "{text:?}"
                );
            }
            // A port nobody listens on any more (the first app ended).
            let gone = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
                .and_then(|l| l.local_addr())
                .map(|a| a.port())
                .unwrap_or_else(|e| panic!("{e}"));
            let token = "0".repeat(TOKEN_BYTES * 2);
            std::fs::write(dir.join(PORT_FILE), format!("{gone} {token}\n"))
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(hand_over(&dir, &Handover::default()).is_err());
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

#[cfg(not(unix))]
use loopback as platform;

impl Primary {
    fn listen(lock: File, data_dir: &Path) -> Primary {
        let listener = platform::listen(data_dir)
            .inspect_err(|e| {
                eprintln!(
                    "Care Reader: no hand-over listener ({e}); a second launch will not reach \
                     this window"
                );
            })
            .ok();
        Primary {
            _lock: Some(lock),
            listener,
            closing: Arc::default(),
        }
    }

    /// The first app without a lock, when the data folder could not be
    /// locked ([`InstanceError::Lock`]): nothing to serve.
    pub fn unguarded() -> Primary {
        Primary {
            _lock: None,
            listener: None,
            closing: Arc::default(),
        }
    }

    /// The window is closing, and the process will end (which takes a
    /// moment: the UI saves, then the narrator, the store and WebKit shut
    /// down): from now on a second launch is told so, keeps trying the lock
    /// and opens its own window once this process has let go, instead of
    /// handing its request to a window that is going.
    pub fn closing(&self) {
        self.closing.store(true, Ordering::SeqCst);
    }

    /// Answers second launches on a thread of its own, calling `on_request`
    /// for each request read. Returns at once; the lock is kept by `self`,
    /// which the caller keeps alive.
    pub fn serve<F>(&mut self, on_request: F)
    where
        F: Fn(Handover) + Send + 'static,
    {
        if let Some(listener) = self.listener.take() {
            let closing = Arc::clone(&self.closing);
            std::thread::Builder::new()
                .name("care-instance".into())
                .spawn(move || platform::serve(listener, &closing, on_request))
                .map(|_| ())
                .unwrap_or_else(|e| eprintln!("Care Reader: no hand-over thread: {e}"));
        }
    }
}

/// One attempt to hand `request` to the app running on `data_dir`: `Ok`
/// once it took it; an error when it is closing ("the running app is
/// closing"), does not answer or is not there. What a second launch tries;
/// the e2e tests also ask it of a window that did not close.
pub fn ask(data_dir: &Path, request: &Handover) -> io::Result<()> {
    platform::hand_over(data_dir, request)
}

/// One attempt to hand `request` to the lock holder.
fn hand_over(data_dir: &Path, request: &Handover) -> io::Result<Claim> {
    ask(data_dir, request).map(|()| Claim::HandedOver)
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

    /// Reopening just after closing: the first's window is gone but its
    /// process still ends. The second waits for it and opens its own window
    /// (becomes the first) instead of handing its request to nothing.
    #[test]
    fn a_launch_while_the_first_is_ending_waits_and_becomes_the_first() {
        let dir = temp("ending");
        let (first, rx) = primary(&dir);
        first.closing();
        let ends = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(400));
            drop(first);
        });
        let request = Handover {
            open: Some("https://example.com/a".into()),
        };
        let started = Instant::now();
        match claim(&dir, &request) {
            Ok(Claim::Primary(_second)) => {}
            other => panic!("the second should become the first: {other:?}"),
        }
        assert!(
            started.elapsed() >= Duration::from_millis(300),
            "the second did not wait for the first to end"
        );
        assert!(rx.try_recv().is_err(), "the closing first took the request");
        let _ = ends.join();
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
