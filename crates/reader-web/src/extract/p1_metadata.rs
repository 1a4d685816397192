//! Pass 1: read title, byline, date, language and images from the metadata.
//!
//! Article metadata: title, byline, site, date, language, canonical URL, lead
//! image, excerpt — from JSON-LD, OpenGraph/Twitter/Dublin Core `<meta>`
//! tags and, failing those, the page itself. This pass reads the parsed
//! document, not the flat view of pass 2; the `<base href>` it finds is what
//! pass 7 resolves links and images against. The headline is chosen in
//! [`super::title`].

use std::collections::HashMap;

use scraper::node::Element;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use url::Url;

use super::dates::{find_date, normalize_date};
use super::entities::decode_entities;
use super::text::normalize;
use super::title;
use super::urls::resolve_http;

#[derive(Debug, Default, Clone)]
pub struct Metadata {
    pub title: Option<String>,
    /// The `<title>` element, for error messages and as a last resort.
    pub document_title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub canonical: Option<String>,
    pub lead_image: Option<String>,
    pub excerpt: Option<String>,
    /// `<base href>`, resolved.
    pub base: Option<Url>,
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "WebPage",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
];

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

pub fn read(html: &Html, url: Option<&Url>) -> Metadata {
    let facts = PageFacts::gather(html);
    let metas = meta_map(&facts.metas);
    let ld = json_ld(&facts.json_ld);
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.get(&title::meta_key(k)))
            .map(|v| normalize(v))
            .filter(|v| !v.is_empty())
    };

    let base = facts
        .base_href
        .clone()
        .and_then(|h| match url {
            Some(u) => u.join(&h).ok(),
            None => Url::parse(&h).ok(),
        })
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .or_else(|| url.cloned());
    let base_ref = base.as_ref();

    let document_title = facts.title.clone();
    let title = title::choose(
        ld.as_ref(),
        &metas,
        document_title.as_deref(),
        &facts.headings,
    );

    let byline = ld
        .as_ref()
        .and_then(|v| v.get("author"))
        .and_then(person_names)
        .or_else(|| get(&["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"]).filter(|a| !a.starts_with("http")))
        .or_else(|| first_text(html, "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline, .author-name"))
        .filter(|b| b.chars().count() < 100);

    let site_name = get(&["og:site_name", "application-name", "twitter:site:name"]).or_else(|| {
        ld.as_ref()
            .and_then(|v| v.get("publisher"))
            .and_then(|p| str_field(p, &["name"]))
    });

    let published = ld
        .as_ref()
        .and_then(|v| str_field(v, &["datePublished", "dateCreated"]))
        .or_else(|| {
            get(&[
                "article:published_time",
                "og:published_time",
                "published_time",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
                "article.published",
                "datepublished",
                "weibo:article:create_at",
            ])
        })
        .or_else(|| first_attr(html, "time[datetime]", "datetime"))
        .and_then(|d| normalize_date(&d))
        .or_else(|| date_in_text(html));

    let lang = facts
        .lang
        .clone()
        .or_else(|| get(&["content-language", "dc.language", "og:locale"]))
        .or_else(|| ld.as_ref().and_then(|v| str_field(v, &["inLanguage"])))
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| !l.is_empty() && l.len() < 20);
    let dir = facts.dir.clone().map(|d| d.trim().to_ascii_lowercase());

    let canonical = facts
        .canonical
        .clone()
        .or_else(|| get(&["og:url"]))
        .and_then(|c| resolve_http(base_ref, &c))
        .or_else(|| url.map(Url::to_string));

    let lead_image = get(&[
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
    ])
    .or_else(|| ld.as_ref().and_then(|v| v.get("image")).and_then(image_url))
    .and_then(|i| resolve_http(base_ref, &i));

    let excerpt = get(&[
        "description",
        "og:description",
        "twitter:description",
        "dc.description",
    ])
    .or_else(|| ld.as_ref().and_then(|v| str_field(v, &["description"])));

    Metadata {
        title,
        document_title,
        byline,
        site_name,
        published,
        lang,
        dir,
        canonical,
        lead_image,
        excerpt,
        base,
    }
}

/// What the metadata is read from, gathered in one walk over the document
/// (one `select` per fact would walk it a dozen times).
#[derive(Default)]
struct PageFacts<'a> {
    metas: Vec<&'a Element>,
    json_ld: Vec<String>,
    base_href: Option<String>,
    title: Option<String>,
    headings: title::Headings,
    lang: Option<String>,
    dir: Option<String>,
    canonical: Option<String>,
}

impl<'a> PageFacts<'a> {
    fn gather(html: &'a Html) -> PageFacts<'a> {
        let mut f = PageFacts::default();
        let mut body_dir = None;
        let text_of = |e: ElementRef<'_>| normalize(&e.text().collect::<String>());
        let non_empty = |v: Option<&str>| v.map(str::to_owned).filter(|v| !v.trim().is_empty());
        for node in html.root_element().descendants() {
            let Some(e) = ElementRef::wrap(node) else {
                continue;
            };
            let el = e.value();
            match el.name() {
                "meta" if el.attr("content").is_some() => f.metas.push(el),
                "script"
                    if el
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    f.json_ld.push(e.text().collect());
                }
                "base" if f.base_href.is_none() => f.base_href = non_empty(el.attr("href")),
                "title" if f.title.is_none() => {
                    f.title = Some(text_of(e)).filter(|t| !t.is_empty());
                }
                "h1" | "h2" => {
                    let t = text_of(e);
                    if !t.is_empty() {
                        if el.name() == "h1" {
                            f.headings.h1.push(t);
                        } else {
                            f.headings.h2.push(t);
                        }
                    }
                }
                "html" => {
                    f.lang = non_empty(el.attr("lang")).or_else(|| non_empty(el.attr("xml:lang")));
                    f.dir = non_empty(el.attr("dir"));
                }
                "body" if body_dir.is_none() => body_dir = non_empty(el.attr("dir")),
                "link"
                    if f.canonical.is_none()
                        && el
                            .attr("rel")
                            .is_some_and(|r| r.trim().eq_ignore_ascii_case("canonical")) =>
                {
                    f.canonical = non_empty(el.attr("href"));
                }
                _ => {}
            }
        }
        f.dir = f.dir.or(body_dir);
        f
    }
}

