//! Media keys and the desktop's media panel: Play/Pause, Next and Previous
//! on a keyboard, a headset or the panel's player control the narrator, and
//! the panel shows the article's title — also while the window is
//! minimised, because nothing here goes through the window.
//!
//! On Linux this is MPRIS on the session bus (`org.mpris.MediaPlayer2.
//! carereader`), through the `souvlaki` crate. Elsewhere it does nothing
//! yet: Windows and macOS need the window's handle and run loop.
//!
//! What the keys do: Play/Pause toggles (Play alone resumes, Pause alone
//! pauses, Stop pauses too, so the place is kept); Next and Previous move a
//! sentence, as → and ← do in the reader.

use narrator::player::{Command, PlayState};
use narrator::service::Remote;

/// The bus name's last part: the session bus knows the narrator as
/// `org.mpris.MediaPlayer2.carereader`.
pub const DBUS_NAME: &str = "carereader";
/// The player's name in the desktop's media panel.
pub const DISPLAY_NAME: &str = "Care Reader";

/// The narrator command for a media key.
#[cfg(target_os = "linux")]
fn command_for(event: &souvlaki::MediaControlEvent) -> Option<Command> {
    use souvlaki::MediaControlEvent as E;
    Some(match event {
        E::Toggle => Command::Toggle,
        E::Play => Command::Resume,
        E::Pause | E::Stop => Command::Pause,
        E::Next => Command::Next,
        E::Previous => Command::Previous,
        _ => return None,
    })
}

/// The narrator as the desktop's media player. Dropping it leaves the bus.
pub struct MediaSession {
    #[cfg(target_os = "linux")]
    controls: souvlaki::MediaControls,
    #[cfg(not(target_os = "linux"))]
    _nothing: (),
}

impl MediaSession {
    /// Joins the session bus as a media player whose keys go to `narrator`;
    /// `None` when there is no session bus (a console, a bare test machine):
    /// the app works as before, without media keys.
    pub fn start(narrator: Remote) -> Option<MediaSession> {
        #[cfg(target_os = "linux")]
        {
            let config = souvlaki::PlatformConfig {
                display_name: DISPLAY_NAME,
                dbus_name: DBUS_NAME,
                hwnd: None,
            };
            let mut controls = souvlaki::MediaControls::new(config).ok()?;
            controls
                .attach(move |event| {
                    if let Some(c) = command_for(&event) {
                        narrator.command(c);
                    }
                })
                .ok()?;
            let _ = controls.set_playback(souvlaki::MediaPlayback::Stopped);
            Some(MediaSession { controls })
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = narrator;
            None
        }
    }

    /// What the panel shows: the article's title and its site.
    pub fn show_article(&mut self, title: &str, site: Option<&str>) {
        #[cfg(target_os = "linux")]
        {
            let metadata = souvlaki::MediaMetadata {
                title: Some(title),
                artist: site,
                album: Some(DISPLAY_NAME),
                ..souvlaki::MediaMetadata::default()
            };
            let _ = self.controls.set_metadata(metadata);
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (title, site);
    }

    /// Whether the panel shows "playing" or "paused".
    pub fn show_state(&mut self, state: PlayState) {
        #[cfg(target_os = "linux")]
        {
            use souvlaki::MediaPlayback as P;
            let playback = match state {
                PlayState::Starting | PlayState::Playing => P::Playing { progress: None },
                PlayState::Paused => P::Paused { progress: None },
                PlayState::Idle | PlayState::Finished => P::Stopped,
            };
            let _ = self.controls.set_playback(playback);
        }
        #[cfg(not(target_os = "linux"))]
        let _ = state;
    }
}
