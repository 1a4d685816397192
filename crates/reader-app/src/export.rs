//! Exporting one remembered article for printing or sharing, as the window
//! and `care-reader library export-article` both do: the article from the
//! store, its pictures as the library has them (the kept copies, else
//! fetched by the bounded image fetcher), the header in the reader's
//! language, then [`reader_export`] renders and writes it.

use std::path::Path;

use reader_errors::{Coded, ErrorCode};
use reader_export::{Format, Header, Picture, Pictures, WriteError, Written};
use reader_l10n::Localizer;
use reader_store::StoreError;

use crate::library::Library;
use crate::view::meta_line;

/// Why an export failed: the article is not in the store (or the store
/// failed), or the file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The writing task stopped before it finished.
    #[error("the export stopped")]
    Stopped,
}

impl Coded for ExportError {
    fn code(&self) -> ErrorCode {
        match self {
            ExportError::Store(e) => e.code(),
            ExportError::Write(e) => e.code(),
            ExportError::Stopped => ErrorCode::Internal,
        }
    }

    fn l10n_args(&self) -> Vec<(&'static str, String)> {
        match self {
            ExportError::Store(e) => e.l10n_args(),
            ExportError::Write(e) => e.l10n_args(),
            ExportError::Stopped => Vec::new(),
        }
    }
}

impl Library {
    /// Writes remembered article `id` to `path` as `format`, its pictures
    /// embedded (HTML) or beside it (Markdown). A picture that is neither
    /// kept nor can be fetched now is left out, its caption kept. Fetches:
    /// call it from async code; the file is written off the async threads.
    pub async fn export_article(
        &self,
        id: i64,
        path: &Path,
        format: Format,
        l10n: &Localizer,
    ) -> Result<Written, ExportError> {
        let (source, article) = self
            .store()
            .article(id)?
            .ok_or(StoreError::NotRemembered(id))?;
        let urls = reader_export::shown_images(&article)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let pictures: Pictures = self
            .pictures(urls)
            .await
            .into_iter()
            .map(|p| {
                let picture = Picture {
                    content_type: p.content_type,
                    bytes: p.bytes,
                };
                (p.url, picture)
            })
            .collect();
        let header = Header {
            meta_line: meta_line(l10n, &article),
            source_label: l10n.message("app-export-source", &[]),
            source,
        };
        let path = path.to_owned();
        tokio::task::spawn_blocking(move || {
            reader_export::write(&article, &header, &pictures, &path, format)
        })
        .await
        .map_err(|_| ExportError::Stopped)?
        .map_err(ExportError::from)
    }

    /// The file name a save dialog suggests for article `id`: its title,
    /// with the format's extension.
    pub fn export_file_name(&self, id: i64, format: Format) -> Result<String, StoreError> {
        let (_, article) = self
            .store()
            .article(id)?
            .ok_or(StoreError::NotRemembered(id))?;
        Ok(reader_export::file_name(&article.title, format))
    }
}

#[cfg(test)]
mod tests {
    use reader_web::fetch::IMAGE_TYPES;

    /// Every picture the reader shows (and so the library keeps) can be
    /// exported: reader-export names each of reader-web's image types.
    #[test]
    fn every_image_type_the_reader_shows_is_exported() {
        for mime in IMAGE_TYPES {
            assert!(
                reader_export::picture_type(mime).is_some(),
                "{mime} would be left out of exports"
            );
        }
    }
}
