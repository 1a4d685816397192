//! The player: which sentence is being read, and what happens on every key
//! press and every engine report. A plain state machine — time comes in as
//! an argument — so it is tested with a recording engine and a made-up clock.
//!
//! Rules (from what listeners expect of an audiobook player and a screen
//! reader):
//! - everything lands on a sentence: pause remembers the sentence, resume
//!   says it again from its start (engines cannot resume mid-utterance
//!   everywhere, and a restarted sentence is easier to follow);
//! - "previous" within [`BACK_WINDOW`] of a sentence's start goes to the
//!   sentence before, later it replays the current one;
//! - navigating always plays the sentence it lands on, so a listener hears
//!   where they are;
//! - sentence-by-sentence mode pauses after each sentence; "next" or
//!   play then reads the following one, "previous" replays it;
//! - a rate or voice change restarts the current sentence in the new voice;
//! - Listen is not "playing" until the engine says the voice began: the
//!   state is [`PlayState::Starting`] until then, and an engine that has not
//!   begun within [`START_TIMEOUT`] is reported at once, not after seconds of
//!   a highlight moving over silence;
//! - an engine that starts and never finishes (no audio output) is caught by
//!   a watchdog, and the listener is told instead of left in silence.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::engine::{Delivery, Engine, EngineError, EngineEvent, UtteranceKey};
use crate::pronunciation::Pronunciations;
use crate::script::{Script, Utterance};
use crate::text::Lang;
use crate::voice::{VoiceInfo, choose_voice};

/// How long after a sentence starts "previous" still means the one before.
pub const BACK_WINDOW: Duration = Duration::from_secs(2);
/// How long after Listen the engine must have begun speaking, or the
/// listener is told it failed.
///
/// Measured on speech-dispatcher 0.11 + espeak-ng, recorded into a PulseAudio
/// null sink (`cargo bench -p narrator --bench listen`, 5 fresh services per
/// case, 2 CPUs): opening an article starts the service and lists its voices
/// (the warm-up, 1.8–2.4 s cold); after it, the first utterance of a fresh
/// service begins 17–46 ms after the player takes Listen, a warm one ~2 ms.
/// The cold cost is all in the warm-up, which runs before the player takes
/// the command (commands queue behind it, and a narrator that was not warmed
/// up lists the voices before the clock starts), so no cold allowance is
/// needed: 1.5 s is over 30 times the slowest begin seen.
pub const START_TIMEOUT: Duration = Duration::from_millis(1500);
/// The longest sleep timer (a night's radio is eight hours).
pub const MAX_SLEEP_MINUTES: u32 = 8 * 60;
/// The sleep timer fades the voice out instead of cutting it: over its last
/// minute each sentence is said a little more quietly, down to
/// [`FADE_FLOOR`] when the time is up (a listener dozing off is not woken
/// by a sudden stop, nor kept awake by a full voice to the last second).
pub const FADE_OUT: Duration = Duration::from_secs(60);
/// "At the end of the article" fades over the article's last sentences.
pub const FADE_SENTENCES: usize = 5;
/// The quietest the fade goes, as a share of the normal volume: still
/// heard, so the last sentence is not lost to someone who is awake.
pub const FADE_FLOOR: f32 = 0.3;
/// How long a later utterance of a run that has begun may take to begin
/// (the engine has shown it works; only one that stopped answering trips it).
pub const BEGIN_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait before saying an utterance again that another program cut
/// off. A screen reader shares the speech service and its messages go before
/// our text: each key it echoes or button it names cuts our sentence. Such a
/// cut is short; the sentence starts again once it is likely over.
pub const CUT_RETRY_AFTER: Duration = Duration::from_millis(700);
/// How often one utterance is started again after cuts before the player
/// pauses instead: a program that keeps speaking (a screen reader reading
/// the page aloud) has the speech service, and we give way.
pub const CUT_RETRIES: u8 = 3;

