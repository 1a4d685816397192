//! http(s) fetching with reqwest: redirects followed by hand (so loops can be
//! told apart from long chains and every hop is checked), one cookie jar per
//! fetch, the body streamed against the size cap, everything under one
//! deadline.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use reqwest::StatusCode;
use reqwest::cookie::{CookieStore, Jar};
use reqwest::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_TYPE, HeaderMap, HeaderValue, LOCATION};
use url::Url;

use super::{FetchError, FetchOptions, Page, charset, sniff};

/// What we ask for: pages first, anything as a last resort (we sniff).
const ACCEPT_VALUE: &str =
    "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

/// Reserve at most this much up front, whatever `Content-Length` claims.
const MAX_INITIAL_CAPACITY: usize = 1024 * 1024;

pub(super) async fn fetch_url(url: &Url, opts: &FetchOptions) -> Result<Page, FetchError> {
    within_deadline(opts, fetch_unbounded(url, opts)).await
}

/// One deadline for everything a fetch does: every hop, the body, the
/// decoding ([`FetchOptions::total_timeout`]).
pub(super) async fn within_deadline<T>(
    opts: &FetchOptions,
    fetch: impl std::future::Future<Output = Result<T, FetchError>>,
) -> Result<T, FetchError> {
    match tokio::time::timeout(opts.total_timeout, fetch).await {
        Ok(result) => result,
        Err(_elapsed) => Err(FetchError::Timeout {
            after: opts.total_timeout,
        }),
    }
}

/// Pictures and feeds come from the web only: `file:` and other schemes
/// are refused before anything is asked for.
pub(super) fn web_only(url: &Url) -> Result<(), FetchError> {
    if matches!(url.scheme(), "http" | "https") {
        Ok(())
    } else {
        Err(FetchError::UnsupportedScheme {
            scheme: url.scheme().to_owned(),
        })
    }
}

pub(super) fn build_client(
    opts: &FetchOptions,
    jar: Arc<Jar>,
) -> Result<reqwest::Client, FetchError> {
    // reqwest is built with `rustls-no-provider`; installing fails harmlessly
    // when a provider is already in place.
    let _ = rustls::crypto::ring::default_provider().install_default();

    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static(ACCEPT_VALUE));
    // A malformed option is dropped rather than failing the fetch.
    if let Ok(value) = HeaderValue::from_str(&opts.accept_language) {
        headers.insert(ACCEPT_LANGUAGE, value);
    }
    let user_agent = HeaderValue::from_str(&opts.user_agent)
        .unwrap_or_else(|_| HeaderValue::from_static(super::DEFAULT_USER_AGENT));

    let builder = match shared_tls() {
        Some(tls) => reqwest::Client::builder().use_preconfigured_tls(tls),
        // reqwest makes its own and says what went wrong.
        None => reqwest::Client::builder(),
    };
    builder
        .user_agent(user_agent)
        .default_headers(headers)
        .connect_timeout(opts.connect_timeout)
        // Belt and braces: the outer deadline in `fetch_url` is the real one.
        .timeout(opts.total_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar)
        .build()
        .map_err(FetchError::Network)
}

/// The TLS set-up every client shares, made once per process. Making it
/// reads all of the system's root certificates (on Debian ~300 files, 7 ms);
/// every page, picture and feed gets a client of its own (its own cookie jar
/// and limits), which used to read them all again each time. What reqwest
/// would make itself: the platform's verifier, TLS 1.2 and 1.3, HTTP/2 and
/// HTTP/1.1 offered. `None` if it cannot be made (no root certificates).
fn shared_tls() -> Option<rustls::ClientConfig> {
    static TLS: OnceLock<Option<rustls::ClientConfig>> = OnceLock::new();
    TLS.get_or_init(|| {
        let provider = rustls::crypto::CryptoProvider::get_default()
            .cloned()
            .unwrap_or_else(|| Arc::new(rustls::crypto::ring::default_provider()));
        let verifier = rustls_platform_verifier::Verifier::new(Arc::clone(&provider)).ok()?;
        // `dangerous()` is rustls's way in for any verifier not its own;
        // this one is the platform's full verification, as reqwest's.
        let mut tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .ok()?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Some(tls)
    })
    .clone()
}

/// What identifies a visit for loop detection: the address and the cookies
/// we would send. Portals that bounce `/article` → `/set-cookie` →
/// `/article` revisit a URL legitimately, but with a new cookie; the same
/// URL with the same cookies would get the same answer again.
fn visit_key(url: &Url, jar: &Jar) -> (String, Option<Vec<u8>>) {
    let mut url = url.clone();
    url.set_fragment(None);
    let cookies = jar.cookies(&url).map(|v| v.as_bytes().to_vec());
    (url.into(), cookies)
}

