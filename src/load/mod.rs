//! Reading users' files into records: plain text and Markdown, JSON, JSON
//! Lines, CSV and TSV.
//!
//! Each reader yields one `Result<Record, Error>` per record, so a bad record
//! can be reported (or skipped, with a warning) without losing the others.

use std::sync::OnceLock;

use regex_lite::Regex;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::dates::DateOrder;
use crate::document::DocumentFields;
use crate::error::{Error, ErrorKind, Location};

/// The file name that [`Location`]s of in-memory records carry (their
/// `line` is the record number).
pub const IN_MEMORY: &str = "documents";

/// Options for [`crate::Corpus::load`] and [`crate::Corpus::from_records`].
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct LoadOptions {
    /// `false` (the default): the first bad record or file is an error.
    /// `true`: bad records and files are skipped and listed in
    /// `warnings()`; the good ones are kept.
    pub skip_invalid: bool,
    /// The fields that hold the text, title, date, publication and author,
    /// where their names are none of those recognised.
    pub fields: FieldNames,
    /// The order of numeric dates such as `03/04/2005`, which without it
    /// are refused when they could be read both ways.
    pub date_order: Option<DateOrder>,
}

/// One record read from a file: its fields and where it starts.
#[derive(Clone, Debug)]
pub struct Record {
    at: Location,
    fields: Map<String, Value>,
    /// The id to give the document if the record has none (made unique later).
    id_hint: String,
}

/// A document's fields, its own id if it has one, and where it came from.
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    pub id: Option<String>,
    pub id_hint: String,
    pub at: Location,
    pub fields: DocumentFields,
    /// The record's key that played each role it had.
    pub roles: Vec<(Role, String)>,
}

/// The records of one file, read lazily.
pub(crate) type Records<'a> = Box<dyn Iterator<Item = Result<Record, Error>> + 'a>;

/// The records of `file`, its format chosen by its extension. A CSV or TSV
/// file without a column for the text (by `names`) is an error, unless
/// `names` is `None` (for a preview).
pub(crate) fn read_file<'a>(file: &'a SourceFile, names: Option<&FieldNames>) -> Records<'a> {
    let records = match file.body() {
        Ok(Body::Text(text)) => read_text(file, text, names),
        // One record (a web page, a Word document) takes the file's name as its id, as a text file does.
        Ok(Body::Records(records)) if records.len() == 1 => {
            Box::new(records.iter().map(|record| {
                record_from_value(
                    record.clone(),
                    record_at(&file.name, 1),
                    file_stem(&file.name).to_string(),
                )
            }))
        }
        Ok(Body::Records(records)) => read_values(&file.name, records.iter().cloned()),
        Err(error) => return Box::new(std::iter::once(Err(error))),
    };
    match file.folder() {
        None => records,
        Some(folder) => Box::new(records.map(move |record| record.map(|r| r.in_folder(folder)))),
    }
}

impl Record {
    /// The record with `folder` as its `folder` field, unless it has one.
    fn in_folder(mut self, folder: &str) -> Record {
        self.fields
            .entry("folder")
            .or_insert_with(|| Value::String(folder.to_string()));
        self
    }
}

/// The records of a file's `text`, in the format its name's extension names.
fn read_text<'a>(file: &'a SourceFile, text: &'a str, names: Option<&FieldNames>) -> Records<'a> {
    let content = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(format) = format_of(&file.name) else {
        return one_error(ErrorKind::UnsupportedFile {
            file: file.name.clone(),
        });
    };
    match format {
        Format::Articles => read_articles(&file.name, content),
        Format::Json => read_json(&file.name, content),
        Format::JsonLines => read_json_lines(&file.name, content),
        Format::Csv | Format::Tsv => {
            delimited::read_delimited(&file.name, content, format.delimiter(), names)
        }
    }
}

/// The formats a file name's extension chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// `.txt`, `.md`, `.markdown`: articles under `Publication:` headers, or one text.
    Articles,
    /// `.json`: an array of records.
    Json,
    /// `.jsonl`, `.ndjson`: a record a line.
    JsonLines,
    /// `.csv`.
    Csv,
    /// `.tsv`, `.tab`.
    Tsv,
}

impl Format {
    /// The field delimiter of a CSV (`,`) or TSV (tab) file.
    fn delimiter(self) -> u8 {
        if self == Format::Tsv {
            b'\t'
        } else {
            b','
        }
    }
}

/// The format of the file called `name`, by its extension, if supported.
pub(crate) fn format_of(name: &str) -> Option<Format> {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    Some(match extension.as_str() {
        "txt" | "md" | "markdown" => Format::Articles,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        "csv" => Format::Csv,
        "tsv" | "tab" => Format::Tsv,
        _ => return None,
    })
}

