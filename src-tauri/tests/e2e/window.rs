//! The window on real screens: it fits the 1366×768 laptop screen the
//! harness runs on, a 1024×600 netbook screen (a second Xvfb) and 1366×768
//! at 200 % scaling (a 683×384 screen in logical pixels); it comes back
//! where the reader left it after a restart (and shrinks onto a smaller
//! screen); F11 makes it full screen and F11 again gives the window back,
//! while Escape still means Back.
//!
//! A window manager (openbox) runs for these scenarios, as on a desktop:
//! it draws the title bar that must fit too, and it is what carries out
//! full screen and maximise.
//!
//! Run: `cargo test -p care-reader-app --test e2e window::`. Missing tools
//! skip loudly, or fail under `CI=true`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::session::STEP_TIMEOUT;
use crate::support::{App, Ctx, Spawned, find_program, scenario, skip_or_fail, start_xvfb_sized};
use fantoccini::key::Key;
use serde_json::Value;

/// Started = one view showing, strings applied (as `Ctx::launch`).
const READY: &str = "const v = [...document.querySelectorAll('main > .view')].filter(e => !e.hidden); \
     return v.length === 1 && v[0].id !== 'view-loading' \
       && document.getElementById('home-title').textContent.trim() !== '';";

/// What openbox's frame adds below the content (its 5 px handle and a
/// border) and on the sides, in screen pixels; the title bar above is
/// measured ([`assert_fits_with_frame`]).
const FRAME_BELOW: i64 = 8;
const FRAME_SIDES: i64 = 2;

/// Longer than the shell waits for moves to settle before it saves.
const SAVED: Duration = Duration::from_millis(1500);

/// The window as the page sees it, in CSS pixels: where its frame starts
/// and how big it is, and the screen.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Geometry {
    x: i64,
    y: i64,
    width: i64,
    height: i64,
    screen_width: i64,
    screen_height: i64,
}

impl Geometry {
    fn fits(&self) -> bool {
        self.x >= 0
            && self.y >= 0
            && self.x + self.width <= self.screen_width
            && self.y + self.height <= self.screen_height
    }

    fn full_screen(&self) -> bool {
        (self.x, self.y, self.width, self.height) == (0, 0, self.screen_width, self.screen_height)
    }

    fn same_place(&self, other: &Geometry) -> bool {
        (self.x, self.y, self.width, self.height) == (other.x, other.y, other.width, other.height)
    }
}

async fn geometry(app: &App) -> Geometry {
    let v = app
        .js(
            "return [screenX, screenY, outerWidth, outerHeight, screen.width, screen.height];",
            vec![],
        )
        .await;
    let n = |i: usize| v.get(i).and_then(Value::as_i64).unwrap_or(-1);
    Geometry {
        x: n(0),
        y: n(1),
        width: n(2),
        height: n(3),
        screen_width: n(4),
        screen_height: n(5),
    }
}

