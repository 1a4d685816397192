//! Just enough MHTML (RFC 2557, "Save page as… single file" in Chromium) to
//! find the page itself: the first `text/html` part, with its transfer
//! encoding undone and its charset.

/// The HTML part of a web archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlPart {
    pub bytes: Vec<u8>,
    /// The part's `charset` parameter, if any.
    pub charset: Option<String>,
}

/// Finds the first `text/html` part. `None` if the file is not MIME at all
/// or has no HTML part.
pub(crate) fn extract_html(archive: &[u8]) -> Option<HtmlPart> {
    let (headers, body) = split_headers(archive)?;
    let content_type = header(&headers, "content-type")?;
    let essence = essence(&content_type);
    if essence.starts_with("multipart/") {
        let boundary = parameter(&content_type, "boundary")?;
        let delimiter = format!("--{boundary}").into_bytes();
        parts(body, &delimiter).into_iter().find_map(html_part)
    } else {
        html_part(archive)
    }
}

fn html_part(part: &[u8]) -> Option<HtmlPart> {
    let (headers, body) = split_headers(part)?;
    let content_type = header(&headers, "content-type")?;
    if essence(&content_type) != "text/html" {
        return None;
    }
    let encoding = header(&headers, "content-transfer-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = match encoding.as_str() {
        "quoted-printable" => decode_quoted_printable(body),
        "base64" => decode_base64(body)?,
        _ => body.to_vec(),
    };
    Some(HtmlPart {
        bytes,
        charset: parameter(&content_type, "charset"),
    })
}

/// Header fields, names lower-cased, in order.
type Headers = Vec<(String, String)>;

/// Splits a MIME entity at the first empty line; header lines are unfolded.
fn split_headers(entity: &[u8]) -> Option<(Headers, &[u8])> {
    let entity = entity.trim_ascii_start();
    let (end, skip) = [(&b"\r\n\r\n"[..], 4), (&b"\n\n"[..], 2)]
        .iter()
        .filter_map(|(sep, len)| find(entity, sep).map(|p| (p, *len)))
        .min_by_key(|(p, _)| *p)?;
    let head = String::from_utf8_lossy(&entity[..end]);
    let mut headers: Headers = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    // A MIME entity starts with headers; without any this is not MHTML.
    if headers.is_empty() {
        return None;
    }
    Some((headers, entity.get(end + skip..).unwrap_or_default()))
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn parameter(content_type: &str, name: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (n, v) = param.split_once('=')?;
        n.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_owned())
            .filter(|v| !v.is_empty())
    })
}

fn parts<'a>(body: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = body;
    // Skip the preamble.
    let Some(first) = find(rest, delimiter) else {
        return parts;
    };
    rest = &rest[first + delimiter.len()..];
    loop {
        if rest.starts_with(b"--") {
            break; // closing delimiter
        }
        match find(rest, delimiter) {
            Some(next) => {
                parts.push(&rest[..next]);
                rest = &rest[next + delimiter.len()..];
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn decode_quoted_printable(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let b = input[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        let next = input.get(i + 1..i + 3);
        match next {
            Some(b"\r\n") => i += 3,
            Some([b'\n', _]) => i += 2,
            Some([h, l]) => match (hex(*h), hex(*l)) {
                (Some(h), Some(l)) => {
                    out.push((h << 4) | l);
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            },
            // "=" at the very end: a soft break before EOF, or a literal.
            _ if input.get(i + 1) == Some(&b'\n') => i += 2,
            _ => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

fn decode_base64(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in input {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            b if b.is_ascii_whitespace() => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARCHIVE: &str = "From: <Saved by Blink>\r\n\
Snapshot-Content-Location: https://news.163.com/a.html\r\n\
Subject: test\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\
\ttype=\"text/html\";\r\n\
\tboundary=\"----MultipartBoundary--abc----\"\r\n\
\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: text/css\r\n\
\r\n\
p{}\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: text/html; charset=\"gbk\"\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
Content-Location: https://news.163.com/a.html\r\n\
\r\n\
<html><body><p class=3D\"x\">=C4=E3=BA=C3 long line =\r\n\
continues</p></body></html>\r\n\
------MultipartBoundary--abc------\r\n";

    #[test]
    fn finds_html_part() {
        let part = extract_html(ARCHIVE.as_bytes()).expect("html part");
        assert_eq!(part.charset.as_deref(), Some("gbk"));
        let (text, _, _) = encoding_rs::GBK.decode(&part.bytes);
        assert!(
            text.contains("<p class=\"x\">你好 long line continues</p>"),
            "{text}"
        );
    }

    #[test]
    fn base64_part() {
        let archive = "Content-Type: multipart/related; boundary=XX\n\n--XX\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\nPHA+aGk8L3A+\n--XX--\n";
        let part = extract_html(archive.as_bytes()).expect("html part");
        assert_eq!(part.bytes, b"<p>hi</p>");
    }

    #[test]
    fn not_mime() {
        assert_eq!(extract_html(b"<html><body>plain</body></html>"), None);
        assert_eq!(extract_html(b""), None);
        assert_eq!(
            extract_html(b"Content-Type: multipart/related\r\n\r\n"),
            None
        );
    }
}