/// `<meta>` content keyed by `name`/`property`/`itemprop`/`http-equiv`,
/// normalised by [`title::meta_key`]. A later tag overrides an earlier one
/// with the same key (a page's own tags come after its CMS's defaults).
fn meta_map(metas: &[&Element]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for v in metas {
        let Some(content) = v.attr("content") else {
            continue;
        };
        for key_attr in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(key) = v.attr(key_attr) {
                // A property may hold several space-separated names.
                for k in key.split_whitespace() {
                    map.insert(title::meta_key(k), content.to_owned());
                }
            }
        }
    }
    map
}

/// The first JSON-LD object that describes an article.
fn json_ld(scripts: &[String]) -> Option<Value> {
    for raw in scripts {
        // Some pages wrap the JSON in a comment or a CDATA section.
        let raw = raw.trim();
        let raw = raw
            .strip_prefix("<!--")
            .and_then(|r| r.strip_suffix("-->"))
            .unwrap_or(raw)
            .trim();
        let raw = raw
            .strip_prefix("<![CDATA[")
            .and_then(|r| r.strip_suffix("]]>"))
            .unwrap_or(raw);
        let Ok(value) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        let mut queue = vec![value];
        // Breadth-first over arrays and @graph, bounded so a hostile blob
        // cannot keep us busy.
        let mut seen = 0;
        while let Some(v) = queue.pop() {
            seen += 1;
            if seen > 200 {
                break;
            }
            match v {
                Value::Array(items) => queue.extend(items),
                Value::Object(ref o) => {
                    if let Some(graph) = o.get("@graph") {
                        queue.push(graph.clone());
                    }
                    let is_article = match o.get("@type") {
                        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                        Some(Value::Array(ts)) => ts
                            .iter()
                            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                        _ => false,
                    };
                    if is_article
                        && (o.contains_key("headline")
                            || o.contains_key("articleBody")
                            || o.contains_key("datePublished"))
                    {
                        return Some(v);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn str_field(v: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match v.get(*k) {
        Some(Value::String(s)) => Some(normalize(&decode_entities(s))).filter(|s| !s.is_empty()),
        Some(Value::Array(a)) => a
            .iter()
            .find_map(|x| x.as_str())
            .map(normalize)
            .filter(|s| !s.is_empty()),
        _ => None,
    })
}

/// Names from a JSON-LD `author`: a string, a Person, or a list of either.
fn person_names(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::String(s) => vec![normalize(s)],
        Value::Object(_) => str_field(v, &["name"]).into_iter().collect(),
        Value::Array(a) => a.iter().filter_map(person_names).collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| !n.is_empty() && !n.starts_with("http"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(_) => str_field(v, &["url", "contentUrl"]),
        Value::Array(a) => a.iter().find_map(image_url),
        _ => None,
    }
}

fn first_attr(html: &Html, sel: &str, attr: &str) -> Option<String> {
    let s = selector(sel)?;
    html.select(&s)
        .find_map(|e| e.value().attr(attr))
        .map(str::to_owned)
        .filter(|v| !v.trim().is_empty())
}

fn first_text(html: &Html, sel: &str) -> Option<String> {
    let s = selector(sel)?;
    html.select(&s)
        .map(|e| normalize(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

/// A date written in the page near its top (Chinese portals print
/// "2025-07-09 13:55:00 来源: ..." under the headline and carry no meta tag).
fn date_in_text(html: &Html) -> Option<String> {
    let sel = selector("body")?;
    let body = html.select(&sel).next()?;
    let mut seen = 0usize;
    for t in body.text() {
        seen += t.len();
        if seen > 20_000 {
            break;
        }
        let t = t.trim();
        if t.len() < 8 || t.len() > 120 {
            continue;
        }
        if let Some(d) = find_date(t) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_and_meta_feed_the_metadata() {
        let html = Html::parse_document(
            r#"<html lang="en"><head><title>Ignored | Site</title>
            <meta property="og:site_name" content="Example News">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Big &amp; Bold","author":[{"@type":"Person","name":"Ann Lee"}],"datePublished":"2024-03-01T08:00:00Z","image":{"url":"/lead.jpg"}}]}</script>
            </head><body><p>x</p></body></html>"#,
        );
        let url = Url::parse("https://example.com/a/b.html").ok();
        let m = read(&html, url.as_ref());
        assert_eq!(m.title.as_deref(), Some("Big & Bold"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(m.site_name.as_deref(), Some("Example News"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T08:00:00Z"));
        assert_eq!(
            m.lead_image.as_deref(),
            Some("https://example.com/lead.jpg")
        );
        assert_eq!(m.lang.as_deref(), Some("en"));
    }
}
