//! Readings by context and what is not said: properties on random text
//! (every Han character reaches a pinyin voice as exactly one syllable) and
//! the script's utterances for pages full of noise.

use narrator::Script;
use narrator::pronunciation::{Pronunciation, Pronunciations};
use narrator::text::Lang;
use narrator::text::noise::strip_noise;
use narrator::text::reading::{pinyin_text, syllables};
use narrator::voice::VoiceInfo;
use proptest::prelude::*;
use reader_article::{Article, Block, Inline};
use reader_l10n::Localizer;

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{20000}'..='\u{3134F}')
}

/// The syllables in an engine text: tone-numbered pinyin words, and Han
/// characters no table knows (given to the voice as they are).
fn count_syllables(engine_text: &str) -> usize {
    engine_text
        .split(|c: char| !c.is_alphanumeric())
        .map(|token| {
            let pinyin = token.len() >= 2
                && token.ends_with(['1', '2', '3', '4', '5'])
                && token[..token.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_lowercase());
            if pinyin {
                1
            } else {
                token.chars().filter(|&c| is_han(c)).count()
            }
        })
        .sum()
}

/// Chinese text with polyphones, punctuation, capital Latin words and rare
/// characters from anywhere in the Han blocks.
fn chinese() -> impl Strategy<Value = String> {
    let polyphones = "行重长乐都便觉还地的为调教会传发处了得种朝参差将干着乘厦给薄降尽中应曾数转和模场冲一不儿哪银音首庆睡宜钱";
    let pieces: Vec<String> = polyphones.chars().map(String::from).collect();
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(pieces),
            2 => "[\u{4e00}-\u{9fa5}]{1,3}",
            1 => "[\u{3400}-\u{4dbf}\u{20000}-\u{2a6df}]",
            1 => "[，。、；：！？“”（） ]",
            1 => "[A-Z]{1,4}",
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_han_character_reaches_the_engine_as_one_syllable(text in chinese()) {
        let han = text.chars().filter(|&c| is_han(c)).count();
        let syl = syllables(&text);
        prop_assert_eq!(syl.len(), han);
        for s in &syl {
            let c = text[s.range.clone()].chars().next();
            prop_assert!(c.is_some_and(is_han), "{:?} is not a Han character", c);
        }
        let engine = pinyin_text(&text);
        prop_assert_eq!(count_syllables(&engine), han, "{} → {}", text, engine);
    }

    #[test]
    fn noise_removal_only_removes(text in "\\PC{0,60}") {
        let clean = strip_noise(&text);
        // What is left is the text in order, with pieces taken out.
        let mut rest = text.chars();
        for c in clean.chars() {
            prop_assert!(rest.any(|x| x == c), "{:?} → {:?}", text, clean);
        }
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        content: vec![Inline::Text { text: text.into() }],
    }
}

#[test]
fn reference_markers_and_bullets_are_not_said_and_the_highlight_keeps_them() {
    let article = Article {
        title: "长江[编辑]".into(),
        lang: Some("zh-CN".into()),
        blocks: vec![
            paragraph("长江是中国第一长河[1][12]。"),
            paragraph("[编辑]"),
            paragraph("•"),
            paragraph("★ 重庆 ★"),
        ],
        ..Article::default()
    };
    let script = Script::of(&article, &Localizer::new("zh-CN"));
    let pinyin = VoiceInfo {
        id: "cmn-latn-pinyin".into(),
        name: "Chinese (Mandarin, latin as Pinyin)".into(),
        lang: "cmn-latn-pinyin".into(),
    };
    let said: Vec<(String, Vec<String>)> = script
        .sentences
        .iter()
        .map(|s| {
            let engine = s
                .utterances
                .iter()
                .map(|u| {
                    u.engine_text(&pinyin, &Pronunciations::default())
                        .trim()
                        .to_owned()
                })
                .collect();
            (s.text.clone(), engine)
        })
        .collect();
    assert_eq!(
        said,
        [
            ("长江[编辑]".to_owned(), vec!["chang2 jiang1".to_owned()]),
            (
                "长江是中国第一长河[1][12]。".to_owned(),
                vec!["chang2 jiang1 shi4 zhong1 guo2 di4 yi1 chang2 he2。".to_owned()]
            ),
            ("[编辑]".to_owned(), vec![]),
            ("•".to_owned(), vec![]),
            ("★ 重庆 ★".to_owned(), vec!["chong2 qing4".to_owned()]),
        ]
    );
    // Sentences with nothing to say are passed over.
    assert!(!script.is_spoken(2) && !script.is_spoken(3));
}

#[test]
fn the_familys_words_change_what_every_voice_is_given() {
    let said = Pronunciations::new([
        Pronunciation {
            lang: Lang::Zh,
            word: "曾阿姨".into(),
            say: "增阿姨".into(),
        },
        Pronunciation {
            lang: Lang::En,
            word: "Nguyen".into(),
            say: "Win".into(),
        },
    ]);
    let article = Article {
        title: String::new(),
        lang: Some("zh-CN".into()),
        blocks: vec![paragraph("曾阿姨曾经见过Nguyen。")],
        ..Article::default()
    };
    let script = Script::of(&article, &Localizer::new("zh-CN"));
    let voice = |id: &str, lang: &str| VoiceInfo {
        id: id.into(),
        name: id.into(),
        lang: lang.into(),
    };
    let pinyin = voice("Chinese (Mandarin, latin as Pinyin)", "cmn-latn-pinyin");
    let own_chinese = voice("Microsoft Huihui", "zh-CN");
    let english = voice("English (America)", "en-us");
    let given = |zh: &VoiceInfo, said: &Pronunciations| -> Vec<String> {
        script.sentences[0]
            .utterances
            .iter()
            .map(|u| {
                let v = if u.lang == Lang::Zh { zh } else { &english };
                u.engine_text(v, said).trim().to_owned()
            })
            .collect()
    };
    let none = Pronunciations::default();
    assert_eq!(
        given(&pinyin, &none),
        ["ceng2 a1 yi2 ceng2 jing1 jian4 guo4", "Nguyen。"]
    );
    assert_eq!(
        given(&pinyin, &said),
        ["zeng1 a1 yi2 ceng2 jing1 jian4 guo4", "Win。"]
    );
    assert_eq!(given(&own_chinese, &none), ["曾阿姨曾经见过", "Nguyen。"]);
    assert_eq!(given(&own_chinese, &said), ["增阿姨曾经见过", "Win。"]);
    // The page keeps the word as written.
    assert_eq!(script.sentences[0].text, "曾阿姨曾经见过Nguyen。");
}
