//! Screen readers: the real app window, read over AT-SPI the way Orca reads
//! it on Linux. Each scenario starts Xvfb (unless `DISPLAY` is set), a
//! private D-Bus session (`dbus-run-session`, which activates the AT-SPI bus
//! and registry from at-spi2-core), and inside it `e2e/support/atspi_tree.py`
//! (python3-pyatspi), which starts the app, walks its accessible tree, and
//! presses buttons through AT-SPI's Action interface as Orca does on Enter.
//!
//! The names are checked against the app's own Fluent strings, so the test
//! says "the button Orca calls 打开 is the one ui.ftl calls home-open", in
//! both languages (the first run follows the desktop's language).
//!
//! Run: `cargo test -p care-reader-app --test e2e atspi::`. Missing tools skip
//! loudly, or fail under `CI=true` (as the other end-to-end tests do).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use reader_l10n::Localizer;
use serde_json::Value;

/// The whole conversation (start, two trees, one press) on a busy machine.
const RUN_TIMEOUT: Duration = Duration::from_secs(120);

/// One accessible object as the helper reports it.
#[derive(Debug)]
struct Node {
    role: String,
    name: String,
    states: Vec<String>,
    attrs: serde_json::Map<String, Value>,
}

impl Node {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).and_then(Value::as_str)
    }
    fn has_state(&self, state: &str) -> bool {
        self.states.iter().any(|s| s == state)
    }
}

/// A tree dumped by one `dump:` step.
struct Tree {
    label: String,
    nodes: Vec<Node>,
}

impl Tree {
    fn find(&self, role: &str, name: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.role == role && n.name == name)
    }

    /// The node with `role` and `name`, or a failure that shows the tree.
    fn expect(&self, role: &str, name: &str, why: &str) -> &Node {
        self.find(role, name).unwrap_or_else(|| {
            panic!(
                "{}: no {role} named {name:?} over AT-SPI ({why}); the tree:\n{}",
                self.label,
                self.outline()
            )
        })
    }

    /// The landmark whose ARIA role (xml-roles) is `xml_role`.
    fn landmark(&self, xml_role: &str) -> Option<&Node> {
        self.nodes
            .iter()
            .find(|n| n.role == "landmark" && n.attr("xml-roles") == Some(xml_role))
    }

    fn outline(&self) -> String {
        self.nodes
            .iter()
            .map(|n| format!("  [{}] {:?} {:?}", n.role, n.name, n.attr("xml-roles")))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// What the scenarios need besides the app: a display, dbus-run-session and
/// a python3 that has pyatspi. `None` when something is missing (skipped, or
/// a failure under CI).
struct Tools {
    dbus_run_session: PathBuf,
    python: PathBuf,
    display: String,
    _xvfb: Option<crate::support::Spawned>,
}

fn tools(test: &str) -> Option<Tools> {
    let Some(dbus_run_session) = crate::support::find_program("dbus-run-session") else {
        crate::support::skip_or_fail(test, "dbus-run-session not found (apt-get install dbus)");
        return None;
    };
    // Debian's own python3 (a pyenv or venv python on PATH lacks the
    // distribution's pyatspi).
    let python = ["/usr/bin/python3", "python3"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| {
            Command::new(p)
                .args(["-c", "import pyatspi"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
    let Some(python) = python else {
        crate::support::skip_or_fail(
            test,
            "no python3 with pyatspi (apt-get install python3-pyatspi at-spi2-core)",
        );
        return None;
    };
    if !Path::new("/usr/libexec/at-spi-bus-launcher").exists()
        && crate::support::find_program("at-spi-bus-launcher").is_none()
    {
        crate::support::skip_or_fail(
            test,
            "at-spi-bus-launcher not found (apt-get install at-spi2-core)",
        );
        return None;
    }
    let display_set = std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty());
    let (display, xvfb) = if display_set {
        (std::env::var("DISPLAY").unwrap_or_default(), None)
    } else {
        let Some(xvfb) = crate::support::find_program("Xvfb") else {
            crate::support::skip_or_fail(
                test,
                "Xvfb not found and DISPLAY is not set (apt-get install xvfb)",
            );
            return None;
        };
        let (spawned, display) =
            crate::support::start_xvfb(&xvfb).unwrap_or_else(|e| panic!("{test}: {e}"));
        (display, Some(spawned))
    };
    Some(Tools {
        dbus_run_session,
        python,
        display,
        _xvfb: xvfb,
    })
}

/// Runs the helper with `steps` on a fresh data folder (a first run: the app
/// opens on the welcome article) in a desktop speaking `locale`.
fn read_app(test: &str, tools: &Tools, locale: &str, steps: &[String]) -> Vec<Tree> {
    let data =
        std::env::temp_dir().join(format!("care-reader-atspi-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).expect("the temp folder should be writable");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/support/atspi_tree.py");
    let mut child = Command::new(&tools.dbus_run_session)
        .arg("--")
        .arg(&tools.python)
        .arg(&script)
        .arg(crate::support::APP_BINARY)
        .arg(&data)
        .args(steps)
        .env("DISPLAY", &tools.display)
        .env_remove("WAYLAND_DISPLAY")
        .env("GDK_BACKEND", "x11")
        // A session bus of its own: never the developer's, never another run's.
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("AT_SPI_BUS_ADDRESS")
        .env_remove("NO_AT_BRIDGE")
        .env_remove("GTK_A11Y")
        .env("LANG", locale)
        .env("LANGUAGE", locale.split('.').next().unwrap_or(locale))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{test}: could not start dbus-run-session: {e}"));
    // Read both pipes on threads so a chatty child never blocks on a full pipe.
    let pipe = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = r.read_to_string(&mut s);
            s
        })
    };
    let out = pipe(Box::new(child.stdout.take().expect("piped stdout")));
    let err = pipe(Box::new(child.stderr.take().expect("piped stderr")));
    let deadline = Instant::now() + RUN_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the helper") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{test}: the AT-SPI helper did not finish within {RUN_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = out.join().unwrap_or_default();
    let err = err.join().unwrap_or_default();
    let _ = std::fs::remove_dir_all(&data);
    assert!(
        status.success(),
        "{test}: the AT-SPI helper failed ({status}):\n{err}"
    );
    // The registry daemon shares stdout and announces itself there: only the
    // helper's JSON lines count.
    out.lines()
        .filter(|l| l.starts_with('{'))
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("the helper prints JSON");
            let nodes = v["nodes"]
                .as_array()
                .expect("nodes")
                .iter()
                .map(|n| Node {
                    role: n["role"].as_str().unwrap_or_default().to_owned(),
                    name: n["name"].as_str().unwrap_or_default().to_owned(),
                    states: n["states"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|s| s.as_str().map(str::to_owned))
                                .collect()
                        })
                        .unwrap_or_default(),
                    attrs: n["attrs"].as_object().cloned().unwrap_or_default(),
                })
                .collect();
            Tree {
                label: v["label"].as_str().unwrap_or_default().to_owned(),
                nodes,
            }
        })
        .collect()
}

