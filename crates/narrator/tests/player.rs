//! The player against a recording engine: what it asks the engine to say,
//! in which order, in which voice, and what it tells the listener.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use narrator::engine::{Delivery, Engine, EngineError, EngineEvent, UtteranceKey};
use narrator::player::{
    CUT_RETRIES, CUT_RETRY_AFTER, Command, FADE_FLOOR, FADE_SENTENCES, PlayState, Player,
    PlayerEvent, PlayerSettings, Sleep, Status,
};
use narrator::script::{Paragraph, Script, Sentence, SentenceKind, Utterance};
use narrator::text::Lang;
use narrator::voice::VoiceInfo;

#[derive(Debug, Clone, PartialEq)]
enum Call {
    Speak {
        key: UtteranceKey,
        text: String,
        voice: String,
        rate: f32,
        volume: f32,
    },
    Stop,
}

/// Records every call; hands out keys 1, 2, 3, …; can be told to fail.
#[derive(Clone, Default)]
struct Recorder {
    calls: Rc<RefCell<Vec<Call>>>,
    fail_speak: Rc<RefCell<Option<EngineError>>>,
    voices: Option<Vec<VoiceInfo>>,
}

impl Recorder {
    fn with_voices() -> Self {
        let voice = |id: &str, lang: &str| VoiceInfo {
            id: id.into(),
            name: id.into(),
            lang: lang.into(),
        };
        Recorder {
            voices: Some(vec![
                voice("Chinese (Mandarin)", "cmn"),
                voice("Chinese (Mandarin, latin as Pinyin)", "cmn-latn-pinyin"),
                voice("English (America)", "en-us"),
                voice("English (Great Britain)", "en-gb"),
            ]),
            ..Recorder::default()
        }
    }
    fn take(&self) -> Vec<Call> {
        std::mem::take(&mut self.calls.borrow_mut())
    }
    /// The key of the utterance spoken last.
    fn last_key(&self) -> UtteranceKey {
        KEYS.with(std::cell::Cell::get)
    }
}

impl Engine for Recorder {
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError> {
        self.voices.clone().ok_or(EngineError::Missing {
            detail: "test".into(),
        })
    }
    fn speak(
        &mut self,
        text: &str,
        voice: &VoiceInfo,
        how: Delivery,
    ) -> Result<UtteranceKey, EngineError> {
        if let Some(e) = self.fail_speak.borrow().clone() {
            return Err(e);
        }
        // Keys keep counting across take(): a fresh key for every utterance.
        let key = KEYS.with(|k| {
            let next = k.get() + 1;
            k.set(next);
            next
        });
        self.calls.borrow_mut().push(Call::Speak {
            key,
            text: text.into(),
            voice: voice.id.clone(),
            rate: how.rate,
            volume: how.volume,
        });
        Ok(key)
    }
    fn stop(&mut self) -> Result<(), EngineError> {
        self.calls.borrow_mut().push(Call::Stop);
        Ok(())
    }
}

