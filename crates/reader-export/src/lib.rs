//! # reader-export
//!
//! One article written out for printing or sharing, from the structured
//! [`Article`] (never the page's own HTML):
//!
//! - [`Format::Html`]: one self-contained `.html` file — calm, large,
//!   print-friendly CSS inline, the article's language and direction set,
//!   pictures embedded as `data:` URLs, every text escaped, and a content
//!   security policy that lets nothing but those pictures and that CSS in;
//! - [`Format::Markdown`]: `NAME.md` with its pictures beside it in
//!   `NAME-pictures/01.jpg`, `02.png` … — the layout browsers use for "save
//!   the complete page", so the file the reader named is the article and
//!   any Markdown viewer finds the pictures by their relative paths. The
//!   folder is made only when there are pictures.
//!
//! The caller brings the pictures it has ([`Pictures`], by the addresses in
//! the article) and the header's words in the reader's language
//! ([`Header`]); this crate holds no strings of its own, no store and no
//! network. A picture it is not given, or of a type it does not know, is
//! left out and its caption kept.
//!
//! ```
//! use reader_article::{Article, Block, Inline};
//! use reader_export::{Header, Pictures, html};
//! let article = Article {
//!     title: "Tom & Jerry <script>".into(),
//!     lang: Some("en".into()),
//!     blocks: vec![Block::Paragraph { content: vec![Inline::Text { text: "a < b".into() }] }],
//!     ..Article::default()
//! };
//! let header = Header {
//!     meta_line: "Example News · about 1 minute".into(),
//!     source_label: "Source:".into(),
//!     source: "https://example.com/a".into(),
//! };
//! let page = html::render(&article, &header, &Pictures::new());
//! assert!(page.contains("<h1>Tom &amp; Jerry &lt;script&gt;</h1>"));
//! assert!(page.contains("<p>a &lt; b</p>"));
//! assert!(page.contains(r#"<html lang="en" dir="ltr">"#));
//! ```

#![forbid(unsafe_code)]

mod base64;
pub mod html;
pub mod markdown;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use reader_article::{Article, Block};
use reader_errors::{Coded, ErrorCode};
use serde::{Deserialize, Serialize};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One self-contained HTML file, pictures inside.
    Html,
    /// A Markdown file, pictures in a folder beside it.
    Markdown,
}

impl Format {
    /// The file name's extension, without the dot.
    pub const fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }
}

/// One picture as the caller has it (kept, or fetched just now).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The pictures at hand, by their address in the article.
pub type Pictures = HashMap<String, Picture>;

/// The words at the top, already in the reader's language: the title comes
/// from the article, the rest from the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The line under the title, as the reader view shows it ("网易新闻 ·
    /// 2025年7月9日 · 约 5 分钟").
    pub meta_line: String,
    /// Said before the source address ("Source:", "原文：").
    pub source_label: String,
    /// Where the article came from. A link when it is an http(s) address,
    /// plain text otherwise (a saved file's path).
    pub source: String,
}

/// What [`write`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Written {
    /// The article's file (the Markdown's pictures are beside it).
    pub path: PathBuf,
    /// Pictures in the file (or beside it).
    pub pictures: usize,
    /// Pictures of the article left out: not at hand, or of an unknown type.
    pub missing: usize,
}

/// The file could not be written (a full disk, a folder the reader may not
/// write in). Nothing is left under the chosen name half-written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl Coded for WriteError {
    fn code(&self) -> ErrorCode {
        ErrorCode::Io
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("path", self.path.display().to_string()),
            ("detail", self.source.to_string()),
            // error-io says "could not be saved", not "opened".
            ("writing", "yes".to_owned()),
        ]
    }
}

/// The picture types an export embeds or names, with their extension: the
/// raster types the reader shows (reader-web's `IMAGE_TYPES`; reader-app's
/// tests hold the two lists together). SVG is not among them: it can carry
/// script.
const PICTURE_TYPES: &[(&str, &str)] = &[
    ("image/png", "png"),
    ("image/jpeg", "jpg"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    ("image/avif", "avif"),
    ("image/bmp", "bmp"),
];

/// The canonical type and extension of `content_type` (`image/JPEG;
/// charset=x` is `image/jpeg`), or `None` for a type not exported.
pub fn picture_type(content_type: &str) -> Option<(&'static str, &'static str)> {
    let essence = content_type.split(';').next()?.trim();
    PICTURE_TYPES
        .iter()
        .find(|(mime, _)| mime.eq_ignore_ascii_case(essence))
        .copied()
}

/// The addresses of the pictures an export shows, in order, once each: the
/// lead image first when the body does not show it (as the reader view
/// does), then the body's.
pub fn shown_images(article: &Article) -> Vec<&str> {
    let mut urls: Vec<&str> = Vec::new();
    let body = article.blocks.iter().filter_map(|b| match b {
        Block::Image { src, .. } => Some(src.as_str()),
        _ => None,
    });
    if let Some(lead) = lead_image(article) {
        urls.push(lead);
    }
    for url in body {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// The lead image when the body does not show it already.
fn lead_image(article: &Article) -> Option<&str> {
    let lead = article.lead_image.as_deref()?;
    let in_body = article
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Image { src, .. } if src == lead));
    (!in_body && !lead.trim().is_empty()).then_some(lead)
}

/// Longest file name suggested, in characters: a long headline still fits
/// a save dialog and every file system.
const FILE_NAME_CHARS: usize = 60;

/// A file name for the article, for a save dialog: its title without the
/// characters file systems refuse, shortened, with the format's extension
/// (`湖边的银杏黄了.html`); `article.html` when the title leaves nothing.
pub fn file_name(title: &str, format: Format) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let name: String = words.join(" ").chars().take(FILE_NAME_CHARS).collect();
    // A leading dot hides a file; trailing dots and spaces Windows drops.
    let name = name.trim_start_matches('.').trim_end_matches(['.', ' ']);
    let name = if name.is_empty() { "article" } else { name };
    format!("{name}.{}", format.extension())
}

