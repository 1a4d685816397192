//! # reader-app
//!
//! Care Reader's application layer: what the desktop window and the
//! `care-reader` command line both do, written once.
//!
//! - [`load()`]: parse a source, fetch it, extract the article off the async
//!   thread, with progress — the one way any article is opened;
//! - [`App`]: the window's work without the window — open, reopen and
//!   remember articles, the welcome article, relabel the view for a new UI
//!   language without disturbing the narrator, settings, the narrator and
//!   its policy (what it saves, which voices Settings offers), and which
//!   images the window may load;
//! - [`library`]: keeping articles with their pictures for offline, the
//!   kept list, search, removal with undo, reading places, Continue, the
//!   backup file, and where the store lives — for the window and the
//!   command line alike;
//! - [`family`]: the family setup file (settings, sources, pronunciations,
//!   the PIN) out and in, and simple mode with its PIN and calm wait;
//! - [`sources`]: news sources for Home — adding one from a site's or a
//!   feed's address, refreshing them all (a few at a time, one failing
//!   never blanking the others), fetching the newest articles ahead for
//!   offline, OPML lists in and out;
//! - [`pronunciations`]: the family's pronunciation dictionary (读音纠正),
//!   applied by the narrator before every voice, and as a file in and out;
//! - [`export`]: one article as an HTML or Markdown file with its pictures,
//!   for printing or sharing (rendered by `reader-export`);
//! - [`handover`]: what a second launch hands the running app (the line on
//!   its single-instance socket), read as the outside input it is;
//! - [`media`]: media keys and the desktop's media panel (MPRIS) control
//!   the narrator and show the article's title;
//! - [`view`]: the [`ArticleView`] the reader view renders.
//!
//! ```no_run
//! # async fn demo() -> Result<(), reader_errors::UiError> {
//! use reader_app::{App, AppConfig, narration::Engine};
//! let config = AppConfig { image_address: |url| url.to_owned(), engine: Engine::System };
//! let app = App::new(None, config, |event| println!("{:?}", event.status))
//!     .map_err(|e| reader_errors::Coded::localize(&e, &reader_l10n::Localizer::default()))?;
//! let view = app.open("https://news.163.com/some/article.html", |stage| println!("{stage:?}")).await?;
//! println!("{} — {}", view.article.title, view.meta_line);
//! # Ok(()) }
//! ```

#![forbid(unsafe_code)]

#[cfg(feature = "store")]
mod app;
#[cfg(feature = "store")]
pub mod export;
#[cfg(feature = "store")]
pub mod family;
#[cfg(feature = "store")]
mod files;
#[cfg(feature = "store")]
pub mod handover;
#[cfg(feature = "store")]
pub mod home;
#[cfg(feature = "store")]
pub mod library;
pub mod load;
pub mod media;
pub mod narration;
#[cfg(feature = "store")]
pub mod pronunciations;
#[cfg(feature = "store")]
pub mod sources;
pub mod view;
pub mod welcome;

#[cfg(feature = "store")]
pub use app::{App, AppConfig, Relabel, Startup};
#[cfg(feature = "store")]
pub use export::ExportError;
#[cfg(feature = "store")]
pub use library::{ContinueReading, KeepReport, Library, LibraryError, default_folder};
pub use load::{
    LoadError, LoadOptions, Loaded, Progress, extract_here, extract_off_thread, fetch_parsed,
    fetch_source, load, load_file_here, read_file_here,
};
#[cfg(feature = "store")]
pub use reader_export::{Format as ExportFormat, Written};
#[cfg(feature = "store")]
pub use sources::{RefreshProgress, RefreshReport, SourcesError};
pub use view::ArticleView;
