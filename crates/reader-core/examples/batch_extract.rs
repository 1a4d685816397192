//! Development helper for tuning: the extract-eval batch interface
//! (`html_path<TAB>url<TAB>out_path` per line) without the CLI's fetch layer.
use std::time::Instant;

fn main() {
    let Some(list) = std::env::args().nth(1) else { return eprintln!("usage: batch_extract LIST") };
    let list = std::fs::read_to_string(list).unwrap_or_default();
    for line in list.lines() {
        let mut parts = line.split('\t');
        let (Some(html), Some(url), Some(out)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let html = std::fs::read_to_string(html).unwrap_or_default();
        let url = url::Url::parse(url).ok();
        let start = Instant::now();
        let text = reader_core::extract::extract(&html, url.as_ref()).map(|mut a| { if std::env::var_os("NOCAP").is_some() { a.blocks.retain(|b| !matches!(b, reader_core::Block::Image { .. })); } a.body_text() }).unwrap_or_default();
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let _ = std::fs::write(out, text);
        let _ = std::fs::write(format!("{out}.ms"), format!("{ms:.3}"));
    }
}
