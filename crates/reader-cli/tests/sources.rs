//! `care-reader sources …` end to end against a real web site on 127.0.0.1
//! (issue 12): add by site and by feed, list, headlines (what Home shows,
//! one a line), refresh with a failing source, OPML out and in, remove, and
//! the refusals with their exit codes and messages in both languages.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use care_reader_tests::feeds::news_site;

mod common;
use common::{assert_exit, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_care-reader");

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("care-reader-sources-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn run(store: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["--lang", lang, "sources", "--store"])
        .arg(store)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run care-reader")
}

#[test]
fn a_family_sets_up_sources_from_the_shell() {
    let site = news_site();
    let store = temp_dir("setup");

    let empty = run(&store, "en-US", &["list"]);
    assert_exit(&empty, 0);
    assert!(
        stderr(&empty).contains("No news sources yet"),
        "{}",
        stderr(&empty)
    );

    let added = run(&store, "en-US", &["add", &site.url("/")]);
    assert_exit(&added, 0);
    assert!(
        stdout(&added).contains("“Riverside Daily”, with 3 headlines"),
        "{}",
        stdout(&added)
    );
    let added = run(&store, "zh-CN", &["add", &site.url("/feeds/gbk-rss.xml")]);
    assert_exit(&added, 0);
    assert!(
        stdout(&added).contains("“江边日报·民生”，有 2 条新闻标题"),
        "{}",
        stdout(&added)
    );

    let list = run(&store, "en-US", &["list"]);
    assert_exit(&list, 0);
    let rows: Vec<Vec<String>> = stdout(&list)
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][1], "Riverside Daily");
    assert_eq!(rows[0][2], site.url("/feeds/news-rss.xml"));
    assert_eq!(rows[1][4], "ok");

    let headlines = run(&store, "en-US", &["headlines"]);
    assert_exit(&headlines, 0);
    let text = stdout(&headlines);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert_eq!(
        lines[0],
        format!(
            "Riverside Daily\t2026-11-30 09:30\tLibrary opens a reading room with large-print books\t{}",
            site.url("/news/reading-room.html")
        )
    );
    assert!(
        text.contains("江边日报·民生\t2026-11-30 02:00\t社区食堂为老人送餐上门\t"),
        "{text}"
    );

    let opml = store.join("family.opml");
    let exported = run(&store, "en-US", &["export", opml.to_str().expect("path")]);
    assert_exit(&exported, 0);
    let other = temp_dir("other");
    let imported = run(&other, "en-US", &["import", opml.to_str().expect("path")]);
    assert_exit(&imported, 0);
    assert!(
        stdout(&imported).contains("Added 2 sources"),
        "{}",
        stdout(&imported)
    );
    let refreshed = run(&other, "en-US", &["headlines", "--refresh"]);
    assert_exit(&refreshed, 0);
    assert_eq!(
        stdout(&refreshed),
        text,
        "the same headlines on the other computer"
    );
    assert!(
        stderr(&refreshed).contains("Read 2 of 2 sources"),
        "{}",
        stderr(&refreshed)
    );

    let removed = run(&store, "en-US", &["remove", &rows[0][0]]);
    assert_exit(&removed, 0);
    assert!(stdout(&removed).contains("Removed"), "{}", stdout(&removed));
    assert_eq!(
        stdout(&run(&store, "en-US", &["headlines"]))
            .lines()
            .count(),
        2
    );
}

#[test]
fn a_failing_source_is_named_with_its_reason_and_the_rest_still_refresh() {
    let site = news_site();
    let store = temp_dir("failing");
    assert_exit(
        &run(
            &store,
            "en-US",
            &["add", &site.url("/feeds/health-atom.xml")],
        ),
        0,
    );
    let list = site.url("/down.xml");
    let opml = store.join("down.opml");
    std::fs::write(
        &opml,
        format!(r#"<opml version="2.0"><body><outline text="Down today" xmlUrl="{list}"/></body></opml>"#),
    )
    .expect("write");
    assert_exit(
        &run(&store, "en-US", &["import", opml.to_str().expect("path")]),
        0,
    );
    let refreshed = run(&store, "zh-CN", &["refresh"]);
    assert_exit(&refreshed, 0);
    assert!(
        stderr(&refreshed).contains("“Down today”读不出来"),
        "{}",
        stderr(&refreshed)
    );
    assert!(
        stdout(&refreshed).contains("读取了 1 个来源，1 个读不出来"),
        "{}",
        stdout(&refreshed)
    );
    let rows = stdout(&run(&store, "en-US", &["list"]));
    assert!(rows.lines().any(|l| l.ends_with("\tserver-busy")), "{rows}");
}

#[test]
fn refusals_say_why_in_the_readers_language() {
    let site = news_site();
    let store = temp_dir("refusals");
    let shop = run(&store, "en-US", &["add", &site.url("/shop.html")]);
    assert_exit(&shop, 6);
    assert!(
        stderr(&shop).contains("has no news feed"),
        "{}",
        stderr(&shop)
    );
    let shop = run(&store, "zh-CN", &["add", &site.url("/shop.html")]);
    assert_exit(&shop, 6);
    assert!(stderr(&shop).contains("没有新闻订阅"), "{}", stderr(&shop));

    let unknown = run(&store, "en-US", &["remove", "42"]);
    assert_exit(&unknown, 1);
    assert!(
        stderr(&unknown).contains("no such news source"),
        "{}",
        stderr(&unknown)
    );

    let bad = store.join("bad.opml");
    std::fs::write(&bad, "<opml><body>").expect("write");
    let refused = run(&store, "en-US", &["import", bad.to_str().expect("path")]);
    assert_exit(&refused, 7);
    assert!(
        stderr(&refused).contains("Nothing was changed"),
        "{}",
        stderr(&refused)
    );
    assert!(stdout(&run(&store, "en-US", &["list"])).is_empty());
}
