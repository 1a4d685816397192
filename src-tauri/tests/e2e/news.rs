//! Home's news in the real window (issue 12): the family's sources, served
//! as real feeds on 127.0.0.1, become large headline cards; one source that
//! is down says so in words while its older headlines stay; Enter on a
//! card opens the article from the text fetched ahead, and back on Home the
//! card says it was read. Sources are added in the sources view by a site's
//! address (discovery) and from the suggestions' list.
//!
//! Run: `cargo test -p care-reader-app --test e2e news::`.

use care_reader_tests::feeds::news_site;
use fantoccini::key::Key;
use reader_store::{NewHeadline, Store};
use serde_json::Value;

use crate::app::{axe_in_every_theme, set_language};
use crate::support::session::{OPEN_TIMEOUT, STEP_TIMEOUT};
use crate::support::{App, scenario};

/// The cards' titles and meta lines, top to bottom.
async fn headline_cards(app: &App) -> Vec<(String, String)> {
    let v = app
        .js(
            "return [...document.querySelectorAll('#news-list .card-open')].map(b => \
                 [b.querySelector('.card-title').textContent, b.querySelector('.card-meta').textContent]);",
            vec![],
        )
        .await;
    v.as_array()
        .into_iter()
        .flatten()
        .map(|pair| {
            let text = |i: usize| pair[i].as_str().unwrap_or_default().to_owned();
            (text(0), text(1))
        })
        .collect()
}

/// Waits for the refresh that Home starts on its first showing to end.
async fn wait_refreshed(app: &App) {
    app.wait_js(
        "the news to be refreshed",
        OPEN_TIMEOUT,
        "return document.getElementById('news-progress').hidden \
             && !document.getElementById('news-refresh').disabled \
             && document.querySelectorAll('#news-list .card').length > 0;",
    )
    .await;
}

#[test]
fn headlines_from_the_familys_sources_open_with_a_key_and_show_as_read() {
    scenario(
        "headlines_from_the_familys_sources_open_with_a_key_and_show_as_read",
        |mut ctx| async move {
            let site = news_site();
            let data = ctx.fresh_data_dir("news");
            {
                // The family's setup: two feeds, and one that was fine
                // yesterday and is down today.
                let (store, _) = Store::open_in(&data).expect("store");
                store
                    .add_source(&site.url("/feeds/news-rss.xml"), "Riverside Daily", None)
                    .expect("add");
                store
                    .add_source(&site.url("/feeds/gbk-rss.xml"), "江边日报·民生", None)
                    .expect("add");
                let (down, _) = store
                    .add_source(&site.url("/down.xml"), "Hill Times", None)
                    .expect("add");
                store
                    .record_headlines(
                        down,
                        &[NewHeadline {
                            key: "h-1".into(),
                            url: site.url("/weather/sun.html"),
                            title: "Hill path reopens after repairs".into(),
                            summary: String::new(),
                            published: Some(1_790_000_000),
                        }],
                    )
                    .expect("old headline");
            }
            let app = ctx.launch(&data).await;
            set_language(&app, "en-US").await;
            app.go_home().await;
            wait_refreshed(&app).await;

            let cards = headline_cards(&app).await;
            let titles: Vec<&str> = cards.iter().map(|(t, _)| t.as_str()).collect();
            assert_eq!(
                titles,
                [
                    "Library opens a reading room with large-print books",
                    "Ferry timetable changes for winter",
                    "社区食堂为老人送餐上门",
                    "Choir concert raises money for the clinic",
                    "重阳节登山活动报名开始",
                    "Hill path reopens after repairs",
                ]
            );
            assert!(
                cards[0].1.starts_with("Riverside Daily · "),
                "{:?}",
                cards[0]
            );
            assert!(cards[2].1.starts_with("江边日报·民生 · "), "{:?}", cards[2]);
            let problems = app
                .js(
                    "return [...document.querySelectorAll('#news-problems li')].map(li => li.textContent);",
                    vec![],
                )
                .await;
            let problems: Vec<&str> = problems
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(
                problems[0].contains("“Hill Times” could not be read just now."),
                "{problems:?}"
            );
            assert!(problems[0].contains("from before"), "{problems:?}");
            assert!(
                !problems[0].contains("500"),
                "no status numbers: {problems:?}"
            );
            app.screenshot("news-home-en").await;
            if let Some(found) = axe_in_every_theme(&app, "home with news").await {
                assert!(found.is_empty(), "axe-core:\n{}", found.join("\n"));
            }

            // Tab to the first card and press Enter: the article, from the
            // text fetched ahead (its page is not asked for again).
            let fetched = site.hits("/news/reading-room.html");
            assert_eq!(fetched, 1, "fetched ahead once by the refresh");
            app.js(
                "document.querySelector('#news-list .card-open').focus();",
                vec![],
            )
            .await;
            app.keys(&[Key::Enter.into()]).await;
            app.wait_view("reader", OPEN_TIMEOUT).await;
            assert_eq!(
                app.text_of("article-title").await,
                "Library opens a reading room with large-print books"
            );
            assert_eq!(site.hits("/news/reading-room.html"), fetched);

            app.go_home().await;
            app.wait_js(
                "the card to say it was read",
                STEP_TIMEOUT,
                "const m = document.querySelector('#news-list .card-meta'); \
                 return m && m.textContent.endsWith(' · Read');",
            )
            .await;

            set_language(&app, "zh-CN").await;
            app.go_home().await;
            app.wait_js(
                "the cards in Chinese",
                STEP_TIMEOUT,
                "const m = document.querySelector('#news-list .card-meta'); \
                 return m && m.textContent.endsWith(' · 已读');",
            )
            .await;
            app.screenshot("news-home-zh").await;
        },
    );
}

