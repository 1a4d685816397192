//! The family's pronunciation dictionary (读音纠正): "word → how to say it"
//! per language, which the narrator applies before every voice. Kept here
//! so it lives with the other settings (backups and the family setup carry
//! it); what an entry may hold is the narrator's rule, checked before it
//! gets here.

use rusqlite::{Connection, params};

use crate::{NOW, Store, StoreError};

/// Schema step 5: one row per (language, word). `lang` is the narrator's
/// language code (`zh`, `en`).
pub(crate) const SCHEMA: &str = "
    CREATE TABLE pronunciations (
        lang TEXT NOT NULL,
        word TEXT NOT NULL,
        say TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (lang, word)
    );";

/// Adds or changes `entries` on `conn` (inside the caller's transaction).
pub(crate) fn upsert(conn: &Connection, entries: &[PronunciationEntry]) -> rusqlite::Result<()> {
    let mut upsert = conn.prepare(&format!(
        "INSERT INTO pronunciations (lang, word, say, added_at) VALUES (?1, ?2, ?3, {NOW})
         ON CONFLICT (lang, word) DO UPDATE SET say = excluded.say"
    ))?;
    for e in entries {
        upsert.execute(params![e.lang, e.word, e.say])?;
    }
    Ok(())
}

/// One entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PronunciationEntry {
    pub lang: String,
    pub word: String,
    pub say: String,
}

impl Store {
    /// Every entry, by language, then in the order they were added.
    pub fn pronunciations(&self) -> Result<Vec<PronunciationEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT lang, word, say FROM pronunciations ORDER BY lang, added_at, rowid")?;
        let rows = stmt.query_map([], |r| {
            Ok(PronunciationEntry {
                lang: r.get(0)?,
                word: r.get(1)?,
                say: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds an entry, or changes how an existing word is said.
    pub fn set_pronunciation(&self, entry: &PronunciationEntry) -> Result<(), StoreError> {
        self.set_pronunciations(std::slice::from_ref(entry))
    }

    /// Adds or changes several entries in one transaction (an import): all
    /// of them are saved, or none.
    pub fn set_pronunciations(&self, entries: &[PronunciationEntry]) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        upsert(&tx, entries)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes the entry for `word` in `lang`; false when there was none.
    pub fn remove_pronunciation(&self, lang: &str, word: &str) -> Result<bool, StoreError> {
        let n = self.conn.execute(
            "DELETE FROM pronunciations WHERE lang = ?1 AND word = ?2",
            params![lang, word],
        )?;
        Ok(n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(lang: &str, word: &str, say: &str) -> PronunciationEntry {
        PronunciationEntry {
            lang: lang.into(),
            word: word.into(),
            say: say.into(),
        }
    }

    #[test]
    fn set_list_change_and_remove() -> Result<(), StoreError> {
        let store = Store::in_memory()?;
        store.set_pronunciation(&entry("zh", "曾阿姨", "增阿姨"))?;
        store.set_pronunciation(&entry("en", "Nguyen", "Win"))?;
        store.set_pronunciation(&entry("zh", "曾阿姨", "zeng1 a1 yi2"))?;
        assert_eq!(
            store.pronunciations()?,
            [
                entry("en", "Nguyen", "Win"),
                entry("zh", "曾阿姨", "zeng1 a1 yi2")
            ]
        );
        assert!(store.remove_pronunciation("zh", "曾阿姨")?);
        assert!(!store.remove_pronunciation("zh", "曾阿姨")?);
        assert_eq!(store.pronunciations()?, [entry("en", "Nguyen", "Win")]);
        Ok(())
    }
}
