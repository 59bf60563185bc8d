//! Documents, their headers and dates, and the corpus that holds them.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::dates::Date;
use crate::error::{Error, ErrorKind, Location};
use crate::load::{self, LoadOptions, SourceFile};
use crate::search::index::Index;

use self::build::Builder;
use crate::text::{self, Span, Utf16Index};

mod build;

/// The file name that [`Location`]s of in-memory records carry.
pub const IN_MEMORY: &str = "documents";

/// The five seed articles, compiled into the library.
const SEEDS: [(&str, &str); 5] = [
    (
        "000_cdea581117318265.txt",
        include_str!("../../seeds/000_cdea581117318265.txt"),
    ),
    (
        "001_dd6b5825d416bed0.txt",
        include_str!("../../seeds/001_dd6b5825d416bed0.txt"),
    ),
    (
        "002_15a617c9de9230ae.txt",
        include_str!("../../seeds/002_15a617c9de9230ae.txt"),
    ),
    (
        "003_2011580da0b92aee.txt",
        include_str!("../../seeds/003_2011580da0b92aee.txt"),
    ),
    (
        "004_f51516d21ae9b3a2.txt",
        include_str!("../../seeds/004_f51516d21ae9b3a2.txt"),
    ),
];

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
    /// Builds a document from its parts, splitting the text and inferring the year.
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
        let (date, date_source) = match (date, year, date_source) {
            (None, Some(year), Some(DateSource::Volume)) => {
                match crate::entities::publication_month(&text, year) {
                    Some(month) => (Some(month), Some(DateSource::Citations)),
                    None => (None, date_source),
                }
            }
            _ => (date, date_source),
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

    /// Heap bytes of everything but the text.
    fn structure_bytes(&self) -> usize {
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

/// Approximate heap bytes of a corpus, by part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MemoryUsage {
    /// The documents' text (UTF-8).
    pub text: usize,
    /// Everything else about the documents: ids, titles, metadata, sentence
    /// and paragraph spans, UTF-16 offset tables.
    pub documents: usize,
    /// The search index: word forms, stems, positions.
    pub index: usize,
}

/// Corpus-wide counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Sentences.
    pub sentences: usize,
    /// Tokens.
    pub words: usize,
    /// UTF-16 code units of text.
    pub chars: usize,
    /// Distinct tokens, compared case-insensitively.
    pub vocabulary: usize,
}

/// A record that was skipped, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The file name (or `documents` for in-memory records).
    pub file: String,
    /// The line (or the record number for in-memory records).
    pub line: usize,
    /// What was wrong with it.
    pub message: String,
}

/// A parsed corpus: its documents, its search index and what was skipped
/// while loading it.
#[derive(Debug)]
pub struct Corpus {
    documents: Vec<Document>,
    by_id: HashMap<String, usize>,
    warnings: Vec<Warning>,
    stats: Stats,
    pub(crate) entities: crate::entities::EntityState,
    index: Index,
}

impl Corpus {
    /// The five embedded seed articles.
    ///
    /// # Errors
    /// None in practice: the seeds are part of the library and tested.
    pub fn embedded() -> Result<Corpus, Error> {
        let files: Vec<SourceFile> = SEEDS
            .iter()
            .map(|(name, content)| SourceFile::new(*name, *content))
            .collect();
        Corpus::load(&files, &LoadOptions::default())
    }

    /// Loads files, choosing the format by extension (see [`crate::load`]).
    ///
    /// # Errors
    /// A syntax error, a record without text, a CSV file without a `text`
    /// column, an unsupported extension (each naming the file and line), a
    /// duplicate id, or no document at all. With `skip_invalid`, bad records
    /// and files (a duplicate id included: the first keeps it) become
    /// [`Warning`]s instead, but an empty corpus is still an error.
    pub fn load(files: &[SourceFile], options: &LoadOptions) -> Result<Corpus, Error> {
        let mut builder = Builder::new(options);
        for file in files {
            builder.sources.push(file.name.clone());
            builder.add_all(load::read_file(file))?;
        }
        builder.finish()
    }

    /// Builds a corpus from in-memory records such as `{id, title, text, …}`.
    ///
    /// # Errors
    /// As for [`Corpus::load`]; locations name the record number.
    pub fn from_records(
        records: Vec<serde_json::Value>,
        options: &LoadOptions,
    ) -> Result<Corpus, Error> {
        let mut builder = Builder::new(options);
        let records = records.into_iter().enumerate().map(|(i, value)| {
            let at = Location {
                file: IN_MEMORY.to_string(),
                line: i + 1,
                column: None,
            };
            load::record_from_value(value, at, format!("doc-{}", i + 1))
        });
        builder.add_all(Box::new(records))?;
        builder.finish()
    }

    /// All documents, in loading order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The document with the given id.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] if there is none.
    pub fn document(&self, id: &str) -> Result<&Document, Error> {
        self.by_id
            .get(id)
            .and_then(|&i| self.documents.get(i))
            .ok_or_else(|| ErrorKind::UnknownDocument { id: id.to_string() }.into())
    }

    /// Corpus-wide counts.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// Every record skipped while loading, with its file and line.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Approximately how many bytes the corpus holds, by part.
    pub fn memory(&self) -> MemoryUsage {
        let text = self.documents.iter().map(|d| d.text.capacity()).sum();
        let documents = self
            .documents
            .iter()
            .map(Document::structure_bytes)
            .sum::<usize>()
            + self.documents.capacity() * std::mem::size_of::<Document>();
        MemoryUsage {
            text,
            documents,
            index: self.index.heap_bytes(),
        }
    }

    pub(crate) fn index(&self) -> &Index {
        &self.index
    }
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
