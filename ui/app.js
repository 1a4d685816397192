// Care Reader's window: views, settings, keyboard and the open pipeline.
//
// All shell calls go through backend.js, all words through l10n.js, and all
// article content through render.js. Exactly one view is visible at a time.

import * as backend from "./backend.js";
import { applyStrings, setL10n, t } from "./l10n.js";
import { renderArticle } from "./render.js";

// The sizes the core accepts (docs/app.md, Settings.textSize); 24 px is the
// default body size of care mode.
const TEXT_SIZES = [18, 20, 22, 24, 28, 32, 36, 40, 48, 56, 64, 72, 80, 96];
const DEFAULT_TYPOGRAPHY = { textSize: 24, lineHeight: 1.8, letterSpacing: 0, wordSpacing: 0, contentWidth: 34 };
const THEMES = ["care", "dark", "contrast"];
const VIEWS = ["home", "loading", "reader", "settings", "error", "help"];

// Error codes grouped into the families the error page explains (one title
// and hint each); the exact message comes localised from the shell.
const ERROR_FAMILY = {
  "invalid-address": "address", "unsupported-scheme": "address",
  unreachable: "network", timeout: "network", tls: "network", network: "network",
  "too-many-redirects": "network", "redirect-loop": "network",
  "http-status": "http",
  "too-large": "content", "unsupported-content-type": "content",
  "file-not-found": "file", "not-a-file": "file", io: "file",
  "no-article": "article", "empty-page": "article",
};

const $ = (id) => document.getElementById(id);

const state = {
  settings: { ...DEFAULT_TYPOGRAPHY, theme: "care", uiLang: "zh-CN", themeChosen: true },
  // Views to go back through with Escape / Back. Home and Reader start a new
  // history; Loading and Error stand in for each other at the top.
  stack: [],
  focusMemory: new Map(), // view -> element that had focus when we left it
  scrollMemory: new Map(), // view -> scroll position when we left it
  article: null, // the ArticleView on show
  retry: null, // re-runs the last open that failed
  browserUrl: null, // http(s) address for "Open in web browser"
  openToken: 0, // ignores answers to opens the reader has walked away from
  settingsSeq: 0, // only the newest update_settings answer is applied
  clipboard: null,
  // Read aloud. `sentences` = the article's sentence elements by number
  // (render.js); `status` = the narrator's last NarratorStatus.
  player: {
    sentences: [],
    status: null,
    current: null, // the highlighted element
    followFocus: false, // the listener moved by key from a focused sentence: focus goes along
    voices: null, // NarratorVoices once listed (slow the first time)
  },
};

// ---------------------------------------------------------------------------
// Views and focus

function currentView() {
  return state.stack[state.stack.length - 1] || null;
}

/** Shows `name` as a new step (focus on its heading or first control). */
function go(name) {
  leavingReader(currentView(), name);
  rememberView(currentView());
  if (name === "home" || name === "reader") state.stack = [name];
  else if (["loading", "error"].includes(currentView()) && ["loading", "error"].includes(name)) state.stack[state.stack.length - 1] = name;
  else if (currentView() !== name) state.stack.push(name);
  display(name);
  window.scrollTo(0, 0);
  focusStart(name);
  if (name === "home") refreshHome();
  if (name === "settings") loadVoices();
}

/** Escape / Back: the previous view as it was left, or Home. */
function back() {
  const from = currentView();
  if (from === "loading") state.openToken++; // the answer will no longer be wanted
  if (state.stack.length < 2) {
    if (from !== "home") go("home");
    return;
  }
  state.stack.pop();
  const to = currentView();
  leavingReader(from, to);
  display(to);
  window.scrollTo(0, state.scrollMemory.get(to) || 0);
  const el = state.focusMemory.get(to);
  if (el && el.isConnected && el.offsetParent !== null) el.focus({ preventScroll: true });
  else focusStart(to);
  if (to === "home") refreshHome();
}

/**
 * Reading aloud stops when the reader leaves the article (Back, Home, another
 * article); Settings and Help keep it going, so the speed can be tuned while
 * listening.
 */
function leavingReader(from, to) {
  const stays = ["reader", "settings", "help"];
  if (stays.includes(from) && !stays.includes(to) && state.article) narrate({ action: "stop" });
}

function display(name) {
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== name;
}

