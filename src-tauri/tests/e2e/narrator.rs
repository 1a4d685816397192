//! Read aloud in the real window: the narrator speaks through speech-dispatcher
//! and espeak-ng into a private PulseAudio null sink, and the highlight
//! (`aria-current` on the sentence element) follows it. Driven by keyboard
//! only: Space to listen and pause, → and ← to move by a sentence, Escape to
//! leave (which stops the voice).
//!
//! The app runs with the audio rig's `XDG_RUNTIME_DIR`, so the
//! speech-dispatcher it starts is private to this test and plays into the
//! rig's sink; the rig ends both at the end.
//!
//! Run: `cargo test -p care-reader-app --test e2e narrator::`. Missing tools skip
//! loudly, or fail under `CI=true`.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::session::{OPEN_TIMEOUT, STEP_TIMEOUT};
use crate::support::{APP_BINARY, App, Ctx, scenario};
use care_reader_tests::audio::{AudioRig, sound_stats};
use fantoccini::key::Key;
use serde_json::json;

/// The fixture: short English sentences, a second or two each.
const ARTICLE: &str = "/app/narrator-article.html";
/// How long the first sentence may take to be heard (speech-dispatcher and
/// its espeak-ng module start on the first utterance).
const FIRST_SOUND: Duration = Duration::from_secs(15);

pub(crate) async fn launch_with_audio(ctx: &mut Ctx, rig: &AudioRig) -> App {
    let data = ctx.fresh_data_dir("narrator");
    launch_with_audio_on(ctx, rig, &data).await
}

/// The app with the rig's sound, on the data folder `data` (again after a restart).
pub(crate) async fn launch_with_audio_on(ctx: &mut Ctx, rig: &AudioRig, data: &Path) -> App {
    let script = crate::support::audio_start_script(&ctx.fresh_data_dir("bin"), rig);
    let app = ctx
        .launch_binary(
            &script.display().to_string(),
            &["--data-dir".to_owned(), data.display().to_string()],
            "const v = [...document.querySelectorAll('main > .view')].filter(e => !e.hidden); \
             return v.length === 1 && v[0].id !== 'view-loading' \
               && document.getElementById('home-title').textContent.trim() !== '';",
        )
        .await;
    app.go_home().await;
    app
}

/// The highlighted sentence's number, or -1 when none is highlighted.
async fn lit(app: &App) -> i64 {
    app.js(
        "const on = document.querySelectorAll('#article [aria-current=\"true\"]'); \
         if (on.length > 1) return -2; \
         return on.length ? Number(on[0].dataset.sentence) : -1;",
        vec![],
    )
    .await
    .as_i64()
    .unwrap_or(-1)
}

