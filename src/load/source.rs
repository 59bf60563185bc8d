//! The files a caller hands over: a name and either text, the file's raw
//! bytes (decoded here, strictly, so that nothing is turned into
//! replacement characters without a word), or what corpus-lens' readers
//! module made of a file the engine does not read itself: its records, its
//! decoded text, or why it could not be read, with the reader's warnings.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::FieldNames;
use crate::error::{Error, ErrorKind};

/// A file as a browser's file picker yields it: a name and its content.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The file name; its extension chooses the format of its text.
    pub name: String,
    /// What it holds, or why it cannot be read: reported when the file is
    /// loaded, so that `skipInvalid` can skip it.
    body: Result<Body, ErrorKind>,
    /// The encoding the bytes were decoded from; `None` for text.
    encoding: Option<String>,
    /// The fields that hold this file's text, title, …, where the load's
    /// `fields` option would not do (a person chose them in the loader).
    fields: Option<FieldNames>,
    /// The folder an archive held it in, kept by each of its documents.
    folder: Option<String>,
    /// What the reader that read it replaced or left out.
    notices: Vec<Notice>,
}

/// What a file holds.
#[derive(Clone, Debug)]
pub(crate) enum Body {
    /// Text in the format its extension names.
    Text(String),
    /// Records already read from it, one a document.
    Records(Vec<Value>),
}

/// Something a reader replaced or left out while reading a file: a warning
/// of the load that names the file.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Its kind (`replaced-bytes`, `skipped-item`, …).
    pub kind: String,
    /// What happened, and where in the file.
    pub message: String,
}

impl SourceFile {
    /// A file with the given name and text.
    pub fn new(name: impl Into<String>, content: impl Into<String>) -> SourceFile {
        SourceFile::with_body(name.into(), Ok(Body::Text(content.into())))
    }

    /// A file whose records were read already (by a reader of a format the
    /// engine does not read itself: a web page, a feed, a Word document).
    pub fn from_records(name: impl Into<String>, records: Vec<Value>) -> SourceFile {
        SourceFile::with_body(name.into(), Ok(Body::Records(records)))
    }

    /// A file a reader could not read: of a type no reader reads (`kind`
    /// `unsupported-file`), or for the reason `message` gives (without the
    /// file's name). Loading it is an error, or with `skipInvalid` a warning.
    pub fn unreadable(
        name: impl Into<String>,
        kind: &str,
        message: impl Into<String>,
    ) -> SourceFile {
        let name = name.into();
        let file = name.clone();
        let kind = match kind {
            "unsupported-file" => ErrorKind::UnsupportedFile { file },
            _ => ErrorKind::UnreadableFile {
                file,
                message: message.into(),
            },
        };
        SourceFile::with_body(name, Err(kind))
    }

    fn with_body(name: String, body: Result<Body, ErrorKind>) -> SourceFile {
        SourceFile {
            name,
            body,
            encoding: None,
            fields: None,
            folder: None,
            notices: Vec::new(),
        }
    }

    /// A file from its raw bytes: UTF-8, or UTF-16 with a byte-order mark
    /// (any byte-order mark is dropped). Bytes that are not valid in that
    /// encoding make the file unreadable, with the offset of the first.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> SourceFile {
        let name = name.into();
        let (body, encoding) = match decode(bytes) {
            Ok((text, encoding)) => (Ok(Body::Text(text)), encoding),
            Err((encoding, offset)) => (
                Err(ErrorKind::NotText {
                    file: name.clone(),
                    encoding,
                    offset,
                }),
                encoding,
            ),
        };
        SourceFile::with_body(name, body).with_encoding(encoding)
    }

    /// The file with its own field names (see [`SourceFile::fields`]).
    pub fn with_fields(mut self, fields: FieldNames) -> SourceFile {
        self.fields = Some(fields);
        self
    }

    /// The file as decoded from `encoding` (reported by [`crate::Corpus::sources`]).
    pub fn with_encoding(mut self, encoding: impl Into<String>) -> SourceFile {
        self.encoding = Some(encoding.into());
        self
    }

    /// The file as found in `folder` of an archive: each of its documents
    /// keeps it as its `folder` field, unless it has one of its own.
    pub fn with_folder(mut self, folder: impl Into<String>) -> SourceFile {
        self.folder = Some(folder.into());
        self
    }

    /// The file with what its reader replaced or left out, each a warning
    /// of the load.
    pub fn with_notices(mut self, notices: Vec<Notice>) -> SourceFile {
        self.notices = notices;
        self
    }

    /// The field names given for this file alone, which it is read with
    /// instead of the load's `fields` option.
    pub fn fields(&self) -> Option<&FieldNames> {
        self.fields.as_ref()
    }

    /// The encoding the file's bytes were decoded from (`UTF-8`, …), or
    /// `None` for a file given as text.
    pub fn encoding(&self) -> Option<&str> {
        self.encoding.as_deref()
    }

    /// The folder an archive held the file in.
    pub fn folder(&self) -> Option<&str> {
        self.folder.as_deref()
    }

    /// What the file's reader replaced or left out.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The file's text.
    ///
    /// # Errors
    /// [`ErrorKind::NotText`] when the file was given as bytes that are not
    /// text in their encoding, [`ErrorKind::UnreadableFile`] when a reader
    /// could not read it, and [`ErrorKind::InvalidArgument`] when it was
    /// given as records.
    pub fn text(&self) -> Result<&str, Error> {
        match self.body()? {
            Body::Text(text) => Ok(text),
            Body::Records(_) => Err(ErrorKind::InvalidArgument {
                message: format!("{}: was given as records, not as text", self.name),
            }
            .into()),
        }
    }

    /// What the file holds.
    pub(crate) fn body(&self) -> Result<&Body, Error> {
        self.body.as_ref().map_err(|kind| kind.clone().into())
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

    /// File `number` (from 1) from its object: `{name, content}`, or what the
    /// readers module gives, `{name, records | content | failure, encoding?,
    /// folder?, warnings?}`, each with optional `fields`.
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
        let file = file_body(number, &name, &mut fields)?;
        described(number, file, fields)
    }
}

