//! Entity co-occurrence: counting by unit, association measures with
//! significance, the evidence behind every edge, a matrix for heatmaps, and
//! exports; and, around it, entity mentions over time ([`Corpus::timeline`]),
//! the words near an entity or a word ([`Corpus::collocates`]) and the words
//! that set one set of documents apart ([`Corpus::keyness`]).
//!
//! # Counting rules
//! - **Units** `sentence`, `paragraph`, `document`: a mention belongs to the
//!   unit its first character is in. Each unit adds at most 1 to each
//!   unordered pair of distinct entities it mentions, however often either
//!   name repeats, and at most 1 to each entity's frequency. N is the number
//!   of units of the documents in scope, with or without mentions.
//! - **Window**: every pair of mentions of distinct entities at most
//!   `window` tokens apart counts once; "apart" is the number of tokens from
//!   the last token of the earlier mention to the first token of the later
//!   one (adjacent mentions are 1 apart). Windows cross sentence and
//!   paragraph boundaries but not documents. N is the number of tokens in
//!   scope and an entity's frequency its number of mentions (NLTK's
//!   convention for window collocations).
//! - Self-pairs (an entity with itself) never count.
//! - By default the types `date`, `money` and `quantity` are left out: they
//!   are values rather than actors and would dominate every network. Name
//!   them in `types` to include them.

mod collocates;
mod columns;
mod count;
mod evidence;
mod export;
mod keyness;
mod matrix;
mod measures;
mod timeline;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::dates::Date;
use crate::error::{Error, ErrorKind};
use crate::extract::EntityType;
use crate::network::Graph;
use crate::options::{self, check_range};
use crate::search::matching_documents;
use count::Counts;

pub use collocates::{Collocate, CollocateOptions};
pub use columns::{EdgeColumns, NetworkColumns, NodeColumns, Numbers};
pub use count::CooccurUnit;
pub use evidence::{EvidenceMention, EvidenceOptions, EvidenceUnit};
pub use export::ExportFormat;
pub use keyness::{KeyTerm, KeynessMeasure, KeynessOptions};
pub use matrix::{Matrix, MatrixOptions};
pub use measures::{chi2_survival, measures, Measure, MeasureInfo, Table};
pub use timeline::{Series, Timeline, TimelineOptions};

/// Options of [`Corpus::cooccurrence`] and [`Corpus::export_network`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct CooccurrenceOptions {
    /// What counts as together (default `sentence`).
    pub unit: CooccurUnit,
    /// For unit `window`: the most tokens between two mentions, 1 to 1,000
    /// (default 5). 1: only adjacent mentions; large values approach the
    /// document unit, counting every pair of mentions.
    pub window: usize,
    /// How edges are scored (default `count`).
    pub measure: Measure,
    /// Edges need at least this many co-occurrences (default 1; 0 and 1
    /// keep every pair that co-occurs at all).
    pub min_count: u64,
    /// Edges need at least this score; absent: no minimum.
    pub min_score: Option<f64>,
    /// Edges need at most this p-value, 0 to 1; absent or 1: no maximum,
    /// 0: only p-values that underflow to 0.
    pub max_p: Option<f64>,
    /// Entity types to include; empty: every type but date, money, quantity.
    pub types: Vec<EntityType>,
    /// Only these entities (ids), among themselves; empty: all.
    pub entities: Vec<String>,
    /// Only documents matching this search query; absent or blank: all.
    pub query: Option<String>,
    /// Only documents dated on or after this ISO date (`YYYY`, `YYYY-MM`,
    /// `YYYY-MM-DD`); undated documents are then left out.
    pub date_from: Option<String>,
    /// Only documents dated on or before this ISO date (inclusive at its
    /// precision: `2005` takes all of 2005).
    pub date_to: Option<String>,
    /// At most this many edges, best scores first, 1 to 10,000,000; absent: all.
    pub limit: Option<usize>,
    /// Only edges between the this many most frequent entities, 1 to
    /// 1,000,000; absent: all.
    pub nodes: Option<usize>,
    /// Count each distinct unit once (default false): a sentence, paragraph
    /// or document whose words (folded: case, accents, spacing) repeat an
    /// earlier one in scope is not counted again, so passages copied from
    /// one address into the next do not inflate the counts. Not with unit
    /// `window`.
    pub distinct: bool,
}

