//! Pass 7: convert what is left to structured [`Block`]s.
//!
//! One iterative walk over the content subtrees. Block-level elements end the
//! paragraph being collected; inline elements add to it. Lists, tables,
//! quotes, preformatted text and figures are collected whole when entered.
//! Nothing of the page's markup survives: only text, resolved http(s) links
//! and resolved image URLs.

use scraper::Html;
use url::Url;

use super::p2_dom::{Dom, Tag};
use super::p3_prepare::NodeStats;
use super::text::TextStats;
use super::urls::resolve_http;
use reader_article::{Block, ImageSize, Inline, is_cjk};

/// A box with one image and at most this much text (Latin-equivalent) is a
/// photo with its caption (NetEase's `<p class="f_center"><img><br>caption`).
const MAX_CAPTION_LEN: f32 = 300.0;
/// Images declared this small are spacers and tracking pixels.
const MIN_IMAGE_SIDE: u32 = 4;
/// A declared side beyond this is a page's mistake, not a size to keep room for.
const MAX_IMAGE_SIDE: u32 = 20_000;
/// Attributes lazy-loading scripts keep the real image URL in, best first.
const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-actualsrc",
    "data-original-src",
    "data-lazyload",
    "data-echo",
    "data-hi-res-src",
    "data-url",
    "data-img",
    "src",
];
const SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset", "srcset"];

pub struct BlockBuilder<'d, 'a> {
    dom: &'d Dom<'a>,
    removed: &'d [bool],
    stats: &'d [NodeStats],
    base: Option<&'d Url>,
    blocks: Vec<Block>,
    inline: Vec<Inline>,
    /// Text of `inline`, kept in step, so whitespace can be collapsed across
    /// element boundaries.
    last_char: Option<char>,
    /// Pictures met in the middle of the paragraph being collected. They
    /// follow it as figures of their own: the article model has no inline
    /// image, and cutting the paragraph at the picture would split a sentence.
    inline_images: Vec<Block>,
}

impl<'d, 'a> BlockBuilder<'d, 'a> {
    pub fn new(
        dom: &'d Dom<'a>,
        removed: &'d [bool],
        stats: &'d [NodeStats],
        base: Option<&'d Url>,
    ) -> Self {
        BlockBuilder {
            dom,
            removed,
            stats,
            base,
            blocks: Vec::new(),
            inline: Vec::new(),
            last_char: None,
            inline_images: Vec::new(),
        }
    }

    pub fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    /// Walks `root`'s subtree.
    pub fn add(&mut self, root: u32) {
        let dom = self.dom;
        let end = dom.end(root);
        // Elements entered and not yet left.
        let mut open: Vec<u32> = Vec::new();
        let mut i = root;
        while i < end {
            while let Some(&o) = open.last() {
                if i < dom.end(o) {
                    break;
                }
                open.pop();
                self.leave(o);
            }
            if self.removed[i as usize] {
                i = dom.end(i);
                continue;
            }
            if let Some(text) = dom.text(i) {
                self.push_text(text);
                i += 1;
                continue;
            }
            if self.enter(i) {
                open.push(i);
                i += 1;
            } else {
                i = dom.end(i);
            }
        }
        while let Some(o) = open.pop() {
            self.leave(o);
        }
    }

