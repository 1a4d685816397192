// The reader's toolbar: one calm row at rest (Back, Listen, text size, More).
// More opens a row of the other tools in place — a disclosure that pushes
// the article down, never a menu that floats over it — and Escape closes it.
// The buttons say what they would do: the colours button names the colours
// in use, and the text-size buttons say when the text is already at its
// largest or smallest.

import { setL10n, t } from "./l10n.js";
import { keepingPlace } from "./place.js";
import { cycleTheme, onSettingsApplied, stepTextSize, textSizeEnd } from "./settings.js";
import { $, announce, focusVisibly, go } from "./views.js";

/** Opens or closes the More row; the paragraph at the top stays there. */
function setMore(open) {
  keepingPlace(() => {
    $("btn-more").setAttribute("aria-expanded", open ? "true" : "false");
    $("more-panel").hidden = !open;
  });
}

/** Escape closes More first (focus back on its button); true when it was open. */
export function closeMore() {
  if ($("more-panel").hidden) return false;
  setMore(false);
  focusVisibly($("btn-more"));
  return true;
}

/** A new article: the toolbar at rest. */
export function resetToolbar() {
  setMore(false);
}

/**
 * Words the buttons after the settings in force: the colours in use, and
 * "Largest text" on the larger button once there is no larger size (it stays
 * focusable, so a screen reader hears why nothing grows).
 */
function wordButtons(s) {
  const theme = s.theme;
  setL10n($("btn-theme"), `reader-theme-${theme}`);
  const end = textSizeEnd(s.textSize);
  const larger = $("btn-larger");
  const smaller = $("btn-smaller");
  setL10n(larger, end === "largest" ? "reader-largest" : "reader-larger");
  setL10n(smaller, end === "smallest" ? "reader-smallest" : "reader-smaller");
  larger.setAttribute("aria-disabled", end === "largest" ? "true" : "false");
  smaller.setAttribute("aria-disabled", end === "smallest" ? "true" : "false");
}

/** A text-size button: one step, or at an end, say so again. */
function textSizeButton(steps) {
  const button = steps > 0 ? $("btn-larger") : $("btn-smaller");
  if (button.getAttribute("aria-disabled") === "true") {
    announce(t(steps > 0 ? "reader-largest" : "reader-smallest"));
    return;
  }
  stepTextSize(steps);
}

export function bindToolbar() {
  $("btn-smaller").addEventListener("click", () => textSizeButton(-1));
  $("btn-larger").addEventListener("click", () => textSizeButton(+1));
  $("btn-more").addEventListener("click", () => {
    const open = $("more-panel").hidden;
    setMore(open);
    if (open) announce(t("status-more-open"));
  });
  $("btn-theme").addEventListener("click", cycleTheme);
  $("btn-settings").addEventListener("click", () => go("settings"));
  $("btn-help").addEventListener("click", () => go("help"));
  onSettingsApplied(wordButtons);
}
