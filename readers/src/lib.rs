//! The file formats corpus-lens reads beside its own, turned into what the
//! engine reads: web pages, RSS and Atom feeds and Word documents become
//! records (`title`, `text`, `date`, `author`, `publication`, `url`), and
//! so does the text layer of a PDF; ZIP and gzip archives become the files
//! they hold; text in any encoding becomes text. A wasm module of its own, loaded only when such a file is
//! opened, so that the engine's module stays small.
//!
//! Nothing is dropped or damaged without a word: every file read yields a
//! [`Read`], with the warnings of what was replaced, and a file (or an
//! archive's member) that cannot be read yields a [`Failure`] that names it.
//!
//! ```
//! use corpus_lens_readers::{read, Content};
//!
//! let feed = br#"<rss version="2.0"><channel><title>The Wire</title>
//!   <item><title>Talks resume</title><description>&lt;p&gt;Envoys met.&lt;/p&gt;</description></item>
//! </channel></rss>"#;
//! let read = read("wire.rss", feed);
//! let Content::Records(records) = &read[0].content else { unreachable!() };
//! assert_eq!(records[0]["text"], "Envoys met.");
//! assert_eq!(records[0]["publication"], "The Wire");
//! ```
//!
//! The format is chosen by the name's extension, lower-cased, in one
//! `match` ([`read`]): the engine's own formats (`.txt`, `.md`, `.json`,
//! `.jsonl`, `.csv`, `.tsv`, …) are decoded to text and passed on; feeds
//! (`.xml`, `.rss`, `.atom`) and Word files (`.docx`) become records; ZIP
//! and gzip archives (`.zip`, `.gz`) are opened and each file inside read
//! the same way, within [`Limits`] against decompression bombs.

use serde::Serialize;
use serde_json::{Map, Value};

mod archive;
pub mod decode;
mod docx;
mod feed;
#[cfg(test)]
mod fixtures;
pub mod html;
mod markup;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(target_arch = "wasm32")]
mod wasm;
mod xml;

pub use archive::{Limits, DECOMPRESSED_LIMIT, DEPTH_LIMIT};

#[cfg(feature = "pdf")]
pub use pdf::read_pdf;

/// A record: field names to values, as the engine's JSON records are.
pub type Record = Map<String, Value>;
/// One file as the engine will read it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Read {
    /// The file's name; inside an archive, the archive's name, a slash and
    /// the member's path (`news.zip/2005/march.html`).
    pub name: String,
    /// The folder a member of an archive sat in (`2005/march`), which its
    /// documents keep as their `folder` field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// The encoding its bytes were decoded from, if they were text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
    /// What the file holds.
    #[serde(flatten)]
    pub content: Content,
    /// What was replaced or left out while reading it, each naming the place.
    pub warnings: Vec<Warning>,
}

/// Something replaced or left out while reading a file, which the engine
/// keeps as a warning of the load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Its kind: `replaced-bytes`, `skipped-item`, …
    pub kind: &'static str,
    /// What happened and where in the file, without the file's name (which
    /// the engine adds).
    pub message: String,
}

impl Warning {
    /// A warning of `kind` saying `message`.
    pub fn new(kind: &'static str, message: impl Into<String>) -> Warning {
        Warning {
            kind,
            message: message.into(),
        }
    }
}

/// What a file holds once read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Content {
    /// Text in one of the engine's own formats, chosen by the name's extension.
    Content(String),
    /// Records, one a document.
    Records(Vec<Record>),
    /// Why the file could not be read.
    Failure(Failure),
    /// The bytes of a PDF, which this build does not read: the build with
    /// the `pdf` feature reads them (named for JavaScript `bytes`).
    Bytes(#[serde(with = "serde_bytes")] Vec<u8>),
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Failure {
    /// A short name of the kind of failure (`damaged-archive`, …), as the
    /// engine's errors carry one.
    pub kind: &'static str,
    /// What is wrong, and where, without the file's name (which the engine adds).
    pub message: String,
}

impl Read {
    /// A file that could not be read, with the kind and message of why.
    pub(crate) fn failure(name: &str, kind: &'static str, message: String) -> Self {
        Read {
            name: name.to_string(),
            folder: None,
            encoding: None,
            content: Content::Failure(Failure { kind, message }),
            warnings: Vec::new(),
        }
    }
}

/// Reads the file called `name` from its `bytes`: one [`Read`], or one for
/// each member of an archive, within the default [`Limits`].
pub fn read(name: &str, bytes: &[u8]) -> Vec<Read> {
    read_with(name, bytes, &Limits::default())
}

/// Reads the file called `name` from its `bytes`, as [`read`] does, within
/// `limits` on what archives may hold.
pub fn read_with(name: &str, bytes: &[u8], limits: &Limits) -> Vec<Read> {
    read_within(name, bytes, &mut archive::Budget::new(limits))
}

/// Reads one file by its extension, drawing on `budget` for what archives
/// inflate.
fn read_within(name: &str, bytes: &[u8], budget: &mut archive::Budget) -> Vec<Read> {
    match reader_for(&extension(name)) {
        Some(reader) => reader(name, bytes, budget),
        None => vec![unsupported(name)],
    }
}

/// The failure of a file no reader takes.
fn unsupported(name: &str) -> Read {
    let message = match extension(name).as_str() {
        "" => "a file without an extension, whose format is unknown".to_string(),
        extension => format!("the extension .{extension} is not of a format this reader knows"),
    };
    Read::failure(name, "unsupported-file", message)
}

/// A reader of one format: from a file's name and bytes to what it holds.
type Reader = fn(&str, &[u8], &mut archive::Budget) -> Vec<Read>;

/// The reader of files with this lower-cased extension, if there is one:
/// the one place where a format is chosen (archives ask it before they
/// inflate a member, so that a member no reader takes costs nothing).
fn reader_for(extension: &str) -> Option<Reader> {
    let reader: Reader = match extension {
        "txt" | "md" | "markdown" | "json" | "jsonl" | "ndjson" | "csv" | "tsv" | "tab" => {
            |name, bytes, _| vec![text(name, bytes)]
        }
        "html" | "htm" | "xhtml" => |name, bytes, _| vec![html::read_page(name, bytes)],
        "xml" | "rss" | "atom" => |name, bytes, _| vec![feed::read(name, bytes)],
        "docx" => |name, bytes, budget| vec![docx::read(name, bytes, budget)],
        "pdf" => |name, bytes, _| vec![pdf_file(name, bytes)],
        "zip" => archive::read_zip,
        "gz" => archive::read_gz,
        _ => return None,
    };
    Some(reader)
}

/// The lower-cased extension of a file name (of its last path segment), or
/// an empty string.
fn extension(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => extension.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// A PDF file's record, or why it has none; without the `pdf` feature, its
/// bytes, for the build that has it.
fn pdf_file(name: &str, bytes: &[u8]) -> Read {
    #[cfg(feature = "pdf")]
    let (content, warnings) = read_pdf(bytes);
    #[cfg(not(feature = "pdf"))]
    let (content, warnings) = (Content::Bytes(bytes.to_vec()), Vec::new());
    Read {
        name: name.to_string(),
        folder: None,
        encoding: None,
        content,
        warnings,
    }
}

/// Text in one of the engine's own formats, decoded and passed on.
fn text(name: &str, bytes: &[u8]) -> Read {
    let decoded = decode::decode(bytes, decode::declared_in(bytes));
    Read {
        name: name.to_string(),
        folder: None,
        encoding: Some(decoded.encoding),
        content: Content::Content(decoded.text),
        warnings: decoded.warnings,
    }
}
