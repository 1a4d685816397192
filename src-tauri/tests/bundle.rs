//! The Debian package (`scripts/package`): what it declares, checked without
//! building it (a release build takes minutes; CI does not run it).

use serde_json::Value;

fn config() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json");
    let text = std::fs::read_to_string(path).expect("tauri.conf.json is readable");
    serde_json::from_str(&text).expect("tauri.conf.json is JSON")
}

/// The bundler declares only WebKitGTK and GTK; reading aloud and Chinese
/// text need these too, or an installed app would be mute, or show tofu.
#[test]
fn the_deb_depends_on_speech_and_cjk_fonts() {
    let config = config();
    let depends: Vec<&str> = config["bundle"]["linux"]["deb"]["depends"]
        .as_array()
        .expect("bundle.linux.deb.depends is a list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for package in [
        "speech-dispatcher",
        "speech-dispatcher-espeak-ng",
        "espeak-ng",
        "fonts-noto-cjk",
    ] {
        assert!(
            depends.contains(&package),
            "the .deb must depend on {package}: {depends:?}"
        );
    }
    assert!(
        config["bundle"]["targets"]
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t == "deb")),
        "bundle.targets should build the .deb"
    );
}

fn exists(relative: &str) -> bool {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(relative)
        .is_file()
}

/// The Windows installer (`tauri build --bundles nsis`, built by CI on a
/// tag): a family member installs it for the parent's own account without
/// an administrator's password, in Chinese or English as Windows is set,
/// and it installs on a computer that is not online (WebView2 inside).
#[test]
fn the_windows_installer_is_per_user_bilingual_and_offline() {
    let config = config();
    let windows = &config["bundle"]["windows"];
    assert_eq!(
        windows["webviewInstallMode"]["type"], "offlineInstaller",
        "WebView2 must come inside the installer: {windows}"
    );
    let nsis = &windows["nsis"];
    assert_eq!(
        nsis["installMode"], "currentUser",
        "no administrator: {nsis}"
    );
    let languages: Vec<&str> = nsis["languages"]
        .as_array()
        .expect("nsis.languages is a list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    // The first is the one shown when Windows is in neither language.
    assert_eq!(languages, ["SimpChinese", "English"]);
    // tauri-build needs an .ico to give the .exe its icon on Windows, and
    // the Mac bundle an .icns: both among bundle.icon, and on disk.
    let icons: Vec<&str> = config["bundle"]["icon"]
        .as_array()
        .expect("bundle.icon is a list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for ending in [".ico", ".icns", ".png"] {
        assert!(
            icons.iter().any(|i| i.ends_with(ending)),
            "bundle.icon needs a {ending}: {icons:?}"
        );
    }
    for icon in icons.iter().chain(nsis["installerIcon"].as_str().iter()) {
        assert!(exists(icon), "{icon} is named but missing");
    }
}

/// The Mac app: its name in Finder and the Dock in both languages, and the
/// system's own dialogs in Chinese on a Chinese Mac (Info.plist).
#[test]
fn the_mac_app_is_named_in_both_languages() {
    let config = config();
    let files = config["bundle"]["macOS"]["files"]
        .as_object()
        .expect("bundle.macOS.files");
    for (lproj, name) in [("en", "Care Reader"), ("zh_CN", "关怀阅读")] {
        let target = format!("Resources/{lproj}.lproj/InfoPlist.strings");
        let source = files
            .get(&target)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("bundle.macOS.files lacks {target}"));
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + source;
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            text.contains(&format!("CFBundleDisplayName = \"{name}\";")),
            "{path}: {text}"
        );
    }
    let plist = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Info.plist"))
        .expect("src-tauri/Info.plist, merged by the bundler");
    for key in ["CFBundleLocalizations", "<string>zh_CN</string>"] {
        assert!(plist.contains(key), "Info.plist lacks {key}");
    }
}
