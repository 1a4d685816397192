//! Dates: spotting a numeric date in text and writing it as ISO 8601.
//!
//! A helper below the passes: the metadata pass reads the published date
//! with it, and the name patterns use it to recognise datelines.

/// Normalises common date spellings to ISO 8601; `None` when no date is found.
pub fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let digits: Vec<(usize, u32)> = number_runs(raw);
    let (y, m, d) = match digits.as_slice() {
        [(_, y), (_, m), (_, d), ..]
            if (1990..2100).contains(y) && (1..=12).contains(m) && (1..=31).contains(d) =>
        {
            (*y, *m, *d)
        }
        _ => return None,
    };
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if let [_, _, _, (_, hh), (_, mm), rest @ ..] = digits.as_slice() {
        if *hh < 24 && *mm < 60 {
            out.push_str(&format!("T{hh:02}:{mm:02}"));
            if let Some((_, ss)) = rest.first().filter(|(_, s)| *s < 60) {
                out.push_str(&format!(":{ss:02}"));
            }
            // Keep an explicit offset or Z as written.
            if raw.ends_with('Z') {
                out.push('Z');
            } else if let Some(off) = raw.get(raw.len().saturating_sub(6)..) {
                let b = off.as_bytes();
                if b.len() == 6 && (b[0] == b'+' || b[0] == b'-') && b[3] == b':' {
                    out.push_str(off);
                }
            }
        }
    }
    Some(out)
}

fn number_runs(s: &str) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_ascii_digit() {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            if let Ok(n) = s[st..i].parse::<u32>() {
                out.push((st, n));
            }
            if out.len() >= 7 {
                break;
            }
        }
    }
    out
}

/// Whether `t` contains a numeric date.
pub fn contains_date(t: &str) -> bool {
    find_date(t).is_some()
}

/// Whether `text` is a date and nothing else, brackets and time included
/// ("(2005-04-27 18:03PM)", "2019-09-08"): the date beside a headline in a
/// list of other articles.
pub fn is_bare_date(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 32
        && contains_date(t)
        && t.chars().all(|c| {
            c.is_ascii_alphanumeric() || c.is_whitespace() || "-/:.()（）[]年月日时分".contains(c)
        })
}

/// Finds "2024-05-09", "2024/5/9", "2024年5月9日" (optionally with a time) in `t`.
pub fn find_date(t: &str) -> Option<String> {
    let bytes = t.as_bytes();
    for (i, _) in t.char_indices() {
        if i + 4 > bytes.len()
            || !bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            || (i > 0 && bytes[i - 1].is_ascii_digit())
        {
            continue;
        }
        let rest = &t[i..];
        let after_year = &rest[4..];
        if !(after_year.starts_with('-')
            || after_year.starts_with('/')
            || after_year.starts_with('.')
            || after_year.starts_with('年'))
        {
            continue;
        }
        let end = rest
            .char_indices()
            .take(24)
            .last()
            .map(|(k, c)| k + c.len_utf8())
            .unwrap_or(rest.len());
        if let Some(d) = normalize_date(&rest[..end]) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_spellings() {
        assert_eq!(
            normalize_date("2024-05-09T12:30:00+08:00").as_deref(),
            Some("2024-05-09T12:30:00+08:00")
        );
        assert_eq!(
            normalize_date("2025-07-09 13:55:00").as_deref(),
            Some("2025-07-09T13:55:00")
        );
        assert_eq!(
            normalize_date("2024年5月9日").as_deref(),
            Some("2024-05-09")
        );
        assert_eq!(normalize_date("next tuesday"), None);
        assert_eq!(
            find_date("2025-07-09 13:55:00 来源: 河北日报").as_deref(),
            Some("2025-07-09T13:55:00")
        );
    }

    #[test]
    fn a_bare_date_is_a_date_and_nothing_else() {
        assert!(is_bare_date(" (2005-04-27 18:03PM)"));
        assert!(is_bare_date("2019-09-08"));
        assert!(is_bare_date("2024年12月2日"));
        assert!(!is_bare_date("2019-09-08 来源：新华社"));
        assert!(!is_bare_date("(PM)"));
    }
}
