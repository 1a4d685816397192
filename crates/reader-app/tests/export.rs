//! Exporting one article (issue 11, item 5): through the App as the window
//! calls it, with a kept picture embedded, a picture that cannot be had
//! left out with its caption kept, Markdown with its pictures beside it,
//! and the errors a reader can meet.

use std::path::{Path, PathBuf};

use reader_app::narration::Engine;
use reader_app::{App, AppConfig, ExportFormat};
use reader_article::{Article, Block, Inline};
use reader_errors::ErrorCode;
use reader_settings::SettingsPatch;
use reader_store::Picture;

/// A folder of this test's own, empty.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reader-app-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn app_in(dir: &Path) -> App {
    let config = AppConfig {
        image_address: |url| url.to_owned(),
        engine: Engine::Custom(Box::new(|_| {
            Err(narrator::EngineError::Missing {
                detail: "no speech in this test".into(),
            })
        })),
    };
    App::new(Some(dir), config, |_| {}).unwrap_or_else(|e| panic!("{e}"))
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n-a-test-picture";

/// A kept article: a picture kept in the store, and one on port 9 of this
/// machine, where nothing answers.
fn kept_article(app: &App) -> i64 {
    let article = Article {
        title: "湖边的银杏黄了 <b>".into(),
        site_name: Some("公园新闻".into()),
        lang: Some("zh-CN".into()),
        blocks: vec![
            Block::Paragraph {
                content: vec![Inline::Text {
                    text: "秋天到了，湖边的银杏树叶全黄了。".into(),
                }],
            },
            Block::Image {
                src: "https://images.example.com/ginkgo.png".into(),
                alt: Some("黄色的银杏树".into()),
                caption: Some("湖边的小路".into()),
                credit: None,
                size: None,
            },
            Block::Image {
                src: "http://127.0.0.1:9/bench.png".into(),
                alt: Some("长椅".into()),
                caption: Some("东门的长椅".into()),
                credit: None,
                size: None,
            },
        ],
        ..Article::default()
    };
    let library = app.library();
    let store = library.store();
    let id = store
        .remember_article("https://news.example.com/ginkgo", &article)
        .unwrap_or_else(|e| panic!("{e}"));
    store.keep(id).unwrap_or_else(|e| panic!("{e}"));
    store
        .keep_pictures(
            id,
            &[Picture {
                url: "https://images.example.com/ginkgo.png".into(),
                content_type: "image/png".into(),
                bytes: PNG.to_vec(),
            }],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    id
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn html_embeds_the_kept_picture_and_keeps_the_caption_of_a_lost_one() {
    let dir = temp_dir("html");
    let app = app_in(&dir.join("store"));
    app.update_settings(&SettingsPatch {
        ui_lang: Some("zh-CN".into()),
        ..SettingsPatch::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let id = kept_article(&app);
    assert_eq!(
        app.export_file_name(id, ExportFormat::Html).ok().as_deref(),
        Some("湖边的银杏黄了 b.html")
    );
    let path = dir.join("银杏.html");
    let written = runtime()
        .block_on(app.export_article(id, &path, ExportFormat::Html))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((written.pictures, written.missing), (1, 1));
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(page.contains("<html lang=\"zh-CN\" dir=\"ltr\">"));
    assert!(page.contains("<h1>湖边的银杏黄了 &lt;b&gt;</h1>"));
    assert!(
        page.contains("<p class=\"meta\">公园新闻 · 约 1 分钟读完</p>"),
        "{page}"
    );
    assert!(page.contains(
        "原文：<a href=\"https://news.example.com/ginkgo\">https://news.example.com/ginkgo</a>"
    ));
    assert!(page.contains("<img src=\"data:image/png;base64,iVBORw0KGgot"));
    assert!(page.contains("<figcaption>湖边的小路</figcaption>"));
    // The picture nobody can fetch is left out; its caption stays.
    assert!(page.contains("<figure>\n<figcaption>东门的长椅</figcaption>\n</figure>"));
    assert!(!page.contains("127.0.0.1"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn markdown_writes_the_pictures_beside_the_article() {
    let dir = temp_dir("md");
    let app = app_in(&dir.join("store"));
    let id = kept_article(&app);
    let path = dir.join("ginkgo.md");
    let written = runtime()
        .block_on(app.export_article(id, &path, ExportFormat::Markdown))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((written.pictures, written.missing), (1, 1));
    assert_eq!(
        std::fs::read(dir.join("ginkgo-pictures").join("01.png"))
            .ok()
            .as_deref(),
        Some(PNG)
    );
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.starts_with("# 湖边的银杏黄了 \\<b>\n"), "{text}");
    assert!(text.contains("![黄色的银杏树](ginkgo-pictures/01.png)\n*湖边的小路*"));
    assert!(text.contains("\n*东门的长椅*\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_article_or_an_unwritable_place_is_a_coded_error() {
    let dir = temp_dir("errors");
    let app = app_in(&dir.join("store"));
    let id = kept_article(&app);
    let rt = runtime();
    let Err(e) = rt.block_on(app.export_article(id + 100, &dir.join("a.html"), ExportFormat::Html))
    else {
        panic!("an unknown article was exported");
    };
    assert_eq!(e.code, ErrorCode::NotRemembered);
    let Err(e) = app.export_file_name(id + 100, ExportFormat::Markdown) else {
        panic!("a name for an unknown article");
    };
    assert_eq!(e.code, ErrorCode::NotRemembered);
    let nowhere = dir.join("no-such-folder").join("a.html");
    let Err(e) = rt.block_on(app.export_article(id, &nowhere, ExportFormat::Html)) else {
        panic!("written into a missing folder");
    };
    assert_eq!(e.code, ErrorCode::Io);
    assert!(
        e.message.contains("could not be saved") || e.message.contains("保存"),
        "{}",
        e.message
    );
    assert!(!nowhere.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