/// The welcome article's title in `lang`, from its page's `<h1>`.
fn welcome_title(lang: &str) -> String {
    let page = crate::support::repo_root().join(format!("assets/welcome/{lang}.html"));
    let html = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    html.split_once("<h1>")
        .and_then(|(_, rest)| rest.split_once("</h1>"))
        .map(|(title, _)| title.trim().to_owned())
        .unwrap_or_else(|| panic!("{}: no <h1>", page.display()))
}

/// The reader on the welcome article, then Back (pressed over AT-SPI) to
/// Home: what Orca finds in each, named in the UI's language `lang`.
fn screen_reader_reads(test: &str, locale: &str, lang: &str) {
    // One scenario at a time, WebDriver ones included (same test binary).
    let _serial = crate::support::serial();
    let Some(tools) = tools(test) else {
        return;
    };
    let l10n = Localizer::new(lang);
    let s = |id: &str| l10n.message(id, &[]);
    // The window is named after the article on show (show_page), a moment
    // after it shows: the reader's tree is read once that name is there.
    let window = l10n.message("app-window-title", &[("page", welcome_title(lang))]);
    let steps = [
        format!("dump:reader:{window}"),
        format!("press:{}", s("reader-back")),
        format!("dump:home:{}", s("home-recent-title")),
    ];
    let trees = read_app(test, &tools, locale, &steps);
    let [reader, home] = &trees[..] else {
        panic!(
            "{test}: expected two trees from the helper, got {}",
            trees.len()
        );
    };

    // The window and the page are named (Orca says the window's name when
    // it changes, and both on focus).
    reader.expect("frame", &window, "the window title");
    reader.expect("document web", &s("app-title"), "the page title");

    // Reader: the toolbar is a named navigation landmark of push buttons.
    let toolbar = reader.landmark("navigation").unwrap_or_else(|| {
        panic!(
            "{test}: the reader's toolbar is no navigation landmark:\n{}",
            reader.outline()
        )
    });
    assert_eq!(
        toolbar.name,
        s("reader-toolbar.aria-label"),
        "{test}: toolbar name"
    );
    for id in [
        "reader-back",
        "reader-smaller",
        "reader-larger",
        "reader-more",
    ] {
        let button = reader.expect("push button", &s(id), id);
        assert!(
            button.has_state("focusable"),
            "{test}: {id} cannot take focus"
        );
    }
    // More says it opens something (aria-expanded), and how far one has
    // read is a named progress bar.
    let more = reader.expect("push button", &s("reader-more"), "reader-more");
    assert!(
        more.has_state("expandable"),
        "{test}: More does not say it expands: {:?}",
        more.states
    );
    reader.expect(
        "progress bar",
        &s("reader-progress.aria-label"),
        "the reading progress",
    );
    // The article's title is a level-1 heading, and focus is on it (the
    // view's start), so Orca reads where the reader is.
    let h1 = reader
        .nodes
        .iter()
        .find(|n| n.role == "heading" && n.attr("level") == Some("1"))
        .unwrap_or_else(|| panic!("{test}: no level-1 heading:\n{}", reader.outline()));
    assert!(
        !h1.name.is_empty(),
        "{test}: the article heading has no name"
    );
    assert!(
        h1.has_state("focused"),
        "{test}: focus is not on the article heading"
    );
    assert!(
        reader.find("article", &h1.name).is_some(),
        "{test}: the article is not named by its heading:\n{}",
        reader.outline()
    );
    for tree in [reader, home] {
        assert!(
            tree.landmark("main").is_some(),
            "{}: no main landmark:\n{}",
            tree.label,
            tree.outline()
        );
        // The one live region (docs/app.md): Orca announces it.
        assert!(
            tree.nodes
                .iter()
                .any(|n| n.role == "status bar" && n.attr("xml-roles") == Some("status")),
            "{}: no status live region:\n{}",
            tree.label,
            tree.outline()
        );
    }

    // Home: the address box is an editable entry named by its label, focused
    // when Home opens; the ways to open something are push buttons.
    let address = home.expect("entry", &s("home-address-label"), "the address box's label");
    assert!(
        address.has_state("editable"),
        "{test}: the address box is not editable"
    );
    assert!(
        address.has_state("focused"),
        "{test}: Home does not focus the address box"
    );
    for id in ["home-open", "home-open-file", "home-settings", "home-help"] {
        home.expect("push button", &s(id), id);
    }
    let h1 = home.expect("heading", &s("home-title"), "Home's heading");
    assert_eq!(h1.attr("level"), Some("1"), "{test}: Home's heading level");
    let recent = home.expect(
        "heading",
        &s("home-recent-title"),
        "the recent list's heading",
    );
    assert_eq!(
        recent.attr("level"),
        Some("2"),
        "{test}: the recent heading level"
    );
    let nav = home.landmark("navigation").unwrap_or_else(|| {
        panic!(
            "{test}: Home's buttons are in no navigation landmark:\n{}",
            home.outline()
        )
    });
    assert_eq!(
        nav.name,
        s("home-nav.aria-label"),
        "{test}: Home's navigation name"
    );
    // The view itself is a region named by its heading (aria-labelledby).
    assert!(
        home.nodes.iter().any(|n| n.role == "landmark"
            && n.attr("xml-roles") == Some("region")
            && n.name == s("home-title")),
        "{test}: Home is no region named by its heading:\n{}",
        home.outline()
    );
}

#[test]
fn screen_reader_reads_names_and_roles_in_chinese() {
    screen_reader_reads(
        "screen_reader_reads_names_and_roles_in_chinese",
        "zh_CN.UTF-8",
        "zh-CN",
    );
}

#[test]
fn screen_reader_reads_names_and_roles_in_english() {
    screen_reader_reads(
        "screen_reader_reads_names_and_roles_in_english",
        "en_US.UTF-8",
        "en-US",
    );
}
