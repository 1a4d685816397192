//! Speech text: sentence segmentation, language runs and Chinese
//! normalisation, checked on tables of real news phrases, on random input
//! (proptest) and on the whole reference corpus.
//!
//! The normalisation table's inputs are copied from the NetEase seed page
//! (`/work/shared/seed`) and the Chinese corpus references (`gne-zh`,
//! `cleaneval-zh`); the expected readings were written by hand.

use std::ops::Range;
use std::path::{Path, PathBuf};

use narrator::text::segment::{MAX_UNITS, WIDE_UNITS};
use narrator::text::{Lang, language_runs, normalize_zh, sentences};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Helpers

fn pieces<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
    ranges
        .iter()
        .map(|r| text.get(r.clone()).expect("range on char boundaries"))
        .collect()
}

fn split(text: &str) -> Vec<&str> {
    let ranges = sentences(text);
    assert_tiles(text, &ranges);
    pieces(text, &ranges)
}

fn runs(text: &str, default: Lang) -> Vec<(Lang, &str)> {
    let runs = language_runs(text, default);
    let ranges: Vec<Range<usize>> = runs.iter().map(|(_, r)| r.clone()).collect();
    assert_tiles(text, &ranges);
    runs.into_iter()
        .map(|(l, r)| (l, text.get(r).expect("range on char boundaries")))
        .collect()
}

/// The ranges are in order, non-empty, on char boundaries and cover `text`.
fn assert_tiles(text: &str, ranges: &[Range<usize>]) {
    let mut at = 0;
    for r in ranges {
        assert_eq!(
            r.start, at,
            "gap or overlap at {at} in {text:?}: {ranges:?}"
        );
        assert!(r.end > r.start, "empty range {r:?} in {text:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "range {r:?} not on char boundaries in {text:?}"
        );
        at = r.end;
    }
    assert_eq!(at, text.len(), "ranges do not reach the end of {text:?}");
}

/// Speaking units of a sentence, as the segmenter counts them (whitespace
/// is a pause, not speech).
fn speaking_units(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            c if is_wide(c) => WIDE_UNITS,
            c if c.is_whitespace() => 0,
            _ => 1,
        })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}' | '\u{3000}'..='\u{303F}' | '\u{3040}'..='\u{30FF}'
        | '\u{3100}'..='\u{312F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}'
        | '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

// ---------------------------------------------------------------------------
// Sentences

