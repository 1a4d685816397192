//! http(s) fetching with reqwest: redirects followed by hand (so loops can be
//! told apart from long chains and every hop is checked), one cookie jar per
//! fetch, the body streamed against the size cap, everything under one
//! deadline.

use std::collections::HashSet;
use std::sync::Arc;

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
    // One deadline for everything: every hop, the body, the decoding.
    match tokio::time::timeout(opts.total_timeout, fetch_unbounded(url, opts)).await {
        Ok(result) => result,
        Err(_elapsed) => Err(FetchError::Timeout {
            after: opts.total_timeout,
        }),
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

    reqwest::Client::builder()
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
    let (text, encoding) = charset::decode_with_tld(&body, http_charset, tld);
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
        // DNS failure, refused, or no answer within the connect timeout.
        return FetchError::Unreachable { host, source: err };
    }
    if err.is_timeout() {
        return FetchError::Timeout {
            after: opts.total_timeout,
        };
    }
    FetchError::Network(err)
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
