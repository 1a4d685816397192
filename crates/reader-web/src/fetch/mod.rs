//! Loading a page: http(s) URLs, local files, `file://` URLs and stdin.
//!
//! Every network fetch is bounded (connect and total timeouts, at most
//! [`FetchOptions::max_redirects`] redirects, a streamed body cap) and every
//! body is decoded with the charset rules in [`charset`], so GBK/GB18030 and
//! Big5 pages come out right even when mislabelled.
//!
//! ```no_run
//! # async fn demo() -> Result<(), reader_web::fetch::FetchError> {
//! use reader_web::fetch::{FetchOptions, Source, fetch};
//! let page = fetch(&Source::parse("news.163.com/a/b.html")?, &FetchOptions::default()).await?;
//! println!("{} ({})", page.text.len(), page.encoding);
//! # Ok(()) }
//! ```

pub mod charset;
mod document;
mod http;
mod image;
mod mhtml;
mod sniff;

pub use document::{Document, fetch_document};
pub use image::{IMAGE_TYPES, Image, MAX_IMAGE_BYTES, fetch_image};
pub use sniff::ContentKind;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use reader_errors::{Coded, ErrorCode};
use url::Url;

/// Where a page comes from, parsed from what the user typed or passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Web(Url),
    File(PathBuf),
    Stdin,
}

/// Limits and identity for one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    /// Whole request, including reading the body.
    pub total_timeout: Duration,
    pub max_redirects: usize,
    /// Bodies larger than this are refused (streamed and aborted, never buffered whole).
    pub max_bytes: usize,
    pub user_agent: String,
    pub accept_language: String,
}

/// A desktop Chrome on Linux. Several Chinese portals serve a stripped or
/// app-install page to unknown or mobile agents.
pub const DEFAULT_USER_AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 \
     (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

/// Chinese first (the reader's main audience), English as the fallback.
pub const DEFAULT_ACCEPT_LANGUAGE: &str = "zh-CN,zh;q=0.9,en;q=0.8";

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            // Browsers allow 20; portals rarely need more than 3 or 4.
            max_redirects: 10,
            // The biggest real article pages (inline images as data: URLs)
            // are a few MiB; 15 MiB leaves room without risking memory.
            max_bytes: 15 * 1024 * 1024,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            accept_language: DEFAULT_ACCEPT_LANGUAGE.to_owned(),
        }
    }
}

/// What the body turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Html,
    /// `text/plain`: becomes a plain article, one paragraph per blank-line block.
    PlainText,
}

/// A fetched, decoded page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Final URL after redirects (`file://` for files; `None` for stdin).
    pub url: Option<Url>,
    pub text: String,
    pub kind: PageKind,
    /// Name of the encoding the body was decoded from (`UTF-8`, `GBK`, `Big5`, ...).
    pub encoding: &'static str,
}

/// Why a page could not be loaded.
///
/// [`code`](FetchError::code) is stable and names the fluent message
/// `error-<code>`; [`l10n_args`](FetchError::l10n_args) are its arguments.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// Neither a web address nor a file path (empty, garbage, spaces...).
    #[error("not a web address or file path: {address:?}")]
    InvalidAddress { address: String },
    /// A URL we don't load (`javascript:`, `data:`, `ftp:`, `mailto:`...),
    /// typed by the user or reached by a redirect.
    #[error("cannot open {scheme}: addresses")]
    UnsupportedScheme { scheme: String },
    #[error("file not found: {}", path.display())]
    NotFound { path: PathBuf },
    /// A directory (or another thing that isn't a readable file).
    #[error("not a file: {}", path.display())]
    NotAFile { path: PathBuf },
    /// Reading a file or stdin failed (permissions, I/O error).
    #[error("could not read {what}: {source}")]
    Io {
        /// The path, or `stdin`.
        what: String,
        #[source]
        source: std::io::Error,
    },
    /// The site's name could not be looked up (DNS): most often a typo.
    #[error("no website called {host} could be found")]
    HostNotFound {
        host: String,
        #[source]
        source: reqwest::Error,
    },
    /// The name was found, but the connection was refused, reset, or not
    /// answered within the connect timeout.
    #[error("could not reach {host}")]
    Unreachable {
        host: String,
        #[source]
        source: reqwest::Error,
    },
    /// This computer has no route onto the internet at all.
    #[error("no network: could not reach {host}")]
    Offline {
        host: String,
        #[source]
        source: reqwest::Error,
    },
    /// The TLS handshake failed (bad or expired certificate, old protocol).
    #[error("secure connection to {host} failed")]
    Tls {
        host: String,
        #[source]
        source: reqwest::Error,
    },
    /// The whole fetch took longer than [`FetchOptions::total_timeout`].
    #[error("no complete answer within {} s", seconds(*after))]
    Timeout { after: Duration },
    #[error("more than {limit} redirects")]
    TooManyRedirects { limit: usize },
    /// A redirect led back to an address already visited (with the same cookies).
    #[error("redirect loop at {url}")]
    RedirectLoop { url: Url },
    /// The server answered with an HTTP error (4xx, 5xx, or a 3xx without a target).
    #[error("the server answered {status} for {url}")]
    HttpStatus { status: u16, url: Url },
    /// The body is bigger than [`FetchOptions::max_bytes`].
    #[error("the page is larger than {} MB", megabytes(*limit_bytes))]
    TooLarge { limit_bytes: usize },
    /// Not a web page or text (images, PDF, JSON, binary downloads...).
    #[error("unsupported content type {content_type}")]
    UnsupportedContentType { content_type: String },
    /// Any other network or protocol failure.
    #[error("network error: {0}")]
    Network(#[source] reqwest::Error),
}