thread_local! {
    static KEYS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A script of paragraphs, each a list of sentences; a sentence is a list of
/// (language, text) utterances (none: nothing to say).
fn script(paragraphs: &[&[&[(Lang, &str)]]]) -> Arc<Script> {
    let mut s = Script::default();
    for (p, sentences) in paragraphs.iter().enumerate() {
        s.paragraphs.push(Paragraph {
            first: s.sentences.len(),
            len: sentences.len(),
        });
        for (n, utterances) in sentences.iter().enumerate() {
            s.sentences.push(Sentence {
                kind: SentenceKind::Text,
                block: Some(p),
                part: 0,
                start: n,
                end: n + 1,
                paragraph: p,
                text: utterances.iter().map(|(_, t)| *t).collect(),
                utterances: utterances
                    .iter()
                    .map(|(lang, text)| Utterance {
                        lang: *lang,
                        text: (*text).into(),
                    })
                    .collect(),
            });
        }
    }
    Arc::new(s)
}

const EN: Lang = Lang::En;
const ZH: Lang = Lang::Zh;

/// Three paragraphs: "A1 A2" / "B1 B2 B3" / "C1".
fn abc() -> Arc<Script> {
    script(&[
        &[&[(EN, "A1")], &[(EN, "A2")]],
        &[&[(EN, "B1")], &[(EN, "B2")], &[(EN, "B3")]],
        &[&[(EN, "C1")]],
    ])
}

struct Rig {
    player: Player<Recorder>,
    engine: Recorder,
    t0: Instant,
}

impl Rig {
    fn new(script: Arc<Script>, settings: PlayerSettings) -> Self {
        let engine = Recorder::with_voices();
        let mut player = Player::new(engine.clone(), &settings);
        player.load(script);
        player.take_events();
        Rig {
            player,
            engine,
            t0: Instant::now(),
        }
    }
    fn at(&self, ms: u64) -> Instant {
        self.t0 + Duration::from_millis(ms)
    }
    fn cmd(&mut self, c: Command, ms: u64) {
        self.player.command(c, self.at(ms));
    }
    /// The engine says the voice began what it was last given.
    fn begin(&mut self, ms: u64) {
        let key = self.engine.last_key();
        self.player
            .engine_event(EngineEvent::Begin(key), self.at(ms));
    }
    /// The engine finishes what it is saying now.
    fn finish(&mut self, ms: u64) {
        let key = self.engine.last_key();
        self.player
            .engine_event(EngineEvent::Begin(key), self.at(ms));
        self.player.engine_event(EngineEvent::End(key), self.at(ms));
    }
    /// What was said since the last look (and forget the calls).
    fn spoken(&self) -> Vec<String> {
        self.engine
            .take()
            .into_iter()
            .filter_map(|c| match c {
                Call::Speak { text, .. } => Some(text),
                Call::Stop => None,
            })
            .collect()
    }
    fn status(&self) -> Status {
        self.player.status()
    }
    /// The states of the statuses since the last look.
    fn states(&mut self) -> Vec<PlayState> {
        self.player
            .take_events()
            .into_iter()
            .filter_map(|e| match e {
                PlayerEvent::Status(s) => Some(s.state),
                PlayerEvent::Error(_) => None,
            })
            .collect()
    }
    fn errors(&mut self) -> Vec<EngineError> {
        self.player
            .take_events()
            .into_iter()
            .filter_map(|e| match e {
                PlayerEvent::Error(e) => Some(e),
                PlayerEvent::Status(_) => None,
            })
            .collect()
    }
}

#[test]
fn reads_every_sentence_in_order_and_finishes() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    for ms in 1..=6 {
        let expected = if ms == 1 {
            PlayState::Starting
        } else {
            PlayState::Playing
        };
        assert_eq!(rig.status().state, expected);
        rig.finish(ms * 1000);
    }
    assert_eq!(rig.spoken(), ["A1", "A2", "B1", "B2", "B3", "C1"]);
    assert_eq!(rig.status().state, PlayState::Finished);
    // Listen again after the end starts over.
    rig.cmd(Command::Toggle, 7000);
    assert_eq!(rig.spoken(), ["A1"]);
}

#[test]
fn each_language_run_is_spoken_by_a_voice_of_its_language() {
    let s = script(&[&[
        &[(ZH, "苹果发布了"), (EN, "iPhone 15"), (ZH, "手机。")],
        &[(EN, "Done.")],
    ]]);
    let settings = PlayerSettings {
        voice_en: Some("English (Great Britain)".into()),
        ..PlayerSettings::default()
    };
    let mut rig = Rig::new(s, settings);
    rig.cmd(Command::Play { from: None }, 0);
    for ms in 1..=4 {
        rig.finish(ms * 100);
    }
    let said: Vec<(String, String)> = rig
        .engine
        .take()
        .into_iter()
        .filter_map(|c| match c {
            Call::Speak { text, voice, .. } => Some((text, voice)),
            Call::Stop => None,
        })
        .collect();
    let pinyin = "Chinese (Mandarin, latin as Pinyin)".to_owned();
    let gb = "English (Great Britain)".to_owned();
    assert_eq!(
        said,
        [
            // A voice that reads pinyin gets the readings worked out in context.
            ("ping2 guo3 fa1 bu4 le5".into(), pinyin.clone()),
            ("iPhone 15".into(), gb.clone()),
            ("shou3 ji1。".into(), pinyin),
            ("Done.".into(), gb),
        ]
    );
    assert_eq!(rig.status().state, PlayState::Finished);
}

#[test]
fn a_sentence_moves_on_only_when_its_last_run_ends() {
    let s = script(&[&[&[(ZH, "一"), (EN, "two")], &[(EN, "three")]]]);
    let mut rig = Rig::new(s, PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    rig.finish(100);
    assert_eq!(rig.status().sentence, Some(0));
    rig.finish(200);
    assert_eq!(rig.status().sentence, Some(1));
    assert_eq!(rig.spoken(), ["yi1", "two", "three"]);
}

#[test]
fn pause_remembers_the_sentence_and_resume_says_it_again() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    rig.finish(1000); // A1 done, A2 starts
    rig.cmd(Command::Toggle, 1500); // pause in the middle of A2
    assert_eq!(rig.status().state, PlayState::Paused);
    assert_eq!(rig.status().sentence, Some(1));
    assert_eq!(rig.engine.take().last(), Some(&Call::Stop));
    rig.cmd(Command::Resume, 9000);
    assert_eq!(rig.spoken(), ["A2"]);
    assert_eq!(rig.status().state, PlayState::Starting);
    rig.begin(9050);
    assert_eq!(rig.status().state, PlayState::Playing);
}

