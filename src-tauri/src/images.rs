//! The `care-img` URI scheme: article images, served by the shell. The
//! webview never contacts a page's host, and only URLs of images in articles
//! we showed are served (anything else is a 404). Which bytes to serve is
//! [`reader_app::App::image`]'s rule: a picture kept for offline first,
//! else fetched by the bounded image fetcher.

use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::Shell;

/// The URI scheme that serves article images.
pub const SCHEME: &str = "care-img";

/// Where the webview finds an image: `care-img://localhost/<url>` (WebKitGTK,
/// WKWebView) or `http://care-img.localhost/<url>` (WebView2 on Windows).
pub fn address(url: &str) -> String {
    let encoded = utf8_percent_encode(url, NON_ALPHANUMERIC);
    if cfg!(windows) {
        format!("http://{SCHEME}.localhost/{encoded}")
    } else {
        format!("{SCHEME}://localhost/{encoded}")
    }
}

/// The original image URL from a request path (`/<percent-encoded url>`).
pub fn url_from_path(path: &str) -> Option<String> {
    let encoded = path.strip_prefix('/')?;
    percent_decode_str(encoded)
        .decode_utf8()
        .ok()
        .map(|u| u.into_owned())
}

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    tauri::async_runtime::spawn(async move {
        let image = match (url_from_path(&path), app.try_state::<Shell>()) {
            (Some(url), Some(shell)) => shell.app.image(&url).await,
            _ => None,
        };
        responder.respond(image.map_or_else(not_found, found));
    });
}

fn found((content_type, bytes): (String, Vec<u8>)) -> Response<Vec<u8>> {
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "max-age=86400")
        .header("X-Content-Type-Options", "nosniff")
        .body(bytes)
        .unwrap_or_else(|_| not_found())
}

fn not_found() -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_round_trip() {
        let url = "https://cms.example.com/a b/照片.jpg?w=640&h=480#x";
        let address = address(url);
        assert!(
            !address.contains(' ') && !address.contains('?'),
            "{address}"
        );
        let path = address
            .split_once("localhost")
            .map(|(_, p)| p)
            .unwrap_or_default();
        assert_eq!(url_from_path(path).as_deref(), Some(url));
    }
}
