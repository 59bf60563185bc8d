//! The JavaScript bindings: the only module that names wasm-bindgen types.
//!
//! Options come in as one object, checked against the option names; results
//! go out as plain JSON-compatible data (network columns as typed arrays);
//! every error becomes a thrown JS `Error` carrying our message and a `kind`.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod files;
mod options;

use self::options::{entry_path, options_from, table_from, table_path};

use crate::{
    AliasEntry, AliasTableData, CitationOptions, Corpus as Core, ExportFormat, LoadOptions,
    NetworkColumns, Numbers,
};

/// What every binding returns: on failure, the `Error` JavaScript receives
/// thrown, with a `kind` (see [`thrown`]).
type JsResult<T> = Result<T, JsValue>;

// The TypeScript declarations of every option and result shape, added to the
// generated `corpus_lens.d.ts`; the methods below name them.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("../wasm.d.ts");

/// A parsed corpus and everything computed from it.
#[wasm_bindgen(js_name = Corpus)]
pub struct JsCorpus {
    core: Core,
}

/// The options of `Corpus.previewFile`.
#[derive(serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PreviewOptions {
    /// The records shown, at most.
    rows: usize,
}

impl Default for PreviewOptions {
    fn default() -> PreviewOptions {
        PreviewOptions { rows: 3 }
    }
}

#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// The five embedded seed articles.
    pub fn embedded() -> JsResult<JsCorpus> {
        Core::embedded()
            .map(|core| JsCorpus { core })
            .map_err(to_js_error)
    }

    /// A corpus from an array of `{id?, title?, text, date?, …}` objects.
    #[wasm_bindgen(js_name = fromDocuments)]
    pub fn from_documents(
        #[wasm_bindgen(unchecked_param_type = "Array<Record<string, unknown>>")] documents: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LoadOptions")] options: JsValue,
    ) -> JsResult<JsCorpus> {
        let options: LoadOptions = options_from(options)?;
        expect_array(
            &documents,
            "fromDocuments expects an array of document objects",
        )?;
        let records: Vec<serde_json::Value> =
            serde_wasm_bindgen::from_value(documents).map_err(|e| {
                invalid_argument(&format!(
                    "fromDocuments expects an array of document objects: {e}"
                ))
            })?;
        Core::from_records(records, &options)
            .map(|core| JsCorpus { core })
            .map_err(to_js_error)
    }

    /// A corpus from files `{name, content}`, the format chosen by extension.
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "SourceFile[]")] files: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LoadOptions")] options: JsValue,
    ) -> JsResult<JsCorpus> {
        let options: LoadOptions = options_from(options)?;
        expect_array(
            &files,
            "load expects an array of {name, content} or {name, bytes} files",
        )?;
        let files: js_sys::Array = files.unchecked_into();
        files::reserve_memory(&files)?;
        let files = files::source_files(&files)?;
        Core::load(files, &options)
            .map(|core| JsCorpus { core })
            .map_err(to_js_error)
    }

    /// The first records of a file as a table, `{columns, rows}`, for a
    /// person to choose which field holds the text; `rows` (default 3) of
    /// them at most.
    #[wasm_bindgen(js_name = previewFile, unchecked_return_type = "FilePreview")]
    pub fn preview_file(
        #[wasm_bindgen(unchecked_param_type = "SourceFile")] file: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{rows?: number}")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options: PreviewOptions = options_from(options)?;
        let files = js_sys::Array::of1(&file);
        let mut files = files::source_files(&files)?;
        let file = files
            .pop()
            .ok_or_else(|| invalid_argument("previewFile expects a file"))?;
        to_js(&crate::preview_file(&file, options.rows).map_err(to_js_error)?)
    }

    /// Every document's fields and counts.
    #[wasm_bindgen(unchecked_return_type = "DocumentSummary[]")]
    pub fn documents(&self) -> JsResult<JsValue> {
        let summaries: Vec<_> = self.core.documents().iter().map(|d| d.summary()).collect();
        to_js(&summaries)
    }

    /// One document with its text and spans; throws for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "DocumentDetail")]
    pub fn document(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> JsResult<JsValue> {
        let id = &string_arg(id, "id")?;
        let document = self.core.document(id).map_err(to_js_error)?;
        to_js(&document.detail())
    }

    /// Corpus-wide counts.
    #[wasm_bindgen(unchecked_return_type = "CorpusStats")]
    pub fn stats(&self) -> JsResult<JsValue> {
        to_js(&self.core.stats())
    }

    /// The content fingerprint: `sha256:` and the hex SHA-256 of every
    /// document (id, fields, metadata, text), the same wherever the same
    /// files are loaded.
    pub fn fingerprint(&self) -> String {
        self.core.fingerprint()
    }

    /// Approximate bytes held, by part: `{text, documents, index}`.
    #[wasm_bindgen(unchecked_return_type = "MemoryUsage")]
    pub fn memory(&self) -> JsResult<JsValue> {
        to_js(&self.core.memory())
    }

    /// The records skipped while loading, with file and line.
    #[wasm_bindgen(unchecked_return_type = "LoadWarning[]")]
    pub fn warnings(&self) -> JsResult<JsValue> {
        to_js(self.core.warnings())
    }

    /// The files loaded: each one's encoding, documents, records skipped
    /// and the fields that gave the text, title, date, publication, author.
    #[wasm_bindgen(unchecked_return_type = "LoadedSource[]")]
    pub fn sources(&self) -> JsResult<JsValue> {
        to_js(self.core.sources())
    }
}

