//! Numbers and symbols read as a newsreader would (issue 13): currency signs
//! before amounts, units after numbers, match scores, year ranges and signed
//! percentages. Written for Care Reader's tests; the readings are what a
//! mainland newsreader says.

use narrator::text::normalize_zh;

const TABLE: &[(&str, &str)] = &[
    // Currency signs before amounts, with 万/亿 after them.
    ("售价¥5999", "售价五千九百九十九元"),
    ("月薪￥8000", "月薪八千元"),
    ("融资¥5.8万", "融资五点八万元"),
    ("市值$300亿", "市值三百亿美元"),
    ("股价$189.5", "股价一百八十九点五美元"),
    ("票价€20起", "票价二十欧元起"),
    ("罚款£1.5万", "罚款一点五万英镑"),
    ("门票HK$100", "门票一百港元"),
    ("营收US$2亿", "营收两亿美元"),
    ("¥100元", "一百元"),
    ("¥10-20", "十到二十元"),
    ("$2", "两美元"),
    ("$2-3", "二到三美元"),
    // Units after numbers.
    ("时速120km/h", "时速一百二十公里每小时"),
    ("全长30km", "全长三十公里"),
    ("高5m的墙", "高五米的墙"),
    ("风速15m/s", "风速十五米每秒"),
    ("面积90m²", "面积九十平方米"),
    ("面积120㎡", "面积一百二十平方米"),
    ("重5kg", "重五公斤"),
    ("白糖500g", "白糖五百克"),
    ("牛奶250ml", "牛奶二百五十毫升"),
    ("电池5000mAh", "电池五千毫安时"),
    ("内存256GB", "内存二百五十六吉字节"),
    ("硬盘2TB", "硬盘两太字节"),
    ("5G手机", "五G手机"),
    ("100ms", "一百ms"),
    // Match scores after (or before) sports words.
    ("主队以2-1战胜客队", "主队以二比一战胜客队"),
    ("最终3:2获胜", "最终三比二获胜"),
    ("比分2-2", "比分二比二"),
    ("国安3-0大胜", "国安三比零大胜"),
    ("气温3-5度", "气温三到五度"),
    ("持续3-5天", "持续三到五天"),
    // Year ranges, digit by digit.
    ("2024-2025赛季", "二零二四到二零二五赛季"),
    ("2021—2025年规划", "二零二一到二零二五年规划"),
    ("2000-2500元", "两千到两千五百元"),
    ("1000-2000人", "一千到两千人"),
    // Signed percentages.
    ("同比−3.5%", "同比负百分之三点五"),
    ("环比-0.2%", "环比负百分之零点二"),
    ("涨幅+2%", "涨幅正百分之二"),
    ("3%-5%", "百分之三到百分之五"),
];

#[test]
fn newsreader_table() {
    let failures: Vec<String> = TABLE
        .iter()
        .filter_map(|(input, expected)| {
            let got = normalize_zh(input);
            (got != *expected)
                .then(|| format!("{input:?}\n   expected {expected:?}\n   got      {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} wrong:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}
