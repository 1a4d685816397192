//! Pass 2: lay the parsed tree out flat, dropping scripts and styles.
//!
//! A flat, index-addressed view of the parsed document, which passes 3 to 7
//! walk.
//!
//! `scraper` gives us an `ego_tree`, whose node ids cannot be used as array
//! indices. The extraction passes need per-node state (removed flags, scores,
//! text statistics), so we lay the tree out once in document order: node `i`'s
//! subtree is the contiguous range `i..end`, its children are found by jumping
//! from `i + 1` to each child's `end`. Everything is iterative: a page nested
//! 100 000 levels deep must not overflow the stack.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Html;
use scraper::node::{Element, Node};

use std::cell::OnceCell;

use super::patterns::NameClass;
use super::text::TextStats;

/// Elements whose content never belongs to an article and which we drop while
/// building the view (their text would only pollute statistics).
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "template", "head", "iframe", "object", "embed", "svg", "canvas", "select",
    "textarea", "button", "input", "option", "datalist", "dialog", "audio", "video", "map", "link",
    "meta",
];

/// Element kinds the passes care about; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    A,
    Article,
    Aside,
    Blockquote,
    Body,
    Br,
    Dd,
    Div,
    Dl,
    Dt,
    Figcaption,
    Figure,
    Footer,
    Form,
    H(u8),
    Header,
    Hr,
    Html,
    Img,
    Li,
    Main,
    Nav,
    Noscript,
    Ol,
    P,
    Picture,
    Pre,
    Section,
    Source,
    Table,
    Td,
    Th,
    Tr,
    Ul,
    /// Inline phrasing elements (span, b, em, font, ...): text flows through them.
    Inline,
    Other,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "a" => Tag::A,
            "article" => Tag::Article,
            "aside" => Tag::Aside,
            "blockquote" => Tag::Blockquote,
            "body" => Tag::Body,
            "br" => Tag::Br,
            "dd" => Tag::Dd,
            "div" => Tag::Div,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "figcaption" => Tag::Figcaption,
            "figure" => Tag::Figure,
            "footer" => Tag::Footer,
            "form" => Tag::Form,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "header" => Tag::Header,
            "hr" => Tag::Hr,
            "html" => Tag::Html,
            "img" => Tag::Img,
            "li" => Tag::Li,
            "main" => Tag::Main,
            "nav" => Tag::Nav,
            "noscript" => Tag::Noscript,
            "ol" => Tag::Ol,
            "p" => Tag::P,
            "picture" => Tag::Picture,
            "pre" => Tag::Pre,
            "section" => Tag::Section,
            "source" => Tag::Source,
            "table" => Tag::Table,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "tr" => Tag::Tr,
            "ul" => Tag::Ul,
            "span" | "b" | "strong" | "em" | "i" | "u" | "font" | "small" | "big" | "sup"
            | "sub" | "abbr" | "cite" | "code" | "q" | "time" | "mark" | "s" | "strike" | "del"
            | "ins" | "label" | "tt" | "kbd" | "var" | "samp" | "dfn" | "bdi" | "bdo" | "wbr"
            | "nobr" | "center" | "math" => Tag::Inline,
            _ => Tag::Other,
        }
    }

    /// Text flows through these without starting a new block.
    pub fn is_inline(self) -> bool {
        matches!(
            self,
            Tag::Inline | Tag::A | Tag::Br | Tag::Img | Tag::Picture | Tag::Source
        )
    }

    /// Lists and their items.
    pub fn is_list_part(self) -> bool {
        matches!(
            self,
            Tag::Ul | Tag::Ol | Tag::Li | Tag::Dl | Tag::Dd | Tag::Dt
        )
    }

    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H(_))
    }
}

/// One node of the flat view.
#[derive(Debug, Clone, Copy)]
pub struct DomNode<'a> {
    pub node: NodeRef<'a, Node>,
    /// Index of the parent, `NO_PARENT` for the root.
    pub parent: u32,
    /// One past the last node of this node's subtree.
    pub end: u32,
    pub tag: Tag,
}

pub const NO_PARENT: u32 = u32::MAX;

