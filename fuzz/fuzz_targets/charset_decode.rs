//! Page bytes → charset decision → text (reader_web::fetch::charset).
//!
//! Input: byte 0 picks the HTTP `charset` (or none), byte 1 the top-level
//! domain hint (or none, or a few raw bytes of the input as a hostile TLD),
//! the rest is the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_web::fetch::charset;

const HEADERS: &[Option<&str>] = &[
    None,
    Some("utf-8"),
    Some("gbk"),
    Some("GB2312"),
    Some("big5"),
    Some("shift_jis"),
    Some("euc-kr"),
    Some("iso-8859-1"),
    Some("utf-16"),
    Some("x-user-defined"),
    Some("iso-2022-jp"),
    Some("hz-gb-2312"),
    Some(" \"utf-8\" "),
    Some("no-such-charset"),
];

const TLDS: &[Option<&str>] = &[
    None,
    Some("cn"),
    Some("tw"),
    Some("jp"),
    Some("com"),
    Some(".CN"),
];

fuzz_target!(|data: &[u8]| {
    let [h, t, rest @ ..] = data else { return };
    let header = HEADERS[usize::from(*h) % HEADERS.len()];
    let raw_tld;
    let (tld, body) = match usize::from(*t) % (TLDS.len() + 1) {
        i if i < TLDS.len() => (TLDS[i], rest),
        _ => {
            let n = rest.len().min(4);
            raw_tld = String::from_utf8_lossy(&rest[..n]).into_owned();
            (Some(raw_tld.as_str()), &rest[n..])
        }
    };

    let (text, encoding) = charset::decode_with_tld(body, header, tld);
    // The decision and the decoding agree.
    assert_eq!(
        encoding,
        charset::detect(body, header, tld),
        "decode and detect disagree"
    );
    // Owned bytes (a file, a response body) decode the same way.
    assert_eq!(
        charset::decode_owned(body.to_vec(), header, tld),
        (text.clone(), encoding),
        "decode_owned and decode_with_tld disagree"
    );
    // The "replacement" encoding would turn the page into one U+FFFD: never chosen.
    assert_ne!(
        encoding.name(),
        "replacement",
        "replacement encoding chosen"
    );
    // Bounded: every input byte gives at most one character of at most 3
    // UTF-8 bytes (4-byte characters need 2 or 4 input bytes).
    assert!(
        text.len() <= 3 * body.len(),
        "{} bytes decoded to {} bytes",
        body.len(),
        text.len()
    );
    // Plain ASCII (no escape sequences) with nothing declared in the header
    // reads as itself in every ASCII-compatible encoding we may pick.
    let ascii_compatible = !matches!(encoding.name(), "UTF-16LE" | "UTF-16BE");
    if header.is_none() && ascii_compatible && body.iter().all(|b| b.is_ascii() && *b != 0x1b) {
        assert_eq!(
            text.as_bytes(),
            body,
            "ASCII changed in {}",
            encoding.name()
        );
    }
    // A document can't declare itself UTF-16, x-user-defined or replacement.
    if let Some(declared) = charset::prescan(body) {
        assert!(
            !matches!(
                declared.name(),
                "UTF-16LE" | "UTF-16BE" | "x-user-defined" | "replacement"
            ),
            "prescan returned {}",
            declared.name()
        );
    }
    // The Content-Type parameter parser on the same bytes as a header value.
    let header_text = String::from_utf8_lossy(&body[..body.len().min(256)]);
    if let Some(value) = charset::charset_from_content_type(&header_text) {
        assert!(
            !value.is_empty() && value == value.trim(),
            "charset {value:?}"
        );
    }
});
