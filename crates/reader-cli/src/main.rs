//! `care-reader`: Care Reader (关怀阅读) on the command line.
//!
//! ```text
//! care-reader extract https://news.163.com/a/b.html --format markdown
//! care-reader extract saved.html --url https://example.com/news/ --format json
//! curl -s https://example.com/a | care-reader extract - --format text
//! care-reader extract --batch pages.tsv      # html_path<TAB>url<TAB>out_path
//! care-reader read https://news.163.com/a/b.html --rate 1.5   # read aloud
//! care-reader read --dry-run page.html      # what each voice would be given
//! care-reader voices --lang zh
//! care-reader library save https://news.163.com/a/b.html   # keep it, pictures too
//! care-reader library list                   # id, kept, read, title, address
//! care-reader library search 银杏
//! care-reader library remove 12
//! care-reader library export backup.json     # and `import backup.json`
//! care-reader library export-article 12 ginkgo.html   # to print or share
//! care-reader library export-article 12 ginkgo.md --markdown
//! care-reader library list --store /mnt/mum/care-reader.sqlite3
//! care-reader sources add https://www.people.com.cn/    # a site or its feed
//! care-reader sources headlines --refresh    # source, time, title, address
//! care-reader profile export mum.json        # the family setup, to take elsewhere
//! ```
//!
//! Errors go to standard error in the reader's language (`--lang`, else the
//! environment), and each class of error has its own exit code (see
//! [`EXIT_CODES_HELP`]) so scripts can branch without parsing messages.

#![forbid(unsafe_code)]

mod library;
mod profile;
mod read;
mod sources;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use reader_app::{
    LoadError, LoadOptions, Loaded, extract_here, load, load_file_here, read_file_here,
};
use reader_article::Article;
use reader_errors::{Coded, EXIT_CODES, ErrorCode};
use reader_l10n::Localizer;
use reader_web::fetch::{FetchError, Source};
use url::Url;

/// Shown at the end of `--help`: the exit codes, from the one table in
/// `reader-errors`, and where messages get their language.
fn exit_codes_help() -> String {
    let mut help = String::from(
        "Exit codes:\n  0  success (in --batch mode: the list was read, even if some pages failed)\n",
    );
    for (code, meaning) in EXIT_CODES {
        help.push_str(&format!("  {code}  {meaning}\n"));
    }
    help.push_str(
        "\nMessages follow --lang, else LC_ALL, LC_MESSAGES, LANG, else the system language.",
    );
    help
}

#[derive(Debug, Parser)]
#[command(
    name = "care-reader",
    version,
    about = "Care Reader (关怀阅读): clean, readable articles from web pages.",
    after_long_help = exit_codes_help()
)]
struct Cli {
    /// Language of messages: zh-CN or en-US (default: from the environment).
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract the article from a web page, a saved HTML file or standard input.
    #[command(after_long_help = exit_codes_help())]
    Extract(ExtractArgs),
    /// Read an article aloud, printing each sentence as it is spoken.
    #[command(after_long_help = exit_codes_help())]
    Read(ReadArgs),
    /// List the voices of the speech engine (`*` marks the narrator's pick).
    Voices(VoicesArgs),
    /// The library of kept articles: the app's own (or the one --store names).
    #[command(after_long_help = exit_codes_help())]
    Library(library::LibraryArgs),
    /// The news sources Home shows: add, list, remove, refresh, headlines,
    /// and OPML lists in and out (the app's own store, or --store).
    #[command(after_long_help = exit_codes_help())]
    Sources(sources::SourcesArgs),
    /// The family setup (settings, sources, pronunciations, the simple
    /// mode's PIN) as one file: export here, import on a parent's computer.
    #[command(after_long_help = exit_codes_help())]
    Profile(profile::ProfileArgs),
}

#[derive(Debug, Args)]
struct ReadArgs {
    /// An http(s) address, a file (HTML, text or MHTML), or `-` for standard input.
    #[arg(value_name = "URL|PATH|-")]
    input: String,