#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// Ranked search; throws on a malformed query, naming the position.
    #[wasm_bindgen(unchecked_return_type = "SearchResults")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let query = &string_arg(query, "query")?;
        let options = options_from(options)?;
        to_js(&self.core.search(query, &options).map_err(to_js_error)?)
    }

    /// Every match of a query with its left and right context.
    #[wasm_bindgen(unchecked_return_type = "Kwic")]
    pub fn kwic(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "KwicOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let query = &string_arg(query, "query")?;
        let options = options_from(options)?;
        to_js(&self.core.kwic(query, &options).map_err(to_js_error)?)
    }

    /// The most frequent terms.
    #[wasm_bindgen(unchecked_return_type = "TermCount[]")]
    pub fn terms(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TermsOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options = options_from(options)?;
        to_js(&self.core.terms(&options).map_err(to_js_error)?)
    }

    /// A query's occurrences per year, month or document.
    #[wasm_bindgen(js_name = termTrend, unchecked_return_type = "Trend")]
    pub fn term_trend(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TrendOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let query = &string_arg(query, "query")?;
        let options = options_from(options)?;
        to_js(&self.core.term_trend(query, &options).map_err(to_js_error)?)
    }
}

#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// Extracts the entities of up to `documents` more documents and returns
    /// how many are done (of `stats().documents`); an entity call before all
    /// are done extracts the rest first.
    #[wasm_bindgen(js_name = prepareEntities)]
    pub fn prepare_entities(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] documents: JsValue,
    ) -> JsResult<u32> {
        let count = documents
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 1.0)
            .ok_or_else(|| {
                invalid_argument(&format!(
                    "prepareEntities expects a whole number of documents of 1 or more, got {}",
                    documents
                        .as_f64()
                        .map_or_else(|| type_of(&documents), |n| n.to_string())
                ))
            })?;
        let done = self
            .core
            .prepare_entities(count.min(u32::MAX as f64) as usize);
        Ok(u32::try_from(done).unwrap_or(u32::MAX))
    }

    /// Canonical entities, by count then name.
    #[wasm_bindgen(unchecked_return_type = "Entity[]")]
    pub fn entities(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "EntityOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options = options_from(options)?;
        to_js(&self.core.entities(&options).map_err(to_js_error)?)
    }

    /// One entity with its count per document; throws for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "EntityDetail")]
    pub fn entity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> JsResult<JsValue> {
        let id = &string_arg(id, "id")?;
        to_js(&self.core.entity(id).map_err(to_js_error)?)
    }

    /// The mentions of an entity, with their sentences.
    #[wasm_bindgen(unchecked_return_type = "Mention[]")]
    pub fn mentions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "MentionOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let id = &string_arg(id, "id")?;
        let options = options_from(options)?;
        to_js(&self.core.mentions(id, &options).map_err(to_js_error)?)
    }

    /// Every mention in a document, for highlighting.
    #[wasm_bindgen(unchecked_return_type = "Annotation[]")]
    pub fn annotate(
        &self,
        #[wasm_bindgen(js_name = docId)]
        #[wasm_bindgen(unchecked_param_type = "string")]
        doc_id: JsValue,
    ) -> JsResult<JsValue> {
        let doc_id = &string_arg(doc_id, "docId")?;
        to_js(&self.core.annotate(doc_id).map_err(to_js_error)?)
    }

    /// The source citations of one document or of all.
    #[wasm_bindgen(unchecked_return_type = "Citation[]")]
    pub fn citations(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CitationOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options: CitationOptions = options_from(options)?;
        to_js(
            &self
                .core
                .citations(options.doc_id.as_deref())
                .map_err(to_js_error)?,
        )
    }

    /// Replaces the alias table: an array replaces its entries (the
    /// decisions stay), an object `{entries, types, notEntities, reviewed}`
    /// the whole table; throws (keeping the old one) on a bad item.
    #[wasm_bindgen(js_name = setAliases)]
    pub fn set_aliases(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AliasTable | AliasEntry[]")] table: JsValue,
    ) -> JsResult<()> {
        if js_sys::Array::is_array(&table) {
            let entries: Vec<AliasEntry> = table_from(table, |path| {
                format!("alias table entry {}", entry_path(path))
            })?;
            return self.core.set_aliases(entries).map_err(to_js_error);
        }
        if !table.is_object() || table.is_function() {
            return Err(invalid_argument(&format!(
                "setAliases expects an alias table {{entries, types, notEntities, reviewed}} \
                 or an array of {{name, type, aliases}} entries, got {}",
                type_of(&table)
            )));
        }
        let data: AliasTableData = table_from(table, table_path)?;
        self.core.set_alias_table(data).map_err(to_js_error)
    }

    /// The alias table in force: its entries and the reviewer's decisions.
    #[wasm_bindgen(unchecked_return_type = "Required<AliasTable>")]
    pub fn aliases(&self) -> JsResult<JsValue> {
        to_js(&self.core.alias_table_data())
    }
}

