//! Chinese normalisation for speech: numbers, dates, times, percentages and a
//! few symbols written out as the words a newsreader says.
//!
//! The Mandarin voice (espeak-ng's `cmn`) reads Arabic digits poorly: it
//! spells long numbers digit by digit or in English, ignores `%` and reads a
//! date like `2024-05-09` as a subtraction. So the text given to the engine
//! has every digit written out; the page and its highlight keep the original.
//!
//! The scanner walks the text once. At a digit it looks at the whole number
//! token and its neighbours, picks a reading, and writes words:
//!
//! | written | said | why |
//! | --- | --- | --- |
//! | `2024年`, `05年` | 二零二四年, 零五年 | years are said digit by digit; only four-digit numbers (or a leading zero) directly before 年 count as years, so `用了24年` stays a duration (二十四年) |
//! | `2024-05-09`, `2024/5/9`, `2019.10.1` | 二零二四年五月九日 | ISO and slashed dates |
//! | `5999`, `10086`, `1,234,567` | 五千九百九十九, 一万零八十六, 一百二十三万四千五百六十七 | cardinals with 万/亿 groups; `15` is 十五 (no leading 一十) |
//! | `11.5万亿`, `3.14` | 十一点五万亿, 三点一四 | decimals: digits after 点 one by one |
//! | `34.8%`, `5‰` | 百分之三十四点八, 千分之五 | percent and per mille come first in Chinese |
//! | `-5℃`, `-3` | 零下五摄氏度, 负三 | a minus after a non-digit is a sign |
//! | `3-5天`, `10～20`, `10%～12%` | 三到五天, 十到二十, 百分之十到百分之十二 | ranges; a `%` or `℃` after the second number applies to both |
//! | `12:30`, `8:05`, `12:30:15`, `2:00` | 十二点三十分, 八点零五分, 十二点三十分十五秒, 两点 | clock times; `3:2` (not a time) is 三比二 |
//! | `3/4` | 四分之三 | fractions (not dates) |
//! | `13812345678`, `010-12345678`, `400-810-8888`, `电话：12345` | 一三八…, 零一零，一二三四五六七八 | phone numbers and codes digit by digit: 11 digits starting with 1, a leading 0, 400/800 hotlines, three or more dash-separated groups, 13+ digits, 5+ digits after 电话/热线/编号/号码/邮编/代码/QQ/… |
//! | `2个`, `2万`, `2000`, `第2名` | 两个, 两万, 两千, 第二名 | 两 before measure words and as the leading 2 of 千/万/亿 (what people say); 二 for ordinals, months, days and inside numbers |
//! | `90后` | 九零后 | generations are said digit by digit |
//! | `拨打110` | 拨打一一零 | three or more digits after 拨打/致电/呼叫/报警 are a number to dial |
//! | `1+1`, `3200×1440`, `1.1:50.3`, `25°C` | 一加一, 三千二百乘一千四百四十, 一点一比五十点三, 二十五摄氏度 | a few signs |
//! | `120km/h`, `30km`, `5m`, `90m²`, `5kg`, `500g`, `250ml`, `5000mAh`, `256GB`, `2TB` | 一百二十公里每小时, 三十公里, 五米, 九十平方米, 五公斤, 五百克, 二百五十毫升, 五千毫安时, 二百五十六吉字节, 两太字节 | units after numbers (not inside a longer Latin word: `5G` stays) |
//! | `¥5.8万`, `$300亿`, `€20`, `£1.5`, `HK$100` | 五点八万元, 三百亿美元, 二十欧元, 一点五英镑, 一百港元 | currency signs before amounts: the amount, its 万/亿, then the currency |
//! | `以2-1战胜`, `3:2获胜` | 以二比一战胜, 三比二获胜 | match scores: small numbers joined by `-` next to a sports word |
//! | `2024-2025赛季` | 二零二四到二零二五赛季 | two years at most 30 apart are years, not an amount |
//! | `−3.5%`, `+2%` | 负百分之三点五, 正百分之二 | signed percentages: the sign first |
//!
//! In phone numbers `1` is read 一, not the colloquial 幺: espeak-ng reads 一
//! reliably, and listeners understand it. Full-width digits and signs
//! (`０-９`, `％`, `．`, `：`, `／`, `－`, `＋`) are made half-width first.
//! Latin words are left as they are (digits inside them are read in Chinese:
//! `5G` → 五G). Every ASCII digit in the input is replaced by words.

