//! Pass 5: pick the article's container and its siblings.
//!
//! The container is the one that holds the article; its siblings belong with
//! it when they are more of it (an article split over several boxes, a lead
//! photo beside the text).

use super::p2_dom::{Dom, Tag};
use super::p3_prepare::NodeStats;
use super::p4_score::Scores;

/// Candidates within this share of the best one are "also good": when several
/// of them sit under one ancestor, the article is that ancestor.
const ALTERNATIVE_SHARE: f32 = 0.75;
const MIN_ALTERNATIVES: usize = 3;
/// A sibling joins the article when it scores this share of the top candidate.
const SIBLING_SHARE: f32 = 0.2;
const MIN_SIBLING_SCORE: f32 = 10.0;
/// A sibling holding a box of the best candidate's class with this share of
/// its text is another section of the same article.
const TWIN_SHARE: f32 = 0.25;
/// A post on a page of posts may be much shorter than the longest one.
const POST_TWIN_SHARE: f32 = 0.02;
/// No twin is shorter than this (Latin-equivalent characters).
const MIN_TWIN_LEN: f32 = 140.0;
/// ... unless that box is mostly links (a teaser of another story).
const MAX_TWIN_LINK_DENSITY: f32 = 0.3;
/// A child holding this share of its parent's text stands for the parent.
const TEMPLATE_SHARE: f32 = 0.8;
/// Candidates within this share of the best (and at most this many) are
/// checked for being one of a page's several posts.
const POST_SHARE: f32 = 0.5;
const POST_CANDIDATES: usize = 5;
/// A post's title line is at most this long (characters).
const MAX_TITLE_CHARS: u32 = 150;

/// The article's content: a list of sibling subtrees, in document order.
pub struct Content {
    pub nodes: Vec<u32>,
}

fn final_score(scores: &Scores, stats: &[NodeStats], i: u32) -> Option<f32> {
    scores.score[i as usize].map(|s| s * (1.0 - stats[i as usize].link_density()))
}