#[test]
fn a_source_is_added_by_its_sites_address_and_a_shop_is_refused_kindly() {
    scenario(
        "a_source_is_added_by_its_sites_address_and_a_shop_is_refused_kindly",
        |mut ctx| async move {
            let site = news_site();
            let data = ctx.fresh_data_dir("add-source");
            let app = ctx.launch(&data).await;
            set_language(&app, "en-US").await;
            app.go_home().await;
            // No sources: Home offers to choose some.
            app.wait_js(
                "the offer to choose sources",
                STEP_TIMEOUT,
                "return !document.getElementById('news-setup').hidden \
                     && document.getElementById('news').hidden;",
            )
            .await;
            app.click("news-choose").await;
            app.wait_view("sources", STEP_TIMEOUT).await;
            // The suggestions come from the shell after the view shows.
            app.wait_js(
                "at least three suggested sources",
                STEP_TIMEOUT,
                "return document.querySelectorAll('#sources-suggested-list .card').length >= 3;",
            )
            .await;

            for (address, expect) in [
                (site.url("/shop.html"), "has no news feed"),
                (site.url("/"), "Source added: Riverside Daily"),
            ] {
                app.js(
                    "const b = document.getElementById('sources-address'); b.value = arguments[0]; \
                     document.getElementById('sources-address-add').click();",
                    vec![Value::from(address)],
                )
                .await;
                app.wait_js(
                    "the answer to adding a source",
                    OPEN_TIMEOUT,
                    &format!(
                        "return document.getElementById('sources-message').textContent.includes({});",
                        Value::from(expect)
                    ),
                )
                .await;
            }
            let mine = app
                .js("return [...document.querySelectorAll('#sources-list .card-title')].map(e => e.textContent);", vec![])
                .await;
            assert_eq!(mine, serde_json::json!(["Riverside Daily"]));
            app.screenshot("news-sources-en").await;
            if let Some(found) = axe_in_every_theme(&app, "news sources").await {
                assert!(found.is_empty(), "axe-core:\n{}", found.join("\n"));
            }

            // Back on Home, its headlines are there (added with the source).
            app.go_home().await;
            app.wait_js(
                "the new source's headlines",
                OPEN_TIMEOUT,
                "return document.querySelectorAll('#news-list .card').length === 3;",
            )
            .await;
        },
    );
}
