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

use serde::Serialize;
use serde_json::{Map, Value};

pub mod decode;
mod pdf;
#[cfg(target_arch = "wasm32")]
mod wasm;

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

/// Reads the file called `name` from its `bytes`: one [`Read`], or one for
/// each member of an archive.
pub fn read(name: &str, bytes: &[u8]) -> Vec<Read> {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let (content, encoding, warnings) = match extension.as_deref() {
        Some("pdf") => {
            let (content, warnings) = read_pdf(bytes);
            (content, None, warnings)
        }
        _ => {
            let decoded = decode::decode(bytes, decode::declared_in(bytes));
            let encoding = Some(decoded.encoding);
            (Content::Content(decoded.text), encoding, decoded.warnings)
        }
    };
    vec![Read {
        name: name.to_string(),
        folder: None,
        encoding,
        content,
        warnings,
    }]
}