    /// Handles an element; returns whether to descend into it.
    fn enter(&mut self, i: u32) -> bool {
        let dom = self.dom;
        let tag = dom.tag(i);
        match tag {
            Tag::Br => {
                if matches!(self.inline.last(), Some(Inline::Break)) {
                    self.inline.pop();
                    self.flush();
                } else if !self.inline.is_empty() {
                    self.inline.push(Inline::Break);
                    self.last_char = Some('\n');
                }
                false
            }
            Tag::Hr => {
                self.flush();
                false
            }
            Tag::A => {
                let st = &self.stats[i as usize];
                if st.images > 0 && st.text.chars == 0 {
                    return true; // a linked image: emit the image itself
                }
                let text = self.collect_text(i);
                if text.is_empty() {
                    return false;
                }
                match dom.attr(i, "href").and_then(|h| self.resolve_link(h)) {
                    Some(href) => {
                        let text = self.collapse_piece(&text);
                        if !text.is_empty() {
                            self.inline.push(Inline::Link { text, href });
                        }
                    }
                    None => self.push_text(&text),
                }
                false
            }
            Tag::Img => {
                if let Some(img) = self.image(i, None) {
                    self.image_in_flow(img);
                }
                false
            }
            Tag::Picture => {
                let img = (i..dom.end(i)).find(|&j| dom.tag(j) == Tag::Img);
                let fallback = self.source_srcset(i);
                if let Some(img) = img.and_then(|j| self.image(j, fallback)) {
                    self.image_in_flow(img);
                }
                false
            }
            Tag::Noscript => {
                self.noscript_images(i);
                false
            }
            Tag::H(level) => {
                self.flush();
                let content = self.collect_inlines(i);
                if !content.is_empty() {
                    self.blocks.push(Block::Heading { level, content });
                }
                false
            }
            Tag::Ul | Tag::Ol => {
                self.flush();
                self.list(i, tag == Tag::Ol);
                false
            }
            Tag::Dl => {
                self.flush();
                true
            }
            Tag::Blockquote => {
                self.flush();
                let inlines = self.collect_inlines(i);
                let paragraphs: Vec<Vec<Inline>> = split_on_breaks(inlines);
                if !paragraphs.is_empty() {
                    self.blocks.push(Block::Quote { paragraphs });
                }
                false
            }
            Tag::Pre => {
                self.flush();
                let mut text = String::new();
                for j in i..dom.end(i) {
                    if let Some(t) = dom.text(j) {
                        text.push_str(t);
                    }
                }
                let text = text.trim_matches('\n').to_owned();
                if !text.trim().is_empty() {
                    self.blocks.push(Block::Preformatted { text });
                }
                false
            }
            Tag::Table => {
                self.flush();
                if let Some(rows) = self.data_table(i) {
                    self.blocks.push(Block::Table { rows });
                    false
                } else {
                    true
                }
            }
            Tag::Figure => {
                self.flush();
                !self.figure(i)
            }
            Tag::P
            | Tag::Div
            | Tag::Section
            | Tag::Td
            | Tag::Th
            | Tag::Dd
            | Tag::Dt
            | Tag::Li
            | Tag::Article
            | Tag::Main
            | Tag::Header
            | Tag::Footer
            | Tag::Aside
            | Tag::Nav
            | Tag::Form
            | Tag::Tr
            | Tag::Figcaption
            | Tag::Body
            | Tag::Html
            | Tag::Other => {
                self.flush();
                if self.captioned_image(i) {
                    return false;
                }
                true
            }
            Tag::Inline | Tag::Source => true,
        }
    }

    fn leave(&mut self, i: u32) {
        if !self.dom.tag(i).is_inline() {
            self.flush();
        }
    }

    /// Ends the paragraph being collected, and puts the pictures met inside
    /// it after it.
    fn flush(&mut self) {
        while matches!(self.inline.last(), Some(Inline::Break)) {
            self.inline.pop();
        }
        trim_inlines(&mut self.inline);
        if !self.inline.is_empty() {
            let content = std::mem::take(&mut self.inline);
            self.blocks.push(Block::Paragraph { content });
        }
        self.last_char = None;
        for img in std::mem::take(&mut self.inline_images) {
            self.push_image(img);
        }
    }

    /// A picture met while walking: between paragraphs it is a figure in its
    /// place; inside a line of text it waits for the end of the paragraph.
    fn image_in_flow(&mut self, img: Block) {
        let in_text = match self.inline.last() {
            None | Some(Inline::Break) => false,
            Some(Inline::Text { text }) => !text.trim().is_empty(),
            Some(Inline::Link { .. }) => true,
        };
        if in_text {
            self.inline_images.push(img);
            // The picture stood between the words on either side; without
            // it they would run together ("NoemKristi"). CJK text has no
            // spaces to keep.
            if !self.last_char.is_some_and(is_cjk) {
                self.push_text(" ");
            }
        } else {
            self.flush();
            self.push_image(img);
        }
    }

