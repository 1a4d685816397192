//! # narrator
//!
//! Care Reader's read-aloud: an article becomes a [`Script`] of sentences
//! (segmented, split into language runs, Chinese numbers written out), and a
//! [`Player`] reads it through the OS speech [`engine`], one sentence at a
//! time, on a thread of its own ([`Narrator`]).

pub mod announce;
pub mod engine;
pub mod player;
pub mod pronunciation;
pub mod script;
pub mod service;
pub mod text;
pub mod voice;

pub use engine::{Engine, EngineError, EngineEvent};
pub use player::{Command, PlayState, Player, PlayerEvent, Status};
pub use script::Script;
pub use service::Narrator;
pub use voice::VoiceInfo;
