//! What the reader view gets for an article: the article with its image
//! addresses pointed at our image scheme, and the localised line under the
//! title.

use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use reader_article::{Article, Block};
use reader_l10n::Localizer;
use serde::Serialize;

use crate::state::AppState;

/// The URI scheme that serves article images (see `images.rs`).
pub const IMAGE_SCHEME: &str = "care-img";

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleView {
    pub id: i64,
    pub source: String,
    pub meta_line: String,
    pub article: Article,
    /// The sentences the narrator reads, located in the article for the
    /// highlight (docs/app.md, `Speech`).
    pub speech: narrator::Script,
}

/// Where the webview finds an image: `care-img://localhost/<url>` (WebKitGTK,
/// WKWebView) or `http://care-img.localhost/<url>` (WebView2 on Windows).
pub fn image_address(url: &str) -> String {
    let encoded = utf8_percent_encode(url, NON_ALPHANUMERIC);
    if cfg!(windows) {
        format!("http://{IMAGE_SCHEME}.localhost/{encoded}")
    } else {
        format!("{IMAGE_SCHEME}://localhost/{encoded}")
    }
}

/// The original image URL from a request path (`/<percent-encoded url>`).
pub fn image_url_from_path(path: &str) -> Option<String> {
    let encoded = path.strip_prefix('/')?;
    percent_decode_str(encoded)
        .decode_utf8()
        .ok()
        .map(|u| u.into_owned())
}

/// Builds the view of `article`: images rewritten (and allowed in `state`),
/// the meta line formatted in the reader's language.
pub fn article_view(state: &AppState, id: i64, source: &str, mut article: Article) -> ArticleView {
    for block in &mut article.blocks {
        if let Block::Image { src, .. } = block {
            state.allow_image(src);
            *src = image_address(src);
        }
    }
    if let Some(lead) = &mut article.lead_image {
        state.allow_image(lead);
        *lead = image_address(lead);
    }
    let l10n = state.l10n();
    let meta_line = meta_line(&l10n, &article);
    let speech = narrator::Script::of(&article, &l10n);
    ArticleView {
        id,
        source: source.to_owned(),
        meta_line,
        article,
        speech,
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
    fn image_addresses_round_trip() {
        let url = "https://cms.example.com/a b/照片.jpg?w=640&h=480#x";
        let address = image_address(url);
        assert!(
            !address.contains(' ') && !address.contains('?'),
            "{address}"
        );
        let path = address
            .split_once("localhost")
            .map(|(_, p)| p)
            .unwrap_or_default();
        assert_eq!(image_url_from_path(path).as_deref(), Some(url));
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
