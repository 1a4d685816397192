//! The reader's settings: text size, spacing, width, theme, UI language.
//!
//! Every value is kept inside the range care mode allows (WCAG 2.2 1.4.8 and
//! 1.4.12, the MIIT 适老化 app spec): whatever a settings file or the UI sends,
//! [`Settings::clamped`] brings it back to a value the reader can use.

use serde::{Deserialize, Serialize};

/// Text sizes offered, in CSS px. 24 px is the care-mode default (MIIT asks
/// for at least 18 pt-equivalent body text in care mode; 24 px reads well at
/// arm's length); the steps widen as the text grows, like a magnifier's.
pub const TEXT_SIZES: &[u32] = &[18, 20, 22, 24, 28, 32, 36, 40, 48, 56, 64, 72, 80, 96];
pub const DEFAULT_TEXT_SIZE: u32 = 24;
/// The size of every button, label and menu (Home, Settings, Help, errors,
/// the toolbar) for each of [`TEXT_SIZES`], in the same order: the whole
/// window grows with the text, as a browser's Ctrl + does, so a reader who
/// needs 96 px text can also read "Larger text".
///
/// Not the text size itself: the controls must still fit a 1366×768 screen
/// (and a 1024×600 one) in at most two toolbar rows, in English too, so they
/// grow more slowly — never below 22 px (care mode's smallest label), at
/// least 28 px by 48 px text (the MIIT age-friendly spec asks for its
/// largest text on main screens), and 48 px at the largest text.
pub const CONTROL_SIZES: &[u32] = &[22, 22, 22, 22, 24, 24, 26, 26, 30, 32, 36, 40, 44, 48];
/// The text sizes the family setup offers: a few clear steps from the
/// default to very large (Settings and Ctrl+ give every size).
pub const SETUP_TEXT_SIZES: &[u32] = &[24, 32, 40, 48, 64];
/// The speeds the family setup offers, around the voice's own.
pub const SETUP_SPEECH_RATES: &[f32] = &[0.75, 1.0, 1.25, 1.5];
/// Line height as a multiple of the text size: WCAG 1.4.12 asks that 1.5
/// works; 1.8 is calmer for older eyes.
pub const LINE_HEIGHT_RANGE: (f32, f32) = (1.5, 2.5);
pub const LINE_HEIGHT_STEP: f32 = 0.1;
pub const DEFAULT_LINE_HEIGHT: f32 = 1.8;
/// Extra spacing between letters and between words, in em (WCAG 1.4.12:
/// 0.12 and 0.16 must work; we allow up to twice that between words).
pub const LETTER_SPACING_RANGE: (f32, f32) = (0.0, 0.12);
pub const LETTER_SPACING_STEP: f32 = 0.02;
pub const WORD_SPACING_RANGE: (f32, f32) = (0.0, 0.32);
pub const WORD_SPACING_STEP: f32 = 0.04;
/// Width of the text column in em. 40 em is 40 CJK characters or about 80
/// Latin ones (WCAG 1.4.8: at most 80 characters, 40 for CJK).
pub const CONTENT_WIDTH_RANGE: (f32, f32) = (20.0, 40.0);
pub const CONTENT_WIDTH_STEP: f32 = 2.0;
pub const DEFAULT_CONTENT_WIDTH: f32 = 34.0;
/// Narration speed as a multiple of the voice's normal rate, in 0.05 steps:
/// slower for listeners who need time, up to the 3× that practised
/// screen-reader users ask for.
pub const SPEECH_RATE_RANGE: (f32, f32) = (0.5, 3.0);
pub const SPEECH_RATE_STEP: f32 = 0.05;
/// What one press of "slower"/"faster" (or `[`/`]`) changes: a quarter is a
/// change one can hear; the Settings slider has the fine steps.
pub const SPEECH_RATE_BUTTON_STEP: f32 = 0.25;
pub const DEFAULT_SPEECH_RATE: f32 = 1.0;
/// How many megabytes of pictures one kept article may keep for reading
/// offline. 20 MB holds a long photo story; a page with more than that is
/// kept with its words and the pictures that fit.
pub const PICTURE_MB_PER_ARTICLE_RANGE: (f32, f32) = (1.0, 100.0);
pub const PICTURE_MB_PER_ARTICLE_STEP: f32 = 1.0;
pub const DEFAULT_PICTURE_MB_PER_ARTICLE: u32 = 20;
/// How many megabytes of pictures all kept articles may keep together, so
/// a small, old disk never fills up with them. 500 MB is about 25 long
/// photo stories or hundreds of ordinary articles.
pub const PICTURE_MB_TOTAL_RANGE: (f32, f32) = (50.0, 5000.0);
pub const PICTURE_MB_TOTAL_STEP: f32 = 50.0;
pub const DEFAULT_PICTURE_MB_TOTAL: u32 = 500;

