// Fills the static markup with the strings the shell sends (UiStrings).
//
// An element with data-l10n-id="x" gets its text from messages["x"], and each
// attribute written in ui.ftl as `x = .attr = …` arrives flattened as
// messages["x.attr"] and is set on the element. Nothing in the markup or the
// scripts is written in a language; everything the reader sees or hears comes
// from here.

let messages = {};

/** The message for `id`, or the id itself so a missing string is noticed, not hidden. */
export function t(id) {
  return messages[id] ?? id;
}

/** Is there a message `id` in the current strings? */
export function has(id) {
  return Object.hasOwn(messages, id);
}

/**
 * Gives `el` a new l10n id and translates it now (for text that changes with
 * state). A button is renewed so a screen reader hears its new name, unless
 * `renewed: false` (see renew()).
 */
export function setL10n(el, id, { renewed = true } = {}) {
  const before = el.textContent;
  el.dataset.l10nId = id;
  translateElement(el, attributesById());
  if (renewed && el.tagName === "BUTTON" && el.textContent !== before) renew(el);
}

/** Applies a UiStrings object to the whole document. */
export function applyStrings(strings) {
  const relabel = Object.keys(messages).length > 0;
  messages = strings.messages || {};
  document.documentElement.lang = strings.lang;
  const attrs = attributesById();
  for (const el of document.querySelectorAll("[data-l10n-id]")) translateElement(el, attrs);
  // A new language renames everything at once.
  if (relabel) renew(document.getElementById("main"));
}

/**
 * Puts `el` back where it is, so the accessibility tree gets a new object
 * for it: WebKitGTK sends no name-change event, and a screen reader keeps
 * the old name of an object it has met (Orca said "Larger text" at the
 * largest size, and English names after a switch to Chinese). Focus stays
 * where it was, and a screen reader says the new name of what has it.
 */
function renew(el) {
  if (!el || !el.parentNode) return;
  const focused = document.activeElement;
  const scrolled = window.scrollY;
  el.parentNode.insertBefore(el, el.nextSibling);
  if (focused && focused !== document.activeElement && el.contains(focused)) focused.focus({ preventScroll: true });
  if (window.scrollY !== scrolled) window.scrollTo(0, scrolled);
}

// Groups the "id.attr" keys by id once per application, instead of scanning
// every key for every element.
function attributesById() {
  const byId = new Map();
  for (const [key, value] of Object.entries(messages)) {
    const dot = key.indexOf(".");
    if (dot < 0) continue;
    const id = key.slice(0, dot);
    if (!byId.has(id)) byId.set(id, []);
    byId.get(id).push([key.slice(dot + 1), value]);
  }
  return byId;
}

function translateElement(el, attrs) {
  const id = el.dataset.l10nId;
  const text = messages[id];
  // <title> is special: it names the window.
  if (el.tagName === "TITLE") {
    if (text) document.title = text;
    return;
  }
  // Inputs have no text; elements with child elements keep them.
  if (text && el.tagName !== "INPUT" && el.firstElementChild === null) el.textContent = text;
  for (const [attr, value] of attrs.get(id) || []) el.setAttribute(attr, value);
}