/// Polls the geometry until `want` holds; returns it.
async fn wait_geometry(app: &App, what: &str, want: impl Fn(&Geometry) -> bool) -> Geometry {
    let deadline = Instant::now() + STEP_TIMEOUT;
    loop {
        let g = geometry(app).await;
        if want(&g) {
            return g;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for the window to be {what}: {g:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Where the window's content starts on screen (below the title bar), in
/// screen pixels, as X reports it: the page's `screenY` is the frame's top
/// and `outerHeight` leaves the frame out. xdotool (3.2021) counts the
/// frame's offset twice under a reparenting window manager (it says 40 px
/// where openbox's title bar is 20), so this errs on the strict side.
fn content_top(display: &str) -> i64 {
    let xdotool = find_program("xdotool").unwrap_or_else(|| panic!("xdotool not found"));
    let out = Command::new(xdotool)
        .args([
            "search",
            "--onlyvisible",
            "--class",
            "care-reader",
            "getwindowgeometry",
            "--shell",
        ])
        .env("DISPLAY", display)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("could not run xdotool: {e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("Y="))
        .and_then(|y| y.trim().parse().ok())
        .unwrap_or_else(|| panic!("xdotool found no app window: {text}"))
}

/// The whole window, title bar and frame included, is on the screen.
/// `scale`: screen pixels per CSS pixel.
fn assert_fits_with_frame(g: &Geometry, display: &str, scale: i64) {
    let top = content_top(display);
    let screen_height = g.screen_height * scale;
    assert!(
        g.y >= 0
            && top >= g.y * scale
            && top + g.height * scale + FRAME_BELOW <= screen_height
            && (g.x + g.width) * scale + FRAME_SIDES <= g.screen_width * scale,
        "the window and its frame do not fit the screen: {g:?}, content from y={top} \
         (screen pixels)"
    );
    eprintln!(
        "e2e: title bar at most {} px, window bottom at most {} of {screen_height} (screen pixels)",
        top - g.y * scale,
        top + g.height * scale + FRAME_BELOW
    );
}

/// The tools beyond the harness's: a window manager.
pub(crate) fn openbox(test: &str) -> Option<PathBuf> {
    let found = find_program("openbox");
    if found.is_none() {
        skip_or_fail(
            test,
            "openbox not found (apt-get install --no-install-recommends openbox): the window \
             tests need a window manager for title bars, maximise and full screen",
        );
    }
    found
}

/// Runs openbox on `display` until dropped, once it manages windows.
pub(crate) fn start_openbox(openbox: &Path, display: &str) -> Spawned {
    let child = Command::new(openbox)
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start openbox: {e}"));
    // It has taken the display when it has set the root's supporting-WM
    // property; half a second is plenty, and a window mapped earlier is
    // still adopted (only its first placement would be the app's own).
    std::thread::sleep(Duration::from_millis(800));
    Spawned {
        name: "openbox",
        child,
    }
}

pub(crate) async fn launch_with(ctx: &mut Ctx, script: &Path, data: &Path) -> App {
    ctx.launch_binary(
        &script.display().to_string(),
        &["--data-dir".to_owned(), data.display().to_string()],
        READY,
    )
    .await
}

pub(crate) async fn close(app: App) {
    let _ = tokio::time::timeout(Duration::from_secs(15), app.client.close()).await;
}

#[test]
fn the_window_fits_the_laptop_screen_comes_back_and_goes_full_screen() {
    scenario("window_laptop", |mut ctx| async move {
        let Some(openbox) = openbox(ctx.name) else {
            return;
        };
        if find_program("xdotool").is_none() {
            skip_or_fail(ctx.name, "xdotool not found (apt-get install xdotool)");
            return;
        }
        let _wm = start_openbox(&openbox, &ctx.harness.display);
        let data = ctx.fresh_data_dir("laptop");

        // First start: a comfortable window, wholly on the screen.
        let app = ctx.launch(&data).await;
        let first = wait_geometry(&app, "on the screen", Geometry::fits).await;
        eprintln!("e2e: window at first start on 1366×768: {first:?}");
        assert_fits_with_frame(&first, &ctx.harness.display, 1);
        assert_eq!((first.screen_width, first.screen_height), (1366, 768));
        assert!(
            first.width >= 1000 && first.height >= 600,
            "a laptop screen gets a roomy window: {first:?}"
        );

        // Moved and resized, then closed: it comes back there.
        app.client
            .set_window_rect(150, 80, 900, 560)
            .await
            .unwrap_or_else(|e| panic!("could not move the window: {e}"));
        let moved = wait_geometry(&app, "moved", |g| g.width != first.width).await;
        eprintln!("e2e: window moved: {moved:?}");
        tokio::time::sleep(SAVED).await;
        close(app).await;
        let app = ctx.launch(&data).await;
        let back = geometry(&app).await;
        assert!(back.same_place(&moved), "{back:?} is not {moved:?}");
        assert_fits_with_frame(&back, &ctx.harness.display, 1);

        // F11: full screen; Escape is still Back (it leaves Help, not full
        // screen); F11 again: the window as it was.
        app.keys(&[Key::F1.into()]).await;
        app.wait_view("help", STEP_TIMEOUT).await;
        app.keys(&[Key::F11.into()]).await;
        let full = wait_geometry(&app, "full screen", Geometry::full_screen).await;
        eprintln!("e2e: full screen: {full:?}");
        app.keys(&[Key::Escape.into()]).await;
        app.wait_view("home", STEP_TIMEOUT).await;
        assert!(
            geometry(&app).await.full_screen(),
            "Escape left full screen"
        );
        app.keys(&[Key::F11.into()]).await;
        wait_geometry(&app, "back as it was", |g| g.same_place(&moved)).await;

        // Maximised, closed: it opens maximised.
        app.client
            .maximize_window()
            .await
            .unwrap_or_else(|e| panic!("could not maximise: {e}"));
        let max = wait_geometry(&app, "maximised", |g| g.width >= 1300).await;
        eprintln!("e2e: maximised: {max:?}");
        tokio::time::sleep(SAVED).await;
        close(app).await;
        let app = ctx.launch(&data).await;
        let again = wait_geometry(&app, "maximised again", |g| g.width >= 1300).await;
        assert!(again.fits(), "{again:?}");
    });
}

#[test]
fn the_window_fits_a_netbook_screen_and_200_percent_scaling() {
    scenario("window_small_screens", |mut ctx| async move {
        let Some(openbox) = openbox(ctx.name) else {
            return;
        };
        let (Some(xvfb), Some(_)) = (find_program("Xvfb"), find_program("xdotool")) else {
            skip_or_fail(
                ctx.name,
                "Xvfb or xdotool not found (apt-get install xvfb xdotool)",
            );
            return;
        };
        let bin = ctx.fresh_data_dir("bin");

        // 200 % scaling on the 1366×768 screen: 683×384 in logical pixels,
        // less than the usual minimum height.
        let _wm = start_openbox(&openbox, &ctx.harness.display);
        let scaled =
            crate::support::start_script(&bin, "care-reader-scaled", &[("GDK_SCALE", "2")]);
        let scaled_data = ctx.fresh_data_dir("scaled");
        let app = launch_with(&mut ctx, &scaled, &scaled_data).await;
        let g = wait_geometry(&app, "on the scaled screen", Geometry::fits).await;
        eprintln!("e2e: window at 200 % on 1366×768: {g:?}");
        assert_fits_with_frame(&g, &ctx.harness.display, 2);
        assert_eq!((g.screen_width, g.screen_height), (683, 384));
        close(app).await;

        // A big window remembered from the laptop screen …
        let data = ctx.fresh_data_dir("netbook");
        let app = ctx.launch(&data).await;
        app.client
            .set_window_rect(300, 150, 1300, 700)
            .await
            .unwrap_or_else(|e| panic!("could not resize the window: {e}"));
        wait_geometry(&app, "big", |g| g.width >= 1250).await;
        tokio::time::sleep(SAVED).await;
        close(app).await;

        // … opens on a 1024×600 screen shrunk and moved onto it; a first
        // start there fits too.
        let (_xvfb, small) =
            start_xvfb_sized(&xvfb, "1024x600x24").unwrap_or_else(|e| panic!("{}: {e}", ctx.name));
        let _small_wm = start_openbox(&openbox, &small);
        let netbook = crate::support::start_script(
            &bin,
            "care-reader-netbook",
            &[("DISPLAY", small.as_str())],
        );
        for (label, data) in [("remembered", data), ("first", ctx.fresh_data_dir("first"))] {
            let app = launch_with(&mut ctx, &netbook, &data).await;
            let g = wait_geometry(&app, "on the netbook screen", Geometry::fits).await;
            eprintln!("e2e: window on 1024×600 ({label}): {g:?}");
            assert_fits_with_frame(&g, &small, 1);
            assert_eq!((g.screen_width, g.screen_height), (1024, 600));
            assert!(g.width >= 800 && g.height >= 450, "{label}: {g:?}");
            close(app).await;
        }
    });
}
