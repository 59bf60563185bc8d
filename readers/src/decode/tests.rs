use encoding_rs::{SHIFT_JIS, WINDOWS_1252};

use super::*;

fn messages(decoded: &Decoded) -> Vec<&str> {
    decoded
        .warnings
        .iter()
        .map(|w| {
            assert_eq!(w.kind, "replaced-bytes");
            w.message.as_str()
        })
        .collect()
}

#[test]
fn windows_1252_curly_quotes_and_accents_are_detected_and_kept() {
    let text = "Putin’s “historic” visit: Koizumi met Lavrov in Tokyo’s café, and the Kremlin’s envoy said the talks were “constructive and frank” again.";
    let (bytes, _, lossy) = WINDOWS_1252.encode(text);
    assert!(!lossy);
    let decoded = decode(&bytes, None);
    assert_eq!(decoded.encoding, "windows-1252");
    assert_eq!(decoded.text, text);
    assert!(decoded.warnings.is_empty());
}

#[test]
fn shift_jis_is_detected() {
    let text = "日本とロシアの平和条約交渉は、北方領土問題をめぐって再び行き詰まった。プーチン大統領は東京を訪れた。";
    let (bytes, _, _) = SHIFT_JIS.encode(text);
    let decoded = decode(&bytes, None);
    assert_eq!(decoded.encoding, "Shift_JIS");
    assert_eq!(decoded.text, text);
}

#[test]
fn byte_order_marks_choose_the_encoding_and_are_dropped() {
    let mut utf16le = vec![0xff, 0xfe];
    utf16le.extend("Tōkyō".encode_utf16().flat_map(u16::to_le_bytes));
    let decoded = decode(&utf16le, Some(WINDOWS_1252));
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        ("Tōkyō", "UTF-16LE")
    );

    let mut utf16be = vec![0xfe, 0xff];
    utf16be.extend("Tōkyō".encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(decode(&utf16be, None).encoding, "UTF-16BE");

    let decoded = decode(b"\xef\xbb\xbfplain", None);
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        ("plain", "UTF-8")
    );
}

#[test]
fn invalid_bytes_are_replaced_with_a_warning_naming_each_offset() {
    // A UTF-8 file with two stray Latin-1 bytes, declared UTF-8.
    let bytes = b"<meta charset=utf-8>caf\xe9 and na\xefve";
    let decoded = decode(bytes, declared_in(bytes));
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(
        decoded.text,
        "<meta charset=utf-8>caf\u{fffd} and na\u{fffd}ve"
    );
    assert_eq!(
        messages(&decoded),
        ["sequences that are not valid UTF-8 at bytes 23, 31, each replaced by \u{fffd}"]
    );
}

#[test]
fn offsets_count_the_byte_order_mark() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend("ab".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.extend([0x00, 0xdc]); // a lone low surrogate at byte 6
    let decoded = decode(&bytes, None);
    assert_eq!(
        messages(&decoded),
        ["a sequence that is not valid UTF-16LE at byte 6, each replaced by \u{fffd}"]
    );
}

#[test]
fn many_invalid_bytes_are_counted_past_the_first_five() {
    let bytes = [b'a', 0xff, b'b', 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, b'c'];
    let decoded = decode(&bytes, Some(UTF_8));
    assert_eq!(
        messages(&decoded),
        ["sequences that are not valid UTF-8 at bytes 1, 3, 4, 5, 6 and 2 more, each replaced by \u{fffd}"]
    );
}

#[test]
fn declarations_are_read_from_html_and_xml() {
    let cases: [(&[u8], Option<&str>); 7] = [
        (
            b"<html><head><meta charset=\"windows-1252\">",
            Some("windows-1252"),
        ),
        (
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">",
            Some("windows-1252"),
        ),
        (b"<meta charset='shift_jis'/>", Some("Shift_JIS")),
        (
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss>",
            Some("ISO-8859-15"),
        ),
        (b"<meta charset=\"utf-16\">", Some("UTF-8")),
        (b"<meta charset=\"no-such-encoding\">", None),
        (b"<p>charset=koi8-r is only text</p>", None),
    ];
    for (bytes, expected) in cases {
        assert_eq!(
            declared_in(bytes).map(Encoding::name),
            expected,
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn a_declaration_past_the_first_1024_bytes_is_not_read() {
    let mut bytes = vec![b' '; 1100];
    bytes.extend(b"<meta charset=windows-1252>");
    assert_eq!(declared_in(&bytes), None);
}

#[test]
fn valid_utf8_is_utf8_whatever_the_detector_would_say() {
    let decoded = decode("naïve café".as_bytes(), None);
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        ("naïve café", "UTF-8")
    );
}

#[test]
fn utf8_with_a_little_damage_stays_utf8() {
    let bytes = b"T\xc5\x8dky\xc5\x8d and the \xe9lite of Moscow met.";
    let decoded = decode(bytes, None);
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(
        decoded.text,
        "T\u{14d}ky\u{14d} and the \u{fffd}lite of Moscow met."
    );
    assert_eq!(
        messages(&decoded),
        ["a sequence that is not valid UTF-8 at byte 16, each replaced by \u{fffd}"]
    );
}
