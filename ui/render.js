// Article JSON (reader_article::Article, serde snake_case) -> DOM.
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
 * About a screenful of text at the smallest size (characters; a picture
 * counts as FIRST_PART_PICTURE): what a long article shows before the rest
 * of it is built. Building and laying out all of a 1 MB page's article took
 * ~150 ms before anything of it was painted.
 */
const FIRST_PART_CHARS = 4000;
const FIRST_PART_PICTURE = 600;

let generation = 0; // the article being built; a newer one abandons the rest of an older

/**
 * Fills the reader with an ArticleView.
 * `els` = {article, title, meta, body}; `onLink(href)` opens a link in Care
 * Reader: the webview itself never navigates.
 *
 * Each sentence of `view.speech` (the narrator's script, docs/app.md) becomes
 * one element carrying `data-sentence="N"`, so the highlight follows the
 * voice. Returns `{sentences, complete}`: the elements by sentence number
 * (null where a sentence has no place on the page; filled in as the rest is
 * built) and a promise that resolves true once every block is on the page.
 *
 * With `whole` false, a long article is built in two parts: its first
 * screenful now, the rest after that has been painted. Meanwhile the body
 * is aria-busy, so a screen reader waits for all of it.
 */
export function renderArticle(view, els, onLink, { whole = true } = {}) {
  const mine = ++generation;
  const a = view.article;
  if (a.lang) els.article.lang = a.lang;
  else els.article.removeAttribute("lang");
  els.article.dir = a.dir === "rtl" ? "rtl" : "ltr";
  const speech = view.speech && Array.isArray(view.speech.sentences) ? view.speech : { sentences: [] };
  const ctx = { onLink, spans: spansByPart(speech.sentences), marked: new Array(speech.sentences.length).fill(null) };

  // An untitled page is labelled by its address (docs: Article.title).
  if (a.title) {
    els.title.replaceChildren();
    inlines(els.title, [{ type: "text", text: a.title }], ctx, "title");
  } else {
    els.title.textContent = view.source;
  }
  els.meta.textContent = view.metaLine || "";
  els.meta.hidden = !view.metaLine;

  const blocks = a.blocks || [];
  const build = (from, to) => {
    const nodes = [];
    for (let i = from; i < to; i++) {
      const node = renderBlock(blocks[i], ctx, i);
      if (!node) continue;
      // The reading place is kept by block (place.js), as the narrator counts them.
      node.dataset.block = String(i);
      nodes.push(node);
    }
    return nodes;
  };
  const split = whole ? blocks.length : firstPartEnd(blocks);
  const first = build(0, split);
  const hasLeadInBody = blocks.some((b) => b.type === "image" && b.src === a.lead_image);
  if (a.lead_image && !hasLeadInBody) first.unshift(figure({ src: a.lead_image, alt: "" }, ctx, null));
  els.body.replaceChildren(...first);
  const rest = split < blocks.length;
  if (rest) els.body.setAttribute("aria-busy", "true");
  else els.body.removeAttribute("aria-busy");
  // After the next frame is painted (an animation frame runs before its
  // paint, a timeout queued from it after): a User Timing mark for the app
  // bench, then the rest of a long article.
  const complete = new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(() => {
      if (mine !== generation) return resolve(false);
      performance.mark("article-painted");
      if (rest) {
        els.body.append(...build(split, blocks.length));
        els.body.removeAttribute("aria-busy");
      }
      resolve(true);
    }, 0));
  });
  return { sentences: ctx.marked, complete };
}

/** Where the first part of `blocks` ends (FIRST_PART_CHARS). */
function firstPartEnd(blocks) {
  let chars = 0;
  for (let i = 0; i < blocks.length; i++) {
    chars += blockChars(blocks[i]);
    if (chars >= FIRST_PART_CHARS) return i + 1;
  }
  return blocks.length;
}

