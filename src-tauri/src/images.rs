//! The `care-img` URI scheme: article images, fetched by the shell. The
//! webview never contacts a page's host, and only URLs of images in articles
//! we showed are served (anything else is a 404).

use reader_web::fetch::{FetchOptions, fetch_image};
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};
use url::Url;

use crate::state::AppState;
use crate::view::image_url_from_path;

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    tauri::async_runtime::spawn(async move {
        let response = match image_url_from_path(&path) {
            Some(url) if app.state::<AppState>().image_allowed(&url) => fetch(&url).await,
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
