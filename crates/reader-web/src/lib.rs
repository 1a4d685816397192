//! # reader-web
//!
//! From an address to an [`Article`]: bounded, charset-aware fetching of web
//! pages, saved files and standard input, and article extraction in passes.
//! No window, no store, no speech: the application layer (`reader-app`) and
//! the tests call it directly.
//!
//! ```no_run
//! # async fn demo() -> Result<(), reader_web::Error> {
//! use reader_web::{fetch, extract};
//! let source = fetch::Source::parse("https://news.163.com/some/article.html")?;
//! let page = fetch::fetch(&source, &fetch::FetchOptions::default()).await?;
//! let article = extract::extract_page(&page)?;
//! println!("{}\n\n{}", article.title, article.body_text());
//! # Ok(()) }
//! ```
//!
//! The pieces:
//! - [`fetch`]: bounded, charset-aware loading of URLs, files and stdin;
//! - [`extract`]: article extraction from HTML (`scraper`), in passes.

pub mod error;
pub mod extract;
pub mod fetch;

pub use error::Error;
pub use reader_article::Article;