/** About how much a block shows: its characters (a picture: FIRST_PART_PICTURE). */
function blockChars(block) {
  const text = (content) => (content || []).reduce((n, inline) => n + (inline.text ? inline.text.length : 1), 0);
  switch (block.type) {
    case "heading":
    case "paragraph":
      return text(block.content);
    case "quote":
      return (block.paragraphs || []).reduce((n, p) => n + text(p), 0);
    case "list":
      return (block.items || []).reduce((n, item) => n + text(item), 0);
    case "preformatted":
      return (block.text || "").length;
    case "table":
      return (block.rows || []).reduce((n, row) => n + row.join(" ").length, 0);
    default:
      return FIRST_PART_PICTURE;
  }
}

/**
 * The script's sentences grouped by where they sit: "title", "<block>:<part>"
 * for stretches of text, "img:<block>" and "row:<block>:<part>" for whole
 * elements. Values: [{index, start, end}] in reading order.
 */
function spansByPart(sentences) {
  const parts = new Map();
  const add = (key, value) => {
    if (!parts.has(key)) parts.set(key, []);
    parts.get(key).push(value);
  };
  sentences.forEach((s, index) => {
    if (!s) return;
    const span = { index, start: Number(s.start) || 0, end: Number(s.end) || 0 };
    if (s.kind === "title") add("title", span);
    else if (s.kind === "text") add(`${s.block}:${s.part}`, span);
    else if (s.kind === "image") add(`img:${s.block}`, span);
    else if (s.kind === "row") add(`row:${s.block}:${s.part}`, span);
  });
  for (const list of parts.values()) list.sort((x, y) => x.start - y.start);
  return parts;
}

/** Marks `node` as sentence `index` (focusable for "play from here", not a Tab stop). */
function mark(node, index, ctx) {
  node.dataset.sentence = String(index);
  node.classList.add("sentence");
  node.tabIndex = -1;
  if (ctx.marked[index] === null) ctx.marked[index] = node;
}

function renderBlock(block, ctx, i) {
  switch (block.type) {
    case "heading": {
      // The article's own title is the view's h1, so its headings start at h2;
      // deeper than h4 would only be smaller, which care mode does not want.
      const level = Math.min(4, Math.max(2, Number(block.level) || 2));
      return inlines(el(`h${level}`), block.content, ctx, `${i}:0`);
    }
    case "paragraph":
      return inlines(el("p"), block.content, ctx, `${i}:0`);
    case "image":
      return figure(block, ctx, i);
    case "quote": {
      const quote = el("blockquote");
      (block.paragraphs || []).forEach((p, n) => quote.append(inlines(el("p"), p, ctx, `${i}:${n}`)));
      return quote;
    }
    case "list": {
      const list = el(block.ordered ? "ol" : "ul");
      (block.items || []).forEach((item, n) => list.append(inlines(el("li"), item, ctx, `${i}:${n}`)));
      return list;
    }
    case "preformatted": {
      const pre = inlines(el("pre"), [{ type: "text", text: block.text || "" }], ctx, `${i}:0`);
      // Wide code or poems scroll inside their own box; make that box reachable by keyboard.
      pre.tabIndex = 0;
      return pre;
    }
    case "table":
      return table(block.rows || [], ctx, i);
    default:
      return null; // a block type this UI does not know yet: skip it rather than fail
  }
}

/**
 * Appends a part's inlines to `parent`, each sentence of the part (found by
 * `key`) wrapped in one <span class="sentence">. Offsets are UTF-16 code
 * units, what JavaScript strings count; a `break` counts as one ("\n"). A
 * link that crosses a sentence boundary becomes two <a> with the same href,
 * so every sentence is exactly one element and the text reads as before.
 */
