//! `care-reader library …`: the app's library from a shell, for scripts and
//! for a family looking after a parent's computer remotely. Every rule is
//! [`reader_app::Library`]'s; this only parses, calls and prints.
//!
//! Output for scripts goes to standard output, one article per line, its
//! fields separated by tabs; messages for people go to standard error in
//! the reader's language.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use reader_app::{ExportError, ExportFormat, Library, LibraryError};
use reader_errors::Coded;
use reader_l10n::Localizer;
use reader_store::{FILE_NAME, LibraryItem, Segment, StoreError, UNDO_DAYS};

use crate::Failure;

#[derive(Debug, Args)]
pub struct LibraryArgs {
    /// The store to use: its file (care-reader.sqlite3) or the folder it is
    /// in, made if it is new [default: the app's own, in the system's folder
    /// for app data].
    #[arg(long, global = true, value_name = "FILE")]
    store: Option<PathBuf>,

    #[command(subcommand)]
    command: LibraryCommand,
}

#[derive(Debug, Subcommand)]
enum LibraryCommand {
    /// List the kept articles, newest first:
    /// id, date kept, share read, title, address (tab-separated).
    List,
    /// Open an article, keep it with its pictures for reading offline.
    Save {
        /// An http(s) address or a saved page.
        #[arg(value_name = "URL")]
        source: String,
    },
    /// Remove a kept article (the app can bring it back for a week).
    Remove {
        /// The article's id, from `library list`.
        id: i64,
    },
    /// Find kept articles by words in the title or text (Chinese or English):
    /// id, title, a bit of the text (tab-separated; matches in **bold**).
    Search {
        #[arg(value_name = "WORDS", required = true, num_args = 1..)]
        words: Vec<String>,
    },
    /// Write the library, reading places and settings to a backup file (JSON).
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Merge a backup file in (nothing here is overwritten).
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write one article to a file to print or share: a web page (HTML)
    /// with its pictures inside, or with --markdown a Markdown file with
    /// its pictures beside it (NAME.md, NAME-pictures/01.jpg ...).
    ExportArticle {
        /// The article's id, from `library list`.
        id: i64,
        /// The file to write (replaced if it is there).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Markdown instead of HTML.
        #[arg(long)]
        markdown: bool,
    },
}

impl From<LibraryError> for Failure {
    fn from(e: LibraryError) -> Failure {
        Failure::Library(e)
    }
}

impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Failure {
        Failure::Export(e)
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Library(LibraryError::Store(e))
    }
}

/// The folder `--store` names: a store file's folder, or a folder (made if
/// needed). `None` (no `--store`) is the app's own.
pub(crate) fn store_folder(store: Option<&Path>) -> Result<Option<PathBuf>, Failure> {
    let Some(path) = store else {
        return Ok(None);
    };
    // A folder, or a new one (a name without an extension that is not
    // there yet: the store is made in it).
    if path.is_dir() || (!path.exists() && path.extension().is_none()) {
        return Ok(Some(path.to_owned()));
    }
    // The store's name is fixed: another name would be a second store the
    // app never sees.
    if path.file_name().is_some_and(|n| n == FILE_NAME) {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        return Ok(Some(folder.unwrap_or(Path::new(".")).to_owned()));
    }
    Err(Failure::StoreName(path.display().to_string()))
}

