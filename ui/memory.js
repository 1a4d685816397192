// Remembering where the reader is, so nothing is lost between visits: the
// reading place (place.js: block + offset, not pixels) and the sentence
// being listened to are saved as the reader goes (debounced) and when the
// reader leaves the article or the window; reopening an article that was
// left part-way offers one big "Continue there" (the default) or "From the
// start", and Listen then goes on from the saved sentence.

import * as backend from "./backend.js";
import { t } from "./l10n.js";
import { onPlaceMoved, readingPlace, restorePlace } from "./place.js";
import { onSentence, resumeFrom } from "./player.js";
import { $, focusVisibly, onLeave, savingFailed } from "./views.js";

/** How long the place must rest before it is saved: scrolling writes once. */
const SAVE_AFTER_MS = 1000;

let articleId = null; // the remembered article on show (ArticleView.id), or null
let saved = null; // the position it was opened with
let armed = false; // saving on: not while Continue / From the start is still asked
let sentence = null; // the narrator's sentence, the listening place
let timer = 0;

/** A new article on show: offers Continue when it was left part-way. */
export function openedAt(view) {
  // The article before was saved when the reader left it (onLeave below).
  clearTimeout(timer);
  articleId = typeof view.id === "number" ? view.id : null;
  saved = view.position || null;
  sentence = saved && Number.isInteger(saved.sentence) ? saved.sentence : null;
  const started = saved && (saved.block >= 0 || sentence !== null);
  armed = !started;
  $("continue-prompt").hidden = !started;
  if (!started) return;
  const blocks = [...$("article-body").querySelectorAll(":scope > [data-block]")];
  const nth = Math.max(0, blocks.findIndex((b) => Number(b.dataset.block) >= saved.block)) + 1;
  $("continue-prompt-text").textContent =
    `${t("reader-stopped-before")} ${nth} ${t("reader-stopped-middle")} ${blocks.length} ${t("reader-stopped-after")}`;
}

/** After the reader view is up: the Continue button has focus (Enter continues). */
export function offerContinue() {
  if (!$("continue-prompt").hidden) focusVisibly($("continue-here"));
}

function choose(continuing) {
  $("continue-prompt").hidden = true;
  if (continuing && saved) {
    restorePlace({ block: saved.block, offset: saved.offset });
    resumeFrom(sentence);
  } else {
    window.scrollTo(0, 0);
    sentence = null;
    resumeFrom(null);
  }
  armed = true;
  focusVisibly($("article-title"));
  schedule();
}

/** The narrator is on sentence `n` of the article on show. */
function listenedTo(n) {
  if (!Number.isInteger(n)) return;
  sentence = n;
  schedule();
}

function schedule() {
  if (!armed || articleId === null) return;
  clearTimeout(timer);
  timer = setTimeout(flush, SAVE_AFTER_MS);
}

/** Saves now what is waiting to be saved; resolves once it is saved (or failed). */
function flush() {
  clearTimeout(timer);
  timer = 0;
  if (!armed || articleId === null || $("view-reader").hidden) return Promise.resolve();
  const place = readingPlace();
  return backend
    .savePosition(articleId, { block: place.block, offset: place.offset, sentence })
    .catch(savingFailed);
}

export function bindMemory() {
  onPlaceMoved(schedule);
  onSentence(listenedTo);
  $("continue-here").addEventListener("click", () => choose(true));
  $("continue-start").addEventListener("click", () => choose(false));
  // Leaving the article, or the window going away: save at once.
  onLeave((from) => {
    if (from === "reader") flush();
  });
  // The window is closing: the shell holds it until the place is saved.
  backend.onClosing(() => flush().finally(() => backend.closingSaved().catch(() => {})));
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
}
