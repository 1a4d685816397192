//! What a family prepares once: the lock of simple mode (its PIN), and a
//! whole family setup taken in one transaction — settings, sources and
//! pronunciations together, or nothing, so a setup that fails half-way
//! never leaves a parent's computer half set up.

use rusqlite::{Connection, OptionalExtension, params};

use reader_settings::Settings;

use crate::preferences::write_settings;
use crate::pronunciations::{PronunciationEntry, upsert as upsert_pronunciations};
use crate::{NOW, Store, StoreError};

/// Schema step 6: the simple mode's PIN, one row. The PIN keeps a parent
/// from leaving simple mode by accident; it is not a password (it travels
/// in the family setup file, and the store is the user's own file).
pub(crate) const SCHEMA: &str = "
    CREATE TABLE family_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pin TEXT NOT NULL
    );";

/// Sets (or with `None` removes) the PIN on `conn`.
fn write_pin(conn: &Connection, pin: Option<&str>) -> rusqlite::Result<()> {
    match pin {
        Some(pin) => conn.execute(
            "INSERT INTO family_lock (id, pin) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET pin = excluded.pin",
            params![pin],
        )?,
        None => conn.execute("DELETE FROM family_lock", [])?,
    };
    Ok(())
}

/// A source as a family setup carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupSource {
    pub feed_url: String,
    pub title: String,
    pub site_url: Option<String>,
}

/// A whole family setup, checked by its reader before it gets here.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilySetup {
    pub settings: Settings,
    pub sources: Vec<SetupSource>,
    pub pronunciations: Vec<PronunciationEntry>,
    /// `None` removes a PIN set before.
    pub pin: Option<String>,
}

impl Store {
    /// The simple mode's PIN, if the family set one.
    pub fn lock_pin(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT pin FROM family_lock WHERE id = 1", [], |r| r.get(0))
            .optional()?)
    }

    /// Sets (or with `None` removes) the simple mode's PIN.
    pub fn set_lock_pin(&self, pin: Option<&str>) -> Result<(), StoreError> {
        write_pin(&self.conn, pin)?;
        Ok(())
    }

    /// Takes a family setup: the settings replace the current ones, the
    /// sources are added after those already chosen (one already there is
    /// renamed), the pronunciations added or changed, the PIN set or
    /// removed — all in one transaction.
    pub fn apply_family_setup(&self, setup: &FamilySetup) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        write_settings(&tx, &setup.settings)?;
        {
            let mut add = tx.prepare(&format!(
                "INSERT INTO sources (feed_url, title, site_url, position, added_at)
                 VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM sources), {NOW})
                 ON CONFLICT (feed_url) DO UPDATE SET title = excluded.title"
            ))?;
            for s in &setup.sources {
                add.execute(params![s.feed_url, s.title, s.site_url])?;
            }
        }
        upsert_pronunciations(&tx, &setup.pronunciations)?;
        write_pin(&tx, setup.pin.as_deref())?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setup_is_taken_whole_and_the_pin_comes_and_goes() -> Result<(), StoreError> {
        let store = Store::in_memory()?;
        store.add_source("https://a.example/rss", "Already here", None)?;
        assert_eq!(store.lock_pin()?, None);
        let setup = FamilySetup {
            settings: Settings {
                text_size: 40,
                simple_mode: true,
                auto_read: true,
                ..Settings::default()
            },
            sources: vec![
                SetupSource {
                    feed_url: "https://b.example/rss".into(),
                    title: "B".into(),
                    site_url: None,
                },
                SetupSource {
                    feed_url: "https://a.example/rss".into(),
                    title: "A renamed".into(),
                    site_url: None,
                },
            ],
            pronunciations: vec![PronunciationEntry {
                lang: "zh".into(),
                word: "单田芳".into(),
                say: "shan4 tian2 fang1".into(),
            }],
            pin: Some("2468".into()),
        };
        store.apply_family_setup(&setup)?;
        let settings = store.settings()?;
        assert!(settings.simple_mode && settings.auto_read);
        assert_eq!(settings.text_size, 40);
        let titles: Vec<_> = store.sources()?.into_iter().map(|s| s.title).collect();
        assert_eq!(titles, ["A renamed", "B"]);
        assert_eq!(store.pronunciations()?.len(), 1);
        assert_eq!(store.lock_pin()?.as_deref(), Some("2468"));
        store.set_lock_pin(None)?;
        assert_eq!(store.lock_pin()?, None);
        Ok(())
    }
}
