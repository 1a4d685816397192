// Reading aloud: the player bar, the highlight that follows the voice, and
// the narrator's events. The narrator itself lives in the shell; this module
// sends it commands and shows what it reports (docs/app.md, NarratorEvent).

import * as backend from "./backend.js";
import { setL10n } from "./l10n.js";
import { keepingPlace } from "./place.js";
import { limits, noteSettings, rateText, settings } from "./settings.js";
import { $, announce, currentView, focusVisibly, go, onLeave } from "./views.js";

// The Listen button's word for each narrator state: "Starting…" until the
// engine is heard, so the button never claims to play in silence.
const TOGGLE_WORD = { starting: "player-starting", playing: "player-pause" };
// The states in which the player's row (move, speed) is shown.
const LISTENING = new Set(["starting", "playing", "paused"]);
// The states whose new button name a screen reader must not be told (below).
const QUIET_NAMES = new Set(["starting", "playing"]);

const sentenceHooks = []; // fn(n) when the narrator is on sentence n (memory.js)
let resumeAt = null; // where the first Listen starts, when the reader chose Continue

/** Calls `fn(n)` each time the narrator is reading sentence `n` of the article on show. */
export function onSentence(fn) {
  sentenceHooks.push(fn);
}

/** The first Listen of this article starts at sentence `n` (null: where the narrator stands). */
export function resumeFrom(n) {
  resumeAt = Number.isInteger(n) ? n : null;
}

const player = {
  speech: null, // the article's script (ArticleView.speech), null when nothing is on show
  sentences: [], // the sentence elements by number (render.js)
  status: null, // the narrator's last NarratorStatus about this script
  current: null, // the highlighted element
  followFocus: false, // the listener moved by key from a focused sentence: focus goes along
};

/** Sends a NarratorCommand; a refused one is explained beside the Listen button. */
export function narrate(command) {
  return backend.narrate(command).catch((err) => {
    // A refused command (no narrator in this shell) must not break reading.
    console.warn("narrate failed", command, err);
    if (err && typeof err.message === "string" && command.action !== "stop") showPlayerError(err.message);
  });
}

/**
 * Listen / Pause (the button, Space). A Listen shows "Starting…" at once:
 * the narrator answers with its own state as soon as it takes the command,
 * but on the first Listen after opening an article it may still be starting
 * the speech service (up to ~2 s); until then the button says the press
 * was heard rather than nothing at all.
 */
export function toggle() {
  const state = player.status ? player.status.state : "idle";
  if (state !== "starting" && state !== "playing") {
    setL10n($("player-toggle"), "player-starting", { renewed: false });
    $("player-toggle").setAttribute("aria-busy", "true");
  }
  // The first Listen after "Continue there" goes on from the saved sentence.
  const from = resumeAt;
  resumeAt = null;
  const command = from !== null && !player.status ? { action: "play", from } : { action: "toggle" };
  narrate(command).then(() => {
    // A refused command leaves no status to follow: the button says Listen again.
    if ($("player-toggle").dataset.l10nId === "player-starting" && !$("player-error").hidden) {
      setL10n($("player-toggle"), "player-listen");
      $("player-toggle").setAttribute("aria-busy", "false");
    }
  });
}

/** Does the article on show have a script to read? */
export function hasSpeech() {
  return Boolean(player.speech && player.speech.sentences.length);
}

/**
 * Why reading aloud cannot go on: at the top of the article with a "How to
 * fix this" button (never in the toolbar, which keeps its height), and said
 * through the live region for a listener who cannot see it.
 */
function showPlayerError(message) {
  const shown = !$("player-error").hidden;
  if (!message && !shown) return;
  keepingPlace(() => {
    $("player-error-message").textContent = message || "";
    $("player-error").hidden = !message;
  });
  if (message && !shown) announce(message);
}

/** Shows the player's row while listening; the article keeps its place. */
function showPlayerRow(on) {
  if ($("player-slot").hidden !== on) return;
  keepingPlace(() => {
    $("player-slot").hidden = !on;
  });
}

/** A new article on show (`speech` = its script, `sentenceEls` = render.js's elements): a fresh player. */
export function resetPlayer(speech, sentenceEls) {
  player.speech = speech || null;
  player.sentences = sentenceEls || [];
  player.status = null;
  player.current = null;
  player.followFocus = false;
  resumeAt = null;
  $("player-toggle").hidden = !hasSpeech();
  $("player-sentence-mode").hidden = !hasSpeech();
  $("player-slot").hidden = true;
  $("player-error").hidden = true;
  setL10n($("player-toggle"), "player-listen");
  updatePlayerControls();
}


function currentRate() {
  return player.status ? player.status.rate : settings.speechRate;
}

/** The speed shown and the buttons' state; also after a language change (the unit is worded). */
export function updatePlayerControls() {
  const rate = currentRate();
  $("player-rate").textContent = rateText(rate);
  $("player-slower").disabled = rate <= limits.speechRate.min;
  $("player-faster").disabled = rate >= limits.speechRate.max;
  const mode = player.status ? player.status.sentenceMode : Boolean(settings.sentenceMode);
  $("player-sentence-mode").setAttribute("aria-pressed", mode ? "true" : "false");
}

