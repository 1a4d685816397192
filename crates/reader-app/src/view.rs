//! What the reader view gets for an article: the article with its image
//! addresses pointed where the window serves images from, the localised
//! line under the title, and the narrator's script.

use reader_article::{Article, Block};
use reader_l10n::Localizer;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleView {
    /// The article's id in the store; `None` for one that is not remembered
    /// (the welcome article, or when the store could not save it).
    pub id: Option<i64>,
    pub source: String,
    pub meta_line: String,
    pub article: Article,
    /// The sentences the narrator reads, located in the article for the
    /// highlight (docs/app.md, `Speech`).
    pub speech: narrator::Script,
    /// Kept in the library (the Save button shows it as saved).
    #[cfg(feature = "store")]
    pub kept: bool,
    /// Where the reader stopped last time, for "Continue" / "From the
    /// start"; `None` on a first open and for the welcome article.
    #[cfg(feature = "store")]
    pub position: Option<reader_store::Position>,
}

/// Builds the view of `article`: every image address passed through
/// `image_address` (and given to `allow`, the list of images the window may
/// load), the meta line and the script in the reader's language.
pub fn article_view(
    id: Option<i64>,
    source: &str,
    mut article: Article,
    l10n: &Localizer,
    image_address: &dyn Fn(&str) -> String,
    allow: &mut dyn FnMut(&str),
) -> ArticleView {
    for block in &mut article.blocks {
        if let Block::Image { src, .. } = block {
            allow(src);
            *src = image_address(src);
        }
    }
    if let Some(lead) = &mut article.lead_image {
        allow(lead);
        *lead = image_address(lead);
    }
    let meta_line = meta_line(l10n, &article);
    let speech = narrator::Script::of(&article, l10n);
    ArticleView {
        id,
        source: source.to_owned(),
        meta_line,
        article,
        speech,
        // Filled in by the app, which knows the store.
        #[cfg(feature = "store")]
        kept: false,
        #[cfg(feature = "store")]
        position: None,
    }
}

/// "网易新闻 · 2025年7月9日 · 约 5 分钟读完": site, date, reading time, each
/// when known.
pub fn meta_line(l10n: &Localizer, article: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(site) = article
        .site_name
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        parts.push(site.trim().to_owned());
    }
    if let Some((y, m, d)) = article.published.as_deref().and_then(ymd) {
        parts.push(l10n.message(
            "app-date",
            &[
                ("year", y.to_string()),
                ("month", m.to_string()),
                ("day", d.to_string()),
            ],
        ));
    }
    parts.push(l10n.message(
        "app-reading-time",
        &[("minutes", article.reading_minutes.max(1).to_string())],
    ));
    parts.join(&l10n.message("app-meta-separator", &[]))
}

/// Year, month and day of an ISO 8601 date (`2025-07-09`, `2025-07-09T…`).
fn ymd(iso: &str) -> Option<(u32, u32, u32)> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_rewritten_and_allowed() {
        let article = Article {
            lead_image: Some("https://example.com/lead.jpg".into()),
            blocks: vec![Block::Image {
                src: "https://example.com/a.jpg".into(),
                alt: Some("A river".into()),
                caption: None,
                credit: None,
                size: None,
            }],
            ..Article::default()
        };
        let mut allowed = Vec::new();
        let view = article_view(
            Some(3),
            "https://example.com/",
            article,
            &Localizer::new("en-US"),
            &|url| format!("img:{url}"),
            &mut |url| allowed.push(url.to_owned()),
        );
        assert_eq!(
            allowed,
            ["https://example.com/a.jpg", "https://example.com/lead.jpg"]
        );
        assert_eq!(
            view.article.lead_image.as_deref(),
            Some("img:https://example.com/lead.jpg")
        );
        assert!(
            matches!(&view.article.blocks[0], Block::Image { src, .. } if src == "img:https://example.com/a.jpg")
        );
        assert_eq!(view.id, Some(3));
        assert!(view.speech.id > 0);
    }

    #[test]
    fn meta_lines_in_both_languages() {
        let article = Article {
            site_name: Some("网易新闻".into()),
            published: Some("2025-07-09T08:00:00+08:00".into()),
            reading_minutes: 5,
            ..Article::default()
        };
        assert_eq!(
            meta_line(&Localizer::new("zh-CN"), &article),
            "网易新闻 · 2025年7月9日 · 约 5 分钟读完"
        );
        assert_eq!(
            meta_line(&Localizer::new("en-US"), &article),
            "网易新闻 · July 9, 2025 · about 5 minutes"
        );
        let bare = Article {
            reading_minutes: 1,
            published: Some("not a date".into()),
            ..Article::default()
        };
        assert_eq!(meta_line(&Localizer::new("en-US"), &bare), "about 1 minute");
    }
}
