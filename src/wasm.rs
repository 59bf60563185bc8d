//! The JavaScript bindings: the only module that names wasm-bindgen types.
//!
//! Options come in as one object, checked against the option names; results
//! go out as plain JSON-compatible data; every core error becomes a thrown JS
//! `Error` carrying our message.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Corpus as Core, LoadOptions, SourceFile};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A half-open range `start..end` in UTF-16 code units: `text.slice(start, end)`. */
export interface Span { start: number; end: number }

/** A document's fields and counts, as `corpus.documents()` lists them. */
export interface DocumentSummary {
  id: string;
  title: string;
  publication: string | null;
  volume: number | null;
  issue: number | null;
  /** ISO date at year, month or day precision: "2005", "2005-11", "2005-11-17". */
  date: string | null;
  /** How the date fields were obtained: the record, the volume number, or the article's source citations. */
  dateSource: "metadata" | "volume" | "citations" | null;
  year: number | null;
  /** Every other string or number field of the record. */
  metadata: Record<string, string | number>;
  /** Length of `text` in UTF-16 code units. */
  chars: number;
  words: number;
  sentences: number;
  paragraphs: number;
}

/** A document with its text, paragraphs and sentences. */
export interface DocumentDetail extends Omit<DocumentSummary, "sentences" | "paragraphs"> {
  text: string;
  paragraphs: Span[];
  sentences: Span[];
}

export interface CorpusStats {
  documents: number;
  paragraphs: number;
  sentences: number;
  words: number;
  chars: number;
  /** Distinct tokens, compared case-insensitively. */
  vocabulary: number;
}

/** Approximate heap bytes a corpus holds, by part. */
export interface MemoryUsage { text: number; documents: number; index: number }

/** A record or file skipped while loading (only with `skipInvalid: true`). */
export interface LoadWarning { file: string; line: number; message: string }

/** A file as a file picker yields it. The extension chooses the format. */
export interface SourceFile { name: string; content: string }

/** Options of `corpus.search` (see the README for ranges). */
export interface SearchOptions {
  limit?: number; offset?: number; unit?: "document" | "paragraph" | "sentence";
  snippetLength?: number; k1?: number; b?: number; titleBoost?: number;
}

export interface SearchHit {
  docId: string;
  score: number;
  /** The unit's span in the document text (UTF-16). */
  start: number;
  end: number;
  /** `highlights` are UTF-16 offsets into `snippet.text`. */
  snippet: { text: string; highlights: Span[] };
}

export interface SearchResults {
  query: string;
  unit: "document" | "paragraph" | "sentence";
  total: number;
  hits: SearchHit[];
  /** What each prefix (`kuril*`) or fuzzy (`kunashir~1`) word stood for. */
  expansions?: { term: string; matched: number; forms: string[]; truncated: boolean }[];
}

export interface KwicOptions { width?: number; limit?: number; sort?: "document" | "left" | "right" }
export interface KwicLine { docId: string; start: number; end: number; left: string; match: string; right: string }
export interface Kwic { total: number; lines: KwicLine[] }

export interface TermsOptions { limit?: number; stopwords?: boolean | string[] }
export interface TermCount { term: string; count: number; documents: number }

export interface TrendOptions { bucket?: "year" | "month" | "document" }
export interface Trend { query: string; bucket: string; labels: string[]; counts: number[]; words: number[] }

export interface LoadOptions {
  /** false (default): the first bad record throws. true: bad records are skipped and listed in `warnings()`. */
  skipInvalid?: boolean;
}
"#;

/// A parsed corpus and everything computed from it.
#[wasm_bindgen(js_name = Corpus)]
pub struct JsCorpus {
    core: Core,
}

