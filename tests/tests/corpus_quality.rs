//! Extraction quality over the corpus (`../shared/corpus`): every labelled page
//! of each source goes through `reader_web::extract::extract` (with the page
//! URL from meta.json as base), its `body_text()` is scored against
//! expected.txt with the corpus metric, and each source must stay above its F1
//! floor. A failed extraction counts as an empty one, as in the Python tool.
//!
//! The tables go straight to stderr (not through the test harness's capture),
//! so `cargo test` shows them on every run. Skips loudly without the corpus.
//! With `CARE_READER_SAVE_DIR=<dir>`, each extraction is also written to
//! `<dir>/<source>/<case>.txt` (to inspect it, or to score it with the Python
//! tool: `scripts/eval --check-scorer` does that).

use reader_errors::Coded;
use std::io::Write;
use std::time::Instant;

use care_reader_tests::corpus::{self, Case};
use care_reader_tests::score::{PageScore, aggregate, score_page};

// Floors sit just under the scores measured when they were set (2026-11-26:
// zyte 0.971, gne-zh 0.988, cleaneval-zh 0.962, readability 0.979, titles
// 0.955; all sources together 0.975), and at or above the targets of the
// reader-core issue, so a regression fails the build. Raise them as
// extraction improves; never lower one without saying why in the commit.
/// Zyte benchmark pages (gold article bodies, mostly English).
const F1_FLOOR_ZYTE: f64 = 0.965;
/// Chinese news pages from GNE's tests (silver references).
const F1_FLOOR_GNE_ZH: f64 = 0.985;
/// 2004–2005 Chinese pages, CleanEval-style gold references.
const F1_FLOOR_CLEANEVAL_ZH: f64 = 0.955;
/// Mozilla Readability's test pages (Readability.js output as reference).
const F1_FLOOR_READABILITY: f64 = 0.975;
/// Share of readability/ pages whose title matches meta.json's `title`.
/// Five pages keep a Chinese or Japanese site name after `_` or ` - ` that
/// we cut on purpose (it is read aloud otherwise): 107 of 112 match.
const TITLE_FLOOR_READABILITY: f64 = 0.95;

/// The failure code recorded for a page whose extraction panicked.
const PANICKED: &str = "PANICKED";

/// How many of the lowest-scoring pages each table lists.
const WORST_SHOWN: usize = 5;

struct PageResult {
    case: String,
    score: PageScore,
    extracted_empty: bool,
    failed: Option<&'static str>,
}

