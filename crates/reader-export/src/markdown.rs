//! An [`Article`] as a readable Markdown document (CommonMark plus GFM
//! tables): [`render`] for `care-reader extract` (title, an italic byline
//! line, then the blocks, pictures by their web address), [`document`] for
//! an export (the header of [`Header`], pictures by the local files the
//! caller names, or left out with their captions kept).
//!
//! Page text is escaped so it reads back as the same text: characters that
//! would start emphasis, links, code or HTML are backslash-escaped anywhere,
//! and characters that would start a heading, quote or list only at the start
//! of a line, so ordinary prose (`a > b`, `snake_case`) stays readable.

use reader_article::{Article, Block, Inline};

use crate::{Header, label_gap, lead_image, web_address};

/// Where a picture is, by its address in the article: a destination to
/// write, or `None` to leave the picture out (its caption stays).
type Images<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Every picture at its own address.
fn same(src: &str) -> Option<String> {
    Some(src.to_owned())
}

/// The whole document, ending in one newline.
pub fn render(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    let title = one_line(&article.title);
    if !title.is_empty() {
        parts.push(format!("# {}", heading_text(&title)));
    }
    let meta: Vec<String> = [&article.byline, &article.site_name, &article.published]
        .into_iter()
        .flatten()
        .map(|s| one_line(s))
        .filter(|s| !s.is_empty())
        .collect();
    if !meta.is_empty() {
        parts.push(italic(&meta.join(" · ")));
    }
    parts.extend(article.blocks.iter().filter_map(|b| block(b, &same)));
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// An exported article: the title, the header's line under it, the source
/// (a link when it is a web address), the lead picture when the body does
/// not show it, then the blocks, each picture where `images` says (a path
/// relative to the document) or left out. Ends in one newline.
pub fn document(article: &Article, header: &Header, images: Images<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let title = one_line(&article.title);
    if !title.is_empty() {
        parts.push(format!("# {}", heading_text(&title)));
    }
    let meta = one_line(&header.meta_line);
    if !meta.is_empty() {
        parts.push(italic(&meta));
    }
    let source = header.source.trim();
    if !source.is_empty() {
        let label = one_line(&header.source_label);
        let target = match web_address(source) {
            Some(href) => format!("[{}]({})", escape_inline(source), destination(&href)),
            None => escape_inline(&one_line(source)),
        };
        let line = if label.is_empty() {
            target
        } else {
            format!("{}{}{target}", escape_inline(&label), label_gap(&label))
        };
        parts.push(escape_line_start(&line));
    }
    if let Some(lead) = lead_image(article) {
        let lead = Block::Image {
            src: lead.to_owned(),
            alt: None,
            caption: None,
            credit: None,
            size: None,
        };
        parts.extend(block(&lead, images));
    }
    parts.extend(article.blocks.iter().filter_map(|b| block(b, images)));
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// One block, or `None` when it has nothing to show.
fn block(block: &Block, images: Images<'_>) -> Option<String> {
    let text = match block {
        Block::Heading { level, content } => {
            // `#` is the article title, so page headings start at `##`.
            let level = usize::from((*level).clamp(2, 6));
            let text = one_line(&inlines(content));
            if text.is_empty() {
                return None;
            }
            format!("{} {}", "#".repeat(level), heading_text(&text))
        }
        Block::Paragraph { content } => inlines(content),
        Block::Image {
            src,
            alt,
            caption,
            credit,
            ..
        } => {
            let alt = alt.as_deref().map(one_line).unwrap_or_default();
            let mut out = images(src)
                .map(|to| format!("![{}]({})", escape_inline(&alt), destination(&to)))
                .unwrap_or_default();
            let notes: Vec<String> = [caption, credit]
                .into_iter()
                .flatten()
                .map(|s| one_line(s))
                .filter(|s| !s.is_empty())
                .collect();
            if !notes.is_empty() {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&italic(&notes.join(" — ")));
            }
            out
        }
        Block::Quote { paragraphs } => paragraphs
            .iter()
            .map(|p| inlines(p))
            .filter(|p| !p.is_empty())
            .map(|p| prefix_lines(&p, "> ", "> "))
            .collect::<Vec<_>>()
            .join("\n>\n"),
        Block::List { ordered, items } => items
            .iter()
            .map(|item| inlines(item))
            .filter(|item| !item.is_empty())
            .enumerate()
            .map(|(i, item)| {
                let marker = if *ordered {
                    format!("{}. ", i + 1)
                } else {
                    "- ".to_owned()
                };
                let indent = " ".repeat(marker.len());
                prefix_lines(&item, &marker, &indent)
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Preformatted { text } => {
            let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
            format!("{fence}\n{}\n{fence}", text.trim_end_matches('\n'))
        }
        Block::Table { rows } => table(rows),
    };
    (!text.trim().is_empty()).then_some(text)
}

/// Inlines as one paragraph; `Break` becomes a hard line break.
fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text { text } => out.push_str(&escape_inline(&collapse(text))),
            Inline::Link { text, href } => {
                let text = collapse(text);
                let text = if text.trim().is_empty() { href } else { &text };
                // Only web addresses are links (the article promises as
                // much; an export does not take it on trust).
                match web_address(href) {
                    Some(href) => out.push_str(&format!(
                        "[{}]({})",
                        escape_inline(text),
                        destination(&href)
                    )),
                    None => out.push_str(&escape_inline(text)),
                }
            }
            Inline::Break => out.push('\n'),
        }
    }
    // Tidy each line, then mark the breaks: two spaces before the newline.
    let lines: Vec<String> = out
        .split('\n')
        .map(|line| escape_line_start(line.trim()))
        .collect();
    let mut lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    // An empty line would end the paragraph; drop doubled breaks.
    lines.retain(|l| !l.is_empty());
    lines.join("  \n")
}

