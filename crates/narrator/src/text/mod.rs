//! Speech text: what the voice says and which part of the page it belongs to.
//!
//! - [`segment`]: sentences (Chinese and English), tiling the text exactly so
//!   the highlight never loses a character;
//! - [`lang`]: runs of one language inside a sentence, each spoken by a voice
//!   of that language;
//! - [`normalize_zh`]: numbers, dates and symbols in Chinese text written out
//!   the way a newsreader says them (the engine gets this text, the highlight
//!   keeps the original).

pub mod lang;
pub mod normalize_zh;
pub mod segment;

pub use lang::{Lang, language_runs};
pub use normalize_zh::normalize_zh;
pub use segment::sentences;