async fn fetch_unbounded(start: &Url, opts: &FetchOptions) -> Result<Page, FetchError> {
    let (url, response) = get_following_redirects(start, opts, ACCEPT_VALUE).await?;

    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let declared = sniff::from_content_type(content_type.as_deref());
    // Refuse images, PDFs and downloads before reading a byte of them.
    if let sniff::Declared::Unsupported(content_type) = declared {
        return Err(FetchError::UnsupportedContentType { content_type });
    }
    let body = read_capped(response, &url, opts.max_bytes, opts).await?;

    let kind = sniff::resolve(declared, &body)
        .map_err(|content_type| FetchError::UnsupportedContentType { content_type })?;
    let http_charset = content_type
        .as_deref()
        .and_then(charset::charset_from_content_type);
    let tld = url
        .domain()
        .and_then(|d| d.trim_end_matches('.').rsplit('.').next());
    let (text, encoding) = charset::decode_owned(body, http_charset, tld);
    Ok(Page {
        url: Some(url),
        text,
        kind,
        encoding: encoding.name(),
    })
}

/// GETs `start` (asking for `accept`) with a fresh cookie jar, following
/// redirects by hand: every hop is checked, a loop is told apart from a long
/// chain. Returns the final URL and its successful response.
pub(super) async fn get_following_redirects(
    start: &Url,
    opts: &FetchOptions,
    accept: &'static str,
) -> Result<(Url, reqwest::Response), FetchError> {
    let jar = Arc::new(Jar::default());
    let client = build_client(opts, Arc::clone(&jar))?;

    let mut url = start.clone();
    let mut visited = HashSet::new();
    visited.insert(visit_key(&url, &jar));
    let mut redirects = 0;
    loop {
        let response = client
            .get(url.clone())
            .header(ACCEPT, HeaderValue::from_static(accept))
            .send()
            .await
            .map_err(|e| classify(e, &url, opts))?;
        let status = response.status();
        let Some(next) = redirect_target(&response, &url)? else {
            if !status.is_success() {
                return Err(FetchError::HttpStatus {
                    status: status.as_u16(),
                    url,
                });
            }
            return Ok((url, response));
        };
        // The redirect response's Set-Cookie is already in the jar.
        if !visited.insert(visit_key(&next, &jar)) {
            return Err(FetchError::RedirectLoop { url: next });
        }
        if redirects >= opts.max_redirects {
            return Err(FetchError::TooManyRedirects {
                limit: opts.max_redirects,
            });
        }
        redirects += 1;
        url = next;
    }
}

