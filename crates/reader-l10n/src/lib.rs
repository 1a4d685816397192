//! Localised strings through [fluent](https://projectfluent.org/) (zh-CN, en-US).
//!
//! Every user-visible string lives in `assets/locales/<lang>/*.ftl`, embedded
//! at compile time, so the binary needs no files at run time. A [`Localizer`]
//! holds the bundle for the reader's language plus en-US as a fallback.
//!
//! ```
//! use reader_l10n::Localizer;
//! let l10n = Localizer::negotiate(&["zh_CN.UTF-8"]);
//! assert_eq!(l10n.lang(), "zh-CN");
//! let text = l10n.message("error-file-not-found", &[("path", "a.html".into())]);
//! assert_eq!(text, "找不到文件“a.html”。请检查文件名后再试。");
//! ```
//!
//! The localiser knows no other layer's codes: errors are formatted by
//! `reader-errors`, which owns them.
//!
//! Message ids are grouped by view (`error-*`, `cli-*`, later `reader-*`,
//! `player-*`, `settings-*`); every message with arguments has a
//! `# Variables:` comment, and the unit tests below hold the two locales to
//! the same ids and the documented arguments.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};

/// The language used when nothing better matches, and the fallback for a
/// message missing from the reader's language.
pub const DEFAULT_LANG: &str = "en-US";

/// Languages we ship, as BCP 47 tags.
pub const SUPPORTED_LANGS: &[&str] = &["zh-CN", "en-US"];

/// Embeds `assets/locales/<lang>/<file>` for every shipped language.
/// Adding a resource file is one more name in the `locale_files!` call below.
macro_rules! locale_files {
    ($($file:literal),+ $(,)?) => {
        const LOCALES: &[(&str, &[(&str, &str)])] = &[
            ("zh-CN", &[$(($file, include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"), "/../../assets/locales/zh-CN/", $file
            )))),+]),
            ("en-US", &[$(($file, include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"), "/../../assets/locales/en-US/", $file
            )))),+]),
        ];
    };
}

locale_files!["errors.ftl", "cli.ftl", "app.ftl", "ui.ftl", "speech.ftl"];

/// The concurrent flavour so a `Localizer` is `Send + Sync` (app state is
/// shared across threads).
type Bundle = FluentBundle<FluentResource>;

/// Formats messages in one language, falling back to en-US, then to the id.
///
/// Each language's bundle is parsed the first time a message needs it: a
/// command that succeeds silently (a batch of pages, say) never pays for
/// parsing every resource file in two languages.
pub struct Localizer {
    lang: &'static str,
    /// Whether bundles put bidi isolation marks around placeables.
    isolating: bool,
    /// The reader's language.
    own: OnceLock<Bundle>,
    /// en-US, when the reader's language is another one.
    fallback: OnceLock<Bundle>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl Default for Localizer {
    fn default() -> Self {
        Localizer::new(DEFAULT_LANG)
    }
}

impl Localizer {
    /// A localizer for `lang` (any BCP 47 or POSIX locale name; it is
    /// negotiated against [`SUPPORTED_LANGS`], so `zh` gives zh-CN and `fr`
    /// gives en-US).
    pub fn new(lang: &str) -> Self {
        Self::for_supported(negotiate_lang(&[lang]))
    }

    /// A localizer for the best match among the `requested` languages, most
    /// preferred first (`Accept-Language` order, `navigator.languages`, ...).
    pub fn negotiate(requested: &[&str]) -> Self {
        Self::for_supported(negotiate_lang(requested))
    }

    /// The reader's language: `override_` (the CLI's `--lang`, the app's
    /// setting) wins; then the POSIX variables `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// (the first non-empty one decides, as in POSIX; `C`/`POSIX` mean
    /// English); then the operating system's preferred language.
    pub fn from_env(override_: Option<&str>) -> Self {
        Self::for_supported(choose_lang(
            override_,
            |name| std::env::var(name).ok(),
            sys_locale::get_locale,
        ))
    }