/// Chinese digits, indexed by value.
const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Longest integer read as a cardinal (below 一万万亿); longer ones are read
/// digit by digit, as nobody says them as one number.
const MAX_CARDINAL_DIGITS: usize = 16;

/// Integers at least this long without separators are identifiers (ID cards,
/// order numbers, credit codes), read digit by digit.
const MIN_CODE_DIGITS: usize = 13;

/// Words before a number that make it a code read digit by digit (when it has
/// at least [`MIN_KEYWORD_CODE_DIGITS`] digits).
const CODE_KEYWORDS: &[&str] = &[
    "电话",
    "热线",
    "编号",
    "号码",
    "邮编",
    "代码",
    "QQ",
    "qq",
    "微信",
    "账号",
    "帐号",
    "工号",
    "学号",
    "传真",
    "手机",
    "单号",
    "卡号",
    "证号",
    "车次",
    "批号",
    "邮政编码",
    "客服",
];
const MIN_KEYWORD_CODE_DIGITS: usize = 5;

/// Words for dialling: any number of three or more digits after them is a
/// phone number (`拨打110`, `致电12345`), never a cardinal.
const DIAL_KEYWORDS: &[&str] = &["拨打", "致电", "呼叫", "拨通", "报警", "打通"];

/// Measure words (and big units) after which 2 is said 两.
const LIANG_MEASURES: &[char] = &[
    '个', '位', '名', '种', '条', '件', '次', '天', '年', '岁', '人', '家', '只', '本', '辆', '项',
    '台', '座', '所', '张', '倍', '周', '层', '套', '双', '对', '份', '批', '架', '艘', '门', '场',
    '轮', '块', '颗', '棵', '首', '部', '款', '间', '节', '遍', '趟', '回', '句', '步', '类', '季',
    '千', '万', '亿', '点', '米', '公', '斤', '吨', '小', '秒', '支', '股', '段', '篇', '封', '辈',
    '代', '杯', '碗', '匹', '头', '片', '粒', '滴', '把', '根', '枚', '元', '角', '毛', '处', '起',
    '例', '笔', '盘', '局', '届',
];

/// Characters after which a leading-zero number is a month, day or hour
/// (`05月`, `08时`), read as its value.
const DATE_UNITS: &[char] = &['月', '日', '号', '时', '点', '分', '秒'];

/// Separators that make two numbers a range (`3-5`, `10～20`, `1:30—3:30`).
fn is_range_sep(c: char) -> bool {
    matches!(c, '-' | '~' | '～' | '〜' | '—' | '–')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−')
}

/// Rewrites numbers, dates, percentages and symbols in Chinese text as words.
///
/// ```
/// use narrator::text::normalize_zh;
/// assert_eq!(normalize_zh("2024年增长34.8%"), "二零二四年增长百分之三十四点八");
/// assert_eq!(normalize_zh("iPhone 15售价5999元"), "iPhone 十五售价五千九百九十九元");
/// ```
pub fn normalize_zh(text: &str) -> String {
    let c = half_width(text);
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    // Where the last number written out ended (for `+` and time ranges).
    let mut last_number_end = usize::MAX;
    while i < c.len() {
        let ch = at(&c, i);
        let next_digit = at(&c, i + 1).is_ascii_digit();
        if let Some((word, len)) = currency_at(&c, i) {
            i = currency(&c, i, word, len, &mut out);
            last_number_end = i;
            continue;
        }
        if ch.is_ascii_digit() || (is_minus(ch) && next_digit && is_sign(&c, i)) {
            i = number(&c, i, &mut out);
            last_number_end = i;
            continue;
        }
        // +3.5%: 正百分之三点五 (a plus before anything else is left alone).
        if ch == '+' && next_digit && last_number_end != i && is_sign(&c, i) {
            let item = parse_item(&c, i + 1);
            if item.suffix == Suffix::Percent {
                out.push('正');
                i = number(&c, i + 1, &mut out);
                last_number_end = i;
                continue;
            }
        }
        match ch {
            '+' if last_number_end == i && next_digit => out.push('加'),
            s if is_range_sep(s) && last_number_end == i && next_digit => out.push('到'),
            // 1.1:50.3:48.6 (a ratio of decimals), 3200×1440.
            ':' if last_number_end == i && next_digit => out.push('比'),
            '×' | '*' if last_number_end == i && next_digit => out.push('乘'),
            '℃' => out.push_str("摄氏度"),
            '℉' => out.push_str("华氏度"),
            _ => out.push(ch),
        }
        i += 1;
    }
    out
}

