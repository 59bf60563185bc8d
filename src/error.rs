//! The one error type of the crate.

use std::fmt;

/// An error from loading a corpus or answering a request.
///
/// The message (its `Display`) names the offending value and, for input
/// files, the file, line and column, so that it can be shown to a user as is.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    // Boxed: a `Result` carries one pointer on its error path, not the
    // largest kind (two locations and an id).
    kind: Box<ErrorKind>,
}

/// Where in the user's input a problem was found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// The file name as given by the user, or `documents` for in-memory records.
    pub file: String,
    /// 1-based line number; for in-memory records, the 1-based record number.
    pub line: usize,
    /// 1-based column in characters, where it is known.
    #[serde(skip)]
    pub column: Option<usize>,
    /// Whether `line` numbers the records given in memory rather than the
    /// lines of a file (the message then says "record").
    #[serde(skip)]
    pub record: bool,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or record could not be parsed (invalid JSON, a malformed CSV row).
    Syntax {
        /// Where the parser stopped.
        at: Location,
        /// The parser's own description of the problem.
        message: String,
    },
    /// A record is unusable as a document (no text, a field of the wrong type).
    InvalidRecord {
        /// The record.
        at: Location,
        /// What is wrong with it.
        message: String,
    },
    /// A record has no field for the text.
    MissingText {
        /// The record.
        at: Location,
        /// The names looked for, as a message says them.
        wanted: String,
    },
    /// A CSV or TSV file has no column for the text.
    MissingTextColumn {
        /// The file.
        file: String,
        /// The names looked for, as a message says them.
        wanted: String,
        /// The columns it does have.
        columns: Vec<String>,
    },
    /// Two documents share an id.
    DuplicateId {
        /// The id.
        id: String,
        /// The first document with it.
        first: Location,
        /// The second one.
        second: Location,
    },
    /// A file's extension is not one we can read.
    UnsupportedFile {
        /// The file name.
        file: String,
    },
    /// A file given as bytes is not valid text in its encoding.
    NotText {
        /// The file name.
        file: String,
        /// The encoding its byte-order mark names, else UTF-8.
        encoding: &'static str,
        /// The offset of the first byte that is not valid, from the file's start.
        offset: usize,
    },
    /// A reader could not read a file (a damaged archive, a page with no
    /// text, …).
    UnreadableFile {
        /// The file name; inside an archive, the archive's name and the path.
        file: String,
        /// Why, and where in the file.
        message: String,
    },
    /// Loading produced no documents at all.
    EmptyCorpus {
        /// The files read (none for in-memory records).
        files: Vec<String>,
        /// The messages of the records skipped, if any were.
        skipped: Vec<String>,
    },
    /// A document id that the corpus does not hold.
    UnknownDocument {
        /// The id asked for.
        id: String,
    },
    /// A search query that cannot be parsed or does not fit the corpus.
    InvalidQuery {
        /// What is wrong and at which position.
        message: String,
        /// Where in the query, in UTF-16 code units (as JavaScript's
        /// `query.slice(position)` counts).
        position: usize,
    },
    /// An option or argument is out of its range or unknown.
    InvalidArgument {
        /// What is wrong, naming the option.
        message: String,
    },
    /// A broken invariant of the engine itself, not of the input: a bug to
    /// report, never a plausible wrong answer.
    Internal {
        /// What broke.
        message: String,
    },
}

impl Error {
    /// Creates an error of the given kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind: Box::new(kind),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where in the query an [`ErrorKind::InvalidQuery`] is, in UTF-16 code
    /// units; `None` for other kinds.
    pub fn position(&self) -> Option<usize> {
        match self.kind.as_ref() {
            ErrorKind::InvalidQuery { position, .. } => Some(*position),
            _ => None,
        }
    }

    /// The input location the error points at, if any.
    pub fn location(&self) -> Option<&Location> {
        match self.kind.as_ref() {
            ErrorKind::Syntax { at, .. }
            | ErrorKind::InvalidRecord { at, .. }
            | ErrorKind::MissingText { at, .. } => Some(at),
            ErrorKind::DuplicateId { second, .. } => Some(second),
            _ => None,
        }
    }
}

