//! Class/id vocabularies and boilerplate phrases.
//!
//! A helper below the passes: pass 2 classifies class/id names with it, pass 6
//! and the final tidy in `mod.rs` match labels and lines against it. It uses
//! no pass (datelines are recognised with [`super::dates`]).
//!
//! Matching is on the lower-cased `class` + `id` string. Long, distinctive
//! words match as substrings ("comment" in "comments-area"); short ones must
//! be a whole token, because as substrings they hit innocent names ("ad" is in
//! "head", "nav" in "canvas", "hot" in "photo").

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Containers that are almost never the article: comments, sidebars, share
/// bars, "related"/"hot"/"recommended" lists (相关推荐, 热点推荐), app and
/// newsletter promotions, cookie banners.
const NEGATIVE_SUBSTRINGS: &[&str] = &[
    "comment",
    "sidebar",
    "footer",
    "related",
    "recommend",
    "share",
    "social",
    "sponsor",
    "advert",
    "promo",
    "popup",
    "modal",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "breadcrumb",
    "pagination",
    "pager",
    "navbar",
    "navigation",
    "menu",
    "toolbar",
    "widget",
    "banner",
    "masthead",
    "hotnews",
    "hot_news",
    "hot-news",
    "ranking",
    "rank-",
    "_rank",
    "copyright",
    "disclaimer",
    "download",
    "qrcode",
    "qr-code",
    "skyscraper",
    "outbrain",
    "taboola",
    "disqus",
    "livefyre",
    "jiathis",
    "bdshare",
    "most-popular",
    "mostpopular",
    "trending",
    "read-more",
    "readmore",
    "more-stories",
    "morestories",
    "nextarticle",
    "next-article",
    "prev-next",
    "author-bio",
    "authorbio",
    "about-author",
    "tag-list",
    "taglist",
    "post-tags",
    "article-tags",
    "keywords",
    "print-only",
    "shoutbox",
    "combx",
    "rss",
    "login",
    "paywall",
    "overlay",
    "feedback",
    "byline",
    "dateline",
    "timestamp",
    "post-meta",
    "article-meta",
    "entry-meta",
    "editor",
    "source-link",
    "ep-source",
    "linkage",
    "guess",
    "you-may",
    "youmay",
    "also-like",
    "alsolike",
    // Chinese portals name boxes in pinyin: 推荐, 相关, 排行 (热门 and 热点
    // are tokens: "remen" is inside "measurements").
    "tuijian",
    "xiangguan",
    "paihang",
];

/// Short words that mark boilerplate only as whole tokens.
const NEGATIVE_TOKENS: &[&str] = &[
    "ad", "ads", "adv", "advert", "nav", "hot", "app", "apps", "tool", "tools", "tags", "side",
    "aside", "foot", "rec", "reco", "top", "head", "header", "meta", "author", "tab", "tabs",
    "weibo", "wechat", "wx", "print", "links", "remen", "redian",
];

/// Words that mark the article body, in English and on Chinese portals
/// (NetEase `post_body`/`endText`, Sina `artibody`, WeChat `rich_media_content`).
const POSITIVE_SUBSTRINGS: &[&str] = &[
    "article",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "blog",
    "body",
    "text",
    "detail",
    "artibody",
    "endtext",
    "rich_media",
    "trs_editor",
    "zoom",
    "news_txt",
    "newstext",
    "page",
    "hentry",
    "instapaper_body",
    "prose",
    "paragraph",
    "column",
];

const POSITIVE_TOKENS: &[&str] = &["con", "txt", "cont", "article", "story", "body"];

/// Names that save a boilerplate-looking box from early removal (Readability's
/// "ok, maybe it's a candidate"): narrower than [`POSITIVE_SUBSTRINGS`], since
/// "post-comments" is positive-ish but still not the article.
const MAYBE_SUBSTRINGS: &[&str] = &[
    "article",
    "body",
    "content",
    "main",
    "column",
    "story",
    "artibody",
    "endtext",
    "rich_media",
    "shadow",
    "mathjax",
];