/// Reads the body of `response` from `url`, refusing more than `limit`
/// bytes: up front when `Content-Length` says so, else as soon as the stream
/// passes it (never buffering the whole of an endless body).
pub(super) async fn read_capped(
    mut response: reqwest::Response,
    url: &Url,
    limit: usize,
    opts: &FetchOptions,
) -> Result<Vec<u8>, FetchError> {
    if let Some(length) = response.content_length()
        && length > limit as u64
    {
        return Err(FetchError::TooLarge { limit_bytes: limit });
    }
    let capacity = response
        .content_length()
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or(0)
        .min(MAX_INITIAL_CAPACITY)
        .min(limit);
    let mut body = Vec::with_capacity(capacity);
    while let Some(chunk) = response.chunk().await.map_err(|e| classify(e, url, opts))? {
        if body.len().saturating_add(chunk.len()) > limit {
            return Err(FetchError::TooLarge { limit_bytes: limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The next URL if `response` is a redirect we follow. A redirect without a
/// usable `Location` falls through to the status check (and fails there).
pub(super) fn redirect_target(
    response: &reqwest::Response,
    base: &Url,
) -> Result<Option<Url>, FetchError> {
    if !matches!(
        response.status(),
        StatusCode::MOVED_PERMANENTLY
            | StatusCode::FOUND
            | StatusCode::SEE_OTHER
            | StatusCode::TEMPORARY_REDIRECT
            | StatusCode::PERMANENT_REDIRECT
    ) {
        return Ok(None);
    }
    let Some(location) = response.headers().get(LOCATION) else {
        return Ok(None);
    };
    // Some servers send raw UTF-8 in Location; the URL parser percent-encodes it.
    let location = String::from_utf8_lossy(location.as_bytes());
    let Ok(mut next) = base.join(location.trim()) else {
        return Ok(None);
    };
    match next.scheme() {
        "http" | "https" => {}
        scheme => {
            return Err(FetchError::UnsupportedScheme {
                scheme: scheme.to_owned(),
            });
        }
    }
    // A Location without a fragment keeps the original one (RFC 9110 §10.2.2).
    if next.fragment().is_none() {
        next.set_fragment(base.fragment());
    }
    Ok(Some(next))
}

/// Sorts a reqwest error into the codes the UI knows.
fn classify(err: reqwest::Error, url: &Url, opts: &FetchOptions) -> FetchError {
    let host = url.host_str().unwrap_or_default().to_owned();
    if is_tls_error(&err) {
        return FetchError::Tls { host, source: err };
    }
    if err.is_connect() {
        return match connect_failure(&err, has_internet_route) {
            ConnectFailure::NameNotFound => FetchError::HostNotFound { host, source: err },
            ConnectFailure::Offline => FetchError::Offline { host, source: err },
            // Refused, reset, or no answer within the connect timeout.
            ConnectFailure::NoAnswer => FetchError::Unreachable { host, source: err },
        };
    }
    if err.is_timeout() {
        return FetchError::Timeout {
            after: opts.total_timeout,
        };
    }
    FetchError::Network(err)
}

/// Why connecting failed, as far as it can be told reliably.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConnectFailure {
    /// The name lookup failed while the computer has a route out: the name
    /// does not exist (a typing mistake) or its DNS is broken.
    NameNotFound,
    /// No route onto the internet at all (no cable, no Wi-Fi): the lookup
    /// fails too, but the address is not to blame.
    Offline,
    /// The site was found and did not take the connection.
    NoAnswer,
}

/// What hyper-util's connector calls a failed name lookup (its
/// `ConnectError` message, a fixed English literal). The resolver's own
/// text comes from the C library, in the system's language: unusable.
const DNS_ERROR: &str = "dns error";

fn connect_failure(
    err: &(dyn std::error::Error + 'static),
    has_internet_route: impl Fn() -> bool,
) -> ConnectFailure {
    let mut current = Some(err);
    while let Some(e) = current {
        if e.to_string() == DNS_ERROR {
            return if has_internet_route() {
                ConnectFailure::NameNotFound
            } else {
                ConnectFailure::Offline
            };
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::NetworkUnreachable
        {
            return ConnectFailure::Offline;
        }
        current = e.source();
    }
    ConnectFailure::NoAnswer
}

/// Whether this computer has a route onto the internet: connecting a UDP
/// socket only asks the kernel's routing table (no packet is sent), and
/// fails with "network unreachable" when there is no default route. The
/// targets are documentation addresses (RFC 5737, RFC 3849), reached only
/// through a default route.
fn has_internet_route() -> bool {
    let routed = |bind: &str, to: &str| {
        std::net::UdpSocket::bind(bind)
            .and_then(|socket| socket.connect(to))
            .is_ok()
    };
    routed("0.0.0.0:0", "192.0.2.1:53") || routed("[::]:0", "[2001:db8::1]:53")
}

/// Whether a rustls error (bad certificate, handshake failure) is in the chain.
/// tokio-rustls wraps it in an `io::Error`, whose `source()` skips the inner
/// error, so look inside those by hand.
fn is_tls_error(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(err);
    while let Some(e) = current {
        if e.is::<rustls::Error>() {
            return true;
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>()
            && let Some(inner) = io.get_ref()
            && (inner.is::<rustls::Error>() || is_tls_error(inner))
        {
            return true;
        }
        current = e.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error with a message and a cause, as hyper-util's `ConnectError` is.
    #[derive(Debug)]
    struct Wrapped(&'static str, std::io::Error);

    impl std::fmt::Display for Wrapped {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Wrapped {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.1)
        }
    }

    #[test]
    fn connect_failures_are_told_apart() {
        use std::io::{Error, ErrorKind};
        let dns = Wrapped(DNS_ERROR, Error::other("失败：未知的名称或服务"));
        assert_eq!(connect_failure(&dns, || true), ConnectFailure::NameNotFound);
        assert_eq!(connect_failure(&dns, || false), ConnectFailure::Offline);
        let refused = Wrapped(
            "tcp connect error",
            Error::from(ErrorKind::ConnectionRefused),
        );
        assert_eq!(
            connect_failure(&refused, || false),
            ConnectFailure::NoAnswer
        );
        let no_route = Wrapped(
            "tcp connect error",
            Error::from(ErrorKind::NetworkUnreachable),
        );
        assert_eq!(connect_failure(&no_route, || true), ConnectFailure::Offline);
        let timed_out = Wrapped("tcp connect error", Error::from(ErrorKind::TimedOut));
        assert_eq!(
            connect_failure(&timed_out, || true),
            ConnectFailure::NoAnswer
        );
    }
}