#[test]
fn previous_goes_back_only_within_two_seconds_of_a_sentence_start() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Play { from: Some(3) }, 0); // B2
    rig.cmd(Command::Previous, 1_500); // early: B1
    assert_eq!(rig.status().sentence, Some(2));
    rig.cmd(Command::Previous, 5_000); // B1 started at 1.5 s: replay B1
    assert_eq!(rig.status().sentence, Some(2));
    rig.cmd(Command::Previous, 5_800); // within 2 s of that restart: A2
    assert_eq!(rig.status().sentence, Some(1));
    assert_eq!(rig.spoken(), ["B2", "B1", "B1", "A2"]);
    // At the first sentence there is nowhere further back.
    rig.cmd(Command::Play { from: Some(0) }, 10_000);
    rig.cmd(Command::Previous, 10_100);
    assert_eq!(rig.status().sentence, Some(0));
}

#[test]
fn next_and_paragraph_moves_land_on_sentences() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Play { from: None }, 0);
    rig.cmd(Command::Next, 100);
    assert_eq!(rig.status().sentence, Some(1));
    rig.cmd(Command::NextParagraph, 200);
    assert_eq!(
        (rig.status().sentence, rig.status().paragraph),
        (Some(2), Some(1))
    );
    rig.cmd(Command::Next, 300);
    // Later than 2 s into B2: back to the start of this paragraph.
    rig.cmd(Command::PreviousParagraph, 5_000);
    assert_eq!(rig.status().sentence, Some(2));
    // Right at a paragraph's start: the paragraph before.
    rig.cmd(Command::PreviousParagraph, 5_500);
    assert_eq!(rig.status().sentence, Some(0));
    rig.cmd(Command::NextParagraph, 6_000);
    rig.cmd(Command::NextParagraph, 6_100);
    assert_eq!(rig.status().sentence, Some(5));
    rig.cmd(Command::NextParagraph, 6_200);
    assert_eq!(rig.status().state, PlayState::Finished);
    assert_eq!(
        rig.spoken(),
        ["A1", "A2", "B1", "B2", "B1", "A1", "B1", "C1"]
    );
}

#[test]
fn sentence_mode_pauses_after_each_sentence() {
    let mut rig = Rig::new(
        abc(),
        PlayerSettings {
            sentence_mode: true,
            ..PlayerSettings::default()
        },
    );
    rig.cmd(Command::Toggle, 0);
    rig.finish(1000);
    assert_eq!(rig.status().state, PlayState::Paused);
    // The highlight stays on the sentence just heard…
    assert_eq!(rig.status().sentence, Some(0));
    // …"previous" hears it again, play or "next" moves on.
    rig.cmd(Command::Previous, 8000);
    assert_eq!(rig.status().sentence, Some(0));
    rig.finish(9000);
    rig.cmd(Command::Toggle, 10_000);
    rig.finish(11_000);
    rig.cmd(Command::Next, 12_000);
    assert_eq!(rig.spoken(), ["A1", "A1", "A2", "B1"]);
    // Turning it off mid-sentence reads on from there.
    rig.cmd(Command::SetSentenceMode { on: false }, 12_100);
    rig.finish(13_000);
    assert_eq!(rig.status().state, PlayState::Playing);
    assert_eq!(rig.spoken(), ["B2"]);
}

#[test]
fn rate_and_voice_changes_restart_the_current_sentence() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Play { from: Some(2) }, 0);
    rig.cmd(Command::SetRate { rate: 1.73 }, 500);
    let calls = rig.engine.take();
    assert_eq!(calls.len(), 3, "{calls:?}");
    assert!(matches!(&calls[1], Call::Stop));
    let Call::Speak { text, rate, .. } = &calls[2] else {
        panic!("{calls:?}")
    };
    assert_eq!(
        (text.as_str(), *rate),
        ("B1", 1.75),
        "rate snaps to the 0.05 grid"
    );
    rig.cmd(
        Command::SetVoice {
            lang: EN,
            voice: Some("English (Great Britain)".into()),
        },
        600,
    );
    let calls = rig.engine.take();
    assert!(
        matches!(&calls[..], [Call::Stop, Call::Speak { text, voice, .. }] if text == "B1" && voice == "English (Great Britain)"),
        "{calls:?}"
    );
    // Paused: the change waits for the next sentence, nothing is said.
    rig.cmd(Command::Pause, 700);
    rig.engine.take();
    rig.cmd(Command::SetRate { rate: 0.5 }, 800);
    assert!(rig.engine.take().is_empty());
    assert_eq!(rig.status().rate, 0.5);
}

