//! The narrator's own thread: it owns the engine (the `tts` crate's engine is
//! `Rc`-based and must stay on one thread) and the player, and takes orders
//! and engine reports through one channel, so they are handled strictly one
//! after another.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::engine::{self, Delivery, Engine, EngineError, EngineEvent, EventSink, UtteranceKey};
use crate::player::{Command, Player, PlayerEvent, PlayerSettings};
use crate::pronunciation::Pronunciations;
use crate::script::Script;
use crate::text::Lang;
use crate::voice::VoiceInfo;

/// How often the watchdog looks at the clock when nothing else happens (it
/// also wakes at the player's next deadline, so a start that failed is
/// reported on time, not up to a tick late).
const TICK: Duration = Duration::from_millis(200);
/// How long after an article opens the engine is warmed up. Starting it
/// (speech-dispatcher's start, listing ~13k voices: ~2 s of CPU) while the
/// window builds and lays out the article slowed the open of a long page by
/// a third on two cores; a Listen before then starts the engine itself.
const WARM_UP_AFTER: Duration = Duration::from_millis(1000);
/// How long `voices()` waits for the narrator thread (listing espeak-ng's
/// voices takes ~1.4 s; starting speech-dispatcher ~0.5 s more).
const VOICES_TIMEOUT: Duration = Duration::from_secs(15);

enum Message {
    Load(Arc<Script>),
    Pronunciations(Arc<Pronunciations>),
    Say {
        lang: Lang,
        text: String,
        reply: Sender<Result<VoiceInfo, EngineError>>,
    },
    Command(Command),
    Engine(EngineEvent),
    Voices(Sender<Result<Vec<VoiceInfo>, EngineError>>),
    WarmUp,
    Shutdown,
}

/// Makes the engine, on the narrator thread, the first time it is needed.
pub type EngineFactory = Box<dyn FnOnce(EventSink) -> Result<Box<dyn Engine>, EngineError> + Send>;

/// A handle to the narrator thread. Dropping it stops the speech and ends
/// the thread.
pub struct Narrator {
    tx: Sender<Message>,
    thread: Option<JoinHandle<()>>,
}

/// Stands in for an engine that could not be started, so the player reports
/// why on every attempt and the rest of the app carries on.
struct Unavailable(EngineError);

impl Engine for Unavailable {
    fn voices(&mut self) -> Result<Vec<VoiceInfo>, EngineError> {
        Err(self.0.clone())
    }
    fn speak(&mut self, _: &str, _: &VoiceInfo, _: Delivery) -> Result<UtteranceKey, EngineError> {
        Err(self.0.clone())
    }
    fn stop(&mut self) -> Result<(), EngineError> {
        Ok(())
    }
}

/// Sends commands to the narrator from another thread (the desktop's media
/// keys); cheap to clone, and harmless once the narrator is gone.
#[derive(Clone)]
pub struct Remote(Sender<Message>);

impl Remote {
    pub fn command(&self, command: Command) {
        let _ = self.0.send(Message::Command(command));
    }
}

impl Narrator {
    /// A handle for commands from another thread.
    pub fn remote(&self) -> Remote {
        Remote(self.tx.clone())
    }

    /// A narrator on the OS speech engine.
    pub fn system(
        settings: PlayerSettings,
        on_event: impl FnMut(PlayerEvent) + Send + 'static,
    ) -> Self {
        Self::spawn(Box::new(engine::system_engine), settings, on_event)
    }

    /// A narrator on the engine `factory` makes; `on_event` gets every
    /// player event, on the narrator thread.
    pub fn spawn(
        factory: EngineFactory,
        settings: PlayerSettings,
        mut on_event: impl FnMut(PlayerEvent) + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let sink_tx = tx.clone();
        let thread = std::thread::Builder::new()
            .name("narrator".into())
            .spawn(move || {
                let sink: EventSink = Arc::new(move |event| {
                    // The narrator is gone: nobody is listening any more.
                    let _ = sink_tx.send(Message::Engine(event));
                });
                run(factory, sink, &settings, &rx, &mut on_event);
            });
        Narrator {
            tx,
            // Without a thread every send fails quietly and voices() reports
            // the engine missing: the app stays usable.
            thread: thread.ok(),
        }
    }

