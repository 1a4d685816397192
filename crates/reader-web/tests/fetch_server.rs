//! The fetching layer against a real HTTP server on 127.0.0.1 (started by
//! each test), plus local files and `Source::parse`.

mod support;

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use reader_errors::{Coded, ErrorCode};
use reader_web::fetch::{FetchError, FetchOptions, Page, PageKind, Source, fetch};
use support::http_server::{Reply, TestServer, head, html, redirect, response};

/// A few hundred characters of a real NetEase article.
const CHINESE: &str = "同心筑梦,京津冀协同发展迈上新台阶。2023年5月,习近平总书记在河北考察并主持召开深入推进京津冀协同发展座谈会时强调,以更加奋发有为的精神状态推进各项工作,推动京津冀协同发展不断迈上新台阶,努力使京津冀成为中国式现代化建设的先行区、示范区。殷殷嘱托,久久回响,化为奋发笃行的磅礴力量。河北在对接京津、服务京津中加快发展自己,在推进京津冀协同发展和高标准高质量建设雄安新区中彰显新担当,携手京津努力打造中国式现代化建设的先行区、示范区,京津冀协同发展不断迈上新台阶。";

fn article(text: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>文章</title></head><body><article><p>{text}</p></article></body></html>"
    )
}

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, had_errors) = encoding_rs::GBK.encode(text);
    assert!(!had_errors);
    bytes.into_owned()
}

async fn get(server: &TestServer, path: &str) -> Result<Page, FetchError> {
    get_with(server, path, &FetchOptions::default()).await
}

async fn get_with(
    server: &TestServer,
    path: &str,
    opts: &FetchOptions,
) -> Result<Page, FetchError> {
    fetch(&Source::Web(server.url(path)), opts).await
}

#[track_caller]
fn expect_code(result: Result<Page, FetchError>, code: ErrorCode) -> FetchError {
    match result {
        Err(e) => {
            assert_eq!(e.code(), code, "wrong error: {e} ({e:?})");
            e
        }
        Ok(page) => panic!("expected {code}, got a page: {:?}", page.url),
    }
}

fn arg(err: &FetchError, name: &str) -> String {
    err.l10n_args()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no arg {name} in {:?}", err.l10n_args()))
}

// ---------------------------------------------------------------------------
// Plain success, headers, content types
// ---------------------------------------------------------------------------

#[tokio::test]
async fn html_200() {
    let server = TestServer::start(|_| html(&article(CHINESE))).await;
    let page = get(&server, "/a.html").await.expect("page");
    assert_eq!(page.kind, PageKind::Html);
    assert_eq!(page.encoding, "UTF-8");
    assert_eq!(page.url, Some(server.url("/a.html")));
    assert!(page.text.contains("京津冀协同发展迈上新台阶"));
}

#[tokio::test]
async fn request_headers_seen_by_server() {
    let server = TestServer::start(|_| html("<p>hi</p>")).await;
    let opts = FetchOptions::default();
    get_with(&server, "/", &opts).await.expect("page");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "GET");
    assert_eq!(request.header("user-agent"), Some(opts.user_agent.as_str()));
    assert!(opts.user_agent.contains("Mozilla/5.0") && opts.user_agent.contains("Chrome/"));
    assert_eq!(
        request.header("accept-language"),
        Some("zh-CN,zh;q=0.9,en;q=0.8")
    );
    assert!(
        request
            .header("accept")
            .is_some_and(|a| a.starts_with("text/html"))
    );
    let encodings = request.header("accept-encoding").unwrap_or_default();
    for expected in ["gzip", "deflate", "br"] {
        assert!(
            encodings.contains(expected),
            "accept-encoding {encodings:?}"
        );
    }
}

