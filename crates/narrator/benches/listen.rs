//! Listen → speech: how long after Listen is pressed the voice begins (and
//! ends), beside the floor of saying the same sentence with `spd-say`; and
//! the same from a speech service that is not running yet (cold), which is
//! what the player's start deadline (`START_TIMEOUT`) was chosen from.
//! `cargo bench -p narrator --bench listen`
//!
//! Runs on a private PulseAudio null sink (like the real-speech tests); the
//! measuring half runs as a child of this binary with the rig's environment.

#![allow(clippy::unwrap_used)]

use std::process::Command;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use care_reader_tests::audio::AudioRig;
use narrator::Narrator;
use narrator::engine::{self, Delivery, EngineEvent, EventSink};
use narrator::player::{Command as Play, PlayState, PlayerEvent, PlayerSettings};
use narrator::script::{Paragraph, Script, Sentence, SentenceKind, Utterance};
use narrator::text::Lang;

const RUNS: usize = 7;
/// Fresh speech services per cold mode (each rig starts its own).
const COLD_RUNS: usize = 5;
const TEXT: &str = "大字阅览室今天开门了。";
const VOICE: &str = "Chinese (Mandarin, latin as Pinyin)";

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn script() -> Arc<Script> {
    Arc::new(Script {
        id: 1,
        sentences: vec![Sentence {
            kind: SentenceKind::Text,
            block: Some(0),
            part: 0,
            start: 0,
            end: TEXT.encode_utf16().count(),
            paragraph: 0,
            text: TEXT.into(),
            utterances: vec![Utterance {
                lang: Lang::Zh,
                text: TEXT.into(),
            }],
        }],
        paragraphs: vec![Paragraph { first: 0, len: 1 }],
    })
}

/// Waits for the next Begin (or End) report, with its time.
fn wait_for(rx: &mpsc::Receiver<(EngineEvent, Instant)>, want_end: bool) -> Instant {
    loop {
        let (e, at) = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the engine went quiet");
        match e {
            EngineEvent::Begin(_) if !want_end => return at,
            EngineEvent::End(_) if want_end => return at,
            _ => {}
        }
    }
}

/// The measuring half.
fn child() {
    let (tx, rx) = mpsc::channel::<(EngineEvent, Instant)>();
    let factory = Box::new(move |sink: EventSink| {
        let tap: EventSink = Arc::new(move |e| {
            let _ = tx.send((e, Instant::now()));
            sink(e);
        });
        engine::system_engine(tap)
    });
    let narrator = Narrator::spawn(factory, PlayerSettings::default(), |_| {});
    narrator.load(script());
    // As the app does on opening an article: engine up, voices listed.
    narrator.voices().unwrap();

    // 1. Listen → the voice begins: our whole path (command channel, player,
    //    voice choice, engine) beside the engine's own speak → begin.
    let (raw_tx, raw_rx) = mpsc::channel::<(EngineEvent, Instant)>();
    let raw_sink: EventSink = Arc::new(move |e| {
        let _ = raw_tx.send((e, Instant::now()));
    });
    let mut raw = engine::system_engine(raw_sink).unwrap();
    let voices = raw.voices().unwrap();
    let voice = voices.iter().find(|v| v.id == VOICE).unwrap().clone();
    let (mut ours, mut engine_only) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let pressed = Instant::now();
        narrator.command(Play::Play { from: Some(0) });
        ours.push((wait_for(&rx, false) - pressed).as_secs_f64() * 1000.0);
        narrator.command(Play::Pause);
        std::thread::sleep(Duration::from_millis(300));
        let asked = Instant::now();
        raw.speak(TEXT, &voice, Delivery::at_rate(1.0)).unwrap();
        engine_only.push((wait_for(&raw_rx, false) - asked).as_secs_f64() * 1000.0);
        raw.stop().unwrap();
        std::thread::sleep(Duration::from_millis(300));
    }
    // 2. The whole sentence: Listen → end, beside spd-say saying it.
    let (mut whole, mut floor) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let pressed = Instant::now();
        narrator.command(Play::Play { from: Some(0) });
        whole.push((wait_for(&rx, true) - pressed).as_secs_f64() * 1000.0);
        let t = Instant::now();
        let ok = Command::new("spd-say")
            .args(["-w", "-o", "espeak-ng", "-y", VOICE, TEXT])
            .status()
            .unwrap();
        assert!(ok.success());
        floor.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (b, r, e, f) = (
        median(ours),
        median(engine_only),
        median(whole),
        median(floor),
    );
    println!("Listen → utterance begin (narrator)   median {b:8.1} ms   ({RUNS} runs)");
    println!("speak → utterance begin (engine only) median {r:8.1} ms");
    println!("Listen → utterance end                median {e:8.1} ms   (3 runs)");
    println!(
        "spd-say -w, same sentence and voice   median {f:8.1} ms   (the floor: start → spoken)"
    );
    println!(
        "ratios: begin {:.2}× the engine alone; whole sentence {:.3}× spd-say",
        b / r,
        e / f
    );
}

