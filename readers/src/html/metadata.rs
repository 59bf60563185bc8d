//! The page's metadata: none read yet.

use crate::Record;
use dom_query::Document;

/// The record's fields other than `text`: none yet.
pub fn metadata(_document: &Document) -> Record {
    Record::new()
}