/// Names so clearly furniture that no positive word rescues them.
const STRONG_NEGATIVE_SUBSTRINGS: &[&str] = &[
    "comments-area",
    "comment-list",
    "commentlist",
    "comments-list",
    "comment-respond",
    "comments-section",
    "comment-section",
    "comments_section",
    "disqus",
    "taboola",
    "outbrain",
    "yarpp-related",
    "jp-relatedposts",
];

/// What an element's class and id say about it, worked out once per page
/// (every attempt and pass asks, and matching the vocabularies is not free).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NameClass {
    /// Comment sections and recommendation widgets: never article.
    pub furniture: bool,
    /// Removed before scoring in a strict attempt.
    pub unlikely: bool,
    /// Readability-style class weight: -25, 0 or +25.
    pub weight: f32,
    /// Could wrap an embedded post ("social-media-embed") or be a media box
    /// that does ("video-container" around a tweet): then its text, if it
    /// has any, decides rather than its name.
    pub may_wrap_embed: bool,
}

impl NameClass {
    /// Matches each vocabulary once (this runs for every named element).
    pub fn of(class_and_id: &str) -> NameClass {
        if class_and_id.is_empty() {
            return NameClass::default();
        }
        let found = Substrings::found_in(class_and_id);
        let furniture = found & Substrings::STRONG_NEGATIVE != 0;
        let negative_substring = found & Substrings::NEGATIVE != 0;
        let (mut negative_token, mut media_token, mut positive_token) = (false, false, false);
        for t in tokens(class_and_id) {
            negative_token |= NEGATIVE_TOKENS.contains(&t);
            media_token |= MEDIA_TOKENS.contains(&t);
            positive_token |= POSITIVE_TOKENS.contains(&t);
        }
        let negative = negative_substring || negative_token || media_token;
        let positive = positive_token || found & Substrings::POSITIVE != 0;
        let maybe = found & Substrings::MAYBE != 0;
        NameClass {
            furniture,
            unlikely: furniture || negative && !maybe,
            weight: if negative { -25.0 } else { 0.0 } + if positive { 25.0 } else { 0.0 },
            may_wrap_embed: !furniture
                && (found & Substrings::EMBED != 0
                    || !negative_substring && !negative_token && media_token),
        }
    }
}

/// Every substring vocabulary in one automaton: a name is read once,
/// however many words there are (a `contains` per word was a fifth of the
/// extraction of a long Wikipedia page, which names thousands of elements).
struct Substrings {
    automaton: AhoCorasick,
    /// For each pattern, the vocabularies it is in (bits below).
    sets: Vec<u8>,
}

impl Substrings {
    const NEGATIVE: u8 = 1;
    const POSITIVE: u8 = 1 << 1;
    const MAYBE: u8 = 1 << 2;
    const STRONG_NEGATIVE: u8 = 1 << 3;
    const EMBED: u8 = 1 << 4;

    /// The vocabularies with a word inside `name` (bits OR-ed).
    fn found_in(name: &str) -> u8 {
        static ALL: LazyLock<Option<Substrings>> = LazyLock::new(Substrings::build);
        match &*ALL {
            Some(all) => all
                .automaton
                .find_overlapping_iter(name)
                .fold(0, |found, m| found | all.sets[m.pattern().as_usize()]),
            // The automaton is built from the constant lists above, so it
            // cannot fail; were it to, a plain search per word says the same.
            None => Substrings::vocabularies()
                .iter()
                .filter(|(word, _)| name.contains(word))
                .fold(0, |found, (_, set)| found | set),
        }
    }

