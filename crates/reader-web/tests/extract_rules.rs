//! One rule of the extractor per test, on small pages written for the test.

use reader_article::{Article, Block};
use reader_web::extract::extract;

fn paragraph(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the story tells, at some length and with care, what the council \
         decided on Tuesday, why the decision matters to the town, and what comes next. \
         Residents said they were relieved, though some doubted the plan.</p>"
    )
}

fn page(body: &str) -> String {
    format!("<html><head><title>Council decides</title></head><body>{body}</body></html>")
}

fn run(html: &str) -> Article {
    match extract(html, None) {
        Ok(a) => a,
        Err(e) => panic!("no article: {e}"),
    }
}

fn text(a: &Article) -> String {
    a.body_text()
}

#[test]
fn folded_second_half_named_read_more_is_kept() {
    let first: String = (1..=3).map(paragraph).collect();
    let rest: String = (4..=12).map(paragraph).collect();
    let html = page(&format!(
        "<div class=story><div class=story-body>{first}\
         <div id=read-more><div id=read-more-link><a href=\"#\">Read more</a></div>\
         <div id=read-more-content>{rest}</div></div></div></div>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("Paragraph 1 "), "{t}");
    assert!(
        t.contains("Paragraph 12 "),
        "the folded half is article: {t}"
    );
}

#[test]
fn headline_list_under_a_more_stories_label_is_dropped() {
    let body: String = (1..=6).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=article-body>{body}<hr>\
         <div class=heading-h3>More Great Town Stories</div>\
         <ul><li>The strange life of <a href=/a>a virtuoso coder</a></li>\
         <li>How the bridge <a href=/b>was finally built</a></li>\
         <li>Why the river <a href=/c>keeps rising every spring</a></li></ul>\
         </div></article>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("Paragraph 6 "), "{t}");
    assert!(!t.contains("More Great Town Stories"), "{t}");
    assert!(!t.contains("virtuoso"), "the list it labels goes too: {t}");
}

#[test]
fn list_in_the_text_with_links_in_every_item_is_kept() {
    let body: String = (1..=6).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=entry-content>{body}<ul>\
         <li>Ann fixed <a href=/1>bug 1677080</a> so the window keeps its size when the source changes</li>\
         <li>Bo added <a href=/2>telemetry</a> for the new multi-window mode, as promised last week</li>\
         <li>Cy made <a href=/3>the toolbar</a> start later, which shaves time off every launch</li>\
         </ul>{}</div></article>",
        paragraph(7)
    ));
    let a = run(&html);
    let list = a
        .blocks
        .iter()
        .any(|b| matches!(b, Block::List { items, .. } if items.len() == 3));
    assert!(list, "the list stays, as a list: {}", text(&a));
}

#[test]
fn math_markup_is_read_as_part_of_its_sentence() {
    let body: String = (1..=4).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=content>{body}<p>The area is \
         <mjx-container class=\"MathJax ctxtmenu_attached_0\">πr²</mjx-container> \
         for every circle.</p>When <mjx-container class=MathJax><mjx-assistive-mml>\
         <math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>, \
         there are two solutions.</div></article>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("The area is πr² for every circle."), "{t}");
    assert!(t.contains("a≠0"), "MathML text is kept: {t}");
    let line = t
        .lines()
        .find(|l| l.contains("two solutions"))
        .unwrap_or("");
    assert!(
        line.contains("When") && line.contains('≠'),
        "one sentence, one line: {t}"
    );
}

#[test]
fn sections_of_one_template_far_apart_are_one_article() {
    // The first section sits deeper than the others, out of reach of the
    // score that parents collect.
    let section = |from: usize, to: usize| -> String {
        let ps: String = (from..=to).map(paragraph).collect();
        format!(
            "<section class=outer><div class=flex>\
             <div class=\"post__content wysiwyg\">{ps}</div></div></section>"
        )
    };
    let html = page(&format!(
        "<div class=postbody>\
         <div class=a><div class=b><div class=c>{}</div></div></div>\
         <div class=acf>{}</div><figure><img src=/x.jpg><figcaption>A photo</figcaption></figure>\
         <div class=acf>{}</div></div>",
        section(1, 5),
        section(6, 14),
        section(15, 19)
    ));
    let t = text(&run(&html));
    for n in [1, 6, 14, 19] {
        assert!(
            t.contains(&format!("Paragraph {n} ")),
            "section with {n} missing: {t}"
        );
    }
}

