//! News sources as the window and the command line both use them: adding a
//! source from a site's or a feed's address, refreshing every source at
//! once (a few at a time, each on its own: one failing never touches the
//! others' headlines), fetching the newest headlines' articles ahead so
//! Home works offline, and OPML lists in and out.
//!
//! The store keeps; reader-feeds parses; the rules of a refresh live here,
//! so `care-reader sources headlines` prints exactly what Home shows.

use std::path::Path;
use std::sync::Arc;

use reader_errors::{Coded, ErrorCode};
use reader_feeds::{Entry, Feed, FeedError, OpmlSource};
use reader_store::{HeadlineItem, NewHeadline, SourceItem, StoreError};
use reader_web::fetch::{FetchError, FetchOptions, Source};
use serde::Serialize;
use url::Url;

use crate::library::Library;
use crate::load::{LoadOptions, load};

/// Feeds fetched at the same time in a refresh: ten sources refresh in
/// about the time of the slowest three, and no site sees a burst from us.
pub const REFRESH_AT_ONCE: usize = 4;
/// Articles fetched ahead after a refresh, newest first: a morning's
/// reading offline, without downloading every feed's whole archive.
pub const FETCH_AHEAD: usize = 24;
/// Headlines Home lists at most (all sources together, newest first).
pub const HOME_HEADLINES: usize = 60;

