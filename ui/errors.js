// The error view: a calm full page. The shell's UiError says what went wrong
// in the reader's language (`message`) and which kind of failure it is
// (`family`), which picks the page's heading and hint (error-heading-<family>,
// error-hint-<family> in ui.ftl).

import * as backend from "./backend.js";
import { has, setL10n, t } from "./l10n.js";
import { $, announce, go } from "./views.js";

let retry = null; // re-runs what failed, or null
let browserUrl = null; // http(s) address for "Open in web browser"

const isWebUrl = (s) => typeof s === "string" && /^https?:\/\//i.test(s);

/** A UiError from the shell? Anything else (a bug, a refused command) is shown as "generic". */
function isUiError(err) {
  return Boolean(err) && typeof err === "object" && typeof err.code === "string"
    && typeof err.family === "string" && typeof err.message === "string";
}

/**
 * Shows `err` on the error page. `source` = what was being opened (an http(s)
 * address offers "Open in web browser"); `again` = what Retry re-runs (none: no Retry).
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
  $("error-browser").hidden = !browserUrl;
  $("error-retry").hidden = !retry;
  go("error");
  announce(t("status-failed"));
}

export function bindErrors() {
  $("error-retry").addEventListener("click", () => retry && retry());
  $("error-browser").addEventListener("click", () => {
    if (browserUrl) backend.openInBrowser(browserUrl).catch((err) => console.warn("open_in_browser failed", err));
  });
  $("error-home").addEventListener("click", () => go("home"));
}
