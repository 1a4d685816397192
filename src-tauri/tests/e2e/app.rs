//! End-to-end tests of Care Reader's window: the real debug binary, driven
//! through tauri-driver + WebKitWebDriver under Xvfb, reading pages from a
//! local HTTP server. The DOM ids come from docs/app.md.
//!
//! Run: `cargo test -p care-reader-app --test e2e app::` (one scenario:
//! `... --test e2e hostile`). Screenshots land in `target/screenshots/`,
//! the driver's log in `target/e2e-logs/`. See `support/mod.rs` for what is
//! needed and what happens when it is missing.

use std::collections::BTreeSet;
use std::time::Duration;

use care_reader_tests::corpus::{self, Case};
use fantoccini::key::Key;
use reader_errors::ErrorCode;
use serde_json::{Value, json};

use crate::support::session::{OPEN_TIMEOUT, STEP_TIMEOUT};
use crate::support::{App, Ctx, scenario};

/// The corpus case opened by the first scenario: a NetEase finance article
/// (gne-zh), Chinese, with a silver reference text.
const CORPUS_CASE: (&str, &str) = ("gne-zh", "163-1");

/// Our article with one photo (tests/fixtures/app).
pub(crate) const PHOTO_ARTICLE: &str = "/app/photo-article.html";
pub(crate) const PHOTO_TITLE: &str = "公园里的银杏树黄了";

/// The views a reader can land on and stay (Loading only passes by).
pub(crate) const STABLE_VIEWS: [&str; 5] = ["home", "reader", "settings", "error", "help"];

// ---------------------------------------------------------------------------
// Helpers shared by the scenarios

/// Whitespace-free text, for comparing Chinese prose whose line breaks and
/// spaces the DOM and the reference place differently.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `http://127.0.0.1:<port>/` where nothing listens.
fn unreachable_url() -> String {
    format!("http://127.0.0.1:{}/", crate::support::free_port())
}

/// Launches the app on a fresh data folder and brings it Home (a first run
/// starts on the welcome article).
pub(crate) async fn launch_home(ctx: &mut Ctx, label: &str) -> App {
    let dir = ctx.fresh_data_dir(label);
    let app = ctx.launch(&dir).await;
    app.go_home().await;
    app
}

/// Waits until Home lists at least one recent article.
async fn wait_recent(app: &App) {
    app.wait_js(
        "a recent article on Home",
        STEP_TIMEOUT,
        "return document.querySelector('#recent-list button[data-id]') !== null;",
    )
    .await;
}

/// Brings `view` up the way a reader would get there. Reader reopens the
/// newest recent article, Error opens an address where nothing listens.
pub(crate) async fn show(app: &App, view: &str) {
    match view {
        "home" => app.go_home().await,
        "reader" => {
            app.go_home().await;
            wait_recent(app).await;
            app.click_css("#recent-list button[data-id]").await;
            app.wait_view("reader", OPEN_TIMEOUT).await;
        }
        "settings" => {
            app.go_home().await;
            app.click("home-settings").await;
            app.wait_view("settings", STEP_TIMEOUT).await;
        }
        "help" => {
            app.go_home().await;
            app.click("home-help").await;
            app.wait_view("help", STEP_TIMEOUT).await;
        }
        "error" => app.open(&unreachable_url(), "error").await,
        other => panic!("no way to show view {other}"),
    }
    // Let the view's own async work (the recent list, the status message)
    // settle before anything reads or photographs it.
    app.wait_js(
        "the view to settle",
        STEP_TIMEOUT,
        "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));",
    )
    .await;
}

pub(crate) async fn set_theme(app: &App, theme: &str) {
    show(app, "settings").await;
    app.choose_radio("theme", theme).await;
    app.wait_js(
        &format!("data-theme={theme}"),
        STEP_TIMEOUT,
        &format!("return document.documentElement.dataset.theme === '{theme}';"),
    )
    .await;
}

pub(crate) async fn set_language(app: &App, lang: &str) {
    show(app, "settings").await;
    app.choose_radio("lang", lang).await;
    app.wait_js(
        &format!("the UI to switch to {lang}"),
        STEP_TIMEOUT,
        &format!("return document.documentElement.lang === '{lang}';"),
    )
    .await;
}

/// The computed font size of the article's first paragraph, in px.
async fn body_font_px(app: &App) -> f64 {
    let v = app
        .js(
            "const p = document.querySelector('#article-body p'); \
             return p ? parseFloat(getComputedStyle(p).fontSize) : null;",
            vec![],
        )
        .await;
    v.as_f64()
        .expect("the reader should show at least one paragraph")
}

// ---------------------------------------------------------------------------
// 1. Open a corpus page by typing its address

