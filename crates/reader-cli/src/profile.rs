//! `care-reader profile export|import FILE`: the family setup (settings,
//! news sources, pronunciations, the simple mode's PIN) as one file, so a
//! family can prepare it on their own computer — or over a remote shell —
//! and take it on a parent's. The rules are [`reader_app::family`]'s.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use reader_app::Library;
use reader_app::family::{self, FamilyError};
use reader_errors::Coded;
use reader_l10n::Localizer;

use crate::Failure;
use crate::library::store_folder;

#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// The store to use: its file (care-reader.sqlite3) or the folder it is
    /// in, made if it is new [default: the app's own, in the system's folder
    /// for app data].
    #[arg(long, global = true, value_name = "FILE")]
    store: Option<PathBuf>,

    #[command(subcommand)]
    command: ProfileCommand,
}

#[derive(Debug, Subcommand)]
enum ProfileCommand {
    /// Write the family setup to FILE (JSON).
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Take the family setup in FILE: its settings replace these, its
    /// sources and pronunciations are added. A damaged file changes nothing.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

impl From<FamilyError> for Failure {
    fn from(e: FamilyError) -> Failure {
        Failure::Family(e)
    }
}

pub fn run(args: ProfileArgs, l10n: &Localizer) -> Result<(), Failure> {
    let folder = store_folder(args.store.as_deref())?;
    let (library, notice) = Library::open(folder.as_deref())?;
    if let Some(notice) = notice {
        eprintln!("{}", notice.code.localize(l10n).message);
    }
    let store = library.store();
    match args.command {
        ProfileCommand::Export { file } => {
            family::export(&store, &file, None)?;
            let message = l10n.message(
                "cli-profile-exported",
                &[("path", file.display().to_string())],
            );
            println!("{message}");
        }
        ProfileCommand::Import { file } => {
            let setup = family::import(&store, &file)?;
            let message = l10n.message(
                "cli-profile-imported",
                &[
                    ("sources", setup.sources.len().to_string()),
                    ("words", setup.pronunciations.len().to_string()),
                ],
            );
            println!("{message}");
        }
    }
    Ok(())
}
