//! Pass 3: pick the container that holds the article, and the siblings that
//! belong with it (an article split over several boxes, a lead photo beside
//! the text).

use super::dom::{Dom, Tag};
use super::prepare::NodeStats;
use super::score::Scores;

/// Candidates within this share of the best one are "also good": when several
/// of them sit under one ancestor, the article is that ancestor.
const ALTERNATIVE_SHARE: f32 = 0.75;
const MIN_ALTERNATIVES: usize = 3;
/// A sibling joins the article when it scores this share of the top candidate.
const SIBLING_SHARE: f32 = 0.2;
const MIN_SIBLING_SCORE: f32 = 10.0;
/// A sibling holding a box of the best candidate's class that scores this
/// share of it is another section of the same article.
const TWIN_SHARE: f32 = 0.25;

/// The article's content: a list of sibling subtrees, in document order.
pub struct Content {
    pub nodes: Vec<u32>,
}

fn final_score(scores: &Scores, stats: &[NodeStats], i: u32) -> Option<f32> {
    scores.score[i as usize].map(|s| s * (1.0 - stats[i as usize].link_density()))
}

pub fn pick(dom: &Dom<'_>, scores: &Scores, stats: &[NodeStats]) -> Option<Content> {
    let n = dom.len() as u32;
    let mut ranked: Vec<(u32, f32)> = (0..n)
        .filter_map(|i| final_score(scores, stats, i).map(|s| (i, s)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(mut top, top_score) = ranked.first()?;
    let best = top;
    let body = dom.body();
    if top_score <= 0.0 {
        return None;
    }

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

    // A box that is its parent's only child says nothing: take the parent.
    while let Some(p) = dom.parent(top) {
        if p == body || dom.tag(p) == Tag::Html {
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

    Some(Content {
        nodes: siblings(dom, scores, stats, top, best),
    })
}

/// Does the subtree `s` hold another section of the article, laid out by
/// the same template as the best candidate `best` (same class, a fair score)?
fn holds_twin(dom: &Dom<'_>, scores: &Scores, stats: &[NodeStats], s: u32, best: u32) -> bool {
    let class = dom.attr(best, "class").unwrap_or("").trim();
    if class.is_empty() {
        return false;
    }
    let Some(best_score) = final_score(scores, stats, best) else {
        return false;
    };
    (s..dom.end(s)).any(|i| {
        dom.attr(i, "class").is_some_and(|c| c.trim() == class)
            && final_score(scores, stats, i).is_some_and(|v| v >= best_score * TWIN_SHARE)
    })
}

fn siblings(dom: &Dom<'_>, scores: &Scores, stats: &[NodeStats], top: u32, best: u32) -> Vec<u32> {
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
        if holds_twin(dom, scores, stats, s, best) {
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
