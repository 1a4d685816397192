// The view stack: exactly one view is visible at a time. Going back returns
// to the previous view as it was left (focus and scroll); the one live region
// says what changed.
//
// Other modules hook in with onShow (a view came up) and onLeave (the reader
// moved from one view to another), so this module needs none of them.

export const $ = (id) => document.getElementById(id);

const VIEWS = ["home", "loading", "reader", "library", "sources", "setup", "unlock", "settings", "error", "help"];

// Where focus lands when a view opens: the heading (tabindex=-1), so a screen
// reader says where we are; on Home, the address box, the thing to do there.
const START_FOCUS = {
  home: "address", loading: "loading-title", reader: "article-title",
  library: "library-title", sources: "sources-title", setup: "setup-title", unlock: "unlock-title",
  settings: "settings-title", error: "error-title", help: "help-title",
};

// Views to go back through with Escape / Back. Home and Reader start a new
// history; Loading and Error stand in for each other at the top.
let stack = [];
const focusMemory = new Map(); // view -> element that had focus when we left it
const scrollMemory = new Map(); // view -> where it was scrolled to when we left it
const placeKeepers = new Map(); // view -> {save, restore}: its own idea of "where"
const showHooks = new Map(); // view -> [fn]
const leaveHooks = []; // fn(from, to)

/** Calls `fn()` each time `name` comes up, by go() or by back(). */
export function onShow(name, fn) {
  if (!showHooks.has(name)) showHooks.set(name, []);
  showHooks.get(name).push(fn);
}

/**
 * `name` keeps its place its own way instead of by pixels: `save()` when the
 * reader leaves it, `restore(saved)` on the way back (the reader's place
 * survives a text-size change made in Settings).
 */
export function keepPlace(name, save, restore) {
  placeKeepers.set(name, { save, restore });
}

/** Calls `fn(from, to)` at every change of view. */
export function onLeave(fn) {
  leaveHooks.push(fn);
}

export function currentView() {
  return stack[stack.length - 1] || null;
}

/** Shows `name` as a new step (focus on its heading or first control). */
export function go(name) {
  const from = currentView();
  remember(from);
  if (name === "home" || name === "reader") stack = [name];
  else if (isTransient(from) && isTransient(name)) stack[stack.length - 1] = name;
  else if (from !== name) stack.push(name);
  arrive(from, name);
  window.scrollTo(0, 0);
  focusStart(name);
}

/** Escape / Back: the previous view as it was left, or Home. */
export function back() {
  const from = currentView();
  if (stack.length < 2) {
    if (from !== "home") go("home");
    return;
  }
  stack.pop();
  const to = currentView();
  arrive(from, to);
  const keeper = placeKeepers.get(to);
  if (keeper) keeper.restore(scrollMemory.get(to));
  else window.scrollTo(0, scrollMemory.get(to) || 0);
  const el = focusMemory.get(to);
  if (el && el.isConnected && el.offsetParent !== null) focusVisibly(el);
  else focusStart(to);
}

const isTransient = (name) => name === "loading" || name === "error";

function arrive(from, to) {
  for (const fn of leaveHooks) fn(from, to);
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== to;
  for (const fn of showHooks.get(to) || []) fn();
}

function remember(name) {
  if (!name) return;
  const keeper = placeKeepers.get(name);
  scrollMemory.set(name, keeper ? keeper.save() : window.scrollY);
  if ($(`view-${name}`).contains(document.activeElement)) focusMemory.set(name, document.activeElement);
}

function focusStart(name) {
  const el = $(START_FOCUS[name]);
  // WebKitGTK scrolls a text box that gets the focus before its view is
  // laid out into view later, whatever preventScroll said (Home opened
  // 254 px down on its address box): lay the view out first. Only for a
  // text box: for other controls a layout between showing the view and
  // focusing in it made Orca say the window's name instead of theirs.
  if (el.tagName === "INPUT" && el.type !== "range") void document.documentElement.offsetHeight;
  focusVisibly(el);
}

/**
 * Moves focus to `el` with its ring showing, whatever moved it: after a view
 * change or a question appearing the reader must see where they are, also
 * when the last thing they did was a click (WCAG 2.4.7).
 */
export function focusVisibly(el) {
  document.documentElement.dataset.input = "keyboard";
  el.focus({ preventScroll: true });
}

/**
 * A notice that stays on Home (the store was set aside at startup, saving
 * is off); here rather than in home.js so any view can leave one.
 */
export function showNotice(message) {
  $("home-notice").textContent = message;
  $("home-notice").hidden = !message;
}

let savingTold = false; // the reader has heard that saving is off

/**
 * A save the shell could not make (saving is off: a full disk, a read-only
 * folder): its message is said once and stays on Home; reading and
 * listening go on.
 */
export function savingFailed(err) {
  if (savingTold || !err || typeof err.message !== "string" || !err.message) return;
  savingTold = true;
  showNotice(err.message);
  announce(err.message);
}

/** The one live region: short state changes, never article text. */
export function announce(message) {
  const status = $("status");
  status.textContent = "";
  // A fresh text node a moment later makes screen readers repeat an identical message.
  setTimeout(() => { status.textContent = message; }, 60);
}
