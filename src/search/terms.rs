//! Word lists: the most frequent terms, and one query's counts over time.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{eval, resolve, scored_occurrences};
use crate::corpus::Corpus;
use crate::document::Document;
use crate::error::Error;
use crate::options::check_range;
use crate::text::{english_stopwords, fold};

/// Which words [`Corpus::terms`] leaves out.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Stopwords {
    /// `true`: the built-in English list; `false`: none.
    Builtin(bool),
    /// These words (case-insensitive).
    Custom(Vec<String>),
}

impl Default for Stopwords {
    fn default() -> Stopwords {
        Stopwords::Builtin(true)
    }
}

/// Options of [`Corpus::terms`].
#[derive(Clone, Debug, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct TermsOptions {
    /// Terms to return, 1 to 100,000 (default 50).
    pub limit: usize,
    /// Words to leave out (default `true`, the English list).
    pub stopwords: Stopwords,
}

impl Default for TermsOptions {
    fn default() -> TermsOptions {
        TermsOptions {
            limit: 50,
            stopwords: Stopwords::default(),
        }
    }
}

/// A term and how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermCount {
    /// The word, folded (lower case, no accents).
    pub term: String,
    /// Occurrences, including inside hyphenated compounds.
    pub count: usize,
    /// Documents it occurs in.
    pub documents: usize,
}

/// How [`Corpus::term_trend`] groups documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
}

/// Options of [`Corpus::term_trend`].
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct TrendOptions {
    /// How to group documents (default `year`).
    pub bucket: Bucket,
}

/// A query's occurrences per bucket, for a chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    /// The query as given.
    pub query: String,
    /// How documents were grouped.
    pub bucket: Bucket,
    /// Bucket labels: years, `YYYY-MM` months, issues or document ids;
    /// documents without the needed date or issue fall in a last bucket
    /// `undated`.
    pub labels: Vec<String>,
    /// Occurrences of the query's words and phrases per bucket.
    pub counts: Vec<usize>,
    /// Tokens per bucket, to turn counts into relative frequencies.
    pub words: Vec<usize>,
}

/// The label of the bucket of documents without the needed date or issue.
const UNDATED: &str = "undated";

impl Corpus {
    /// The most frequent terms, most frequent first (ties alphabetical).
    ///
    /// # Errors
    /// An option out of range.
    pub fn terms(&self, options: &TermsOptions) -> Result<Vec<TermCount>, Error> {
        terms(self, options)
    }

    /// Counts the matches of `query` in each bucket of documents.
    ///
    /// # Errors
    /// A malformed query.
    pub fn term_trend(&self, query: &str, options: &TrendOptions) -> Result<Trend, Error> {
        term_trend(self, query, options)
    }
}

