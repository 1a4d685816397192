// The reading place: which block of the article is at the top of the view
// and how far into it — not a pixel offset — so the paragraph being read
// stays at the top through a change of text size, spacing, width, theme or
// window size, and after a visit to Settings. Also what follows from it: the
// reading-progress band ("Paragraph 3 of 12") and whether the reader's bar
// may stay pinned at the top.
//
// A place is {block, offset}: `block` is the article block's index
// (data-block, render.js; -1 for the title and what sits above the first
// block), `offset` how far down that block the top of the view is, 0..1;
// `nth` is the block's position on the page (for "Paragraph 3 of 12").

import { t } from "./l10n.js";
import { $ } from "./views.js";

/** The share of the window the reader's bar may take and stay pinned. */
const PIN_SHARE = 0.25;

let last = { block: -1, offset: 0, nth: 0 }; // the place as last seen in the reader
let frame = 0; // a pending animation frame for the scroll follower
const movedHooks = []; // fn() after the place moved (memory.js saves it)

/** Calls `fn()` whenever the reading place may have moved. */
export function onPlaceMoved(fn) {
  movedHooks.push(fn);
}

const readerShown = () => !$("view-reader").hidden;

/** The top edge of the reading area: below the reader's bar while it is pinned. */
function readingTop() {
  const bar = document.querySelector("#view-reader .reader-bar");
  return bar && bar.classList.contains("pinned") ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
}

const blocks = () => $("article-body").querySelectorAll(":scope > [data-block]");

/** Where the reader is now (the last place seen while the reader is hidden). */
export function readingPlace() {
  if (!readerShown()) return last;
  if (window.scrollY <= 0) return { block: -1, offset: 0, nth: 0 };
  const top = readingTop();
  const list = blocks();
  // The first block whose bottom is below the top edge (blocks run down the page).
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].getBoundingClientRect().bottom <= top) lo = mid + 1;
    else hi = mid;
  }
  // Past the last block's end: the last block, read to its end.
  if (lo >= list.length) {
    return list.length ? { block: Number(list[list.length - 1].dataset.block), offset: 1, nth: list.length - 1 } : last;
  }
  const el = list[lo];
  // Above the first block: the title. In the gap between two blocks: the
  // next one, from its start.
  const inTitle = lo === 0 && el.getBoundingClientRect().top > top;
  const anchor = inTitle ? $("article-title") : el;
  const box = anchor.getBoundingClientRect();
  const offset = box.height > 0 ? Math.min(1, Math.max(0, (top - box.top) / box.height)) : 0;
  return { block: inTitle ? -1 : Number(el.dataset.block), offset, nth: inTitle ? 0 : lo };
}

/** Scrolls so that `place` is at the top of the view again. */
export function restorePlace(place) {
  if (!place || !readerShown()) return;
  if (place.block < 0 && place.offset <= 0) {
    window.scrollTo(0, 0);
  } else {
    const anchor = place.block < 0 ? $("article-title") : $("article-body").querySelector(`:scope > [data-block="${place.block}"]`);
    if (!anchor) return;
    const box = anchor.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + box.top + place.offset * box.height - readingTop());
  }
  follow();
}

/**
 * Runs `change()` (new settings applied to the page) keeping the place: the
 * paragraph at the top stays at the top.
 */
export function keepingPlace(change) {
  const place = readerShown() ? readingPlace() : null;
  change();
  updatePin();
  if (place) restorePlace(place);
}

/** A new article on show: its top. */
export function resetPlace() {
  last = { block: -1, offset: 0, nth: 0 };
  updatePin();
  follow();
}

/**
 * Pins the reader's bar at the top only while it takes at most a quarter of
 * the window; at the largest sizes it scrolls away with the page instead of
 * hiding the article (its keys work wherever it is). While the reader has a
 * row of it open (More), it stays: a row that scrolled out of sight as it
 * opened would be lost.
 */
export function updatePin() {
  const bar = document.querySelector("#view-reader .reader-bar");
  if (!bar || !readerShown()) return;
  const opened = bar.querySelector('[aria-expanded="true"]') !== null;
  bar.classList.remove("pinned");
  if (opened || bar.getBoundingClientRect().height <= window.innerHeight * PIN_SHARE) bar.classList.add("pinned");
}

/** Notes the place and shows the progress: after a scroll, a resize or a new layout. */
function follow() {
  if (!readerShown()) return;
  last = readingPlace();
  for (const fn of movedHooks) fn();
  const count = blocks().length;
  const scrollable = document.documentElement.scrollHeight - window.innerHeight;
  const share = scrollable > 0 ? Math.min(1, window.scrollY / scrollable) : 1;
  $("reading-progress-fill").style.width = `${(share * 100).toFixed(1)}%`;
  const bar = $("reading-progress");
  const now = Math.max(1, Math.min(count, (last.nth || 0) + 1));
  bar.setAttribute("aria-valuemax", String(Math.max(1, count)));
  bar.setAttribute("aria-valuenow", String(now));
  bar.setAttribute("aria-valuetext",
    `${t("reader-progress-before")} ${now} ${t("reader-progress-middle")} ${count} ${t("reader-progress-after")}`.trim());
}

/** The words of the progress band follow the UI language. */
export const relabelProgress = follow;

/** The rest of a long article is on the page: the band counts all of it. */
export const recountPlace = follow;

export function bindPlace() {
  window.addEventListener("scroll", () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      follow();
    });
  }, { passive: true });
  // A bigger or smaller window (F11, maximise) lays the article out anew: keep the place.
  window.addEventListener("resize", () => {
    if (!readerShown()) return;
    const place = last;
    updatePin();
    restorePlace(place);
  });
}
