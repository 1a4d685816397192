//! Readings by context: which of its readings each Chinese character takes
//! here, so a voice that reads pinyin says 银行 yín háng, not yín xíng.
//!
//! espeak-ng's Mandarin voice ("latin as Pinyin") picks a character's reading
//! from its own small dictionary and gets very common words wrong (银行,
//! 音乐, 首都, 重庆, 长大, 睡觉, 便宜, 还钱), but it reads tone-numbered
//! pinyin exactly, and applies the third-tone sandhi itself (PLATFORM.md).
//! So for such a voice the engine is given pinyin ([`pinyin_text`]); voices
//! that do their own Chinese (Windows, macOS) get the characters.
//!
//! How a run of Chinese characters gets its readings:
//! 1. it is cut into words by jieba's dictionary (`jieba-rs`, MIT), which
//!    knows which characters belong together (为 | 人民 | 服务, not 为人 | 民);
//! 2. a word found in the reading tables ([`tables`]) takes the table's
//!    reading; a table word may also span several whole jieba words (还 | 钱
//!    → 还钱 huán qián) or lie inside one, but never cut one in two;
//! 3. any other character takes its most frequent reading, with a few
//!    context rules for particles (跑得快 de, 认真地 de, 哪儿 er);
//! 4. 一 and 不 change tone before the next syllable ([`tone`]).
//!
//! Every Han character gets exactly one syllable, so a listener hears each
//! character once and the tests can line the readings up with the text.

mod tables;
mod tone;

use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::lang::is_han;

/// One Chinese character and how it is said here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// Where the character is in the text (bytes).
    pub range: Range<usize>,
    /// Tone-numbered pinyin (`hang2`, `de5`), or `None` for a character no
    /// table knows (it is then given to the voice as it is).
    pub reading: Option<String>,
}

/// Loads the word and reading tables now (≈0.2 s in a release build), so
/// that the first sentence read does not wait for them. Safe to call from any
/// thread, any number of times.
pub fn preload() {
    let _ = tables::tables();
    let _ = segmenter();
}

fn segmenter() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// The reading of every Han character in `text`, in order.
///
/// ```
/// use narrator::text::reading::syllables;
/// let readings: Vec<String> = syllables("去银行还钱")
///     .into_iter()
///     .filter_map(|s| s.reading)
///     .collect();
/// assert_eq!(readings, ["qu4", "yin2", "hang2", "huan2", "qian2"]);
/// ```
pub fn syllables(text: &str) -> Vec<Syllable> {
    let mut out = Vec::new();
    let mut run_start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\0')))
    {
        match (is_han(c), run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(start)) => {
                han_run(&text[start..i], start, &mut out);
                run_start = None;
            }
            _ => {}
        }
    }
    out
}

/// A character of a Han run while its reading is worked out.
struct Slot {
    c: char,
    range: Range<usize>,
    reading: Option<&'static str>,
    /// The first character of a jieba word.
    word_start: bool,
    /// The jieba word this character belongs to has one character.
    alone: bool,
    /// The reading came from a word table (not the character fallback).
    from_word: bool,
    /// The part of speech jieba's dictionary gives the word.
    tag: Tag,
}

/// A part of speech, by the first letter of jieba's tag (ICTCLAS letters):
/// all the particle rules need to tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// Adjectives, adverbs, descriptive words and idioms (a, ad, d, z, i, l):
    /// a 地 after them makes an adverb.
    Manner,
    /// Pronouns (r).
    Pronoun,
    /// Numerals and measure words (m, q).
    Count,
    Verb,
    Other,
}

impl Tag {
    fn of(tag: &str) -> Tag {
        match tag.as_bytes().first() {
            Some(b'a' | b'd' | b'z' | b'i' | b'l') => Tag::Manner,
            Some(b'r') => Tag::Pronoun,
            Some(b'm' | b'q') => Tag::Count,
            Some(b'v') => Tag::Verb,
            _ => Tag::Other,
        }
    }
}

