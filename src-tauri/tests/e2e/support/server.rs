//! A small HTTP server on 127.0.0.1 for the pages the app opens in the
//! end-to-end tests: corpus pages, our own fixtures, a GBK page, a photo (also
//! held back, as a slow connection brings it), a directory listing, and a 404
//! for anything else.
//!
//! It is deliberately plain (std sockets, one thread per connection,
//! `Connection: close`): the app's fetcher is what is under test, and a
//! server we can read in one sitting cannot surprise it. Every request path is
//! logged so a test can prove that something (a meta refresh, an iframe) was
//! never asked for.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use care_reader_tests::corpus::Case;

/// How long `/late/` holds a picture back: long enough for a test to look
/// at the page before it arrives, even on a loaded machine.
pub const LATE_BY: Duration = Duration::from_secs(4);

/// Where the hand-written pages live (`tests/fixtures/app`).
pub fn fixture_dir() -> PathBuf {
    super::repo_root().join("tests/fixtures/app")
}

pub struct Server {
    base: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Binds a free port and serves until the test process ends (the accept
    /// thread is detached: nothing outlives the process).
    pub fn start(corpus: Option<PathBuf>) -> io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let base = format!("http://{}", listener.local_addr()?);
        let log = Arc::new(Mutex::new(Vec::new()));
        let routes = Arc::new(Routes { corpus });
        let thread_log = Arc::clone(&log);
        thread::Builder::new()
            .name("e2e-http".into())
            .spawn(move || {
                for stream in listener.incoming().flatten() {
                    let routes = Arc::clone(&routes);
                    let log = Arc::clone(&thread_log);
                    thread::spawn(move || {
                        // A client that hangs up early is not our problem.
                        let _ = serve(stream, &routes, &log);
                    });
                }
            })?;
        Ok(Server { base, log })
    }

    /// The full URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A point in the request log: scenarios share the server, so each
    /// looks only at what was asked for after its own mark.
    pub fn mark(&self) -> usize {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// The paths requested since `mark` that start with `prefix`.
    pub fn requests_since(&self, mark: usize, prefix: &str) -> Vec<String> {
        self.log
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .skip(mark)
            .filter(|p| p.starts_with(prefix))
            .cloned()
            .collect()
    }
}

struct Routes {
    corpus: Option<PathBuf>,
}

struct Reply {
    status: &'static str,
    content_type: String,
    body: Vec<u8>,
}

impl Reply {
    fn ok(content_type: &str, body: Vec<u8>) -> Reply {
        Reply {
            status: "200 OK",
            content_type: content_type.to_owned(),
            body,
        }
    }

    fn not_found() -> Reply {
        Reply {
            status: "404 Not Found",
            content_type: "text/plain; charset=utf-8".into(),
            body: b"not found".to_vec(),
        }
    }
}

fn serve(stream: TcpStream, routes: &Routes, log: &Mutex<Vec<String>>) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Headers are read and ignored: no route depends on them.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    log.lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(path.clone());
    let reply = routes.reply(&path);
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    )?;
    if method != "HEAD" {
        out.write_all(&reply.body)?;
    }
    out.flush()
}

/// A path segment we are willing to join onto a folder (no `..`, no `/`).
fn safe_segment(s: &str) -> Option<&str> {
    let ok = !s.is_empty()
        && !s.starts_with('.')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    ok.then_some(s)
}

impl Routes {
    fn reply(&self, path: &str) -> Reply {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            // A corpus page, decompressed, as UTF-8 (the corpus stores every
            // page re-encoded to UTF-8; see its README).
            ["corpus", source, case, ..] => {
                match (
                    self.corpus.as_deref(),
                    safe_segment(source),
                    safe_segment(case),
                ) {
                    (Some(root), Some(source), Some(case)) => corpus_page(root, source, case),
                    _ => Reply::not_found(),
                }
            }
            // Our fixtures; under `/late/` held back first, as pictures
            // arrive on a slow connection.
            [folder @ ("app" | "late"), file] => {
                if *folder == "late" {
                    thread::sleep(LATE_BY);
                }
                match safe_segment(file) {
                    Some(file) => fixture(file),
                    None => Reply::not_found(),
                }
            }
            // A web server's listing of a folder, where a folder's address
            // leads (`/reading/`): a list of files, not an article.
            ["reading", ""] => fixture("listing.html"),
            // The NetEase fixture in GBK with no charset inside the page: only
            // the HTTP header says GBK, as many Chinese portals still do.
            ["gbk", "netease.html"] => match gbk_page() {
                Ok(bytes) => Reply::ok("text/html; charset=GBK", bytes),
                Err(e) => Reply {
                    status: "500 Internal Server Error",
                    content_type: "text/plain; charset=utf-8".into(),
                    body: format!("GBK fixture: {e}").into_bytes(),
                },
            },
            // Things a hostile page points at. Served (so a leak would
            // "work"), logged, and asserted never to be asked for.
            ["trap", ..] => Reply::ok(
                "text/html; charset=utf-8",
                b"<!DOCTYPE html><title>PWNED trap</title><p id=pwned-trap>trap".to_vec(),
            ),
            _ => Reply::not_found(),
        }
    }
}

fn corpus_page(root: &Path, source: &str, case: &str) -> Reply {
    let case = Case {
        source: source.to_owned(),
        name: case.to_owned(),
        dir: root.join(source).join(case),
        meta: serde_json::Value::Null,
        expected: None,
    };
    match case.html_bytes() {
        Ok(bytes) => Reply::ok("text/html; charset=utf-8", bytes),
        Err(_) => Reply::not_found(),
    }
}

fn fixture(file: &str) -> Reply {
    let content_type = match Path::new(file).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("png") => "image/png",
        _ => return Reply::not_found(),
    };
    match std::fs::read(fixture_dir().join(file)) {
        Ok(bytes) => Reply::ok(content_type, bytes),
        Err(_) => Reply::not_found(),
    }
}

/// The GBK bytes of the team's NetEase fixture (built from the UTF-8 page, so
/// the two cannot drift apart).
pub fn gbk_page() -> io::Result<Vec<u8>> {
    care_reader_tests::netease::variants()?
        .into_iter()
        .find(|v| v.name == "gbk-undeclared")
        .map(|v| v.bytes)
        .ok_or_else(|| io::Error::other("no gbk-undeclared variant"))
}
