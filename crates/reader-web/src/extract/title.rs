//! The article's headline.
//!
//! Part of pass 1 ([`super::p1_metadata`]), in a file of its own; it uses no
//! pass.
//!
//! Publishers state the headline in several places, and they disagree: the
//! `<title>` carries the site's name and section ("Headline | Section |
//! Site"), OpenGraph and Twitter tags are tuned for sharing, JSON-LD often
//! has both a short `name` and a long `headline`. The order here follows
//! what reader views (Firefox's among them) have found to work: a title the
//! publisher declared for the article wins over one cleaned up from the
//! `<title>`; cleaning cuts at spaced separators only and undoes a cut that
//! leaves too little.

use std::collections::HashMap;

use serde_json::Value;

use super::entities::decode_entities;
use super::text::normalize;

/// `<meta>` keys that name the article's title, most trusted first.
const META_TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// Characters that, with a space on each side, separate a headline from
/// the names of its section and site.
const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
/// Separators that say "this is a path" (Site > Section > Page): when the
/// cut leaves the last step of such a path, it is kept even if short.
const PATH_SEPARATORS: &[char] = &['\\', '/', '>', '»'];
/// A cut that leaves fewer words than this was probably wrong.
const MIN_CUT_WORDS: usize = 3;
/// A title with at most this many words is suspect (a site name, "Home").
const MAX_SHORT_TITLE_WORDS: usize = 4;
/// "Section: Headline" has at most this many words before the colon.
const MAX_COLON_PREFIX_WORDS: usize = 5;
/// A `<title>` shorter or longer than this (characters) is a poor headline;
/// the page's only `<h1>` is better.
const MIN_TITLE_CHARS: usize = 15;
const MAX_TITLE_CHARS: usize = 150;
/// JSON-LD `name` and `headline` "match" the document title above this.
const SIMILAR: f32 = 0.75;

/// Headings of the page, for checking and replacing a poor `<title>`.
#[derive(Debug, Default)]
pub struct Headings {
    pub h1: Vec<String>,
    pub h2: Vec<String>,
}

/// Picks the headline. `metas` holds `<meta>` contents under normalised keys
/// (see [`meta_key`]); `ld` is the page's JSON-LD article, if any.
pub fn choose(
    ld: Option<&Value>,
    metas: &HashMap<String, String>,
    doc_title: Option<&str>,
    headings: &Headings,
) -> Option<String> {
    let from_doc = doc_title.map(|t| from_document_title(t, headings));
    let declared = ld
        .and_then(|v| json_ld_title(v, from_doc.as_deref()))
        .or_else(|| {
            META_TITLE_KEYS
                .iter()
                .filter_map(|k| metas.get(*k))
                .map(|v| normalize(v))
                .find(|v| !v.is_empty())
        });
    // A declared title cut short by an unescaped quote in its attribute
    // (`content="标题"引语"…"`, common on Chinese portals) is the start of
    // the page's headline: the headline is the whole of it.
    let declared = declared.map(|d| {
        headings
            .h1
            .iter()
            .chain(from_doc.as_ref())
            .find(|h| {
                h.len() > d.len() && h.starts_with(d.as_str()) && h[d.len()..].starts_with('"')
            })
            .cloned()
            .unwrap_or(d)
    });
    declared
        .or(from_doc)
        .map(|t| cut_cjk_tails(&t))
        .filter(|t| !t.is_empty())
}

/// Separators Chinese sites put between a headline and its channel and site
/// names ("标题_科技_腾讯网", "标题--文化--人民网", "标题-CSDN.NET").
const CJK_TAIL_SEPARATORS: &[&str] = &["_", "--", "-", "｜", "|", "—"];
/// A tail longer than this (characters) is part of the headline.
const MAX_CJK_TAIL_CHARS: usize = 20;
/// What is left must have at least this many CJK characters.
const MIN_CJK_HEAD: usize = 5;
/// At most this many tails are cut (titles are page input).
const MAX_CJK_TAILS: usize = 6;

