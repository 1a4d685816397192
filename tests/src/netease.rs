//! The team's NetEase (163.com) fixture and its encoded variants.
//!
//! `fixtures/netease/article.html` is a page we wrote in NetEase's article
//! layout (nav, `div.post_main`, `h1.post_title`, `div.post_info`,
//! `div.post_body`, photo caption, share bar, 相关推荐/热点推荐 lists, side
//! column, footer) around the text in `shared/seed/netease-article-page.txt`.
//! Only the UTF-8 page is committed: the GBK and Big5 pages are derived here at
//! test time, so the variants cannot drift apart.
//!
//! Big5 cannot spell most Simplified characters, so the Big5 variant swaps the
//! article body for a Traditional-Chinese one (`hant-body.html`, reference
//! `expected-hant.txt`). The rest of that page stays Simplified; the Big5
//! encoder writes the characters it cannot map as numeric character
//! references (`&#26472;`), which HTML parsing turns back into the same text,
//! as real mislabelled pages do.

use std::fs;
use std::io;
use std::path::PathBuf;

use encoding_rs::Encoding;

/// `tests/fixtures/netease`.
pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/netease")
}

fn read(name: &str) -> io::Result<String> {
    fs::read_to_string(fixture_dir().join(name))
}

/// The committed UTF-8 page.
pub fn article_html() -> io::Result<String> {
    read("article.html")
}

/// The reference body text of `article.html`.
pub fn expected_text() -> io::Result<String> {
    read("expected.txt")
}

/// The charset declaration in the committed page.
pub const UTF8_META: &str = r#"<meta charset="utf-8">"#;

/// The page's URL (for resolving links; the page is fictional).
pub const PAGE_URL: &str = "https://www.163.com/dy/article/K3QF2VTB0514R9P4.html";

/// Lines that belong to the page's boilerplate and must never reach the body.
pub const BOILERPLATE: &[&str] = &[
    "相关推荐",
    "热点推荐",
    "头条要闻",
    "态度原创",
    "网易首页",
    "分享至",
    "特别声明",
    "NetEase Hao",
    "版权所有",
    "媒体人:杨瀚森、林葳先后被选中",
    "90后干部在停车场收了900万现金",
];

/// One encoded form of the fixture page.
#[derive(Debug, Clone)]
pub struct Variant {
    pub name: &'static str,
    /// The page bytes, as a server would send them (with no HTTP charset).
    pub bytes: Vec<u8>,
    /// The encoding the bytes are in.
    pub encoding: &'static Encoding,
    /// The reference body text.
    pub expected: String,
    /// The 原标题 (original title) line, which the body must keep.
    pub original_title_line: String,
    /// The photo caption, which the body must keep.
    pub caption: String,
}

/// Encodes `text` and fails if any character of `must_round_trip` would not
/// survive (the article body must be spelt in the target encoding itself, not
/// through numeric character references).
fn encode(text: &str, encoding: &'static Encoding, must_round_trip: &str) -> io::Result<Vec<u8>> {
    let (_, _, lossy) = encoding.encode(must_round_trip);
    if lossy {
        let bad: String = must_round_trip
            .chars()
            .filter(|c| encoding.encode(&c.to_string()).2)
            .collect();
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} cannot encode the reference text: {bad}",
                encoding.name()
            ),
        ));
    }
    Ok(encoding.encode(text).0.into_owned())
}

fn first_line_starting(text: &str, prefix: &str) -> io::Result<String> {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .map(str::to_owned)
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("no line starts with {prefix}"),
            )
        })
}

fn replace_once(haystack: &str, from: &str, to: &str) -> io::Result<String> {
    if !haystack.contains(from) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("fixture lacks {from:?}"),
        ));
    }
    Ok(haystack.replacen(from, to, 1))
}

