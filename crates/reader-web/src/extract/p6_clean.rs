//! Pass 6: drop link lists, share bars and "related" boxes from the content.
//!
//! Inside the chosen content, drop the boxes that are not article: link
//! lists, share bars, image strips, "related" blocks.
//!
//! Decisions are made bottom-up in one reverse sweep, each box judged on what
//! is left of it after its own children were judged (so a paragraph box with
//! a share bar inside is judged without the share bar).

use super::p2_dom::{Dom, Tag};
use super::p3_prepare::{self, Flags, NodeStats, Prepared, own_stats};
use super::patterns;

/// Boxes with at least this many commas are prose and always stay.
const PROSE_COMMAS: u32 = 10;
/// A box more than this share links is a link list, unless its name says
/// it is the article.
const MAX_LINK_DENSITY: f32 = 0.33;
/// Below this (Latin-equivalent) length a box needs an image to stay.
const MIN_BOX_LEN: f32 = 25.0;
/// A list item more than this share links is a link, not a point.
const LINK_ITEM_DENSITY: f32 = 0.8;
/// A data table more than this share links is a link grid.
const DATA_TABLE_MAX_LINK_DENSITY: f32 = 0.5;
/// A box longer than this is not a label.
const MAX_LABEL_CHARS: u32 = 40;

/// Returns the removal flags for the content subtrees `roots`, starting from
/// the prepared ones.
pub fn clean(dom: &Dom<'_>, prep: &Prepared, roots: &[u32], flags: Flags) -> Vec<bool> {
    let mut removed = prep.removed.clone();
    let mut kept = vec![NodeStats::default(); dom.len()];
    for &root in roots {
        let end = dom.end(root);
        // Tables of data, found once: inside one, short boxes are cells'
        // text, not furniture.
        let mut data_table = vec![false; (end - root) as usize];
        let mut cell_text = vec![false; (end - root) as usize];
        for i in root..end {
            if dom.tag(i) == Tag::Table && dom.is_data_table(i) {
                data_table[(i - root) as usize] = true;
                for j in i + 1..dom.end(i) {
                    cell_text[(j - root) as usize] = true;
                }
            }
        }
        for i in (root..end).rev() {
            let iu = i as usize;
            if removed[iu] {
                continue;
            }
            kept[iu].add(&own_stats(dom, prep, i));
            if dom.element(i).is_some() && i != root && !cell_text[(i - root) as usize] {
                if is_related_label(dom, i, &kept[iu]) {
                    // The label goes, and so does the list it introduces.
                    removed[iu] = true;
                    if let Some(next) = next_element(dom, &removed, i) {
                        if matches!(dom.tag(next), Tag::Ul | Tag::Ol) {
                            removed[next as usize] = true;
                        }
                    }
                    continue;
                }
                if should_drop(
                    dom,
                    i,
                    &kept[iu],
                    link_items(dom, &removed, &kept, i),
                    data_table[(i - root) as usize],
                    flags,
                ) {
                    removed[iu] = true;
                    continue;
                }
            }
            if i != root {
                if let Some(p) = dom.parent(i) {
                    let s = kept[iu];
                    kept[p as usize].add(&s);
                }
            }
        }
        // Descendants of boxes dropped above must read as removed too.
        for i in root..end {
            if let Some(p) = dom.parent(i) {
                if p >= root && removed[p as usize] {
                    removed[i as usize] = true;
                }
            }
        }
    }
    removed
}

/// A heading (or a short box styled as one) that announces a
/// related-articles or comments list.
fn is_related_label(dom: &Dom<'_>, i: u32, s: &NodeStats) -> bool {
    let tag = dom.tag(i);
    (matches!(tag, Tag::H(_) | Tag::Dt) || (tag == Tag::Div && s.text.chars <= MAX_LABEL_CHARS))
        && patterns::is_boilerplate_heading(&heading_text(dom, i))
}