#[test]
fn a_gallery_caption_repeated_under_the_photo_is_read_once() {
    let caption = "The minister, left, and his counterpart shake hands in Hanoi on Wednesday, \
                   before the talks on the sea dispute began.";
    let body: String = (1..=5).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=article-body><ul class=slides><li>{caption}</li></ul>\
         <p>{caption}</p><p>{}... more</p>{body}{}</div></article>",
        &caption[..60],
        paragraph(5).replace("Paragraph 5", "Paragraph 5 again"),
    ));
    let t = text(&run(&html));
    assert_eq!(t.matches("shake hands").count(), 1, "{t}");
    assert_eq!(
        t.matches("Residents said").count(),
        6,
        "paragraphs that repeat paragraphs stay: {t}"
    );
}

#[test]
fn author_contact_lines_at_the_end_are_dropped() {
    let body: String = (1..=5).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=article-body>{body}<p>ann.lee@example.org</p>\
         <p>Follow us on Twitter @TownNews and on Facebook.</p></div></article>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("Paragraph 5 "), "{t}");
    assert!(!t.contains("example.org"), "{t}");
    assert!(!t.contains("Follow us"), "{t}");
}

#[test]
fn on_a_page_of_posts_the_first_post_is_the_article() {
    let post = |title: &str, from: usize, to: usize| -> String {
        let ps: String = (from..=to).map(paragraph).collect();
        format!(
            "<div class=post><h2 class=post-title>{title}</h2>\
             <div class=post-date>2005-06-14</div><div class=post-body>{ps}</div></div>"
        )
    };
    let html = page(&format!(
        "<div id=blog>{}{}{}</div>",
        post("Spring", 1, 2),
        post("Summer", 3, 20),
        post("Autumn", 21, 26)
    ));
    let t = text(&run(&html));
    assert!(
        t.contains("Paragraph 1 ") && t.contains("Paragraph 2 "),
        "{t}"
    );
    assert!(
        !t.contains("Paragraph 3 "),
        "the second post, however long, is another article: {t}"
    );
    assert!(!t.contains("Paragraph 21 "), "{t}");
}

#[test]
fn a_thread_of_reply_titles_is_not_the_post_above_it() {
    let replies: String = (1..=40)
        .map(|n| {
            format!(
                "<li><a href=/r{n}>我也说两句，导游的事情真是一言难尽，第{n}条</a>【网友{n}】08-11 16:58 138字 [140/0]</li>"
            )
        })
        .collect();
    let html = page(&format!(
        "<table><tr><td class=large>主题：导游为什么热衷于购物？</td></tr>\
         <tr><td class=line_h24><p>导游的收入很大一部分来自购物的回扣，这是业内的“行规”，境内游境外游都是这样的，属于国际惯例。\
         以国内游为例，回扣一般在购物额的百分之十左右，个别的会更高，像字画等等。旅行车停在购物店门口会有停车费，\
         进店购物一般要停留四十五分钟左右，这样就会有人头费。所以，一定要看清楚合同，不要听导游瞎掰。</p></td></tr></table>\
         <table><tr><td><ul><li>回复列表<ul>{replies}</ul></li></ul></td></tr></table>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("导游的收入"), "{t}");
    assert!(!t.contains("网友1"), "{t}");
}

#[test]
fn a_data_table_pasted_with_paragraphs_in_its_cells_is_kept() {
    let body: String = (1..=4).map(paragraph).collect();
    let cell = |t: &str| format!("<td><div dir=ltr><span>{t}</span></div></td>");
    let rows: String = [
        ["Application", "Original size", "Patch size"],
        ["Farm Heroes", "71.1 MB", "13.4 MB"],
        ["Maps", "32.7 MB", "17.5 MB"],
    ]
    .iter()
    .map(|r| format!("<tr>{}</tr>", r.iter().map(|c| cell(c)).collect::<String>()))
    .collect();
    let html = page(&format!(
        "<article><div class=post-body>{body}<table>{rows}</table>{}</div></article>",
        paragraph(5)
    ));
    let a = run(&html);
    let table = a.blocks.iter().find_map(|b| match b {
        Block::Table { rows } => Some(rows.clone()),
        _ => None,
    });
    let rows = table.unwrap_or_else(|| panic!("no table in {}", text(&a)));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1], vec!["Farm Heroes", "71.1 MB", "13.4 MB"]);
}

