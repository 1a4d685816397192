//! A real web site on 127.0.0.1 for tests: pages, feeds and pictures served
//! over HTTP/1.1 by a plain `TcpListener`, each request on its own thread,
//! for the life of the test process. Routes can fail in the ways real sites
//! do — an error status, a redirect (to itself, forever), an answer that
//! comes too late, a body that never ends — so fetching code is tested
//! against the network, not a mock.
//!
//! ```
//! use care_reader_tests::site::{Reply, Site};
//! let site = Site::serve(vec![("/feed.xml", Reply::ok("application/rss+xml", "<rss/>"))]);
//! assert!(site.url("/feed.xml").starts_with("http://127.0.0.1:"));
//! ```

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How a route answers.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with this content type and body.
    Ok { content_type: String, body: Vec<u8> },
    /// An error status with an empty body.
    Status(u16),
    /// 302 to this path (or address).
    Redirect(String),
    /// The reply after a pause.
    Late(Duration, Box<Reply>),
    /// 200 and a body that never ends (a chunk every few milliseconds).
    Endless,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Ok {
            content_type: content_type.to_owned(),
            body: body.into(),
        }
    }

    /// A UTF-8 web page.
    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::ok("text/html; charset=utf-8", body)
    }
}

/// A running site.
#[derive(Clone)]
pub struct Site {
    port: u16,
    hits: Arc<HashMap<String, AtomicUsize>>,
}

impl Site {
    /// Serves `routes` (path → reply; unknown paths are 404) until the test
    /// process ends.
    pub fn serve(routes: Vec<(&str, Reply)>) -> Site {
        let routes: Vec<(String, Reply)> = routes
            .into_iter()
            .map(|(path, reply)| (path.to_owned(), reply))
            .collect();
        Site::serve_with(move |_| routes)
    }

    /// Serves the routes `make` builds from the site's own address
    /// (`http://127.0.0.1:PORT`), for pages and feeds that link back to it.
    pub fn serve_with(make: impl FnOnce(&str) -> Vec<(String, Reply)>) -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        let routes = make(&format!("http://127.0.0.1:{port}"));
        let hits: Arc<HashMap<String, AtomicUsize>> = Arc::new(
            routes
                .iter()
                .map(|(path, _)| (path.clone(), AtomicUsize::new(0)))
                .collect(),
        );
        let routes: Arc<HashMap<String, Reply>> = Arc::new(routes.into_iter().collect());
        let counters = Arc::clone(&hits);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = Arc::clone(&routes);
                let counters = Arc::clone(&counters);
                std::thread::spawn(move || answer(stream, &routes, &counters));
            }
        });
        Site { port, hits }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The address of `path` on this site.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// How many requests `path` has had.
    pub fn hits(&self, path: &str) -> usize {
        self.hits
            .get(path)
            .map_or(0, |count| count.load(Ordering::SeqCst))
    }
}

fn answer(
    mut stream: TcpStream,
    routes: &HashMap<String, Reply>,
    hits: &HashMap<String, AtomicUsize>,
) {
    let mut request = Vec::new();
    let mut buffer = [0_u8; 4096];
    // The request head, whole (a client may send it in pieces).
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
        if request.len() > 64 * 1024 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&request);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    if let Some(count) = hits.get(&path) {
        count.fetch_add(1, Ordering::SeqCst);
    }
    let reply = routes.get(&path).cloned().unwrap_or(Reply::Status(404));
    send(&mut stream, &reply);
}

fn send(stream: &mut TcpStream, reply: &Reply) {
    match reply {
        Reply::Ok { content_type, body } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
        Reply::Status(code) => {
            let head =
                format!("HTTP/1.1 {code} Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
        }
        Reply::Redirect(to) => {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes());
        }
        Reply::Late(pause, reply) => {
            std::thread::sleep(*pause);
            send(stream, reply);
        }
        Reply::Endless => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<rss><channel>";
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk =
                "<item><title>again</title><link>http://127.0.0.1/x</link></item>".repeat(64);
            while stream.write_all(chunk.as_bytes()).is_ok() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }
    let _ = stream.flush();
}