function onNarrator(event) {
  if (!event || !event.status) return;
  const status = event.status;
  // Statuses about another script (the article just left) are not ours.
  if (!player.speech || status.script !== player.speech.id) return;
  player.status = status;
  const playing = status.state === "playing";
  const toggle = $("player-toggle");
  const id = TOGGLE_WORD[status.state] || "player-listen";
  // What the narrator says about itself once quiet ("Paused") describes the
  // button, so a screen reader hears it with the new name: Orca follows no
  // live region in WebKitGTK.
  if (event.announce && !QUIET_NAMES.has(status.state)) $("player-said").textContent = event.announce;
  // Renamed for a screen reader only once the voice is quiet: whatever the
  // screen reader says cuts our sentence off (speech-dispatcher puts its
  // messages before our text), and it would say this name at every start.
  if (toggle.dataset.l10nId !== id) setL10n(toggle, id, { renewed: !QUIET_NAMES.has(status.state) });
  toggle.setAttribute("aria-busy", status.state === "starting" ? "true" : "false");
  if (event.error && event.error.message) showPlayerError(event.error.message);
  else if (playing) showPlayerError("");
  showPlayerRow(LISTENING.has(status.state));
  // The shell saved these in Settings; keep the Settings view in step.
  noteSettings({ speechRate: status.rate, sentenceMode: status.sentenceMode });
  updatePlayerControls();

  const lit = status.state === "playing" || status.state === "paused";
  // Focus follows the highlight only to answer the listener's own move.
  highlight(lit && status.sentence !== null ? player.sentences[status.sentence] || null : null, status.byListener);
  if (status.byListener) player.followFocus = false;
  if (status.state === "playing" && status.sentence !== null) for (const fn of sentenceHooks) fn(status.sentence);
  if (event.announce) announce(event.announce);
}

function highlight(el, byListener) {
  if (player.current === el) return;
  if (player.current) {
    player.current.classList.remove("speaking");
    player.current.removeAttribute("aria-current");
  }
  const hadFocus = player.current && player.current === document.activeElement;
  player.current = el;
  if (!el) return;
  el.classList.add("speaking");
  el.setAttribute("aria-current", "true");
  const follow = (player.followFocus && byListener) || hadFocus;
  if (follow && $("article").contains(document.activeElement)) el.focus({ preventScroll: true });
  if (currentView() === "reader") keepInView(el);
}

/**
 * Scrolls the sentence to the middle only when it has left the comfortable
 * middle of the window (below the sticky toolbar): the page does not move at
 * every sentence, only when reading would run off the screen.
 */
function keepInView(el) {
  const box = el.getBoundingClientRect();
  const bar = document.querySelector("#view-reader .bar");
  const barBottom = bar && getComputedStyle(bar).position === "sticky" ? bar.getBoundingClientRect().bottom : 0;
  const top = barBottom + (window.innerHeight - barBottom) * 0.15;
  const bottom = window.innerHeight * 0.85;
  if (box.top >= top && box.bottom <= bottom) return;
  const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
  el.scrollIntoView({ block: "center", behavior: still ? "instant" : "smooth" });
}

/** Slower (-1) or faster (+1): the narrator picks the next speed. */
export function stepRate(direction) {
  const rate = currentRate();
  const range = limits.speechRate;
  if ((direction < 0 && rate <= range.min) || (direction > 0 && rate >= range.max)) return;
  narrate({ action: direction > 0 ? "faster" : "slower" });
}

/** Plays from a sentence element the reader clicked or pressed Enter on. */
export function playFrom(el) {
  const n = Number(el.dataset.sentence);
  if (!Number.isInteger(n) || !hasSpeech()) return;
  player.followFocus = document.activeElement === el;
  narrate({ action: "play", from: n });
}

/** A key moved the reading (→ ← Ctrl+↑ Ctrl+↓): focus goes along if it was on a sentence. */
export function moveBy(action, fromSentence) {
  player.followFocus = fromSentence;
  narrate({ action });
}

/**
 * Reading aloud stops when the reader leaves the article (Back, Home, another
 * article); Settings and Help keep it going, so the speed can be tuned while
 * listening.
 */
function leaving(from, to) {
  const stays = ["reader", "settings", "help"];
  if (stays.includes(from) && !stays.includes(to) && player.speech) narrate({ action: "stop" });
}

export function bindPlayer() {
  $("player-toggle").addEventListener("click", toggle);
  $("player-error-help").addEventListener("click", () => {
    go("help");
    const where = $("help-no-sound");
    focusVisibly(where);
    where.scrollIntoView({ block: "start" });
  });
  $("player-previous").addEventListener("click", () => narrate({ action: "previous" }));
  $("player-next").addEventListener("click", () => narrate({ action: "next" }));
  $("player-slower").addEventListener("click", () => stepRate(-1));
  $("player-faster").addEventListener("click", () => stepRate(+1));
  $("player-sentence-mode").addEventListener("click", () => {
    const on = $("player-sentence-mode").getAttribute("aria-pressed") !== "true";
    narrate({ action: "setSentenceMode", on });
  });
  // Click a sentence to read from it (not a link, not the end of a text selection).
  $("article").addEventListener("click", (e) => {
    if (e.target.closest("a")) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const el = e.target.closest("#article [data-sentence]");
    if (el) playFrom(el);
  });
  onLeave(leaving);
  backend.onNarrator(onNarrator);
}
