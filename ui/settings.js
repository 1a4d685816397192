// The reader's settings: applied to the page at once, saved by the shell,
// and shown in the Settings view (sliders, theme, language).
//
// Every size list, range, step and default comes from the shell (startup's
// `limits`, docs/app.md); the shell clamps what it saves, and its answer wins.

import * as backend from "./backend.js";
import { applyStrings, t } from "./l10n.js";
import { keepingPlace } from "./place.js";
import { $, announce, focusVisibly, onLeave, savingFailed } from "./views.js";

/** The Settings in force (the shell's last answer, or a change being shown). */
export let settings = null;
/** The shell's Limits: text sizes, ranges, steps and defaults. */
export let limits = null;

let settingsSeq = 0; // only the newest update_settings answer is applied
const stringsHooks = [];
const appliedHooks = [];
let undoPatch = null; // what "Undo" after a reset puts back

// The sliders and the Limits range each one takes its bounds from. The
// text-size slider moves through the offered sizes by position instead
// (0 .. textSizes.length - 1).
const RANGES = {
  "set-line-height": "lineHeight",
  "set-letter-spacing": "letterSpacing",
  "set-word-spacing": "wordSpacing",
  "set-width": "contentWidth",
  "set-speech-rate": "speechRate",
  "set-picture-article": "keepPictureMbPerArticle",
  "set-picture-total": "keepPictureMbTotal",
};

/** Takes the shell's limits and settings at boot: the sliders get their bounds, the page its looks. */
export function initSettings(shellLimits, shellSettings) {
  limits = shellLimits;
  setBounds($("set-text-size"), 0, limits.textSizes.length - 1, 1);
  for (const [id, key] of Object.entries(RANGES)) {
    const r = limits[key];
    setBounds($(id), r.min, r.max, r.step);
  }
  settings = shellSettings;
  applySettings();
}

function setBounds(input, min, max, step) {
  input.min = String(min);
  input.max = String(max);
  input.step = String(step);
}

/** Calls `fn()` after the UI language changed and the new strings are in place. */
export function onStringsChanged(fn) {
  stringsHooks.push(fn);
}

/** Calls `fn(settings)` each time settings are shown (the toolbar words its buttons by them). */
export function onSettingsApplied(fn) {
  appliedHooks.push(fn);
}

/** The controls' size for a text size: the shell's table (Limits.controlSizes). */
function controlSize(textSize) {
  const i = limits.textSizes.indexOf(textSize);
  return limits.controlSizes[i >= 0 ? i : limits.textSizes.indexOf(limits.defaultTextSize)];
}

/** "largest" / "smallest" when `textSize` is at an end of the offered sizes, else null. */
export function textSizeEnd(textSize) {
  if (textSize >= limits.textSizes[limits.textSizes.length - 1]) return "largest";
  if (textSize <= limits.textSizes[0]) return "smallest";
  return null;
}

/**
 * Shows `settings` on the page and in the Settings view. The whole window
 * grows with the text (--ui-size), and the paragraph at the top of the
 * reader stays there (place.js).
 */
export function applySettings() {
  const s = settings;
  const root = document.documentElement;
  root.dataset.theme = s.theme;
  keepingPlace(() => {
    root.style.setProperty("--text-size", `${s.textSize}px`);
    root.style.setProperty("--ui-size", `${controlSize(s.textSize)}px`);
    root.style.setProperty("--line-height", String(s.lineHeight));
    root.style.setProperty("--letter-spacing", `${s.letterSpacing}em`);
    root.style.setProperty("--word-spacing", `${s.wordSpacing}em`);
    root.style.setProperty("--content-width", `${s.contentWidth}em`);
  });

  // Values in words an older reader can follow: "24 px", "2.0 ×" (倍),
  // spacing as "normal" or a share of the text size.
  const spacing = (em) => (em > 0 ? `+${Math.round(em * 100)}%` : t("settings-value-normal"));
  setRange("set-text-size", limits.textSizes.indexOf(s.textSize), `${s.textSize} ${t("settings-unit-px")}`);
  setRange("set-line-height", s.lineHeight, `${s.lineHeight.toFixed(1)} ${t("settings-unit-times")}`);
  setRange("set-letter-spacing", s.letterSpacing, spacing(s.letterSpacing));
  setRange("set-word-spacing", s.wordSpacing, spacing(s.wordSpacing));
  setRange("set-width", s.contentWidth, lineLength(s.contentWidth));
  setRange("set-picture-article", s.keepPictureMbPerArticle, `${s.keepPictureMbPerArticle} ${t("settings-unit-mb")}`);
  setRange("set-picture-total", s.keepPictureMbTotal, `${s.keepPictureMbTotal} ${t("settings-unit-mb")}`);
  // While the speed slider is held, the hand on it wins over the narrator's echo.
  if (!$("set-speech-rate").matches(":active")) setRange("set-speech-rate", s.speechRate, rateText(s.speechRate));
  $("set-sentence-mode").checked = Boolean(s.sentenceMode);
  for (const radio of document.querySelectorAll("input[name=theme]")) radio.checked = radio.value === s.theme;
  for (const radio of document.querySelectorAll("input[name=lang]")) radio.checked = radio.value === s.uiLang;
  for (const fn of appliedHooks) fn(s);
}

