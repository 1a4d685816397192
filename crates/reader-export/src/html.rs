//! The article as one self-contained HTML file, for printing or sending.
//!
//! The article came from an untrusted page, so nothing from it is ever
//! markup here: every text and attribute value is escaped, link targets are
//! http(s) addresses or plain text, and the only picture sources are
//! `data:` URLs this module builds from bytes of a known raster type. A
//! content security policy says the same again to the browser: no script,
//! no frames, no requests, pictures only from `data:`.

use std::fmt::Write as _;

use reader_article::{Article, Block, Inline, TextDirection};

use crate::{Header, Pictures, base64, label_gap, lead_image, picture_type, web_address};

/// Calm, large and print-friendly: one column of about 40 CJK characters
/// (or ~80 Latin ones), dark text on white, generous line spacing (WCAG
/// 1.4.8: lines at most 80 characters, spacing at least 1.5), pictures
/// never wider than the page and never split across pages.
const STYLE: &str = "
:root { color-scheme: light; }
html { font-size: 22px; }
body {
  margin: 0 auto; max-width: 40em; padding: 2em 1.5em;
  font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\",
    \"Noto Sans\", \"Segoe UI\", \"Helvetica Neue\", Arial, sans-serif;
  line-height: 1.8; color: #1a1a1a; background: #fff; overflow-wrap: break-word;
}
header { border-bottom: 2px solid #ccc; padding-bottom: 1em; margin-bottom: 1.5em; }
h1 { font-size: 1.6em; line-height: 1.35; margin: 0 0 0.5em; }
h2 { font-size: 1.3em; line-height: 1.4; margin: 1.4em 0 0.5em; }
h3, h4, h5, h6 { font-size: 1.1em; margin: 1.2em 0 0.4em; }
p { margin: 0 0 1em; }
.meta, .source { color: #444; margin: 0.3em 0; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
figure { margin: 1.5em 0; break-inside: avoid; }
img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 0.9em; color: #444; margin-top: 0.4em; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 4px solid #bbb; }
pre { white-space: pre-wrap; font-family: \"Noto Sans Mono\", Consolas, monospace;
  background: #f4f4f4; padding: 0.8em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.3em 0.6em; text-align: start; vertical-align: top; }
li { margin-bottom: 0.4em; }
@media print {
  html { font-size: 16pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
}
";

/// Nothing may load or run but the inline style and the embedded pictures.
const POLICY: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// The whole document. Pictures not in `pictures` (or of a type not
/// exported) are left out; their captions stay.
pub fn render(article: &Article, header: &Header, pictures: &Pictures) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let lang = article
        .lang
        .as_deref()
        .filter(|l| is_language_tag(l))
        .map(|l| format!(" lang=\"{}\"", escape(l)))
        .unwrap_or_default();
    let dir = match article.dir {
        TextDirection::Ltr => "ltr",
        TextDirection::Rtl => "rtl",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html{lang} dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<article>\n<header>\n",
        escape(&one_line(&article.title))
    );
    let title = one_line(&article.title);
    if !title.is_empty() {
        let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    }
    let meta = one_line(&header.meta_line);
    if !meta.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&meta));
    }
    let source = header.source.trim();
    if !source.is_empty() {
        let label = one_line(&header.source_label);
        let label = if label.is_empty() {
            String::new()
        } else {
            format!("{}{}", escape(&label), label_gap(&label))
        };
        let target = match web_address(source) {
            Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(source)),
            None => escape(source),
        };
        let _ = writeln!(out, "<p class=\"source\">{label}{target}</p>");
    }
    out.push_str("</header>\n");
    if let Some(lead) = lead_image(article) {
        out.push_str(&figure(lead, None, None, None, pictures));
    }
    for block in &article.blocks {
        out.push_str(&self::block(block, pictures));
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

fn block(block: &Block, pictures: &Pictures) -> String {
    match block {
        Block::Heading { level, content } => {
            // The title is the one <h1>.
            let level = (*level).clamp(2, 6);
            let text = inlines(content);
            if text.trim().is_empty() {
                return String::new();
            }
            format!("<h{level}>{text}</h{level}>\n")
        }
        Block::Paragraph { content } => {
            let text = inlines(content);
            if text.trim().is_empty() {
                return String::new();
            }
            format!("<p>{text}</p>\n")
        }
        Block::Image {
            src,
            alt,
            caption,
            credit,
            ..
        } => figure(
            src,
            alt.as_deref(),
            caption.as_deref(),
            credit.as_deref(),
            pictures,
        ),
        Block::Quote { paragraphs } => {
            let inner: String = paragraphs
                .iter()
                .map(|p| inlines(p))
                .filter(|p| !p.trim().is_empty())
                .map(|p| format!("<p>{p}</p>\n"))
                .collect();
            if inner.is_empty() {
                return String::new();
            }
            format!("<blockquote>\n{inner}</blockquote>\n")
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let inner: String = items
                .iter()
                .map(|i| inlines(i))
                .filter(|i| !i.trim().is_empty())
                .map(|i| format!("<li>{i}</li>\n"))
                .collect();
            if inner.is_empty() {
                return String::new();
            }
            format!("<{tag}>\n{inner}</{tag}>\n")
        }
        Block::Preformatted { text } => {
            if text.trim().is_empty() {
                return String::new();
            }
            format!("<pre>{}</pre>\n", escape(text.trim_end_matches('\n')))
        }
        Block::Table { rows } => table(rows),
    }
}

/// A picture with its caption and credit; only the caption when the
/// picture is not at hand; nothing when there is neither.
fn figure(
    src: &str,
    alt: Option<&str>,
    caption: Option<&str>,
    credit: Option<&str>,
    pictures: &Pictures,
) -> String {
    let image = pictures.get(src).and_then(|p| {
        let (mime, _) = picture_type(&p.content_type)?;
        Some(format!(
            "<img src=\"data:{mime};base64,{}\" alt=\"{}\">\n",
            base64::encode(&p.bytes),
            escape(&one_line(alt.unwrap_or_default()))
        ))
    });
    let notes: Vec<String> = [caption, credit]
        .into_iter()
        .flatten()
        .map(one_line)
        .filter(|n| !n.is_empty())
        .collect();
    let caption = (!notes.is_empty())
        .then(|| format!("<figcaption>{}</figcaption>\n", escape(&notes.join(" · "))));
    if image.is_none() && caption.is_none() {
        return String::new();
    }
    format!(
        "<figure>\n{}{}</figure>\n",
        image.unwrap_or_default(),
        caption.unwrap_or_default()
    )
}

/// A table; a first row followed by more rows is the column headings.
fn table(rows: &[Vec<String>]) -> String {
    if rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return String::new();
    }
    let headed = rows.len() > 1;
    let mut out = String::from("<table>\n");
    for (r, row) in rows.iter().enumerate() {
        out.push_str("<tr>");
        for cell in row {
            let cell = escape(&one_line(cell));
            if headed && r == 0 {
                let _ = write!(out, "<th scope=\"col\">{cell}</th>");
            } else {
                let _ = write!(out, "<td>{cell}</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

/// Inlines as escaped HTML: links only to http(s) addresses, breaks as
/// `<br>`.
fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text { text } => out.push_str(&escape(text)),
            Inline::Link { text, href } => {
                let shown = if text.trim().is_empty() { href } else { text };
                match web_address(href) {
                    Some(href) => {
                        let _ = write!(out, "<a href=\"{}\">{}</a>", escape(&href), escape(shown));
                    }
                    None => out.push_str(&escape(shown)),
                }
            }
            Inline::Break => out.push_str("<br>\n"),
        }
    }
    out
}

/// Text safe in element content and in quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // NUL and other C0 controls are parse errors; tabs and newlines stay.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// All whitespace (newlines included) collapsed to single spaces, trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A BCP 47-shaped tag (`zh-CN`, `en`): letters, digits and hyphens only.
fn is_language_tag(tag: &str) -> bool {
    (1..=35).contains(&tag.len())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !tag.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Picture;

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    fn header() -> Header {
        Header {
            meta_line: "新华网 · 2024年5月9日 · 约 2 分钟".into(),
            source_label: "原文：".into(),
            source: "https://news.example.cn/a?x=1&y=2".into(),
        }
    }

    fn png() -> Picture {
        Picture {
            content_type: "image/png".into(),
            bytes: b"\x89PNG\r\n".to_vec(),
        }
    }

    /// The `<article>` part, without the head's fixed style.
    fn body(page: &str) -> &str {
        let start = page.find("<article>").unwrap_or(0);
        &page[start..]
    }

    #[test]
    fn a_chinese_article_with_its_header_and_blocks() {
        let article = Article {
            title: "京津冀协同发展".into(),
            lang: Some("zh-CN".into()),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    content: vec![text("第一部分")],
                },
                Block::Paragraph {
                    content: vec![
                        text("详见"),
                        Inline::Link {
                            text: "报告".into(),
                            href: "https://example.cn/r".into(),
                        },
                        text("。"),
                        Inline::Break,
                        text("第二行"),
                    ],
                },
                Block::Quote {
                    paragraphs: vec![vec![text("引语")], vec![]],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("一")], vec![text("二")]],
                },
                Block::Preformatted {
                    text: "let a = 1;\n".into(),
                },
                Block::Table {
                    rows: vec![
                        vec!["城市".into(), "人口".into()],
                        vec!["北京".into(), "2185 万".into()],
                    ],
                },
            ],
            ..Article::default()
        };
        let page = render(&article, &header(), &Pictures::new());
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\" dir=\"ltr\">\n"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("<title>京津冀协同发展</title>"));
        assert_eq!(
            body(&page),
            "<article>\n<header>\n\
             <h1>京津冀协同发展</h1>\n\
             <p class=\"meta\">新华网 · 2024年5月9日 · 约 2 分钟</p>\n\
             <p class=\"source\">原文：<a href=\"https://news.example.cn/a?x=1&amp;y=2\">\
             https://news.example.cn/a?x=1&amp;y=2</a></p>\n\
             </header>\n\
             <h2>第一部分</h2>\n\
             <p>详见<a href=\"https://example.cn/r\">报告</a>。<br>\n第二行</p>\n\
             <blockquote>\n<p>引语</p>\n</blockquote>\n\
             <ol>\n<li>一</li>\n<li>二</li>\n</ol>\n\
             <pre>let a = 1;</pre>\n\
             <table>\n<tr><th scope=\"col\">城市</th><th scope=\"col\">人口</th></tr>\n\
             <tr><td>北京</td><td>2185 万</td></tr>\n</table>\n\
             </article>\n</body>\n</html>\n"
        );
    }

    #[test]
    fn pictures_are_embedded_and_missing_ones_keep_their_caption() {
        let article = Article {
            title: "T".into(),
            dir: TextDirection::Rtl,
            lead_image: Some("https://e.org/lead.png".into()),
            blocks: vec![
                Block::Image {
                    src: "https://e.org/a.png".into(),
                    alt: Some("湖".into()),
                    caption: Some("湖边".into()),
                    credit: Some("摄影：李华".into()),
                    size: None,
                },
                Block::Image {
                    src: "https://e.org/gone.png".into(),
                    alt: Some("gone".into()),
                    caption: Some("长椅".into()),
                    credit: None,
                    size: None,
                },
                Block::Image {
                    src: "https://e.org/bare.png".into(),
                    alt: None,
                    caption: None,
                    credit: None,
                    size: None,
                },
            ],
            ..Article::default()
        };
        let mut pictures = Pictures::new();
        pictures.insert("https://e.org/a.png".into(), png());
        pictures.insert("https://e.org/lead.png".into(), png());
        // A kept "picture" of a type we do not export is left out.
        pictures.insert(
            "https://e.org/bare.png".into(),
            Picture {
                content_type: "image/svg+xml".into(),
                bytes: b"<svg onload=alert(1)>".to_vec(),
            },
        );
        let page = render(&article, &Header::default(), &pictures);
        assert!(page.contains("<html dir=\"rtl\">"), "no lang when unknown");
        let png = format!("data:image/png;base64,{}", base64::encode(&png().bytes));
        assert_eq!(
            body(&page),
            format!(
                "<article>\n<header>\n<h1>T</h1>\n</header>\n\
                 <figure>\n<img src=\"{png}\" alt=\"\">\n</figure>\n\
                 <figure>\n<img src=\"{png}\" alt=\"湖\">\n\
                 <figcaption>湖边 · 摄影：李华</figcaption>\n</figure>\n\
                 <figure>\n<figcaption>长椅</figcaption>\n</figure>\n\
                 </article>\n</body>\n</html>\n"
            )
        );
    }

    /// Every `src=` and `href=` value in `page`.
    fn addresses(page: &str) -> Vec<String> {
        let mut found = Vec::new();
        for attr in ["src=\"", "href=\""] {
            for (i, _) in page.match_indices(attr) {
                let rest = &page[i + attr.len()..];
                found.push(rest[..rest.find('"').unwrap_or(rest.len())].to_owned());
            }
        }
        found
    }

    #[test]
    fn hostile_text_titles_and_addresses_make_no_markup() {
        let evil = "</title><script>alert('x')</script><img src=x onerror=\"alert(1)\">&amp;";
        let article = Article {
            title: evil.into(),
            lang: Some("en\"><script>".into()),
            lead_image: Some("javascript:alert(1)".into()),
            blocks: vec![
                Block::Heading {
                    level: 2,
                    content: vec![text(evil)],
                },
                Block::Paragraph {
                    content: vec![
                        text(evil),
                        Inline::Link {
                            text: evil.into(),
                            href: "javascript:alert(1)".into(),
                        },
                        Inline::Link {
                            text: "data".into(),
                            href: "data:text/html,<script>alert(1)</script>".into(),
                        },
                        Inline::Link {
                            text: "quote".into(),
                            href: "https://e.org/\"onmouseover=\"alert(1)".into(),
                        },
                        Inline::Link {
                            text: "file".into(),
                            href: "file:///etc/passwd".into(),
                        },
                    ],
                },
                Block::Image {
                    src: "https://e.org/\"><script>.png".into(),
                    alt: Some(evil.into()),
                    caption: Some(evil.into()),
                    credit: Some(evil.into()),
                    size: None,
                },
                Block::Image {
                    src: "javascript:alert(2)".into(),
                    alt: None,
                    caption: None,
                    credit: None,
                    size: None,
                },
                Block::Quote {
                    paragraphs: vec![vec![text(evil)]],
                },
                Block::List {
                    ordered: false,
                    items: vec![vec![text(evil)]],
                },
                Block::Preformatted { text: evil.into() },
                Block::Table {
                    rows: vec![vec![evil.into()], vec![evil.into()]],
                },
            ],
            ..Article::default()
        };
        let mut pictures = Pictures::new();
        pictures.insert("https://e.org/\"><script>.png".into(), png());
        let page = render(
            &article,
            &Header {
                meta_line: evil.into(),
                source_label: evil.into(),
                source: "javascript:alert(3)".into(),
            },
            &pictures,
        );
        // No tag but ours: every `<` from the page is escaped.
        let tags: std::collections::BTreeSet<&str> = page
            .split('<')
            .skip(1)
            .map(|t| {
                t.split(|c: char| c == '>' || c.is_whitespace())
                    .next()
                    .unwrap_or("")
            })
            .collect();
        let ours: std::collections::BTreeSet<&str> = [
            "!DOCTYPE",
            "html",
            "head",
            "meta",
            "title",
            "/title",
            "style",
            "/style",
            "/head",
            "body",
            "article",
            "header",
            "h1",
            "/h1",
            "p",
            "/p",
            "/header",
            "h2",
            "/h2",
            "a",
            "/a",
            "figure",
            "img",
            "figcaption",
            "/figcaption",
            "/figure",
            "blockquote",
            "/blockquote",
            "ul",
            "li",
            "/li",
            "/ul",
            "pre",
            "/pre",
            "table",
            "tr",
            "th",
            "/th",
            "/tr",
            "td",
            "/td",
            "/table",
            "/article",
            "/body",
            "/html",
        ]
        .into_iter()
        .collect();
        assert!(tags.is_subset(&ours), "{:?}", tags.difference(&ours));
        assert!(!page.contains("<script"));
        assert!(!page.to_lowercase().contains("javascript:alert(1)\""));
        // Only http(s) and data: addresses, the data: ones pictures only.
        let found = addresses(&page);
        assert_eq!(found.len(), 2, "{found:?}");
        for address in &found {
            assert!(
                address.starts_with("https://") || address.starts_with("data:image/png;base64,"),
                "{address}"
            );
        }
        // A quote in a link address cannot end the attribute.
        assert!(page.contains("href=\"https://e.org/%22onmouseover=%22alert(1)\""));
        // The text is all still there, escaped.
        assert!(page.contains("<h1>&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)"));
        assert!(page.contains("&amp;amp;"));
        assert!(!page.contains(" lang="));
    }

    #[test]
    fn the_policy_lets_in_only_style_and_embedded_pictures() {
        let page = render(&Article::default(), &Header::default(), &Pictures::new());
        assert!(page.contains("default-src 'none'; img-src data:;"));
        assert!(!page.contains("<h1>"), "an empty title gives no heading");
        assert!(!page.contains("class=\"source\""));
        // Large text for reading and printing.
        assert!(page.contains("html { font-size: 22px; }"));
        assert!(page.contains("@media print"));
    }

    #[test]
    fn control_characters_and_tags() {
        assert_eq!(escape("a\u{0}b\tc"), "a\u{FFFD}b\tc");
        assert!(is_language_tag("zh-Hans-CN"));
        assert!(!is_language_tag("en\""));
        assert!(!is_language_tag(""));
    }
}
