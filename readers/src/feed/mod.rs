//! RSS and Atom feeds: one record per item (RSS) or entry (Atom).
//!
//! From an RSS 2.0 (or 1.0) item: `title`; `link` as the url; `pubDate`
//! (or `dc:date`) as the date; `dc:creator`, else `author`, as the author
//! (RSS's `author` is meant to be an e-mail address, `dc:creator` a name);
//! the text of `content:encoded`, else of `description`, with its HTML
//! markup removed; the channel's `title` as the publication.
//!
//! From an Atom entry: `title`; the `link` with `rel="alternate"` (or no
//! `rel`) as the url; `published`, else `updated`, as the date; each
//! `author`'s `name`; the text of `content`, else of `summary`, as its
//! `type` says (`text`, `html` or `xhtml`); the feed's `title` as the
//! publication.
//!
//! Dates are passed on as written, for the engine to parse. An item without
//! text is left out with a warning that names it; XML that is not
//! well-formed is a failure that names its line and column.

mod walk;

use serde_json::Value;

use crate::{decode, Content, Failure, Read, Record, Warning};

/// An item or entry as found, before it becomes a record.
#[derive(Debug, Default)]
struct Item {
    /// Its place among the feed's items, from 1.
    number: usize,
    /// The line it starts on.
    line: usize,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    /// `dc:creator`s, or Atom authors' names.
    creators: Vec<String>,
    /// RSS's `author`.
    author: Option<String>,
    /// `content:encoded`, or Atom's `content`.
    content: Option<String>,
    /// `description`, or Atom's `summary`.
    summary: Option<String>,
}

/// A feed as found.
#[derive(Debug, Default)]
struct Feed {
    /// `item` for RSS, `entry` for Atom: what the warnings call an item.
    item_noun: &'static str,
    publication: Option<String>,
    items: Vec<Item>,
    /// What was kept as written or left out, naming where.
    warnings: Vec<Warning>,
}

/// The feed `name`, from its bytes, decoded as its XML declaration says.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Read {
    let decoded = decode::decode(bytes, decode::declared_in(bytes));
    let mut warnings = decoded.warnings;
    let content = match walk::walk(&decoded.text) {
        Ok(walk::Walked::Feed(feed)) => Content::Records(records(feed, &mut warnings)),
        Ok(walk::Walked::Other(root)) => Content::Failure(Failure {
            kind: "unsupported-xml",
            message: format!(
                "XML whose root element is <{root}>, neither an RSS feed (<rss>) nor an Atom feed (<feed>)"
            ),
        }),
        Err(message) => Content::Failure(Failure {
            kind: "malformed-xml",
            message,
        }),
    };
    Read {
        name: name.to_string(),
        folder: None,
        encoding: Some(decoded.encoding),
        content,
        warnings,
    }
}

/// The records of a feed's items; a warning for each item left out.
fn records(feed: Feed, warnings: &mut Vec<Warning>) -> Vec<Record> {
    let noun = feed.item_noun;
    warnings.extend(feed.warnings);
    if feed.items.is_empty() {
        warnings.push(Warning::new(
            "empty-feed",
            format!("the feed has no {noun}"),
        ));
    }
    let mut records = Vec::with_capacity(feed.items.len());
    for item in feed.items {
        let number = item.number;
        let line = item.line;
        match record(item, feed.publication.as_deref()) {
            Ok(record) => records.push(record),
            Err(None) => warnings.push(Warning::new(
                "skipped-item",
                format!(
                    "{noun} {number} (line {line}) has neither text nor a title, and is left out"
                ),
            )),
            Err(Some(title)) => warnings.push(Warning::new(
                "skipped-item",
                format!("{noun} {number} (line {line}), {title:?}, has no text, and is left out"),
            )),
        }
    }
    records
}

/// The record of an item, or, if it has no text, its title (if any).
fn record(item: Item, publication: Option<&str>) -> Result<Record, Option<String>> {
    let Item {
        title,
        url,
        published,
        updated,
        creators,
        author,
        content,
        summary,
        ..
    } = item;
    let text = content
        .filter(|text| !text.is_empty())
        .or(summary.filter(|text| !text.is_empty()));
    let Some(text) = text else {
        return Err(title);
    };
    let author = if creators.is_empty() {
        author
    } else {
        Some(creators.join(", "))
    };
    let fields = [
        ("title", title),
        ("text", Some(text)),
        ("date", published.or(updated)),
        ("author", author),
        ("publication", publication.map(str::to_string)),
        ("url", url),
    ];
    Ok(fields
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_string(), Value::String(value?))))
        .collect())
}

#[cfg(test)]
mod tests;
