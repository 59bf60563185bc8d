//! Bytes to text: the encoding from a byte-order mark, else the one the
//! document declares (an HTML `<meta charset>`, an XML declaration), else
//! the one Firefox's detector finds. Bytes that are not valid in that
//! encoding become U+FFFD with a warning that names their offset; nothing
//! is replaced silently.

use chardetng::EncodingDetector;

use crate::Warning;
use encoding_rs::{DecoderResult, Encoding, UTF_8};

/// How far into a file an encoding declaration is looked for: the HTML
/// standard's prescan reads the first 1024 bytes.
const DECLARATION_WINDOW: usize = 1024;

/// The offsets of invalid bytes a warning lists before it only counts them.
const OFFSETS_LISTED: usize = 5;

/// Text decoded from bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// The encoding's name, as the WHATWG Encoding Standard spells it
    /// (`UTF-8`, `windows-1252`, `Shift_JIS`, …).
    pub encoding: &'static str,
    /// One warning (`replaced-bytes`) if any bytes were invalid, naming where.
    pub warnings: Vec<Warning>,
}

/// Decodes `bytes`: by their byte-order mark, else as `declared` says, else
/// as detected.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Decoded {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => (declared.unwrap_or_else(|| detect(bytes)), 0),
    };
    decode_as(&bytes[skip..], encoding, skip)
}

/// The encoding an HTML `<meta charset>` (or `http-equiv` content type) or
/// an XML declaration names within the file's first 1024 bytes, if any
/// names one this reader knows. A page that declares UTF-16 without a
/// byte-order mark is read as UTF-8, as browsers do.
pub fn declared_in(bytes: &[u8]) -> Option<&'static Encoding> {
    let window = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower = window.to_ascii_lowercase();
    let label = if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>", 0)?;
        attribute_value(&window[..end], &lower[..end], b"encoding")
    } else {
        meta_charset(window, &lower)
    }?;
    Encoding::for_label(label).map(Encoding::output_encoding)
}

/// The label after the first `charset=` inside a `<meta` tag.
fn meta_charset<'a>(window: &'a [u8], lower: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(start) = find(lower, b"<meta", from) {
        let end = find(lower, b">", start).unwrap_or(lower.len());
        if let Some(label) = attribute_value(&window[start..end], &lower[start..end], b"charset") {
            return Some(label);
        }
        from = end;
    }
    None
}

/// The value after `name=` in `tag` (found in its lower-case copy),
/// unquoted, up to a quote, space, `;` or `/`.
fn attribute_value<'a>(tag: &'a [u8], lower: &[u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = find(lower, name, 0)? + name.len();
    let rest = &tag[at..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|label| !label.is_empty())
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| at + from)
}

/// The encoding of bytes that do not say theirs: UTF-8 if they are UTF-8
/// save for fewer bad sequences than good multi-byte ones (a UTF-8 file
/// with some damage: read as a legacy encoding, its every accent would turn
/// to two wrong letters), else the legacy encoding chardetng finds likeliest.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let (multibyte, invalid) = utf8_sequences(bytes);
    if invalid == 0 || multibyte > invalid {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new();
    detector.feed(bytes, true);
    // No top-level domain to hint by; UTF-8 allowed, for text with a few bad bytes.
    detector.guess(None, true)
}

/// The valid multi-byte UTF-8 sequences in `bytes`, and the invalid ones.
fn utf8_sequences(bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut invalid) = (0, 0);
    let mut rest = bytes;
    loop {
        let (valid, error) = match std::str::from_utf8(rest) {
            Ok(text) => (text, None),
            Err(e) => (
                // Checked by from_utf8 up to here.
                std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(),
                Some(e),
            ),
        };
        multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        let Some(error) = error else {
            return (multibyte, invalid);
        };
        invalid += 1;
        // An incomplete sequence at the end (no error_len) ends the bytes.
        let skip = error.valid_up_to()
            + error
                .error_len()
                .unwrap_or(rest.len() - error.valid_up_to());
        rest = &rest[skip..];
    }
}

/// `bytes` decoded as `encoding`, each malformed sequence replaced by
/// U+FFFD and its offset (counted from the file's start, `start` bytes
/// before `bytes`) reported.
fn decode_as(bytes: &[u8], encoding: &'static Encoding, start: usize) -> Decoded {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let mut invalid = Vec::new();
    let mut read = 0;
    loop {
        let (result, consumed) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += consumed;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(bytes.len() - read)
                    .unwrap_or(bytes.len() - read)
                    .max(4);
                text.reserve(more);
            }
            DecoderResult::Malformed(length, after) => {
                // The bad sequence ended `after` bytes before the read point.
                let end = read - usize::from(after);
                invalid.push(start + end - usize::from(length));
                text.push('\u{fffd}');
            }
        }
    }
    Decoded {
        text,
        encoding: encoding.name(),
        warnings: invalid_warning(encoding.name(), &invalid)
            .map(|message| Warning::new("replaced-bytes", message))
            .into_iter()
            .collect(),
    }
}

/// One warning for all invalid bytes: the first offsets and how many more.
fn invalid_warning(encoding: &str, offsets: &[usize]) -> Option<String> {
    let (first, more) = offsets.split_at(offsets.len().min(OFFSETS_LISTED));
    let listed: Vec<String> = first.iter().map(|offset| format!("{offset}")).collect();
    let (noun, places) = match first {
        [] => return None,
        [_] => ("a sequence that is", format!("at byte {}", listed[0])),
        _ => (
            "sequences that are",
            format!("at bytes {}", listed.join(", ")),
        ),
    };
    let rest = if more.is_empty() {
        String::new()
    } else {
        format!(" and {} more", more.len())
    };
    Some(format!(
        "{noun} not valid {encoding} {places}{rest}, each replaced by \u{fffd}"
    ))
}

#[cfg(test)]
mod tests;