#[test]
fn reports_about_cut_off_utterances_are_ignored() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    rig.begin(50);
    let first = rig.engine.last_key();
    rig.cmd(Command::Next, 100);
    // The engine reports the first utterance cut and, late, ended.
    rig.player
        .engine_event(EngineEvent::Stopped(first), rig.at(110));
    rig.player
        .engine_event(EngineEvent::End(first), rig.at(120));
    assert_eq!(rig.status().sentence, Some(1));
    assert_eq!(rig.status().state, PlayState::Playing);
}

/// Issue 17: a screen reader shares the speech service, and whatever it says
/// (a key's echo, a button's name) cuts our sentence off. A short cut is
/// waited out and the sentence said again; a program that keeps the service
/// (cut after cut) has it, and the player pauses where it was.
#[test]
fn a_screen_readers_short_cut_is_waited_out_and_a_long_one_pauses() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    rig.begin(50);
    rig.cmd(Command::Next, 100);
    rig.begin(150);
    rig.engine.take();
    let retry = CUT_RETRY_AFTER.as_millis() as u64;
    let mut at = 200;
    for cut in 1..=CUT_RETRIES {
        let key = rig.engine.last_key();
        rig.player
            .engine_event(EngineEvent::Stopped(key), rig.at(at));
        assert_eq!(rig.status().state, PlayState::Playing, "cut {cut}");
        // Nothing until the cut is likely over, then the same sentence.
        rig.player.tick(rig.at(at + retry - 1));
        assert!(
            rig.engine.take().is_empty(),
            "cut {cut}: said again too soon"
        );
        assert_eq!(rig.player.next_deadline(), Some(rig.at(at + retry)));
        rig.player.tick(rig.at(at + retry));
        let calls = rig.engine.take();
        assert!(
            matches!(&calls[..], [Call::Speak { text, .. }] if text == "A2"),
            "cut {cut}: {calls:?}"
        );
        at += retry + 10;
    }
    // One cut more: the service is someone else's now.
    let key = rig.engine.last_key();
    rig.player
        .engine_event(EngineEvent::Stopped(key), rig.at(at));
    assert_eq!(
        (rig.status().state, rig.status().sentence),
        (PlayState::Paused, Some(1))
    );
    rig.player.tick(rig.at(at + retry));
    assert!(rig.engine.take().is_empty(), "paused: nothing said again");
}

/// A cut sentence that then ends starts a fresh count, and a command while
/// waiting out a cut replaces the retry.
#[test]
fn cuts_are_counted_per_utterance_and_a_command_cancels_the_retry() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    rig.begin(50);
    let retry = CUT_RETRY_AFTER.as_millis() as u64;
    let mut at = 100;
    for _ in 0..CUT_RETRIES {
        let key = rig.engine.last_key();
        rig.player
            .engine_event(EngineEvent::Stopped(key), rig.at(at));
        rig.player.tick(rig.at(at + retry));
        at += retry + 10;
    }
    let key = rig.engine.last_key();
    rig.player.engine_event(EngineEvent::End(key), rig.at(at));
    assert_eq!(rig.status().sentence, Some(1));
    let key = rig.engine.last_key();
    rig.player
        .engine_event(EngineEvent::Stopped(key), rig.at(at + 10));
    assert_eq!(rig.status().state, PlayState::Playing, "a fresh count");
    rig.engine.take();
    rig.cmd(Command::Pause, at + 20);
    rig.player.tick(rig.at(at + 20 + retry));
    assert!(
        !rig.engine
            .take()
            .iter()
            .any(|c| matches!(c, Call::Speak { .. })),
        "paused by the listener: no retry"
    );
    assert_eq!(rig.status().state, PlayState::Paused);
}

#[test]
fn watchdog_pauses_and_explains_when_the_engine_never_finishes() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    // Never began (no speech service answering, stuck engine): see
    // a_start_that_never_begins_fails_within_one_and_a_half_seconds.
    // Nothing was heard, so it is idle again (with the reason).
    rig.player.tick(rig.at(1_500));
    assert_eq!(rig.status().state, PlayState::Idle);
    assert_eq!(rig.errors(), [EngineError::Silent]);
    // Began but never ended (speech-dispatcher without a sound server): the
    // deadline follows the text's length.
    rig.cmd(Command::Resume, 20_000);
    rig.begin(20_100);
    rig.player.tick(rig.at(24_000));
    assert_eq!(
        rig.status().state,
        PlayState::Playing,
        "a short sentence may take a few seconds"
    );
    rig.player.tick(rig.at(40_000));
    assert_eq!(
        (rig.status().state, rig.status().sentence),
        (PlayState::Paused, Some(0))
    );
    assert_eq!(rig.errors(), [EngineError::Silent]);
}