/// A GFM table; the first row is the header.
fn table(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let row = |cells: &[String]| {
        let mut out = String::from("|");
        for i in 0..width {
            let cell = cells.get(i).map(|c| one_line(c)).unwrap_or_default();
            out.push(' ');
            out.push_str(&escape_inline(&cell).replace('|', "\\|"));
            out.push_str(" |");
        }
        out
    };
    let mut lines = vec![row(&rows[0]), format!("|{}", " --- |".repeat(width))];
    lines.extend(rows[1..].iter().map(|r| row(r)));
    lines.join("\n")
}

/// Each line of `text` after a prefix: `first` on the first, `rest` after.
fn prefix_lines(text: &str, first: &str, rest: &str) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| format!("{}{line}", if i == 0 { first } else { rest }))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `*text*`, escaped, on one line.
fn italic(text: &str) -> String {
    format!("*{}*", escape_line_start(&escape_inline(text.trim())))
}

/// Heading text: escaped, and a trailing `#` kept from closing the heading.
fn heading_text(text: &str) -> String {
    let text = escape_inline(text);
    match text.strip_suffix('#') {
        Some(rest) => format!("{rest}\\#"),
        None => text,
    }
}

/// All whitespace (newlines included) collapsed to single spaces, trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs of spaces and tabs collapsed (newlines are a block's business).
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Escape what has meaning anywhere in a line: emphasis, code, links, HTML,
/// entities, strikethrough. `_` only where it could open or close emphasis.
fn escape_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(i + 1);
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' => true,
            '_' => {
                !(prev.is_some_and(|p| p.is_alphanumeric())
                    && next.is_some_and(|n| n.is_alphanumeric()))
            }
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escape what has meaning only at the start of a line: headings, quotes,
/// list markers, setext underlines, fences.
fn escape_line_start(line: &str) -> String {
    let Some(first) = line.chars().next() else {
        return String::new();
    };
    let after = line.chars().nth(1);
    let marker_follows = after.is_none_or(char::is_whitespace);
    match first {
        '#' | '>' | '=' => return format!("\\{line}"),
        '-' | '+' if marker_follows => return format!("\\{line}"),
        _ => {}
    }
    // `1. ` or `1) ` would start an ordered list.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let mut rest = line[digits..].chars();
        if let Some(punct @ ('.' | ')')) = rest.next()
            && rest.next().is_none_or(char::is_whitespace)
        {
            return format!("{}\\{punct}{}", &line[..digits], &line[digits + 1..]);
        }
    }
    line.to_owned()
}

/// A link or image destination: parentheses, spaces and angle brackets
/// escaped or encoded so the destination cannot end early.
fn destination(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.trim().chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            _ => out.push(c),
        }
    }
    out
}

fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    fn para(content: Vec<Inline>) -> Block {
        Block::Paragraph { content }
    }

    #[test]
    fn document_with_title_meta_and_paragraphs() {
        let article = Article {
            title: "京津冀 *协同* 发展".into(),
            byline: Some("记者 张三".into()),
            site_name: Some("新华网".into()),
            published: Some("2024-05-09".into()),
            blocks: vec![
                para(vec![
                    text("First, see "),
                    Inline::Link {
                        text: "the report".into(),
                        href: "https://example.com/a_(b)".into(),
                    },
                    text("."),
                ]),
                para(vec![text("Line one"), Inline::Break, text("line two")]),
            ],
            ..Article::default()
        };
        assert_eq!(
            render(&article),
            "# 京津冀 \\*协同\\* 发展\n\n\
             *记者 张三 · 新华网 · 2024-05-09*\n\n\
             First, see [the report](https://example.com/a_\\(b\\)).\n\n\
             Line one  \nline two\n"
        );
    }

    #[test]
    fn no_meta_line_when_there_is_no_metadata() {
        let article = Article {
            title: "T".into(),
            blocks: vec![para(vec![text("Body.")])],
            ..Article::default()
        };
        assert_eq!(render(&article), "# T\n\nBody.\n");
    }

    #[test]
    fn headings_start_below_the_title() {
        let h = |level, s: &str| Block::Heading {
            level,
            content: vec![text(s)],
        };
        assert_eq!(block(&h(1, "A"), &same).as_deref(), Some("## A"));
        assert_eq!(block(&h(2, "B"), &same).as_deref(), Some("## B"));
        assert_eq!(block(&h(3, "C"), &same).as_deref(), Some("### C"));
        assert_eq!(block(&h(9, "D"), &same).as_deref(), Some("###### D"));
        assert_eq!(
            block(&h(2, "Learn C#"), &same).as_deref(),
            Some("## Learn C\\#")
        );
        assert_eq!(block(&h(2, "  "), &same), None);
    }

    #[test]
    fn images_with_caption_and_credit() {
        let image = Block::Image {
            src: "https://img.example.com/a b.jpg".into(),
            alt: Some("A [lake]".into()),
            caption: Some("The lake at dawn.".into()),
            credit: Some("Photo: Li Hua".into()),
            size: None,
        };
        assert_eq!(
            block(&image, &same).as_deref(),
            Some(
                "![A \\[lake\\]](https://img.example.com/a%20b.jpg)\n\
                 *The lake at dawn. — Photo: Li Hua*"
            )
        );
        let bare = Block::Image {
            src: "https://img.example.com/a.jpg".into(),
            alt: None,
            caption: None,
            credit: None,
            size: None,
        };
        assert_eq!(
            block(&bare, &same).as_deref(),
            Some("![](https://img.example.com/a.jpg)")
        );
    }

    #[test]
    fn quotes_and_lists() {
        let quote = Block::Quote {
            paragraphs: vec![
                vec![text("To be,"), Inline::Break, text("or not.")],
                vec![text("# not a heading")],
            ],
        };
        assert_eq!(
            block(&quote, &same).as_deref(),
            Some("> To be,  \n> or not.\n>\n> \\# not a heading")
        );
        let list = Block::List {
            ordered: true,
            items: vec![
                vec![text("one")],
                vec![text("")],
                vec![text("two"), Inline::Break, text("more")],
            ],
        };
        assert_eq!(
            block(&list, &same).as_deref(),
            Some("1. one\n2. two  \n   more")
        );
        let list = Block::List {
            ordered: false,
            items: vec![
                vec![text("- dash")],
                vec![Inline::Link {
                    text: "x".into(),
                    href: "https://x.example/".into(),
                }],
            ],
        };
        assert_eq!(
            block(&list, &same).as_deref(),
            Some("- \\- dash\n- [x](https://x.example/)")
        );
    }

    #[test]
    fn preformatted_is_fenced_past_its_own_backticks() {
        let pre = Block::Preformatted {
            text: "let a = 1;\n```\n".into(),
        };
        assert_eq!(
            block(&pre, &same).as_deref(),
            Some("````\nlet a = 1;\n```\n````")
        );
        let pre = Block::Preformatted {
            text: "  indented *kept*".into(),
        };
        assert_eq!(
            block(&pre, &same).as_deref(),
            Some("```\n  indented *kept*\n```")
        );
    }

    #[test]
    fn tables_are_gfm_with_a_header_row() {
        let table = Block::Table {
            rows: vec![
                vec!["城市".into(), "人口".into()],
                vec!["北京".into(), "2,185 万".into()],
                vec!["a|b".into()],
            ],
        };
        assert_eq!(
            block(&table, &same).as_deref(),
            Some("| 城市 | 人口 |\n| --- | --- |\n| 北京 | 2,185 万 |\n| a\\|b |  |")
        );
        assert_eq!(block(&Block::Table { rows: vec![] }, &same), None);
    }

    #[test]
    fn escaping_is_reasonable() {
        assert_eq!(
            escape_inline("a > b, snake_case, 5 * 3"),
            "a > b, snake_case, 5 \\* 3"
        );
        assert_eq!(
            escape_inline("_x_ [y] <b> `c` ~d~ &amp; & co"),
            "\\_x\\_ \\[y\\] \\<b> \\`c\\` \\~d\\~ \\&amp; & co"
        );
        assert_eq!(escape_line_start("# one"), "\\# one");
        assert_eq!(escape_line_start("> two"), "\\> two");
        assert_eq!(escape_line_start("- three"), "\\- three");
        assert_eq!(escape_line_start("-3 degrees"), "-3 degrees");
        assert_eq!(escape_line_start("2024. A year"), "2024\\. A year");
        assert_eq!(escape_line_start("3) three"), "3\\) three");
        assert_eq!(escape_line_start("3.5 million"), "3.5 million");
        assert_eq!(escape_line_start("=== "), "\\=== ");
        assert_eq!(escape_line_start("2024年5月9日"), "2024年5月9日");
    }

    #[test]
    fn paragraph_whitespace_is_tidied() {
        let p = para(vec![
            text("  Spaced \t out  "),
            Inline::Break,
            Inline::Break,
            text("- after"),
            Inline::Break,
        ]);
        assert_eq!(block(&p, &same).as_deref(), Some("Spaced out  \n\\- after"));
        assert_eq!(block(&para(vec![text("   ")]), &same), None);
    }

    #[test]
    fn an_export_document_escapes_hostile_text_and_names_local_pictures() {
        let article = Article {
            title: "# *银杏* <script>alert(1)</script>".into(),
            lead_image: Some("https://e.org/lead.png".into()),
            blocks: vec![
                para(vec![
                    text("1. [x](javascript:alert(1)) <b>"),
                    Inline::Link {
                        text: "click".into(),
                        href: "javascript:alert(1)".into(),
                    },
                ]),
                Block::Image {
                    src: "https://e.org/a.png".into(),
                    alt: Some("湖](javascript:x)".into()),
                    caption: Some("湖边".into()),
                    credit: None,
                    size: None,
                },
                Block::Image {
                    src: "https://e.org/gone.png".into(),
                    alt: None,
                    caption: Some("- 长椅".into()),
                    credit: None,
                    size: None,
                },
            ],
            ..Article::default()
        };
        let header = Header {
            meta_line: "新华网 · 约 1 分钟".into(),
            source_label: "Source:".into(),
            source: "https://e.org/a (1)".into(),
        };
        let local = |src: &str| match src {
            "https://e.org/lead.png" => Some("银杏 pictures/01.png".to_owned()),
            "https://e.org/a.png" => Some("银杏 pictures/02.png".to_owned()),
            _ => None,
        };
        assert_eq!(
            document(&article, &header, &local),
            // `#` inside a heading's text is text.
            "# # \\*银杏\\* \\<script>alert(1)\\</script>\n\n\
             *新华网 · 约 1 分钟*\n\n\
             Source: [https://e.org/a (1)](https://e.org/a%20\\(1\\))\n\n\
             ![](银杏%20pictures/01.png)\n\n\
             1\\. \\[x\\](javascript:alert(1)) \\<b>click\n\n\
             ![湖\\](javascript:x)](银杏%20pictures/02.png)\n*湖边*\n\n\
             *\\- 长椅*\n"
        );
    }

    #[test]
    fn empty_link_text_shows_the_address() {
        let p = para(vec![Inline::Link {
            text: " ".into(),
            href: "https://example.com/x".into(),
        }]);
        assert_eq!(
            block(&p, &same).as_deref(),
            Some("[https://example.com/x](https://example.com/x)")
        );
    }
}
