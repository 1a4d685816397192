// The pronunciation dictionary in Settings (读音纠正): the family's list of
// "word → how to say it", tried with a Say button, added, removed, and
// brought in from a file. The shell keeps it and the narrator applies it
// before every voice; a refused entry or file is said with the shell's
// localised message, and the list stays as it was.

import * as backend from "./backend.js";
import { t } from "./l10n.js";
import { onStringsChanged } from "./settings.js";
import { $, announce, onShow } from "./views.js";

let entries = []; // [{lang, word, say}], as the shell last answered

function showError(err) {
  const message = err && typeof err.message === "string" ? err.message : "";
  $("pron-error").textContent = message;
  $("pron-error").hidden = !message;
}

function showList(list) {
  if (Array.isArray(list)) entries = list;
  const rows = entries.map((entry) => {
    const li = document.createElement("li");
    li.className = "pron-row";
    li.lang = entry.lang === "zh" ? "zh-CN" : "en";
    const text = document.createElement("span");
    text.className = "pron-text";
    text.textContent = `${entry.word} → ${entry.say}`;
    const say = document.createElement("button");
    say.type = "button";
    say.className = "main-control";
    say.textContent = t("settings-pron-try");
    say.setAttribute("aria-label", `${t("settings-pron-try")}: ${entry.word} ${t("settings-pron-said-as")} ${entry.say}`);
    say.addEventListener("click", () => tryReading(entry.lang, entry.say));
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "main-control";
    remove.textContent = t("settings-pron-remove");
    remove.setAttribute("aria-label", `${t("settings-pron-remove")}: ${entry.word}`);
    remove.addEventListener("click", () => removeEntry(entry));
    li.append(text, say, remove);
    return li;
  });
  $("pron-list").replaceChildren(...rows);
  $("pron-empty").hidden = entries.length > 0;
}

async function load() {
  try {
    showList(await backend.pronunciations());
    showError(null);
  } catch (err) {
    showError(err);
  }
}

async function tryReading(lang, text) {
  if (!text.trim()) return;
  try {
    await backend.sayText(lang, text);
    showError(null);
  } catch (err) {
    showError(err);
  }
}

async function addEntry() {
  const entry = { lang: $("pron-lang").value, word: $("pron-word").value, say: $("pron-say").value };
  try {
    showList(await backend.setPronunciation(entry));
    showError(null);
    announce(`${t("settings-pron-added")} ${entry.word.trim()}`);
    $("pron-word").value = "";
    $("pron-say").value = "";
    $("pron-word").focus();
  } catch (err) {
    showError(err);
  }
}

async function removeEntry(entry) {
  try {
    showList(await backend.removePronunciation(entry.lang, entry.word));
    showError(null);
    announce(`${t("settings-pron-removed")} ${entry.word}`);
    $("pron-word").focus();
  } catch (err) {
    showError(err);
  }
}

async function importFile() {
  try {
    const list = await backend.importPronunciations();
    if (list === null) return; // cancelled
    showList(list);
    showError(null);
    announce(`${t("settings-pron-imported")} ${entries.length}`);
  } catch (err) {
    showError(err);
  }
}

export function bindPronunciations() {
  onShow("settings", load);
  // The rows' button words follow the UI language.
  onStringsChanged(() => showList(null));
  $("pron-try").addEventListener("click", () => tryReading($("pron-lang").value, $("pron-say").value));
  $("pron-add").addEventListener("click", addEntry);
  $("pron-say").addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      addEntry();
    }
  });
  $("pron-import").addEventListener("click", importFile);
}
