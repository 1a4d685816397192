//! Charset detection and decoding.
//!
//! The order follows the WHATWG HTML encoding sniffing algorithm
//! (<https://html.spec.whatwg.org/multipage/parsing.html#encoding-sniffing-algorithm>):
//!
//! 1. a byte order mark wins over everything, even the HTTP header;
//! 2. the `charset` parameter of the HTTP `Content-Type` header;
//! 3. a `<meta charset>` / `<meta http-equiv="Content-Type">` found by the
//!    *prescan* of the first [`PRESCAN_LIMIT`] bytes;
//! 4. valid UTF-8 is UTF-8 (the detector would say so too); anything else
//!    gets a statistical guess by `chardetng` (the detector Firefox uses),
//!    with the top-level domain as a hint.
//!
//! Labels are mapped the WHATWG way (`gb2312` → GBK, `iso-8859-1` →
//! windows-1252, `big5-hkscs` → Big5, ...). On top of the spec we second-guess
//! declarations that the bytes plainly contradict, because Chinese portals
//! often copy a template's `charset=utf-8` onto GBK pages (and the reverse):
//!
//! - declared UTF-8 but the bytes are full of invalid UTF-8 → the guess, when it
//!   decodes cleaner;
//! - declared something else but the bytes are valid UTF-8 with real multi-byte
//!   characters → UTF-8;
//! - declared a legacy encoding that fails to decode the bytes, or a Latin
//!   single-byte encoding for what is clearly GBK/Big5/... → the guess.
//!
//! Each check costs what it needs and no more, since this runs on every page
//! before extraction: UTF-8 validation stops at the first invalid byte, a
//! declaration is checked by decoding once (and that text is the result),
//! and the detector, by far the dearest, runs only when nothing else
//! decides, on a prefix that ends once it has seen enough text.

use encoding_rs::{
    BIG5, DecoderResult, EUC_JP, EUC_KR, Encoding, GB18030, GBK, REPLACEMENT, SHIFT_JIS, UTF_8,
    UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED,
};

/// How many leading bytes the `<meta>` prescan looks at. The spec says 1024;
/// Chinese portals often put the meta after a pile of scripts and comments,
/// so we look a little further (Chromium also goes past 1024 in practice).
pub const PRESCAN_LIMIT: usize = 4096;

/// A declaration is overruled when at least this share (1 in N) of the body's
/// non-ASCII bytes produce decoding errors: one stray broken byte in a real
/// UTF-8 page must not flip it, but GBK read as UTF-8 fails on almost every
/// character.
const ERROR_SHARE_DIVISOR: usize = 50;

/// A page declared as a legacy encoding is treated as UTF-8 when it is valid
/// UTF-8 and has at least this many multi-byte characters (valid UTF-8 that
/// long is virtually never an accident in GBK, Big5 or windows-1252 text).
const MIN_UTF8_MULTIBYTE_CHARS: usize = 4;

/// A Latin single-byte declaration is overruled by a CJK guess only when the
/// body has at least this many non-ASCII bytes to base the guess on.
const MIN_NON_ASCII_FOR_CJK_OVERRIDE: usize = 16;

/// The statistical detector is fed the document in chunks of this size, so
/// that it can stop once it has seen enough (see [`DETECTOR_ENOUGH_NON_ASCII`]).
const DETECTOR_CHUNK: usize = 8 * 1024;

/// The detector stops after the chunk in which it has seen this many
/// non-ASCII bytes: about a thousand CJK characters, a few paragraphs of
/// text, from which chardetng's guess no longer changes in practice. Fed
/// whole pages, it took about 30 % of the CPU of a corpus batch.
const DETECTOR_ENOUGH_NON_ASCII: usize = 2048;

/// The detector never sees more than this prefix, whatever it holds: a page
/// whose first 256 KiB give no clear evidence gets the guess they support
/// (leading ASCII is skipped cheaply by chardetng, so this mostly bounds the
/// scripts and markup it must walk after the first non-ASCII byte).
const DETECTOR_PREFIX_LIMIT: usize = 256 * 1024;

/// Decodes `bytes`, using the `charset` from the HTTP header if any.
///
/// Returns the text and the encoding it was decoded from. Never fails:
/// undecodable bytes become U+FFFD.
pub fn decode(bytes: &[u8], http_charset: Option<&str>) -> (String, &'static Encoding) {
    decode_with_tld(bytes, http_charset, None)
}

