//! speech-dispatcher, the speech service of Linux desktops (and Orca's).

use std::path::Path;
use std::sync::Arc;

use speech_dispatcher::{Connection, Mode, Priority, Voice};

use super::{
    Delivery, Engine, EngineError, EngineEvent, EventSink, UtteranceKey, VoiceRecords, engine_rate,
    engine_volume,
};
use crate::voice::VoiceInfo;

/// One connection to speech-dispatcher, which it autospawns if needed.
pub struct SpeechDispatcher {
    connection: Connection,
    voices: VoiceRecords<Voice>,
    /// The rate and volume last set, so unchanged ones are not sent again.
    current_rate: Option<i32>,
    current_volume: Option<i32>,
}

impl SpeechDispatcher {
    /// Connects (starting speech-dispatcher when it is not running) and
    /// routes its notifications to `sink`.
    pub fn connect(sink: EventSink) -> Result<Self, EngineError> {
        let open = || Connection::open("care-reader", "narrator", "care-reader", Mode::Threaded);
        let connection = match open() {
            Ok(c) => c,
            Err(first) => {
                // The library's own autospawn starts the service with our
                // locale; speech-dispatcher exits at once when that locale is
                // not installed (a Chinese desktop setting on a machine without
                // zh_CN.UTF-8). Start it once more in the C locale, which is
                // always there; the service speaks every language either way.
                let spawned = std::process::Command::new("speech-dispatcher")
                    .arg("--spawn")
                    .env("LC_ALL", "C.UTF-8")
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .is_ok();
                match spawned.then(open) {
                    Some(Ok(c)) => c,
                    _ => {
                        return Err(EngineError::Missing {
                            detail: format!("speech-dispatcher: {first}"),
                        });
                    }
                }
            }
        };
        let notify = |event: fn(UtteranceKey) -> EngineEvent, sink: &EventSink| {
            let sink = Arc::clone(sink);
            Some(
                Box::new(move |msg_id: usize, _client: usize| sink(event(msg_id as UtteranceKey)))
                    as Box<dyn FnMut(usize, usize)>,
            )
        };
        connection.on_begin(notify(EngineEvent::Begin, &sink));
        connection.on_end(notify(EngineEvent::End, &sink));
        connection.on_cancel(notify(EngineEvent::Stopped, &sink));
        Ok(SpeechDispatcher {
            connection,
            voices: VoiceRecords::new(),
            current_rate: None,
            current_volume: None,
        })
    }
}

impl Engine for SpeechDispatcher {
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError> {
        let connection = &self.connection;
        Ok(self
            .voices
            .list(|| connection.list_synthesis_voices())?
            .iter()
            .map(|v| VoiceInfo {
                id: v.name.clone(),
                name: v.name.clone(),
                lang: v.language.clone(),
            })
            .collect())
    }

    fn speak(
        &mut self,
        text: &str,
        voice: &VoiceInfo,
        how: Delivery,
    ) -> Result<UtteranceKey, EngineError> {
        let runtime_dir = std::env::var_os("XDG_RUNTIME_DIR");
        if no_sound_output(
            runtime_dir.as_deref().map(Path::new),
            std::env::var_os("PULSE_SERVER").is_some(),
            Path::new("/dev/snd"),
        ) {
            return Err(EngineError::Silent);
        }
        self.voices.select(
            &mut self.connection,
            &voice.id,
            Connection::list_synthesis_voices,
            |v| v.name.clone(),
            |c, v| c.set_synthesis_voice(v),
        )?;
        let rate = engine_rate(how.rate, -100.0, 0.0, 100.0).round() as i32;
        if self.current_rate != Some(rate) {
            self.connection
                .set_voice_rate(rate)
                .map_err(|e| EngineError::Failed {
                    detail: format!("setting rate {rate}: {e}"),
                })?;
            self.current_rate = Some(rate);
        }
        // Normal loudness is the service's default volume, 100 (its top).
        let volume = engine_volume(how.volume, -100.0, 100.0).round() as i32;
        if self.current_volume != Some(volume) {
            self.connection
                .set_volume(volume)
                .map_err(|e| EngineError::Failed {
                    detail: format!("setting volume {volume}: {e}"),
                })?;
            self.current_volume = Some(volume);
        }
        // The C library takes a NUL-terminated string: a NUL inside the text
        // would end it early (and the binding panics on one).
        let text = text.replace('\0', " ");
        self.connection
            .say(Priority::Text, text)
            .ok_or_else(|| EngineError::Failed {
                detail: "speech-dispatcher refused the text".into(),
            })
    }

    fn stop(&mut self) -> Result<(), EngineError> {
        self.connection.cancel().map_err(|e| EngineError::Failed {
            detail: format!("stopping: {e}"),
        })
    }
}

/// Nothing speech-dispatcher could play into: no sound server (PulseAudio, or
/// PipeWire's PulseAudio socket) and no sound card. speech-dispatcher then
/// still reports the utterance begun, within milliseconds, and never ended
/// (measured: 0.11 with espeak-ng), so without this the listener would wait
/// for the watchdog in silence. Says so only when sure: with no runtime dir
/// to look in, a server named in `PULSE_SERVER` or any sound device, it is
/// left to speech-dispatcher.
fn no_sound_output(runtime_dir: Option<&Path>, pulse_server: bool, dev_snd: &Path) -> bool {
    let Some(runtime_dir) = runtime_dir else {
        return false;
    };
    !pulse_server && !dev_snd.exists() && !runtime_dir.join("pulse/native").exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_sound_output_only_when_there_is_neither_server_nor_card() {
        let dir = std::env::temp_dir().join(format!("care-reader-sound-{}", std::process::id()));
        let pulse = dir.join("pulse");
        std::fs::create_dir_all(&pulse).unwrap_or_default();
        let nothing = dir.join("no-such-device");
        let card = dir.clone();
        assert!(no_sound_output(Some(&dir), false, &nothing));
        assert!(!no_sound_output(None, false, &nothing), "cannot tell");
        assert!(!no_sound_output(Some(&dir), true, &nothing));
        assert!(!no_sound_output(Some(&dir), false, &card));
        std::fs::write(pulse.join("native"), b"").unwrap_or_default();
        assert!(!no_sound_output(Some(&dir), false, &nothing));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