impl Coded for FetchError {
    fn code(&self) -> ErrorCode {
        match self {
            FetchError::InvalidAddress { .. } => ErrorCode::InvalidAddress,
            FetchError::UnsupportedScheme { .. } => ErrorCode::UnsupportedScheme,
            FetchError::NotFound { .. } => ErrorCode::FileNotFound,
            FetchError::NotAFile { .. } => ErrorCode::NotAFile,
            FetchError::Io { .. } => ErrorCode::Io,
            FetchError::HostNotFound { .. } => ErrorCode::HostNotFound,
            FetchError::Unreachable { .. } => ErrorCode::Unreachable,
            FetchError::Offline { .. } => ErrorCode::Offline,
            FetchError::Tls { .. } => ErrorCode::Tls,
            FetchError::Timeout { .. } => ErrorCode::Timeout,
            FetchError::TooManyRedirects { .. } => ErrorCode::TooManyRedirects,
            FetchError::RedirectLoop { .. } => ErrorCode::RedirectLoop,
            FetchError::HttpStatus { status, .. } => status_code(*status),
            FetchError::TooLarge { .. } => ErrorCode::TooLarge,
            FetchError::UnsupportedContentType { .. } => ErrorCode::UnsupportedContentType,
            FetchError::Network(_) => ErrorCode::Network,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            FetchError::InvalidAddress { address } => vec![("address", address.clone())],
            FetchError::UnsupportedScheme { scheme } => vec![("scheme", scheme.clone())],
            FetchError::NotFound { path } | FetchError::NotAFile { path } => {
                vec![("path", path.display().to_string())]
            }
            FetchError::Io { what, source } => {
                vec![("path", what.clone()), ("detail", source.to_string())]
            }
            FetchError::HostNotFound { host, .. }
            | FetchError::Unreachable { host, .. }
            | FetchError::Offline { host, .. }
            | FetchError::Tls { host, .. } => {
                vec![("host", host.clone())]
            }
            FetchError::Timeout { after } => vec![("seconds", seconds(*after))],
            FetchError::TooManyRedirects { limit } => vec![("limit", limit.to_string())],
            FetchError::RedirectLoop { url } => vec![("url", url.to_string())],
            FetchError::HttpStatus { status, url } => {
                vec![("status", status.to_string()), ("url", url.to_string())]
            }
            FetchError::TooLarge { limit_bytes } => vec![("limit", megabytes(*limit_bytes))],
            // In words ("a picture"): a MIME type means nothing to a reader.
            FetchError::UnsupportedContentType { content_type } => {
                vec![("kind", ContentKind::of(content_type).id().to_owned())]
            }
            FetchError::Network(err) => vec![("detail", error_chain(err))],
        }
    }
}

/// The code for an HTTP error status: what the reader can do differs (a
/// missing page wants a corrected address, a busy one patience).
fn status_code(status: u16) -> ErrorCode {
    match status {
        404 | 410 => ErrorCode::PageNotFound,
        401 | 403 => ErrorCode::Forbidden,
        // 408 Request Timeout, 429 Too Many Requests and server errors pass.
        408 | 429 | 500..=599 => ErrorCode::ServerBusy,
        _ => ErrorCode::HttpStatus,
    }
}