/// A failure says why; a start that failed leaves the player idle (nothing
/// heard), and the next Listen tries again.
#[test]
fn engine_failures_come_with_a_reason() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    *rig.engine.fail_speak.borrow_mut() = Some(EngineError::Failed {
        detail: "boom".into(),
    });
    rig.cmd(Command::Toggle, 0);
    assert_eq!(rig.status().state, PlayState::Idle);
    assert_eq!(
        rig.errors(),
        [EngineError::Failed {
            detail: "boom".into()
        }]
    );
    *rig.engine.fail_speak.borrow_mut() = None;
    rig.cmd(Command::Toggle, 100);
    assert_eq!(rig.spoken(), ["A1"]);
}

#[test]
fn a_missing_engine_or_voice_is_reported_not_hidden() {
    let mut player = Player::new(Recorder::default(), &PlayerSettings::default());
    player.load(abc());
    player.command(Command::Toggle, Instant::now());
    let events = player.take_events();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, PlayerEvent::Error(EngineError::Missing { .. }))),
        "{events:?}"
    );
    assert_eq!(player.status().state, PlayState::Idle);

    let english_only = Recorder {
        voices: Some(vec![VoiceInfo {
            id: "en".into(),
            name: "en".into(),
            lang: "en-us".into(),
        }]),
        ..Recorder::default()
    };
    let mut player = Player::new(english_only, &PlayerSettings::default());
    player.load(script(&[&[&[(ZH, "你好。")]]]));
    player.command(Command::Toggle, Instant::now());
    let events = player.take_events();
    assert!(
        events.contains(&PlayerEvent::Error(EngineError::NoVoice { lang: Lang::Zh })),
        "{events:?}"
    );
}

#[test]
fn sentences_with_nothing_to_say_are_passed_over() {
    let s = script(&[&[&[(EN, "One.")], &[], &[(EN, "Three.")]], &[&[]]]);
    let mut rig = Rig::new(s, PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    rig.finish(100);
    assert_eq!(rig.status().sentence, Some(2));
    rig.cmd(Command::Previous, 200);
    assert_eq!(
        rig.status().sentence,
        Some(0),
        "previous skips the silent sentence too"
    );
    rig.cmd(Command::Play { from: Some(2) }, 300);
    rig.finish(400);
    assert_eq!(rig.status().state, PlayState::Finished);
    assert_eq!(rig.spoken(), ["One.", "Three.", "One.", "Three."]);
}

#[test]
fn a_new_article_silences_the_old_one() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    rig.engine.take();
    rig.player.load(script(&[&[&[(EN, "New.")]]]));
    assert_eq!(rig.engine.take(), [Call::Stop]);
    let s = rig.status();
    assert_eq!(
        (s.state, s.sentence, s.sentences),
        (PlayState::Idle, Some(0), 1)
    );
}

/// Every status names its script, and says whether the listener caused it:
/// a window follows only the narrator of the article it shows, and tells a
/// key press from reading on by itself.
#[test]
fn statuses_name_their_script_and_who_caused_them() {
    let first = abc();
    let mut second = (*abc()).clone();
    second.id = first.id + 1;
    let mut rig = Rig::new(Arc::clone(&first), PlayerSettings::default());
    rig.cmd(Command::Play { from: None }, 0);
    let statuses = |rig: &mut Rig| -> Vec<Status> {
        rig.player
            .take_events()
            .into_iter()
            .filter_map(|e| match e {
                PlayerEvent::Status(s) => Some(s),
                PlayerEvent::Error(_) => None,
            })
            .collect()
    };
    let pressed = statuses(&mut rig);
    assert!(!pressed.is_empty());
    assert!(
        pressed
            .iter()
            .all(|s| s.by_listener && s.script == first.id)
    );
    // Reading on to the next sentence is the player's own doing.
    rig.finish(100);
    let read_on = statuses(&mut rig);
    assert_eq!(read_on.last().and_then(|s| s.sentence), Some(1));
    assert!(
        read_on
            .iter()
            .all(|s| !s.by_listener && s.script == first.id)
    );
    // A new article: its statuses carry its own id, and loading is not a key press.
    rig.player.load(Arc::new(second.clone()));
    let loaded = statuses(&mut rig);
    assert!(
        loaded
            .iter()
            .all(|s| !s.by_listener && s.script == second.id)
    );
    assert_eq!(rig.status().script, second.id);
}