/// What the listener (UI or terminal) asks for.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(tag = "action", rename_all = "camelCase")]
pub enum Command {
    /// Play from sentence `from`, or from where the listener left off.
    Play {
        from: Option<usize>,
    },
    Pause,
    Resume,
    /// Play when paused or stopped, pause when playing (Space, the Listen button).
    Toggle,
    /// Silence, e.g. when the reader leaves the article.
    Stop,
    Next,
    Previous,
    NextParagraph,
    PreviousParagraph,
    SetRate {
        rate: f32,
    },
    /// One press of "faster" / "slower": to the next quarter-step speed.
    Faster,
    Slower,
    /// `voice: None` lets the narrator pick the best voice again.
    SetVoice {
        lang: Lang,
        voice: Option<String>,
    },
    SetSentenceMode {
        on: bool,
    },
    /// The sleep timer: reading stops at the end of the sentence being read
    /// once `minutes` have passed (0 switches the timer off).
    SleepAfter {
        minutes: u32,
    },
    /// The sleep timer: reading stops at the end of the article (and does
    /// not go on to another one).
    SleepAtEnd,
    /// The sleep timer's button: off → 15, 30, 60 minutes → the end of the
    /// article → off ([`SLEEP_MINUTES`]).
    SleepNext,
}

/// The minutes the sleep timer's button offers, in order.
pub const SLEEP_MINUTES: &[u32] = &[15, 30, 60];

/// The sleep timer, as the status reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Sleep {
    Off,
    /// Stops at the end of the sentence being read after this many minutes
    /// (counted from when it was set).
    After {
        minutes: u32,
    },
    AtEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlayState {
    /// Nothing started yet (or stopped).
    Idle,
    /// Listen was pressed and the first utterance handed to the engine, which
    /// has not yet said it began. Becomes `Playing` on the engine's begin, or
    /// `Paused` with an error after [`START_TIMEOUT`].
    ///
    /// Only the first utterance of a play run (from idle, paused or finished)
    /// starts like this. Once the voice has been heard, reading on, moving to
    /// another sentence and a speed or voice change stay `Playing`: the engine
    /// has shown it speaks, the next begin comes within milliseconds, and a
    /// button that flickered "Starting…" between sentences would tell the
    /// listener nothing true. A later utterance that never begins is still
    /// caught, after [`BEGIN_TIMEOUT`].
    Starting,
    /// The engine said the voice began (and reading goes on).
    Playing,
    Paused,
    /// Read to the end.
    Finished,
}

/// Where the player is; sent to the UI after every change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    /// The [`Script::id`] this status is about.
    pub script: u64,
    /// The listener caused this change (a key, a button, a click on a
    /// sentence); false when reading moved on by itself or the engine failed.
    pub by_listener: bool,
    pub state: PlayState,
    /// The sentence being read, or the one reading resumes from.
    pub sentence: Option<usize>,
    pub paragraph: Option<usize>,
    pub paragraphs: usize,
    pub sentences: usize,
    pub rate: f32,
    pub sentence_mode: bool,
    /// The sleep timer now.
    pub sleep: Sleep,
    /// This status is the sleep timer stopping the reading: what listens
    /// for the end of an article does not go on to another.
    pub slept: bool,
}

/// What the player reports.
#[derive(Debug, Clone, PartialEq)]
pub enum PlayerEvent {
    Status(Status),
    /// Speech failed; the player is paused at the sentence it was on.
    Error(EngineError),
}

/// The listener's narration settings.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayerSettings {
    pub rate: f32,
    pub voice_zh: Option<String>,
    pub voice_en: Option<String>,
    pub sentence_mode: bool,
}

impl Default for PlayerSettings {
    fn default() -> Self {
        PlayerSettings {
            rate: 1.0,
            voice_zh: None,
            voice_en: None,
            sentence_mode: false,
        }
    }
}

pub struct Player<E: Engine> {
    engine: E,
    voices: Option<Result<Vec<VoiceInfo>, EngineError>>,
    chosen: HashMap<Lang, String>,
    script: Arc<Script>,
    state: PlayState,
    cursor: usize,
    /// The cursor's sentence was read to its end (sentence-by-sentence mode).
    cursor_done: bool,
    /// Index of the utterance being spoken within the cursor's sentence.
    utterance: usize,
    speaking: Option<UtteranceKey>,
    sentence_started: Option<Instant>,
    deadline: Option<Instant>,
    /// While [`PlayState::Starting`]: when the engine must have begun, counted
    /// from the Listen that started the run (moving on while starting does not
    /// put it off).
    start_deadline: Option<Instant>,
    /// The state a run that is [`PlayState::Starting`] began from: a start
    /// that fails goes back to it (see [`Player::fail`]).
    started_from: PlayState,
    rate: f32,
    sentence_mode: bool,
    /// The sleep timer, and for [`Sleep::After`] when it is up.
    sleep: Sleep,
    sleep_at: Option<Instant>,
    /// The next status is the sleep timer's stop.
    slept: bool,
    /// Inside [`Player::command`]: the statuses it emits are the listener's doing.
    by_listener: bool,
    /// The family's pronunciation dictionary, applied to every utterance.
    pronunciations: Arc<Pronunciations>,
    /// When to say the current utterance again after another program cut it
    /// off, and how often that has happened to it ([`CUT_RETRIES`]).
    retry_at: Option<Instant>,
    cuts: u8,
    outbox: Vec<PlayerEvent>,
}