pub async fn run(args: LibraryArgs, l10n: &Localizer) -> Result<(), Failure> {
    let folder = store_folder(args.store.as_deref())?;
    let (library, notice) = Library::open(folder.as_deref())?;
    if let Some(notice) = notice {
        eprintln!("{}", notice.code.localize(l10n).message);
    }
    match args.command {
        LibraryCommand::List => {
            let items = library.kept()?;
            if items.is_empty() {
                eprintln!("{}", l10n.message("cli-library-empty", &[]));
            }
            for item in items {
                println!(
                    "{}\t{}\t{}%\t{}\t{}",
                    item.id,
                    item.saved_at
                        .as_deref()
                        .and_then(|d| d.get(..10))
                        .unwrap_or("-"),
                    percent_read(&item),
                    one_line(&item.title),
                    item.source
                );
            }
        }
        LibraryCommand::Save { source } => {
            let report = library.save(&source).await?;
            let title = library
                .store()
                .library_item(report.id)?
                .map(|item| item.title)
                .unwrap_or_default();
            let message = l10n.message(
                "cli-library-saved",
                &[
                    ("id", report.id.to_string()),
                    ("title", title),
                    ("pictures", report.pictures.to_string()),
                    ("skipped", report.skipped.to_string()),
                ],
            );
            println!("{message}");
        }
        LibraryCommand::Remove { id } => {
            let title = library
                .store()
                .library_item(id)?
                .map(|item| item.title)
                .unwrap_or_default();
            library.remove(id)?;
            let message = l10n.message(
                "cli-library-removed",
                &[
                    ("id", id.to_string()),
                    ("title", title),
                    ("days", UNDO_DAYS.to_string()),
                ],
            );
            println!("{message}");
        }
        LibraryCommand::Search { words } => {
            let query = words.join(" ");
            let hits = library.search(&query)?;
            if hits.is_empty() {
                eprintln!(
                    "{}",
                    l10n.message("cli-library-no-results", &[("query", query)])
                );
            }
            for hit in hits {
                println!(
                    "{}\t{}\t{}",
                    hit.item.id,
                    marked(&hit.title_marked),
                    marked(&hit.snippet_marked)
                );
            }
        }
        LibraryCommand::Export { file } => {
            let count = library.export(&file)?;
            let message = l10n.message(
                "cli-library-exported",
                &[
                    ("count", count.to_string()),
                    ("path", file.display().to_string()),
                ],
            );
            println!("{message}");
        }
        LibraryCommand::Import { file } => {
            let report = library.import(&file)?;
            let message = l10n.message(
                "cli-library-imported",
                &[
                    ("added", report.added.to_string()),
                    ("kept", report.kept.to_string()),
                    ("positions", report.positions.to_string()),
                ],
            );
            println!("{message}");
            if report.settings {
                println!("{}", l10n.message("cli-library-imported-settings", &[]));
            }
        }
        LibraryCommand::ExportArticle { id, file, markdown } => {
            let format = if markdown {
                ExportFormat::Markdown
            } else {
                ExportFormat::Html
            };
            let written = library.export_article(id, &file, format, l10n).await?;
            let message = l10n.message(
                "cli-library-article-exported",
                &[
                    ("path", written.path.display().to_string()),
                    ("pictures", written.pictures.to_string()),
                    ("missing", written.missing.to_string()),
                ],
            );
            println!("{message}");
        }
    }
    Ok(())
}

/// How far the reader got, in whole percent of the words.
fn percent_read(item: &LibraryItem) -> u64 {
    (item.words_read * 100)
        .checked_div(item.words)
        .unwrap_or(0)
        .min(100)
}

/// Text on one line of tab-separated output: tabs and line breaks become
/// spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// Segments with the matches in `**bold**`, as in the Markdown `extract`
/// writes.
fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            let text = one_line(&s.text);
            if s.mark { format!("**{text}**") } else { text }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_names_a_store_file_or_its_folder() {
        let dir = std::env::temp_dir();
        assert_eq!(
            store_folder(Some(&dir)).ok().flatten().as_deref(),
            Some(dir.as_path())
        );
        let file = dir.join("family").join(FILE_NAME);
        assert_eq!(
            store_folder(Some(&file)).ok().flatten().as_deref(),
            Some(dir.join("family").as_path())
        );
        assert_eq!(
            store_folder(Some(Path::new(FILE_NAME)))
                .ok()
                .flatten()
                .as_deref(),
            Some(Path::new("."))
        );
        assert!(matches!(
            store_folder(Some(Path::new("/nowhere/notes.db"))),
            Err(Failure::StoreName(_))
        ));
        let new = dir.join(format!("care-reader-new-{}", std::process::id()));
        assert_eq!(
            store_folder(Some(&new)).ok().flatten().as_deref(),
            Some(new.as_path())
        );
        assert!(matches!(store_folder(None), Ok(None)));
    }

    #[test]
    fn matches_are_bold_and_lines_stay_lines() {
        let segments = [
            Segment {
                text: "秋天的".into(),
                mark: false,
            },
            Segment {
                text: "银杏".into(),
                mark: true,
            },
            Segment {
                text: "叶\n很美".into(),
                mark: false,
            },
        ];
        assert_eq!(marked(&segments), "秋天的**银杏**叶 很美");
    }
}
