//! Opening a source, the one way: parse what the reader gave, fetch it,
//! extract the article off the async thread. The window (through
//! [`crate::App::open`]) and every command of the CLI (`extract`, `--batch`,
//! `read`) go through [`load`].

use std::path::Path;
use std::time::{Duration, Instant};

use reader_article::Article;
use reader_errors::{Coded, ErrorCode, UiError};
use reader_l10n::Localizer;
use reader_web::fetch::{self, FetchError, FetchOptions, Page, Source};
use serde::Serialize;
use url::Url;

/// Where opening has got to, for a loading view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "stage", rename_all = "lowercase")]
pub enum Progress {
    Fetching,
    Extracting,
    Done,
}

/// How to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Standard input (`-`) is a source: true for the command line, false in
    /// a window, where it makes no sense.
    pub allow_stdin: bool,
    /// The page's own address, overriding where it was read from (a saved
    /// page's `--url`): resolves its links and images.
    pub base: Option<Url>,
    pub fetch: FetchOptions,
}

/// An article and what it was loaded from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// What the store remembers it by: the parsed URL, or the file's path.
    pub key: String,
    pub article: Article,
    /// Parsing and extraction alone, without fetching (for `--batch` timings).
    pub extract_time: Duration,
}

/// Why a source could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Page(#[from] reader_web::Error),
    /// A saved page on this computer could not be read or has no article:
    /// the browser cannot help with it, another file may.
    #[error(transparent)]
    File(reader_web::Error),
    /// Standard input where it is not allowed.
    #[error("standard input cannot be opened here")]
    Stdin,
    /// The extraction task stopped (it panicked or the runtime is shutting down).
    #[error("the extraction task stopped")]
    Task,
}

impl From<FetchError> for LoadError {
    fn from(e: FetchError) -> Self {
        LoadError::Page(e.into())
    }
}

impl Coded for LoadError {
    fn code(&self) -> ErrorCode {
        match self {
            LoadError::Page(e) | LoadError::File(e) => e.code(),
            LoadError::Stdin => ErrorCode::InvalidAddress,
            LoadError::Task => ErrorCode::Internal,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            LoadError::Page(e) | LoadError::File(e) => e.l10n_args(),
            LoadError::Stdin => vec![("address", "-".to_owned())],
            LoadError::Task => Vec::new(),
        }
    }

    fn localize(&self, l10n: &Localizer) -> UiError {
        let shown = UiError::new(l10n, self.code(), &self.l10n_args());
        match self {
            LoadError::File(_) => shown.from_local_file(),
            _ => shown,
        }
    }
}

/// Loads the article at `source` (an http(s) address, a `file://` URL, a
/// path, or `-`), reporting each stage to `progress`.
pub async fn load(
    source: &str,
    options: &LoadOptions,
    mut progress: impl FnMut(Progress),
) -> Result<Loaded, LoadError> {
    progress(Progress::Fetching);
    let parsed = Source::parse(source)?;
    let local = matches!(parsed, Source::File(_));
    let loaded = async {
        let (key, page) = fetch_parsed(parsed, options).await?;
        progress(Progress::Extracting);
        let (result, extract_time) = extract_off_thread(page).await;
        Ok(Loaded {
            key,
            article: result?,
            extract_time,
        })
    }
    .await;
    match loaded {
        Ok(loaded) => {
            progress(Progress::Done);
            Ok(loaded)
        }
        Err(e) if local => Err(as_local(e)),
        Err(e) => Err(e),
    }
}

/// [`load`] for a saved page, on the calling thread and without a runtime:
/// a command that opens one file has nothing to overlap with reading it.
pub fn load_file_here(path: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let page = read_file_here(path, options).map_err(as_local)?;
    let (result, extract_time) = extract_here(&page);
    Ok(Loaded {
        key: path.display().to_string(),
        article: result.map_err(as_local)?,
        extract_time,
    })
}

/// A page that failed to open from this computer: the browser cannot help
/// with it, another file may.
fn as_local(e: LoadError) -> LoadError {
    match e {
        LoadError::Page(e) => LoadError::File(e),
        e => e,
    }
}

/// The first half of [`load`]: the page at `source`, and the key the store
/// knows it by.
pub async fn fetch_source(
    source: &str,
    options: &LoadOptions,
) -> Result<(String, Page), LoadError> {
    fetch_parsed(Source::parse(source)?, options).await
}

/// [`fetch_source`] for a source already parsed (a `--batch` line names a
/// file, whatever it looks like).
pub async fn fetch_parsed(
    parsed: Source,
    options: &LoadOptions,
) -> Result<(String, Page), LoadError> {
    let key = match &parsed {
        Source::Web(url) => url.to_string(),
        Source::File(path) => path.display().to_string(),
        Source::Stdin if options.allow_stdin => "-".to_owned(),
        Source::Stdin => return Err(LoadError::Stdin),
    };
    let mut page = fetch::fetch(&parsed, &options.fetch).await?;
    if let Some(base) = &options.base {
        page.url = Some(base.clone());
    }
    Ok((key, page))
}

/// The second half of [`load`]: the article of `page`, and how long parsing
/// and extraction took, whether it succeeded or not.
pub async fn extract_off_thread(page: Page) -> (Result<Article, LoadError>, Duration) {
    // `scraper::Html` is not `Send`: extraction runs on a blocking thread
    // and hands back the owned Article.
    let task = tokio::task::spawn_blocking(move || extract_here(&page)).await;
    match task {
        Ok(done) => done,
        Err(_) => (Err(LoadError::Task), Duration::ZERO),
    }
}