/// A generous guess at how long `text` takes to say at `rate`, for the
/// watchdog: Mandarin runs at about four syllables (characters) a second,
/// English at about fifteen letters a second. Twice that plus slack, so
/// only an engine that has really stopped answering trips it.
fn expected_duration(text: &str, rate: f32) -> Duration {
    let seconds: f32 = text
        .chars()
        .map(|c| if c.is_ascii() { 1.0 / 15.0 } else { 0.25 })
        .sum();
    Duration::from_secs_f32(seconds * 2.0 / rate.max(0.5)) + Duration::from_secs(5)
}

impl<E: Engine> Player<E> {
    pub fn new(engine: E, settings: &PlayerSettings) -> Self {
        let mut chosen = HashMap::new();
        if let Some(v) = &settings.voice_zh {
            chosen.insert(Lang::Zh, v.clone());
        }
        if let Some(v) = &settings.voice_en {
            chosen.insert(Lang::En, v.clone());
        }
        Player {
            engine,
            voices: None,
            chosen,
            script: Arc::new(Script::default()),
            state: PlayState::Idle,
            cursor: 0,
            cursor_done: false,
            utterance: 0,
            speaking: None,
            sentence_started: None,
            deadline: None,
            start_deadline: None,
            started_from: PlayState::Idle,
            rate: reader_settings::clamp_speech_rate(settings.rate),
            sentence_mode: settings.sentence_mode,
            sleep: Sleep::Off,
            sleep_at: None,
            slept: false,
            by_listener: false,
            pronunciations: Arc::default(),
            retry_at: None,
            cuts: 0,
            outbox: Vec::new(),
        }
    }

    /// The family's pronunciation dictionary from now on (the sentence
    /// being read is said with it from its next utterance).
    pub fn set_pronunciations(&mut self, pronunciations: Arc<Pronunciations>) {
        self.pronunciations = pronunciations;
    }

    /// Says `text` once in the voice for `lang`, outside the article
    /// (Settings' "Say" and "Test the voice"); reading that was going on
    /// pauses first. Returns the voice that spoke, or why none could.
    pub fn say(&mut self, lang: Lang, text: &str) -> Result<VoiceInfo, EngineError> {
        self.pause();
        let chosen = self.chosen.get(&lang).cloned();
        let voice = choose_voice(self.voices()?, lang, chosen.as_deref())
            .cloned()
            .ok_or(EngineError::NoVoice { lang })?;
        let utterance = Utterance {
            lang,
            text: text.to_owned(),
        };
        // Its reports are not about the article: the player ignores them.
        let text = utterance.engine_text(&voice, &Pronunciations::default());
        self.engine
            .speak(&text, &voice, Delivery::at_rate(self.rate))?;
        Ok(voice)
    }

    /// The events since the last call, oldest first.
    pub fn take_events(&mut self) -> Vec<PlayerEvent> {
        std::mem::take(&mut self.outbox)
    }

    pub fn engine(&self) -> &E {
        &self.engine
    }

    pub fn status(&self) -> Status {
        let sentence = (!self.script.sentences.is_empty()).then_some(self.cursor);
        Status {
            script: self.script.id,
            by_listener: self.by_listener,
            state: self.state,
            sentence,
            paragraph: sentence
                .and_then(|s| self.script.sentences.get(s))
                .map(|s| s.paragraph),
            paragraphs: self.script.paragraphs.len(),
            sentences: self.script.sentences.len(),
            rate: self.rate,
            sentence_mode: self.sentence_mode,
            sleep: self.sleep,
            slept: self.slept,
        }
    }

    /// The engine's voices, listed once.
    pub fn voices(&mut self) -> Result<&[VoiceInfo], EngineError> {
        if self.voices.is_none() {
            self.voices = Some(self.engine.voices());
        }
        match &self.voices {
            Some(Ok(v)) => Ok(v),
            Some(Err(e)) => Err(e.clone()),
            None => Ok(&[]),
        }
    }

    /// A new article: silence, and start over at its first sentence.
    pub fn load(&mut self, script: Arc<Script>) {
        self.silence();
        self.script = script;
        self.state = PlayState::Idle;
        self.cursor = 0;
        self.cursor_done = false;
        self.sentence_started = None;
        self.emit_status();
    }

