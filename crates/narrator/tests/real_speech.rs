//! The real engine: speech-dispatcher and espeak-ng, heard through a private
//! PulseAudio null sink and measured with sox.
//!
//! The engine finds its speech service through `XDG_RUNTIME_DIR`, which a
//! test cannot change in its own process (setting the environment is unsafe
//! in Rust 2024, and unsafe code is forbidden here), so each test runs its
//! speaking half as a child process of this same test binary with the
//! rig's environment: the `child_*` tests, which do nothing on their own.

#![allow(clippy::unwrap_used)]

use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use care_reader_tests::audio::{AudioRig, sound_stats};
use narrator::engine::{self, Engine, EngineEvent, EventSink};
use narrator::text::Lang;
use narrator::voice::best_voice;

const CHILD: &str = "CARE_READER_SPEECH_CHILD";

/// Runs the test `name` of this binary as a child in `rig`'s environment
/// and returns its standard output.
fn run_child(rig: &AudioRig, name: &str) -> String {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe);
    rig.env(&mut child);
    let out = child
        .args([
            "--exact",
            name,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{name} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Waits for the next engine event (the watchdog's job in the app).
fn next(rx: &mpsc::Receiver<EngineEvent>) -> EngineEvent {
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the engine reported nothing for 20 s")
}

/// Speaks a Chinese and an English sentence through `engine` and checks the
/// begin/end order of both; prints `BEGIN_LATENCY_MS`.
fn speak_two(engine: &mut dyn Engine, rx: &mpsc::Receiver<EngineEvent>) {
    let voices = engine.voices().unwrap();
    let zh = best_voice(&voices, Lang::Zh)
        .expect("a Chinese voice (espeak-ng)")
        .clone();
    let en = best_voice(&voices, Lang::En)
        .expect("an English voice")
        .clone();
    assert!(zh.lang.to_lowercase().contains("pinyin"), "{zh:?}");
    let mut order = Vec::new();
    for (text, voice) in [
        ("今天是二零二四年五月九日，天气晴。", &zh),
        ("Hello from Care Reader.", &en),
    ] {
        let asked = Instant::now();
        let key = engine.speak(text, voice, 1.0).unwrap();
        let begin = next(rx);
        println!(
            "BEGIN_LATENCY_MS {}",
            asked.elapsed().as_secs_f64() * 1000.0
        );
        let end = next(rx);
        order.push((key, begin, end));
    }
    for (key, begin, end) in order {
        assert_eq!(
            (begin, end),
            (EngineEvent::Begin(key), EngineEvent::End(key))
        );
    }
}

fn sink() -> (EventSink, mpsc::Receiver<EngineEvent>) {
    let (tx, rx) = mpsc::channel();
    let sink: EventSink = std::sync::Arc::new(move |e| {
        let _ = tx.send(e);
    });
    (sink, rx)
}

#[test]
#[ignore = "the child half of speechd_engine_speaks_chinese_and_english_aloud"]
fn child_speechd() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let (sink, rx) = sink();
    let mut engine = engine::system_engine(sink).unwrap();
    speak_two(engine.as_mut(), &rx);
}

#[test]
#[ignore = "the child half of tts_crate_engine_speaks_aloud"]
fn child_tts() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let (sink, rx) = sink();
    let mut engine = engine::os::TtsEngine::new(sink).unwrap();
    speak_two(&mut engine, &rx);
}

fn assert_real_sound(test: &str, child: &str) {
    let Some(rig) = AudioRig::start(test) else {
        return;
    };
    let recording = rig.record("speech.wav");
    let out = run_child(&rig, child);
    std::thread::sleep(Duration::from_millis(300));
    let stats = sound_stats(&recording.stop());
    eprintln!("{test}: {stats:?}\n{out}");
    assert!(stats.rms > 0.01, "silence on the sink: {stats:?}");
    assert!(
        stats.seconds > 2.0,
        "too short for two sentences: {stats:?}"
    );
    assert_eq!(out.matches("BEGIN_LATENCY_MS").count(), 2, "{out}");
}

#[test]
fn speechd_engine_speaks_chinese_and_english_aloud() {
    assert_real_sound(
        "speechd_engine_speaks_chinese_and_english_aloud",
        "child_speechd",
    );
}

/// The `tts` crate backend (the one Windows and macOS use) on
/// speech-dispatcher.
#[test]
fn tts_crate_engine_speaks_aloud() {
    assert_real_sound("tts_crate_engine_speaks_aloud", "child_tts");
}
