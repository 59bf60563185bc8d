//! Option objects and alias tables read from JavaScript: a value of the
//! wrong shape is an error that names the option, or the place in the
//! table, in the words of the core's own messages.

use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use super::{invalid_argument, JsResult};

/// Reads an options object; `undefined` and `null` mean the defaults.
///
/// Hence every options parameter but `keyness`'s is declared with
/// `unchecked_optional_param_type`: the generated `.d.ts` then lets a
/// TypeScript caller leave it out, as the README's examples do.
pub(super) fn options_from<T: DeserializeOwned + Default>(value: JsValue) -> JsResult<T> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() {
        return Err(invalid_argument("options must be an object"));
    }
    // serde-wasm-bindgen reads only a struct's own fields, so unknown ones
    // would pass unnoticed: read every key first, then check them.
    let raw: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| invalid_argument(&format!("invalid options: {e}")))?;
    serde_path_to_error::deserialize(raw).map_err(|e| {
        let message = e
            .inner()
            .to_string()
            .replace("unknown field", "unknown option");
        let path = e.path().to_string();
        // An unknown option at the top names itself; one inside an option
        // (`facets: {entites}`) needs the option it is in.
        let (parent, last) = path.rsplit_once('.').unwrap_or(("", &path));
        let names_itself = message.starts_with(&format!("unknown option `{last}`"));
        if path == "." || (names_itself && parent.is_empty()) {
            invalid_argument(&message)
        } else if names_itself {
            invalid_argument(&format!("the option {parent}: {message}"))
        } else {
            invalid_argument(&crate::options::refused(&path, &message))
        }
    })
}

/// An alias table, or its entries, read from JavaScript; a value of the
/// wrong shape is an error saying where, as `label(path)` words it.
pub(super) fn table_from<T: DeserializeOwned>(
    table: JsValue,
    label: impl Fn(&serde_path_to_error::Path) -> String,
) -> JsResult<T> {
    let raw: serde_json::Value = serde_wasm_bindgen::from_value(table)
        .map_err(|e| invalid_argument(&format!("invalid alias table: {e}")))?;
    serde_path_to_error::deserialize(raw)
        .map_err(|e| invalid_argument(&format!("{}: {}", label(e.path()), e.inner())))
}

/// Where in a whole alias table a bad value is, in the words of the core's
/// own messages: `alias table type override 2 (to)`; `alias table` for the
/// table itself (an unknown list).
pub(super) fn table_path(path: &serde_path_to_error::Path) -> String {
    let mut segments = path.iter();
    let list = match segments.next() {
        Some(serde_path_to_error::Segment::Map { key }) => key.clone(),
        _ => return "alias table".to_string(),
    };
    let name = match list.as_str() {
        "entries" => "entry",
        "types" => "type override",
        "notEntities" => "non-entity",
        "reviewed" => "reviewed entity",
        // An unknown list: the table itself is at fault ("unknown field").
        _ => return "alias table".to_string(),
    };
    let rest: Vec<&serde_path_to_error::Segment> = segments.collect();
    match rest.split_first() {
        None => format!("alias table {list}"),
        Some((serde_path_to_error::Segment::Seq { index }, field)) => {
            let field: Vec<String> = field.iter().map(|s| s.to_string()).collect();
            let at = format!("alias table {name} {}", index + 1);
            if field.is_empty() {
                at
            } else {
                format!("{at} ({})", field.join("."))
            }
        }
        Some(_) => format!("alias table {list}"),
    }
}

/// "3 (type)" for the path "[2].type": entries count from 1, like the core's messages.
pub(super) fn entry_path(path: &serde_path_to_error::Path) -> String {
    let mut segments = path.iter();
    let entry = match segments.next() {
        Some(serde_path_to_error::Segment::Seq { index }) => (index + 1).to_string(),
        _ => "?".to_string(),
    };
    let field: Vec<String> = segments.map(|s| s.to_string()).collect();
    if field.is_empty() {
        entry
    } else {
        format!("{entry} ({})", field.join("."))
    }
}