#[test]
fn sentence_table() {
    let table: &[(&str, &[&str])] = &[
        // Chinese terminators end a sentence without a space.
        ("你好。我好！", &["你好。", "我好！"]),
        ("真的吗？是的。", &["真的吗？", "是的。"]),
        ("第一；第二。", &["第一；", "第二。"]),
        // Closing quotes and brackets stay with their sentence.
        (
            "史耀中说：“选择落户雄安。”他笑了。",
            &["史耀中说：“选择落户雄安。”", "他笑了。"],
        ),
        ("（详见附件。）下一段。", &["（详见附件。）", "下一段。"]),
        (
            "他问：“为什么？！”没人回答。",
            &["他问：“为什么？！”", "没人回答。"],
        ),
        (
            "《人民日报》刊文。「好。」",
            &["《人民日报》刊文。", "「好。」"],
        ),
        // Runs of terminators stay together.
        ("工程开工……2024年以来", &["工程开工……", "2024年以来"]),
        ("What?! No way!!", &["What?! ", "No way!!"]),
        // English sentences keep their trailing whitespace.
        ("Hi there. Bye now.", &["Hi there. ", "Bye now."]),
        (
            "It rained.  Then it stopped.",
            &["It rained.  ", "Then it stopped."],
        ),
        (
            "He said \"Go.\" Then he left.",
            &["He said \"Go.\" ", "Then he left."],
        ),
        ("(See below.) Next one.", &["(See below.) ", "Next one."]),
        // Decimals, versions, domains, e-mail.
        (
            "Prices rose 11.5 percent. Good.",
            &["Prices rose 11.5 percent. ", "Good."],
        ),
        ("Pi is 3.14 or so.", &["Pi is 3.14 or so."]),
        (
            "Update to 1.5.3 now. Done.",
            &["Update to 1.5.3 now. ", "Done."],
        ),
        (
            "Visit www.gov.cn today. Thanks.",
            &["Visit www.gov.cn today. ", "Thanks."],
        ),
        (
            "See example.com/a.b for more.",
            &["See example.com/a.b for more."],
        ),
        (
            "Mail info@example.com now.",
            &["Mail info@example.com now."],
        ),
        ("增长11.5%。下降3.14点。", &["增长11.5%。", "下降3.14点。"]),
        // Abbreviations and initials.
        ("Mr. Smith met Dr. Jones.", &["Mr. Smith met Dr. Jones."]),
        (
            "Mrs. Lee and Prof. Wang came.",
            &["Mrs. Lee and Prof. Wang came."],
        ),
        ("J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
        ("The U.S. Senate voted.", &["The U.S. Senate voted."]),
        (
            "Apples, pears, etc. Are fruit.",
            &["Apples, pears, etc. Are fruit."],
        ),
        ("Use e.g. salt, i.e. NaCl.", &["Use e.g. salt, i.e. NaCl."]),
        ("At 9 a.m. Monday we met.", &["At 9 a.m. Monday we met."]),
        ("Apple Inc. Said so.", &["Apple Inc. Said so."]),
        (
            "He lives on Baker St. London.",
            &["He lives on Baker St. London."],
        ),
        (
            "See No. 5 here. I said no. Then.",
            &["See No. 5 here. ", "I said no. ", "Then."],
        ),
        ("Born Jan. 5 in Rome.", &["Born Jan. 5 in Rome."]),
        // Ellipses inside a sentence.
        ("Wait... what happened?", &["Wait... what happened?"]),
        (
            "He paused… and went on. Then.",
            &["He paused… and went on. ", "Then."],
        ),
        (
            "It ended... The next day.",
            &["It ended... ", "The next day."],
        ),
        // Lowercase after a period: not a sentence end.
        ("approx. five people", &["approx. five people"]),
        // A period followed by a quote or CJK.
        (
            "He left. \"Why?\" she asked.",
            &["He left. ", "\"Why?\" she asked."],
        ),
        (
            "“Okay!” Izuku called back.",
            &["“Okay!” ", "Izuku called back."],
        ),
        (
            "Smith, J. (ed.) (2009). Title.",
            &["Smith, J. (ed.) (2009). ", "Title."],
        ),
        ("It works. 中文也行。", &["It works. ", "中文也行。"]),
        ("完成了.他们走了.", &["完成了.", "他们走了."]),
        // List numbers at the start of a line.
        (
            "1. 电子商务概述\n2.1. 淘宝网物流",
            &["1. 电子商务概述\n", "2.1. 淘宝网物流"],
        ),
        // Newlines end sentences; blank lines stay with the sentence before.
        ("第一行\n第二行", &["第一行\n", "第二行"]),
        ("Line one\n\nLine two", &["Line one\n\n", "Line two"]),
        ("\n\n开头的空行", &["\n\n开头的空行"]),
        ("a\r\nb", &["a\r\n", "b"]),
        // URL query marks.
        (
            "Open example.com/?a=1 now.",
            &["Open example.com/?a=1 now."],
        ),
        // Mixed.
        (
            "iPhone 15售价5999元。Apple said so. 好的！",
            &["iPhone 15售价5999元。", "Apple said so. ", "好的！"],
        ),
        // Edge cases.
        ("   ", &["   "]),
        ("。", &["。"]),
        ("没有标点", &["没有标点"]),
    ];
    for (text, expected) in table {
        assert_eq!(&split(text), expected, "sentences of {text:?}");
    }
    assert!(sentences("").is_empty());
}

#[test]
fn long_chinese_sentence_is_cut_at_a_comma() {
    // 30 clauses of 9 Han characters and a comma: 300 Han characters.
    let text = "京津冀协同发展迈上新台阶，".repeat(25) + "完。";
    let parts = split(&text);
    assert!(parts.len() >= 3, "{parts:?}");
    for p in &parts {
        assert!(speaking_units(p) <= MAX_UNITS, "too long: {p}");
    }
    // Every piece but the last ends at a comma.
    for p in parts.iter().take(parts.len() - 1) {
        assert!(p.ends_with('，'), "not cut at a comma: {p}");
    }
    // The cut is in the second half of the allowed length.
    assert!(speaking_units(parts[0]) > MAX_UNITS / 2);
}

#[test]
fn long_english_sentence_is_cut_at_a_comma_or_space() {
    let with_commas = "the river rose, ".repeat(30) + "and then it fell.";
    let parts = split(&with_commas);
    assert!(parts.len() >= 2);
    for p in parts.iter().take(parts.len() - 1) {
        assert!(p.ends_with(", "), "not cut at a comma: {p:?}");
        assert!(speaking_units(p) <= MAX_UNITS);
    }
    let words = "word ".repeat(120);
    let parts = split(&words);
    assert!(parts.len() >= 2);
    for p in &parts {
        assert!(p.ends_with(' '), "not cut at a space: {p:?}");
        assert!(speaking_units(p) <= MAX_UNITS);
    }
}

#[test]
fn long_text_without_breaks_is_cut_hard_on_char_boundaries() {
    let han = "中".repeat(500);
    let parts = split(&han);
    assert_eq!(
        parts.first().map(|p| p.chars().count()),
        Some(MAX_UNITS / WIDE_UNITS)
    );
    let latin = "a\u{301}".repeat(400); // combining acute accents
    for p in split(&latin) {
        assert!(p.starts_with('a'), "a mark was cut from its letter");
    }
    // Commas between digits are not cut points: the only other comma is
    // early, so the cut falls there.
    let numbers = "前言，".to_owned() + &"1,234,567".repeat(30);
    assert_eq!(split(&numbers).first().copied(), Some("前言，"));
}

#[test]
fn large_inputs_stay_linear() {
    // Shapes that would be quadratic with a naive scan; each must finish
    // quickly even in a debug build.
    let blank_lines = "\n".repeat(50_000) + "x";
    assert_eq!(sentences(&blank_lines).len(), 1);
    let initials = "A. ".repeat(20_000);
    assert_tiles(&initials, &sentences(&initials));
    let spelled = "A B C 中 ".repeat(5_000);
    let r = language_runs(&spelled, Lang::En);
    assert_eq!(r.len(), 1);
    let han = "中".repeat(100_000);
    assert_eq!(sentences(&han).len(), 100_000 * WIDE_UNITS / MAX_UNITS + 1);
    let digits = "1".repeat(10_000) + "年" + &"2,345".repeat(2_000);
    assert!(!normalize_zh(&digits).chars().any(|c| c.is_ascii_digit()));
}

// ---------------------------------------------------------------------------
// Language runs

#[test]
fn language_run_table() {
    use Lang::{En, Zh};
    type Row<'a> = (&'a str, Lang, &'a [(Lang, &'a str)]);
    let table: &[Row] = &[
        (
            "iPhone 15 售价5999元",
            Zh,
            &[(En, "iPhone 15 "), (Zh, "售价5999元")],
        ),
        ("2024年", En, &[(Zh, "2024年")]),
        ("GPT-4o模型", Zh, &[(En, "GPT-4o"), (Zh, "模型")]),
        (
            "用GPT-4o模型写作",
            Zh,
            &[(Zh, "用"), (En, "GPT-4o"), (Zh, "模型写作")],
        ),
        ("A股大涨", En, &[(Zh, "A股大涨")]),
        ("5G网络覆盖", En, &[(Zh, "5G网络覆盖")]),
        ("做B超检查", En, &[(Zh, "做B超检查")]),
        ("据CNN报道", En, &[(Zh, "据CNN报道")]),
        ("公司CEO表示", En, &[(Zh, "公司CEO表示")]),
        ("Apple CEO Tim Cook", Zh, &[(En, "Apple CEO Tim Cook")]),
        ("AI is here", Zh, &[(En, "AI is here")]),
        (
            "Hello world. 你好",
            Zh,
            &[(En, "Hello world. "), (Zh, "你好")],
        ),
        ("你好，hello", Zh, &[(Zh, "你好，"), (En, "hello")]),
        ("Hello, “世界”", Zh, &[(En, "Hello, "), (Zh, "“世界”")]),
        ("iPhone15售价", Zh, &[(En, "iPhone"), (Zh, "15售价")]),
        ("价格100Euro", Zh, &[(Zh, "价格100"), (En, "Euro")]),
        ("价格100USD", Zh, &[(Zh, "价格100USD")]),
        ("12345", En, &[(En, "12345")]),
        ("12345", Zh, &[(Zh, "12345")]),
        ("——", Zh, &[(Zh, "——")]),
        ("  中文  ", En, &[(Zh, "  中文  ")]),
        ("Café 咖啡馆", Zh, &[(En, "Café "), (Zh, "咖啡馆")]),
        ("ＡＢＣＤ全角", Zh, &[(En, "ＡＢＣＤ"), (Zh, "全角")]),
        (
            "微软Microsoft和谷歌Google",
            Zh,
            &[
                (Zh, "微软"),
                (En, "Microsoft"),
                (Zh, "和谷歌"),
                (En, "Google"),
            ],
        ),
        ("“Hello”他说", Zh, &[(En, "“Hello”"), (Zh, "他说")]),
        ("α粒子", En, &[(Zh, "α粒子")]),
        ("证券时报e公司讯", Zh, &[(Zh, "证券时报e公司讯")]),
        (
            "手机 Galaxy S20 系列机型",
            Zh,
            &[(Zh, "手机 "), (En, "Galaxy S20 "), (Zh, "系列机型")],
        ),
        (
            "搭载 Exynos 990，5G 将作为",
            Zh,
            &[(Zh, "搭载 "), (En, "Exynos 990，"), (Zh, "5G 将作为")],
        ),
        ("据 CNN BBC 报道", En, &[(Zh, "据 CNN BBC 报道")]),
        ("Apple 15.5%增长", Zh, &[(En, "Apple "), (Zh, "15.5%增长")]),
    ];
    for (text, default, expected) in table {
        assert_eq!(&runs(text, *default), expected, "runs of {text:?}");
    }
    assert!(language_runs("", Lang::Zh).is_empty());
}