/// Cuts channel and site names off a Chinese headline. Spoken aloud, "_科技
/// _腾讯网" is noise, and the site's name is shown (and read) separately.
fn cut_cjk_tails(title: &str) -> String {
    let mut cur = title.trim();
    for _ in 0..MAX_CJK_TAILS {
        let cut = CJK_TAIL_SEPARATORS.iter().find_map(|sep| {
            let pos = cur.rfind(sep)?;
            let head = cur[..pos].trim_end();
            let tail = cur[pos + sep.len()..].trim();
            let cjk_head = head.chars().filter(|&c| reader_article::is_cjk(c)).count();
            (cjk_head >= MIN_CJK_HEAD && tail.chars().count() <= MAX_CJK_TAIL_CHARS).then_some(head)
        });
        match cut {
            Some(head) => cur = head,
            None => break,
        }
    }
    cur.to_owned()
}

/// A `<meta>` name or property as looked up: lower-case, no whitespace,
/// dots as colons ("DC.title" → "dc:title").
pub fn meta_key(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c == '.' {
                ':'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// JSON-LD's title. When `name` and `headline` differ, the one that reads
/// like the document's title wins (sites put the SEO headline in one and
/// the printed headline in the other).
fn json_ld_title(v: &Value, doc_title: Option<&str>) -> Option<String> {
    let field = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(|s| normalize(&decode_entities(s)))
            .filter(|s| !s.is_empty())
    };
    match (field("name"), field("headline")) {
        (Some(name), Some(headline)) if name != headline => {
            let doc = doc_title.unwrap_or("");
            let name_matches = similarity(&name, doc) > SIMILAR;
            let headline_matches = similarity(&headline, doc) > SIMILAR;
            Some(if headline_matches && !name_matches {
                headline
            } else {
                name
            })
        }
        (Some(name), _) => Some(name),
        (None, headline) => headline,
    }
}

/// Words of a text for comparing titles: runs of letters and digits, and
/// each CJK character on its own.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if reader_article::is_cjk(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// How much of `b` is also in `a`, by characters of its words: 1.0 when
/// every word of `b` is in `a`.
fn similarity(a: &str, b: &str) -> f32 {
    let wa = words(a);
    let wb = words(b);
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let total: usize = wb.iter().map(|w| w.chars().count() + 1).sum::<usize>() - 1;
    let unique: Vec<&String> = wb.iter().filter(|w| !wa.contains(w)).collect();
    let unique_len = if unique.is_empty() {
        0
    } else {
        unique.iter().map(|w| w.chars().count() + 1).sum::<usize>() - 1
    };
    1.0 - unique_len as f32 / total as f32
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count().max(1)
}

/// Byte offsets of the separators in `s` that have a space on each side.
fn spaced_separators(s: &str) -> Vec<(usize, char)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    chars
        .windows(3)
        .filter(|w| w[0].1 == ' ' && w[2].1 == ' ' && SEPARATORS.contains(&w[1].1))
        .map(|w| (w[1].0, w[1].1))
        .collect()
}

