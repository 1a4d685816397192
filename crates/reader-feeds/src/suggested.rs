//! A short list of well-known news feeds to start from, per UI language:
//! national news, health, the world. The family edits the list from there
//! (adding their local paper, say); nothing is fetched until a source is
//! chosen. Outlets' names are their own, not translated strings.

use serde::Serialize;

/// What a suggested source is about; the UI names it through fluent
/// (`source-topic-<id>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    National,
    World,
    Health,
}

impl Topic {
    pub const ALL: &'static [Topic] = &[Topic::National, Topic::World, Topic::Health];

    pub const fn id(self) -> &'static str {
        match self {
            Topic::National => "national",
            Topic::World => "world",
            Topic::Health => "health",
        }
    }
}

/// A source offered in the setup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggested {
    pub title: &'static str,
    pub feed: &'static str,
    pub topic: Topic,
}

const ZH: &[Suggested] = &[
    Suggested {
        title: "人民网·时政",
        feed: "http://www.people.com.cn/rss/politics.xml",
        topic: Topic::National,
    },
    Suggested {
        title: "中国新闻网·即时新闻",
        feed: "https://www.chinanews.com.cn/rss/scroll-news.xml",
        topic: Topic::National,
    },
    Suggested {
        title: "人民网·健康",
        feed: "http://www.people.com.cn/rss/health.xml",
        topic: Topic::Health,
    },
    Suggested {
        title: "BBC 中文",
        feed: "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml",
        topic: Topic::World,
    },
    Suggested {
        title: "德国之声中文",
        feed: "https://rss.dw.com/rdf/rss-chi-all",
        topic: Topic::World,
    },
];

const EN: &[Suggested] = &[
    Suggested {
        title: "BBC News",
        feed: "https://feeds.bbci.co.uk/news/rss.xml",
        topic: Topic::National,
    },
    Suggested {
        title: "NPR News",
        feed: "https://feeds.npr.org/1001/rss.xml",
        topic: Topic::National,
    },
    Suggested {
        title: "BBC News · Health",
        feed: "https://feeds.bbci.co.uk/news/health/rss.xml",
        topic: Topic::Health,
    },
    Suggested {
        title: "NPR · Health",
        feed: "https://feeds.npr.org/1128/rss.xml",
        topic: Topic::Health,
    },
    Suggested {
        title: "The Guardian · World",
        feed: "https://www.theguardian.com/world/rss",
        topic: Topic::World,
    },
];

/// The suggestions for a UI language (`zh-CN`, `en-US`; Chinese for any
/// `zh`, English otherwise).
pub fn suggested(lang: &str) -> &'static [Suggested] {
    if lang.to_ascii_lowercase().starts_with("zh") {
        ZH
    } else {
        EN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suggestion_is_a_web_address_and_each_language_covers_the_topics() {
        for lang in ["zh-CN", "en-US"] {
            let list = suggested(lang);
            for topic in [Topic::National, Topic::World, Topic::Health] {
                assert!(list.iter().any(|s| s.topic == topic), "{lang}: {topic:?}");
            }
            for s in list {
                let url = url::Url::parse(s.feed).expect(s.feed);
                assert!(matches!(url.scheme(), "http" | "https"));
                assert!(!s.title.is_empty());
            }
        }
        assert_eq!(suggested("zh-TW")[0].title, ZH[0].title);
        assert_eq!(suggested("fr")[0].title, EN[0].title);
    }
}