    /// Each word of every vocabulary once, with the vocabularies it is in.
    fn vocabularies() -> Vec<(&'static str, u8)> {
        let mut words: Vec<(&'static str, u8)> = Vec::new();
        let lists: [(&[&'static str], u8); 5] = [
            (NEGATIVE_SUBSTRINGS, Substrings::NEGATIVE),
            (POSITIVE_SUBSTRINGS, Substrings::POSITIVE),
            (MAYBE_SUBSTRINGS, Substrings::MAYBE),
            (STRONG_NEGATIVE_SUBSTRINGS, Substrings::STRONG_NEGATIVE),
            (&["embed"], Substrings::EMBED),
        ];
        for (list, set) in lists {
            for &word in list {
                match words.iter_mut().find(|(w, _)| *w == word) {
                    Some((_, sets)) => *sets |= set,
                    None => words.push((word, set)),
                }
            }
        }
        words
    }

    fn build() -> Option<Substrings> {
        let words = Substrings::vocabularies();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(words.iter().map(|(w, _)| w))
            .ok()?;
        Some(Substrings {
            automaton,
            sets: words.into_iter().map(|(_, set)| set).collect(),
        })
    }
}

fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// Words for media players. A player box is furniture, but the same name
/// wraps embedded posts and quotes ("video-container" around a tweet).
const MEDIA_TOKENS: &[&str] = &["audio", "video", "player"];

/// Headings and labels that introduce a list of other articles or a comment
/// section. Whatever they head is not the article.
const BOILERPLATE_HEADINGS: &[&str] = &[
    "相关推荐",
    "热点推荐",
    "为你推荐",
    "为您推荐",
    "推荐新闻",
    "热门资讯",
    "相关专题",
    "热门阅读",
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关链接",
    "相关报道",
    "推荐阅读",
    "延伸阅读",
    "热门推荐",
    "热门文章",
    "热门新闻",
    "猜你喜欢",
    "为您推荐",
    "精彩推荐",
    "更多精彩",
    "精彩图片",
    "网友评论",
    "最新评论",
    "热门评论",
    "热点新闻",
    "大家都在看",
    "今日推荐",
    "头条要闻",
    "related articles",
    "related stories",
    "related content",
    "related posts",
    "related news",
    "related coverage",
    "related reading",
    "read more",
    "more from",
    "more stories",
    "recommended",
    "you may also like",
    "you might also like",
    "most popular",
    "most read",
    "trending",
    "comments",
    "leave a comment",
    "leave a reply",
    "share this",
    "sign up for",
    "advertisement",
    "sponsored",
    "popular this week",
    "popular now",
    "popular stories",
    "recent articles",
    "recent posts",
    "latest news",
    "latest stories",
    "more news",
    "top stories",
    "editor's picks",
    "editors' picks",
    "don't miss",
    "also read",
    "see also",
    "watch next",
    "up next",
    "what to read next",
    "further reading",
    "more on this story",
    "more from this author",
];

/// Does this short text read like the label of a related/hot/comments list?
pub fn is_boilerplate_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '：']).to_lowercase();
    if t.is_empty() || t.chars().count() > 40 {
        return false;
    }
    BOILERPLATE_HEADINGS
        .iter()
        .any(|h| t == *h || (t.starts_with(h) && t.len() <= h.len() + 12))
        || is_more_stories_label(&t)
}

/// Kinds of item a "more ..." label offers.
const MORE_OF: &[&str] = &["stories", "articles", "news", "posts", "videos", "reads"];

