//! A document: its text split into paragraphs and sentences, its header
//! fields and dates, and how it is listed.
//!
//! Below the loaders, the index, entity extraction and search: each of them
//! reads documents, none of them is needed to make one.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dates::Date;
use crate::text::{self, Span, Utf16Index};

/// How a document's date fields were obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Given by the record's own `date` or `year` field.
    Metadata,
    /// Inferred from the publication's volume number.
    Volume,
    /// The volume's year, and the month of the latest date its source
    /// citations give ("(Kyodo, April 10)").
    Citations,
}

/// A metadata value: the strings and numbers a record carries besides its text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum MetaValue {
    /// A string value.
    Text(String),
    /// A numeric value.
    Number(f64),
}

/// One document of the corpus.
#[derive(Clone, Debug)]
pub struct Document {
    /// The unique id.
    pub id: String,
    /// A readable title: the given one, a header label, or the opening words.
    pub title: String,
    /// The text, without any `Publication:` header line.
    pub text: String,
    /// The publication name, from the header or the record.
    pub publication: Option<String>,
    /// The volume number.
    pub volume: Option<u32>,
    /// The issue number.
    pub issue: Option<u32>,
    /// The date, at whatever precision it is known.
    pub date: Option<Date>,
    /// The year, from the date or inferred from the volume.
    pub year: Option<i32>,
    /// How `date` and `year` were obtained.
    pub date_source: Option<DateSource>,
    /// Every other field of the record.
    pub metadata: BTreeMap<String, MetaValue>,
    /// Paragraphs as byte spans of `text`.
    pub paragraphs: Vec<Span>,
    /// Sentences as byte spans of `text`.
    pub sentences: Vec<Span>,
    /// The number of tokens (see [`text::tokens`]).
    pub words: usize,
    /// Whether `title` was given or built from the header, rather than
    /// taken from the opening words (which search must not boost).
    pub(crate) title_is_own: bool,
    utf16: Utf16Index,
}

impl Document {
    /// Builds a document from its parts, splitting the text and inferring the
    /// year from the volume where the record gives none. (A month from the
    /// source citations is added where the corpus is assembled, which may
    /// use entity extraction: see `corpus::build`.)
    pub(crate) fn new(id: String, fields: DocumentFields) -> Document {
        let DocumentFields {
            title,
            text,
            publication,
            volume,
            issue,
            date,
            year,
            metadata,
        } = fields;
        let paragraphs = text::paragraphs(&text);
        let sentences = text::sentences(&text, &paragraphs);
        let (year, date_source) = match (date, year) {
            (Some(date), _) => (Some(date.year), Some(DateSource::Metadata)),
            (None, Some(year)) => (Some(year), Some(DateSource::Metadata)),
            (None, None) => match volume_year(publication.as_deref(), volume) {
                Some(year) => (Some(year), Some(DateSource::Volume)),
                None => (None, None),
            },
        };
        let title = title.or_else(|| header_label(publication.as_deref(), volume, issue, year));
        let title_is_own = title.is_some();
        let title = title.unwrap_or_else(|| opening_words(&text, &sentences));
        Document {
            id,
            title,
            title_is_own,
            words: text::count_tokens(&text),
            utf16: Utf16Index::new(&text),
            text,
            publication,
            volume,
            issue,
            date,
            year,
            date_source,
            metadata,
            paragraphs,
            sentences,
        }
    }

    /// The tokens of the text as byte spans.
    pub fn tokens(&self) -> Vec<Span> {
        text::tokens(&self.text)
    }

    /// The length of the text in UTF-16 code units, as JavaScript counts it.
    pub fn chars(&self) -> usize {
        self.utf16.len_utf16(&self.text)
    }

    /// Converts a byte span of the text to UTF-16 code units.
    pub fn utf16_span(&self, span: Span) -> Span {
        self.utf16.span(span)
    }

    /// The date relative and partial dates of the document are read against,
    /// and that date filters compare: the date, or else the year.
    pub fn anchor_date(&self) -> Option<Date> {
        self.date.or(self.year.map(Date::year))
    }

    /// Heap bytes of everything but the text.
    pub(crate) fn structure_bytes(&self) -> usize {
        let metadata: usize = self
            .metadata
            .iter()
            .map(|(key, value)| {
                key.capacity()
                    + std::mem::size_of::<MetaValue>()
                    + if let MetaValue::Text(t) = value {
                        t.capacity()
                    } else {
                        0
                    }
            })
            .sum();
        self.id.capacity()
            + self.title.capacity()
            + self.publication.as_ref().map_or(0, String::capacity)
            + (self.paragraphs.capacity() + self.sentences.capacity()) * std::mem::size_of::<Span>()
            + self.utf16.heap_bytes()
            + metadata
    }

