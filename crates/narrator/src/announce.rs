//! What the live region says about the narrator: state changes a listener
//! cannot hear for themselves ("Paused", "Paragraph 3 of 12", "Speed 1.5 ×"),
//! never the text being spoken, so a screen reader and our voice do not
//! talk over each other.

use reader_l10n::Localizer;

use crate::player::{PlayState, Sleep, Status};

/// The announcement for the change from `prev` to `next`, if it is worth
/// one. `navigated`: the listener just moved (by paragraph or to a chosen
/// sentence); reading on by itself into a new paragraph is not announced,
/// it would interrupt the voice at every paragraph.
pub fn announcement(
    prev: Option<&Status>,
    next: &Status,
    navigated: bool,
    l10n: &Localizer,
) -> Option<String> {
    let prev_state = prev.map(|p| p.state);
    if let Some(p) = prev {
        if (p.rate - next.rate).abs() > f32::EPSILON {
            return Some(l10n.message("speech-rate", &[("rate", rate_text(next.rate))]));
        }
        if p.sleep != next.sleep && !next.slept {
            return Some(match next.sleep {
                Sleep::Off => l10n.message("speech-sleep-off", &[]),
                Sleep::After { minutes } => {
                    l10n.message("speech-sleep-after", &[("minutes", minutes.to_string())])
                }
                Sleep::AtEnd => l10n.message("speech-sleep-at-end", &[]),
            });
        }
        if p.sentence_mode != next.sentence_mode {
            let id = if next.sentence_mode {
                "speech-sentence-mode-on"
            } else {
                "speech-sentence-mode-off"
            };
            return Some(l10n.message(id, &[]));
        }
    }
    if next.slept {
        return Some(l10n.message("speech-slept", &[]));
    }
    match next.state {
        PlayState::Paused if prev_state != Some(PlayState::Paused) => {
            Some(l10n.message("speech-paused", &[]))
        }
        PlayState::Finished if prev_state != Some(PlayState::Finished) => {
            Some(l10n.message("speech-finished", &[]))
        }
        // A move answered by starting (from a pause) is announced then; the
        // begin that follows is the same paragraph and says nothing more.
        // "Starting" itself is not announced: after the warm-up the voice
        // begins within ~50 ms, so the live region would talk over it, and
        // a start that fails comes with its error within 1.5 s.
        PlayState::Starting | PlayState::Playing
            if navigated && prev.is_none_or(|p| p.paragraph != next.paragraph) =>
        {
            let n = next.paragraph.map_or(1, |p| p + 1);
            Some(l10n.message(
                "speech-paragraph",
                &[("n", n.to_string()), ("total", next.paragraphs.to_string())],
            ))
        }
        _ => None,
    }
}

/// 1 → "1", 1.5 → "1.5", 1.25 → "1.25".
pub fn rate_text(rate: f32) -> String {
    let text = format!("{rate:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(state: PlayState, paragraph: usize) -> Status {
        Status {
            script: 1,
            by_listener: false,
            state,
            sentence: Some(paragraph * 2),
            paragraph: Some(paragraph),
            paragraphs: 12,
            sentences: 24,
            rate: 1.0,
            sentence_mode: false,
            sleep: Sleep::Off,
            slept: false,
        }
    }

    #[test]
    fn the_sleep_timer_is_said_when_set_and_when_it_stops_the_reading() {
        let l10n = Localizer::new("en-US");
        let playing = status(PlayState::Playing, 1);
        let set = Status {
            sleep: Sleep::After { minutes: 30 },
            ..playing.clone()
        };
        let said = announcement(Some(&playing), &set, false, &l10n).unwrap_or_default();
        assert!(said.contains("30"), "{said}");
        let slept = Status {
            state: PlayState::Paused,
            slept: true,
            ..playing.clone()
        };
        let said = announcement(Some(&set), &slept, false, &l10n).unwrap_or_default();
        assert!(said.contains("sleep timer"), "{said}");
        let zh = Localizer::new("zh-CN");
        let at_end = Status {
            sleep: Sleep::AtEnd,
            ..playing.clone()
        };
        assert!(
            announcement(Some(&playing), &at_end, false, &zh).is_some_and(|s| s.contains("读完"))
        );
    }

    #[test]
    fn says_state_changes_and_moves_but_not_reading_on() {
        let l10n = Localizer::new("en-US");
        let playing = status(PlayState::Playing, 1);
        let said = |prev: Option<&Status>, next: &Status, nav| announcement(prev, next, nav, &l10n);
        assert_eq!(
            said(Some(&playing), &status(PlayState::Paused, 1), false).as_deref(),
            Some("Paused")
        );
        assert_eq!(
            said(Some(&playing), &status(PlayState::Playing, 2), false),
            None
        );
        let moved = said(Some(&playing), &status(PlayState::Playing, 2), true).unwrap_or_default();
        assert!(moved.contains('3') && moved.contains("12"), "{moved}");
        assert_eq!(said(Some(&playing), &playing, false), None);
        let faster = Status {
            rate: 1.25,
            ..playing.clone()
        };
        assert!(
            said(Some(&playing), &faster, false)
                .unwrap_or_default()
                .contains("1.25")
        );
        let zh = Localizer::new("zh-CN");
        assert_eq!(
            announcement(Some(&playing), &status(PlayState::Finished, 11), false, &zh).as_deref(),
            Some("已读完")
        );
    }

    #[test]
    fn rates_read_without_trailing_zeros() {
        assert_eq!(rate_text(1.0), "1");
        assert_eq!(rate_text(1.5), "1.5");
        assert_eq!(rate_text(0.75), "0.75");
    }
}
