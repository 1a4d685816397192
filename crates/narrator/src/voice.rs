//! Voices the engine offers, and the best one for each language.

use serde::Serialize;

use crate::text::Lang;

/// One voice of the speech engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoiceInfo {
    /// What the engine knows it by (speech-dispatcher: the synthesis voice
    /// name; WinRT/AVFoundation: the voice identifier).
    pub id: String,
    /// A name a person can read.
    pub name: String,
    /// BCP 47 tag as the engine reports it (`cmn-latn-pinyin`, `en-US`).
    pub lang: String,
}

impl VoiceInfo {
    /// Whether this voice speaks `lang`.
    pub fn speaks(&self, lang: Lang) -> bool {
        Lang::from_tag(&self.lang) == Some(lang)
    }

    /// Whether the voice reads Chinese written as tone-numbered pinyin
    /// (espeak-ng's "Chinese (Mandarin, latin as Pinyin)"): the narrator
    /// then gives it the readings it has worked out, not the characters.
    pub fn reads_pinyin(&self) -> bool {
        self.speaks(Lang::Zh)
            && (self.lang.to_ascii_lowercase().contains("pinyin")
                || self.name.to_ascii_lowercase().contains("pinyin"))
    }

    /// A variant of another voice: espeak-ng lists every voice again with
    /// each of its ~100 variants ("…+klatt", "…+Adam"), thousands of entries
    /// a voice list should not show by default.
    pub fn is_variant(&self) -> bool {
        self.id.contains('+')
    }
}

/// How well a voice suits reading news in `lang`; higher is better, `None`
/// when it does not speak the language at all.
///
/// Why these preferences: on Debian's espeak-ng, the plain Mandarin voice
/// (`cmn`) spells out pinyin with tone numbers in English, while "Chinese
/// (Mandarin, latin as Pinyin)" (`cmn-latn-pinyin`) reads characters as
/// Mandarin (PLATFORM.md); mainland Mandarin before Cantonese and Taiwanese
/// variants, because the articles we are built for are mainland news. For
/// English, American then British, then any English.
fn suitability(voice: &VoiceInfo, lang: Lang) -> Option<u32> {
    if !voice.speaks(lang) {
        return None;
    }
    let tag = voice.lang.to_ascii_lowercase();
    let name = voice.name.to_ascii_lowercase();
    let score = match lang {
        Lang::Zh => {
            if tag.contains("pinyin") || name.contains("pinyin") {
                100
            } else if tag == "zh-cn" || tag == "zh-hans" || tag == "cmn-hans-cn" {
                90
            } else if tag.starts_with("zh-yue")
                || tag.starts_with("yue")
                || name.contains("cantonese")
            {
                10
            } else if tag == "cmn" || tag == "zh" {
                // espeak-ng's plain `cmn`: the tone-number trap above.
                20
            } else if tag.contains("tw") || tag.contains("hk") {
                40
            } else {
                50
            }
        }
        Lang::En => match tag.as_str() {
            "en-us" => 100,
            "en-gb" | "en" => 90,
            _ => 50,
        },
    };
    // Variants after the plain voice.
    let plain = if voice.is_variant() { 0 } else { 5 };
    Some(score + plain)
}

/// The best voice for `lang` among `voices`, or none when no voice speaks it.
pub fn best_voice(voices: &[VoiceInfo], lang: Lang) -> Option<&VoiceInfo> {
    voices
        .iter()
        .filter_map(|v| suitability(v, lang).map(|s| (s, v)))
        // First of the best, so the engine's own order breaks ties.
        .fold(None, |best: Option<(u32, &VoiceInfo)>, (s, v)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, v)),
        })
        .map(|(_, v)| v)
}

/// The voice to use for `lang`: the reader's choice when the engine still
/// has it, else the best one.
pub fn choose_voice<'a>(
    voices: &'a [VoiceInfo],
    lang: Lang,
    chosen: Option<&str>,
) -> Option<&'a VoiceInfo> {
    chosen
        .and_then(|id| voices.iter().find(|v| v.id == id && v.speaks(lang)))
        .or_else(|| best_voice(voices, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: &str, lang: &str) -> VoiceInfo {
        VoiceInfo {
            id: id.into(),
            name: id.into(),
            lang: lang.into(),
        }
    }

    #[test]
    fn mandarin_as_pinyin_beats_plain_cmn_and_cantonese() {
        let voices = [
            v("Chinese (Cantonese)", "yue"),
            v("Chinese (Mandarin)", "cmn"),
            v("Chinese (Mandarin, latin as Pinyin)", "cmn-latn-pinyin"),
            v("English (America)", "en-us"),
        ];
        assert_eq!(
            best_voice(&voices, Lang::Zh).map(|v| v.lang.as_str()),
            Some("cmn-latn-pinyin")
        );
        assert_eq!(
            best_voice(&voices, Lang::En).map(|v| v.lang.as_str()),
            Some("en-us")
        );
    }

    #[test]
    fn a_chosen_voice_wins_only_when_it_speaks_the_language() {
        let voices = [v("a", "en-gb"), v("b", "en-us"), v("c", "cmn")];
        assert_eq!(
            choose_voice(&voices, Lang::En, Some("a")).map(|v| v.id.as_str()),
            Some("a")
        );
        // A Chinese voice chosen for English, or one no longer installed: the best instead.
        assert_eq!(
            choose_voice(&voices, Lang::En, Some("c")).map(|v| v.id.as_str()),
            Some("b")
        );
        assert_eq!(
            choose_voice(&voices, Lang::En, Some("gone")).map(|v| v.id.as_str()),
            Some("b")
        );
        assert_eq!(choose_voice(&[v("a", "en-us")], Lang::Zh, None), None);
    }
}