#[tokio::test]
async fn custom_identity_is_sent() {
    let server = TestServer::start(|_| html("<p>hi</p>")).await;
    let opts = FetchOptions {
        user_agent: "CareReaderTest/1.0".into(),
        accept_language: "en-US".into(),
        ..FetchOptions::default()
    };
    get_with(&server, "/", &opts).await.expect("page");
    let request = &server.requests()[0];
    assert_eq!(request.header("user-agent"), Some("CareReaderTest/1.0"));
    assert_eq!(request.header("accept-language"), Some("en-US"));
}

#[tokio::test]
async fn text_plain_is_plain_text() {
    let server = TestServer::start(|_| {
        response(
            200,
            &[("Content-Type", "text/plain; charset=utf-8")],
            "标题\n\n第一段。\n\n第二段。".as_bytes(),
        )
    })
    .await;
    let page = get(&server, "/notes.txt").await.expect("page");
    assert_eq!(page.kind, PageKind::PlainText);
    assert!(page.text.starts_with("标题"));
}

#[tokio::test]
async fn xhtml_is_html() {
    let body = r#"<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>"#;
    let server = TestServer::start(move |_| {
        response(
            200,
            &[("Content-Type", "application/xhtml+xml")],
            body.as_bytes(),
        )
    })
    .await;
    assert_eq!(get(&server, "/").await.expect("page").kind, PageKind::Html);
}

#[tokio::test]
async fn unsupported_content_types() {
    let server = TestServer::start(|request| {
        let content_type = match request.path() {
            "/image" => "image/png",
            "/pdf" => "application/pdf",
            "/json" => "application/json; charset=utf-8",
            _ => "application/octet-stream",
        };
        response(
            200,
            &[("Content-Type", content_type)],
            b"\x89PNG\r\n\x1a\n....",
        )
    })
    .await;
    // The reader is told what it is in words, never its MIME type.
    for (path, expected) in [
        ("/image", "picture"),
        ("/pdf", "pdf"),
        ("/json", "file"),
        ("/download", "file"),
    ] {
        let err = expect_code(get(&server, path).await, ErrorCode::UnsupportedContentType);
        assert_eq!(arg(&err, "kind"), expected);
    }
}

