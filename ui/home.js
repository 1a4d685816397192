// Home: the address box, the offer to open an address on the clipboard, the
// file picker and the recent articles.

import * as backend from "./backend.js";
import { showError } from "./errors.js";
import { openRecent, openSource } from "./reader.js";
import { $, currentView, go, onShow } from "./views.js";

let clipboard = null; // the http(s) address on the clipboard, if any

let unfinished = null; // the LibraryItem Home offers to continue

async function refreshHome() {
  refreshClipboard();
  refreshContinue();
  let items = [];
  try {
    items = await backend.recentArticles();
  } catch (err) {
    console.warn("recent_articles failed", err);
  }
  const list = $("recent-list");
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.id = String(item.id);
    const title = document.createElement("span");
    title.className = "recent-title";
    title.textContent = item.title || item.source;
    button.append(title);
    if (item.site) {
      const site = document.createElement("span");
      site.className = "recent-site";
      site.textContent = item.site;
      button.append(site);
    }
    button.addEventListener("click", () => openRecent(item));
    li.append(button);
    return li;
  }));
  list.hidden = items.length === 0;
  $("recent-empty").hidden = items.length > 0;
}

async function refreshClipboard() {
  let url = null;
  try {
    url = await backend.clipboardUrl();
  } catch {
    url = null;
  }
  clipboard = url;
  $("clipboard-url").textContent = url || "";
  $("clipboard-offer").hidden = !url;
}

/** "Continue where you stopped?" with the last article left part-way, if any. */
async function refreshContinue() {
  let offer = null;
  try {
    offer = await backend.continueReading();
  } catch (err) {
    console.warn("continue_reading failed", err);
  }
  unfinished = offer ? offer.item : null;
  $("continue-open").textContent = unfinished ? unfinished.title || unfinished.source : "";
  $("continue-offer").hidden = !unfinished;
}

/** Ctrl+L: Home, with the address box focused and selected. */
export function focusAddress() {
  if (currentView() !== "home") go("home");
  $("address").focus();
  $("address").select();
}

/** Home, with `text` in the address box to correct, the cursor at its end. */
export function editAddress(text) {
  focusAddress();
  const box = $("address");
  box.value = text || "";
  box.setSelectionRange(box.value.length, box.value.length);
}

/** The native file picker; the chosen file is opened. */
export async function chooseFile() {
  try {
    const path = await backend.pickFile();
    if (path) openSource(path);
  } catch (err) {
    showError(err);
  }
}

export function bindHome() {
  onShow("home", refreshHome);
  $("address-form").addEventListener("submit", (e) => {
    e.preventDefault();
    openSource($("address").value.trim());
  });
  $("clipboard-open").addEventListener("click", () => clipboard && openSource(clipboard));
  $("open-file").addEventListener("click", chooseFile);
  $("continue-open").addEventListener("click", () => unfinished && openRecent(unfinished));
  $("home-library").addEventListener("click", () => go("library"));
  $("home-settings").addEventListener("click", () => go("settings"));
  $("home-help").addEventListener("click", () => go("help"));
  // The clipboard may have changed while the window was in the background.
  window.addEventListener("focus", () => { if (currentView() === "home") refreshClipboard(); });
}
