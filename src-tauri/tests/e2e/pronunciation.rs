//! The pronunciation dictionary (读音纠正) and the voice check in the real
//! window: a correction added in Settings is listed, the narrator gives the
//! voice the corrected word (what `care-reader read --dry-run` shows on the
//! app's own store), and reading the article is heard on the null sink.
//! "Test the voice" speaks too.
//!
//! Run: `cargo test -p care-reader-app --test e2e pronunciation::`.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::narrator::launch_with_audio_on;
use crate::support::session::{OPEN_TIMEOUT, STEP_TIMEOUT};
use crate::support::{APP_BINARY, scenario};
use care_reader_tests::audio::{AudioRig, sound_stats};
use serde_json::json;

/// The command line beside the app (built with it by `cargo test --workspace`).
fn cli_binary() -> Option<std::path::PathBuf> {
    let path = Path::new(APP_BINARY).with_file_name("care-reader");
    path.is_file().then_some(path)
}

#[test]
fn a_corrected_word_is_said_as_corrected() {
    scenario(
        "a_corrected_word_is_said_as_corrected",
        |mut ctx| async move {
            let Some(rig) = AudioRig::start(ctx.name) else {
                return;
            };
            let data = ctx.fresh_data_dir("pronunciation");
            let app = launch_with_audio_on(&mut ctx, &rig, &data).await;
            app.click("home-settings").await;
            app.wait_view("settings", STEP_TIMEOUT).await;
            app.wait_js(
                "the empty pronunciation list",
                STEP_TIMEOUT,
                "return !document.getElementById('pron-empty').hidden;",
            )
            .await;

            // Test the voice: a Chinese voice is there, so no message, and it speaks.
            let recording = tokio::task::block_in_place(|| rig.record("test-voice.wav"));
            app.click("test-voice-zh").await;
            // The shell answers once the sample is with the voice, which
            // starts the engine first (seconds on a loaded machine): wait
            // for that answer (announced as "Testing the voice: …" or shown
            // as an error), then give the sample time to be said.
            let playing: Vec<String> = ["zh-CN", "en-US"]
                .iter()
                .map(|lang| {
                    reader_l10n::Localizer::new(lang).message("settings-voice-test-playing", &[])
                })
                .collect();
            app.wait_js(
                "the voice test's answer",
                OPEN_TIMEOUT,
                &format!(
                    "const said = document.getElementById('status').textContent; \
                     return {playing:?}.some((p) => said.startsWith(p)) \
                       || !document.getElementById('voice-test-error').hidden;"
                ),
            )
            .await;
            tokio::time::sleep(Duration::from_secs(3)).await;
            let tested = sound_stats(&tokio::task::block_in_place(|| recording.stop()));
            assert!(
                tested.rms > 0.01,
                "Test the voice was not heard: {tested:?}"
            );
            assert!(
                app.js(
                    "return document.getElementById('voice-test-error').hidden;",
                    vec![]
                )
                .await
                .as_bool()
                .unwrap_or(false),
                "a Chinese voice is installed: no message"
            );

            // The family adds a correction for a name the voice gets wrong.
            app.js(
                "document.getElementById('pron-lang').value = arguments[0]; \
             document.getElementById('pron-word').value = arguments[1]; \
             document.getElementById('pron-say').value = arguments[2];",
                vec![json!("zh"), json!("曾阿姨"), json!("增阿姨")],
            )
            .await;
            app.click("pron-add").await;
            app.wait_js(
                "the correction listed",
                STEP_TIMEOUT,
                "const rows = document.querySelectorAll('#pron-list li'); \
             return rows.length === 1 && rows[0].textContent.includes('曾阿姨 → 增阿姨') \
               && document.getElementById('pron-empty').hidden \
               && document.getElementById('pron-word').value === '';",
            )
            .await;
            app.screenshot("pronunciation-settings").await;
            // An entry without a reading is refused with the shell's message.
            app.js(
                "document.getElementById('pron-word').value = '曾'; \
             document.getElementById('pron-say').value = '';",
                vec![],
            )
            .await;
            app.click("pron-add").await;
            app.wait_js(
                "the refusal said",
                STEP_TIMEOUT,
                "return !document.getElementById('pron-error').hidden \
               && document.getElementById('pron-error').textContent.length > 10 \
               && document.querySelectorAll('#pron-list li').length === 1;",
            )
            .await;

            // What the voice is given: the corrected name, in pinyin for
            // espeak-ng's Mandarin (the dry run reads the app's own store).
            let page = data.join("aunt.html");
            std::fs::write(
                &page,
                "<html lang=zh-CN><head><title>来信</title></head><body><article><h1>来信</h1>\
             <p>曾阿姨曾经来过我们家。</p><p>她说重庆的冬天不冷。</p></article></body></html>",
            )
            .expect("the page should be writable");
            match cli_binary() {
                Some(cli) => {
                    let out = tokio::task::block_in_place(|| {
                        let mut cmd = Command::new(cli);
                        rig.env(&mut cmd);
                        cmd.args(["read", "--dry-run", "--store"])
                            .arg(&data)
                            .arg(&page)
                            .output()
                            .expect("the command line should run")
                    });
                    let stdout = String::from_utf8_lossy(&out.stdout);
                    assert!(out.status.success(), "{out:?}");
                    assert!(
                        stdout.contains(
                            "1\tChinese (Mandarin, latin as Pinyin)\tzeng1 a1 yi2 ceng2 jing1"
                        ),
                        "the dry run on the app's store: {stdout}"
                    );
                }
                None => {
                    let message = "pronunciation: the dry-run half SKIPPED: build care-reader (cargo build -p reader-cli)";
                    assert!(std::env::var_os("CI").is_none(), "{message}");
                    eprintln!("{message}");
                }
            }

            // And the window reads it aloud, heard on the sink.
            let recording = tokio::task::block_in_place(|| rig.record("corrected.wav"));
            app.open(&page.display().to_string(), "reader").await;
            app.keys(&[' ']).await;
            app.wait_js(
                "the corrected sentence read",
                Duration::from_secs(20),
                "const on = document.querySelector('#article [aria-current=\"true\"]'); \
             return on !== null && Number(on.dataset.sentence) >= 2;",
            )
            .await;
            let heard = sound_stats(&tokio::task::block_in_place(|| recording.stop()));
            assert!(
                heard.rms > 0.01,
                "the corrected sentence was not heard: {heard:?}"
            );
            app.keys(&[' ']).await;
        },
    );
}