    /// A voice id from `care-reader voices` (used for its language).
    #[arg(long, value_name = "ID")]
    voice: Option<String>,

    /// Speed, from 0.5 to 3 (1 is the voice's normal speed).
    #[arg(long, default_value_t = 1.0, value_parser = parse_rate)]
    rate: f32,

    /// Start at sentence N (1 is the first; numbers are printed while reading).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    from: Option<u32>,

    /// Say nothing; print what each voice would be given, one utterance a
    /// line: SENTENCE<TAB>VOICE<TAB>TEXT (sentence 0 is the title, the
    /// article's body counts from 1).
    #[arg(long)]
    dry_run: bool,

    /// The store whose pronunciation dictionary applies: its file
    /// (care-reader.sqlite3) or its folder; the app's own by default.
    #[arg(long, value_name = "DIR|FILE")]
    store: Option<PathBuf>,
}

/// `--lang` (the global option) also picks the voices' language here:
/// `care-reader voices --lang zh` lists Chinese voices, in Chinese.
#[derive(Debug, Args)]
struct VoicesArgs {
    /// Also list every variant of every voice (espeak-ng has thousands).
    #[arg(long)]
    all: bool,
}

/// `--rate`: a number from 0.5 to 3.
fn parse_rate(text: &str) -> Result<f32, String> {
    let rate: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    let (lo, hi) = reader_settings::SPEECH_RATE_RANGE;
    if (lo..=hi).contains(&rate) {
        Ok(rate)
    } else {
        Err(format!("the speed must be between {lo} and {hi}"))
    }
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// An http(s) address, a file (HTML, text or MHTML), or `-` for standard input.
    #[arg(value_name = "URL|PATH|-", required_unless_present = "batch")]
    input: Option<String>,

    /// The page's own address: resolves relative links and images (useful for
    /// saved files and standard input). Empty means none.
    #[arg(long = "url", value_name = "BASE", conflicts_with = "batch")]
    base: Option<String>,

    /// Output format [default: markdown; text in --batch mode].
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// Extract many saved pages. LIST has one page per line:
    /// `html_path<TAB>url<TAB>out_path` (url may be empty). Each result goes to
    /// out_path and the extraction time in milliseconds to out_path.ms; a page
    /// that fails gets an empty out_path and a message, and the batch goes on.
    #[arg(long, value_name = "LIST", conflicts_with = "input")]
    batch: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The whole article as JSON (title, metadata and structured blocks).
    Json,
    /// The body only, one paragraph (or list item, caption) per line.
    Text,
    /// A readable document: title, byline, headings, links, images, tables.
    Markdown,
}

/// Why the command failed: opening the article, speech, or one of the
/// CLI's own.
#[derive(Debug)]
enum Failure {
    Load(LoadError),
    InvalidBase(String),
    /// Reading aloud failed: no engine, no voice, no sound.
    Speech(narrator::EngineError),
    /// `read --voice ID` with an id the engine does not have.
    UnknownVoice(String),
    Write {
        path: String,
        source: std::io::Error,
    },
    /// The library: its store, a backup, or opening the page to keep.
    Library(reader_app::LibraryError),
    /// `library export-article`: the article, or writing its file.
    Export(reader_app::ExportError),
    /// `sources`: a feed, a site, an OPML file, or the store.
    Sources(reader_app::SourcesError),
    /// `profile`: the family setup file, or the store.
    Family(reader_app::family::FamilyError),
    /// `--store PATH` that names neither a store file nor a folder.
    StoreName(String),
    Unexpected(String),
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::Load(e)
    }
}

impl From<narrator::EngineError> for Failure {
    fn from(e: narrator::EngineError) -> Self {
        Failure::Speech(e)
    }
}