#[test]
fn open_corpus_page_by_address() {
    scenario("open_corpus_page_by_address", |mut ctx| async move {
        let Some(root) = corpus::corpus_root_or_skip("open_corpus_page_by_address") else {
            return;
        };
        let (source, name) = CORPUS_CASE;
        let case = corpus::load_source(&root, source)
            .expect("the corpus source should load")
            .into_iter()
            .find(|c: &Case| c.name == name)
            .unwrap_or_else(|| panic!("corpus case {source}/{name} is missing"));
        let expected = case
            .expected
            .clone()
            .expect("the chosen case has a reference text");
        let url = ctx.url(&format!("/corpus/{source}/{name}/"));
        // The title the app must show is the one reader-core extracts from
        // the page (gne-zh has no reference title).
        let html = case.html().expect("the corpus page should decompress");
        let base = url::Url::parse(&url).expect("server URL");
        let article = reader_web::extract::extract(&html, Some(&base))
            .expect("reader-core extracts the page");
        assert!(
            !article.title.trim().is_empty(),
            "reader-core found no title"
        );

        let app = launch_home(&mut ctx, "corpus").await;
        app.open(&url, "reader").await;

        let title = app.text_of("article-title").await;
        assert_eq!(
            corpus::normalise_whitespace(&title),
            corpus::normalise_whitespace(&article.title),
            "#article-title"
        );
        let body = squash(&app.text_of("article-body").await);
        let lines: Vec<&str> = expected
            .lines()
            .map(str::trim)
            .filter(|l| l.chars().count() >= 12)
            .take(8)
            .collect();
        let missing: Vec<&&str> = lines
            .iter()
            .filter(|l| !body.contains(&squash(l)))
            .collect();
        assert!(
            lines.len() >= 5 && missing.len() <= 1,
            "#article-body lacks {} of {} reference lines: {missing:#?}",
            missing.len(),
            lines.len()
        );
        let paragraphs = app
            .js(
                "return document.querySelectorAll('#article-body p').length;",
                vec![],
            )
            .await;
        assert!(
            paragraphs.as_u64().unwrap_or(0) >= 5,
            "#article-body should hold the article's paragraphs, has {paragraphs}"
        );
    });
}

// ---------------------------------------------------------------------------
// 2. A GBK page renders correct Chinese

#[test]
fn gbk_page_renders_chinese() {
    scenario("gbk_page_renders_chinese", |mut ctx| async move {
        let variant = care_reader_tests::netease::variants()
            .expect("the NetEase fixture variants build")
            .into_iter()
            .find(|v| v.name == "gbk-undeclared")
            .expect("a GBK variant");
        let app = launch_home(&mut ctx, "gbk").await;
        app.open(&ctx.url("/gbk/netease.html"), "reader").await;

        let title = app.text_of("article-title").await;
        assert!(
            title.contains("京津冀协同发展迈上新台阶"),
            "#article-title should be the Chinese headline, is {title:?}"
        );
        // The system's font stack (ui/styles.css), named by the shell.
        let fonts = app
            .js(
                "return [document.documentElement.dataset.os, \
                 getComputedStyle(document.getElementById('article-body')).fontFamily];",
                vec![],
            )
            .await;
        assert_eq!(fonts[0], std::env::consts::OS, "html[data-os]");
        if cfg!(target_os = "linux") {
            let family = fonts[1].as_str().unwrap_or_default();
            assert!(
                family.starts_with("\"Noto Sans CJK SC\""),
                "the Chinese article's fonts: {family}"
            );
        }
        let body = squash(&app.text_of("article-body").await);
        assert!(
            !body.contains('\u{fffd}'),
            "replacement characters in the body"
        );
        for line in [
            variant.original_title_line.as_str(),
            variant.caption.as_str(),
        ]
        .into_iter()
        .chain(
            variant
                .expected
                .lines()
                .filter(|l| l.contains("牢牢牵住“牛鼻子”")),
        ) {
            assert!(
                body.contains(&squash(line)),
                "#article-body lacks the fixture sentence {line:?}"
            );
        }
    });
}

// ---------------------------------------------------------------------------
// 3. Text size survives a restart

#[test]
fn text_size_persists_across_restart() {
    scenario("text_size_persists_across_restart", |mut ctx| async move {
        let dir = ctx.fresh_data_dir("size");
        let app = ctx.launch(&dir).await;
        app.open(&ctx.url(PHOTO_ARTICLE), "reader").await;
        let before = body_font_px(&app).await;
        app.click("btn-larger").await;
        app.click("btn-larger").await;
        let after = app
            .wait_js(
                "the body text to grow two steps",
                STEP_TIMEOUT,
                &format!(
                    "const p = document.querySelector('#article-body p'); \
                     const px = parseFloat(getComputedStyle(p).fontSize); \
                     return px > {before} + 4 ? px : null;"
                ),
            )
            .await
            .as_f64()
            .expect("a font size");
        // Only what the shell saved counts: wait for it before quitting.
        let mut saved = Value::Null;
        for _ in 0..50 {
            saved = app.settings().await;
            if saved["textSize"].as_f64() == Some(after) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            saved["textSize"].as_f64(),
            Some(after),
            "update_settings should have saved the size shown ({after}px): {saved}"
        );
        app.client
            .clone()
            .close()
            .await
            .expect("the session should end");

        let app = ctx.launch(&dir).await;
        assert_eq!(
            app.visible_view().await,
            "home",
            "a second start (settings saved, an article read) should open Home"
        );
        show(&app, "reader").await;
        let again = body_font_px(&app).await;
        assert_eq!(
            again, after,
            "text size after restart: was {before}px, enlarged to {after}px, now {again}px"
        );
    });
}

