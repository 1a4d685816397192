// The news sources view: the family's list (each can be removed), a few
// well-known suggestions for the reader's language (Add), and adding any
// website or feed by its address. Finding the feed, reading it and every
// rule about it are the shell's; this only asks and shows.

import * as backend from "./backend.js";
import { t } from "./l10n.js";
import { $, announce, focusVisibly, onShow } from "./views.js";

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

let mine = []; // SourceItem[] on show

function mineCard(source) {
  const li = el("li", "card");
  const text = el("div", "card-open card-static");
  text.append(el("span", "card-title", source.title));
  text.append(el("span", "card-meta", source.feedUrl));
  const remove = el("button", "card-remove", t("sources-remove"));
  remove.type = "button";
  remove.setAttribute("aria-label", `${t("sources-remove")}: ${source.title}`);
  remove.addEventListener("click", () => removeSource(source));
  li.append(text, remove);
  return li;
}

function suggestionCard(suggestion) {
  const li = el("li", "card");
  const text = el("div", "card-open card-static");
  text.append(el("span", "card-title", suggestion.title));
  const topic = suggestion.topic;
  text.append(el("span", "card-meta", t(`sources-topic-${topic}`)));
  const have = mine.some((s) => s.feedUrl === suggestion.feed);
  const add = el("button", "card-remove", t(have ? "sources-added" : "sources-add"));
  add.type = "button";
  add.disabled = have;
  add.setAttribute("aria-label", `${t(have ? "sources-added" : "sources-add")}: ${suggestion.title}`);
  add.addEventListener("click", () => addSource(suggestion.feed, add));
  li.append(text, add);
  return li;
}

async function refresh() {
  try {
    mine = await backend.listSources();
  } catch (err) {
    console.warn("list_sources failed", err);
    mine = [];
  }
  $("sources-list").replaceChildren(...mine.map(mineCard));
  $("sources-none").hidden = mine.length > 0;
  let suggestions = [];
  try {
    suggestions = await backend.suggestedSources();
  } catch (err) {
    console.warn("suggested_sources failed", err);
  }
  $("sources-suggested-list").replaceChildren(...suggestions.map(suggestionCard));
}

/** Adds the source at `address`; `button` (if any) says it is busy meanwhile. */
async function addSource(address, button) {
  if (!address) return;
  const message = $("sources-message");
  message.textContent = t("sources-adding");
  message.hidden = false;
  if (button) button.disabled = true;
  try {
    const added = await backend.addSource(address);
    message.textContent = `${t("status-source-added")} ${added.title}`;
    announce(message.textContent);
    $("sources-address").value = "";
    await refresh();
  } catch (err) {
    message.textContent = err && typeof err.message === "string" ? err.message : t("status-failed");
    announce(message.textContent);
  } finally {
    // A suggestion's button is rebuilt as "Added" by refresh(); the form's is free again.
    if (button) button.disabled = false;
  }
}

async function removeSource(source) {
  try {
    await backend.removeSource(source.id);
    announce(`${t("status-source-removed")} ${source.title}`);
    await refresh();
    focusVisibly($("sources-title"));
  } catch (err) {
    announce(err && typeof err.message === "string" ? err.message : t("status-failed"));
  }
}

export function bindSources() {
  onShow("sources", () => {
    $("sources-message").hidden = true;
    refresh();
  });
  $("sources-form").addEventListener("submit", (e) => {
    e.preventDefault();
    addSource($("sources-address").value.trim(), $("sources-address-add"));
  });
}