    pub fn command(&mut self, command: Command, now: Instant) {
        // The listener's command replaces any retry after a cut.
        self.retry_at = None;
        self.cuts = 0;
        self.by_listener = true;
        self.apply(command, now);
        self.by_listener = false;
    }

    fn apply(&mut self, command: Command, now: Instant) {
        match command {
            Command::Play { from } => {
                let from = from.unwrap_or_else(|| self.resume_point());
                self.start_sentence(from, now);
            }
            Command::Resume => {
                if !self.is_running() {
                    let from = self.resume_point();
                    self.start_sentence(from, now);
                }
            }
            Command::Pause => self.pause(),
            Command::Toggle => {
                if self.is_running() {
                    self.pause();
                } else {
                    let from = self.resume_point();
                    self.start_sentence(from, now);
                }
            }
            Command::Stop => {
                self.silence();
                self.state = PlayState::Idle;
                self.emit_status();
            }
            Command::Next => self.start_sentence(self.cursor + 1, now),
            Command::Previous => {
                let target = if self.cursor_done || !self.recently_started(now) {
                    self.cursor
                } else {
                    self.spoken_at_or_before(self.cursor.saturating_sub(1))
                };
                self.start_sentence(target, now);
            }
            Command::NextParagraph => {
                let next = self
                    .current_paragraph()
                    .and_then(|p| self.script.paragraphs.get(p + 1))
                    .map_or(self.script.sentences.len(), |p| p.first);
                self.start_sentence(next, now);
            }
            Command::PreviousParagraph => {
                let Some(p) = self.current_paragraph() else {
                    return;
                };
                let start = self.script.paragraphs[p].first;
                let target =
                    if self.cursor > start || self.cursor_done || !self.recently_started(now) {
                        start
                    } else {
                        p.checked_sub(1)
                            .and_then(|q| self.script.paragraphs.get(q))
                            .map_or(start, |q| q.first)
                    };
                self.start_sentence(target, now);
            }
            Command::SetRate { rate } => {
                self.rate = reader_settings::clamp_speech_rate(rate);
                self.restart_if_playing(now);
            }
            Command::Faster => self.step_rate(1, now),
            Command::Slower => self.step_rate(-1, now),
            Command::SetVoice { lang, voice } => {
                match voice {
                    Some(v) if !v.is_empty() => self.chosen.insert(lang, v),
                    _ => self.chosen.remove(&lang),
                };
                self.restart_if_playing(now);
            }
            Command::SetSentenceMode { on } => {
                self.sentence_mode = on;
                self.emit_status();
            }
            Command::SleepAfter { minutes } => {
                let minutes = minutes.min(MAX_SLEEP_MINUTES);
                (self.sleep, self.sleep_at) = if minutes == 0 {
                    (Sleep::Off, None)
                } else {
                    (
                        Sleep::After { minutes },
                        Some(now + Duration::from_secs(u64::from(minutes) * 60)),
                    )
                };
                self.emit_status();
            }
            Command::SleepAtEnd => {
                self.sleep = Sleep::AtEnd;
                self.sleep_at = None;
                self.emit_status();
            }
            Command::SleepNext => {
                let next = match self.sleep {
                    Sleep::Off => SLEEP_MINUTES.first().copied(),
                    Sleep::After { minutes } => {
                        SLEEP_MINUTES.iter().copied().find(|&m| m > minutes)
                    }
                    Sleep::AtEnd => Some(0),
                };
                match next {
                    Some(minutes) => self.apply(Command::SleepAfter { minutes }, now),
                    None => self.apply(Command::SleepAtEnd, now),
                }
            }
        }
    }

    /// The sleep timer is up at the end of a sentence: stop there, the next
    /// sentence where Listen resumes (the place is kept like any pause).
    fn sleep_is_up(&self, now: Instant) -> bool {
        matches!(self.sleep, Sleep::After { .. }) && self.sleep_at.is_some_and(|at| now >= at)
    }

    /// How loud the next utterance is: normal, except while the sleep timer
    /// fades out ([`FADE_OUT`], [`FADE_SENTENCES`]).
    fn volume(&self, now: Instant) -> f32 {
        let left = match (self.sleep, self.sleep_at) {
            (Sleep::After { .. }, Some(at)) => {
                at.saturating_duration_since(now).as_secs_f32() / FADE_OUT.as_secs_f32()
            }
            (Sleep::AtEnd, _) => {
                // The sentence being read is the last one at 0.
                let after = (self.cursor + 1..self.script.sentences.len())
                    .filter(|&j| self.script.is_spoken(j))
                    .take(FADE_SENTENCES)
                    .count();
                after as f32 / FADE_SENTENCES as f32
            }
            _ => return 1.0,
        };
        FADE_FLOOR + (1.0 - FADE_FLOOR) * left.min(1.0)
    }

