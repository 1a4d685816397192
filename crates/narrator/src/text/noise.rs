//! What is on the page but not said: a newsreader skips footnote markers,
//! "[edit]" links, bullets and decorative symbols, and a voice that read them
//! ("left bracket one right bracket", "black star") would bury the sentence.
//!
//! Removed from the text given to the engine (the page and its highlight
//! keep them):
//! - reference markers: `[1]`, `[12]`, `[1-3]`, `[a]`, `[注 1]`, `[来源请求]`,
//!   `[编辑]`, `[edit]`, `[citation needed]`, and Wikipedia's back-links `^`
//!   and `↑` (with the `a b c` letters after a `^`);
//! - bullets and decorative symbols (`•`, `●`, `★`, `■`, `▶`, `※`, `❤` …);
//!   a middle dot between letters (`迈克尔·乔丹`) stays, it joins a name.
//!
//! A sentence that is nothing but noise says nothing, and the player passes
//! over it.

use std::borrow::Cow;

/// Words inside square brackets that are editing links or notes, not text.
const BRACKET_NOTES: &[&str] = &[
    "编辑",
    "編輯",
    "edit",
    "来源请求",
    "來源請求",
    "citation needed",
    "需要引用",
    "注",
    "note",
    "来源",
    "原创研究",
    "失效链接",
    "dead link",
    "who",
    "when",
    "by whom",
];

/// Longest bracket contents considered as a marker (characters).
const MAX_MARKER: usize = 16;

/// Symbols that decorate or mark list items and are never said.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '◎'
            | '◆'
            | '◇'
            | '■'
            | '□'
            | '★'
            | '☆'
            | '▲'
            | '△'
            | '▼'
            | '▽'
            | '►'
            | '▶'
            | '◀'
            | '◄'
            | '※'
            | '❤'
            | '♥'
            | '♡'
            | '❥'
            | '✓'
            | '✔'
            | '✦'
            | '✧'
            | '❖'
            | '➤'
            | '➢'
            | '✿'
            | '❀'
            | '☞'
            | '☛'
            | '⭐'
            | '🔥'
            | '👉'
            | '📌'
            | '▎'
            | '▍'
            | '▌'
            | '‖'
            | '¶'
            | '§'
            | '↑'
            | '^'
    )
}

/// Whether the contents of `[...]` are a reference marker or an editing note.
fn is_marker(inside: &str) -> bool {
    let t = inside.trim();
    if t.is_empty() || t.chars().count() > MAX_MARKER {
        return false;
    }
    let lower = t.to_lowercase();
    // [1], [12], [1-3], [1,2], [a], [注 1], [note 3]
    let numbered = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | ',' | ' ' | '，'));
    let letter = t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase());
    let note = BRACKET_NOTES.iter().any(|n| {
        lower == *n
            || lower
                .strip_prefix(n)
                .is_some_and(|rest| rest.trim().chars().all(|c| c.is_ascii_digit()))
    });
    numbered && t.chars().any(|c| c.is_ascii_digit()) || letter || note
}

/// `text` without reference markers, bullets and decorative symbols.
///
/// ```
/// use narrator::text::noise::strip_noise;
/// assert_eq!(strip_noise("长江是中国第一长河[1][12]。"), "长江是中国第一长河。");
/// assert_eq!(strip_noise("• 迈克尔·乔丹"), " 迈克尔·乔丹");
/// assert_eq!(strip_noise("[编辑]"), "");
/// ```
pub fn strip_noise(text: &str) -> Cow<'_, str> {
    let noisy = text
        .chars()
        .any(|c| is_decoration(c) || matches!(c, '[' | '［' | '【') || c == '·' || c == '・');
    if !noisy {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '[' | '［' | '【') {
            let close = match c {
                '[' => ']',
                '［' => '］',
                _ => '】',
            };
            if let Some(len) = chars[i + 1..]
                .iter()
                .take(MAX_MARKER + 1)
                .position(|&x| x == close)
            {
                let inside: String = chars[i + 1..i + 1 + len].iter().collect();
                if is_marker(&inside) {
                    i += len + 2;
                    continue;
                }
            }
        }
        if c == '^' {
            // "^ a b c": a back-link and its letters.
            i += 1;
            while i < chars.len()
                && (chars[i] == ' '
                    || (chars[i].is_ascii_lowercase()
                        && chars.get(i + 1).is_none_or(|n| !n.is_alphanumeric())))
            {
                i += 1;
            }
            continue;
        }
        if is_decoration(c) {
            i += 1;
            continue;
        }
        if matches!(c, '·' | '・') {
            // A middle dot joins a name (迈克尔·乔丹) between letters; alone
            // (a bullet) it is not said.
            let letter = |x: Option<&char>| x.is_some_and(|x| x.is_alphanumeric());
            if !(letter(chars.get(i.wrapping_sub(1))) && letter(chars.get(i + 1))) {
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_go_text_stays() {
        assert_eq!(
            strip_noise("It rose 3%[1] in 2024.[12]"),
            "It rose 3% in 2024."
        );
        assert_eq!(strip_noise("见[注 1]下文[a]"), "见下文");
        assert_eq!(strip_noise("Paris[citation needed] is"), "Paris is");
        assert_eq!(strip_noise("^ a b Smith, J."), "Smith, J.");
        assert_eq!(strip_noise("↑ 新华社报道"), " 新华社报道");
        // Brackets with words in them are text.
        assert_eq!(strip_noise("[视频]总理讲话"), "[视频]总理讲话");
        assert_eq!(
            strip_noise("[Video] Minister speaks"),
            "[Video] Minister speaks"
        );
        assert_eq!(strip_noise("★★★★☆ 好评"), " 好评");
        assert_eq!(strip_noise("· 第一条"), " 第一条");
        assert_eq!(strip_noise("A·B"), "A·B");
    }
}