// ---------------------------------------------------------------------------
// Chinese normalisation

/// Real phrases from the seed page and the Chinese corpus, then the rules'
/// own examples.
const NORMALIZE_TABLE: &[(&str, &str)] = &[
    // Years, months, days (seed: NetEase, 京津冀协同发展).
    ("2023年5月，习近平", "二零二三年五月，习近平"),
    ("5月9日，京投装备", "五月九日，京投装备"),
    ("今年1月，北京蓝箭", "今年一月，北京蓝箭"),
    ("2024年12月，", "二零二四年十二月，"),
    ("2024年9月29日", "二零二四年九月二十九日"),
    ("1992年，李简在", "一九九二年，李简在"),
    ("1610年起", "一六一零年起"),
    ("2016年4月14日，", "二零一六年四月十四日，"),
    ("05年一季度", "零五年一季度"),
    ("26日08时，内蒙古", "二十六日八时，内蒙古"),
    ("中国女排将于10日凌晨5点", "中国女排将于十日凌晨五点"),
    // Cardinals.
    ("已超过300家", "已超过三百家"),
    ("子公司332家", "子公司三百三十二家"),
    ("协同发展11年来", "协同发展十一年来"),
    ("连跨6个万亿元台阶", "连跨六个万亿元台阶"),
    ("103工房一车间", "一百零三工房一车间"),
    ("不到4分钟", "不到四分钟"),
    ("取得项目定点30余项", "取得项目定点三十余项"),
    ("年产值超50亿元", "年产值超五十亿元"),
    ("已有220余家零部件", "已有二百二十余家零部件"),
    ("吸引60多家京津等", "吸引六十多家京津等"),
    (
        "由2013年的3500多家增长到2024年的1万多家",
        "由二零一三年的三千五百多家增长到二零二四年的一万多家",
    ),
    ("至少节省40分钟", "至少节省四十分钟"),
    ("营造林638万亩", "营造林六百三十八万亩"),
    ("天数为267天", "天数为二百六十七天"),
    (
        "13所省属高校与29所京津高校",
        "十三所省属高校与二十九所京津高校",
    ),
    (
        "914家医疗机构实现60项检验结果互认",
        "九百一十四家医疗机构实现六十项检验结果互认",
    ),
    ("高考575分", "高考五百七十五分"),
    ("致天水233名幼儿血铅", "致天水二百三十三名幼儿血铅"),
    ("将引入10000个国际顶尖", "将引入一万个国际顶尖"),
    ("一期总面积53000平方米", "一期总面积五万三千平方米"),
    (
        "每年15888元的租赁收入",
        "每年一万五千八百八十八元的租赁收入",
    ),
    (
        "46座灯塔中有34座是私人投资",
        "四十六座灯塔中有三十四座是私人投资",
    ),
    ("一名72岁事主", "一名七十二岁事主"),
    ("被骗走139万元", "被骗走一百三十九万元"),
    ("举行10公里长跑", "举行十公里长跑"),
    // Thousands separators.
    (
        "下载: 1,038  浏览: 6,323",
        "下载: 一千零三十八  浏览: 六千三百二十三",
    ),
    // Decimals with 万/亿.
    ("总量达到11.5万亿元。", "总量达到十一点五万亿元。"),
    ("“河北福嫂”2.81万人次", "“河北福嫂”二点八一万人次"),
    ("已经有11.45万人", "已经有十一点四五万人"),
    ("合约销售金额1056.2亿元", "合约销售金额一千零五十六点二亿元"),
    ("净利润为63.1亿元", "净利润为六十三点一亿元"),
    ("2.07亿元人民币", "二点零七亿元人民币"),
    ("3.26个百分点", "三点二六个百分点"),
    ("分辨率 6.7 英寸", "分辨率 六点七 英寸"),
    ("从2017年的2073.5亿元", "从二零一七年的两千零七十三点五亿元"),
    ("增至24622.5亿元", "增至两万四千六百二十二点五亿元"),
    // Percentages.
    ("成交额同比增长34.8%。", "成交额同比增长百分之三十四点八。"),
    ("保持在80%以上", "保持在百分之八十以上"),
    ("接近75%", "接近百分之七十五"),
    (
        "分别提高到30.45%、15.4%",
        "分别提高到百分之三十点四五、百分之十五点四",
    ),
    ("1996年10.98％，即使", "一九九六年百分之十点九八，即使"),
    ("70.4％的受访儿童", "百分之七十点四的受访儿童"),
    ("1.75%至2%。", "百分之一点七五至百分之二。"),
    ("35.7%至35.9亿元", "百分之三十五点七至三十五点九亿元"),
    // Ranges.
    ("主要城市已形成1至1.5小时", "主要城市已形成一至一点五小时"),
    ("2019年1-7月，东莞规模", "二零一九年一到七月，东莞规模"),
    ("1-10月，全县固", "一到十月，全县固"),
    ("10％～12％，而国有银行", "百分之十到百分之十二，而国有银行"),
    ("1.35- 2.7%之间", "百分之一点三五到百分之二点七之间"),
    ("40-69公斤之间", "四十到六十九公斤之间"),
    ("第88～89页", "第八十八到八十九页"),
    ("第236-239页", "第二百三十六到二百三十九页"),
    ("龄要比男生早1—2年", "龄要比男生早一到两年"),
    (
        "集中在165cm-174cm（占42.7％）",
        "集中在一百六十五厘米到一百七十四厘米（占百分之四十二点七）",
    ),
    // Temperatures.
    ("16～20℃；25日，强", "十六到二十摄氏度；二十五日，强"),
    ("南昌由25℃降至10℃", "南昌由二十五摄氏度降至十摄氏度"),
    ("最低气温0℃线", "最低气温零摄氏度线"),
    (
        "有零下5到零下3℃，最高气温1-7℃。",
        "有零下五到零下三摄氏度，最高气温一到七摄氏度。",
    ),
    // Dates and times.
    (
        "2025-07-09 13:14:07",
        "二零二五年七月九日 十三点十四分零七秒",
    ),
    (
        "2022-02-13 20:04:17",
        "二零二二年二月十三日 二十点零四分十七秒",
    ),
    (
        "12月11日下午1:30-3:30",
        "十二月十一日下午一点三十分到三点三十分",
    ),
    ("12月12日上午8:00-10:00", "十二月十二日上午八点到十点"),
    ("3:30—4:00 闭幕式", "三点三十分到四点 闭幕式"),
    ("10:10—12:10 “宏观经济", "十点十分到十二点十分 “宏观经济"),
    ("6:10—7:45欢迎晚宴", "六点十分到七点四十五分欢迎晚宴"),
    ("时  间：下午2:30", "时  间：下午两点三十分"),
    ("1:30－3:30“国有企业", "一点三十分到三点三十分“国有企业"),
    // Fractions and lists.
    ("有近1/4的学生", "有近四分之一的学生"),
    ("仅有1/3投资者在减仓", "仅有三分之一投资者在减仓"),
    ("有近1/5的受访者", "有近五分之一的受访者"),
    (
        "12GB+128/256/512GB",
        "十二吉字节加一百二十八、二百五十六、五百一十二吉字节",
    ),
    ("8+128GB。", "八加一百二十八吉字节。"),
    // Phone numbers and codes.
    ("电话：022-23508981", "电话：零二二，二三五零八九八一"),
    ("传真：022-23500216", "传真：零二二，二三五零零二一六"),
    (
        "索引号：11220000013544357",
        "索引号：一一二二零零零零零一三五四四三五七",
    ),
    ("T/2022-00426", "T/二零二二，零零四二六"),
    ("拿不准时可拨打110求证", "拿不准时可拨打一一零求证"),
    ("惊艳法国的90后姑娘", "惊艳法国的九零后姑娘"),
    ("在双11期间", "在双十一期间"),
    // Ratios, sizes and products.
    (
        "占比由去年同期的1.1:50.3:48.6调整为",
        "占比由去年同期的一点一比五十点三比四十八点六调整为",
    ),
    ("（均为 3200×1440）", "（均为 三千二百乘一千四百四十）"),
    (
        "存储方面为 12/16GB 运存",
        "存储方面为 十二、十六吉字节 运存",
    ),
    ("北转南风2、3级", "北转南风二、三级"),
    (
        "较去年同期下滑4.51个百分点",
        "较去年同期下滑四点五一个百分点",
    ),
    ("上班时气温零下4到零下1℃", "上班时气温零下四到零下一摄氏度"),
    // Ordinals and 两.
    ("第25天后", "第二十五天后"),
    ("第40届年会", "第四十届年会"),
    ("电子商务主要包括2个方面", "电子商务主要包括两个方面"),
    ("历经3年准备2年", "历经三年准备两年"),
    ("收费仍是1元到2元每小时", "收费仍是一元到两元每小时"),
    ("现在起码2元到3元每小时", "现在起码两元到三元每小时"),
    ("2000年5月第1版", "二零零零年五月第一版"),
    // Latin words stay.
    ("5G芯片累计", "五G芯片累计"),
    ("LPDDR5 内存", "LPDDR五 内存"),
    // The rules' own examples.
    ("售价5999元", "售价五千九百九十九元"),
    ("10086", "一万零八十六"),
    ("100", "一百"),
    ("15", "十五"),
    ("0", "零"),
    ("1,234,567", "一百二十三万四千五百六十七"),
    ("3.14", "三点一四"),
    ("-5℃", "零下五摄氏度"),
    ("气温-3°C", "气温零下三摄氏度"),
    ("下降到-5", "下降到负五"),
    ("3-5天", "三到五天"),
    ("10～20", "十到二十"),
    ("2024-05-09", "二零二四年五月九日"),
    ("2024/5/9", "二零二四年五月九日"),
    ("2019.10.1", "二零一九年十月一日"),
    ("12:30", "十二点三十分"),
    ("8:05", "八点零五分"),
    ("12:30:15", "十二点三十分十五秒"),
    ("比分3:2", "比分三比二"),
    ("3/4", "四分之三"),
    ("5‰", "千分之五"),
    ("13812345678", "一三八一二三四五六七八"),
    ("010-12345678", "零一零，一二三四五六七八"),
    ("400-810-8888", "四零零，八一零，八八八八"),
    ("邮编：100086", "邮编：一零零零八六"),
    ("QQ 123456", "QQ 一二三四五六"),
    ("第3名", "第三名"),
    ("3个", "三个"),
    ("2万", "两万"),
    ("2岁", "两岁"),
    ("2月2日", "二月二日"),
    ("用了24年", "用了二十四年"),
    ("2019-2020年", "二零一九到二零二零年"),
    ("１２．５％", "百分之十二点五"),
    ("１，２３４", "一千二百三十四"),
    ("版本1.5.3", "版本一点五点三"),
    ("1+1", "一加一"),
    ("跑了42km", "跑了四十二公里"),
    ("COVID-19疫情", "COVID-十九疫情"),
];

