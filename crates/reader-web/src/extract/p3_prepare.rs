//! Pass 3: remove what is never article and measure the rest.
//!
//! Decides which parts of the page can never be article (navigation, hidden
//! boxes, boilerplate-named containers) and measures what is left;
//! [`measure`] runs again after pass 6, on what cleaning kept.
//!
//! Everything here walks the flat [`Dom`] in document order (parents before
//! children) or in reverse (children before parents), so each pass is linear
//! and needs no recursion.

use super::p2_dom::{Dom, Tag};
use super::text::TextStats;

/// Switches that later attempts turn off when the first pass finds too little
/// text (Readability's strategy: be strict first, then relax).
#[derive(Debug, Clone, Copy)]
pub struct Flags {
    /// Drop containers whose class/id reads like boilerplate before scoring.
    pub strip_unlikely: bool,
    /// Let class/id names add to or take from a container's score.
    pub weight_classes: bool,
    /// Drop link-heavy or image-heavy containers inside the chosen content.
    pub clean_conditionally: bool,
}

impl Flags {
    pub const ATTEMPTS: [Flags; 4] = [
        Flags {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
}

/// Statistics of a subtree that survived the passes so far.
#[derive(Debug, Clone, Copy, Default)]
pub struct NodeStats {
    pub text: TextStats,
    /// Characters inside links.
    pub link_chars: u32,
    pub paragraphs: u32,
    pub images: u32,
    pub list_items: u32,
    pub headings: u32,
}

impl NodeStats {
    pub fn add(&mut self, other: &NodeStats) {
        self.text.add(&other.text);
        self.link_chars += other.link_chars;
        self.paragraphs += other.paragraphs;
        self.images += other.images;
        self.list_items += other.list_items;
        self.headings += other.headings;
    }

    pub fn link_density(&self) -> f32 {
        if self.text.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.text.chars as f32
        }
    }
}

/// Per-node facts shared by the later passes.
pub struct Prepared {
    /// Removed, or inside a removed subtree.
    pub removed: Vec<bool>,
    /// Inside an `<a>`.
    pub in_link: Vec<bool>,
    /// Nearest ancestor that is not an inline element: where this node's text
    /// shows up as a block.
    pub container: Vec<u32>,
}

/// A boilerplate-named box with this much text (Latin-equivalent characters),
/// this many sentences and at most this share of links is kept anyway.
const PROSE_LEN: f32 = 1500.0;
const PROSE_SENTENCES: u32 = 10;
const PROSE_MAX_LINK_DENSITY: f32 = 0.05;

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "search",
    "toolbar",
    "tablist",
];

/// Classes that hide an element from sighted readers.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
    "visuallyhidden",
];

pub fn prepare(dom: &Dom<'_>, flags: Flags) -> Prepared {
    let n = dom.len();
    let mut removed = vec![false; n];
    let mut in_link = vec![false; n];
    let mut container = vec![0u32; n];
    for i in 0..n as u32 {
        let iu = i as usize;
        if let Some(p) = dom.parent(i) {
            let pu = p as usize;
            if removed[pu] {
                removed[iu] = true;
                continue;
            }
            // `javascript:` pseudo-links are buttons, and their text is prose.
            in_link[iu] = in_link[pu]
                || (dom.tag(i) == Tag::A
                    && !dom.attr(i, "href").is_some_and(|h| {
                        h.trim_start()
                            .to_ascii_lowercase()
                            .starts_with("javascript:")
                    }));
            container[iu] = if dom.tag(p).is_inline() {
                container[pu]
            } else {
                p
            };
        }
        if dom.element(i).is_some() && should_remove(dom, i, flags) {
            removed[iu] = true;
        }
    }
    Prepared {
        removed,
        in_link,
        container,
    }
}

