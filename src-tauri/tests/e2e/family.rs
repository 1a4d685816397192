//! The family setup and simple mode in the real window (issue 12): a son
//! runs the setup on his computer (a local news site as the source, large
//! text, high contrast, simple mode with a PIN) and saves it to a file
//! through the system's save dialog; his mother's computer takes the file
//! through the open dialog, shows the site's headlines, and is in simple
//! mode — settings hidden, at most five controls in the reader's row, each
//! at least 60 px high at 1366×768 — also after a restart; a wrong PIN is
//! refused kindly, the right one brings everything back.
//!
//! Run: `cargo test -p care-reader-app --test e2e family::`.

use std::time::Duration;

use care_reader_tests::feeds::news_site;
use serde_json::{Value, json};

use crate::app::{axe_in_every_theme, set_language, xdotool};
use crate::support::session::{OPEN_TIMEOUT, STEP_TIMEOUT};
use crate::support::{App, Ctx, find_program, scenario, skip_or_fail};
use crate::window::close;

/// Whether the element with `id` is drawn (not hidden by simple mode).
async fn shown(app: &App, id: &str) -> bool {
    app.js(
        "const e = document.getElementById(arguments[0]); return !!e && e.offsetParent !== null;",
        vec![json!(id)],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

async fn simple(app: &App) -> bool {
    app.js(
        "return document.documentElement.dataset.simple === 'true';",
        vec![],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

/// Clicks the radio or checkbox `css` (found in the step on show).
async fn pick(app: &App, css: &str) {
    app.js(
        "const e = document.querySelector(arguments[0]); e.click();",
        vec![json!(css)],
    )
    .await;
}

pub(crate) async fn next_step(app: &App, expect: u64) {
    app.click("setup-next").await;
    app.wait_js(
        "the next setup step",
        STEP_TIMEOUT,
        &format!(
            "const s = document.querySelector('.setup-step:not([hidden])'); \
             return !!s && s.dataset.step === '{expect}';"
        ),
    )
    .await;
}

/// The reader's row of controls on show: [id, height, top] of each.
pub(crate) async fn simple_reader_row(app: &App) -> Vec<Value> {
    app.js(
        "return [...document.querySelectorAll('#view-reader .reader-bar button')] \
             .filter(b => b.offsetParent !== null) \
             .map(b => [b.id, Math.round(b.getBoundingClientRect().height), \
                        Math.round(b.getBoundingClientRect().top)]);",
        vec![],
    )
    .await
    .as_array()
    .cloned()
    .unwrap_or_default()
}

/// The system's file dialog titled `title`: the path typed, then Return.
fn choose_in_dialog(ctx: &Ctx, title: &str, path: &str, save: bool) {
    let Some(bin) = find_program("xdotool") else {
        return;
    };
    let x = |args: &[&str]| tokio::task::block_in_place(|| xdotool(ctx, &bin, args));
    let settle = || tokio::task::block_in_place(|| std::thread::sleep(Duration::from_millis(500)));
    x(&[
        "search",
        "--sync",
        "--onlyvisible",
        "--name",
        title,
        "windowfocus",
        "--sync",
        "%1",
    ]);
    settle();
    if save {
        // The name box has the focus and the suggested name: replace it
        // with the whole path.
        x(&["key", "ctrl+a"]);
    } else {
        x(&["key", "ctrl+l"]);
    }
    settle();
    x(&["type", "--delay", "20", path]);
    settle();
    x(&["key", "Return"]);
}

#[test]
fn a_setup_made_on_one_computer_locks_another_into_simple_mode() {
    scenario(
        "a_setup_made_on_one_computer_locks_another_into_simple_mode",
        |mut ctx| async move {
            if find_program("xdotool").is_none() {
                skip_or_fail(ctx.name, "xdotool not found (apt-get install xdotool)");
                return;
            }
            let site = news_site();
            let file = ctx.scratch().join("mum-setup.json");
            let file_text = file.display().to_string();

            // The son's computer.
            let son_dir = ctx.fresh_data_dir("son");
            let son = ctx.launch(&son_dir).await;
            // File dialogs are found by their English title (see app.rs).
            set_language(&son, "en-US").await;
            son.go_home().await;
            son.click("news-choose").await;
            son.wait_view("sources", STEP_TIMEOUT).await;
            son.js(
                "document.getElementById('sources-address').value = arguments[0]; \
                 document.getElementById('sources-address-add').click();",
                vec![json!(site.url("/"))],
            )
            .await;
            son.wait_js(
                "the site's feed to be added",
                OPEN_TIMEOUT,
                "return document.querySelectorAll('#sources-list .card').length === 1;",
            )
            .await;
            son.go_home().await;
            son.click("home-settings").await;
            son.wait_view("settings", STEP_TIMEOUT).await;
            son.click("settings-family-setup").await;
            son.wait_view("setup", STEP_TIMEOUT).await;
            assert_eq!(son.text_of("setup-step-count").await, "Step 1 of 6");
            let mut axe: Vec<String> = Vec::new();
            axe.extend(
                axe_in_every_theme(&son, "setup step 1")
                    .await
                    .unwrap_or_default(),
            );
            next_step(&son, 1).await;
            axe.extend(
                axe_in_every_theme(&son, "setup step 2")
                    .await
                    .unwrap_or_default(),
            );
            let suggestions = son
                .js(
                    "return document.querySelectorAll('#setup-news-list input').length;",
                    vec![],
                )
                .await;
            assert!(suggestions.as_u64().unwrap_or(0) >= 3, "{suggestions}");
            next_step(&son, 2).await;
            axe.extend(
                axe_in_every_theme(&son, "setup step 3")
                    .await
                    .unwrap_or_default(),
            );
            pick(&son, "input[name=setup-size][value='40']").await;
            pick(&son, "input[name=setup-theme][value='contrast']").await;
            son.wait_js(
                "the window at 40 px, high contrast",
                STEP_TIMEOUT,
                "const r = document.documentElement; \
                 return r.style.getPropertyValue('--text-size') === '40px' && r.dataset.theme === 'contrast';",
            )
            .await;
            son.screenshot("family-setup-look-en").await;
            next_step(&son, 3).await;
            axe.extend(
                axe_in_every_theme(&son, "setup step 4")
                    .await
                    .unwrap_or_default(),
            );
            pick(&son, "#setup-auto-read").await;
            next_step(&son, 4).await;
            axe.extend(
                axe_in_every_theme(&son, "setup step 5")
                    .await
                    .unwrap_or_default(),
            );
            pick(&son, "#setup-simple").await;
            son.js(
                "document.getElementById('setup-pin').value = '2468';",
                vec![],
            )
            .await;
            next_step(&son, 5).await;
            axe.extend(
                axe_in_every_theme(&son, "setup step 6")
                    .await
                    .unwrap_or_default(),
            );
            son.click("setup-save-file").await;
            let title =
                reader_l10n::Localizer::new("en-US").message("app-dialog-setup-export-title", &[]);
            choose_in_dialog(&ctx, &title, &file_text, true);
            son.wait_js(
                "the setup to be saved",
                OPEN_TIMEOUT,
                "return !document.getElementById('setup-message').hidden;",
            )
            .await;
            assert!(file.exists(), "the setup file was written");
            assert!(!simple(&son).await, "the son's own computer is not locked");
            close(son).await;

            // His mother's computer takes the file.
            let mum_dir = ctx.fresh_data_dir("mum");
            let mum = ctx.launch(&mum_dir).await;
            set_language(&mum, "en-US").await;
            mum.go_home().await;
            mum.click("home-family-setup").await;
            mum.wait_view("setup", STEP_TIMEOUT).await;
            mum.click("setup-take-file").await;
            let title =
                reader_l10n::Localizer::new("en-US").message("app-dialog-setup-import-title", &[]);
            choose_in_dialog(&ctx, &title, &file_text, false);
            mum.wait_view("home", OPEN_TIMEOUT).await;
            assert!(simple(&mum).await, "simple mode came with the setup");
            mum.wait_js(
                "the site's headlines",
                OPEN_TIMEOUT,
                "return document.querySelectorAll('#news-list .card').length === 3 \
                     && document.getElementById('news-progress').hidden;",
            )
            .await;
            for hidden in ["home-settings", "home-sources"] {
                assert!(
                    !shown(&mum, hidden).await,
                    "{hidden} is hidden in simple mode"
                );
            }
            assert!(shown(&mum, "home-unlock").await);
            mum.screenshot("family-simple-home-en").await;
            axe.extend(
                axe_in_every_theme(&mum, "simple mode home")
                    .await
                    .unwrap_or_default(),
            );
            close(mum).await;

            // After a restart: still simple mode, at 40 px, high contrast.
            let mum = ctx.launch(&mum_dir).await;
            mum.go_home().await;
            assert!(simple(&mum).await, "simple mode survives a restart");
            assert!(!shown(&mum, "home-settings").await);
            let look = mum
                .js(
                    "const r = document.documentElement; \
                     return [r.style.getPropertyValue('--text-size'), r.dataset.theme];",
                    vec![],
                )
                .await;
            assert_eq!(look, json!(["40px", "contrast"]));
            // The reader: at most five controls in its row, each ≥ 60 px high.
            mum.open(&ctx.url("/app/long-article.html"), "reader").await;
            let controls = simple_reader_row(&mum).await;
            assert!(!controls.is_empty() && controls.len() <= 5, "{controls:?}");
            let top = controls[0][2].as_i64();
            for c in &controls {
                assert!(c[1].as_i64().unwrap_or(0) >= 60, "{c:?} is under 60 px");
                assert_eq!(c[2].as_i64(), top, "{c:?}: one row");
            }
            mum.screenshot("family-simple-reader-en").await;

            // The way out: a wrong PIN is refused kindly, the right one works.
            mum.go_home().await;
            mum.click("home-unlock").await;
            mum.wait_view("unlock", STEP_TIMEOUT).await;
            axe.extend(axe_in_every_theme(&mum, "unlock").await.unwrap_or_default());
            for (pin, expect) in [("1111", "not the PIN"), ("2468", "Simple mode is off")] {
                mum.js(
                    "document.getElementById('unlock-pin').value = arguments[0]; \
                     document.getElementById('unlock-button').click();",
                    vec![json!(pin)],
                )
                .await;
                mum.wait_js(
                    "the answer to the PIN",
                    STEP_TIMEOUT,
                    &format!(
                        "return document.getElementById('unlock-message').textContent.includes({});",
                        json!(expect)
                    ),
                )
                .await;
            }
            mum.wait_view("home", STEP_TIMEOUT).await;
            assert!(!simple(&mum).await);
            assert!(axe.is_empty(), "axe-core:\n{}", axe.join("\n"));
            assert!(shown(&mum, "home-settings").await, "settings are back");
        },
    );
}
