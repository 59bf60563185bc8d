//! Word documents (`.docx`): one record, its text the document's
//! paragraphs separated by blank lines, its title, author and date from the
//! document's properties (`docProps/core.xml`).
//!
//! Text is read from the runs' `w:t` elements, with `w:tab` as a tab and
//! `w:br` and `w:cr` as line breaks; deleted text of tracked changes
//! (`w:delText`) and field codes (`w:instrText`) are not text the reader
//! sees, and are left out. A text box's paragraphs come before the
//! paragraph that anchors it.

use std::io::Cursor;

use quick_xml::events::Event;
use quick_xml::Reader;
use serde_json::Value;
use zip::ZipArchive;

use crate::archive::{part, Budget};
use crate::xml::{place, resolve};
use crate::{decode, Content, Read, Record, Warning};

/// The Word file `name` read from its bytes: one record, or a failure of
/// kind `damaged-docx` that says what is wrong.
pub(crate) fn read(name: &str, bytes: &[u8], budget: &mut Budget) -> Read {
    let mut warnings = Vec::new();
    match record(bytes, budget, &mut warnings) {
        Ok(records) => Read {
            name: name.to_string(),
            folder: None,
            encoding: None,
            content: Content::Records(records),
            warnings,
        },
        Err(message) => Read::failure(name, "damaged-docx", message),
    }
}

/// The document's record (none, with a warning, if it has no text).
fn record(
    bytes: &[u8],
    budget: &mut Budget,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Record>, String> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| format!("not a Word file: its ZIP archive cannot be read: {error}"))?;
    let document = part(&mut archive, "word/document.xml", budget)?
        .ok_or("not a Word file: it has no part word/document.xml")?;
    let text = paragraphs(&decode::decode(&document, decode::declared_in(&document)).text)
        .map_err(|error| format!("its part word/document.xml {error}"))?;
    let mut record = match part(&mut archive, "docProps/core.xml", budget) {
        Ok(Some(core)) => properties(&core, warnings),
        Ok(None) => Record::new(),
        Err(message) => {
            warnings.push(Warning::new(
                "ignored-properties",
                format!("{message}; the document is read without its properties"),
            ));
            Record::new()
        }
    };
    if text.is_empty() {
        warnings.push(Warning::new(
            "no-text",
            "the document has no text, and is left out",
        ));
        return Ok(Vec::new());
    }
    record.insert("text".to_string(), Value::String(text));
    Ok(vec![record])
}

/// The text of `word/document.xml`: its paragraphs, trimmed, the empty ones
/// left out, separated by blank lines.
///
/// # Errors
///
/// Where the XML is not well-formed.
fn paragraphs(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    // The open elements, by local name and by name.
    let mut open: Vec<(String, String)> = Vec::new();
    // Paragraphs being read: a text box's paragraph sits inside another.
    let mut reading: Vec<String> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|error| {
            let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            format!("is not well-formed XML at {}: {error}", place(xml, at))
        })?;
        let in_text = open.last().is_some_and(|(local, _)| local == "t");
        let in_run = open.last().is_some_and(|(local, _)| local == "r");
        match event {
            Event::Start(start) => {
                let local = start.local_name().as_ref().to_string();
                match local.as_str() {
                    "p" => reading.push(String::new()),
                    "tab" if in_run => push(&mut reading, "\t"),
                    "br" | "cr" if in_run => push(&mut reading, "\n"),
                    _ => {}
                }
                open.push((local, start.name().as_ref().to_string()));
            }
            Event::End(_) => {
                let closed = open.pop();
                if closed.is_some_and(|(local, _)| local == "p") {
                    let paragraph = reading.pop().unwrap_or_default();
                    let paragraph = paragraph.trim();
                    if !paragraph.is_empty() {
                        done.push(paragraph.to_string());
                    }
                }
            }
            Event::Text(text) if in_text => push(&mut reading, &text.xml10_content()),
            Event::CData(text) if in_text => push(&mut reading, &text.xml10_content()),
            Event::GeneralRef(reference) if in_text => {
                push(&mut reading, &resolve(&reference).unwrap_or_default());
            }
            Event::Eof => match open.last() {
                None => break,
                Some((_, name)) => {
                    let at = place(xml, xml.len());
                    return Err(format!("ends inside the element <{name}>, at {at}"));
                }
            },
            _ => {}
        }
    }
    Ok(done.join("\n\n"))
}

fn push(reading: &mut [String], text: &str) {
    if let Some(paragraph) = reading.last_mut() {
        paragraph.push_str(text);
    }
}

/// Title, author and date from `docProps/core.xml`: `dc:title`,
/// `dc:creator`, and `dcterms:created`, else `dcterms:modified`. Damaged
/// properties are a warning, not a failure: the text is what matters.
fn properties(core: &[u8], warnings: &mut Vec<Warning>) -> Record {
    let xml = decode::decode(core, decode::declared_in(core)).text;
    let mut reader = Reader::from_str(&xml);
    let (mut title, mut creator, mut created, mut modified) = (None, None, None, None);
    let mut open: Vec<String> = Vec::new();
    let mut value = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(start)) => {
                open.push(start.local_name().as_ref().to_string());
                value.clear();
            }
            Ok(Event::End(_)) => {
                let slot = match (open.len(), open.pop().as_deref()) {
                    (2, Some("title")) => &mut title,
                    (2, Some("creator")) => &mut creator,
                    (2, Some("created")) => &mut created,
                    (2, Some("modified")) => &mut modified,
                    _ => continue,
                };
                let value = value.trim();
                if !value.is_empty() {
                    slot.get_or_insert(value.to_string());
                }
            }
            Ok(Event::Text(text)) => value.push_str(&text.xml10_content()),
            Ok(Event::GeneralRef(reference)) => {
                value.push_str(&resolve(&reference).unwrap_or_default());
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                warnings.push(Warning::new(
                    "ignored-properties",
                    format!(
                        "its part docProps/core.xml is not well-formed XML at {}: {error}; \
                         the document is read without its properties",
                        place(&xml, at)
                    ),
                ));
                return Record::new();
            }
        }
    }
    let fields = [
        ("title", title),
        ("author", creator),
        ("date", created.or(modified)),
    ];
    fields
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_string(), Value::String(value?))))
        .collect()
}

#[cfg(test)]
mod tests;
