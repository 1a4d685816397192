//! End-to-end tests of the `care-reader` binary: exit codes, localised
//! errors, output formats and batch mode.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::{assert_exit, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_care-reader");

/// A small news article: a navigation list, a title, five real paragraphs
/// (one with a relative link) and a footer.
const ARTICLE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>River Towns Plan for Longer Summers | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
</head>
<body>
<nav>
  <ul>
    <li><a href="/">Home</a></li>
    <li><a href="/news/">News</a></li>
    <li><a href="/sport/">Sport</a></li>
    <li><a href="/weather/">Weather</a></li>
  </ul>
</nav>
<main>
<article>
<h1>River Towns Plan for Longer Summers</h1>
<p class="byline">By Margaret Ellis</p>
<p>Along the lower valley, the small towns that grew up beside the river are drawing up plans for summers that now arrive earlier and stay much longer than they did when most of their residents were young. Council meetings that once argued about parking now spend the evening on shade, water and the care of older neighbours.</p>
<p>In Millbrook, volunteers have started a telephone round that calls every resident over seventy-five on the hottest afternoons. The calls are short and friendly, and they ask the same three questions each time: whether the person has enough water, whether the house is cool enough, and whether anyone has visited that day.</p>
<p>The library in Eastford has become a cooling room, opening its reading hall until nine in the evening during heat warnings. Librarians say that many visitors come for the cool air and stay for the newspapers, and that the large-print shelf has never been so popular. <a href="/news/cooling-rooms">Read how the cooling rooms work</a>.</p>
<p>Doctors at the district hospital welcome the changes but warn that the simplest advice is still the most important. Drink water before you feel thirsty, keep curtains closed during the day, open windows when the evening air is cooler, and check on anyone who lives alone, especially if they take regular medicine.</p>
<p>The towns will meet again in the autumn to compare notes. Organisers hope that what began as an emergency measure will become an ordinary part of summer life, as familiar as the fair and the river festival, so that nobody in the valley has to face a long hot week on their own.</p>
</article>
</main>
<footer><p>© The Valley Courier</p></footer>
</body>
</html>
"#;

/// A page with nothing but links: no article.
const LINKS_ONLY: &str = r#"<!DOCTYPE html>
<html><head><title>Front Page</title></head>
<body><ul>
<li><a href="/a">Story one</a></li><li><a href="/b">Story two</a></li>
<li><a href="/c">Story three</a></li><li><a href="/d">Story four</a></li>
</ul></body></html>
"#;

/// Run the binary with a clean locale environment and optional stdin.
fn run(args: &[&str], stdin: Option<&str>) -> Output {
    run_with_env(args, stdin, &[])
}

fn run_with_env(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C")
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the care-reader binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input.as_bytes())
            .expect("stdin accepts the page");
    }
    child.wait_with_output().expect("care-reader finishes")
}

/// A fresh, empty directory for one test.
fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("care-reader-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    TempDir(dir)
}

/// Removed when the test ends (kept if the test panics, for a look).
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

// ---- errors and exit codes ----

