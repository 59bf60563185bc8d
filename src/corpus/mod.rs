//! The corpus: its documents, their ids, what was skipped while loading
//! them, and what is computed from them once (the word index, the entities).
//!
//! The analyses (search, entities, co-occurrence) sit above this module and
//! add their methods to [`Corpus`] as thin façades over their own functions.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::extract::{AliasTable, EntityIndex, EntityState};
use crate::index::Index;
use crate::load::{self, LoadOptions, SourceFile};

use self::build::Builder;

mod build;

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
    /// The kind of error it would have been ([`ErrorKind::name`]):
    /// `missing-text` for a record without text, …; or of what a reader
    /// replaced or left out: `replaced-bytes`, …
    pub kind: String,
}

/// A file the corpus was loaded from, and how it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The file name (or `documents` for in-memory records).
    pub name: String,
    /// The encoding its bytes were decoded from (`UTF-8`, `UTF-16LE`, …);
    /// `None` for a file given as text.
    pub encoding: Option<String>,
    /// The documents it gave.
    pub documents: usize,
    /// Its records and files skipped, each a [`Warning`].
    pub skipped: usize,
    /// The fields that gave each role (`text`, `title`, `date`,
    /// `publication`, `author`), in the order first met: `{text: ["body"]}`.
    pub fields: BTreeMap<&'static str, Vec<String>>,
}

/// A parsed corpus: its documents, its search index and what was skipped
/// while loading it.
#[derive(Debug)]
pub struct Corpus {
    documents: Vec<Document>,
    by_id: HashMap<String, usize>,
    warnings: Vec<Warning>,
    sources: Vec<Source>,
    stats: Stats,
    entities: EntityState,
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
    ///
    /// Files given by value are dropped as soon as they are read, so their
    /// text is not held twice while the index is built.
    pub fn load<F: Borrow<SourceFile>>(
        files: impl IntoIterator<Item = F>,
        options: &LoadOptions,
    ) -> Result<Corpus, Error> {
        let mut builder = Builder::new(options);
        for file in files {
            let file = file.borrow();
            let names = file.fields().unwrap_or(&options.fields);
            builder.begin_source(&file.name, file.encoding());
            builder.add_notices(&file.name, file.notices());
            builder.add_all(load::read_file(file, Some(names)), names)?;
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
        builder.begin_source(load::IN_MEMORY, None);
        builder.add_all(
            load::read_values(load::IN_MEMORY, records.into_iter()),
            &options.fields,
        )?;
        builder.finish()
    }

    /// All documents, in loading order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The number (position in [`Corpus::documents`]) of the document with
    /// the given id.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] if there is none.
    pub(crate) fn document_number(&self, id: &str) -> Result<usize, Error> {
        self.by_id
            .get(id)
            .copied()
            .filter(|&i| i < self.documents.len())
            .ok_or_else(|| ErrorKind::UnknownDocument { id: id.to_string() }.into())
    }

    /// The document with the given id.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] if there is none.
    pub fn document(&self, id: &str) -> Result<&Document, Error> {
        let i = self.document_number(id)?;
        self.documents
            .get(i)
            .ok_or_else(|| ErrorKind::UnknownDocument { id: id.to_string() }.into())
    }

    /// Corpus-wide counts.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// The corpus's content fingerprint, `sha256:` and 64 hex digits: the
    /// SHA-256 of every document in order (its id, title, publication,
    /// volume, issue, date, metadata and text), so that the same files
    /// loaded anywhere give the same fingerprint and any change to a
    /// document gives another. Exports record it beside the corpus's name.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        let mut field = |bytes: &[u8]| {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        for d in &self.documents {
            let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
            let date = d.date.as_ref().map(ToString::to_string).unwrap_or_default();
            let metadata = serde_json::to_string(&d.metadata).unwrap_or_default();
            for text in [
                &d.id,
                &d.title,
                d.publication.as_deref().unwrap_or_default(),
                &number(d.volume),
                &number(d.issue),
                &date,
                &metadata,
                &d.text,
            ] {
                field(text.as_bytes());
            }
        }
        let digest = hash.finalize();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("sha256:{hex}")
    }

    /// Every record skipped while loading, with its file and line.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The records and files skipped while loading (with `skip_invalid`).
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

    /// The entities of every document, extracted on first use with the
    /// alias table in force.
    pub(crate) fn entity_index(&self) -> &EntityIndex {
        self.entities.index(&self.documents)
    }

    /// Extracts the entities of up to `count` more documents, in corpus
    /// order, and returns how many are done; once all are, the entities are
    /// ready. An entity call before then extracts the rest first. For a
    /// caller that answers other requests between slices of a large corpus.
    pub fn prepare_entities(&self, count: usize) -> usize {
        self.entities.extract_some(&self.documents, count)
    }

    /// The alias table in force.
    pub(crate) fn alias_table(&self) -> &AliasTable {
        self.entities.aliases()
    }

    /// Puts `table` in force; the entities are extracted again on next use.
    pub(crate) fn replace_aliases(&mut self, table: AliasTable) {
        self.entities = EntityState::new(table);
    }
}