function inlines(parent, content, ctx, key) {
  const spans = ctx.spans.get(key) || [];
  let at = 0; // offset of the next piece in the part's text
  let s = 0; // the first sentence that has not ended before `at`
  let open = null; // {index, node}: the sentence element being filled
  const target = (index) => {
    if (index === null) {
      open = null;
      return parent;
    }
    if (!open || open.index !== index) {
      const span = el("span");
      mark(span, index, ctx);
      parent.append(span);
      open = { index, node: span };
    }
    return open.node;
  };
  // Cuts [at, at + len) at sentence boundaries; calls put(from, to, index) per piece.
  const pieces = (len, put) => {
    const end = at + len;
    let from = at;
    while (from < end) {
      while (s < spans.length && spans[s].end <= from) s++;
      const sp = spans[s];
      if (!sp || sp.start >= end) {
        put(from, end, null);
        from = end;
      } else if (sp.start > from) {
        put(from, sp.start, null);
        from = sp.start;
      } else {
        const to = Math.min(end, sp.end);
        put(from, to, sp.index);
        from = to;
      }
    }
    at = end;
  };

  for (const inline of content || []) {
    if (inline.type === "text" || (inline.type === "link" && !isWebUrl(inline.href))) {
      // (the core only sends http(s) links; anything else is shown as plain text)
      const text = inline.text || "";
      const base = at;
      pieces(text.length, (from, to, index) => target(index).append(text.slice(from - base, to - base)));
    } else if (inline.type === "break") {
      pieces(1, (_from, _to, index) => target(index).append(el("br")));
    } else if (inline.type === "link") {
      const text = inline.text || "";
      const base = at;
      pieces(text.length, (from, to, index) => target(index).append(link(inline.href, text.slice(from - base, to - base), ctx)));
    }
  }
  return parent;
}

function link(href, text, ctx) {
  const a = el("a", text);
  a.href = href;
  // Activation (mouse or Enter) opens the link in Care Reader instead.
  a.addEventListener("click", (e) => {
    e.preventDefault();
    ctx.onLink(href);
  });
  // Middle-click would open a new webview window; nothing else may navigate.
  a.addEventListener("auxclick", (e) => e.preventDefault());
  return a;
}

function figure(block, ctx, i) {
  const fig = el("figure");
  const img = el("img");
  img.src = block.src;
  img.alt = block.alt || "";
  // The page's declared size keeps the picture's room while it loads, so the
  // text below does not jump (and a click meant for a link stays on it).
  if (block.size) {
    img.width = block.size.width;
    img.height = block.size.height;
  }
  img.loading = "lazy";
  img.decoding = "async";
  fig.append(img);
  // The alt text read aloud lights up the whole picture.
  const alt = i === null ? null : (ctx.spans.get(`img:${i}`) || [])[0];
  if (alt) mark(img, alt.index, ctx);
  // A picture that cannot be loaded is left out; its caption still says what
  // it was, and the highlight of its alt text falls on the figure instead.
  img.addEventListener("error", () => {
    img.hidden = true;
    if (!alt) return;
    delete img.dataset.sentence;
    img.classList.remove("sentence");
    img.removeAttribute("tabindex");
    mark(fig, alt.index, ctx);
    if (ctx.marked[alt.index] === img) ctx.marked[alt.index] = fig;
  });
  // The caption's sentences are offsets into the caption (part 1), which the
  // figcaption starts with; the credit follows outside them.
  const caption = [block.caption, block.credit].filter(Boolean);
  if (caption.length) {
    const content = [{ type: "text", text: caption.join(" · ") }];
    fig.append(inlines(el("figcaption"), content, ctx, i === null ? "none" : `${i}:1`));
  }
  return fig;
}

function table(rows, ctx, i) {
  const wrap = el("div");
  wrap.className = "table-wrap";
  wrap.tabIndex = 0; // scrolls inside its own box on narrow windows
  const tbl = el("table");
  // A short first row followed by more rows reads as column headings.
  const headed = rows.length > 1 && rows[0].every((c) => c.trim() && c.length <= 40);
  rows.forEach((row, r) => {
    const tr = el("tr");
    for (const cell of row) {
      const td = el(headed && r === 0 ? "th" : "td", cell);
      if (headed && r === 0) td.scope = "col";
      tr.append(td);
    }
    const spoken = (ctx.spans.get(`row:${i}:${r}`) || [])[0];
    if (spoken) mark(tr, spoken.index, ctx);
    tbl.append(tr);
  });
  wrap.append(tbl);
  return wrap;
}