/// The next element sibling that is still in the article.
fn next_element(dom: &Dom<'_>, removed: &[bool], i: u32) -> Option<u32> {
    let parent = dom.parent(i)?;
    dom.children(parent)
        .skip_while(|&c| c != i)
        .skip(1)
        .find(|&c| dom.element(c).is_some() && !removed[c as usize])
}

/// How many of a list's items are nothing but a link: a list of headlines
/// rather than a list in the text.
fn link_items(dom: &Dom<'_>, removed: &[bool], kept: &[NodeStats], i: u32) -> u32 {
    if !matches!(dom.tag(i), Tag::Ul | Tag::Ol) {
        return 0;
    }
    dom.children(i)
        .filter(|&c| dom.tag(c) == Tag::Li && !removed[c as usize])
        .filter(|&c| kept[c as usize].link_density() > LINK_ITEM_DENSITY)
        .count() as u32
}

/// Whether box `i` (with what is left of it, `s`) is not article.
/// `link_items` counts its bare-link list items; `data_table` says it is a
/// table of data.
fn should_drop(
    dom: &Dom<'_>,
    i: u32,
    s: &NodeStats,
    link_items: u32,
    data_table: bool,
    flags: Flags,
) -> bool {
    let tag = dom.tag(i);
    let text_len = s.text.weighted_len();
    if tag == Tag::P && s.link_density() > 0.9 && s.text.chars < 40 && s.images == 0 {
        // A lone link posing as a paragraph ("Read more", "下一页"); other
        // lone links are part of the text.
        return patterns::is_boilerplate_line(&heading_text(dom, i));
    }
    if !flags.clean_conditionally {
        return false;
    }
    let conditional = matches!(
        tag,
        Tag::Div
            | Tag::Section
            | Tag::Table
            | Tag::Ul
            | Tag::Ol
            | Tag::Dl
            | Tag::Form
            | Tag::Header
            | Tag::Figure
            | Tag::Other
    );
    if !conditional {
        return false;
    }
    let ld = s.link_density();
    // A table of figures is dense with numbers and links, and is content.
    if data_table && ld < DATA_TABLE_MAX_LINK_DENSITY {
        return false;
    }
    let weight = if !flags.weight_classes || p3_prepare::wraps_embed(dom, i) {
        // A media-named box around an embedded post is judged on its text.
        0.0
    } else {
        dom.name_class(i).weight
    };
    if weight < 0.0 && (ld > 0.2 || text_len < 1000.0) {
        return true;
    }
    if s.text.commas >= PROSE_COMMAS && ld < 0.5 {
        return false;
    }
    let is_list = matches!(tag, Tag::Ul | Tag::Ol);
    let is_figure = tag == Tag::Figure;
    let p = s.paragraphs as f32;
    let img = s.images as f32;
    let li = s.list_items as f32;
    if img > 1.0 && p / img < 0.5 && !is_figure && text_len < 200.0 * img {
        return true;
    }
    if !is_list && li > p + 1.0 && ld > 0.3 {
        return true;
    }
    if text_len < MIN_BOX_LEN && (img == 0.0 || img > 2.0) && s.headings == 0 {
        return true;
    }
    if is_list {
        // A list in the text may link every item somewhere; a list of
        // headlines is links and little else.
        return ld > MAX_LINK_DENSITY && link_items * 2 > s.list_items;
    }
    if weight < 25.0 && ld > MAX_LINK_DENSITY {
        return true;
    }
    if weight >= 25.0 && ld > 0.5 {
        return true;
    }
    false
}

/// Text of a short element, for matching against label vocabularies.
fn heading_text(dom: &Dom<'_>, i: u32) -> String {
    let mut out = String::new();
    for j in i..dom.end(i) {
        if let Some(t) = dom.text(j) {
            out.push_str(t);
            if out.len() > 200 {
                break;
            }
        }
    }
    out
}
