//! The peer of `care-reader extract --batch` in the paired speed measurement
//! (`scripts/bench-batch`): the same list of saved pages, each extracted by
//! dom_smoothie (a Rust port of Mozilla Readability) with nothing around it,
//! so that the ratio shows what our whole path costs on top of extraction.
//!
//! ```text
//! peer_batch LIST              # html_path<TAB>url<TAB>out_path, as --batch
//! peer_batch --single PAGE URL # one page's text on standard output
//! ```
//!
//! Pages are read as UTF-8 (the corpus is stored that way): no charset
//! detection, no runtime, no messages. A page that fails gets an empty output.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, page, url] if flag == "--single" => {
            let text = extract(page, url).unwrap_or_default();
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("writing the text: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        [list] => batch(list),
        _ => {
            eprintln!("usage: peer_batch LIST | peer_batch --single PAGE URL");
            ExitCode::from(2)
        }
    }
}

fn batch(list: &str) -> ExitCode {
    let lines = match std::fs::read_to_string(list) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{list}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for line in lines.lines() {
        let mut columns = line.splitn(3, '\t');
        let (Some(page), Some(url), Some(out)) = (columns.next(), columns.next(), columns.next())
        else {
            continue;
        };
        let text = extract(page, url).unwrap_or_default();
        if let Err(e) = std::fs::write(out, text) {
            eprintln!("{out}: {e}");
        }
    }
    ExitCode::SUCCESS
}

/// The page's article text, or `None` when it cannot be read or extracted.
fn extract(page: &str, url: &str) -> Option<String> {
    let bytes = std::fs::read(page).ok()?;
    let html = String::from_utf8_lossy(&bytes);
    // dom_smoothie insists on an absolute URL (or none).
    let url = Some(url).filter(|u| url::Url::parse(u).is_ok());
    let mut readability = dom_smoothie::Readability::new(html.as_ref(), url, None).ok()?;
    readability
        .parse()
        .ok()
        .map(|article| article.text_content.to_string())
}