fn one_error<'a>(kind: ErrorKind) -> Records<'a> {
    Box::new(std::iter::once(Err(kind.into())))
}

fn at(file: &str, line: usize) -> Location {
    Location {
        file: file.to_string(),
        line,
        column: None,
        record: false,
    }
}

/// Records given in memory (`{id, title, text, …}` objects), as `file`
/// (`documents` for [`crate::Corpus::from_records`]), which locations name
/// with each record's number.
pub(crate) fn read_values<'a>(
    file: &'a str,
    values: impl Iterator<Item = Value> + 'a,
) -> Records<'a> {
    let hint = if file == IN_MEMORY {
        "doc"
    } else {
        file_stem(file)
    };
    Box::new(values.enumerate().map(move |(i, value)| {
        record_from_value(value, record_at(file, i + 1), format!("{hint}-{}", i + 1))
    }))
}

/// The location of the `record`-th (1-based) record given as a value.
pub(crate) fn record_at(file: &str, record: usize) -> Location {
    Location {
        file: file.to_string(),
        line: record,
        column: None,
        record: true,
    }
}

/// A plain-text or Markdown file: one document, or one per `Publication:` header.
fn read_articles<'a>(name: &'a str, content: &'a str) -> Records<'a> {
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for (i, line) in content.split_inclusive('\n').enumerate() {
        if line.starts_with("Publication:") {
            starts.push((offset, i + 1));
        }
        offset += line.len();
    }
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let first = starts.first().map_or(content.len(), |&(offset, _)| offset);
    if !content[..first].trim().is_empty() || starts.is_empty() {
        pieces.push((1, &content[..first]));
    }
    for (k, &(offset, line)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(content.len(), |&(next, _)| next);
        pieces.push((line, &content[offset..end]));
    }
    let single = pieces.len() == 1;
    Box::new(
        pieces
            .into_iter()
            .enumerate()
            .map(move |(k, (line, piece))| {
                let id_hint = if single {
                    file_stem(name).to_string()
                } else {
                    format!("{}-{}", file_stem(name), k + 1)
                };
                article(name, line, piece, id_hint)
            }),
    )
}

/// The file name without folders and extension: `2001/kono.txt` → `kono`.
fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(stem, _)| stem)
}

/// The id hint of the record at `line` of a multi-record file: `speeches-12`.
fn line_hint(name: &str, line: usize) -> String {
    format!("{}-{line}", file_stem(name))
}

fn article(name: &str, line: usize, piece: &str, id_hint: String) -> Result<Record, Error> {
    let mut fields = Map::new();
    let (first_line, rest) = piece.split_once('\n').unwrap_or((piece, ""));
    let body = if first_line.starts_with("Publication:") {
        parse_header(first_line.trim_end(), &mut fields).map_err(|message| {
            Error::from(ErrorKind::InvalidRecord {
                at: at(name, line),
                message,
            })
        })?;
        rest
    } else {
        piece
    };
    if let Some(heading) = markdown_title(name, body) {
        fields.insert("title".into(), Value::String(heading));
    }
    fields.insert(
        "text".into(),
        Value::String(body.trim_start_matches(['\n', '\r']).to_string()),
    );
    Ok(Record {
        at: at(name, line),
        fields,
        id_hint,
    })
}

/// Parses `Publication: <name> Volume: <n> Issue: <n>` into fields.
fn parse_header(line: &str, fields: &mut Map<String, Value>) -> Result<(), String> {
    static HEADER: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = HEADER.get_or_init(|| {
        Regex::new(r"^Publication:[ \t]*(.+?)(?:[ \t]+Volume:[ \t]*([0-9]+))?(?:[ \t]+Issue:[ \t]*([0-9]+))?[ \t]*$").ok()
    });
    let malformed = || {
        format!("malformed header {line:?}: expected \"Publication: <name> Volume: <number> Issue: <number>\"")
    };
    let captures = pattern
        .as_ref()
        .and_then(|p| p.captures(line))
        .ok_or_else(malformed)?;
    let publication = captures.get(1).map_or("", |m| m.as_str());
    if publication.contains("Volume:") || publication.contains("Issue:") {
        return Err(malformed());
    }
    fields.insert("publication".into(), Value::String(publication.to_string()));
    for (group, key) in [(2, "volume"), (3, "issue")] {
        if let Some(number) = captures.get(group) {
            fields.insert(key.into(), Value::String(number.as_str().to_string()));
        }
    }
    Ok(())
}

/// The text of a leading `# Heading` in a Markdown file.
fn markdown_title(name: &str, body: &str) -> Option<String> {
    if !name.to_ascii_lowercase().ends_with(".md")
        && !name.to_ascii_lowercase().ends_with(".markdown")
    {
        return None;
    }
    let first = body.lines().find(|line| !line.trim().is_empty())?;
    let heading = first.strip_prefix("# ")?.trim();
    (!heading.is_empty()).then(|| heading.to_string())
}

