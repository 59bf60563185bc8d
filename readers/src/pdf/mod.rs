//! PDF: the text layer of a document as one record, each page a paragraph,
//! with the title, author and creation date of its information dictionary.
//!
//! Parsed by lopdf, which returns errors rather than panicking on damaged
//! files (a panic would abort the whole wasm module), rebuilds a damaged
//! cross-reference table, decrypts files locked with an empty user password
//! (those that only restrict printing or copying), and bounds how far a
//! stream may decompress. A file without a text layer (scanned pages), one
//! locked with a password, and one that cannot be parsed each fail with a
//! message saying what to do.

mod join;
mod page;
#[cfg(test)]
mod tests;

use lopdf::{Document, LoadOptions, Object};
use serde_json::Value;

use crate::{Content, Failure, Record, Warning};

/// The pages a warning about unreadable pages lists before it only counts.
const PAGES_LISTED: usize = 5;

/// Reads the PDF `bytes` as one record: `text` (each page a paragraph, the
/// pages separated by a blank line), with `title`, `author` and `date` when
/// its information dictionary gives them.
///
/// A file that cannot be read is a [`Failure`]: `encrypted` when it is
/// locked with a password, `no-text-layer` when its pages hold no text
/// (scanned images), `damaged-pdf` when it cannot be parsed. Pages that
/// could be read only in part, or characters a font does not map to
/// Unicode, are warnings.
pub fn read_pdf(bytes: &[u8]) -> (Content, Vec<Warning>) {
    match read_document(bytes) {
        Ok((record, warnings)) => (Content::Records(vec![record]), warnings),
        Err(failure) => (Content::Failure(failure), Vec::new()),
    }
}

fn read_document(bytes: &[u8]) -> Result<(Record, Vec<Warning>), Failure> {
    let doc = load(bytes)?;
    let mut warnings = Vec::new();
    if doc.xref_recovery.is_some() {
        warnings.push(Warning::new(
            "damaged-pdf",
            "its cross-reference table was damaged and has been rebuilt: some pages may be missing",
        ));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(damaged("it has no pages that could be found"));
    }
    let mut texts = Vec::new();
    let mut unreadable = Vec::new();
    for (&number, &id) in &pages {
        match page::page_text(&doc, id) {
            Ok(text) => {
                if let Some(problem) = text.problems.first() {
                    unreadable.push(format!("page {number}: {problem}"));
                }
                texts.push(text.lines);
            }
            Err(error) => unreadable.push(format!("page {number}: {error}")),
        }
    }
    if texts.is_empty() {
        let first = unreadable.first().map_or("", String::as_str);
        return Err(damaged(&format!("no page could be read ({first})")));
    }
    let text = join::pages(&texts);
    if let Some(first) = unreadable.first().filter(|_| text.is_empty()) {
        return Err(damaged(&format!("no text could be read ({first})")));
    }
    if let Some(warning) = unreadable_warning(&unreadable) {
        warnings.push(warning);
    }
    if text.is_empty() {
        return Err(Failure {
            kind: "no-text-layer",
            message: format!(
                "it has no text layer (it is scanned images?): run OCR on it first, for example \
                 `ocrmypdf in.pdf out.pdf`, and load the result ({} page{} without text)",
                pages.len(),
                if pages.len() == 1 { "" } else { "s" }
            ),
        });
    }
    let unmapped = text
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    if unmapped > 0 {
        warnings.push(Warning::new(
            "unmapped-characters",
            format!(
                "{unmapped} character{} in a font without a map to Unicode became U+FFFD",
                if unmapped == 1 { "" } else { "s" }
            ),
        ));
    }
    let mut record = Record::new();
    info(&doc, &mut record, &mut warnings);
    record.insert("text".into(), Value::String(text));
    Ok((record, warnings))
}

/// Parses the file, decrypting it if its user password is empty.
fn load(bytes: &[u8]) -> Result<Document, Failure> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(damaged("it does not start with a PDF header (%PDF-)"));
    }
    let options = LoadOptions {
        max_decompressed_size: Some(page::MAX_CONTENT),
        ..LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword) => return Err(encrypted()),
        Err(error) => return Err(damaged(&format!("it could not be parsed: {error}"))),
    };
    // A file whose password lopdf could not supply keeps its /Encrypt
    // entry and no decryption state.
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(encrypted());
    }
    Ok(doc)
}