#[tokio::test]
async fn missing_content_type_is_sniffed() {
    let server = TestServer::start(|request| match request.path() {
        "/html" => response(200, &[], article(CHINESE).as_bytes()),
        "/text" => response(200, &[], "只是一段文字。".as_bytes()),
        _ => response(200, &[], b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"),
    })
    .await;
    assert_eq!(
        get(&server, "/html").await.expect("html").kind,
        PageKind::Html
    );
    assert_eq!(
        get(&server, "/text").await.expect("text").kind,
        PageKind::PlainText
    );
    let err = expect_code(
        get(&server, "/pdf").await,
        ErrorCode::UnsupportedContentType,
    );
    assert_eq!(arg(&err, "kind"), "pdf");
}

// ---------------------------------------------------------------------------
// Status codes and redirects
// ---------------------------------------------------------------------------

#[tokio::test]
async fn http_error_statuses() {
    let server = TestServer::start(|request| match request.path() {
        "/missing" => response(404, &[("Content-Type", "text/html")], b"<h1>404</h1>"),
        _ => response(500, &[("Content-Type", "text/html")], b"<h1>oops</h1>"),
    })
    .await;
    let err = expect_code(get(&server, "/missing").await, ErrorCode::PageNotFound);
    assert_eq!(arg(&err, "status"), "404");
    let err = expect_code(get(&server, "/broken").await, ErrorCode::ServerBusy);
    assert_eq!(arg(&err, "status"), "500");
    assert!(matches!(err, FetchError::HttpStatus { status: 500, .. }));
}

/// `/r/N` redirects to `/r/N-1` (cycling through 301, 302, 307, 308, 303);
/// `/r/0` is the article.
fn chain(path: &str) -> Reply {
    let n: u32 = path
        .strip_prefix("/r/")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    if n == 0 {
        return html(&article("终点"));
    }
    let status = [301, 302, 307, 308, 303][(n % 5) as usize];
    redirect(status, &format!("/r/{}", n - 1))
}

#[tokio::test]
async fn redirect_chain_reports_final_url() {
    let server = TestServer::start(|request| chain(request.path())).await;
    let page = get(&server, "/r/3").await.expect("page");
    assert_eq!(page.url, Some(server.url("/r/0")));
    assert!(page.text.contains("终点"));
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(paths, ["/r/3", "/r/2", "/r/1", "/r/0"]);
}

#[tokio::test]
async fn relative_and_absolute_locations() {
    let server = TestServer::start(|request| match request.path() {
        "/a/start" => redirect(302, "next?x=1"),
        "/a/next" => {
            let host = request.header("host").unwrap_or_default();
            redirect(301, &format!("http://{host}/c#part"))
        }
        _ => html("<p>c</p>"),
    })
    .await;
    let page = get(&server, "/a/start").await.expect("page");
    assert_eq!(page.url, Some(server.url("/c#part")));
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/a/start", "/a/next?x=1", "/c"]);
}

#[tokio::test]
async fn ten_redirects_are_allowed() {
    let server = TestServer::start(|request| chain(request.path())).await;
    let page = get(&server, "/r/10")
        .await
        .expect("10 redirects is the limit, not past it");
    assert_eq!(page.url, Some(server.url("/r/0")));
}

#[tokio::test]
async fn eleven_redirects_are_too_many() {
    let server = TestServer::start(|request| chain(request.path())).await;
    let err = expect_code(get(&server, "/r/11").await, ErrorCode::TooManyRedirects);
    assert_eq!(arg(&err, "limit"), "10");
    // It stopped at the limit instead of following on.
    assert_eq!(server.requests().len(), 11);
}

#[tokio::test]
async fn redirect_loop_is_its_own_error() {
    let server = TestServer::start(|request| match request.path() {
        "/loop/a" => redirect(302, "/loop/b"),
        "/loop/b" => redirect(301, "/loop/a"),
        _ => redirect(302, "/self"),
    })
    .await;
    let err = expect_code(get(&server, "/loop/a").await, ErrorCode::RedirectLoop);
    assert_eq!(arg(&err, "url"), server.url("/loop/a").to_string());
    expect_code(get(&server, "/self").await, ErrorCode::RedirectLoop);
}

#[tokio::test]
async fn redirect_to_other_scheme_is_refused() {
    let server = TestServer::start(|_| redirect(302, "javascript:alert(1)")).await;
    let err = expect_code(get(&server, "/").await, ErrorCode::UnsupportedScheme);
    assert_eq!(arg(&err, "scheme"), "javascript");
}

#[tokio::test]
async fn redirect_without_location_is_a_status_error() {
    let server = TestServer::start(|_| response(302, &[], b"")).await;
    let err = expect_code(get(&server, "/").await, ErrorCode::HttpStatus);
    assert_eq!(arg(&err, "status"), "302");
}

/// A portal that sets a cookie on `/start` and only serves `/article` to
/// visitors who send it back; without the cookie `/article` bounces to
/// `/start` again.
fn cookie_portal(request: &support::http_server::Request) -> Reply {
    let has_cookie = request
        .header("cookie")
        .is_some_and(|c| c.split(';').any(|kv| kv.trim() == "sid=abc123"));
    match request.path() {
        "/start" => response(
            302,
            &[
                ("Set-Cookie", "sid=abc123; Path=/; HttpOnly"),
                ("Location", "/article"),
            ],
            b"",
        ),
        "/article" if has_cookie => html(&article(CHINESE)),
        _ => redirect(302, "/start"),
    }
}

#[tokio::test]
async fn cookie_set_on_redirect_is_sent_back() {
    let server = TestServer::start(cookie_portal).await;
    let page = get(&server, "/start").await.expect("page");
    assert_eq!(page.url, Some(server.url("/article")));
    assert!(page.text.contains("京津冀"));
}

#[tokio::test]
async fn revisiting_a_url_with_a_new_cookie_is_not_a_loop() {
    // /article (no cookie) → /start (sets it) → /article (with it) → 200.
    let server = TestServer::start(cookie_portal).await;
    let page = get(&server, "/article").await.expect("page");
    assert_eq!(page.url, Some(server.url("/article")));
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[2].header("cookie"), Some("sid=abc123"));
}