impl Failure {
    fn exit_code(&self) -> u8 {
        match self {
            Failure::Load(e) => e.code().exit_code(),
            Failure::Speech(e) => e.code().exit_code(),
            // A usage error, like an unknown option.
            Failure::UnknownVoice(_) | Failure::StoreName(_) => 2,
            Failure::Library(e) => e.code().exit_code(),
            Failure::Export(e) => e.code().exit_code(),
            Failure::Sources(e) => e.code().exit_code(),
            Failure::Family(e) => e.code().exit_code(),
            Failure::InvalidBase(_) => ErrorCode::InvalidAddress.exit_code(),
            Failure::Write { .. } | Failure::Unexpected(_) => 1,
        }
    }

    fn message(&self, l10n: &Localizer) -> String {
        match self {
            Failure::Load(e) => e.localize(l10n).message,
            Failure::InvalidBase(url) => {
                l10n.message("cli-invalid-base-url", &[("url", url.clone())])
            }
            Failure::Speech(e) => e.localize(l10n).message,
            Failure::UnknownVoice(voice) => {
                l10n.message("cli-unknown-voice", &[("voice", voice.clone())])
            }
            Failure::Library(e) => e.localize(l10n).message,
            Failure::Export(e) => e.localize(l10n).message,
            Failure::Sources(e) => e.localize(l10n).message,
            Failure::Family(e) => e.localize(l10n).message,
            Failure::StoreName(path) => l10n.message(
                "cli-store-name",
                &[
                    ("path", path.clone()),
                    ("name", reader_store::FILE_NAME.to_owned()),
                ],
            ),
            Failure::Write { path, source } => l10n.message(
                "cli-write-failed",
                &[("path", path.clone()), ("detail", source.to_string())],
            ),
            Failure::Unexpected(detail) => detail.clone(),
        }
    }
}

/// Exit code for an unreadable `--batch` list (a file error).
const EXIT_BATCH_LIST: u8 = ErrorCode::Io.exit_code();

fn main() -> ExitCode {
    // Usage errors exit with 2 here (clap's convention).
    let cli = Cli::parse();
    // Its messages are parsed only when one is printed.
    let l10n = Localizer::from_env(cli.lang.as_deref());
    match cli.command {
        Command::Extract(args) => match (&args.batch, &args.input) {
            (Some(list), _) => run_batch(list, args.format, &l10n),
            (None, Some(input)) => done(&l10n, run_extract(input, &args)),
            // clap requires one of the two; stay calm if that ever changes.
            (None, None) => {
                let nothing = FetchError::InvalidAddress {
                    address: String::new(),
                };
                fail(&l10n, &Failure::from(LoadError::from(nothing)))
            }
        },
        Command::Read(args) => {
            let result = library::store_folder(args.store.as_deref()).and_then(|folder| {
                let pronunciations = read::store_pronunciations(folder.as_deref());
                runtime()?.block_on(load_article(&args.input)).and_then(
                    |Loaded { article, .. }| {
                        let options = read::ReadOptions {
                            voice: args.voice,
                            pronunciations,
                            rate: args.rate,
                            from: args.from.map(|n| n as usize),
                        };
                        if args.dry_run {
                            read::dry_run(&article, &options, &l10n)
                        } else {
                            read::read(&article, &options, &l10n)
                        }
                    },
                )
            });
            done(&l10n, result)
        }
        Command::Voices(args) => {
            let lang = cli.lang.as_deref().and_then(narrator::text::Lang::from_tag);
            done(&l10n, read::voices(lang, args.all))
        }
        Command::Library(args) => done(
            &l10n,
            runtime().and_then(|rt| rt.block_on(library::run(args, &l10n))),
        ),
        Command::Sources(args) => done(
            &l10n,
            runtime().and_then(|rt| rt.block_on(sources::run(args, &l10n))),
        ),
        Command::Profile(args) => done(&l10n, profile::run(args, &l10n)),
    }
}

/// The runtime for a command that goes on the network. A single thread is
/// plenty for one fetch at a time, and keeps the second core free for
/// parsing. Saved pages are read without one.
fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Unexpected(e.to_string()))
}