/// The document laid out in document order.
pub struct Dom<'a> {
    pub nodes: Vec<DomNode<'a>>,
    /// Lower-cased `class id` of each node (empty for most), computed once:
    /// every pass asks for it.
    names: Vec<Box<str>>,
    /// What each node's names say ([`NameClass`]), worked out on first
    /// use (most named elements sit in subtrees no pass looks at).
    name_classes: Vec<OnceCell<NameClass>>,
    /// Statistics of each text node's text (zero for elements).
    text_stats: Vec<TextStats>,
    body: u32,
    /// `<noscript>` bodies, which html5ever keeps as raw text: lazy-loading
    /// pages often put the only real `<img>` in there.
    pub noscript_html: Vec<(u32, &'a str)>,
}

impl<'a> Dom<'a> {
    /// Lays out `html`'s tree, dropping comments and [`SKIPPED_ELEMENTS`].
    pub fn new(html: &'a Html) -> Dom<'a> {
        let mut nodes: Vec<DomNode<'a>> = Vec::with_capacity(html.tree.nodes().len());
        let mut noscript_html = Vec::new();
        let mut stack: Vec<u32> = Vec::new();
        // While inside a skipped subtree, the id of its root.
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    let tag = match node.value() {
                        Node::Element(el) => {
                            let name = el.name();
                            if SKIPPED_ELEMENTS.contains(&name) {
                                skipping = Some(node.id());
                                continue;
                            }
                            match Tag::from_name(name) {
                                // Custom elements (`<mjx-container>`) are
                                // inline, as CSS has them by default; and
                                // inside a paragraph or a run of text any
                                // element we do not know (MathML's `<mi>`)
                                // is part of the sentence, since the parser
                                // closes paragraphs before block elements.
                                Tag::Other
                                    if name.contains('-')
                                        || stack.last().is_some_and(|&p| {
                                            let t = nodes[p as usize].tag;
                                            t == Tag::P || t.is_inline()
                                        }) =>
                                {
                                    Tag::Inline
                                }
                                tag => tag,
                            }
                        }
                        Node::Text(_) | Node::Document | Node::Fragment => Tag::Other,
                        _ => {
                            skipping = Some(node.id());
                            continue;
                        }
                    };
                    let index = nodes.len() as u32;
                    if tag == Tag::Noscript {
                        // Keep the element (as a marker) but not its raw-text
                        // body, which is markup, not prose.
                        if let (Some(parent), Some(text)) = (
                            stack.last(),
                            node.first_child().and_then(|c| c.value().as_text()),
                        ) {
                            noscript_html.push((*parent, &**text));
                        }
                        nodes.push(DomNode {
                            node,
                            parent: stack.last().copied().unwrap_or(NO_PARENT),
                            end: index + 1,
                            tag,
                        });
                        skipping = Some(node.id());
                        continue;
                    }
                    nodes.push(DomNode {
                        node,
                        parent: stack.last().copied().unwrap_or(NO_PARENT),
                        end: index + 1,
                        tag,
                    });
                    stack.push(index);
                }
                Edge::Close(node) => {
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    if let Some(index) = stack.pop() {
                        nodes[index as usize].end = nodes.len() as u32;
                    }
                }
            }
        }
        let names: Vec<Box<str>> = nodes
            .iter()
            .map(|n| lowercase_names(n.node.value().as_element()))
            .collect();
        let name_classes = vec![OnceCell::new(); names.len()];
        let text_stats = nodes
            .iter()
            .map(|n| {
                n.node
                    .value()
                    .as_text()
                    .map(|t| TextStats::of(t))
                    .unwrap_or_default()
            })
            .collect();
        let body = nodes.iter().position(|n| n.tag == Tag::Body).unwrap_or(0) as u32;
        Dom {
            nodes,
            noscript_html,
            names,
            name_classes,
            text_stats,
            body,
        }
    }

    /// Statistics of text node `i` (zero for elements).
    pub fn text_stats(&self, i: u32) -> TextStats {
        self.text_stats[i as usize]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn element(&self, i: u32) -> Option<&'a Element> {
        self.nodes[i as usize].node.value().as_element()
    }

    pub fn text(&self, i: u32) -> Option<&'a str> {
        self.nodes[i as usize].node.value().as_text().map(|t| &**t)
    }

    pub fn attr(&self, i: u32, name: &str) -> Option<&'a str> {
        self.element(i).and_then(|e| e.attr(name))
    }

    pub fn tag(&self, i: u32) -> Tag {
        self.nodes[i as usize].tag
    }

    pub fn parent(&self, i: u32) -> Option<u32> {
        let p = self.nodes[i as usize].parent;
        (p != NO_PARENT).then_some(p)
    }

    pub fn end(&self, i: u32) -> u32 {
        self.nodes[i as usize].end
    }

    /// Direct children of `i`, in order.
    pub fn children(&self, i: u32) -> Children<'_, 'a> {
        Children {
            dom: self,
            next: i + 1,
            end: self.end(i),
        }
    }

    /// Ancestors of `i`, nearest first.
    pub fn ancestors(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(self.parent(i), move |&p| self.parent(p))
    }

    /// Is `i` inside `ancestor`'s subtree (or `ancestor` itself)?
    pub fn contains(&self, ancestor: u32, i: u32) -> bool {
        ancestor <= i && i < self.end(ancestor)
    }

    /// Lower-cased `class` and `id` of an element, joined by a space.
    pub fn class_and_id(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    /// Is table `i` a table of data rather than of layout: no nested tables,
    /// images, lists or headings, and at least two rows of two cells (the
    /// cells may wrap their text in paragraphs, as pasted documents do).
    pub fn is_data_table(&self, i: u32) -> bool {
        let end = self.end(i);
        if (i + 1..end).any(|j| {
            matches!(
                self.tag(j),
                Tag::Table | Tag::Img | Tag::Ul | Tag::Ol | Tag::H(_)
            )
        }) {
            return false;
        }
        (i..end)
            .filter(|&r| self.tag(r) == Tag::Tr)
            .filter(|&r| {
                self.children(r)
                    .filter(|&c| matches!(self.tag(c), Tag::Td | Tag::Th))
                    .count()
                    >= 2
            })
            .take(2)
            .count()
            == 2
    }

    /// What node `i`'s class and id say about it.
    pub fn name_class(&self, i: u32) -> NameClass {
        *self.name_classes[i as usize].get_or_init(|| NameClass::of(&self.names[i as usize]))
    }

    /// Index of the `<body>` element, or the root when there is none.
    pub fn body(&self) -> u32 {
        self.body
    }
}

