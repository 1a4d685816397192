//! `care-reader read` and `care-reader voices`: the narrator in a terminal,
//! for listeners who live there, and the way to try the speech engine
//! without a window.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;

use narrator::player::{Command, PlayState, PlayerEvent, PlayerSettings};
use narrator::pronunciation::Pronunciations;
use narrator::script::SentenceKind;
use narrator::text::Lang;
use narrator::voice::choose_voice;
use narrator::{Narrator, Script};
use reader_app::narration::{best_voice_ids, voice_list};
use reader_app::pronunciations::for_narrator;
use reader_article::Article;
use reader_l10n::Localizer;

use crate::Failure;

/// What `read` was asked for.
pub struct ReadOptions {
    pub voice: Option<String>,
    /// The family's pronunciation dictionary, from the store.
    pub pronunciations: Arc<Pronunciations>,
    pub rate: f32,
    /// 1-based sentence to start from.
    pub from: Option<usize>,
}

/// Reads `article` aloud, printing each sentence as it starts. Ctrl+C
/// silences the voice before the program ends.
pub fn read(article: &Article, options: &ReadOptions, l10n: &Localizer) -> Result<(), Failure> {
    let script = Arc::new(Script::of(article, l10n));
    if script.sentences.is_empty() {
        return Ok(());
    }
    let (tx, rx) = mpsc::channel();
    let events = tx.clone();
    let narrator = Narrator::system(
        PlayerSettings {
            rate: options.rate,
            ..PlayerSettings::default()
        },
        move |e| {
            let _ = events.send(Some(e));
        },
    );
    if let Some(id) = &options.voice {
        let voices = narrator.voices()?;
        let voice = voices
            .iter()
            .find(|v| &v.id == id)
            .ok_or_else(|| Failure::UnknownVoice(id.clone()))?;
        for lang in [Lang::Zh, Lang::En] {
            if voice.speaks(lang) {
                narrator.command(Command::SetVoice {
                    lang,
                    voice: Some(id.clone()),
                });
            }
        }
    }
    narrator.set_pronunciations(Arc::clone(&options.pronunciations));
    stop_on_ctrl_c(tx);
    narrator.load(Arc::clone(&script));
    narrator.command(Command::Play {
        from: options.from.map(|n| n.saturating_sub(1)),
    });
    let total = script.sentences.len();
    let mut shown = None;
    let mut stdout = std::io::stdout();
    while let Ok(Some(event)) = rx.recv() {
        match event {
            PlayerEvent::Status(status) => match status.state {
                PlayState::Playing if status.sentence != shown => {
                    shown = status.sentence;
                    if let Some(sentence) = status.sentence.and_then(|i| script.sentences.get(i)) {
                        let n = status.sentence.unwrap_or_default() + 1;
                        // A closed pipe (`| head`) just means nobody reads on.
                        if writeln!(stdout, "[{n}/{total}] {}", sentence.text)
                            .and_then(|()| stdout.flush())
                            .is_err()
                        {
                            break;
                        }
                    }
                }
                PlayState::Finished => break,
                PlayState::Paused => {
                    eprintln!("{}", l10n.message("speech-paused", &[]));
                    break;
                }
                // Loading reports Idle, and Listen Starting, before the voice begins.
                PlayState::Playing | PlayState::Starting | PlayState::Idle => {}
            },
            PlayerEvent::Error(e) => return Err(e.into()),
        }
    }
    // Dropping the narrator silences the voice.
    drop(narrator);
    Ok(())
}

/// `read --dry-run`: what the narrator would give each voice, speaking
/// nothing. One line per utterance, in reading order:
/// `SENTENCE<TAB>VOICE<TAB>TEXT`, where SENTENCE is 0 for the title and
/// counts the body's sentences from 1, VOICE is the voice's id (`-` when no
/// voice speaks that language) and TEXT is exactly what the engine gets
/// (pinyin for a voice that reads it; tabs and line breaks as spaces).
pub fn dry_run(article: &Article, options: &ReadOptions, l10n: &Localizer) -> Result<(), Failure> {
    let script = Script::of(article, l10n);
    let narrator = Narrator::system(PlayerSettings::default(), |_| {});
    let voices = narrator.voices()?;
    if let Some(id) = &options.voice
        && !voices.iter().any(|v| &v.id == id)
    {
        return Err(Failure::UnknownVoice(id.clone()));
    }
    let mut stdout = std::io::stdout().lock();
    let mut body = 0;
    for sentence in &script.sentences {
        let number = if sentence.kind == SentenceKind::Title {
            0
        } else {
            body += 1;
            body
        };
        for utterance in &sentence.utterances {
            let voice = choose_voice(&voices, utterance.lang, options.voice.as_deref());
            let (id, text) = match voice {
                Some(v) => (
                    v.id.as_str(),
                    utterance.engine_text(v, &options.pronunciations),
                ),
                None => ("-", utterance.text.as_str().into()),
            };
            let text = text.replace(['\t', '\n', '\r'], " ");
            if writeln!(stdout, "{number}\t{id}\t{}", text.trim()).is_err() {
                // A closed pipe (`| head`): nobody reads on.
                return Ok(());
            }
        }
    }
    Ok(())
}

/// The pronunciation dictionary of the store in `folder` (the app's own
/// when `None`), applied as the app applies it. A store that is not there
/// yet is not made just for this, and one that cannot be read gives an
/// empty dictionary: reading aloud matters more.
pub fn store_pronunciations(folder: Option<&Path>) -> Arc<Pronunciations> {
    let folder = folder
        .map(Path::to_owned)
        .or_else(reader_app::default_folder);
    let exists = folder
        .as_ref()
        .is_some_and(|f| f.join(reader_store::FILE_NAME).is_file());
    if !exists {
        return Arc::default();
    }
    match reader_app::Library::open(folder.as_deref()) {
        Ok((library, _)) => for_narrator(&library.store()),
        Err(_) => Arc::default(),
    }
}

/// Ends the reading loop on Ctrl+C, so the narrator is dropped (and the
/// speech service told to stop) instead of talking on after we are gone.
fn stop_on_ctrl_c(tx: mpsc::Sender<Option<PlayerEvent>>) {
    let spawned = std::thread::Builder::new()
        .name("ctrl-c".into())
        .spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            if rt.block_on(tokio::signal::ctrl_c()).is_ok() {
                let _ = tx.send(None);
            }
        });
    // Without the watcher Ctrl+C still ends the program, only less politely.
    drop(spawned);
}

/// `care-reader voices [--lang zh|en] [--all]`: one voice per line,
/// `id<TAB>language<TAB>name`, the one the narrator would pick marked `*`.
pub fn voices(lang: Option<Lang>, all: bool) -> Result<(), Failure> {
    let narrator = Narrator::system(PlayerSettings::default(), |_| {});
    let voices = narrator.voices()?;
    let mut stdout = std::io::stdout().lock();
    let best = best_voice_ids(&voices);
    for v in voice_list(&voices, &best, lang, all) {
        let mark = if best.contains(&v.id.as_str()) {
            "*"
        } else {
            " "
        };
        if writeln!(stdout, "{mark} {}\t{}\t{}", v.id, v.lang, v.name).is_err() {
            break;
        }
    }
    Ok(())
}
