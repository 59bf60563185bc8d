//! How the timeline and the term trends group documents: by year, month,
//! issue or document, or by the value of one of the corpus's own metadata
//! fields (`field:party`: one bucket per party).

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::fields::{has_metadata, metadata_fields, metadata_text};
use crate::corpus::Corpus;
use crate::document::Document;
use crate::error::{Error, ErrorKind};

/// How documents are grouped; written `year`, `month`, `issue`, `document`
/// or `field:NAME`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Bucket {
    /// By year, every year from the first to the last (the default).
    #[default]
    Year,
    /// By month (`YYYY-MM`), every month from the first to the last.
    Month,
    /// By issue: one bucket per distinct publication, volume and issue, in
    /// corpus order, labelled like `Monitor 6:74` (`6:74` without a
    /// publication); documents without a volume or an issue fall in
    /// `undated`.
    Issue,
    /// One bucket per document, in corpus order.
    Document,
    /// One bucket per value of a metadata field (its name as the corpus
    /// writes it, in any case), ordered by the earliest year of the
    /// documents that have it, then by corpus order; documents without the
    /// field fall in a last bucket `(no NAME)`.
    Field(String),
}

/// The label of the bucket of documents without the needed date or issue.
pub(crate) const UNDATED: &str = "undated";

impl fmt::Display for Bucket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bucket::Year => f.write_str("year"),
            Bucket::Month => f.write_str("month"),
            Bucket::Issue => f.write_str("issue"),
            Bucket::Document => f.write_str("document"),
            Bucket::Field(name) => write!(f, "field:{name}"),
        }
    }
}

impl Serialize for Bucket {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Bucket {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Bucket, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(match text.as_str() {
            "year" => Bucket::Year,
            "month" => Bucket::Month,
            "issue" => Bucket::Issue,
            "document" => Bucket::Document,
            _ => match text.strip_prefix("field:").map(str::trim) {
                Some(name) if !name.is_empty() => Bucket::Field(name.to_string()),
                _ => {
                    return Err(serde::de::Error::custom(format!(
                        "must be year, month, issue, document or field:NAME (a metadata field of the corpus), got {text:?}"
                    )))
                }
            },
        })
    }
}

/// The bucket labels, in order, and each document's bucket (by document
/// number).
///
/// # Errors
/// `field:NAME` where no document has the field (the message lists those
/// there are).
pub(crate) fn document_buckets(
    corpus: &Corpus,
    bucket: &Bucket,
) -> Result<(Vec<String>, Vec<usize>), Error> {
    let documents = corpus.documents();
    if let Bucket::Field(name) = bucket {
        if !has_metadata(name, documents) {
            let fields = metadata_fields(documents);
            let has = if fields.is_empty() {
                "no metadata fields to group by".to_string()
            } else {
                fields.join(", ")
            };
            return Err(ErrorKind::InvalidArgument {
                message: format!(
                    "the option bucket names the field {name:?}, which no document has; this corpus has {has}"
                ),
            }
            .into());
        }
    }
    let labels: Vec<String> = documents.iter().map(|d| bucket_label(d, bucket)).collect();
    let buckets = bucket_labels(&labels, documents, bucket);
    let position: HashMap<&str, usize> = buckets
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    // `bucket_labels` holds every label, so the fallback is never used.
    let bucket_of = labels
        .iter()
        .map(|l| position.get(l.as_str()).copied().unwrap_or(0))
        .collect();
    Ok((buckets, bucket_of))
}

/// The label of the bucket a document falls in.
fn bucket_label(document: &Document, bucket: &Bucket) -> String {
    let label = match bucket {
        Bucket::Document => Some(document.id.clone()),
        Bucket::Issue => issue_label(document),
        Bucket::Year => document.year.map(|y| format!("{y:04}")),
        Bucket::Month => document
            .date
            .and_then(|d| d.month.map(|m| format!("{:04}-{m:02}", d.year))),
        Bucket::Field(name) => {
            return metadata_text(document, name)
                .map(|value| value.trim().to_string())
                .filter(|value| !value.is_empty())
                .unwrap_or_else(|| no_value(name))
        }
    };
    label.unwrap_or_else(|| UNDATED.to_string())
}

/// The last bucket of a field grouping: the documents without the field.
fn no_value(name: &str) -> String {
    format!("(no {name})")
}

