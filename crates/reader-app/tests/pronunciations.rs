//! The pronunciation dictionary (读音纠正) through the app: entries change
//! what each kind of voice is given, a damaged file is refused with the
//! dictionary unchanged, and "Test the voice" without a Chinese voice says
//! what to install. The engine here records what it is given (speaking
//! itself is tested with speech-dispatcher in the narrator's tests).

use std::path::PathBuf;

use narrator::player::Command;
use narrator::pronunciation::Pronunciation;
use narrator::text::Lang;
use narrator::voice::VoiceInfo;
use reader_errors::ErrorCode;

mod common;
use common::{recording_app, voice, wait_for};

const PINYIN: &str = "Chinese (Mandarin, latin as Pinyin)";
const OWN_CHINESE: &str = "Microsoft Huihui";

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reader-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn all_voices() -> Vec<VoiceInfo> {
    vec![
        voice(PINYIN, "cmn-latn-pinyin"),
        voice(OWN_CHINESE, "zh-CN"),
        voice("English (America)", "en-us"),
    ]
}

fn zh(word: &str, say: &str) -> Pronunciation {
    Pronunciation {
        lang: Lang::Zh,
        word: word.into(),
        say: say.into(),
    }
}

fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .block_on(f)
}

#[test]
fn a_corrected_word_is_said_as_corrected_by_both_kinds_of_voice() {
    let dir = temp_dir("pron-said");
    let page = dir.join("page.html");
    std::fs::write(
        &page,
        "<html lang=zh-CN><body><article><h1>来信</h1>\
         <p>曾阿姨曾经来过我们家，她说重庆很好。</p></article></body></html>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (app, said) = recording_app(&dir.join("data"), all_voices());
    let list = app
        .set_pronunciation(zh("曾阿姨", "增阿姨"))
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(list, [zh("曾阿姨", "增阿姨")]);

    block_on(app.open(&page.display().to_string(), |_| {})).unwrap_or_else(|e| panic!("{e}"));
    app.narrate(Command::Play { from: Some(1) });
    let pinyin = wait_for(&said, 1);
    assert_eq!(
        pinyin.first(),
        Some(&(
            "zeng1 a1 yi2 ceng2 jing1 lai2 guo4 wo3 men5 jia1，ta1 shuo1 chong2 qing4 hen3 hao3。"
                .to_owned(),
            PINYIN.to_owned()
        )),
        "{pinyin:?}"
    );

    // A voice that does its own Chinese gets the characters, corrected.
    app.narrate(Command::SetVoice {
        lang: Lang::Zh,
        voice: Some(OWN_CHINESE.into()),
    });
    said.lock().map(|mut s| s.clear()).unwrap_or_default();
    app.narrate(Command::Play { from: Some(1) });
    let own = wait_for(&said, 1);
    assert_eq!(
        own.first().map(|(t, v)| (t.as_str(), v.as_str())),
        Some(("增阿姨曾经来过我们家，她说重庆很好。", OWN_CHINESE))
    );

    // Removed: the word is said as the voice would say it again.
    let left = app
        .remove_pronunciation(Lang::Zh, "曾阿姨")
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert!(left.is_empty());
    said.lock().map(|mut s| s.clear()).unwrap_or_default();
    app.narrate(Command::Play { from: Some(1) });
    let plain = wait_for(&said, 1);
    assert_eq!(
        plain.first().map(|(t, _)| t.as_str()),
        Some("曾阿姨曾经来过我们家，她说重庆很好。")
    );

    // Say (Settings' button) speaks the reading in the language's voice.
    said.lock().map(|mut s| s.clear()).unwrap_or_default();
    let spoke = app
        .say(Lang::Zh, "增阿姨")
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(spoke.id, OWN_CHINESE);
    assert_eq!(
        wait_for(&said, 1).first().map(|(t, _)| t.as_str()),
        Some("增阿姨")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_file_is_refused_and_the_dictionary_is_untouched() {
    let dir = temp_dir("pron-import");
    let (app, _) = recording_app(&dir.join("data"), all_voices());
    app.set_pronunciation(zh("曾阿姨", "增阿姨"))
        .unwrap_or_else(|e| panic!("{}", e.message));
    let damaged = dir.join("damaged.txt");
    std::fs::write(
        &damaged,
        "# care-reader pronunciations 1\nzh\t长安街\tchang2 an1 jie1\nzh\tbroken line\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let refused = app.import_pronunciations(&damaged).err();
    let refused = refused.unwrap_or_else(|| panic!("a damaged file was taken"));
    assert_eq!(refused.code, ErrorCode::PronunciationFileUnreadable);
    assert!(
        refused.message.contains("damaged") && refused.message.contains("line 3"),
        "{}",
        refused.message
    );
    assert_eq!(
        app.pronunciations().unwrap_or_default(),
        [zh("曾阿姨", "增阿姨")],
        "nothing of the damaged file was taken"
    );
    // Not even text: refused as well.
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x01]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        app.import_pronunciations(&binary).err().map(|e| e.code),
        Some(ErrorCode::PronunciationFileUnreadable)
    );

    // A good file round-trips through export and merges in.
    let out = dir.join("ours.txt");
    assert_eq!(app.export_pronunciations(&out).ok(), Some(1));
    let (other, _) = recording_app(&dir.join("other"), all_voices());
    other
        .set_pronunciation(zh("长安街", "长安街"))
        .unwrap_or_else(|e| panic!("{}", e.message));
    let merged = other
        .import_pronunciations(&out)
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(merged, [zh("长安街", "长安街"), zh("曾阿姨", "增阿姨")]);
    // An entry without a reading is refused.
    assert_eq!(
        other.set_pronunciation(zh("曾", " ")).err().map(|e| e.code),
        Some(ErrorCode::PronunciationInvalid)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn testing_a_missing_voice_says_what_to_install() {
    let dir = temp_dir("pron-test-voice");
    let (app, said) = recording_app(&dir.join("data"), vec![voice("English (America)", "en-us")]);
    let spoke = app
        .test_voice(Lang::En)
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(spoke.id, "English (America)");
    assert_eq!(wait_for(&said, 1).len(), 1);
    let missing = app.test_voice(Lang::Zh).err();
    let missing = missing.unwrap_or_else(|| panic!("a Chinese voice was found"));
    assert_eq!(missing.code, ErrorCode::SpeechNoVoice);
    if cfg!(target_os = "linux") {
        assert!(
            missing.message.contains("Chinese") && missing.message.contains("espeak-ng"),
            "{}",
            missing.message
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