#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// The entity co-occurrence network: nodes with analytics, scored edges.
    #[wasm_bindgen(unchecked_return_type = "Network")]
    pub fn cooccurrence(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CooccurrenceOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options = options_from(options)?;
        to_js(&self.core.cooccurrence(&options).map_err(to_js_error)?)
    }

    /// The same network in columns: per-node arrays, and per-edge typed
    /// arrays with `source`/`target` as node indexes. A network of hundreds of
    /// thousands of edges crosses to JavaScript in milliseconds this way,
    /// where objects take hundreds.
    #[wasm_bindgen(js_name = cooccurrenceColumns, unchecked_return_type = "NetworkColumns")]
    pub fn cooccurrence_columns(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CooccurrenceOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options = options_from(options)?;
        columns_to_js(
            &self
                .core
                .cooccurrence_columns(&options)
                .map_err(to_js_error)?,
        )
    }

    /// The top entities × the same, in columns, for a heatmap.
    #[wasm_bindgen(unchecked_return_type = "CooccurrenceMatrix")]
    pub fn matrix(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "MatrixOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options = options_from(options)?;
        to_js(&self.core.matrix(&options).map_err(to_js_error)?)
    }

    /// Entity mentions per year, month, issue or document.
    #[wasm_bindgen(unchecked_return_type = "Timeline")]
    pub fn timeline(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TimelineOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options = options_from(options)?;
        to_js(&self.core.timeline(&options).map_err(to_js_error)?)
    }

    /// The words that distinguish the documents of one query from another.
    #[wasm_bindgen(unchecked_return_type = "KeyTerm[]")]
    pub fn keyness(
        &self,
        // The one options argument declared required: `target` has no default.
        #[wasm_bindgen(unchecked_param_type = "KeynessOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options = options_from(options)?;
        to_js(&self.core.keyness(&options).map_err(to_js_error)?)
    }

    /// The words around an entity (by id) or a word.
    #[wasm_bindgen(unchecked_return_type = "Collocate[]")]
    pub fn collocates(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] target: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CollocateOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let target = &string_arg(target, "target")?;
        let options = options_from(options)?;
        to_js(
            &self
                .core
                .collocates(target, &options)
                .map_err(to_js_error)?,
        )
    }

    /// The units where two entities occur together, with their mentions.
    #[wasm_bindgen(unchecked_return_type = "EvidenceUnit[]")]
    pub fn evidence(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EvidenceOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let a = &string_arg(a, "a")?;
        let b = &string_arg(b, "b")?;
        let options = options_from(options)?;
        to_js(&self.core.evidence(a, b, &options).map_err(to_js_error)?)
    }

    /// The documents and paragraphs that repeat each other (MinHash).
    #[wasm_bindgen(unchecked_return_type = "Duplicates")]
    pub fn duplicates(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "DuplicateOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let options = options_from(options)?;
        to_js(&self.core.duplicates(&options).map_err(to_js_error)?)
    }

    /// The network as `csv`, `json`, `gexf` or `graphml` text, recording the
    /// options that produced it.
    #[wasm_bindgen(js_name = exportNetwork)]
    pub fn export_network(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] format: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CooccurrenceOptions")] options: JsValue,
    ) -> JsResult<String> {
        let format = &string_arg(format, "format")?;
        let format = ExportFormat::parse(format).map_err(to_js_error)?;
        let options = options_from(options)?;
        self.core
            .export_network(format, &options)
            .map_err(to_js_error)
    }
}

