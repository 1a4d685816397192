//! Issue 11: kept articles, places, pictures, search, removal with undo.

mod common;

use common::{article, temp_dir};
use reader_settings::Settings;
use reader_store::{Picture, Place, SearchHit, Segment, Store, StoreError, UNDO_DAYS};

fn marked(segments: &[Segment]) -> Vec<&str> {
    segments
        .iter()
        .filter(|s| s.mark)
        .map(|s| s.text.as_str())
        .collect()
}

fn text(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.text.as_str()).collect()
}

fn titles(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.item.title.as_str()).collect()
}

#[test]
fn kept_articles_are_never_pruned_and_list_newest_first() -> Result<(), StoreError> {
    let store = Store::in_memory()?;
    let first =
        store.remember_article("https://k.example/first", &article("First", &["one two"]))?;
    store.keep(first)?;
    std::thread::sleep(std::time::Duration::from_millis(3));
    let second = store.remember_article("https://k.example/second", &article("Second", &["x"]))?;
    store.keep(second)?;
    // 250 articles opened afterwards push everything unkept out of "recent".
    for i in 0..250 {
        store.remember_article(&format!("https://k.example/{i}"), &article("n", &[]))?;
    }
    let kept = store.kept(10)?;
    assert_eq!(
        kept.iter().map(|k| k.title.as_str()).collect::<Vec<_>>(),
        ["Second", "First"]
    );
    assert_eq!(kept[1].words, 2);
    assert!(kept[1].saved_at.is_some());
    assert!(store.article(first)?.is_some());
    let total: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    assert_eq!(total, 202, "200 recent + 2 kept");
    assert!(matches!(
        store.keep(99_999),
        Err(StoreError::NotRemembered(99_999))
    ));
    let json = serde_json::to_value(&kept[0]).unwrap_or_default();
    assert!(
        json.get("savedAt").is_some() && json.get("wordsRead").is_some(),
        "{json}"
    );
    Ok(())
}

#[test]
fn a_place_is_saved_with_the_words_read_and_continue_offers_the_last_unfinished()
-> Result<(), StoreError> {
    let store = Store::in_memory()?;
    // 4 + 6 + 10 = 20 words.
    let body = ["one two three four", "a b c d e f", "1 2 3 4 5 6 7 8 9 10"];
    let a = store.remember_article("https://p.example/a", &article("A", &body))?;
    let b = store.remember_article("https://p.example/b", &article("B", &body))?;
    assert_eq!(store.position(a)?, None);
    assert_eq!(store.last_unfinished()?, None);
    let saved = store.save_position(
        a,
        Place {
            block: 1,
            offset: 0.5,
            sentence: Some(3),
        },
    )?;
    assert_eq!(
        (saved.block, saved.offset, saved.sentence),
        (1, 0.5, Some(3))
    );
    assert_eq!(store.position(a)?, Some(saved.clone()));
    assert_eq!(
        store.library_item(a)?.map(|i| (i.words, i.words_read)),
        Some((20, 7))
    );
    let (item, place) = store
        .last_unfinished()?
        .unwrap_or_else(|| panic!("nothing to continue"));
    assert_eq!((item.id, place), (a, saved));
    // B read later, to its last block: finished, so A is still the one.
    std::thread::sleep(std::time::Duration::from_millis(3));
    store.save_position(
        b,
        Place {
            block: 2,
            offset: 0.0,
            sentence: None,
        },
    )?;
    assert_eq!(store.last_unfinished()?.map(|(i, _)| i.id), Some(a));
    // Nonsense from the UI is brought into range, not stored.
    let odd = store.save_position(
        a,
        Place {
            block: -40,
            offset: f32::NAN,
            sentence: None,
        },
    )?;
    assert_eq!((odd.block, odd.offset), (-1, 0.0));
    let odd = store.save_position(
        a,
        Place {
            block: 999,
            offset: 7.0,
            sentence: None,
        },
    )?;
    assert_eq!((odd.block, odd.offset), (999, 1.0));
    assert!(matches!(
        store.save_position(
            4242,
            Place {
                block: 0,
                offset: 0.0,
                sentence: None
            }
        ),
        Err(StoreError::NotRemembered(4242))
    ));
    // A removed article is not offered.
    store.save_position(
        a,
        Place {
            block: 0,
            offset: 0.0,
            sentence: None,
        },
    )?;
    store.remove(a)?;
    assert_eq!(store.last_unfinished()?, None);
    Ok(())
}