#[test]
fn rejected_scheme_exits_3_with_a_chinese_message() {
    let out = run(&["extract", "javascript:alert(1)", "--lang", "zh-CN"], None);
    assert_exit(&out, 3);
    assert_eq!(
        stderr(&out).trim(),
        "出错了：这里打不开以“javascript:”开头的地址。请使用以 https:// 或 http:// 开头的网址。"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn rejected_scheme_exits_3_with_an_english_message() {
    let out = run(
        &["extract", "ftp://example.com/a.html", "--lang", "en-US"],
        None,
    );
    assert_exit(&out, 3);
    assert_eq!(
        stderr(&out).trim(),
        "Error: Addresses that start with “ftp:” can’t be opened here. \
         Use an address that starts with https:// or http://."
    );
}

#[test]
fn language_comes_from_the_environment_without_lang() {
    let out = run_with_env(
        &["extract", "javascript:x"],
        None,
        &[("LANG", "zh_CN.UTF-8")],
    );
    assert_exit(&out, 3);
    assert!(stderr(&out).starts_with("出错了："), "{}", stderr(&out));
    // --lang wins over the environment, before or after the subcommand.
    let out = run_with_env(
        &["--lang", "en-US", "extract", "javascript:x"],
        None,
        &[("LC_ALL", "zh_CN.UTF-8")],
    );
    assert!(stderr(&out).starts_with("Error: "), "{}", stderr(&out));
}

#[test]
fn invalid_address_exits_3() {
    let out = run(&["extract", "hello world", "--lang", "en-US"], None);
    assert_exit(&out, 3);
    assert!(
        stderr(&out).contains("“hello world” is not a web address"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn invalid_base_url_exits_3() {
    let out = run(
        &["extract", "-", "--url", "not-a-url", "--lang", "en-US"],
        Some(ARTICLE),
    );
    assert_exit(&out, 3);
    assert!(stderr(&out).contains("“not-a-url”"), "{}", stderr(&out));
}

#[test]
fn an_empty_base_url_means_none() {
    let out = run(
        &["extract", "-", "--url", "", "--format", "text"],
        Some(ARTICLE),
    );
    assert_exit(&out, 0);
}

#[test]
fn missing_file_exits_7() {
    let out = run(
        &["extract", "/definitely/not/here.html", "--lang", "zh-CN"],
        None,
    );
    assert_exit(&out, 7);
    assert_eq!(
        stderr(&out).trim(),
        "出错了：找不到文件“/definitely/not/here.html”。请检查文件名后再试。"
    );
}

#[test]
fn a_folder_is_not_a_file_exits_7() {
    let dir = temp_dir("folder");
    let out = run(&["extract", path_str(&dir), "--lang", "en-US"], None);
    assert_exit(&out, 7);
    assert!(stderr(&out).contains("is a folder"), "{}", stderr(&out));
}

#[test]
fn binary_input_is_refused_with_6() {
    let out = run(&["extract", "-", "--lang", "en-US"], Some("%PDF-1.7\n..."));
    assert_exit(&out, 6);
    // Named in words, never by its MIME type.
    assert!(stderr(&out).contains("a PDF document"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("application/pdf"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_input_exits_8() {
    let out = run(&["extract", "-", "--lang", "en-US"], Some(""));
    assert_exit(&out, 8);
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
}

#[test]
fn a_page_of_links_has_no_article_exits_8() {
    let out = run(&["extract", "-", "--lang", "zh-CN"], Some(LINKS_ONLY));
    assert_exit(&out, 8);
    assert!(
        stderr(&out).contains("没有找到可以阅读的文章"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_exit(&run(&["extract"], None), 2);
    assert_exit(&run(&["extract", "a.html", "--format", "pdf"], None), 2);
    assert_exit(&run(&["extract", "a.html", "--batch", "list.tsv"], None), 2);
    assert_exit(&run(&["frobnicate"], None), 2);
}

#[test]
fn help_documents_the_exit_codes() {
    for args in [&["--help"][..], &["extract", "--help"]] {
        let out = run(args, None);
        assert_exit(&out, 0);
        let help = stdout(&out);
        assert!(help.contains("Exit codes:"), "{help}");
        for code in 0..=8 {
            assert!(
                help.contains(&format!("\n  {code}  ")),
                "exit code {code} in {help}"
            );
        }
    }
}

// ---- extraction output (needs the real extractor) ----

#[test]
fn text_output_is_the_body_one_paragraph_per_line() {
    let out = run(&["extract", "-", "--format", "text"], Some(ARTICLE));
    assert_exit(&out, 0);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("Along the lower valley"), "{text}");
    assert!(lines[4].ends_with("on their own."), "{text}");
    for nav in ["Home", "Sport", "Weather", "Valley Courier"] {
        assert!(
            !text.contains(nav),
            "navigation/footer {nav:?} leaked: {text}"
        );
    }
    assert!(
        !text.contains("River Towns Plan"),
        "text has no title: {text}"
    );
}

#[test]
fn markdown_output_is_a_readable_document() {
    let out = run(
        &[
            "extract",
            "-",
            "--format",
            "markdown",
            "--url",
            "https://courier.example/news/river-towns",
        ],
        Some(ARTICLE),
    );
    assert_exit(&out, 0);
    let md = stdout(&out);
    assert!(
        md.starts_with("# River Towns Plan for Longer Summers\n"),
        "{md}"
    );
    assert!(md.contains("\n\nAlong the lower valley"), "{md}");
    // The relative link resolves against --url.
    assert!(
        md.contains(
            "[Read how the cooling rooms work](https://courier.example/news/cooling-rooms)"
        ),
        "{md}"
    );
    assert!(!md.contains("[Home]"), "{md}");
    assert!(md.ends_with(".\n"), "{md}");
}

#[test]
fn markdown_is_the_default_format() {
    let out = run(&["extract", "-"], Some(ARTICLE));
    assert_exit(&out, 0);
    assert!(
        stdout(&out).starts_with("# River Towns Plan"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn json_output_is_the_whole_article() {
    let out = run(&["extract", "-", "--format", "json"], Some(ARTICLE));
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["title"], "River Towns Plan for Longer Summers");
    let blocks = json["blocks"].as_array().expect("blocks");
    let paragraphs = blocks.iter().filter(|b| b["type"] == "paragraph").count();
    assert_eq!(paragraphs, 5, "{json:#}");
    assert!(json["word_count"].as_u64().unwrap_or(0) > 250, "{json:#}");
    assert!(json["reading_minutes"].as_u64().unwrap_or(0) >= 1);
}

#[test]
fn a_saved_file_reads_like_stdin() {
    let dir = temp_dir("file");
    let page = dir.join("river.html");
    std::fs::write(&page, ARTICLE).expect("write page");
    let out = run(&["extract", path_str(&page), "--format", "text"], None);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).starts_with("Along the lower valley"),
        "{}",
        stdout(&out)
    );
}

// ---- batch mode ----

#[test]
fn batch_extracts_what_it_can_and_reports_the_rest() {
    let dir = temp_dir("batch");
    let first = dir.join("first.html");
    let second = dir.join("second.html");
    std::fs::write(&first, ARTICLE).expect("write");
    std::fs::write(&second, ARTICLE.replace("River Towns", "Hill Towns")).expect("write");
    let missing = dir.join("missing.html");
    let out_dir = dir.join("out");
    let outs = [
        out_dir.join("1.txt"),
        out_dir.join("2.txt"),
        out_dir.join("3.txt"),
    ];
    let list = dir.join("list.tsv");
    let lines = [
        format!(
            "{}\thttps://courier.example/news/a\t{}",
            path_str(&first),
            path_str(&outs[0])
        ),
        format!("{}\t\t{}", path_str(&missing), path_str(&outs[1])),
        format!(
            "{}\thttps://courier.example/news/b\t{}",
            path_str(&second),
            path_str(&outs[2])
        ),
    ];
    std::fs::write(&list, lines.join("\n") + "\n").expect("write list");

    let out = run(
        &["extract", "--batch", path_str(&list), "--lang", "en-US"],
        None,
    );
    assert_exit(&out, 0);
    let err = stderr(&out);

    // The missing page is reported, with an empty output and no timing.
    assert!(err.contains(path_str(&missing)), "{err}");
    assert!(err.contains("could not be found"), "{err}");
    assert_eq!(std::fs::read_to_string(&outs[1]).ok().as_deref(), Some(""));
    assert!(!Path::new(&format!("{}.ms", path_str(&outs[1]))).exists());
    assert!(err.contains("Processed 3 pages"), "{err}");

    // The other two are written, each with its extraction time.
    for out_path in [&outs[0], &outs[2]] {
        assert!(
            out_path.exists(),
            "{} not written; {err}",
            out_path.display()
        );
        let ms_path = format!("{}.ms", path_str(out_path));
        let ms: f64 = std::fs::read_to_string(&ms_path)
            .expect("the .ms file is written")
            .trim()
            .parse()
            .expect("the .ms file holds a number");
        assert!(ms.is_finite() && ms >= 0.0, "{ms}");
    }
}

#[test]
fn batch_pages_are_extracted_as_text() {
    // Needs the real extractor, like the output-format tests above.
    let dir = temp_dir("batch-text");
    let page = dir.join("page.html");
    std::fs::write(&page, ARTICLE).expect("write");
    let out_path = dir.join("page.txt");
    let list = dir.join("list.tsv");
    std::fs::write(
        &list,
        format!(
            "{}\thttps://courier.example/x\t{}\r\n",
            path_str(&page),
            path_str(&out_path)
        ),
    )
    .expect("write list");
    let out = run(&["extract", "--batch", path_str(&list)], None);
    assert_exit(&out, 0);
    let text = std::fs::read_to_string(&out_path).expect("output written");
    assert!(
        text.starts_with("Along the lower valley"),
        "{text}\n{}",
        stderr(&out)
    );
    assert_eq!(text.lines().count(), 5, "{text}");
}

#[test]
fn batch_skips_malformed_lines_and_goes_on() {
    let dir = temp_dir("batch-bad-line");
    let list = dir.join("list.tsv");
    std::fs::write(&list, "# comment\n\nonly-one-column\n").expect("write list");
    let out = run(
        &["extract", "--batch", path_str(&list), "--lang", "zh-CN"],
        None,
    );
    assert_exit(&out, 0);
    let err = stderr(&out);
    assert!(err.contains("已跳过批量清单第 3 行"), "{err}");
    assert!(
        err.contains("共处理 1 个页面：成功 0 个，失败 1 个。"),
        "{err}"
    );
}

#[test]
fn an_unreadable_batch_list_exits_7() {
    let out = run(
        &[
            "extract",
            "--batch",
            "/definitely/not/list.tsv",
            "--lang",
            "en-US",
        ],
        None,
    );
    assert_exit(&out, 7);
    assert!(
        stderr(&out).contains("Could not read the batch list"),
        "{}",
        stderr(&out)
    );
}

// ---- network errors, against this machine only ----

/// A local address nobody listens on: bind a port, then let it go.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// Serve one HTTP response on a local port; returns the port.
fn serve_once(response: impl Into<String>) -> u16 {
    let response: String = response.into();
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0_u8; 4096];
            let _ = stream.read(&mut request);
            let _ = stream.write_all(response.as_bytes());
        }
    });
    port
}

#[test]
fn unreachable_host_exits_4() {
    let url = format!("http://127.0.0.1:{}/article.html", closed_port());
    let out = run(&["extract", &url, "--lang", "en-US"], None);
    assert_exit(&out, 4);
    assert!(stderr(&out).contains("did not answer"), "{}", stderr(&out));
}

#[test]
fn http_error_status_exits_5() {
    let port = serve_once(
        "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    );
    let url = format!("http://127.0.0.1:{port}/gone.html");
    let out = run(&["extract", &url, "--lang", "zh-CN"], None);
    assert_exit(&out, 5);
    assert_eq!(
        stderr(&out).trim(),
        "出错了：网站上找不到这个页面。请看看网址有没有打错。"
    );
}

#[test]
fn a_web_page_is_fetched_and_extracted() {
    // Needs the real extractor.
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{ARTICLE}",
        ARTICLE.len()
    );
    let port = serve_once(response);
    let url = format!("http://127.0.0.1:{port}/news/river-towns");
    let out = run(&["extract", &url, "--format", "markdown"], None);
    assert_exit(&out, 0);
    let md = stdout(&out);
    // Relative links resolve against the page's own address.
    assert!(
        md.contains(&format!("(http://127.0.0.1:{port}/news/cooling-rooms)")),
        "{md}"
    );
}

#[test]
fn a_bad_address_in_the_batch_list_is_ignored_not_fatal() {
    let dir = temp_dir("batch-bad-url");
    let page = dir.join("page.html");
    std::fs::write(&page, ARTICLE).expect("write");
    let out_path = dir.join("page.txt");
    let list = dir.join("list.tsv");
    std::fs::write(
        &list,
        format!("{}\tNone\t{}\n", path_str(&page), path_str(&out_path)),
    )
    .expect("write list");
    let out = run(
        &["extract", "--batch", path_str(&list), "--lang", "en-US"],
        None,
    );
    assert_exit(&out, 0);
    let err = stderr(&out);
    assert!(err.contains("“None” is not a full web address"), "{err}");
    assert!(err.contains("1 extracted, 0 failed"), "{err}");
    assert!(Path::new(&format!("{}.ms", path_str(&out_path))).exists());
}
