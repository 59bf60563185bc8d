//! The co-occurrence matrix of the top entities, in a columnar shape for
//! heatmaps.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{
    filter_pairs, ranked_entities, scored_pairs, CooccurUnit, CooccurrenceOptions, Counts, Measure,
    Scored,
};
use crate::corpus::Corpus;
use crate::error::Error;
use crate::extract::EntityType;
use crate::options::check_range;

/// Options of [`Corpus::matrix`]: those of [`CooccurrenceOptions`] but
/// `limit` and `nodes`, plus `size`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct MatrixOptions {
    /// The number of entities, 1 to 200 (default 20): the `size` most
    /// frequent (ties: name, then id). 1: a single cell, always 0; 200: a
    /// 40,000-cell heatmap. Fewer when fewer entities occur in scope.
    pub size: usize,
    /// What counts as together (default `sentence`).
    pub unit: CooccurUnit,
    /// For unit `window`: the most tokens between two mentions, 1 to 1,000
    /// (default 5).
    pub window: usize,
    /// How cells are scored (default `count`).
    pub measure: Measure,
    /// Cells need at least this many co-occurrences (default 1; 0 and 1
    /// keep every pair that co-occurs at all).
    pub min_count: u64,
    /// Cells need at least this score; absent: no minimum.
    pub min_score: Option<f64>,
    /// Cells need at most this p-value, 0 to 1; absent or 1: no maximum.
    pub max_p: Option<f64>,
    /// Entity types to include; empty: every type but date, money, quantity.
    pub types: Vec<EntityType>,
    /// Only these entities (ids); empty: all.
    pub entities: Vec<String>,
    /// Only documents matching this search query; absent or blank: all.
    pub query: Option<String>,
    /// Only documents dated on or after this ISO date.
    pub date_from: Option<String>,
    /// Only documents dated on or before this ISO date.
    pub date_to: Option<String>,
    /// Count each distinct unit once (default false), as
    /// [`CooccurrenceOptions::distinct`].
    pub distinct: bool,
}

impl Default for MatrixOptions {
    fn default() -> MatrixOptions {
        let base = CooccurrenceOptions::default();
        MatrixOptions {
            size: 20,
            unit: base.unit,
            window: base.window,
            measure: base.measure,
            min_count: base.min_count,
            min_score: base.min_score,
            max_p: base.max_p,
            types: base.types,
            entities: base.entities,
            query: base.query,
            date_from: base.date_from,
            date_to: base.date_to,
            distinct: base.distinct,
        }
    }
}

impl MatrixOptions {
    /// The co-occurrence options that count the same pairs among the top
    /// `size` entities.
    fn cooccurrence(&self) -> CooccurrenceOptions {
        CooccurrenceOptions {
            unit: self.unit,
            window: self.window,
            measure: self.measure,
            min_count: self.min_count,
            min_score: self.min_score,
            max_p: self.max_p,
            types: self.types.clone(),
            entities: self.entities.clone(),
            query: self.query.clone(),
            date_from: self.date_from.clone(),
            date_to: self.date_to.clone(),
            limit: None,
            nodes: Some(self.size),
            distinct: self.distinct,
        }
    }
}

/// A symmetric entity × entity matrix in columns (flat arrays): entity `i` is
/// `ids[i]`, and the cell of entities `i` and `j` is at `i * size + j`
/// (equal to the cell at `j * size + i`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// The unit counted.
    pub unit: CooccurUnit,
    /// The measure of `scores`.
    pub measure: Measure,
    /// N: the number of units (tokens, for windows) in scope.
    pub units: u64,
    /// The number of entities (rows, and columns).
    pub size: usize,
    /// Entity ids, by count (descending), then name, then id.
    pub ids: Vec<String>,
    /// Canonical names.
    pub names: Vec<String>,
    /// Types.
    pub types: Vec<EntityType>,
    /// Each entity's own count: units holding it (mentions, for windows).
    pub frequencies: Vec<u64>,
    /// Row-major `size × size` co-occurrence counts, as in
    /// [`Corpus::cooccurrence`]; 0 on the diagonal (self-pairs never count)
    /// and for pairs that never co-occur or fail the thresholds.
    pub counts: Vec<u64>,
    /// Row-major scores; `null` where `counts` is 0.
    pub scores: Vec<Option<f64>>,
    /// Row-major p-values (of chi-square for `chi2`, of G² otherwise);
    /// `null` where `counts` is 0.
    pub p_values: Vec<Option<f64>>,
}

impl Corpus {
    /// The co-occurrence matrix of the `size` most frequent entities, for a
    /// heatmap; it counts and scores pairs exactly as
    /// [`Corpus::cooccurrence`] does.
    ///
    /// # Errors
    /// An option out of range, a malformed query or date, or an unknown
    /// entity id.
    pub fn matrix(&self, options: &MatrixOptions) -> Result<Matrix, Error> {
        matrix(self, options)
    }
}

/// See [`Corpus::matrix`].
fn matrix(corpus: &Corpus, options: &MatrixOptions) -> Result<Matrix, Error> {
    check_range("size", options.size as f64, 1.0, 200.0)?;
    let base = options.cooccurrence();
    let (counts, pairs) = scored_pairs(corpus, &base)?;
    let pairs = filter_pairs(pairs, &base);
    let members: Vec<usize> = ranked_entities(corpus, &counts.freq)
        .into_iter()
        .take(options.size)
        .collect();
    let mut matrix = empty_matrix(corpus, options, &counts, &members);
    let position: FxHashMap<usize, usize> =
        members.iter().enumerate().map(|(i, &e)| (e, i)).collect();
    for pair in &pairs {
        if let (Some(&i), Some(&j)) = (position.get(&pair.a), position.get(&pair.b)) {
            matrix.set(i, j, pair);
            matrix.set(j, i, pair);
        }
    }
    Ok(matrix)
}

/// The matrix of `members` with their headers and every cell empty.
fn empty_matrix(
    corpus: &Corpus,
    options: &MatrixOptions,
    counts: &Counts,
    members: &[usize],
) -> Matrix {
    let records: Vec<_> = members
        .iter()
        .filter_map(|&e| corpus.entity_index().entities.get(e))
        .collect();
    let k = records.len();
    Matrix {
        unit: options.unit,
        measure: options.measure,
        units: counts.units,
        size: k,
        ids: records.iter().map(|r| r.id.clone()).collect(),
        names: records.iter().map(|r| r.name.clone()).collect(),
        types: records.iter().map(|r| r.ty).collect(),
        frequencies: members.iter().map(|&e| counts.freq[e]).collect(),
        counts: vec![0; k * k],
        scores: vec![None; k * k],
        p_values: vec![None; k * k],
    }
}

impl Matrix {
    fn set(&mut self, row: usize, column: usize, pair: &Scored) {
        let at = row * self.size + column;
        if let Some(cell) = self.counts.get_mut(at) {
            *cell = pair.count;
            self.scores[at] = Some(pair.score);
            self.p_values[at] = Some(pair.p_value);
        }
    }
}
