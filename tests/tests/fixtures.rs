//! The team's NetEase fixture in every encoding a Chinese news page arrives
//! in: each variant goes through the app's path (charset decoding with no
//! HTTP header, then extraction), and the body must be the article, the whole
//! article (including the 原标题 line and the photo caption) and nothing but
//! the article.

use care_reader_tests::netease::{self, BOILERPLATE, Variant};
use care_reader_tests::score::score_page;

/// The body must match the reference this closely (corpus metric, per page).
/// Not 1.0: a subheading or caption may reasonably come out split or joined.
const MIN_F1: f64 = 0.98;

fn check(v: &Variant) -> Result<(), String> {
    let (text, encoding) = reader_web::fetch::charset::decode(&v.bytes, None);
    if encoding != v.encoding {
        return Err(format!(
            "decoded as {} instead of {}",
            encoding.name(),
            v.encoding.name()
        ));
    }
    let base = url::Url::parse(netease::PAGE_URL).ok();
    let article = reader_web::extract::extract(&text, base.as_ref())
        .map_err(|e| format!("extraction failed: {e} ({e:?})"))?;
    let body = article.body_text();
    let mut problems = Vec::new();
    let score = score_page(&v.expected, &body);
    if score.f1() < MIN_F1 {
        problems.push(format!(
            "F1 {:.3} (P {:.3}, R {:.3}) < {MIN_F1}",
            score.f1(),
            score.precision(),
            score.recall()
        ));
    }
    for b in BOILERPLATE {
        if body.contains(b) {
            problems.push(format!("body contains boilerplate {b:?}"));
        }
    }
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    if !lines.contains(&v.original_title_line.as_str()) {
        problems.push(format!(
            "no line is the 原标题 line {:?}",
            v.original_title_line
        ));
    }
    if !lines.contains(&v.caption.as_str()) {
        problems.push(format!("no line is the caption {:?}", v.caption));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n--- body ---\n{body}------------",
            problems.join("\n")
        ))
    }
}

fn variant(name: &str) -> Variant {
    netease::variants()
        .expect("building the NetEase fixture variants")
        .into_iter()
        .find(|v| v.name == name)
        .unwrap_or_else(|| panic!("no variant {name}"))
}

fn assert_variant(name: &str) {
    if let Err(e) = check(&variant(name)) {
        panic!("netease {name}: {e}");
    }
}

#[test]
fn netease_utf8() {
    assert_variant("utf-8");
}

#[test]
fn netease_gbk_meta_charset_without_http_header() {
    assert_variant("gbk-meta-charset");
}

#[test]
fn netease_gb2312_http_equiv() {
    assert_variant("gb2312-http-equiv");
}

#[test]
fn netease_gbk_with_no_declaration_at_all() {
    assert_variant("gbk-undeclared");
}

#[test]
fn netease_big5_traditional() {
    assert_variant("big5-meta-charset");
}

#[test]
fn netease_title_and_metadata() {
    let v = variant("utf-8");
    let (text, _) = reader_web::fetch::charset::decode(&v.bytes, None);
    let base = url::Url::parse(netease::PAGE_URL).ok();
    let article =
        reader_web::extract::extract(&text, base.as_ref()).expect("extraction of the fixture");
    assert_eq!(article.title, "同心筑梦,京津冀协同发展迈上新台阶");
    assert!(
        article
            .published
            .as_deref()
            .is_some_and(|p| p.starts_with("2025-07-09")),
        "published: {:?}",
        article.published
    );
}
