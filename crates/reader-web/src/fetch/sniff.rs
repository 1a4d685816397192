//! Deciding what a body is: from its `Content-Type`, a file extension, or the
//! bytes themselves (after the WHATWG MIME sniffing standard, simplified).

use super::PageKind;

/// What a `Content-Type` header (or a file extension) says about a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Declared {
    Html,
    PlainText,
    /// A `.mhtml` web archive (files only).
    Mhtml,
    /// No usable type: look at the bytes.
    Unknown,
    /// XML: accepted only when it is really XHTML.
    Xml,
    /// Something we can't read aloud (the lower-cased MIME essence).
    Unsupported(String),
}

/// Classifies a `Content-Type` header value.
pub(crate) fn from_content_type(content_type: Option<&str>) -> Declared {
    let essence = content_type
        .and_then(|ct| ct.split(';').next())
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match essence.as_str() {
        "text/html" | "application/xhtml+xml" => Declared::Html,
        "text/plain" => Declared::PlainText,
        // WHATWG MIME sniffing treats these as "no type given".
        "" | "unknown/unknown" | "application/unknown" | "*/*" => Declared::Unknown,
        "text/xml" | "application/xml" => Declared::Xml,
        _ => Declared::Unsupported(essence),
    }
}

/// Classifies a local file by its extension.
pub(crate) fn from_extension(extension: Option<&str>) -> Declared {
    let Some(ext) = extension.map(str::to_ascii_lowercase) else {
        return Declared::Unknown;
    };
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "xht" | "shtml" => Declared::Html,
        "mhtml" | "mht" => Declared::Mhtml,
        "txt" | "text" | "md" | "markdown" => Declared::PlainText,
        "xml" => Declared::Xml,
        _ => match mime_for_extension(&ext) {
            Some(mime) => Declared::Unsupported(mime.to_owned()),
            None => Declared::Unknown,
        },
    }
}

/// File extensions that are clearly not web pages, so a bare `report.pdf`
/// is never mistaken for a host name and never sniffed.
fn mime_for_extension(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "zip" => "application/zip",
        "epub" => "application/epub+zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "json" => "application/json",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        _ => return None,
    })
}

/// What a refused body is, in the words a reader knows: the error message
/// says "a picture" or "a PDF document", never `image/png`. The id selects
/// the wording in `error-unsupported-content-type` (`errors.ftl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    Picture,
    Pdf,
    Video,
    Audio,
    Archive,
    /// Word, Excel, PowerPoint, OpenDocument.
    Document,
    Ebook,
    /// Anything else (JSON, a program, an unknown download).
    File,
}

impl ContentKind {
    pub const ALL: &'static [ContentKind] = &[
        ContentKind::Picture,
        ContentKind::Pdf,
        ContentKind::Video,
        ContentKind::Audio,
        ContentKind::Archive,
        ContentKind::Document,
        ContentKind::Ebook,
        ContentKind::File,
    ];

    /// The kind of a MIME type (any case, parameters allowed).
    pub fn of(content_type: &str) -> ContentKind {
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let (top, sub) = essence.split_once('/').unwrap_or((essence.as_str(), ""));
        match (top, sub) {
            ("image", _) => ContentKind::Picture,
            ("video", _) => ContentKind::Video,
            ("audio", _) => ContentKind::Audio,
            (_, "pdf" | "x-pdf") => ContentKind::Pdf,
            (_, "epub+zip" | "x-mobipocket-ebook") => ContentKind::Ebook,
            (
                "application",
                "zip" | "gzip" | "x-gzip" | "x-tar" | "x-7z-compressed" | "x-rar-compressed"
                | "vnd.rar" | "x-bzip2" | "x-xz" | "zstd",
            ) => ContentKind::Archive,
            ("application", sub)
                if sub == "msword"
                    || sub == "rtf"
                    || sub.starts_with("vnd.ms-")
                    || sub.starts_with("vnd.openxmlformats-officedocument.")
                    || sub.starts_with("vnd.oasis.opendocument.") =>
            {
                ContentKind::Document
            }
            _ => ContentKind::File,
        }
    }

    /// The selector value in `error-unsupported-content-type`.
    pub const fn id(self) -> &'static str {
        match self {
            ContentKind::Picture => "picture",
            ContentKind::Pdf => "pdf",
            ContentKind::Video => "video",
            ContentKind::Audio => "audio",
            ContentKind::Archive => "archive",
            ContentKind::Document => "document",
            ContentKind::Ebook => "ebook",
            ContentKind::File => "file",
        }
    }
}

/// Extensions that make `name.ext` a file name rather than a domain.
pub(crate) fn is_file_extension(ext: &str) -> bool {
    let ext = ext.to_ascii_lowercase();
    !matches!(from_extension(Some(&ext)), Declared::Unknown)
}

/// Resolves a declaration plus the bytes into a page kind, or the content
/// type we refuse.
pub(crate) fn resolve(declared: Declared, bytes: &[u8]) -> Result<PageKind, String> {
    match declared {
        Declared::Html | Declared::Mhtml => Ok(PageKind::Html),
        Declared::PlainText => Ok(PageKind::PlainText),
        Declared::Xml => {
            if looks_like_html(bytes) {
                Ok(PageKind::Html)
            } else {
                Err("application/xml".to_owned())
            }
        }
        Declared::Unsupported(mime) => Err(mime),
        Declared::Unknown => sniff(bytes),
    }
}