/// Faster and slower go to the next quarter speed and say the sentence again
/// at it; at either end of the range nothing happens (no restart).
#[test]
fn faster_and_slower_step_by_quarters() {
    let mut rig = Rig::new(
        abc(),
        PlayerSettings {
            rate: 1.05,
            ..PlayerSettings::default()
        },
    );
    rig.cmd(Command::Play { from: Some(0) }, 0);
    rig.engine.take();
    rig.cmd(Command::Faster, 100);
    let calls = rig.engine.take();
    assert!(
        matches!(&calls[..], [Call::Stop, Call::Speak { text, rate, .. }] if text == "A1" && *rate == 1.25),
        "{calls:?}"
    );
    rig.cmd(Command::Slower, 200);
    rig.cmd(Command::Slower, 300);
    assert_eq!(rig.status().rate, 0.75);
    rig.cmd(Command::Slower, 400);
    rig.engine.take();
    rig.cmd(Command::Slower, 500);
    assert_eq!(rig.status().rate, 0.5);
    assert!(
        rig.engine.take().is_empty(),
        "nothing to restart at the slowest"
    );
}

/// Listen says "starting" until the engine says the voice began, then
/// "playing"; a run that has begun stays "playing" from sentence to sentence
/// and when the listener moves, and the next Listen starts again.
#[test]
fn listen_starts_and_plays_when_the_engine_begins() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    assert_eq!(rig.states(), [PlayState::Starting]);
    assert_eq!(rig.status().sentence, Some(0), "the sentence to be read");
    rig.begin(40);
    assert_eq!(rig.states(), [PlayState::Playing]);
    let playing = rig.status();
    assert!(!playing.by_listener, "the engine's doing, not a key press");
    // Reading on, moving and a speed change keep playing.
    rig.finish(1_000);
    rig.cmd(Command::Next, 1_100);
    rig.cmd(Command::Faster, 1_200);
    rig.player.tick(rig.at(3_000));
    assert!(
        rig.states().iter().all(|s| *s == PlayState::Playing),
        "a run that has begun does not flicker back to starting"
    );
    assert!(rig.errors().is_empty());
    // Paused, then Listen again: starting until the voice begins.
    rig.cmd(Command::Toggle, 4_000);
    rig.cmd(Command::Toggle, 5_000);
    assert_eq!(rig.states(), [PlayState::Paused, PlayState::Starting]);
    rig.begin(5_010);
    assert_eq!(rig.status().state, PlayState::Playing);
    // An engine that reports no begin has begun when it ends.
    rig.cmd(Command::Pause, 6_000);
    rig.cmd(Command::Resume, 7_000);
    let key = rig.engine.last_key();
    rig.player
        .engine_event(EngineEvent::End(key), rig.at(7_500));
    assert_eq!(rig.status().state, PlayState::Playing);
}

/// No begin within 1.5 s of Listen: back to idle where it was (nothing was
/// heard, so nothing is marked as read), with the reason (a blind listener
/// is told, not left with silence); moving while starting does not put it
/// off, and a begin that comes too late is ignored. A failed resume of a run
/// that had been heard pauses instead.
#[test]
fn a_start_that_never_begins_fails_within_one_and_a_half_seconds() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Play { from: Some(2) }, 0);
    let first = rig.engine.last_key();
    assert_eq!(rig.player.next_deadline(), Some(rig.at(1_500)));
    rig.cmd(Command::Next, 1_000);
    assert_eq!(rig.status().state, PlayState::Starting);
    assert_eq!(
        rig.player.next_deadline(),
        Some(rig.at(1_500)),
        "counted from Listen"
    );
    rig.player.tick(rig.at(1_499));
    assert_eq!(rig.status().state, PlayState::Starting);
    rig.player.take_events();
    rig.player.tick(rig.at(1_500));
    let events = rig.player.take_events();
    assert_eq!(
        events.first(),
        Some(&PlayerEvent::Error(EngineError::Silent)),
        "{events:?}"
    );
    let s = rig.status();
    assert_eq!((s.state, s.sentence), (PlayState::Idle, Some(3)));
    assert_eq!(rig.player.next_deadline(), None);
    // The engine finally reports: too late, and about a cut-off utterance.
    let second = rig.engine.last_key();
    for key in [first, second] {
        rig.player
            .engine_event(EngineEvent::Begin(key), rig.at(1_600));
        rig.player
            .engine_event(EngineEvent::End(key), rig.at(1_700));
    }
    assert!(rig.player.take_events().is_empty());
    assert_eq!(rig.status().state, PlayState::Idle);
    rig.engine.take();
    // Listen again: a fresh start from the same sentence, timed afresh.
    rig.cmd(Command::Toggle, 10_000);
    assert_eq!(rig.spoken(), ["B2"]);
    rig.player.tick(rig.at(11_400));
    assert_eq!(rig.status().state, PlayState::Starting);
    rig.begin(11_450);
    assert_eq!(rig.status().state, PlayState::Playing);
    // Heard, paused, then a resume that never begins: paused, still there.
    rig.cmd(Command::Pause, 12_000);
    rig.cmd(Command::Resume, 13_000);
    assert_eq!(rig.status().state, PlayState::Starting);
    rig.player.tick(rig.at(14_500));
    assert_eq!(
        (rig.status().state, rig.status().sentence),
        (PlayState::Paused, Some(3))
    );
}