/// [`extract_off_thread`] on the calling thread, for a caller that has no
/// async work to keep going meanwhile (the command line's `--batch`).
pub fn extract_here(page: &Page) -> (Result<Article, LoadError>, Duration) {
    let start = Instant::now();
    let result = reader_web::extract::extract_page(page);
    let took = start.elapsed();
    (result.map_err(|e| reader_web::Error::from(e).into()), took)
}

/// A saved page read on the calling thread, with `options.base` as its
/// address: [`fetch_parsed`] for a file, without a runtime.
pub fn read_file_here(path: &Path, options: &LoadOptions) -> Result<Page, LoadError> {
    let mut page = fetch::fetch_file_blocking(path, &options.fetch)?;
    if let Some(base) = &options.base {
        page.url = Some(base.clone());
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use reader_errors::Action;

    use super::*;

    fn run<T>(f: impl std::future::Future<Output = T>) -> T {
        match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt.block_on(f),
            Err(e) => panic!("no runtime: {e}"),
        }
    }

    fn page(dir: &std::path::Path) -> std::path::PathBuf {
        let path = dir.join("page.html");
        let body = "<p>A calm paragraph about the river, long enough to count as an article. \
                    It goes on for a while, as articles do, with a second sentence.</p>"
            .repeat(4);
        let html = format!(
            "<html><head><title>The river</title></head><body><article><h1>The river</h1>\
             {body}<img src=\"pic.jpg\" alt=\"A river\"></article></body></html>"
        );
        if let Err(e) = std::fs::write(&path, html) {
            panic!("{e}");
        }
        path
    }

    #[test]
    fn a_saved_page_loads_in_stages_with_its_key() {
        let dir = std::env::temp_dir().join(format!("reader-app-load-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = page(&dir);
        let mut stages = Vec::new();
        let options = LoadOptions {
            base: Url::parse("https://example.com/news/river.html").ok(),
            ..LoadOptions::default()
        };
        let loaded = run(load(&path.display().to_string(), &options, |p| {
            stages.push(p)
        }));
        let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            stages,
            [Progress::Fetching, Progress::Extracting, Progress::Done]
        );
        assert_eq!(loaded.key, path.display().to_string());
        assert_eq!(loaded.article.title, "The river");
        // The base address resolved the picture.
        assert!(
            loaded.article.body_text().contains("river"),
            "{:?}",
            loaded.article
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn stdin_only_where_allowed_and_errors_keep_their_codes() {
        let refused = run(load("-", &LoadOptions::default(), |_| {}));
        let e = refused
            .err()
            .unwrap_or_else(|| panic!("stdin was accepted"));
        assert_eq!(e.code(), ErrorCode::InvalidAddress);
        let l10n = Localizer::new("en-US");
        assert!(e.localize(&l10n).message.contains("“-”"));
        let missing = run(load(
            "/no/such/dir/page.html",
            &LoadOptions::default(),
            |_| {},
        ));
        let e = missing
            .err()
            .unwrap_or_else(|| panic!("a missing file loaded"));
        assert_eq!(e.code(), ErrorCode::FileNotFound);
        // A saved page is helped by another file, never by the browser.
        assert_eq!(
            e.localize(&l10n).actions,
            [Action::ChooseFile, Action::FixAddress, Action::Home]
        );
        let garbage = run(load("javascript:alert(1)", &LoadOptions::default(), |_| {}));
        assert_eq!(
            garbage.err().map(|e| e.code()),
            Some(ErrorCode::UnsupportedScheme)
        );
    }

    /// A saved picture or directory listing is refused with what helps: another file.
    #[test]
    fn saved_pages_that_are_no_article_offer_another_file() {
        let fixtures =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/app");
        let l10n = Localizer::new("en-US");
        for (file, code) in [
            ("photo.png", ErrorCode::UnsupportedContentType),
            ("listing.html", ErrorCode::NoArticle),
        ] {
            let path = fixtures.join(file).display().to_string();
            let e = run(load(&path, &LoadOptions::default(), |_| {}))
                .err()
                .unwrap_or_else(|| panic!("{file} loaded"));
            assert_eq!(e.code(), code, "{file}");
            let shown = e.localize(&l10n);
            assert_eq!(shown.actions, [Action::ChooseFile, Action::Home], "{file}");
            assert!(!shown.message.contains("image/"), "{}", shown.message);
        }
    }

    /// The command line's way in: the same article and the same errors,
    /// without a runtime.
    #[test]
    fn a_saved_page_loads_here_as_it_loads_async() {
        let dir = std::env::temp_dir().join(format!("reader-app-here-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = page(&dir);
        let options = LoadOptions {
            base: Url::parse("https://example.com/news/river.html").ok(),
            ..LoadOptions::default()
        };
        let here = load_file_here(&path, &options).unwrap_or_else(|e| panic!("{e}"));
        let async_ = run(load(&path.display().to_string(), &options, |_| {}))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(here.key, async_.key);
        assert_eq!(here.article, async_.article);
        let _ = std::fs::remove_dir_all(&dir);

        let fixtures =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/app");
        for (path, code) in [
            (dir.join("gone.html"), ErrorCode::FileNotFound),
            (
                fixtures.join("photo.png"),
                ErrorCode::UnsupportedContentType,
            ),
            (fixtures.join("listing.html"), ErrorCode::NoArticle),
        ] {
            let e = load_file_here(&path, &LoadOptions::default())
                .err()
                .unwrap_or_else(|| panic!("{} loaded", path.display()));
            assert_eq!(e.code(), code, "{}", path.display());
            assert!(matches!(e, LoadError::File(_)), "{e:?}");
        }
    }
}
