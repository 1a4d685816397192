//! The reader's settings and the window's size and place: one row each.

use rusqlite::{Connection, OptionalExtension, params};

use reader_settings::Settings;

use crate::{Store, StoreError};

/// Where the window was and how big, in logical pixels (the desktop's
/// scaling applied), as the shell last saw it: the position of its outer
/// frame, the size of its content, and whether it was maximised (then the
/// rect is where it goes when un-maximised).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowState {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    pub maximized: bool,
}

/// Saves `settings` on `conn` (inside the caller's transaction, if any).
pub(crate) fn write_settings(conn: &Connection, settings: &Settings) -> rusqlite::Result<()> {
    let json = serde_json::to_string(settings).unwrap_or_default();
    conn.execute(
        "INSERT INTO settings (id, json) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json",
        params![json],
    )?;
    Ok(())
}

impl Store {
    /// True when nothing was ever saved: the first run. (Where the window
    /// was does not count: a window opened and closed is still a first run.)
    pub fn is_fresh(&self) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM settings) + (SELECT count(*) FROM articles)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }

    /// The saved settings (clamped), or the defaults. A row that no longer
    /// parses gives the defaults too; it is overwritten on the next save.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        Ok(self.saved_settings()?.unwrap_or_default().clamped())
    }

    /// The settings as saved, `None` when none were (or they no longer parse).
    pub(crate) fn saved_settings(&self) -> Result<Option<Settings>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM settings WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(json.and_then(|j| serde_json::from_str::<Settings>(&j).ok()))
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        write_settings(&self.conn, settings)?;
        Ok(())
    }

    /// Where the window was when last saved; `None` before the first save.
    pub fn window_state(&self) -> Result<Option<WindowState>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT x, y, width, height, maximized FROM window WHERE id = 1",
                [],
                |r| {
                    Ok(WindowState {
                        x: r.get(0)?,
                        y: r.get(1)?,
                        width: r.get(2)?,
                        height: r.get(3)?,
                        maximized: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn save_window_state(&self, state: &WindowState) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO window (id, x, y, width, height, maximized)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET x = excluded.x, y = excluded.y,
                 width = excluded.width, height = excluded.height,
                 maximized = excluded.maximized",
            params![state.x, state.y, state.width, state.height, state.maximized],
        )?;
        Ok(())
    }
}
