//! The speech engine behind our own trait, so the player can be tested with
//! a recording engine and each OS gets the backend that works best on it.
//!
//! - [`speechd`] (Linux): speech-dispatcher, talked to directly. The `tts`
//!   crate's speech-dispatcher backend lists every voice (≈13,000 on Debian's
//!   espeak-ng, ≈1.4 s) each time a voice is set, and a Chinese article with
//!   English words switches voice mid-sentence; here the list is read once.
//! - [`os`]: the `tts` crate (WinRT on Windows, AVFoundation on macOS; it also
//!   runs on speech-dispatcher, which is how it is tested on Linux).
//!
//! An engine reports progress as [`EngineEvent`]s through the sink it was
//! made with; they may arrive on any thread.

pub mod os;
#[cfg(target_os = "linux")]
pub mod speechd;

use std::sync::Arc;

use reader_errors::{Coded, ErrorCode, UiError};

use crate::text::Lang;
use crate::voice::VoiceInfo;

/// Identifies one utterance the engine accepted.
pub type UtteranceKey = u64;

/// What an engine reports about an utterance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineEvent {
    /// Sound started.
    Begin(UtteranceKey),
    /// The utterance was spoken to its end.
    End(UtteranceKey),
    /// The utterance was cut short by `stop`.
    Stopped(UtteranceKey),
}

/// Where an engine sends its events.
pub type EventSink = Arc<dyn Fn(EngineEvent) + Send + Sync>;

/// Why speech failed. Each has a localised message `error-<code>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// No speech engine could be reached (on Linux: speech-dispatcher is not
    /// installed or does not start).
    #[error("no speech engine: {detail}")]
    Missing { detail: String },
    /// The engine has no voice for this language.
    #[error("no voice for {lang:?}")]
    NoVoice { lang: Lang },
    /// No sound came: the voice did not begin in time, began and never
    /// finished, or there is nothing to play into (no sound server or card).
    #[error("no sound came from the engine")]
    Silent,
    /// The engine refused an utterance or a setting.
    #[error("speech failed: {detail}")]
    Failed { detail: String },
}

/// Every value [`PLATFORM`] can take, in every build: the speech messages
/// (`error-speech-missing`, `error-speech-no-voice`) have a variant for each
/// in every language, held by a test, since each build only ever shows its
/// own.
pub const PLATFORMS: &[&str] = &["linux", "windows", "macos", "other"];

/// The OS name the speech messages pick their install hints by.
pub const PLATFORM: &str = if cfg!(target_os = "linux") {
    "linux"
} else if cfg!(windows) {
    "windows"
} else if cfg!(target_os = "macos") {
    "macos"
} else {
    "other"
};

impl Coded for EngineError {
    fn code(&self) -> ErrorCode {
        match self {
            EngineError::Missing { .. } => ErrorCode::SpeechMissing,
            EngineError::NoVoice { .. } => ErrorCode::SpeechNoVoice,
            EngineError::Silent => ErrorCode::SpeechSilent,
            EngineError::Failed { .. } => ErrorCode::SpeechFailed,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        vec![("platform", PLATFORM.to_owned())]
    }

    /// The language's name in the reader's language, too.
    fn localize(&self, l10n: &reader_l10n::Localizer) -> UiError {
        let mut args = self.l10n_args();
        if let EngineError::NoVoice { lang } = self {
            args.push(("language", l10n.message(lang_name_id(*lang), &[])));
        }
        UiError::new(l10n, self.code(), &args)
    }
}

/// The fluent id of a language's name (`speech-lang-zh`).
pub fn lang_name_id(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "speech-lang-zh",
        Lang::En => "speech-lang-en",
    }
}

/// How an utterance is said, beside its voice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Delivery {
    /// A multiple of the voice's normal speed, 0.5–3.
    pub rate: f32,
    /// A share of the voice's normal loudness, 0–1. Only the sleep timer's
    /// fade-out goes below 1; nothing goes above the listener's own volume.
    pub volume: f32,
}

impl Delivery {
    /// At `rate`, at normal loudness.
    pub fn at_rate(rate: f32) -> Self {
        Delivery { rate, volume: 1.0 }
    }
}

