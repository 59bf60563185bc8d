//! The files a caller hands over: a name and either text or the file's raw
//! bytes, which are decoded here, strictly, so that nothing is turned into
//! replacement characters without a word.

use serde_json::{Map, Value};

use super::FieldNames;
use crate::error::{Error, ErrorKind};

/// A file as a browser's file picker yields it: a name and its content.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The file name; its extension chooses the format.
    pub name: String,
    /// The text, or why the bytes given are not text: reported when the
    /// file is loaded, so that `skipInvalid` can skip it.
    text: Result<String, ErrorKind>,
    /// The encoding the bytes were decoded from; `None` for text.
    encoding: Option<&'static str>,
    /// The fields that hold this file's text, title, …, where the load's
    /// `fields` option would not do (a person chose them in the loader).
    fields: Option<FieldNames>,
}

impl SourceFile {
    /// A file with the given name and text.
    pub fn new(name: impl Into<String>, content: impl Into<String>) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: Ok(content.into()),
            encoding: None,
            fields: None,
        }
    }

    /// A file from its raw bytes: UTF-8, or UTF-16 with a byte-order mark
    /// (any byte-order mark is dropped). Bytes that are not valid in that
    /// encoding make the file unreadable, with the offset of the first.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> SourceFile {
        let name = name.into();
        let (text, encoding) = match decode(bytes) {
            Ok((text, encoding)) => (Ok(text), Some(encoding)),
            Err((encoding, offset)) => (
                Err(ErrorKind::NotText {
                    file: name.clone(),
                    encoding,
                    offset,
                }),
                Some(encoding),
            ),
        };
        SourceFile {
            name,
            text,
            encoding,
            fields: None,
        }
    }

    /// The file with its own field names (see [`SourceFile::fields`]).
    pub fn with_fields(mut self, fields: FieldNames) -> SourceFile {
        self.fields = Some(fields);
        self
    }

    /// The field names given for this file alone, which it is read with
    /// instead of the load's `fields` option.
    pub fn fields(&self) -> Option<&FieldNames> {
        self.fields.as_ref()
    }

    /// The encoding the file's bytes were decoded from (`UTF-8`, …), or
    /// `None` for a file given as text.
    pub fn encoding(&self) -> Option<&'static str> {
        self.encoding
    }

    /// The file's text.
    ///
    /// # Errors
    /// [`ErrorKind::NotText`] when the file was given as bytes that are not
    /// text in their encoding.
    pub fn text(&self) -> Result<&str, Error> {
        self.text.as_deref().map_err(|kind| kind.clone().into())
    }

    /// Files from `{name, content}` objects, as JavaScript hands them over.
    ///
    /// # Errors
    /// As for [`SourceFile::from_value`].
    pub fn from_values(values: Vec<Value>) -> Result<Vec<SourceFile>, Error> {
        values
            .into_iter()
            .enumerate()
            .map(|(i, value)| SourceFile::from_value(i + 1, value))
            .collect()
    }

    /// File `number` (from 1) from its `{name, content}` object.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] naming the file by its number and,
    /// where it has one, its name: `file 2 ("notes.txt") has no "content"`.
    pub fn from_value(number: usize, value: Value) -> Result<SourceFile, Error> {
        let Value::Object(mut fields) = value else {
            return Err(refuse(format!(
                "file {number} is {}, not an object",
                super::describe(&value)
            )));
        };
        let name = checked_name(number, fields.remove("name"))?;
        let content = file_content(number, &name, &mut fields)?;
        let file = SourceFile::new(name, content);
        match fields.remove("fields") {
            None | Some(Value::Null) => Ok(file),
            Some(given) => {
                let names = file_fields(number, &file.name, given)?;
                Ok(file.with_fields(names))
            }
        }
    }
}

fn refuse(what: String) -> Error {
    ErrorKind::InvalidArgument {
        message: format!("load expects {{name, content}} or {{name, bytes}} files: {what}"),
    }
    .into()
}

/// File `number`'s `name`: a string.
///
/// # Errors
/// [`ErrorKind::InvalidArgument`] when it has none or it is not a string.
pub(crate) fn checked_name(number: usize, name: Option<Value>) -> Result<String, Error> {
    match name {
        Some(Value::String(name)) => Ok(name),
        None | Some(Value::Null) => Err(refuse(format!("file {number} has no \"name\""))),
        Some(other) => Err(refuse(format!(
            "the \"name\" of file {number} is {}, not a string",
            super::describe(&other)
        ))),
    }
}

/// File `number`'s own `fields`: `{text: "summary", …}`.
///
/// # Errors
/// [`ErrorKind::InvalidArgument`] naming the file and what is wrong.
pub(crate) fn file_fields(number: usize, name: &str, given: Value) -> Result<FieldNames, Error> {
    serde_path_to_error::deserialize(given).map_err(|e| {
        let path = e.path().to_string();
        let place = if path == "." {
            String::new()
        } else {
            format!(".{path}")
        };
        refuse(format!(
            "the \"fields{place}\" of file {number} ({name:?}): {}",
            e.inner()
        ))
    })
}

fn file_content(
    number: usize,
    name: &str,
    fields: &mut Map<String, Value>,
) -> Result<String, Error> {
    match fields.remove("content") {
        Some(Value::String(content)) => Ok(content),
        None | Some(Value::Null) => Err(refuse(format!(
            "file {number} ({name:?}) has no \"content\" or \"bytes\""
        ))),
        Some(other) => Err(refuse(format!(
            "the \"content\" of file {number} ({name:?}) is {}, not a string",
            super::describe(&other)
        ))),
    }
}

/// The text of `bytes`, or the encoding it claimed and the byte offset
/// where it stops being valid.
fn decode(bytes: Vec<u8>) -> Result<(String, &'static str), (&'static str, usize)> {
    match bytes.as_slice() {
        [0xff, 0xfe, rest @ ..] => {
            utf16(rest, u16::from_le_bytes, "UTF-16LE").map(|t| (t, "UTF-16LE"))
        }
        [0xfe, 0xff, rest @ ..] => {
            utf16(rest, u16::from_be_bytes, "UTF-16BE").map(|t| (t, "UTF-16BE"))
        }
        _ => {
            let bom = if bytes.starts_with(b"\xef\xbb\xbf") {
                3
            } else {
                0
            };
            let mut text =
                String::from_utf8(bytes).map_err(|e| ("UTF-8", e.utf8_error().valid_up_to()))?;
            text.drain(..bom);
            Ok((text, "UTF-8"))
        }
    }
}

fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    encoding: &'static str,
) -> Result<String, (&'static str, usize)> {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let mut text = String::with_capacity(bytes.len());
    // Offsets count the byte-order mark's two bytes, as the file does.
    let mut at = 2;
    for decoded in char::decode_utf16(pairs.map(|pair| unit([pair[0], pair[1]]))) {
        let c = decoded.map_err(|_| (encoding, at))?;
        at += 2 * c.len_utf16();
        text.push(c);
    }
    if odd {
        return Err((encoding, at));
    }
    Ok(text)
}