impl ErrorKind {
    /// The kind's name as JavaScript receives it in `error.kind`: lower
    /// case, words joined by hyphens ("invalid-query").
    pub fn name(&self) -> &'static str {
        match self {
            ErrorKind::Syntax { .. } => "syntax",
            ErrorKind::InvalidRecord { .. } => "invalid-record",
            ErrorKind::MissingText { .. } => "missing-text",
            ErrorKind::MissingTextColumn { .. } => "missing-text-column",
            ErrorKind::DuplicateId { .. } => "duplicate-id",
            ErrorKind::UnsupportedFile { .. } => "unsupported-file",
            ErrorKind::NotText { .. } => "not-text",
            ErrorKind::UnreadableFile { .. } => "unreadable-file",
            ErrorKind::EmptyCorpus { .. } => "empty-corpus",
            ErrorKind::UnknownDocument { .. } => "unknown-document",
            ErrorKind::InvalidQuery { .. } => "invalid-query",
            ErrorKind::InvalidArgument { .. } => "invalid-argument",
            ErrorKind::Internal { .. } => "internal",
        }
    }
}

impl Error {
    /// An [`ErrorKind::Internal`] error saying what broke.
    pub(crate) fn internal(message: impl Into<String>) -> Error {
        ErrorKind::Internal {
            message: message.into(),
        }
        .into()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.record { "record" } else { "line" };
        write!(f, "{} {} {}", self.file, unit, self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind.as_ref() {
            ErrorKind::Syntax { at, message } => write!(f, "{at}: {message}"),
            ErrorKind::InvalidRecord { at, message } => write!(f, "{at}: {message}"),
            ErrorKind::MissingText { at, wanted } => {
                write!(f, "{at}: the record has no {wanted}")
            }
            ErrorKind::MissingTextColumn {
                file,
                wanted,
                columns,
            } => write!(
                f,
                "{file} line 1: no {wanted}; the header has {}",
                quoted_list(columns)
            ),
            ErrorKind::DuplicateId { id, first, second } => write!(
                f,
                "{second}: the id {id:?} is already used by {first}"
            ),
            ErrorKind::UnsupportedFile { file } => unsupported_file(f, file),
            ErrorKind::UnreadableFile { file, message } => write!(f, "{file}: {message}"),
            ErrorKind::NotText {
                file,
                encoding,
                offset,
            } => write!(
                f,
                "{file}: it is not {encoding} text (the bytes from offset {offset} are not valid {encoding}); save it as UTF-8 and load it again"
            ),
            ErrorKind::EmptyCorpus { files, skipped } => empty_corpus(f, files, skipped),
            ErrorKind::UnknownDocument { id } => write!(f, "no document has the id {id:?}"),
            ErrorKind::InvalidQuery { message, .. } => write!(f, "invalid query: {message}"),
            ErrorKind::InvalidArgument { message } => f.write_str(message),
            ErrorKind::Internal { message } => write!(f, "internal error: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// "the corpus is empty: no document with text in a.jsonl; 2 records were
/// skipped, the first: …".
fn empty_corpus(f: &mut fmt::Formatter<'_>, files: &[String], skipped: &[String]) -> fmt::Result {
    const SHOWN: usize = 3;
    match files {
        [] => write!(f, "the corpus is empty: no document with text was given")?,
        _ => {
            let mut names = files
                .iter()
                .take(SHOWN)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if files.len() > SHOWN {
                names.push_str(&format!(" and {} more files", files.len() - SHOWN));
            }
            write!(f, "the corpus is empty: no document with text in {names}")?;
        }
    }
    match skipped {
        [] => Ok(()),
        [only] => write!(f, "; 1 record was skipped: {only}"),
        [first, ..] => write!(
            f,
            "; {} records were skipped, the first: {first}",
            skipped.len()
        ),
    }
}

fn quoted_list(items: &[String]) -> String {
    if items.is_empty() {
        return "no columns".to_string();
    }
    items
        .iter()
        .map(|item| format!("{item:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The extensions corpus-lens' readers module reads (readers/), which the
/// engine reads only as that module hands them over.
const READER_EXTENSIONS: [&str; 9] = [
    "html", "htm", "xhtml", "xml", "rss", "atom", "docx", "zip", "gz",
];

fn unsupported_file(f: &mut fmt::Formatter<'_>, file: &str) -> fmt::Result {
    let extension = file
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    match extension.filter(|ext| READER_EXTENSIONS.contains(&ext.as_str())) {
        Some(ext) => write!(
            f,
            "{file}: a .{ext} file is read by corpus-lens' readers module, which this engine was not given \
             (Node and the widgets use it themselves; with corpus-lens/web, call {} first)",
            if ext == "pdf" { "loadReaders() and loadPdfReader()" } else { "loadReaders()" }
        ),
        None => write!(
            f,
            "{file}: unsupported file type; expected .txt, .md, .json, .jsonl, .ndjson, .csv, .tsv, \
             .html, .htm, .xhtml, .xml (RSS or Atom), .rss, .atom, .docx, .pdf, .zip or .gz"
        ),
    }
}
