//! `care-reader read` and `care-reader voices` with the real speech engine,
//! heard through a private PulseAudio null sink.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use care_reader_tests::audio::{AudioRig, sound_stats};
use care_reader_tests::corpus;

const BIN: &str = env!("CARGO_BIN_EXE_care-reader");

/// Reads a real Chinese news page from the corpus at triple speed, stops it
/// with Ctrl+C after five sentences, and checks the sentences came in order
/// and the sink heard them.
#[test]
fn read_speaks_a_corpus_page_in_order_and_ctrl_c_silences_it() {
    let Some(root) = corpus::corpus_root_or_skip("read_speaks_a_corpus_page") else {
        return;
    };
    let Some(rig) = AudioRig::start("read_speaks_a_corpus_page") else {
        return;
    };
    let case = corpus::load_source(&root, "gne-zh")
        .unwrap()
        .into_iter()
        .next()
        .expect("a gne-zh page");
    let page = rig.runtime_dir().join("page.html");
    std::fs::write(&page, case.html_bytes().unwrap()).unwrap();

    // What the sentences should be: the same article, extracted and segmented here.
    let json = Command::new(BIN)
        .args(["extract", "--format", "json"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(json.status.success());
    let article: reader_article::Article = serde_json::from_slice(&json.stdout).unwrap();
    let l10n = reader_l10n::Localizer::new("zh-CN");
    let script = narrator::Script::of(&article, &l10n);
    assert!(
        script.sentences.len() > 5,
        "a news page has more than five sentences"
    );

    let recording = rig.record("read.wav");
    let mut cmd = Command::new(BIN);
    rig.env(&mut cmd);
    let mut child = cmd
        .args(["--lang", "zh-CN", "read", "--rate", "3"])
        .arg(&page)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    let started = Instant::now();
    while printed.len() < 5 {
        let line = lines.next().expect("read ended early").unwrap();
        printed.push(line);
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "five sentences took over 90 s"
        );
    }
    let total = script.sentences.len();
    for (i, line) in printed.iter().enumerate() {
        let expected = format!("[{}/{total}] {}", i + 1, script.sentences[i].text);
        assert_eq!(line, &expected);
    }
    // Ctrl+C: the program ends and takes its voice with it.
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let stopped = Instant::now();
    let status = child.wait().unwrap();
    assert!(
        stopped.elapsed() < Duration::from_secs(5),
        "Ctrl+C took {:?}",
        stopped.elapsed()
    );
    assert!(
        status.success(),
        "Ctrl+C is a normal way to stop listening: {status:?}"
    );
    std::thread::sleep(Duration::from_millis(500));
    let stats = sound_stats(&recording.stop());
    eprintln!("read: {stats:?}");
    assert!(stats.rms > 0.01, "no sound on the sink: {stats:?}");
}

#[test]
fn voices_lists_the_pinyin_voice_first_choice_for_chinese() {
    let Some(rig) = AudioRig::start("voices_lists") else {
        return;
    };
    let mut cmd = Command::new(BIN);
    rig.env(&mut cmd);
    let out = cmd.args(["voices", "--lang", "zh"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let picked: Vec<&str> = text.lines().filter(|l| l.starts_with('*')).collect();
    assert_eq!(picked.len(), 1, "{text}");
    assert!(picked[0].contains("latin as Pinyin"), "{text}");
    assert!(
        !text.contains('+'),
        "variants are hidden without --all:\n{text}"
    );
}

#[test]
fn read_without_a_speech_service_explains_what_to_install() {
    // A runtime dir with no speech service and PATH without speech-dispatcher:
    // autospawn fails and the CLI must say what is missing.
    let dir = std::env::temp_dir().join(format!("care-reader-nospeech-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("page.html");
    std::fs::write(&page, "<html lang=en><body><article><h1>Quiet</h1><p>One sentence to read. And another one here.</p></article></body></html>").unwrap();
    let out = Command::new(BIN)
        .args(["--lang", "en-US", "read"])
        .arg(&page)
        .env("XDG_RUNTIME_DIR", &dir)
        .env("PATH", "/nonexistent")
        .env(
            "SPEECHD_ADDRESS",
            format!("unix_socket:{}", dir.join("none.sock").display()),
        )
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(9), "{stderr}");
    assert!(
        stderr.contains("speech-dispatcher") && stderr.contains("apt install"),
        "{stderr}"
    );
}

/// `read --dry-run`: every utterance in reading order with the voice and
/// the exact text the engine gets (pinyin read in context for espeak-ng's
/// Mandarin), the title as sentence 0, reference markers and a lone
/// "[编辑]" not said; nothing is heard.
#[test]
fn dry_run_prints_what_each_voice_is_given_and_says_nothing() {
    let Some(rig) = AudioRig::start("dry_run_prints") else {
        return;
    };
    let page = rig.runtime_dir().join("dry.html");
    std::fs::write(
        &page,
        "<html lang=zh-CN><head><title>他去银行还钱</title></head><body><article>\
         <h1>他去银行还钱</h1>\
         <p>重庆的音乐会在首都举行[1]。孩子们睡觉前还要喝牛奶。</p>\
         <p>[编辑]</p>\
         <p>这件衣服很便宜。苹果发布了iPhone手机。</p>\
         </article></body></html>",
    )
    .unwrap();
    let recording = rig.record("dry.wav");
    let mut cmd = Command::new(BIN);
    rig.env(&mut cmd);
    let out = cmd
        .args(["--lang", "zh-CN", "read", "--dry-run"])
        .arg(&page)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let zh = "Chinese (Mandarin, latin as Pinyin)";
    let en = "English (America)";
    let expected = [
        format!("0\t{zh}\tta1 qu4 yin2 hang2 huan2 qian2"),
        format!("1\t{zh}\tchong2 qing4 de5 yin1 yue4 hui4 zai4 shou3 du1 ju3 xing2。"),
        format!("2\t{zh}\thai2 zi5 men5 shui4 jiao4 qian2 hai2 yao4 he1 niu2 nai3。"),
        format!("4\t{zh}\tzhe4 jian4 yi1 fu2 hen3 pian2 yi5。"),
        format!("5\t{zh}\tping2 guo3 fa1 bu4 le5"),
        format!("5\t{en}\tiPhone"),
        format!("5\t{zh}\tshou3 ji1。"),
    ];
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected, "{stdout}");
    std::thread::sleep(Duration::from_millis(300));
    let stats = sound_stats(&recording.stop());
    assert!(stats.rms < 0.01, "a dry run says nothing: {stats:?}");
}

/// The family's pronunciation dictionary in the store (`--store`) changes
/// what the voice is given: the corrected family name in pinyin for
/// espeak-ng's Mandarin; the page's own words elsewhere stay as they are.
#[test]
fn dry_run_applies_the_stores_pronunciation_dictionary() {
    let Some(rig) = AudioRig::start("dry_run_pronunciations") else {
        return;
    };
    let store_dir = rig.runtime_dir().join("store");
    let (store, _) = reader_store::Store::open_in(&store_dir).unwrap();
    store
        .set_pronunciation(&reader_store::PronunciationEntry {
            lang: "zh".into(),
            word: "曾阿姨".into(),
            say: "增阿姨".into(),
        })
        .unwrap();
    drop(store);
    let page = rig.runtime_dir().join("aunt.html");
    std::fs::write(
        &page,
        "<html lang=zh-CN><body><article><h1>来信</h1>\
         <p>曾阿姨曾经来过。</p></article></body></html>",
    )
    .unwrap();
    let dry_run = |store: Option<&std::path::Path>| {
        let mut cmd = Command::new(BIN);
        rig.env(&mut cmd);
        cmd.args(["read", "--dry-run"]).arg(&page);
        if let Some(s) = store {
            cmd.arg("--store").arg(s);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let corrected = dry_run(Some(&store_dir));
    assert!(
        corrected.contains("\tzeng1 a1 yi2 ceng2 jing1 lai2 guo4。"),
        "{corrected}"
    );
    // Another store without the entry: the voice's own reading of 曾.
    let plain = dry_run(Some(&rig.runtime_dir().join("empty-store")));
    assert!(
        plain.contains("\tceng2 a1 yi2 ceng2 jing1 lai2 guo4。"),
        "{plain}"
    );
}