/// The text as chars with full-width digits made ASCII, and full-width signs
/// made ASCII where they belong to a number.
fn half_width(text: &str) -> Vec<char> {
    let mut c: Vec<char> = text
        .chars()
        .map(|ch| match ch {
            '０'..='９' => char::from_u32(ch as u32 - '０' as u32 + '0' as u32).unwrap_or(ch),
            '％' | '﹪' => '%',
            _ => ch,
        })
        .collect();
    for i in 0..c.len() {
        let prev_digit = i > 0 && at(&c, i - 1).is_ascii_digit();
        let next_digit = at(&c, i + 1).is_ascii_digit();
        let mapped = match at(&c, i) {
            '．' if prev_digit && next_digit => '.',
            '：' if prev_digit && next_digit => ':',
            '／' if prev_digit && next_digit => '/',
            '，' if prev_digit && is_thousands_group(&c, i) => ',',
            '－' if next_digit => '-',
            '＋' if next_digit => '+',
            other => other,
        };
        if let Some(slot) = c.get_mut(i) {
            *slot = mapped;
        }
    }
    c
}

fn at(c: &[char], i: usize) -> char {
    c.get(i).copied().unwrap_or('\0')
}

fn digit_end(c: &[char], mut i: usize) -> usize {
    while at(c, i).is_ascii_digit() {
        i += 1;
    }
    i
}

fn collect(c: &[char], r: std::ops::Range<usize>) -> String {
    c.get(r).map(|s| s.iter().collect()).unwrap_or_default()
}

/// Whether a separator at `i` is followed by exactly three digits (1,234).
fn is_thousands_group(c: &[char], i: usize) -> bool {
    digit_end(c, i + 1) == i + 4
}

/// Whether the minus at `i` is a sign: not after a digit (a range) nor a
/// letter (`COVID-19`, `GPT-4`).
fn is_sign(c: &[char], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = at(c, i - 1);
    let glued = p.is_alphanumeric() && !super::lang::is_han(p);
    !glued && !matches!(p, ')' | '）' | '%' | '.')
}

fn value(digits: &str) -> u64 {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u64, |v, b| {
            v.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        })
}

/// Digit by digit: 2024 → 二零二四.
fn spell(digits: &str, out: &mut String) {
    for b in digits.bytes().filter(u8::is_ascii_digit) {
        out.push(DIGITS.get(usize::from(b - b'0')).copied().unwrap_or('零'));
    }
}

/// A cardinal from its digits (leading zeros ignored); too long → spelled.
fn cardinal(digits: &str, out: &mut String) {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.len() > MAX_CARDINAL_DIGITS {
        spell(digits, out);
    } else {
        out.push_str(&cardinal_words(value(trimmed)));
    }
}

/// 0 → 零, 15 → 十五, 115 → 一百一十五, 10086 → 一万零八十六, 2000 → 两千,
/// 20000 → 两万, 1234567 → 一百二十三万四千五百六十七.
pub(crate) fn cardinal_words(n: u64) -> String {
    let mut s = String::new();
    if n == 0 {
        s.push('零');
        return s;
    }
    let yi = n / 100_000_000;
    let rest = n % 100_000_000;
    if yi > 0 {
        below_yi(yi, &mut s, true);
        s.push('亿');
        if rest > 0 {
            if rest < 10_000_000 {
                s.push('零');
            }
            below_yi(rest, &mut s, false);
        }
    } else {
        below_yi(rest, &mut s, true);
    }
    s
}

/// `n` < 10⁸; `leading`: nothing has been said before it.
fn below_yi(n: u64, s: &mut String, leading: bool) {
    let wan = n / 10_000;
    let rest = n % 10_000;
    if wan > 0 {
        if leading && wan == 2 {
            s.push('两');
        } else {
            below_wan(wan, s, leading);
        }
        s.push('万');
        if rest > 0 {
            if rest < 1000 {
                s.push('零');
            }
            below_wan(rest, s, false);
        }
    } else {
        below_wan(rest, s, leading);
    }
}

