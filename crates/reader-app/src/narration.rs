//! The narrator under a window: one narrator thread, fed the script of each
//! article the reader opens; its events come out localised as
//! [`NarratorEvent`]s. Also the narrator's policy: which narrator commands
//! change the saved settings, and which voices Settings offers.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use narrator::EngineError;
use narrator::announce::announcement;
use narrator::player::{Command, PlayerEvent, PlayerSettings, Status};
use narrator::pronunciation::Pronunciations;
use narrator::service::EngineFactory;
use narrator::text::Lang;
use narrator::voice::{VoiceInfo, best_voice, choose_voice};
use narrator::{Narrator, Script};
use reader_errors::{Coded, UiError};
use reader_l10n::Localizer;
use reader_settings::{Settings, SettingsPatch};
use serde::Serialize;

/// The reader's language, shared with the narrator thread so its
/// announcements follow a change of language at once.
pub type SharedL10n = Arc<RwLock<Arc<Localizer>>>;

/// What the window hears from the narrator (docs/app.md): the player's
/// status (with the id of its script, and whether the listener caused it),
/// what the live region should say, and an error to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NarratorEvent {
    pub status: Status,
    pub announce: Option<String>,
    pub error: Option<UiError>,
}

/// Voices per language for Settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PerLang<T> {
    pub zh: T,
    pub en: T,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NarratorVoices {
    pub voices: PerLang<Vec<VoiceInfo>>,
    pub chosen: PerLang<Option<String>>,
    pub error: Option<UiError>,
}

/// Which speech engine the narrator uses.
pub enum Engine {
    /// The OS engine (speech-dispatcher on Linux).
    System,
    /// Another engine, e.g. one that is known to be missing, for tests.
    Custom(EngineFactory),
}

pub struct Narration {
    narrator: Narrator,
    /// The listener just moved on purpose: the next status names the paragraph.
    navigated: Arc<AtomicBool>,
    /// The narrator's latest status (the radio asks whether an article was
    /// read to its end, or stopped by the sleep timer).
    latest: Arc<std::sync::Mutex<Option<Status>>>,
}

/// The narrator's part of the settings.
pub fn player_settings(settings: &Settings) -> PlayerSettings {
    PlayerSettings {
        rate: settings.speech_rate,
        voice_zh: settings.voice_zh.clone(),
        voice_en: settings.voice_en.clone(),
        sentence_mode: settings.sentence_mode,
    }
}

impl Narration {
    /// Starts the narrator thread (the speech engine itself starts when an
    /// article is loaded); every event goes to `sink`, localised.
    pub fn start(
        engine: Engine,
        settings: &Settings,
        l10n: SharedL10n,
        sink: impl Fn(NarratorEvent) + Send + 'static,
    ) -> Narration {
        let navigated = Arc::new(AtomicBool::new(false));
        let moved = Arc::clone(&navigated);
        let mut last: Option<Status> = None;
        let latest: Arc<std::sync::Mutex<Option<Status>>> = Arc::default();
        let shared = Arc::clone(&latest);
        let mut pending_error: Option<UiError> = None;
        let on_event = move |event| {
            let l10n = Arc::clone(&l10n.read().unwrap_or_else(|p| p.into_inner()));
            match event {
                // The player always follows an error with its status.
                PlayerEvent::Error(e) => pending_error = Some(e.localize(&l10n)),
                PlayerEvent::Status(status) => {
                    let nav = status.by_listener && moved.swap(false, Ordering::Relaxed);
                    let announce = announcement(last.as_ref(), &status, nav, &l10n);
                    last = Some(status.clone());
                    *shared.lock().unwrap_or_else(|p| p.into_inner()) = Some(status.clone());
                    sink(NarratorEvent {
                        status,
                        announce,
                        error: pending_error.take(),
                    });
                }
            }
        };
        let settings = player_settings(settings);
        let narrator = match engine {
            Engine::System => Narrator::system(settings, on_event),
            Engine::Custom(factory) => Narrator::spawn(factory, settings, on_event),
        };
        Narration {
            narrator,
            navigated,
            latest,
        }
    }