/// Fetches and extracts the article at `input` (standard input too).
async fn load_article(input: &str) -> Result<Loaded, Failure> {
    load_with(input, None).await
}

async fn load_with(input: &str, base: Option<Url>) -> Result<Loaded, Failure> {
    let options = LoadOptions {
        allow_stdin: true,
        base,
        ..LoadOptions::default()
    };
    Ok(load(input, &options, |_| {}).await?)
}

/// Success, or the failure printed with its exit code.
fn done(l10n: &Localizer, result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => fail(l10n, &failure),
    }
}

/// Print the localised error and give its exit code.
fn fail(l10n: &Localizer, failure: &Failure) -> ExitCode {
    let message = failure.message(l10n);
    eprintln!("{}", l10n.message("cli-error", &[("message", message)]));
    ExitCode::from(failure.exit_code())
}

fn run_extract(input: &str, args: &ExtractArgs) -> Result<(), Failure> {
    // An empty --url (a script passing an unknown address) means no --url.
    let base = match args.base.as_deref().filter(|b| !b.trim().is_empty()) {
        Some(base) => Some(parse_base(base)?),
        None => None,
    };
    let article = match Source::parse(input) {
        Ok(Source::File(path)) => {
            let options = LoadOptions {
                base,
                ..LoadOptions::default()
            };
            load_file_here(&path, &options)?.article
        }
        _ => runtime()?.block_on(load_with(input, base))?.article,
    };
    let output = render(&article, args.format.unwrap_or(Format::Markdown))?;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        // `care-reader extract ... | head` is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(Failure::Write {
            path: "-".to_owned(),
            source,
        }),
    }
}

/// `--url BASE` (or a batch line's url): an absolute http(s) address.
fn parse_base(base: &str) -> Result<Url, Failure> {
    match Url::parse(base.trim()) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => Ok(url),
        _ => Err(Failure::InvalidBase(base.to_owned())),
    }
}

fn render(article: &Article, format: Format) -> Result<String, Failure> {
    Ok(match format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(article)
                .map_err(|e| Failure::Unexpected(e.to_string()))?;
            json.push('\n');
            json
        }
        Format::Text => article.body_text(),
        Format::Markdown => reader_export::markdown::render(article),
    })
}

/// `extract --batch LIST`: every line is extracted; failures are reported
/// and skipped. Only an unreadable list fails the command. Pages are read
/// and extracted one after another on this thread: there is nothing to
/// overlap, and handing each page to another thread cost more than it saved.
fn run_batch(list: &Path, format: Option<Format>, l10n: &Localizer) -> ExitCode {
    let text = match std::fs::read(list) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            let message = l10n.message(
                "cli-batch-list-unreadable",
                &[
                    ("path", list.display().to_string()),
                    ("detail", e.to_string()),
                ],
            );
            eprintln!("{}", l10n.message("cli-error", &[("message", message)]));
            return ExitCode::from(EXIT_BATCH_LIST);
        }
    };
    let format = format.unwrap_or(Format::Text);
    let (mut total, mut ok, mut failed) = (0_usize, 0_usize, 0_usize);
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        total += 1;
        let columns: Vec<&str> = line.splitn(3, '\t').collect();
        let [html, url, out] = columns[..] else {
            failed += 1;
            let line_number = (index + 1).to_string();
            eprintln!(
                "{}",
                l10n.message("cli-batch-bad-line", &[("line", line_number)])
            );
            continue;
        };
        let url = url.trim();
        // A bad address only costs the page its links, not its text.
        let base = match url {
            "" => None,
            url => parse_base(url)
                .inspect_err(|_| {
                    let warning = l10n.message(
                        "cli-batch-ignored-url",
                        &[("path", html.to_owned()), ("url", url.to_owned())],
                    );
                    eprintln!("{warning}");
                })
                .ok(),
        };
        match batch_page(html, base, out, format) {
            Ok(()) => ok += 1,
            Err(failure) => {
                failed += 1;
                let message = l10n.message(
                    "cli-batch-page-failed",
                    &[
                        ("path", html.to_owned()),
                        ("message", failure.message(l10n)),
                    ],
                );
                eprintln!("{message}");
            }
        }
    }
    let summary = l10n.message(
        "cli-batch-summary",
        &[
            ("total", total.to_string()),
            ("ok", ok.to_string()),
            ("failed", failed.to_string()),
        ],
    );
    eprintln!("{summary}");
    ExitCode::SUCCESS
}