fn should_remove(dom: &Dom<'_>, i: u32, flags: Flags) -> bool {
    let tag = dom.tag(i);
    if matches!(tag, Tag::Html | Tag::Body) {
        return false;
    }
    if matches!(tag, Tag::Nav | Tag::Aside | Tag::Footer) {
        return true;
    }
    if is_hidden(dom, i) {
        return true;
    }
    if let Some(role) = dom.attr(i, "role") {
        if FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    if matches!(tag, Tag::Article | Tag::Main | Tag::A) {
        return false;
    }
    let names = dom.name_class(i);
    // Comment sections and recommendation widgets go even in lax attempts:
    // on a short post they outweigh the post itself.
    if names.furniture {
        return true;
    }
    flags.strip_unlikely
        && names.unlikely
        && !inside_table_or_code(dom, i)
        && !holds_prose(dom, i)
        && !wraps_embed(dom, i)
}

/// Is box `i` named for an embed or a media player and holding a quote or
/// paragraph with text? Then its text decides, not its boilerplate name.
pub fn wraps_embed(dom: &Dom<'_>, i: u32) -> bool {
    dom.name_class(i).may_wrap_embed && holds_quote(dom, i)
}

/// Does the box hold a quotation or a paragraph with text? Embedded posts
/// (tweets, Instagram) are blockquotes until a script turns them into
/// frames, and an embedded video comes with its title and summary.
fn holds_quote(dom: &Dom<'_>, i: u32) -> bool {
    (i + 1..dom.end(i)).any(|j| {
        matches!(dom.tag(j), Tag::Blockquote | Tag::P)
            && (j..dom.end(j)).any(|k| dom.text_stats(k).chars > 0)
    })
}

/// Class names can lie ("read-more" also names the folded second half of a
/// story); a box of several long, link-free paragraphs is prose whatever it
/// is called. Comment threads are prose too, so their names still decide.
fn holds_prose(dom: &Dom<'_>, i: u32) -> bool {
    if dom.class_and_id(i).contains("comment") {
        return false;
    }
    let mut text = TextStats::default();
    let mut link_chars = 0u32;
    let mut link_depth_end = 0u32;
    for j in i..dom.end(i) {
        if j < link_depth_end {
            if dom.text(j).is_some() {
                link_chars += dom.text_stats(j).chars;
            }
        } else if dom.tag(j) == Tag::A {
            link_depth_end = dom.end(j);
        }
        if dom.text(j).is_some() {
            text.add(&dom.text_stats(j));
        }
    }
    text.weighted_len() >= PROSE_LEN
        && text.stops >= PROSE_SENTENCES
        && (link_chars as f32) < text.chars as f32 * PROSE_MAX_LINK_DENSITY
}

/// Readability's caution: a boilerplate-looking name inside a table or code
/// listing is usually formatting, not furniture.
fn inside_table_or_code(dom: &Dom<'_>, i: u32) -> bool {
    dom.ancestors(i)
        .take(8)
        .any(|a| matches!(dom.tag(a), Tag::Table | Tag::Pre))
}

fn is_hidden(dom: &Dom<'_>, i: u32) -> bool {
    let Some(el) = dom.element(i) else {
        return false;
    };
    if el.attr("hidden").is_some() {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    el.classes()
        .any(|c| HIDDEN_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h)))
}

/// What node `i` itself adds to its subtree's statistics: its text, or one
/// paragraph/image/list item/heading.
pub fn own_stats(dom: &Dom<'_>, prep: &Prepared, i: u32) -> NodeStats {
    let mut s = NodeStats::default();
    if dom.text(i).is_some() {
        s.text = dom.text_stats(i);
        if prep.in_link[i as usize] {
            s.link_chars = s.text.chars;
        }
    } else {
        match dom.tag(i) {
            Tag::P => s.paragraphs = 1,
            Tag::Img => s.images = 1,
            Tag::Li => s.list_items = 1,
            Tag::H(_) => s.headings = 1,
            _ => {}
        }
    }
    s
}

/// Subtree statistics of every node that is not removed, bottom-up.
pub fn measure(dom: &Dom<'_>, prep: &Prepared, removed: &[bool]) -> Vec<NodeStats> {
    let n = dom.len();
    let mut stats = vec![NodeStats::default(); n];
    for i in (0..n as u32).rev() {
        let iu = i as usize;
        if removed[iu] {
            continue;
        }
        stats[iu].add(&own_stats(dom, prep, i));
        if let Some(p) = dom.parent(i) {
            let s = stats[iu];
            stats[p as usize].add(&s);
        }
    }
    stats
}
