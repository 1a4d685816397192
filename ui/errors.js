// The error view: a calm full page. The shell's UiError says what went wrong
// in the reader's language (`message`), which kind of failure it is
// (`family`: the page's heading and hint, error-heading-<family> and
// error-hint-<family> in ui.ftl), and what can help (`actions`, best first:
// the page's buttons in that order, the first the main one). Which actions
// help which error is decided in the shell (reader-errors), never here.

import * as backend from "./backend.js";
import { chooseFile, editAddress } from "./home.js";
import { has, setL10n, t } from "./l10n.js";
import { $, announce, focusVisibly, go } from "./views.js";

let retry = null; // re-runs what failed, or null
let browserUrl = null; // http(s) address for "Open in web browser"
let address = ""; // what was being opened, for "Change the address"

const isWebUrl = (s) => typeof s === "string" && /^https?:\/\//i.test(s);

/** A UiError from the shell? Anything else (a bug, a refused command) is shown as "generic". */
function isUiError(err) {
  return Boolean(err) && typeof err === "object" && typeof err.code === "string"
    && typeof err.family === "string" && typeof err.message === "string";
}

const actionButtons = () => [...$("error-actions").querySelectorAll("button[data-action]")];
const buttonFor = (action) => actionButtons().find((b) => b.dataset.action === action) || null;

/** What each action does; an action only shows when it can be done here. */
const ACTIONS = {
  fixAddress: { can: () => true, run: () => editAddress(address) },
  tryAgain: { can: () => Boolean(retry), run: () => retry && retry() },
  openInBrowser: {
    can: () => Boolean(browserUrl),
    run: () => {
      if (browserUrl) backend.openInBrowser(browserUrl).catch((err) => console.warn("open_in_browser failed", err));
    },
  },
  chooseFile: { can: () => true, run: () => chooseFile() },
  home: { can: () => true, run: () => go("home") },
};

/**
 * Shows `err` on the error page. `source` = what was being opened (kept for
 * "Change the address"; an http(s) address for "Open in web browser");
 * `again` = what "Try again" re-runs (none: no "Try again").
 */
export function showError(err, { source = null, again = null } = {}) {
  const known = isUiError(err);
  // A family the strings do not know (a newer shell) reads as generic, never as a raw id.
  const family = known && has(`error-heading-${err.family}`) ? err.family : "generic";
  const message = known ? err.message : "";
  if (known) $("view-error").dataset.code = err.code;
  else delete $("view-error").dataset.code;
  setL10n($("error-title"), `error-heading-${family}`);
  setL10n($("error-hint"), `error-hint-${family}`);
  $("error-message").textContent = message;
  $("error-message").hidden = !message;
  // The shell's message already says what went wrong and what to do; the
  // family's general hint is for errors that come without one.
  $("error-hint").hidden = Boolean(message);
  retry = again;
  browserUrl = isWebUrl(source) ? source : null;
  address = typeof source === "string" ? source : "";
  const first = showActions(known && Array.isArray(err.actions) ? err.actions : []);
  go("error");
  // Focus lands on what helps most, described by the message: a screen
  // reader says the page (the window's name), the button, then what went
  // wrong. Orca says nothing for focus on a heading in WebKitGTK.
  first.setAttribute("aria-describedby", message ? "error-message" : "error-hint");
  focusVisibly(first);
  announce(t("status-failed"));
}

/**
 * The buttons of `actions`, in that order (the DOM order is the Tab order:
 * the first is the first stop after the heading), the first as the main
 * button; the start page always, last. Returns the first.
 */
function showActions(actions) {
  const shown = actions.filter((a) => ACTIONS[a] && ACTIONS[a].can() && buttonFor(a));
  if (!shown.includes("home")) shown.push("home");
  for (const button of actionButtons()) {
    button.hidden = true;
    button.classList.remove("primary");
    button.removeAttribute("aria-describedby");
  }
  const box = $("error-actions");
  shown.forEach((action, i) => {
    const button = buttonFor(action);
    button.hidden = false;
    button.classList.toggle("primary", i === 0);
    box.append(button);
  });
  return buttonFor(shown[0]);
}

export function bindErrors() {
  for (const button of actionButtons()) {
    button.addEventListener("click", () => {
      const action = ACTIONS[button.dataset.action];
      if (action) action.run();
    });
  }
}