/// See [`Corpus::terms`].
fn terms(corpus: &Corpus, options: &TermsOptions) -> Result<Vec<TermCount>, Error> {
    check_range("limit", options.limit as f64, 1.0, 100_000.0)?;
    let stop = stop_set(&options.stopwords);
    let index = corpus.index();
    let mut counts: Vec<TermCount> = index
        .all_forms()
        .iter()
        .filter(|&&form| index.is_whole(form) && !stop.contains(index.form_text(form)))
        .map(|&form| {
            let postings = index.postings(form);
            TermCount {
                term: index.form_text(form).to_string(),
                count: postings.count(),
                documents: postings.docs.len(),
            }
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    counts.truncate(options.limit);
    Ok(counts)
}

/// See [`Corpus::term_trend`].
fn term_trend(corpus: &Corpus, query: &str, options: &TrendOptions) -> Result<Trend, Error> {
    let resolved = resolve(corpus, query)?;
    let index = corpus.index();
    let labels_of: Vec<String> = corpus
        .documents()
        .iter()
        .map(|d| bucket_label(d, options.bucket))
        .collect();
    let labels = bucket_labels(&labels_of, options.bucket);
    let position: BTreeMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let mut counts = vec![0; labels.len()];
    let mut words = vec![0; labels.len()];
    for (doc, label) in labels_of.iter().enumerate() {
        if let (Some(&b), Some(entry)) = (position.get(label.as_str()), index.docs.get(doc)) {
            words[b] += entry.len as usize;
        }
    }
    for doc in eval::documents(
        &resolved.plan,
        &resolved.leaves,
        index.docs.len() as u32,
        false,
    ) {
        let label = labels_of.get(doc as usize).map_or(UNDATED, String::as_str);
        if let Some(&b) = position.get(label) {
            counts[b] += scored_occurrences(&resolved.leaves, index, doc).len();
        }
    }
    Ok(Trend {
        query: query.to_string(),
        bucket: options.bucket,
        labels,
        counts,
        words,
    })
}

/// The folded words that `stopwords` leaves out.
fn stop_set(stopwords: &Stopwords) -> HashSet<String> {
    match stopwords {
        Stopwords::Builtin(false) => HashSet::new(),
        Stopwords::Builtin(true) => english_stopwords().clone(),
        Stopwords::Custom(words) => {
            let mut folded = String::new();
            words
                .iter()
                .map(|w| {
                    fold(w.trim(), &mut folded);
                    folded.clone()
                })
                .collect()
        }
    }
}

/// The label of the bucket a document falls in.
pub(crate) fn bucket_label(document: &Document, bucket: Bucket) -> String {
    let label = match bucket {
        Bucket::Document => Some(document.id.clone()),
        Bucket::Issue => issue_label(document),
        Bucket::Year => document.year.map(|y| format!("{y:04}")),
        Bucket::Month => document
            .date
            .and_then(|d| d.month.map(|m| format!("{:04}-{m:02}", d.year))),
    };
    label.unwrap_or_else(|| UNDATED.to_string())
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
/// once each in corpus order, documents as they are; then `undated` if used.
pub(crate) fn bucket_labels(labels: &[String], bucket: Bucket) -> Vec<String> {
    match bucket {
        Bucket::Document => return labels.to_vec(),
        Bucket::Issue => return issue_buckets(labels),
        Bucket::Year | Bucket::Month => {}
    }
    let dated: Vec<(i32, u32)> = labels.iter().filter_map(|l| parse_label(l)).collect();
    let mut out = Vec::new();
    if let (Some(&first), Some(&last)) = (dated.iter().min(), dated.iter().max()) {
        let mut at = first;
        while at <= last {
            out.push(match bucket {
                Bucket::Month => format!("{:04}-{:02}", at.0, at.1),
                _ => format!("{:04}", at.0),
            });
            at = if bucket == Bucket::Month && at.1 < 12 {
                (at.0, at.1 + 1)
            } else {
                (at.0 + 1, if bucket == Bucket::Month { 1 } else { 0 })
            };
        }
    }
    if labels.iter().any(|l| l == UNDATED) {
        out.push(UNDATED.to_string());
    }
    out
}

/// Each distinct issue label once, in corpus order, then `undated` if used.
fn issue_buckets(labels: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out: Vec<String> = labels
        .iter()
        .filter(|l| l.as_str() != UNDATED && seen.insert(l.as_str()))
        .cloned()
        .collect();
    if labels.iter().any(|l| l == UNDATED) {
        out.push(UNDATED.to_string());
    }
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
            bucket_labels(&labels, Bucket::Month),
            ["2004-11", "2004-12", "2005-01", "2005-02", UNDATED]
        );
        let years = ["1999", "2001"].map(String::from);
        assert_eq!(
            bucket_labels(&years, Bucket::Year),
            ["1999", "2000", "2001"]
        );
        let issues = ["Monitor 6:74", UNDATED, "Monitor 5:66", "Monitor 6:74"].map(String::from);
        assert_eq!(
            bucket_labels(&issues, Bucket::Issue),
            ["Monitor 6:74", "Monitor 5:66", UNDATED]
        );
    }
}
