//! Commands for Home's news and the family's sources: each is one call into
//! reader-app's [`App`](reader_app::App) (see its `home` module); progress
//! goes back on a Tauri channel, as for opening an article.

use reader_app::home::{HeadlineCard, HeadlineView, HeadlinesReading, HomeNews};
use reader_app::{Progress, RefreshProgress};
use reader_errors::UiError;
use reader_feeds::Suggested;
use reader_store::SourceItem;
use tauri::State;
use tauri::ipc::Channel;

use crate::Shell;

/// Home's news from the store (no network): works offline.
#[tauri::command]
pub fn home_news(shell: State<'_, Shell>) -> Result<HomeNews, UiError> {
    shell.app.home_news()
}

/// Reads every source again, `progress` after each; Home's news after.
#[tauri::command]
pub async fn refresh_sources(
    shell: State<'_, Shell>,
    progress: Channel<RefreshProgress>,
) -> Result<HomeNews, UiError> {
    shell
        .app
        .refresh_sources(|p| {
            let _ = progress.send(p);
        })
        .await
}

/// Opens headline `id` (its text fetched ahead, or its page); `next`: the
/// radio moved on to it by itself (the voice says "Next: …" first).
#[tauri::command]
pub async fn open_headline(
    shell: State<'_, Shell>,
    id: i64,
    next: Option<bool>,
    progress: Channel<Progress>,
) -> Result<HeadlineView, UiError> {
    shell
        .app
        .open_headline(id, next.unwrap_or(false), |stage| {
            let _ = progress.send(stage);
        })
        .await
}

/// The radio: the headline to go on to after `after` (read as `script`)
/// was read to its end (auto-read on, no sleep stop), or `None`.
#[tauri::command]
pub fn next_headline(
    shell: State<'_, Shell>,
    after: i64,
    script: u64,
) -> Result<Option<HeadlineCard>, UiError> {
    shell.app.next_headline(after, script)
}

#[tauri::command]
pub fn list_sources(shell: State<'_, Shell>) -> Result<Vec<SourceItem>, UiError> {
    shell.app.sources()
}

/// Adds a source from a site's or a feed's address; its headlines come with it.
#[tauri::command]
pub async fn add_source(shell: State<'_, Shell>, address: String) -> Result<SourceItem, UiError> {
    shell.app.add_source(&address).await
}

#[tauri::command]
pub fn remove_source(shell: State<'_, Shell>, id: i64) -> Result<(), UiError> {
    shell.app.remove_source(id)
}

/// Well-known sources for the reader's language, to start from.
#[tauri::command]
pub fn suggested_sources(shell: State<'_, Shell>) -> Vec<Suggested> {
    shell.app.suggested_sources().to_vec()
}

/// "Read the headlines": Home's headlines read aloud, one paragraph each.
#[tauri::command]
pub fn read_headlines(shell: State<'_, Shell>) -> Result<HeadlinesReading, UiError> {
    shell.app.read_headlines()
}
