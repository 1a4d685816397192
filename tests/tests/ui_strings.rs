//! Every string id the app's UI uses exists in the locale files.
//!
//! The UI names its strings in three ways: `data-l10n-id="…"` in
//! `ui/index.html`, `t("…")` / `setL10n(el, "…")` in `ui/*.js`, and a few
//! ids built from a template (`status-theme-${theme}`,
//! `error-heading-${family}`). All three are collected here and looked up in
//! the ui.ftl and errors.ftl messages the shell sends; the i18n unit tests
//! already hold zh-CN and en-US to the same ids, so a miss here is a string
//! that would show up as its raw id.

use std::collections::BTreeSet;
use std::path::PathBuf;

use reader_errors::Family;
use reader_l10n::{Localizer, SUPPORTED_LANGS};

fn ui_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(ui_dir().join(name))
        .unwrap_or_else(|e| panic!("cannot read ui/{name}: {e}"))
}

/// The quoted strings (`"…"` or `` `…` ``) that follow each `prefix`.
fn quoted_after(source: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in source.match_indices(prefix) {
        // `t(` must be the whole name, not the end of `split(` or `el(`.
        if prefix.starts_with('t')
            && source[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
        {
            continue;
        }
        out.extend(leading_quoted(&source[at + prefix.len()..]));
    }
    out
}

/// The string literal at the start of `s` (after spaces), if there is one.
fn leading_quoted(s: &str) -> Option<String> {
    let rest = s.trim_start();
    let quote = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '`' | '\''))?;
    rest[1..].find(quote).map(|end| rest[1..=end].to_owned())
}

/// The error families the shell sends (`UiError.family`): every one can
/// reach the error page's template ids.
fn error_families() -> BTreeSet<String> {
    Family::ALL.iter().map(|f| f.id().to_owned()).collect()
}

/// Expands `${theme}`, `${family}` and `${topic}` (a suggested source's) in a template id.
fn expand(template: &str, families: &BTreeSet<String>) -> Vec<String> {
    if template.contains("${theme}") {
        ["care", "dark", "contrast"]
            .iter()
            .map(|t| template.replace("${theme}", t))
            .collect()
    } else if template.contains("${family}") {
        families
            .iter()
            .map(|f| template.replace("${family}", f))
            .collect()
    } else if template.contains("${topic}") {
        reader_feeds::Topic::ALL
            .iter()
            .map(|t| template.replace("${topic}", t.id()))
            .collect()
    } else if template.contains("${") {
        panic!("ui uses a template id this test cannot expand: {template}");
    } else {
        vec![template.to_owned()]
    }
}

fn used_ids() -> BTreeSet<String> {
    let html = read("index.html");
    let families = error_families();
    let mut ids = BTreeSet::new();
    for id in quoted_after(&html, "data-l10n-id=") {
        ids.insert(id);
    }
    let scripts = std::fs::read_dir(ui_dir())
        .expect("ui/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "js"));
    for path in scripts {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let js = read(&name.unwrap_or_default());
        let mut found = quoted_after(&js, "t(");
        for call in js.split("setL10n(").skip(1) {
            // The id is setL10n's second argument.
            if let Some(id) = call
                .split_once(',')
                .and_then(|(_, rest)| leading_quoted(rest))
            {
                found.push(id);
            }
        }
        for template in found {
            ids.extend(expand(&template, &families));
        }
    }
    ids
}

#[test]
fn every_id_the_ui_uses_is_defined_in_every_language() {
    let ids = used_ids();
    assert!(
        ids.len() > 40,
        "the scan found too few ids ({}): {ids:?}",
        ids.len()
    );
    for lang in SUPPORTED_LANGS {
        let l10n = Localizer::new(lang);
        let messages = l10n.messages_in(&["ui.ftl", "errors.ftl"]);
        let missing: Vec<&String> = ids
            .iter()
            .filter(|id| {
                // A message may have only attributes (`home-address.placeholder`).
                let attributes = format!("{id}.");
                !messages.contains_key(id.as_str())
                    && !messages.keys().any(|k| k.starts_with(&attributes))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "{lang}: the UI uses ids no locale defines: {missing:?}"
        );
    }
}

#[test]
fn the_scan_sees_templates_and_markup() {
    let ids = used_ids();
    for id in [
        "home-open",
        "status-theme-dark",
        "error-heading-network",
        "error-heading-speech",
        "error-hint-generic",
    ] {
        assert!(ids.contains(id), "{id} not found by the scan");
    }
}
