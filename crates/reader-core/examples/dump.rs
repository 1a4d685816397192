//! Development helper: print the extracted Article of an HTML file as JSON.
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), url) = (args.next(), args.next()) else { return eprintln!("usage: dump FILE [URL]") };
    let html = std::fs::read_to_string(path).unwrap_or_default();
    let url = url.and_then(|u| url::Url::parse(&u).ok());
    match reader_core::extract::extract(&html, url.as_ref()) {
        Ok(a) => println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default()),
        Err(e) => eprintln!("error: {e}"),
    }
}
