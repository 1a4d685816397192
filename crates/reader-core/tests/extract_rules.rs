//! One rule of the extractor per test, on small pages written for the test.

use reader_core::article::{Article, Block};
use reader_core::extract::extract;

fn paragraph(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the story tells, at some length and with care, what the council \
         decided on Tuesday, why the decision matters to the town, and what comes next. \
         Residents said they were relieved, though some doubted the plan.</p>"
    )
}

fn page(body: &str) -> String {
    format!("<html><head><title>Council decides</title></head><body>{body}</body></html>")
}

fn run(html: &str) -> Article {
    match extract(html, None) {
        Ok(a) => a,
        Err(e) => panic!("no article: {e}"),
    }
}

fn text(a: &Article) -> String {
    a.body_text()
}

#[test]
fn folded_second_half_named_read_more_is_kept() {
    let first: String = (1..=3).map(paragraph).collect();
    let rest: String = (4..=12).map(paragraph).collect();
    let html = page(&format!(
        "<div class=story><div class=story-body>{first}\
         <div id=read-more><div id=read-more-link><a href=\"#\">Read more</a></div>\
         <div id=read-more-content>{rest}</div></div></div></div>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("Paragraph 1 "), "{t}");
    assert!(
        t.contains("Paragraph 12 "),
        "the folded half is article: {t}"
    );
}

#[test]
fn headline_list_under_a_more_stories_label_is_dropped() {
    let body: String = (1..=6).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=article-body>{body}<hr>\
         <div class=heading-h3>More Great Town Stories</div>\
         <ul><li>The strange life of <a href=/a>a virtuoso coder</a></li>\
         <li>How the bridge <a href=/b>was finally built</a></li>\
         <li>Why the river <a href=/c>keeps rising every spring</a></li></ul>\
         </div></article>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("Paragraph 6 "), "{t}");
    assert!(!t.contains("More Great Town Stories"), "{t}");
    assert!(!t.contains("virtuoso"), "the list it labels goes too: {t}");
}

#[test]
fn list_in_the_text_with_links_in_every_item_is_kept() {
    let body: String = (1..=6).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=entry-content>{body}<ul>\
         <li>Ann fixed <a href=/1>bug 1677080</a> so the window keeps its size when the source changes</li>\
         <li>Bo added <a href=/2>telemetry</a> for the new multi-window mode, as promised last week</li>\
         <li>Cy made <a href=/3>the toolbar</a> start later, which shaves time off every launch</li>\
         </ul>{}</div></article>",
        paragraph(7)
    ));
    let a = run(&html);
    let list = a
        .blocks
        .iter()
        .any(|b| matches!(b, Block::List { items, .. } if items.len() == 3));
    assert!(list, "the list stays, as a list: {}", text(&a));
}

#[test]
fn math_markup_is_not_mistaken_for_a_menu() {
    let body: String = (1..=4).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=content>{body}<p>The area is \
         <mjx-container class=\"MathJax ctxtmenu_attached_0\">πr²</mjx-container> \
         for every circle.</p></div></article>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("πr²"), "{t}");
}
