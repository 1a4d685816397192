// Care Reader's window: boots the UI and wires the views together.
//
// All shell calls go through backend.js, all words through l10n.js, and all
// article content through render.js. The views and their roles:
//   views.js           the view stack, focus and scroll memory, the live region
//   settings.js        settings, the Settings sliders, theme and language
//   speech-settings.js the read-aloud part of Settings (speed, voices)
//   player.js          the read-aloud player, the highlight, narrator events
//   reader.js          opening and showing an article
//   home.js            address box, clipboard, file picker, recent list
//   errors.js          the error page
//   keys.js            the keyboard

import * as backend from "./backend.js";
import { bindErrors, showError } from "./errors.js";
import { bindHome, showNotice } from "./home.js";
import { bindKeys, goBack } from "./keys.js";
import { applyStrings } from "./l10n.js";
import { bindPlayer, updatePlayerControls } from "./player.js";
import { openSource, openWelcome, relabelArticle } from "./reader.js";
import { bindSettings, cycleTheme, followSystemTheme, initSettings, onStringsChanged, stepTextSize } from "./settings.js";
import { bindSpeechSettings } from "./speech-settings.js";
import { $, announce, go } from "./views.js";

function bind() {
  bindKeys();
  bindHome();
  bindPlayer();
  bindSettings();
  bindSpeechSettings();
  bindErrors();

  $("loading-home").addEventListener("click", goBack);
  $("btn-back").addEventListener("click", goBack);
  $("btn-smaller").addEventListener("click", () => stepTextSize(-1));
  $("btn-larger").addEventListener("click", () => stepTextSize(+1));
  $("btn-theme").addEventListener("click", cycleTheme);
  $("btn-settings").addEventListener("click", () => go("settings"));
  $("settings-back").addEventListener("click", goBack);
  $("help-back").addEventListener("click", goBack);

  // A new UI language: the player's speed unit and the article's meta line
  // are worded too. The article is not reopened, so the voice reads on.
  onStringsChanged(updatePlayerControls);
  onStringsChanged(relabelArticle);

  backend.onOpenRequest(openSource);
}

async function start() {
  bind();
  try {
    const [boot, settings, strings] = await Promise.all([backend.startup(), backend.getSettings(), backend.uiStrings()]);
    applyStrings(strings);
    initSettings(boot.limits, settings);
    if (!settings.themeChosen) followSystemTheme();
    if (boot.notice) {
      showNotice(boot.notice.message);
      announce(boot.notice.message);
    }
    if (boot.open) openSource(boot.open);
    else if (boot.welcome || boot.firstRun) openWelcome();
    else go("home");
  } catch (err) {
    showError(err, { again: () => location.reload() });
  }
}

start();
