// Care Reader's window: boots the UI and wires the views together.
//
// All shell calls go through backend.js, all words through l10n.js, and all
// article content through render.js. The views and their roles:
//   views.js           the view stack, focus and scroll memory, the live region
//   settings.js        settings, the Settings sliders, theme and language
//   toolbar.js         the reader's toolbar: text size, More, colours
//   place.js           the reading place, the progress band, the pinned bar
//   memory.js          saving the place and the sentence; Continue on reopening
//   library.js         the kept articles, search, remove with undo
//   speech-settings.js the read-aloud part of Settings (speed, voices)
//   player.js          the read-aloud player, the highlight, narrator events
//   reader.js          opening and showing an article
//   home.js            address box, clipboard, file picker, recent list
//   errors.js          the error page
//   keys.js            the keyboard

import * as backend from "./backend.js";
import { bindErrors, showError } from "./errors.js";
import { bindHome } from "./home.js";
import { bindKeys, goBack } from "./keys.js";
import { bindFamily, initFamily } from "./family.js";
import { bindLibrary } from "./library.js";
import { bindNews } from "./news.js";
import { bindRadio, relabelRadio } from "./radio.js";
import { bindMemory } from "./memory.js";
import { applyStrings } from "./l10n.js";
import { bindPlace, readingPlace, relabelProgress, restorePlace } from "./place.js";
import { bindPlayer, updatePlayerControls } from "./player.js";
import { exportArticle, keepArticle, openSource, openWelcome, relabelArticle } from "./reader.js";
import { bindSources } from "./sources.js";
import { bindSettings, followSystemTheme, initSettings, onStringsChanged } from "./settings.js";
import { bindSpeechSettings } from "./speech-settings.js";
import { bindToolbar } from "./toolbar.js";
import { $, announce, currentView, go, keepPlace, onLeave, showNotice } from "./views.js";

/**
 * The window is named after what it shows (an article's title, a view's
 * heading; the app alone on Home). Orca speaks the active window's new name,
 * which is how a screen reader hears that a view changed: WebKitGTK tells it
 * nothing when focus lands on a heading.
 *
 * A moment after the change, once it has settled: a view change floods
 * Orca with events (a view's whole tree goes and another comes), and in a
 * flood Orca drops name changes, the more so when focus moves just after.
 */
const NAME_AFTER_MS = 300;
let naming = null;
function nameWindow(view) {
  clearTimeout(naming);
  naming = setTimeout(() => {
    const heading = view === "reader" ? $("article-title") : view === "home" ? null : $(`${view}-title`);
    backend.showPage(heading ? heading.textContent : null).catch(() => {});
  }, NAME_AFTER_MS);
}

function bind() {
  bindKeys();
  bindHome();
  bindPlace();
  bindMemory();
  bindLibrary();
  bindNews();
  bindFamily();
  bindRadio();
  onStringsChanged(relabelRadio);
  bindSources();
  bindToolbar();
  bindPlayer();
  bindSettings();
  bindSpeechSettings();
  bindErrors();

  $("loading-home").addEventListener("click", goBack);
  $("btn-back").addEventListener("click", goBack);
  $("settings-back").addEventListener("click", goBack);
  $("help-back").addEventListener("click", goBack);
  $("help-welcome").addEventListener("click", openWelcome);
  $("library-back").addEventListener("click", goBack);
  $("sources-back").addEventListener("click", goBack);
  $("btn-keep").addEventListener("click", keepArticle);
  $("btn-export").addEventListener("click", exportArticle);
  // Back to the reader from Settings or Help: the same paragraph at the top,
  // even when the text size changed meanwhile.
  keepPlace("reader", readingPlace, restorePlace);

  // A new UI language: the player's speed unit and the article's meta line
  // are worded too. The article is not reopened, so the voice reads on.
  onStringsChanged(updatePlayerControls);
  onStringsChanged(relabelArticle);
  onStringsChanged(relabelProgress);
  onLeave((from, to) => nameWindow(to));
  onStringsChanged(() => nameWindow(currentView()));

  backend.onOpenRequest(openSource);
}

/**
 * Start-up, timed with User Timing marks the app bench reads (every module
 * evaluated, handlers bound, the shell's answers in, the first view shown,
 * and the frame after it painted).
 */
async function start() {
  performance.mark("boot-modules");
  bind();
  performance.mark("boot-bound");
  try {
    const [boot, settings, strings] = await Promise.all([backend.startup(), backend.getSettings(), backend.uiStrings()]);
    performance.mark("boot-answered");
    // Before any view shows: the fonts are chosen per system (styles.css).
    document.documentElement.dataset.os = boot.os;
    applyStrings(strings);
    initSettings(boot.limits, settings);
    initFamily(boot.limits);
    if (!settings.themeChosen) followSystemTheme();
    if (boot.notice) {
      showNotice(boot.notice.message);
      announce(boot.notice.message);
    }
    if (boot.open) openSource(boot.open);
    else if (boot.welcome || boot.firstRun) openWelcome();
    else go("home");
    performance.mark("boot-shown");
    requestAnimationFrame(() => setTimeout(() => performance.mark("boot-painted"), 0));
  } catch (err) {
    showError(err, { again: () => location.reload() });
  }
}

start();