/// 1 ≤ `n` < 10⁴.
fn below_wan(n: u64, s: &mut String, leading: bool) {
    const UNITS: [&str; 4] = ["千", "百", "十", ""];
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut started = false;
    let mut zero = false;
    for (k, (&d, unit)) in digits.iter().zip(UNITS).enumerate() {
        if d == 0 {
            zero |= started;
            continue;
        }
        if zero {
            s.push('零');
            zero = false;
        }
        let first = leading && !started;
        if first && k == 2 && d == 1 {
            // 十五, not 一十五, at the start of a number.
        } else if first && k == 0 && d == 2 {
            s.push('两');
        } else {
            s.push(DIGITS.get(d as usize).copied().unwrap_or('零'));
        }
        s.push_str(unit);
        started = true;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    None,
    Percent,
    Permille,
    Celsius,
    Fahrenheit,
    Degree,
}

/// A plain number: sign, integer digits (separators removed), fraction digits
/// and the sign after it.
#[derive(Debug)]
struct Item {
    start: usize,
    neg: bool,
    int: String,
    frac: String,
    grouped: bool,
    suffix: Suffix,
    /// Unit written out after the number (`km` → 公里).
    unit: Option<&'static str>,
    end: usize,
}

fn parse_item(c: &[char], i: usize) -> Item {
    let neg = is_minus(at(c, i));
    let s = if neg { i + 1 } else { i };
    let mut j = digit_end(c, s);
    let mut int = collect(c, s..j);
    let mut grouped = false;
    if int.len() <= 3 {
        while at(c, j) == ',' && is_thousands_group(c, j) {
            int.push_str(&collect(c, j + 1..j + 4));
            j += 4;
            grouped = true;
        }
    }
    let mut frac = String::new();
    if at(c, j) == '.' && at(c, j + 1).is_ascii_digit() {
        let e = digit_end(c, j + 1);
        frac = collect(c, j + 1..e);
        j = e;
    }
    let (suffix, len) = match (at(c, j), at(c, j + 1)) {
        ('%', _) => (Suffix::Percent, 1),
        ('‰', _) => (Suffix::Permille, 1),
        ('℃', _) => (Suffix::Celsius, 1),
        ('℉', _) => (Suffix::Fahrenheit, 1),
        ('°', 'C') => (Suffix::Celsius, 2),
        ('°', 'F') => (Suffix::Fahrenheit, 2),
        ('°', _) => (Suffix::Degree, 1),
        _ => (Suffix::None, 0),
    };
    j += len;
    let mut unit = None;
    if suffix == Suffix::None {
        if let Some((word, len)) = unit_at(c, j) {
            unit = Some(word);
            j += len;
        }
    }
    Item {
        start: i,
        neg,
        int,
        frac,
        grouped,
        suffix,
        unit,
        end: j,
    }
}

/// A metric unit right after a number, not part of a longer Latin word.
fn unit_at(c: &[char], j: usize) -> Option<(&'static str, usize)> {
    // Longer spellings first (km/h before km, m² before m).
    const UNITS: &[(&str, &str)] = &[
        ("km/h", "公里每小时"),
        ("m/s", "米每秒"),
        ("km²", "平方公里"),
        ("m²", "平方米"),
        ("㎡", "平方米"),
        ("㎞", "公里"),
        ("㎏", "公斤"),
        ("mAh", "毫安时"),
        ("km", "公里"),
        ("kg", "公斤"),
        ("cm", "厘米"),
        ("mm", "毫米"),
        ("ml", "毫升"),
        ("mL", "毫升"),
        ("GB", "吉字节"),
        ("TB", "太字节"),
        ("MB", "兆字节"),
        ("m", "米"),
        ("g", "克"),
    ];
    for (written, said) in UNITS {
        let len = written.chars().count();
        let matches = written.chars().enumerate().all(|(k, w)| at(c, j + k) == w);
        if matches && !at(c, j + len).is_ascii_alphabetic() {
            return Some((said, len));
        }
    }
    None
}

/// How an item is read.
#[derive(Debug, Default, Clone, Copy)]
struct Reading {
    year: bool,
    liang: bool,
    /// The suffix comes from the other end of a range (`3-5%`).
    shared_suffix: Option<Suffix>,
    /// Leave the unit word out (said once after the range).
    no_suffix_word: bool,
}

fn render(item: &Item, r: Reading, out: &mut String) {
    let suffix = r.shared_suffix.unwrap_or(item.suffix);
    let mut body = String::new();
    if r.year {
        spell(&item.int, &mut body);
    } else if r.liang {
        body.push('两');
    } else {
        cardinal(&item.int, &mut body);
    }
    if !item.frac.is_empty() {
        body.push('点');
        spell(&item.frac, &mut body);
    }
    let sign = if item.neg { "负" } else { "" };
    match suffix {
        // −3.5%: 负百分之三点五, as a newsreader says a fall.
        Suffix::Percent => {
            out.push_str(sign);
            out.push_str("百分之");
            out.push_str(&body);
        }
        Suffix::Permille => {
            out.push_str(sign);
            out.push_str("千分之");
            out.push_str(&body);
        }
        Suffix::Celsius | Suffix::Fahrenheit | Suffix::Degree => {
            if item.neg {
                out.push_str("零下");
            }
            out.push_str(&body);
            if !r.no_suffix_word {
                out.push_str(match suffix {
                    Suffix::Celsius => "摄氏度",
                    Suffix::Fahrenheit => "华氏度",
                    _ => "度",
                });
            }
        }
        Suffix::None => {
            out.push_str(sign);
            out.push_str(&body);
        }
    }
    if let Some(unit) = item.unit {
        out.push_str(unit);
    }
}

fn is_plain_int(item: &Item) -> bool {
    !item.neg && !item.grouped && item.frac.is_empty() && item.suffix == Suffix::None
}

fn is_year(c: &[char], item: &Item) -> bool {
    is_plain_int(item) && item.unit.is_none() && item.int.len() == 4 && at(c, item.end) == '年'
}

fn is_liang(c: &[char], item: &Item) -> bool {
    // 2km, 2TB: 两公里, 两太字节.
    if is_plain_int(item) && item.int == "2" && item.unit.is_some() {
        return true;
    }
    is_plain_int(item)
        && item.unit.is_none()
        && item.int == "2"
        && (item.start == 0 || !matches!(at(c, item.start - 1), '第' | '.' | '/'))
        && (LIANG_MEASURES.contains(&at(c, item.end))
            || (at(c, item.end) == '分' && at(c, item.end + 1) == '钟'))
}

/// Reads the number starting at `i` (a digit, or a sign before one), writes
/// its words and returns where it ends.
fn number(c: &[char], i: usize, out: &mut String) -> usize {
    if at(c, i).is_ascii_digit() {
        if let Some(end) = date(c, i, out)
            .or_else(|| time(c, i, out))
            .or_else(|| code(c, i, out))
            .or_else(|| dotted(c, i, out))
            .or_else(|| slashed(c, i, out))
            .or_else(|| ratio(c, i, out))
            .or_else(|| generation(c, i, out))
        {
            return end;
        }
    }
    let first = parse_item(c, i);
    let sep = at(c, first.end);
    let mut second_start = first.end + 1;
    // "1.35- 2.7%": a space after the dash.
    if at(c, second_start) == ' ' && at(c, second_start + 1).is_ascii_digit() {
        second_start += 1;
    }
    let second_ok = is_range_sep(sep)
        && (at(c, second_start).is_ascii_digit()
            || (is_minus(at(c, second_start)) && at(c, second_start + 1).is_ascii_digit()))
        // A leading zero after the dash is a code (`2-00426`), not a range end.
        && !(at(c, second_start) == '0' && at(c, second_start + 1).is_ascii_digit());
    if second_ok && is_score(c, &first, sep, second_start) {
        let second = parse_item(c, second_start);
        render(&first, Reading::default(), out);
        out.push('比');
        render(&second, Reading::default(), out);
        return second.end;
    }
    if !second_ok {
        let reading = Reading {
            year: is_year(c, &first),
            liang: is_liang(c, &first),
            ..Reading::default()
        };
        render(&first, reading, out);
        return first.end;
    }
    let second = parse_item(c, second_start);
    let years = is_year_range(c, &first, &second);
    let second_year = is_year(c, &second) || years;
    let mut r1 = Reading {
        year: second_year && is_plain_int(&first) && first.int.len() == 4,
        ..Reading::default()
    };
    let r2 = Reading {
        year: second_year,
        liang: is_liang(c, &second),
        ..Reading::default()
    };
    if first.suffix == Suffix::None && second.suffix != Suffix::None {
        match second.suffix {
            Suffix::Percent | Suffix::Permille => r1.shared_suffix = Some(second.suffix),
            _ => {
                // -5～3℃: 零下五到三摄氏度, the unit said once.
                r1.shared_suffix = Some(second.suffix);
                r1.no_suffix_word = true;
            }
        }
    }
    render(&first, r1, out);
    out.push('到');
    render(&second, r2, out);
    second.end
}

/// Words around a match result: `2-1` and `3:2` next to them are scores
/// (二比一), not a range or a time.
const SPORTS_BEFORE: &[&str] = &[
    "以",
    "比分",
    "比分为",
    "最终",
    "终场",
    "半场",
    "主场",
    "客场",
    "比赛",
    "决赛",
    "总比分",
];
const SPORTS_AFTER: &[&str] = &[
    "获胜",
    "战胜",
    "击败",
    "取胜",
    "胜出",
    "告负",
    "落败",
    "负于",
    "逆转",
    "战平",
    "打平",
    "大胜",
    "险胜",
    "力克",
    "胜",
    "负",
    "赢",
    "输",
    "的比分",
    "拿下",
    "送走",
    "横扫",
];

/// Whether `first`, `sep` and the number at `second_start` are a score:
/// small whole numbers joined by `-`, next to a sports word.
fn is_score(c: &[char], first: &Item, sep: char, second_start: usize) -> bool {
    if !matches!(sep, '-' | '–' | '—') || !is_plain_int(first) || first.unit.is_some() {
        return false;
    }
    let second = parse_item(c, second_start);
    let small = |it: &Item| is_plain_int(it) && it.unit.is_none() && it.int.len() <= 2;
    small(first) && small(&second) && near_sports_word(c, first.start, second.end)
}

/// Whether a sports word comes just before `start` or just after `end`.
fn near_sports_word(c: &[char], start: usize, end: usize) -> bool {
    let before = collect(c, start.saturating_sub(4)..start);
    let after = collect(c, end..(end + 3).min(c.len()));
    SPORTS_BEFORE.iter().any(|w| before.ends_with(w))
        || SPORTS_AFTER.iter().any(|w| after.starts_with(w))
}

/// `2024-2025`: two years a short span apart (a season, a plan), each said
/// digit by digit; not amounts (`2000-2500元`) nor numbers with a unit.
fn is_year_range(c: &[char], first: &Item, second: &Item) -> bool {
    let year = |it: &Item| {
        is_plain_int(it)
            && it.unit.is_none()
            && it.int.len() == 4
            && (1000..=2999).contains(&value(&it.int))
    };
    let after = at(c, second.end);
    let amount = LIANG_MEASURES.contains(&after) && after != '年' || matches!(after, '元' | '%');
    year(first)
        && year(second)
        && value(&second.int) > value(&first.int)
        && value(&second.int) - value(&first.int) <= 30
        && !amount
}

/// A currency sign before an amount, and the word said after it.
fn currency_at(c: &[char], i: usize) -> Option<(&'static str, usize)> {
    const SIGNS: &[(&str, &str)] = &[
        ("HK$", "港元"),
        ("US$", "美元"),
        ("NT$", "新台币"),
        ("$", "美元"),
        ("¥", "元"),
        ("￥", "元"),
        ("€", "欧元"),
        ("£", "英镑"),
        ("￡", "英镑"),
    ];
    for (written, said) in SIGNS {
        let len = written.chars().count();
        let matches = written.chars().enumerate().all(|(k, w)| at(c, i + k) == w);
        if matches && at(c, i + len).is_ascii_digit() {
            return Some((said, len));
        }
    }
    None
}

/// `¥5.8万`, `$300亿`, `HK$100`: the amount, its 万/亿, then the currency
/// (五点八万元, 三百亿美元, 一百港元), as a newsreader says it. Returns where
/// it ends.
fn currency(c: &[char], i: usize, word: &str, len: usize, out: &mut String) -> usize {
    let start = i + len;
    let next = at(c, start + 1);
    let lone_two = at(c, start) == '2'
        && !matches!(next, '0'..='9' | '.' | ',' | ':' | '/')
        && !is_range_sep(next);
    let mut j = if lone_two {
        // $2: 两美元, as for any measure.
        out.push('两');
        start + 1
    } else {
        number(c, start, out)
    };
    while matches!(at(c, j), '万' | '亿' | '千' | '百') {
        out.push(at(c, j));
        j += 1;
    }
    // "¥100元", "$5美元": the page says the currency already.
    let said = collect(c, j..(j + word.chars().count()).min(c.len()));
    if at(c, j) != '元' && said != word {
        out.push_str(word);
    }
    j
}

/// Digit runs joined by one separator character: `(parts, end)`.
fn chain(c: &[char], i: usize, sep: char) -> (Vec<String>, usize) {
    let mut parts = Vec::new();
    let mut j = i;
    loop {
        let e = digit_end(c, j);
        parts.push(collect(c, j..e));
        j = e;
        if at(c, j) == sep && at(c, j + 1).is_ascii_digit() {
            j += 1;
        } else {
            break;
        }
    }
    (parts, j)
}

fn part(parts: &[String], k: usize) -> &str {
    parts.get(k).map_or("", String::as_str)
}

/// `2024-05-09`, `2024/5/9`, `2019.10.1`, `2024-05`, `2024/5`.
fn date(c: &[char], i: usize, out: &mut String) -> Option<usize> {
    let sep = at(c, digit_end(c, i));
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let (parts, end) = chain(c, i, sep);
    let year = part(&parts, 0);
    let month = part(&parts, 1);
    let year_ok = year.len() == 4 && (1000..=2999).contains(&value(year));
    let month_ok = (1..=2).contains(&month.len()) && (1..=12).contains(&value(month));
    if !year_ok || !month_ok {
        return None;
    }
    match parts.len() {
        3 => {
            let day = part(&parts, 2);
            if !(1..=2).contains(&day.len()) || !(1..=31).contains(&value(day)) {
                return None;
            }
            spell(year, out);
            out.push('年');
            cardinal(month, out);
            out.push('月');
            cardinal(day, out);
            out.push('日');
            // 2024-05-09日: the day unit was already written.
            Some(if at(c, end) == '日' || at(c, end) == '号' {
                end + 1
            } else {
                end
            })
        }
        // Year and month: only `2024/5` or `2024-05` (not a range like
        // `2019-20`, not a decimal like `2019.10`).
        2 if (sep == '/' || (sep == '-' && month.starts_with('0')))
            && !at(c, end).is_ascii_digit() =>
        {
            spell(year, out);
            out.push('年');
            cardinal(month, out);
            out.push('月');
            Some(if at(c, end) == '月' { end + 1 } else { end })
        }
        _ => None,
    }
}

/// `12:30` → 十二点三十分, `8:05` → 八点零五分, `12:30:15`.
fn time(c: &[char], i: usize, out: &mut String) -> Option<usize> {
    let (parts, end) = chain(c, i, ':');
    let h = part(&parts, 0);
    let m = part(&parts, 1);
    let sec = part(&parts, 2);
    let ok = (2..=3).contains(&parts.len())
        && (1..=2).contains(&h.len())
        && value(h) <= 24
        && m.len() == 2
        && value(m) < 60
        && (parts.len() == 2 || (sec.len() == 2 && value(sec) < 60));
    if !ok {
        return None;
    }
    if value(h) == 2 {
        out.push('两');
    } else {
        cardinal(h, out);
    }
    out.push('点');
    let has_sec = parts.len() == 3 && value(sec) > 0;
    let minutes = value(m);
    if minutes > 0 || has_sec {
        if (1..10).contains(&minutes) || (minutes == 0 && has_sec) {
            out.push('零');
        }
        if minutes > 0 {
            cardinal(m, out);
        }
        out.push('分');
    }
    if has_sec {
        if value(sec) < 10 {
            out.push('零');
        }
        cardinal(sec, out);
        out.push('秒');
    }
    Some(end)
}

/// `90后`, `95后`: a generation, said digit by digit (九零后).
fn generation(c: &[char], i: usize, out: &mut String) -> Option<usize> {
    let end = digit_end(c, i);
    let after_digit = i > 0 && at(c, i - 1).is_ascii_digit();
    if end != i + 2 || at(c, end) != '后' || after_digit {
        return None;
    }
    spell(&collect(c, i..end), out);
    Some(end)
}

/// `3:2` → 三比二 (a score or ratio: not a time).
fn ratio(c: &[char], i: usize, out: &mut String) -> Option<usize> {
    let (parts, end) = chain(c, i, ':');
    if parts.len() != 2 || at(c, end) == '.' {
        return None;
    }
    cardinal(part(&parts, 0), out);
    out.push('比');
    cardinal(part(&parts, 1), out);
    Some(end)
}

/// Phone numbers and codes, read digit by digit, groups separated by a pause.
fn code(c: &[char], i: usize, out: &mut String) -> Option<usize> {
    let (parts, end) = chain(c, i, '-');
    let first = part(&parts, 0);
    let after = at(c, end);
    let decimal = after == '.' && at(c, end + 1).is_ascii_digit();
    let grouped = after == ',' && is_thousands_group(c, end);
    if decimal || grouped {
        return None;
    }
    let single = parts.len() == 1;
    let leading_zero = first.len() >= 2 && first.starts_with('0');
    let is_code = (leading_zero && !(single && DATE_UNITS.contains(&after)))
        || ((first == "400" || first == "800") && !single)
        || (single && first.len() == 10 && (first.starts_with("400") || first.starts_with("800")))
        || (single && first.len() == 11 && first.starts_with('1'))
        || first.len() >= MIN_CODE_DIGITS
        || parts.len() >= 3
        || parts
            .iter()
            .skip(1)
            .any(|p| p.len() >= 2 && p.starts_with('0'))
        || (first.len() >= MIN_KEYWORD_CODE_DIGITS && after_keyword(c, i, CODE_KEYWORDS))
        || (first.len() >= 3 && after_keyword(c, i, DIAL_KEYWORDS));
    if !is_code {
        return None;
    }
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            out.push('，');
        }
        spell(p, out);
    }
    Some(end)
}

