//! The narrator thread starts its engine when it is needed and no sooner:
//! not when the app starts (pronunciations set), not while an article is
//! being drawn (loaded, warm-up asked for), but a moment later for the
//! warm-up, or at once for a Listen.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use narrator::engine::{Delivery, Engine, EngineError, EngineEvent, EventSink, UtteranceKey};
use narrator::player::{Command, PlayState, PlayerEvent, PlayerSettings};
use narrator::pronunciation::Pronunciations;
use narrator::script::{Paragraph, Script, Sentence, SentenceKind, Utterance};
use narrator::service::Narrator;
use narrator::text::Lang;
use narrator::voice::VoiceInfo;

/// Finishes each utterance at once.
struct Quick {
    sink: EventSink,
    next: UtteranceKey,
}

impl Engine for Quick {
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError> {
        Ok(vec![VoiceInfo {
            id: "en".into(),
            name: "en".into(),
            lang: "en".into(),
        }])
    }
    fn speak(&mut self, _: &str, _: &VoiceInfo, _: Delivery) -> Result<UtteranceKey, EngineError> {
        self.next += 1;
        (self.sink)(EngineEvent::Begin(self.next));
        (self.sink)(EngineEvent::End(self.next));
        Ok(self.next)
    }
    fn stop(&mut self) -> Result<(), EngineError> {
        Ok(())
    }
}

/// A narrator whose engine notes when it was made.
fn narrator() -> (
    Narrator,
    Arc<Mutex<Option<Instant>>>,
    mpsc::Receiver<PlayerEvent>,
) {
    let made: Arc<Mutex<Option<Instant>>> = Arc::default();
    let noted = Arc::clone(&made);
    let (tx, rx) = mpsc::channel();
    let narrator = Narrator::spawn(
        Box::new(move |sink| {
            if let Ok(mut at) = noted.lock() {
                *at = Some(Instant::now());
            }
            Ok(Box::new(Quick { sink, next: 0 }) as Box<dyn Engine>)
        }),
        PlayerSettings::default(),
        move |event| {
            let _ = tx.send(event);
        },
    );
    (narrator, made, rx)
}

fn one_sentence() -> Arc<Script> {
    let mut script = Script {
        id: 7,
        ..Script::default()
    };
    script.paragraphs.push(Paragraph { first: 0, len: 1 });
    script.sentences.push(Sentence {
        kind: SentenceKind::Text,
        block: Some(0),
        part: 0,
        start: 0,
        end: 5,
        paragraph: 0,
        text: "Hello.".into(),
        utterances: vec![Utterance {
            lang: Lang::En,
            text: "Hello.".into(),
        }],
    });
    Arc::new(script)
}

fn made_at(made: &Arc<Mutex<Option<Instant>>>) -> Option<Instant> {
    made.lock().ok().and_then(|at| *at)
}

#[test]
fn the_engine_starts_a_moment_after_the_first_article_opens() {
    let (narrator, made, rx) = narrator();
    narrator.set_pronunciations(Arc::new(Pronunciations::default()));
    let opened = Instant::now();
    narrator.load(one_sentence());
    narrator.warm_up();
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(
        made_at(&made),
        None,
        "started while the article was being drawn"
    );
    // The warm-up lists the voices; voices() answers once it is done.
    let deadline = Instant::now() + Duration::from_secs(5);
    while made_at(&made).is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let after = made_at(&made).map(|at| at - opened);
    assert!(
        after.is_some_and(|d| d >= Duration::from_millis(900)),
        "engine made {after:?} after the article opened"
    );
    // The script loaded before the engine was there is the one it reads.
    let status = rx
        .recv_timeout(Duration::from_secs(2))
        .ok()
        .and_then(|e| match e {
            PlayerEvent::Status(s) => Some(s),
            PlayerEvent::Error(_) => None,
        });
    assert_eq!(
        status.map(|s| (s.script, s.state)),
        Some((7, PlayState::Idle))
    );
}

#[test]
fn listen_before_the_warm_up_starts_the_engine_at_once() {
    let (narrator, made, rx) = narrator();
    let opened = Instant::now();
    narrator.load(one_sentence());
    narrator.warm_up();
    narrator.command(Command::Play { from: None });
    // The one sentence is read to its end.
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut finished = false;
    while let Ok(event) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if let PlayerEvent::Status(s) = event {
            assert_eq!(s.script, 7);
            if s.state == PlayState::Finished {
                finished = true;
                break;
            }
        }
    }
    assert!(finished, "the loaded script was not read");
    let after = made_at(&made).map(|at| at - opened);
    assert!(
        after.is_some_and(|d| d < Duration::from_millis(500)),
        "engine made {after:?} after Listen"
    );
}