/// Pause and Stop work while starting: the engine is silenced, the state
/// is the listener's, and no error or begin comes after.
#[test]
fn pause_and_stop_while_starting() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    let key = rig.engine.last_key();
    rig.engine.take();
    rig.cmd(Command::Toggle, 300);
    assert_eq!(rig.engine.take(), [Call::Stop]);
    assert_eq!(
        (rig.status().state, rig.status().sentence),
        (PlayState::Paused, Some(0))
    );
    rig.player.take_events();
    rig.player
        .engine_event(EngineEvent::Begin(key), rig.at(400));
    rig.player.tick(rig.at(5_000));
    assert!(rig.player.take_events().is_empty(), "no begin, no error");
    assert_eq!(rig.status().state, PlayState::Paused);

    rig.cmd(Command::Resume, 6_000);
    let key = rig.engine.last_key();
    rig.cmd(Command::Stop, 6_200);
    assert_eq!(rig.states(), [PlayState::Starting, PlayState::Idle]);
    rig.player
        .engine_event(EngineEvent::Begin(key), rig.at(6_300));
    rig.player.tick(rig.at(9_000));
    assert!(rig.player.take_events().is_empty());
    assert_eq!(rig.status().state, PlayState::Idle);
}

#[test]
fn a_voice_that_does_its_own_chinese_gets_the_characters() {
    let s = script(&[&[&[(ZH, "去银行还钱。")]]]);
    let chosen = |voice: &str| PlayerSettings {
        voice_zh: Some(voice.into()),
        ..PlayerSettings::default()
    };
    let mut rig = Rig::new(Arc::clone(&s), chosen("Chinese (Mandarin)"));
    rig.cmd(Command::Play { from: None }, 0);
    assert_eq!(rig.spoken(), ["去银行还钱。"]);
    let mut rig = Rig::new(s, chosen("Chinese (Mandarin, latin as Pinyin)"));
    rig.cmd(Command::Play { from: None }, 0);
    assert_eq!(rig.spoken(), ["qu4 yin2 hang2 huan2 qian2。"]);
}

/// Issue 12: the sleep timer stops the reading at the end of the sentence
/// being read once its time is up (never mid-word), says so once, keeps the
/// place (Listen goes on with the next sentence); "at the end of the
/// article" stops there and says so, and 0 minutes switches it off.
#[test]
fn the_sleep_timer_stops_at_a_sentence_end_and_keeps_the_place() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::Toggle, 0);
    rig.cmd(Command::SleepAfter { minutes: 1 }, 10);
    assert_eq!(rig.status().sleep, Sleep::After { minutes: 1 });
    rig.finish(1_000);
    rig.finish(59_000);
    // 60 s pass in the middle of B1: B1 is said to its end, then it stops.
    rig.finish(61_000);
    let statuses: Vec<Status> = rig
        .player
        .take_events()
        .into_iter()
        .filter_map(|e| match e {
            PlayerEvent::Status(s) => Some(s),
            PlayerEvent::Error(_) => None,
        })
        .collect();
    let last = statuses.last().expect("a status");
    assert!(last.slept && last.state == PlayState::Paused, "{last:?}");
    assert_eq!(statuses.iter().filter(|s| s.slept).count(), 1);
    assert_eq!(rig.spoken(), ["A1", "A2", "B1"]);
    assert_eq!(rig.status().sleep, Sleep::Off);
    assert!(!rig.status().slept);
    // Listen goes on with the next sentence.
    rig.cmd(Command::Toggle, 70_000);
    assert_eq!(rig.spoken(), ["B2"]);

    // At the end of the article: read to the end, then a sleep stop.
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::SleepAtEnd, 0);
    rig.cmd(Command::Toggle, 0);
    for t in 1..=6 {
        rig.finish(t * 1_000);
    }
    assert_eq!(rig.status().state, PlayState::Finished);
    let slept = rig
        .player
        .take_events()
        .into_iter()
        .any(|e| matches!(e, PlayerEvent::Status(s) if s.slept));
    assert!(slept, "the end of the article is the timer's stop");

    // Switched off, it stops nothing.
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    rig.cmd(Command::SleepAfter { minutes: 1 }, 0);
    rig.cmd(Command::SleepAfter { minutes: 0 }, 0);
    rig.cmd(Command::Toggle, 0);
    rig.finish(61_000);
    rig.finish(62_000);
    assert_eq!(rig.status().state, PlayState::Playing);
    assert_eq!(rig.spoken(), ["A1", "A2", "B1"]);
}