/// A JSON file: an array of documents, or an object with a `documents` array.
fn read_json<'a>(name: &'a str, content: &'a str) -> Records<'a> {
    #[derive(Deserialize)]
    struct Wrapped<'c> {
        #[serde(borrow)]
        documents: Vec<&'c RawValue>,
    }
    let parsed = if content.trim_start().starts_with('{') {
        serde_json::from_str::<Wrapped<'_>>(content).map(|w| w.documents)
    } else {
        serde_json::from_str::<Vec<&RawValue>>(content)
    };
    let raws = match parsed {
        Ok(raws) => raws,
        Err(error) => return Box::new(std::iter::once(Err(json_error(name, content, 0, &error)))),
    };
    let mut lines = LineCounter::new(content);
    Box::new(raws.into_iter().map(move |raw| {
        let offset = raw.get().as_ptr() as usize - content.as_ptr() as usize;
        let line = lines.line_at(offset);
        let value = serde_json::from_str::<Value>(raw.get())
            .map_err(|e| json_error(name, content, offset, &e))?;
        record_from_value(value, at(name, line), line_hint(name, line))
    }))
}

/// A JSON Lines file: one document object a line; blank lines are ignored.
fn read_json_lines<'a>(name: &'a str, content: &'a str) -> Records<'a> {
    let lines = content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty());
    Box::new(lines.map(move |(i, line)| {
        let value = serde_json::from_str::<Value>(line).map_err(|e| {
            Error::from(ErrorKind::Syntax {
                at: Location {
                    file: name.to_string(),
                    line: i + 1,
                    column: Some(char_column(line, e.column())),
                    record: false,
                },
                // A record broken over lines (a raw line break in a string)
                // fails here on its first line, not merged with the next.
                message: if e.is_eof() {
                    "invalid JSON: the line ends before the record does; a JSON Lines \
                     record is one line (write a line break inside a string as \\n)"
                        .to_string()
                } else {
                    json_message(&e)
                },
            })
        })?;
        record_from_value(value, at(name, i + 1), line_hint(name, i + 1))
    }))
}

/// Converts a serde_json error at `base` bytes into the file into ours.
fn json_error(name: &str, content: &str, base: usize, error: &serde_json::Error) -> Error {
    let base_line = content
        .get(..base)
        .map_or(0, |head| head.matches('\n').count());
    let line = base_line + error.line();
    let line_text = content.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let column = if error.line() == 1 {
        let line_start = content
            .get(..base)
            .map_or(0, |head| head.rfind('\n').map_or(0, |i| i + 1));
        char_column(line_text, base - line_start + error.column())
    } else {
        char_column(line_text, error.column())
    };
    ErrorKind::Syntax {
        at: Location {
            file: name.to_string(),
            line,
            column: Some(column),
            record: false,
        },
        message: json_message(error),
    }
    .into()
}

/// serde_json's message without its own " at line L column C" suffix.
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(i) => format!("invalid JSON: {}", &message[..i]),
        None => format!("invalid JSON: {message}"),
    }
}

/// The 1-based character column of a 1-based byte column in `line`.
fn char_column(line: &str, byte_column: usize) -> usize {
    let byte = byte_column.saturating_sub(1).min(line.len());
    let mut end = byte;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line[..end].chars().count() + 1
}

/// Line numbers of increasing byte offsets, counted incrementally.
struct LineCounter<'c> {
    content: &'c str,
    offset: usize,
    line: usize,
}

impl<'c> LineCounter<'c> {
    fn new(content: &'c str) -> LineCounter<'c> {
        LineCounter {
            content,
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: usize) -> usize {
        if offset >= self.offset {
            let passed = self.content.get(self.offset..offset).unwrap_or("");
            self.line += passed.bytes().filter(|&b| b == b'\n').count();
            self.offset = offset;
        }
        self.line
    }
}

/// A record from a JSON value, which must be an object.
fn record_from_value(value: Value, at: Location, id_hint: String) -> Result<Record, Error> {
    match value {
        Value::Object(fields) => Ok(Record {
            at,
            fields,
            id_hint,
        }),
        other => Err(ErrorKind::InvalidRecord {
            at,
            message: format!("expected a document object, found {}", describe(&other)),
        }
        .into()),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

mod delimited;
mod fields;
mod preview;
mod record;
mod source;

pub use self::fields::{FieldNames, Role};
pub use self::preview::{preview_file, Preview};

pub(crate) use self::source::Body;
#[cfg(target_arch = "wasm32")]
pub(crate) use self::source::{checked_name, file_fields};
pub use self::source::{Notice, SourceFile};
#[cfg(test)]
mod tests;