/// The folder the Markdown's pictures go in, beside `path`:
/// `银杏.md` → `银杏-pictures`.
pub fn pictures_folder(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_owned());
    path.with_file_name(format!("{stem}-pictures"))
}

/// Writes the article to `path` in `format` with the pictures at hand.
/// Each file is written whole or not at all (a temporary file, then a
/// rename), so a full disk never leaves half an article under the name the
/// reader chose.
pub fn write(
    article: &Article,
    header: &Header,
    pictures: &Pictures,
    path: &Path,
    format: Format,
) -> Result<Written, WriteError> {
    let shown = shown_images(article);
    let usable = |url: &str| {
        pictures
            .get(url)
            .and_then(|p| picture_type(&p.content_type).map(|(_, ext)| (p, ext)))
    };
    let count = shown.iter().filter(|u| usable(u).is_some()).count();
    match format {
        Format::Html => {
            write_whole(path, html::render(article, header, pictures).as_bytes())?;
        }
        Format::Markdown => {
            let folder = pictures_folder(path);
            let folder_name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let width = count.to_string().len().max(2);
            let mut names: HashMap<&str, String> = HashMap::new();
            let mut files: Vec<(PathBuf, &Picture)> = Vec::new();
            for url in &shown {
                if let Some((picture, ext)) = usable(url) {
                    let file = format!("{:0width$}.{ext}", files.len() + 1);
                    names.insert(url, format!("{folder_name}/{file}"));
                    files.push((folder.join(&file), picture));
                }
            }
            if !files.is_empty() {
                std::fs::create_dir_all(&folder).map_err(|source| WriteError {
                    path: folder.clone(),
                    source,
                })?;
            }
            for (file, picture) in &files {
                write_whole(file, &picture.bytes)?;
            }
            let text = markdown::document(article, header, &|url| names.get(url).cloned());
            write_whole(path, text.as_bytes())?;
        }
    }
    Ok(Written {
        path: path.to_owned(),
        pictures: count,
        missing: shown.len() - count,
    })
}

/// Writes `bytes` to `path` through a temporary file beside it, flushed to
/// disk, then renamed over it.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!(".part-{}", std::process::id()));
    let temp = PathBuf::from(temp);
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    written.map_err(|source| {
        let _ = std::fs::remove_file(&temp);
        WriteError {
            path: path.to_owned(),
            source,
        }
    })
}

/// The space between a label and what it labels: none after a full-width
/// colon ("原文：https://…"), one after a Latin one ("Source: https://…").
pub(crate) fn label_gap(label: &str) -> &'static str {
    if label.ends_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    }
}

