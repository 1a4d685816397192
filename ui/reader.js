// Opening an article (through Loading to the Reader, or to the error page)
// and showing it. The article arrives as an ArticleView (docs/app.md) and is
// built into the page by render.js.

import * as backend from "./backend.js";
import { showError } from "./errors.js";
import { setL10n, t } from "./l10n.js";
import { offerContinue, openedAt } from "./memory.js";
import { recountPlace, resetPlace } from "./place.js";
import { resetPlayer } from "./player.js";
import { renderArticle } from "./render.js";
import { resetToolbar } from "./toolbar.js";
import { $, announce, go } from "./views.js";

let article = null; // the ArticleView on show
let openToken = 0; // ignores answers to opens the reader has walked away from

/** The reader walked away from Loading: the answer on its way is no longer wanted. */
export function cancelOpen() {
  openToken++;
}

/** Runs one open (`action(onProgress)` → ArticleView) through Loading to Reader or Error. */
async function openWith(action, source) {
  const token = ++openToken;
  const again = () => openWith(action, source);
  // User Timing marks, for a profiler and the app bench: asked, answered
  // (the shell's part: fetch, extraction, the view), shown (the page built).
  performance.mark("open-asked");
  setL10n($("loading-stage"), "loading-fetching");
  go("loading");
  announce(t("status-opening"));
  const onProgress = (p) => {
    if (token === openToken && p && p.stage === "extracting") setL10n($("loading-stage"), "loading-extracting");
  };
  try {
    const view = await action(onProgress);
    performance.mark("open-answered");
    if (token === openToken) showArticle(view);
  } catch (err) {
    if (token === openToken) showError(err, { source, again });
  }
}

/** Opens an address or a file path (typed, pasted, dropped, a link in an article). */
export const openSource = (source) => openWith((onProgress) => backend.openArticle(source, onProgress), source);
/** Opens a remembered article (a RecentItem) from the store. */
export const openRecent = (item) => openWith(() => backend.openRecent(item.id), item.source);
export const openWelcome = () => openWith(() => backend.openWelcome(), null);
/**
 * Opens a headline of Home's news (a HeadlineCard): its text fetched ahead,
 * or its page; read aloud at once when auto-read is on. `next`: the radio
 * moved on to it by itself.
 */
export const openHeadline = (card, next = false) =>
  openWith((onProgress) => backend.openHeadline(card.id, onProgress, next), card.url);

/** The headline on show and its script's id (for the radio), or null. */
export function headlineOnShow() {
  return article && typeof article.headline === "number"
    ? { headline: article.headline, script: article.speech.id }
    : null;
}

function showArticle(view) {
  article = view;
  // The recent list shows what was opened; Home starts empty next time.
  $("address").value = "";
  // Opened where it was left (Continue offered): built whole, so the saved
  // paragraph is there to go to and to count. Otherwise a long article
  // shows its first screenful first.
  const { sentences, complete } = renderArticle(view, {
    article: $("article"), title: $("article-title"), meta: $("article-meta"), body: $("article-body"),
  }, openSource, { whole: Boolean(view.position) });
  complete.then((built) => {
    if (!built) return;
    recountPlace();
    performance.mark("open-complete");
  });
  resetPlayer(view.speech, sentences);
  resetToolbar();
  // The welcome article is not remembered: nothing to keep or copy.
  $("btn-keep").hidden = typeof view.id !== "number";
  $("btn-export").hidden = typeof view.id !== "number";
  showKept(Boolean(view.kept));
  openedAt(view);
  go("reader");
  resetPlace();
  offerContinue();
  announce(t("status-opened"));
  performance.mark("open-shown");
  // Auto-read (the family's choice): a headline is read aloud at once.
  if (view.autoPlay) backend.narrate({ action: "play" });
}

/** The Keep button says whether the article on show is kept. */
function showKept(kept) {
  setL10n($("btn-keep"), kept ? "reader-kept" : "reader-keep");
  $("btn-keep").setAttribute("aria-pressed", kept ? "true" : "false");
}

/**
 * Keep for offline (More's button, Ctrl+S): the article and its pictures go
 * into the library. Keeping again fetches pictures that were missing.
 */
export async function keepArticle() {
  const shown = article;
  if (!shown || typeof shown.id !== "number") return;
  try {
    const report = await backend.keepArticle(shown.id);
    if (article !== shown) return;
    shown.kept = true;
    showKept(true);
    announce(report && report.skipped > 0 ? `${t("status-kept-skipped")} ${report.skipped}` : t("status-kept"));
  } catch (err) {
    // Saving is off (a full disk, a read-only folder): say why, keep reading.
    announce(err && typeof err.message === "string" ? err.message : t("status-failed"));
  }
}

/**
 * "Save a copy to print or send": one HTML file with the pictures in it (the
 * shell asks where; Markdown is the command line's `export-article --markdown`).
 */
export async function exportArticle() {
  const shown = article;
  if (!shown || typeof shown.id !== "number") return;
  try {
    const path = await backend.exportArticle(shown.id, "html");
    if (path) announce(`${t("status-exported")} ${path}`);
  } catch (err) {
    announce(err && typeof err.message === "string" ? err.message : t("status-failed"));
  }
}

/**
 * The UI language changed: the shell rewords the meta line ("site · date ·
 * minutes") of the article on show. Only that line changes; the article is
 * not reopened, so the narrator reads on.
 */
export async function relabelArticle() {
  const shown = article;
  if (!shown) return;
  try {
    const relabel = await backend.relabelArticle();
    if (relabel && article === shown) {
      shown.metaLine = relabel.metaLine;
      $("article-meta").textContent = relabel.metaLine;
      $("article-meta").hidden = !relabel.metaLine;
    }
  } catch (err) {
    console.warn("relabel_article failed", err);
  }
}
