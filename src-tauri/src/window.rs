//! The window's size and place. At first start it gets a comfortable size
//! that fits the screen it opens on (a 1366×768 or 1024×600 laptop with a
//! title bar and a taskbar included), centred; after that it comes back
//! where the reader left it — size, position and maximised — from the one
//! store, fitted again to the screens there are now (a monitor unplugged or
//! a lower resolution must not leave the window off screen).
//!
//! The rule is two pure functions, [`place`] (work areas + what was
//! remembered → where the window goes) and [`to_remember`] (what the window
//! looks like now → what to save); the rest reads the desktop and the
//! window. All figures are logical pixels (the desktop's scaling applied).
//!
//! Saving waits until a move or resize has settled ([`SETTLE`]) and happens
//! again on close, so a drag never writes the store once per pixel.

use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use reader_store::WindowState;
use tauri::{AppHandle, Manager, Runtime, WebviewWindow, WebviewWindowBuilder, Window};

use crate::Shell;

/// The window's label (`capabilities/main.json` grants it our commands).
pub const MAIN: &str = "main";

/// The smallest the reader can make the window: 320 px wide is where the
/// page must still reflow without sideways scrolling (WCAG 1.4.10); 400 px
/// high keeps the toolbar and a few lines of text. Both fit 1024×600. On a
/// screen smaller still, the minimum shrinks to the screen.
pub const MIN_WIDTH: u32 = 320;
pub const MIN_HEIGHT: u32 = 400;
/// At first start the window is no wider than this (a comfortable reading
/// column with the toolbar beside it; wider only spreads the margins) …
pub const FIRST_MAX_WIDTH: u32 = 1200;
/// … and no higher than this.
pub const FIRST_MAX_HEIGHT: u32 = 1000;
/// … and takes at most this share (in tenths) of the work area each way,
/// so the window reads as a window, not as a screen the reader is stuck in.
pub const FIRST_SHARE_TENTHS: u32 = 9;
/// Room for what the window manager adds around the content (title bar,
/// borders, shadow), which is not known before the window is on screen:
/// GNOME's title bar is ~37 px, Windows' 31 px plus a shadow.
pub const FRAME_WIDTH: u32 = 16;
pub const FRAME_HEIGHT: u32 = 48;
/// How long moves and resizes must stop before the place is saved.
pub const SETTLE: Duration = Duration::from_millis(500);
/// A desktop that reports no monitor at all gets the smallest screen we
/// support.
const FALLBACK_AREA: Rect = Rect {
    x: 0,
    y: 0,
    width: 1024,
    height: 600,
};

/// A rectangle in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Rect {
    fn right(&self) -> i64 {
        i64::from(self.x) + i64::from(self.width)
    }

    fn bottom(&self) -> i64 {
        i64::from(self.y) + i64::from(self.height)
    }

    fn contains(&self, x: i64, y: i64) -> bool {
        i64::from(self.x) <= x && x < self.right() && i64::from(self.y) <= y && y < self.bottom()
    }

    fn overlap(&self, other: &Rect) -> i64 {
        let w = self.right().min(other.right()) - i64::from(self.x.max(other.x));
        let h = self.bottom().min(other.bottom()) - i64::from(self.y.max(other.y));
        w.max(0) * h.max(0)
    }
}

/// Where the window goes: its outer position and its content size, whether
/// it opens maximised (`rect` is then where un-maximising takes it), and the
/// smallest content size the reader may make it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub rect: Rect,
    pub maximized: bool,
    pub min_width: u32,
    pub min_height: u32,
}

/// The rule. `work_areas` are the monitors' work areas (the screen less
/// taskbars and panels), the primary monitor first. Without `remembered`
/// the window takes a comfortable share of the primary one, centred.
/// A remembered window goes back to the monitor under its centre (else the
/// one it overlaps most, else the primary), no larger than that monitor's
/// work area and moved just enough to be wholly inside it; one that no
/// monitor shows any more is centred on the primary.
pub fn place(work_areas: &[Rect], remembered: Option<&WindowState>) -> Placement {
    let primary = work_areas.first().copied().unwrap_or(FALLBACK_AREA);
    let Some(state) = remembered else {
        let (max_w, max_h) = room(&primary);
        let width = (primary.width / 10 * FIRST_SHARE_TENTHS)
            .min(FIRST_MAX_WIDTH)
            .min(max_w);
        let height = (primary.height / 10 * FIRST_SHARE_TENTHS)
            .min(FIRST_MAX_HEIGHT)
            .min(max_h);
        return fitted(&primary, width, height, None, false);
    };
    let outer = Rect {
        x: state.x,
        y: state.y,
        width: state.width.saturating_add(FRAME_WIDTH),
        height: state.height.saturating_add(FRAME_HEIGHT),
    };
    let (cx, cy) = (
        i64::from(outer.x) + i64::from(outer.width / 2),
        i64::from(outer.y) + i64::from(outer.height / 2),
    );
    let under_centre = work_areas.iter().find(|a| a.contains(cx, cy));
    let most_overlap = work_areas
        .iter()
        .map(|a| (a.overlap(&outer), a))
        .filter(|(o, _)| *o > 0)
        .max_by_key(|(o, _)| *o)
        .map(|(_, a)| a);
    match under_centre.or(most_overlap) {
        Some(area) => fitted(
            area,
            state.width,
            state.height,
            Some((state.x, state.y)),
            state.maximized,
        ),
        None => fitted(&primary, state.width, state.height, None, state.maximized),
    }
}

