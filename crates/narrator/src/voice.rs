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

/// Voices known to read news well, by a word of their name or id (lower
/// case), and how much they are preferred within their language's tags:
/// - Windows: "Microsoft Xiaoxiao" (a natural voice, where one is installed)
///   and "Microsoft Huihui" (standard in Windows 10 and 11's Chinese
///   language pack; Kangkang and Yaoyao are there too, less clear).
/// - macOS: "Tingting" (婷婷), the Mac's Mandarin voice since OS X 10.7, and
///   "Samantha", its usual American English voice.
const KNOWN_GOOD: &[(&str, u32)] = &[
    ("xiaoxiao", 50),
    ("huihui", 40),
    ("tingting", 40),
    ("samantha", 40),
];

/// macOS's novelty voices (sound effects, whispers, singing), which a voice
/// list in alphabetical order would otherwise offer first for English.
const NOVELTY_NAMES: &[&str] = &[
    "albert",
    "bad news",
    "bahh",
    "bells",
    "boing",
    "bubbles",
    "cellos",
    "deranged",
    "good news",
    "hysterical",
    "jester",
    "organ",
    "pipe organ",
    "superstar",
    "trinoids",
    "whisper",
    "wobble",
    "zarvox",
];

/// Whether a voice is meant for fun rather than for reading: macOS's
/// novelty voices, and its Eloquence voices (Eddy, Flo, Grandma, …; ids
/// `com.apple.eloquence.*`), robotic beside the same language's own voice
/// and listed before it alphabetically.
fn is_novelty(voice: &VoiceInfo) -> bool {
    let name = voice.name.to_ascii_lowercase();
    NOVELTY_NAMES.contains(&name.as_str()) || voice.id.starts_with("com.apple.eloquence.")
}

/// How well a voice suits reading news in `lang`; higher is better, `None`
/// when it does not speak the language at all.
///
/// First the language's tag, by the articles we are built for: on Debian's
/// espeak-ng, the plain Mandarin voice (`cmn`) spells out pinyin with tone
/// numbers in English, while "Chinese (Mandarin, latin as Pinyin)"
/// (`cmn-latn-pinyin`) reads characters as Mandarin (PLATFORM.md); mainland
/// Mandarin before Cantonese and Taiwanese variants, because the articles are
/// mainland news; for English, American then British, then any English.
/// Within one tag: a voice known to read well ([`KNOWN_GOOD`]), then macOS's
/// downloadable premium and enhanced qualities, then the plain voice before
/// espeak-ng's variants. Novelty voices come after every other voice of the
/// language, but before having none.
fn suitability(voice: &VoiceInfo, lang: Lang) -> Option<u32> {
    if !voice.speaks(lang) {
        return None;
    }
    let tag = voice.lang.to_ascii_lowercase();
    let name = voice.name.to_ascii_lowercase();
    let id = voice.id.to_ascii_lowercase();
    let by_tag = match lang {
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
    let by_tag = if is_novelty(voice) { 1 } else { by_tag };
    let known = KNOWN_GOOD
        .iter()
        .find(|(word, _)| name.contains(word) || id.contains(word))
        .map_or(0, |(_, bonus)| *bonus);
    let quality = if id.contains(".premium.") {
        20
    } else if id.contains(".enhanced.") {
        10
    } else {
        0
    };
    // Variants after the plain voice.
    let plain = if voice.is_variant() { 0 } else { 5 };
    Some(by_tag * 100 + known + quality + plain)
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

    fn named(id: &str, name: &str, lang: &str) -> VoiceInfo {
        VoiceInfo {
            id: id.into(),
            name: name.into(),
            lang: lang.into(),
        }
    }

    /// Windows 11's voice list with the Chinese language pack, in its own
    /// order (ids as WinRT gives them, shortened).
    #[test]
    fn windows_reads_chinese_with_huihui_or_xiaoxiao() {
        let token = |n: &str| {
            format!(
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Speech_OneCore\\Voices\\Tokens\\MSTTS_V110_{n}"
            )
        };
        let mut voices = vec![
            named(
                &token("enUS_DavidM"),
                "Microsoft David - English (United States)",
                "en-US",
            ),
            named(
                &token("zhCN_KangkangM"),
                "Microsoft Kangkang - Chinese (Simplified, PRC)",
                "zh-CN",
            ),
            named(
                &token("zhHK_TracyM"),
                "Microsoft Tracy - Chinese (Traditional, Hong Kong S.A.R.)",
                "zh-HK",
            ),
            named(
                &token("zhCN_HuihuiM"),
                "Microsoft Huihui - Chinese (Simplified, PRC)",
                "zh-CN",
            ),
            named(
                &token("zhCN_YaoyaoM"),
                "Microsoft Yaoyao - Chinese (Simplified, PRC)",
                "zh-CN",
            ),
        ];
        let zh = |voices: &[VoiceInfo]| best_voice(voices, Lang::Zh).map(|v| v.name.clone());
        assert_eq!(
            zh(&voices).as_deref(),
            Some("Microsoft Huihui - Chinese (Simplified, PRC)")
        );
        voices.push(named(
            "MSTTS_V110_zhCN_XiaoxiaoNeural",
            "Microsoft Xiaoxiao Online (Natural) - Chinese (Mainland)",
            "zh-CN",
        ));
        assert!(zh(&voices).is_some_and(|n| n.contains("Xiaoxiao")));
        assert_eq!(
            best_voice(&voices, Lang::En).map(|v| v.lang.as_str()),
            Some("en-US")
        );
    }

    /// macOS lists its voices alphabetically, novelty and Eloquence voices
    /// among them.
    #[test]
    fn macos_reads_chinese_with_tingting_and_english_without_novelties() {
        let voices = [
            named("com.apple.speech.synthesis.voice.Albert", "Albert", "en-US"),
            named(
                "com.apple.speech.synthesis.voice.BadNews",
                "Bad News",
                "en-US",
            ),
            named("com.apple.eloquence.zh-CN.Eddy", "Eddy", "zh-CN"),
            named("com.apple.eloquence.en-US.Eddy", "Eddy", "en-US"),
            named("com.apple.voice.compact.zh-CN.Lili", "Lili", "zh-CN"),
            named("com.apple.voice.compact.zh-TW.Meijia", "Meijia", "zh-TW"),
            named(
                "com.apple.voice.compact.en-US.Samantha",
                "Samantha",
                "en-US",
            ),
            named(
                "com.apple.voice.compact.zh-CN.Tingting",
                "Tingting",
                "zh-CN",
            ),
        ];
        assert_eq!(
            best_voice(&voices, Lang::Zh).map(|v| v.name.as_str()),
            Some("Tingting")
        );
        assert_eq!(
            best_voice(&voices, Lang::En).map(|v| v.name.as_str()),
            Some("Samantha")
        );
        // The enhanced download of the same voice beats the compact one.
        let mut more = voices.to_vec();
        more.push(named(
            "com.apple.voice.enhanced.zh-CN.Tingting",
            "Tingting (Enhanced)",
            "zh-CN",
        ));
        assert_eq!(
            best_voice(&more, Lang::Zh).map(|v| v.id.as_str()),
            Some("com.apple.voice.enhanced.zh-CN.Tingting")
        );
        // Only novelties: still better than silence.
        let only = [named(
            "com.apple.speech.synthesis.voice.Albert",
            "Albert",
            "en-US",
        )];
        assert!(best_voice(&only, Lang::En).is_some());
    }
}
