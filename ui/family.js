// What a family prepares once for a parent, in the window:
//
// - simple mode (长辈模式): <html data-simple> hides what is only for the
//   family (Settings, News sources, More, Remove buttons); Home keeps one
//   quiet way out, "For the family", to the unlock view (the PIN, or —
//   when the family set none — Ctrl+Shift+U held for three seconds);
// - the family setup: a few big steps (news, how it looks, listening,
//   simple mode, done), each choice taking effect at once so the window
//   itself is the preview; it is used on this computer or saved to a file
//   for another, and a file prepared elsewhere is taken from the first step.
//
// Every rule (PINs, waits, what a setup holds) is the shell's.

import * as backend from "./backend.js";
import { showError } from "./errors.js";
import { t } from "./l10n.js";
import { changeSettings, noteSettings, onSettingsApplied, rateText, setLanguage } from "./settings.js";
import { $, announce, back, focusVisibly, go, onShow } from "./views.js";

const STEPS = 6; // 0 start, 1 news, 2 look, 3 listening, 4 simple mode, 5 done
const HOLD_MS = 3000; // how long the way-out key is held without a PIN

let limits = null;
let settings = {};
let step = 0;
let holdTimer = null;

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Simple mode on or off as the settings say: what is hidden follows. */
function showSimple(s) {
  settings = s;
  document.documentElement.dataset.simple = s.simpleMode ? "true" : "false";
}

/** The shell's settings again, after it changed them (a lock, a setup taken). */
async function reloadSettings() {
  const fresh = await backend.getSettings();
  const langChanged = fresh.uiLang !== settings.uiLang;
  noteSettings(fresh);
  if (langChanged) await setLanguage(fresh.uiLang);
}

// ---- Unlock ------------------------------------------------------------

async function showUnlock() {
  $("unlock-message").hidden = true;
  $("unlock-pin").value = "";
  let mode = { hasPin: true };
  try {
    mode = await backend.simpleMode();
  } catch (err) {
    console.warn("simple_mode failed", err);
  }
  $("unlock-form").hidden = !mode.hasPin;
  $("unlock-key-hint").hidden = mode.hasPin;
  if (mode.hasPin) focusVisibly($("unlock-pin"));
}

function answered(answer) {
  $("unlock-message").textContent = answer.message;
  $("unlock-message").hidden = false;
  announce(answer.message);
  if (answer.unlocked) {
    reloadSettings().then(() => go("home"));
  }
}

async function tryPin(e) {
  e.preventDefault();
  try {
    answered(await backend.unlock($("unlock-pin").value));
  } catch (err) {
    showError(err);
  }
  $("unlock-pin").value = "";
}

/** Ctrl+Shift+U held for three seconds: the way out when no PIN was set. */
function watchHeldKey() {
  const isKey = (e) => e.ctrlKey && e.shiftKey && (e.key === "U" || e.key === "u");
  window.addEventListener("keydown", (e) => {
    if (!isKey(e) || holdTimer || settings.simpleMode !== true) return;
    holdTimer = setTimeout(async () => {
      holdTimer = null;
      try {
        answered(await backend.unlockByKey());
      } catch (err) {
        console.warn("unlock_by_key failed", err);
      }
    }, HOLD_MS);
  });
  window.addEventListener("keyup", (e) => {
    if (holdTimer && (e.key === "U" || e.key === "u" || e.key === "Control" || e.key === "Shift")) {
      clearTimeout(holdTimer);
      holdTimer = null;
    }
  });
}

// ---- The family setup ----------------------------------------------------

function radio(name, value, label, checked, onPick) {
  const wrap = el("label", "choice");
  const input = el("input");
  input.type = "radio";
  input.name = name;
  input.value = String(value);
  input.checked = checked;
  input.addEventListener("change", () => input.checked && onPick(value));
  wrap.append(input, el("span", null, label));
  return wrap;
}

async function fillNews() {
  let suggested = [];
  let mine = [];
  try {
    [suggested, mine] = await Promise.all([backend.suggestedSources(), backend.listSources()]);
  } catch (err) {
    console.warn("sources for the setup failed", err);
  }
  $("setup-news-list").replaceChildren(...suggested.map((s) => {
    const wrap = el("label", "choice");
    const box = el("input");
    box.type = "checkbox";
    box.dataset.feed = s.feed;
    box.dataset.title = s.title;
    box.checked = mine.some((m) => m.feedUrl === s.feed);
    box.disabled = box.checked; // already chosen: removing is in News sources
    const topic = s.topic;
    wrap.append(box, el("span", null, `${s.title} · ${t(`sources-topic-${topic}`)}`));
    return wrap;
  }));
}

function fillLook() {
  $("setup-size-list").replaceChildren(...limits.setupTextSizes.map((size) =>
    radio("setup-size", size, `${size} ${t("settings-unit-px")}`, settings.textSize === size,
      (v) => changeSettings({ textSize: v }))));
  for (const input of document.querySelectorAll("input[name=setup-theme]")) {
    input.checked = input.value === settings.theme;
  }
}

