//! Pages that are never articles, however much text the passes find on
//! them: a web server's directory listing and a sign-in page. Both are
//! turned away as "no article" so they are neither shown as one nor
//! remembered among the recent articles.
//!
//! The rules are narrow on purpose: each needs a plain sign of the kind of
//! page (a listing's title; a password box whose form is what extraction
//! kept) *and* little prose, so an article that happens to carry a sign-in
//! box in its header, or a forum's notice beside one, still reads.

use reader_article::{Block, Inline};
use scraper::{ElementRef, Html, Selector};

use super::text::TextStats;

/// Less running text than this (Latin-equivalent characters, outside
/// links) is "little prose": a few short sentences, where the shortest
/// articles the corpus holds have several times more.
const LITTLE_PROSE: f32 = 400.0;

/// Titles web servers give their generated listings: Apache, nginx and
/// lighttpd ("Index of /path/"), Python's http.server ("Directory listing
/// for /path/"). Compared in lower case, at the start of the title.
const LISTING_TITLES: &[&str] = &["index of /", "directory listing for /"];

/// Whether the page is a directory listing or a sign-in page rather than an
/// article. `titles` are the page's own titles (its `<title>`, its headline);
/// `blocks` what extraction found.
pub fn is_not_an_article(doc: &Html, titles: &[Option<&str>], blocks: &[Block]) -> bool {
    if prose_len(blocks) >= LITTLE_PROSE {
        return false;
    }
    is_listing_title(titles) || is_sign_in_form(doc, blocks)
}

fn is_listing_title(titles: &[Option<&str>]) -> bool {
    titles.iter().flatten().any(|title| {
        let title = title.trim_start().to_lowercase();
        LISTING_TITLES.iter().any(|start| title.starts_with(start))
    })
}

/// Whether what extraction kept is a sign-in form: some line of the blocks
/// lies inside the form (or, without a form, the parent) of a password box.
fn is_sign_in_form(doc: &Html, blocks: &[Block]) -> bool {
    let Ok(password) = Selector::parse("input[type=password i]") else {
        return false;
    };
    let lines: Vec<String> = blocks
        .iter()
        .flat_map(Block::text_lines)
        .map(|line| one_spaced(&line))
        .filter(|line| !line.is_empty())
        .collect();
    doc.select(&password).any(|input| {
        let form = input
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|el| el.value().name() == "form")
            .or_else(|| input.parent().and_then(ElementRef::wrap));
        let Some(form) = form else {
            return false;
        };
        let text = one_spaced(&form.text().collect::<String>());
        lines.iter().any(|line| text.contains(line.as_str()))
    })
}

/// Whitespace runs as one space, trimmed: block lines and the DOM's text
/// compared alike.
fn one_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The running text of the article's paragraphs and quotes, without link
/// text: lists, tables, preformatted text (a listing's lines) and headings
/// are not prose.
fn prose_len(blocks: &[Block]) -> f32 {
    let text_of = |inlines: &[Inline]| -> String {
        inlines
            .iter()
            .filter_map(|inline| match inline {
                Inline::Text { text } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    };
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { content } => TextStats::of(&text_of(content)).weighted_len(),
            Block::Quote { paragraphs } => paragraphs
                .iter()
                .map(|p| TextStats::of(&text_of(p)).weighted_len())
                .sum(),
            _ => 0.0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            content: vec![Inline::Text { text: text.into() }],
        }
    }

    #[test]
    fn listing_titles() {
        let yes = [
            "Index of /",
            "Index of /pub/docs/",
            "  INDEX OF /x",
            "Directory listing for /",
        ];
        for title in yes {
            assert!(is_listing_title(&[None, Some(title)]), "{title}");
        }
        let no = [
            "Index of American rivers",
            "An index of /r/ posts",
            "首页",
            "Index",
        ];
        for title in no {
            assert!(!is_listing_title(&[Some(title)]), "{title}");
        }
    }

    #[test]
    fn a_password_box_in_any_case_and_only_in_the_kept_form() {
        let kept = [paragraph("Password")];
        let page = |input: &str| {
            Html::parse_document(&format!("<form><label>Password</label> {input}</form>"))
        };
        assert!(is_sign_in_form(&page("<input type=password>"), &kept));
        assert!(is_sign_in_form(
            &page("<input type=\"PASSWORD\" name=pw>"),
            &kept
        ));
        assert!(!is_sign_in_form(
            &page("<input type=text name=password>"),
            &kept
        ));
        assert!(!is_sign_in_form(&page("<input type=search>"), &kept));
        // A notice beside a sign-in box (a forum's "you are not signed in")
        // is what was kept, not the form.
        let beside = Html::parse_document(
            "<p>An error occurred: the board does not exist.</p>\
             <form><label>Password</label><input type=password></form>",
        );
        let notice = [paragraph("An error occurred: the board does not exist.")];
        assert!(!is_sign_in_form(&beside, &notice));
        // No form: the box's parent stands in for it.
        let bare = Html::parse_document("<div>Password <input type=password></div>");
        assert!(is_sign_in_form(&bare, &kept));
    }

    #[test]
    fn prose_outweighs_the_signs() {
        let doc = Html::parse_document(
            "<form><p>Welcome back. Please sign in.</p><input type=password>\
             <a href=/forgot>Forgot your password?</a></form>",
        );
        let short = [paragraph("Welcome back. Please sign in.")];
        assert!(is_not_an_article(&doc, &[Some("Sign in")], &short));
        // An article with a sign-in box in its header still reads.
        let long = vec![paragraph(
            &"The river rose slowly through the night. ".repeat(12),
        )];
        assert!(!is_not_an_article(&doc, &[Some("Floods")], &long));
        // Links and lists are not prose.
        let links = [Block::Paragraph {
            content: vec![Inline::Link {
                text: "Forgot your password?".into(),
                href: "/forgot".into(),
            }],
        }];
        assert!(is_not_an_article(&doc, &[None], &links));
        // Neither sign: whatever the length, not our business.
        let plain = Html::parse_document("<p>A note.</p>");
        assert!(!is_not_an_article(&plain, &[Some("A note")], &short));
    }
}
