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
        let (min, normal, max) = (
            self.tts.min_rate(),
            self.tts.normal_rate(),
            self.tts.max_rate(),
        );
        self.tts
            .set_rate(engine_rate(how.rate, min, normal, max))
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