impl Default for CooccurrenceOptions {
    fn default() -> CooccurrenceOptions {
        CooccurrenceOptions {
            unit: CooccurUnit::Sentence,
            window: 5,
            measure: Measure::Count,
            min_count: 1,
            min_score: None,
            max_p: None,
            types: Vec::new(),
            entities: Vec::new(),
            query: None,
            date_from: None,
            date_to: None,
            limit: None,
            nodes: None,
            distinct: false,
        }
    }
}

impl CooccurrenceOptions {
    fn check(&self) -> Result<(), Error> {
        check_range("window", self.window as f64, 1.0, 1000.0)?;
        check_distinct(self.distinct, self.unit)?;
        if let Some(p) = self.max_p {
            check_range("maxP", p, 0.0, 1.0)?;
        }
        if let Some(s) = self.min_score {
            check_range("minScore", s, f64::MIN, f64::MAX)?;
        }
        if let Some(limit) = self.limit {
            check_range("limit", limit as f64, 1.0, 1e7)?;
        }
        if let Some(nodes) = self.nodes {
            check_range("nodes", nodes as f64, 1.0, 1e6)?;
        }
        Ok(())
    }

    fn scope(&self) -> Scope<'_> {
        Scope {
            query: self.query.as_deref(),
            date_from: self.date_from.as_deref(),
            date_to: self.date_to.as_deref(),
        }
    }
}

/// Which documents an analysis looks at.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Scope<'a> {
    pub query: Option<&'a str>,
    pub date_from: Option<&'a str>,
    pub date_to: Option<&'a str>,
}

/// An entity network: nodes with their analytics, edges with their scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Network {
    /// The unit counted.
    pub unit: CooccurUnit,
    /// The measure that scored the edges.
    pub measure: Measure,
    /// N: the number of units (tokens, for windows) in scope.
    pub units: u64,
    /// Entities that are an end of some edge, by count (descending), then
    /// name, then id.
    pub nodes: Vec<Node>,
    /// Edges by score (descending), then count (descending), then source,
    /// then target.
    pub edges: Vec<Edge>,
    /// How many edges passed every filter before `limit` kept the
    /// strongest: more than `edges.len()` when the limit left some out.
    pub total_edges: usize,
}

/// An entity in a network.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Node {
    /// The entity id.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Units holding the entity (mentions, for windows).
    pub count: u64,
    /// Edges at this node.
    pub degree: usize,
    /// The sum of the counts of the edges at this node.
    pub weighted_degree: u64,
    /// Betweenness centrality, unweighted, normalised to 0..1 as networkx
    /// does; estimated from sampled sources on large networks (see
    /// [`crate::network`]).
    pub betweenness: f64,
    /// The Louvain community, numbered from 0 by size (largest first).
    pub community: usize,
}

/// A pair of entities that co-occur.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Edge {
    /// The entity id that sorts first.
    pub source: String,
    /// The other entity id.
    pub target: String,
    /// Units holding both (mention pairs, for windows).
    pub count: u64,
    /// The count expected by chance: f(source) · f(target) / N.
    pub expected: f64,
    /// The measure's score.
    pub score: f64,
    /// The p-value: of chi-square for `chi2`, of G² otherwise.
    pub p_value: f64,
}

/// A pair before it becomes an [`Edge`].
#[derive(Clone, Copy, Debug)]
struct Scored {
    a: usize,
    b: usize,
    count: u64,
    table: Table,
    score: f64,
    p_value: f64,
}