/// Readings for one run of Han characters starting at byte `offset`.
fn han_run(run: &str, offset: usize, out: &mut Vec<Syllable>) {
    let t = tables::tables();
    let mut slots: Vec<Slot> = Vec::with_capacity(run.len() / 3);
    let mut pos = offset;
    // The tagged words tile the run (no HMM: unknown stretches come out as
    // single characters).
    for tagged in segmenter().tag(run, false) {
        let word = tagged.word;
        let n = word.chars().count();
        let tag = Tag::of(tagged.tag);
        for (k, (b, c)) in word.char_indices().enumerate() {
            let start = pos + b;
            slots.push(Slot {
                c,
                range: start..start + c.len_utf8(),
                reading: None,
                word_start: k == 0,
                alone: n == 1,
                from_word: false,
                tag,
            });
        }
        pos += word.len();
    }
    // Byte offsets of the characters inside `run`, and the end.
    let starts: Vec<usize> = slots
        .iter()
        .map(|s| s.range.start - offset)
        .chain(std::iter::once(run.len()))
        .collect();
    let n = slots.len();
    let mut i = 0;
    while i < n {
        let longest = t.longest_word.min(n - i);
        let found = (2..=longest).rev().find_map(|len| {
            let end = i + len;
            if !fits_words(&slots, i, end) {
                return None;
            }
            let word = run.get(starts[i]..starts[end])?;
            t.word(word).map(|syllables| (end, syllables))
        });
        match found {
            Some((end, syllables)) => {
                for (slot, s) in slots[i..end].iter_mut().zip(syllables.split(' ')) {
                    slot.reading = Some(s);
                    slot.from_word = true;
                }
                i = end;
            }
            None => {
                slots[i].reading = t.char(slots[i].c);
                i += 1;
            }
        }
    }
    particles(&mut slots);
    let mut readings: Vec<Option<String>> =
        slots.iter().map(|s| s.reading.map(str::to_owned)).collect();
    let chars: Vec<char> = slots.iter().map(|s| s.c).collect();
    tone::yi_bu(&chars, &mut readings);
    out.extend(
        slots
            .into_iter()
            .zip(readings)
            .map(|(s, reading)| Syllable {
                range: s.range,
                reading,
            }),
    );
}

/// Whether characters `a..b` may be read as one table word: they are whole
/// jieba words, or all inside one (no jieba word is cut in two).
fn fits_words(slots: &[Slot], a: usize, b: usize) -> bool {
    let starts_word = |k: usize| k >= slots.len() || slots[k].word_start;
    let whole = starts_word(a) && starts_word(b);
    let inside = (a + 1..b).all(|k| !slots[k].word_start);
    whole || inside
}

/// Characters before which a lone 儿 is the erhua suffix (哪儿 nǎr, 一点儿),
/// said as a neutral "er" after its syllable.
const ERHUA_BEFORE: &[char] = &[
    '哪', '这', '那', '点', '会', '玩', '事', '味', '活', '劲', '块', '边', '空', '样', '些', '头',
    '道', '伴', '个', '面', '门', '号', '心',
];

/// Context rules for particles and verbs the tables cannot know: for
/// characters that took their fallback reading (table words are left as
/// they are), and the erhua 儿.
fn particles(slots: &mut [Slot]) {
    for k in 0..slots.len() {
        let prev = k.checked_sub(1).and_then(|p| slots.get(p));
        let next = slots.get(k + 1);
        let prev_tag = prev.map(|_| word_tag_before(slots, k));
        let alone = slots[k].alone;
        let reading = match slots[k].c {
            // The tables give 哪儿 as nǎ ér; said, the 儿 is the light erhua.
            '儿' if !slots[k].word_start && prev.is_some_and(|p| ERHUA_BEFORE.contains(&p.c)) => {
                Some("er5")
            }
            _ if slots[k].from_word || !alone => None,
            // 得 before 了 or 到 is "get" (他得了冠军); after a pronoun or a
            // modal adverb it is "must" (你得去, 还得等); after a verb it links
            // it to how it is done (跑得快).
            '得' => Some(if next.is_some_and(|n| matches!(n.c, '了' | '到')) {
                "de2"
            } else if prev_tag == Some(Tag::Pronoun)
                || prev.is_some_and(|p| MODAL_BEFORE_DEI.contains(&p.c))
            {
                "dei3"
            } else if prev.is_some() {
                "de5"
            } else {
                "de2"
            }),
            // 地 after a manner word makes an adverb (认真地, 慢慢地): de;
            // otherwise it is the ground (这块地, 在地里): dì.
            '地' if next.is_some() && prev_tag == Some(Tag::Manner) => Some("de5"),
            // A lone 种 after a number or a demonstrative is a kind (三种,
            // 这种); else it is the verb, to plant (种玉米).
            '种' if next.is_some() && !matches!(prev_tag, Some(Tag::Count | Tag::Pronoun)) => {
                Some("zhong4")
            }
            // A lone 教 is the verb, to teach (教我们唱歌).
            '教' if next.is_some() => Some("jiao1"),
            // A lone 中 before 了 is to hit or win (中了大奖).
            '中' if next.is_some_and(|n| n.c == '了') => Some("zhong4"),
            _ => None,
        };
        if let Some(r) = reading {
            slots[k].reading = Some(r);
        }
    }
}