#[test]
fn normalize_table() {
    let mut failures = Vec::new();
    for (input, expected) in NORMALIZE_TABLE {
        let got = normalize_zh(input);
        if got != *expected {
            failures.push(format!(
                "{input:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(NORMALIZE_TABLE.len() >= 100);
}

// ---------------------------------------------------------------------------
// Properties

/// Characters that stress the scanners: ASCII, CJK, terminators, closers,
/// digits (ASCII and full-width), signs, emoji, combining marks, newlines.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range(' ', '~'),
        3 => proptest::char::range('\u{4E00}', '\u{4FFF}'),
        3 => prop::sample::select(vec![
            '。', '！', '？', '；', '…', '．', '，', '、', '：', '”', '“', '」', '）', '》',
            '\n', '\r', '\t', '.', '!', '?', ',', ':', '"', '\'', ')', '%', '％', '‰', '℃',
            '°', '～', '—', '－', '０', '９', '＋', '／', '−', '\u{2028}', '\u{85}',
        ]),
        1 => prop::sample::select(vec!['😀', '👍', '\u{1F3FD}', '\u{200D}', '\u{FE0F}', 'é', 'ß']),
        1 => proptest::char::range('\u{0300}', '\u{036F}'),
        1 => any::<char>(),
    ]
}

fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Prose without terminators: long sentences that must be cut.
fn prose(max: usize) -> impl Strategy<Value = String> {
    let c = prop_oneof![
        6 => proptest::char::range('\u{4E00}', '\u{4FFF}'),
        6 => proptest::char::range('a', 'z'),
        3 => Just(' '),
        1 => prop::sample::select(vec!['，', ',', '、', '：', '”', '」', '0', '5', '😀', '\u{301}']),
    ];
    proptest::collection::vec(c, 0..max).prop_map(|v| v.into_iter().collect())
}

/// Han characters, digits and the signs that go with numbers.
fn numeric_chinese() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        3 => proptest::char::range('0', '9'),
        2 => prop::sample::select(vec![
            '年', '月', '日', '个', '元', '第', '万', '亿', '点', '时', '分', '电', '话', '：',
            '，', '。', '号', '码',
        ]),
        2 => prop::sample::select(vec![
            '.', ',', ':', '/', '-', '~', '～', '—', '%', '％', '‰', '℃', '+', '０', '５', '．',
            '－', ' ',
        ]),
    ];
    proptest::collection::vec(c, 0..60).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sentences_tile_any_text(text in any_text(400)) {
        let ranges = sentences(&text);
        assert_tiles(&text, &ranges);
        prop_assert_eq!(ranges.is_empty(), text.is_empty());
    }

    #[test]
    fn long_sentences_stay_under_the_cap(piece in prose(300), times in 1..8usize) {
        // Generating long strings is slow in debug builds; repeating a short
        // one gives long sentences just as well.
        let text = piece.repeat(times);
        for r in sentences(&text) {
            let s = text.get(r).expect("char boundaries");
            // A few closing quotes may follow the cut.
            prop_assert!(speaking_units(s) <= MAX_UNITS + 8, "{} units: {:?}", speaking_units(s), s);
        }
    }

    #[test]
    fn runs_tile_any_text(text in any_text(300), zh in any::<bool>()) {
        let default = if zh { Lang::Zh } else { Lang::En };
        let runs = language_runs(&text, default);
        let ranges: Vec<Range<usize>> = runs.iter().map(|(_, r)| r.clone()).collect();
        assert_tiles(&text, &ranges);
        for pair in runs.windows(2) {
            prop_assert_ne!(pair[0].0, pair[1].0, "adjacent runs of one language");
        }
    }

    #[test]
    fn normalize_never_panics(text in any_text(300)) {
        let _ = normalize_zh(&text);
    }

    #[test]
    fn normalize_leaves_no_digits(text in numeric_chinese()) {
        let out = normalize_zh(&text);
        prop_assert!(!out.chars().any(|c| c.is_ascii_digit()), "{:?} → {:?}", text, out);
    }

    #[test]
    fn normalize_keeps_han_text(text in "[\u{4E00}-\u{4FFF}，。、]{0,40}") {
        prop_assert_eq!(normalize_zh(&text), text);
    }
}