    fn fall_asleep(&mut self) {
        self.sleep = Sleep::Off;
        self.sleep_at = None;
        self.slept = true;
        self.emit_status();
        self.slept = false;
    }

    /// Faster or slower by one button step; nothing happens at either end.
    fn step_rate(&mut self, steps: i32, now: Instant) {
        let rate = reader_settings::step_speech_rate(self.rate, steps);
        if rate != self.rate {
            self.rate = rate;
            self.restart_if_playing(now);
        }
    }

    /// A report from the engine. Reports about utterances we already cut
    /// off are ignored.
    pub fn engine_event(&mut self, event: EngineEvent, now: Instant) {
        match event {
            EngineEvent::Begin(key) if self.speaking == Some(key) => {
                let text = self.current_text().unwrap_or_default();
                self.deadline = Some(now + expected_duration(&text, self.rate));
                self.begun();
            }
            EngineEvent::End(key) if self.speaking == Some(key) => {
                // An engine that reports no begin has begun when it ends.
                self.begun();
                self.cuts = 0;
                self.speaking = None;
                self.deadline = None;
                self.utterance += 1;
                let more = self
                    .script
                    .sentences
                    .get(self.cursor)
                    .is_some_and(|s| self.utterance < s.utterances.len());
                if more {
                    self.speak_current(now);
                } else if self.sentence_mode {
                    self.cursor_done = true;
                    self.state = PlayState::Paused;
                    self.emit_status();
                } else if self.sleep_is_up(now) {
                    self.cursor_done = true;
                    self.state = PlayState::Paused;
                    self.fall_asleep();
                } else {
                    self.start_sentence(self.cursor + 1, now);
                }
            }
            // Cut off by someone else (another program took the speech
            // service): said again a moment later, a few times (a screen
            // reader's short word); then stay on this sentence, paused.
            EngineEvent::Stopped(key) if self.speaking == Some(key) => {
                self.speaking = None;
                self.deadline = None;
                if self.is_running() && self.cuts < CUT_RETRIES {
                    self.cuts += 1;
                    self.retry_at = Some(now + CUT_RETRY_AFTER);
                    return;
                }
                self.cuts = 0;
                self.retry_at = None;
                self.state = PlayState::Paused;
                self.emit_status();
            }
            _ => {}
        }
    }

    /// Time passes: the watchdog.
    pub fn tick(&mut self, now: Instant) {
        if self.retry_at.is_some_and(|at| now >= at) {
            self.retry_at = None;
            if self.is_running() {
                // A start that was cut gets its full time again.
                if self.state == PlayState::Starting {
                    self.start_deadline = Some(now + START_TIMEOUT);
                }
                self.speak_current(now);
            }
        }
        if self.is_running() && self.deadline.is_some_and(|d| now >= d) {
            self.fail(EngineError::Silent);
        }
    }