/// Like [`decode`], with the top-level domain of the page's URL (`"cn"`,
/// `"tw"`, `"com"`; any case, with or without the leading dot) as a hint for
/// the statistical guess.
pub fn decode_with_tld(
    bytes: &[u8],
    http_charset: Option<&str>,
    tld: Option<&str>,
) -> (String, &'static Encoding) {
    if let Some(decoded) = decode_bom(bytes) {
        return decoded;
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    let decision = decide(bytes, utf8.is_some(), http_charset, tld);
    let text = match (decision.text, utf8) {
        (Text::Decoded(text), _) => text,
        (Text::AsIs, Some(text)) => text.to_owned(),
        (Text::AsIs | Text::Pending, _) => decode_as(decision.encoding, bytes),
    };
    (text, decision.encoding)
}

/// [`decode_with_tld`] for bytes the caller owns: a valid UTF-8 page (most
/// of the web) becomes its text without being copied.
pub fn decode_owned(
    bytes: Vec<u8>,
    http_charset: Option<&str>,
    tld: Option<&str>,
) -> (String, &'static Encoding) {
    if let Some(decoded) = decode_bom(&bytes) {
        return decoded;
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            let decision = decide(text.as_bytes(), true, http_charset, tld);
            let text = match decision.text {
                Text::AsIs => text,
                Text::Decoded(decoded) => decoded,
                Text::Pending => decode_as(decision.encoding, text.as_bytes()),
            };
            (text, decision.encoding)
        }
        Err(not_utf8) => {
            let bytes = not_utf8.into_bytes();
            let decision = decide(&bytes, false, http_charset, tld);
            let text = match decision.text {
                Text::Decoded(decoded) => decoded,
                // `AsIs` is only ever given for valid UTF-8.
                Text::AsIs | Text::Pending => decode_as(decision.encoding, &bytes),
            };
            (text, decision.encoding)
        }
    }
}

/// Picks the encoding for `bytes` (BOM, header, meta, guess, plus the
/// mislabelling checks described in the module docs) without decoding.
pub fn detect(bytes: &[u8], http_charset: Option<&str>, tld: Option<&str>) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    decide(bytes, valid_utf8, http_charset, tld).encoding
}

/// A byte order mark wins over everything: the rest decoded as it says.
fn decode_bom(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    let (encoding, bom_len) = Encoding::for_bom(bytes)?;
    let body = bytes.get(bom_len..).unwrap_or_default();
    Some((decode_as(encoding, body), encoding))
}

fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding chosen for a document without a BOM, and how far its text is.
struct Decision {
    encoding: &'static Encoding,
    text: Text,
}

/// What deciding left of the text, so that nothing is decoded twice.
enum Text {
    /// The bytes are valid UTF-8 and UTF-8 was chosen: they are the text.
    AsIs,
    /// Checking the choice decoded the document already.
    Decoded(String),
    /// Still to be decoded.
    Pending,
}

impl Decision {
    fn pending(encoding: &'static Encoding) -> Self {
        Decision {
            encoding,
            text: Text::Pending,
        }
    }

    fn utf8_as_is() -> Self {
        Decision {
            encoding: UTF_8,
            text: Text::AsIs,
        }
    }
}

/// A document decoded with one candidate encoding, and how many malformed
/// sequences that took (each became one U+FFFD).
struct Trial {
    encoding: &'static Encoding,
    text: String,
    errors: usize,
}

impl Trial {
    fn of(encoding: &'static Encoding, bytes: &[u8]) -> Self {
        let (text, errors) = decode_counting(encoding, bytes);
        Trial {
            encoding,
            text,
            errors,
        }
    }

    fn into_decision(self) -> Decision {
        Decision {
            encoding: self.encoding,
            text: Text::Decoded(self.text),
        }
    }
}

