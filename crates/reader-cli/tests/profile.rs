//! `care-reader profile export|import` (issue 12): a family setup prepared
//! in one store is taken by another (the sources, the settings); a damaged
//! or newer file is refused with its exit code and a message in the
//! reader's language, and the store is left as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{assert_exit, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_care-reader");

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("care-reader-profile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn run(lang: &str, args: &[&str], store: &Path) -> Output {
    Command::new(BIN)
        .args(["--lang", lang])
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .expect("run care-reader")
}

#[test]
fn a_setup_goes_from_one_store_to_another_and_bad_files_change_nothing() {
    let dir = temp_dir("roundtrip");
    let (son, mum) = (dir.join("son"), dir.join("mum"));
    let opml = dir.join("list.opml");
    std::fs::write(
        &opml,
        r#"<opml version="2.0"><body>
            <outline text="人民网·时政" xmlUrl="http://www.people.com.cn/rss/politics.xml"/>
            <outline text="BBC 中文" xmlUrl="https://feeds.bbci.co.uk/zhongwen/simp/rss.xml"/>
        </body></opml>"#,
    )
    .expect("write");
    assert_exit(
        &run(
            "en-US",
            &["sources", "import", opml.to_str().expect("path")],
            &son,
        ),
        0,
    );
    let file = dir.join("mum.json");
    let exported = run(
        "zh-CN",
        &["profile", "export", file.to_str().expect("path")],
        &son,
    );
    assert_exit(&exported, 0);
    assert!(
        stdout(&exported).contains("已把家人设置写入"),
        "{}",
        stdout(&exported)
    );

    let imported = run(
        "en-US",
        &["profile", "import", file.to_str().expect("path")],
        &mum,
    );
    assert_exit(&imported, 0);
    assert!(
        stdout(&imported).contains("2 news sources and 0 pronunciations"),
        "{}",
        stdout(&imported)
    );
    let list = stdout(&run("en-US", &["sources", "list"], &mum));
    assert!(
        list.contains("人民网·时政") && list.contains("BBC 中文"),
        "{list}"
    );

    let text = std::fs::read_to_string(&file).expect("read");
    for (name, bad, code, words) in [
        (
            "cut.json",
            text[..text.len() / 3].to_owned(),
            7,
            "Nothing was changed",
        ),
        (
            "newer.json",
            text.replace("\"version\": 1", "\"version\": 9"),
            7,
            "newer Care Reader",
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bad).expect("write");
        let refused = run(
            "en-US",
            &["profile", "import", path.to_str().expect("path")],
            &son,
        );
        assert_exit(&refused, code);
        assert!(
            stderr(&refused).contains(words),
            "{name}: {}",
            stderr(&refused)
        );
        let refused = run(
            "zh-CN",
            &["profile", "import", path.to_str().expect("path")],
            &son,
        );
        assert!(
            stderr(&refused).contains("没有做任何更改"),
            "{name}: {}",
            stderr(&refused)
        );
    }
    assert_eq!(
        stdout(&run("en-US", &["sources", "list"], &son))
            .lines()
            .count(),
        2,
        "the son's store is as it was"
    );
}