    fn for_supported(lang: &'static str) -> Self {
        Localizer {
            lang,
            isolating: false,
            own: OnceLock::new(),
            fallback: OnceLock::new(),
        }
    }

    /// The reader's language's bundle, parsed on first use.
    fn own_bundle(&self) -> &Bundle {
        self.own
            .get_or_init(|| build_bundle(self.lang, self.isolating))
    }

    /// The reader's language first, then en-US (when different); the
    /// fallback is parsed only if a lookup gets that far.
    fn bundles(&self) -> impl Iterator<Item = &Bundle> {
        let fallback = (self.lang != DEFAULT_LANG).then_some(&self.fallback);
        std::iter::once_with(|| self.own_bundle()).chain(
            fallback
                .into_iter()
                .map(|cell| cell.get_or_init(|| build_bundle(DEFAULT_LANG, self.isolating))),
        )
    }

    /// The language messages come out in, e.g. `zh-CN`.
    pub fn lang(&self) -> &str {
        self.lang
    }

    /// Turn Unicode bidi isolation marks (U+2068 … U+2069 around each
    /// placeable) on or off. Off by default: both shipped languages are
    /// left-to-right, and our strings go to terminals and to speech engines,
    /// which print or stumble over the invisible marks. A UI that shows
    /// right-to-left page titles inside messages may turn them on, and must
    /// then pass text through [`strip_isolation`] before speaking it.
    #[must_use]
    pub fn with_isolation(mut self, on: bool) -> Self {
        self.isolating = on;
        for bundle in [self.own.get_mut(), self.fallback.get_mut()]
            .into_iter()
            .flatten()
        {
            bundle.set_use_isolating(on);
        }
        self
    }

    /// Whether `id` (`message` or `message.attribute`) exists in the reader's
    /// language or the fallback.
    pub fn has_message(&self, id: &str) -> bool {
        self.bundles().any(|bundle| match id.split_once('.') {
            Some((message, attribute)) => bundle
                .get_message(message)
                .is_some_and(|m| m.get_attribute(attribute).is_some()),
            None => bundle.get_message(id).is_some_and(|m| m.value().is_some()),
        })
    }

    /// The message `id` (or `id.attribute`) formatted with `args`. Falls back
    /// to en-US, then to the id itself; never panics. Numeric-looking
    /// arguments are passed as numbers so plural selectors work.
    pub fn message(&self, id: &str, args: &[(&str, String)]) -> String {
        self.format(id, args)
            .map(|(text, _errors)| text)
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message and any fluent errors (a missing argument, an unknown
    /// function); `None` when no bundle has the id.
    fn format(&self, id: &str, args: &[(&str, String)]) -> Option<(String, Vec<FluentError>)> {
        let args = fluent_args(args);
        self.bundles().find_map(|bundle| {
            let mut errors = Vec::new();
            let text = format_in(bundle, id, Some(&args), &mut errors)?;
            Some((text, errors))
        })
    }

    /// Every message and attribute defined in the resource `files` (e.g.
    /// `["ui.ftl", "errors.ftl"]`), formatted without arguments, keyed
    /// `id` and `id.attribute`: what a web UI needs to fill in its markup.
    /// Ids come from the fallback language, so a message missing from the
    /// reader's language still arrives (in English).
    pub fn messages_in(&self, files: &[&str]) -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        let sources = LOCALES
            .iter()
            .filter(|(l, _)| *l == DEFAULT_LANG || *l == self.lang)
            .flat_map(|(_, f)| f.iter())
            .filter(|(name, _)| files.contains(name));
        for (_, source) in sources {
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
            for entry in resource.entries() {
                let fluent_syntax::ast::Entry::Message(m) = entry else {
                    continue;
                };
                let id = m.id.name;
                if m.value.is_some() {
                    out.insert(id.to_owned(), self.message(id, &[]));
                }
                for attr in &m.attributes {
                    let key = format!("{id}.{}", attr.id.name);
                    let text = self.message(&key, &[]);
                    out.insert(key, text);
                }
            }
        }
        out
    }

    /// Whether the reader's own language (not the en-US fallback) defines
    /// `id`: for tests that hold every locale to the same messages.
    pub fn defines(&self, id: &str) -> bool {
        format_in(self.own_bundle(), id, None, &mut Vec::new()).is_some()
    }
}

/// Remove bidi isolation marks (FSI, LRI, RLI, PDI) from a formatted message,
/// e.g. before handing it to a speech engine.
pub fn strip_isolation(text: &str) -> Cow<'_, str> {
    const MARKS: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];
    if text.contains(MARKS) {
        Cow::Owned(text.replace(MARKS, ""))
    } else {
        Cow::Borrowed(text)
    }
}