#[test]
fn a_lone_link_paragraph_is_text_unless_it_is_furniture() {
    let body: String = (1..=4).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=post-body>{body}<p><a href=/doc.pdf>The full report</a></p>\
         <p><a href=/more>Read more</a></p></div></article>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("The full report"), "{t}");
    assert!(!t.contains("Read more"), "{t}");
}

#[test]
fn a_page_of_sections_is_read_whole_not_just_its_longest_box() {
    let feature = |name: &str| {
        format!(
            "<li><h2>{name}</h2><p>Develop, deploy and debug {name} apps directly in your \
             browser, with this tool.</p></li>"
        )
    };
    let features = |names: &[&str]| names.iter().map(|n| feature(n)).collect::<String>();
    let html = page(&format!(
        "<main><section class=intro><header><h1>Welcome</h1><p>Get to know the features \
         that make it the most complete browser for building the Web.</p></header>\
         <ul>{}</ul><div class=notice><h4>Important: sync your profile</h4><p>Developer \
         Edition comes with a new profile, so you can run it alongside other versions. To \
         keep your bookmarks, history and more, sync the profile with your account, or \
         create a new one.</p></div></section>\
         <section class=more-features><ul>{}</ul></section></main>",
        features(&["WebIDE", "Valence"]),
        features(&[
            "Inspector",
            "Console",
            "Debugger",
            "Network",
            "Editor",
            "Audio"
        ])
    ));
    let t = text(&run(&html));
    assert!(t.contains("Get to know"), "{t}");
    assert!(t.contains("Valence apps"), "{t}");
    assert!(t.contains("sync the profile"), "{t}");
    assert!(t.contains("Audio apps"), "{t}");
}

#[test]
fn a_gallery_item_with_caption_and_credit_lines_is_not_read_again() {
    let caption = "Former Governor Ann Lee, left, speaks with a shop owner during a campaign stop \
                   on Tuesday in Columbia.";
    let body: String = (1..=5).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=article-body><ul class=gallery><li>{caption}<br>Photo: Meg Kinnard, AP</li></ul>\
         <p>{caption}</p><p>{caption}</p><p>Photo: Meg Kinnard, AP</p>{body}\
         <figure><img src=https://example.com/a.jpg alt=\"\"></figure><p>Photo: Bo Chen, Reuters</p></div></article>"
    ));
    let a = run(&html);
    let t = text(&a);
    assert_eq!(t.matches("shop owner").count(), 1, "{t}");
    assert_eq!(t.matches("Meg Kinnard").count(), 1, "{t}");
    assert!(
        t.contains("Bo Chen"),
        "a credit under its picture stays: {t}"
    );
}

#[test]
fn an_embedded_post_or_a_video_summary_is_kept_with_its_box() {
    let body: String = (1..=5).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=entry-content>{body}<div class=video-container>\
         <blockquote class=twitter-tweet><p>Interesting to see the port running at an \
         unstable 60fps, a bit tired here.</p>— Digital Foundry (@digitalfoundry)</blockquote>\
         </div><div class=video-player><p>Loading… The council's vote, in two minutes.</p><video src=/v.mp4></video></div>{}</div></article>",
        paragraph(6)
    ));
    let t = text(&run(&html));
    assert!(t.contains("unstable 60fps"), "{t}");
    assert!(t.contains("Paragraph 6 "), "{t}");
    assert!(t.contains("Loading"), "a player's caption is its text: {t}");
    let html = page(&format!(
        "<article><div class=entry-content>{body}<div class=social-media-embed>\
         <blockquote class=twitter-tweet><p>Yes this is real and yes the state spent \
         half a million dollars on it.</p></blockquote></div>{}</div></article>",
        paragraph(6)
    ));
    let t = text(&run(&html));
    assert!(t.contains("half a million"), "{t}");
}

#[test]
fn a_title_is_one_line_even_from_a_heading_with_a_break() {
    let body: String = (1..=4).map(paragraph).collect();
    let html = format!(
        "<html><body><article><h1>River towns<br>plan for\n longer summers</h1>{body}</article></body></html>"
    );
    let a = run(&html);
    assert_eq!(a.title, "River towns plan for longer summers");
}