impl Corpus {
    /// The co-occurrence network of the entities (see the module docs for
    /// the counting rules).
    ///
    /// # Errors
    /// An option out of range, a malformed query or date, or an unknown
    /// entity id.
    pub fn cooccurrence(&self, options: &CooccurrenceOptions) -> Result<Network, Error> {
        cooccurrence(self, options)
    }

    /// The network of [`Corpus::cooccurrence`] in columns.
    ///
    /// # Errors
    /// As for [`Corpus::cooccurrence`].
    pub fn cooccurrence_columns(
        &self,
        options: &CooccurrenceOptions,
    ) -> Result<NetworkColumns, Error> {
        cooccurrence_columns(self, options)
    }
}

/// See [`Corpus::cooccurrence`].
fn cooccurrence(corpus: &Corpus, options: &CooccurrenceOptions) -> Result<Network, Error> {
    let (counts, pairs) = scored_pairs(corpus, options)?;
    let mut pairs = filter_pairs(pairs, options);
    sort_pairs(corpus, &mut pairs);
    let total_edges = pairs.len();
    pairs.truncate(options.limit.unwrap_or(usize::MAX));
    network(corpus, options, &counts, &pairs, total_edges)
}

/// See [`Corpus::cooccurrence_columns`].
fn cooccurrence_columns(
    corpus: &Corpus,
    options: &CooccurrenceOptions,
) -> Result<NetworkColumns, Error> {
    NetworkColumns::new(&cooccurrence(corpus, options)?)
}

/// Counts and scores every pair, keeping those among the top `nodes`.
fn scored_pairs(
    corpus: &Corpus,
    options: &CooccurrenceOptions,
) -> Result<(Counts, Vec<Scored>), Error> {
    options.check()?;
    let allowed = allowed_entities(corpus, &options.types, &options.entities)?;
    let docs = scope_documents(corpus, options.scope())?;
    let counts = count(corpus, &docs, &allowed, options);
    let top = options.nodes.map(|k| top_entities(corpus, &counts, k));
    let keep = |e: usize| {
        top.as_ref()
            .is_none_or(|t| t.get(e).copied().unwrap_or(false))
    };
    let pairs = counts
        .pairs
        .iter()
        .filter(|(&(a, b), _)| keep(a as usize) && keep(b as usize))
        .map(|(&(a, b), &n)| score_pair(&counts, a as usize, b as usize, n, options.measure))
        .collect();
    Ok((counts, pairs))
}

/// Which entity numbers take part, as a mask.
fn allowed_entities(
    corpus: &Corpus,
    types: &[EntityType],
    ids: &[String],
) -> Result<Vec<bool>, Error> {
    const DEFAULT_OUT: [EntityType; 3] =
        [EntityType::Date, EntityType::Money, EntityType::Quantity];
    let index = corpus.entity_index();
    let mut allowed: Vec<bool> = index
        .entities
        .iter()
        .map(|r| match types {
            [] => !DEFAULT_OUT.contains(&r.ty),
            _ => types.contains(&r.ty),
        })
        .collect();
    if !ids.is_empty() {
        let mut listed = vec![false; allowed.len()];
        for id in ids {
            let e = index.entity_number(id)?;
            listed[e] = true;
        }
        // Listed entities are in whatever their type.
        allowed = listed;
    }
    Ok(allowed)
}

/// The documents in scope, by number, ascending.
pub(crate) fn scope_documents(corpus: &Corpus, scope: Scope<'_>) -> Result<Vec<usize>, Error> {
    let from = date_option("dateFrom", scope.date_from)?.map(|d| bounds(d).0);
    let to = date_option("dateTo", scope.date_to)?.map(|d| bounds(d).1);
    let mut docs: Vec<usize> = match scope.query.map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => matching_documents(corpus, q)?
            .into_iter()
            .map(|d| d as usize)
            .collect(),
        None => (0..corpus.documents().len()).collect(),
    };
    if from.is_some() || to.is_some() {
        docs.retain(|&d| {
            let doc = &corpus.documents()[d];
            let Some(date) = doc.anchor_date() else {
                return false;
            };
            let (lo, hi) = bounds(date);
            from.is_none_or(|f| hi >= f) && to.is_none_or(|t| lo <= t)
        });
    }
    Ok(docs)
}