function fillListening() {
  $("setup-speed-list").replaceChildren(...limits.setupSpeechRates.map((rate) =>
    radio("setup-speed", rate, rateText(rate), Math.abs(settings.speechRate - rate) < 0.01, (v) => {
      noteSettings({ speechRate: v });
      backend.narrate({ action: "setRate", rate: v });
    })));
  $("setup-auto-read").checked = Boolean(settings.autoRead);
  $("setup-voice-message").hidden = true;
}

/** The sources ticked in step 1 (not yet chosen), as {title, feed}. */
function tickedSources() {
  return [...document.querySelectorAll("#setup-news-list input:checked:not(:disabled)")]
    .map((box) => ({ title: box.dataset.title, feed: box.dataset.feed }));
}

/** The lock chosen in step 4, as the shell takes it. */
function lockChoice() {
  return { simpleMode: $("setup-simple").checked, pin: $("setup-pin").value.trim() || null };
}

function showStep(n) {
  step = Math.max(0, Math.min(STEPS - 1, n));
  for (const section of document.querySelectorAll(".setup-step")) {
    section.hidden = Number(section.dataset.step) !== step;
  }
  $("setup-step-count").textContent = `${t("setup-step-before")} ${step + 1} ${t("setup-step-middle")} ${STEPS}`;
  $("setup-back").hidden = step === 0;
  $("setup-next").hidden = step === STEPS - 1;
  $("setup-message").hidden = true;
  if (step === 1) fillNews();
  if (step === 2) fillLook();
  if (step === 3) fillListening();
  const heading = document.querySelector(`.setup-step[data-step="${step}"] h2`);
  if (heading) focusVisibly(heading);
}

function say(message) {
  $("setup-message").textContent = message;
  $("setup-message").hidden = false;
  announce(message);
}

async function next() {
  if (step === 1) {
    const ticked = tickedSources();
    if (ticked.length) {
      try {
        await backend.chooseSources(ticked);
      } catch (err) {
        say(err.message || t("status-failed"));
        return;
      }
    }
  }
  showStep(step + 1);
}

/** "Use it on this computer": simple mode (if chosen) now, then Home. */
async function useHere() {
  const lock = lockChoice();
  try {
    if (lock.simpleMode) await backend.enterSimpleMode(lock.pin);
    await reloadSettings();
    go("home");
    announce(t("setup-done-here"));
  } catch (err) {
    say(err.message || t("status-failed"));
  }
}

/** "Save it to a file" for another computer: this one stays as it is. */
async function saveFile() {
  try {
    const written = await backend.exportFamilySetup(lockChoice());
    if (written) say(t("setup-saved"));
  } catch (err) {
    say(err.message || t("status-failed"));
  }
}

/** A setup prepared elsewhere, from a file: taken whole, or refused with nothing changed. */
async function takeFile() {
  try {
    const taken = await backend.importFamilySetup();
    if (!taken) return;
    await reloadSettings();
    go("home");
    announce(t("setup-taken"));
  } catch (err) {
    say(err.message || t("status-failed"));
  }
}

async function tryVoice() {
  const lang = (settings.uiLang || "").startsWith("zh") ? "zh" : "en";
  try {
    await backend.testVoice(lang);
  } catch (err) {
    $("setup-voice-message").textContent = err.message || t("status-failed");
    $("setup-voice-message").hidden = false;
    announce($("setup-voice-message").textContent);
  }
}

export function initFamily(shellLimits) {
  limits = shellLimits;
}

export function bindFamily() {
  onSettingsApplied(showSimple);
  onShow("unlock", showUnlock);
  onShow("setup", () => {
    $("setup-simple").checked = false;
    $("setup-pin").value = "";
    showStep(0);
  });
  $("home-unlock").addEventListener("click", () => go("unlock"));
  $("home-family-setup").addEventListener("click", () => go("setup"));
  $("settings-family-setup").addEventListener("click", () => go("setup"));
  $("unlock-back").addEventListener("click", back);
  $("unlock-form").addEventListener("submit", tryPin);
  $("setup-close").addEventListener("click", back);
  $("setup-back").addEventListener("click", () => showStep(step - 1));
  $("setup-next").addEventListener("click", next);
  $("setup-take-file").addEventListener("click", takeFile);
  $("setup-use-here").addEventListener("click", useHere);
  $("setup-save-file").addEventListener("click", saveFile);
  $("setup-try-voice").addEventListener("click", tryVoice);
  $("setup-auto-read").addEventListener("change", (e) => changeSettings({ autoRead: e.target.checked }));
  for (const input of document.querySelectorAll("input[name=setup-theme]")) {
    input.addEventListener("change", () => input.checked && changeSettings({ theme: input.value, themeChosen: true }));
  }
  watchHeldKey();
}