/// The page with its article body (inside `div.post_body`) and headline
/// replaced by the Traditional-Chinese version.
pub fn hant_article_html() -> io::Result<String> {
    let html = article_html()?;
    let body = read("hant-body.html")?;
    let open = r#"<div class="post_body">"#;
    let start = html
        .find(open)
        .map(|i| i + open.len())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "no div.post_body"))?;
    let end = html[start..]
        .find("</div>")
        .map(|i| start + i)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "unclosed div.post_body"))?;
    let html = format!("{}\n{body}      {}", &html[..start], &html[end..]);
    let simplified = "同心筑梦,京津冀协同发展迈上新台阶";
    let traditional = "同心築夢,京津冀協同發展邁上新臺階";
    Ok(html.replace(
        &format!(r#"<h1 class="post_title">{simplified}</h1>"#),
        &format!(r#"<h1 class="post_title">{traditional}</h1>"#),
    ))
}

/// Every variant: UTF-8 as committed, GBK declared by `<meta charset>`, GBK
/// declared the old way (`http-equiv` with `gb2312`), GBK with no declaration
/// at all, and Traditional Chinese in Big5 declared by `<meta charset>`.
pub fn variants() -> io::Result<Vec<Variant>> {
    let html = article_html()?;
    let expected = expected_text()?;
    let original_title_line = first_line_starting(&expected, "(原标题")?;
    let caption = first_line_starting(&expected, "5月9日")?;
    let simplified = |name, bytes, encoding| Variant {
        name,
        bytes,
        encoding,
        expected: expected.clone(),
        original_title_line: original_title_line.clone(),
        caption: caption.clone(),
    };
    let gbk = encoding_rs::GBK;
    let mut out = vec![simplified(
        "utf-8",
        html.clone().into_bytes(),
        encoding_rs::UTF_8,
    )];
    out.push(simplified(
        "gbk-meta-charset",
        encode(
            &replace_once(&html, UTF8_META, r#"<meta charset="gbk">"#)?,
            gbk,
            &expected,
        )?,
        gbk,
    ));
    out.push(simplified(
        "gb2312-http-equiv",
        encode(
            &replace_once(
                &html,
                UTF8_META,
                r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#,
            )?,
            gbk,
            &expected,
        )?,
        gbk,
    ));
    out.push(simplified(
        "gbk-undeclared",
        encode(&replace_once(&html, UTF8_META, "")?, gbk, &expected)?,
        gbk,
    ));

    let hant_expected = read("expected-hant.txt")?;
    let hant = replace_once(&hant_article_html()?, UTF8_META, r#"<meta charset="big5">"#)?;
    out.push(Variant {
        name: "big5-meta-charset",
        bytes: encode(&hant, encoding_rs::BIG5, &hant_expected)?,
        encoding: encoding_rs::BIG5,
        original_title_line: first_line_starting(&hant_expected, "(原標題")?,
        caption: first_line_starting(&hant_expected, "5月9日")?,
        expected: hant_expected,
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_build_and_decode_back_with_their_own_encoding() {
        let variants = variants().expect("fixture variants");
        assert_eq!(variants.len(), 5);
        for v in &variants {
            let (text, had_errors) = v.encoding.decode_without_bom_handling(&v.bytes);
            assert!(!had_errors, "{}: bytes do not decode", v.name);
            for line in v.expected.lines() {
                let escaped = line.replace('"', "&quot;");
                assert!(
                    text.contains(line) || text.contains(&escaped),
                    "{}: page lacks reference line {line}",
                    v.name
                );
            }
            if v.encoding != encoding_rs::UTF_8 {
                assert!(
                    std::str::from_utf8(&v.bytes).is_err(),
                    "{}: a legacy-encoded page should not be valid UTF-8",
                    v.name
                );
            }
        }
    }

    #[test]
    fn reference_text_is_the_article_only() {
        let expected = expected_text().expect("expected.txt");
        for b in BOILERPLATE {
            assert!(!expected.contains(b), "expected.txt contains {b}");
        }
        assert!(expected.contains("牢牢牵住“牛鼻子”"));
    }
}