fn encrypted() -> Failure {
    Failure {
        kind: "encrypted",
        message: "it is encrypted with a password: save an unlocked copy (for example \
                  `qpdf --decrypt --password=… in.pdf out.pdf`) and load that"
            .into(),
    }
}

fn damaged(what: &str) -> Failure {
    Failure {
        kind: "damaged-pdf",
        message: format!("the PDF is damaged: {what}"),
    }
}

fn unreadable_warning(problems: &[String]) -> Option<Warning> {
    let listed = problems
        .iter()
        .take(PAGES_LISTED)
        .cloned()
        .collect::<Vec<_>>();
    let more = problems.len().saturating_sub(PAGES_LISTED);
    let mut message = format!("text was lost: {}", listed.join("; "));
    if more > 0 {
        message.push_str(&format!("; and {more} more"));
    }
    (!listed.is_empty()).then(|| Warning::new("unreadable-page", message))
}

/// Copies `Title`, `Author` and `CreationDate` (as `date`) from the
/// document information dictionary into `record`, skipping empty ones.
fn info(doc: &Document, record: &mut Record, warnings: &mut Vec<Warning>) {
    let dict = doc
        .trailer
        .get_deref(b"Info", doc)
        .and_then(Object::as_dict);
    let Ok(dict) = dict else {
        return;
    };
    let text = |key: &[u8]| {
        let value = dict.get_deref(key, doc).ok()?;
        let text = lopdf::decode_text_string(value).ok()?;
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(text)
    };
    for (key, field) in [(&b"Title"[..], "title"), (b"Author", "author")] {
        if let Some(value) = text(key) {
            record.insert(field.into(), Value::String(value));
        }
    }
    if let Some(written) = text(b"CreationDate") {
        match pdf_date(&written) {
            Some(date) => {
                record.insert("date".into(), Value::String(date));
            }
            None => warnings.push(Warning::new(
                "unread-date",
                format!(
                    "its creation date {written:?} is not a PDF date (D:YYYYMMDDHHmmSS+HH'mm')"
                ),
            )),
        }
    }
}

/// A PDF date (`D:20050303100000Z`, `D:20050303`, `D:200503031000+01'00'`)
/// in RFC 3339 (`2005-03-03T10:00:00Z`); only the date (`2005-03-03`)
/// when no time is given, and no offset when none is.
fn pdf_date(written: &str) -> Option<String> {
    let s = written.trim();
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = s.split_at(digits);
    // Year, then month, day, hour, minute, second, each of two digits.
    if number.len() < 4 || number.len() % 2 != 0 || number.len() > 14 {
        return None;
    }
    let field = |at: usize, default: u32| {
        number
            .get(at..at + 2)
            .map_or(Some(default), |f| f.parse::<u32>().ok())
    };
    let year = number.get(..4)?;
    let (month, day) = (field(4, 1)?, field(6, 1)?);
    let (hour, minute, second) = (field(8, 0)?, field(10, 0)?, field(12, 0)?);
    let days = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=12).contains(&month)
        || !(1..=days).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let date = format!("{year}-{month:02}-{day:02}");
    if number.len() < 10 {
        return Some(date);
    }
    Some(format!(
        "{date}T{hour:02}:{minute:02}:{second:02}{}",
        offset(rest)?
    ))
}

/// The offset after a PDF date's time: `Z`, `+01'00'`, `-0500`, or none.
fn offset(rest: &str) -> Option<String> {
    let rest = rest.trim();
    let Some(sign) = rest.chars().next() else {
        return Some(String::new());
    };
    if sign == 'Z' {
        return Some("Z".into());
    }
    if sign != '+' && sign != '-' {
        return None;
    }
    let digits: String = rest[1..].chars().filter(char::is_ascii_digit).collect();
    let hours = digits.get(..2)?.parse::<u32>().ok()?;
    let minutes = digits
        .get(2..4)
        .map_or(Some(0), |m| m.parse::<u32>().ok())?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    if hours == 0 && minutes == 0 {
        return Some("Z".into());
    }
    Some(format!("{sign}{hours:02}:{minutes:02}"))
}
