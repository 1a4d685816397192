//! News sources end to end against a real web site on 127.0.0.1 (issue 12):
//! adding by a feed's or a site's address (RSS, Atom, JSON Feed, GBK RSS),
//! a refresh in which some sources fail the ways real ones do while the
//! others and the failed ones' old headlines are untouched, articles
//! fetched ahead for reading offline, and OPML lists in and out.

use std::path::PathBuf;
use std::time::Duration;

use care_reader_tests::feeds::news_site;
use reader_app::Library;
use reader_errors::{Coded, ErrorCode};
use reader_store::Store;
use reader_web::fetch::FetchOptions;

fn library() -> Library {
    Library::new(Store::in_memory().expect("store"))
}

/// Short limits, so the failing feeds fail quickly.
fn quick() -> FetchOptions {
    FetchOptions {
        total_timeout: Duration::from_secs(2),
        max_bytes: 512 * 1024,
        ..FetchOptions::default()
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reader-app-src-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

#[tokio::test]
async fn every_kind_of_feed_is_added_with_its_headlines() {
    let site = news_site();
    let library = library();
    let rss = library
        .add_source(&site.url("/feeds/news-rss.xml"), &quick())
        .await
        .expect("rss");
    assert_eq!(rss.title, "Riverside Daily");
    assert_eq!(rss.headlines, 3);
    let atom = library
        .add_source(&site.url("/feeds/health-atom.xml"), &quick())
        .await
        .expect("atom");
    assert_eq!((atom.title.as_str(), atom.headlines), ("Healthy Days", 2));
    let json = library
        .add_source(&site.url("/feeds/weather.json"), &quick())
        .await
        .expect("json");
    assert_eq!((json.title.as_str(), json.headlines), ("Weather Notes", 2));
    let gbk = library
        .add_source(&site.url("/feeds/gbk-rss.xml"), &quick())
        .await
        .expect("gbk");
    assert_eq!(gbk.title, "江边日报·民生");

    let headlines = library.headlines().expect("headlines");
    assert_eq!(headlines.len(), 9);
    let titles: Vec<&str> = headlines.iter().map(|h| h.title.as_str()).collect();
    // Newest first across sources: 10:00 UTC (Atom) ... 02:00 UTC (GBK, 10:00 +08:00).
    assert_eq!(
        titles[0],
        "Library opens a reading room with large-print books"
    );
    assert!(titles.contains(&"社区食堂为老人送餐上门"), "{titles:?}");
    assert!(
        titles.contains(&"Ferry timetable changes for winter"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"A sunny weekend ahead for the whole valley."),
        "{titles:?}"
    );
    let times: Vec<i64> = headlines.iter().map(|h| h.time).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert!(headlines.iter().all(|h| h.url.starts_with(&site.url("/"))));
    assert!(headlines.iter().all(|h| !h.read && !h.offline));

    // The same feed again is the same source.
    let again = library
        .add_source(&site.url("/feeds/news-rss.xml"), &quick())
        .await
        .expect("again");
    assert_eq!(again.id, rss.id);
    assert_eq!(library.sources().expect("sources").len(), 4);
}

#[tokio::test]
async fn a_site_address_finds_the_feed_its_page_names() {
    let site = news_site();
    let library = library();
    let found = library
        .add_source(&site.url("/"), &quick())
        .await
        .expect("site");
    assert_eq!(found.feed_url, site.url("/feeds/news-rss.xml"));
    assert_eq!(found.title, "Riverside Daily");

    for (path, code) in [
        ("/shop.html", ErrorCode::NoFeed),
        ("/news/ferry.html", ErrorCode::NoFeed),
        ("/gone.xml", ErrorCode::PageNotFound),
        ("/loop.xml", ErrorCode::RedirectLoop),
        ("/endless.xml", ErrorCode::TooLarge),
        ("/slow.xml", ErrorCode::Timeout),
    ] {
        let err = library
            .add_source(&site.url(path), &quick())
            .await
            .expect_err(path);
        assert_eq!(err.code(), code, "{path}: {err}");
    }
    for typed in ["", "not an address", "/etc/passwd"] {
        assert!(
            library.add_source(typed, &quick()).await.is_err(),
            "{typed:?}"
        );
    }
    assert_eq!(
        library.sources().expect("sources").len(),
        1,
        "failures add nothing"
    );
}

#[tokio::test]
async fn one_source_failing_never_touches_the_others_or_its_own_headlines() {
    let site = news_site();
    let library = library();
    library
        .add_source(&site.url("/feeds/news-rss.xml"), &quick())
        .await
        .expect("rss");
    library
        .add_source(&site.url("/feeds/health-atom.xml"), &quick())
        .await
        .expect("atom");
    // Sources that were fine when added and fail now: added straight to the
    // store (as an import would), with headlines from an earlier day.
    let (down, _) = library
        .store()
        .add_source(&site.url("/down.xml"), "Down today", None)
        .expect("add");
    library
        .store()
        .record_headlines(
            down,
            &[reader_store::NewHeadline {
                key: "old".into(),
                url: site.url("/news/choir.html"),
                title: "Yesterday's news".into(),
                summary: String::new(),
                published: Some(1_795_900_000),
            }],
        )
        .expect("old headlines");
    library
        .store()
        .add_source(&site.url("/slow.xml"), "Slow", None)
        .expect("add");
    library
        .store()
        .add_source(&site.url("/loop.xml"), "Loop", None)
        .expect("add");

    let mut seen = Vec::new();
    let report = library
        .refresh_sources(&quick(), |p| seen.push((p.done, p.total)))
        .await
        .expect("refresh");
    assert_eq!(report.ok, 2);
    let codes: Vec<ErrorCode> = report.failed.iter().map(|(_, c)| *c).collect();
    assert_eq!(
        codes,
        [
            ErrorCode::ServerBusy,
            ErrorCode::Timeout,
            ErrorCode::RedirectLoop
        ]
    );
    assert_eq!(seen.first(), Some(&(0, 5)));
    assert_eq!(seen.last(), Some(&(5, 5)));

    let sources = library.sources().expect("sources");
    let errors: Vec<Option<ErrorCode>> = sources.iter().map(|s| s.error).collect();
    assert_eq!(
        errors,
        [
            None,
            None,
            Some(ErrorCode::ServerBusy),
            Some(ErrorCode::Timeout),
            Some(ErrorCode::RedirectLoop)
        ]
    );
    let titles: Vec<String> = library
        .headlines()
        .expect("headlines")
        .into_iter()
        .map(|h| h.title)
        .collect();
    assert!(
        titles.contains(&"Yesterday's news".to_owned()),
        "kept: {titles:?}"
    );
    assert_eq!(titles.len(), 6);
}

#[tokio::test]
async fn a_refresh_fetches_the_newest_articles_ahead_for_reading_offline() {
    let site = news_site();
    let library = library();
    library
        .add_source(&site.url("/feeds/news-rss.xml"), &quick())
        .await
        .expect("rss");
    library
        .add_source(&site.url("/feeds/gbk-rss.xml"), &quick())
        .await
        .expect("gbk");
    let report = library
        .refresh_sources(&quick(), |_| {})
        .await
        .expect("refresh");
    assert_eq!(report.fetched_ahead, 5);
    let headlines = library.headlines().expect("headlines");
    assert!(headlines.iter().all(|h| h.offline), "{headlines:?}");
    for h in &headlines {
        let (url, article) = library
            .store()
            .headline(h.id)
            .expect("read")
            .expect("there");
        assert_eq!(url, h.url);
        let article = article.expect("text fetched ahead");
        assert_eq!(article.title, h.title.trim_end_matches('.'));
        assert!(article.body_text().len() > 200, "{}", article.body_text());
        assert!(
            !article.body_text().contains("Something else"),
            "related list left out"
        );
    }
    // Nothing more to fetch: a second refresh fetches nothing again.
    let hits = site.hits("/news/ferry.html");
    let again = library
        .refresh_sources(&quick(), |_| {})
        .await
        .expect("refresh");
    assert_eq!(again.fetched_ahead, 0);
    assert_eq!(site.hits("/news/ferry.html"), hits);
}

#[tokio::test]
async fn sources_go_out_and_come_back_as_opml_and_damaged_lists_change_nothing() {
    let site = news_site();
    let dir = temp_dir("opml");
    let library = library();
    library
        .add_source(&site.url("/feeds/news-rss.xml"), &quick())
        .await
        .expect("rss");
    library
        .add_source(&site.url("/feeds/gbk-rss.xml"), &quick())
        .await
        .expect("gbk");
    let file = dir.join("sources.opml");
    assert_eq!(
        library.export_sources(&file, "家里的新闻").expect("export"),
        2
    );

    let other = self::library();
    assert_eq!(other.import_sources(&file).expect("import"), 2);
    assert_eq!(
        other.import_sources(&file).expect("again"),
        0,
        "nothing twice"
    );
    let (mine, theirs) = (library.sources().expect("a"), other.sources().expect("b"));
    let names = |list: &[reader_store::SourceItem]| {
        list.iter()
            .map(|s| (s.title.clone(), s.feed_url.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&mine), names(&theirs));

    for (name, bytes) in [
        (
            "damaged.opml",
            &b"<opml><body><outline xmlUrl=\"http://a.example/f\""[..],
        ),
        ("page.opml", b"<html><body>hello</body></html>"),
        ("empty.opml", b""),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        let err = other.import_sources(&path).expect_err(name);
        assert_eq!(err.code(), ErrorCode::SourcesFileUnreadable, "{name}");
    }
    let missing = other
        .import_sources(&dir.join("missing.opml"))
        .expect_err("missing");
    assert_eq!(missing.code(), ErrorCode::Io);
    assert_eq!(
        names(&other.sources().expect("b")),
        names(&mine),
        "unchanged"
    );
}