/// Columns to JS: the serialised text columns, then each numeric column as
/// a typed array (JSON would write out every number, and JS parse them).
fn columns_to_js(columns: &NetworkColumns) -> JsResult<JsValue> {
    let out = to_js(columns)?;
    for (part, name, numbers) in columns.numeric() {
        let typed: JsValue = match numbers {
            Numbers::F64(values) => js_sys::Float64Array::from(values).into(),
            Numbers::U32(values) => js_sys::Uint32Array::from(values).into(),
        };
        let failed = |_| internal("could not convert the network's columns");
        let part = js_sys::Reflect::get(&out, &part.into()).map_err(failed)?;
        js_sys::Reflect::set(&part, &name.into(), &typed).map_err(failed)?;
    }
    Ok(out)
}

/// The entities of an ad-hoc text; `{date}` anchors relative dates.
#[wasm_bindgen(js_name = extractEntities, unchecked_return_type = "ExtractedEntity[]")]
pub fn extract_entities(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExtractOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let text = &string_arg(text, "text")?;
    let options = options_from(options)?;
    to_js(&crate::extract_entities_with(text, &options).map_err(to_js_error)?)
}

/// Loads the learned entity tagger's model (the package's
/// `entities.crfsuite`), which the WebAssembly module does not embed. Until
/// it is loaded, entities come from the rules alone.
#[wasm_bindgen(js_name = loadEntityModel)]
pub fn load_entity_model(bytes: &[u8]) -> JsResult<()> {
    crate::load_entity_model(bytes.to_vec()).map_err(to_js_error)
}

/// Drops the learned entity tagger's model: entities come from the rules
/// alone from now on (corpora that have already extracted keep theirs).
#[wasm_bindgen(js_name = unloadEntityModel)]
pub fn unload_entity_model() {
    crate::unload_entity_model();
}

/// Whether the learned entity tagger's model is loaded.
#[wasm_bindgen(js_name = entityModelLoaded)]
pub fn entity_model_loaded() -> bool {
    crate::entity_model_loaded()
}

/// Every association measure, `[{id, label}]`, in the order a menu lists them.
#[wasm_bindgen(unchecked_return_type = "MeasureInfo[]")]
pub fn measures() -> JsResult<JsValue> {
    to_js(&crate::measures())
}

/// The size of the WebAssembly linear memory in bytes (it only grows).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() * 65536) as f64
}

/// A core error as JavaScript receives it: an `Error` with our message, its
/// `kind` ("invalid-query"), and, where they apply, `position` (UTF-16
/// units into the query) and `file` and `line` (or record number).
fn to_js_error(error: crate::Error) -> JsValue {
    let thrown = thrown(error.kind().name(), &error.to_string());
    if let Some(position) = error.position() {
        set(&thrown, "position", JsValue::from_f64(position as f64));
    }
    if let Some(at) = error.location() {
        set(&thrown, "file", JsValue::from_str(&at.file));
        set(&thrown, "line", JsValue::from_f64(at.line as f64));
    }
    thrown
}

/// A JS `Error` with `message` and a `kind` property: a core error kind,
/// `invalid-argument` for an argument the bindings refuse (not a string,
/// not an array, an unknown option), `internal` for a result that could not
/// be converted (the core's broken invariants are `internal` too).
fn thrown(kind: &str, message: &str) -> JsValue {
    let error: JsValue = js_sys::Error::new(message).into();
    set(&error, "kind", JsValue::from_str(kind));
    error
}

/// Sets a property of an object made here. It cannot fail (the object is
/// new, ordinary and extensible), so a failure is not worth a second error.
fn set(object: &JsValue, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
}

fn invalid_argument(message: &str) -> JsValue {
    thrown("invalid-argument", message)
}

fn internal(message: &str) -> JsValue {
    thrown("internal", message)
}

/// Results cross as one JSON string parsed by the engine's `JSON.parse`:
/// measured on search results, several times faster than building the objects
/// field by field across the boundary, and plain data by construction.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    let json = serde_json::to_string(value)
        .map_err(|e| internal(&format!("could not convert the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| internal("could not convert the result to JSON"))
}

/// A string argument; anything else (a number, `undefined`) is an error
/// naming the argument and what was given, not a crash in the glue code.
fn string_arg(value: JsValue, name: &str) -> JsResult<String> {
    value.as_string().ok_or_else(|| {
        let given = if value.is_null() {
            "null".to_string()
        } else {
            value.js_typeof().as_string().unwrap_or_default()
        };
        invalid_argument(&format!(
            "the argument {name} must be a string, got {given}"
        ))
    })
}

/// Fails with `what`, naming the JS type given, unless `value` is an array.
fn expect_array(value: &JsValue, what: &str) -> JsResult<()> {
    if js_sys::Array::is_array(value) {
        return Ok(());
    }
    Err(invalid_argument(&format!("{what}, got {}", type_of(value))))
}

/// What a value is, for a message: its `typeof`, or `null`.
fn type_of(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}