/// The largest content size `area` has room for, title bar and borders
/// included.
fn room(area: &Rect) -> (u32, u32) {
    (
        area.width.saturating_sub(FRAME_WIDTH).max(1),
        area.height.saturating_sub(FRAME_HEIGHT).max(1),
    )
}

/// `width`×`height` made to fit `area` (at least the minimum, unless the
/// area is smaller still), at `at` moved inside `area`, or centred.
fn fitted(
    area: &Rect,
    width: u32,
    height: u32,
    at: Option<(i32, i32)>,
    maximized: bool,
) -> Placement {
    let (max_w, max_h) = room(area);
    let (min_width, min_height) = (MIN_WIDTH.min(max_w), MIN_HEIGHT.min(max_h));
    let width = width.clamp(min_width, max_w);
    let height = height.clamp(min_height, max_h);
    // The free space around the outer frame, to the right and below.
    let spare_x = i64::from(area.width - (width + FRAME_WIDTH).min(area.width));
    let spare_y = i64::from(area.height - (height + FRAME_HEIGHT).min(area.height));
    let (x, y) = match at {
        Some((x, y)) => (
            i64::from(x).clamp(i64::from(area.x), i64::from(area.x) + spare_x),
            i64::from(y).clamp(i64::from(area.y), i64::from(area.y) + spare_y),
        ),
        None => (
            i64::from(area.x) + spare_x / 2,
            i64::from(area.y) + spare_y / 2,
        ),
    };
    Placement {
        rect: Rect {
            // Within an i32 area, so within i32.
            x: i32::try_from(x).unwrap_or(area.x),
            y: i32::try_from(y).unwrap_or(area.y),
            width,
            height,
        },
        maximized,
        min_width,
        min_height,
    }
}

/// What the window looks like at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observed {
    /// Outer position and content size.
    pub rect: Rect,
    pub maximized: bool,
    pub fullscreen: bool,
    pub minimized: bool,
}

/// What to save, given what the window looks like now and `normal`, where
/// it last was neither maximised, full screen nor minimised; `None` when
/// there is nothing new to save. Full screen is not remembered (the next
/// start is a normal window: no reader should open the app into a screen
/// with no title bar and not know how to leave it), nor is minimised; a
/// maximised window keeps its normal rect to un-maximise to.
pub fn to_remember(normal: Option<Rect>, now: &Observed) -> Option<WindowState> {
    if now.fullscreen || now.minimized {
        return None;
    }
    let rect = if now.maximized {
        normal.unwrap_or(now.rect)
    } else {
        now.rect
    };
    Some(WindowState {
        x: rect.x,
        y: rect.y,
        width: rect.width,
        height: rect.height,
        maximized: now.maximized,
    })
}

/// The work areas of the desktop's monitors in logical pixels, the primary
/// first.
fn work_areas<R: Runtime>(app: &AppHandle<R>) -> Vec<Rect> {
    let primary = app.primary_monitor().ok().flatten();
    let mut monitors = app.available_monitors().unwrap_or_default();
    if let Some(p) = &primary
        && let Some(i) = monitors
            .iter()
            .position(|m| m.position() == p.position() && m.size() == p.size())
    {
        let p = monitors.remove(i);
        monitors.insert(0, p);
    } else if let Some(p) = primary {
        monitors.insert(0, p);
    }
    monitors
        .iter()
        .map(|m| {
            let area = m.work_area();
            let scale = m.scale_factor();
            let pos = area.position.to_logical::<f64>(scale);
            let size = area.size.to_logical::<f64>(scale);
            Rect {
                x: pos.x.round() as i32,
                y: pos.y.round() as i32,
                width: size.width.floor() as u32,
                height: size.height.floor() as u32,
            }
        })
        .filter(|r| r.width > 0 && r.height > 0)
        .collect()
}

