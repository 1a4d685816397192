//! The narrator in the window: one narrator thread for the app, fed the
//! script of each article the reader opens; its events go to the UI as
//! `narrator` events, localised here.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use narrator::announce::announcement;
use narrator::player::{Command, PlayerEvent, PlayerSettings, Status};
use narrator::text::Lang;
use narrator::voice::{VoiceInfo, best_voice, choose_voice};
use narrator::{Narrator, Script};
use reader_settings::{Settings, SettingsPatch};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::error::UiError;
use crate::state::AppState;

/// Payload of the `narrator` event (docs/app.md).
#[derive(Debug, Clone, Serialize)]
pub struct NarratorEvent {
    pub status: Status,
    pub announce: Option<String>,
    pub error: Option<UiError>,
}

/// Voices per language for Settings.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PerLang<T> {
    pub zh: T,
    pub en: T,
}

#[derive(Debug, Clone, Serialize)]
pub struct NarratorVoices {
    pub voices: PerLang<Vec<VoiceInfo>>,
    pub chosen: PerLang<Option<String>>,
    pub error: Option<UiError>,
}

pub struct Narration {
    narrator: Narrator,
    /// The listener just moved on purpose: the next status names the paragraph.
    navigated: Arc<AtomicBool>,
}

pub fn player_settings(settings: &Settings) -> PlayerSettings {
    PlayerSettings {
        rate: settings.speech_rate,
        voice_zh: settings.voice_zh.clone(),
        voice_en: settings.voice_en.clone(),
        sentence_mode: settings.sentence_mode,
    }
}

impl Narration {
    /// Starts the narrator thread (the speech engine itself starts when
    /// an article is opened).
    pub fn start(app: &AppHandle, settings: &Settings) -> Narration {
        let handle = app.clone();
        let navigated = Arc::new(AtomicBool::new(false));
        let moved = Arc::clone(&navigated);
        let mut last: Option<Status> = None;
        let mut pending_error: Option<UiError> = None;
        let narrator = Narrator::system(player_settings(settings), move |event| {
            let Some(state) = handle.try_state::<AppState>() else {
                return;
            };
            let l10n = state.l10n();
            match event {
                // The player always follows an error with its status.
                PlayerEvent::Error(e) => pending_error = Some(e.localized(&l10n).into()),
                PlayerEvent::Status(status) => {
                    let nav = moved.swap(false, Ordering::Relaxed);
                    let announce = announcement(last.as_ref(), &status, nav, &l10n);
                    last = Some(status.clone());
                    let _ = handle.emit(
                        "narrator",
                        NarratorEvent {
                            status,
                            announce,
                            error: pending_error.take(),
                        },
                    );
                }
            }
        });
        Narration {
            narrator,
            navigated,
        }
    }

    /// Reads `script` from now on, and gets the engine ready so the first
    /// Listen speaks at once.
    pub fn load(&self, script: &Script) {
        self.narrator.load(Arc::new(script.clone()));
        self.narrator.warm_up();
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

    /// The voices for Settings: each language's plain voices (variants left
    /// out), the narrator's pick first.
    pub fn voices(
        &self,
        settings: &Settings,
        l10n: &reader_l10n::Localizer,
    ) -> NarratorVoices {
        let all = match self.narrator.voices() {
            Ok(v) => v,
            Err(e) => {
                return NarratorVoices {
                    voices: PerLang::default(),
                    chosen: PerLang::default(),
                    error: Some(e.localized(l10n).into()),
                };
            }
        };
        let of = |lang: Lang| -> Vec<VoiceInfo> {
            let best = best_voice(&all, lang).map(|v| v.id.clone());
            let mut list: Vec<VoiceInfo> = all
                .iter()
                .filter(|v| v.speaks(lang) && !v.is_variant())
                .cloned()
                .collect();
            list.sort_by_key(|v| (Some(&v.id) != best.as_ref(), v.name.clone()));
            list
        };
        let chosen = |lang: Lang, id: &Option<String>| {
            choose_voice(&all, lang, id.as_deref()).map(|v| v.id.clone())
        };
        NarratorVoices {
            voices: PerLang {
                zh: of(Lang::Zh),
                en: of(Lang::En),
            },
            chosen: PerLang {
                zh: chosen(Lang::Zh, &settings.voice_zh),
                en: chosen(Lang::En, &settings.voice_en),
            },
            error: None,
        }
    }
}

/// The settings change a narrator command makes, so speed, voices and
/// sentence mode are remembered for next time.
pub fn settings_patch(command: &Command) -> Option<SettingsPatch> {
    let patch = match command {
        Command::SetRate { rate } => SettingsPatch {
            speech_rate: Some(*rate),
            ..SettingsPatch::default()
        },
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