/// The decision behind [`detect`] and the decoders, for a document without
/// a BOM whose UTF-8 validity the caller has checked (`valid_utf8`). Each
/// piece of evidence is gathered at the cost it needs: valid UTF-8 settles
/// it with that one validation pass, a declaration is checked by one
/// decoding pass (whose text is kept), and only an undeclared legacy page
/// pays for the statistical detector.
fn decide(
    bytes: &[u8],
    valid_utf8: bool,
    http_charset: Option<&str>,
    tld: Option<&str>,
) -> Decision {
    let declared = http_charset
        .and_then(header_label_to_encoding)
        .or_else(|| prescan(bytes))
        .or_else(|| xml_declaration(bytes));
    let tld = tld.and_then(clean_tld);
    let guessed_encoding = || guess(bytes, tld.as_deref());

    let Some(declared) = declared else {
        // What the detector itself answers for valid UTF-8, bar one case:
        // 7-bit text with escape sequences may be ISO-2022-JP.
        return if valid_utf8 && (!bytes.is_ascii() || !bytes.contains(&0x1B)) {
            Decision::utf8_as_is()
        } else {
            Decision::pending(guessed_encoding())
        };
    };

    if declared == UTF_8 {
        if valid_utf8 {
            return Decision::utf8_as_is();
        }
        let as_declared = Trial::of(UTF_8, bytes);
        if !many_errors(as_declared.errors, bytes) {
            return as_declared.into_decision();
        }
        let guessed = guessed_encoding();
        if guessed != UTF_8 {
            let trial = Trial::of(guessed, bytes);
            if trial.errors < as_declared.errors {
                return trial.into_decision();
            }
        }
        return as_declared.into_decision();
    }

    // Declared something else: valid UTF-8 with real multi-byte text is UTF-8.
    if valid_utf8 && has_multibyte_chars(bytes, MIN_UTF8_MULTIBYTE_CHARS) {
        return Decision::utf8_as_is();
    }

    let as_declared = Trial::of(declared, bytes);
    if as_declared.errors > 0 && many_errors(as_declared.errors, bytes) {
        let guessed = guessed_encoding();
        if guessed != declared {
            let trial = Trial::of(guessed, bytes);
            if trial.errors < as_declared.errors {
                return trial.into_decision();
            }
        }
        return as_declared.into_decision();
    }

    // Latin-1 style defaults (Tomcat's ISO-8859-1, say) on a CJK page decode
    // "without errors" into mojibake; trust a clean CJK guess over them.
    if declared == WINDOWS_1252 && non_ascii_count(bytes) >= MIN_NON_ASCII_FOR_CJK_OVERRIDE {
        let guessed = guessed_encoding();
        if is_cjk_multibyte(guessed) {
            let trial = Trial::of(guessed, bytes);
            if trial.errors == 0 {
                return trial.into_decision();
            }
        }
    }
    as_declared.into_decision()
}

/// Extracts the `charset` parameter from a `Content-Type` header value,
/// without quotes: `text/html; charset="GBK"` → `GBK`.
pub fn charset_from_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then_some(value)
    })
}

/// An encoding label from an HTTP header, mapped per WHATWG. The
/// "replacement" encoding (ISO-2022-KR, HZ, ...) would turn the whole page
/// into one U+FFFD; for a reader a guess is more useful, so it counts as no
/// declaration.
fn header_label_to_encoding(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes()).filter(|e| *e != REPLACEMENT)
}

/// Maps an encoding declared inside the document the way the spec's prescan
/// does: a document can't declare itself UTF-16 (it would have needed a BOM),
/// and x-user-defined means windows-1252.
fn in_document_encoding(encoding: &'static Encoding) -> Option<&'static Encoding> {
    if encoding == UTF_16BE || encoding == UTF_16LE {
        Some(UTF_8)
    } else if encoding == X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if encoding == REPLACEMENT {
        None
    } else {
        Some(encoding)
    }
}

/// chardetng panics on a TLD with upper case, periods or non-ASCII; pass
/// only clean ASCII labels.
fn clean_tld(tld: &str) -> Option<String> {
    let tld = tld.trim().trim_start_matches('.').to_ascii_lowercase();
    let ok = !tld.is_empty()
        && tld
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(tld)
}

/// chardetng's guess from a bounded prefix of `bytes`: fed chunk by chunk
/// until it has seen [`DETECTOR_ENOUGH_NON_ASCII`] non-ASCII bytes or
/// [`DETECTOR_PREFIX_LIMIT`] bytes, whichever comes first.
fn guess(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    let mut rest = bytes;
    let mut fed = 0;
    let mut non_ascii = 0;
    loop {
        let take = rest.len().min(DETECTOR_CHUNK);
        let (chunk, after) = rest.split_at(take);
        let last = after.is_empty();
        detector.feed(chunk, last);
        if last {
            break;
        }
        rest = after;
        fed += take;
        non_ascii += non_ascii_count(chunk);
        if non_ascii >= DETECTOR_ENOUGH_NON_ASCII || fed >= DETECTOR_PREFIX_LIMIT {
            break;
        }
    }
    detector.guess(tld.map(str::as_bytes), true)
}

fn is_cjk_multibyte(encoding: &'static Encoding) -> bool {
    [GBK, GB18030, BIG5, SHIFT_JIS, EUC_JP, EUC_KR].contains(&encoding)
}

fn non_ascii_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| !b.is_ascii()).count()
}

fn many_errors(errors: usize, bytes: &[u8]) -> bool {
    errors.saturating_mul(ERROR_SHARE_DIVISOR) >= non_ascii_count(bytes)
}

/// Whether `bytes`, known to be valid UTF-8, holds at least `min`
/// multi-byte characters: each has exactly one lead byte (0xC0 and above),
/// so counting those stops early without walking characters.
fn has_multibyte_chars(bytes: &[u8], min: usize) -> bool {
    bytes.iter().filter(|&&b| b >= 0xC0).take(min).count() >= min
}

