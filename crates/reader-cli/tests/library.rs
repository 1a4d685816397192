//! `care-reader library …` end to end (issue 11): save from a local web
//! server (pictures included), list, search, remove, export → import into
//! another store, the app's default store, and refused backups with their
//! exit code and message in both languages.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::{assert_exit, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_care-reader");

/// The smallest PNG there is: one transparent pixel.
const PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

fn page() -> String {
    let para = "秋天到了，湖边的银杏树叶全黄了。很多老人早上来散步，拍照，坐在长椅上聊天。\
                公园管理处说，落叶会保留一个星期，让大家多看几天。";
    format!(
        r#"<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
        <title>湖边的银杏黄了</title></head>
        <body><article><h1>湖边的银杏黄了</h1>
        <p>{para}</p><p>{para}</p>
        <figure><img src="/ginkgo.png" alt="黄色的银杏树"></figure>
        <p>{para}</p><p>{para}</p></article></body></html>"#
    )
}

/// Serves the page at `/ginkgo` and its picture on 127.0.0.1, every
/// request on its own thread, for the life of the test process.
fn serve() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    port
}

fn answer(mut stream: std::net::TcpStream) {
    let mut request = [0_u8; 4096];
    let n = stream.read(&mut request).unwrap_or(0);
    let request = String::from_utf8_lossy(&request[..n]);
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let (status, kind, body): (&str, &str, Vec<u8>) = match path {
        "/ginkgo" => ("200 OK", "text/html; charset=utf-8", page().into_bytes()),
        "/ginkgo.png" => ("200 OK", "image/png", PIXEL_PNG.to_vec()),
        _ => ("404 Not Found", "text/html", Vec::new()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("care-reader runs")
}

/// A fresh, empty directory for one test, removed when it passes.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("care-reader-lib-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    TempDir(dir)
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

#[test]
fn save_list_search_remove_on_the_named_store_file() {
    let dir = temp_dir("save");
    let store = dir.0.join("care-reader.sqlite3");
    let store = path_str(&store);
    let url = format!("http://127.0.0.1:{}/ginkgo", serve());

    let out = run(
        &["library", "save", &url, "--store", store, "--lang", "en-US"],
        &[],
    );
    assert_exit(&out, 0);
    assert_eq!(
        stdout(&out).trim(),
        "Kept 1: “湖边的银杏黄了”, with 1 picture."
    );
    assert!(Path::new(store).exists());

    let out = run(&["library", "--store", store, "list"], &[]);
    assert_exit(&out, 0);
    let line = stdout(&out);
    let fields: Vec<&str> = line.trim_end().split('\t').collect();
    assert_eq!(fields.len(), 5, "{line}");
    assert_eq!(fields[0], "1");
    assert_eq!(fields[1].len(), 10, "the day kept: {line}");
    assert_eq!(fields[2], "0%");
    assert_eq!(fields[3], "湖边的银杏黄了");
    assert_eq!(fields[4], url);

    // A two-character Chinese word, marked in the title.
    let out = run(&["library", "search", "银杏", "--store", store], &[]);
    assert_exit(&out, 0);
    assert!(
        stdout(&out).starts_with("1\t湖边的**银杏**黄了\t"),
        "{}",
        stdout(&out)
    );
    let out = run(
        &[
            "library", "search", "nothing", "here", "--store", store, "--lang", "zh-CN",
        ],
        &[],
    );
    assert_exit(&out, 0);
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out).trim(), "收藏的文章里没有找到“nothing here”。");

    let out = run(
        &[
            "library", "remove", "1", "--store", store, "--lang", "zh-CN",
        ],
        &[],
    );
    assert_exit(&out, 0);
    assert_eq!(
        stdout(&out).trim(),
        "已移除 1：“湖边的银杏黄了”。7 天内可以在程序里恢复。"
    );
    let out = run(
        &["library", "list", "--store", store, "--lang", "en-US"],
        &[],
    );
    assert_exit(&out, 0);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("No articles are kept yet"),
        "{}",
        stderr(&out)
    );

    let out = run(
        &[
            "library", "remove", "99", "--store", store, "--lang", "en-US",
        ],
        &[],
    );
    assert_exit(&out, 1);
    assert_eq!(
        stderr(&out).trim(),
        "Error: This article is no longer in your list. Open it again from its address."
    );
}