    fn push_text(&mut self, raw: &str) {
        let piece = self.collapse_piece(raw);
        if piece.is_empty() {
            return;
        }
        if let Some(Inline::Text { text }) = self.inline.last_mut() {
            text.push_str(&piece);
        } else {
            self.inline.push(Inline::Text { text: piece });
        }
    }

    /// Collapses `raw`'s whitespace given what precedes it in the paragraph,
    /// and records its last character.
    fn collapse_piece(&mut self, raw: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        let mut pending_newline = false;
        let mut prev = self.last_char;
        for c in raw.chars() {
            if c.is_whitespace() && c != '\u{3000}' {
                if c == '\u{a0}' {
                    pending_space = true;
                } else {
                    pending_space = true;
                    pending_newline |= c == '\n' || c == '\r';
                }
                continue;
            }
            if pending_space {
                let at_start = prev.is_none_or(|p| p == ' ' || p == '\n');
                let cjk_wrap = pending_newline && prev.is_some_and(is_cjk) && is_cjk(c);
                if !at_start && !cjk_wrap {
                    out.push(' ');
                }
                pending_space = false;
                pending_newline = false;
            }
            out.push(c);
            prev = Some(c);
        }
        if pending_space && prev.is_some_and(|p| p != ' ' && p != '\n') {
            out.push(' ');
            prev = Some(' ');
        }
        self.last_char = prev;
        out
    }

    /// All text under `i`, unnormalised.
    fn collect_text(&self, i: u32) -> String {
        let mut out = String::new();
        for j in i..self.dom.end(i) {
            if self.removed[j as usize] {
                continue;
            }
            if let Some(t) = self.dom.text(j) {
                out.push_str(t);
            } else if self.dom.tag(j) == Tag::Br {
                out.push('\n');
            }
        }
        out
    }

    /// The inline content of `i` as one run; nested blocks become breaks.
    fn collect_inlines(&mut self, i: u32) -> Vec<Inline> {
        self.collect_inlines_in(i, false)
    }

    /// Like [`Self::collect_inlines`]; with `skip_lists`, nested lists are
    /// left out (a list item's sub-items become items of their own).
    fn collect_inlines_in(&mut self, i: u32, skip_lists: bool) -> Vec<Inline> {
        let saved = (std::mem::take(&mut self.inline), self.last_char.take());
        let dom = self.dom;
        let mut j = i + 1;
        let end = dom.end(i);
        while j < end {
            if self.removed[j as usize] {
                j = dom.end(j);
                continue;
            }
            if let Some(t) = dom.text(j) {
                self.push_text(t);
                j += 1;
                continue;
            }
            let tag = dom.tag(j);
            if skip_lists && matches!(tag, Tag::Ul | Tag::Ol) {
                j = dom.end(j);
                continue;
            }
            if tag == Tag::A {
                self.enter(j);
                j = dom.end(j);
                continue;
            }
            if (tag == Tag::Br || (!tag.is_inline() && !self.inline.is_empty()))
                && !matches!(self.inline.last(), Some(Inline::Break))
            {
                self.inline.push(Inline::Break);
                self.last_char = Some('\n');
            }
            j += 1;
        }
        while matches!(self.inline.last(), Some(Inline::Break)) {
            self.inline.pop();
        }
        trim_inlines(&mut self.inline);
        let out = std::mem::replace(&mut self.inline, saved.0);
        self.last_char = saved.1;
        out
    }

    fn list(&mut self, i: u32, ordered: bool) {
        let dom = self.dom;
        let mut items = Vec::new();
        let mut j = i;
        while j < dom.end(i) {
            if self.removed[j as usize] {
                j = dom.end(j);
                continue;
            }
            if dom.tag(j) == Tag::Li {
                let content = self.collect_inlines_in(j, true);
                if !content.is_empty() {
                    items.push(content);
                }
            }
            j += 1;
        }
        if !items.is_empty() {
            self.blocks.push(Block::List { ordered, items });
        }
    }

