// The only module that talks to the Tauri shell (the proxy pattern of Chrome's
// reading mode): app.js calls these functions and never sees window.__TAURI__.
//
// In a plain browser (no __TAURI__), a small fake answers instead, so the UI can
// be looked at and checked without the shell: settings live in memory, strings
// come from assets/locales/<lang>/ui.ftl (serve the repository root over http),
// and two canned articles stand in for real pages. Query parameters tune the
// fake: ?lang=en-US, ?theme=dark, ?firstRun, ?welcome, ?open=<source>,
// ?clipboard=none, ?speech=missing (the narrator has no speech service).
// The fake narrator steps through the sentences on a timer, so the player
// and the highlight can be tried without a voice.
//
// Every command resolves with a value or rejects with {code, message}
// (docs/app.md); the fake keeps that promise too.

const tauri = window.__TAURI__;

/** True when running without the shell (in a browser, for development). */
export const isFake = !tauri;

const call = (cmd, args) => (tauri ? tauri.core.invoke(cmd, args) : fake(cmd, args || {}));

export const getSettings = () => call("get_settings");
export const updateSettings = (patch) => call("update_settings", { patch });
export const uiStrings = () => call("ui_strings");
export const startup = () => call("startup");
export const openWelcome = () => call("open_welcome");
export const openRecent = (id) => call("open_recent", { id });
export const recentArticles = () => call("recent_articles");
export const clipboardUrl = () => call("clipboard_url");
export const pickFile = () => call("pick_file");
export const openInBrowser = (url) => call("open_in_browser", { url });
/** Sends a NarratorCommand ({action: "play" | "toggle" | ..., ...}); progress comes to onNarrator. */
export const narrate = (command) => call("narrate", { command });
export const narratorVoices = () => call("narrator_voices");

/**
 * Opens an article; `onProgress` receives each {stage} the shell reports
 * ("fetching", "extracting", "done") through a Tauri Channel.
 */
export function openArticle(source, onProgress) {
  if (!tauri) return fakeOpenArticle(source, onProgress);
  const progress = new tauri.core.Channel();
  progress.onmessage = onProgress;
  return tauri.core.invoke("open_article", { source, progress });
}

/** Calls `handler(source)` when a file is dropped on the window. */
export function onOpenRequest(handler) {
  if (!tauri) {
    fakeOpenRequestHandler = handler;
    return;
  }
  tauri.event.listen("open-request", (event) => handler(event.payload.source));
}

/** Calls `handler(NarratorEvent)` whenever the narrator's state changes. */
export function onNarrator(handler) {
  if (!tauri) {
    fakeNarratorHandler = handler;
    return;
  }
  tauri.event.listen("narrator", (event) => handler(event.payload));
}

// ---------------------------------------------------------------------------
// The fake backend. Everything below is sample data, not UI text.

const params = new URLSearchParams(location.search);
let fakeOpenRequestHandler = null;
let fakeNarratorHandler = null;
const TEXT_SIZES = [18, 20, 22, 24, 28, 32, 36, 40, 48, 56, 64, 72, 80, 96];
const DEFAULTS = {
  textSize: 24, lineHeight: 1.8, letterSpacing: 0, wordSpacing: 0, contentWidth: 34,
  theme: "care", uiLang: "zh-CN", themeChosen: false,
  speechRate: 1, voiceZh: null, voiceEn: null, sentenceMode: false,
};
let fakeSettings = {
  ...DEFAULTS,
  uiLang: params.get("lang") || DEFAULTS.uiLang,
  theme: params.get("theme") || DEFAULTS.theme,
  themeChosen: !params.has("firstRun"),
};

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
const snap = (v, step) => Math.round(v / step) * step;