#[test]
fn export_then_import_into_another_store_is_the_same_library() {
    let dir = temp_dir("round-trip");
    let first = dir.0.join("first");
    let second = dir.0.join("second");
    std::fs::create_dir_all(&second).expect("second folder");
    let (first, second) = (path_str(&first), path_str(&second));
    let url = format!("http://127.0.0.1:{}/ginkgo", serve());
    assert_exit(&run(&["library", "save", &url, "--store", first], &[]), 0);

    let backup = dir.0.join("backup.json");
    let backup = path_str(&backup);
    let out = run(
        &[
            "library", "export", backup, "--store", first, "--lang", "en-US",
        ],
        &[],
    );
    assert_exit(&out, 0);
    assert_eq!(
        stdout(&out).trim(),
        format!("Wrote 1 article to “{backup}”.")
    );
    let out = run(
        &[
            "library", "import", backup, "--store", second, "--lang", "en-US",
        ],
        &[],
    );
    assert_exit(&out, 0);
    assert!(
        stdout(&out).starts_with("Added 1 articles, kept 0 more"),
        "{}",
        stdout(&out)
    );
    let list = |store: &str| stdout(&run(&["library", "list", "--store", store], &[]));
    assert_eq!(list(first), list(second));
    // Again: nothing is added twice.
    let out = run(
        &[
            "library", "import", backup, "--store", second, "--lang", "en-US",
        ],
        &[],
    );
    assert_exit(&out, 0);
    assert!(
        stdout(&out).starts_with("Added 0 articles"),
        "{}",
        stdout(&out)
    );
    assert_eq!(list(first), list(second));
}

#[test]
fn damaged_and_newer_backups_are_refused_with_exit_7_and_nothing_changes() {
    let dir = temp_dir("refused");
    let store = path_str(&dir.0);
    let url = format!("http://127.0.0.1:{}/ginkgo", serve());
    assert_exit(&run(&["library", "save", &url, "--store", store], &[]), 0);
    let before = stdout(&run(&["library", "list", "--store", store], &[]));

    let damaged = dir.0.join("damaged.json");
    std::fs::write(
        &damaged,
        "{\"format\": \"care-reader-backup\", \"version\": 1, \"arti",
    )
    .expect("write");
    let out = run(
        &[
            "library",
            "import",
            path_str(&damaged),
            "--store",
            store,
            "--lang",
            "en-US",
        ],
        &[],
    );
    assert_exit(&out, 7);
    assert_eq!(
        stderr(&out).trim(),
        "Error: This file is not a Care Reader backup, or it is damaged. Nothing was changed. \
         Choose another backup file."
    );
    let out = run(
        &[
            "library",
            "import",
            path_str(&damaged),
            "--store",
            store,
            "--lang",
            "zh-CN",
        ],
        &[],
    );
    assert_exit(&out, 7);
    assert_eq!(
        stderr(&out).trim(),
        "出错了：这个文件不是关怀阅读的备份，或者已经损坏。没有做任何更改，请选择另一个备份文件。"
    );

    let newer = dir.0.join("newer.json");
    std::fs::write(
        &newer,
        r#"{"format": "care-reader-backup", "version": 99, "exportedAt": "2030-01-01T00:00:00Z", "settings": null, "articles": []}"#,
    )
    .expect("write");
    let out = run(
        &[
            "library",
            "import",
            path_str(&newer),
            "--store",
            store,
            "--lang",
            "en-US",
        ],
        &[],
    );
    assert_exit(&out, 7);
    assert!(
        stderr(&out).contains("made by a newer Care Reader"),
        "{}",
        stderr(&out)
    );

    let missing = dir.0.join("no-such-backup.json");
    let out = run(
        &["library", "import", path_str(&missing), "--store", store],
        &[],
    );
    assert_exit(&out, 7);

    assert_eq!(
        stdout(&run(&["library", "list", "--store", store], &[])),
        before
    );
}

#[test]
fn without_store_the_apps_own_store_is_used() {
    let dir = temp_dir("default");
    let data = path_str(&dir.0);
    let url = format!("http://127.0.0.1:{}/ginkgo", serve());
    let env = [("XDG_DATA_HOME", data)];
    assert_exit(&run(&["library", "save", &url], &env), 0);
    // The app's folder, by the app's identifier.
    assert!(
        dir.0
            .join("org.carereader.app/care-reader.sqlite3")
            .exists(),
        "not in the app's data folder"
    );
    let out = run(&["library", "list"], &env);
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("湖边的银杏黄了"), "{}", stdout(&out));
}

