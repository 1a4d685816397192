// The keyboard: text size (Ctrl+= Ctrl+- Ctrl+0), the address box (Ctrl+L),
// Escape back, F1 help, and in the Reader the read-aloud keys (Space, ← →,
// Ctrl+↑ Ctrl+↓, [ ], Enter on a sentence). docs/app.md lists them.

import { toggleFullscreen } from "./backend.js";
import { focusAddress } from "./home.js";
import { hasSpeech, moveBy, playFrom, stepRate, toggle } from "./player.js";
import { cancelOpen, keepArticle } from "./reader.js";
import { defaultTextSize, stepTextSize } from "./settings.js";
import { closeMore } from "./toolbar.js";
import { back, currentView, focusVisibly, go } from "./views.js";

/** Escape, Back and Loading's "Home": the previous view; an open under way is dropped. */
export function goBack() {
  if (currentView() === "loading") cancelOpen();
  back();
}

/** Is `el` something Space or the arrows already mean something to? */
function ownsKeys(el, key) {
  if (!el || el === document.body) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return true;
  if (key === " ") return tag === "BUTTON" || tag === "A" || tag === "SUMMARY";
  // A wide table or poem scrolls sideways with the arrows while it has focus.
  if (key === "ArrowLeft" || key === "ArrowRight") return el.scrollWidth > el.clientWidth + 1 && !el.classList.contains("sentence");
  return false;
}

/** The reader's keys for reading aloud; true when the key was ours. */
function playerKey(e) {
  if (currentView() !== "reader" || !hasSpeech() || e.altKey) return false;
  const ctrl = e.ctrlKey || e.metaKey;
  const target = document.activeElement;
  const fromSentence = Boolean(target && target.classList && target.classList.contains("sentence"));
  if (e.key === " " && !ctrl && !e.shiftKey) {
    if (ownsKeys(target, " ")) return false;
    // Holding the bar down must not flicker between play and pause.
    if (!e.repeat) toggle();
    return true;
  }
  if ((e.key === "ArrowLeft" || e.key === "ArrowRight") && !ctrl && !e.shiftKey) {
    if (ownsKeys(target, e.key)) return false;
    moveBy(e.key === "ArrowRight" ? "next" : "previous", fromSentence);
    return true;
  }
  if ((e.key === "ArrowUp" || e.key === "ArrowDown") && ctrl && !e.shiftKey) {
    if (ownsKeys(target, e.key)) return false;
    moveBy(e.key === "ArrowDown" ? "nextParagraph" : "previousParagraph", fromSentence);
    return true;
  }
  if ((e.key === "[" || e.key === "]") && !ctrl) {
    if (ownsKeys(target, e.key)) return false;
    stepRate(e.key === "]" ? +1 : -1);
    return true;
  }
  if (e.key === "Enter" && !ctrl && fromSentence) {
    playFrom(target);
    return true;
  }
  return false;
}

function onKeyDown(e) {
  const ctrl = (e.ctrlKey || e.metaKey) && !e.altKey;
  if (playerKey(e)) {
    // handled: reading aloud
  } else if (ctrl && (e.key === "=" || e.key === "+")) {
    stepTextSize(+1);
  } else if (ctrl && (e.key === "-" || e.key === "_")) {
    stepTextSize(-1);
  } else if (ctrl && e.key === "0") {
    defaultTextSize();
  } else if (ctrl && (e.key === "s" || e.key === "S")) {
    if (currentView() === "reader") keepArticle();
  } else if (ctrl && (e.key === "l" || e.key === "L")) {
    if (currentView() === "loading") cancelOpen();
    focusAddress();
  } else if (e.key === "Escape" && !e.ctrlKey && !e.altKey) {
    if (currentView() === "home") return;
    if (currentView() === "reader" && closeMore()) {
      // More was open: Escape closed it, and the reader stays.
    } else {
      goBack();
    }
  } else if (e.key === "Tab" && !ctrl && !e.altKey) {
    if (!wrapTab(e.shiftKey)) return;
  } else if (e.key === "F1") {
    if (currentView() !== "help") go("help");
  } else if (e.key === "F11") {
    // Full screen is the shell's to switch (the window, not the page).
    toggleFullscreen().catch(() => {});
  } else {
    return;
  }
  // These keys are ours: no webview zoom, find bar or browser help.
  e.preventDefault();
}

const TABBABLE = "button, input, select, textarea, a[href], [tabindex]";

/**
 * Tab from the last stop goes round to the first (Shift+Tab from the first
 * to the last), as in any window. Left to itself the webview lets focus out
 * to its own unnamed container, which a screen reader calls "grayed".
 * True when it moved focus.
 */
function wrapTab(backwards) {
  const stops = [...document.querySelectorAll(TABBABLE)].filter((el) => el.tabIndex >= 0
    && !el.disabled && el.getClientRects().length > 0 && !el.closest("[hidden]"));
  if (stops.length === 0) return false;
  // Also from a heading or sentence (focusable, not a stop) past the end.
  const here = document.activeElement || document.body;
  const ahead = (el) => Boolean(here.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const more = backwards ? stops.some((el) => el !== here && !ahead(el)) : stops.some((el) => ahead(el));
  if (more || here === document.body) return false;
  focusVisibly(backwards ? stops[stops.length - 1] : stops[0]);
  return true;
}

export function bindKeys() {
  document.addEventListener("keydown", onKeyDown);
  // Which hand is on the computer: with the keyboard, focus always shows
  // (styles.css); a click or a touch hides the ring until the next key.
  const root = document.documentElement;
  document.addEventListener("keydown", () => { root.dataset.input = "keyboard"; }, true);
  document.addEventListener("pointerdown", () => { root.dataset.input = "pointer"; }, true);
}
