// The read-aloud part of Settings: speed, a voice per language with "Test
// the voice", and "pause after each sentence". Each change goes to the
// narrator, which saves it in Settings and answers with a status
// (player.js). A language without a voice is said at once, with what to
// install (the shell's localised message). The pronunciation dictionary is
// pronunciations.js.

import * as backend from "./backend.js";
import { t } from "./l10n.js";
import { narrate } from "./player.js";
import { bindPronunciations } from "./pronunciations.js";
import { noteSettings, onStringsChanged, rateText, settings } from "./settings.js";
import { $, announce, onShow } from "./views.js";

let voices = null; // NarratorVoices once listed (slow the first time)
let listing = false; // the list is being asked for

async function loadVoices() {
  if (voices && !voices.error) {
    showVoices();
    return;
  }
  // The wait is said inside the voice boxes themselves: a line that came and
  // went above the rest of Settings moved every control below it while the
  // reader was aiming at one (a click on 中文 landed on English).
  listing = true;
  showListing();
  try {
    voices = await backend.narratorVoices();
  } catch (err) {
    const error = err && typeof err.message === "string" ? err : { message: t("error-hint-generic") };
    voices = { voices: { zh: [], en: [] }, chosen: { zh: null, en: null }, error };
  }
  listing = false;
  showVoices();
}

/** Each voice box says the voices are being looked for, and waits. */
function showListing() {
  for (const id of ["set-voice-zh", "set-voice-en"]) {
    const waiting = document.createElement("option");
    waiting.value = "";
    waiting.textContent = t("settings-voices-loading");
    $(id).replaceChildren(waiting);
    $(id).disabled = true;
  }
}

function showVoices() {
  if (listing) {
    showListing();
    return;
  }
  if (!voices) return;
  const error = voices.error && voices.error.message ? voices.error.message : "";
  $("voices-error").textContent = error;
  $("voices-error").hidden = !error;
  $("voices").hidden = Boolean(error);
  for (const [lang, key] of [["zh", "voiceZh"], ["en", "voiceEn"]]) {
    const select = $(`set-voice-${lang}`);
    const auto = document.createElement("option");
    auto.value = "";
    auto.textContent = t("settings-voice-auto");
    const options = [auto, ...((voices.voices && voices.voices[lang]) || []).map((voice) => {
      const o = document.createElement("option");
      o.value = voice.id;
      o.textContent = voice.name && voice.name !== voice.id ? `${voice.name} (${voice.lang})` : `${voice.id} (${voice.lang})`;
      return o;
    })];
    select.replaceChildren(...options);
    select.value = settings[key] || "";
    if (select.selectedIndex < 0) select.value = "";
    select.disabled = false;
  }
  // A language with no voice at all: say so now, naming what to install.
  const missing = error ? null : ["zh", "en"].find((lang) => !(voices.voices && voices.voices[lang] || []).length);
  if (missing) testVoice(missing);
  else showTestError(null);
}

function showTestError(err) {
  const message = err && typeof err.message === "string" ? err.message : "";
  $("voice-test-error").textContent = message;
  $("voice-test-error").hidden = !message;
}

/** "Test the voice": a sample sentence in the language's voice, or why none can say it. */
async function testVoice(lang) {
  try {
    const voice = await backend.testVoice(lang);
    showTestError(null);
    announce(`${t("settings-voice-test-playing")} ${voice.name || voice.id}`);
  } catch (err) {
    showTestError(err && err.message ? err : { message: t("error-hint-generic") });
  }
}

export function bindSpeechSettings() {
  onShow("settings", loadVoices);
  // The "auto" choice is worded.
  onStringsChanged(showVoices);
  $("set-speech-rate").addEventListener("input", (e) => {
    const shown = rateText(e.target.value);
    $("out-speech-rate").textContent = shown;
    e.target.setAttribute("aria-valuetext", shown);
  });
  $("set-speech-rate").addEventListener("change", (e) => {
    const rate = Number(e.target.value);
    noteSettings({ speechRate: rate });
    narrate({ action: "setRate", rate });
  });
  $("set-sentence-mode").addEventListener("change", (e) => {
    noteSettings({ sentenceMode: e.target.checked });
    narrate({ action: "setSentenceMode", on: e.target.checked });
  });
  for (const id of ["test-voice-zh", "test-voice-en"]) {
    $(id).addEventListener("click", (e) => testVoice(e.currentTarget.dataset.lang));
  }
  bindPronunciations();
  for (const id of ["set-voice-zh", "set-voice-en"]) {
    $(id).addEventListener("change", (e) => {
      const voice = e.target.value || null;
      const lang = e.target.dataset.lang;
      noteSettings({ [lang === "zh" ? "voiceZh" : "voiceEn"]: voice });
      narrate({ action: "setVoice", lang, voice });
    });
  }
}
