//! The command line: `care-reader-app [--welcome] [--data-dir DIR] [URL|PATH]`.
//!
//! A desktop shortcut or a file manager hands the app a page to open; the
//! README's run command asks for the welcome article; tests point the store
//! at a folder of their own. When an app already runs on that folder, the
//! page goes to its window instead ([`crate::instance`]).

use std::path::PathBuf;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Args {
    /// A URL or path to open at start.
    pub open: Option<String>,
    /// Open the welcome article at start.
    pub welcome: bool,
    /// Where the store lives (default: the OS app-data folder).
    pub data_dir: Option<PathBuf>,
}

impl Args {
    /// Reads the arguments after the program name. Unknown options are
    /// ignored (a launcher may add its own, like `%U` left unexpanded).
    pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Args {
        let mut out = Args::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--welcome" => out.welcome = true,
                "--data-dir" => out.data_dir = args.next().map(PathBuf::from),
                _ if arg.starts_with("--data-dir=") => {
                    out.data_dir = arg.split_once('=').map(|(_, d)| PathBuf::from(d));
                }
                _ if arg.starts_with('-') && arg != "-" => {}
                _ if out.open.is_none() && !arg.trim().is_empty() => out.open = Some(arg),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(a: &[&str]) -> Args {
        Args::parse(a.iter().map(|s| s.to_string()))
    }

    #[test]
    fn a_page_a_flag_and_a_folder() {
        let a = parse(&["--data-dir", "/tmp/x", "https://example.com/a", "--welcome"]);
        assert_eq!(a.open.as_deref(), Some("https://example.com/a"));
        assert!(a.welcome);
        assert_eq!(a.data_dir, Some(PathBuf::from("/tmp/x")));
        assert_eq!(
            parse(&["--data-dir=/d"]).data_dir,
            Some(PathBuf::from("/d"))
        );
        assert_eq!(
            parse(&["--unknown", "page.html"]).open.as_deref(),
            Some("page.html")
        );
        assert_eq!(parse(&[]), Args::default());
    }
}
