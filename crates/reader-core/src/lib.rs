//! # reader-core
//!
//! The brain of Care Reader (关怀阅读): turn a web page into a clean,
//! structured, speakable [`Article`], with no window involved.
//!
//! ```no_run
//! # async fn demo() -> Result<(), reader_core::Error> {
//! use reader_core::{fetch, extract};
//! let source = fetch::Source::parse("https://news.163.com/some/article.html")?;
//! let page = fetch::fetch(&source, &fetch::FetchOptions::default()).await?;
//! let article = extract::extract_page(&page)?;
//! println!("{}\n\n{}", article.title, article.body_text());
//! # Ok(()) }
//! ```
//!
//! The pieces:
//! - [`fetch`]: bounded, charset-aware loading of URLs, files and stdin;
//! - [`extract`]: article extraction from HTML (`scraper`), in passes;
//! - [`article`]: the structured [`Article`] the UI and narrator consume;
//! - [`i18n`]: fluent bundles for every user-visible string (zh-CN, en-US);
//! - [`settings`] and [`store`]: the reader's settings and the one durable
//!   store (SQLite) for them and the articles opened.

pub mod article;
pub mod error;
pub mod extract;
pub mod fetch;
pub mod i18n;
pub mod settings;
pub mod store;

pub use article::{Article, Block, Inline, TextDirection};
pub use error::Error;