    /// The narrator's latest status, if it has reported one.
    pub fn latest_status(&self) -> Option<Status> {
        self.latest
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Reads `script`, saying `prelude` (in `lang`) first — "Next: …"
    /// before the radio's next article. The highlight is unchanged: the
    /// prelude is spoken with the title and shown nowhere.
    pub fn load_with_prelude(&self, script: &Script, lang: narrator::text::Lang, prelude: &str) {
        let mut script = script.clone();
        if let Some(first) = script.sentences.first_mut() {
            first.utterances.insert(
                0,
                narrator::script::Utterance {
                    lang,
                    text: prelude.to_owned(),
                },
            );
        }
        self.load(&script);
    }

    /// Reads `script` from now on, and gets the engine ready so the first
    /// Listen speaks at once.
    pub fn load(&self, script: &Script) {
        self.narrator.load(Arc::new(script.clone()));
        self.narrator.warm_up();
    }

    /// A handle for commands from another thread (media keys).
    pub fn remote(&self) -> narrator::service::Remote {
        self.narrator.remote()
    }

    /// The family's pronunciation dictionary, applied from now on.
    pub fn set_pronunciations(&self, pronunciations: Arc<Pronunciations>) {
        self.narrator.set_pronunciations(pronunciations);
    }

    /// Says `text` once in the voice for `lang` (the article pauses).
    pub fn say(&self, lang: Lang, text: &str) -> Result<VoiceInfo, EngineError> {
        self.narrator.say(lang, text)
    }

    pub fn command(&self, command: Command) {
        if matches!(
            command,
            Command::Play { from: Some(_) } | Command::NextParagraph | Command::PreviousParagraph
        ) {
            self.navigated.store(true, Ordering::Relaxed);
        }
        self.narrator.command(command);
    }

    /// The voices for Settings: each language's plain voices, the narrator's
    /// pick first, and the one the settings choose.
    pub fn voices(&self, settings: &Settings, l10n: &Localizer) -> NarratorVoices {
        let all = match self.narrator.voices() {
            Ok(v) => v,
            Err(e) => {
                return NarratorVoices {
                    voices: PerLang::default(),
                    chosen: PerLang::default(),
                    error: Some(e.localize(l10n)),
                };
            }
        };
        let chosen = |lang: Lang, id: &Option<String>| {
            choose_voice(&all, lang, id.as_deref()).map(|v| v.id.clone())
        };
        let best = best_voice_ids(&all);
        NarratorVoices {
            voices: PerLang {
                zh: voice_list(&all, &best, Some(Lang::Zh), false),
                en: voice_list(&all, &best, Some(Lang::En), false),
            },
            chosen: PerLang {
                zh: chosen(Lang::Zh, &settings.voice_zh),
                en: chosen(Lang::En, &settings.voice_en),
            },
            error: None,
        }
    }
}

/// The ids of the narrator's own pick for each language, found once for a
/// whole list (espeak-ng has thousands of voices).
pub fn best_voice_ids(all: &[VoiceInfo]) -> Vec<&str> {
    [Lang::Zh, Lang::En]
        .into_iter()
        .filter_map(|l| best_voice(all, l))
        .map(|v| v.id.as_str())
        .collect()
}

/// The voices a listener chooses from: those speaking `lang` (all when
/// `None`), without espeak-ng's thousands of variants unless `variants`; the
/// narrator's own picks (`best`, from [`best_voice_ids`]) first, then by name.
pub fn voice_list(
    all: &[VoiceInfo],
    best: &[&str],
    lang: Option<Lang>,
    variants: bool,
) -> Vec<VoiceInfo> {
    let mut list: Vec<VoiceInfo> = all
        .iter()
        .filter(|v| lang.is_none_or(|l| v.speaks(l)) && (variants || !v.is_variant()))
        .cloned()
        .collect();
    list.sort_by_key(|v| (!best.contains(&v.id.as_str()), v.name.clone()));
    list
}

/// The settings change a narrator command makes, so speed, voices and
/// sentence mode are remembered for next time.
pub fn settings_patch(command: &Command) -> Option<SettingsPatch> {
    let rate_steps = |steps| SettingsPatch {
        speech_rate_steps: Some(steps),
        ..SettingsPatch::default()
    };
    let patch = match command {
        Command::SetRate { rate } => SettingsPatch {
            speech_rate: Some(*rate),
            ..SettingsPatch::default()
        },
        // The player steps from the same rate (it was saved with every change).
        Command::Faster => rate_steps(1),
        Command::Slower => rate_steps(-1),
        Command::SetVoice { lang, voice } => {
            let id = Some(voice.clone().unwrap_or_default());
            match lang {
                Lang::Zh => SettingsPatch {
                    voice_zh: id,
                    ..SettingsPatch::default()
                },
                Lang::En => SettingsPatch {
                    voice_en: id,
                    ..SettingsPatch::default()
                },
            }
        }
        Command::SetSentenceMode { on } => SettingsPatch {
            sentence_mode: Some(*on),
            ..SettingsPatch::default()
        },
        _ => return None,
    };
    Some(patch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lasting_choices_change_settings() {
        let now = Settings {
            speech_rate: 1.05,
            ..Settings::default()
        };
        let applied = |command: &Command| {
            settings_patch(command).map(|patch| now.patched(&patch).speech_rate)
        };
        assert_eq!(applied(&Command::SetRate { rate: 1.5 }), Some(1.5));
        assert_eq!(applied(&Command::Faster), Some(1.25));
        assert_eq!(applied(&Command::Slower), Some(1.0));
        let cleared = settings_patch(&Command::SetVoice {
            lang: Lang::En,
            voice: None,
        });
        // An empty id clears the choice when the patch is applied.
        assert_eq!(cleared.and_then(|p| p.voice_en).as_deref(), Some(""));
        assert_eq!(settings_patch(&Command::Next), None);
        assert_eq!(settings_patch(&Command::Toggle), None);
    }
}