/// A page of the app's own fixtures (`tests/fixtures/app`).
fn app_fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/app")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn refused(html: &str) -> reader_web::extract::ExtractError {
    match extract(html, None) {
        Ok(a) => panic!("taken for an article: {:?} {}", a.title, a.body_text()),
        Err(e) => e,
    }
}

/// A web server's directory listing (nginx's `<pre>`, Python's `<ul>`) is a
/// list of files, not an article: no-article, titled, so it is never shown
/// as one nor remembered.
#[test]
fn directory_listings_are_not_articles() {
    let nginx = refused(&app_fixture("listing.html"));
    assert_eq!(
        nginx,
        reader_web::extract::ExtractError::NoArticle {
            title: Some("Index of /reading/".into())
        }
    );
    let python = "<!DOCTYPE HTML><html><head><title>Directory listing for /docs/</title></head>\
        <body><h1>Directory listing for /docs/</h1><hr><ul><li><a href=\"a.html\">a.html</a></li>\
        <li><a href=\"notes/\">notes/</a></li><li><a href=\"river.txt\">river.txt</a></li></ul>\
        <hr></body></html>";
    refused(python);
    // A listing with a long README under it has prose to read.
    let with_readme = app_fixture("listing.html").replace(
        "</pre><hr>",
        &format!("</pre><hr>{}", (1..=3).map(paragraph).collect::<String>()),
    );
    assert!(text(&run(&with_readme)).contains("Paragraph 3"));
}

/// A sign-in page (a password box and a line of welcome) is no article; an
/// article with a sign-in box in its header still is.
#[test]
fn sign_in_pages_are_not_articles() {
    refused(&app_fixture("sign-in.html"));
    let story: String = (1..=4).map(paragraph).collect();
    let html = page(&format!(
        "<header><form><input name=user><input type=password name=pw><button>Log in</button>\
         </form></header><article>{story}</article>"
    ));
    assert!(text(&run(&html)).contains("Paragraph 4"));
}

/// Issue 14: with a page address the picture resolves, and a paragraph with a
/// picture inside its text used to become a captioned photo (its text drawn
/// as a caption). It stays one paragraph, with the picture after it; a photo
/// with its caption on the line below is still a captioned photo.
#[test]
fn a_paragraph_with_a_picture_in_its_text_stays_a_paragraph() {
    let base = url::Url::parse("https://news.example.com/town/council.html").ok();
    let body: String = (1..=3).map(paragraph).collect();
    let html = page(&format!(
        "<article>{body}<p>The new bridge <img src=bridge.jpg alt=\"The bridge\"> opens \
         in May.</p><p class=photo><img src=hall.jpg><br>The town hall at dusk.</p>\
         <p>Ask the mayor<img src=lee.jpg>Ann Lee.</p>{}</article>",
        paragraph(4)
    ));
    let article = match extract(&html, base.as_ref()) {
        Ok(a) => a,
        Err(e) => panic!("no article: {e}"),
    };
    let at = |needle: &str| {
        article
            .blocks
            .iter()
            .position(|b| b.text_lines().iter().any(|l| l.contains(needle)))
    };
    let Some(bridge) = at("The new bridge") else {
        panic!("no bridge paragraph in {:?}", article.blocks);
    };
    assert!(
        matches!(&article.blocks[bridge], Block::Paragraph { content }
            if reader_article::inline_text(content) == "The new bridge opens in May."),
        "{:?}",
        article.blocks[bridge]
    );
    assert!(
        matches!(&article.blocks.get(bridge + 1), Some(Block::Image { src, caption: None, .. })
            if src == "https://news.example.com/town/bridge.jpg"),
        "the picture follows its paragraph: {:?}",
        article.blocks.get(bridge + 1)
    );
    assert!(
        matches!(&article.blocks.get(bridge + 2), Some(Block::Image { caption: Some(c), .. })
            if c == "The town hall at dusk."),
        "{:?}",
        article.blocks.get(bridge + 2)
    );
    assert!(
        text(&article).contains("\nAsk the mayor Ann Lee.\n"),
        "the picture kept the words apart: {}",
        text(&article)
    );
}