/// Format `message` or `message.attribute` from one bundle; `None` when the
/// bundle lacks it (or the message has no value).
fn format_in(
    bundle: &Bundle,
    id: &str,
    args: Option<&FluentArgs>,
    errors: &mut Vec<FluentError>,
) -> Option<String> {
    let message = bundle.get_message(id.split_once('.').map_or(id, |(m, _)| m))?;
    let pattern = match id.split_once('.') {
        Some((_, attribute)) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    Some(bundle.format_pattern(pattern, args, errors).into_owned())
}

fn fluent_args<'a>(args: &'a [(&'a str, String)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = if looks_numeric(value) {
            FluentValue::try_number(value)
        } else {
            FluentValue::from(value.as_str())
        };
        out.set(*name, value);
    }
    out
}

/// Plain decimal numbers only (`404`, `30`, `1.5`): not `007` (a code that
/// would lose its zeros), `1e5`, `inf` or `NaN`, which fluent would also
/// accept as numbers.
fn looks_numeric(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    all_digits(int)
        && (int == "0" || !int.starts_with('0'))
        && frac.is_none_or(all_digits)
        && int.len() <= 15
}

fn build_bundle(lang: &'static str, isolating: bool) -> Bundle {
    let files = LOCALES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(&[][..], |(_, files)| *files);
    let mut bundle = Bundle::new_concurrent(vec![lang.parse().unwrap_or_default()]);
    bundle.set_use_isolating(isolating);
    // Registering a function only fails if the name is taken, and it is not.
    let _ = bundle.add_function("EMPTY", empty);
    for (_file, source) in files {
        // A syntax error drops only the broken entry, and a duplicate id
        // keeps the first definition; the unit tests reject both.
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// `EMPTY($x)`: "true" when `$x` is missing or an empty string. Fluent
/// variant keys cannot be empty, so a message cannot select on "" directly,
/// and "Couldn't read “”" reads badly.
fn empty<'a>(positional: &[FluentValue<'a>], _named: &FluentArgs) -> FluentValue<'a> {
    let is_empty = match positional.first() {
        Some(FluentValue::String(s)) => s.trim().is_empty(),
        Some(FluentValue::Number(_) | FluentValue::Custom(_)) => false,
        Some(FluentValue::None | FluentValue::Error) | None => true,
    };
    FluentValue::from(if is_empty { "true" } else { "false" })
}

/// A POSIX locale name or BCP 47 tag as a BCP 47 tag: `zh_CN.UTF-8` →
/// `zh-CN`, `sr_RS@latin` → `sr-RS`, `C`/`POSIX` → `en-US`.
fn normalize_tag(raw: &str) -> Option<String> {
    let tag = raw.trim();
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    if tag.is_empty() {
        return None;
    }
    if tag.eq_ignore_ascii_case("C") || tag.eq_ignore_ascii_case("POSIX") {
        return Some(DEFAULT_LANG.to_owned());
    }
    Some(tag.replace('_', "-"))
}

