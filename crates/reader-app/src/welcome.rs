//! The welcome article: our own page about using Care Reader, bundled in the
//! binary and run through the same extractor as any page, so the first thing
//! a new reader sees works offline and looks like every other article.

use reader_article::Article;
use reader_web::extract::{self, ExtractError};

/// The `source` the reader view and the store know it by.
pub const SOURCE: &str = "care-reader:welcome";

const ZH_CN: &str = include_str!("../../../assets/welcome/zh-CN.html");
const EN_US: &str = include_str!("../../../assets/welcome/en-US.html");

/// The welcome article in `lang` (zh-CN, else en-US).
pub fn article(lang: &str) -> Result<Article, ExtractError> {
    let html = if lang.starts_with("zh") { ZH_CN } else { EN_US };
    extract::extract(html, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_welcome_articles_extract_whole() {
        for (lang, html) in [("zh-CN", ZH_CN), ("en-US", EN_US)] {
            let a = article(lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
            assert!(!a.title.is_empty(), "{lang}: no title");
            // Every paragraph we wrote comes out: none is mistaken for furniture.
            let written = html.matches("<p>").count();
            let paragraphs = a
                .blocks
                .iter()
                .filter(|b| matches!(b, reader_article::Block::Paragraph { .. }))
                .count();
            assert_eq!(paragraphs, written, "{lang}: {}", a.body_text());
            assert!(
                a.lang.as_deref().is_some_and(|l| l.starts_with(&lang[..2])),
                "{lang}: {:?}",
                a.lang
            );
        }
    }
}