    /// A table of data (not layout): rows of cell texts.
    fn data_table(&self, i: u32) -> Option<Vec<Vec<String>>> {
        let dom = self.dom;
        let end = dom.end(i);
        if !dom.is_data_table(i) {
            return None;
        }
        let mut rows = Vec::new();
        let mut max_cols = 0;
        for r in i..end {
            if dom.tag(r) != Tag::Tr || self.removed[r as usize] {
                continue;
            }
            let cells: Vec<String> = dom
                .children(r)
                .filter(|&c| matches!(dom.tag(c), Tag::Td | Tag::Th) && !self.removed[c as usize])
                .map(|c| super::text::normalize(&self.collect_text(c)))
                .collect();
            if cells.iter().any(|c| !c.is_empty()) {
                max_cols = max_cols.max(cells.len());
                rows.push(cells);
            }
        }
        (max_cols >= 2 && !rows.is_empty()).then_some(rows)
    }

    /// `<figure>` with its image(s) and `<figcaption>`. Returns false when the
    /// figure holds no image (then it is walked as an ordinary box).
    fn figure(&mut self, i: u32) -> bool {
        let dom = self.dom;
        let end = dom.end(i);
        let imgs: Vec<u32> = (i..end)
            .filter(|&j| dom.tag(j) == Tag::Img && !self.removed[j as usize])
            .collect();
        let Some(&first) = imgs.first() else {
            return false;
        };
        let caption_el =
            (i..end).find(|&j| dom.tag(j) == Tag::Figcaption && !self.removed[j as usize]);
        let (caption, credit) = match caption_el {
            Some(c) => self.caption_and_credit(c),
            None => (None, None),
        };
        let mut images: Vec<Block> = imgs.iter().filter_map(|&j| self.image(j, None)).collect();
        if images.is_empty() {
            let fallback = self.source_srcset(i);
            if let Some(img) = self.image(first, fallback) {
                images.push(img);
            }
        }
        let count = images.len();
        for (k, mut img) in images.into_iter().enumerate() {
            if k + 1 == count {
                if let Block::Image {
                    caption: c,
                    credit: k2,
                    ..
                } = &mut img
                {
                    *c = caption.clone();
                    *k2 = credit.clone();
                }
            }
            self.push_image(img);
        }
        if count == 0 {
            if let Some(text) = caption.filter(|c| !c.is_empty()) {
                self.blocks.push(Block::Paragraph {
                    content: vec![Inline::Text { text }],
                });
            }
        }
        true
    }

    fn caption_and_credit(&self, cap: u32) -> (Option<String>, Option<String>) {
        let dom = self.dom;
        let credit_el = (cap + 1..dom.end(cap)).find(|&j| {
            let names = dom.class_and_id(j);
            !names.is_empty()
                && ["credit", "copyright", "photographer", "byline", "source"]
                    .iter()
                    .any(|w| names.contains(w))
        });
        let mut caption = String::new();
        for j in cap..dom.end(cap) {
            if credit_el.is_some_and(|c| dom.contains(c, j)) || self.removed[j as usize] {
                continue;
            }
            if let Some(t) = dom.text(j) {
                caption.push_str(t);
            }
        }
        let caption = super::text::normalize(&caption);
        let credit = credit_el
            .map(|c| super::text::normalize(&self.collect_text(c)))
            .filter(|c| !c.is_empty());
        ((!caption.is_empty()).then_some(caption), credit)
    }

    /// A box holding exactly one image and a short text is a captioned photo
    /// (`<img><br>caption`, `<img><span>caption</span>`), unless text runs
    /// into the picture on its line: `<p>text<img>more text</p>` is a
    /// paragraph with a picture in it, and its text must read as body text,
    /// not as a caption.
    fn captioned_image(&mut self, i: u32) -> bool {
        let st = &self.stats[i as usize];
        if st.images != 1
            || st.text.weighted_len() > MAX_CAPTION_LEN
            || st.link_density() > 0.5
            || st.paragraphs > 1
            || st.headings > 0
            || st.list_items > 0
        {
            return false;
        }
        let dom = self.dom;
        let Some(img) =
            (i..dom.end(i)).find(|&j| dom.tag(j) == Tag::Img && !self.removed[j as usize])
        else {
            return false;
        };
        if self.text_before_on_its_line(i, img) {
            return false;
        }
        let Some(mut block) = self.image(img, None) else {
            return false;
        };
        let caption = super::text::normalize(&self.collect_text(i));
        if let Block::Image { caption: c, .. } = &mut block {
            *c = (!caption.is_empty()).then_some(caption);
        }
        self.push_image(block);
        true
    }

