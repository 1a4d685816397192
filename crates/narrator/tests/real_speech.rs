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
use narrator::Narrator;
use narrator::engine::{self, Delivery, Engine, EngineError, EngineEvent, EventSink};
use narrator::player::{Command as Play, PlayState, PlayerEvent, PlayerSettings};
use narrator::script::{Paragraph, Script, Sentence, SentenceKind, Utterance};
use narrator::text::Lang;
use narrator::voice::best_voice;

const CHILD: &str = "CARE_READER_SPEECH_CHILD";

/// Runs the test `name` of this binary as a child in `rig`'s environment
/// (and `env`) and returns its standard output.
fn run_child(rig: &AudioRig, name: &str, env: &[(&str, &str)]) -> String {
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe);
    rig.env(&mut child).envs(env.iter().copied());
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
        let key = engine.speak(text, voice, Delivery::at_rate(1.0)).unwrap();
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
    let out = run_child(&rig, child, &[]);
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

/// One sentence to listen to.
fn one_sentence() -> std::sync::Arc<Script> {
    let text = "Hello.";
    std::sync::Arc::new(Script {
        id: 1,
        sentences: vec![Sentence {
            kind: SentenceKind::Text,
            block: Some(0),
            part: 0,
            start: 0,
            end: text.len(),
            paragraph: 0,
            text: text.into(),
            utterances: vec![Utterance {
                lang: Lang::En,
                text: text.into(),
            }],
        }],
        paragraphs: vec![Paragraph { first: 0, len: 1 }],
    })
}

/// Opens the article as the app does (load, warm-up), waits for the
/// warm-up and presses Listen; returns what the narrator reported within
/// `within`, and how long after opening and after Listen the last report
/// came.
fn listen(within: Duration) -> (Vec<PlayerEvent>, Duration, Duration) {
    let (tx, rx) = mpsc::channel();
    let narrator = Narrator::system(PlayerSettings::default(), move |e| {
        let _ = tx.send((e, Instant::now()));
    });
    let opened = Instant::now();
    narrator.load(one_sentence());
    narrator.warm_up();
    // Queued behind the warm-up: answers when it is done.
    let _ = narrator.voices();
    let pressed = Instant::now();
    narrator.command(Play::Play { from: None });
    let mut events = Vec::new();
    let mut last = pressed;
    while let Ok((e, at)) = rx.recv_timeout(within.saturating_sub(pressed.elapsed())) {
        events.push(e);
        last = at;
    }
    (events, last - opened, last - pressed)
}

#[test]
#[ignore = "the child half of an_unreachable_speech_service_is_reported_at_once"]
fn child_unreachable() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let (events, since_open, after) = listen(Duration::from_secs(5));
    println!(
        "REPORTED_AFTER_MS open {} Listen {}",
        since_open.as_millis(),
        after.as_millis()
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, PlayerEvent::Error(EngineError::Missing { .. }))),
        "{events:?}"
    );
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, PlayerEvent::Status(s) if s.state == PlayState::Playing)),
        "{events:?}"
    );
    assert!(after < Duration::from_millis(1500), "{after:?}");
}

/// No speech service to talk to (here: an address where none listens): the
/// first Listen says so at once, never "playing".
#[test]
fn an_unreachable_speech_service_is_reported_at_once() {
    let Some(rig) = AudioRig::start("an_unreachable_speech_service_is_reported_at_once") else {
        return;
    };
    let out = run_child(
        &rig,
        "child_unreachable",
        &[("SPEECHD_ADDRESS", "unix_socket:/nonexistent/care-reader")],
    );
    eprintln!("{out}");
}

#[test]
#[ignore = "the child half of no_sound_output_is_reported_at_once"]
fn child_no_sound() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let (events, since_open, after) = listen(Duration::from_secs(5));
    println!(
        "REPORTED_AFTER_MS open {} Listen {}",
        since_open.as_millis(),
        after.as_millis()
    );
    assert!(
        events.contains(&PlayerEvent::Error(EngineError::Silent)),
        "{events:?}"
    );
    assert!(after < Duration::from_millis(1500), "{after:?}");
}

