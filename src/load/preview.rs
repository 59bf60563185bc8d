//! A file's first records as a table, for a person to choose which of its
//! fields holds the text when none has a name read as the text.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{delimited, format_of, read_file, FieldNames, Format, Role, SourceFile};
use crate::error::Error;

/// The first records of a file as a table, for a person to choose which
/// field holds the text: every field met, in the order met, and each
/// record's values as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Preview {
    /// Every field of the records shown.
    pub columns: Vec<String>,
    /// The one a load reads as the text by default (`body`, …), if any.
    pub text: Option<String>,
    /// Each record's value of each column, cut to 200 characters ("" where
    /// it has none).
    pub rows: Vec<Vec<String>>,
}

/// The first `rows` readable records of `file` (see [`Preview`]).
///
/// # Errors
/// What stops the file being read at all (not text, an unsupported type, a
/// syntax error before any record), as [`crate::Corpus::load`] says it.
pub fn preview_file(file: &SourceFile, rows: usize) -> Result<Preview, Error> {
    const CELL: usize = 200;
    let mut columns: Vec<String> = Vec::new();
    let mut records: Vec<Map<String, Value>> = Vec::new();
    let mut first_error = None;
    for record in read_file(file, None).take(rows.saturating_mul(10).max(1)) {
        match record {
            Ok(record) => {
                for key in record.fields.keys() {
                    if !columns.contains(key) {
                        columns.push(key.clone());
                    }
                }
                records.push(record.fields);
                if records.len() == rows {
                    break;
                }
            }
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    if let (true, Some(error)) = (records.is_empty(), first_error) {
        return Err(error);
    }
    // A header's columns in its own order (a record's fields are sorted).
    if let (Some(format @ (Format::Csv | Format::Tsv)), Ok(text)) =
        (format_of(&file.name), file.text())
    {
        let header = delimited::header(text, format.delimiter());
        columns.sort_by_key(|c| header.iter().position(|h| h == c));
    }
    let cell = |value: Option<&Value>| {
        let text = match value {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
        };
        text.chars().take(CELL).collect()
    };
    let rows = records
        .iter()
        .map(|record| columns.iter().map(|c| cell(record.get(c))).collect())
        .collect();
    let keys: Vec<&str> = columns.iter().map(String::as_str).collect();
    let text = FieldNames::default()
        .key_for(Role::Text, &keys)
        .map(str::to_string);
    Ok(Preview {
        columns,
        text,
        rows,
    })
}