    /// Whether text comes before `img` inside `boxed` on the same line: no
    /// `<br>` and no block boundary between the two.
    fn text_before_on_its_line(&self, boxed: u32, img: u32) -> bool {
        let dom = self.dom;
        let Some(text) = (boxed + 1..img).rev().find(|&j| {
            !self.removed[j as usize] && dom.text(j).is_some_and(|t| !t.trim().is_empty())
        }) else {
            return false;
        };
        let block_of = |mut j: u32| {
            while let Some(p) = dom.parent(j) {
                if p == boxed || !dom.tag(p).is_inline() {
                    return p;
                }
                j = p;
            }
            boxed
        };
        block_of(text) == block_of(img)
            && !(text + 1..img).any(|j| !self.removed[j as usize] && dom.tag(j) == Tag::Br)
    }

    fn push_image(&mut self, block: Block) {
        if let (Block::Image { src, .. }, Some(Block::Image { src: prev, .. })) =
            (&block, self.blocks.last())
        {
            if src == prev {
                return;
            }
        }
        self.blocks.push(block);
    }

    /// An image block for `<img>` `i`, or `None` for spacers, pixels and
    /// images without a usable URL.
    fn image(&self, i: u32, fallback: Option<String>) -> Option<Block> {
        let dom = self.dom;
        let (width, height) = (dom.attr(i, "width"), dom.attr(i, "height"));
        let small = |a: Option<&str>| side(a).is_some_and(|v| v < MIN_IMAGE_SIDE);
        if small(width) || small(height) {
            return None;
        }
        let own = LAZY_SRC_ATTRS
            .iter()
            .filter_map(|a| dom.attr(i, a))
            .find_map(|v| self.resolve_image(v))
            .or_else(|| {
                SRCSET_ATTRS
                    .iter()
                    .filter_map(|a| dom.attr(i, a))
                    .find_map(|s| self.best_from_srcset(s))
            })
            .or(fallback);
        // A placeholder's real picture (and often its size) is in the
        // `<noscript>` beside it.
        let (src, noscript_size) = match own {
            Some(src) => (src, None),
            None => self.noscript_image_for(i)?,
        };
        let alt = dom
            .attr(i, "alt")
            .map(super::text::normalize)
            .filter(|a| !a.is_empty());
        Some(Block::Image {
            src,
            alt,
            caption: None,
            credit: None,
            size: declared_size(width, height).or(noscript_size),
        })
    }