/// `bytes` decoded as `encoding`, and the number of malformed sequences,
/// in one pass. Each malformed sequence becomes one U+FFFD, exactly as
/// `Encoding::decode_without_bom_handling` would have it.
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut input = bytes;
    let mut errors = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
        input = input.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => return (text, errors),
            DecoderResult::Malformed(_, _) => {
                errors += 1;
                text.push('\u{FFFD}');
            }
            // Room for the worst case was reserved above; should the
            // capacity have overflowed, make room and go on.
            DecoderResult::OutputFull => text.reserve(input.len().max(16) * 3),
        }
    }
}

// ---------------------------------------------------------------------------
// The WHATWG prescan ("prescan a byte stream to determine its encoding").
// ---------------------------------------------------------------------------

fn is_space(b: u8) -> bool {
    matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Scans the start of the document for a `<meta>` charset declaration.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let input = &bytes[..bytes.len().min(PRESCAN_LIMIT)];
    let mut pos = 0;
    while pos < input.len() {
        let rest = &input[pos..];
        if rest.starts_with(b"<!--") {
            // The "-->" may share its dashes with "<!--" ("<!-->").
            match find(input, b"-->", pos + 2) {
                Some(end) => {
                    pos = end + 3;
                    continue;
                }
                None => return None,
            }
        } else if starts_with_ci(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 6;
            match meta_charset(input, &mut pos) {
                MetaResult::Found(encoding) => return Some(encoding),
                MetaResult::NotThisOne => {}
                MetaResult::EndOfInput => return None,
            }
        } else if rest.len() >= 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            // Some other tag: skip its name and attributes.
            pos += 1;
            while pos < input.len() && !is_space(input[pos]) && input[pos] != b'>' {
                pos += 1;
            }
            loop {
                match get_attribute(input, &mut pos) {
                    Attribute::Some(_, _) => {}
                    Attribute::EndOfTag => break,
                    Attribute::EndOfInput => return None,
                }
            }
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            match find(input, b">", pos + 2) {
                Some(end) => pos = end,
                None => return None,
            }
        }
        pos += 1;
    }
    None
}

