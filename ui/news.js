// Home's news: the headlines of the sources the family chose, as large
// cards, newest first (title; source and time; "Read" once opened). The
// headlines come from the store, so Home shows the last ones at once and
// offline; a refresh (at the first visit of a session, or the button) reads
// the sources again with its progress in words, and a source that fails is
// named with why in a calm notice while its old headlines stay.
//
// Nothing here moves by itself: no ticker, no spinner, no pop-up.

import * as backend from "./backend.js";
import { t } from "./l10n.js";
import { openHeadline } from "./reader.js";
import { $, announce, go, onShow } from "./views.js";

let refreshedOnce = false; // the session's first refresh has been started
let refreshing = false;
let reading = null; // {script, paragraphs}: the headlines being read aloud
let readingNow = false; // the narrator is reading them at this moment

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** One headline's card: the whole card opens it. */
function card(item) {
  const li = el("li", "card headline");
  const open = el("button", "card-open");
  open.type = "button";
  open.dataset.headline = String(item.id);
  open.append(el("span", "card-title", item.title));
  const meta = [item.source, item.when, item.read ? t("news-read") : ""].filter(Boolean).join(" · ");
  open.append(el("span", "card-meta", meta));
  if (item.read) li.classList.add("is-read");
  open.addEventListener("click", () => openHeadline(item));
  li.append(open);
  return li;
}

/** Shows HomeNews {sources, headlines, problems}. */
function show(news) {
  const chosen = news && news.sources > 0;
  $("news").hidden = !chosen;
  $("news-setup").hidden = chosen;
  if (!chosen) return;
  $("news-problems").replaceChildren(...news.problems.map((p) => {
    const li = el("li", "notice", p.message);
    li.dataset.source = String(p.id);
    return li;
  }));
  $("news-problems").hidden = news.problems.length === 0;
  $("news-list").replaceChildren(...news.headlines.map(card));
  $("news-list").hidden = news.headlines.length === 0;
  $("news-empty").hidden = news.headlines.length > 0;
}

function showProgress(p) {
  $("news-progress").textContent = p && p.total
    ? `${t("news-progress-before")} ${p.done} ${t("news-progress-middle")} ${p.total} ${t("news-progress-after")}`
    : t("news-refreshing");
}

/** The headlines as the store has them (instant, offline). */
async function showStored() {
  try {
    show(await backend.homeNews());
    return true;
  } catch (err) {
    console.warn("home_news failed", err);
    return false;
  }
}

/** Reads every source again; the cards are replaced when it is done. */
export async function refreshNews() {
  if (refreshing) return;
  refreshing = true;
  $("news-refresh").disabled = true;
  $("news-progress").hidden = false;
  showProgress(null);
  announce(t("news-refreshing"));
  try {
    show(await backend.refreshSources(showProgress));
    announce(t("news-done"));
  } catch (err) {
    announce(err && typeof err.message === "string" ? err.message : t("status-failed"));
  } finally {
    refreshing = false;
    $("news-refresh").disabled = false;
    $("news-progress").hidden = true;
  }
}

async function onHome() {
  await showStored();
  if (!refreshedOnce && !$("news").hidden) {
    refreshedOnce = true;
    refreshNews();
  }
}

/**
 * "Read the headlines": the voice reads the titles one by one; the card
 * being read is marked, and focus follows it while the reader is in the
 * list, so Enter opens the one being read.
 */
async function readHeadlines() {
  if (readingNow) {
    backend.narrate({ action: "pause" });
    return;
  }
  try {
    reading = await backend.readHeadlines();
  } catch (err) {
    announce(err && typeof err.message === "string" ? err.message : t("status-failed"));
  }
}

function followReading(status) {
  const ours = reading && status && status.script === reading.script;
  readingNow = Boolean(ours && (status.state === "playing" || status.state === "starting"));
  $("news-read").textContent = t(readingNow ? "news-read-stop" : "news-read-aloud");
  const id = ours && status.paragraph !== null && status.paragraph !== undefined ? reading.paragraphs[status.paragraph] : null;
  for (const button of document.querySelectorAll("#news-list .card-open")) {
    const now = readingNow && id !== null && Number(button.dataset.headline) === id;
    button.classList.toggle("being-read", now);
    if (now) {
      button.setAttribute("aria-current", "true");
      const inNews = $("news").contains(document.activeElement);
      if (inNews && document.activeElement !== button) button.focus({ preventScroll: false });
    } else {
      button.removeAttribute("aria-current");
    }
  }
}

export function bindNews() {
  $("news-read").addEventListener("click", readHeadlines);
  backend.onNarrator((event) => followReading(event && event.status));
  onShow("home", onHome);
  $("news-refresh").addEventListener("click", refreshNews);
  $("news-choose").addEventListener("click", () => go("sources"));
  $("home-sources").addEventListener("click", () => go("sources"));
}