/// Issue 12: the sleep timer fades out rather than cutting off. Over its
/// last minute each sentence is said more quietly than the one before, the
/// last at the floor; "at the end of the article" fades over the last
/// sentences; with no timer (or before the last minute) every sentence is
/// said at normal loudness.
#[test]
fn the_sleep_timer_fades_the_voice_out() {
    let lines: Vec<String> = (1..=12).map(|n| format!("S{n}")).collect();
    let sentences: Vec<Vec<(Lang, &str)>> = lines.iter().map(|l| vec![(EN, l.as_str())]).collect();
    let refs: Vec<&[(Lang, &str)]> = sentences.iter().map(Vec::as_slice).collect();
    let twelve = script(&[&refs]);
    let volumes = |rig: &Rig| -> Vec<f32> {
        rig.engine
            .take()
            .into_iter()
            .filter_map(|c| match c {
                Call::Speak { volume, .. } => Some(volume),
                Call::Stop => None,
            })
            .collect()
    };

    // 15 minutes, one sentence every 10 s from 14:00 on.
    let mut rig = Rig::new(Arc::clone(&twelve), PlayerSettings::default());
    rig.cmd(Command::SleepAfter { minutes: 15 }, 0);
    rig.cmd(Command::Play { from: None }, 0);
    let mut t = 14 * 60_000;
    rig.finish(t);
    while rig.status().state == PlayState::Playing {
        t += 10_000;
        rig.finish(t);
    }
    let heard = volumes(&rig);
    // S1 at 0:00, S2 at 14:00 (a minute left) … S7 at 14:50, which ends at
    // 15:00: the time is up there.
    assert_eq!(heard.len(), 7, "{heard:?}");
    assert_eq!(&heard[..2], [1.0, 1.0], "before the last minute: {heard:?}");
    assert!(
        heard[1..].windows(2).all(|w| w[1] < w[0]),
        "each quieter than the one before: {heard:?}"
    );
    let last = heard[heard.len() - 1];
    assert!(
        last < 0.45 && last > FADE_FLOOR,
        "the last, ten seconds before the time, near the floor: {heard:?}"
    );
    assert!(rig.status().state == PlayState::Paused);

    // At the end of the article: the last FADE_SENTENCES fade.
    let mut rig = Rig::new(Arc::clone(&twelve), PlayerSettings::default());
    rig.cmd(Command::SleepAtEnd, 0);
    rig.cmd(Command::Play { from: None }, 0);
    for n in 1..=12 {
        rig.finish(n * 1_000);
    }
    let heard = volumes(&rig);
    assert_eq!(heard.len(), 12);
    let full = 12 - FADE_SENTENCES;
    assert!(heard[..full].iter().all(|&v| v == 1.0), "{heard:?}");
    assert!(
        heard[full - 1..].windows(2).all(|w| w[1] < w[0]),
        "{heard:?}"
    );
    assert!((heard[11] - FADE_FLOOR).abs() < 1e-6, "{heard:?}");

    // No timer: all at normal loudness.
    let mut rig = Rig::new(twelve, PlayerSettings::default());
    rig.cmd(Command::Play { from: None }, 0);
    for n in 1..=12 {
        rig.finish(n * 1_000);
    }
    assert_eq!(volumes(&rig), vec![1.0; 12]);
}

#[test]
fn the_sleep_timers_button_goes_round_its_choices() {
    let mut rig = Rig::new(abc(), PlayerSettings::default());
    let mut seen = Vec::new();
    for _ in 0..6 {
        rig.cmd(Command::SleepNext, 0);
        seen.push(rig.status().sleep);
    }
    assert_eq!(
        seen,
        [
            Sleep::After { minutes: 15 },
            Sleep::After { minutes: 30 },
            Sleep::After { minutes: 60 },
            Sleep::AtEnd,
            Sleep::Off,
            Sleep::After { minutes: 15 },
        ]
    );
}
