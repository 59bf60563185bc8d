//! corpus-lens explores a corpus of news analysis in the browser.
//!
//! The crate parses a corpus, the five embedded seed articles or a user's own
//! files, into documents, paragraphs, sentences and tokens, and serves it to
//! JavaScript through one `Corpus` class compiled to WebAssembly.
//!
//! ```
//! use corpus_lens::{Corpus, LoadOptions, SourceFile};
//!
//! let corpus = Corpus::embedded()?;
//! assert_eq!(corpus.stats().documents, 5);
//!
//! let files = [SourceFile::new("notes.jsonl", "{\"title\": \"A\", \"text\": \"One. Two.\"}\n")];
//! let mine = Corpus::load(&files, &LoadOptions::default())?;
//! assert_eq!(mine.documents()[0].sentences.len(), 2);
//! # Ok::<(), corpus_lens::Error>(())
//! ```
//!
//! Design decisions:
//! - The core is plain Rust, tested natively; `wasm` is the only module
//!   that knows about WebAssembly and JavaScript.
//! - Offsets are byte offsets inside the core and UTF-16 code units at the
//!   boundary ([`text::Utf16Index`]), so `text.slice(start, end)` works in JS.
//! - One tokenizer and one sentence splitter ([`text`]) serve every feature.
//! - Loading never drops a record silently: a bad record is an error naming
//!   its file and line, or, when asked to skip, a [`Warning`].

// The modules in layers, lowest first: a module uses only modules of lower
// layers (tests/layers.rs checks it; ARCHITECTURE.md explains each layer).
mod cooccur;
mod corpus;
mod dates;
mod document;
mod duplicates;
mod entities;
mod error;
mod extract;
mod index;
mod load;
pub mod network;
mod options;
pub mod query;
mod search;
pub mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use crate::cooccur::{
    chi2_survival, measures, Collocate, CollocateOptions, CooccurUnit, CooccurrenceOptions, Edge,
    EdgeColumns, EvidenceMention, EvidenceOptions, EvidenceUnit, ExportFormat, KeyTerm,
    KeynessMeasure, KeynessOptions, Matrix, MatrixOptions, Measure, MeasureInfo, Network,
    NetworkColumns, Node, NodeColumns, Numbers, Series, Table, Timeline, TimelineOptions,
};
pub use crate::corpus::{Corpus, MemoryUsage, Source, Stats, Warning};
pub use crate::dates::{parse_written, Date, DateOrder, DateValue, WrittenDate};
pub use crate::document::{DateSource, Document, DocumentDetail, DocumentSummary, MetaValue};
pub use crate::duplicates::{DuplicateGroup, DuplicateOptions, Duplicates, Passage};
pub use crate::entities::{
    Annotation, DocumentCount, Entity, EntityDetail, EntityOptions, MentionOptions, MentionRecord,
};
pub use crate::error::{Error, ErrorKind, Location};
pub use crate::extract::{
    entity_model_loaded, entity_training_sequences, extract_entities, extract_entities_with,
    load_entity_model, unload_entity_model, AliasEntry, AliasTable, AliasTableData, Citation,
    CitationOptions, CitationSource, EntityKey, EntityType, ExtractOptions, ExtractedEntity,
    TrainingSequence, TypeOverride,
};
pub use crate::load::{preview_file, FieldNames, LoadOptions, Notice, Preview, Role, SourceFile};
pub use crate::search::{
    Bucket, EntityFacet, Expansion, FacetCount, FacetOptions, Facets, Hit, Kwic, KwicLine,
    KwicOptions, KwicSort, SearchOptions, SearchResults, Snippet, Stopwords, TermCount,
    TermsOptions, Trend, TrendOptions, Unit,
};
#[cfg(target_arch = "wasm32")]
pub use crate::wasm::{
    entity_model_loaded as js_entity_model_loaded, extract_entities as js_extract_entities,
    load_entity_model as js_load_entity_model, measures as js_measures,
    unload_entity_model as js_unload_entity_model, wasm_memory_bytes, JsCorpus,
};