/// A slider's range, its step and its default, as the UI needs them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub min: f32,
    pub max: f32,
    pub step: f32,
    pub default: f32,
}

impl Range {
    const fn new((min, max): (f32, f32), step: f32, default: f32) -> Range {
        Range {
            min,
            max,
            step,
            default,
        }
    }

    /// `v` within the range on the step grid (NaN: the default), to two
    /// decimals so 1.15 does not come out as 1.1500001.
    pub fn clamp(&self, v: f32) -> f32 {
        if !v.is_finite() {
            return self.default;
        }
        let steps = ((v.clamp(self.min, self.max) - self.min) / self.step).round();
        let snapped = (self.min + steps * self.step).min(self.max);
        (snapped * 100.0).round() / 100.0
    }
}

/// Every limit the settings are kept within: the UI shows its sliders,
/// buttons and keys with these instead of copies of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    pub text_sizes: &'static [u32],
    /// [`CONTROL_SIZES`]: the controls' size for each of `text_sizes`.
    pub control_sizes: &'static [u32],
    pub default_text_size: u32,
    pub line_height: Range,
    pub letter_spacing: Range,
    pub word_spacing: Range,
    pub content_width: Range,
    pub speech_rate: Range,
    pub keep_picture_mb_per_article: Range,
    pub keep_picture_mb_total: Range,
    /// [`SETUP_TEXT_SIZES`].
    pub setup_text_sizes: &'static [u32],
    /// [`SETUP_SPEECH_RATES`].
    pub setup_speech_rates: &'static [f32],
}

pub const LINE_HEIGHT: Range = Range::new(LINE_HEIGHT_RANGE, LINE_HEIGHT_STEP, DEFAULT_LINE_HEIGHT);
pub const LETTER_SPACING: Range = Range::new(LETTER_SPACING_RANGE, LETTER_SPACING_STEP, 0.0);
pub const WORD_SPACING: Range = Range::new(WORD_SPACING_RANGE, WORD_SPACING_STEP, 0.0);
pub const CONTENT_WIDTH: Range = Range::new(
    CONTENT_WIDTH_RANGE,
    CONTENT_WIDTH_STEP,
    DEFAULT_CONTENT_WIDTH,
);
pub const SPEECH_RATE: Range = Range::new(SPEECH_RATE_RANGE, SPEECH_RATE_STEP, DEFAULT_SPEECH_RATE);
pub const PICTURE_MB_PER_ARTICLE: Range = Range::new(
    PICTURE_MB_PER_ARTICLE_RANGE,
    PICTURE_MB_PER_ARTICLE_STEP,
    DEFAULT_PICTURE_MB_PER_ARTICLE as f32,
);
pub const PICTURE_MB_TOTAL: Range = Range::new(
    PICTURE_MB_TOTAL_RANGE,
    PICTURE_MB_TOTAL_STEP,
    DEFAULT_PICTURE_MB_TOTAL as f32,
);

/// The limits, for the UI.
pub fn limits() -> Limits {
    Limits {
        text_sizes: TEXT_SIZES,
        control_sizes: CONTROL_SIZES,
        default_text_size: DEFAULT_TEXT_SIZE,
        line_height: LINE_HEIGHT,
        letter_spacing: LETTER_SPACING,
        word_spacing: WORD_SPACING,
        content_width: CONTENT_WIDTH,
        speech_rate: SPEECH_RATE,
        keep_picture_mb_per_article: PICTURE_MB_PER_ARTICLE,
        keep_picture_mb_total: PICTURE_MB_TOTAL,
        setup_text_sizes: SETUP_TEXT_SIZES,
        setup_speech_rates: SETUP_SPEECH_RATES,
    }
}