// ---------------------------------------------------------------------------
// 4. Switching to en-US changes every visible string

/// Every string a reader can see or hear in the current view: visible text,
/// plus aria-label / placeholder / title / alt of visible elements. Content
/// that is not UI text is left out: the article, the recent titles, the
/// clipboard URL and anything marked with its own `lang` (the language
/// names, the two-script preview).
const COLLECT_STRINGS: &str = r#"
const skip = (el) => {
  if (el.closest('#article-title, #article-body, #recent-list, #continue-open, #library-list, #library-removed-list, #library-undo-message, #clipboard-url, #address')) return true;
  const tagged = el.closest('[lang]');
  return tagged && tagged !== document.documentElement && tagged.id !== 'article';
};
const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const out = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const text = n.textContent.trim();
  const el = n.parentElement;
  if (text && el && !skip(el) && visible(el)) out.add(text);
}
for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt], [aria-description]')) {
  if (skip(el) || !visible(el)) continue;
  for (const a of ['aria-label', 'placeholder', 'title', 'alt', 'aria-description']) {
    const v = (el.getAttribute(a) || '').trim();
    if (v) out.add(v);
  }
}
// Strings of every view, visible or not (Loading only flashes by).
for (const el of document.querySelectorAll('[data-l10n-id]')) {
  if (skip(el)) continue;
  const text = el.tagName === 'TITLE' ? document.title.trim() : el.textContent.trim();
  if (text && el.firstElementChild === null) out.add(text);
}
return [...out];
"#;

/// Key caps that read the same on every keyboard.
const KEY_NAMES: [&str; 4] = ["Esc", "F1", "F11", "Tab"];

fn is_numberish(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || ".,:%+-−–×/".contains(c))
}

async fn ui_strings_everywhere(app: &App) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for view in STABLE_VIEWS {
        show(app, view).await;
        let strings = app.js(COLLECT_STRINGS, vec![]).await;
        for s in strings.as_array().into_iter().flatten() {
            let s = s.as_str().unwrap_or_default().to_owned();
            if !is_numberish(&s) && !KEY_NAMES.contains(&s.as_str()) {
                all.insert(s);
            }
        }
    }
    all
}

