//! The reader's library as the window and the command line both use it:
//! keeping an article *with its pictures* for reading offline, the kept
//! list, search, removal with undo, reading places, Continue, the backup
//! file, and the one rule for where the store lives.
//!
//! The store ([`reader_store`]) only stores; the rules that need the network
//! or the article's shape live here, so `care-reader library save` and the
//! window's Save button keep exactly the same things.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use reader_article::{Article, Block};
use reader_errors::{Coded, ErrorCode};
use reader_store::{
    ImportReport, LibraryItem, Notice, Picture, Place, Position, SearchHit, Store, StoreError,
};
use reader_web::fetch::{FetchOptions, fetch_image};
use serde::Serialize;
use url::Url;

use crate::load::{LoadError, LoadOptions, load};

/// The app's identifier (as in `src-tauri/tauri.conf.json`): the name of
/// its folder in the OS app-data folder. The window and the command line
/// find the store through [`default_folder`], so they share one file.
pub const APP_IDENTIFIER: &str = "org.carereader.app";

/// At most this many kept articles are listed: far more than anyone
/// browses as cards (search finds the rest), and it keeps one reply to the
/// window bounded.
pub const LIBRARY_LIMIT: usize = 10_000;

/// At most this many search results: two screens of large cards is as far
/// as a reader looks before typing another word.
pub const SEARCH_LIMIT: usize = 50;

/// Pictures of one article fetched at the same time when keeping it: fast
/// on a page with many photos, without hammering the site.
const PICTURE_FETCHES_AT_ONCE: usize = 4;

/// The folder the store lives in when none is named: the OS app-data
/// folder for [`APP_IDENTIFIER`] (`~/.local/share/org.carereader.app` on
/// Linux), the same place Tauri's `app_data_dir` gives the window.
pub fn default_folder() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// What keeping an article did: the Save button says "kept" or "kept
/// without N pictures".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeepReport {
    pub id: i64,
    /// Pictures now kept for reading offline.
    pub pictures: usize,
    /// Pictures not kept: over a size limit in Settings, or they could not
    /// be fetched (offline, gone, not a picture).
    pub skipped: usize,
}

/// Home's "Continue reading: <title>".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContinueReading {
    pub item: LibraryItem,
    pub position: Position,
}

/// Why `save` failed: opening the page, or the store.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Coded for LibraryError {
    fn code(&self) -> ErrorCode {
        match self {
            LibraryError::Load(e) => e.code(),
            LibraryError::Store(e) => e.code(),
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            LibraryError::Load(e) => e.l10n_args(),
            LibraryError::Store(e) => e.l10n_args(),
        }
    }

    fn localize(&self, l10n: &reader_l10n::Localizer) -> reader_errors::UiError {
        match self {
            LibraryError::Load(e) => e.localize(l10n),
            LibraryError::Store(e) => e.localize(l10n),
        }
    }
}

/// The store behind one lock, with the library's rules. Cheap to share
/// (`Arc` inside); no lock is held across a network wait.
#[derive(Clone)]
pub struct Library {
    store: Arc<Mutex<Store>>,
}

impl Library {
    pub fn new(store: Store) -> Library {
        Library {
            store: Arc::new(Mutex::new(store)),
        }
    }