/// Colour themes. Each meets WCAG AAA contrast (7:1) for all text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Dark text on a warm off-white page.
    #[default]
    Care,
    /// Light text on a dark page.
    Dark,
    /// Yellow on black.
    Contrast,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub text_size: u32,
    pub line_height: f32,
    pub letter_spacing: f32,
    pub word_spacing: f32,
    pub content_width: f32,
    pub theme: Theme,
    /// `zh-CN` or `en-US`; `None` follows the operating system.
    pub ui_lang: Option<String>,
    /// False until the first run has followed the OS dark/contrast preference.
    pub theme_chosen: bool,
    /// Narration speed, see [`SPEECH_RATE_RANGE`].
    pub speech_rate: f32,
    /// The voice chosen for Chinese text (an engine voice id); `None` lets the
    /// narrator pick the best installed one.
    pub voice_zh: Option<String>,
    /// The voice chosen for English text, as `voice_zh`.
    pub voice_en: Option<String>,
    /// Sentence-by-sentence mode: the narrator pauses after every sentence.
    pub sentence_mode: bool,
    /// Megabytes of pictures one kept article keeps, see [`PICTURE_MB_PER_ARTICLE_RANGE`].
    pub keep_picture_mb_per_article: u32,
    /// Megabytes of pictures all kept articles keep, see [`PICTURE_MB_TOTAL_RANGE`].
    pub keep_picture_mb_total: u32,
    /// Listening like a radio: an article opened from Home's news starts
    /// reading aloud, and at its end the next headline follows.
    pub auto_read: bool,
    /// Simple mode (长辈模式): Home, the reader, Listen and text size only;
    /// settings, sources and anything that deletes are hidden. Not part of
    /// [`SettingsPatch`]: it is switched on and off (with the family's PIN)
    /// through the application layer only.
    pub simple_mode: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            text_size: DEFAULT_TEXT_SIZE,
            line_height: DEFAULT_LINE_HEIGHT,
            letter_spacing: 0.0,
            word_spacing: 0.0,
            content_width: DEFAULT_CONTENT_WIDTH,
            theme: Theme::Care,
            ui_lang: None,
            theme_chosen: false,
            speech_rate: DEFAULT_SPEECH_RATE,
            voice_zh: None,
            voice_en: None,
            sentence_mode: false,
            keep_picture_mb_per_article: DEFAULT_PICTURE_MB_PER_ARTICLE,
            keep_picture_mb_total: DEFAULT_PICTURE_MB_TOTAL,
            auto_read: false,
            simple_mode: false,
        }
    }
}

/// A partial update from the UI: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SettingsPatch {
    pub text_size: Option<u32>,
    /// Move the text size this many offered sizes up (or down, negative),
    /// after `text_size`: Ctrl+Plus is `1`.
    pub text_size_steps: Option<i32>,
    /// Text size, spacing and width back to their defaults, before the rest
    /// of the patch ("Back to the usual settings").
    pub reset_typography: bool,
    pub line_height: Option<f32>,
    pub letter_spacing: Option<f32>,
    pub word_spacing: Option<f32>,
    pub content_width: Option<f32>,
    pub theme: Option<Theme>,
    pub ui_lang: Option<String>,
    pub theme_chosen: Option<bool>,
    pub speech_rate: Option<f32>,
    /// Move the speech rate this many button steps faster (or slower,
    /// negative), after `speech_rate`: "faster" is `1` (see [`step_speech_rate`]).
    pub speech_rate_steps: Option<i32>,
    /// `Some("")` clears the choice (back to the narrator's pick).
    pub voice_zh: Option<String>,
    pub voice_en: Option<String>,
    pub sentence_mode: Option<bool>,
    pub keep_picture_mb_per_article: Option<u32>,
    pub keep_picture_mb_total: Option<u32>,
    pub auto_read: Option<bool>,
}