/// A notice whose editor wrote every line as a `<div>`: the short lines (the
/// headline's last line, the document number, "特此通告。", the signature
/// and the date) are lines of the text, not furniture boxes.
#[test]
fn a_notice_written_in_divs_keeps_its_short_lines() {
    let prose = |n: usize| {
        format!(
            "<div>　　{n}、入冬以来，全市各街道要按照分工及时清扫主要道路和人行道上的积雪，\
             保障居民出行安全，对老旧小区和学校周边的道路要优先清扫，做到雪停路通。</div>"
        )
    };
    let html = page(&format!(
        "<div class=nav><a href=/>首页</a> <a href=/gk>公开</a></div>\
         <div class=content><div style=\"text-align:center\"><b>东城市人民政府关于做好</b></div>\
         <div style=\"text-align:center\"><b>冬季道路清雪工作的通告</b></div>\
         <div style=\"text-align:center\">东政通〔2024〕3号</div>{}{}{}\
         <div>　　特此通告。</div><div>&nbsp;</div>\
         <div style=\"text-align:right\">东城市人民政府</div>\
         <div style=\"text-align:right\">2024年12月2日</div></div>",
        prose(1),
        prose(2),
        prose(3)
    ));
    let t = text(&run(&html));
    for line in [
        "冬季道路清雪工作的通告",
        "东政通〔2024〕3号",
        "特此通告。",
        "东城市人民政府",
        "2024年12月2日",
    ] {
        assert!(t.lines().any(|l| l == line), "no line {line:?} in:\n{t}");
    }
    assert!(!t.contains("首页"), "{t}");
}

/// Headlines under a "相关报道" label, one per box with its date beside
/// the link, go with their label (short ones are not dense enough in links
/// to go on their own).
#[test]
fn related_items_with_their_dates_are_left_out_with_their_label() {
    let body: String = (1..=4).map(paragraph).collect();
    let items: String = ["新桥开工", "市长讲话", "雪后路况"]
        .iter()
        .enumerate()
        .map(|(n, title)| {
            format!("<div>·<a href=/n/{n}.html>{title}</a> <span>(2005-04-27 18:03PM)</span></div>")
        })
        .collect();
    let html = page(&format!(
        "<div class=text>{body}<div class=more><div><b>相关报道：</b></div>{items}</div></div>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("Paragraph 4"), "{t}");
    for title in ["新桥开工", "市长讲话", "雪后路况"] {
        assert!(!t.contains(title), "{t}");
    }
}

/// A list under the text that holds the original title and the editor's
/// name: the editor line is furniture, the original title is kept.
#[test]
fn an_editor_line_in_a_list_under_the_text_is_dropped() {
    let body: String = (1..=4).map(paragraph).collect();
    let html = page(&format!(
        "<article><div class=content>{body}</div><ul class=article-other>\
         <li>原标题：市议会通过新桥计划</li><li>责任编辑: 王芳</li></ul></article>"
    ));
    let t = text(&run(&html));
    assert!(t.contains("原标题：市议会通过新桥计划"), "{t}");
    assert!(!t.contains("王芳"), "{t}");
}

#[test]
fn a_pictures_declared_size_is_kept_so_the_reader_can_keep_its_room() {
    let base = url::Url::parse("https://news.example.com/town/council.html").ok();
    let body: String = (1..=4).map(paragraph).collect();
    let html = page(&format!(
        "<article>{body}\
         <figure><img src=a.jpg width=640 height=400px></figure>\
         <figure><img src=b.jpg width=100% height=300></figure>\
         <figure><img src=c.jpg width=640></figure>\
         <figure><img src=d.jpg width=99999 height=400></figure>\
         <p><noscript><img src=e.jpg width=' 320 ' height=240></noscript></p>\
         <div class=photo><img class=lazy><noscript><img src=f.jpg width=480 height=360></noscript></div>\
         {}</article>",
        paragraph(5)
    ));
    let article = match extract(&html, base.as_ref()) {
        Ok(a) => a,
        Err(e) => panic!("no article: {e}"),
    };
    let sizes: Vec<(String, Option<(u32, u32)>)> = article
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image { src, size, .. } => Some((
                src.rsplit('/').next().unwrap_or_default().to_owned(),
                size.map(|s| (s.width, s.height)),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        sizes,
        vec![
            ("a.jpg".to_owned(), Some((640, 400))),
            ("b.jpg".to_owned(), None),
            ("c.jpg".to_owned(), None),
            ("d.jpg".to_owned(), None),
            ("e.jpg".to_owned(), Some((320, 240))),
            ("f.jpg".to_owned(), Some((480, 360))),
        ],
        "pixel sizes are kept (a placeholder's from its <noscript>); a percentage, \
         one side alone or an absurd side are not"
    );
}