#[tokio::test]
async fn cookies_do_not_leak_between_fetches() {
    let server = TestServer::start(cookie_portal).await;
    get(&server, "/start").await.expect("first fetch");
    get(&server, "/start").await.expect("second fetch");
    // The second fetch's first request carries no cookie from the first.
    let starts: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.path() == "/start")
        .collect();
    assert_eq!(starts.len(), 2);
    assert!(starts.iter().all(|r| r.header("cookie").is_none()));
}

// ---------------------------------------------------------------------------
// Limits: time and size
// ---------------------------------------------------------------------------

fn quick_timeout() -> FetchOptions {
    FetchOptions {
        total_timeout: Duration::from_secs(1),
        ..FetchOptions::default()
    }
}

#[tokio::test]
async fn server_that_never_answers_times_out() {
    let server = TestServer::start(|_| Reply::Hang).await;
    let started = Instant::now();
    let err = expect_code(
        get_with(&server, "/", &quick_timeout()).await,
        ErrorCode::Timeout,
    );
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(3), "took {elapsed:?}");
    assert!(
        elapsed >= Duration::from_millis(900),
        "gave up too early: {elapsed:?}"
    );
    assert_eq!(arg(&err, "seconds"), "1");
}

#[tokio::test]
async fn trickling_body_times_out() {
    let server = TestServer::start(|_| Reply::Trickle {
        head: head(
            200,
            &[("Content-Type", "text/html"), ("Content-Length", "100000")],
        ),
        every: Duration::from_millis(50),
    })
    .await;
    let started = Instant::now();
    expect_code(
        get_with(&server, "/", &quick_timeout()).await,
        ErrorCode::Timeout,
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn slow_redirect_chain_shares_one_deadline() {
    // Each hop answers in 400 ms: fine alone, but four of them blow 1 s.
    let server = TestServer::start(|request| {
        Reply::Delayed(Duration::from_millis(400), Box::new(chain(request.path())))
    })
    .await;
    let started = Instant::now();
    expect_code(
        get_with(&server, "/r/4", &quick_timeout()).await,
        ErrorCode::Timeout,
    );
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn endless_body_is_too_large() {
    let server = TestServer::start(|_| Reply::EndlessChunked {
        head: head(
            200,
            &[
                ("Content-Type", "text/html"),
                ("Transfer-Encoding", "chunked"),
            ],
        ),
    })
    .await;
    let opts = FetchOptions {
        max_bytes: 64 * 1024,
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let err = expect_code(get_with(&server, "/", &opts).await, ErrorCode::TooLarge);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(arg(&err, "limit"), "0.1");
    assert!(matches!(err, FetchError::TooLarge { limit_bytes: 65536 }));
}

#[tokio::test]
async fn declared_length_over_limit_is_refused_up_front() {
    let server = TestServer::start(|_| Reply::Trickle {
        head: head(
            200,
            &[
                ("Content-Type", "text/html"),
                ("Content-Length", "99999999"),
            ],
        ),
        every: Duration::from_secs(60),
    })
    .await;
    let started = Instant::now();
    expect_code(get(&server, "/").await, ErrorCode::TooLarge);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn body_exactly_at_limit_is_fine() {
    let body = format!("<p>{}</p>", "a".repeat(1000 - 7));
    assert_eq!(body.len(), 1000);
    let server = TestServer::start(move |_| html(&body)).await;
    let opts = FetchOptions {
        max_bytes: 1000,
        ..FetchOptions::default()
    };
    get_with(&server, "/", &opts)
        .await
        .expect("1000 bytes fit in 1000");
    let opts = FetchOptions {
        max_bytes: 999,
        ..FetchOptions::default()
    };
    expect_code(get_with(&server, "/", &opts).await, ErrorCode::TooLarge);
}

#[tokio::test]
async fn connection_refused_is_unreachable() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    }; // listener dropped: nothing listens there any more
    let url = url::Url::parse(&format!("http://127.0.0.1:{port}/")).expect("url");
    let started = Instant::now();
    let err = expect_code(
        fetch(&Source::Web(url), &FetchOptions::default()).await,
        ErrorCode::Unreachable,
    );
    assert_eq!(arg(&err, "host"), "127.0.0.1");
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// A name that does not exist is a typo to fix, not a site to wait for:
/// told apart from a refused connection (above).
#[tokio::test]
async fn unknown_host_is_not_found() {
    // `.invalid` is reserved (RFC 2606) and never resolves, with or without
    // a network.
    let source = Source::parse("https://care-reader-test.invalid/").expect("source");
    let opts = FetchOptions {
        total_timeout: Duration::from_secs(10),
        ..FetchOptions::default()
    };
    // No route out at all (a machine with no network) is the one honest
    // other answer.
    let offline = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:53"))
        .is_err();
    match fetch(&source, &opts).await {
        Err(e) if offline => assert_eq!(e.code(), ErrorCode::Offline, "{e:?}"),
        Err(e) => {
            assert_eq!(e.code(), ErrorCode::HostNotFound, "{e:?}");
            assert_eq!(arg(&e, "host"), "care-reader-test.invalid");
        }
        Ok(page) => panic!("resolved an .invalid host: {:?}", page.url),
    }
}

// ---------------------------------------------------------------------------
// Content-Encoding
// ---------------------------------------------------------------------------

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("deflate");
    encoder.finish().expect("deflate")
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        writer.write_all(bytes).expect("brotli");
    }
    out
}

#[tokio::test]
async fn compressed_bodies_are_decoded() {
    let body = article(CHINESE).into_bytes();
    let encoded = [
        ("gzip", gzip(&body)),
        ("deflate", zlib(&body)),
        ("br", brotli(&body)),
    ];
    for (encoding, compressed) in encoded {
        assert_ne!(compressed, body);
        let server = TestServer::start(move |_| {
            response(
                200,
                &[
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Encoding", encoding),
                ],
                &compressed,
            )
        })
        .await;
        let page = get(&server, "/").await.expect(encoding);
        assert!(
            page.text.contains("京津冀协同发展迈上新台阶"),
            "{encoding}: {}",
            page.text
        );
    }
}

#[tokio::test]
async fn size_limit_applies_to_decompressed_bytes() {
    // 2 MB of zeros gzip to ~2 KB: a small download, a big page.
    let bomb = gzip(&vec![b' '; 2 * 1024 * 1024]);
    assert!(bomb.len() < 64 * 1024);
    let server = TestServer::start(move |_| {
        response(
            200,
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            &bomb,
        )
    })
    .await;
    let opts = FetchOptions {
        max_bytes: 1024 * 1024,
        ..FetchOptions::default()
    };
    expect_code(get_with(&server, "/", &opts).await, ErrorCode::TooLarge);
}

// ---------------------------------------------------------------------------
// Charsets over HTTP
// ---------------------------------------------------------------------------

#[tokio::test]
async fn gbk_page_with_header_charset() {
    let body = gbk(&article(CHINESE));
    let server = TestServer::start(move |_| {
        response(200, &[("Content-Type", "text/html; charset=GBK")], &body)
    })
    .await;
    let page = get(&server, "/").await.expect("page");
    assert_eq!(page.encoding, "GBK");
    assert!(page.text.contains("京津冀协同发展迈上新台阶"));
}

#[tokio::test]
async fn gb2312_meta_only() {
    let html = article(CHINESE).replace(
        "<head>",
        r#"<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#,
    );
    let body = gbk(&html);
    let server =
        TestServer::start(move |_| response(200, &[("Content-Type", "text/html")], &body)).await;
    let page = get(&server, "/").await.expect("page");
    assert_eq!(page.encoding, "GBK");
    assert!(page.text.contains("雄安新区"));
}

#[tokio::test]
async fn utf8_header_on_gbk_body() {
    let body = gbk(&article(CHINESE));
    let server = TestServer::start(move |_| {
        response(200, &[("Content-Type", "text/html; charset=utf-8")], &body)
    })
    .await;
    let page = get(&server, "/").await.expect("page");
    assert_eq!(page.encoding, "GBK");
    assert!(page.text.contains("京津冀协同发展迈上新台阶"));
    assert!(!page.text.contains('\u{FFFD}'));
}

// ---------------------------------------------------------------------------
// Local files
// ---------------------------------------------------------------------------

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = std::env::temp_dir().join(format!(
            "care-reader-fetch-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn open(path: &std::path::Path) -> Result<Page, FetchError> {
    fetch(&Source::File(path.to_path_buf()), &FetchOptions::default()).await
}

#[tokio::test]
async fn html_file_with_gbk_meta() {
    let dir = TempDir::new("gbk");
    let html = article(CHINESE).replace("<head>", r#"<head><meta charset="gb2312">"#);
    let path = dir.write("页面.html", &gbk(&html));
    let page = open(&path).await.expect("page");
    assert_eq!(page.kind, PageKind::Html);
    assert_eq!(page.encoding, "GBK");
    assert!(page.text.contains("京津冀"));
    let url = page.url.expect("file URL");
    assert_eq!(url.scheme(), "file");
    assert_eq!(url.to_file_path().ok(), std::fs::canonicalize(&path).ok());
}

#[tokio::test]
async fn file_url_source() {
    let dir = TempDir::new("url");
    let path = dir.write("a b.htm", article("文件").as_bytes());
    let url = url::Url::from_file_path(&path).expect("file url");
    let source = Source::parse(url.as_str()).expect("parse");
    assert_eq!(source, Source::File(path.clone()));
    let page = fetch(&source, &FetchOptions::default())
        .await
        .expect("page");
    assert!(page.text.contains("文件"));
    // An existing path typed as-is works too.
    let source = Source::parse(&path.display().to_string()).expect("parse");
    assert_eq!(source, Source::File(path));
}

#[tokio::test]
async fn text_file_and_sniffed_files() {
    let dir = TempDir::new("kinds");
    let txt = dir.write("notes.txt", "<p>不是网页</p>\n\n第二段".as_bytes());
    assert_eq!(open(&txt).await.expect("txt").kind, PageKind::PlainText);
    let saved = dir.write("saved-page", article(CHINESE).as_bytes());
    assert_eq!(
        open(&saved).await.expect("no extension").kind,
        PageKind::Html
    );
    let plain = dir.write("README", "就是文字。".as_bytes());
    assert_eq!(
        open(&plain).await.expect("readme").kind,
        PageKind::PlainText
    );
    let pdf = dir.write("paper.pdf", b"%PDF-1.7");
    let err = expect_code(open(&pdf).await, ErrorCode::UnsupportedContentType);
    assert_eq!(arg(&err, "kind"), "pdf");
    let binary = dir.write("blob", b"\x00\x01\x02\x03binary");
    expect_code(open(&binary).await, ErrorCode::UnsupportedContentType);
}

#[tokio::test]
async fn mhtml_file() {
    let dir = TempDir::new("mhtml");
    let mut archive = b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B----\"\r\n\r\n------B----\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: binary\r\n\r\n".to_vec();
    archive.extend(gbk(&article(CHINESE)));
    archive.extend_from_slice(b"\r\n------B------\r\n");
    let path = dir.write("saved.mhtml", &archive);
    let page = open(&path).await.expect("page");
    assert_eq!(page.kind, PageKind::Html);
    assert_eq!(page.encoding, "GBK");
    assert!(page.text.starts_with("<!DOCTYPE html>"));
    assert!(page.text.contains("京津冀协同发展迈上新台阶"));
}

#[tokio::test]
async fn file_errors() {
    let dir = TempDir::new("errors");
    let missing = dir.0.join("missing.html");
    let err = expect_code(open(&missing).await, ErrorCode::FileNotFound);
    assert_eq!(arg(&err, "path"), missing.display().to_string());
    expect_code(open(&dir.0).await, ErrorCode::NotAFile);

    let big = dir.write("big.html", &vec![b'a'; 2048]);
    let opts = FetchOptions {
        max_bytes: 1024,
        ..FetchOptions::default()
    };
    let result = fetch(&Source::File(big), &opts).await;
    expect_code(result, ErrorCode::TooLarge);
    // A path "through" a file: ENOTDIR, neither missing nor a directory.
    let file = dir.write("plain.html", b"<p>x</p>");
    let through = file.join("child.html");
    let err = expect_code(open(&through).await, ErrorCode::Io);
    assert_eq!(arg(&err, "path"), through.display().to_string());
    assert!(!arg(&err, "detail").is_empty());
}

#[cfg(unix)]
#[tokio::test]
async fn unreadable_file_is_io() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("perm");
    let path = dir.write("secret.html", b"<p>x</p>");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads anything; then there is nothing to test here (`file_errors`
    // covers the `io` code with a path through a file instead).
    if std::fs::read(&path).is_ok() {
        return;
    }
    let err = expect_code(open(&path).await, ErrorCode::Io);
    assert_eq!(arg(&err, "path"), path.display().to_string());
}

// ---------------------------------------------------------------------------
// Source::parse
// ---------------------------------------------------------------------------

#[test]
fn parse_table() {
    let web = |s: &str| match Source::parse(s) {
        Ok(Source::Web(url)) => url.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(
        web("https://news.163.com/a/b.html"),
        "https://news.163.com/a/b.html"
    );
    assert_eq!(
        web("news.163.com/a/b.html"),
        "https://news.163.com/a/b.html"
    );
    assert_eq!(web("http://127.0.0.1:8080/x"), "http://127.0.0.1:8080/x");
    assert_eq!(Source::parse("-").ok(), Some(Source::Stdin));
    for (input, code) in [
        ("", ErrorCode::InvalidAddress),
        ("not an address", ErrorCode::InvalidAddress),
        ("javascript:void(0)", ErrorCode::UnsupportedScheme),
        ("data:text/plain,hi", ErrorCode::UnsupportedScheme),
        (
            "ftp://ftp.example.com/file.html",
            ErrorCode::UnsupportedScheme,
        ),
        ("mailto:editor@163.com", ErrorCode::UnsupportedScheme),
    ] {
        match Source::parse(input) {
            Err(e) => assert_eq!(e.code(), code, "input {input:?}"),
            Ok(s) => panic!("{input:?} parsed as {s:?}"),
        }
    }
}

// ---------------------------------------------------------------------------
// Images for the reader view
// ---------------------------------------------------------------------------

/// The smallest valid PNG: one transparent pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

#[tokio::test]
async fn images_come_back_with_their_type_after_a_redirect() {
    use reader_web::fetch::fetch_image;
    let server = TestServer::start(|req| match req.path() {
        "/old.png" => redirect(302, "/new.png"),
        "/new.png" => response(200, &[("Content-Type", "image/png")], PNG),
        _ => response(404, &[], b""),
    })
    .await;
    let image = fetch_image(&server.url("/old.png"), &FetchOptions::default())
        .await
        .expect("image");
    assert_eq!(image.content_type, "image/png");
    assert_eq!(image.bytes, PNG);
    let accept = server.requests()[0]
        .header("accept")
        .unwrap_or_default()
        .to_owned();
    assert!(accept.starts_with("image/"), "{accept}");
}

#[tokio::test]
async fn things_that_are_not_raster_images_are_refused() {
    use reader_web::fetch::{MAX_IMAGE_BYTES, fetch_image};
    let server = TestServer::start(|req| match req.path() {
        "/a.svg" => response(
            200,
            &[("Content-Type", "image/svg+xml")],
            b"<svg onload=alert(1)></svg>",
        ),
        "/page.png" => html("<p>not a picture</p>"),
        "/huge.png" => {
            let len = (MAX_IMAGE_BYTES + 1).to_string();
            Reply::Raw(head(
                200,
                &[("Content-Type", "image/png"), ("Content-Length", &len)],
            ))
        }
        _ => response(404, &[], b""),
    })
    .await;
    let opts = FetchOptions::default();
    let code = |r: Result<reader_web::fetch::Image, FetchError>| {
        r.map(|_| ()).expect_err("a refusal").code()
    };
    assert_eq!(
        code(fetch_image(&server.url("/a.svg"), &opts).await),
        ErrorCode::UnsupportedContentType
    );
    assert_eq!(
        code(fetch_image(&server.url("/page.png"), &opts).await),
        ErrorCode::UnsupportedContentType
    );
    assert_eq!(
        code(fetch_image(&server.url("/huge.png"), &opts).await),
        ErrorCode::TooLarge
    );
    assert_eq!(
        code(fetch_image(&server.url("/gone.png"), &opts).await),
        ErrorCode::PageNotFound
    );
    let data = url::Url::parse("data:image/png;base64,AAAA").expect("data URL");
    assert_eq!(
        code(fetch_image(&data, &opts).await),
        ErrorCode::UnsupportedScheme
    );
}

/// A real TLS server on 127.0.0.1 whose certificate no one vouches for (made
/// here, self-signed): the shared TLS set-up must refuse it, as the
/// platform's verifier does, and say it was the secure connection. Twice,
/// so the second client (the set-up reused) is held to it as well.
#[tokio::test]
async fn a_certificate_no_one_vouches_for_is_refused() {
    use std::sync::Arc;
    use tokio_rustls::rustls;

    let made = match rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned()]) {
        Ok(made) => made,
        Err(e) => panic!("could not make a certificate: {e}"),
    };
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(made.key_pair.serialize_der().into());
    let server = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .and_then(|b| {
        b.with_no_client_auth()
            .with_single_cert(vec![made.cert.der().clone()], key)
    });
    let server = match server {
        Ok(config) => tokio_rustls::TlsAcceptor::from(Arc::new(config)),
        Err(e) => panic!("could not set up the TLS server: {e}"),
    };
    let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
        Ok(l) => l,
        Err(e) => panic!("could not listen: {e}"),
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    let handshakes = tokio::spawn(async move {
        let mut refused = 0;
        while let Ok((stream, _)) = listener.accept().await {
            // The client gives up during the handshake.
            if server.accept(stream).await.is_err() {
                refused += 1;
            }
            if refused == 2 {
                break;
            }
        }
        refused
    });
    let url = format!("https://127.0.0.1:{port}/article.html");
    for attempt in 1..=2 {
        let source = Source::parse(&url).expect("an https address");
        match fetch(&source, &FetchOptions::default()).await {
            Err(e) => assert_eq!(
                e.code(),
                ErrorCode::Tls,
                "attempt {attempt}: the wrong error for an untrusted certificate: {e:?}"
            ),
            Ok(page) => panic!("attempt {attempt}: a page from an untrusted server: {page:?}"),
        }
    }
    let refused = tokio::time::timeout(Duration::from_secs(10), handshakes).await;
    assert!(
        matches!(refused, Ok(Ok(2))),
        "both handshakes should have reached the server and failed there: {refused:?}"
    );
}
