//! OPML, the file format feed readers share their lists of sources in:
//! imported from another reader (or a family member's file), exported for
//! one. Only `outline` elements with an `xmlUrl` matter; folders are
//! flattened, since Care Reader keeps one short list.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use reader_web::fetch::charset;
use serde::Serialize;
use url::Url;

use crate::parse::absolute;
use crate::text::collapsed;

/// Lists larger than this are refused: a thousand sources fit in 200 KiB.
pub const MAX_OPML_BYTES: usize = 1024 * 1024;
/// Sources taken from one file at most.
pub const MAX_OPML_SOURCES: usize = 500;

/// One source in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpmlSource {
    pub title: String,
    pub feed: Url,
    pub site: Option<Url>,
}

/// Why a list was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    #[error("the list is larger than {MAX_OPML_BYTES} bytes")]
    TooLarge,
    #[error("not an OPML list of sources: {0}")]
    Unreadable(String),
}

/// The sources of an OPML file, in file order, without repeats. A file with
/// no `opml` root, broken XML, or no source at all is refused whole.
pub fn parse_opml(bytes: &[u8]) -> Result<Vec<OpmlSource>, OpmlError> {
    if bytes.len() > MAX_OPML_BYTES {
        return Err(OpmlError::TooLarge);
    }
    let (text, _) = charset::decode(bytes, None);
    let text = text.trim_start_matches('\u{feff}');
    let text = match text.trim_start().strip_prefix("<?xml") {
        Some(rest) => rest.find("?>").map_or("", |end| &rest[end + 2..]),
        None => text,
    };
    let mut reader = Reader::from_str(text);
    let mut sources: Vec<OpmlSource> = Vec::new();
    let mut saw_root = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| OpmlError::Unreadable(e.to_string()))?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                if !saw_root {
                    if !name.as_ref().eq_ignore_ascii_case(b"opml") {
                        return Err(OpmlError::Unreadable(
                            "the first element is not <opml>".into(),
                        ));
                    }
                    saw_root = true;
                } else if name.as_ref().eq_ignore_ascii_case(b"outline")
                    && let Some(source) = outline(&e)?
                    && !sources.iter().any(|s| s.feed == source.feed)
                {
                    if sources.len() >= MAX_OPML_SOURCES {
                        break;
                    }
                    sources.push(source);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if sources.is_empty() {
        return Err(OpmlError::Unreadable(
            "no source with an http(s) feed address".into(),
        ));
    }
    Ok(sources)
}

fn outline(e: &BytesStart<'_>) -> Result<Option<OpmlSource>, OpmlError> {
    let (mut feed, mut site, mut title, mut text) = (None, None, None, None);
    for attr in e.attributes() {
        let attr = attr.map_err(|e| OpmlError::Unreadable(e.to_string()))?;
        let value = attr
            .unescape_value()
            .map_err(|e| OpmlError::Unreadable(e.to_string()))?
            .into_owned();
        let key = attr.key.local_name();
        let key = key.as_ref();
        if key.eq_ignore_ascii_case(b"xmlUrl") {
            feed = absolute(&value, None);
        } else if key.eq_ignore_ascii_case(b"htmlUrl") {
            site = absolute(&value, None);
        } else if key == b"title" {
            title = Some(collapsed(&value, crate::parse::MAX_TITLE_CHARS));
        } else if key == b"text" {
            text = Some(collapsed(&value, crate::parse::MAX_TITLE_CHARS));
        }
    }
    let Some(feed) = feed else {
        return Ok(None);
    };
    let title = title
        .filter(|t| !t.is_empty())
        .or(text.filter(|t| !t.is_empty()))
        .unwrap_or_else(|| {
            // A name like any other: as long as a title may be.
            collapsed(
                feed.host_str().unwrap_or_default(),
                crate::parse::MAX_TITLE_CHARS,
            )
        });
    Ok(Some(OpmlSource { title, feed, site }))
}

/// An OPML 2.0 document listing `sources`, titled `title`.
pub fn write_opml(title: &str, sources: &[OpmlSource]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str(&format!(
        "  <head><title>{}</title></head>\n  <body>\n",
        escape(title)
    ));
    for source in sources {
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{0}\" title=\"{0}\" xmlUrl=\"{1}\"",
            escape(&source.title),
            escape(source.feed.as_str())
        ));
        if let Some(site) = &source.site {
            out.push_str(&format!(" htmlUrl=\"{}\"", escape(site.as_str())));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// Text for an XML attribute or element: quick-xml's escaping of the five
/// special characters, after dropping the control characters XML 1.0
/// cannot carry at all (tab and line breaks stay).
fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    quick_xml::escape::escape(allowed).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_are_flattened_in_file_order() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?>
<opml version="1.0"><head><title>Mum's news</title></head><body>
  <outline text="新闻">
    <outline text="人民网 &amp; 时政" xmlUrl="http://www.people.com.cn/rss/politics.xml" htmlUrl="http://politics.people.com.cn/"/>
    <outline title="BBC" text="ignored" xmlurl="https://feeds.bbci.co.uk/news/rss.xml"/>
  </outline>
  <outline text="no feed here"/>
  <outline text="again" xmlUrl="http://www.people.com.cn/rss/politics.xml"/>
  <outline text="bad" xmlUrl="javascript:alert(1)"/>
</body></opml>"#;
        let sources = parse_opml(xml.as_bytes()).expect("opml");
        let titles: Vec<_> = sources.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["人民网 & 时政", "BBC"]);
        assert_eq!(
            sources[0].site.as_ref().map(Url::as_str),
            Some("http://politics.people.com.cn/")
        );
    }

    #[test]
    fn written_lists_read_back_the_same() {
        let sources = vec![
            OpmlSource {
                title: "A \"quoted\" <name> & more".into(),
                feed: Url::parse("https://a.example/feed?x=1&y=2").expect("url"),
                site: None,
            },
            OpmlSource {
                title: "健康".into(),
                feed: Url::parse("http://b.example/rss.xml").expect("url"),
                site: Some(Url::parse("http://b.example/").expect("url")),
            },
        ];
        let text = write_opml("家里的新闻 & more", &sources);
        assert_eq!(parse_opml(text.as_bytes()).expect("read back"), sources);
    }

    #[test]
    fn a_nameless_source_is_named_by_its_host_within_the_title_limit() {
        // Found by the `opml` fuzz target: a host longer than a title may
        // be named the source, and the list did not read back the same.
        let host = format!("{}.example", "a".repeat(250));
        let xml = format!(r#"<opml><body><outline xmlUrl="http://{host}/rss"/></body></opml>"#);
        let sources = parse_opml(xml.as_bytes()).expect("opml");
        assert_eq!(
            sources[0].title.chars().count(),
            crate::parse::MAX_TITLE_CHARS
        );
        let written = write_opml("t", &sources);
        assert_eq!(parse_opml(written.as_bytes()).expect("read back"), sources);
    }

    #[test]
    fn damaged_and_foreign_files_are_refused() {
        for bad in [
            &b"<html><body>not a list</body></html>"[..],
            b"<opml><body><outline xmlUrl=\"http://a.example/f\"",
            b"<opml><body></body></opml>",
            b"\xff\xfe\x00garbage",
            b"",
        ] {
            assert!(
                parse_opml(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(
            parse_opml(&vec![b' '; MAX_OPML_BYTES + 1]),
            Err(OpmlError::TooLarge)
        );
    }
}
