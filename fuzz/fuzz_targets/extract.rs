//! Page → Article (reader_web::extract), the way a fetched page reaches it.
//!
//! Input: byte 0 is flags — bit 0: with a base URL; bit 1: the page is plain
//! text (`plain_text_article`), not HTML; bit 2: the rest is raw bytes that go
//! through the charset decision first (else it is read as UTF-8, lossily).
#![no_main]

use care_reader_fuzz::{BASE_URL, check_article};
use libfuzzer_sys::fuzz_target;
use reader_web::extract::{ExtractError, extract, plain_text_article};
use reader_web::fetch::charset;
use url::Url;

fuzz_target!(|data: &[u8]| {
    let [flags, rest @ ..] = data else { return };
    let base = Url::parse(BASE_URL).ok().filter(|_| flags & 1 != 0);
    let plain = flags & 2 != 0;
    let text = if flags & 4 != 0 {
        charset::decode(rest, None).0
    } else {
        String::from_utf8_lossy(rest).into_owned()
    };

    let result = if plain {
        plain_text_article(&text, base.as_ref())
    } else {
        extract(&text, base.as_ref())
    };
    match result {
        Ok(article) => {
            check_article(&article);
            if plain {
                assert!(
                    !article.title.trim().is_empty(),
                    "plain text article without a title"
                );
            }
        }
        Err(ExtractError::Empty) => {
            if !plain {
                assert!(text.trim().is_empty(), "non-empty page called empty");
            }
        }
        Err(ExtractError::NoArticle { .. }) => assert!(!plain, "plain text has no NoArticle"),
    }
});