    /// Reads `script` from now on (silencing the previous article).
    pub fn load(&self, script: Arc<Script>) {
        let _ = self.tx.send(Message::Load(script));
    }

    /// The family's pronunciation dictionary, applied from now on.
    pub fn set_pronunciations(&self, pronunciations: Arc<Pronunciations>) {
        let _ = self.tx.send(Message::Pronunciations(pronunciations));
    }

    /// Says `text` once in the voice for `lang` (pausing the article):
    /// Settings' "Say" and "Test the voice". Returns the voice that spoke,
    /// or why none could (no speech service, no voice for the language).
    pub fn say(&self, lang: Lang, text: &str) -> Result<VoiceInfo, EngineError> {
        let (reply, answer) = mpsc::channel();
        let gone = || EngineError::Missing {
            detail: "the narrator thread is not running".into(),
        };
        self.tx
            .send(Message::Say {
                lang,
                text: text.to_owned(),
                reply,
            })
            .map_err(|_| gone())?;
        answer.recv_timeout(VOICES_TIMEOUT).map_err(|_| gone())?
    }

    pub fn command(&self, command: Command) {
        let _ = self.tx.send(Message::Command(command));
    }

    /// Starts the engine and lists its voices in the background, so the
    /// first Listen speaks at once.
    pub fn warm_up(&self) {
        let _ = self.tx.send(Message::WarmUp);
    }

    /// The engine's voices (listed once, then cached).
    pub fn voices(&self) -> Result<Vec<VoiceInfo>, EngineError> {
        let (reply, answer) = mpsc::channel();
        let gone = || EngineError::Missing {
            detail: "the narrator thread is not running".into(),
        };
        self.tx.send(Message::Voices(reply)).map_err(|_| gone())?;
        answer.recv_timeout(VOICES_TIMEOUT).map_err(|_| gone())?
    }
}

impl Drop for Narrator {
    fn drop(&mut self) {
        let _ = self.tx.send(Message::Shutdown);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The player, made with its engine the first time a message needs it: the
/// engine is not started with the app, only for someone who listens (or
/// opens an article, which warms it up).
struct LazyPlayer<'a> {
    factory: Option<(EngineFactory, EventSink)>,
    settings: &'a PlayerSettings,
    player: Option<Player<Box<dyn Engine>>>,
    /// A script loaded before the player was made: it is given to the
    /// player when something needs the player (a command, the warm-up).
    pending: Option<Arc<Script>>,
    /// Likewise the pronunciations (the app sets them as it starts).
    pending_pronunciations: Option<Arc<Pronunciations>>,
    /// The script loaded last has Chinese in it, so it needs the reading
    /// tables (≈35 MB, 0.1–0.3 s to load). They load beside the engine's
    /// start (listing voices), not after it: when the script comes, if the
    /// engine is up, or else with the engine (the warm-up, a Listen, the
    /// command line). An English script does without them.
    chinese: bool,
}

impl LazyPlayer<'_> {
    fn get(&mut self) -> &mut Player<Box<dyn Engine>> {
        if self.player.is_none() && self.chinese {
            preload_readings();
        }
        let (factory, settings) = (&mut self.factory, self.settings);
        let player = self.player.get_or_insert_with(|| {
            let engine: Box<dyn Engine> = match factory.take() {
                Some((make, sink)) => make(sink).unwrap_or_else(|e| Box::new(Unavailable(e))),
                None => Box::new(Unavailable(EngineError::Missing {
                    detail: "engine factory already used".into(),
                })),
            };
            Player::new(engine, settings)
        });
        if let Some(p) = self.pending_pronunciations.take() {
            player.set_pronunciations(p);
        }
        if let Some(script) = self.pending.take() {
            player.load(script);
        }
        player
    }