/// The supported language best matching `requested` (most preferred first).
pub fn negotiate_lang(requested: &[&str]) -> &'static str {
    let tags: Vec<String> = requested
        .iter()
        .filter_map(|r| normalize_tag(r))
        .map(|tag| {
            // We ship one Chinese: readers of Traditional Chinese (zh-TW,
            // zh-Hant, zh-HK) are better served by it than by English.
            match tag.split('-').next() {
                Some(lang) if lang.eq_ignore_ascii_case("zh") => "zh-CN".to_owned(),
                _ => tag,
            }
        })
        .collect();
    let requested = fluent_langneg::convert_vec_str_to_langids_lossy(&tags);
    let available = fluent_langneg::convert_vec_str_to_langids_lossy(SUPPORTED_LANGS);
    let supported = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        None,
        fluent_langneg::NegotiationStrategy::Filtering,
    );
    supported
        .first()
        .and_then(|best| {
            let best = best.to_string();
            SUPPORTED_LANGS.iter().copied().find(|l| *l == best)
        })
        .unwrap_or(DEFAULT_LANG)
}

/// [`Localizer::from_env`] with the environment passed in, for tests.
fn choose_lang(
    override_: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    system: impl FnOnce() -> Option<String>,
) -> &'static str {
    if let Some(lang) = override_.map(str::trim).filter(|l| !l.is_empty()) {
        return negotiate_lang(&[lang]);
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = env(name).filter(|v| !v.trim().is_empty()) {
            return negotiate_lang(&[&value]);
        }
    }
    system().map_or(DEFAULT_LANG, |l| negotiate_lang(&[&l]))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// One message of an .ftl file, as far as these tests care.
    #[derive(Debug, Default)]
    struct Entry {
        /// `id` and `id.attribute` for each attribute.
        ids: Vec<String>,
        /// `$name` → type, from the `# Variables:` comment.
        documented: BTreeMap<String, String>,
        /// Every `$name` used in the value or attributes.
        used: BTreeSet<String>,
    }

    /// A line-based reading of Fluent syntax: messages start in column 0,
    /// attributes are indented `.name =`, comments directly above belong to
    /// the message. Enough for our files; fluent itself checks the syntax.
    fn entries(source: &str) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        let mut comment: Vec<&str> = Vec::new();
        let mut in_message = false;
        for line in source.lines() {
            if line.trim().is_empty() || line.starts_with("##") {
                comment.clear();
                continue;
            }
            if let Some(text) = line.strip_prefix('#') {
                comment.push(text);
                in_message = false;
                continue;
            }
            let body = if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let Some((id, value)) = line.split_once('=') else {
                    continue;
                };
                let mut entry = Entry {
                    ids: vec![id.trim().to_owned()],
                    ..Entry::default()
                };
                let vars = comment
                    .iter()
                    .skip_while(|c| !c.contains("Variables:"))
                    .skip(1);
                for var in vars {
                    let var = var.trim();
                    if let Some(rest) = var.strip_prefix('$') {
                        let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
                        let kind = rest
                            .split_once('(')
                            .and_then(|(_, k)| k.split_once(')'))
                            .map(|(k, _)| k.to_owned())
                            .unwrap_or_default();
                        entry.documented.insert(name, kind);
                    }
                }
                comment.clear();
                out.push(entry);
                in_message = true;
                value
            } else if line.starts_with(' ') && in_message {
                let trimmed = line.trim_start();
                match trimmed
                    .strip_prefix('.')
                    .and_then(|rest| rest.split_once('='))
                {
                    Some((attr, value)) => {
                        if let Some(entry) = out.last_mut() {
                            let id = format!("{}.{}", entry.ids[0], attr.trim());
                            entry.ids.push(id);
                        }
                        value
                    }
                    None => trimmed,
                }
            } else {
                // Terms (`-brand = ...`) and anything else: not messages.
                in_message = false;
                continue;
            };
            if let Some(entry) = out.last_mut() {
                for (_, rest) in body.match_indices('$').map(|(i, _)| body.split_at(i + 1)) {
                    let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
                    if !name.is_empty() {
                        entry.used.insert(name);
                    }
                }
            }
        }
        out
    }

    /// A message with attributes but no value (`home-address =` followed by
    /// `.placeholder = ...`): valid fluent, nothing to format by itself.
    fn attributes_only(bundle: &Bundle, id: &str) -> bool {
        !id.contains('.')
            && bundle
                .get_message(id)
                .is_some_and(|m| m.value().is_none() && m.attributes().next().is_some())
    }

    fn is_ident(c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '_' || c == '-'
    }

    fn locale_entries(lang: &str) -> Vec<Entry> {
        let files = LOCALES
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, f)| *f)
            .unwrap_or_default();
        files.iter().flat_map(|(_, src)| entries(src)).collect()
    }

    #[test]
    fn bundles_are_parsed_when_a_message_needs_them() {
        let l10n = Localizer::new("zh-CN");
        assert!(l10n.own.get().is_none() && l10n.fallback.get().is_none());
        assert!(!l10n.message("error-file-not-found", &[]).is_empty());
        assert!(l10n.own.get().is_some(), "the reader's language is parsed");
        assert!(l10n.fallback.get().is_none(), "en-US is not needed yet");
        assert_eq!(l10n.message("no-such-id", &[]), "no-such-id");
        assert!(l10n.fallback.get().is_some(), "a missing id looks in en-US");
    }

    #[test]
    fn isolation_set_before_or_after_parsing_applies() {
        let args = [("path", "a.html".to_owned())];
        let before = Localizer::new("en-US").with_isolation(true);
        let after = Localizer::new("en-US");
        let _ = after.message("error-file-not-found", &args);
        let after = after.with_isolation(true);
        for l10n in [before, after] {
            assert!(
                l10n.message("error-file-not-found", &args)
                    .contains('\u{2068}')
            );
        }
    }

    #[test]
    fn a_ui_gets_every_message_and_attribute_of_its_files() {
        let l10n = Localizer::new("zh-CN");
        let all = l10n.messages_in(&["errors.ftl", "app.ftl"]);
        assert_eq!(
            all.get("app-meta-separator").map(String::as_str),
            Some(" · ")
        );
        assert!(all.get("error-timeout").is_some_and(|m| m.contains('。')));
        assert!(!all.contains_key("cli-error"), "only the files asked for");
    }

    #[test]
    fn every_shipped_language_has_resources() {
        for lang in SUPPORTED_LANGS {
            assert!(
                LOCALES
                    .iter()
                    .any(|(l, files)| l == lang && !files.is_empty())
            );
        }
        assert_eq!(LOCALES.len(), SUPPORTED_LANGS.len());
    }

    #[test]
    fn resources_parse_and_ids_are_unique() {
        for (lang, files) in LOCALES {
            let mut bundle = Bundle::new_concurrent(vec![lang.parse().unwrap_or_default()]);
            for (file, source) in *files {
                let resource = match FluentResource::try_new((*source).to_owned()) {
                    Ok(r) => r,
                    Err((_, errors)) => panic!("{lang}/{file}: syntax errors {errors:?}"),
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    panic!("{lang}/{file}: duplicate ids {errors:?}");
                }
            }
        }
    }

    #[test]
    fn locales_have_the_same_message_ids_and_attributes() {
        let ids = |lang: &str| -> BTreeSet<String> {
            locale_entries(lang)
                .into_iter()
                .flat_map(|e| e.ids)
                .collect()
        };
        let reference = ids(DEFAULT_LANG);
        assert!(
            reference.len() > 10,
            "the parser found too few ids: {reference:?}"
        );
        for lang in SUPPORTED_LANGS {
            let these = ids(lang);
            let missing: Vec<_> = reference.difference(&these).collect();
            let extra: Vec<_> = these.difference(&reference).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has ids en-US lacks: {extra:?}");
            // The line parser and fluent agree on what exists.
            let l10n = Localizer::new(lang);
            for id in &these {
                assert!(
                    format_in(l10n.own_bundle(), id, None, &mut Vec::new()).is_some()
                        || attributes_only(l10n.own_bundle(), id),
                    "{lang}: fluent has no {id}"
                );
            }
        }
    }

    #[test]
    fn messages_use_only_documented_variables_and_format_cleanly() {
        let mut documented_by_lang = Vec::new();
        for lang in SUPPORTED_LANGS {
            let l10n = Localizer::new(lang);
            let mut documented = BTreeMap::new();
            for entry in locale_entries(lang) {
                let id = &entry.ids[0];
                let undocumented: Vec<_> = entry
                    .used
                    .iter()
                    .filter(|v| !entry.documented.contains_key(*v))
                    .collect();
                assert!(
                    undocumented.is_empty(),
                    "{lang} {id}: variables without a `# Variables:` line: {undocumented:?}"
                );
                for kind in entry.documented.values() {
                    assert!(
                        kind == "String" || kind == "Number",
                        "{lang} {id}: document variables as `$name (String|Number) - ...`"
                    );
                }
                // Sample values, then empty strings (EMPTY() branches).
                let samples = [
                    ("Number", "3", "String", "示例 example"),
                    ("Number", "1", "String", ""),
                ];
                for (_, number, _, string) in samples {
                    let args: Vec<(&str, String)> = entry
                        .documented
                        .iter()
                        .map(|(name, kind)| {
                            let value = if kind == "Number" { number } else { string };
                            (name.as_str(), value.to_owned())
                        })
                        .collect();
                    for id in &entry.ids {
                        if attributes_only(l10n.own_bundle(), id) {
                            continue;
                        }
                        let Some((text, errors)) = l10n.format(id, &args) else {
                            panic!("{lang}: {id} does not format");
                        };
                        assert!(errors.is_empty(), "{lang} {id}: {errors:?}");
                        assert!(!text.trim().is_empty(), "{lang} {id} is empty");
                        assert!(
                            !text.contains('$') && !text.contains('{'),
                            "{lang} {id}: {text}"
                        );
                    }
                }
                documented.insert(id.clone(), entry.documented);
            }
            documented_by_lang.push((lang, documented));
        }
        // Both languages document the same arguments for each message.
        let (_, reference) = &documented_by_lang[documented_by_lang.len() - 1];
        for (lang, documented) in &documented_by_lang {
            for (id, vars) in documented {
                let names: BTreeMap<_, _> = vars.iter().collect();
                let expected: BTreeMap<_, _> = reference
                    .get(id)
                    .map(|v| v.iter().collect())
                    .unwrap_or_default();
                assert_eq!(names, expected, "{lang} {id}: variables differ from en-US");
            }
        }
    }

    #[test]
    fn no_isolation_marks_unless_asked() {
        let en = Localizer::new("en-US");
        let plain = en.message("cli-error", &[("message", "x".into())]);
        assert_eq!(plain, "Error: x");
        let isolated = Localizer::new("en-US").with_isolation(true);
        let marked = isolated.message("cli-error", &[("message", "x".into())]);
        assert_eq!(marked, "Error: \u{2068}x\u{2069}");
        assert_eq!(strip_isolation(&marked), plain);
    }

    #[test]
    fn fallbacks_never_panic() {
        let zh = Localizer::new("zh-CN");
        assert_eq!(zh.message("no-such-message", &[]), "no-such-message");
        assert_eq!(
            zh.message("cli-error.no-such-attribute", &[]),
            "cli-error.no-such-attribute"
        );
        // A missing argument still gives readable text.
        assert!(zh.message("cli-error", &[]).starts_with("出错了："));
        assert!(zh.defines("cli-error"));
        assert!(!zh.defines("no-such-message"));
    }

    #[test]
    fn numbers_are_passed_as_numbers_only_when_plain() {
        for yes in ["0", "404", "30", "1.5", "-2"] {
            assert!(looks_numeric(yes), "{yes}");
        }
        for no in [
            "", "007", "1e5", "inf", "NaN", "1.", ".5", "12a", "1.2.3", "+1",
        ] {
            assert!(!looks_numeric(no), "{no}");
        }
    }

    #[test]
    fn negotiation_table() {
        let table: &[(&[&str], &str)] = &[
            (&["zh"], "zh-CN"),
            (&["zh-CN"], "zh-CN"),
            (&["zh-Hans"], "zh-CN"),
            (&["zh-Hans-CN"], "zh-CN"),
            (&["zh_CN.UTF-8"], "zh-CN"),
            (&["zh_CN.GB18030"], "zh-CN"),
            (&["zh_SG"], "zh-CN"),
            (&["zh-TW"], "zh-CN"),
            (&["zh-Hant"], "zh-CN"),
            (&["zh_HK.UTF-8"], "zh-CN"),
            (&["ZH-cn"], "zh-CN"),
            (&["en"], "en-US"),
            (&["en-US"], "en-US"),
            (&["en_GB.UTF-8"], "en-US"),
            (&["en_US.UTF-8@euro"], "en-US"),
            (&["fr-FR"], "en-US"),
            (&["de_DE.UTF-8", "zh-CN"], "zh-CN"),
            (&["en-GB", "zh-CN"], "en-US"),
            (&["C"], "en-US"),
            (&["C.UTF-8"], "en-US"),
            (&["POSIX"], "en-US"),
            (&[""], "en-US"),
            (&["not a language!"], "en-US"),
            (&[], "en-US"),
        ];
        for (requested, expected) in table {
            assert_eq!(negotiate_lang(requested), *expected, "{requested:?}");
        }
        assert_eq!(Localizer::new("zh").lang(), "zh-CN");
        assert_eq!(Localizer::negotiate(&["fr", "zh-TW"]).lang(), "zh-CN");
    }

    #[test]
    fn environment_precedence() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let zh_system = || Some("zh-CN".to_owned());
        let no_system = || None;
        // The override wins over everything.
        assert_eq!(
            choose_lang(Some("en-US"), env(&[("LC_ALL", "zh_CN.UTF-8")]), zh_system),
            "en-US"
        );
        assert_eq!(choose_lang(Some("zh-CN"), env(&[]), no_system), "zh-CN");
        // An empty override is no override.
        assert_eq!(
            choose_lang(Some(" "), env(&[("LANG", "zh_CN.UTF-8")]), no_system),
            "zh-CN"
        );
        // LC_ALL, then LC_MESSAGES, then LANG: the first non-empty decides.
        let all = env(&[
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "zh_CN.UTF-8"),
            ("LANG", "zh_CN.UTF-8"),
        ]);
        assert_eq!(choose_lang(None, all, zh_system), "en-US");
        let messages = env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "zh_CN.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ]);
        assert_eq!(choose_lang(None, messages, no_system), "zh-CN");
        assert_eq!(
            choose_lang(None, env(&[("LANG", "zh_CN.UTF-8")]), no_system),
            "zh-CN"
        );
        // C means English, even if the system prefers Chinese.
        assert_eq!(
            choose_lang(None, env(&[("LANG", "C.UTF-8")]), zh_system),
            "en-US"
        );
        // Nothing in the environment: ask the system, then default.
        assert_eq!(choose_lang(None, env(&[]), zh_system), "zh-CN");
        assert_eq!(choose_lang(None, env(&[]), no_system), "en-US");
    }

    #[test]
    fn localizer_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Localizer>();
    }
}
