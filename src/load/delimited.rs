//! CSV and TSV files: a header row naming a `text` column, a record a row.

use serde_json::Value;

use super::{at, line_hint, one_error, FieldNames, Record, Records, Role};
use crate::error::{Error, ErrorKind, Location};

/// A CSV or TSV file with a header row and a `text` column.
///
/// A quote that opens a CSV field and is never closed would make the rest of
/// the file one field, silently: it is an error at the line where it opened,
/// and reading resumes on the next line, so that `skipInvalid` loses only
/// the row that holds it.
pub(super) fn read_delimited<'a>(
    name: &'a str,
    content: &'a str,
    delimiter: u8,
    names: Option<&FieldNames>,
) -> Records<'a> {
    let open = open_quote(content, delimiter);
    let head = open
        .as_ref()
        .map_or(content, |o| &content[..o.record_start]);
    if let Some(open) = open.as_ref().filter(|_| head.trim().is_empty()) {
        // The header row itself holds the quote: no row can be read.
        return one_error(unclosed_quote(name, content, open, 0));
    }
    let mut reader = delimited_reader(delimiter, true, head);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => return one_error(csv_error(name, &error)),
    };
    let columns: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    let keys: Vec<&str> = columns.iter().map(String::as_str).collect();
    let text_column = match names {
        Some(names) => match names.key_for(Role::Text, &keys) {
            Some(column) => Some(column.to_string()),
            None => {
                return one_error(ErrorKind::MissingTextColumn {
                    file: name.to_string(),
                    wanted: names.missing(Role::Text, "column"),
                    columns,
                })
            }
        },
        None => None,
    };
    let header = Header {
        columns,
        text: text_column,
    };
    let rows = delimited_rows(name, reader, header.clone(), 0);
    match open {
        None => rows,
        Some(open) => {
            Box::new(rows.chain(after_open_quote(name, content, open, 0, header, delimiter)))
        }
    }
}

/// The error for `open`, then the rows after the line it opened on (each
/// further unclosed quote the same way); `line_base` lines precede `content`.
fn after_open_quote<'a>(
    name: &'a str,
    content: &'a str,
    open: OpenQuote,
    line_base: usize,
    header: Header,
    delimiter: u8,
) -> Records<'a> {
    let error = std::iter::once(Err(unclosed_quote(name, content, &open, line_base).into()));
    let rest = &content[open.resume..];
    let rest_base = line_base + open.line;
    let next = open_quote(rest, delimiter);
    let head = next.as_ref().map_or(rest, |o| &rest[..o.record_start]);
    let reader = delimited_reader(delimiter, false, head);
    let rows = delimited_rows(name, reader, header.clone(), rest_base);
    let tail: Records<'a> = match next {
        None => Box::new(std::iter::empty()),
        Some(next) => after_open_quote(name, rest, next, rest_base, header, delimiter),
    };
    Box::new(error.chain(rows).chain(tail))
}

/// The columns of the header row of `content`, trimmed (none if it has none).
pub(super) fn header(content: &str, delimiter: u8) -> Vec<String> {
    delimited_reader(delimiter, true, content)
        .headers()
        .map(|headers| headers.iter().map(|h| h.trim().to_string()).collect())
        .unwrap_or_default()
}

/// The header row's columns, and the one holding the text (none in a
/// preview, which shows them all).
#[derive(Clone)]
struct Header {
    columns: Vec<String>,
    text: Option<String>,
}

fn delimited_reader(delimiter: u8, has_headers: bool, text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        // TSV has no quoting (IANA text/tab-separated-values): a `"` is text.
        .quoting(delimiter == b',')
        .has_headers(has_headers)
        // Row lengths are checked against the header here, also in the rows
        // read after an unclosed quote (a reader without the header).
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The rows of `reader` as records; `line_base` lines precede its text.
fn delimited_rows<'a>(
    name: &'a str,
    reader: csv::Reader<&'a [u8]>,
    header: Header,
    line_base: usize,
) -> Records<'a> {
    Box::new(reader.into_records().map(move |row| {
        let Header { columns, text } = &header;
        let row = row.map_err(|error| Error::from(csv_error(name, &error)))?;
        let line = line_base + row.position().map_or(0, |p| p.line() as usize);
        if row.len() != columns.len() {
            return Err(ErrorKind::Syntax {
                at: at(name, line),
                message: format!(
                    "the row has {} fields but the header has {}",
                    row.len(),
                    columns.len()
                ),
            }
            .into());
        }
        let fields = columns
            .iter()
            .zip(row.iter())
            // An empty text cell is kept, so that the message says it is empty.
            .filter(|(column, cell)| text.as_ref() == Some(*column) || !cell.trim().is_empty())
            .map(|(column, cell)| (column.clone(), Value::String(cell.to_string())))
            .collect();
        Ok(Record {
            at: at(name, line),
            fields,
            id_hint: line_hint(name, line),
        })
    }))
}