/// Refuses `distinct` with windows: a window is not a unit of text that
/// repeats.
pub(crate) fn check_distinct(distinct: bool, unit: CooccurUnit) -> Result<(), Error> {
    if distinct && unit == CooccurUnit::Window {
        return Err(ErrorKind::InvalidArgument {
            message: "the option distinct counts each distinct sentence, paragraph or document once; it does not apply to the unit window".to_string(),
        }
        .into());
    }
    Ok(())
}

fn count(
    corpus: &Corpus,
    docs: &[usize],
    allowed: &[bool],
    options: &CooccurrenceOptions,
) -> Counts {
    let (unit, window) = (options.unit, options.window);
    let mut seen = options.distinct.then(FxHashSet::default);
    let index = corpus.entity_index();
    let mut counts = Counts {
        freq: vec![0; index.entities.len()],
        ..Counts::default()
    };
    let tokens = match unit {
        CooccurUnit::Window => index.mention_tokens(corpus.documents()),
        _ => &[],
    };
    for &d in docs {
        let (Some(doc), Some((mentions, _))) = (corpus.documents().get(d), index.docs.get(d))
        else {
            continue;
        };
        match unit {
            CooccurUnit::Window => {
                let doc_tokens = tokens.get(d).map_or(&[][..], Vec::as_slice);
                count::count_window(doc, (mentions, doc_tokens), allowed, window, &mut counts)
            }
            _ => count::count_units(doc, mentions, allowed, unit, seen.as_mut(), &mut counts),
        }
    }
    counts
}

/// A mask of the `k` most frequent entities (ties: name, then id).
fn top_entities(corpus: &Corpus, counts: &Counts, k: usize) -> Vec<bool> {
    let mut mask = vec![false; counts.freq.len()];
    for e in ranked_entities(corpus, &counts.freq).into_iter().take(k) {
        mask[e] = true;
    }
    mask
}

/// The entities with a nonzero `freq`, most frequent first (ties: name,
/// then id).
pub(crate) fn ranked_entities(corpus: &Corpus, freq: &[u64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..freq.len()).filter(|&e| freq[e] > 0).collect();
    order.sort_by(|&a, &b| {
        freq[b]
            .cmp(&freq[a])
            .then_with(|| entity_order(corpus, a, b))
    });
    order
}

/// Entities by name, then id.
fn entity_order(corpus: &Corpus, a: usize, b: usize) -> std::cmp::Ordering {
    let entities = &corpus.entity_index().entities;
    match (entities.get(a), entities.get(b)) {
        (Some(x), Some(y)) => (&x.name, &x.id).cmp(&(&y.name, &y.id)),
        _ => a.cmp(&b),
    }
}

fn entity_id(corpus: &Corpus, e: usize) -> &str {
    corpus
        .entity_index()
        .entities
        .get(e)
        .map_or("", |r| r.id.as_str())
}

/// Orders pairs best first: score, count, then the ids of both ends.
fn sort_pairs(corpus: &Corpus, pairs: &mut [Scored]) {
    pairs.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(y.count.cmp(&x.count))
            .then_with(|| ends(corpus, x).cmp(&ends(corpus, y)))
    });
}