/// A speech engine: one utterance at a time, in a chosen voice and speed.
pub trait Engine {
    /// Every voice the engine has (the caller caches the list).
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError>;
    /// Starts saying `text` in `voice` as `how` says, cutting off anything
    /// still being said.
    fn speak(
        &mut self,
        text: &str,
        voice: &VoiceInfo,
        how: Delivery,
    ) -> Result<UtteranceKey, EngineError>;
    /// Silences the engine; the cut utterance reports `Stopped` (or nothing).
    fn stop(&mut self) -> Result<(), EngineError>;
}

/// Maps a speed multiple onto an engine's rate scale so that 1× is the
/// engine's normal rate and the ends of our range meet the ends of its scale
/// (each side linearly: the scales are not symmetric around normal).
pub fn engine_rate(speed: f32, min: f32, normal: f32, max: f32) -> f32 {
    let speed = speed.clamp(0.5, 3.0);
    if speed >= 1.0 {
        normal + (max - normal) * (speed - 1.0) / 2.0
    } else {
        normal - (normal - min) * (1.0 - speed) / 0.5
    }
}

/// Maps a share of normal loudness (0–1) onto an engine's volume scale,
/// where `normal` is the top the voice is heard at and `min` is silence.
/// speech-dispatcher's scale is −100…100 with 100 as its normal; the `tts`
/// backends' normal is their maximum too.
pub fn engine_volume(volume: f32, min: f32, normal: f32) -> f32 {
    min + (normal - min) * volume.clamp(0.0, 1.0)
}

/// An engine's own voice records, listed once, and the one that is set.
/// Both backends need the engine's record to set a voice, listing them is
/// slow (espeak-ng has thousands), and a voice is only set when it changes.
pub(crate) struct VoiceRecords<V> {
    list: Option<Vec<V>>,
    current: Option<String>,
}

impl<V: Clone> VoiceRecords<V> {
    pub(crate) fn new() -> Self {
        VoiceRecords {
            list: None,
            current: None,
        }
    }

    /// The records, listed by `fetch` the first time.
    pub(crate) fn list<E: std::fmt::Display>(
        &mut self,
        fetch: impl FnOnce() -> Result<Vec<V>, E>,
    ) -> Result<&[V], EngineError> {
        if self.list.is_none() {
            let list = fetch().map_err(|e| EngineError::Failed {
                detail: format!("listing voices: {e}"),
            })?;
            self.list = Some(list);
        }
        Ok(self.list.as_deref().unwrap_or_default())
    }

    /// Makes `id` the voice of `engine` with `set`, unless it already is;
    /// the record is the one whose `record_id` is `id`, from the list
    /// `fetch` gives the first time.
    pub(crate) fn select<C, E: std::fmt::Display>(
        &mut self,
        engine: &mut C,
        id: &str,
        fetch: impl FnOnce(&C) -> Result<Vec<V>, E>,
        record_id: impl Fn(&V) -> String,
        set: impl FnOnce(&mut C, &V) -> Result<(), E>,
    ) -> Result<(), EngineError> {
        if self.current.as_deref() == Some(id) {
            return Ok(());
        }
        let record = self
            .list(|| fetch(engine))?
            .iter()
            .find(|v| record_id(v) == id)
            .cloned()
            .ok_or_else(|| EngineError::Failed {
                detail: format!("no voice {id:?}"),
            })?;
        set(engine, &record).map_err(|e| EngineError::Failed {
            detail: format!("setting voice {id:?}: {e}"),
        })?;
        self.current = Some(id.to_owned());
        Ok(())
    }
}

