//! Article extraction from HTML.

use url::Url;

use crate::article::{Article, Block, Inline};
use crate::fetch::{Page, PageKind};

/// Why no article came out of a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The page parsed, but nothing on it reads like an article (a home page,
    /// a login wall, an app shell). Carries the page title so the UI can say
    /// which page it was.
    #[error("no article found on the page{}", title.as_deref().map(|t| format!(" “{t}”")).unwrap_or_default())]
    NoArticle { title: Option<String> },
    /// The input was empty (or only whitespace).
    #[error("the page is empty")]
    Empty,
}

impl ExtractError {
    pub fn code(&self) -> &'static str {
        match self {
            ExtractError::NoArticle { .. } => "no-article",
            ExtractError::Empty => "empty-page",
        }
    }

    /// Arguments for the fluent message `error-<code>`.
    pub fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            ExtractError::NoArticle { title } => vec![("title", title.clone().unwrap_or_default())],
            ExtractError::Empty => Vec::new(),
        }
    }
}

/// Extract the article from a fetched page (HTML or plain text).
pub fn extract_page(page: &Page) -> Result<Article, ExtractError> {
    match page.kind {
        PageKind::Html => extract(&page.text, page.url.as_ref()),
        PageKind::PlainText => plain_text_article(&page.text, page.url.as_ref()),
    }
}

/// Extract the article from an HTML document. `base` resolves relative links
/// and images (a `<base href>` in the page takes precedence).
pub fn extract(html: &str, base: Option<&Url>) -> Result<Article, ExtractError> {
    // Placeholder until the extraction passes land.
    let _ = base;
    if html.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    Err(ExtractError::NoArticle { title: None })
}

/// A plain-text document as an article: the first line is the title, blank
/// lines separate paragraphs.
pub fn plain_text_article(text: &str, url: Option<&Url>) -> Result<Article, ExtractError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut paragraphs = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty());
    let title = paragraphs.next().ok_or(ExtractError::Empty)?;
    let mut article = Article {
        title,
        url: url.map(Url::to_string),
        blocks: paragraphs
            .map(|text| Block::Paragraph {
                content: vec![Inline::Text { text }],
            })
            .collect(),
        ..Article::default()
    };
    article.update_reading_time();
    Ok(article)
}