/// The cold half: a speech service that is not running yet. `mode`:
/// `warm` opens the article (load + warm-up) and waits for the warm-up to
/// finish before Listen; `at-once` presses Listen right after opening, while
/// the warm-up is still under way; `no-warm-up` never warms up.
fn cold_child(mode: &str) {
    let (tx, rx) = mpsc::channel::<(EngineEvent, Instant)>();
    let factory = Box::new(move |sink: EventSink| {
        let tap: EventSink = Arc::new(move |e| {
            let _ = tx.send((e, Instant::now()));
            sink(e);
        });
        engine::system_engine(tap)
    });
    let (status_tx, status_rx) = mpsc::channel::<(PlayState, Instant)>();
    let narrator = Narrator::spawn(factory, PlayerSettings::default(), move |e| {
        if let PlayerEvent::Status(s) = e {
            let _ = status_tx.send((s.state, Instant::now()));
        }
    });
    let opened = Instant::now();
    narrator.load(script());
    if mode != "no-warm-up" {
        narrator.warm_up();
    }
    if mode == "warm" {
        // Queued behind the warm-up: returns when it is done.
        narrator.voices().unwrap();
    }
    let warm_up = opened.elapsed().as_secs_f64() * 1000.0;
    let pressed = Instant::now();
    narrator.command(Play::Play { from: Some(0) });
    let begin = wait_for(&rx, false);
    // When the player took the command: its first status that is not Idle.
    let taken = loop {
        let (state, at) = status_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("a status");
        if state != PlayState::Idle {
            break at;
        }
    };
    println!(
        "COLD {mode:10} open→ready {warm_up:7.1} ms  Listen→begin {:7.1} ms  player took Listen→begin {:7.1} ms",
        (begin - pressed).as_secs_f64() * 1000.0,
        (begin - taken).as_secs_f64() * 1000.0,
    );
}

fn main() {
    if std::env::args().any(|a| a == "--child") {
        return child();
    }
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--cold-child") {
        return cold_child(&args[i + 1]);
    }
    for mode in ["warm", "at-once", "no-warm-up"] {
        for _ in 0..COLD_RUNS {
            let Some(rig) = AudioRig::start("listen bench (cold)") else {
                return;
            };
            let mut cmd = Command::new(std::env::current_exe().unwrap());
            rig.env(&mut cmd);
            let status = cmd.args(["--cold-child", mode]).status().unwrap();
            assert!(status.success());
        }
    }
    // `cargo bench` passes --bench; nothing else to parse.
    let Some(rig) = AudioRig::start("listen bench") else {
        return;
    };
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    rig.env(&mut cmd);
    let status = cmd.arg("--child").status().unwrap();
    assert!(status.success());
}