#[test]
fn store_that_names_no_store_and_pages_that_fail_keep_their_exit_codes() {
    let dir = temp_dir("bad");
    let out = run(
        &[
            "library",
            "list",
            "--store",
            "/tmp/notes.db",
            "--lang",
            "en-US",
        ],
        &[],
    );
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("care-reader.sqlite3"),
        "{}",
        stderr(&out)
    );

    // Nothing listens on this port: the network's exit code.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let url = format!("http://127.0.0.1:{closed}/gone");
    let out = run(&["library", "save", &url, "--store", path_str(&dir.0)], &[]);
    assert_exit(&out, 4);
    let out = run(&["library", "search", "--store", path_str(&dir.0)], &[]);
    assert_exit(&out, 2);
}

/// Standard base64, to find the picture's bytes inside the exported page.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Issue 11, item 5: a kept article with its picture, exported to HTML
/// (the picture inside, nothing fetched from the page's site any more) and
/// to Markdown (the picture beside it); then the errors' exit codes.
#[test]
fn export_article_to_html_and_markdown_with_its_picture() {
    let dir = temp_dir("export-article");
    let store = dir.0.join("store");
    let store = path_str(&store);
    let url = format!("http://127.0.0.1:{}/ginkgo", serve());
    let out = run(&["library", "save", &url, "--store", store], &[]);
    assert_exit(&out, 0);

    let html = dir.0.join("银杏.html");
    let out = run(
        &[
            "library",
            "export-article",
            "1",
            path_str(&html),
            "--store",
            store,
            "--lang",
            "en-US",
        ],
        &[],
    );
    assert_exit(&out, 0);
    assert_eq!(
        stdout(&out).trim(),
        format!("Wrote the article to “{}”, with 1 picture.", html.display())
    );
    let page = std::fs::read_to_string(&html).expect("the page");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\" dir=\"ltr\">"));
    assert!(page.contains("<h1>湖边的银杏黄了</h1>"), "{page}");
    assert!(page.contains(&format!("Source: <a href=\"{url}\">{url}</a>")));
    assert!(page.contains(&format!(
        "<img src=\"data:image/png;base64,{}\" alt=\"黄色的银杏树\">",
        base64(PIXEL_PNG)
    )));
    assert!(
        !page.contains("/ginkgo.png"),
        "no address of the picture is left"
    );

    let md = dir.0.join("ginkgo.md");
    let out = run(
        &[
            "library",
            "export-article",
            "1",
            path_str(&md),
            "--markdown",
            "--store",
            store,
            "--lang",
            "zh-CN",
        ],
        &[],
    );
    assert_exit(&out, 0);
    assert_eq!(
        stdout(&out).trim(),
        format!("已把文章保存到“{}”，含 1 张图片。", md.display())
    );
    assert_eq!(
        std::fs::read(dir.0.join("ginkgo-pictures").join("01.png"))
            .ok()
            .as_deref(),
        Some(PIXEL_PNG)
    );
    let text = std::fs::read_to_string(&md).expect("the Markdown");
    assert!(text.starts_with("# 湖边的银杏黄了\n\n"), "{text}");
    assert!(text.contains(&format!("原文：[{url}]({url})")), "{text}");
    assert!(
        text.contains("![黄色的银杏树](ginkgo-pictures/01.png)"),
        "{text}"
    );

    // An unknown article: the store's exit code; a folder that is not
    // there: a file error (7), nothing written.
    let out = run(
        &[
            "library",
            "export-article",
            "99",
            path_str(&html),
            "--store",
            store,
            "--lang",
            "en-US",
        ],
        &[],
    );
    assert_exit(&out, 1);
    assert!(
        stderr(&out).contains("no longer in your list"),
        "{}",
        stderr(&out)
    );
    let nowhere = dir.0.join("missing").join("a.html");
    let out = run(
        &[
            "library",
            "export-article",
            "1",
            path_str(&nowhere),
            "--store",
            store,
            "--lang",
            "zh-CN",
        ],
        &[],
    );
    assert_exit(&out, 7);
    assert_eq!(
        stderr(&out).trim(),
        format!(
            "出错了：文件“{}”没能保存。请确认磁盘还有空间、并且有权限在这个文件夹里保存，然后再试一次。",
            nowhere.display()
        )
    );
    assert!(!nowhere.exists());
}
