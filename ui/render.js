// Article JSON (reader_core::article::Article, serde snake_case) -> DOM.
//
// Built with createElement and textContent only: the article came from an
// untrusted page, so nothing here ever parses a string as HTML.

const el = (tag, textContent) => {
  const node = document.createElement(tag);
  if (textContent !== undefined) node.textContent = textContent;
  return node;
};

const isWebUrl = (href) => {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
};

/**
 * Fills the reader with an ArticleView.
 * `els` = {article, title, meta, body}; `onLink(href)` opens a link in Care
 * Reader: the webview itself never navigates.
 */
export function renderArticle(view, els, onLink) {
  const a = view.article;
  if (a.lang) els.article.lang = a.lang;
  else els.article.removeAttribute("lang");
  els.article.dir = a.dir === "rtl" ? "rtl" : "ltr";
  // An untitled page is labelled by its address (docs: Article.title).
  els.title.textContent = a.title || view.source;
  els.meta.textContent = view.metaLine || "";
  els.meta.hidden = !view.metaLine;

  const ctx = { onLink };
  const blocks = a.blocks || [];
  const nodes = [];
  const hasLeadInBody = blocks.some((b) => b.type === "image" && b.src === a.lead_image);
  if (a.lead_image && !hasLeadInBody) nodes.push(figure({ src: a.lead_image, alt: "" }));
  for (const block of blocks) {
    const node = renderBlock(block, ctx);
    if (node) nodes.push(node);
  }
  els.body.replaceChildren(...nodes);
}

function renderBlock(block, ctx) {
  switch (block.type) {
    case "heading": {
      // The article's own title is the view's h1, so its headings start at h2;
      // deeper than h4 would only be smaller, which care mode does not want.
      const level = Math.min(4, Math.max(2, Number(block.level) || 2));
      return inlines(el(`h${level}`), block.content, ctx);
    }
    case "paragraph":
      return inlines(el("p"), block.content, ctx);
    case "image":
      return figure(block);
    case "quote": {
      const quote = el("blockquote");
      for (const p of block.paragraphs || []) quote.append(inlines(el("p"), p, ctx));
      return quote;
    }
    case "list": {
      const list = el(block.ordered ? "ol" : "ul");
      for (const item of block.items || []) list.append(inlines(el("li"), item, ctx));
      return list;
    }
    case "preformatted": {
      const pre = el("pre", block.text);
      // Wide code or poems scroll inside their own box; make that box reachable by keyboard.
      pre.tabIndex = 0;
      return pre;
    }
    case "table":
      return table(block.rows || []);
    default:
      return null; // a block type this UI does not know yet: skip it rather than fail
  }
}

function inlines(parent, content, ctx) {
  for (const inline of content || []) {
    if (inline.type === "text") {
      parent.append(inline.text);
    } else if (inline.type === "break") {
      parent.append(el("br"));
    } else if (inline.type === "link") {
      if (!isWebUrl(inline.href)) {
        parent.append(inline.text); // the core only sends http(s); be safe anyway
        continue;
      }
      const link = el("a", inline.text);
      link.href = inline.href;
      // Activation (mouse or Enter) opens the link in Care Reader instead.
      link.addEventListener("click", (e) => {
        e.preventDefault();
        ctx.onLink(inline.href);
      });
      // Middle-click would open a new webview window; nothing else may navigate.
      link.addEventListener("auxclick", (e) => e.preventDefault());
      parent.append(link);
    }
  }
  return parent;
}

function figure(block) {
  const fig = el("figure");
  const img = el("img");
  img.src = block.src;
  img.alt = block.alt || "";
  img.loading = "lazy";
  img.decoding = "async";
  // A picture that cannot be loaded is left out; its caption still says what it was.
  img.addEventListener("error", () => { img.hidden = true; });
  fig.append(img);
  const caption = [block.caption, block.credit].filter(Boolean).join(" · ");
  if (caption) fig.append(el("figcaption", caption));
  return fig;
}

function table(rows) {
  const wrap = el("div");
  wrap.className = "table-wrap";
  wrap.tabIndex = 0; // scrolls inside its own box on narrow windows
  const tbl = el("table");
  // A short first row followed by more rows reads as column headings.
  const headed = rows.length > 1 && rows[0].every((c) => c.trim() && c.length <= 40);
  rows.forEach((row, i) => {
    const tr = el("tr");
    for (const cell of row) {
      const td = el(headed && i === 0 ? "th" : "td", cell);
      if (headed && i === 0) td.scope = "col";
      tr.append(td);
    }
    tbl.append(tr);
  });
  wrap.append(tbl);
  return wrap;
}