enum MetaResult {
    Found(&'static Encoding),
    NotThisOne,
    EndOfInput,
}

fn meta_charset(input: &[u8], pos: &mut usize) -> MetaResult {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    let mut charset: Option<&'static Encoding> = None;
    loop {
        let (name, value) = match get_attribute(input, pos) {
            Attribute::Some(name, value) => (name, value),
            Attribute::EndOfTag => break,
            Attribute::EndOfInput => return MetaResult::EndOfInput,
        };
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" if value == b"content-type" => got_pragma = true,
            b"content" => {
                if charset.is_none()
                    && let Some(encoding) = charset_from_meta_content(&value)
                {
                    charset = Some(encoding);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let Some(need_pragma) = need_pragma else {
        return MetaResult::NotThisOne;
    };
    if need_pragma && !got_pragma {
        return MetaResult::NotThisOne;
    }
    match charset.and_then(in_document_encoding) {
        Some(encoding) => MetaResult::Found(encoding),
        None => MetaResult::NotThisOne,
    }
}

enum Attribute {
    /// Lower-cased name and value.
    Some(Vec<u8>, Vec<u8>),
    /// Reached `>`; `pos` points at it.
    EndOfTag,
    EndOfInput,
}

/// The spec's "get an attribute" algorithm.
fn get_attribute(input: &[u8], pos: &mut usize) -> Attribute {
    let at = |p: usize| input.get(p).copied();
    while let Some(b) = at(*pos) {
        if is_space(b) || b == b'/' {
            *pos += 1;
        } else {
            break;
        }
    }
    match at(*pos) {
        None => return Attribute::EndOfInput,
        Some(b'>') => return Attribute::EndOfTag,
        Some(_) => {}
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // Attribute name.
    loop {
        let Some(b) = at(*pos) else {
            return Attribute::EndOfInput;
        };
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        } else if is_space(b) {
            while at(*pos).is_some_and(is_space) {
                *pos += 1;
            }
            if at(*pos) != Some(b'=') {
                return Attribute::Some(name, value);
            }
            *pos += 1;
            break;
        } else if b == b'/' || b == b'>' {
            return Attribute::Some(name, value);
        } else {
            name.push(b.to_ascii_lowercase());
        }
        *pos += 1;
    }
    // Attribute value.
    while at(*pos).is_some_and(is_space) {
        *pos += 1;
    }
    match at(*pos) {
        None => Attribute::EndOfInput,
        Some(quote @ (b'"' | b'\'')) => {
            *pos += 1;
            loop {
                match at(*pos) {
                    None => return Attribute::EndOfInput,
                    Some(b) if b == quote => {
                        *pos += 1;
                        return Attribute::Some(name, value);
                    }
                    Some(b) => value.push(b.to_ascii_lowercase()),
                }
                *pos += 1;
            }
        }
        Some(b'>') => Attribute::Some(name, value),
        Some(_) => loop {
            match at(*pos) {
                None => return Attribute::EndOfInput,
                Some(b) if is_space(b) || b == b'>' => return Attribute::Some(name, value),
                Some(b) => value.push(b.to_ascii_lowercase()),
            }
            *pos += 1;
        },
    }
}

/// "Extracting a character encoding from a meta element" (the `content`
/// attribute of `<meta http-equiv="Content-Type">`).
fn charset_from_meta_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        let start = pos + find_ci(content.get(pos..)?, b"charset")? + 7;
        pos = start;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        let rest = content.get(pos..)?;
        let label = match rest.first() {
            Some(&quote @ (b'"' | b'\'')) => {
                let end = rest[1..].iter().position(|&b| b == quote)?;
                &rest[1..1 + end]
            }
            Some(_) => {
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                &rest[..end]
            }
            None => return None,
        };
        return Encoding::for_label(label);
    }
}

fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// `<?xml version="1.0" encoding="gb2312"?>` at the very start: not part of the
/// HTML sniffing algorithm, but XHTML pages sometimes declare only this.
fn xml_declaration(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.starts_with(b"<?xml") {
        return None;
    }
    let end = find(bytes, b"?>", 5).filter(|&e| e < 1024)?;
    let decl = &bytes[5..end];
    let at = find_ci(decl, b"encoding")? + 8;
    let rest = decl.get(at..)?;
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let (&quote, rest) = rest.split_first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let label = &rest[..rest.iter().position(|&b| b == quote)?];
    Encoding::for_label(label).and_then(in_document_encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few hundred characters of a real NetEase (163.com) article.
    const CHINESE: &str = "同心筑梦,京津冀协同发展迈上新台阶。2023年5月,习近平总书记在河北考察并主持召开深入推进京津冀协同发展座谈会时强调,以更加奋发有为的精神状态推进各项工作,推动京津冀协同发展不断迈上新台阶,努力使京津冀成为中国式现代化建设的先行区、示范区。殷殷嘱托,久久回响,化为奋发笃行的磅礴力量。河北在对接京津、服务京津中加快发展自己,在推进京津冀协同发展和高标准高质量建设雄安新区中彰显新担当,携手京津努力打造中国式现代化建设的先行区、示范区,京津冀协同发展不断迈上新台阶。北京非首都功能疏解,是京津冀协同发展的“牛鼻子”。今年1月,北京蓝箭鸿擎科技有限公司负责人史耀中多了一重身份:蓝箭鸿擎(雄安)空间科技有限公司总经理。鸿擎科技是国内唯一全产业链星箭协同卫星组网解决方案商。“选择落户雄安,是因为雄安大力发展空天信息产业,在空天信息、卫星互联网、网络通信等方面能够发挥带动作用和统筹供应链的优势。”史耀中说。";

    /// The same text in traditional characters, for Big5.
    const TRADITIONAL: &str = "同心築夢,京津冀協同發展邁上新臺階。習近平總書記在河北考察並主持召開深入推進京津冀協同發展座談會時強調,以更加奮發有為的精神狀態推進各項工作,推動京津冀協同發展不斷邁上新臺階,努力使京津冀成為中國式現代化建設的先行區、示範區。殷殷囑託,久久迴響,化為奮發篤行的磅礴力量。河北在對接京津、服務京津中加快發展自己,在推進京津冀協同發展和高標準高質量建設雄安新區中彰顯新擔當,攜手京津努力打造中國式現代化建設的先行區、示範區。北京非首都功能疏解,是京津冀協同發展的「牛鼻子」。鴻擎科技是國內唯一全產業鏈星箭協同衛星組網解決方案商。選擇落戶雄安,是因為雄安大力發展空天信息產業,在空天信息、衛星互聯網、網路通信等方面能夠發揮帶動作用和統籌供應鏈的優勢。";

    const FRENCH: &str = "Le cœur de la forêt était silencieux. Élodie marchait à côté de son frère, qui portait un panier de pêches mûres. « Où allons-nous ? » demanda-t-elle. Il sourit : « Là où les châtaigniers sont les plus hauts, près de la rivière. » Ils traversèrent une clairière dorée où l'été s'attardait encore ; même les oiseaux semblaient fatigués de chanter.";

    fn page(head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head>{head}<title>测试</title></head><body><p>{body}</p></body></html>"
        )
    }

    fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, had_errors) = encoding.encode(text);
        assert!(
            !had_errors,
            "test text not representable in {}",
            encoding.name()
        );
        bytes.into_owned()
    }

    fn page_in(head: &str, text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let title = if encoding == BIG5 {
            "測試"
        } else if encoding == WINDOWS_1252 {
            "Essai"
        } else {
            "测试"
        };
        encode(&page(head, text).replace("测试", title), encoding)
    }