// ---------------------------------------------------------------------------
// Corpus round trip

fn corpus_dir() -> PathBuf {
    std::env::var_os("CARE_READER_CORPUS").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/corpus"
            ))
        },
        PathBuf::from,
    )
}

/// Whether a case is Chinese or English (by its meta.json; zyte cases without
/// a language are mostly English news).
fn wanted(case: &Path) -> bool {
    let meta = std::fs::read_to_string(case.join("meta.json")).unwrap_or_default();
    let compact: String = meta.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.find("\"lang\":\"") {
        Some(at) => {
            let lang = compact.get(at + 8..at + 10).unwrap_or("");
            lang.eq_ignore_ascii_case("en") || lang.eq_ignore_ascii_case("zh")
        }
        None => true,
    }
}

#[test]
fn corpus_sentences_tile_and_stay_short() {
    let root = corpus_dir();
    let Ok(sources) = std::fs::read_dir(&root) else {
        eprintln!("SKIPPED: corpus not found at {}", root.display());
        return;
    };
    let mut cases = 0;
    let mut paragraphs = 0;
    let mut count = 0;
    let mut longest = (0, String::new());
    let mut source_dirs: Vec<PathBuf> = sources.flatten().map(|e| e.path()).collect();
    source_dirs.sort();
    for source in source_dirs.iter().filter(|p| p.is_dir()) {
        let Ok(entries) = std::fs::read_dir(source) else {
            continue;
        };
        let mut case_dirs: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        case_dirs.sort();
        for case in case_dirs.iter().filter(|c| wanted(c)) {
            let Ok(text) = std::fs::read_to_string(case.join("expected.txt")) else {
                continue;
            };
            cases += 1;
            for para in text.lines().filter(|l| !l.trim().is_empty()) {
                paragraphs += 1;
                let ranges = sentences(para);
                assert_tiles(para, &ranges);
                count += ranges.len();
                for s in pieces(para, &ranges) {
                    let units = speaking_units(s);
                    if units > longest.0 {
                        longest = (units, format!("{}: {s}", case.display()));
                    }
                }
                for s in pieces(para, &ranges) {
                    let runs = language_runs(s, Lang::Zh);
                    let rr: Vec<Range<usize>> = runs.iter().map(|(_, r)| r.clone()).collect();
                    assert_tiles(s, &rr);
                }
            }
        }
    }
    eprintln!(
        "corpus: {cases} cases, {paragraphs} paragraphs, {count} sentences; longest {} units (cap {MAX_UNITS}): {}",
        longest.0,
        longest.1.chars().take(120).collect::<String>()
    );
    assert!(cases > 0, "no cases found under {}", root.display());
    assert!(
        longest.0 <= MAX_UNITS + 8,
        "longest sentence {} units",
        longest.0
    );
}
