//! A feed's bytes → its headlines. RSS 0.9x/1.0/2.0, Atom and JSON Feed are
//! parsed by `feed-rs`; the charset is decided the way pages are decided
//! (BOM, HTTP header, the XML declaration, then the statistical guess) by
//! reader-web, so a GBK feed from a Chinese portal reads right even when its
//! header or declaration is missing or wrong. Only what Home and the radio
//! need is kept: title, link, time and a short summary — the article itself
//! always comes from our own extraction of the linked page.

use feed_rs::model;
use reader_web::fetch::charset;
use serde::Serialize;
use url::Url;

use crate::FeedError;
use crate::text::plain;

/// Feeds larger than this are refused while they stream in: the biggest
/// real news feeds (full text, 100 entries) are a few hundred KiB.
pub const MAX_FEED_BYTES: usize = 5 * 1024 * 1024;
/// Entries kept from one feed, newest first; the rest are older news.
pub const MAX_ENTRIES: usize = 100;
/// A headline longer than this is cut (some feeds put the whole lead in the title).
pub const MAX_TITLE_CHARS: usize = 200;
/// A summary is a taste of the article, not the article.
pub const MAX_SUMMARY_CHARS: usize = 400;

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Feed {
    /// The feed's own name ("人民网-时政频道"); empty if it has none.
    pub title: String,
    /// The site the feed belongs to, when it says.
    pub site: Option<Url>,
    /// Entries that can be opened (an http(s) link and a title), newest first.
    pub entries: Vec<Entry>,
}

/// One headline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Stable within its feed (the entry's id or guid, else its link).
    pub key: String,
    pub title: String,
    /// The article's page.
    pub url: Url,
    /// Seconds since 1970 (UTC), when the feed gives a time.
    pub published: Option<i64>,
    /// Plain text, at most [`MAX_SUMMARY_CHARS`] characters; empty if none.
    pub summary: String,
}

/// Parses feed bytes. `http_charset` is the `charset` of the HTTP
/// `Content-Type`, if any; `base` the feed's address, against which
/// relative links resolve.
pub fn parse_feed(
    bytes: &[u8],
    http_charset: Option<&str>,
    base: Option<&Url>,
) -> Result<Feed, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge);
    }
    let tld = base
        .and_then(Url::domain)
        .and_then(|d| d.trim_end_matches('.').rsplit('.').next());
    let (text, _) = charset::decode_with_tld(bytes, http_charset, tld);
    let utf8 = without_xml_declaration(&text);
    if !looks_like_feed(utf8) {
        return Err(FeedError::NotAFeed);
    }
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .build();
    let feed = parser
        .parse(utf8.as_bytes())
        .map_err(|e| FeedError::Unreadable(e.to_string()))?;
    Ok(simplify(feed, base))
}

/// Whether the (decoded) text starts like a feed rather than a web page: the
/// first element is `rss`, `feed` or `rdf:RDF`, or it is a JSON object. An
/// HTML page goes to discovery instead of the feed parser.
pub fn looks_like_feed(text: &str) -> bool {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if rest.starts_with('{') {
        return true;
    }
    // Skip the declaration, comments, processing instructions and doctype.
    while let Some(after) = rest.strip_prefix('<') {
        if let Some(body) = after.strip_prefix("!--") {
            let Some(end) = body.find("-->") else {
                return false;
            };
            rest = body[end + 3..].trim_start();
        } else if after.starts_with('?') || after.starts_with('!') {
            let Some(end) = after.find('>') else {
                return false;
            };
            rest = after[end + 1..].trim_start();
        } else {
            let name: String = after
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect::<String>()
                .to_ascii_lowercase();
            return matches!(name.as_str(), "rss" | "feed" | "rdf:rdf" | "rdf");
        }
    }
    false
}

/// The text after an XML declaration: it is UTF-8 now, whatever the
/// declaration said, and the XML parser would otherwise decode it again.
fn without_xml_declaration(text: &str) -> &str {
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if trimmed.starts_with("<?xml")
        && let Some(end) = trimmed.find("?>")
    {
        return &trimmed[end + 2..];
    }
    trimmed
}

fn simplify(feed: model::Feed, base: Option<&Url>) -> Feed {
    let title = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content, MAX_TITLE_CHARS))
        .unwrap_or_default();
    let site = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| absolute(&l.href, base));
    let mut entries: Vec<Entry> = feed.entries.iter().filter_map(|e| entry(e, base)).collect();
    // Newest first; entries without a time keep the feed's order after them.
    entries.sort_by_key(|e| std::cmp::Reverse(e.published.unwrap_or(i64::MIN)));
    let mut seen = std::collections::HashSet::new();
    entries.retain(|e| seen.insert(e.url.clone()));
    entries.truncate(MAX_ENTRIES);
    Feed {
        title,
        site,
        entries,
    }
}