/// `file` with the `encoding`, `folder`, `warnings` and `fields` its object
/// gives, which may give nothing else.
fn described(
    number: usize,
    mut file: SourceFile,
    mut rest: Map<String, Value>,
) -> Result<SourceFile, Error> {
    let name = file.name.clone();
    if let Some(encoding) = optional_string(number, &name, &mut rest, "encoding")? {
        file = file.with_encoding(encoding);
    }
    if let Some(folder) = optional_string(number, &name, &mut rest, "folder")? {
        file = file.with_folder(folder);
    }
    if let Some(warnings) = rest.remove("warnings").filter(|v| !v.is_null()) {
        let notices = serde_path_to_error::deserialize(warnings)
            .map_err(|e| refuse(format!("the \"warnings\" of file {number} ({name:?}): {e}")))?;
        file = file.with_notices(notices);
    }
    if let Some(given) = rest.remove("fields").filter(|v| !v.is_null()) {
        file = file.with_fields(file_fields(number, &name, given)?);
    }
    match rest.keys().next() {
        Some(key) => Err(refuse(format!(
            "file {number} ({name:?}) has an unknown field {key:?} (a file has name, content or bytes or records or failure, \
             and may have encoding, folder, warnings and fields)"
        ))),
        None => Ok(file),
    }
}

fn optional_string(
    number: usize,
    name: &str,
    fields: &mut Map<String, Value>,
    key: &str,
) -> Result<Option<String>, Error> {
    match fields.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(other) => Err(refuse(format!(
            "the {key:?} of file {number} ({name:?}) is {}, not a string",
            super::describe(&other)
        ))),
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

/// A reader's failure's `kind`, or none.
fn failure_kind(failure: &Map<String, Value>) -> String {
    failure
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The file's `content`, `records` or `failure`: exactly one of them.
fn file_body(
    number: usize,
    name: &str,
    fields: &mut Map<String, Value>,
) -> Result<SourceFile, Error> {
    let given: Vec<(&str, Value)> = ["content", "records", "failure"]
        .into_iter()
        .filter_map(|key| {
            fields
                .remove(key)
                .filter(|v| !v.is_null())
                .map(|v| (key, v))
        })
        .collect();
    let count = given.len();
    let Some((key, value)) = given.into_iter().next().filter(|_| count == 1) else {
        let what = if count == 0 {
            "has no"
        } else {
            "has more than one of"
        };
        return Err(refuse(format!(
            "file {number} ({name:?}) {what} \"content\", \"bytes\", \"records\" or \"failure\""
        )));
    };
    match (key, value) {
        ("content", Value::String(content)) => Ok(SourceFile::new(name, content)),
        ("records", Value::Array(records)) => Ok(SourceFile::from_records(name, records)),
        ("failure", Value::Object(mut failure)) => match failure.remove("message") {
            Some(Value::String(message)) => Ok(SourceFile::unreadable(
                name,
                &failure_kind(&failure),
                message,
            )),
            _ => Err(refuse(format!(
                "the \"failure\" of file {number} ({name:?}) has no \"message\" string"
            ))),
        },
        (key, other) => Err(refuse(format!(
            "the {key:?} of file {number} ({name:?}) is {}, not {}",
            super::describe(&other),
            match key {
                "content" => "a string",
                "records" => "an array",
                _ => "an object",
            }
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
