//! The `tts` crate: the OS speech engine on Windows (WinRT) and macOS
//! (AVFoundation); on Linux it runs on speech-dispatcher too, which is how
//! this backend is tested here.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use tts::{Tts, UtteranceId, Voice};

use super::{
    Delivery, Engine, EngineError, EngineEvent, EventSink, UtteranceKey, VoiceRecords, engine_rate,
    engine_volume,
};

/// How a `tts` backend's rate number relates to speed. The crate reports a
/// min, normal and max for every backend, but they mean different things,
/// and taking them at their word would read 3× as 6× on Windows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RateScale {
    /// The rate *is* the multiple of normal speed, between these bounds:
    /// WinRT's `SpeechSynthesizerOptions.SpeakingRate` (1 = normal,
    /// 0.5–6), so 2× is sent as 2.
    Multiple { min: f32, max: f32 },
    /// An arbitrary scale with a normal point: our 0.5× and 3× meet its ends
    /// ([`engine_rate`]).
    Scale { min: f32, normal: f32, max: f32 },
}

impl RateScale {
    /// The scale of the backend this build talks to, given what the crate
    /// reports (`min`, `normal`, `max`).
    pub fn for_this_os(min: f32, normal: f32, max: f32) -> RateScale {
        if cfg!(windows) {
            RateScale::Multiple { min, max }
        } else if cfg!(target_os = "macos") {
            // AVSpeechUtterance's rate runs from AVSpeechUtteranceMinimumSpeechRate
            // (0) to AVSpeechUtteranceMaximumSpeechRate (1), default 0.5; the crate
            // reports 0.1–2, and AVFoundation clamps anything above 1, so 1.5× and
            // 3× would both be its fastest. The documented ends are used instead.
            RateScale::Scale {
                min: 0.0,
                normal: 0.5,
                max: 1.0,
            }
        } else {
            RateScale::Scale { min, normal, max }
        }
    }

    /// The number to send for `speed` (a multiple of normal, 0.5–3).
    pub fn rate(self, speed: f32) -> f32 {
        match self {
            RateScale::Multiple { min, max } => speed.clamp(0.5, 3.0).clamp(min, max),
            RateScale::Scale { min, normal, max } => engine_rate(speed, min, normal, max),
        }
    }
}
use crate::voice::VoiceInfo;

/// A `tts::Tts`. It is `Rc`-based: keep it on the thread that made it (the
/// narrator's own thread does).
pub struct TtsEngine {
    tts: Tts,
    voices: VoiceRecords<Voice>,
}

/// Our key for a `tts` utterance id. The id is a number on most backends
/// and an object pointer on AVFoundation; its debug text names it on all.
fn key_of(id: &UtteranceId) -> UtteranceKey {
    let mut h = DefaultHasher::new();
    format!("{id:?}").hash(&mut h);
    h.finish()
}

impl TtsEngine {
    pub fn new(sink: EventSink) -> Result<Self, EngineError> {
        let tts = Tts::default().map_err(|e| EngineError::Missing {
            detail: format!("tts: {e}"),
        })?;
        let features = tts.supported_features();
        if features.utterance_callbacks {
            let callback = |event: fn(UtteranceKey) -> EngineEvent| {
                let sink = Arc::clone(&sink);
                Some(Box::new(move |id: UtteranceId| sink(event(key_of(&id))))
                    as Box<dyn FnMut(UtteranceId)>)
            };
            let set = [
                tts.on_utterance_begin(callback(EngineEvent::Begin)),
                tts.on_utterance_end(callback(EngineEvent::End)),
                tts.on_utterance_stop(callback(EngineEvent::Stopped)),
            ];
            if let Some(Err(e)) = set.into_iter().find(Result::is_err) {
                return Err(EngineError::Failed {
                    detail: format!("tts callbacks: {e}"),
                });
            }
        }
        Ok(TtsEngine {
            tts,
            voices: VoiceRecords::new(),
        })
    }
}

impl Engine for TtsEngine {
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError> {
        let tts = &self.tts;
        Ok(self
            .voices
            .list(|| tts.voices())?
            .iter()
            .map(|v| VoiceInfo {
                id: v.id(),
                name: v.name(),
                lang: v.language().to_string(),
            })
            .collect())
    }

    fn speak(
        &mut self,
        text: &str,
        voice: &VoiceInfo,
        how: Delivery,
    ) -> Result<UtteranceKey, EngineError> {
        self.voices.select(
            &mut self.tts,
            &voice.id,
            Tts::voices,
            Voice::id,
            Tts::set_voice,
        )?;
        let scale = RateScale::for_this_os(
            self.tts.min_rate(),
            self.tts.normal_rate(),
            self.tts.max_rate(),
        );
        self.tts
            .set_rate(scale.rate(how.rate))
            .map_err(|e| EngineError::Failed {
                detail: format!("setting rate: {e}"),
            })?;
        if self.tts.supported_features().volume {
            let volume = engine_volume(how.volume, self.tts.min_volume(), self.tts.normal_volume());
            self.tts
                .set_volume(volume)
                .map_err(|e| EngineError::Failed {
                    detail: format!("setting volume: {e}"),
                })?;
        }
        let text = text.replace('\0', " ");
        match self.tts.speak(text, true) {
            Ok(Some(id)) => Ok(key_of(&id)),
            // Backends without utterance ids: the watchdog ends the utterance.
            Ok(None) => Ok(0),
            Err(e) => Err(EngineError::Failed {
                detail: format!("speaking: {e}"),
            }),
        }
    }

    fn stop(&mut self) -> Result<(), EngineError> {
        self.tts
            .stop()
            .map(|_| ())
            .map_err(|e| EngineError::Failed {
                detail: format!("stopping: {e}"),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::RateScale;

    #[test]
    fn winrt_gets_the_multiple_itself() {
        // What tts 0.26 reports for WinRT: 0.5, 1, 6.
        let winrt = RateScale::Multiple { min: 0.5, max: 6.0 };
        assert_eq!(winrt.rate(1.0), 1.0);
        assert_eq!(winrt.rate(2.0), 2.0);
        assert_eq!(winrt.rate(3.0), 3.0, "3× is three times, not the scale's 6");
        assert_eq!(winrt.rate(0.5), 0.5);
        assert_eq!(winrt.rate(9.0), 3.0, "never beyond our own range");
    }

    #[test]
    fn avfoundation_spreads_our_range_over_its_documented_one() {
        let av = RateScale::Scale {
            min: 0.0,
            normal: 0.5,
            max: 1.0,
        };
        assert_eq!(av.rate(1.0), 0.5);
        assert_eq!(av.rate(3.0), 1.0);
        assert_eq!(av.rate(0.5), 0.0);
        assert_eq!(
            av.rate(2.0),
            0.75,
            "2× is half-way to its fastest, not past it"
        );
    }
}
