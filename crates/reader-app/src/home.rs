//! Home's news: the headlines of the family's sources as cards (title,
//! source, a time in the reader's words, read or not), the sources that
//! failed at the last refresh with why, a refresh with progress, and
//! opening a headline — from the text fetched ahead when there is one, so
//! Home works offline. The window's commands are one call each here.

use chrono::{DateTime, Datelike, Local, TimeZone, Timelike};
use reader_errors::{Coded, ErrorCode, UiError};
use reader_feeds::Suggested;
use reader_l10n::Localizer;
use reader_store::{HeadlineItem, SourceItem};
use reader_web::fetch::FetchOptions;
use serde::Serialize;

use crate::App;
use crate::load::Progress;
use crate::sources::RefreshProgress;
use crate::view::ArticleView;

/// What Home shows of the news.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HomeNews {
    /// Sources chosen; 0 means Home offers the setup instead of news.
    pub sources: usize,
    pub headlines: Vec<HeadlineCard>,
    /// Sources whose last refresh failed, each with a kind sentence.
    pub problems: Vec<SourceProblem>,
}

/// One headline's card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeadlineCard {
    pub id: i64,
    pub title: String,
    pub source: String,
    /// The article's address (for "open in the browser" if it fails).
    pub url: String,
    /// "08:05", "Yesterday, 18:00", "Nov 28" — in the reader's language.
    pub when: String,
    pub read: bool,
    /// Opens without the network.
    pub offline: bool,
}

/// A headline opened: its article, and what the radio needs to know.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeadlineView {
    #[serde(flatten)]
    pub view: ArticleView,
    pub headline: i64,
    /// Auto-read is on: Listen starts as soon as it is on show.
    pub auto_play: bool,
}

/// Home's headlines being read aloud: the script's id, and the headline
/// of each of its paragraphs (`None` for the title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeadlinesReading {
    pub script: u64,
    pub paragraphs: Vec<Option<i64>>,
}

/// A source chosen by its known feed address (a suggestion).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ChosenSource {
    pub title: String,
    pub feed: String,
}

/// A source that could not be read at the last refresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceProblem {
    pub id: i64,
    pub code: ErrorCode,
    /// "“Riverside Daily” could not be read just now: … Its headlines below
    /// are the ones from before."
    pub message: String,
}

impl App {
    /// Home's news from the store (no network).
    pub fn home_news(&self) -> Result<HomeNews, UiError> {
        let l10n = self.l10n();
        let store_error = |e: reader_store::StoreError| e.localize(&l10n);
        let sources = self.library().sources().map_err(store_error)?;
        let headlines = self.library().headlines().map_err(store_error)?;
        Ok(news(&l10n, &sources, &headlines, &Local::now()))
    }

    /// Reads every source again (progress as each one is done), fetches
    /// the newest articles ahead, and returns Home's news.
    pub async fn refresh_sources(
        &self,
        progress: impl FnMut(RefreshProgress),
    ) -> Result<HomeNews, UiError> {
        self.library()
            .refresh_sources(&FetchOptions::default(), progress)
            .await
            .map_err(|e| e.localize(&self.l10n()))?;
        self.home_news()
    }

    /// Opens headline `id`: its text fetched ahead when there is one (no
    /// network), else its page. Either way it is remembered by its address,
    /// so its card shows it read. With auto-read on it is to be read aloud
    /// at once (`auto_play`); `next`: the radio moved on to it by itself,
    /// and the voice says "Next: …" before its title.
    pub async fn open_headline(
        &self,
        id: i64,
        next: bool,
        progress: impl FnMut(Progress),
    ) -> Result<HeadlineView, UiError> {
        let l10n = self.l10n();
        let found = self
            .library()
            .store()
            .headline(id)
            .map_err(|e| e.localize(&l10n))?;
        let Some((url, fetched)) = found else {
            return Err(ErrorCode::NotRemembered.localize(&l10n));
        };
        let remembered = fetched
            .and_then(|article| self.library().store().remember_article(&url, &article).ok());
        let view = match remembered {
            Some(article_id) => self.reopen(article_id)?,
            None => self.open(&url, progress).await?,
        };
        if next {
            let lang =
                narrator::text::Lang::from_tag(l10n.lang()).unwrap_or(narrator::text::Lang::Zh);
            self.narration().load_with_prelude(
                &view.speech,
                lang,
                &l10n.message("radio-next", &[]),
            );
        }
        let auto_play = self.settings().map(|s| s.auto_read).unwrap_or(false);
        Ok(HeadlineView {
            view,
            headline: id,
            auto_play,
        })
    }