    /// Opens the store in `folder`, or in [`default_folder`]. An unreadable
    /// file is set aside (the notice says so), as in the window.
    pub fn open(folder: Option<&Path>) -> Result<(Library, Option<Notice>), StoreError> {
        let folder = match folder {
            Some(f) => f.to_owned(),
            None => default_folder().ok_or_else(|| StoreError::Folder {
                path: PathBuf::from(APP_IDENTIFIER),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "this system has no folder for application data",
                ),
            })?,
        };
        let (store, notice) = Store::open_in(&folder)?;
        Ok((Library::new(store), notice))
    }

    /// The store, locked. A lock whose holder panicked is used anyway:
    /// every write is one SQLite transaction, never half done.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps remembered article `id` in the library and its pictures for
    /// reading offline, within the two picture limits of Settings. The
    /// words are kept first, so an article kept with no network is kept
    /// all the same (its pictures are counted as skipped). A picture
    /// already in the store is not fetched again.
    pub async fn keep(&self, id: i64) -> Result<KeepReport, StoreError> {
        let article = {
            let store = self.store();
            let (_, article) = store.article(id)?.ok_or(StoreError::NotRemembered(id))?;
            store.keep(id)?;
            article
        };
        let urls = image_urls(&article);
        let wanted = urls.len();
        let pictures = self.pictures(urls).await;
        let fetched = pictures.len();
        let report = self.store().keep_pictures(id, &pictures)?;
        Ok(KeepReport {
            id,
            pictures: report.kept,
            skipped: report.skipped.len() + (wanted - fetched),
        })
    }

    /// The pictures at `urls`: from the store when kept before, else
    /// fetched, a few at a time. Those that cannot be had are left out.
    pub(crate) async fn pictures(&self, urls: Vec<String>) -> Vec<Picture> {
        let semaphore = Arc::new(tokio::sync::Semaphore::new(PICTURE_FETCHES_AT_ONCE));
        let mut tasks = tokio::task::JoinSet::new();
        for (index, url) in urls.into_iter().enumerate() {
            let stored = self.store().image(&url).ok().flatten();
            let semaphore = Arc::clone(&semaphore);
            tasks.spawn(async move {
                let picture = match stored {
                    Some((content_type, bytes)) => Some(Picture {
                        url,
                        content_type,
                        bytes,
                    }),
                    None => {
                        // The semaphore is never closed; without a permit
                        // the fetch just goes ahead.
                        let _permit = semaphore.acquire_owned().await.ok();
                        fetch_picture(&url)
                            .await
                            .map(|(content_type, bytes)| Picture {
                                url,
                                content_type,
                                bytes,
                            })
                    }
                };
                (index, picture)
            });
        }
        let mut found = Vec::new();
        while let Some(done) = tasks.join_next().await {
            if let Ok((index, Some(picture))) = done {
                found.push((index, picture));
            }
        }
        // In the article's order, so the limits drop the last pictures first.
        found.sort_by_key(|(index, _)| *index);
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// A picture for the window's image scheme: the kept copy first (it
    /// works with no network), else fetched as any article image is.
    /// `(content type, bytes)`.
    pub async fn image(&self, url: &str) -> Option<(String, Vec<u8>)> {
        let kept = self.store().image(url).ok().flatten();
        match kept {
            Some(found) => Some(found),
            None => fetch_picture(url).await,
        }
    }

    /// Opens `source`, remembers it and keeps it with its pictures: the
    /// command line's `library save`.
    pub async fn save(&self, source: &str) -> Result<KeepReport, LibraryError> {
        let loaded = load(source, &LoadOptions::default(), |_| {}).await?;
        let id = self
            .store()
            .remember_article(&loaded.key, &loaded.article)?;
        Ok(self.keep(id).await?)
    }

    /// Kept articles, newest first.
    pub fn kept(&self) -> Result<Vec<LibraryItem>, StoreError> {
        self.store().kept(LIBRARY_LIMIT)
    }

    /// Kept articles holding every word of `query`, with the matches marked.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, StoreError> {
        self.store().search(query, SEARCH_LIMIT)
    }

    pub fn remove(&self, id: i64) -> Result<(), StoreError> {
        self.store().remove(id)
    }

    pub fn undo_remove(&self, id: i64) -> Result<(), StoreError> {
        self.store().undo_remove(id)
    }

    /// Kept articles removed this past week, most recent first: each can be
    /// brought back (also after a restart).
    pub fn removed(&self) -> Result<Vec<LibraryItem>, StoreError> {
        self.store().removed(LIBRARY_LIMIT)
    }

    pub fn save_position(&self, id: i64, place: Place) -> Result<Position, StoreError> {
        self.store().save_position(id, place)
    }

    /// The article read last and not finished, and where.
    pub fn continue_reading(&self) -> Result<Option<ContinueReading>, StoreError> {
        Ok(self
            .store()
            .last_unfinished()?
            .map(|(item, position)| ContinueReading { item, position }))
    }

    /// Whether `id` is kept, and its saved place: what a reopened
    /// article's view carries. Unknown articles are neither.
    pub fn kept_and_place(&self, id: i64) -> (bool, Option<Position>) {
        let store = self.store();
        let kept = store
            .library_item(id)
            .ok()
            .flatten()
            .is_some_and(|item| item.saved_at.is_some());
        (kept, store.position(id).ok().flatten())
    }

    /// Writes the backup file (docs/backup.md); returns how many articles.
    pub fn export(&self, path: &Path) -> Result<usize, StoreError> {
        self.store().export(path)
    }

    /// Merges a backup file in; nothing changes when it is refused.
    pub fn import(&self, path: &Path) -> Result<ImportReport, StoreError> {
        self.store().import(path)
    }
}

