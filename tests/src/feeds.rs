//! The news site the sources tests read: the feeds in `fixtures/feeds`
//! (RSS 2.0, Atom, JSON Feed, a GBK-encoded RSS, a front page that names its
//! feed) served on 127.0.0.1 with their links pointing back at the site,
//! an article page behind every headline, and feeds that fail the ways real
//! ones do.
//!
//! | path | what |
//! | --- | --- |
//! | `/feeds/news-rss.xml` | RSS 2.0, 3 entries ("Riverside Daily") |
//! | `/feeds/health-atom.xml` | Atom, 2 entries |
//! | `/feeds/weather.json` | JSON Feed, 2 entries (one without a title) |
//! | `/feeds/gbk-rss.xml` | RSS in GBK, 2 entries, served without a charset |
//! | `/` | a front page whose `<link rel="alternate">` names the RSS feed |
//! | `/shop.html` | a page that names no feed |
//! | `/down.xml` | 500 |
//! | `/loop.xml` | redirects to itself |
//! | `/slow.xml` | the RSS feed, 3 s late |
//! | `/endless.xml` | a feed that never ends |
//! | `/gone.xml` | 404 |

use std::path::PathBuf;
use std::time::Duration;

use crate::site::{Reply, Site};

/// `tests/fixtures/feeds`.
pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/feeds")
}

/// The articles behind the fixtures' headlines: path, title, language.
pub const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "/news/reading-room.html",
        "Library opens a reading room with large-print books",
        "en",
    ),
    (
        "/news/ferry.html",
        "Ferry timetable changes for winter",
        "en",
    ),
    (
        "/news/choir.html",
        "Choir concert raises money for the clinic",
        "en",
    ),
    (
        "/health/walking.html",
        "Walking after dinner helps sleep",
        "en",
    ),
    (
        "/health/flu.html",
        "Flu jabs are free for over-65s this winter",
        "en",
    ),
    ("/weather/frost.html", "Frost tonight in the hills", "en"),
    (
        "/weather/sun.html",
        "A sunny weekend ahead for the whole valley",
        "en",
    ),
    ("/minsheng/canteen.html", "社区食堂为老人送餐上门", "zh"),
    ("/minsheng/climb.html", "重阳节登山活动报名开始", "zh"),
];

/// A fixture file with `{site}` replaced by `site`'s address (bytes: the
/// GBK feed is not UTF-8, and its placeholder is ASCII either way).
fn fixture(name: &str, base: &str) -> Vec<u8> {
    let bytes = std::fs::read(fixture_dir().join(name)).expect("feed fixture");
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut rest = bytes.as_slice();
    while let Some(at) = rest.windows(6).position(|w| w == b"{site}") {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(base.as_bytes());
        rest = &rest[at + 6..];
    }
    out.extend_from_slice(rest);
    out
}

/// An article page: the title and four paragraphs in its language.
pub fn article_page(title: &str, lang: &str) -> String {
    let paragraph = if lang == "zh" {
        "街道工作人员介绍，这项服务从上个月开始，已经有两百多位老人报名参加。\
         大家都说方便又实惠，希望以后能一直办下去。"
    } else {
        "The town council said the change follows many requests from older residents, \
         who asked for something calm, close to home and easy to reach on foot."
    };
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>\
         <p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></article>\
         <aside><h2>Related</h2><ul><li><a href=\"/x\">Something else</a></li></ul></aside></body></html>"
    )
}

/// Serves the news site; its feeds' links point at it.
pub fn news_site() -> Site {
    Site::serve_with(|base| {
        let rss = fixture("news-rss.xml", base);
        let mut routes = vec![
            (
                "/feeds/news-rss.xml".to_owned(),
                Reply::ok("application/rss+xml; charset=utf-8", rss.clone()),
            ),
            (
                "/feeds/health-atom.xml".to_owned(),
                Reply::ok("application/atom+xml", fixture("health-atom.xml", base)),
            ),
            (
                "/feeds/weather.json".to_owned(),
                Reply::ok("application/feed+json", fixture("weather.json", base)),
            ),
            (
                "/feeds/gbk-rss.xml".to_owned(),
                Reply::ok("application/rss+xml", fixture("gbk-rss.xml", base)),
            ),
            ("/".to_owned(), Reply::html(fixture("site.html", base))),
            (
                "/shop.html".to_owned(),
                Reply::html(fixture("not-a-feed.html", base)),
            ),
            ("/down.xml".to_owned(), Reply::Status(500)),
            (
                "/loop.xml".to_owned(),
                Reply::Redirect("/loop.xml".to_owned()),
            ),
            (
                "/slow.xml".to_owned(),
                Reply::Late(
                    Duration::from_secs(3),
                    Box::new(Reply::ok("application/rss+xml", rss)),
                ),
            ),
            ("/endless.xml".to_owned(), Reply::Endless),
        ];
        for (path, title, lang) in ARTICLES {
            routes.push(((*path).to_owned(), Reply::html(article_page(title, lang))));
        }
        routes
    })
}
