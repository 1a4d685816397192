//! Pass 4: score containers by the prose they hold.
//!
//! Every block of text ("paragraph": the text that shows up in one block-level
//! container, whether a `<p>`, a `<td>` or a `<div>` of `<br>`-separated lines)
//! earns points for its length and its commas, and hands them to its
//! ancestors: the parent in full, the grandparent half, further ancestors a
//! shrinking share. The ancestor that collects most, discounted by how much of
//! its text is links, holds the article.

use super::p2_dom::{Dom, Tag};
use super::p3_prepare::{Flags, NodeStats, Prepared};

/// A paragraph shorter than this (in Latin-equivalent characters) is too short
/// to be evidence of prose: captions, buttons, dates.
const MIN_PARAGRAPH_LEN: f32 = 25.0;
/// One point per this many characters, up to [`MAX_LENGTH_POINTS`].
const CHARS_PER_POINT: f32 = 100.0;
const MAX_LENGTH_POINTS: f32 = 3.0;
/// A section counts at most this many commas.
const MAX_SECTION_COMMAS: u32 = 3;
/// A section more than this share links is not prose.
const MAX_SECTION_LINK_DENSITY: f32 = 0.25;
/// How many ancestors above a paragraph receive a share of its score.
const SCORED_ANCESTOR_LEVELS: usize = 5;

pub struct Scores {
    /// Content score of every node; `None` when no paragraph reached it.
    pub score: Vec<Option<f32>>,
}

/// Base score a container gets for what kind of element it is.
fn tag_base(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
        Tag::H(_) | Tag::Th => -5.0,
        _ => 0.0,
    }
}

pub fn class_weight(dom: &Dom<'_>, i: u32, flags: Flags) -> f32 {
    if flags.weight_classes {
        dom.name_class(i).weight
    } else {
        0.0
    }
}

pub fn score(dom: &Dom<'_>, prep: &Prepared, stats: &[NodeStats], flags: Flags) -> Scores {
    let n = dom.len();
    let mut own = vec![NodeStats::default(); n];
    for i in 0..n as u32 {
        let iu = i as usize;
        if prep.removed[iu] {
            continue;
        }
        if dom.text(i).is_some() {
            let t = dom.text_stats(i);
            if t.chars == 0 {
                continue;
            }
            let c = prep.container[iu] as usize;
            own[c].text.add(&t);
            if prep.in_link[iu] {
                own[c].link_chars += t.chars;
            }
        }
    }

    let mut score: Vec<Option<f32>> = vec![None; n];
    for c in 0..n as u32 {
        let own_stats = &own[c as usize];
        // A <section> is a unit of the article as a paragraph is: its whole
        // text speaks for the box that holds the sections.
        // Sections of teasers are mostly links, and do not count.
        let section = dom.tag(c) == Tag::Section
            && !prep.removed[c as usize]
            && stats[c as usize].link_density() < MAX_SECTION_LINK_DENSITY;
        let stats = if section {
            &stats[c as usize]
        } else {
            own_stats
        };
        let len = stats.text.weighted_len();
        if len < MIN_PARAGRAPH_LEN || dom.tag(c).is_heading() {
            continue;
        }
        // A section's commas are its paragraphs' commas, already counted:
        // it adds a paragraph's worth, not an article's.
        let commas = if section {
            stats.text.commas.min(MAX_SECTION_COMMAS)
        } else {
            stats.text.commas
        };
        let points = 1.0 + commas as f32 + (len / CHARS_PER_POINT).floor().min(MAX_LENGTH_POINTS);
        // A run of link text (a menu rendered as a div of links) is not prose.
        let points = points * (1.0 - stats.link_density());
        // The container itself is a candidate only when it is a generic box
        // holding the text directly (a div of <br>-separated lines, a td).
        // A box whose only content is this text is a paragraph in all but
        // name (Readability turns such divs into <p>): its parent is the
        // first candidate. A box mixing text with blocks is a candidate itself.
        let own_candidate = matches!(
            dom.tag(c),
            Tag::Div | Tag::Td | Tag::Section | Tag::Article | Tag::Main
        ) && dom
            .children(c)
            .any(|k| dom.element(k).is_some() && !dom.tag(k).is_inline());
        let first = if own_candidate && !section {
            Some(c)
        } else {
            dom.parent(c)
        };
        let ancestors = std::iter::successors(first, |&a| dom.parent(a));
        // A section speaks for the box that holds it, not for the page.
        let levels = if section { 1 } else { SCORED_ANCESTOR_LEVELS };
        for (level, a) in ancestors.take(levels).enumerate() {
            if matches!(dom.tag(a), Tag::Html) || dom.element(a).is_none() {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            let entry = score[a as usize]
                .get_or_insert_with(|| tag_base(dom.tag(a)) + class_weight(dom, a, flags));
            *entry += points / divider;
        }
    }
    Scores { score }
}