/// One batch line. The output file is always written (empty on failure) so
/// a harness never reads a stale result; `<out>.ms` holds the time spent
/// parsing and extracting (not reading the file), whenever extraction ran.
fn batch_page(html: &str, base: Option<Url>, out: &str, format: Format) -> Result<(), Failure> {
    let out_path = Path::new(out);
    if let Some(dir) = out_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // A folder that can't be made shows up as a write error below.
        let _ = std::fs::create_dir_all(dir);
    }
    let (result, elapsed_ms) = extract_timed(html, base);
    if let Some(ms) = elapsed_ms {
        write_file(&PathBuf::from(format!("{out}.ms")), &format!("{ms:.3}"))?;
    }
    match result.and_then(|article| render(&article, format)) {
        Ok(text) => write_file(out_path, &text),
        Err(failure) => {
            // The page's own failure is the one worth reporting.
            let _ = write_file(out_path, "");
            Err(failure)
        }
    }
}

fn write_file(path: &Path, contents: &str) -> Result<(), Failure> {
    std::fs::write(path, contents).map_err(|source| Failure::Write {
        path: path.display().to_string(),
        source,
    })
}

/// Read `html`, then parse and extract it with `base` as its address; the
/// milliseconds are there whenever extraction ran.
fn extract_timed(html: &str, base: Option<Url>) -> (Result<Article, Failure>, Option<f64>) {
    let options = LoadOptions {
        base,
        ..LoadOptions::default()
    };
    // A path, even one that looks like an address or `-`.
    let page = match read_file_here(Path::new(html), &options) {
        Ok(page) => page,
        Err(e) => return (Err(e.into()), None),
    };
    let (result, took) = extract_here(&page);
    (
        result.map_err(Failure::from),
        Some(took.as_secs_f64() * 1000.0),
    )
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn every_exit_code_is_in_the_help() {
        let help = exit_codes_help();
        for code in ErrorCode::ALL {
            let exit = code.exit_code();
            assert!(
                help.contains(&format!("\n  {exit}  ")),
                "exit code {exit} of {code} is not documented"
            );
        }
        // The codes of opening a page each have their own exit code.
        assert_eq!(ErrorCode::Timeout.exit_code(), 4);
        assert_eq!(ErrorCode::NoArticle.exit_code(), 8);
        assert_eq!(Failure::InvalidBase(String::new()).exit_code(), 3);
        assert_eq!(EXIT_BATCH_LIST, 7);
    }

    #[test]
    fn every_speech_error_exits_with_nine() {
        use narrator::EngineError;
        let errors = [
            EngineError::Missing {
                detail: String::new(),
            },
            EngineError::NoVoice {
                lang: narrator::text::Lang::Zh,
            },
            EngineError::Silent,
            EngineError::Failed {
                detail: String::new(),
            },
        ];
        for e in errors {
            assert_eq!(Failure::Speech(e.clone()).exit_code(), 9, "{e:?}");
        }
        assert!(exit_codes_help().contains("\n  9  speech"));
    }

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn base_must_be_an_absolute_web_address() {
        assert!(parse_base("https://example.com/news/").is_ok());
        assert!(parse_base(" http://example.com ").is_ok());
        for bad in [
            "example.com",
            "/news/a.html",
            "file:///tmp/a.html",
            "javascript:x",
            "",
        ] {
            assert!(
                matches!(parse_base(bad), Err(Failure::InvalidBase(_))),
                "{bad}"
            );
        }
    }
}