#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// The five embedded seed articles.
    pub fn embedded() -> Result<JsCorpus, JsError> {
        Core::embedded()
            .map(|core| JsCorpus { core })
            .map_err(to_js_error)
    }

    /// A corpus from an array of `{id?, title?, text, date?, …}` objects.
    #[wasm_bindgen(js_name = fromDocuments)]
    pub fn from_documents(
        #[wasm_bindgen(unchecked_param_type = "Array<Record<string, unknown>>")] documents: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LoadOptions")] options: JsValue,
    ) -> Result<JsCorpus, JsError> {
        let options: LoadOptions = options_from(options)?;
        expect_array(
            &documents,
            "fromDocuments expects an array of document objects",
        )?;
        let records: Vec<serde_json::Value> =
            serde_wasm_bindgen::from_value(documents).map_err(|e| {
                JsError::new(&format!(
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
        #[wasm_bindgen(unchecked_param_type = "LoadOptions")] options: JsValue,
    ) -> Result<JsCorpus, JsError> {
        let options: LoadOptions = options_from(options)?;
        expect_array(&files, "load expects an array of {name, content} files")?;
        let files: Vec<SourceFile> = serde_wasm_bindgen::from_value(files).map_err(|e| {
            JsError::new(&format!(
                "load expects an array of {{name, content}} files: {e}"
            ))
        })?;
        Core::load(&files, &options)
            .map(|core| JsCorpus { core })
            .map_err(to_js_error)
    }

    /// Every document's fields and counts.
    #[wasm_bindgen(unchecked_return_type = "DocumentSummary[]")]
    pub fn documents(&self) -> Result<JsValue, JsError> {
        let summaries: Vec<_> = self.core.documents().iter().map(|d| d.summary()).collect();
        to_js(&summaries)
    }

    /// One document with its text and spans; throws for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "DocumentDetail")]
    pub fn document(&self, id: &str) -> Result<JsValue, JsError> {
        let document = self.core.document(id).map_err(to_js_error)?;
        to_js(&document.detail())
    }

    /// Corpus-wide counts.
    #[wasm_bindgen(unchecked_return_type = "CorpusStats")]
    pub fn stats(&self) -> Result<JsValue, JsError> {
        to_js(&self.core.stats())
    }

    /// Approximate bytes held, by part: `{text, documents, index}`.
    #[wasm_bindgen(unchecked_return_type = "MemoryUsage")]
    pub fn memory(&self) -> Result<JsValue, JsError> {
        to_js(&self.core.memory())
    }

    /// The records skipped while loading, with file and line.
    #[wasm_bindgen(unchecked_return_type = "LoadWarning[]")]
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(self.core.warnings())
    }
}

#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// Ranked search; throws on a malformed query, naming the position.
    #[wasm_bindgen(unchecked_return_type = "SearchResults")]
    pub fn search(
        &self,
        query: &str,
        #[wasm_bindgen(unchecked_param_type = "SearchOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let options = options_from(options)?;
        to_js(&self.core.search(query, &options).map_err(to_js_error)?)
    }

    /// Every match of a query with its left and right context.
    #[wasm_bindgen(unchecked_return_type = "Kwic")]
    pub fn kwic(
        &self,
        query: &str,
        #[wasm_bindgen(unchecked_param_type = "KwicOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let options = options_from(options)?;
        to_js(&self.core.kwic(query, &options).map_err(to_js_error)?)
    }

    /// The most frequent terms.
    #[wasm_bindgen(unchecked_return_type = "TermCount[]")]
    pub fn terms(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TermsOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let options = options_from(options)?;
        to_js(&self.core.terms(&options).map_err(to_js_error)?)
    }

    /// A query's occurrences per year, month or document.
    #[wasm_bindgen(js_name = termTrend, unchecked_return_type = "Trend")]
    pub fn term_trend(
        &self,
        query: &str,
        #[wasm_bindgen(unchecked_param_type = "TrendOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let options = options_from(options)?;
        to_js(&self.core.term_trend(query, &options).map_err(to_js_error)?)
    }
}

/// The size of the WebAssembly linear memory in bytes (it only grows).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() * 65536) as f64
}

fn to_js_error(error: crate::Error) -> JsError {
    JsError::new(&error.to_string())
}

/// Results cross as one JSON string parsed by the engine's `JSON.parse`:
/// measured on search results, several times faster than building the objects
/// field by field across the boundary, and plain data by construction.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("could not convert the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not convert the result to JSON"))
}

/// Fails with `what`, naming the JS type given, unless `value` is an array.
fn expect_array(value: &JsValue, what: &str) -> Result<(), JsError> {
    if js_sys::Array::is_array(value) {
        return Ok(());
    }
    let given = value.js_typeof().as_string().unwrap_or_default();
    let given = if value.is_null() {
        "null".to_string()
    } else {
        given
    };
    Err(JsError::new(&format!("{what}, got {given}")))
}

/// Reads an options object; `undefined` and `null` mean the defaults.
fn options_from<T: DeserializeOwned + Default>(value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() {
        return Err(JsError::new("options must be an object"));
    }
    // serde-wasm-bindgen reads only a struct's own fields, so unknown ones
    // would pass unnoticed: read every key first, then check them.
    let raw: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    serde_path_to_error::deserialize(raw).map_err(|e| {
        let message = e
            .inner()
            .to_string()
            .replace("unknown field", "unknown option");
        let path = e.path().to_string();
        if path == "." || message.starts_with("unknown option") {
            JsError::new(&message) // it names the option already
        } else {
            JsError::new(&format!("the option {path}: {message}"))
        }
    })
}
