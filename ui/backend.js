// The only module that talks to the Tauri shell (the proxy pattern of Chrome's
// reading mode): one function per command and event of docs/app.md, nothing
// else. No limit, rule or table of the Rust side is repeated here; the shell
// answers with them (startup's `limits`, clamped Settings, UiError families).
//
// Every command resolves with a value or rejects with a UiError
// {code, family, message}.

const { core, event } = window.__TAURI__;

const call = (cmd, args) => core.invoke(cmd, args);

/** {firstRun, open, welcome, notice, limits} */
export const startup = () => call("startup");
export const getSettings = () => call("get_settings");
/** Saves a partial Settings (also {textSizeSteps}, {resetTypography: true}); resolves with the clamped Settings. */
export const updateSettings = (patch) => call("update_settings", { patch });
export const uiStrings = () => call("ui_strings");
export const openWelcome = () => call("open_welcome");
export const openRecent = (id) => call("open_recent", { id });
/** The article on show, reworded for the UI language: {metaLine} or null. */
export const relabelArticle = () => call("relabel_article");
export const recentArticles = () => call("recent_articles");
export const clipboardUrl = () => call("clipboard_url");
export const pickFile = () => call("pick_file");
export const openInBrowser = (url) => call("open_in_browser", { url });
/** Sends a NarratorCommand ({action: "play" | "toggle" | ..., ...}); progress comes to onNarrator. */
export const narrate = (command) => call("narrate", { command });
export const narratorVoices = () => call("narrator_voices");
/** "Test the voice" for "zh" | "en": resolves with the VoiceInfo that spoke, or rejects saying what to install. */
export const testVoice = (lang) => call("test_voice", { lang });
/** Says `text` in the voice for `lang` (Settings' Say button): resolves with the VoiceInfo that spoke. */
export const sayText = (lang, text) => call("say_text", { lang, text });
/** The pronunciation dictionary: [{lang, word, say}]. */
export const pronunciations = () => call("pronunciations");
/** Adds {lang, word, say} (or changes how the word is said): resolves with the dictionary. */
export const setPronunciation = (entry) => call("set_pronunciation", { entry });
export const removePronunciation = (lang, word) => call("remove_pronunciation", { lang, word });
/** Native open dialog, then merges the file: resolves with the dictionary, or null if cancelled. */
export const importPronunciations = () => call("import_pronunciations");
/** F11: full screen on or off; resolves with whether the window is full screen now. */
export const toggleFullscreen = () => call("toggle_fullscreen");
/** Names the window after the page on show (an article's title, a view's name; null on Home). */
export const showPage = (page) => call("show_page", { page });

// The library (docs/app.md): kept articles, places, search, backup.
/** Keeps article `id` and its pictures for offline: resolves with {id, pictures, skipped}. */
export const keepArticle = (id) => call("keep_article", { id });
/** LibraryItem[], newest first. */
export const library = () => call("library");
/** SearchHit[] for the words typed; marked segments say what matched. */
export const searchLibrary = (query) => call("search_library", { query });
export const removeArticle = (id) => call("remove_article", { id });
export const undoRemove = (id) => call("undo_remove", { id });
/** The reading place is saved: the window, held by the shell, may close. */
export const closingSaved = () => call("closing_saved");

/** Calls `handler()` when the window is about to close (save now, then closingSaved). */
export function onClosing(handler) {
  return event.listen("closing", () => handler());
}

/** Kept articles removed this past week (LibraryItem[]), to bring back. */
export const removedArticles = () => call("removed_articles");
/** Saves the reading place {block, offset, sentence}; the caller debounces. */
export const savePosition = (id, place) => call("save_position", { id, place });
/** {item: LibraryItem, position: Position} for Home's "Continue reading", or null. */
export const continueReading = () => call("continue_reading");
/** Native save dialog, then the backup: resolves with the articles written, or null if cancelled. */
export const exportLibrary = () => call("export_library");
/** Native open dialog, then merges: resolves with an ImportReport, or null if cancelled. */
export const importLibrary = () => call("import_library");
/** Native save dialog, then article id as "html" or "markdown": resolves with the path written, or null if cancelled. */
export const exportArticle = (id, format) => call("export_article", { id, format });

// Home's news and the family's sources (docs/app.md).
/** HomeNews {sources, headlines: HeadlineCard[], problems: SourceProblem[]} from the store (offline). */
export const homeNews = () => call("home_news");
/** SourceItem[] in the family's order. */
export const listSources = () => call("list_sources");
/** Adds a site's or a feed's address: resolves with the SourceItem. */
export const addSource = (address) => call("add_source", { address });
export const removeSource = (id) => call("remove_source", { id });
/** Suggested {title, feed, topic}[] for the UI language. */
export const suggestedSources = () => call("suggested_sources");

/** Reads every source again; `onProgress({done, total})` after each; resolves with HomeNews. */
export function refreshSources(onProgress) {
  const progress = new core.Channel();
  progress.onmessage = onProgress;
  return call("refresh_sources", { progress });
}

/**
 * Opens headline `id` as openArticle does (progress stages), from its
 * fetched-ahead text when there is one: an ArticleView with {headline,
 * autoPlay}. `next`: the radio moved on by itself (the voice says "Next:").
 */
export function openHeadline(id, onProgress, next = false) {
  const progress = new core.Channel();
  progress.onmessage = onProgress;
  return call("open_headline", { id, next, progress });
}

/** "Read the headlines": {script, paragraphs} (the headline id of each of the script's paragraphs). */
export const readHeadlines = () => call("read_headlines");
/** The radio: the HeadlineCard to go on to after headline `after` (script `script`) was read to its end, or null. */
export const nextHeadline = (after, script) => call("next_headline", { after, script });

// The family setup and simple mode (docs/app.md).
/** {on, hasPin}: whether simple mode is on and whether leaving it needs the PIN. */
export const simpleMode = () => call("simple_mode");
/** Simple mode on with `pin` (4-8 digits) or null (then Ctrl+Shift+U held leaves it). */
export const enterSimpleMode = (pin) => call("enter_simple_mode", { pin });
/** {unlocked, waitSeconds, message}. */
export const unlock = (pin) => call("unlock", { pin });
export const unlockByKey = () => call("unlock_by_key");
/** Adds suggested sources [{title, feed}] without fetching: SourceItem[] after. */
export const chooseSources = (sources) => call("choose_sources", { sources });
/** Save dialog, then the setup with `lock` {simpleMode, pin} for the other computer: whether written. */
export const exportFamilySetup = (lock) => call("export_family_setup", { lock });
/** Open dialog, then the setup taken: the Settings now, or null if cancelled. */
export const importFamilySetup = () => call("import_family_setup");

/**
 * Opens an article; `onProgress` receives each {stage} the shell reports
 * ("fetching", "extracting", "done") through a Tauri Channel.
 */
export function openArticle(source, onProgress) {
  const progress = new core.Channel();
  progress.onmessage = onProgress;
  return call("open_article", { source, progress });
}

/** Calls `handler(source)` when a file is dropped on the window. */
export function onOpenRequest(handler) {
  return event.listen("open-request", (e) => handler(e.payload.source));
}

/** Calls `handler(NarratorEvent)` whenever the narrator's state changes. */
export function onNarrator(handler) {
  return event.listen("narrator", (e) => handler(e.payload));
}
