//! Pass 6: drop link lists, share bars and "related" boxes from the content.
//!
//! Inside the chosen content, drop the boxes that are not article: link
//! lists, share bars, image strips, "related" blocks.
//!
//! Decisions are made bottom-up in one reverse sweep, each box judged on what
//! is left of it after its own children were judged (so a paragraph box with
//! a share bar inside is judged without the share bar).

use std::collections::HashMap;

use super::dates;
use super::p2_dom::{Dom, Tag};
use super::p3_prepare::{self, Flags, NodeStats, Prepared, own_stats};
use super::patterns;
use super::text::TextStats;

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
/// A parent with at least this many text-only `<div>` children writes its
/// paragraphs as divs (see [`writes_lines_as_divs`]).
const MIN_LINE_DIVS: usize = 3;
/// ... provided one of them is a paragraph of at least this (Latin-equivalent)
/// length: a column of short divs is a menu, not text.
const MIN_LINE_DIV_PROSE: f32 = 150.0;

/// Returns the removal flags for the content subtrees `roots`, starting from
/// the prepared ones.
pub fn clean(dom: &Dom<'_>, prep: &Prepared, roots: &[u32], flags: Flags) -> Vec<bool> {
    let mut removed = prep.removed.clone();
    let mut kept = vec![NodeStats::default(); dom.len()];
    // Parent → whether it writes its paragraphs as divs, worked out once.
    let mut div_text: HashMap<u32, bool> = HashMap::new();
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
                    // Or the headlines set one per box, each with its date.
                    let mut next = next_element(dom, &removed, i);
                    while let Some(n) = next.filter(|&n| is_dated_link(dom, &removed, n)) {
                        removed[n as usize] = true;
                        next = next_element(dom, &removed, n);
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
                ) && !is_short_line_of_text(dom, i, &kept[iu], &mut div_text)
                {
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

/// A box holding a link and, beside it, nothing but a bullet or a date:
/// an item of a list of other articles ("·标题 (2005-04-27 18:03PM)").
fn is_dated_link(dom: &Dom<'_>, removed: &[bool], i: u32) -> bool {
    let end = dom.end(i);
    let mut links = 0;
    let mut j = i + 1;
    while j < end {
        if removed[j as usize] {
            j = dom.end(j);
        } else if dom.tag(j) == Tag::A {
            links += 1;
            j = dom.end(j);
        } else if let Some(t) = dom.text(j) {
            let t = t.trim();
            if t.chars().count() > 2 && !dates::is_bare_date(t) {
                return false;
            }
            j += 1;
        } else {
            j += 1;
        }
    }
    links == 1
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

/// Whether `i` is a short line of the text rather than a short box of
/// furniture: a text-only `<div>` among others like it. Editors of Chinese
/// portals and government sites write each paragraph as a `<div>`, so a
/// heading's last line ("和迁入人口的通告"), "特此通告。" and the signature
/// and date under a notice are short divs too. Readability turns such divs
/// into paragraphs before it cleans; here they are spared the short-box rule
/// (and only it: links and boilerplate names still decide).
fn is_short_line_of_text(
    dom: &Dom<'_>,
    i: u32,
    s: &NodeStats,
    div_text: &mut HashMap<u32, bool>,
) -> bool {
    if s.text.chars == 0
        || s.text.weighted_len() >= MIN_BOX_LEN
        || s.link_chars > 0
        || s.images > 0
        || !is_text_div(dom, i)
        || dom.name_class(i).weight < 0.0
    {
        return false;
    }
    let Some(parent) = dom.parent(i) else {
        return false;
    };
    *div_text
        .entry(parent)
        .or_insert_with(|| writes_lines_as_divs(dom, parent))
}

/// A `<div>` holding only text and inline elements.
fn is_text_div(dom: &Dom<'_>, i: u32) -> bool {
    dom.tag(i) == Tag::Div
        && (i + 1..dom.end(i)).all(|j| dom.element(j).is_none() || dom.tag(j).is_inline())
}

/// Whether `parent` sets its paragraphs as text-only divs: most of its
/// element children are such divs, and one of them is a real paragraph.
fn writes_lines_as_divs(dom: &Dom<'_>, parent: u32) -> bool {
    let (mut lines, mut others, mut prose) = (0usize, 0usize, false);
    for c in dom.children(parent) {
        if dom.element(c).is_none() {
            continue;
        }
        if is_text_div(dom, c) {
            lines += 1;
            if !prose {
                let mut t = TextStats::default();
                for j in c..dom.end(c) {
                    t.add(&dom.text_stats(j));
                }
                prose = t.weighted_len() >= MIN_LINE_DIV_PROSE;
            }
        } else {
            others += 1;
        }
    }
    prose && lines >= MIN_LINE_DIVS && lines > others * 2
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