fn entry(entry: &model::Entry, base: Option<&Url>) -> Option<Entry> {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())?;
    let url = absolute(&link.href, base)?;
    let summary_source = entry
        .summary
        .as_ref()
        .map(|s| s.content.as_str())
        .or_else(|| entry.content.as_ref().and_then(|c| c.body.as_deref()))
        .unwrap_or_default();
    let summary = plain(summary_source, MAX_SUMMARY_CHARS);
    let mut title = entry
        .title
        .as_ref()
        .map(|t| plain(&t.content, MAX_TITLE_CHARS))
        .unwrap_or_default();
    if title.is_empty() {
        // JSON Feed and some RSS items have no title: the start of the text.
        title = plain(&summary, 80);
    }
    if title.is_empty() {
        return None;
    }
    let key = if entry.id.trim().is_empty() {
        url.to_string()
    } else {
        entry.id.trim().to_owned()
    };
    Some(Entry {
        key,
        title,
        url,
        published: entry.published.or(entry.updated).map(|t| t.timestamp()),
        summary,
    })
}

/// An http(s) address, resolved against the feed's own.
pub(crate) fn absolute(href: &str, base: Option<&Url>) -> Option<Url> {
    let href = href.trim();
    let url = match base {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https")
        .then_some(url)
        .filter(|u| u.host_str().is_some_and(|h| !h.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example.cn/rss/politics.xml").expect("url")
    }

    #[test]
    fn rss2_entries_newest_first_with_absolute_links() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example News</title><link>https://news.example.cn/</link>
<item><title>Older</title><link>/a/1.html</link><pubDate>Mon, 30 Nov 2026 08:00:00 +0800</pubDate></item>
<item><title><![CDATA[<b>Newer</b> &amp; bold]]></title><link>https://news.example.cn/a/2.html</link>
<pubDate>Mon, 30 Nov 2026 09:00:00 +0800</pubDate><description>&lt;p&gt;Lead   text&lt;/p&gt;</description></item>
<item><title>No link</title></item>
</channel></rss>"#;
        let feed = parse_feed(xml.as_bytes(), None, Some(&base())).expect("feed");
        assert_eq!(feed.title, "Example News");
        assert_eq!(
            feed.site.as_ref().map(Url::as_str),
            Some("https://news.example.cn/")
        );
        let titles: Vec<_> = feed.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Newer & bold", "Older"]);
        assert_eq!(
            feed.entries[1].url.as_str(),
            "https://news.example.cn/a/1.html"
        );
        assert_eq!(feed.entries[0].summary, "Lead text");
        assert_eq!(feed.entries[0].published, Some(1_796_000_400));
    }

    #[test]
    fn gbk_feed_reads_right_with_or_without_its_declaration() {
        let body = "<rss version=\"2.0\"><channel><title>人民网</title>\
            <item><title>重阳节老人登高</title><link>http://example.cn/1.html</link></item></channel></rss>";
        let (gbk, _, _) = encoding_rs::GBK.encode(body);
        let declared = [b"<?xml version=\"1.0\" encoding=\"GBK\"?>".as_slice(), &gbk].concat();
        for (bytes, header) in [(&declared, None), (&gbk.to_vec(), Some("gbk"))] {
            let feed = parse_feed(bytes, header, None).expect("feed");
            assert_eq!(feed.title, "人民网");
            assert_eq!(feed.entries[0].title, "重阳节老人登高");
        }
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &lt;i&gt;feed&lt;/i&gt;</title>
<entry><id>tag:x,1</id><title>Entry one</title><link rel="alternate" href="https://x.org/1"/>
<updated>2026-11-30T10:00:00Z</updated><summary>Short.</summary></entry></feed>"#;
        let feed = parse_feed(atom.as_bytes(), None, None).expect("atom");
        assert_eq!(feed.title, "A feed");
        assert_eq!(feed.entries[0].key, "tag:x,1");
        assert_eq!(feed.entries[0].published, Some(1_796_032_800));

        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
            {"id":"1","url":"https://j.org/1","content_text":"A titleless note about the weather."},
            {"id":"2","url":"https://j.org/2","title":"Titled","date_published":"2026-11-30T11:00:00Z"}]}"#;
        let feed = parse_feed(json.as_bytes(), None, None).expect("json");
        assert_eq!(feed.entries[0].title, "Titled");
        assert_eq!(feed.entries[1].title, "A titleless note about the weather.");
    }

    #[test]
    fn pages_and_garbage_are_not_feeds() {
        let page = "<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>";
        assert!(matches!(
            parse_feed(page.as_bytes(), None, None),
            Err(FeedError::NotAFeed)
        ));
        assert!(matches!(
            parse_feed(b"\x00\x01binary", None, None),
            Err(FeedError::NotAFeed)
        ));
        assert!(matches!(
            parse_feed(
                b"<rss><channel><item><title>a</wrong></item></channel></rss>",
                None,
                None
            ),
            Err(FeedError::Unreadable(_))
        ));
        assert!(matches!(
            parse_feed(b"{\"not\": \"a feed\"", None, None),
            Err(FeedError::Unreadable(_))
        ));
        let huge = vec![b' '; MAX_FEED_BYTES + 1];
        assert!(matches!(
            parse_feed(&huge, None, None),
            Err(FeedError::TooLarge)
        ));
    }

    #[test]
    fn only_web_links_are_kept() {
        assert!(absolute("javascript:alert(1)", None).is_none());
        assert!(absolute("file:///etc/passwd", None).is_none());
        assert!(absolute("/x", None).is_none());
        assert_eq!(
            absolute(" /x ", Some(&base())).map(String::from).as_deref(),
            Some("https://news.example.cn/x")
        );
    }
}