/// Adverbs before which 得 is "must" (还得等, 就得走, 必须得去).
const MODAL_BEFORE_DEI: &[char] = &['还', '就', '也', '都', '总', '须', '只', '可'];

/// The part of speech of the jieba word that ends just before `k`.
fn word_tag_before(slots: &[Slot], k: usize) -> Tag {
    k.checked_sub(1)
        .and_then(|p| slots.get(p))
        .map_or(Tag::Other, |s| s.tag)
}

/// What a voice that reads pinyin is given for `text`: every Han character
/// replaced by its tone-numbered syllable, syllables separated by spaces,
/// everything else (punctuation, Latin words, spaces) kept, so the voice
/// still pauses at commas.
///
/// ```
/// use narrator::text::reading::pinyin_text;
/// assert_eq!(pinyin_text("他去银行，取了钱。"), "ta1 qu4 yin2 hang2，qu3 le5 qian2。");
/// ```
pub fn pinyin_text(text: &str) -> String {
    pinyin_text_from(text, &syllables(text))
}

/// [`pinyin_text`] with the readings given: `syllables` are `text`'s Han
/// characters in order (as [`syllables`] returns them, perhaps changed).
pub fn pinyin_text_from(text: &str, syllables: &[Syllable]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut next = syllables.iter().peekable();
    // What was written last: a syllable, or a letter or digit; either needs
    // a space before a following syllable, and a syllable before a letter.
    let (mut after_syllable, mut after_letter) = (false, false);
    for (i, c) in text.char_indices() {
        match next.peek() {
            Some(s) if s.range.start == i => {
                if after_syllable || after_letter {
                    out.push(' ');
                }
                match &s.reading {
                    Some(r) => out.push_str(r),
                    None => out.push(c),
                }
                (after_syllable, after_letter) = (true, false);
                next.next();
            }
            _ => {
                if after_syllable && c.is_alphanumeric() {
                    out.push(' ');
                }
                out.push(c);
                (after_syllable, after_letter) = (false, c.is_alphanumeric());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        syllables(text)
            .into_iter()
            .map(|s| s.reading.unwrap_or_else(|| "?".into()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_words_espeak_gets_wrong() {
        assert_eq!(read("银行"), "yin2 hang2");
        assert_eq!(read("音乐"), "yin1 yue4");
        assert_eq!(read("首都"), "shou3 du1");
        assert_eq!(read("重庆"), "chong2 qing4");
        assert_eq!(read("长大"), "zhang3 da4");
        assert_eq!(read("睡觉"), "shui4 jiao4");
        assert_eq!(read("便宜"), "pian2 yi5");
        assert_eq!(read("还钱"), "huan2 qian2");
    }

    #[test]
    fn a_table_word_never_cuts_a_word_in_two() {
        // 为人 (wéi rén) is a table word, but here 人民 is the word.
        assert_eq!(read("为人民服务"), "wei4 ren2 min2 fu2 wu4");
    }

    #[test]
    fn particles_by_context() {
        assert_eq!(read("他跑得很快"), "ta1 pao3 de5 hen3 kuai4");
        assert_eq!(read("认真地学习"), "ren4 zhen1 de5 xue2 xi2");
        assert_eq!(read("你去哪儿"), "ni3 qu4 na3 er5");
        assert_eq!(read("她的女儿"), "ta1 de5 nv3 er2");
    }

    #[test]
    fn pinyin_text_keeps_punctuation_and_latin_words() {
        assert_eq!(pinyin_text("五G手机"), "wu3 G shou3 ji1");
        assert_eq!(pinyin_text("用 iPhone 拍"), "yong4 iPhone pai1");
        assert_eq!(pinyin_text(""), "");
    }
}