/// Why a source could not be added, imported or exported.
#[derive(Debug, thiserror::Error)]
pub enum SourcesError {
    /// What was typed is not a web address.
    #[error(transparent)]
    Address(#[from] FetchError),
    #[error(transparent)]
    Feed(#[from] FeedError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The OPML file could not be read or written.
    #[error("cannot use the file {path}: {source}")]
    File {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

impl Coded for SourcesError {
    fn code(&self) -> ErrorCode {
        match self {
            SourcesError::Address(e) => e.code(),
            SourcesError::Feed(e) => e.code(),
            SourcesError::Store(e) => e.code(),
            SourcesError::File { .. } => ErrorCode::Io,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            SourcesError::Address(e) => e.l10n_args(),
            SourcesError::Feed(e) => e.l10n_args(),
            SourcesError::Store(e) => e.l10n_args(),
            SourcesError::File { path, source } => vec![
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
        }
    }
}

/// How far a refresh has got: `done` of `total` sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RefreshProgress {
    pub done: usize,
    pub total: usize,
}

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RefreshReport {
    /// Sources whose feed was read.
    pub ok: usize,
    /// Sources that failed, with why (their cards say so).
    pub failed: Vec<(i64, ErrorCode)>,
    /// Articles fetched ahead for reading offline.
    pub fetched_ahead: usize,
}

impl Library {
    /// Adds the source at `address` — a feed, or a site whose page names
    /// one — and keeps its headlines at once. A source already there is
    /// returned as it is (renamed to the feed's title).
    pub async fn add_source(
        &self,
        address: &str,
        opts: &FetchOptions,
    ) -> Result<SourceItem, SourcesError> {
        let url = web_address(address)?;
        let found = reader_feeds::find(&url, opts).await?;
        let title = feed_title(&found.feed, &found.feed_url);
        let site = found.feed.site.as_ref().map(Url::as_str);
        let store = self.store();
        let (id, _) = store.add_source(found.feed_url.as_str(), &title, site)?;
        store.record_headlines(id, &new_headlines(&found.feed.entries))?;
        let item = store
            .sources()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or(StoreError::SourceUnknown(id))?;
        Ok(item)
    }

    pub fn sources(&self) -> Result<Vec<SourceItem>, StoreError> {
        self.store().sources()
    }

    pub fn remove_source(&self, id: i64) -> Result<(), StoreError> {
        self.store().remove_source(id)
    }

    /// The newest headlines of every source, as Home lists them.
    pub fn headlines(&self) -> Result<Vec<HeadlineItem>, StoreError> {
        self.store().headlines(HOME_HEADLINES)
    }

    /// Reads every source's feed, [`REFRESH_AT_ONCE`] at a time, reporting
    /// each one done to `progress`; each result is stored as it comes (a
    /// failure as the source's error, its headlines kept). Then fetches the
    /// newest headlines' articles ahead ([`FETCH_AHEAD`]).
    pub async fn refresh_sources(
        &self,
        opts: &FetchOptions,
        mut progress: impl FnMut(RefreshProgress),
    ) -> Result<RefreshReport, StoreError> {
        let sources = self.store().sources()?;
        let total = sources.len();
        progress(RefreshProgress { done: 0, total });
        let semaphore = Arc::new(tokio::sync::Semaphore::new(REFRESH_AT_ONCE));
        let mut tasks = tokio::task::JoinSet::new();
        for source in sources {
            let semaphore = Arc::clone(&semaphore);
            let opts = opts.clone();
            tasks.spawn(async move {
                let _permit = semaphore.acquire_owned().await;
                let result = match Url::parse(&source.feed_url) {
                    Ok(url) => reader_feeds::load(&url, &opts).await,
                    Err(_) => Err(FeedError::NotAFeed),
                };
                (source.id, result)
            });
        }
        let mut report = RefreshReport::default();
        let mut done = 0;
        while let Some(joined) = tasks.join_next().await {
            done += 1;
            let Ok((id, result)) = joined else {
                continue;
            };
            match result {
                Ok(feed) => {
                    self.store()
                        .record_headlines(id, &new_headlines(&feed.entries))?;
                    report.ok += 1;
                }
                Err(e) => {
                    let code = e.code();
                    self.store().record_source_error(id, code)?;
                    report.failed.push((id, code));
                }
            }
            progress(RefreshProgress { done, total });
        }
        report.failed.sort_unstable_by_key(|(id, _)| *id);
        report.fetched_ahead = self.fetch_ahead(opts).await;
        Ok(report)
    }

    /// Fetches and extracts the newest headlines' articles not yet in the
    /// store, a few at a time; returns how many were kept. A page that
    /// fails is simply left for when the reader opens it.
    pub async fn fetch_ahead(&self, opts: &FetchOptions) -> usize {
        let Ok(todo) = self.store().headlines_without_text(FETCH_AHEAD) else {
            return 0;
        };
        let semaphore = Arc::new(tokio::sync::Semaphore::new(REFRESH_AT_ONCE));
        let mut tasks = tokio::task::JoinSet::new();
        for (id, url) in todo {
            let semaphore = Arc::clone(&semaphore);
            let options = LoadOptions {
                fetch: opts.clone(),
                ..LoadOptions::default()
            };
            tasks.spawn(async move {
                let _permit = semaphore.acquire_owned().await;
                (id, load(&url, &options, |_| {}).await)
            });
        }
        let mut kept = 0;
        while let Some(joined) = tasks.join_next().await {
            if let Ok((id, Ok(loaded))) = joined
                && self
                    .store()
                    .store_headline_text(id, &loaded.article)
                    .is_ok()
            {
                kept += 1;
            }
        }
        kept
    }

    /// Adds the sources of an OPML file (their headlines come with the next
    /// refresh); returns how many were new. A damaged file adds nothing.
    pub fn import_sources(&self, path: &Path) -> Result<usize, SourcesError> {
        let bytes = read_bounded(path, reader_feeds::MAX_OPML_BYTES)?;
        let list = reader_feeds::parse_opml(&bytes).map_err(FeedError::from)?;
        let store = self.store();
        let mut added = 0;
        for source in &list {
            let site = source.site.as_ref().map(Url::as_str);
            if store
                .add_source(source.feed.as_str(), &source.title, site)?
                .1
            {
                added += 1;
            }
        }
        Ok(added)
    }

    /// Writes the sources as an OPML file titled `title`; returns how many.
    pub fn export_sources(&self, path: &Path, title: &str) -> Result<usize, SourcesError> {
        let list: Vec<OpmlSource> = self
            .store()
            .sources()?
            .into_iter()
            .filter_map(|s| {
                Some(OpmlSource {
                    feed: Url::parse(&s.feed_url).ok()?,
                    site: s.site_url.as_deref().and_then(|u| Url::parse(u).ok()),
                    title: s.title,
                })
            })
            .collect();
        let text = reader_feeds::write_opml(title, &list);
        std::fs::write(path, text).map_err(|source| SourcesError::File {
            path: path.to_owned(),
            source,
        })?;
        Ok(list.len())
    }
}

/// What the reader typed, as a web address (a file path is not a source).
fn web_address(address: &str) -> Result<Url, FetchError> {
    match Source::parse(address)? {
        Source::Web(url) => Ok(url),
        Source::File(_) | Source::Stdin => Err(FetchError::InvalidAddress {
            address: address.trim().to_owned(),
        }),
    }
}

/// The feed's own name, else its site's host (`www.people.com.cn`).
fn feed_title(feed: &Feed, feed_url: &Url) -> String {
    if feed.title.is_empty() {
        feed.site
            .as_ref()
            .unwrap_or(feed_url)
            .host_str()
            .unwrap_or_default()
            .to_owned()
    } else {
        feed.title.clone()
    }
}

fn new_headlines(entries: &[Entry]) -> Vec<NewHeadline> {
    entries
        .iter()
        .map(|e| NewHeadline {
            key: e.key.clone(),
            url: e.url.to_string(),
            title: e.title.clone(),
            summary: e.summary.clone(),
            published: e.published,
        })
        .collect()
}

/// The file's bytes, refusing one larger than `limit` before reading it.
fn read_bounded(path: &Path, limit: usize) -> Result<Vec<u8>, SourcesError> {
    crate::files::read_bounded(path, limit as u64)
        .map_err(|source| SourcesError::File {
            path: path.to_owned(),
            source,
        })?
        .ok_or_else(|| FeedError::from(reader_feeds::OpmlError::TooLarge).into())
}
