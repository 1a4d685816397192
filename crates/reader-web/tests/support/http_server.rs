//! A tiny HTTP/1.1 server on 127.0.0.1 for tests: hand-written responses give
//! full control over status lines, headers, slow and endless bodies.
//!
//! Every connection serves one request and closes (`Connection: close`), so
//! each hop of a redirect chain is a fresh, observable request.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use url::Url;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Header names lower-cased, in order.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The path without the query.
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }
}

/// What to do with a request.
pub enum Reply {
    /// Send these bytes (a whole response) and close.
    Raw(Vec<u8>),
    /// Read the request, then never answer.
    Hang,
    /// Send `head`, then one body byte per `every`, forever.
    Trickle { head: Vec<u8>, every: Duration },
    /// Send `head` (which should say `Transfer-Encoding: chunked`), then
    /// 8 KiB chunks forever.
    EndlessChunked { head: Vec<u8> },
    /// Wait, then reply.
    Delayed(Duration, Box<Reply>),
}

/// A complete response with `Content-Length` and `Connection: close`.
pub fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut raw = head(status, headers);
    // Replace the blank line `head` ends with: we add Content-Length first.
    raw.truncate(raw.len() - 2);
    raw.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    raw.extend_from_slice(body);
    Reply::Raw(raw)
}

/// A status line and headers (plus `Connection: close`) ending in the blank line.
pub fn head(status: u16, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut raw = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        raw.push_str(&format!("{name}: {value}\r\n"));
    }
    raw.push_str("Connection: close\r\n\r\n");
    raw.into_bytes()
}

/// A redirect to `location`.
pub fn redirect(status: u16, location: &str) -> Reply {
    response(status, &[("Location", location)], b"")
}

/// A `text/html; charset=utf-8` page.
pub fn html(body: &str) -> Reply {
    response(
        200,
        &[("Content-Type", "text/html; charset=utf-8")],
        body.as_bytes(),
    )
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Whatever",
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

pub struct TestServer {
    pub addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl TestServer {
    /// Starts serving on an ephemeral port of 127.0.0.1. The server lives as
    /// long as the test's runtime.
    pub async fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let log = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let handler = Arc::clone(&handler);
                let log = Arc::clone(&log);
                tokio::spawn(serve(stream, handler, log));
            }
        });
        TestServer { addr, requests }
    }

    pub fn url(&self, path: &str) -> Url {
        Url::parse(&format!("http://{}{path}", self.addr)).expect("test URL")
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

async fn serve(mut stream: TcpStream, handler: Arc<Handler>, log: Arc<Mutex<Vec<Request>>>) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    log.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(request.clone());
    let mut reply = handler(&request);
    while let Reply::Delayed(delay, inner) = reply {
        tokio::time::sleep(delay).await;
        reply = *inner;
    }
    match reply {
        Reply::Delayed(..) => {}
        Reply::Raw(bytes) => {
            let _ = stream.write_all(&bytes).await;
            let _ = stream.shutdown().await;
        }
        Reply::Hang => {
            // Keep the connection open until the client gives up.
            let mut sink = [0u8; 64];
            while let Ok(n) = stream.read(&mut sink).await {
                if n == 0 {
                    break;
                }
            }
        }
        Reply::Trickle { head, every } => {
            if stream.write_all(&head).await.is_err() {
                return;
            }
            loop {
                tokio::time::sleep(every).await;
                if stream.write_all(b"x").await.is_err() {
                    return;
                }
            }
        }
        Reply::EndlessChunked { head } => {
            if stream.write_all(&head).await.is_err() {
                return;
            }
            let mut chunk = b"2000\r\n".to_vec();
            chunk.extend(std::iter::repeat_n(b'a', 0x2000));
            chunk.extend_from_slice(b"\r\n");
            while stream.write_all(&chunk).await.is_ok() {}
        }
    }
}

async fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    let end = loop {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break end;
        }
        if buffer.len() > 64 * 1024 {
            return None;
        }
    };
    let text = String::from_utf8_lossy(&buffer[..end]);
    let mut lines = text.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let target = request_line.next()?.to_owned();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Some(Request {
        method,
        target,
        headers,
    })
}
