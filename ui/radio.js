// Listening like a radio: with auto-read on, a headline read to its end is
// followed by the next unread one (the voice says "Next: …" before its
// title), until the sleep timer or the listener stops it — Space pauses,
// as always. The sleep timer's button sits in the player's row: off, 15,
// 30, 60 minutes, the end of the article; the narrator keeps the time and
// stops at a sentence's end, the place kept like any pause.
//
// Which headline comes next, and whether one does, is the shell's answer.

import * as backend from "./backend.js";
import { t } from "./l10n.js";
import { headlineOnShow, openHeadline } from "./reader.js";
import { $, currentView } from "./views.js";

let sleep = { kind: "off" };

function labelSleep() {
  const button = $("player-sleep");
  const words = sleep.kind === "after"
    ? `${t("radio-sleep-after")} ${sleep.minutes} ${t("radio-sleep-minutes")}`
    : t(sleep.kind === "atEnd" ? "radio-sleep-at-end" : "radio-sleep-off");
  button.textContent = words;
  button.setAttribute("aria-pressed", sleep.kind === "off" ? "false" : "true");
}

async function goOn(after, script) {
  try {
    const next = await backend.nextHeadline(after, script);
    // The listener may have left the article meanwhile.
    const shown = headlineOnShow();
    if (next && shown && shown.headline === after && currentView() === "reader") openHeadline(next, true);
  } catch (err) {
    console.warn("next_headline failed", err);
  }
}

export function bindRadio() {
  backend.onNarrator((event) => {
    const status = event && event.status;
    if (!status) return;
    if (status.sleep) {
      sleep = status.sleep;
      labelSleep();
    }
    const shown = headlineOnShow();
    if (status.state === "finished" && !status.slept && shown && status.script === shown.script) {
      goOn(shown.headline, shown.script);
    }
  });
  $("player-sleep").addEventListener("click", () => backend.narrate({ action: "sleepNext" }));
}

/** The sleep button's words in the new language. */
export const relabelRadio = labelSleep;
