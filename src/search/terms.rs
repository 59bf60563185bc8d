//! Word lists: the most frequent terms, and one query's counts over time.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::buckets::{document_buckets, Bucket};
use super::{eval, resolve, scored_occurrences};
use crate::corpus::Corpus;
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
    let (labels, bucket_of) = document_buckets(corpus, &options.bucket)?;
    let mut counts = vec![0; labels.len()];
    let mut words = vec![0; labels.len()];
    for (&b, entry) in bucket_of.iter().zip(&index.docs) {
        words[b] += entry.len as usize;
    }
    for doc in eval::documents(
        &resolved.plan,
        &resolved.leaves,
        index.docs.len() as u32,
        false,
    ) {
        if let Some(&b) = bucket_of.get(doc as usize) {
            counts[b] += scored_occurrences(&resolved.leaves, index, doc).len();
        }
    }
    Ok(Trend {
        query: query.to_string(),
        bucket: options.bucket.clone(),
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