/// "More great WIRED stories", "More news from the region": a label for
/// other articles, however the site words the middle.
fn is_more_stories_label(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("more ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 6 && words.iter().any(|w| MORE_OF.contains(w))
}

/// Lines inside the article container that are furniture, not article: editor
/// credits, "share to", app-download blurbs, copyright notices.
const BOILERPLATE_LINE_PREFIXES: &[&str] = &[
    "责任编辑",
    "责编",
    "编辑：",
    "编辑:",
    "本文来源",
    "分享到",
    "分享至",
    "扫一扫",
    "扫描二维码",
    "打开app",
    "下载app",
    "下载客户端",
    "点击下载",
    "关注我们",
    "声明：",
    "版权所有",
    "原创版权",
    "未经授权",
    "未经许可",
    "转载请注明",
    "免责声明",
    "版权声明",
    "特别声明",
    "举报",
    "返回搜狐",
    "更多精彩",
    // Portal article tools, often plain text beside an icon.
    "发表评论",
    "打印本文",
    "打印此文",
    "关闭窗口",
    "share this",
    "share on",
    "click here to",
    "sign up",
    "subscribe to",
    "follow us",
    "advertisement",
    "notice: the content above",
    "continue reading",
    "read more:",
    "related:",
    "copyright ©",
    "© copyright",
    "all rights reserved",
];

/// Words that, next to a date, make a short line the article's dateline
/// ("2019-09-26 12:11 来源：证券时报网 作者：李在山", "May 3, 2020 | by Ann").
const DATELINE_WORDS: &[&str] = &[
    "来源",
    "作者",
    "编辑",
    "发布时间",
    "发布日期",
    "时间：",
    "稿源",
    "记者",
    "浏览",
    "阅读数",
    "source:",
    "by ",
    "posted",
    "published",
    "updated",
    "| ",
];

/// English month names, for datelines written out in words.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may ",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];

/// Is this short line a dateline/byline (date plus source or author)?
pub fn is_dateline(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    if !(6..=90).contains(&n) {
        return false;
    }
    let lower = t.to_lowercase();
    let has_date = super::dates::contains_date(t)
        || (MONTHS.iter().any(|m| lower.contains(m))
            && lower.bytes().filter(u8::is_ascii_digit).count() >= 4);
    has_date && DATELINE_WORDS.iter().any(|w| lower.contains(w))
}

/// Furniture lines are shorter than this (characters).
const MAX_BOILERPLATE_LINE: usize = 260;

pub fn is_boilerplate_line(text: &str) -> bool {
    let t = text.trim();
    // Platform disclaimers run long ("Notice: The content above (including
    // the pictures and videos if any) is uploaded ..."), but not article long.
    if t.chars().count() > MAX_BOILERPLATE_LINE {
        return false;
    }
    let lower = t.to_lowercase();
    BOILERPLATE_LINE_PREFIXES
        .iter()
        .any(|p| lower.starts_with(p))
        || (lower.starts_with('(') || lower.starts_with('（') || lower.starts_with('【'))
            && (lower.contains("责任编辑") || lower.contains("编辑：") || lower.contains("编辑:"))
            && t.chars().count() < 40
}

/// A photo credit ("Photo: Ann Lee, AP", "图片来源：新华社"). Under its
/// picture it is the picture's credit; left alone after a gallery that did
/// not survive, it is not text to read.
const CREDIT_PREFIXES: &[&str] = &[
    "photo:",
    "photograph:",
    "photos:",
    "image:",
    "credit:",
    "图片来源",
    "图片：",
    "摄影：",
];
const MAX_CREDIT_LINE: usize = 80;

pub fn is_credit_line(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= MAX_CREDIT_LINE && {
        let lower = t.to_lowercase();
        CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p))
    }
}

/// Longest line read as an author's contact line.
const MAX_CONTACT_LINE: usize = 200;
const FOLLOW_PHRASES: &[&str] = &[
    "follow us on",
    "follow him on",
    "follow her on",
    "follow them on",
    "follow me on",
];