/// Looks at the bytes: HTML, plain text, or a binary format we refuse.
pub(crate) fn sniff(bytes: &[u8]) -> Result<PageKind, String> {
    if let Some(mime) = binary_signature(bytes) {
        return Err(mime.to_owned());
    }
    if looks_like_html(bytes) {
        return Ok(PageKind::Html);
    }
    if looks_binary(bytes) {
        return Err("application/octet-stream".to_owned());
    }
    Ok(PageKind::PlainText)
}

/// How far into the body we look for HTML markers.
const SNIFF_WINDOW: usize = 1024;

/// Tags that mark a document as HTML when it starts with them (WHATWG MIME
/// sniffing, "identifying a resource with an unknown MIME type"), plus the
/// XML declaration that starts most XHTML.
const LEADING_TAGS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
    b"<meta",
    b"<link",
    b"<article",
    b"<main",
    b"<section",
];

/// Markers anywhere in the first kilobyte that make HTML overwhelmingly
/// likely even after some leading text (a stray banner, a PHP warning).
const INNER_MARKERS: &[&[u8]] = &[b"<!doctype html", b"<html", b"<body", b"<head>"];

/// Whether the bytes look like an HTML document.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let window = &start[..start.len().min(SNIFF_WINDOW)];
    let trimmed = window.trim_ascii_start();
    let lower = trimmed.to_ascii_lowercase();
    let leading = LEADING_TAGS.iter().any(|tag| {
        lower.starts_with(tag)
            && lower
                .get(tag.len())
                .is_none_or(|&b| b == b' ' || b == b'>' || b.is_ascii_whitespace())
    });
    if leading {
        return true;
    }
    if lower.starts_with(b"<?xml") && contains(&lower, b"<html") {
        return true;
    }
    INNER_MARKERS.iter().any(|marker| contains(&lower, marker))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Magic numbers of common formats that are not pages.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
        (b"\xFF\xD8\xFF", "image/jpeg"),
        (b"PK\x03\x04", "application/zip"),
        (b"\x1F\x8B\x08", "application/gzip"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, mime)| *mime)
}

/// WHATWG's "binary data byte" test over the first kilobyte: control bytes
/// other than tab, newlines, form feed and escape never occur in text.
/// UTF-16 with a BOM is text.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFE\xFF") || bytes.starts_with(b"\xFF\xFE") {
        return false;
    }
    bytes
        .iter()
        .take(SNIFF_WINDOW)
        .any(|&b| matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert_eq!(
            from_content_type(Some("text/html; charset=gbk")),
            Declared::Html
        );
        assert_eq!(
            from_content_type(Some("Application/XHTML+XML")),
            Declared::Html
        );
        assert_eq!(from_content_type(Some("text/plain")), Declared::PlainText);
        assert_eq!(from_content_type(None), Declared::Unknown);
        assert_eq!(from_content_type(Some("")), Declared::Unknown);
        assert_eq!(
            from_content_type(Some("image/png")),
            Declared::Unsupported("image/png".into())
        );
        assert_eq!(
            from_content_type(Some("application/octet-stream")),
            Declared::Unsupported("application/octet-stream".into())
        );
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), Ok(PageKind::Html));
        assert_eq!(sniff(b"\xEF\xBB\xBF<HTML>"), Ok(PageKind::Html));
        assert_eq!(sniff(b"<p>Hi"), Ok(PageKind::Html));
        assert_eq!(
            sniff(b"Warning: x\n<!DOCTYPE html><html>"),
            Ok(PageKind::Html)
        );
        assert_eq!(sniff("标题\n\n正文".as_bytes()), Ok(PageKind::PlainText));
        assert_eq!(sniff(b"<pre is not a tag"), Ok(PageKind::PlainText));
        assert_eq!(sniff(b"%PDF-1.7"), Err("application/pdf".into()));
        assert_eq!(
            sniff(b"\x00\x01\x02"),
            Err("application/octet-stream".into())
        );
        assert_eq!(sniff(b""), Ok(PageKind::PlainText));
    }

    #[test]
    fn content_kinds_in_words() {
        let table = [
            ("image/png", ContentKind::Picture),
            ("IMAGE/JPEG; q=1", ContentKind::Picture),
            ("image/svg+xml", ContentKind::Picture),
            ("application/pdf", ContentKind::Pdf),
            ("video/mp4", ContentKind::Video),
            ("audio/mpeg", ContentKind::Audio),
            ("application/zip", ContentKind::Archive),
            ("application/gzip", ContentKind::Archive),
            ("application/msword", ContentKind::Document),
            (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ContentKind::Document,
            ),
            ("application/epub+zip", ContentKind::Ebook),
            ("application/json", ContentKind::File),
            ("application/octet-stream", ContentKind::File),
            ("", ContentKind::File),
        ];
        for (mime, kind) in table {
            assert_eq!(ContentKind::of(mime), kind, "{mime:?}");
        }
        // Every extension we refuse has a kind; only JSON is a plain "file".
        for ext in [
            "pdf", "png", "jpg", "gif", "webp", "svg", "zip", "epub", "doc", "docx", "mp3", "mp4",
        ] {
            match from_extension(Some(ext)) {
                Declared::Unsupported(mime) => {
                    assert_ne!(ContentKind::of(&mime), ContentKind::File, "{ext}");
                }
                other => panic!("{ext}: {other:?}"),
            }
        }
    }

    #[test]
    fn extensions() {
        assert_eq!(from_extension(Some("HTM")), Declared::Html);
        assert_eq!(from_extension(Some("mhtml")), Declared::Mhtml);
        assert_eq!(from_extension(Some("txt")), Declared::PlainText);
        assert_eq!(from_extension(Some("cn")), Declared::Unknown);
        assert!(is_file_extension("html"));
        assert!(!is_file_extension("com"));
    }
}