/// Whether one of `keywords` comes just before `i` (allowing `：`,
/// spaces, 是 and 为 in between).
fn after_keyword(c: &[char], i: usize, keywords: &[&str]) -> bool {
    let mut k = i;
    while k > 0
        && matches!(
            at(c, k - 1),
            ' ' | ':' | '：' | '是' | '为' | '\t' | '(' | '（'
        )
    {
        k -= 1;
    }
    let before = collect(c, k.saturating_sub(4)..k);
    keywords.iter().any(|w| before.ends_with(w))
}

/// Three or more dot-separated numbers that are not a date (version 1.5.3,
/// section 2.1.3, an address): parts joined by 点.
fn dotted(c: &[char], i: usize, out: &mut String) -> Option<usize> {
    let (parts, end) = chain(c, i, '.');
    if parts.len() < 3 {
        return None;
    }
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            out.push('点');
        }
        cardinal(p, out);
    }
    Some(end)
}

/// `3/4` → 四分之三; three or more (`128/256/512`) are a list.
fn slashed(c: &[char], i: usize, out: &mut String) -> Option<usize> {
    let (parts, end) = chain(c, i, '/');
    match parts.len() {
        0 | 1 => None,
        2 => {
            let (num, den) = (part(&parts, 0), part(&parts, 1));
            if value(den) == 0 || at(c, end) == '.' {
                return None;
            }
            if at(c, end).is_ascii_alphabetic() {
                // 12/16GB: two sizes, not a fraction.
                cardinal(num, out);
                out.push('、');
                cardinal(den, out);
                return Some(unit_after(c, end, out));
            }
            cardinal(den, out);
            out.push_str("分之");
            cardinal(num, out);
            Some(end)
        }
        _ => {
            for (k, p) in parts.iter().enumerate() {
                if k > 0 {
                    out.push('、');
                }
                cardinal(p, out);
            }
            Some(unit_after(c, end, out))
        }
    }
}

/// Writes the unit at `j` (if one is there) and returns where it ends.
fn unit_after(c: &[char], j: usize, out: &mut String) -> usize {
    match unit_at(c, j) {
        Some((word, len)) => {
            out.push_str(word);
            j + len
        }
        None => j,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals() {
        let cases = [
            (0, "零"),
            (10, "十"),
            (15, "十五"),
            (100, "一百"),
            (110, "一百一十"),
            (2000, "两千"),
            (2024, "两千零二十四"),
            (5999, "五千九百九十九"),
            (10086, "一万零八十六"),
            (10010, "一万零一十"),
            (20000, "两万"),
            (100_000, "十万"),
            (1_234_567, "一百二十三万四千五百六十七"),
            (100_000_000, "一亿"),
            (1_000_050_000, "十亿零五万"),
            (1_000_000_000_000, "一万亿"),
        ];
        for (n, words) in cases {
            assert_eq!(cardinal_words(n), words, "{n}");
        }
    }
}