/// The engine for this OS, reporting to `sink`.
pub fn system_engine(sink: EventSink) -> Result<Box<dyn Engine>, EngineError> {
    #[cfg(target_os = "linux")]
    {
        Ok(Box::new(speechd::SpeechDispatcher::connect(sink)?))
    }
    #[cfg(not(target_os = "linux"))]
    {
        Ok(Box::new(os::TtsEngine::new(sink)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each build shows only its own system's message, so this holds all of
    /// them: Windows and macOS are never run here, yet their users need
    /// words of their own, in both languages, that say what to do.
    #[test]
    fn every_system_has_its_own_speech_messages_in_every_language() {
        assert!(PLATFORMS.contains(&PLATFORM));
        // Words each system's message must hold: where to go, in that
        // language's words for the system's own settings.
        let where_to_go = |lang: &str, platform: &str| match (lang, platform) {
            (_, "linux") => "apt install",
            ("zh-CN", "windows") => "设置 › 时间和语言 › 语音",
            ("zh-CN", "macos") => "系统设置 › 辅助功能 › 朗读内容",
            (_, "windows") => "Settings › Time & language › Speech",
            (_, _) => "System Settings › Accessibility › Spoken Content",
        };
        for lang in reader_l10n::SUPPORTED_LANGS {
            let l10n = reader_l10n::Localizer::new(lang).with_isolation(false);
            for code in [ErrorCode::SpeechMissing, ErrorCode::SpeechNoVoice] {
                let id = code.message_id();
                assert!(
                    l10n.defines(&id),
                    "{lang} lacks {id} (the English would show)"
                );
                let say = |platform: &str| {
                    l10n.message(
                        &id,
                        &[
                            ("platform", platform.to_owned()),
                            ("language", "X".to_owned()),
                        ],
                    )
                };
                let fallback = say("other");
                assert!(!fallback.is_empty(), "{lang}: {id} is empty");
                for platform in PLATFORMS.iter().filter(|p| **p != "other") {
                    let text = say(platform);
                    let words = where_to_go(lang, platform);
                    assert_ne!(
                        text, fallback,
                        "{lang}: {id} has no [{platform}] variant of its own"
                    );
                    assert!(
                        text.contains(words),
                        "{lang}: {id} [{platform}] should say where to go ({words:?}): {text}"
                    );
                    assert!(!text.contains('{'), "{lang}: {id} [{platform}]: {text}");
                }
            }
        }
    }

    /// A stand-in engine that records the voices it is set to.
    #[derive(Default)]
    struct Counting {
        sets: Vec<String>,
    }

    #[test]
    fn voices_are_listed_once_and_set_only_when_they_change() {
        let mut engine = Counting::default();
        let mut records: VoiceRecords<String> = VoiceRecords::new();
        let fetch =
            |_: &Counting| -> Result<Vec<String>, String> { Ok(vec!["zh".into(), "en".into()]) };
        let set = |e: &mut Counting, v: &String| -> Result<(), String> {
            e.sets.push(v.clone());
            Ok(())
        };
        for id in ["zh", "zh", "en", "en", "zh"] {
            records
                .select(&mut engine, id, fetch, String::clone, set)
                .expect("zh and en are listed");
        }
        assert_eq!(engine.sets, ["zh", "en", "zh"]);
        let mut listed = 0;
        let _ = records.list(|| {
            listed += 1;
            Ok::<_, String>(Vec::new())
        });
        assert_eq!(listed, 0, "the list is kept from the first select");
        let missing = records.select(&mut engine, "fr", fetch, String::clone, set);
        assert!(
            matches!(missing, Err(EngineError::Failed { .. })),
            "{missing:?}"
        );
    }

    #[test]
    fn normal_speed_is_the_engines_normal_rate_and_the_ends_meet() {
        // speech-dispatcher: -100..100, normal 0.
        assert_eq!(engine_rate(1.0, -100.0, 0.0, 100.0), 0.0);
        assert_eq!(engine_rate(0.5, -100.0, 0.0, 100.0), -100.0);
        assert_eq!(engine_rate(3.0, -100.0, 0.0, 100.0), 100.0);
        assert_eq!(engine_rate(2.0, -100.0, 0.0, 100.0), 50.0);
        // AVFoundation-like: 0.1..2.0, normal 0.5.
        assert!((engine_rate(0.75, 0.1, 0.5, 2.0) - 0.3).abs() < 1e-6);
        assert_eq!(engine_rate(9.0, 0.1, 0.5, 2.0), 2.0);
    }

    #[test]
    fn full_volume_is_the_engines_normal_and_none_is_its_bottom() {
        // speech-dispatcher: -100..100, normal (and top) 100.
        assert_eq!(engine_volume(1.0, -100.0, 100.0), 100.0);
        assert_eq!(engine_volume(0.0, -100.0, 100.0), -100.0);
        assert_eq!(engine_volume(0.25, -100.0, 100.0), -50.0);
        // WinRT / AVFoundation: 0..1.
        assert_eq!(engine_volume(0.5, 0.0, 1.0), 0.5);
        // Never louder than normal, never below the bottom.
        assert_eq!(engine_volume(1.7, 0.0, 1.0), 1.0);
        assert_eq!(engine_volume(-3.0, 0.0, 1.0), 0.0);
    }
}