/// A speech service but nothing to play into (no sound server, no sound
/// card): speech-dispatcher reports the voice begun and never ended; the
/// listener is told within 1.5 s of Listen instead of watching a highlight
/// over silence. The rig's runtime dir without its PulseAudio socket.
#[test]
fn no_sound_output_is_reported_at_once() {
    let Some(rig) = AudioRig::start("no_sound_output_is_reported_at_once") else {
        return;
    };
    if std::path::Path::new("/dev/snd").exists() {
        eprintln!(
            "no_sound_output_is_reported_at_once: this machine has a sound card; nothing to test"
        );
        return;
    }
    let bare = rig.runtime_dir().join("no-sound");
    std::fs::create_dir_all(&bare).unwrap();
    let bare = bare.display().to_string();
    let out = run_child(&rig, "child_no_sound", &[("XDG_RUNTIME_DIR", &bare)]);
    eprintln!("{out}");
    // The speech-dispatcher the child started there (the rig ends its own).
    let pids = std::path::Path::new(&bare).join("speech-dispatcher/pid");
    for entry in std::fs::read_dir(pids).into_iter().flatten().flatten() {
        if let Ok(pid) = std::fs::read_to_string(entry.path()) {
            let _ = Command::new("kill").arg(pid.trim()).status();
        }
    }
}

#[test]
#[ignore = "the child half of the_fade_out_is_quieter_on_the_sink"]
fn child_volume() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let volume: f32 = std::env::var("CARE_READER_TEST_VOLUME")
        .unwrap()
        .parse()
        .unwrap();
    let (sink, rx) = sink();
    let mut engine: Box<dyn Engine> = match std::env::var("CARE_READER_TEST_ENGINE").as_deref() {
        Ok("tts") => Box::new(engine::os::TtsEngine::new(sink).unwrap()),
        _ => engine::system_engine(sink).unwrap(),
    };
    let voices = engine.voices().unwrap();
    let en = best_voice(&voices, Lang::En)
        .expect("an English voice")
        .clone();
    let how = Delivery { rate: 1.0, volume };
    let key = engine
        .speak("The sleep timer says this sentence more quietly.", &en, how)
        .unwrap();
    assert_eq!(next(&rx), EngineEvent::Begin(key));
    assert_eq!(next(&rx), EngineEvent::End(key));
}

/// Issue 12: the sleep timer's fade-out is heard. The same sentence said
/// at normal loudness and at the fade's floor, by each engine, recorded on
/// the null sink: the quiet one is clearly quieter and still heard.
#[test]
fn the_fade_out_is_quieter_on_the_sink() {
    let Some(rig) = AudioRig::start("the_fade_out_is_quieter_on_the_sink") else {
        return;
    };
    for engine in ["speechd", "tts"] {
        let mut rms = Vec::new();
        for volume in [1.0, narrator::player::FADE_FLOOR] {
            let name = format!("{engine}-{volume}.wav");
            let recording = rig.record(&name);
            let volume = volume.to_string();
            run_child(
                &rig,
                "child_volume",
                &[
                    ("CARE_READER_TEST_VOLUME", &volume),
                    ("CARE_READER_TEST_ENGINE", engine),
                ],
            );
            std::thread::sleep(Duration::from_millis(300));
            let stats = sound_stats(&recording.stop());
            eprintln!("{engine} at volume {volume}: {stats:?}");
            rms.push(stats.rms);
        }
        let (full, floor) = (rms[0], rms[1]);
        assert!(full > 0.01, "{engine}: silence at full volume ({full})");
        assert!(
            floor > 0.002,
            "{engine}: the fade's floor is still heard ({floor})"
        );
        assert!(
            floor < full * 0.7,
            "{engine}: the floor is clearly quieter: {floor} vs {full}"
        );
    }
}