function rememberView(name) {
  if (!name) return;
  state.scrollMemory.set(name, window.scrollY);
  if ($(`view-${name}`).contains(document.activeElement)) state.focusMemory.set(name, document.activeElement);
}

// Where focus lands when a view opens: the heading (tabindex=-1), so a screen
// reader says where we are; on Home, the address box, the thing to do there.
const START_FOCUS = {
  home: "address", loading: "loading-title", reader: "article-title",
  settings: "settings-title", error: "error-title", help: "help-title",
};

function focusStart(name) {
  $(START_FOCUS[name]).focus({ preventScroll: true });
}

/** The one live region: short state changes, never article text. */
function announce(message) {
  const status = $("status");
  status.textContent = "";
  // A fresh text node a moment later makes screen readers repeat an identical message.
  setTimeout(() => { status.textContent = message; }, 60);
}

// ---------------------------------------------------------------------------
// Settings

function applySettings(s) {
  const root = document.documentElement;
  root.dataset.theme = s.theme;
  root.style.setProperty("--text-size", `${s.textSize}px`);
  root.style.setProperty("--line-height", String(s.lineHeight));
  root.style.setProperty("--letter-spacing", `${s.letterSpacing}em`);
  root.style.setProperty("--word-spacing", `${s.wordSpacing}em`);
  root.style.setProperty("--content-width", `${s.contentWidth}em`);

  // Values in words an older reader can follow: "24 px", "1.8 ×" (倍),
  // spacing as "normal" or a share of the text size.
  const spacing = (em) => (em > 0 ? `+${Math.round(em * 100)}%` : t("settings-value-normal"));
  const sizeIndex = nearestSizeIndex(s.textSize);
  setRange("set-text-size", sizeIndex, `${TEXT_SIZES[sizeIndex]} ${t("settings-unit-px")}`);
  setRange("set-line-height", s.lineHeight, `${s.lineHeight.toFixed(1)} ${t("settings-unit-times")}`);
  setRange("set-letter-spacing", s.letterSpacing, spacing(s.letterSpacing));
  setRange("set-word-spacing", s.wordSpacing, spacing(s.wordSpacing));
  setRange("set-width", s.contentWidth, lineLength(s.contentWidth));
  const rate = Number(s.speechRate) || 1;
  setRange("set-speech-rate", rate, rateText(rate));
  $("set-sentence-mode").checked = Boolean(s.sentenceMode);
  for (const radio of document.querySelectorAll("input[name=theme]")) radio.checked = radio.value === s.theme;
  for (const radio of document.querySelectorAll("input[name=lang]")) radio.checked = radio.value === s.uiLang;
}

// A line of 1 em holds one Chinese character or about two Latin letters
// (docs/app.md, Settings.contentWidth): count in the script of the language
// the words are in.
const CHARS_PER_EM = { "zh-CN": 1, "en-US": 2 };

/** The line length in words: "每行约 34 字", "about 68 characters". */
function lineLength(em) {
  const chars = Math.round(em * (CHARS_PER_EM[document.documentElement.lang] || 1));
  return `${t("settings-width-before")} ${chars} ${t("settings-width-after")}`;
}

function setRange(id, value, shown) {
  const input = $(id);
  input.value = String(value);
  // The text-size slider moves through list positions; say the size, not the position.
  input.setAttribute("aria-valuetext", shown);
  $(id.replace("set-", "out-")).textContent = shown;
}

function nearestSizeIndex(size) {
  let best = 0;
  TEXT_SIZES.forEach((s, i) => { if (Math.abs(s - size) < Math.abs(TEXT_SIZES[best] - size)) best = i; });
  return best;
}

/**
 * Applies a change at once and saves it; the shell's clamped answer wins.
 * With persist=false (a slider being dragged) it is only applied.
 */
async function changeSettings(patch, persist = true) {
  state.settings = { ...state.settings, ...patch };
  applySettings(state.settings);
  if (!persist) return;
  const seq = ++state.settingsSeq;
  try {
    const saved = await backend.updateSettings(patch);
    if (seq === state.settingsSeq) {
      state.settings = saved;
      applySettings(saved);
    }
  } catch (err) {
    // The store could not save (the shell says so at startup); keep reading with the change.
    console.warn("update_settings failed", err);
  }
}

function setTextSize(size) {
  changeSettings({ textSize: size });
  announce(`${t("status-text-size")} ${size}`);
}