/// The ids of a pair's ends, the one that sorts first first.
fn ends<'c>(corpus: &'c Corpus, pair: &Scored) -> (&'c str, &'c str) {
    let (a, b) = (entity_id(corpus, pair.a), entity_id(corpus, pair.b));
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn network(
    corpus: &Corpus,
    options: &CooccurrenceOptions,
    counts: &Counts,
    pairs: &[Scored],
    total_edges: usize,
) -> Result<Network, Error> {
    let mut members: Vec<usize> = pairs.iter().flat_map(|p| [p.a, p.b]).collect();
    members.sort_unstable();
    members.dedup();
    members.sort_by(|&a, &b| {
        counts.freq[b]
            .cmp(&counts.freq[a])
            .then_with(|| entity_order(corpus, a, b))
    });
    let position: rustc_hash::FxHashMap<usize, usize> =
        members.iter().enumerate().map(|(i, &e)| (e, i)).collect();
    let mut graph = Graph::new(members.len());
    for p in pairs {
        if let (Some(&i), Some(&j)) = (position.get(&p.a), position.get(&p.b)) {
            graph.add_edge(i, j, p.count as f64);
        }
    }
    let analytics = graph.analytics();
    let nodes = members
        .iter()
        .zip(analytics)
        .map(|(&e, a)| node(corpus, e, counts.freq[e], a))
        .collect::<Result<_, _>>()?;
    let edges = pairs.iter().map(|p| edge(corpus, p)).collect();
    Ok(Network {
        unit: options.unit,
        measure: options.measure,
        units: counts.units,
        total_edges,
        nodes,
        edges,
    })
}

/// # Errors
/// An internal error if `e` is not an entity of the corpus: a node without a
/// record would otherwise pass as an unnamed `person`.
fn node(
    corpus: &Corpus,
    e: usize,
    count: u64,
    a: crate::network::NodeAnalytics,
) -> Result<Node, Error> {
    let record = corpus.entity_index().entities.get(e).ok_or_else(|| {
        Error::internal(format!(
            "the network's node {e} is not an entity of the corpus"
        ))
    })?;
    Ok(Node {
        id: record.id.clone(),
        name: record.name.clone(),
        ty: record.ty,
        count,
        degree: a.degree,
        weighted_degree: a.weighted_degree.round() as u64,
        betweenness: a.betweenness,
        community: a.community,
    })
}

fn edge(corpus: &Corpus, p: &Scored) -> Edge {
    let (source, target) = ends(corpus, p);
    Edge {
        source: source.to_string(),
        target: target.to_string(),
        count: p.count,
        expected: p.table.expected(),
        score: p.score,
        p_value: p.p_value,
    }
}

fn score_pair(counts: &Counts, a: usize, b: usize, n: u64, measure: Measure) -> Scored {
    let f = |e: usize| counts.freq.get(e).copied().unwrap_or(0);
    let table = Table::new(n, f(a), f(b), counts.units);
    Scored {
        a,
        b,
        count: n,
        table,
        score: table.score(measure),
        p_value: table.p_value(measure),
    }
}

/// Keeps the pairs that pass `minCount`, `minScore` and `maxP`.
fn filter_pairs(pairs: Vec<Scored>, options: &CooccurrenceOptions) -> Vec<Scored> {
    pairs
        .into_iter()
        .filter(|p| {
            p.count >= options.min_count
                && options.min_score.is_none_or(|s| p.score >= s)
                && options.max_p.is_none_or(|m| p.p_value <= m)
        })
        .collect()
}

/// A date option of a [`Scope`]; absent or blank: none.
fn date_option(name: &str, value: Option<&str>) -> Result<Option<Date>, Error> {
    value
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|text| options::iso_date(name, text))
        .transpose()
}

/// The first and last day a date covers, as (year, month, day).
fn bounds(date: Date) -> ((i32, u8, u8), (i32, u8, u8)) {
    let lo = (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1));
    let hi = (date.year, date.month.unwrap_or(12), date.day.unwrap_or(31));
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_that_is_no_entity_is_an_internal_error_not_a_person() {
        let corpus = Corpus::embedded().unwrap();
        let error = node(&corpus, usize::MAX, 1, Default::default()).unwrap_err();
        assert_eq!(error.kind().name(), "internal");
        assert!(
            error.to_string().contains("is not an entity of the corpus"),
            "{error}"
        );
    }
}
