//! One app, one writer: a second launch of the real binary on the same data
//! folder hands its address to the window already open and exits at once;
//! one on another data folder is another app and keeps running; one just
//! after the window closed waits for the ending app and opens its own.
//!
//! Run: `cargo test -p care-reader-app --test e2e instance::`. Missing tools
//! skip loudly, or fail under `CI=true` (`support/mod.rs`).

use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::app::{PHOTO_ARTICLE, PHOTO_TITLE};
use crate::support::session::{OPEN_TIMEOUT, STEP_TIMEOUT};
use crate::support::{APP_BINARY, Ctx, Spawned, log_dir, scenario};

/// A second launch that hands over exits within this (issue 11: promptly).
const HANDED_OVER_WITHIN: Duration = Duration::from_secs(10);

/// Starts the app binary directly (not through the driver), as a desktop
/// file or a file manager would, on the harness's display.
fn start_directly(ctx: &Ctx, data_dir: &Path, open: Option<&str>, log: &str) -> Child {
    let out = std::fs::File::create(log_dir().join(format!("instance-{log}.log")))
        .expect("the e2e log folder should be writable");
    let err = out.try_clone().expect("a second handle on the log");
    let mut command = Command::new(APP_BINARY);
    command.arg("--data-dir").arg(data_dir);
    if let Some(open) = open {
        command.arg(open);
    }
    command
        .env("DISPLAY", &ctx.harness.display)
        .env_remove("WAYLAND_DISPLAY")
        .env("GDK_BACKEND", "x11")
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap_or_else(|e| panic!("{}: could not start {APP_BINARY}: {e}", ctx.name))
}

/// Waits for `child` to end (polling, so the WebDriver client keeps its
/// runtime); `None` if it is still running after `within`.
async fn wait_exit(child: &mut Child, within: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + within;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[test]
fn a_second_launch_opens_its_address_in_the_first_window() {
    scenario("instance_hand_over", |mut ctx| async move {
        let dir = ctx.fresh_data_dir("first");
        let app = ctx.launch(&dir).await;
        app.go_home().await;

        // Same data folder, with an address: handed over, and gone.
        let started = Instant::now();
        let mut second = start_directly(&ctx, &dir, Some(&ctx.url(PHOTO_ARTICLE)), "second");
        let status = wait_exit(&mut second, HANDED_OVER_WITHIN).await;
        let Some(status) = status else {
            let _ = second.kill();
            let _ = second.wait();
            panic!("a second launch on the same data folder kept running (a second writer)");
        };
        assert!(
            status.success(),
            "the second launch should hand over and exit cleanly: {status} (log: {})",
            log_dir().join("instance-second.log").display()
        );
        eprintln!(
            "e2e: the second launch handed over in {:.2} s",
            started.elapsed().as_secs_f64()
        );
        // The first window opened it, as if the file had been dropped on it.
        app.wait_view("reader", OPEN_TIMEOUT).await;
        app.wait_js(
            "the handed article's title",
            OPEN_TIMEOUT,
            &format!(
                "return document.getElementById('article-title').textContent.trim() === '{PHOTO_TITLE}';"
            ),
        )
        .await;

        // Without an address: it only calls the first window forward.
        let mut third = start_directly(&ctx, &dir, None, "third");
        let status = wait_exit(&mut third, HANDED_OVER_WITHIN).await;
        if status.is_none() {
            let _ = third.kill();
            let _ = third.wait();
        }
        assert!(
            status.is_some_and(|s| s.success()),
            "a bare second launch should exit cleanly: {status:?}"
        );
        assert_eq!(app.visible_view().await, "reader");
        assert_eq!(app.text_of("article-title").await, PHOTO_TITLE);

        // Another data folder is another app: it keeps running.
        let other = ctx.fresh_data_dir("other");
        let mut child = start_directly(&ctx, &other, None, "other");
        let early = wait_exit(&mut child, Duration::from_secs(5)).await;
        // Ended by PID with SIGTERM (then SIGKILL) when dropped.
        let _other_app = Spawned {
            name: "care-reader-app (other data folder)",
            child,
        };
        assert!(
            early.is_none(),
            "an app on another data folder should keep running, but it exited: {early:?} \
             (log: {})",
            log_dir().join("instance-other.log").display()
        );
        assert!(
            other.join("instance.lock").is_file(),
            "the other app should hold its own data folder"
        );
        // The first is still there and still answers.
        app.wait_view("reader", STEP_TIMEOUT).await;

        // Closed and at once opened again (a second click on the icon): the
        // new launch waits for the ending app and opens its own window; it
        // used to hand itself to the window that was gone and exit, and
        // nothing opened.
        crate::window::close(app).await;
        let mut again = start_directly(&ctx, &dir, None, "reopened");
        let early = wait_exit(&mut again, Duration::from_secs(5)).await;
        let _again = Spawned {
            name: "care-reader-app (reopened)",
            child: again,
        };
        assert!(
            early.is_none(),
            "opened again just after closing, the app exited ({early:?}) instead of \
             opening its window (log: {})",
            log_dir().join("instance-reopened.log").display()
        );
    });
}