pub fn pick(dom: &Dom<'_>, scores: &Scores, stats: &[NodeStats]) -> Option<Content> {
    let n = dom.len() as u32;
    // An article is not a list: a list that scores well makes the box
    // around it the candidate (a reply tree is not the post above it).
    let mut ranked: Vec<(u32, f32)> = (0..n)
        .filter(|&i| !dom.tag(i).is_list_part())
        .filter_map(|i| final_score(scores, stats, i).map(|s| (i, s)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(mut top, top_score) = ranked.first()?;
    let body = dom.body();
    if top_score <= 0.0 {
        return None;
    }
    // A blog page or a thread of posts, each under its own title: the first
    // post is the article.
    let posts = ranked
        .iter()
        .take(POST_CANDIDATES)
        .take_while(|(_, s)| *s >= top_score * POST_SHARE)
        .map(|&(i, _)| twins(dom, stats, i, POST_TWIN_SHARE))
        .find(|t| separate_posts(dom, stats, t));
    if let Some(posts) = posts {
        let first = lone_child_parent(dom, stats, posts[0]);
        return Some(Content {
            nodes: siblings(dom, scores, stats, first, &[]),
        });
    }
    let twins = twins(dom, stats, top, TWIN_SHARE);

    // Several near-equal candidates under one ancestor: the article is split
    // into sections, take the ancestor that holds them all.
    let alternatives: Vec<u32> = ranked
        .iter()
        .skip(1)
        .take_while(|(_, s)| *s >= top_score * ALTERNATIVE_SHARE)
        .map(|&(i, _)| i)
        .collect();
    if alternatives.len() >= MIN_ALTERNATIVES {
        for a in dom.ancestors(top) {
            if a == body || dom.tag(a) == Tag::Html {
                break;
            }
            let holds = alternatives.iter().filter(|&&c| dom.contains(a, c)).count();
            if holds >= MIN_ALTERNATIVES {
                top = a;
                break;
            }
        }
    }

    // Climb while the parent scores better: the paragraphs' direct parent may
    // be one of several sibling boxes of the same article.
    let mut last = final_score(scores, stats, top).unwrap_or(top_score);
    let threshold = last / 3.0;
    let mut parent = dom.parent(top);
    while let Some(p) = parent {
        if p == body || dom.tag(p) == Tag::Html {
            break;
        }
        let Some(ps) = final_score(scores, stats, p) else {
            parent = dom.parent(p);
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            break;
        }
        last = ps;
        parent = dom.parent(p);
    }

    let top = lone_child_parent(dom, stats, top);
    Some(Content {
        nodes: siblings(dom, scores, stats, top, &twins),
    })
}

/// A box that is its parent's only child says nothing: the outermost such
/// parent.
fn lone_child_parent(dom: &Dom<'_>, stats: &[NodeStats], mut top: u32) -> u32 {
    while let Some(p) = dom.parent(top) {
        if p == dom.body() || dom.tag(p) == Tag::Html {
            break;
        }
        let element_children = dom
            .children(p)
            .filter(|&c| {
                dom.element(c).is_some() && stats[c as usize].text.chars > 0
                    || dom.tag(c) == Tag::Img
            })
            .count();
        if element_children != 1 {
            break;
        }
        top = p;
    }
    top
}

/// The box that carries a candidate's template name: the candidate, or
/// when it has no class, the named child that holds nearly all its text (a
/// table row around a `<td class="post-body">`).
fn template_node(dom: &Dom<'_>, stats: &[NodeStats], mut i: u32) -> u32 {
    while dom.attr(i, "class").is_none_or(|c| c.trim().is_empty()) {
        let len = stats[i as usize].text.weighted_len();
        let Some(child) = dom
            .children(i)
            .filter(|&c| dom.element(c).is_some())
            .max_by(|&a, &b| {
                let la = stats[a as usize].text.weighted_len();
                la.total_cmp(&stats[b as usize].text.weighted_len())
            })
        else {
            break;
        };
        if stats[child as usize].text.weighted_len() < len * TEMPLATE_SHARE {
            break;
        }
        i = child;
    }
    i
}

/// Boxes laid out by the same template as the candidate `best` (the same
/// class, a fair share of its text), in document order and not nested in one
/// another; `share` is the least share of the candidate's text a twin has.
/// Empty when the candidate has no template name.
fn twins(dom: &Dom<'_>, stats: &[NodeStats], best: u32, share: f32) -> Vec<u32> {
    let named = template_node(dom, stats, best);
    let class = dom.attr(named, "class").unwrap_or("").trim();
    if class.is_empty() {
        return Vec::new();
    }
    let min_len = (stats[named as usize].text.weighted_len() * share).max(MIN_TWIN_LEN);
    let mut out: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < dom.len() as u32 {
        let s = &stats[i as usize];
        // Cheap tests first: most nodes are text or small boxes.
        let twin = s.text.weighted_len() >= min_len
            && s.link_density() < MAX_TWIN_LINK_DENSITY
            && dom.attr(i, "class").is_some_and(|c| c.trim() == class);
        if twin {
            out.push(i);
            i = dom.end(i);
        } else {
            i += 1;
        }
    }
    out
}

/// Are the twins separate posts, each under its own title (a blog's front
/// page, a forum thread), rather than sections of one article?
fn separate_posts(dom: &Dom<'_>, stats: &[NodeStats], twins: &[u32]) -> bool {
    twins.len() >= 2
        && twins.windows(2).all(|pair| {
            (dom.end(pair[0])..pair[1]).any(|i| {
                dom.element(i).is_some()
                    && dom.class_and_id(i).contains("title")
                    && (1..=MAX_TITLE_CHARS).contains(&stats[i as usize].text.chars)
            })
        })
}

/// The children of `top`'s parent that belong with it: `top`, siblings that
/// score well or read as paragraphs, and siblings holding one of `twins`
/// (further sections of the same article).
fn siblings(
    dom: &Dom<'_>,
    scores: &Scores,
    stats: &[NodeStats],
    top: u32,
    twins: &[u32],
) -> Vec<u32> {
    let Some(parent) = dom.parent(top) else {
        return vec![top];
    };
    if parent == dom.body() || dom.tag(parent) == Tag::Html {
        // Siblings directly under <body> are page furniture far more often
        // than article parts.
        return vec![top];
    }
    let top_score = final_score(scores, stats, top).unwrap_or(0.0);
    let threshold = MIN_SIBLING_SCORE.max(top_score * SIBLING_SHARE);
    let top_class = dom.attr(top, "class").unwrap_or("");
    let mut out = Vec::new();
    for s in dom.children(parent) {
        if s == top {
            out.push(s);
            continue;
        }
        if dom.element(s).is_none() {
            continue;
        }
        let bonus = if !top_class.is_empty() && dom.attr(s, "class") == Some(top_class) {
            top_score * 0.2
        } else {
            0.0
        };
        if let Some(ss) = final_score(scores, stats, s) {
            if ss + bonus >= threshold {
                out.push(s);
                continue;
            }
        }
        if twins.iter().any(|&t| dom.contains(s, t)) {
            out.push(s);
            continue;
        }
        let paragraph_like = dom.tag(s) == Tag::P
            || (matches!(dom.tag(s), Tag::Div | Tag::Section)
                && !dom
                    .children(s)
                    .any(|k| dom.element(k).is_some() && !dom.tag(k).is_inline()));
        if paragraph_like {
            let st = &stats[s as usize];
            let len = st.text.weighted_len();
            let ld = st.link_density();
            if (len > 80.0 && ld < 0.25) || (len > 0.0 && ld == 0.0 && st.text.stops > 0) {
                out.push(s);
            }
        }
    }
    out
}