impl Settings {
    /// The settings with `patch` applied, then clamped.
    #[must_use]
    pub fn patched(&self, patch: &SettingsPatch) -> Settings {
        let mut s = self.clone();
        if patch.reset_typography {
            let d = Settings::default();
            s.text_size = d.text_size;
            s.line_height = d.line_height;
            s.letter_spacing = d.letter_spacing;
            s.word_spacing = d.word_spacing;
            s.content_width = d.content_width;
        }
        if let Some(v) = patch.text_size {
            s.text_size = v;
        }
        if let Some(steps) = patch.text_size_steps {
            s.text_size = s.step_text_size(steps);
        }
        if let Some(v) = patch.line_height {
            s.line_height = v;
        }
        if let Some(v) = patch.letter_spacing {
            s.letter_spacing = v;
        }
        if let Some(v) = patch.word_spacing {
            s.word_spacing = v;
        }
        if let Some(v) = patch.content_width {
            s.content_width = v;
        }
        if let Some(v) = patch.theme {
            s.theme = v;
        }
        if let Some(v) = &patch.ui_lang {
            s.ui_lang = Some(v.clone());
        }
        if let Some(v) = patch.theme_chosen {
            s.theme_chosen = v;
        }
        if let Some(v) = patch.speech_rate {
            s.speech_rate = v;
        }
        if let Some(steps) = patch.speech_rate_steps {
            s.speech_rate = step_speech_rate(s.speech_rate, steps);
        }
        if let Some(v) = &patch.voice_zh {
            s.voice_zh = Some(v.clone()).filter(|v| !v.is_empty());
        }
        if let Some(v) = &patch.voice_en {
            s.voice_en = Some(v.clone()).filter(|v| !v.is_empty());
        }
        if let Some(v) = patch.sentence_mode {
            s.sentence_mode = v;
        }
        if let Some(v) = patch.keep_picture_mb_per_article {
            s.keep_picture_mb_per_article = v;
        }
        if let Some(v) = patch.keep_picture_mb_total {
            s.keep_picture_mb_total = v;
        }
        if let Some(v) = patch.auto_read {
            s.auto_read = v;
        }
        s.clamped()
    }

    /// Every value brought into its range: the nearest offered text size,
    /// spacings within their bounds (NaN becomes the default), a shipped UI
    /// language or none.
    #[must_use]
    pub fn clamped(mut self) -> Settings {
        self.text_size = nearest_text_size(self.text_size);
        self.line_height = LINE_HEIGHT.clamp(self.line_height);
        self.letter_spacing = LETTER_SPACING.clamp(self.letter_spacing);
        self.word_spacing = WORD_SPACING.clamp(self.word_spacing);
        self.content_width = CONTENT_WIDTH.clamp(self.content_width);
        self.ui_lang = self
            .ui_lang
            .filter(|l| reader_l10n::SUPPORTED_LANGS.contains(&l.as_str()));
        self.speech_rate = clamp_speech_rate(self.speech_rate);
        self.keep_picture_mb_per_article =
            PICTURE_MB_PER_ARTICLE.clamp(self.keep_picture_mb_per_article as f32) as u32;
        self.keep_picture_mb_total =
            PICTURE_MB_TOTAL.clamp(self.keep_picture_mb_total as f32) as u32;
        self
    }

    /// The next larger (`steps > 0`) or smaller offered text size.
    pub fn step_text_size(&self, steps: i32) -> u32 {
        let i = TEXT_SIZES
            .iter()
            .position(|&s| s == nearest_text_size(self.text_size))
            .unwrap_or(0) as i32;
        let j = (i + steps).clamp(0, TEXT_SIZES.len() as i32 - 1) as usize;
        TEXT_SIZES[j]
    }
}

/// `rate` within [`SPEECH_RATE_RANGE`] on the 0.05 grid (NaN: the default).
pub fn clamp_speech_rate(rate: f32) -> f32 {
    SPEECH_RATE.clamp(rate)
}

