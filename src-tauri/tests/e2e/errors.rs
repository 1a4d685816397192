//! End-to-end tests of errors that help: each kind of failure puts first
//! the button that can mend it (the shell's `UiError.actions`), no MIME type
//! or code reaches the reader, and a page that is not an article (a web
//! server's directory listing) is neither shown nor remembered.
//!
//! Run: `cargo test -p care-reader-app --test e2e errors::`.

use fantoccini::key::Key;
use reader_errors::ErrorCode;
use serde_json::Value;

use crate::app::{PHOTO_ARTICLE, PHOTO_TITLE, launch_home};
use crate::support::session::STEP_TIMEOUT;
use crate::support::{App, scenario};

/// An address with a typing mistake: `.invalid` never resolves (RFC 2606).
const TYPO_ADDRESS: &str = "http://care-reader-typo.invalid/news/today.html";

/// Visible error-page buttons, in order: `[id, is primary]`.
async fn buttons(app: &App) -> Vec<(String, bool)> {
    let shown = app
        .js(
            "return [...document.querySelectorAll('#error-actions button')] \
               .filter(b => b.getClientRects().length > 0) \
               .map(b => [b.id, b.classList.contains('primary')]);",
            vec![],
        )
        .await;
    shown
        .as_array()
        .map(|list| {
            list.iter()
                .map(|pair| {
                    (
                        pair[0].as_str().unwrap_or_default().to_owned(),
                        pair[1].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn error_code(app: &App) -> String {
    app.js(
        "return document.getElementById('view-error').dataset.code || '';",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Opens `source`, lands on the error page, and checks its code, its
/// buttons (the first one primary and the first Tab stop after the
/// heading) and that it shows no technical words.
async fn expect_error(app: &App, source: &str, code: ErrorCode, first_buttons: &[&str]) {
    app.open(source, "error").await;
    assert_eq!(
        error_code(app).await,
        code.id(),
        "{source}: #view-error data-code"
    );
    let shown = buttons(app).await;
    let ids: Vec<&str> = shown.iter().map(|(id, _)| id.as_str()).collect();
    assert!(
        ids.starts_with(first_buttons),
        "{source}: buttons {ids:?}, want {first_buttons:?} first"
    );
    assert_eq!(ids.last(), Some(&"error-home"), "{source}: Home comes last");
    let primaries: Vec<&str> = shown
        .iter()
        .filter(|(_, primary)| *primary)
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(
        primaries,
        [first_buttons[0]],
        "{source}: the first is the main button"
    );
    // Arrival focuses what helps most, described by what went wrong: a
    // screen reader says the button, then the message (orca.rs hears it).
    assert_eq!(
        app.focused().await,
        format!("#{}", first_buttons[0]),
        "{source}: focus on arrival"
    );
    let described = app
        .js(
            "const d = document.activeElement.getAttribute('aria-describedby'); \
             const el = d && document.getElementById(d); \
             return el && !el.hidden ? el.textContent.trim() : '';",
            vec![],
        )
        .await;
    assert!(
        described.as_str().is_some_and(|t| !t.is_empty()),
        "{source}: the first action is described by the message: {described}"
    );
    let page = app.text_of("view-error").await;
    for raw in [
        "image/",
        "text/",
        "application/",
        "png",
        "404",
        "http-status",
        "error-",
        "{",
    ] {
        assert!(!page.contains(raw), "{source}: {raw:?} shown: {page:?}");
    }
}

#[test]
fn each_error_puts_what_helps_first() {
    scenario("each_error_puts_what_helps_first", |mut ctx| async move {
        let app = launch_home(&mut ctx, "errors-first-button").await;
        // A typo in the site's name: change the address first.
        expect_error(
            &app,
            TYPO_ADDRESS,
            ErrorCode::HostNotFound,
            &["error-fix-address"],
        )
        .await;
        let message = app.text_of("error-message").await;
        assert!(
            message.contains("care-reader-typo.invalid"),
            "the message names the site: {message:?}"
        );
        // "Change the address" goes Home with the address in the box, the
        // cursor at its end, ready to correct.
        app.keys(&[Key::Enter.into()]).await; // on the focused button
        app.wait_view("home", STEP_TIMEOUT).await;
        assert_eq!(app.focused().await, "#address");
        let caret = app
            .js(
                "const a = document.getElementById('address'); \
                 return [a.value, a.selectionStart, a.selectionEnd];",
                vec![],
            )
            .await;
        let len = TYPO_ADDRESS.chars().count();
        assert_eq!(
            caret,
            serde_json::json!([TYPO_ADDRESS, len, len]),
            "address kept, cursor at its end"
        );

        // A page that is not there: change the address, or the browser.
        let missing = ctx.url("/no-such-article.html");
        expect_error(
            &app,
            &missing,
            ErrorCode::PageNotFound,
            &["error-fix-address", "error-browser"],
        )
        .await;

        // A picture: the browser shows it; waiting would not help.
        let picture = ctx.url("/app/photo.png");
        expect_error(
            &app,
            &picture,
            ErrorCode::UnsupportedContentType,
            &["error-browser"],
        )
        .await;
        let ids: Vec<String> = buttons(&app).await.into_iter().map(|(id, _)| id).collect();
        assert!(!ids.contains(&"error-retry".to_owned()), "{ids:?}");
        let message = app.text_of("error-message").await;
        assert!(message.contains("图片"), "a picture, in words: {message:?}");

        // Nothing listens: the site may come back, so try again first.
        let refused = format!("http://127.0.0.1:{}/", crate::support::free_port());
        expect_error(
            &app,
            &refused,
            ErrorCode::Unreachable,
            &["error-retry", "error-browser"],
        )
        .await;
    });
}

#[test]
fn a_directory_listing_is_not_remembered() {
    scenario(
        "a_directory_listing_is_not_remembered",
        |mut ctx| async move {
            let app = launch_home(&mut ctx, "errors-listing").await;
            app.open(&ctx.url(PHOTO_ARTICLE), "reader").await;
            // A web server's list of files is no article: the error page, with
            // the browser to look through the files.
            expect_error(
                &app,
                &ctx.url("/reading/"),
                ErrorCode::NoArticle,
                &["error-browser"],
            )
            .await;
            app.go_home().await;
            let recent = app
                .wait_js(
                    "the recent list on Home",
                    STEP_TIMEOUT,
                    "const items = [...document.querySelectorAll('#recent-list button[data-id]')]; \
                 return items.length > 0 ? items.map(b => b.textContent) : false;",
                )
                .await;
            let titles: Vec<&str> = recent
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            assert!(
                titles.iter().any(|t| t.contains(PHOTO_TITLE)),
                "the article is remembered: {titles:?}"
            );
            assert!(
                titles
                    .iter()
                    .all(|t| !t.contains("Index of") && !t.contains("reading")),
                "the listing is not remembered: {titles:?}"
            );
            assert_eq!(titles.len(), 1, "{titles:?}");
        },
    );
}