/// Keeps the window's place in the store: the last normal rect, what was
/// saved last, and the saver thread's doorbell.
pub struct Keeper {
    doorbell: Mutex<mpsc::Sender<()>>,
    last: Mutex<Last>,
}

struct Last {
    normal: Option<Rect>,
    saved: Option<WindowState>,
}

impl Keeper {
    /// The window moved or was resized: save once it has settled.
    pub fn touched(&self) {
        let _ = lock(&self.doorbell).send(());
    }

    /// Reads the window and saves its place if it changed.
    pub fn save<R: Runtime>(&self, window: &Window<R>) {
        let Some(now) = observe(window) else {
            return;
        };
        let mut last = lock(&self.last);
        let Some(state) = to_remember(last.normal, &now) else {
            return;
        };
        if !(now.maximized || now.fullscreen || now.minimized) {
            last.normal = Some(now.rect);
        }
        if last.saved == Some(state) {
            return;
        }
        let shell = window.state::<Shell>();
        if shell.app.save_window_state(&state).is_ok() {
            last.saved = Some(state);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn observe<R: Runtime>(window: &Window<R>) -> Option<Observed> {
    let scale = window.scale_factor().ok()?;
    let pos = window.outer_position().ok()?.to_logical::<f64>(scale);
    let size = window.inner_size().ok()?.to_logical::<f64>(scale);
    Some(Observed {
        rect: Rect {
            x: pos.x.round() as i32,
            y: pos.y.round() as i32,
            width: size.width.round() as u32,
            height: size.height.round() as u32,
        },
        maximized: window.is_maximized().unwrap_or(false),
        fullscreen: window.is_fullscreen().unwrap_or(false),
        minimized: window.is_minimized().unwrap_or(false),
    })
}

/// Opens the main window where [`place`] puts it (the store already managed
/// by [`crate::manage`]) and starts keeping its place.
pub fn open_main<R: Runtime>(app: &AppHandle<R>) -> Result<WebviewWindow<R>, tauri::Error> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN)
        .cloned()
        .unwrap_or_default();
    let remembered = app.state::<Shell>().app.window_state();
    let placement = place(&work_areas(app), remembered.as_ref());
    let r = placement.rect;
    let window = WebviewWindowBuilder::from_config(app, &config)?
        .min_inner_size(
            f64::from(placement.min_width),
            f64::from(placement.min_height),
        )
        .inner_size(f64::from(r.width), f64::from(r.height))
        .position(f64::from(r.x), f64::from(r.y))
        .maximized(placement.maximized)
        .build()?;
    let (doorbell, rings) = mpsc::channel();
    app.manage(Keeper {
        doorbell: Mutex::new(doorbell),
        last: Mutex::new(Last {
            normal: Some(r),
            saved: remembered,
        }),
    });
    let handle = app.clone();
    std::thread::Builder::new()
        .name("window-place".into())
        .spawn(move || {
            // Wait for a move, then for the moves to stop, then save.
            while rings.recv().is_ok() {
                loop {
                    match rings.recv_timeout(SETTLE) {
                        Ok(()) => {}
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                if let Some(w) = handle.get_webview_window(MAIN) {
                    handle.state::<Keeper>().save(&w.as_ref().window());
                }
            }
        })?;
    Ok(window)
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn area(x: i32, y: i32, width: u32, height: u32) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// Screen less a 40 px taskbar at the bottom.
    const LAPTOP: Rect = area(0, 0, 1366, 728);
    const NETBOOK: Rect = area(0, 0, 1024, 560);
    const FULL_HD: Rect = area(0, 0, 1920, 1040);

    fn state(x: i32, y: i32, width: u32, height: u32, maximized: bool) -> WindowState {
        WindowState {
            x,
            y,
            width,
            height,
            maximized,
        }
    }

    /// The outer frame (content + the room left for decorations) is wholly
    /// inside `area`.
    fn assert_inside(p: &Placement, area: &Rect) {
        let r = p.rect;
        let outer = Rect {
            width: r.width + FRAME_WIDTH,
            height: r.height + FRAME_HEIGHT,
            ..r
        };
        assert!(
            outer.x >= area.x
                && outer.y >= area.y
                && outer.right() <= area.right()
                && outer.bottom() <= area.bottom(),
            "{p:?} does not fit {area:?}"
        );
    }

    #[test]
    fn first_start_fits_and_is_centred_on_common_screens() {
        let p = place(&[LAPTOP], None);
        assert_inside(&p, &LAPTOP);
        assert_eq!((p.rect.width, p.rect.height), (1200, 648));
        assert_eq!((p.rect.x, p.rect.y), (75, 16));
        assert!(!p.maximized);

        let p = place(&[NETBOOK], None);
        assert_inside(&p, &NETBOOK);
        assert_eq!((p.rect.width, p.rect.height), (918, 504));
        assert_eq!((p.min_width, p.min_height), (MIN_WIDTH, MIN_HEIGHT));

        let p = place(&[FULL_HD], None);
        assert_eq!((p.rect.width, p.rect.height), (1200, 936));
        assert_inside(&p, &FULL_HD);

        // 1366×768 at 200 % scaling: a 683×384 logical screen, smaller than
        // the usual minimum height.
        let scaled = area(0, 0, 683, 384);
        let p = place(&[scaled], None);
        assert_inside(&p, &scaled);
        assert!(p.min_height <= p.rect.height && p.min_height < MIN_HEIGHT);
    }

    #[test]
    fn the_first_window_opens_on_the_primary_monitor() {
        let right = area(1920, 0, 1366, 728);
        let p = place(&[right, FULL_HD], None);
        assert_inside(&p, &right);
    }

    #[test]
    fn a_remembered_window_that_fits_comes_back_as_it_was() {
        let s = state(100, 50, 900, 600, false);
        let p = place(&[LAPTOP], Some(&s));
        assert_eq!(p.rect, area(100, 50, 900, 600));
        let s = state(100, 50, 900, 600, true);
        assert!(place(&[LAPTOP], Some(&s)).maximized);
        // On the second monitor, left of the primary.
        let left = area(-1366, 0, 1366, 728);
        let s = state(-1200, 20, 800, 500, false);
        assert_eq!(
            place(&[FULL_HD, left], Some(&s)).rect,
            area(-1200, 20, 800, 500)
        );
    }

    #[test]
    fn a_window_from_a_bigger_screen_is_shrunk_and_moved_onto_this_one() {
        // Saved on a full-HD screen, the resolution is now 1024×600.
        let s = state(600, 300, 1300, 900, false);
        let p = place(&[NETBOOK], Some(&s));
        assert_inside(&p, &NETBOOK);
        assert_eq!((p.rect.width, p.rect.height), (1008, 512));
        // Partly off the right edge: moved back just enough.
        let s = state(1000, 100, 600, 400, false);
        let p = place(&[LAPTOP], Some(&s));
        assert_inside(&p, &LAPTOP);
        assert_eq!((p.rect.x, p.rect.y, p.rect.width), (750, 100, 600));
    }

    #[test]
    fn a_window_on_an_unplugged_monitor_is_centred_on_the_primary() {
        let s = state(2500, 200, 800, 500, true);
        let p = place(&[LAPTOP], Some(&s));
        assert_inside(&p, &LAPTOP);
        assert_eq!(p.rect, area(275, 90, 800, 500));
        assert!(p.maximized, "maximised stays maximised");
        // Far off in negative space too.
        let s = state(-5000, -3000, 400, 400, false);
        assert_inside(&place(&[NETBOOK], Some(&s)), &NETBOOK);
    }

    #[test]
    fn a_remembered_size_below_the_minimum_is_raised_and_nonsense_is_tamed() {
        let s = state(10, 10, 50, 60, false);
        let p = place(&[LAPTOP], Some(&s));
        assert_eq!((p.rect.width, p.rect.height), (MIN_WIDTH, MIN_HEIGHT));
        let s = state(i32::MAX, i32::MIN, u32::MAX, u32::MAX, false);
        assert_inside(&place(&[LAPTOP], Some(&s)), &LAPTOP);
        // No monitor reported: the smallest screen we support.
        assert_inside(&place(&[], None), &FALLBACK_AREA);
    }

    #[test]
    fn what_is_remembered_of_a_maximised_full_screen_or_minimised_window() {
        let normal = area(100, 50, 900, 600);
        let now = |maximized, fullscreen, minimized| Observed {
            rect: area(0, 0, 1366, 700),
            maximized,
            fullscreen,
            minimized,
        };
        assert_eq!(
            to_remember(Some(normal), &now(false, false, false)),
            Some(state(0, 0, 1366, 700, false))
        );
        assert_eq!(
            to_remember(Some(normal), &now(true, false, false)),
            Some(state(100, 50, 900, 600, true))
        );
        assert_eq!(to_remember(Some(normal), &now(false, true, false)), None);
        assert_eq!(to_remember(Some(normal), &now(false, false, true)), None);
        assert_eq!(
            to_remember(None, &now(true, false, false)),
            Some(state(0, 0, 1366, 700, true))
        );
    }
}
