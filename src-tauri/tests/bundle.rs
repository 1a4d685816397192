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