function stepTextSize(direction) {
  const i = nearestSizeIndex(state.settings.textSize);
  setTextSize(TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, i + direction))]);
}

function setTheme(theme) {
  changeSettings({ theme, themeChosen: true });
  announce(t(`status-theme-${theme}`));
}

function cycleTheme() {
  setTheme(THEMES[(THEMES.indexOf(state.settings.theme) + 1) % THEMES.length]);
}

async function setLanguage(uiLang) {
  await changeSettings({ uiLang });
  try {
    applyStrings(await backend.uiStrings());
    // The sliders' values are worded too ("24 px" / "24 像素"), and so is the player's speed.
    applySettings(state.settings);
    updatePlayerControls();
    if (state.player.voices) showVoices(state.player.voices);
  } catch (err) {
    console.warn("ui_strings failed", err);
  }
  announce(t("status-lang"));
  // The meta line ("site · date · minutes") is worded by the shell; ask for it again.
  const open = state.article;
  if (open) {
    backend.openRecent(open.id).then((view) => {
      if (state.article === open && view.id === open.id) {
        open.metaLine = view.metaLine;
        $("article-meta").textContent = view.metaLine;
      }
    }).catch(() => {});
  }
}

// ---------------------------------------------------------------------------
// Reading aloud: the player, the highlight and the narrator's events

// Speed steps of the player's buttons and of [ and ]: a quarter is a change
// one can hear; the Settings slider has the fine 0.05 steps.
const RATE_STEP = 0.25;
const RATE_MIN = 0.5;
const RATE_MAX = 3;

/** "1.25 ×" / "1.25 倍": the number as the shell words it, no trailing zeros. */
function rateText(rate) {
  const number = rate.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
  return `${number} ${t("player-rate-unit")}`;
}

function narrate(command) {
  return backend.narrate(command).catch((err) => {
    // A refused command (no narrator in this shell) must not break reading.
    console.warn("narrate failed", command, err);
    if (err && typeof err.message === "string" && command.action !== "stop") showPlayerError(err.message);
  });
}

/** Does the open article have a script to read? */
function hasSpeech() {
  return Boolean(state.article && state.article.speech && state.article.speech.sentences.length);
}

function showPlayerError(message) {
  $("player-error").textContent = message || "";
  $("player-error").hidden = !message;
}

/** A new article on show: a fresh player, nothing highlighted. */
function resetPlayer(sentenceEls) {
  const p = state.player;
  p.sentences = sentenceEls || [];
  p.status = null;
  p.current = null;
  p.followFocus = false;
  $("player-slot").hidden = !hasSpeech();
  showPlayerError("");
  setL10n($("player-toggle"), "player-listen");
  updateRoving(firstSentenceEl());
  updatePlayerControls();
}

function firstSentenceEl() {
  return state.player.sentences.find((e) => e) || null;
}

function updatePlayerControls() {
  const rate = Number(state.player.status ? state.player.status.rate : state.settings.speechRate) || 1;
  const shown = rateText(rate);
  $("player-rate").textContent = shown;
  $("player-slower").disabled = rate <= RATE_MIN + 1e-6;
  $("player-faster").disabled = rate >= RATE_MAX - 1e-6;
  const mode = state.player.status ? state.player.status.sentenceMode : Boolean(state.settings.sentenceMode);
  $("player-sentence-mode").setAttribute("aria-pressed", mode ? "true" : "false");
}

/**
 * The one sentence reachable by Tab (a roving tabindex): the one being read,
 * else the first; the others are focusable by click and by the arrow keys.
 */
function updateRoving(el) {
  for (const old of document.querySelectorAll('#article .sentence[tabindex="0"]')) old.tabIndex = -1;
  if (el) el.tabIndex = 0;
}

function onNarrator(event) {
  if (!event || !event.status) return;
  const status = event.status;
  const p = state.player;
  // Events about another article's script (the one just left) are not ours.
  if (!hasSpeech() || status.sentences !== state.article.speech.sentences.length) return;
  p.status = status;
  const playing = status.state === "playing";
  const toggle = $("player-toggle");
  const id = playing ? "player-pause" : "player-listen";
  if (toggle.dataset.l10nId !== id) setL10n(toggle, id);
  if (event.error && event.error.message) showPlayerError(event.error.message);
  else if (playing) showPlayerError("");
  // The shell saved these in Settings; keep the Settings view in step.
  state.settings = { ...state.settings, speechRate: status.rate, sentenceMode: status.sentenceMode };
  if (!$("set-speech-rate").matches(":active")) applySettings(state.settings);
  updatePlayerControls();

  const lit = status.state === "playing" || status.state === "paused";
  highlight(lit && status.sentence !== null ? p.sentences[status.sentence] || null : null);
  if (event.announce) announce(event.announce);
}