/// A quote that opens a CSV field and is still open at the end of the text,
/// or closes lines later followed by text.
#[derive(Debug, PartialEq)]
struct OpenQuote {
    /// The byte offset where the row holding it starts.
    record_start: usize,
    /// The byte offset of the quote.
    quote: usize,
    /// Its 1-based line.
    line: usize,
    /// The byte offset of the line after it.
    resume: usize,
    /// The line of the quote that closes it, if one does, followed by text.
    closed: Option<usize>,
}

/// The first quote left open at the end of `content` or closed lines later
/// followed by text (see [`OpenQuote`]), read as the `csv` crate
/// reads it: a quote opens a field only at its start; inside, `""` is a
/// quote and a lone `"` closes the field. TSV has no quoting.
fn open_quote(content: &str, delimiter: u8) -> Option<OpenQuote> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Field,
        Quoted,
        QuoteInQuoted,
    }
    if delimiter != b',' {
        return None;
    }
    let (mut state, mut line, mut record_start) = (State::FieldStart, 1, 0);
    let mut quote = (0, 0, 0);
    for (i, byte) in content.bytes().enumerate() {
        state = match (state, byte) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            // `"a"b` reads as `ab`; but a quote closed lines after it opened
            // and followed by text (a space is taken for sloppiness) was
            // never meant to close: the rows between would be merged.
            (State::QuoteInQuoted, b)
                if b != delimiter && !matches!(b, b'\n' | b'\r' | b' ' | b'\t') =>
            {
                if quote.2 != line {
                    return Some(bad_quote(content, quote, Some(line)));
                }
                State::Field
            }
            (State::FieldStart, b'"') => {
                quote = (record_start, i, line);
                State::Quoted
            }
            (_, b'\n' | b'\r') => {
                record_start = i + 1;
                State::FieldStart
            }
            (_, b) if b == delimiter => State::FieldStart,
            _ => State::Field,
        };
        if byte == b'\n' {
            line += 1;
        }
    }
    (state == State::Quoted).then(|| bad_quote(content, quote, None))
}

/// The [`OpenQuote`] of the quote at (row start, offset, line).
fn bad_quote(
    content: &str,
    (record_start, quote, line): (usize, usize, usize),
    closed: Option<usize>,
) -> OpenQuote {
    let resume = content[quote..]
        .find('\n')
        .map_or(content.len(), |j| quote + j + 1);
    OpenQuote {
        record_start,
        quote,
        line,
        resume,
        closed,
    }
}

fn unclosed_quote(name: &str, content: &str, open: &OpenQuote, line_base: usize) -> ErrorKind {
    let line_start = content[..open.quote].rfind('\n').map_or(0, |i| i + 1);
    ErrorKind::Syntax {
        at: Location {
            file: name.to_string(),
            line: line_base + open.line,
            column: Some(content[line_start..open.quote].chars().count() + 1),
            record: false,
        },
        message: match open.closed {
            None => "the quote that opens this field is never closed, \
                     so the rows after it would be read as part of it"
                .to_string(),
            Some(closed) => format!(
                "the quote that opens this field closes only on line {}, followed by text, \
                 so the rows between would be read as part of it",
                line_base + closed
            ),
        },
    }
}

fn csv_error(name: &str, error: &csv::Error) -> ErrorKind {
    let line = error.position().map_or(1, |p| p.line() as usize);
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("the row has {len} fields but the header has {expected_len}")
        }
        _ => format!("invalid CSV: {error}"),
    };
    ErrorKind::Syntax {
        at: at(name, line),
        message,
    }
}