fn has_han(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

#[test]
fn english_changes_every_visible_string() {
    scenario(
        "english_changes_every_visible_string",
        |mut ctx| async move {
            let app = launch_home(&mut ctx, "lang").await;
            app.open(&ctx.url(PHOTO_ARTICLE), "reader").await;
            set_language(&app, "zh-CN").await;
            let zh = ui_strings_everywhere(&app).await;
            set_language(&app, "en-US").await;
            let en = ui_strings_everywhere(&app).await;

            eprintln!(
                "e2e: UI strings collected: {} in zh-CN, {} in en-US",
                zh.len(),
                en.len()
            );
            let both: Vec<&String> = zh.intersection(&en).collect();
            assert!(
                both.is_empty(),
                "strings unchanged by switching zh-CN -> en-US: {both:#?}\n(zh-CN had {} strings, en-US {})",
                zh.len(),
                en.len()
            );
            let han: Vec<&String> = en.iter().filter(|s| has_han(s)).collect();
            assert!(han.is_empty(), "Chinese left in the en-US UI: {han:#?}");
            let no_han: Vec<&String> = zh
                .iter()
                .filter(|s| !has_han(s) && s.chars().any(char::is_alphabetic))
                .collect();
            assert!(
                no_han.is_empty(),
                "zh-CN UI strings with no Chinese in them (untranslated or raw ids?): {no_han:#?}"
            );
            // And back: the switch works both ways within one run.
            set_language(&app, "zh-CN").await;
            let zh_again = ui_strings_everywhere(&app).await;
            let en_left: Vec<&String> = zh_again.intersection(&en).collect();
            assert!(
                en_left.is_empty(),
                "en-US strings left after switching back: {en_left:#?}"
            );
        },
    );
}

/// docs/app.md: `Settings.uiLang` is "zh-CN" | "en-US", and Settings shows
/// the language in use. On a fresh store the UI must still mark one language
/// (the one it speaks) and one theme as chosen.
#[test]
fn settings_mark_the_current_language_and_theme() {
    scenario(
        "settings_mark_the_current_language_and_theme",
        |mut ctx| async move {
            let app = launch_home(&mut ctx, "fresh-settings").await;
            let left_of =
                "return document.getElementById(arguments[0]).getBoundingClientRect().left;";
            let home_left = app.js(left_of, vec![json!("home-title")]).await;
            show(&app, "settings").await;
            // Settings sits in the same centred column as every other view.
            let settings_left = app.js(left_of, vec![json!("settings-title")]).await;
            assert_eq!(
                settings_left, home_left,
                "Settings' heading should line up with Home's"
            );
            let state = app
            .js(
                "return { lang: document.documentElement.lang, \
                   langChecked: [...document.querySelectorAll('input[name=lang]:checked')].map(r => r.value), \
                   themeChecked: [...document.querySelectorAll('input[name=theme]:checked')].map(r => r.value) };",
                vec![],
            )
            .await;
            let settings = app.settings().await;
            assert_eq!(
                state["themeChecked"].as_array().map(Vec::len),
                Some(1),
                "theme radios: {state}"
            );
            assert_eq!(
                state["langChecked"],
                json!([state["lang"].clone()]),
                "APP BUG: on a fresh store Settings marks no language: the UI speaks {} but \
             get_settings returns uiLang = {} and no radio name=lang is checked ({state})",
                state["lang"],
                settings["uiLang"]
            );
            // The line length is worded like the other values ("每行约 34 字",
            // "about 68 characters"), not a bare number.
            let width = app.text_of("out-width").await;
            assert!(
                width.chars().any(|c| c.is_ascii_digit()) && !is_numberish(&width),
                "the line-length value should be a number in words: {width:?}"
            );
        },
    );
}

// ---------------------------------------------------------------------------
// 5. An unreachable address shows the error page, localised

#[test]
fn unreachable_address_shows_localised_error() {
    scenario(
        "unreachable_address_shows_localised_error",
        |mut ctx| async move {
            let app = launch_home(&mut ctx, "unreachable-address").await;
            // The harness starts the app on a Chinese desktop (LANG=zh_CN.UTF-8).
            assert_eq!(
                app.js("return document.documentElement.lang;", vec![])
                    .await,
                "zh-CN",
                "tests start in Chinese"
            );
            let url = unreachable_url();
            app.open(&url, "error").await;
            let code = app
                .js(
                    "return document.getElementById('view-error').dataset.code;",
                    vec![],
                )
                .await;
            assert_eq!(code, ErrorCode::Unreachable.id(), "#view-error data-code");
            let title = app.text_of("error-title").await;
            let message = app.text_of("error-message").await;
            assert!(has_han(&title), "#error-title should be Chinese: {title:?}");
            assert!(
                has_han(&message),
                "#error-message should be Chinese: {message:?}"
            );
            assert!(
                message.contains("127.0.0.1"),
                "#error-message should name the site: {message:?}"
            );
            for raw in [
                "error sending request",
                "os error",
                "Connection refused",
                "reqwest",
                "hyper",
                "tcp connect",
                "{",
                "error-",
            ] {
                assert!(
                    !message.contains(raw) && !title.contains(raw),
                    "raw error text {raw:?} shown: {title:?} / {message:?}"
                );
            }
            let shown = app
            .js(
                "return ['error-retry', 'error-home'].every(id => document.getElementById(id).getClientRects().length > 0);",
                vec![],
            )
            .await;
            assert_eq!(
                shown, true,
                "#error-retry and #error-home should be offered"
            );
        },
    );
}

// ---------------------------------------------------------------------------
// 6. Keyboard only: Home -> article -> Home

#[test]
fn keyboard_only_home_to_article_and_back() {
    scenario(
        "keyboard_only_home_to_article_and_back",
        |mut ctx| async move {
            let dir = ctx.fresh_data_dir("keys");
            let app = ctx.launch(&dir).await;
            // First run opens the welcome article; Escape leaves it.
            if app.visible_view().await != "home" {
                app.keys(&[Key::Escape.into()]).await;
                app.wait_view("home", STEP_TIMEOUT).await;
            }
            app.chord(Key::Control, 'l').await;
            app.wait_js(
                "Ctrl+L to focus #address",
                STEP_TIMEOUT,
                "return document.activeElement && document.activeElement.id === 'address';",
            )
            .await;
            app.type_text(&ctx.url(PHOTO_ARTICLE)).await;
            app.keys(&[Key::Enter.into()]).await;
            app.wait_view("reader", OPEN_TIMEOUT).await;
            assert_eq!(app.text_of("article-title").await, PHOTO_TITLE);
            assert_eq!(
                app.focused().await,
                "#article-title",
                "focus should move to the article's heading"
            );
            // Ctrl+= enlarges, Ctrl+0 goes back to the default size (docs/app.md).
            let before = body_font_px(&app).await;
            app.chord(Key::Control, '=').await;
            app.wait_js(
                "Ctrl+= to enlarge the text",
                STEP_TIMEOUT,
                &format!(
                    "return parseFloat(getComputedStyle(document.querySelector('#article-body p')).fontSize) > {before};"
                ),
            )
            .await;
            app.chord(Key::Control, '0').await;
            app.wait_js(
                "Ctrl+0 to restore the default size",
                STEP_TIMEOUT,
                &format!(
                    "return parseFloat(getComputedStyle(document.querySelector('#article-body p')).fontSize) === {before};"
                ),
            )
            .await;
            // F1 shows Help; Escape returns to the article.
            app.keys(&[Key::F1.into()]).await;
            app.wait_view("help", STEP_TIMEOUT).await;
            app.keys(&[Key::Escape.into()]).await;
            app.wait_view("reader", STEP_TIMEOUT).await;

            app.keys(&[Key::Escape.into()]).await;
            app.wait_view("home", STEP_TIMEOUT).await;
            wait_recent(&app).await;
            assert_eq!(
                app.focused().await,
                "#address",
                "Home puts focus in the address box"
            );
            // The recent list shows what was opened; the box starts empty again.
            assert_eq!(
                app.js("return document.getElementById('address').value;", vec![])
                    .await,
                json!(""),
                "Home should not keep the address of the article just opened"
            );

            // Tab from the address box: Open, then on to the recent article.
            let mut order = Vec::new();
            for _ in 0..12 {
                app.keys(&[Key::Tab.into()]).await;
                let f = app.focused().await;
                // A keyboard user must see where focus is (WCAG 2.4.7).
                let ring = app
                    .js(
                        "const s = getComputedStyle(document.activeElement); \
                         return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;",
                        vec![],
                    )
                    .await;
                assert_eq!(ring, true, "no visible focus ring on {f} after Tab");
                let done = f == "recent-item";
                order.push(f);
                if done {
                    break;
                }
            }
            let open_at = order.iter().position(|f| f == "#open-button");
            let recent_at = order.iter().position(|f| f == "recent-item");
            assert!(
                matches!((open_at, recent_at), (Some(o), Some(r)) if o < r),
                "Tab order from #address should reach #open-button, then the recent item: {order:?}"
            );
            // Enter on the recent item opens it; Escape comes back.
            app.keys(&[Key::Enter.into()]).await;
            app.wait_view("reader", OPEN_TIMEOUT).await;
            assert_eq!(app.text_of("article-title").await, PHOTO_TITLE);
            app.keys(&[Key::Escape.into()]).await;
            app.wait_view("home", STEP_TIMEOUT).await;
        },
    );
}

// ---------------------------------------------------------------------------
// 7. A hostile page shows its text and runs nothing

#[test]
fn hostile_page_runs_nothing() {
    scenario("hostile_page_runs_nothing", |mut ctx| async move {
        let app = launch_home(&mut ctx, "hostile").await;
        let settings_before = app.settings().await;
        let location_before = app.js("return location.href;", vec![]).await;
        app.open(&ctx.url("/app/hostile.html"), "reader").await;
        // A meta refresh or an onload handler would act within a moment.
        tokio::time::sleep(Duration::from_millis(1500)).await;

        assert_eq!(app.visible_view().await, "reader", "still in the reader");
        assert_eq!(
            app.js("return location.href;", vec![]).await,
            location_before,
            "the window navigated"
        );
        assert_eq!(app.text_of("article-title").await, "社区通知：冬季供暖安排");
        let body = app.text_of("article-body").await;
        for sentence in [
            "今年的冬季供暖将从十一月十五日开始",
            "祝大家度过一个温暖的冬天",
        ] {
            assert!(body.contains(sentence), "#article-body lacks {sentence:?}");
        }
        let traces = app
            .js(
                r#"const body = document.getElementById('article-body');
                   return {
                     pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
                     title: document.title,
                     pwnedElements: [...document.querySelectorAll('[id^=pwned]')].map(e => e.id),
                     active: [...body.querySelectorAll('script, iframe, frame, object, embed, form, input, button, svg, style, link, meta, base')].map(e => e.tagName),
                     handlers: [...body.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on')),
                     hrefs: [...body.querySelectorAll('[href], [src], [action], [formaction], [srcdoc]')]
                       .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || e.getAttribute('formaction') || 'srcdoc'),
                     documentScripts: [...document.scripts].map(s => s.getAttribute('src')),
                   };"#,
                vec![],
            )
            .await;
        assert_eq!(traces["pwned"], Value::Null, "a page script ran: {traces}");
        assert!(
            !traces["title"]
                .as_str()
                .unwrap_or_default()
                .contains("PWNED"),
            "document.title was changed: {traces}"
        );
        assert_eq!(
            traces["pwnedElements"],
            json!([]),
            "elements a script would add: {traces}"
        );
        assert_eq!(
            traces["active"],
            json!([]),
            "active elements in #article-body: {traces}"
        );
        assert_eq!(
            traces["handlers"],
            json!([]),
            "event handler attributes: {traces}"
        );
        for link in traces["hrefs"].as_array().into_iter().flatten() {
            let link = link.as_str().unwrap_or_default();
            assert!(
                link.starts_with("http://")
                    || link.starts_with("https://")
                    || link.starts_with("care-img://"),
                "a link or source that is not http(s)/care-img in #article-body: {link:?} ({traces})"
            );
        }
        assert_eq!(
            traces["documentScripts"],
            json!(["app.js"]),
            "only the app's own module may be a script in the window"
        );
        let hrefs = app
            .js(
                "return [...document.querySelectorAll('#article-body a')].map(a => a.getAttribute('href'));",
                vec![],
            )
            .await;
        assert!(
            hrefs
                .as_array()
                .is_some_and(|h| h.contains(&json!("https://example.org/heating"))),
            "the page's one real link should survive: {hrefs}"
        );
        assert_eq!(app.settings().await, settings_before, "settings changed");
        let trapped = ctx.harness.server.requests_since(0, "/trap/");
        assert!(
            trapped.is_empty(),
            "the page made the app fetch {trapped:?}"
        );
    });
}

// ---------------------------------------------------------------------------
// Images come only through care-img

#[test]
fn article_images_load_through_care_img() {
    scenario(
        "article_images_load_through_care_img",
        |mut ctx| async move {
            let app = launch_home(&mut ctx, "images").await;
            let mark = ctx.harness.server.mark();
            app.open(&ctx.url(PHOTO_ARTICLE), "reader").await;
            let srcs = app
                .js(
                    "return [...document.querySelectorAll('img')].map(i => i.getAttribute('src'));",
                    vec![],
                )
                .await;
            let srcs: Vec<String> = srcs
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect();
            assert!(
                !srcs.is_empty(),
                "the photo article should show its picture"
            );
            for src in &srcs {
                assert!(
                    src.starts_with("care-img://localhost/"),
                    "an <img> not served by care-img: {src}"
                );
            }
            let size = app
            .wait_js(
                "the article picture to load (naturalWidth > 0)",
                OPEN_TIMEOUT,
                "const i = document.querySelector('#article-body img'); \
                 return i && i.complete && i.naturalWidth > 0 ? [i.naturalWidth, i.naturalHeight] : null;",
            )
            .await;
            assert_eq!(size, json!([640, 400]), "the picture's size");
            let fetched = ctx.harness.server.requests_since(mark, "/app/photo.png");
            assert_eq!(
                fetched.len(),
                1,
                "the shell fetches the picture once: {fetched:?}"
            );
        },
    );
}

// ---------------------------------------------------------------------------
// A link in an article opens in Care Reader, never in the webview itself;
// a picture that arrives late moves nothing (the page said its size)

/// The page whose picture the test server holds back (`/late/`).
const LATE_PHOTO_ARTICLE: &str = "/app/late-photo.html";

/// Where the article's link is, in the page (not the window): `[top, left]`,
/// and whether the picture has arrived.
const LINK_AND_PICTURE: &str = "const a = document.querySelector('#article-body a'); \
    const i = document.querySelector('#article-body img'); \
    const r = a.getBoundingClientRect(); \
    const s = document.scrollingElement; \
    return [Math.round(r.top + s.scrollTop), Math.round(r.left), i.complete && i.naturalWidth > 0];";

#[test]
fn article_links_open_in_care_reader() {
    scenario("article_links_open_in_care_reader", |mut ctx| async move {
        let app = launch_home(&mut ctx, "links").await;
        app.open(&ctx.url(LATE_PHOTO_ARTICLE), "reader").await;
        let location = app.js("return location.href;", vec![]).await;
        let href = app
            .js(
                "const a = document.querySelector('#article-body a'); return a && a.getAttribute('href');",
                vec![],
            )
            .await;
        assert_eq!(
            href,
            json!(ctx.url("/app/hostile.html")),
            "the relative link should arrive resolved against the page"
        );
        // The picture is still held back: the link's place now must be its
        // place once the picture is in (a click aimed at it would otherwise
        // land on the text the picture pushed there).
        let before = app.js(LINK_AND_PICTURE, vec![]).await;
        assert_eq!(
            before.get(2),
            Some(&json!(false)),
            "the picture should still be on its way ({:?} held back): {before}",
            crate::support::server::LATE_BY
        );
        app.screenshot("reader-picture-on-its-way").await;
        let after = app
            .wait_js(
                "the late picture to arrive",
                OPEN_TIMEOUT,
                &format!("const v = (() => {{ {LINK_AND_PICTURE} }})(); return v[2] ? v : null;"),
            )
            .await;
        assert_eq!(
            (after.get(0), after.get(1)),
            (before.get(0), before.get(1)),
            "the link moved when the picture arrived (before, after): {before} {after}"
        );
        app.click_css("#article-body a").await;
        app.wait_js(
            "the linked article in the reader",
            OPEN_TIMEOUT,
            "return document.getElementById('article-title').textContent === '社区通知：冬季供暖安排' \
               && !document.getElementById('view-reader').hidden;",
        )
        .await;
        assert_eq!(
            app.js("return location.href;", vec![]).await,
            location,
            "the webview navigated instead of opening the link in Care Reader"
        );
    });
}

// ---------------------------------------------------------------------------
// 7b. "Open a saved page…": the real GTK file chooser, driven with xdotool

/// Runs xdotool on the app's display; a step that hangs (a window that never
/// appears) fails the scenario instead of the whole run.
pub(crate) fn xdotool(ctx: &Ctx, xdotool: &std::path::Path, args: &[&str]) {
    let mut child = std::process::Command::new(xdotool)
        .args(args)
        .env("DISPLAY", &ctx.harness.display)
        .stdin(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("could not run xdotool: {e}"));
    let deadline = std::time::Instant::now() + STEP_TIMEOUT;
    loop {
        if let Some(status) = child.try_wait().expect("waiting for xdotool") {
            assert!(status.success(), "xdotool {args:?} failed: {status}");
            return;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("xdotool {args:?} did not finish within {STEP_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn open_a_saved_page_through_the_file_dialog() {
    scenario(
        "open_a_saved_page_through_the_file_dialog",
        |mut ctx| async move {
            let Some(xdotool_bin) = crate::support::find_program("xdotool") else {
                crate::support::skip_or_fail(
                    ctx.name,
                    "xdotool not found (apt-get install xdotool)",
                );
                return;
            };
            let app = launch_home(&mut ctx, "file-dialog").await;
            // xdotool finds windows by WM_NAME, which GTK leaves unset for a
            // title the C library's locale cannot encode (a Chinese one under
            // Xvfb here): choose the dialog in English.
            set_language(&app, "en-US").await;
            app.go_home().await;
            let title = reader_l10n::Localizer::new("en-US").message("app-dialog-open-title", &[]);
            let page = crate::support::server::fixture_dir().join("photo-article.html");
            let page = page.display().to_string();
            app.click("open-file").await;
            // The chooser is a GTK window of its own, titled from app.ftl.
            // Ctrl+L opens its location box; the path and Return choose the file.
            // Blocking, but on a worker of its own: the WebDriver client keeps running.
            let x =
                |args: &[&str]| tokio::task::block_in_place(|| xdotool(&ctx, &xdotool_bin, args));
            x(&[
                "search",
                "--sync",
                "--onlyvisible",
                "--name",
                &title,
                "windowfocus",
                "--sync",
                "%1",
            ]);
            // Pauses let GTK catch up: the location box appears after Ctrl+L,
            // and its completion settles after typing (a Return before that
            // was lost in trials).
            let settle =
                || tokio::task::block_in_place(|| std::thread::sleep(Duration::from_millis(500)));
            x(&["key", "ctrl+l"]);
            settle();
            x(&["type", "--delay", "20", &page]);
            settle();
            x(&["key", "Return"]);
            app.wait_view("reader", OPEN_TIMEOUT).await;
            assert_eq!(app.text_of("article-title").await, PHOTO_TITLE);
            // The recent list remembers the file by its path.
            app.go_home().await;
            wait_recent(&app).await;
        },
    );
}

// ---------------------------------------------------------------------------
// 8. Accessibility: axe-core on every view in every theme

/// axe's findings as short lines (rule, impact, targets, summary).
pub(crate) const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, {
  rules: { 'color-contrast-enhanced': { enabled: true } },
  resultTypes: ['violations'],
}).then(r => done(r.violations.map(v =>
  `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 6).map(n =>
    `    at ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300)}`).join('\n'))),
  e => done(['axe failed: ' + e]));
"#;

#[test]
fn accessibility_every_view_every_theme() {
    scenario(
        "accessibility_every_view_every_theme",
        |mut ctx| async move {
            let axe_path =
                crate::support::repo_root().join("tests/axe/node_modules/axe-core/axe.min.js");
            let Ok(axe) = std::fs::read_to_string(&axe_path) else {
                crate::support::skip_or_fail(
                    "accessibility_every_view_every_theme",
                    &format!("{} missing (npm ci --prefix tests/axe)", axe_path.display()),
                );
                return;
            };
            let app = launch_home(&mut ctx, "axe").await;
            app.open(&ctx.url(PHOTO_ARTICLE), "reader").await;
            // The window never navigates, so one injection serves every view.
            let loaded = app
                .js(&format!("{axe}\n;return typeof window.axe;"), vec![])
                .await;
            assert_eq!(loaded, "object", "axe-core did not load in the window");
            // Proof that the audit can fail here: grey-on-grey text and an
            // unlabelled button planted in the reader must be reported.
            app.js(
                "const p = document.createElement('p'); p.id = 'axe-probe'; \
                 p.textContent = 'probe'; p.style.cssText = 'color:#999;background:#aaa'; \
                 const b = document.createElement('button'); b.id = 'axe-probe-button'; \
                 p.append(b); document.getElementById('article-body').append(p);",
                vec![],
            )
            .await;
            let probe = app.js_async(RUN_AXE, vec![]).await.to_string();
            app.js("document.getElementById('axe-probe').remove();", vec![])
                .await;
            assert!(
                probe.contains("color-contrast") && probe.contains("button-name"),
                "axe-core did not flag planted violations; the audit is not working: {probe}"
            );

            let mut report = Vec::new();
            let mut audited = 0;
            // At the usual size and the largest, where every control has grown.
            for px in [24, 96] {
                crate::care::set_text_size(&app, px).await;
                for theme in ["care", "dark", "contrast"] {
                    set_theme(&app, theme).await;
                    for view in STABLE_VIEWS {
                        show(&app, view).await;
                        let found = app.js_async(RUN_AXE, vec![]).await;
                        audited += 1;
                        for v in found.as_array().into_iter().flatten() {
                            report.push(format!(
                                "[{view} / {theme} / {px} px] {}",
                                v.as_str().unwrap_or_default()
                            ));
                        }
                    }
                }
            }
            assert_eq!(audited, 30);
            assert!(
                report.is_empty(),
                "axe-core found {} violation(s):\n{}",
                report.len(),
                report.join("\n")
            );
        },
    );
}

// ---------------------------------------------------------------------------
// 9. Screenshots of every view at 24 and 96 px, both languages, care and dark
//    (+ contrast reader)

#[test]
fn screenshots_of_every_view() {
    scenario("screenshots_of_every_view", |mut ctx| async move {
        let app = launch_home(&mut ctx, "shots").await;
        app.open(&ctx.url(PHOTO_ARTICLE), "reader").await;
        app.wait_js(
            "the picture to load before photographing",
            OPEN_TIMEOUT,
            "const i = document.querySelector('#article-body img'); return !i || (i.complete && i.naturalWidth > 0);",
        )
        .await;
        let mut saved = Vec::new();
        for px in [24, 96] {
            crate::care::set_text_size(&app, px).await;
            for lang in ["zh-CN", "en-US"] {
                set_language(&app, lang).await;
                for theme in ["care", "dark", "contrast"] {
                    set_theme(&app, theme).await;
                    let views: &[&str] = if theme == "contrast" {
                        &["reader"]
                    } else {
                        &STABLE_VIEWS
                    };
                    for view in views {
                        show(&app, view).await;
                        let name = format!("{view}-{lang}-{theme}-{px}");
                        saved.push(app.screenshot(&name).await);
                        // Settings is taller than the window: its theme and
                        // language choices only show further down.
                        if *view == "settings" {
                            app.js("window.scrollTo(0, document.body.scrollHeight);", vec![])
                                .await;
                            saved.push(app.screenshot(&format!("{name}-end")).await);
                        }
                    }
                }
            }
        }
        for path in &saved {
            let bytes = std::fs::read(path).expect("screenshot written");
            assert!(
                bytes.starts_with(b"\x89PNG") && bytes.len() > 2000,
                "{} is not a real PNG",
                path.display()
            );
        }
        eprintln!(
            "e2e: {} screenshots in {}",
            saved.len(),
            crate::support::target_dir().join("screenshots").display()
        );
    });
}

/// axe-core's findings on the view on show in each theme, as
/// "[label / theme] finding" lines; `None` when axe-core is not installed
/// (the run is skipped loudly, as in the audit above).
pub(crate) async fn axe_in_every_theme(app: &App, label: &str) -> Option<Vec<String>> {
    let axe_path = crate::support::repo_root().join("tests/axe/node_modules/axe-core/axe.min.js");
    let Ok(axe) = std::fs::read_to_string(&axe_path) else {
        crate::support::skip_or_fail(
            label,
            &format!("{} missing (npm ci --prefix tests/axe)", axe_path.display()),
        );
        return None;
    };
    let loaded = app
        .js(
            &format!("if (!window.axe) {{ {axe}\n}} return typeof window.axe;"),
            vec![],
        )
        .await;
    assert_eq!(loaded, "object", "axe-core did not load in the window");
    let mut report = Vec::new();
    for theme in ["care", "dark", "contrast"] {
        app.js(
            "document.documentElement.dataset.theme = arguments[0];",
            vec![serde_json::json!(theme)],
        )
        .await;
        let found = app.js_async(RUN_AXE, vec![]).await;
        for v in found.as_array().into_iter().flatten() {
            report.push(format!(
                "[{label} / {theme}] {}",
                v.as_str().unwrap_or_default()
            ));
        }
    }
    Some(report)
}