/// One press of "faster" (`steps > 0`) or "slower": to the next quarter in
/// that direction (1.05 → 1.25 → 1.5), within the range, so the buttons
/// land on speeds a listener can name again.
pub fn step_speech_rate(rate: f32, steps: i32) -> f32 {
    let rate = clamp_speech_rate(rate);
    let quarters = rate / SPEECH_RATE_BUTTON_STEP;
    // A rate a hair off a quarter (float noise) counts as on it.
    let here = quarters.round();
    let base = if (quarters - here).abs() < 0.01 {
        here
    } else if steps > 0 {
        quarters.floor()
    } else {
        quarters.ceil()
    };
    clamp_speech_rate((base + steps as f32) * SPEECH_RATE_BUTTON_STEP)
}

fn nearest_text_size(px: u32) -> u32 {
    TEXT_SIZES
        .iter()
        .copied()
        .min_by_key(|s| s.abs_diff(px))
        .unwrap_or(DEFAULT_TEXT_SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_size_has_a_control_size_that_grows_with_it() {
        assert_eq!(CONTROL_SIZES.len(), TEXT_SIZES.len());
        assert!(CONTROL_SIZES.windows(2).all(|w| w[0] <= w[1]));
        assert!(CONTROL_SIZES.iter().all(|&c| c >= 22));
        for (&text, &control) in TEXT_SIZES.iter().zip(CONTROL_SIZES) {
            // Never larger than the text once the text is large, and at
            // 48 px text and above every label is at least 28 px.
            if text >= 24 {
                assert!(control <= text, "{control} px controls for {text} px text");
            }
            if text >= 48 {
                assert!(control >= 28, "{control} px controls for {text} px text");
            }
        }
    }

    #[test]
    fn values_come_back_into_range() {
        let s = Settings {
            text_size: 25,
            line_height: 9.0,
            letter_spacing: -1.0,
            word_spacing: f32::NAN,
            content_width: 400.0,
            ui_lang: Some("fr".into()),
            ..Settings::default()
        }
        .clamped();
        assert_eq!(s.text_size, 24);
        assert_eq!(s.line_height, 2.5);
        assert_eq!(s.letter_spacing, 0.0);
        assert_eq!(s.word_spacing, 0.0);
        assert_eq!(s.content_width, 40.0);
        assert_eq!(s.ui_lang, None);
        let s = Settings {
            keep_picture_mb_per_article: 0,
            keep_picture_mb_total: 1_000_000,
            ..Settings::default()
        }
        .clamped();
        assert_eq!(
            (s.keep_picture_mb_per_article, s.keep_picture_mb_total),
            (1, 5000)
        );
        let old: Settings = serde_json::from_str(r#"{"textSize": 32}"#).unwrap_or_default();
        assert_eq!(
            (old.keep_picture_mb_per_article, old.keep_picture_mb_total),
            (20, 500),
            "a settings file from before the picture limits gets the defaults"
        );
        // Values land on the sliders' steps.
        let s = Settings {
            line_height: 1.87,
            letter_spacing: 0.05,
            word_spacing: 0.13,
            content_width: 33.0,
            ..Settings::default()
        }
        .clamped();
        assert_eq!(
            (
                s.line_height,
                s.letter_spacing,
                s.word_spacing,
                s.content_width
            ),
            (1.9, 0.06, 0.12, 34.0)
        );
    }

    #[test]
    fn relative_text_size_and_reset_patches() {
        let s = Settings::default().patched(&SettingsPatch {
            text_size_steps: Some(2),
            line_height: Some(2.2),
            ..SettingsPatch::default()
        });
        assert_eq!((s.text_size, s.line_height), (32, 2.2));
        let s = s.patched(&SettingsPatch {
            text_size_steps: Some(100),
            ..SettingsPatch::default()
        });
        assert_eq!(s.text_size, 96);
        let back = s.patched(&SettingsPatch {
            reset_typography: true,
            ..SettingsPatch::default()
        });
        assert_eq!(back.text_size, DEFAULT_TEXT_SIZE);
        assert_eq!(back.line_height, DEFAULT_LINE_HEIGHT);
        assert_eq!(back.theme, s.theme, "colours are not typography");
    }

    #[test]
    fn limits_are_what_clamping_uses() {
        let l = limits();
        assert_eq!(l.text_sizes, TEXT_SIZES);
        assert!(l.text_sizes.contains(&l.default_text_size));
        for range in [
            l.line_height,
            l.letter_spacing,
            l.word_spacing,
            l.content_width,
            l.speech_rate,
        ] {
            assert_eq!(range.clamp(range.max + 1.0), range.max);
            assert_eq!(range.clamp(range.min - 1.0), range.min);
            assert_eq!(range.clamp(range.default), range.default);
            assert_eq!(range.clamp(f32::NAN), range.default);
        }
        let json = serde_json::to_string(&l).unwrap_or_default();
        assert!(json.contains("\"speechRate\":{\"min\":0.5"), "{json}");
    }

    #[test]
    fn patches_change_only_what_they_name() {
        let s = Settings::default().patched(&SettingsPatch {
            text_size: Some(32),
            ui_lang: Some("zh-CN".into()),
            ..SettingsPatch::default()
        });
        assert_eq!(s.text_size, 32);
        assert_eq!(s.ui_lang.as_deref(), Some("zh-CN"));
        assert_eq!(s.line_height, DEFAULT_LINE_HEIGHT);
    }

    #[test]
    fn speech_rate_stays_on_its_grid_and_range() {
        assert_eq!(clamp_speech_rate(1.0), 1.0);
        assert_eq!(clamp_speech_rate(1.13), 1.15);
        assert_eq!(clamp_speech_rate(0.1), 0.5);
        assert_eq!(clamp_speech_rate(7.0), 3.0);
        assert_eq!(clamp_speech_rate(f32::NAN), DEFAULT_SPEECH_RATE);
        let s = Settings::default().patched(&SettingsPatch {
            speech_rate: Some(2.02),
            voice_zh: Some("Chinese (Mandarin, latin as Pinyin)".into()),
            ..SettingsPatch::default()
        });
        assert_eq!(s.speech_rate, 2.0);
        assert!(s.voice_zh.is_some());
        // An empty voice id goes back to the narrator's own choice.
        let s = s.patched(&SettingsPatch {
            voice_zh: Some(String::new()),
            ..SettingsPatch::default()
        });
        assert_eq!(s.voice_zh, None);
    }

    #[test]
    fn speed_buttons_go_to_the_next_quarter() {
        assert_eq!(step_speech_rate(1.0, 1), 1.25);
        assert_eq!(step_speech_rate(1.05, 1), 1.25);
        assert_eq!(step_speech_rate(1.05, -1), 1.0);
        assert_eq!(step_speech_rate(1.25, -1), 1.0);
        assert_eq!(step_speech_rate(1.3, -1), 1.25);
        assert_eq!(step_speech_rate(2.9, 1), 3.0);
        assert_eq!(step_speech_rate(3.0, 1), 3.0);
        assert_eq!(step_speech_rate(0.5, -1), 0.5);
        assert_eq!(step_speech_rate(f32::NAN, 1), 1.25);
    }

    #[test]
    fn text_size_steps_stop_at_the_ends() {
        let s = Settings::default();
        assert_eq!(s.step_text_size(1), 28);
        assert_eq!(s.step_text_size(-1), 22);
        assert_eq!(s.step_text_size(-100), 18);
        assert_eq!(s.step_text_size(100), 96);
    }

    #[test]
    fn json_uses_the_ui_names_and_tolerates_missing_fields() {
        let s: Settings =
            serde_json::from_str(r#"{"textSize":32,"theme":"dark"}"#).unwrap_or_default();
        assert_eq!(s.text_size, 32);
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.line_height, DEFAULT_LINE_HEIGHT);
        let json = serde_json::to_string(&s).unwrap_or_default();
        assert!(json.contains("\"contentWidth\""), "{json}");
    }

    #[test]
    fn the_setups_choices_are_sizes_and_speeds_settings_keep() {
        for size in SETUP_TEXT_SIZES {
            assert!(TEXT_SIZES.contains(size), "{size}");
        }
        assert!(SETUP_TEXT_SIZES.contains(&DEFAULT_TEXT_SIZE));
        for &rate in SETUP_SPEECH_RATES {
            assert_eq!(clamp_speech_rate(rate), rate, "{rate}");
        }
        assert!(SETUP_SPEECH_RATES.contains(&DEFAULT_SPEECH_RATE));
    }
}