    #[test]
    fn utf8_bom_beats_header() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(page("", CHINESE).as_bytes());
        let (text, encoding) = decode(&bytes, Some("gbk"));
        assert_eq!(encoding, UTF_8);
        assert!(text.starts_with("<!DOCTYPE"), "BOM must be stripped");
        assert!(text.contains("京津冀协同发展"));
    }

    #[test]
    fn utf16le_bom() {
        let html = page("", CHINESE);
        let mut bytes = vec![0xFF, 0xFE];
        for unit in html.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (text, encoding) = decode(&bytes, Some("utf-8"));
        assert_eq!(encoding, UTF_16LE);
        assert_eq!(text, html);
    }

    #[test]
    fn header_charset_is_used() {
        let bytes = page_in("", CHINESE, GBK);
        let (text, encoding) = decode(&bytes, Some("GB2312"));
        assert_eq!(encoding, GBK, "gb2312 is GBK per WHATWG");
        assert!(text.contains("京津冀协同发展"));
    }

    #[test]
    fn header_beats_meta() {
        let bytes = page_in(r#"<meta charset="big5">"#, CHINESE, GBK);
        let (text, encoding) = decode(&bytes, Some("gbk"));
        assert_eq!(encoding, GBK);
        assert!(text.contains("雄安新区"));
    }

    #[test]
    fn meta_charset() {
        let bytes = page_in(r#"<meta charset="gbk">"#, CHINESE, GBK);
        assert_eq!(prescan(&bytes), Some(GBK));
        let (text, encoding) = decode(&bytes, None);
        assert_eq!(encoding, GBK);
        assert!(text.contains("雄安新区"));
    }

    #[test]
    fn meta_http_equiv() {
        let head = r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312" />"#;
        let bytes = page_in(head, CHINESE, GBK);
        assert_eq!(prescan(&bytes), Some(GBK));
        let (text, encoding) = decode(&bytes, None);
        assert_eq!(encoding, GBK);
        assert!(text.contains("卫星互联网"));
    }

    #[test]
    fn meta_content_without_http_equiv_is_ignored() {
        let bytes = br#"<meta name="x" content="text/html; charset=big5"><p>hi</p>"#;
        assert_eq!(prescan(bytes), None);
    }

    #[test]
    fn meta_inside_comment_is_ignored() {
        let bytes = br#"<!-- <meta charset="big5"> --><meta charset="gbk"><p>hi</p>"#;
        assert_eq!(prescan(bytes), Some(GBK));
    }

    #[test]
    fn meta_after_scripts_and_comments() {
        let mut html = String::from("<html><head>");
        for i in 0..20 {
            html.push_str(&format!(
                "<script src=\"/s/{i}.js\" async></script><!-- c{i} -->\n"
            ));
        }
        html.push_str("<meta http-equiv='content-type' content='text/html;charset=\"big5\"'>");
        assert_eq!(prescan(html.as_bytes()), Some(BIG5));
    }

    #[test]
    fn meta_utf16_means_utf8() {
        assert_eq!(prescan(br#"<meta charset="utf-16le">"#), Some(UTF_8));
    }

    #[test]
    fn xml_declaration_for_xhtml() {
        let mut bytes = br#"<?xml version="1.0" encoding="gb2312"?>"#.to_vec();
        bytes.extend(encode(&page("", CHINESE), GBK));
        let (text, encoding) = decode(&bytes, None);
        assert_eq!(encoding, GBK);
        assert!(text.contains("习近平"));
    }

    #[test]
    fn gbk_without_declaration() {
        let bytes = page_in("", CHINESE, GBK);
        let (text, encoding) = decode(&bytes, None);
        assert!(
            encoding == GBK || encoding == GB18030,
            "got {}",
            encoding.name()
        );
        assert!(text.contains("京津冀协同发展迈上新台阶"));
        assert!(!text.contains('\u{FFFD}'));
    }

    #[test]
    fn gbk_without_declaration_with_tld_hint() {
        let bytes = page_in("", CHINESE, GBK);
        let (text, encoding) = decode_with_tld(&bytes, None, Some(".CN"));
        assert_eq!(encoding, GBK);
        assert!(text.contains("蓝箭鸿擎"));
    }

    #[test]
    fn gbk_mislabelled_utf8_in_header() {
        let bytes = page_in("", CHINESE, GBK);
        let (text, encoding) = decode(&bytes, Some("utf-8"));
        assert_eq!(encoding, GBK);
        assert!(text.contains("京津冀协同发展迈上新台阶"));
    }

    #[test]
    fn gbk_mislabelled_utf8_in_meta() {
        let bytes = page_in(r#"<meta charset="utf-8">"#, CHINESE, GBK);
        let (text, encoding) = decode(&bytes, None);
        assert_eq!(encoding, GBK);
        assert!(text.contains("史耀中说"));
    }

    #[test]
    fn utf8_with_one_broken_byte_stays_utf8() {
        let mut bytes = page("", CHINESE).into_bytes();
        bytes.extend_from_slice(b"<p>\xFF</p>");
        let (text, encoding) = decode(&bytes, Some("utf-8"));
        assert_eq!(encoding, UTF_8);
        assert!(text.contains("京津冀协同发展"));
    }

    #[test]
    fn utf8_mislabelled_gbk() {
        let bytes = page(r#"<meta charset="gb2312">"#, CHINESE).into_bytes();
        let (text, encoding) = decode(&bytes, Some("gbk"));
        assert_eq!(encoding, UTF_8);
        assert!(text.contains("京津冀协同发展"));
    }

    #[test]
    fn gbk_labelled_latin1_by_server_default() {
        let bytes = page_in(r#"<meta charset="gbk">"#, CHINESE, GBK);
        let (text, encoding) = decode(&bytes, Some("ISO-8859-1"));
        assert_eq!(encoding, GBK);
        assert!(text.contains("京津冀"));
    }

    #[test]
    fn big5_without_declaration() {
        let bytes = page_in("", TRADITIONAL, BIG5);
        let (text, encoding) = decode(&bytes, None);
        assert_eq!(encoding, BIG5);
        assert!(text.contains("京津冀協同發展邁上新臺階"));
    }

    #[test]
    fn big5_mislabelled_utf8() {
        let bytes = page_in(r#"<meta charset="utf-8">"#, TRADITIONAL, BIG5);
        let (text, encoding) = decode_with_tld(&bytes, Some("UTF-8"), Some("tw"));
        assert_eq!(encoding, BIG5);
        assert!(text.contains("衛星組網"));
    }

    #[test]
    fn latin1_page_declared() {
        let bytes = page_in(r#"<meta charset="iso-8859-1">"#, FRENCH, WINDOWS_1252);
        let (text, encoding) = decode(&bytes, None);
        assert_eq!(encoding, WINDOWS_1252);
        assert!(text.contains("Le cœur de la forêt"));
    }

    #[test]
    fn windows1252_page_undeclared() {
        let html = format!("<html><body><p>{FRENCH}</p></body></html>");
        let bytes = encode(&html, WINDOWS_1252);
        let (text, encoding) = decode_with_tld(&bytes, None, Some("fr"));
        assert_eq!(encoding, WINDOWS_1252);
        assert!(text.contains("« Où allons-nous ? »"));
    }

    #[test]
    fn plain_ascii_defaults_sensibly() {
        let (text, _) = decode(b"<p>Hello</p>", None);
        assert_eq!(text, "<p>Hello</p>");
    }

    #[test]
    fn content_type_charset_parameter() {
        assert_eq!(
            charset_from_content_type("text/html; charset=GBK"),
            Some("GBK")
        );
        assert_eq!(
            charset_from_content_type("text/html;Charset=\"utf-8\""),
            Some("utf-8")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
        assert_eq!(charset_from_content_type("text/html; charset="), None);
    }

    #[test]
    fn bad_tlds_do_not_panic() {
        let bytes = page_in("", CHINESE, GBK);
        for tld in ["", ".", "CO.UK", "中国", "a.b"] {
            let _ = decode_with_tld(&bytes, None, Some(tld));
        }
    }

    #[test]
    fn garbage_does_not_panic() {
        let inputs: [&[u8]; 8] = [
            b"",
            b"<",
            b"<meta",
            b"<meta charset=",
            b"<meta charset='gbk",
            b"<meta http-equiv=content-type content='charset=\"",
            b"<!--",
            b"<?xml encoding=",
        ];
        for input in inputs {
            let _ = decode(input, None);
            let _ = decode(input, Some("x-unknown"));
        }
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let pages = [
            page("", CHINESE).into_bytes(),
            page_in("", CHINESE, GBK),
            page_in(r#"<meta charset="utf-8">"#, CHINESE, GBK),
            page(r#"<meta charset="gb2312">"#, CHINESE).into_bytes(),
            page_in(r#"<meta charset="iso-8859-1">"#, FRENCH, WINDOWS_1252),
            [&[0xEF, 0xBB, 0xBF][..], CHINESE.as_bytes()].concat(),
            b"<p>ascii declared <meta charset=gbk></p>".to_vec(),
        ];
        for bytes in pages {
            for header in [None, Some("utf-8"), Some("gbk")] {
                assert_eq!(
                    decode_owned(bytes.clone(), header, Some("cn")),
                    decode_with_tld(&bytes, header, Some("cn"))
                );
            }
        }
    }

    #[test]
    fn undeclared_valid_utf8_is_utf8_without_the_detector() {
        let bytes = page("", CHINESE).into_bytes();
        assert_eq!(detect(&bytes, None, Some("cn")), UTF_8);
        let (text, encoding) = decode(b"<p>Hello</p>", None);
        assert_eq!((text.as_str(), encoding), ("<p>Hello</p>", UTF_8));
    }

    #[test]
    fn seven_bit_iso_2022_jp_still_goes_to_the_detector() {
        // Valid UTF-8 (all ASCII), but its escape sequences switch to JIS X 0208.
        let (bytes, _, _) = encoding_rs::ISO_2022_JP.encode("これは日本語の文章です。");
        let html = [b"<p>".as_slice(), &bytes, b"</p>"].concat();
        let (text, encoding) = decode(&html, None);
        assert_eq!(encoding, encoding_rs::ISO_2022_JP);
        assert!(text.contains("日本語"));
    }

    #[test]
    fn long_undeclared_gbk_page_is_guessed_from_its_start() {
        let body = CHINESE.repeat(400);
        let bytes = page_in("", &body, GBK);
        assert!(bytes.len() > DETECTOR_PREFIX_LIMIT);
        let (text, encoding) = decode_with_tld(&bytes, None, Some("cn"));
        assert_eq!(encoding, GBK);
        assert!(text.ends_with("史耀中说。</p></body></html>"));
    }

    #[test]
    fn detector_stops_once_it_has_seen_enough_text() {
        // GBK text well past the detector's appetite, then Big5: only the
        // start is looked at, so the guess is GBK.
        let mut bytes = page_in("", &CHINESE.repeat(40), GBK);
        assert!(bytes.len() > 2 * DETECTOR_CHUNK);
        assert!(non_ascii_count(&bytes[..DETECTOR_CHUNK]) >= DETECTOR_ENOUGH_NON_ASCII);
        bytes.extend(encode(&TRADITIONAL.repeat(200), BIG5));
        assert_eq!(guess(&bytes, None), GBK);
    }

    #[test]
    fn detector_is_bounded_even_without_enough_text() {
        // ASCII markup after one non-ASCII byte, then Big5 text beyond the
        // limit: the detector never gets there.
        let mut bytes = b"<p>\xE9</p>".to_vec();
        bytes.resize(DETECTOR_PREFIX_LIMIT + DETECTOR_CHUNK, b' ');
        bytes.extend(encode(&TRADITIONAL.repeat(20), BIG5));
        assert_ne!(guess(&bytes, Some("tw")), BIG5);
        assert_eq!(guess(&bytes[DETECTOR_PREFIX_LIMIT..], Some("tw")), BIG5);
    }

    #[test]
    fn multibyte_chars_are_counted_by_their_lead_bytes() {
        assert!(has_multibyte_chars("京津冀协".as_bytes(), 4));
        assert!(!has_multibyte_chars("京津冀".as_bytes(), 4));
        assert!(!has_multibyte_chars(b"plain ascii text", 1));
        assert!(has_multibyte_chars("é à ü ö".as_bytes(), 4));
    }

    #[test]
    fn decode_counting_matches_encoding_rs() {
        let mut broken = encode(CHINESE, GBK);
        broken.extend_from_slice(b"\x81\xFF<p>\x80");
        for encoding in [UTF_8, GBK, BIG5, SHIFT_JIS, EUC_KR, WINDOWS_1252] {
            for input in [broken.as_slice(), b"", b"\xE4\xBD", CHINESE.as_bytes()] {
                let (text, errors) = decode_counting(encoding, input);
                let (expected, had_errors) = encoding.decode_without_bom_handling(input);
                assert_eq!(text, expected, "{}", encoding.name());
                assert_eq!(errors > 0, had_errors, "{}", encoding.name());
                assert_eq!(errors, text.matches('\u{FFFD}').count());
            }
        }
    }

    proptest::proptest! {
        /// Whatever the bytes and the declaration, the text is those bytes
        /// decoded with the encoding `detect` picks.
        #[test]
        fn decoded_text_is_the_detected_encodings_decoding(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
            header in proptest::sample::select(vec![None, Some("utf-8"), Some("gbk"), Some("big5"), Some("iso-8859-1")]),
        ) {
            let (text, encoding) = decode(&bytes, header);
            proptest::prop_assert_eq!(encoding, detect(&bytes, header, None));
            let expected = match Encoding::for_bom(&bytes) {
                Some((_, bom)) => encoding.decode_without_bom_handling(&bytes[bom..]).0,
                None => encoding.decode_without_bom_handling(&bytes).0,
            };
            proptest::prop_assert_eq!(&text, &expected);
            proptest::prop_assert_eq!(decode_owned(bytes.clone(), header, None), (text, encoding));
        }
    }
}
