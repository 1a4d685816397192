//! Speech text: what the voice says and which part of the page it belongs to.
//!
//! - [`segment`]: sentences (Chinese and English), tiling the text exactly so
//!   the highlight never loses a character;
//! - [`lang`]: runs of one language inside a sentence, each spoken by a voice
//!   of that language;
//! - [`normalize_zh`]: numbers, dates and symbols in Chinese text written out
//!   the way a newsreader says them (the engine gets this text, the highlight
//!   keeps the original);
//! - [`reading`]: each Chinese character's reading in its context, as
//!   tone-numbered pinyin for voices that read pinyin;
//! - [`noise`]: what is on the page but not said (reference markers,
//!   bullets, decorative symbols).

pub mod lang;
pub mod noise;
pub mod normalize_zh;
pub mod reading;
pub mod segment;

pub use lang::{Lang, language_runs};
pub use normalize_zh::normalize_zh;
pub use segment::sentences;
