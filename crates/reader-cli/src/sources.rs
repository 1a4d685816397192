//! `care-reader sources …`: the news sources Home shows, from a shell — for
//! scripts, and for a family setting up or helping with a parent's computer
//! remotely. Every rule is [`reader_app::Library`]'s; this only parses,
//! calls and prints.
//!
//! Output for scripts goes to standard output, one item per line, fields
//! separated by tabs; messages for people go to standard error (progress,
//! failures) or standard output (what was done), in the reader's language.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use reader_app::{Library, SourcesError};
use reader_errors::Coded;
use reader_l10n::Localizer;
use reader_web::fetch::FetchOptions;

use crate::Failure;
use crate::library::{one_line, store_folder};

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// The store to use: its file (care-reader.sqlite3) or the folder it is
    /// in, made if it is new [default: the app's own, in the system's folder
    /// for app data].
    #[arg(long, global = true, value_name = "FILE")]
    store: Option<PathBuf>,

    #[command(subcommand)]
    command: SourcesCommand,
}

#[derive(Debug, Subcommand)]
enum SourcesCommand {
    /// Add a news source: a feed's address (RSS, Atom, JSON Feed) or a
    /// website whose page names its feed. Its headlines are fetched at once.
    Add {
        #[arg(value_name = "SITE-OR-FEED-URL")]
        address: String,
    },
    /// List the sources: id, title, feed address, last read (UTC), and
    /// `ok` or why the last refresh failed (tab-separated).
    List,
    /// Remove a source and its headlines.
    Remove {
        /// The source's id, from `sources list`.
        id: i64,
    },
    /// Fetch every source's newest headlines (and their articles, for
    /// reading offline), a few sources at a time.
    Refresh,
    /// Print what Home shows, newest first: source, time (UTC), title,
    /// address (tab-separated).
    Headlines {
        /// Refresh first.
        #[arg(long)]
        refresh: bool,
    },
    /// Add the sources listed in an OPML file (from another feed reader).
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write the sources to an OPML file.
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

impl From<SourcesError> for Failure {
    fn from(e: SourcesError) -> Failure {
        Failure::Sources(e)
    }
}

pub async fn run(args: SourcesArgs, l10n: &Localizer) -> Result<(), Failure> {
    let folder = store_folder(args.store.as_deref())?;
    let (library, notice) = Library::open(folder.as_deref())?;
    if let Some(notice) = notice {
        eprintln!("{}", notice.code.localize(l10n).message);
    }
    let fetch = FetchOptions::default();
    match args.command {
        SourcesCommand::Add { address } => {
            let item = library.add_source(&address, &fetch).await?;
            let message = l10n.message(
                "cli-sources-added",
                &[
                    ("id", item.id.to_string()),
                    ("title", item.title),
                    ("headlines", item.headlines.to_string()),
                ],
            );
            println!("{message}");
        }
        SourcesCommand::List => {
            let items = library.sources()?;
            if items.is_empty() {
                eprintln!("{}", l10n.message("cli-sources-empty", &[]));
            }
            for item in items {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    item.id,
                    one_line(&item.title),
                    item.feed_url,
                    item.ok_at
                        .as_deref()
                        .and_then(|d| d.get(..16))
                        .unwrap_or("-"),
                    item.error.map_or("ok", |code| code.id()),
                );
            }
        }
        SourcesCommand::Remove { id } => {
            let title = library
                .sources()?
                .into_iter()
                .find(|s| s.id == id)
                .map(|s| s.title)
                .unwrap_or_default();
            library.remove_source(id)?;
            let message = l10n.message(
                "cli-sources-removed",
                &[("id", id.to_string()), ("title", title)],
            );
            println!("{message}");
        }
        SourcesCommand::Refresh => refresh(&library, &fetch, l10n, true).await?,
        SourcesCommand::Headlines { refresh: first } => {
            if first {
                // Standard output stays the headlines alone, for scripts.
                refresh(&library, &fetch, l10n, false).await?;
            }
            for h in library.headlines()? {
                println!(
                    "{}\t{}\t{}\t{}",
                    one_line(&h.source_title),
                    utc_minute(h.time),
                    one_line(&h.title),
                    h.url
                );
            }
        }
        SourcesCommand::Import { file } => {
            let added = library.import_sources(&file)?;
            let message = l10n.message("cli-sources-imported", &[("added", added.to_string())]);
            println!("{message}");
        }
        SourcesCommand::Export { file } => {
            let title = l10n.message("sources-list-title", &[]);
            let count = library.export_sources(&file, &title)?;
            let message = l10n.message(
                "cli-sources-exported",
                &[
                    ("count", count.to_string()),
                    ("path", file.display().to_string()),
                ],
            );
            println!("{message}");
        }
    }
    Ok(())
}

/// Refreshes every source, saying how far it got on standard error and
/// which sources failed, and why, in the reader's language; the summary on
/// standard output when `summary_out`, else on standard error.
async fn refresh(
    library: &Library,
    fetch: &FetchOptions,
    l10n: &Localizer,
    summary_out: bool,
) -> Result<(), Failure> {
    let report = library
        .refresh_sources(fetch, |p| {
            if p.done > 0 {
                eprintln!(
                    "{}",
                    l10n.message(
                        "cli-sources-progress",
                        &[("done", p.done.to_string()), ("total", p.total.to_string())]
                    )
                );
            }
        })
        .await?;
    let titles = library.sources()?;
    for (id, code) in &report.failed {
        let title = titles
            .iter()
            .find(|s| s.id == *id)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        eprintln!(
            "{}",
            l10n.message(
                "cli-sources-failed",
                &[("title", title), ("reason", code.localize(l10n).message)]
            )
        );
    }
    let summary = l10n.message(
        "cli-sources-refreshed",
        &[
            ("ok", report.ok.to_string()),
            ("failed", report.failed.len().to_string()),
            ("ahead", report.fetched_ahead.to_string()),
        ],
    );
    if summary_out {
        println!("{summary}");
    } else {
        eprintln!("{summary}");
    }
    Ok(())
}

/// `2026-11-30 08:05` (UTC) for seconds since 1970.
fn utc_minute(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| "-".to_owned())
}

#[cfg(test)]
mod tests {
    use super::utc_minute;

    #[test]
    fn times_print_in_utc_to_the_minute() {
        assert_eq!(utc_minute(1_796_032_800), "2026-11-30 10:00");
        assert_eq!(utc_minute(i64::MAX), "-");
    }
}
