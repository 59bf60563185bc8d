//! Web pages (`.html`, `.htm`, `.xhtml`): one record, the article's main
//! text without navigation, menus, ads, comments, scripts or styles, its
//! paragraphs separated by a blank line, and its title, date, author,
//! publication and address from the page's metadata.
//!
//! Parsed by html5ever (through `dom_query`), as a browser would parse
//! the page, never by patterns over markup. The main text is found as
//! Readability finds it (see [`main_text`]), after the page's furniture is
//! removed (see [`prune`]).

use crate::{decode, Content, Failure, Read, Record};
use dom_query::Document;
use serde_json::Value;

mod main_text;
mod metadata;
mod nodes;
mod paragraphs;
mod prune;

/// Reads the page called `name` from its `bytes`: one record, or a
/// failure of kind `no-text` if the page holds no text at all.
pub fn read_page(name: &str, bytes: &[u8]) -> Read {
    let decoded = decode::decode(bytes, decode::declared_in(bytes));
    let content = match page_record(&decoded.text) {
        Some(record) => Content::Records(vec![record]),
        None => Content::Failure(Failure {
            kind: "no-text",
            message: "the page holds no text to read: no article, no paragraph, no words outside its markup".to_string(),
        }),
    };
    Read {
        name: name.to_string(),
        folder: None,
        encoding: Some(decoded.encoding),
        content,
        warnings: decoded.warnings,
    }
}

/// The record of the page `html`: its metadata and its main text, or
/// `None` if it has no text.
fn page_record(html: &str) -> Option<Record> {
    let document = Document::from(html);
    let mut record = metadata::metadata(&document);
    let text = main_text(&document).or_else(|| visible_text(&document))?;
    record.insert("text".to_string(), Value::String(text));
    Some(record)
}

/// The article's paragraphs, joined by a blank line, if any were found.
fn main_text(document: &Document) -> Option<String> {
    prune::prune(document);
    let body = document.body()?;
    let stats = nodes::stats(&body);
    let roots = main_text::article_roots(&body, &stats);
    let text = paragraphs::paragraphs(&roots).join("\n\n");
    Some(text).filter(|text| !text.is_empty())
}

/// All the text of the page's body, whitespace collapsed: what is left
/// when no article was found.
fn visible_text(document: &Document) -> Option<String> {
    let body = document.body()?;
    let text = paragraphs::paragraphs(&[body]).join("\n\n");
    Some(text).filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests;