    /// `<img>`s inside a `<noscript>` (lazy-loading pages put the real image there).
    fn noscript_images(&mut self, i: u32) {
        let Some(parent) = self.dom.parent(i) else {
            return;
        };
        let Some(&(_, html)) = self.dom.noscript_html.iter().find(|(p, _)| *p == parent) else {
            return;
        };
        if !html.contains("<img") {
            return;
        }
        let fragment = Html::parse_fragment(html);
        for node in fragment.tree.root().descendants() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            if el.name() != "img" {
                continue;
            }
            let Some(src) = LAZY_SRC_ATTRS
                .iter()
                .filter_map(|a| el.attr(a))
                .find_map(|v| self.resolve_image(v))
            else {
                continue;
            };
            let alt = el
                .attr("alt")
                .map(super::text::normalize)
                .filter(|a| !a.is_empty());
            self.flush();
            self.push_image(Block::Image {
                src,
                alt,
                caption: None,
                credit: None,
                size: declared_size(el.attr("width"), el.attr("height")),
            });
        }
    }

    /// The picture in the `<noscript>` beside placeholder `img`: its
    /// address and declared size.
    fn noscript_image_for(&self, img: u32) -> Option<(String, Option<ImageSize>)> {
        let parent = self.dom.parent(img)?;
        let (_, html) = self.dom.noscript_html.iter().find(|(p, _)| *p == parent)?;
        let fragment = Html::parse_fragment(html);
        fragment.tree.root().descendants().find_map(|n| {
            let el = n.value().as_element().filter(|e| e.name() == "img")?;
            let src = LAZY_SRC_ATTRS
                .iter()
                .filter_map(|a| el.attr(a))
                .find_map(|v| self.resolve_image(v))?;
            Some((src, declared_size(el.attr("width"), el.attr("height"))))
        })
    }

    /// The best image of the first `<source srcset>` under `i` (a `<picture>`
    /// or `<figure>` whose `<img>` has no usable URL of its own).
    fn source_srcset(&self, i: u32) -> Option<String> {
        let dom = self.dom;
        (i..dom.end(i))
            .filter(|&j| dom.tag(j) == Tag::Source)
            .find_map(|j| {
                SRCSET_ATTRS
                    .iter()
                    .find_map(|a| dom.attr(j, a))
                    .and_then(|s| self.best_from_srcset(s))
            })
    }

    fn best_from_srcset(&self, srcset: &str) -> Option<String> {
        let mut best: Option<(f32, &str)> = None;
        for candidate in srcset.split(',') {
            let mut parts = candidate.split_whitespace();
            let Some(url) = parts.next() else { continue };
            let size = parts
                .next()
                .and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f32>().ok())
                .unwrap_or(1.0);
            if best.is_none_or(|(s, _)| size > s) {
                best = Some((size, url));
            }
        }
        best.and_then(|(_, url)| self.resolve_image(url))
    }

    fn resolve_image(&self, raw: &str) -> Option<String> {
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with("data:") || raw.starts_with('#') {
            return None;
        }
        let lower = raw.to_ascii_lowercase();
        if [
            "blank.gif",
            "spacer.gif",
            "pixel.gif",
            "transparent.gif",
            "placeholder",
            "lazy.png",
            "loading.gif",
            "grey.gif",
        ]
        .iter()
        .any(|p| lower.contains(p))
        {
            return None;
        }
        resolve_http(self.base, raw)
    }

    fn resolve_link(&self, raw: &str) -> Option<String> {
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        resolve_http(self.base, raw)
    }
}

/// Splits a run at its breaks into paragraphs.
fn split_on_breaks(inlines: Vec<Inline>) -> Vec<Vec<Inline>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for inline in inlines {
        if inline == Inline::Break {
            trim_inlines(&mut cur);
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(inline);
        }
    }
    trim_inlines(&mut cur);
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Trims whitespace at both ends of a run and drops empty pieces.
fn trim_inlines(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = inlines.first_mut() {
        let t = text.trim_start();
        if t.len() != text.len() {
            *text = t.to_owned();
        }
    }
    if let Some(Inline::Text { text }) = inlines.last_mut() {
        let t = text.trim_end();
        if t.len() != text.len() {
            *text = t.to_owned();
        }
    }
    inlines.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

/// Text statistics of a block.
pub fn block_stats(block: &Block) -> TextStats {
    TextStats::of(&block.text_lines().join("\n"))
}

/// A `width` or `height` attribute in CSS pixels (`640`, `640px`); `None`
/// for percentages, `auto` and the like.
fn side(value: Option<&str>) -> Option<u32> {
    value?.trim().trim_end_matches("px").trim().parse().ok()
}

/// The picture's declared size, when both sides are plain pixel counts of a
/// real picture (neither a spacer's nor absurd).
fn declared_size(width: Option<&str>, height: Option<&str>) -> Option<ImageSize> {
    let real = |v: u32| (MIN_IMAGE_SIDE..=MAX_IMAGE_SIDE).contains(&v);
    match (side(width), side(height)) {
        (Some(width), Some(height)) if real(width) && real(height) => {
            Some(ImageSize { width, height })
        }
        _ => None,
    }
}