    /// "Read the headlines": Home's headlines become the narrator's script
    /// (the title "Today's news", then one paragraph per headline) and are
    /// read from the first. The window follows the reading by the script's
    /// id and the paragraph's headline.
    pub fn read_headlines(&self) -> Result<HeadlinesReading, UiError> {
        let l10n = self.l10n();
        let news = self.home_news()?;
        let article = reader_article::Article {
            title: l10n.message("radio-headlines-title", &[]),
            lang: Some(l10n.lang().to_owned()),
            blocks: news
                .headlines
                .iter()
                .map(|h| reader_article::Block::Paragraph {
                    content: vec![reader_article::Inline::Text {
                        text: h.title.clone(),
                    }],
                })
                .collect(),
            ..reader_article::Article::default()
        };
        let script = narrator::script::Script::of(&article, &l10n);
        // Paragraph 0 is the title; paragraph i + 1 is headline i (a title
        // with nothing to say has no paragraph, and none is left out).
        let offset = script.paragraphs.len().saturating_sub(news.headlines.len());
        let mut paragraphs = vec![None; offset];
        paragraphs.extend(news.headlines.iter().map(|h| Some(h.id)));
        self.narration().load(&script);
        self.narration()
            .command(narrator::player::Command::Play { from: None });
        Ok(HeadlinesReading {
            script: script.id,
            paragraphs,
        })
    }

    /// The narrator's state now (as its latest status said).
    pub fn narrator_state(&self) -> Option<narrator::player::PlayState> {
        self.narration().latest_status().map(|s| s.state)
    }

    /// The radio: after headline `after` (read as script `script`) was read
    /// to its end, the next unread headline of Home's list — when auto-read
    /// is on and the narrator's latest word is that this script finished,
    /// not that the sleep timer stopped it. `None`: stay.
    pub fn next_headline(&self, after: i64, script: u64) -> Result<Option<HeadlineCard>, UiError> {
        let auto_read = self.settings()?.auto_read;
        let finished = self.narration().latest_status().is_some_and(|s| {
            s.script == script && s.state == narrator::player::PlayState::Finished && !s.slept
        });
        if !auto_read || !finished {
            return Ok(None);
        }
        let news = self.home_news()?;
        let at = news.headlines.iter().position(|h| h.id == after);
        let rest = at.map_or(&news.headlines[..], |i| &news.headlines[i + 1..]);
        let next = rest.iter().find(|h| !h.read && h.id != after).cloned();
        if next.is_none() {
            self.say_news_end(script);
        }
        Ok(next)
    }

    /// The radio ran out of headlines: the voice says so, once for the
    /// script that ended it, rather than falling silent — a listener who
    /// cannot see the screen would not know whether it stopped or stalled.
    fn say_news_end(&self, script: u64) {
        if self
            .radio_end_said()
            .swap(script, std::sync::atomic::Ordering::Relaxed)
            == script
        {
            return;
        }
        let l10n = self.l10n();
        let lang = narrator::text::Lang::from_tag(l10n.lang()).unwrap_or(narrator::text::Lang::Zh);
        // Nothing to do if it cannot be said: the radio has stopped anyway.
        let _ = self.narration().say(lang, &l10n.message("radio-end", &[]));
    }

    /// Adds a source from a site's or a feed's address.
    pub async fn add_source(&self, address: &str) -> Result<SourceItem, UiError> {
        self.family_only()?;
        self.library()
            .add_source(address, &FetchOptions::default())
            .await
            .map_err(|e| e.localize(&self.l10n()))
    }

    pub fn sources(&self) -> Result<Vec<SourceItem>, UiError> {
        self.library()
            .sources()
            .map_err(|e| e.localize(&self.l10n()))
    }

    pub fn remove_source(&self, id: i64) -> Result<(), UiError> {
        self.family_only()?;
        self.library()
            .remove_source(id)
            .map_err(|e| e.localize(&self.l10n()))
    }

    /// Adds sources whose feed address is known (the setup's suggestions)
    /// without fetching them: their headlines come with the next refresh.
    /// Addresses that are not http(s) are left out. Returns the list after.
    pub fn choose_sources(&self, chosen: &[ChosenSource]) -> Result<Vec<SourceItem>, UiError> {
        self.family_only()?;
        let l10n = self.l10n();
        let store = self.library().store();
        for source in chosen {
            let feed = url::Url::parse(source.feed.trim())
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
            let title = source
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(feed) = feed
                && !title.is_empty()
            {
                store
                    .add_source(feed.as_str(), &title, None)
                    .map_err(|e| e.localize(&l10n))?;
            }
        }
        store.sources().map_err(|e| e.localize(&l10n))
    }

