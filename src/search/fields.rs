//! Field filters on document metadata: `year:2000..2005`, `volume:6`,
//! `date:2004-11..2005-01`, `publication:"Eurasia Daily Monitor"`, and any
//! metadata field a loaded corpus has (`author:Lincoln`).
//!
//! Text fields match when the value's words appear in the field, in order
//! (case and accents folded). Number and date fields take a value or an
//! inclusive range whose ends may be open (`year:..1999`).

use std::collections::BTreeSet;

use crate::corpus::Corpus;
use crate::dates::{days_in_month, Date};
use crate::document::{Document, MetaValue};
use crate::error::Error;
use crate::extract::EntityType;
use crate::query::{invalid_query, FieldValue};
use crate::text::{self, fold, Span};

use super::eval::Occurrence;

/// The documents a field filter keeps.
pub(crate) struct FieldFilter {
    /// Ascending document numbers.
    pub docs: Vec<u32>,
    /// For an entity filter, the mentions in each of `docs`, as first and
    /// last token positions, ascending: a sentence or paragraph holds the
    /// filter where it holds a mention, and the mention is marked.
    pub mentions: Option<Vec<Vec<Occurrence>>>,
}

/// The fields every corpus has.
const BUILT_IN: [&str; 6] = ["publication", "title", "year", "volume", "issue", "date"];

/// Entity filters, and the entity types each stands for (none: any type).
const ENTITY_FIELDS: [(&str, &[EntityType]); 8] = [
    ("person", &[EntityType::Person]),
    ("place", &[EntityType::Place]),
    ("org", &[EntityType::Organization]),
    ("organization", &[EntityType::Organization]),
    ("media", &[EntityType::Media]),
    ("nationality", &[EntityType::Nationality]),
    ("event", &[EntityType::Event]),
    ("entity", &[]),
];

/// Resolves `name:value` to the documents it keeps.
///
/// # Errors
/// An unknown field (the message lists the fields there are), a range on a
/// text field, a value that is not a number or a date, or an empty range.
pub(crate) fn filter(
    name: &str,
    value: &FieldValue,
    span: Span,
    corpus: &Corpus,
) -> Result<FieldFilter, Error> {
    let at = span.start;
    let documents = corpus.documents();
    if let Some((_, types)) = ENTITY_FIELDS.iter().find(|(field, _)| *field == name) {
        return entity_filter(name, value, at, types, corpus);
    }
    let keep: Box<dyn Fn(&Document) -> bool> = match name {
        "year" => number_filter(name, value, at, |d| d.year.map(i64::from))?,
        "volume" => number_filter(name, value, at, |d| d.volume.map(i64::from))?,
        "issue" => number_filter(name, value, at, |d| d.issue.map(i64::from))?,
        "date" => date_filter(value, at)?,
        "publication" => text_filter(name, value, at, |d| d.publication.clone())?,
        "title" => text_filter(name, value, at, |d| Some(d.title.clone()))?,
        _ if has_metadata(name, documents) => {
            let key = name.to_string();
            text_filter(name, value, at, move |d| metadata_text(d, &key))?
        }
        _ => return Err(unknown_field(name, at, documents)),
    };
    let docs = documents
        .iter()
        .enumerate()
        .filter(|(_, d)| keep(d))
        .map(|(i, _)| i as u32)
        .collect();
    Ok(FieldFilter {
        docs,
        mentions: None,
    })
}

/// The mentions of the entities of the field's types whose name or any
/// alias holds the value's words, in order, and their documents:
/// `person:putin` keeps every mention of Vladimir Putin, however it is
/// written.
fn entity_filter(
    name: &str,
    value: &FieldValue,
    at: usize,
    types: &[EntityType],
    corpus: &Corpus,
) -> Result<FieldFilter, Error> {
    let FieldValue::Text(wanted) = value else {
        return Err(invalid_query(
            at,
            format!("the field {name:?} at position {at} takes a name, not a range"),
        ));
    };
    let wanted = folded_words(wanted);
    let index = corpus.entity_index();
    let named = index.entities_named(types, &|entity_name| {
        contains_run(&folded_words(entity_name), &wanted)
    });
    let tokens = index.mention_tokens(corpus.documents());
    let mut docs = Vec::new();
    let mut mentions = Vec::new();
    for (d, ((in_doc, _), ranges)) in index.docs.iter().zip(tokens).enumerate() {
        let mut found: Vec<Occurrence> = in_doc
            .iter()
            .zip(ranges)
            .filter(|((_, e), _)| named.get(*e).copied().unwrap_or(false))
            .map(|(_, &(first, last))| (first as u32, last as u32))
            .collect();
        if found.is_empty() {
            continue;
        }
        found.sort_unstable();
        found.dedup();
        docs.push(d as u32);
        mentions.push(found);
    }
    Ok(FieldFilter {
        docs,
        mentions: Some(mentions),
    })
}

