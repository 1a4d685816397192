//! What readings by context cost: the time to build the engine text (the
//! script, then pinyin in context for every Chinese utterance) for the
//! longest Chinese article of the corpus, and the one-off load of the word
//! and reading tables that the app does when an article opens.
//! `cargo bench -p narrator --bench engine_text`
//!
//! The table load runs in a fresh child process (it happens once per
//! process); the rest is the median of several runs on loaded tables.

#![allow(clippy::unwrap_used)]

use std::process::Command;
use std::time::Instant;

use care_reader_tests::corpus;
use narrator::Script;
use narrator::pronunciation::Pronunciations;
use narrator::text::Lang;
use narrator::text::reading::preload;
use narrator::voice::VoiceInfo;
use reader_article::Article;
use reader_l10n::Localizer;

const RUNS: usize = 9;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The Chinese article of the corpus with the most text.
fn longest_chinese_article() -> Option<Article> {
    let root = corpus::corpus_root_or_skip("engine_text bench")?;
    let mut best: Option<(usize, Article)> = None;
    for source in ["gne-zh", "cleaneval-zh"] {
        for case in corpus::load_source(&root, source).unwrap_or_default() {
            let Ok(bytes) = case.html_bytes() else {
                continue;
            };
            let (html, _) = reader_web::fetch::charset::decode(&bytes, None);
            let Ok(article) = reader_web::extract::extract(&html, case.base_url().as_ref()) else {
                continue;
            };
            let len = article.body_text().chars().count();
            if best.as_ref().is_none_or(|(l, _)| len > *l) {
                best = Some((len, article));
            }
        }
    }
    best.map(|(_, a)| a)
}

fn main() {
    if std::env::args().any(|a| a == "--load-child") {
        let t = Instant::now();
        preload();
        println!(
            "tables load (fresh process)           {:8.1} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
        return;
    }
    let status = Command::new(std::env::current_exe().unwrap())
        .arg("--load-child")
        .status()
        .unwrap();
    assert!(status.success());

    let Some(article) = longest_chinese_article() else {
        return;
    };
    let l10n = Localizer::new("zh-CN");
    let voice = VoiceInfo {
        id: "Chinese (Mandarin, latin as Pinyin)".into(),
        name: "Chinese (Mandarin, latin as Pinyin)".into(),
        lang: "cmn-latn-pinyin".into(),
    };
    preload();
    let said = Pronunciations::default();
    let (mut script_ms, mut pinyin_ms, mut first_ms) = (Vec::new(), Vec::new(), Vec::new());
    let mut chars = 0;
    let mut sentences = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        let script = Script::of(&article, &l10n);
        script_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let mut first = None;
        chars = 0;
        for s in &script.sentences {
            for u in s.utterances.iter().filter(|u| u.lang == Lang::Zh) {
                chars += u.engine_text(&voice, &said).len();
                first.get_or_insert_with(|| t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        pinyin_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        first_ms.push(first.unwrap_or_default());
        sentences = script.sentences.len();
    }
    println!(
        "longest Chinese article: {} characters, {sentences} sentences, {chars} bytes of pinyin",
        article.body_text().chars().count()
    );
    println!(
        "script (sentences, runs, numbers)     {:8.2} ms  median of {RUNS}",
        median(script_ms)
    );
    println!(
        "pinyin in context, whole article      {:8.2} ms",
        median(pinyin_ms)
    );
    println!(
        "pinyin in context, first utterance    {:8.3} ms  (what Listen waits for)",
        median(first_ms)
    );
}