function highlight(el) {
  const p = state.player;
  if (p.current === el) return;
  if (p.current) {
    p.current.classList.remove("speaking");
    p.current.removeAttribute("aria-current");
  }
  const hadFocus = p.current && p.current === document.activeElement;
  p.current = el;
  if (!el) {
    updateRoving(firstSentenceEl());
    return;
  }
  el.classList.add("speaking");
  el.setAttribute("aria-current", "true");
  updateRoving(el);
  if ((p.followFocus || hadFocus) && $("article").contains(document.activeElement)) {
    el.focus({ preventScroll: true });
  }
  p.followFocus = false;
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

function stepRate(direction) {
  const rate = Number(state.player.status ? state.player.status.rate : state.settings.speechRate) || 1;
  // To the next quarter in that direction (1.05 → 1.25 faster, → 1 slower).
  const grid = rate / RATE_STEP;
  const next = (direction > 0 ? Math.floor(grid + 1e-6) + 1 : Math.ceil(grid - 1e-6) - 1) * RATE_STEP;
  const clamped = Math.min(RATE_MAX, Math.max(RATE_MIN, next));
  if (Math.abs(clamped - rate) < 1e-6) return;
  narrate({ action: "setRate", rate: clamped });
}

/** Plays from a sentence element the reader clicked or pressed Enter on. */
function playFrom(el) {
  const n = Number(el.dataset.sentence);
  if (!Number.isInteger(n) || !hasSpeech()) return;
  state.player.followFocus = document.activeElement === el;
  narrate({ action: "play", from: n });
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
    if (!e.repeat) narrate({ action: "toggle" });
    return true;
  }
  if ((e.key === "ArrowLeft" || e.key === "ArrowRight") && !ctrl && !e.shiftKey) {
    if (ownsKeys(target, e.key)) return false;
    state.player.followFocus = fromSentence;
    narrate({ action: e.key === "ArrowRight" ? "next" : "previous" });
    return true;
  }
  if ((e.key === "ArrowUp" || e.key === "ArrowDown") && ctrl && !e.shiftKey) {
    if (ownsKeys(target, e.key)) return false;
    state.player.followFocus = fromSentence;
    narrate({ action: e.key === "ArrowDown" ? "nextParagraph" : "previousParagraph" });
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

async function loadVoices() {
  const p = state.player;
  if (p.voices && !p.voices.error) {
    showVoices(p.voices);
    return;
  }
  $("voices-loading").hidden = false;
  for (const id of ["set-voice-zh", "set-voice-en"]) $(id).disabled = true;
  try {
    p.voices = await backend.narratorVoices();
  } catch (err) {
    p.voices = { voices: { zh: [], en: [] }, chosen: { zh: null, en: null }, error: err && err.message ? err : { code: "unknown", message: t("error-hint-generic") } };
  }
  $("voices-loading").hidden = true;
  showVoices(p.voices);
}

function showVoices(v) {
  const error = v.error && v.error.message ? v.error.message : "";
  $("voices-error").textContent = error;
  $("voices-error").hidden = !error;
  $("voices").hidden = Boolean(error);
  for (const [lang, key] of [["zh", "voiceZh"], ["en", "voiceEn"]]) {
    const select = $(`set-voice-${lang}`);
    const auto = document.createElement("option");
    auto.value = "";
    auto.textContent = t("settings-voice-auto");
    const options = [auto, ...((v.voices && v.voices[lang]) || []).map((voice) => {
      const o = document.createElement("option");
      o.value = voice.id;
      o.textContent = voice.name && voice.name !== voice.id ? `${voice.name} (${voice.lang})` : `${voice.id} (${voice.lang})`;
      return o;
    })];
    select.replaceChildren(...options);
    select.value = state.settings[key] || "";
    if (select.selectedIndex < 0) select.value = "";
    select.disabled = false;
  }
}

// On the very first run, start in the colours the computer already asks for.
function followSystemTheme() {
  let theme = "care";
  if (matchMedia("(prefers-contrast: more)").matches) theme = "contrast";
  else if (matchMedia("(prefers-color-scheme: dark)").matches) theme = "dark";
  changeSettings({ theme, themeChosen: true });
}

// ---------------------------------------------------------------------------
// Opening articles

/** Runs one open (`action(onProgress)` → ArticleView) through Loading to Reader or Error. */
async function openWith(action, source) {
  const token = ++state.openToken;
  state.retry = () => openWith(action, source);
  setL10n($("loading-stage"), "loading-fetching");
  go("loading");
  announce(t("status-opening"));
  const onProgress = (p) => {
    if (token === state.openToken && p && p.stage === "extracting") setL10n($("loading-stage"), "loading-extracting");
  };
  try {
    const view = await action(onProgress);
    if (token === state.openToken) showArticle(view);
  } catch (err) {
    if (token === state.openToken) showError(err, source);
  }
}

const openSource = (source) => openWith((onProgress) => backend.openArticle(source, onProgress), source);
const openRecent = (item) => openWith(() => backend.openRecent(item.id), item.source);
const openWelcome = () => openWith(() => backend.openWelcome(), null);

function showArticle(view) {
  state.article = view;
  // The recent list shows what was opened; Home starts empty next time.
  $("address").value = "";
  const sentences = renderArticle(view, {
    article: $("article"), title: $("article-title"), meta: $("article-meta"), body: $("article-body"),
  }, openSource);
  resetPlayer(sentences);
  go("reader");
  announce(t("status-opened"));
}

const isWebUrl = (s) => typeof s === "string" && /^https?:\/\//i.test(s);

function showError(err, source) {
  // Only a {code, message} from the shell is shown; anything else (a bug, a
  // refused command) gets the generic page, never raw text.
  const known = err && typeof err === "object" && typeof err.code === "string";
  const code = known ? err.code : "unknown";
  const message = known && typeof err.message === "string" ? err.message : "";
  const family = ERROR_FAMILY[code] || "generic";
  $("view-error").dataset.code = code;
  setL10n($("error-title"), `error-heading-${family}`);
  setL10n($("error-hint"), `error-hint-${family}`);
  $("error-message").textContent = message;
  $("error-message").hidden = !message;
  // The shell's message already says what went wrong and what to do; the
  // family's general hint is for errors that come without one.
  $("error-hint").hidden = Boolean(message);
  state.browserUrl = isWebUrl(source) ? source : null;
  $("error-browser").hidden = !state.browserUrl;
  $("error-retry").hidden = !state.retry;
  go("error");
  announce(t("status-failed"));
}

// ---------------------------------------------------------------------------
// Home

async function refreshHome() {
  refreshClipboard();
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
  state.clipboard = url;
  $("clipboard-url").textContent = url || "";
  $("clipboard-offer").hidden = !url;
}

function showNotice(message) {
  $("home-notice").textContent = message;
  $("home-notice").hidden = !message;
}

// ---------------------------------------------------------------------------
// Wiring

function onKeyDown(e) {
  const ctrl = (e.ctrlKey || e.metaKey) && !e.altKey;
  if (playerKey(e)) {
    // handled: reading aloud
  } else if (ctrl && (e.key === "=" || e.key === "+")) {
    stepTextSize(+1);
  } else if (ctrl && (e.key === "-" || e.key === "_")) {
    stepTextSize(-1);
  } else if (ctrl && e.key === "0") {
    setTextSize(DEFAULT_TYPOGRAPHY.textSize);
  } else if (ctrl && (e.key === "l" || e.key === "L")) {
    if (currentView() === "loading") state.openToken++;
    if (currentView() !== "home") go("home");
    $("address").focus();
    $("address").select();
  } else if (e.key === "Escape" && !e.ctrlKey && !e.altKey) {
    if (currentView() === "home") return;
    back();
  } else if (e.key === "F1") {
    if (currentView() !== "help") go("help");
  } else {
    return;
  }
  // These keys are ours: no webview zoom, find bar or browser help.
  e.preventDefault();
}

function bind() {
  document.addEventListener("keydown", onKeyDown);

  $("address-form").addEventListener("submit", (e) => {
    e.preventDefault();
    openSource($("address").value.trim());
  });
  $("clipboard-open").addEventListener("click", () => state.clipboard && openSource(state.clipboard));
  $("open-file").addEventListener("click", async () => {
    try {
      const path = await backend.pickFile();
      if (path) openSource(path);
    } catch (err) {
      state.retry = null;
      showError(err, null);
    }
  });
  $("home-settings").addEventListener("click", () => go("settings"));
  $("home-help").addEventListener("click", () => go("help"));
  // The clipboard may have changed while the window was in the background.
  window.addEventListener("focus", () => { if (currentView() === "home") refreshClipboard(); });

  $("loading-home").addEventListener("click", back);

  $("btn-back").addEventListener("click", back);
  $("btn-smaller").addEventListener("click", () => stepTextSize(-1));
  $("btn-larger").addEventListener("click", () => stepTextSize(+1));
  $("btn-theme").addEventListener("click", cycleTheme);
  $("btn-settings").addEventListener("click", () => go("settings"));

  $("player-toggle").addEventListener("click", () => narrate({ action: "toggle" }));
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
  backend.onNarrator(onNarrator);

  $("settings-back").addEventListener("click", back);
  $("set-speech-rate").addEventListener("input", (e) => {
    const rate = Number(e.target.value);
    const shown = rateText(rate);
    $("out-speech-rate").textContent = shown;
    e.target.setAttribute("aria-valuetext", shown);
  });
  $("set-speech-rate").addEventListener("change", (e) => {
    const rate = Number(e.target.value);
    state.settings = { ...state.settings, speechRate: rate };
    narrate({ action: "setRate", rate });
  });
  $("set-sentence-mode").addEventListener("change", (e) => {
    state.settings = { ...state.settings, sentenceMode: e.target.checked };
    narrate({ action: "setSentenceMode", on: e.target.checked });
  });
  for (const id of ["set-voice-zh", "set-voice-en"]) {
    $(id).addEventListener("change", (e) => {
      const voice = e.target.value || null;
      const lang = e.target.dataset.lang;
      state.settings = { ...state.settings, [lang === "zh" ? "voiceZh" : "voiceEn"]: voice };
      narrate({ action: "setVoice", lang, voice });
    });
  }
  const ranges = {
    "set-text-size": (v) => ({ textSize: TEXT_SIZES[Number(v)] }),
    "set-line-height": (v) => ({ lineHeight: Number(v) }),
    "set-letter-spacing": (v) => ({ letterSpacing: Number(v) }),
    "set-word-spacing": (v) => ({ wordSpacing: Number(v) }),
    "set-width": (v) => ({ contentWidth: Number(v) }),
  };
  for (const [id, toPatch] of Object.entries(ranges)) {
    // "input" while dragging shows the change; "change" (also each arrow key) saves it.
    $(id).addEventListener("input", (e) => changeSettings(toPatch(e.target.value), false));
    $(id).addEventListener("change", (e) => changeSettings(toPatch(e.target.value)));
  }
  for (const radio of document.querySelectorAll("input[name=theme]")) {
    radio.addEventListener("change", () => radio.checked && setTheme(radio.value));
  }
  for (const radio of document.querySelectorAll("input[name=lang]")) {
    radio.addEventListener("change", () => radio.checked && setLanguage(radio.value));
  }
  $("settings-form").addEventListener("submit", (e) => e.preventDefault());
  $("settings-reset").addEventListener("click", () => {
    changeSettings({ ...DEFAULT_TYPOGRAPHY });
    announce(t("status-settings-reset"));
  });

  $("error-retry").addEventListener("click", () => state.retry && state.retry());
  $("error-browser").addEventListener("click", () => {
    if (state.browserUrl) backend.openInBrowser(state.browserUrl).catch((err) => console.warn("open_in_browser failed", err));
  });
  $("error-home").addEventListener("click", () => go("home"));

  $("help-back").addEventListener("click", back);

  backend.onOpenRequest(openSource);
}

async function start() {
  bind();
  try {
    const [boot, settings, strings] = await Promise.all([backend.startup(), backend.getSettings(), backend.uiStrings()]);
    applyStrings(strings);
    state.settings = settings;
    applySettings(settings);
    if (!settings.themeChosen) followSystemTheme();
    if (boot.notice) {
      showNotice(boot.notice.message);
      announce(boot.notice.message);
    }
    if (boot.open) openSource(boot.open);
    else if (boot.welcome || boot.firstRun) openWelcome();
    else go("home");
  } catch (err) {
    state.retry = () => location.reload();
    showError(err, null);
  }
}

start();