/// The metadata fields of `documents` (beyond the built-in ones), in lower
/// case, sorted.
pub(crate) fn metadata_fields(documents: &[Document]) -> Vec<String> {
    let fields: BTreeSet<String> = documents
        .iter()
        .flat_map(|doc| doc.metadata.keys().map(|k| k.to_ascii_lowercase()))
        .collect();
    fields.into_iter().collect()
}

fn unknown_field(name: &str, at: usize, documents: &[Document]) -> Error {
    let mut known: BTreeSet<String> = BUILT_IN
        .iter()
        .chain(ENTITY_FIELDS.iter().map(|(f, _)| f))
        .map(|f| f.to_string())
        .collect();
    known.extend(metadata_fields(documents));
    let known: Vec<String> = known.into_iter().collect();
    invalid_query(
        at,
        format!(
            "unknown field {name:?} at position {at}; this corpus has {}",
            known.join(", ")
        ),
    )
}

pub(crate) fn has_metadata(name: &str, documents: &[Document]) -> bool {
    documents
        .iter()
        .any(|d| d.metadata.keys().any(|k| k.eq_ignore_ascii_case(name)))
}

pub(crate) fn metadata_text(document: &Document, name: &str) -> Option<String> {
    let (_, value) = document
        .metadata
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))?;
    Some(match value {
        MetaValue::Text(text) => text.clone(),
        MetaValue::Number(n) => n.to_string(),
    })
}

type Keep = Box<dyn Fn(&Document) -> bool>;

fn text_filter(
    name: &str,
    value: &FieldValue,
    at: usize,
    field: impl Fn(&Document) -> Option<String> + 'static,
) -> Result<Keep, Error> {
    let FieldValue::Text(wanted) = value else {
        return Err(invalid_query(
            at,
            format!("the field {name:?} at position {at} takes words, not a range"),
        ));
    };
    let wanted = folded_words(wanted);
    Ok(Box::new(move |d| {
        field(d).is_some_and(|text| contains_run(&folded_words(&text), &wanted))
    }))
}

fn folded_words(text: &str) -> Vec<String> {
    let mut out = String::new();
    text::tokens(text)
        .iter()
        .map(|s| {
            fold(s.of(text), &mut out);
            out.clone()
        })
        .collect()
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

fn number_filter(
    name: &str,
    value: &FieldValue,
    at: usize,
    field: fn(&Document) -> Option<i64>,
) -> Result<Keep, Error> {
    let parse = |text: &str| {
        text.trim().parse::<i64>().map_err(|_| {
            invalid_query(at, format!("the field {name:?} at position {at} needs a number or a range such as 2000..2005, found {text:?}"))
        })
    };
    let (low, high) = match value {
        FieldValue::Text(text) => {
            let n = parse(text)?;
            (n, n)
        }
        FieldValue::Range { from, to } => (
            from.as_deref().map(parse).transpose()?.unwrap_or(i64::MIN),
            to.as_deref().map(parse).transpose()?.unwrap_or(i64::MAX),
        ),
    };
    if low > high {
        return Err(invalid_query(
            at,
            format!("the range of {name:?} at position {at} is empty: {low} is after {high}"),
        ));
    }
    Ok(Box::new(move |d| {
        field(d).is_some_and(|n| (low..=high).contains(&n))
    }))
}

/// A day as a comparable triple.
type Day = (i32, u8, u8);

fn date_filter(value: &FieldValue, at: usize) -> Result<Keep, Error> {
    let parse = |text: &str| {
        Date::parse_iso(text).ok_or_else(|| {
            invalid_query(at, format!(
                "the field \"date\" at position {at} needs a date (YYYY, YYYY-MM or YYYY-MM-DD) or a range such as 2004-11..2005-01, found {text:?}"
            ))
        })
    };
    let (low, high) = match value {
        FieldValue::Text(text) => {
            let date = parse(text)?;
            (first_day(date), last_day(date))
        }
        FieldValue::Range { from, to } => (
            from.as_deref()
                .map(parse)
                .transpose()?
                .map_or((i32::MIN, 1, 1), first_day),
            to.as_deref()
                .map(parse)
                .transpose()?
                .map_or((i32::MAX, 12, 31), last_day),
        ),
    };
    if low > high {
        return Err(invalid_query(
            at,
            format!("the range of \"date\" at position {at} is empty: its start is after its end"),
        ));
    }
    Ok(Box::new(move |d| {
        let date = d.anchor_date();
        date.is_some_and(|date| first_day(date) <= high && last_day(date) >= low)
    }))
}

fn first_day(date: Date) -> Day {
    (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

fn last_day(date: Date) -> Day {
    let month = date.month.unwrap_or(12);
    (
        date.year,
        month,
        date.day.unwrap_or_else(|| days_in_month(date.year, month)),
    )
}
