//! What the app's test files share: an engine that records what it is
//! given and finishes each utterance at once (speaking itself is tested
//! with speech-dispatcher in the narrator's tests), and waiting for it.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use narrator::engine::{Delivery, Engine, EngineError, EngineEvent, EventSink, UtteranceKey};
use narrator::voice::VoiceInfo;
use reader_app::narration::Engine as EngineChoice;
use reader_app::{App, AppConfig};
use reader_settings::SettingsPatch;

pub type Said = Arc<Mutex<Vec<(String, String)>>>;

/// Records (text, voice id) of every utterance and finishes each at once.
pub struct Recorder {
    pub sink: EventSink,
    pub said: Said,
    pub voices: Vec<VoiceInfo>,
    pub next: UtteranceKey,
}

impl Engine for Recorder {
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError> {
        Ok(self.voices.clone())
    }
    fn speak(
        &mut self,
        text: &str,
        voice: &VoiceInfo,
        _: Delivery,
    ) -> Result<UtteranceKey, EngineError> {
        self.next += 1;
        if let Ok(mut said) = self.said.lock() {
            said.push((text.to_owned(), voice.id.clone()));
        }
        (self.sink)(EngineEvent::Begin(self.next));
        (self.sink)(EngineEvent::End(self.next));
        Ok(self.next)
    }
    fn stop(&mut self) -> Result<(), EngineError> {
        Ok(())
    }
}

pub fn voice(id: &str, lang: &str) -> VoiceInfo {
    VoiceInfo {
        id: id.into(),
        name: id.into(),
        lang: lang.into(),
    }
}

/// What the engine was given, once `n` utterances came (or 10 s passed).
pub fn wait_for(said: &Said, n: usize) -> Vec<(String, String)> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now: Vec<(String, String)> = said.lock().map(|s| s.clone()).unwrap_or_default();
        if now.len() >= n || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// An App on the store in `dir` whose narrator speaks through a
/// [`Recorder`] with `voices`, in English; and what it records.
pub fn recording_app(dir: &std::path::Path, voices: Vec<VoiceInfo>) -> (App, Said) {
    let said: Said = Arc::default();
    let recorded = Arc::clone(&said);
    let config = AppConfig {
        image_address: |url| url.to_owned(),
        engine: EngineChoice::Custom(Box::new(move |sink| {
            Ok(Box::new(Recorder {
                sink,
                said: recorded,
                voices,
                next: 0,
            }) as Box<dyn Engine>)
        })),
    };
    let app = App::new(Some(dir), config, |_| {}).unwrap_or_else(|e| panic!("{e}"));
    let _ = app.update_settings(&SettingsPatch {
        ui_lang: Some("en-US".into()),
        ..SettingsPatch::default()
    });
    (app, said)
}
