//! Closing the window without losing the reader's place. The UI saves the
//! reading place once it has rested a second (ui/memory.js); a reader who
//! scrolls and closes the window at once would lose that last move. So the
//! first close request is held: the UI is told (`closing` event), saves what
//! it holds and says so (`closing_saved`), and the window then closes — or
//! after [`GRACE`] at most, so a UI that cannot answer never keeps the
//! window open.

use std::sync::Mutex;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use tauri::{Emitter, Manager, Runtime, Window};

/// How long the window waits for the UI to save before it closes anyway.
pub const GRACE: Duration = Duration::from_millis(1500);

#[derive(Default)]
enum Phase {
    /// Nothing asked yet: the next close request is held.
    #[default]
    Open,
    /// The UI was asked to save; the sender tells the waiting closer it has.
    Saving(Sender<()>),
    /// Saved (or the grace is over): close requests go through.
    Cleared,
}

/// The window's closing, managed as Tauri state.
#[derive(Default)]
pub struct Closing {
    phase: Mutex<Phase>,
}

impl Closing {
    /// A close was requested: true when it must be held while the UI saves
    /// (the window is closed again by a helper thread afterwards).
    pub fn hold<R: Runtime>(&self, window: &Window<R>) -> bool {
        let mut phase = self.phase.lock().unwrap_or_else(|p| p.into_inner());
        match *phase {
            Phase::Cleared => false,
            Phase::Saving(_) => true,
            Phase::Open => {
                let (saved, wait) = mpsc::channel();
                *phase = Phase::Saving(saved);
                drop(phase);
                let _ = window.emit("closing", ());
                let window = window.clone();
                std::thread::spawn(move || {
                    // Saved, or the grace is over: either way the window goes.
                    let _ = wait.recv_timeout(GRACE);
                    if let Some(closing) = window.try_state::<Closing>() {
                        closing.clear();
                    }
                    let _ = window.close();
                });
                true
            }
        }
    }

    /// The UI has saved what it held.
    pub fn saved(&self) {
        let phase = self.phase.lock().unwrap_or_else(|p| p.into_inner());
        if let Phase::Saving(saved) = &*phase {
            let _ = saved.send(());
        }
    }

    fn clear(&self) {
        *self.phase.lock().unwrap_or_else(|p| p.into_inner()) = Phase::Cleared;
    }
}