/// Writes past the test harness's output capture, so tables show on success too.
fn report(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

fn run_source(source: &str, floor: f64) {
    let Some(root) = corpus::corpus_root_or_skip(&format!("corpus quality for {source}")) else {
        return;
    };
    let cases = match corpus::load_source(&root, source) {
        Ok(cases) => cases,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            report(&format!(
                "\nSKIPPED: corpus source {source} not found under {}\n",
                root.display()
            ));
            return;
        }
        Err(e) => panic!("reading corpus source {source}: {e}"),
    };
    let labelled: Vec<&Case> = cases.iter().filter(|c| c.expected.is_some()).collect();
    assert!(!labelled.is_empty(), "{source}: no labelled pages");

    let save_dir = std::env::var_os("CARE_READER_SAVE_DIR")
        .filter(|d| !d.is_empty())
        .map(|d| std::path::PathBuf::from(d).join(source));
    if let Some(dir) = &save_dir {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }

    let started = Instant::now();
    let mut results = Vec::with_capacity(labelled.len());
    for case in &labelled {
        let html = case
            .html()
            .unwrap_or_else(|e| panic!("{}: reading page: {e}", case.id()));
        let base = case.base_url();
        // A panic is caught so that the report names the page; it still fails the test.
        let outcome = std::panic::catch_unwind(|| {
            reader_web::extract::extract(&html, base.as_ref()).map(|a| a.body_text())
        });
        let (text, failed) = match outcome {
            Ok(Ok(text)) => (text, None),
            Ok(Err(e)) => (String::new(), Some(e.code().id())),
            Err(_) => (String::new(), Some(PANICKED)),
        };
        if let Some(dir) = &save_dir {
            let path = dir.join(format!("{}.txt", case.name));
            std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let expected = case.expected.as_deref().unwrap_or_default();
        results.push(PageResult {
            case: case.name.clone(),
            score: score_page(expected, &text),
            extracted_empty: text.trim().is_empty(),
            failed,
        });
    }
    let elapsed = started.elapsed();

    let scores: Vec<PageScore> = results.iter().map(|r| r.score).collect();
    let agg = aggregate(&scores);
    let failures = results.iter().filter(|r| r.failed.is_some()).count();
    let empty = results.iter().filter(|r| r.extracted_empty).count();

    let mut worst: Vec<&PageResult> = results.iter().collect();
    worst.sort_by(|a, b| a.score.f1().total_cmp(&b.score.f1()));
    let mut table = format!(
        "\n== corpus quality: {source} ==\n\
         {:<14} {:>5}  {:>6} {:>6} {:>6} {:>6}  {:>4} {:>5}  {:>8}  floor\n\
         {:<14} {:>5}  {:>6.3} {:>6.3} {:>6.3} {:>6.3}  {:>4} {:>5}  {:>7.1}s  {:.3}\n\
         worst {WORST_SHOWN}:\n",
        "source",
        "pages",
        "F1",
        "P",
        "R",
        "acc",
        "fail",
        "empty",
        "time",
        source,
        agg.pages,
        agg.f1,
        agg.precision,
        agg.recall,
        agg.accuracy,
        failures,
        empty,
        elapsed.as_secs_f64(),
        floor,
    );
    for r in worst.iter().take(WORST_SHOWN) {
        table.push_str(&format!(
            "  {:<28} F1 {:.3}  P {:.3}  R {:.3}{}\n",
            r.case,
            r.score.f1(),
            r.score.precision(),
            r.score.recall(),
            r.failed
                .map(|code| format!("  (failed: {code})"))
                .unwrap_or_default(),
        ));
    }
    report(&table);

    let panicked: Vec<&str> = results
        .iter()
        .filter(|r| r.failed == Some(PANICKED))
        .map(|r| r.case.as_str())
        .collect();
    assert!(
        panicked.is_empty(),
        "{source}: extraction panicked on {panicked:?}"
    );
    assert!(
        agg.f1 >= floor,
        "{source}: F1 {:.3} fell below the floor {floor:.3}",
        agg.f1
    );
}

#[test]
fn zyte_f1_stays_above_floor() {
    run_source("zyte", F1_FLOOR_ZYTE);
}

#[test]
fn gne_zh_f1_stays_above_floor() {
    run_source("gne-zh", F1_FLOOR_GNE_ZH);
}

#[test]
fn cleaneval_zh_f1_stays_above_floor() {
    run_source("cleaneval-zh", F1_FLOOR_CLEANEVAL_ZH);
}

#[test]
fn readability_f1_stays_above_floor() {
    run_source("readability", F1_FLOOR_READABILITY);
}

#[test]
fn readability_titles_match() {
    let Some(root) = corpus::corpus_root_or_skip("readability titles") else {
        return;
    };
    let cases = corpus::load_source(&root, "readability").expect("reading readability cases");
    let mut checked = 0usize;
    let mut right = 0usize;
    let mut wrong = Vec::new();
    for case in &cases {
        let Some(want) = case.meta_str("title").map(corpus::normalise_whitespace) else {
            continue;
        };
        checked += 1;
        let html = case
            .html()
            .unwrap_or_else(|e| panic!("{}: reading page: {e}", case.id()));
        let got = reader_web::extract::extract(&html, case.base_url().as_ref())
            .map(|a| corpus::normalise_whitespace(&a.title))
            .unwrap_or_default();
        if got == want {
            right += 1;
        } else {
            wrong.push((case.name.clone(), want, got));
        }
    }
    assert!(checked > 0, "no readability case has a title");
    let share = right as f64 / checked as f64;
    let mut table = format!(
        "\n== titles: readability ==\n{right}/{checked} right ({share:.3}; floor {TITLE_FLOOR_READABILITY:.3})\n"
    );
    for (name, want, got) in wrong.iter().take(WORST_SHOWN) {
        table.push_str(&format!("  {name}: want {want:?}, got {got:?}\n"));
    }
    report(&table);
    assert!(
        share >= TITLE_FLOOR_READABILITY,
        "readability titles: {share:.3} right, below the floor {TITLE_FLOOR_READABILITY:.3}"
    );
}
