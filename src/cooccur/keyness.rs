//! Keyness: the words over-represented in one set of documents against
//! another.
//!
//! Each term gets a 2×2 table: its count in the target (`a`) and in the
//! reference (`b`) against the tokens of each subcorpus (`T` and `R`). As a
//! [`Table`]: n_ii = a, n_ix = a + b, n_xi = T, n_xx = T + R.
//!
//! | measure | score | p-value |
//! | --- | --- | --- |
//! | `llr` | G² of the table | G² |
//! | `chi2` | Pearson's chi-square of the table | chi-square |
//! | `logratio` | log₂(((a + 0.5) / T) / ((b + 0.5) / R)), 0.5 added to both counts so that a term absent from the reference has a finite score (Hardie 2014) | G² |

use serde::{Deserialize, Serialize};

use super::{Measure, Table};
use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind};
use crate::options::check_range;
use crate::search::matching_documents;
use crate::text::english_stopwords;

/// How [`Corpus::keyness`] scores a term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeynessMeasure {
    /// Log-likelihood G² (the default).
    #[default]
    Llr,
    /// Pearson's chi-square.
    Chi2,
    /// Log₂ of the ratio of relative frequencies (an effect size).
    Logratio,
}

/// Options of [`Corpus::keyness`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct KeynessOptions {
    /// The search query whose matching documents are the target; required.
    pub target: String,
    /// The search query whose matching documents are the reference; absent
    /// or blank: every document outside the target. Documents matching
    /// both belong to the target only.
    pub reference: Option<String>,
    /// How terms are scored (default `llr`).
    pub measure: KeynessMeasure,
    /// Terms to return, 1 to 100,000 (default 50).
    pub limit: usize,
    /// Terms need at least this many occurrences in the target (default 3;
    /// 0 and 1 keep every term of the target, however rare).
    pub min_count: u64,
}

impl Default for KeynessOptions {
    fn default() -> KeynessOptions {
        KeynessOptions {
            target: String::new(),
            reference: None,
            measure: KeynessMeasure::Llr,
            limit: 50,
            min_count: 3,
        }
    }
}

/// A term over-represented in the target.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyTerm {
    /// The word, folded (lower case, no accents).
    pub term: String,
    /// Occurrences in the target (including inside hyphenated compounds).
    pub target: u64,
    /// Occurrences in the reference.
    pub reference: u64,
    /// The measure's score.
    pub score: f64,
    /// The p-value: of chi-square for `chi2`, of G² otherwise.
    pub p_value: f64,
}

/// Which subcorpus a document is in.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Out,
    Target,
    Reference,
}

impl Corpus {
    /// The terms most over-represented in the documents matching
    /// `options.target` against the reference, best first (ties: term).
    /// Terms are the index's whole-token forms minus the English stop
    /// words; only terms relatively more frequent in the target than in the
    /// reference are listed.
    ///
    /// # Errors
    /// An option out of range, a blank or malformed query, or a target or
    /// reference that holds no tokens.
    pub fn keyness(&self, options: &KeynessOptions) -> Result<Vec<KeyTerm>, Error> {
        keyness(self, options)
    }
}

/// See [`Corpus::keyness`].
fn keyness(corpus: &Corpus, options: &KeynessOptions) -> Result<Vec<KeyTerm>, Error> {
    check_range("limit", options.limit as f64, 1.0, 100_000.0)?;
    let sides = keyness_sides(corpus, options)?;
    let index = corpus.index();
    let (t, r) = side_sums(
        &sides,
        (index.docs.iter().enumerate()).map(|(d, e)| (d, u64::from(e.len))),
    );
    if t == 0 || r == 0 {
        let which = if t == 0 { "target" } else { "reference" };
        return Err(invalid(format!("the {which} documents hold no words")));
    }
    let stop = english_stopwords();
    let mut terms: Vec<KeyTerm> = index
        .all_forms()
        .iter()
        .filter(|&&f| index.is_whole(f) && !stop.contains(index.form_text(f)))
        .filter_map(|&f| {
            let counts = index.postings(f).counts();
            let (a, b) = side_sums(&sides, counts.map(|(d, n)| (d as usize, u64::from(n))));
            // Over-represented: a / t > b / r, compared exactly.
            let over = a > 0 && u128::from(a) * u128::from(r) > u128::from(b) * u128::from(t);
            (over && a >= options.min_count)
                .then(|| key_term(index.form_text(f), a, b, (t, r), options.measure))
        })
        .collect();
    terms.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.term.cmp(&y.term))
    });
    terms.truncate(options.limit);
    Ok(terms)
}

/// Each document's subcorpus.
fn keyness_sides(corpus: &Corpus, options: &KeynessOptions) -> Result<Vec<Side>, Error> {
    let target = options.target.trim();
    if target.is_empty() {
        return Err(invalid(
            "the option target must be a search query, got an empty one".into(),
        ));
    }
    let mut sides = vec![Side::Out; corpus.documents().len()];
    let reference = options
        .reference
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    match reference {
        Some(q) => mark(&mut sides, &matching_documents(corpus, q)?, Side::Reference),
        None => sides.fill(Side::Reference),
    }
    let targets = matching_documents(corpus, target)?;
    if targets.is_empty() {
        return Err(invalid(format!(
            "the target query {target:?} matches no documents"
        )));
    }
    mark(&mut sides, &targets, Side::Target);
    if !sides.contains(&Side::Reference) {
        return Err(invalid(format!(
            "no reference documents: every document the reference takes matches the target {target:?}"
        )));
    }
    Ok(sides)
}

/// The sums of the amounts of the target's documents and of the
/// reference's, from (document number, amount) pairs.
fn side_sums(sides: &[Side], amounts: impl Iterator<Item = (usize, u64)>) -> (u64, u64) {
    amounts.fold((0, 0), |(t, r), (d, n)| match sides.get(d) {
        Some(Side::Target) => (t + n, r),
        Some(Side::Reference) => (t, r + n),
        _ => (t, r),
    })
}

fn mark(sides: &mut [Side], docs: &[u32], side: Side) {
    for &d in docs {
        if let Some(s) = sides.get_mut(d as usize) {
            *s = side;
        }
    }
}

fn key_term(term: &str, a: u64, b: u64, (t, r): (u64, u64), measure: KeynessMeasure) -> KeyTerm {
    let table = Table::new(a, a + b, t, t + r);
    let (score, p_value) = match measure {
        KeynessMeasure::Llr => (table.score(Measure::Llr), table.p_value(Measure::Llr)),
        KeynessMeasure::Chi2 => (table.score(Measure::Chi2), table.p_value(Measure::Chi2)),
        KeynessMeasure::Logratio => {
            let ratio = ((a as f64 + 0.5) / t as f64) / ((b as f64 + 0.5) / r as f64);
            (ratio.log2(), table.p_value(Measure::Llr))
        }
    };
    KeyTerm {
        term: term.to_string(),
        target: a,
        reference: b,
        score,
        p_value,
    }
}

fn invalid(message: String) -> Error {
    ErrorKind::InvalidArgument { message }.into()
}