/// An author's sign-off at the end of a story: an e-mail address, a bare
/// social handle or link, "follow her on Twitter". Spoken aloud it is noise.
pub fn is_contact_line(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > MAX_CONTACT_LINE {
        return false;
    }
    let lower = t.to_lowercase();
    let email = lower.split_whitespace().any(|w| {
        w.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.ends_with('.')
        })
    });
    let bare_link = !lower.contains(' ')
        && (lower.starts_with('@') || lower.contains(".com/") || lower.starts_with("http"));
    email || bare_link || FOLLOW_PHRASES.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The vocabularies matched one `contains` at a time: what the automaton
    /// must agree with.
    fn of_word_by_word(name: &str) -> NameClass {
        if name.is_empty() {
            return NameClass::default();
        }
        let any = |list: &[&str]| list.iter().any(|p| name.contains(p));
        let furniture = any(STRONG_NEGATIVE_SUBSTRINGS);
        let negative_substring = any(NEGATIVE_SUBSTRINGS);
        let has = |list: &[&str]| tokens(name).any(|t| list.contains(&t));
        let (negative_token, media_token) = (has(NEGATIVE_TOKENS), has(MEDIA_TOKENS));
        let negative = negative_substring || negative_token || media_token;
        let positive = has(POSITIVE_TOKENS) || any(POSITIVE_SUBSTRINGS);
        NameClass {
            furniture,
            unlikely: furniture || negative && !any(MAYBE_SUBSTRINGS),
            weight: if negative { -25.0 } else { 0.0 } + if positive { 25.0 } else { 0.0 },
            may_wrap_embed: !furniture
                && (name.contains("embed")
                    || !negative_substring && !negative_token && media_token),
        }
    }

    proptest! {
        /// Names made of the vocabularies' own words, cut and joined, so
        /// that overlapping words ("comments-area" in "comment") come up.
        #[test]
        fn the_automaton_agrees_with_word_by_word_matching(
            parts in proptest::collection::vec(
                (
                    0..200usize,
                    prop_oneof![3 => Just((0, 0)), 1 => (0..4usize, 0..6usize)],
                    prop_oneof![Just(""), Just("-"), Just("_"), Just(" "), Just("x")],
                ),
                0..6,
            )
        ) {
            let words: Vec<&str> = [
                NEGATIVE_SUBSTRINGS,
                POSITIVE_SUBSTRINGS,
                MAYBE_SUBSTRINGS,
                STRONG_NEGATIVE_SUBSTRINGS,
                NEGATIVE_TOKENS,
                POSITIVE_TOKENS,
                MEDIA_TOKENS,
                &["embed"],
            ]
            .concat();
            let mut name = String::new();
            for (word, (from, cut), glue) in parts {
                let w = words[word % words.len()];
                let from = from.min(w.len());
                let to = w.len().saturating_sub(cut).max(from);
                name.push_str(&w[from..to]);
                name.push_str(glue);
            }
            prop_assert_eq!(NameClass::of(&name), of_word_by_word(&name), "{:?}", name);
        }
    }

    #[test]
    fn names_are_weighed_by_vocabulary() {
        let c = NameClass::of;
        assert!(c("post_body endtext").weight > 0.0);
        assert!(c("related").weight < 0.0);
        assert!(c("related-posts").unlikely);
        let comments = c("comments-area post-comments");
        assert!(
            comments.unlikely && comments.furniture,
            "furniture beats the positive 'post'"
        );
        assert!(!c("post_body endtext").unlikely);
        assert!(c("ad").weight < 0.0);
        assert_eq!(
            c("photo-box").weight,
            0.0,
            "'hot' is not a token of 'photo'"
        );
        assert_eq!(c("shadow").weight, 0.0, "'ad' is not a token of 'shadow'");
        assert_eq!(c(""), NameClass::default());
        assert!(c("tuijian_con").unlikely, "pinyin for 推荐");
        assert!(c("remen news").unlikely, "pinyin for 热门");
        assert_eq!(
            c("resolution-for-measurements").weight,
            0.0,
            "'remen' is only a whole token"
        );
        assert!(c("read-more-content").weight == 0.0 && !c("read-more-content").unlikely);
        assert!(c("video-container").may_wrap_embed && c("video-container").unlikely);
        assert!(c("social-media-embed").may_wrap_embed);
        assert!(
            !c("related-video").may_wrap_embed,
            "other boilerplate words decide"
        );
        assert!(!c("MathJax ctxtmenu".to_lowercase().as_str()).unlikely);
    }

    #[test]
    fn recognises_related_labels_and_editor_lines() {
        assert!(is_boilerplate_heading("相关推荐"));
        assert!(is_boilerplate_heading("Related Articles:"));
        assert!(!is_boilerplate_heading("牢牢牵住“牛鼻子”"));
        assert!(is_boilerplate_line("责任编辑：张三_NB12345"));
        assert!(is_boilerplate_line("（编辑：李四）"));
        assert!(!is_boilerplate_line("(原标题:推进京津冀协同发展|同心筑梦)"));
        assert!(is_boilerplate_line("发表评论"));
        assert!(is_boilerplate_line("打印本文"));
        assert!(!is_boilerplate_line("他发表评论说，新规定明年施行。"));
    }

    #[test]
    fn recognises_contact_lines() {
        assert!(is_contact_line("paul.takahashi@chron.com"));
        assert!(is_contact_line("twitter.com/paultakahashi"));
        assert!(is_contact_line(
            "Email Ann Lee at alee@example.org or follow her @annlee."
        ));
        assert!(is_contact_line(
            "Follow us on Twitter @Example and on Facebook."
        ));
        assert!(!is_contact_line("The minister met reporters at noon."));
        assert!(!is_contact_line("He wrote to the council @ the town hall."));
    }
}
