//! The extraction corpus (`../shared/corpus`, see its README.md): finding it,
//! listing its cases and reading a case's page, reference text and metadata.
//!
//! The corpus is third-party content kept outside the repository. When it is
//! missing, the loader says so loudly on stderr and the tests that need it
//! return early instead of failing, so the rest of the suite still runs.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The corpus sources, in the order reports list them.
pub const SOURCES: [&str; 4] = ["zyte", "gne-zh", "cleaneval-zh", "readability"];

/// Environment variable that points at another corpus folder.
pub const CORPUS_ENV: &str = "CARE_READER_CORPUS";

/// Where the corpus should be: `$CARE_READER_CORPUS`, else `shared/corpus`
/// beside the repository (`<workspace>/../shared/corpus`).
pub fn corpus_path() -> PathBuf {
    match std::env::var_os(CORPUS_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    }
}

/// The corpus folder when it exists; otherwise prints a loud skip message
/// (naming `what` is skipped) and returns `None`.
pub fn corpus_root_or_skip(what: &str) -> Option<PathBuf> {
    let path = corpus_path();
    if path.is_dir() {
        Some(path)
    } else {
        let cwd = std::env::current_dir().unwrap_or_default();
        let message = format!(
            "\n**********************************************************************\n\
             SKIPPED: {what}: corpus not found at {}\n\
             (set {CORPUS_ENV} to the folder that holds zyte/, gne-zh/, ...;\n\
             a relative path is taken from {})\n\
             **********************************************************************\n",
            path.display(),
            cwd.display()
        );
        // Straight to stderr, past the test harness's capture: a skip must be seen.
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(message.as_bytes());
        let _ = err.flush();
        None
    }
}

/// One page of the corpus.
#[derive(Debug, Clone)]
pub struct Case {
    pub source: String,
    pub name: String,
    pub dir: PathBuf,
    /// `meta.json` (an empty object when the file is missing).
    pub meta: serde_json::Value,
    /// The reference text; `None` for unlabelled cases.
    pub expected: Option<String>,
}

impl Case {
    /// The page's URL from `meta.json`, when known.
    pub fn url(&self) -> Option<&str> {
        self.meta
            .get("url")
            .and_then(serde_json::Value::as_str)
            .filter(|u| !u.is_empty())
    }

    /// The page's URL parsed, for use as the extraction base.
    pub fn base_url(&self) -> Option<url::Url> {
        self.url().and_then(|u| url::Url::parse(u).ok())
    }

    /// A string field of `meta.json` (`title`, `byline`, ...).
    pub fn meta_str(&self, key: &str) -> Option<&str> {
        self.meta.get(key).and_then(serde_json::Value::as_str)
    }

    /// `source/case`, for reports.
    pub fn id(&self) -> String {
        format!("{}/{}", self.source, self.name)
    }

    /// The page's HTML (UTF-8), decompressed from `source.html.gz` (or read from
    /// `source.html`). Invalid UTF-8 is replaced, as the Python tool does.
    pub fn html(&self) -> std::io::Result<String> {
        let bytes = self.html_bytes()?;
        Ok(String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }

    /// The page's raw bytes.
    pub fn html_bytes(&self) -> std::io::Result<Vec<u8>> {
        let gz = self.dir.join("source.html.gz");
        if gz.is_file() {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(fs::File::open(gz)?).read_to_end(&mut out)?;
            Ok(out)
        } else {
            fs::read(self.dir.join("source.html"))
        }
    }
}

/// Every case of one source (labelled or not), sorted by name.
pub fn load_source(root: &Path, source: &str) -> std::io::Result<Vec<Case>> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root.join(source))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html.gz").is_file() || p.join("source.html").is_file())
        .collect();
    dirs.sort();
    let mut cases = Vec::with_capacity(dirs.len());
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let meta = match fs::read_to_string(dir.join("meta.json")) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: {e}", dir.join("meta.json").display()),
                )
            })?,
            Err(_) => serde_json::Value::Object(serde_json::Map::new()),
        };
        let expected = match fs::read_to_string(dir.join("expected.txt")) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        cases.push(Case {
            source: source.to_owned(),
            name,
            dir,
            meta,
            expected,
        });
    }
    Ok(cases)
}

/// Every case of every source in [`SOURCES`] that exists under `root`.
pub fn load_all(root: &Path) -> std::io::Result<Vec<Case>> {
    let mut all = Vec::new();
    for source in SOURCES {
        if root.join(source).is_dir() {
            all.extend(load_source(root, source)?);
        }
    }
    Ok(all)
}

/// Collapses every run of whitespace to one space and trims (for titles).
pub fn normalise_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