    /// When [`Player::tick`] next has something to check, if ever: the
    /// narrator thread wakes up then, so a start that failed is reported on
    /// time.
    pub fn next_deadline(&self) -> Option<Instant> {
        let watchdog = self.deadline.filter(|_| self.is_running());
        match (watchdog, self.retry_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Starting or playing: the voice is (about to be) heard.
    fn is_running(&self) -> bool {
        matches!(self.state, PlayState::Starting | PlayState::Playing)
    }

    /// The engine began the current utterance: a run that was starting plays.
    fn begun(&mut self) {
        if self.state == PlayState::Starting {
            self.state = PlayState::Playing;
            self.start_deadline = None;
            self.emit_status();
        }
    }

    fn resume_point(&self) -> usize {
        match self.state {
            PlayState::Finished => 0,
            _ if self.cursor_done => self.cursor + 1,
            _ => self.cursor,
        }
    }

    fn recently_started(&self, now: Instant) -> bool {
        self.sentence_started
            .is_some_and(|t| now.saturating_duration_since(t) < BACK_WINDOW)
    }

    fn current_paragraph(&self) -> Option<usize> {
        self.script.sentences.get(self.cursor).map(|s| s.paragraph)
    }

    fn current_text(&self) -> Option<String> {
        self.script
            .sentences
            .get(self.cursor)?
            .utterances
            .get(self.utterance)
            .map(|u| u.text.clone())
    }

    /// The last sentence at or before `i` that has something to say.
    fn spoken_at_or_before(&self, i: usize) -> usize {
        (0..=i)
            .rev()
            .find(|&j| self.script.is_spoken(j))
            .unwrap_or(i)
    }

    fn start_sentence(&mut self, from: usize, now: Instant) {
        self.silence();
        let Some(i) = (from..self.script.sentences.len()).find(|&j| self.script.is_spoken(j))
        else {
            // Past the last sentence: read to the end.
            self.state = if self.script.sentences.is_empty() {
                PlayState::Idle
            } else {
                PlayState::Finished
            };
            self.cursor_done = false;
            if self.state == PlayState::Finished && self.sleep == Sleep::AtEnd {
                self.fall_asleep();
            } else {
                self.emit_status();
            }
            return;
        };
        self.cursor = i;
        self.cursor_done = false;
        self.utterance = 0;
        self.sentence_started = Some(now);
        if !self.is_running() {
            self.started_from = self.state;
            self.state = PlayState::Starting;
            self.start_deadline = Some(now + START_TIMEOUT);
        }
        self.emit_status();
        self.speak_current(now);
    }

    fn speak_current(&mut self, now: Instant) {
        let Some(utterance) = self
            .script
            .sentences
            .get(self.cursor)
            .and_then(|s| s.utterances.get(self.utterance))
            .cloned()
        else {
            return;
        };
        let chosen = self.chosen.get(&utterance.lang).cloned();
        let voice = match self.voices() {
            Ok(voices) => choose_voice(voices, utterance.lang, chosen.as_deref()).cloned(),
            Err(e) => return self.fail(e),
        };
        let Some(voice) = voice else {
            return self.fail(EngineError::NoVoice {
                lang: utterance.lang,
            });
        };
        let text = utterance.engine_text(&voice, &self.pronunciations);
        let how = Delivery {
            rate: self.rate,
            volume: self.volume(now),
        };
        match self.engine.speak(&text, &voice, how) {
            Ok(key) => {
                self.speaking = Some(key);
                self.deadline = match (self.state, self.start_deadline) {
                    (PlayState::Starting, Some(start)) => Some(start),
                    _ => Some(now + BEGIN_TIMEOUT),
                };
            }
            Err(e) => self.fail(e),
        }
    }

    fn restart_if_playing(&mut self, now: Instant) {
        if self.is_running() {
            self.start_sentence(self.cursor, now);
        } else {
            self.emit_status();
        }
    }

    fn pause(&mut self) {
        if self.is_running() {
            self.silence();
            self.state = PlayState::Paused;
            self.emit_status();
        }
    }

    /// Cuts off what is being said (our own stop: its report is ignored).
    fn silence(&mut self) {
        if self.speaking.take().is_some() {
            // A failed stop leaves nothing to do: the next speak interrupts anyway.
            let _ = self.engine.stop();
        }
        self.deadline = None;
    }

    fn fail(&mut self, error: EngineError) {
        self.silence();
        if matches!(error, EngineError::Missing { .. }) {
            // Not coming back by itself: no point listing voices again.
            self.voices = Some(Err(error.clone()));
        }
        // A start that never began leaves nothing heard: from idle (or the
        // end) it goes back to idle, so no sentence is marked as if it had
        // been read; a run that had been heard pauses where it was. The
        // cursor stays either way, and Listen tries from there.
        let never_heard = self.state == PlayState::Starting
            && matches!(self.started_from, PlayState::Idle | PlayState::Finished);
        self.state = if self.script.sentences.is_empty() || never_heard {
            PlayState::Idle
        } else {
            PlayState::Paused
        };
        self.outbox.push(PlayerEvent::Error(error));
        self.emit_status();
    }

    fn emit_status(&mut self) {
        let status = self.status();
        self.outbox.push(PlayerEvent::Status(status));
    }
}

/// Boxed engines are engines too (the narrator thread picks one at run time).
impl Engine for Box<dyn Engine> {
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError> {
        (**self).voices()
    }
    fn speak(
        &mut self,
        text: &str,
        voice: &VoiceInfo,
        how: Delivery,
    ) -> Result<UtteranceKey, EngineError> {
        (**self).speak(text, voice, how)
    }
    fn stop(&mut self) -> Result<(), EngineError> {
        (**self).stop()
    }
}
