//! The script of real articles: every character of every part is in exactly
//! one sentence (so the highlight never loses text), images are announced,
//! and the engine gets Chinese numbers as words.

#![allow(clippy::unwrap_used)]

use narrator::script::{Script, SentenceKind};
use narrator::text::Lang;
use reader_article::{Article, Block, inline_text};
use reader_l10n::Localizer;

/// The text of each part, keyed as the script locates sentences.
fn part_text(article: &Article, block: Option<usize>, part: usize) -> String {
    let Some(b) = block else {
        return article.title.clone();
    };
    match &article.blocks[b] {
        Block::Heading { content, .. } | Block::Paragraph { content } => inline_text(content),
        Block::Quote { paragraphs } => inline_text(&paragraphs[part]),
        Block::List { items, .. } => inline_text(&items[part]),
        Block::Preformatted { text } => text.clone(),
        Block::Image { alt, caption, .. } => {
            if part == 0 {
                alt.clone().unwrap_or_default()
            } else {
                caption.clone().unwrap_or_default()
            }
        }
        Block::Table { .. } => String::new(),
    }
}

/// Sentences of each text part tile it: consecutive, from 0 to its UTF-16 length.
fn assert_tiles(article: &Article, script: &Script, name: &str) {
    let mut i = 0;
    while i < script.sentences.len() {
        let s = &script.sentences[i];
        if !matches!(s.kind, SentenceKind::Text | SentenceKind::Title) {
            i += 1;
            continue;
        }
        let text = part_text(article, s.block, s.part);
        let len16 = text.encode_utf16().count();
        let mut at = 0;
        while i < script.sentences.len()
            && script.sentences[i].block == s.block
            && script.sentences[i].part == s.part
            && matches!(
                script.sentences[i].kind,
                SentenceKind::Text | SentenceKind::Title
            )
        {
            let t = &script.sentences[i];
            assert_eq!(
                t.start, at,
                "{name}: gap or overlap before sentence {i} in {:?}",
                text
            );
            assert!(t.end > t.start, "{name}: empty sentence {i}");
            at = t.end;
            i += 1;
        }
        assert_eq!(at, len16, "{name}: the sentences of {:?} stop short", text);
    }
    // Paragraphs partition the sentences, in order.
    let mut next = 0;
    for p in &script.paragraphs {
        assert_eq!(p.first, next, "{name}");
        next += p.len;
    }
    assert_eq!(next, script.sentences.len(), "{name}");
}

#[test]
fn every_character_of_the_seed_page_is_in_exactly_one_sentence() {
    let html = care_reader_tests::netease::article_html().unwrap();
    let article = reader_web::extract::extract(&html, None).unwrap();
    let script = Script::of(&article, &Localizer::new("zh-CN"));
    assert!(script.sentences.len() > 20);
    assert_tiles(&article, &script, "netease seed");
    // Numbers reach the engine as words: no Arabic digit in a Chinese utterance.
    for s in &script.sentences {
        for u in s.utterances.iter().filter(|u| u.lang == Lang::Zh) {
            assert!(
                !u.text.chars().any(|c| c.is_ascii_digit()),
                "{:?} → {:?}",
                s.text,
                u.text
            );
        }
    }
}

#[test]
fn corpus_articles_are_covered_sentence_by_sentence() {
    let Some(root) = care_reader_tests::corpus::corpus_root_or_skip("script corpus round trip")
    else {
        return;
    };
    let cases = care_reader_tests::corpus::load_all(&root).unwrap();
    let l10n = Localizer::new("en-US");
    let mut checked = 0;
    for case in cases.iter().step_by(5) {
        let Ok(bytes) = case.html_bytes() else {
            continue;
        };
        let (html, _) = reader_web::fetch::charset::decode(&bytes, None);
        let Ok(article) = reader_web::extract::extract(&html, case.base_url().as_ref()) else {
            continue;
        };
        let script = Script::of(&article, &l10n);
        assert_tiles(&article, &script, &case.id());
        checked += 1;
    }
    assert!(checked > 40, "only {checked} corpus articles checked");
}

#[test]
fn images_are_announced_and_tables_read_row_by_row() {
    let html = r#"<html lang="en"><body><article><h1>Garden news</h1>
      <p>The roses opened early this year. Everyone noticed.</p>
      <figure><img src="https://example.com/rose.jpg" alt="A red rose in the rain">
        <figcaption>Roses in the town garden.</figcaption></figure>
      <p>More flowers followed in June, and the bees came back with them.</p>
      <table><tr><th>Flower</th><th>Month</th></tr><tr><td>Rose</td><td>May</td></tr></table>
      <p>The garden opens every day from nine until five in the afternoon.</p>
    </article></body></html>"#;
    let article = reader_web::extract::extract(html, None).unwrap();
    for (lang, picture, caption) in [
        ("en-US", "Picture", "Caption"),
        ("zh-CN", "图片", "图片说明"),
    ] {
        let script = Script::of(&article, &Localizer::new(lang));
        assert_tiles(&article, &script, lang);
        let image = script
            .sentences
            .iter()
            .find(|s| s.kind == SentenceKind::Image)
            .expect("the alt text is read");
        assert_eq!(image.utterances[0].text, picture);
        assert_eq!(image.utterances[1].text, "A red rose in the rain");
        let cap = script
            .sentences
            .iter()
            .find(|s| s.block == image.block && s.part == 1)
            .expect("the caption is read");
        assert_eq!(cap.utterances[0].text, caption);
        // The image's alt text and caption are one paragraph for navigation.
        assert_eq!(image.paragraph, cap.paragraph);
        if article
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Table { .. }))
        {
            let rows: Vec<_> = script
                .sentences
                .iter()
                .filter(|s| s.kind == SentenceKind::Row)
                .map(|s| s.text.as_str())
                .collect();
            assert_eq!(rows, ["Flower, Month", "Rose, May"]);
        }
    }
}