/// The addresses of an article's pictures: the lead image, then each image
/// block, once each, in reading order.
pub fn image_urls(article: &Article) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    let blocks = article.blocks.iter().filter_map(|b| match b {
        Block::Image { src, .. } => Some(src),
        _ => None,
    });
    for url in article.lead_image.iter().chain(blocks) {
        if !urls.contains(url) {
            urls.push(url.clone());
        }
    }
    urls
}

/// One picture from the web, bounded like every article image (size,
/// content type, the page timeouts; http(s) only): `(content type, bytes)`.
pub async fn fetch_picture(url: &str) -> Option<(String, Vec<u8>)> {
    let url = Url::parse(url).ok()?;
    let image = fetch_image(&url, &FetchOptions::default()).await.ok()?;
    Some((image.content_type.to_owned(), image.bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picture_addresses_lead_first_once_each() {
        let image = |src: &str| Block::Image {
            src: src.into(),
            alt: None,
            caption: None,
            credit: None,
            size: None,
        };
        let article = Article {
            lead_image: Some("https://e.org/lead.jpg".into()),
            blocks: vec![
                image("https://e.org/a.jpg"),
                Block::Paragraph { content: vec![] },
                image("https://e.org/lead.jpg"),
                image("https://e.org/b.png"),
            ],
            ..Article::default()
        };
        assert_eq!(
            image_urls(&article),
            [
                "https://e.org/lead.jpg",
                "https://e.org/a.jpg",
                "https://e.org/b.png"
            ]
        );
    }

    #[test]
    fn the_default_folder_is_named_after_the_app() {
        if let Some(folder) = default_folder() {
            assert!(folder.ends_with(APP_IDENTIFIER), "{}", folder.display());
        }
    }

    #[test]
    fn keeping_offline_keeps_the_words_and_counts_the_pictures_skipped() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let library = Library::new(Store::in_memory().unwrap_or_else(|e| panic!("{e}")));
        let article = Article {
            title: "Offline".into(),
            // Port 9 on this machine: nothing answers, so no network is used.
            lead_image: Some("http://127.0.0.1:9/lead.jpg".into()),
            blocks: vec![Block::Paragraph {
                content: vec![reader_article::Inline::Text {
                    text: "Words stay.".into(),
                }],
            }],
            ..Article::default()
        };
        let id = library
            .store()
            .remember_article("https://e.org/offline", &article)
            .unwrap_or_else(|e| panic!("{e}"));
        let report = runtime
            .block_on(library.keep(id))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            report,
            KeepReport {
                id,
                pictures: 0,
                skipped: 1
            }
        );
        assert_eq!(library.kept_and_place(id), (true, None));
        let unknown = runtime.block_on(library.keep(id + 100));
        assert!(matches!(unknown, Err(StoreError::NotRemembered(_))));
    }
}
