//! The `care-img` URI scheme: article images, fetched by the shell. The
//! webview never contacts a page's host, and only URLs of images in articles
//! we showed are served (anything else is a 404).

use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use reader_web::fetch::{FetchOptions, fetch_image};
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};
use url::Url;

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
        let allowed = |url: &str| {
            app.try_state::<Shell>()
                .is_some_and(|shell| shell.app.image_allowed(url))
        };
        let response = match url_from_path(&path) {
            Some(url) if allowed(&url) => fetch(&url).await,
            _ => not_found(),
        };
        responder.respond(response);
    });
}

async fn fetch(url: &str) -> Response<Vec<u8>> {
    let Ok(url) = Url::parse(url) else {
        return not_found();
    };
    match fetch_image(&url, &FetchOptions::default()).await {
        Ok(image) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, image.content_type)
            .header(header::CACHE_CONTROL, "max-age=86400")
            .header("X-Content-Type-Options", "nosniff")
            .body(image.bytes)
            .unwrap_or_else(|_| not_found()),
        Err(_) => not_found(),
    }
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