/** "1.25 ×" / "1.25 倍": the speed as the shell words it, no trailing zeros. */
export function rateText(rate) {
  const number = Number(rate).toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
  return `${number} ${t("player-rate-unit")}`;
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

/** Sets a slider and its <output> to `value`, worded as `shown`. */
export function setRange(id, value, shown) {
  const input = $(id);
  input.value = String(value);
  // The text-size slider moves through list positions; say the size, not the position.
  input.setAttribute("aria-valuetext", shown);
  $(id.replace("set-", "out-")).textContent = shown;
}

/**
 * Saves `patch`; resolves with the Settings the shell kept (null when a newer
 * change overtook it or the store failed). An absolute patch is shown at once;
 * a relative one (textSizeSteps, resetTypography) only when the shell answers.
 * With persist=false (a slider being dragged) it is only shown.
 */
export async function changeSettings(patch, { persist = true, relative = false } = {}) {
  if (!relative) {
    settings = { ...settings, ...patch };
    applySettings();
  }
  if (!persist) return null;
  const seq = ++settingsSeq;
  try {
    const saved = await backend.updateSettings(patch);
    if (seq !== settingsSeq) return null;
    settings = saved;
    applySettings();
    return saved;
  } catch (err) {
    // The store could not save; keep reading with the change, and say so once.
    savingFailed(err);
    return null;
  }
}

/** Notes values the shell saves by another route (the narrator: speed, voices, sentence mode). */
export function noteSettings(patch) {
  settings = { ...settings, ...patch };
  applySettings();
}

// What is said after the size at either end of the offered sizes.
const END_STATUS = { largest: "status-text-size-largest", smallest: "status-text-size-smallest" };

/** "Text size 96 — the largest": the size, and whether it can go no further. */
function sizeStatus(textSize) {
  const end = textSizeEnd(textSize);
  return [t("status-text-size"), textSize, end ? t(END_STATUS[end]) : ""].join(" ").trim();
}

/** Larger (+1) or smaller (-1) by one offered size; the shell picks the size. */
export async function stepTextSize(steps) {
  const saved = await changeSettings({ textSizeSteps: steps }, { relative: true });
  if (saved) announce(sizeStatus(saved.textSize));
}

/** Back to the usual text size (Ctrl+0). */
export function defaultTextSize() {
  changeSettings({ textSize: limits.defaultTextSize });
  announce(sizeStatus(limits.defaultTextSize));
}

/**
 * "Back to the usual settings", asked once in place: size, spacing and width
 * go back to their defaults, and "Undo" puts the reader's own back.
 */
function askReset() {
  showResetPart("reset-confirm");
  focusVisibly($("reset-yes"));
  announce(t("status-settings-reset-question"));
}

async function resetTypography() {
  const before = settings;
  const saved = await changeSettings({ resetTypography: true }, { relative: true });
  if (!saved) return showResetPart(null);
  // Undo puts back exactly what the reset changed (the shell decides what that is).
  undoPatch = Object.fromEntries(Object.keys(saved).filter((k) => saved[k] !== before[k]).map((k) => [k, before[k]]));
  showResetPart("reset-done");
  focusVisibly($("reset-undo"));
  announce(t("status-settings-reset"));
}

function undoReset() {
  if (undoPatch) changeSettings(undoPatch);
  undoPatch = null;
  showResetPart(null);
  focusVisibly($("settings-reset"));
  announce(t("status-settings-undone"));
}

/**
 * Save a backup / bring one back: the shell asks where (a native dialog) and
 * answers null when the reader cancels; the result or the error is said in
 * place, never in a pop-up.
 */
async function backup(run, words) {
  let message = null;
  try {
    const result = await run();
    if (result === null || result === undefined) return;
    message = words(result);
  } catch (err) {
    message = err && typeof err.message === "string" ? err.message : t("error-heading-generic");
  }
  $("backup-result").textContent = message;
  $("backup-result").hidden = false;
  announce(message);
}

/** Shows one part of the reset area ("reset-confirm", "reset-done") or neither. */
function showResetPart(id) {
  $("reset-confirm").hidden = id !== "reset-confirm";
  $("reset-done").hidden = id !== "reset-done";
}

export function setTheme(theme) {
  changeSettings({ theme, themeChosen: true });
  announce(t(`status-theme-${theme}`));
}

/** The reader's Theme button: the next theme in the order Settings lists them. */
export function cycleTheme() {
  const themes = [...document.querySelectorAll("input[name=theme]")].map((r) => r.value);
  setTheme(themes[(themes.indexOf(settings.theme) + 1) % themes.length]);
}

// On the very first run, start in the colours the computer already asks for.
export function followSystemTheme() {
  let theme = "care";
  if (matchMedia("(prefers-contrast: more)").matches) theme = "contrast";
  else if (matchMedia("(prefers-color-scheme: dark)").matches) theme = "dark";
  changeSettings({ theme, themeChosen: true });
}

/**
 * Switches the UI language: saves it, fetches the strings, rewords every
 * value, then lets the other views reword theirs (onStringsChanged). Nothing
 * is reopened, so reading aloud goes on.
 */
export async function setLanguage(uiLang) {
  await changeSettings({ uiLang });
  try {
    applyStrings(await backend.uiStrings());
    // The sliders' values are worded too ("24 px" / "24 像素").
    applySettings();
    for (const fn of stringsHooks) fn();
  } catch (err) {
    console.warn("ui_strings failed", err);
  }
  announce(t("status-lang"));
}

/** Wires the Settings view's own controls (the read-aloud ones are in speech-settings.js). */
export function bindSettings() {
  const ranges = {
    "set-text-size": (v) => ({ textSize: limits.textSizes[Number(v)] }),
    "set-line-height": (v) => ({ lineHeight: Number(v) }),
    "set-letter-spacing": (v) => ({ letterSpacing: Number(v) }),
    "set-word-spacing": (v) => ({ wordSpacing: Number(v) }),
    "set-width": (v) => ({ contentWidth: Number(v) }),
    "set-picture-article": (v) => ({ keepPictureMbPerArticle: Number(v) }),
    "set-picture-total": (v) => ({ keepPictureMbTotal: Number(v) }),
  };
  for (const [id, toPatch] of Object.entries(ranges)) {
    // "input" while dragging shows the change; "change" (also each arrow key) saves it.
    $(id).addEventListener("input", (e) => changeSettings(toPatch(e.target.value), { persist: false }));
    $(id).addEventListener("change", (e) => changeSettings(toPatch(e.target.value)));
  }
  for (const radio of document.querySelectorAll("input[name=theme]")) {
    radio.addEventListener("change", () => radio.checked && setTheme(radio.value));
  }
  for (const radio of document.querySelectorAll("input[name=lang]")) {
    radio.addEventListener("change", () => radio.checked && setLanguage(radio.value));
  }
  $("settings-form").addEventListener("submit", (e) => e.preventDefault());
  $("settings-reset").addEventListener("click", askReset);
  $("backup-export").addEventListener("click", () => backup(backend.exportLibrary, (n) => `${t("settings-backup-saved")} ${n}`));
  $("backup-import").addEventListener("click", () => backup(backend.importLibrary, (r) => `${t("settings-backup-added")} ${r.added}`));
  $("reset-yes").addEventListener("click", resetTypography);
  $("reset-no").addEventListener("click", () => {
    showResetPart(null);
    focusVisibly($("settings-reset"));
  });
  $("reset-undo").addEventListener("click", undoReset);
  // A question or an Undo left behind would be stale on the next visit.
  onLeave((from) => {
    if (from === "settings") {
      showResetPart(null);
      undoPatch = null;
    }
  });
}
