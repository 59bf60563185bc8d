//! The module's one export to JavaScript.

use js_sys::Uint8Array;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Reads the file called `name` from its `bytes`: an array of
/// `{name, folder?, encoding?, content | records | failure, warnings}`,
/// one for the file or one for each member of an archive, which
/// `Corpus.load` takes as its files.
#[wasm_bindgen(js_name = readFile)]
pub fn read_file(name: &str, bytes: &Uint8Array) -> Result<JsValue, JsError> {
    let read = crate::read(name, &bytes.to_vec());
    // Plain objects, and a PDF left for the build with PDF as a Uint8Array.
    let serializer =
        serde_wasm_bindgen::Serializer::json_compatible().serialize_bytes_as_arrays(false);
    read.serialize(&serializer)
        .map_err(|e| JsError::new(&format!("readFile({name:?}): {e}")))
}