/// The address as a link target when it is an absolute http(s) URL
/// (normalised, so it holds no spaces or quotes), else `None`: a link in an
/// export never runs script or opens a local file.
pub(crate) fn web_address(href: &str) -> Option<String> {
    let url = url::Url::parse(href.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.has_host()).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader_article::Inline;

    fn image(src: &str, caption: Option<&str>) -> Block {
        Block::Image {
            src: src.into(),
            alt: Some("alt".into()),
            caption: caption.map(str::to_owned),
            credit: None,
            size: None,
        }
    }

    fn png() -> Picture {
        Picture {
            content_type: "image/png".into(),
            bytes: vec![0x89, b'P', b'N', b'G'],
        }
    }

    struct TempDir(PathBuf);

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn temp_dir(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("reader-export-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        TempDir(dir)
    }

    fn article() -> Article {
        Article {
            title: "湖边的银杏".into(),
            lead_image: Some("https://e.org/lead.jpg".into()),
            blocks: vec![
                image("https://e.org/a.png", Some("银杏叶")),
                Block::Paragraph {
                    content: vec![Inline::Text {
                        text: "秋天到了。".into(),
                    }],
                },
                image("https://e.org/gone.png", Some("长椅")),
                image("https://e.org/a.png", None),
            ],
            ..Article::default()
        }
    }

    #[test]
    fn shown_images_put_the_lead_first_once() {
        assert_eq!(
            shown_images(&article()),
            [
                "https://e.org/lead.jpg",
                "https://e.org/a.png",
                "https://e.org/gone.png"
            ]
        );
        let mut in_body = article();
        in_body.lead_image = Some("https://e.org/gone.png".into());
        assert_eq!(
            shown_images(&in_body),
            ["https://e.org/a.png", "https://e.org/gone.png"]
        );
    }

    #[test]
    fn picture_types_are_raster_only() {
        assert_eq!(picture_type("image/JPEG; q=1"), Some(("image/jpeg", "jpg")));
        assert_eq!(picture_type("image/svg+xml"), None);
        assert_eq!(picture_type("text/html"), None);
        assert_eq!(picture_type(""), None);
    }

    #[test]
    fn file_names_come_from_the_title() {
        assert_eq!(
            file_name("湖边的银杏黄了", Format::Html),
            "湖边的银杏黄了.html"
        );
        assert_eq!(
            file_name("  A/B: \"C\" <d>?\n", Format::Markdown),
            "A B C d.md"
        );
        assert_eq!(file_name("../..", Format::Html), "article.html");
        assert_eq!(file_name("", Format::Markdown), "article.md");
        let long = "长".repeat(200);
        assert_eq!(
            file_name(&long, Format::Html).chars().count(),
            FILE_NAME_CHARS + 5
        );
        assert_eq!(
            pictures_folder(Path::new("/tmp/银杏.md")),
            Path::new("/tmp/银杏-pictures")
        );
    }

    #[test]
    fn markdown_goes_beside_its_numbered_pictures() {
        let dir = temp_dir("md");
        let path = dir.0.join("银杏.md");
        let mut pictures = Pictures::new();
        pictures.insert("https://e.org/a.png".into(), png());
        pictures.insert(
            "https://e.org/lead.jpg".into(),
            Picture {
                content_type: "image/jpeg".into(),
                bytes: vec![0xFF, 0xD8, 0xFF],
            },
        );
        let header = Header {
            meta_line: "示例网 · 约 1 分钟".into(),
            source_label: "原文：".into(),
            source: "https://e.org/ginkgo".into(),
        };
        let written = write(&article(), &header, &pictures, &path, Format::Markdown)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            written,
            Written {
                path: path.clone(),
                pictures: 2,
                missing: 1
            }
        );
        let folder = dir.0.join("银杏-pictures");
        assert_eq!(
            std::fs::read(folder.join("01.jpg")).ok(),
            Some(vec![0xFF, 0xD8, 0xFF])
        );
        assert_eq!(std::fs::read(folder.join("02.png")).ok(), Some(png().bytes));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            text,
            "# 湖边的银杏\n\n\
             *示例网 · 约 1 分钟*\n\n\
             原文：[https://e.org/ginkgo](https://e.org/ginkgo)\n\n\
             ![](银杏-pictures/01.jpg)\n\n\
             ![alt](银杏-pictures/02.png)\n*银杏叶*\n\n\
             秋天到了。\n\n\
             *长椅*\n\n\
             ![alt](银杏-pictures/02.png)\n"
        );
        // Nothing temporary is left behind.
        let names: Vec<_> = std::fs::read_dir(&dir.0)
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn markdown_without_pictures_makes_no_folder() {
        let dir = temp_dir("md-none");
        let path = dir.0.join("a.md");
        let written = write(
            &article(),
            &Header::default(),
            &Pictures::new(),
            &path,
            Format::Markdown,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((written.pictures, written.missing), (0, 3));
        assert!(!dir.0.join("a-pictures").exists());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(text.contains("*银杏叶*") && !text.contains("!["), "{text}");
    }

    #[test]
    fn html_is_one_file_and_a_failed_write_is_a_file_error() {
        let dir = temp_dir("html");
        let path = dir.0.join("a.html");
        let mut pictures = Pictures::new();
        pictures.insert("https://e.org/a.png".into(), png());
        let written = write(
            &article(),
            &Header::default(),
            &pictures,
            &path,
            Format::Html,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((written.pictures, written.missing), (1, 2));
        let names: Vec<_> = std::fs::read_dir(&dir.0)
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names, [std::ffi::OsString::from("a.html")]);

        let nowhere = dir.0.join("no-such-folder").join("a.html");
        let Err(e) = write(
            &article(),
            &Header::default(),
            &pictures,
            &nowhere,
            Format::Html,
        ) else {
            panic!("written into a missing folder");
        };
        assert_eq!(e.code(), ErrorCode::Io);
        assert_eq!(e.path, nowhere);
        assert!(!nowhere.exists());
    }
}
