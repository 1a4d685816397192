//! A saved file → Page → Article, through the same path as opening a file:
//! the MHTML reader for `.mhtml`/`.mht`, content sniffing, charset decoding.
//!
//! Input: byte 0 picks the file's extension; the rest is the file.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use care_reader_fuzz::check_article;
use libfuzzer_sys::fuzz_target;
use reader_web::extract::extract_page;
use reader_web::fetch::{FetchOptions, Source, fetch};

const EXTENSIONS: &[&str] = &["mhtml", "mht", "html", "txt", "", "xhtml"];

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a current-thread runtime")
    })
}

/// One scratch folder per fuzzing process (libFuzzer's -fork/-jobs run several).
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("care-reader-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let [ext, file @ ..] = data else { return };
    let ext = EXTENSIONS[usize::from(*ext) % EXTENSIONS.len()];
    let path = scratch().join(if ext.is_empty() {
        "page".to_owned()
    } else {
        format!("page.{ext}")
    });
    std::fs::write(&path, file).expect("write the scratch file");

    let result = runtime().block_on(fetch(&Source::File(path.clone()), &FetchOptions::default()));
    let _ = std::fs::remove_file(&path);
    let Ok(page) = result else { return };
    // Quoted-printable and base64 only shrink; decoding grows a byte to at most 3.
    assert!(
        page.text.len() <= 3 * file.len(),
        "{} bytes of file gave {} bytes of text",
        file.len(),
        page.text.len()
    );
    assert!(!page.encoding.is_empty(), "no encoding name");
    assert!(
        page.url.as_ref().is_some_and(|u| u.scheme() == "file"),
        "a file's page has a file: URL"
    );
    if let Ok(article) = extract_page(&page) {
        check_article(&article);
    }
});