/// `1.5`, `30`: at most one decimal, no trailing `.0`.
fn format_number(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

fn seconds(duration: Duration) -> String {
    format_number(duration.as_secs_f64())
}

/// Binary megabytes, as the user sees file sizes: `15`, `0.1`.
fn megabytes(bytes: usize) -> String {
    // Precision loss past 2^52 bytes is irrelevant for a display string.
    #[allow(clippy::cast_precision_loss)]
    let mb = bytes as f64 / (1024.0 * 1024.0);
    format_number(mb)
}

/// The error and its causes, `: `-joined (reqwest's own `Display` is terse).
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

impl Source {
    /// Parses what the user typed or passed on the command line.
    ///
    /// - `http://…`, `https://…` → [`Source::Web`];
    /// - `file://…`, an existing path, or something path-like (`./a.html`,
    ///   `/tmp/x`, `page.htm`) → [`Source::File`];
    /// - `-` → [`Source::Stdin`];
    /// - a bare host such as `news.163.com/a/b.html` → `https://` (`http://`
    ///   for `localhost` and IP addresses);
    /// - other schemes (`javascript:`, `data:`, `ftp:`, `mailto:`...) →
    ///   [`FetchError::UnsupportedScheme`]; anything else →
    ///   [`FetchError::InvalidAddress`].
    pub fn parse(input: &str) -> Result<Source, FetchError> {
        let trimmed = input.trim();
        let invalid = || FetchError::InvalidAddress {
            address: trimmed.to_owned(),
        };
        if trimmed.is_empty() {
            return Err(invalid());
        }
        if trimmed == "-" {
            return Ok(Source::Stdin);
        }

        match Url::parse(trimmed) {
            // One-letter "schemes" are Windows drive letters (`C:\page.html`).
            Ok(url) if url.scheme().len() > 1 => match url.scheme() {
                "http" | "https" => match url.host_str() {
                    Some(host) if !host.is_empty() => Ok(Source::Web(url)),
                    _ => Err(invalid()),
                },
                "file" => url.to_file_path().map(Source::File).map_err(|()| invalid()),
                scheme => {
                    // `localhost:8080/x` and `example.com:8080` parse as a
                    // URL with an odd scheme; a port after the colon gives
                    // them away.
                    let after_colon = trimmed.split_once(':').map_or("", |(_, rest)| rest);
                    if after_colon.starts_with(|c: char| c.is_ascii_digit())
                        && let Some(url) = bare_host_url(trimmed)
                    {
                        return Ok(Source::Web(url));
                    }
                    if Path::new(trimmed).exists() {
                        return Ok(Source::File(PathBuf::from(trimmed)));
                    }
                    Err(FetchError::UnsupportedScheme {
                        scheme: scheme.to_owned(),
                    })
                }
            },
            _ if trimmed.contains("://") && !Path::new(trimmed).exists() => Err(invalid()),
            _ => {
                let path = Path::new(trimmed);
                if path.exists() {
                    Ok(Source::File(path.to_path_buf()))
                } else if let Some(url) = bare_host_url(trimmed) {
                    Ok(Source::Web(url))
                } else if looks_like_path(trimmed) {
                    Ok(Source::File(path.to_path_buf()))
                } else {
                    Err(invalid())
                }
            }
        }
    }
}

/// `news.163.com/a/b.html`, `localhost:3000`, `//example.com/x` → a URL.
fn bare_host_url(input: &str) -> Option<Url> {
    if input.contains(char::is_whitespace) || input.contains('\\') {
        return None;
    }
    let rest = input.strip_prefix("//").unwrap_or(input);
    let authority = rest.split(['/', '?', '#']).next()?;
    if authority.contains('@') {
        return None; // user@host: too odd to guess at
    }
    let (host, port) = if authority.starts_with('[') {
        // An IPv6 literal: `[::1]:8080`.
        let end = authority.find(']')? + 1;
        (&authority[..end], authority[end..].strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if port.is_some_and(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let unbracketed = host.trim_start_matches('[').trim_end_matches(']');
    let local = host.eq_ignore_ascii_case("localhost") || unbracketed.parse::<IpAddr>().is_ok();
    if !local && !looks_like_domain(host) {
        return None;
    }
    let scheme = if local { "http" } else { "https" };
    let url = Url::parse(&format!("{scheme}://{rest}")).ok()?;
    url.host_str().is_some().then_some(url)
}

/// At least two dot-separated labels, the last one alphabetic and not a
/// file extension (`article.html` is a file, `example.com` a host).
fn looks_like_domain(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
        && !sniff::is_file_extension(tld)
}

/// Path-like even if it doesn't exist (yet): `/x`, `./x`, `~/x`, `a/b`,
/// `C:\x`, `page.html`. These become [`Source::File`] so the user gets a
/// clear "file not found" rather than "invalid address".
fn looks_like_path(input: &str) -> bool {
    if input.contains(['/', '\\']) || input.starts_with('~') {
        return true;
    }
    Path::new(input)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(sniff::is_file_extension)
}

/// Loads and decodes a page. See the module docs for the limits applied.
pub async fn fetch(source: &Source, opts: &FetchOptions) -> Result<Page, FetchError> {
    match source {
        Source::Web(url) => http::fetch_url(url, opts).await,
        Source::File(path) => fetch_file(path, opts).await,
        Source::Stdin => fetch_stdin(opts).await,
    }
}

/// A file, read on a blocking thread in one hand-off (tokio's own file
/// functions would hand over every call: metadata, open, each read).
async fn fetch_file(path: &Path, opts: &FetchOptions) -> Result<Page, FetchError> {
    let owned_path = path.to_path_buf();
    let owned_opts = opts.clone();
    tokio::task::spawn_blocking(move || fetch_file_blocking(&owned_path, &owned_opts))
        .await
        .unwrap_or_else(|stopped| {
            Err(FetchError::Io {
                what: path.display().to_string(),
                source: std::io::Error::other(stopped),
            })
        })
}

/// Reads and decodes a saved page (HTML, text or MHTML) on the calling
/// thread: for callers with no runtime, such as the command line's batch,
/// which reads one file after another and has nothing to overlap.
pub fn fetch_file_blocking(path: &Path, opts: &FetchOptions) -> Result<Page, FetchError> {
    let io_error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => FetchError::NotFound {
            path: path.to_path_buf(),
        },
        _ => FetchError::Io {
            what: path.display().to_string(),
            source,
        },
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    // Anything but a directory is fine: FIFOs and /dev/stdin work too.
    if metadata.is_dir() {
        return Err(FetchError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if metadata.is_file() && metadata.len() > opts.max_bytes as u64 {
        return Err(FetchError::TooLarge {
            limit_bytes: opts.max_bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    // The file's size, when it has one, saves growing the buffer step by step.
    let size_hint = usize::try_from(metadata.len()).unwrap_or(0);
    let bytes = read_bounded_blocking(file, opts.max_bytes, size_hint).map_err(|e| match e {
        ReadError::TooLarge => FetchError::TooLarge {
            limit_bytes: opts.max_bytes,
        },
        ReadError::Io(source) => io_error(source),
    })?;

    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let url = Url::from_file_path(&absolute).ok();

    let extension = path.extension().and_then(|e| e.to_str());
    let declared = sniff::from_extension(extension);
    if declared == sniff::Declared::Mhtml
        && let Some(part) = mhtml::extract_html(&bytes)
    {
        let (text, encoding) = charset::decode_owned(part.bytes, part.charset.as_deref(), None);
        return Ok(Page {
            url,
            text,
            kind: PageKind::Html,
            encoding: encoding.name(),
        });
    }
    let kind = sniff::resolve(declared, &bytes)
        .map_err(|content_type| FetchError::UnsupportedContentType { content_type })?;
    let (text, encoding) = charset::decode_owned(bytes, None, None);
    Ok(Page {
        url,
        text,
        kind,
        encoding: encoding.name(),
    })
}

/// Standard input, read on a blocking thread (as tokio's own stdin does,
/// read by read) with the bounded reader files use.
async fn fetch_stdin(opts: &FetchOptions) -> Result<Page, FetchError> {
    let max_bytes = opts.max_bytes;
    let io_error = |source| FetchError::Io {
        what: "stdin".to_owned(),
        source,
    };
    let read =
        tokio::task::spawn_blocking(move || read_bounded_blocking(std::io::stdin(), max_bytes, 0))
            .await
            .map_err(|stopped| io_error(std::io::Error::other(stopped)))?;
    let bytes = read.map_err(|e| match e {
        ReadError::TooLarge => FetchError::TooLarge {
            limit_bytes: max_bytes,
        },
        ReadError::Io(source) => io_error(source),
    })?;
    page_from_bytes(&bytes, None)
}

/// A page from raw bytes of unknown type (stdin): sniffed and decoded.
fn page_from_bytes(bytes: &[u8], url: Option<Url>) -> Result<Page, FetchError> {
    let kind = sniff::sniff(bytes)
        .map_err(|content_type| FetchError::UnsupportedContentType { content_type })?;
    let (text, encoding) = charset::decode(bytes, None);
    Ok(Page {
        url,
        text,
        kind,
        encoding: encoding.name(),
    })
}

enum ReadError {
    TooLarge,
    Io(std::io::Error),
}

/// Reads at most `max_bytes`; one byte more means the input is too large.
/// Room for `size_hint` bytes (and the one that would tell the input is too
/// large) is made up front.
fn read_bounded_blocking(
    reader: impl std::io::Read,
    max_bytes: usize,
    size_hint: usize,
) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::with_capacity(size_hint.min(max_bytes).saturating_add(1));
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > max_bytes {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web(input: &str) -> String {
        match Source::parse(input) {
            Ok(Source::Web(url)) => url.to_string(),
            other => panic!("{input:?} should be a web address, got {other:?}"),
        }
    }

    fn code(input: &str) -> ErrorCode {
        match Source::parse(input) {
            Err(e) => e.code(),
            Ok(s) => panic!("{input:?} should be refused, got {s:?}"),
        }
    }

    #[test]
    fn parse_web_addresses() {
        let table = [
            (
                "https://news.163.com/a/b.html",
                "https://news.163.com/a/b.html",
            ),
            ("  http://example.com  ", "http://example.com/"),
            ("HTTPS://Example.COM/x?y=1#z", "https://example.com/x?y=1#z"),
            ("news.163.com/a/b.html", "https://news.163.com/a/b.html"),
            ("www.example.com", "https://www.example.com/"),
            ("example.com:8443/p", "https://example.com:8443/p"),
            ("//example.org/x", "https://example.org/x"),
            ("localhost:3000/x", "http://localhost:3000/x"),
            ("127.0.0.1:8080", "http://127.0.0.1:8080/"),
            ("[::1]:8080/a", "http://[::1]:8080/a"),
        ];
        for (input, expected) in table {
            assert_eq!(web(input), expected, "input {input:?}");
        }
        // Internationalised domain names become punycode.
        assert!(web("新闻.中国/文章").starts_with("https://xn--"));
    }

    #[test]
    fn parse_stdin_and_files() {
        assert_eq!(Source::parse("-").ok(), Some(Source::Stdin));
        let table = [
            ("file:///tmp/a%20b.html", "/tmp/a b.html"),
            ("/definitely/not/here.html", "/definitely/not/here.html"),
            ("./page.htm", "./page.htm"),
            ("saved/page", "saved/page"),
            ("article.html", "article.html"),
            ("notes.txt", "notes.txt"),
        ];
        for (input, expected) in table {
            match Source::parse(input) {
                Ok(Source::File(path)) => assert_eq!(path, Path::new(expected), "input {input:?}"),
                other => panic!("{input:?} should be a file, got {other:?}"),
            }
        }
        // An existing path wins even when it looks like a host name.
        let dir = std::env::temp_dir();
        let dir_text = dir.display().to_string();
        assert_eq!(Source::parse(&dir_text).ok(), Some(Source::File(dir)));
    }

    #[test]
    fn parse_refusals() {
        let table = [
            ("", ErrorCode::InvalidAddress),
            ("   ", ErrorCode::InvalidAddress),
            ("hello world", ErrorCode::InvalidAddress),
            ("???", ErrorCode::InvalidAddress),
            ("justaword", ErrorCode::InvalidAddress),
            ("http://", ErrorCode::InvalidAddress),
            ("file://remote-host/share/a.html", ErrorCode::InvalidAddress),
            ("javascript:alert(1)", ErrorCode::UnsupportedScheme),
            ("data:text/html,<p>hi</p>", ErrorCode::UnsupportedScheme),
            ("ftp://example.com/a.html", ErrorCode::UnsupportedScheme),
            ("mailto:someone@example.com", ErrorCode::UnsupportedScheme),
            ("about:blank", ErrorCode::UnsupportedScheme),
            ("tel:123456", ErrorCode::UnsupportedScheme),
        ];
        for (input, expected) in table {
            assert_eq!(code(input), expected, "input {input:?}");
        }
        match Source::parse("javascript:alert(1)") {
            Err(e) => assert_eq!(e.l10n_args(), vec![("scheme", "javascript".to_owned())]),
            Ok(s) => panic!("got {s:?}"),
        }
    }

    #[test]
    fn defaults() {
        let opts = FetchOptions::default();
        assert_eq!(opts.connect_timeout, Duration::from_secs(10));
        assert_eq!(opts.total_timeout, Duration::from_secs(30));
        assert_eq!(opts.max_redirects, 10);
        assert_eq!(opts.max_bytes, 15 * 1024 * 1024);
        assert!(opts.user_agent.starts_with("Mozilla/5.0"));
        assert_eq!(opts.accept_language, "zh-CN,zh;q=0.9,en;q=0.8");
    }

    #[test]
    fn error_args() {
        let too_large = FetchError::TooLarge {
            limit_bytes: 15 * 1024 * 1024,
        };
        assert_eq!(too_large.code(), ErrorCode::TooLarge);
        assert_eq!(too_large.l10n_args(), vec![("limit", "15".to_owned())]);
        assert_eq!(too_large.to_string(), "the page is larger than 15 MB");
        let timeout = FetchError::Timeout {
            after: Duration::from_millis(1500),
        };
        assert_eq!(timeout.l10n_args(), vec![("seconds", "1.5".to_owned())]);
        let small = FetchError::TooLarge { limit_bytes: 65536 };
        assert_eq!(small.l10n_args(), vec![("limit", "0.1".to_owned())]);
    }

    #[test]
    fn error_statuses_have_their_own_codes() {
        let code = |status: u16| {
            FetchError::HttpStatus {
                status,
                url: Url::parse("https://example.com/a").unwrap_or_else(|e| panic!("{e}")),
            }
            .code()
        };
        assert_eq!(code(404), ErrorCode::PageNotFound);
        assert_eq!(code(410), ErrorCode::PageNotFound);
        assert_eq!(code(401), ErrorCode::Forbidden);
        assert_eq!(code(403), ErrorCode::Forbidden);
        for busy in [408, 429, 500, 502, 503, 504, 520] {
            assert_eq!(code(busy), ErrorCode::ServerBusy, "{busy}");
        }
        for other in [300, 400, 405, 418, 451] {
            assert_eq!(code(other), ErrorCode::HttpStatus, "{other}");
        }
    }

    #[test]
    fn refused_content_is_named_in_words() {
        let picture = FetchError::UnsupportedContentType {
            content_type: "image/png".into(),
        };
        assert_eq!(picture.l10n_args(), vec![("kind", "picture".to_owned())]);
        for lang in reader_l10n::SUPPORTED_LANGS {
            let l10n = reader_l10n::Localizer::new(lang);
            let mut seen = std::collections::HashSet::new();
            for kind in ContentKind::ALL {
                let e = FetchError::UnsupportedContentType {
                    content_type: match kind {
                        ContentKind::Picture => "image/png",
                        ContentKind::Pdf => "application/pdf",
                        ContentKind::Video => "video/mp4",
                        ContentKind::Audio => "audio/ogg",
                        ContentKind::Archive => "application/zip",
                        ContentKind::Document => "application/msword",
                        ContentKind::Ebook => "application/epub+zip",
                        ContentKind::File => "application/json",
                    }
                    .into(),
                };
                let text = e.localize(&l10n).message;
                // Each kind has its own words, and no MIME type shows.
                assert!(
                    seen.insert(text.clone()),
                    "{lang}: {kind:?} worded like another"
                );
                assert!(!text.contains('/'), "{lang}: {text}");
            }
        }
    }

    #[test]
    fn stdin_like_bytes_are_sniffed() {
        let page = page_from_bytes("<p>你好</p>".as_bytes(), None).expect("html");
        assert_eq!(page.kind, PageKind::Html);
        assert_eq!(page.encoding, "UTF-8");
        let page = page_from_bytes("第一行\n\n第二段".as_bytes(), None).expect("text");
        assert_eq!(page.kind, PageKind::PlainText);
        match page_from_bytes(b"%PDF-1.4 ...", None) {
            Err(e) => assert_eq!(e.code(), ErrorCode::UnsupportedContentType),
            Ok(p) => panic!("got {p:?}"),
        }
    }
}