/// The Listen/Pause button's state: its l10n id (player-listen / player-pause).
async fn toggle_says(app: &App) -> String {
    app.js(
        "return document.getElementById('player-toggle').dataset.l10nId;",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

async fn wait_toggle(app: &App, id: &str) {
    app.wait_js(
        &format!("the Listen button to say {id}"),
        STEP_TIMEOUT,
        &format!("return document.getElementById('player-toggle').dataset.l10nId === '{id}';"),
    )
    .await;
}

/// Polls the highlight until it reaches `upto`, returning every sentence it
/// lit on the way (in order, without repeats).
async fn watch_until(app: &App, upto: i64, within: Duration) -> Vec<i64> {
    let deadline = Instant::now() + within;
    let mut seen: Vec<i64> = Vec::new();
    loop {
        let now = lit(app).await;
        assert_ne!(now, -2, "two sentences highlighted at once");
        if now >= 0 && seen.last() != Some(&now) {
            seen.push(now);
        }
        if now >= upto {
            return seen;
        }
        assert!(
            Instant::now() < deadline,
            "the highlight did not reach sentence {upto} within {within:?} (lit so far: {seen:?}; \
             player error: {:?})",
            app.text_of("player-error-message").await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until sentence `n` is the highlighted one.
async fn wait_lit(app: &App, n: i64, what: &str) {
    app.wait_js(
        &format!("{what}: sentence {n} highlighted"),
        STEP_TIMEOUT,
        &format!(
            "const on = document.querySelector('#article [aria-current=\"true\"]'); \
             return on !== null && on.dataset.sentence === '{n}';"
        ),
    )
    .await;
}

/// Opens the fixture and waits for the player to show.
pub(crate) async fn open_fixture(ctx: &Ctx, app: &App) {
    app.open(&ctx.url(ARTICLE), "reader").await;
    app.wait_js(
        "the player to show for an article with a script",
        STEP_TIMEOUT,
        "return !document.getElementById('player-toggle').hidden \
           && document.querySelectorAll('#article [data-sentence]').length > 10;",
    )
    .await;
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn read_aloud_follows_the_highlight_by_keyboard() {
    scenario(
        "read_aloud_follows_the_highlight_by_keyboard",
        |mut ctx| async move {
            let Some(rig) = AudioRig::start(ctx.name) else {
                return;
            };
            let started = Instant::now();
            let app = launch_with_audio(&mut ctx, &rig).await;
            open_fixture(&ctx, &app).await;
            // Wrapping sentences leaves the text as it was: the link that
            // crosses a sentence boundary is two links with one address.
            let split = app
                .js(
                    "const links = [...document.querySelectorAll('#article-body a')]; \
                     return links.map(a => [a.getAttribute('href'), a.closest('[data-sentence]').dataset.sentence]);",
                    vec![],
                )
                .await;
            let split = split.as_array().cloned().unwrap_or_default();
            assert_eq!(split.len(), 2, "the link should be cut in two: {split:?}");
            assert_eq!(split[0][0], split[1][0]);
            assert_ne!(split[0][1], split[1][1]);
            let third = app
                .js(
                    "return document.querySelectorAll('#article-body p')[2].textContent;",
                    vec![],
                )
                .await;
            assert!(
                third
                    .as_str()
                    .is_some_and(|t| t.contains("read the park's news. It has photos of the")),
                "paragraph text changed: {third}"
            );
            assert_eq!(app.focused().await, "#article-title");
            assert_eq!(lit(&app).await, -1, "nothing is lit before Listen");

            let recording = tokio::task::block_in_place(|| rig.record("listen.wav"));

            // Space: Listen. The title (sentence 0) and the first sentences in order.
            app.keys(&[' ']).await;
            wait_toggle(&app, "player-pause").await;
            let seen = watch_until(&app, 2, FIRST_SOUND).await;
            assert_eq!(seen, vec![0, 1, 2], "the highlight should move in order");
            app.screenshot("narrator-reading-care").await;

            // Space again: Pause. The sentence stays lit and the voice stops there.
            app.keys(&[' ']).await;
            wait_toggle(&app, "player-listen").await;
            let paused_at = lit(&app).await;
            assert!(
                paused_at >= 2,
                "the paused sentence stays lit ({paused_at})"
            );
            tokio::time::sleep(Duration::from_millis(1500)).await;
            assert_eq!(
                lit(&app).await,
                paused_at,
                "paused, but the highlight moved"
            );
            assert_eq!(toggle_says(&app).await, "player-listen");
            let label = app.text_of("player-toggle").await;
            let status = app.text_of("status").await;
            assert!(!status.is_empty(), "the pause is announced");
            assert!(
                !status.contains("breakfast") && !status.contains("park"),
                "the live region must never hold the article's text: {status:?}"
            );
            app.screenshot("narrator-paused-care").await;

            // Resume: reading goes on from the paused sentence.
            app.keys(&[' ']).await;
            wait_toggle(&app, "player-pause").await;
            assert_ne!(app.text_of("player-toggle").await, label);
            watch_until(&app, paused_at + 1, FIRST_SOUND).await;

            // → next, ← previous (within two seconds of the start: the one before).
            let at = lit(&app).await;
            app.keys(&[Key::Right.into()]).await;
            wait_lit(&app, at + 1, "→").await;
            app.keys(&[Key::Left.into()]).await;
            wait_lit(&app, at, "←").await;

            // ] and [ go to the next quarter speed (the narrator's rule).
            let rate_is = |value: &'static str| {
                format!(
                    "return document.getElementById('player-rate').textContent.trim().startsWith('{value} ');"
                )
            };
            app.keys(&[']']).await;
            app.wait_js("] to 1.25", STEP_TIMEOUT, &rate_is("1.25"))
                .await;
            app.keys(&['[']).await;
            app.wait_js("[ back to 1", STEP_TIMEOUT, &rate_is("1"))
                .await;

            // The sound was real.
            tokio::time::sleep(Duration::from_millis(500)).await;
            let wav = tokio::task::block_in_place(|| recording.stop());
            let stats = sound_stats(&wav);
            assert!(
                stats.rms > 0.01,
                "the voice should be heard in the sink (RMS {:.4} over {:.1} s)",
                stats.rms,
                stats.seconds
            );

            // Pause for still pictures, then the same page in the dark theme.
            app.keys(&[' ']).await;
            wait_toggle(&app, "player-listen").await;
            app.screenshot("narrator-highlight-care").await;
            // The colours button is under More.
            app.click("btn-more").await;
            app.click("btn-theme").await;
            app.wait_js(
                "the dark theme",
                STEP_TIMEOUT,
                "return document.documentElement.dataset.theme === 'dark';",
            )
            .await;
            app.screenshot("narrator-highlight-dark").await;
            app.click("btn-theme").await;
            app.wait_js(
                "the contrast theme",
                STEP_TIMEOUT,
                "return document.documentElement.dataset.theme === 'contrast';",
            )
            .await;
            app.screenshot("narrator-highlight-contrast").await;

            // Escape first closes More (the reader stays), then leaves the
            // article, and leaving stops the narrator: its idle status clears
            // the highlight.
            app.keys(&[Key::Escape.into()]).await;
            app.wait_js(
                "Escape to close More",
                STEP_TIMEOUT,
                "return document.getElementById('more-panel').hidden \
                   && !document.getElementById('view-reader').hidden;",
            )
            .await;
            app.keys(&[Key::Escape.into()]).await;
            app.wait_view("home", STEP_TIMEOUT).await;
            app.wait_js(
                "the narrator to stop on leaving the article",
                STEP_TIMEOUT,
                "return document.querySelector('#article [aria-current]') === null;",
            )
            .await;
            eprintln!(
                "narrator e2e: {:.1} s (RMS {:.3})",
                started.elapsed().as_secs_f64(),
                stats.rms
            );
            assert!(
                started.elapsed() < OPEN_TIMEOUT * 2,
                "the scenario took too long"
            );
        },
    );
}

/// Changing the UI language while listening only rewords the page: the
/// article is not reopened, so the voice reads on from where it was (it used
/// to start over, silent, at the first sentence), and the meta line is now in
/// the other language.
#[test]
fn language_change_keeps_the_voice_going() {
    scenario(
        "language_change_keeps_the_voice_going",
        |mut ctx| async move {
            let Some(rig) = AudioRig::start(ctx.name) else {
                return;
            };
            let app = launch_with_audio(&mut ctx, &rig).await;
            open_fixture(&ctx, &app).await;
            let meta_before = app.text_of("article-meta").await;
            assert!(
                !meta_before.is_empty() && !has_han(&meta_before),
                "the meta line should start in English: {meta_before:?}"
            );
            // Every narrator status from here on, as the shell sent it.
            app.js(
                "window.__statuses = []; \
                 window.__TAURI__.event.listen('narrator', e => window.__statuses.push(e.payload.status));",
                vec![],
            )
            .await;

            app.keys(&[' ']).await;
            wait_toggle(&app, "player-pause").await;
            watch_until(&app, 2, FIRST_SOUND).await;

            // To Settings (reading goes on there) and switch to Chinese.
            app.click("btn-more").await;
            app.click("btn-settings").await;
            app.wait_view("settings", STEP_TIMEOUT).await;
            let before = app
                .js(
                    "const s = window.__statuses; return { count: s.length, last: s[s.length - 1] };",
                    vec![],
                )
                .await;
            let at_change = before["last"]["sentence"].as_i64().unwrap_or(-1);
            let script = before["last"]["script"].clone();
            assert_eq!(
                before["last"]["state"], "playing",
                "still reading when the language changes: {before}"
            );
            assert!(at_change >= 2, "reading had moved on: {before}");
            let seen_before = before["count"].as_u64().unwrap_or(0);

            let recording = tokio::task::block_in_place(|| rig.record("after-language.wav"));
            app.choose_radio("lang", "zh-CN").await;
            app.wait_js(
                "the UI to switch to zh-CN",
                STEP_TIMEOUT,
                "return document.documentElement.lang === 'zh-CN';",
            )
            .await;
            let meta_after = app
                .wait_js(
                    "the meta line to be reworded in Chinese",
                    STEP_TIMEOUT,
                    "const m = document.getElementById('article-meta').textContent; \
                     return /[\\u4e00-\\u9fff]/.test(m) ? m : null;",
                )
                .await;
            assert_ne!(meta_after.as_str(), Some(meta_before.as_str()));

            // Back to the article: still reading, and not from the start.
            app.keys(&[Key::Escape.into()]).await;
            app.wait_view("reader", STEP_TIMEOUT).await;
            assert_eq!(
                toggle_says(&app).await,
                "player-pause",
                "the player should still be playing"
            );
            let now = lit(&app).await;
            assert!(
                now >= at_change,
                "the highlight went back from sentence {at_change} to {now} after the language change"
            );
            watch_until(&app, now + 1, FIRST_SOUND).await;

            // What the narrator said after the change: the same script, still
            // playing, never back before the sentence it was on.
            let after = app
                .js(
                    "return window.__statuses.slice(arguments[0]);",
                    vec![json!(seen_before)],
                )
                .await;
            let after = after.as_array().cloned().unwrap_or_default();
            assert!(
                !after.is_empty(),
                "the narrator should have reported progress"
            );
            for status in &after {
                assert_eq!(
                    status["script"], script,
                    "the article was reloaded: {status}"
                );
                assert_eq!(status["state"], "playing", "the voice stopped: {status}");
                assert!(
                    status["sentence"].as_i64().unwrap_or(-1) >= at_change,
                    "reading jumped back before sentence {at_change}: {status}"
                );
            }

            // And it was heard.
            let wav = tokio::task::block_in_place(|| recording.stop());
            let stats = sound_stats(&wav);
            assert!(
                stats.rms > 0.01,
                "the voice should be heard after the language change (RMS {:.4} over {:.1} s)",
                stats.rms,
                stats.seconds
            );
            app.screenshot("narrator-after-language-change").await;

            // Leave the article (Escape closes More, which Settings was
            // opened from, then goes Home): the voice stops.
            app.keys(&[Key::Escape.into(), Key::Escape.into()]).await;
            app.wait_view("home", STEP_TIMEOUT).await;
        },
    );
}

/// Watches the Listen button's words, the speech message and the live region
/// from the page itself, with the page's clock: when Space went down, every
/// word the button said, and when the message showed.
const WATCH_LISTEN: &str = r#"
const w = { words: [], keyAt: null, messageAt: null, said: [] };
window.__listen = w;
document.addEventListener('keydown', e => { if (e.key === ' ' && w.keyAt === null) w.keyAt = performance.now(); }, true);
const toggle = document.getElementById('player-toggle');
new MutationObserver(() => w.words.push(toggle.dataset.l10nId)).observe(toggle, { attributes: true, attributeFilter: ['data-l10n-id'] });
const error = document.getElementById('player-error');
new MutationObserver(() => { if (!error.hidden && w.messageAt === null) w.messageAt = performance.now(); })
  .observe(error, { attributes: true, attributeFilter: ['hidden'] });
const status = document.getElementById('status');
new MutationObserver(() => w.said.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
return true;
"#;

#[test]
fn listen_without_a_speech_service_says_so_at_once() {
    scenario(
        "listen_without_a_speech_service_says_so_at_once",
        |mut ctx| async move {
            // A machine without speech-dispatcher: no service at its address
            // and no program to start one.
            let bin = ctx.fresh_data_dir("bin");
            let script = bin.join("care-reader-without-speech");
            let quote = |p: &Path| format!("'{}'", p.display().to_string().replace('\'', r"'\''"));
            std::fs::write(
                &script,
                format!(
                    "#!/bin/sh\nexport SPEECHD_ADDRESS=unix_socket:{}\nexport PATH=/nonexistent\nexport LC_ALL=C.UTF-8\nexec {} \"$@\"\n",
                    quote(&bin.join("no-speechd.sock")),
                    quote(Path::new(APP_BINARY)),
                ),
            )
            .expect("the start script should be writable");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
                    .expect("the start script should be executable");
            }
            let data = ctx.fresh_data_dir("data");
            let app = ctx
                .launch_binary(
                    &script.display().to_string(),
                    &["--data-dir".to_owned(), data.display().to_string()],
                    "return document.getElementById('home-title').textContent.trim() !== '';",
                )
                .await;
            app.go_home().await;
            open_fixture(&ctx, &app).await;
            app.js(WATCH_LISTEN, vec![]).await;

            app.keys(&[' ']).await;
            let watched = app
                .wait_js(
                    "the speech message after Listen",
                    STEP_TIMEOUT,
                    "const w = window.__listen; return w.messageAt === null ? null : w;",
                )
                .await;
            eprintln!("narrator e2e: Listen with no speech service: {watched}");
            let took = watched["messageAt"].as_f64().unwrap_or(f64::MAX)
                - watched["keyAt"].as_f64().unwrap_or(0.0);
            assert!(
                took <= 1500.0,
                "the message came {took:.0} ms after Listen (at most 1.5 s): {watched}"
            );
            // Never claimed to play, nothing lit, and the message is the one
            // for a missing service, said to a screen reader too.
            let words = watched["words"].as_array().cloned().unwrap_or_default();
            assert!(
                !words.iter().any(|w| w == "player-pause"),
                "the button said Pause with no voice: {watched}"
            );
            assert_eq!(toggle_says(&app).await, "player-listen");
            assert_eq!(lit(&app).await, -1, "a sentence is lit with no voice");
            let message = app.text_of("player-error-message").await;
            let expected = app.invoke("ui_strings", json!({})).await;
            assert!(
                message.contains("speech-dispatcher"),
                "the message should say what is missing: {message:?}"
            );
            app.wait_js(
                "the message to be announced",
                STEP_TIMEOUT,
                "const m = document.getElementById('player-error-message').textContent; \
                 return window.__listen.said.includes(m);",
            )
            .await;
            // "How to fix this" leads to Help's steps.
            assert!(expected["messages"]["help-no-sound-title"].is_string());
            app.click("player-error-help").await;
            app.wait_view("help", STEP_TIMEOUT).await;
            assert_eq!(app.focused().await, "#help-no-sound");
        },
    );
}