/// The headline inside a `<title>`: the site's name cut off when the title
/// is "Headline | Site", the section cut when "Section: Headline", the page's
/// only `<h1>` when the title is very short or very long.
pub fn from_document_title(raw: &str, headings: &Headings) -> String {
    let orig = normalize(raw);
    let mut cur = orig.clone();
    let seps = spaced_separators(&orig);
    let mut path_like = false;
    if let Some(&(last, _)) = seps.last() {
        path_like = seps.iter().any(|(_, c)| PATH_SEPARATORS.contains(c));
        cur = orig[..last].trim().to_owned();
        if word_count(&cur) < MIN_CUT_WORDS {
            // "Site | Headline": cut the head instead.
            let (first, sep) = seps[0];
            cur = orig[first + sep.len_utf8()..].trim().to_owned();
        }
    } else if orig.contains(": ") {
        let is_heading = headings.h1.iter().chain(&headings.h2).any(|h| *h == orig);
        if !is_heading {
            let after_last = orig.rfind(':').map_or("", |p| &orig[p + 1..]).trim();
            if word_count(after_last) < MIN_CUT_WORDS {
                cur = orig
                    .find(':')
                    .map_or("", |p| &orig[p + 1..])
                    .trim()
                    .to_owned();
            } else if orig
                .find(':')
                .is_some_and(|p| word_count(&orig[..p]) > MAX_COLON_PREFIX_WORDS)
            {
                cur = orig.clone();
            } else {
                cur = after_last.to_owned();
            }
        }
    } else {
        let n = orig.chars().count();
        if !(MIN_TITLE_CHARS..=MAX_TITLE_CHARS).contains(&n) && headings.h1.len() == 1 {
            cur = headings.h1[0].clone();
        }
    }
    let cur = normalize(&cur);
    let words = word_count(&cur);
    // A short result is kept only when it is the last step of a path
    // ("Site > Section > Page" → "Page" is fine); otherwise the cut lost the
    // headline and the whole title is better.
    let orig_words = word_count(&orig.replace(SEPARATORS, ""));
    if words <= MAX_SHORT_TITLE_WORDS && (!path_like || words + 1 != orig_words) {
        return orig;
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(t: &str) -> String {
        from_document_title(t, &Headings::default())
    }

    #[test]
    fn site_names_are_cut_at_spaced_separators() {
        assert_eq!(
            doc("New SUVs highlight the LA auto show | Connecticut Post"),
            "New SUVs highlight the LA auto show"
        );
        assert_eq!(
            doc("A long headline for the story - Section - Site"),
            "A long headline for the story - Section"
        );
        assert_eq!(
            doc("Example News | Markets rally as the rate cut lands"),
            "Markets rally as the rate cut lands",
            "a head of fewer than three words is the site"
        );
        assert_eq!(doc("Home | Site"), "Home | Site", "too short to cut");
        assert_eq!(
            doc("Well-known self-driving car-makers meet"),
            "Well-known self-driving car-makers meet",
            "unspaced hyphens are words"
        );
    }

    #[test]
    fn colons_and_short_titles() {
        assert_eq!(
            doc("Opinion: The long road back to the moon"),
            "The long road back to the moon"
        );
        assert_eq!(
            doc("Why the quarterly numbers matter more than ever: a guide"),
            "Why the quarterly numbers matter more than ever: a guide",
            "a long head before the colon is the headline"
        );
        let headings = Headings {
            h1: vec!["The real headline of this page".into()],
            h2: Vec::new(),
        };
        assert_eq!(
            from_document_title("Short", &headings),
            "The real headline of this page"
        );
    }

    #[test]
    fn chinese_titles_lose_their_channel_and_site_tails() {
        let t = |s: &str| choose(None, &HashMap::new(), Some(s), &Headings::default());
        assert_eq!(
            t("DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网").as_deref(),
            Some("DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶")
        );
        assert_eq!(
            t("新年伊始，习近平的重要文章谈了啥？_中南海_澎湃新闻-The Paper").as_deref(),
            Some("新年伊始，习近平的重要文章谈了啥？")
        );
        assert_eq!(
            t("女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网").as_deref(),
            Some("女儿出嫁，郑板桥画了几笔兰花当嫁妆")
        );
        assert_eq!(
            t("1-10月德清县固定资产投资结构趋稳趋优").as_deref(),
            Some("1-10月德清县固定资产投资结构趋稳趋优"),
            "a hyphen inside the headline stays"
        );
    }

    #[test]
    fn a_declared_title_cut_by_a_stray_quote_gives_way_to_the_headline() {
        let mut metas = HashMap::new();
        metas.insert(meta_key("og:title"), "奖金711万元！".to_owned());
        let headings = Headings {
            h1: vec!["奖金711万元！\"中国诺贝尔奖\"首位获奖女性啥来头?".into()],
            h2: Vec::new(),
        };
        let t = choose(None, &metas, Some("奖金711万元！_网易新闻"), &headings);
        assert_eq!(
            t.as_deref(),
            Some("奖金711万元！\"中国诺贝尔奖\"首位获奖女性啥来头?")
        );
    }

    #[test]
    fn declared_titles_win_in_order() {
        let mut metas = HashMap::new();
        metas.insert(meta_key("og:title"), "Open Graph".to_owned());
        metas.insert(meta_key("DC.title"), "Dublin Core".to_owned());
        let t = choose(None, &metas, Some("Doc | Site"), &Headings::default());
        assert_eq!(t.as_deref(), Some("Dublin Core"));
        let ld: Value = serde_json::json!({
            "@type": "NewsArticle",
            "name": "Short SEO name",
            "headline": "The printed headline of the story"
        });
        let t = choose(
            Some(&ld),
            &metas,
            Some("The printed headline of the story | Site"),
            &Headings::default(),
        );
        assert_eq!(t.as_deref(), Some("The printed headline of the story"));
    }

    #[test]
    fn hostile_titles_are_bounded() {
        let t = "word | ".repeat(100_000);
        assert!(!doc(&t).is_empty());
    }
}