#[test]
fn places_survive_a_restart() -> Result<(), StoreError> {
    let dir = temp_dir("places");
    let place = Place {
        block: 3,
        offset: 0.25,
        sentence: Some(5),
    };
    let id = {
        let (store, _) = Store::open_in(&dir)?;
        let id = store.remember_article(
            "https://p.example/r",
            &article("R", &["a", "b", "c", "d", "e"]),
        )?;
        store.save_position(id, place)?;
        id
    };
    let (store, _) = Store::open_in(&dir)?;
    let saved = store.position(id)?.unwrap_or_else(|| panic!("place lost"));
    assert_eq!(
        (saved.block, saved.offset, saved.sentence),
        (3, 0.25, Some(5))
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn picture(url: &str, bytes: usize) -> Picture {
    Picture {
        url: url.into(),
        content_type: "image/png".into(),
        bytes: vec![7; bytes],
    }
}

#[test]
fn pictures_are_kept_within_both_limits_and_the_article_all_the_same() -> Result<(), StoreError> {
    let store = Store::in_memory()?;
    store.save_settings(&Settings {
        keep_picture_mb_per_article: 2,
        keep_picture_mb_total: 50,
        ..Settings::default()
    })?;
    const MB: usize = 1024 * 1024;
    let a = store.remember_article("https://i.example/a", &article("A", &["x"]))?;
    store.keep(a)?;
    let report = store.keep_pictures(
        a,
        &[
            picture("https://i.example/1.png", MB),
            picture("https://i.example/huge.png", 3 * MB),
            picture("https://i.example/2.png", MB / 2),
            picture("https://i.example/3.png", MB),
        ],
    )?;
    assert_eq!(report.kept, 2);
    assert_eq!(
        report.skipped,
        ["https://i.example/huge.png", "https://i.example/3.png"]
    );
    // The same address again replaces, it does not count twice.
    let again = store.keep_pictures(a, &[picture("https://i.example/1.png", MB)])?;
    assert_eq!(again.kept, 1);
    let (kind, bytes) = store
        .image("https://i.example/2.png")?
        .unwrap_or_else(|| panic!("picture not kept"));
    assert_eq!((kind.as_str(), bytes.len()), ("image/png", MB / 2));
    assert_eq!(store.image("https://i.example/huge.png")?, None);
    assert_eq!(store.picture_bytes()?, (MB + MB / 2) as u64);
    assert_eq!(
        store.kept(5)?.len(),
        1,
        "kept without the pictures that did not fit"
    );
    // The overall limit: 50 MB across articles (each within its 2 MB).
    let mut skipped = 0;
    for i in 0..30 {
        let id = store.remember_article(&format!("https://i.example/p{i}"), &article("P", &[]))?;
        let r = store.keep_pictures(
            id,
            &[picture(&format!("https://i.example/p{i}.jpg"), 2 * MB)],
        )?;
        skipped += r.skipped.len();
    }
    assert!(store.picture_bytes()? <= 50 * MB as u64);
    assert_eq!(skipped, 6, "24 × 2 MB + 1.5 MB fit in 50 MB");
    assert!(matches!(
        store.keep_pictures(777, &[picture("u", 1)]),
        Err(StoreError::NotRemembered(777))
    ));
    Ok(())
}

fn library() -> Result<(Store, i64, i64, i64), StoreError> {
    let store = Store::in_memory()?;
    let ginkgo = store.remember_article(
        "https://news.example/ginkgo",
        &article(
            "北京的秋天",
            &[
                "每到十一月，城里的老人都会去公园散步。",
                "地坛公园里有一排很老的银杏树，叶子落下来的时候，地上一片金黄。",
                "摄影爱好者清早就来了。",
            ],
        ),
    )?;
    let trees = store.remember_article(
        "https://news.example/trees",
        &article(
            "Old Trees of London",
            &[
                "The plane trees along the Embankment were planted in the 1870s.",
                "A Ginkgo biloba in Kew Gardens is older than the United States.",
            ],
        ),
    )?;
    let unkept = store.remember_article(
        "https://news.example/unkept",
        &article("银杏 not kept", &["银杏 Ginkgo"]),
    )?;
    store.keep(ginkgo)?;
    std::thread::sleep(std::time::Duration::from_millis(3));
    store.keep(trees)?;
    Ok((store, ginkgo, trees, unkept))
}

#[test]
fn a_two_character_chinese_word_from_the_middle_of_a_body_finds_it() -> Result<(), StoreError> {
    let (store, ginkgo, _, _) = library()?;
    let hits = store.search("银杏", 10)?;
    assert_eq!(hits.len(), 1, "only kept articles: {:?}", titles(&hits));
    assert_eq!(hits[0].item.id, ginkgo);
    assert_eq!(marked(&hits[0].snippet_marked), ["银杏"]);
    assert!(text(&hits[0].snippet_marked).contains("很老的银杏树"));
    assert_eq!(marked(&hits[0].title_marked), Vec::<&str>::new());
    // One character, and a longer phrase through the trigram index.
    assert_eq!(titles(&store.search("杏", 10)?), ["北京的秋天"]);
    let hits = store.search("地坛公园", 10)?;
    assert_eq!(titles(&hits), ["北京的秋天"]);
    assert_eq!(marked(&hits[0].snippet_marked), ["地坛公园"]);
    // A title word is marked in the title.
    let hits = store.search("秋天", 10)?;
    assert_eq!(marked(&hits[0].title_marked), ["秋天"]);
    // Every term must match: a long and a short one together.
    assert_eq!(titles(&store.search("银杏 散步", 10)?), ["北京的秋天"]);
    assert!(store.search("银杏 伦敦", 10)?.is_empty());
    Ok(())
}

#[test]
fn english_search_folds_case_and_marks_every_match() -> Result<(), StoreError> {
    let (store, _, trees, _) = library()?;
    let hits = store.search("ginkgo", 10)?;
    assert_eq!(titles(&hits), ["Old Trees of London"]);
    assert_eq!(hits[0].item.id, trees);
    assert_eq!(marked(&hits[0].snippet_marked), ["Ginkgo"]);
    let hits = store.search("TREES kew", 10)?;
    assert_eq!(marked(&hits[0].title_marked), ["Trees"]);
    assert_eq!(marked(&hits[0].snippet_marked), ["trees", "Kew"]);
    // The snippet is cut with an ellipsis, on one line.
    let snippet = text(&hits[0].snippet_marked);
    assert!(!snippet.contains('\n'));
    // A title match ranks first.
    let (store2, ..) = library()?;
    let both = store2.remember_article(
        "https://news.example/later",
        &article("Tea", &["Trees are mentioned here only in the body."]),
    )?;
    store2.keep(both)?;
    assert_eq!(
        titles(&store2.search("trees", 10)?),
        ["Old Trees of London", "Tea"]
    );
    Ok(())
}

#[test]
fn query_syntax_and_wildcards_are_plain_text() -> Result<(), StoreError> {
    let (store, ..) = library()?;
    for q in [
        "\"",
        "\"\"",
        "NEAR(",
        "AND",
        "OR NOT",
        "*",
        "%",
        "_",
        "\\",
        "a%b",
        "title:x",
        "^",
        "-",
        "(((",
        "'; DROP TABLE articles; --",
        "银\"杏",
    ] {
        let hits = store.search(q, 10)?;
        assert!(
            hits.iter().all(|h| text(&h.title_marked) == h.item.title),
            "{q}"
        );
    }
    assert!(
        store.search("%", 10)?.is_empty(),
        "% is a character, not a wildcard"
    );
    assert!(store.search("  ", 10)?.is_empty());
    assert!(store.search("", 10)?.is_empty());
    assert_eq!(store.kept(10)?.len(), 2);
    Ok(())
}

#[test]
fn removal_hides_and_undo_brings_back_across_a_restart_then_a_week_purges() -> Result<(), StoreError>
{
    let dir = temp_dir("remove");
    let id = {
        let (store, _) = Store::open_in(&dir)?;
        let id = store.remember_article("https://r.example/x", &article("银杏之旅", &["银杏"]))?;
        store.keep(id)?;
        store.keep_pictures(id, &[picture("https://r.example/x.png", 10)])?;
        store.save_position(
            id,
            Place {
                block: 0,
                offset: 0.5,
                sentence: None,
            },
        )?;
        store.remove(id)?;
        assert!(store.kept(10)?.is_empty());
        assert!(store.search("银杏", 10)?.is_empty());
        assert!(store.recent(10)?.is_empty());
        id
    };
    {
        let (store, _) = Store::open_in(&dir)?;
        assert!(store.kept(10)?.is_empty(), "still removed after a restart");
        let offered: Vec<i64> = store.removed(10)?.iter().map(|i| i.id).collect();
        assert_eq!(offered, [id], "offered back after a restart");
        store.undo_remove(id)?;
        assert!(store.removed(10)?.is_empty());
        assert_eq!(store.kept(10)?.len(), 1);
        assert_eq!(store.search("银杏", 10)?.len(), 1);
        assert!(store.position(id)?.is_some());
        // Removed again, and (as if) eight days ago.
        store.remove(id)?;
        store.connection().execute(
            "UPDATE articles SET removed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)",
            [format!("-{} days", UNDO_DAYS + 1)],
        )?;
    }
    let (store, _) = Store::open_in(&dir)?;
    assert!(store.article(id)?.is_none(), "purged at the start");
    assert_eq!(
        store.image("https://r.example/x.png")?,
        None,
        "with its pictures"
    );
    assert_eq!(store.position(id)?, None);
    let fts: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM search", [], |r| r.get(0))?;
    assert_eq!(fts, 0, "and its search text");
    assert!(matches!(
        store.undo_remove(id),
        Err(StoreError::NotRemembered(_))
    ));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
fn a_removal_younger_than_a_week_is_not_purged() -> Result<(), StoreError> {
    let store = Store::in_memory()?;
    let id = store.remember_article("https://r.example/y", &article("Y", &[]))?;
    store.remove(id)?;
    store.connection().execute(
        "UPDATE articles SET removed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)",
        [format!("-{} days", UNDO_DAYS - 1)],
    )?;
    assert_eq!(store.purge_removed()?, 0);
    store.undo_remove(id)?;
    assert_eq!(store.recent(5)?.len(), 1);
    Ok(())
}
