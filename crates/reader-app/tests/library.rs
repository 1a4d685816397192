//! The library as the window uses it (issue 11): a page with a picture
//! served on 127.0.0.1 is opened and kept; then the server serves nothing,
//! and the kept article reopens with its picture from the store and its
//! place. Reopening by the same address finds the same kept article.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use narrator::EngineError;
use reader_app::narration::Engine;
use reader_app::{App, AppConfig, KeepReport, Library};
use reader_errors::ErrorCode;
use reader_store::Place;

#[path = "../../reader-web/tests/support/http_server.rs"]
#[allow(dead_code)]
mod http_server;

use http_server::{TestServer, html, response};

/// The smallest PNG there is: one transparent pixel.
const PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

fn page() -> String {
    let para = "The ginkgo trees along the lake have turned gold this week, and many \
                older neighbours come in the morning to walk and take photographs.";
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>The ginkgo trees turn gold</title></head>
        <body><article><h1>The ginkgo trees turn gold</h1>
        <p>{para}</p><p>{para} The path is covered in leaves.</p>
        <figure><img src="/pictures/ginkgo.png" alt="A path under yellow trees">
        <figcaption>The lakeside path</figcaption></figure>
        <p>{para} Benches stand by the east gate.</p>
        <p><img src="/pictures/missing.png" alt="A picture the site lost"></p>
        <p>{para} The café opens at nine.</p></article></body></html>"#
    )
}

/// A folder of this test's own, empty.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reader-app-lib-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn app_in(dir: &std::path::Path) -> App {
    let config = AppConfig {
        image_address: |url| format!("care-img://localhost/{url}"),
        engine: Engine::Custom(Box::new(|_| {
            Err(EngineError::Missing {
                detail: "no speech service in this test".into(),
            })
        })),
    };
    App::new(Some(dir), config, |_| {}).unwrap_or_else(|e| panic!("{e}"))
}

/// The server: the page and its one picture while `up`; nothing (404)
/// once it is down.
async fn server(up: Arc<AtomicBool>) -> TestServer {
    let page = page();
    TestServer::start(move |request| {
        if !up.load(Ordering::SeqCst) {
            return response(404, &[], b"");
        }
        match request.path() {
            "/ginkgo" => html(&page),
            "/pictures/ginkgo.png" => response(200, &[("Content-Type", "image/png")], PIXEL_PNG),
            _ => response(404, &[], b""),
        }
    })
    .await
}

fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .block_on(f)
}

#[test]
fn a_kept_article_reopens_offline_with_its_picture_and_place() {
    let dir = temp_dir("offline");
    let up = Arc::new(AtomicBool::new(true));
    block_on(async {
        let server = server(Arc::clone(&up)).await;
        let address = server.url("/ginkgo").to_string();
        let picture = server.url("/pictures/ginkgo.png").to_string();
        let app = app_in(&dir);
        let view = app
            .open(&address, |_| {})
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        let id = view.id.unwrap_or_else(|| panic!("not remembered"));
        assert!(!view.kept);
        assert_eq!(view.position, None);

        let report = app.keep(id).await.unwrap_or_else(|e| panic!("{e:?}"));
        // The lost picture could not be fetched: counted, not fatal.
        assert_eq!(
            report,
            KeepReport {
                id,
                pictures: 1,
                skipped: 1
            }
        );
        app.save_position(
            id,
            Place {
                block: 2,
                offset: 0.5,
                sentence: Some(4),
            },
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let kept = app.kept().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].title, "The ginkgo trees turn gold");
        let hits = app.search("ginkgo").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(hits.len(), 1);
        assert!(hits[0].title_marked.iter().any(|s| s.mark));
        let next = app
            .continue_reading()
            .unwrap_or_else(|e| panic!("{e:?}"))
            .unwrap_or_else(|| panic!("nothing to continue"));
        assert_eq!(next.item.id, id);
        assert_eq!(next.position.sentence, Some(4));
        drop(app);

        // The site is gone; the app starts again on the same store.
        up.store(false, Ordering::SeqCst);
        let app = app_in(&dir);
        let view = app.reopen(id).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(view.kept);
        let position = view.position.unwrap_or_else(|| panic!("no place"));
        assert_eq!((position.block, position.sentence), (2, Some(4)));
        let served = app.image(&picture).await;
        assert_eq!(
            served,
            Some(("image/png".to_owned(), PIXEL_PNG.to_vec())),
            "the picture did not come from the store"
        );
        // Only pictures of articles shown are served at all.
        assert_eq!(app.image("http://127.0.0.1:9/other.png").await, None);
        let requests_before = server.requests().len();
        let _ = app.image(&picture).await;
        assert_eq!(
            server.requests().len(),
            requests_before,
            "went to the network"
        );

        // Opening the same address again finds the same kept article.
        up.store(true, Ordering::SeqCst);
        let again = app
            .open(&address, |_| {})
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(again.id, Some(id));
        assert!(again.kept);
        assert_eq!(again.position.map(|p| p.block), Some(2));

        // Removal hides it, undo brings it back.
        app.remove(id).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(app.kept().unwrap_or_default().is_empty());
        app.undo_remove(id).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(app.kept().unwrap_or_default().len(), 1);
    });
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn library_errors_are_coded_and_the_backup_round_trips() {
    let dir = temp_dir("errors");
    let app = app_in(&dir);
    let e = block_on(app.keep(4242))
        .err()
        .unwrap_or_else(|| panic!("kept an unknown article"));
    assert_eq!(e.code, ErrorCode::NotRemembered);
    let e = app
        .save_position(
            4242,
            Place {
                block: 0,
                offset: 0.0,
                sentence: None,
            },
        )
        .err()
        .unwrap_or_else(|| panic!("saved a place in nothing"));
    assert_eq!(e.code, ErrorCode::NotRemembered);
    assert_eq!(app.continue_reading().unwrap_or_default(), None);

    let damaged = dir.join("damaged.json");
    std::fs::write(&damaged, "{\"format\": \"care-reader-backup\", \"vers").unwrap_or_default();
    let e = app
        .import(&damaged)
        .err()
        .unwrap_or_else(|| panic!("a damaged backup was taken"));
    assert_eq!(e.code, ErrorCode::BackupUnreadable);

    // The welcome article is neither kept nor placed.
    let welcome = app.open_welcome().unwrap_or_else(|e| panic!("{e:?}"));
    assert!(!welcome.kept && welcome.position.is_none());

    // A backup of one library goes into another.
    let library = app.library();
    let article = reader_article::Article {
        title: "银杏树".into(),
        blocks: vec![reader_article::Block::Paragraph {
            content: vec![reader_article::Inline::Text {
                text: "秋天的银杏叶很美。".into(),
            }],
        }],
        ..reader_article::Article::default()
    };
    let id = library
        .store()
        .remember_article("https://example.org/ginkgo", &article)
        .unwrap_or_else(|e| panic!("{e}"));
    library.store().keep(id).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("backup.json");
    assert_eq!(app.export(&file).unwrap_or_else(|e| panic!("{e:?}")), 1);
    let (other, _) = Library::open(Some(&dir.join("other"))).unwrap_or_else(|e| panic!("{e}"));
    let report = other.import(&file).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.added, 1);
    assert_eq!(other.search("银杏").unwrap_or_default().len(), 1);
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}