function clampSettings(s) {
  const nearestSize = TEXT_SIZES.reduce((a, b) => (Math.abs(b - s.textSize) < Math.abs(a - s.textSize) ? b : a));
  return {
    ...s,
    textSize: nearestSize,
    lineHeight: +snap(clamp(s.lineHeight, 1.5, 2.5), 0.1).toFixed(1),
    letterSpacing: +snap(clamp(s.letterSpacing, 0, 0.12), 0.02).toFixed(2),
    wordSpacing: +snap(clamp(s.wordSpacing, 0, 0.32), 0.04).toFixed(2),
    contentWidth: snap(clamp(s.contentWidth, 20, 40), 2),
    theme: ["care", "dark", "contrast"].includes(s.theme) ? s.theme : "care",
    uiLang: s.uiLang === "en-US" ? "en-US" : "zh-CN",
    speechRate: +snap(clamp(Number(s.speechRate) || 1, 0.5, 3), 0.05).toFixed(2),
  };
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fake(cmd, args) {
  await delay(20);
  switch (cmd) {
    case "get_settings": return { ...fakeSettings };
    case "update_settings":
      fakeSettings = clampSettings({ ...fakeSettings, ...args.patch });
      return { ...fakeSettings };
    case "ui_strings": return fakeStrings(fakeSettings.uiLang);
    case "startup": return {
      firstRun: params.has("firstRun"),
      open: params.get("open"),
      welcome: params.has("welcome"),
      notice: null,
    };
    case "open_welcome": return sampleView(fakeSettings.uiLang === "en-US" ? "en" : "zh", "welcome");
    case "open_recent": return sampleView(args.id % 2 ? "zh" : "en", `https://example.com/recent/${args.id}`);
    case "recent_articles": return [
      { id: 1, title: "秋天的早晨，去公园走一走", site: "关怀日报", source: "https://news.example.cn/autumn", openedAt: "2025-07-09T08:30:00+08:00" },
      { id: 2, title: "Five easy stretches for a good morning", site: "Care Daily", source: "https://news.example.com/stretches", openedAt: "2025-07-08T19:02:00+08:00" },
    ];
    case "clipboard_url": return params.get("clipboard") === "none" ? null : "https://news.example.com/2025/07/morning-walks";
    case "pick_file": return "/home/reader/saved-page.html";
    case "open_in_browser": console.info("fake: open in browser", args.url); return null;
    case "narrate": fakeNarrate(args.command || {}); return null;
    case "narrator_voices":
      await delay(600); // the real engine is slow the first time
      if (params.get("speech") === "missing") {
        return { voices: { zh: [], en: [] }, chosen: { zh: null, en: null }, error: fakeSpeechError() };
      }
      return {
        voices: {
          zh: [{ id: "zh-female", name: "Mandarin (female)", lang: "zh" }, { id: "zh-male", name: "Mandarin (male)", lang: "zh" }],
          en: [{ id: "en-gb", name: "English (Great Britain)", lang: "en-GB" }, { id: "en-us", name: "English (America)", lang: "en-US" }],
        },
        chosen: { zh: fakeSettings.voiceZh || "zh-female", en: fakeSettings.voiceEn || "en-gb" },
        error: null,
      };
    default: throw { code: "unknown-command", message: cmd };
  }
}

// Fake errors: a source containing "unreachable" fails as the shell would;
// "error-<code>" in a source fails with that code (to look at every error page).
const FAKE_MESSAGES = {
  "zh-CN": { unreachable: "连不上网站 news.example.com。请检查网络是否连通，然后再试一次。", other: "（示例）这个网页没能打开。" },
  "en-US": { unreachable: "Could not reach news.example.com. Check your internet connection and try again.", other: "(Sample) This page could not be opened." },
};

async function fakeOpenArticle(source, onProgress) {
  onProgress({ stage: "fetching" });
  await delay(400);
  const messages = FAKE_MESSAGES[fakeSettings.uiLang];
  if (source.includes("unreachable")) throw { code: "unreachable", message: messages.unreachable };
  const forced = /error-([a-z-]+)/.exec(source);
  if (forced) throw { code: forced[1], message: messages.other };
  onProgress({ stage: "extracting" });
  await delay(400);
  onProgress({ stage: "done" });
  return sampleView(/\.cn\b|163|zh|saved-page/.test(source) ? "zh" : "en", source);
}

// Reads ui.ftl with a deliberately small Fluent subset: `id = value`,
// indented continuation lines, and `.attr = value` attributes (flattened to
// "id.attr", as the shell does). Comments and blank lines are skipped.
async function fakeStrings(lang) {
  const messages = {};
  try {
    const url = new URL(`../assets/locales/${lang}/ui.ftl`, import.meta.url);
    const text = await (await fetch(url)).text();
    let id = null;
    for (const line of text.split("\n")) {
      const message = /^([a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
      const attr = /^\s+\.([\w-]+)\s*=\s*(.*)$/.exec(line);
      if (message) {
        id = message[1];
        if (message[2]) messages[id] = message[2];
      } else if (attr && id) {
        messages[`${id}.${attr[1]}`] = attr[2];
      } else if (/^\s+\S/.test(line) && id && messages[id] !== undefined) {
        messages[id] += "\n" + line.trim();
      } else if (!line.startsWith(" ")) {
        id = null;
      }
    }
  } catch (err) {
    console.warn("fake backend: could not read ui.ftl (serve the repository root over http)", err);
  }
  return { lang, messages };
}

const IMAGE = new URL("fake/sample-photo.svg", import.meta.url).href;
const text = (t) => ({ type: "text", text: t });

const SAMPLES = {
  zh: {
    metaLine: "关怀日报 · 2025年7月9日 · 约 3 分钟",
    article: {
      title: "秋天的早晨，去公园走一走", byline: "李文", site_name: "关怀日报",
      published: "2025-07-09", lang: "zh-CN", dir: "ltr", url: "https://news.example.cn/autumn",
      lead_image: null, excerpt: null, word_count: 620, reading_minutes: 3,
      blocks: [
        { type: "paragraph", content: [text("天气凉下来以后，很多老人喜欢早上到公园散步。医生说，每天走上半个小时，对心脏和睡眠都有好处。")] },
        { type: "image", src: IMAGE, alt: "湖边的小路，两旁是黄色的银杏树", caption: "公园湖边的银杏小路", credit: "摄影：王明" },
        { type: "heading", level: 2, content: [text("出门前要注意什么")] },
        { type: "list", ordered: true, items: [
          [text("穿一双合脚、防滑的鞋。")],
          [text("早上气温低，多带一件外套。")],
          [text("带上手机和常用的药。")],
        ] },
        { type: "quote", paragraphs: [[text("“慢慢走，不着急。走累了就坐下来歇一歇。”")], [text("——社区医生张大夫")]] },
        { type: "paragraph", content: [text("想了解更多，可以看看"), { type: "link", text: "社区活动安排", href: "https://news.example.cn/events" }, text("，或者"), { type: "link", text: "这篇打不开的文章", href: "https://unreachable.example.cn/" }, text("。")] },
        { type: "paragraph", content: [text("The park opens at 6 a.m. every day."), { type: "break" }, text("公园每天早上六点开门。")] },
        { type: "table", rows: [["时间", "活动"], ["早上 7 点", "太极拳"], ["上午 9 点", "合唱团"]] },
      ],
    },
  },
  en: {
    metaLine: "Care Daily · 9 July 2025 · about 3 minutes",
    article: {
      title: "Five easy stretches for a good morning", byline: "Ann Lee", site_name: "Care Daily",
      published: "2025-07-08", lang: "en", dir: "ltr", url: "https://news.example.com/stretches",
      lead_image: null, excerpt: null, word_count: 540, reading_minutes: 3,
      blocks: [
        { type: "paragraph", content: [text("A few gentle stretches after waking up help the body feel lighter for the rest of the day. You only need a chair and five minutes.")] },
        { type: "image", src: IMAGE, alt: "A path beside a lake, lined with yellow trees", caption: "A quiet morning in the park", credit: "Photo: M. Wang" },
        { type: "heading", level: 2, content: [text("Before you begin")] },
        { type: "list", ordered: false, items: [
          [text("Sit on a steady chair without wheels.")],
          [text("Breathe slowly; never hold your breath.")],
          [text("Stop if anything hurts.")],
        ] },
        { type: "quote", paragraphs: [[text("“Move a little every day, and the day moves with you.”")]] },
        { type: "paragraph", content: [text("Read more in "), { type: "link", text: "our health pages", href: "https://news.example.com/health" }, text(" or try "), { type: "link", text: "a page that cannot be reached", href: "https://unreachable.example.com/" }, text(".")] },
        { type: "paragraph", content: [text("Go slowly at first. "), { type: "link", text: "Ask your doctor. They know", href: "https://news.example.com/doctor" }, text(" what suits you best.")] },
        { type: "paragraph", content: [text("中文读者：这些动作每天做一次就够了。")] },
        { type: "preformatted", text: "Morning   Neck turns    5 times\nNoon      Shoulder rolls 10 times" },
      ],
    },
  },
};

let nextFakeId = 10;
function sampleView(which, source) {
  const view = { id: nextFakeId++, source, ...structuredClone(SAMPLES[which]) };
  view.speech = fakeSpeech(view.article);
  fakeLoad(view.speech);
  return view;
}

// The fake narrator's script: sentences cut after 。！？.!? (and a line break),
// located as the real one locates them (docs/app.md, Speech).
function fakeSpeech(article) {
  const sentences = [];
  const paragraphs = [];
  const inlineText = (content) => (content || []).map((i) => (i.type === "break" ? "\n" : i.text)).join("");
  const begin = () => paragraphs.push({ first: sentences.length, len: 0 });
  const push = (s) => {
    paragraphs[paragraphs.length - 1].len++;
    sentences.push({ ...s, paragraph: paragraphs.length - 1 });
  };
  const part = (kind, block, partNo, text) => {
    const re = /[^。！？.!?\n]*(?:[。！？.!?]+[”’"]?\s*|\n|$)/g;
    let m;
    while ((m = re.exec(text)) && m[0]) {
      if (m[0].trim()) push({ kind, block, part: partNo, start: m.index, end: m.index + m[0].length });
    }
  };
  const whole = (kind, block, partNo, text) => push({ kind, block, part: partNo, start: 0, end: text.length });
  begin();
  part("title", null, 0, article.title || "");
  article.blocks.forEach((b, i) => {
    if (b.type === "heading" || b.type === "paragraph") { begin(); part("text", i, 0, inlineText(b.content)); }
    else if (b.type === "quote") b.paragraphs.forEach((p, n) => { begin(); part("text", i, n, inlineText(p)); });
    else if (b.type === "list") b.items.forEach((p, n) => { begin(); part("text", i, n, inlineText(p)); });
    else if (b.type === "preformatted") { begin(); part("text", i, 0, b.text); }
    else if (b.type === "image") {
      begin();
      if (b.alt) whole("image", i, 0, b.alt);
      if (b.caption) part("text", i, 1, b.caption);
    } else if (b.type === "table") {
      begin();
      b.rows.forEach((row, r) => whole("row", i, r, row.join(", ")));
    }
  });
  // Empty paragraphs go; sentences are renumbered to the ones left.
  const kept = paragraphs.filter((p) => p.len > 0);
  kept.forEach((p, n) => { for (let k = p.first; k < p.first + p.len; k++) sentences[k].paragraph = n; });
  return { sentences, paragraphs: kept };
}

const fakeNarrator = { speech: { sentences: [], paragraphs: [] }, state: "idle", cursor: 0, done: false, timer: null, lastMove: 0 };

function fakeSpeechError() {
  return fakeSettings.uiLang === "en-US"
    ? { code: "speech-missing", message: "(Sample) Reading aloud needs the speech service, which is not installed or did not start. Someone can install it with: sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng — then restart Care Reader. Reading on screen works as before." }
    : { code: "speech-missing", message: "（示例）朗读需要语音服务，但它没有安装或没有启动。可以请人安装：sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng，然后重新打开关怀阅读。在屏幕上阅读不受影响。" };
}

function fakeEmit(announce = null, error = null) {
  const n = fakeNarrator;
  const count = n.speech.sentences.length;
  const sentence = count ? n.cursor : null;
  const status = {
    state: n.state, sentence,
    paragraph: sentence === null ? null : n.speech.sentences[sentence].paragraph,
    paragraphs: n.speech.paragraphs.length, sentences: count,
    rate: fakeSettings.speechRate, sentenceMode: fakeSettings.sentenceMode,
  };
  if (fakeNarratorHandler) setTimeout(() => fakeNarratorHandler({ status, announce, error }), 0);
}

function fakeLoad(speech) {
  clearTimeout(fakeNarrator.timer);
  Object.assign(fakeNarrator, { speech, state: "idle", cursor: 0, done: false });
  fakeEmit();
}

function fakeStart(from, announce = null) {
  const n = fakeNarrator;
  clearTimeout(n.timer);
  if (params.get("speech") === "missing") {
    n.state = count() ? "paused" : "idle";
    fakeEmit(null, fakeSpeechError());
    return;
  }
  if (from >= count()) {
    n.state = count() ? "finished" : "idle";
    n.done = false;
    fakeEmit(fakeSettings.uiLang === "en-US" ? "Finished reading" : "已读完");
    return;
  }
  Object.assign(n, { cursor: Math.max(0, from), state: "playing", done: false, lastMove: Date.now() });
  fakeEmit(announce);
  // About as long as the sentence takes to say at this speed.
  const s = n.speech.sentences[n.cursor];
  const ms = (900 + 40 * (s.end - s.start)) / fakeSettings.speechRate;
  n.timer = setTimeout(() => {
    if (fakeSettings.sentenceMode) {
      Object.assign(n, { state: "paused", done: true });
      fakeEmit();
    } else {
      fakeStart(n.cursor + 1);
    }
  }, ms);
}

const count = () => fakeNarrator.speech.sentences.length;

function fakeNarrate(command) {
  const n = fakeNarrator;
  const en = fakeSettings.uiLang === "en-US";
  const resumeAt = () => (n.state === "finished" ? 0 : n.done ? n.cursor + 1 : n.cursor);
  const paragraphOf = (i) => (n.speech.sentences[i] ? n.speech.sentences[i].paragraph : null);
  const paragraphAnnounce = (i) => {
    const p = paragraphOf(i);
    if (p === null) return null;
    const total = n.speech.paragraphs.length;
    return en ? `Paragraph ${p + 1} of ${total}` : `第 ${p + 1} 段，共 ${total} 段`;
  };
  const pause = () => {
    if (n.state !== "playing") return;
    clearTimeout(n.timer);
    n.state = "paused";
    fakeEmit(en ? "Paused" : "已暂停");
  };
  switch (command.action) {
    case "play": fakeStart(command.from ?? resumeAt(), command.from === undefined ? null : paragraphAnnounce(command.from)); break;
    case "toggle": if (n.state === "playing") pause(); else fakeStart(resumeAt()); break;
    case "pause": pause(); break;
    case "resume": if (n.state !== "playing") fakeStart(resumeAt()); break;
    case "stop": clearTimeout(n.timer); n.state = "idle"; fakeEmit(); break;
    case "next": fakeStart(n.cursor + 1); break;
    case "previous": fakeStart(n.done || Date.now() - n.lastMove > 2000 ? n.cursor : Math.max(0, n.cursor - 1)); break;
    case "nextParagraph": {
      const p = paragraphOf(n.cursor);
      const next = p === null ? null : n.speech.paragraphs[p + 1];
      const to = next ? next.first : count();
      fakeStart(to, paragraphAnnounce(to));
      break;
    }
    case "previousParagraph": {
      const p = paragraphOf(n.cursor);
      if (p === null) break;
      const start = n.speech.paragraphs[p].first;
      const to = n.cursor > start || Date.now() - n.lastMove > 2000 ? start : (n.speech.paragraphs[p - 1] || { first: start }).first;
      fakeStart(to, paragraphAnnounce(to));
      break;
    }
    case "setRate":
      fakeSettings = clampSettings({ ...fakeSettings, speechRate: command.rate });
      if (n.state === "playing") fakeStart(n.cursor, en ? `Speed ${fakeSettings.speechRate} ×` : `语速 ${fakeSettings.speechRate} 倍`);
      else fakeEmit(en ? `Speed ${fakeSettings.speechRate} ×` : `语速 ${fakeSettings.speechRate} 倍`);
      break;
    case "setVoice":
      fakeSettings = { ...fakeSettings, [command.lang === "zh" ? "voiceZh" : "voiceEn"]: command.voice || null };
      if (n.state === "playing") fakeStart(n.cursor); else fakeEmit();
      break;
    case "setSentenceMode":
      fakeSettings = { ...fakeSettings, sentenceMode: Boolean(command.on) };
      fakeEmit(command.on ? (en ? "Pausing after each sentence" : "每读完一句就停下") : (en ? "Reading on without pausing" : "一直读下去"));
      break;
    default: break;
  }
}

// A dropped file in the fake: the same route as the shell's open-request event.
window.addEventListener("dragover", (e) => isFake && e.preventDefault());
window.addEventListener("drop", (e) => {
  if (!isFake || !fakeOpenRequestHandler) return;
  e.preventDefault();
  const file = e.dataTransfer.files[0];
  if (file) fakeOpenRequestHandler(`/home/reader/${file.name}`);
});
