//! Article → the narrator's script (narrator::Script::of): sentence
//! positions the UI highlights, and what each voice is given to say.
//!
//! Input: byte 0 picks the article's declared language and the reader's UI
//! language; the rest is text cut into blocks at U+0000 (the first piece is
//! the title; a piece's first character picks the block's kind; `|` cuts
//! list items, quote paragraphs and table cells, `\t` table rows).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use narrator::Script;
use narrator::script::SentenceKind;
use narrator::text::Lang;
use reader_article::{Article, Block, Inline, inline_text};
use reader_l10n::Localizer;

fn localizers() -> &'static [Localizer; 2] {
    static L: OnceLock<[Localizer; 2]> = OnceLock::new();
    L.get_or_init(|| [Localizer::new("zh-CN"), Localizer::new("en-US")])
}

fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(Inline::Break);
        }
        out.push(Inline::Text {
            text: line.to_owned(),
        });
    }
    out
}

fn block(piece: &str) -> Block {
    let mut chars = piece.chars();
    let kind = chars.next().map_or(0, |c| c as u32 % 7);
    let body = chars.as_str();
    let parts = || body.split('|').map(inlines).collect::<Vec<_>>();
    match kind {
        0 => Block::Heading {
            level: 2,
            content: inlines(body),
        },
        1 => Block::Quote {
            paragraphs: parts(),
        },
        2 => Block::List {
            ordered: false,
            items: parts(),
        },
        3 => Block::Preformatted {
            text: body.to_owned(),
        },
        4 => {
            let (alt, caption) = body.split_once('|').unwrap_or((body, ""));
            Block::Image {
                src: "https://img.example.cn/a.jpg".to_owned(),
                alt: Some(alt.to_owned()),
                caption: Some(caption.to_owned()),
                credit: None,
                size: None,
            }
        }
        5 => Block::Table {
            rows: body
                .split('\t')
                .map(|row| row.split('|').map(str::to_owned).collect())
                .collect(),
        },
        _ => Block::Paragraph {
            content: inlines(body),
        },
    }
}

/// The text of one part of a block, as the UI shows it (UTF-16 positions
/// point into it); `None` for parts read whole (image alt text, rows).
fn part_text(article: &Article, block: Option<usize>, part: usize) -> Option<String> {
    let Some(b) = block else {
        return Some(article.title.clone());
    };
    match &article.blocks[b] {
        Block::Heading { content, .. } | Block::Paragraph { content } => Some(inline_text(content)),
        Block::Quote { paragraphs } => Some(inline_text(&paragraphs[part])),
        Block::List { items, .. } => Some(inline_text(&items[part])),
        Block::Preformatted { text } => Some(text.clone()),
        Block::Image { caption, .. } => (part == 1).then(|| caption.clone().unwrap_or_default()),
        Block::Table { .. } => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let [choice, rest @ ..] = data else { return };
    let text = String::from_utf8_lossy(rest);
    let mut pieces = text.split('\0');
    let article = Article {
        title: pieces.next().unwrap_or_default().to_owned(),
        lang: [Some("zh-CN"), Some("en"), None][usize::from(choice % 3)].map(str::to_owned),
        blocks: pieces.map(block).collect(),
        ..Article::default()
    };
    let l10n = &localizers()[usize::from(choice / 3 % 2)];
    let script = Script::of(&article, l10n);

    // Paragraphs cover the sentences in order, none empty, and each sentence
    // names its own.
    let mut next = 0;
    for (n, p) in script.paragraphs.iter().enumerate() {
        assert_eq!(
            p.first, next,
            "paragraph {n} does not start where the last ended"
        );
        assert!(p.len > 0, "empty paragraph {n}");
        for s in &script.sentences[p.first..p.first + p.len] {
            assert_eq!(s.paragraph, n, "sentence names the wrong paragraph");
        }
        next = p.first + p.len;
    }
    assert_eq!(
        next,
        script.sentences.len(),
        "sentences outside any paragraph"
    );

    // The text sentences of one part tile that part, in UTF-16 units.
    let mut i = 0;
    while i < script.sentences.len() {
        let s = &script.sentences[i];
        let key = (s.block, s.part);
        let mut j = i;
        while j < script.sentences.len()
            && (script.sentences[j].block, script.sentences[j].part) == key
            && matches!(
                script.sentences[j].kind,
                SentenceKind::Text | SentenceKind::Title
            )
        {
            j += 1;
        }
        if j == i {
            // Read whole: the whole part.
            assert_eq!(s.start, 0, "whole part not from 0");
            i += 1;
            continue;
        }
        let part = part_text(&article, key.0, key.1).expect("a text part");
        let mut at = 0;
        for t in &script.sentences[i..j] {
            assert_eq!(t.start, at, "gap or overlap in part {key:?}: {part:?}");
            assert!(t.end > t.start, "empty sentence in part {key:?}");
            at = t.end;
        }
        assert_eq!(
            at,
            part.encode_utf16().count(),
            "sentences do not cover part {key:?}: {part:?}"
        );
        i = j;
    }

    // What the voices are given: never empty, and no digit for the Mandarin voice.
    for s in &script.sentences {
        for u in &s.utterances {
            assert!(!u.text.trim().is_empty(), "empty utterance in {:?}", s.text);
            if u.lang == Lang::Zh {
                assert!(
                    !u.text.chars().any(|c| c.is_ascii_digit()),
                    "a digit reaches the Mandarin voice: {:?}",
                    u.text
                );
            }
        }
    }
});
