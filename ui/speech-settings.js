// The read-aloud part of Settings: speed, a voice per language and "pause
// after each sentence". Each change goes to the narrator, which saves it in
// Settings and answers with a status (player.js).

import * as backend from "./backend.js";
import { t } from "./l10n.js";
import { narrate } from "./player.js";
import { noteSettings, onStringsChanged, rateText, settings } from "./settings.js";
import { $, onShow } from "./views.js";

let voices = null; // NarratorVoices once listed (slow the first time)

async function loadVoices() {
  if (voices && !voices.error) {
    showVoices();
    return;
  }
  $("voices-loading").hidden = false;
  for (const id of ["set-voice-zh", "set-voice-en"]) $(id).disabled = true;
  try {
    voices = await backend.narratorVoices();
  } catch (err) {
    const error = err && typeof err.message === "string" ? err : { message: t("error-hint-generic") };
    voices = { voices: { zh: [], en: [] }, chosen: { zh: null, en: null }, error };
  }
  $("voices-loading").hidden = true;
  showVoices();
}

function showVoices() {
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
  for (const id of ["set-voice-zh", "set-voice-en"]) {
    $(id).addEventListener("change", (e) => {
      const voice = e.target.value || null;
      const lang = e.target.dataset.lang;
      noteSettings({ [lang === "zh" ? "voiceZh" : "voiceEn"]: voice });
      narrate({ action: "setVoice", lang, voice });
    });
  }
}
