// The Library: the articles kept for offline as large cards (title, site,
// the day it was kept, how far it was read), newest first, and a search over
// them whose matching words are marked. Removing a card can be undone here;
// the store keeps a removed article a week, so nothing goes at one press.
//
// Cards are built with createElement and textContent only: titles come from
// pages, and search marks come from the shell as segments, never as HTML.

import * as backend from "./backend.js";
import { setL10n, t } from "./l10n.js";
import { openRecent } from "./reader.js";
import { $, announce, focusVisibly, onShow } from "./views.js";

let removed = null; // the LibraryItem whose removal "Undo" takes back
let query = ""; // the search on show ("" = every kept article)

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** `segments` ([{text, mark}]) as text with <mark> around the matches. */
function marked(node, segments) {
  for (const s of segments || []) node.append(s.mark ? el("mark", null, s.text) : document.createTextNode(s.text));
  return node;
}

/** The day an article was kept, in the reader's language ("2026年11月30日", "30 November 2026"). */
function day(iso) {
  const d = new Date(iso || "");
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long" }).format(d);
}

/** "Read 1200 of 3000 words" and a bar, or "Not read yet". */
function progress(item) {
  const box = el("span", "card-progress");
  if (!item.wordsRead) {
    box.append(el("span", null, t("library-not-started")));
    return box;
  }
  box.append(el("span", null,
    `${t("library-read-before")} ${item.wordsRead} ${t("library-read-middle")} ${item.words} ${t("library-read-after")}`));
  // The bar is a picture of the words above (the words are what is read out).
  const bar = el("span", "card-bar");
  bar.setAttribute("aria-hidden", "true");
  const fill = el("span", "card-bar-fill");
  fill.style.width = `${Math.min(100, Math.round((100 * item.wordsRead) / Math.max(1, item.words)))}%`;
  bar.append(fill);
  box.append(bar);
  return box;
}

/** One card: the whole card opens the article; Remove sits beside it. */
function card(item, hit) {
  const li = el("li", "card");
  const open = el("button", "card-open");
  open.type = "button";
  open.dataset.id = String(item.id);
  const title = el("span", "card-title");
  if (hit && hit.titleMarked && hit.titleMarked.length) marked(title, hit.titleMarked);
  else title.textContent = item.title || item.source;
  open.append(title);
  const line = [item.site, item.savedAt ? `${t("library-kept-on")} ${day(item.savedAt)}` : ""].filter(Boolean).join(" · ");
  if (line) open.append(el("span", "card-meta", line));
  if (hit && hit.snippetMarked && hit.snippetMarked.length) open.append(marked(el("span", "card-snippet"), hit.snippetMarked));
  open.append(progress(item));
  open.addEventListener("click", () => openRecent(item));
  const remove = el("button", "card-remove", t("library-remove"));
  remove.type = "button";
  // "Remove" alone would not say which article: the title goes with it.
  remove.setAttribute("aria-label", `${t("library-remove")}: ${item.title || item.source}`);
  remove.addEventListener("click", () => removeItem(item));
  li.append(open, remove);
  return li;
}

/** A removed article: its title, and "Put back". */
function removedCard(item) {
  const li = el("li", "card");
  li.append(el("span", "card-title removed-title", item.title || item.source));
  const back = el("button", "card-remove", t("library-put-back"));
  back.type = "button";
  back.dataset.id = String(item.id);
  back.setAttribute("aria-label", `${t("library-put-back")}: ${item.title || item.source}`);
  back.addEventListener("click", () => putBack(item));
  li.append(back);
  return li;
}

/** The articles removed this past week (the store keeps them that long). */
async function refreshRemoved() {
  let items = [];
  try {
    items = await backend.removedArticles();
  } catch (err) {
    console.warn("removed_articles failed", err);
  }
  $("library-removed-list").replaceChildren(...items.map(removedCard));
  $("library-removed").hidden = items.length === 0 || Boolean(query);
}

/** Shows every kept article, or the hits for the search on show. */
async function refresh() {
  let items = [];
  let hits = null;
  try {
    if (query) hits = await backend.searchLibrary(query);
    else items = await backend.library();
  } catch (err) {
    console.warn("library failed", err);
  }
  const list = $("library-list");
  if (hits) list.replaceChildren(...hits.map((h) => card(h.item, h)));
  else list.replaceChildren(...items.map((i) => card(i, null)));
  const count = hits ? hits.length : items.length;
  setL10n($("library-list-title"), query ? "library-results" : "library-all");
  $("library-list-title").hidden = count === 0;
  list.hidden = count === 0;
  setL10n($("library-empty"), query ? "library-no-results" : "library-empty");
  $("library-empty").hidden = count > 0;
  await refreshRemoved();
  return count;
}

async function search() {
  query = $("library-search").value.trim();
  const count = await refresh();
  if (query) announce(`${t("status-found-before")} ${count} ${t("status-found-after")}`);
}

async function removeItem(item) {
  try {
    await backend.removeArticle(item.id);
  } catch (err) {
    console.warn("remove_article failed", err);
    return;
  }
  removed = item;
  $("library-undo-message").textContent = `${t("library-removed")} ${item.title || item.source}`;
  $("library-undo").hidden = false;
  await refresh();
  // Focus on Undo: the one thing one might want right after.
  focusVisibly($("library-undo-button"));
  announce(t("status-removed"));
}

/** "Undo" right after a removal: the article just removed goes back. */
function undo() {
  if (removed) putBack(removed);
}

/** Puts a removed article back in the library, focus on its card. */
async function putBack(item) {
  try {
    await backend.undoRemove(item.id);
  } catch (err) {
    console.warn("undo_remove failed", err);
    return;
  }
  if (removed && removed.id === item.id) {
    removed = null;
    $("library-undo").hidden = true;
  }
  await refresh();
  const back = $("library-list").querySelector(`button.card-open[data-id="${item.id}"]`);
  if (back) focusVisibly(back);
  announce(t("status-undone"));
}

export function bindLibrary() {
  onShow("library", () => {
    $("library-undo").hidden = !removed;
    refresh();
  });
  $("library-search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    search();
  });
  // Clearing the box (its ✕ or the last Backspace) shows every article again.
  $("library-search").addEventListener("input", () => {
    if (!$("library-search").value.trim() && query) search();
  });
  $("library-undo-button").addEventListener("click", undo);
}
