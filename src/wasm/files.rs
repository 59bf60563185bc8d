//! The files `Corpus.load` receives: `{name, content}` (text) or
//! `{name, bytes}` (a `Uint8Array`, decoded by the engine), and the memory
//! they will need, asked of the browser before any is copied in.

use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::load::{checked_name, file_fields};
use crate::{FieldNames, SourceFile};

use super::{invalid_argument, thrown, to_js_error, JsResult};

/// The memory a load of bytes needs at its peak, per byte of its files:
/// the files, the documents' text and the index as it is built. Measured
/// in a build without this reservation (README, "Reliability"): 2.14 times
/// on 24 MB of the SOTU addresses as JSON Lines, CSV or Markdown articles,
/// 2.49 times on 50 MB of 5 KB articles, 3.34 times for a text file that is
/// one long document, whose sentences and spans are built in one piece.
const PEAK_PER_BYTE: f64 = 2.5;
const PEAK_PER_BYTE_OF_ONE_TEXT: f64 = 3.5;

/// A string passes through a buffer of three bytes per UTF-16 unit on its
/// way in, freed before the load's own peak.
const PEAK_PER_UNIT: f64 = 3.0;

/// Reserved a piece at a time: one allocation may not pass `isize::MAX`.
const PROBE_PIECE: usize = 1 << 28;

/// The files of `Corpus.load`, checked one by one.
pub(super) fn source_files(files: &Array) -> JsResult<Vec<SourceFile>> {
    files
        .iter()
        .enumerate()
        .map(|(i, file)| match bytes_of(&file) {
            Some(bytes) => {
                let name = file_name_of(i + 1, &file)?;
                let fields = fields_of(i + 1, &name, &file)?;
                let source = SourceFile::from_bytes(name, bytes.to_vec());
                Ok(match fields {
                    Some(fields) => source.with_fields(fields),
                    None => source,
                })
            }
            None => {
                let value = serde_wasm_bindgen::from_value(file).map_err(|e| {
                    invalid_argument(&format!("load could not read file {}: {e}", i + 1))
                })?;
                SourceFile::from_value(i + 1, value).map_err(to_js_error)
            }
        })
        .collect()
}

/// Refuses files whose load would need more memory than the browser will
/// give this module, before copying any in, so that the module (and the
/// corpus already open in it) is never left half-allocated. The memory
/// reserved to find out is free again for the load itself.
pub(super) fn reserve_memory(files: &Array) -> JsResult<()> {
    let size: f64 = files.iter().map(|file| size_of(&file)).sum();
    let needed: f64 = files.iter().map(|file| peak_of(&file)).sum();
    let refuse = || {
        thrown(
            "too-large",
            &format!(
                "the files are too large to load here: {} of files need about {} of memory while they load, \
                 and the browser gives this page no more (it holds {} already); load fewer or smaller files",
                megabytes(size),
                megabytes(needed),
                megabytes(super::wasm_memory_bytes()),
            ),
        )
    };
    // Past what a wasm32 address can count, it cannot be had at all.
    if needed >= usize::MAX as f64 {
        return Err(refuse());
    }
    let mut left = needed.ceil() as usize;
    // Room for every piece first: nothing may be allocated once memory is full.
    let mut held: Vec<Vec<u8>> = Vec::with_capacity(left.div_ceil(PROBE_PIECE));
    while left > 0 {
        let piece = left.min(PROBE_PIECE);
        let mut block = Vec::new();
        if block.try_reserve_exact(piece).is_err() {
            // Freed before the message is written, which needs memory too.
            drop(held);
            return Err(refuse());
        }
        held.push(block);
        left -= piece;
    }
    Ok(())
}

fn megabytes(bytes: f64) -> String {
    format!("{:.0} MB", bytes / 1e6)
}

/// A file's `bytes`, when it has them as a `Uint8Array`.
fn bytes_of(file: &JsValue) -> Option<Uint8Array> {
    if !file.is_object() {
        return None;
    }
    Reflect::get(file, &JsValue::from_str("bytes"))
        .ok()?
        .dyn_into::<Uint8Array>()
        .ok()
}

/// How much a file brings in: the length of its `bytes`, or the UTF-16
/// units of its `content`.
fn size_of(file: &JsValue) -> f64 {
    if let Some(bytes) = bytes_of(file) {
        return f64::from(bytes.length());
    }
    content_of(file).map_or(0.0, |content| f64::from(content.length()))
}

/// The memory a file's load needs at its peak.
fn peak_of(file: &JsValue) -> f64 {
    let Some(bytes) = bytes_of(file) else {
        return PEAK_PER_UNIT * size_of(file);
    };
    let name = Reflect::get(file, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    let per_byte = match crate::load::format_of(&name) {
        Some(crate::load::Format::Articles) => PEAK_PER_BYTE_OF_ONE_TEXT,
        _ => PEAK_PER_BYTE,
    };
    per_byte * f64::from(bytes.length())
}

fn content_of(file: &JsValue) -> Option<JsString> {
    if !file.is_object() {
        return None;
    }
    Reflect::get(file, &JsValue::from_str("content"))
        .ok()
        .and_then(|content| content.dyn_into::<JsString>().ok())
}

/// A file's own `fields`, if it has them.
fn fields_of(number: usize, name: &str, file: &JsValue) -> JsResult<Option<FieldNames>> {
    let given = Reflect::get(file, &JsValue::from_str("fields")).unwrap_or(JsValue::UNDEFINED);
    if given.is_undefined() || given.is_null() {
        return Ok(None);
    }
    let value: serde_json::Value = serde_wasm_bindgen::from_value(given).map_err(|e| {
        invalid_argument(&format!(
            "load could not read the fields of file {number}: {e}"
        ))
    })?;
    file_fields(number, name, value)
        .map(Some)
        .map_err(to_js_error)
}

fn file_name_of(number: usize, file: &JsValue) -> JsResult<String> {
    let name = Reflect::get(file, &JsValue::from_str("name")).unwrap_or(JsValue::UNDEFINED);
    let name = serde_wasm_bindgen::from_value(name).ok();
    checked_name(number, name).map_err(to_js_error)
}