    /// Sets the pronunciations, or keeps them for the player to come.
    fn set_pronunciations(&mut self, pronunciations: Arc<Pronunciations>) {
        match self.player.as_mut() {
            Some(player) => player.set_pronunciations(pronunciations),
            None => self.pending_pronunciations = Some(pronunciations),
        }
    }

    /// Loads `script` into the player, or keeps it for the player to come:
    /// loading alone does not start the engine.
    fn load(&mut self, script: Arc<Script>) {
        self.chinese = script
            .sentences
            .iter()
            .any(|s| s.utterances.iter().any(|u| u.lang == Lang::Zh));
        match self.player.as_mut() {
            Some(player) => {
                if self.chinese {
                    preload_readings();
                }
                player.load(script);
            }
            None => self.pending = Some(script),
        }
    }
}

fn run(
    factory: EngineFactory,
    sink: EventSink,
    settings: &PlayerSettings,
    rx: &Receiver<Message>,
    on_event: &mut dyn FnMut(PlayerEvent),
) {
    let mut lazy = LazyPlayer {
        factory: Some((factory, sink)),
        settings,
        player: None,
        pending: None,
        pending_pronunciations: None,
        chinese: false,
    };
    // When the engine is to be warmed up (see WARM_UP_AFTER).
    let mut warm_at: Option<Instant> = None;
    loop {
        let deadline = lazy
            .player
            .as_ref()
            .and_then(Player::next_deadline)
            .into_iter()
            .chain(warm_at)
            .min();
        let wait = deadline.map_or(TICK, |d| {
            d.saturating_duration_since(Instant::now()).min(TICK)
        });
        let message = rx.recv_timeout(wait);
        let now = Instant::now();
        match message {
            Ok(Message::Shutdown) | Err(RecvTimeoutError::Disconnected) => {
                if let Some(p) = lazy.player.as_mut() {
                    p.command(Command::Stop, now);
                }
                break;
            }
            Ok(Message::Load(script)) => lazy.load(script),
            Ok(Message::Pronunciations(p)) => lazy.set_pronunciations(p),
            Ok(Message::Say { lang, text, reply }) => {
                if lang == Lang::Zh {
                    crate::text::reading::preload();
                }
                let _ = reply.send(lazy.get().say(lang, &text));
            }
            Ok(Message::Command(c)) => {
                let chinese = lazy.chinese;
                let player = lazy.get();
                // Listing the voices is the engine's cold start (~1.4 s, and
                // starting the service ~0.5 s), which the app's warm-up does
                // when an article opens. Without one (the command line) it is
                // done here, before the clock that times Listen starts: the
                // start deadline is about the voice beginning, not this.
                let engine_up = player.voices().is_ok();
                // Likewise the reading tables of a Chinese article (loading
                // since the engine or the script came; done by now unless
                // voices were listed already). Without an engine the player only reports that.
                if chinese && engine_up {
                    crate::text::reading::preload();
                }
                player.command(c, Instant::now());
            }
            Ok(Message::Engine(e)) => lazy.get().engine_event(e, now),
            Ok(Message::WarmUp) => {
                // Once the engine is up its voices are listed already.
                if lazy.player.is_none() {
                    warm_at = Some(now + WARM_UP_AFTER);
                }
            }
            Ok(Message::Voices(reply)) => {
                let _ = reply.send(lazy.get().voices().map(<[VoiceInfo]>::to_vec));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if warm_at.is_some_and(|at| Instant::now() >= at) {
            warm_at = None;
            // An engine that fails here says so on the first Listen.
            let _ = lazy.get().voices();
        }
        if let Some(p) = lazy.player.as_mut() {
            p.tick(Instant::now());
            for event in p.take_events() {
                on_event(event);
            }
        }
    }
}

/// Loads the Chinese reading tables (≈35 MB, 0.1–0.3 s) on a thread of
/// their own, beside the engine's start.
fn preload_readings() {
    let _ = std::thread::Builder::new()
        .name("readings".into())
        .spawn(crate::text::reading::preload);
}
