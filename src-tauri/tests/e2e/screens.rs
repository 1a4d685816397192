//! Home, the family setup's steps and simple mode as a person sees them on
//! the two screens families have (issue 12): a 1366×768 laptop and a
//! 1920×1080 desktop, each a real X screen with a window manager, the window
//! maximised on it, in both UI languages. Every view fits (no sideways
//! scrolling, no control out of sight), the simple reader keeps its one row
//! of at most five big controls, and each is kept as a screenshot
//! (`target/screenshots/screen-<w>x<h>-<lang>-<view>.png`) to look at.
//!
//! Run: `cargo test -p care-reader-app --test e2e screens::`.

use care_reader_tests::feeds::news_site;
use reader_settings::Settings;
use reader_store::Store;
use serde_json::{Value, json};

use crate::care::FITS;
use crate::family::{next_step, simple_reader_row};
use crate::support::session::{OPEN_TIMEOUT, STEP_TIMEOUT};
use crate::support::{App, find_program, scenario, skip_or_fail, start_xvfb_sized};
use crate::window::{close, launch_with, openbox, start_openbox};

/// Asks the window manager to fill the screen with the window, and waits
/// until the page has the room.
async fn fill_screen(app: &App, width: u32, height: u32) {
    app.client
        .maximize_window()
        .await
        .unwrap_or_else(|e| panic!("could not maximise the window: {e}"));
    app.wait_js(
        "the window to fill the screen",
        STEP_TIMEOUT,
        &format!(
            "return innerWidth >= {} && innerHeight >= {};",
            width - 20,
            height - 80
        ),
    )
    .await;
}

/// What does not fit in the view on show, prefixed with where.
async fn misfits(app: &App, place: &str) -> Vec<String> {
    app.js(FITS, vec![])
        .await
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| format!("[{place}] {}", p.as_str().unwrap_or_default()))
        .collect()
}

#[test]
fn home_setup_and_simple_mode_on_a_laptop_and_a_desktop_screen_in_both_languages() {
    scenario("screens_home_setup_simple", |mut ctx| async move {
        let Some(openbox) = openbox(ctx.name) else {
            return;
        };
        let Some(xvfb) = find_program("Xvfb") else {
            skip_or_fail(ctx.name, "Xvfb not found (apt-get install xvfb)");
            return;
        };
        let site = news_site();
        let (_big, desktop) =
            start_xvfb_sized(&xvfb, "1920x1080x24").unwrap_or_else(|e| panic!("{}: {e}", ctx.name));
        let _desktop_wm = start_openbox(&openbox, &desktop);
        let _laptop_wm = start_openbox(&openbox, &ctx.harness.display);
        let bin = ctx.fresh_data_dir("bin");
        let mut problems = Vec::new();
        for (width, height, display) in [
            (1366u32, 768u32, ctx.harness.display.clone()),
            (1920, 1080, desktop.clone()),
        ] {
            let script = crate::support::start_script(
                &bin,
                &format!("care-reader-{width}"),
                &[("DISPLAY", display.as_str())],
            );
            for lang in ["en-US", "zh-CN"] {
                let shot = |view: &str| format!("screen-{width}x{height}-{lang}-{view}");
                let data = ctx.fresh_data_dir(&format!("{width}-{lang}"));
                {
                    let (store, _) = Store::open_in(&data).expect("store");
                    store
                        .save_settings(&Settings {
                            ui_lang: Some(lang.into()),
                            theme_chosen: true,
                            ..Settings::default()
                        })
                        .expect("settings");
                    for (feed, title) in [
                        ("/feeds/news-rss.xml", "Riverside Daily"),
                        ("/feeds/gbk-rss.xml", "江边日报·民生"),
                    ] {
                        store.add_source(&site.url(feed), title, None).expect("add");
                    }
                }
                let app = launch_with(&mut ctx, &script, &data).await;
                fill_screen(&app, width, height).await;
                app.go_home().await;
                app.wait_js(
                    "the headlines",
                    OPEN_TIMEOUT,
                    "return document.getElementById('news-progress').hidden \
                         && document.querySelectorAll('#news-list .card').length === 5;",
                )
                .await;
                problems.extend(misfits(&app, &shot("home")).await);
                app.screenshot(&shot("home")).await;

                // The setup, every step, then "Use it on this computer" with
                // simple mode on.
                app.click("home-settings").await;
                app.wait_view("settings", STEP_TIMEOUT).await;
                app.click("settings-family-setup").await;
                app.wait_view("setup", STEP_TIMEOUT).await;
                for step in 0..6u64 {
                    if step > 0 {
                        next_step(&app, step).await;
                    }
                    if step == 4 {
                        app.js("document.getElementById('setup-simple').click();", vec![])
                            .await;
                    }
                    let view = format!("setup-{}", step + 1);
                    problems.extend(misfits(&app, &shot(&view)).await);
                    app.screenshot(&shot(&view)).await;
                }
                app.click("setup-use-here").await;
                app.wait_js(
                    "simple mode",
                    STEP_TIMEOUT,
                    "return document.documentElement.dataset.simple === 'true' \
                         && !document.getElementById('view-home').hidden;",
                )
                .await;
                // Home opens at its top, where its title and the way out
                // are, not scrolled down to the address box that has the
                // focus.
                let top = app.js("return scrollY;", vec![]).await;
                if top.as_f64() != Some(0.0) {
                    problems.push(format!("[{}] opens scrolled to {top}", shot("simple-home")));
                }
                problems.extend(misfits(&app, &shot("simple-home")).await);
                app.screenshot(&shot("simple-home")).await;

                app.open(&ctx.url("/app/long-article.html"), "reader").await;
                let row: Vec<Value> = simple_reader_row(&app).await;
                let place = shot("simple-reader");
                if row.is_empty() || row.len() > 5 {
                    problems.push(format!("[{place}] {} controls: {row:?}", row.len()));
                }
                let top = row.first().map(|c| c[2].clone());
                for c in &row {
                    if c[1].as_i64().unwrap_or(0) < 60 {
                        problems.push(format!("[{place}] {c:?} is under 60 px high"));
                    }
                    if Some(&c[2]) != top.as_ref() {
                        problems.push(format!("[{place}] {c:?} is not in the first row"));
                    }
                }
                problems.extend(misfits(&app, &place).await);
                app.screenshot(&place).await;
                eprintln!("e2e: screens at {width}×{height}, {lang}: {}", json!(row));
                close(app).await;
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    });
}