/// `Monitor 6:74`: the publication (if any), volume and issue.
fn issue_label(document: &Document) -> Option<String> {
    let (volume, issue) = (document.volume?, document.issue?);
    Some(match document.publication.as_deref().map(str::trim) {
        Some(p) if !p.is_empty() => format!("{p} {volume}:{issue}"),
        _ => format!("{volume}:{issue}"),
    })
}

/// The buckets for the documents' `labels` (one per document, in corpus
/// order): years and months from the first to the last (no gaps), issues
/// once each in corpus order, documents as they are, field values by their
/// earliest year; then `undated` (or `(no NAME)`) if used.
fn bucket_labels(labels: &[String], documents: &[Document], bucket: &Bucket) -> Vec<String> {
    let missing = match bucket {
        Bucket::Document => return labels.to_vec(),
        Bucket::Issue => return in_corpus_order(labels, UNDATED),
        Bucket::Field(name) => return field_buckets(labels, documents, &no_value(name)),
        Bucket::Year | Bucket::Month => UNDATED,
    };
    let dated: Vec<(i32, u32)> = labels.iter().filter_map(|l| parse_label(l)).collect();
    let mut out = Vec::new();
    if let (Some(&first), Some(&last)) = (dated.iter().min(), dated.iter().max()) {
        let mut at = first;
        while at <= last {
            out.push(match bucket {
                Bucket::Month => format!("{:04}-{:02}", at.0, at.1),
                _ => format!("{:04}", at.0),
            });
            at = if *bucket == Bucket::Month && at.1 < 12 {
                (at.0, at.1 + 1)
            } else {
                (at.0 + 1, if *bucket == Bucket::Month { 1 } else { 0 })
            };
        }
    }
    if labels.iter().any(|l| l == missing) {
        out.push(missing.to_string());
    }
    out
}

/// Each distinct label once, in corpus order, then `missing` if used.
fn in_corpus_order(labels: &[String], missing: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out: Vec<String> = labels
        .iter()
        .filter(|l| l.as_str() != missing && seen.insert(l.as_str()))
        .cloned()
        .collect();
    if labels.iter().any(|l| l == missing) {
        out.push(missing.to_string());
    }
    out
}

/// A field's values by the earliest year of their documents (undated ones
/// count as after every year), ties in corpus order; then `missing`.
fn field_buckets(labels: &[String], documents: &[Document], missing: &str) -> Vec<String> {
    let mut earliest: HashMap<&str, i32> = HashMap::new();
    for (label, document) in labels.iter().zip(documents) {
        let year = document.year.unwrap_or(i32::MAX);
        earliest
            .entry(label.as_str())
            .and_modify(|y| *y = (*y).min(year))
            .or_insert(year);
    }
    let mut out = in_corpus_order(labels, missing);
    let values = out.len() - usize::from(out.last().is_some_and(|l| l == missing));
    // A stable sort: equal years keep corpus order.
    out[..values].sort_by_key(|l| earliest.get(l.as_str()).copied().unwrap_or(i32::MAX));
    out
}

fn parse_label(label: &str) -> Option<(i32, u32)> {
    let (year, month) = label
        .split_once('-')
        .map_or((label, None), |(y, m)| (y, Some(m)));
    Some((
        year.parse().ok()?,
        month.map_or(Some(0), |m| m.parse().ok())?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_labels_fill_gaps_and_keep_undated_last() {
        let labels = ["2004-11", "2005-02", UNDATED].map(String::from);
        assert_eq!(
            bucket_labels(&labels, &[], &Bucket::Month),
            ["2004-11", "2004-12", "2005-01", "2005-02", UNDATED]
        );
        let years = ["1999", "2001"].map(String::from);
        assert_eq!(
            bucket_labels(&years, &[], &Bucket::Year),
            ["1999", "2000", "2001"]
        );
        let issues = ["Monitor 6:74", UNDATED, "Monitor 5:66", "Monitor 6:74"].map(String::from);
        assert_eq!(
            bucket_labels(&issues, &[], &Bucket::Issue),
            ["Monitor 6:74", "Monitor 5:66", UNDATED]
        );
    }

    #[test]
    fn buckets_are_written_as_their_names() {
        for text in ["year", "month", "issue", "document", "field:party"] {
            let bucket: Bucket = serde_json::from_str(&format!("{text:?}")).unwrap();
            assert_eq!(bucket.to_string(), text);
        }
        for wrong in ["\"decade\"", "\"field:\"", "\"field: \""] {
            let error = serde_json::from_str::<Bucket>(wrong)
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("year, month, issue, document or field:NAME"),
                "{error}"
            );
        }
    }
}
