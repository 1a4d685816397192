//! The tone changes of 一 and 不, which the voice does not make itself (it
//! does make the third-tone sandhi, so that one is left to it).
//!
//! - 不 is bú before a fourth tone (不是, 不要), neutral between a repeated
//!   word (是不是), bù otherwise.
//! - 一 keeps yī when it counts or orders: in and after numbers (十一,
//!   一九九八, 第一, 初一, 周一), at the end of a word (统一, 之一, 唯一),
//!   before an ordinal's noun (一月, 一号线, 一季度, 一是…二是…) and at
//!   the end of a run; it is neutral between a repeated verb (看一看); else
//!   it is yí before a fourth (or neutral) tone (一个, 一定) and yì before the
//!   others (一些, 一直, 一起, 一百).

/// Characters of numbers: 一 next to them is counting (yī), except before
/// the big units, where it changes like before any syllable (一百 yì bǎi).
const NUMERALS: &[char] = &[
    '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '百', '千', '万',
    '亿',
];
const BIG_UNITS: &[char] = &['百', '千', '万', '亿'];

/// Characters before 一 that make it the end of a word or an ordinal.
const YI_AFTER: &[char] = &[
    '第', '初', '周', '统', '唯', '单', '同', '逐', '之', '划', '合', '归', '专', '纯', '均', '整',
    '期', '星',
];

/// Characters after 一 that make it an ordinal (first month, line one, the
/// first quarter, "firstly").
const YI_BEFORE_ORDINAL: &[char] = &[
    '月', '号', '季', '是', '等', '审', '线', '流', '级', '楼', '期',
];

/// The tone of a tone-numbered syllable (5: neutral), if it has one.
fn tone(reading: Option<&str>) -> Option<u8> {
    reading
        .and_then(|r| r.bytes().last())
        .filter(|b| (b'1'..=b'5').contains(b))
        .map(|b| b - b'0')
}

/// Applies the 一 and 不 changes to `readings` (one per character of
/// `chars`, a run of Han characters).
pub(super) fn yi_bu(chars: &[char], readings: &mut [Option<String>]) {
    for k in 0..chars.len() {
        let prev = k.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(k + 1).copied();
        let next_tone = tone(readings.get(k + 1).and_then(|r| r.as_deref()));
        let repeated = prev.is_some() && prev == next;
        let new = match chars[k] {
            // A table's neutral 不 or 一 (差不多, 数一数) is kept.
            '不' if readings[k]
                .as_deref()
                .is_some_and(|r| r.starts_with("bu") && r != "bu5") =>
            {
                Some(if repeated {
                    "bu5"
                } else if next_tone == Some(4) {
                    "bu2"
                } else {
                    "bu4"
                })
            }
            '一' if readings[k]
                .as_deref()
                .is_some_and(|r| r.starts_with("yi") && r != "yi5") =>
            {
                let counting = prev.is_some_and(|p| NUMERALS.contains(&p) || YI_AFTER.contains(&p))
                    || next.is_some_and(|n| {
                        (NUMERALS.contains(&n) && !BIG_UNITS.contains(&n))
                            || YI_BEFORE_ORDINAL.contains(&n)
                    });
                Some(if repeated {
                    "yi5"
                } else if counting || next.is_none() {
                    "yi1"
                } else if matches!(next_tone, Some(4 | 5)) {
                    "yi2"
                } else {
                    "yi4"
                })
            }
            _ => None,
        };
        if let Some(r) = new {
            readings[k] = Some(r.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, readings: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut r: Vec<Option<String>> = readings.split(' ').map(|s| Some(s.into())).collect();
        yi_bu(&chars, &mut r);
        r.into_iter().flatten().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn bu() {
        assert_eq!(apply("不是", "bu4 shi4"), "bu2 shi4");
        assert_eq!(apply("不好", "bu4 hao3"), "bu4 hao3");
        assert_eq!(apply("是不是", "shi4 bu4 shi4"), "shi4 bu5 shi4");
    }

    #[test]
    fn yi() {
        assert_eq!(apply("一个", "yi1 ge4"), "yi2 ge4");
        assert_eq!(apply("一些", "yi1 xie1"), "yi4 xie1");
        assert_eq!(apply("一百", "yi1 bai3"), "yi4 bai3");
        assert_eq!(apply("统一", "tong3 yi1"), "tong3 yi1");
        assert_eq!(
            apply("统一思想", "tong3 yi1 si1 xiang3"),
            "tong3 yi1 si1 xiang3"
        );
        assert_eq!(apply("十一", "shi2 yi1"), "shi2 yi1");
        assert_eq!(apply("一九九八", "yi1 jiu3 jiu3 ba1"), "yi1 jiu3 jiu3 ba1");
        assert_eq!(apply("第一", "di4 yi1"), "di4 yi1");
        assert_eq!(apply("一月", "yi1 yue4"), "yi1 yue4");
        assert_eq!(apply("看一看", "kan4 yi1 kan4"), "kan4 yi5 kan4");
    }
}