    /// A few well-known sources for the reader's language, to start from.
    pub fn suggested_sources(&self) -> &'static [Suggested] {
        reader_feeds::suggested(self.l10n().lang())
    }
}

/// Home's news at `now` (the reader's local time decides "today").
fn news<Tz: TimeZone>(
    l10n: &Localizer,
    sources: &[SourceItem],
    headlines: &[HeadlineItem],
    now: &DateTime<Tz>,
) -> HomeNews {
    let problems = sources
        .iter()
        .filter_map(|source| {
            let code = source.error?;
            let reason = code.localize(l10n).message;
            let id = if source.headlines > 0 {
                "home-source-failed-kept"
            } else {
                "home-source-failed"
            };
            Some(SourceProblem {
                id: source.id,
                code,
                message: l10n.message(id, &[("source", source.title.clone()), ("reason", reason)]),
            })
        })
        .collect();
    HomeNews {
        sources: sources.len(),
        headlines: headlines
            .iter()
            .map(|h| HeadlineCard {
                id: h.id,
                title: h.title.clone(),
                source: h.source_title.clone(),
                url: h.url.clone(),
                when: when(l10n, h.time, now),
                read: h.read,
                offline: h.offline,
            })
            .collect(),
        problems,
    }
}

/// A headline's time as a reader says it: the time alone today,
/// "yesterday" and the time, else the day and month.
fn when<Tz: TimeZone>(l10n: &Localizer, seconds: i64, now: &DateTime<Tz>) -> String {
    let Some(at) = now.timezone().timestamp_opt(seconds, 0).single() else {
        return String::new();
    };
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    let (day, today) = (at.date_naive(), now.date_naive());
    if day == today {
        l10n.message("home-time-today", &[("time", time)])
    } else if today.pred_opt() == Some(day) {
        l10n.message("home-time-yesterday", &[("time", time)])
    } else {
        l10n.message(
            "home-time-date",
            &[
                ("month", at.month().to_string()),
                ("day", at.day().to_string()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn beijing_noon() -> DateTime<FixedOffset> {
        // 2026-11-30 12:00 in Beijing.
        FixedOffset::east_opt(8 * 3600)
            .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).single())
            .expect("time")
    }

    #[test]
    fn times_read_as_today_yesterday_or_a_date_in_the_readers_zone() {
        let now = beijing_noon();
        let zh = Localizer::new("zh-CN");
        let en = Localizer::new("en-US");
        // 2026-11-30 01:05 UTC is 09:05 in Beijing: today.
        let today = 1_796_000_700;
        assert_eq!(when(&zh, today, &now), "今天 09:05");
        assert_eq!(when(&en, today, &now), "Today, 09:05");
        // 2026-11-29 15:30 UTC is 23:30 on the 29th in Beijing: yesterday.
        let yesterday = 1_795_966_200;
        assert_eq!(when(&zh, yesterday, &now), "昨天 23:30");
        assert_eq!(when(&en, yesterday, &now), "Yesterday, 23:30");
        let earlier = yesterday - 5 * 86_400;
        assert_eq!(when(&zh, earlier, &now), "11月24日");
        assert_eq!(when(&en, earlier, &now), "Nov 24");
    }

    #[test]
    fn a_failing_source_says_so_kindly_and_whether_its_old_headlines_stay() {
        let en = Localizer::new("en-US");
        let source = |id, error, headlines| SourceItem {
            id,
            title: format!("Source {id}"),
            feed_url: String::new(),
            site_url: None,
            checked_at: None,
            ok_at: None,
            error,
            headlines,
        };
        let sources = [
            source(1, None, 3),
            source(2, Some(ErrorCode::Timeout), 4),
            source(3, Some(ErrorCode::NoFeed), 0),
        ];
        let news = news(&en, &sources, &[], &beijing_noon());
        assert_eq!(news.sources, 3);
        let ids: Vec<i64> = news.problems.iter().map(|p| p.id).collect();
        assert_eq!(ids, [2, 3]);
        assert!(
            news.problems[0].message.contains("Source 2"),
            "{}",
            news.problems[0].message
        );
        assert!(
            news.problems[0].message.contains("from before"),
            "{}",
            news.problems[0].message
        );
        assert!(
            !news.problems[1].message.contains("from before"),
            "{}",
            news.problems[1].message
        );
        assert!(
            !news.problems[1].message.contains("error-"),
            "{}",
            news.problems[1].message
        );
    }
}