fn lowercase_names(el: Option<&Element>) -> Box<str> {
    let Some(el) = el else { return Box::from("") };
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    if let Some(id) = el.id() {
        s.push(' ');
        s.push_str(id);
    }
    s.make_ascii_lowercase();
    s.into_boxed_str()
}

pub struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: u32,
    end: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next >= self.end {
            return None;
        }
        let child = self.next;
        self.next = self.dom.end(child);
        Some(child)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtrees_are_contiguous_and_children_jump() {
        let html = Html::parse_document(
            "<html><body><div id=a><p>one</p><script>x()</script><p>two <b>2</b></p></div></body></html>",
        );
        let dom = Dom::new(&html);
        let div = (0..dom.len() as u32)
            .find(|&i| dom.attr(i, "id") == Some("a"))
            .unwrap_or(0);
        let kids: Vec<Tag> = dom.children(div).map(|c| dom.tag(c)).collect();
        assert_eq!(kids, vec![Tag::P, Tag::P], "script is dropped");
        let texts: Vec<&str> = (div..dom.end(div)).filter_map(|i| dom.text(i)).collect();
        assert_eq!(texts, vec!["one", "two ", "2"]);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        // html5ever itself is quadratic in nesting depth (servo/html5ever#788),
        // so this stays at a depth that parses in a second; the robustness
        // suite covers 100 000 levels of other elements.
        let depth = 10_000;
        let page = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let html = Html::parse_document(&page);
        let dom = Dom::new(&html);
        assert!(dom.len() > 100);
        let deepest = (0..dom.len() as u32)
            .map(|i| dom.ancestors(i).count())
            .max()
            .unwrap_or(0);
        assert!(deepest > 100, "the tree keeps its depth ({deepest})");
    }
}
