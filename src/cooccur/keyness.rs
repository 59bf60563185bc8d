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
//!
//! Every term also carries its frequency per million words on each side,
//! its log ratio (the effect size, whatever the measure) and its p-value
//! adjusted for the number of terms tested (Benjamini–Hochberg).

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
    /// The p-value adjusted for testing many terms (Benjamini–Hochberg):
    /// the family is every term that occurs at least `min_count` times on
    /// either side, tested in either direction, so that a term listed with
    /// `q_value < 0.05` keeps the expected share of false discoveries
    /// among those listed under 5 %.
    pub q_value: f64,
    /// Occurrences per million words of the target.
    pub target_per_million: f64,
    /// Occurrences per million words of the reference.
    pub reference_per_million: f64,
    /// The effect size, log₂(((a + 0.5) / T) / ((b + 0.5) / R)) (Hardie
    /// 2014): 1 is twice as frequent in the target.
    pub log_ratio: f64,
    /// Words in the target documents (T).
    pub target_words: u64,
    /// Words in the reference documents (R).
    pub reference_words: u64,
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
    // Every term that meets the minimum on either side: the family tested.
    let tested: Vec<(&str, u64, u64)> = index
        .all_forms()
        .iter()
        .filter(|&&f| index.is_whole(f) && !stop.contains(index.form_text(f)))
        .filter_map(|&f| {
            let counts = index.postings(f).counts();
            let (a, b) = side_sums(&sides, counts.map(|(d, n)| (d as usize, u64::from(n))));
            (a.max(b) >= options.min_count.max(1)).then(|| (index.form_text(f), a, b))
        })
        .collect();
    let p_values: Vec<f64> = tested
        .iter()
        .map(|&(_, a, b)| Table::new(a, a + b, t, t + r).p_value(p_measure(options.measure)))
        .collect();
    let q_values = benjamini_hochberg(&p_values);
    let mut terms: Vec<KeyTerm> = tested
        .iter()
        .zip(q_values)
        .filter(|&(&(_, a, b), _)| {
            // Over-represented: a / t > b / r, compared exactly.
            a > 0
                && a >= options.min_count
                && u128::from(a) * u128::from(r) > u128::from(b) * u128::from(t)
        })
        .map(|(&(term, a, b), q_value)| KeyTerm {
            q_value,
            ..key_term(term, a, b, (t, r), options.measure)
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

/// The test behind a measure's p-value: chi-square for `chi2`, G² otherwise.
fn p_measure(measure: KeynessMeasure) -> Measure {
    match measure {
        KeynessMeasure::Chi2 => Measure::Chi2,
        KeynessMeasure::Llr | KeynessMeasure::Logratio => Measure::Llr,
    }
}

/// A term's row, its `q_value` left at its `p_value` for the caller to set.
fn key_term(term: &str, a: u64, b: u64, (t, r): (u64, u64), measure: KeynessMeasure) -> KeyTerm {
    let table = Table::new(a, a + b, t, t + r);
    let log_ratio = (((a as f64 + 0.5) / t as f64) / ((b as f64 + 0.5) / r as f64)).log2();
    let score = match measure {
        KeynessMeasure::Llr => table.score(Measure::Llr),
        KeynessMeasure::Chi2 => table.score(Measure::Chi2),
        KeynessMeasure::Logratio => log_ratio,
    };
    let p_value = table.p_value(p_measure(measure));
    KeyTerm {
        term: term.to_string(),
        target: a,
        reference: b,
        score,
        p_value,
        q_value: p_value,
        target_per_million: a as f64 * 1e6 / t as f64,
        reference_per_million: b as f64 * 1e6 / r as f64,
        log_ratio,
        target_words: t,
        reference_words: r,
    }
}

/// Benjamini–Hochberg adjusted p-values, in the order given: the k-th
/// smallest of m becomes min over j ≥ k of p₍ⱼ₎ · m / j, at most 1.
pub(crate) fn benjamini_hochberg(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&x, &y| p_values[x].total_cmp(&p_values[y]));
    let mut adjusted = vec![1.0; m];
    let mut running = 1.0_f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        running = running
            .min(p_values[i] * m as f64 / (rank + 1) as f64)
            .min(1.0);
        adjusted[i] = running;
    }
    adjusted
}

fn invalid(message: String) -> Error {
    ErrorKind::InvalidArgument { message }.into()
}

#[cfg(test)]
mod tests {
    use super::benjamini_hochberg;

    #[test]
    fn benjamini_hochberg_matches_r_p_adjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH")
        let adjusted = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005, 0.5]);
        let expected = [0.025, 0.05, 0.05, 0.025, 0.5];
        for (a, e) in adjusted.iter().zip(expected) {
            assert!((a - e).abs() < 1e-12, "{adjusted:?}");
        }
        assert!(benjamini_hochberg(&[]).is_empty());
    }
}