    /// The document's fields and counts, as `corpus.documents()` lists them.
    pub fn summary(&self) -> DocumentSummary<'_> {
        DocumentSummary {
            header: self.header(),
            chars: self.chars(),
            words: self.words,
            sentences: self.sentences.len(),
            paragraphs: self.paragraphs.len(),
        }
    }

    /// The document with its text and its spans in UTF-16 code units.
    pub fn detail(&self) -> DocumentDetail<'_> {
        let convert = |spans: &[Span]| spans.iter().map(|s| self.utf16_span(*s)).collect();
        DocumentDetail {
            header: self.header(),
            chars: self.chars(),
            words: self.words,
            text: &self.text,
            paragraphs: convert(&self.paragraphs),
            sentences: convert(&self.sentences),
        }
    }

    fn header(&self) -> DocumentHeader<'_> {
        DocumentHeader {
            id: &self.id,
            title: &self.title,
            publication: self.publication.as_deref(),
            volume: self.volume,
            issue: self.issue,
            date: self.date.map(|d| d.to_string()),
            date_source: self.date_source,
            year: self.year,
            metadata: &self.metadata,
        }
    }
}

/// What a record says about a document, before it gets its id.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocumentFields {
    pub title: Option<String>,
    pub text: String,
    pub publication: Option<String>,
    pub volume: Option<u32>,
    pub issue: Option<u32>,
    pub date: Option<Date>,
    pub year: Option<i32>,
    pub metadata: BTreeMap<String, MetaValue>,
}

/// The year of a volume of the publications whose volumes run by year.
///
/// *Monitor* volume N appeared in 1994+N, *Eurasia Daily Monitor* volume N in 2003+N.
fn volume_year(publication: Option<&str>, volume: Option<u32>) -> Option<i32> {
    let volume = i32::try_from(volume?).ok()?;
    let first = match publication?.trim().to_lowercase().as_str() {
        "monitor" => 1994,
        "eurasia daily monitor" => 2003,
        _ => return None,
    };
    // A volume of 2,147,483,000 is a typo, not a year (it overflowed).
    let year = volume.checked_add(first)?;
    crate::dates::YEARS.contains(&year).then_some(year)
}

/// A label such as "Monitor 6:74 (2000)" for a document with a header and no title.
fn header_label(
    publication: Option<&str>,
    volume: Option<u32>,
    issue: Option<u32>,
    year: Option<i32>,
) -> Option<String> {
    let mut label = publication?.to_string();
    match (volume, issue) {
        (Some(v), Some(i)) => label.push_str(&format!(" {v}:{i}")),
        (Some(v), None) => label.push_str(&format!(" vol. {v}")),
        (None, Some(i)) => label.push_str(&format!(" no. {i}")),
        (None, None) => {}
    }
    if let Some(year) = year {
        label.push_str(&format!(" ({year})"));
    }
    Some(label)
}

/// The first words of the first sentence, for a document with no title or header.
fn opening_words(text: &str, sentences: &[Span]) -> String {
    const WORDS: usize = 8;
    let first = sentences.first().map_or(text, |s| s.of(text));
    let words: Vec<&str> = first.split_whitespace().take(WORDS + 1).collect();
    if words.len() > WORDS {
        format!("{}…", words[..WORDS].join(" "))
    } else {
        words.join(" ")
    }
}

/// Shared by [`DocumentSummary`] and [`DocumentDetail`].
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentHeader<'a> {
    id: &'a str,
    title: &'a str,
    publication: Option<&'a str>,
    volume: Option<u32>,
    issue: Option<u32>,
    date: Option<String>,
    date_source: Option<DateSource>,
    year: Option<i32>,
    metadata: &'a BTreeMap<String, MetaValue>,
}

/// A document's fields and counts, as `corpus.documents()` lists them.
#[derive(Debug, Serialize)]
pub struct DocumentSummary<'a> {
    #[serde(flatten)]
    header: DocumentHeader<'a>,
    chars: usize,
    words: usize,
    sentences: usize,
    paragraphs: usize,
}

/// A document with its text and spans; offsets in UTF-16 code units.
#[derive(Debug, Serialize)]
pub struct DocumentDetail<'a> {
    #[serde(flatten)]
    header: DocumentHeader<'a>,
    chars: usize,
    words: usize,
    /// The text.
    pub text: &'a str,
    /// Paragraph spans, UTF-16.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, UTF-16.
    pub sentences: Vec<Span>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_years_follow_each_publication() {
        assert_eq!(volume_year(Some("Monitor"), Some(6)), Some(2000));
        assert_eq!(
            volume_year(Some("Eurasia Daily Monitor"), Some(2)),
            Some(2005)
        );
        assert_eq!(volume_year(Some("The Times"), Some(2)), None);
        assert_eq!(volume_year(Some("Monitor"), None), None);
    }

    #[test]
    fn titles_fall_back_to_header_label_then_opening_words() {
        assert_eq!(
            header_label(Some("Monitor"), Some(6), Some(74), Some(2000)).as_deref(),
            Some("Monitor 6:74 (2000)")
        );
        let text = "One two three four five six seven eight nine ten. Next.";
        let doc = Document::new(
            "d".into(),
            DocumentFields {
                text: text.into(),
                ..DocumentFields::default()
            },
        );
        assert_eq!(doc.title, "One two three four five six seven eight…");
    }
}
