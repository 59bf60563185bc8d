//! Full-text search: ranked retrieval by document, paragraph or sentence,
//! with snippets and facets, a concordance (KWIC), term lists and term
//! trends; and the documents a query matches, for the analyses above.
//!
//! Ranking is BM25 over the corpus's positional index ([`crate::index`]);
//! the query language is in [`crate::query`].

mod buckets;
mod compounds;
mod eval;
mod facets;
mod fields;
mod fuzzy;
mod kwic;
mod snippet;
mod terms;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::error::Error;
use crate::index::{DocEntry, Index};
use crate::options::check_range;
use crate::query;
use crate::text::Span;
use eval::{Leaf, Resolved};

pub(crate) use buckets::document_buckets;
pub use buckets::Bucket;
pub use eval::Expansion;
pub use facets::{EntityFacet, FacetCount, FacetOptions, Facets};
pub use kwic::{Kwic, KwicLine, KwicOptions, KwicSort};
pub use snippet::Snippet;
pub use terms::{Stopwords, TermCount, TermsOptions, Trend, TrendOptions};

/// What a search hit is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Whole documents (the default).
    #[default]
    Document,
    /// Paragraphs: each must satisfy the whole query on its own.
    Paragraph,
    /// Sentences: each must satisfy the whole query on its own.
    Sentence,
}

/// Options of [`Corpus::search`].
#[derive(Clone, Debug, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchOptions {
    /// Hits to return, 1 to 10,000 (default 10).
    pub limit: usize,
    /// Hits to skip first, for paging (default 0).
    pub offset: usize,
    /// What a hit is (default `document`).
    pub unit: Unit,
    /// Snippet length in characters, 0 to 10,000 (default 200). 0 gives no
    /// snippet text; a unit shorter than this is shown whole.
    pub snippet_length: usize,
    /// BM25 term-frequency saturation, 0 to 10 (default 1.2). 0 scores a
    /// word by presence only; large values let repetitions count almost linearly.
    pub k1: f64,
    /// BM25 length normalisation, 0 to 1 (default 0.75). 0 ignores length;
    /// 1 fully penalises long units.
    pub b: f64,
    /// Extra weight, 0 to 10 (default 2), for a word also in the title or
    /// publication name, in units of the word's idf. 0 turns it off.
    pub title_boost: f64,
    /// Facet counts over every match (not only the hits returned): `true`
    /// for the defaults, or [`FacetOptions`]; absent or `false`: none.
    #[serde(deserialize_with = "facets::deserialize_facets")]
    pub facets: Option<FacetOptions>,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions {
            limit: 10,
            offset: 0,
            unit: Unit::Document,
            snippet_length: 200,
            k1: 1.2,
            b: 0.75,
            title_boost: 2.0,
            facets: None,
        }
    }
}

impl SearchOptions {
    fn check(&self) -> Result<(), Error> {
        check_range("limit", self.limit as f64, 1.0, 10_000.0)?;
        check_range("snippetLength", self.snippet_length as f64, 0.0, 10_000.0)?;
        check_range("k1", self.k1, 0.0, 10.0)?;
        check_range("b", self.b, 0.0, 1.0)?;
        check_range("titleBoost", self.title_boost, 0.0, 10.0)?;
        self.facets.as_ref().map_or(Ok(()), FacetOptions::check)
    }
}

/// The documents (by number, ascending) that match `query`, for other
/// analyses (entity lists, co-occurrence, keyness) to restrict themselves to.
///
/// # Errors
/// A malformed query.
pub(crate) fn matching_documents(corpus: &Corpus, query: &str) -> Result<Vec<u32>, Error> {
    let resolved = resolve(corpus, query)?;
    let total = corpus.index().docs.len() as u32;
    Ok(eval::documents(
        &resolved.plan,
        &resolved.leaves,
        total,
        false,
    ))
}

/// The answer to a search.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// What a hit is.
    pub unit: Unit,
    /// How many units match in all.
    pub total: usize,
    /// The hits from `offset`, best first.
    pub hits: Vec<Hit>,
    /// What each prefix or fuzzy word stood for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expansions: Vec<Expansion>,
    /// The facet counts, when the `facets` option asks for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

/// One matching document, paragraph or sentence.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    /// The document.
    pub doc_id: String,
    /// The BM25 score; higher is better.
    pub score: f64,
    /// The unit's span in the document text (UTF-16).
    pub start: usize,
    /// The end of the unit's span (UTF-16).
    pub end: usize,
    /// A passage of the unit with the matches marked.
    pub snippet: Snippet,
}

/// A matching unit before it becomes a [`Hit`].
struct Match {
    doc: u32,
    /// The unit's number within its document (0 for whole documents).
    unit: usize,
    score: f64,
}

impl Corpus {
    /// Searches the corpus.
    ///
    /// # Errors
    /// A malformed query (naming the problem and its position), an unknown
    /// field, or an option out of range.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<SearchResults, Error> {
        search(self, query, options)
    }
}

/// See [`Corpus::search`].
fn search(corpus: &Corpus, query: &str, options: &SearchOptions) -> Result<SearchResults, Error> {
    options.check()?;
    let resolved = resolve(corpus, query)?;
    let mut matches = match options.unit {
        Unit::Document => match_documents(corpus, &resolved, options),
        unit => match_units(corpus, &resolved, options, unit),
    };
    let total = matches.len();
    let facets = options.facets.as_ref().map(|f| {
        let mut docs: Vec<u32> = matches.iter().map(|m| m.doc).collect();
        docs.dedup(); // matches come in document order
        facets::count(corpus, &docs, f)
    });
    // Saturating: any offset past the end is simply no hits.
    best_first(&mut matches, options.offset.saturating_add(options.limit));
    let hits = matches
        .iter()
        .skip(options.offset)
        .take(options.limit)
        .map(|m| hit(corpus, m, &resolved.leaves, options))
        .collect();
    Ok(SearchResults {
        query: query.to_string(),
        unit: options.unit,
        total,
        hits,
        expansions: resolved.expansions,
        facets,
    })
}

/// Parses `query` and resolves its words and filters against the corpus.
pub(crate) fn resolve(corpus: &Corpus, query: &str) -> Result<Resolved, Error> {
    let node = query::parse(query)?;
    eval::resolve(&node, corpus)
}

fn match_documents(corpus: &Corpus, resolved: &Resolved, options: &SearchOptions) -> Vec<Match> {
    let index = corpus.index();
    let scorer = Scorer::new(index, &resolved.leaves, options, index.average_len());
    let n = index.docs.len();
    let frequencies: Vec<Vec<u32>> = resolved
        .leaves
        .iter()
        .map(|leaf| {
            if leaf.scored {
                leaf.frequencies(index, n)
            } else {
                Vec::new()
            }
        })
        .collect();
    let docs = eval::documents(&resolved.plan, &resolved.leaves, n as u32, false);
    docs.into_iter()
        .map(|doc| {
            let len = index.docs.get(doc as usize).map_or(0, |e| e.len);
            let tf = |i: usize| {
                frequencies
                    .get(i)
                    .and_then(|f| f.get(doc as usize))
                    .copied()
                    .unwrap_or(0)
            };
            let score = scorer.score_indexed(doc, len, &tf);
            Match {
                doc,
                unit: 0,
                score,
            }
        })
        .collect()
}

fn match_units(
    corpus: &Corpus,
    resolved: &Resolved,
    options: &SearchOptions,
    unit: Unit,
) -> Vec<Match> {
    let index = corpus.index();
    let (units, positions) = index.docs.iter().fold((0usize, 0u64), |(u, p), e| {
        (u + unit_starts(e, unit).len(), p + u64::from(e.len))
    });
    let scorer = Scorer::new(
        index,
        &resolved.leaves,
        options,
        positions as f64 / units.max(1) as f64,
    );
    let mut out = Vec::new();
    for doc in eval::documents(
        &resolved.plan,
        &resolved.leaves,
        index.docs.len() as u32,
        true,
    ) {
        let Some(entry) = index.docs.get(doc as usize) else {
            continue;
        };
        let starts = unit_starts(entry, unit);
        let counts = unit_counts(&resolved.leaves, index, doc, starts);
        let in_doc = |i: usize| {
            resolved
                .leaves
                .get(i)
                .is_some_and(|l| l.docs.binary_search(&doc).is_ok())
        };
        // A unit without any word of the query matches only if the query
        // holds with every word absent (a filter or a NOT alone).
        let wordless_unit_holds = resolved
            .plan
            .holds(&|i| resolved.leaves.get(i).is_some_and(|l| l.is_filter()) && in_doc(i));
        let candidates: Vec<usize> = if wordless_unit_holds {
            (0..starts.len()).collect()
        } else {
            counts.keys().copied().collect()
        };
        for u in candidates {
            let tf = |i: usize| counts.get(&u).map_or(0, |c| c[i]);
            let holds = resolved.plan.holds(&|i| match resolved.leaves.get(i) {
                Some(leaf) if leaf.is_filter() => in_doc(i),
                _ => tf(i) > 0,
            });
            if holds {
                let len = unit_range(starts, u, entry.len);
                let score = scorer.score_indexed(doc, len.1 - len.0, &tf);
                out.push(Match {
                    doc,
                    unit: u,
                    score,
                });
            }
        }
    }
    out
}

fn hit(corpus: &Corpus, m: &Match, leaves: &[Leaf], options: &SearchOptions) -> Hit {
    let index = corpus.index();
    let document = &corpus.documents()[m.doc as usize];
    let doc_len = index.docs.get(m.doc as usize).map_or(0, |e| e.len);
    let (region, positions) = match options.unit {
        Unit::Document => (Span::new(0, document.text.len()), (0, doc_len)),
        unit => {
            let spans = if unit == Unit::Sentence {
                &document.sentences
            } else {
                &document.paragraphs
            };
            let starts = index
                .docs
                .get(m.doc as usize)
                .map_or(&[][..], |e| unit_starts(e, unit));
            (
                spans.get(m.unit).copied().unwrap_or_default(),
                unit_range(starts, m.unit, doc_len),
            )
        }
    };
    let occurrences = if options.snippet_length == 0 {
        Vec::new()
    } else {
        scored_occurrences(leaves, index, m.doc)
    };
    let snippet = snippet::build(
        index,
        m.doc,
        document,
        (region, positions),
        &occurrences,
        options.snippet_length,
    );
    let span = document.utf16_span(region);
    Hit {
        doc_id: document.id.clone(),
        score: m.score,
        start: span.start,
        end: span.end,
        snippet,
    }
}

/// Puts the best `k` matches first, in order: score, then document, then
/// unit. Only those `k` are sorted; the rest are left in any order.
fn best_first(matches: &mut [Match], k: usize) {
    let order = |a: &Match, b: &Match| {
        b.score
            .total_cmp(&a.score)
            .then(a.doc.cmp(&b.doc))
            .then(a.unit.cmp(&b.unit))
    };
    if k < matches.len() {
        matches.select_nth_unstable_by(k, order);
    }
    let top = k.min(matches.len());
    matches[..top].sort_unstable_by(order);
}

/// The first token position of each unit.
fn unit_starts(entry: &DocEntry, unit: Unit) -> &[u32] {
    match unit {
        Unit::Sentence => &entry.sentence_starts,
        _ => &entry.paragraph_starts,
    }
}

/// The token range `[start, end)` of unit `u`.
fn unit_range(starts: &[u32], u: usize, doc_len: u32) -> (u32, u32) {
    let start = starts.get(u).copied().unwrap_or(doc_len);
    let end = starts.get(u + 1).copied().unwrap_or(doc_len);
    (start, end.max(start))
}

/// For each unit holding an occurrence, how many occurrences of each leaf it holds.
fn unit_counts(
    leaves: &[Leaf],
    index: &Index,
    doc: u32,
    starts: &[u32],
) -> BTreeMap<usize, Vec<u32>> {
    let mut counts: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (i, leaf) in leaves.iter().enumerate() {
        for (start, _) in leaf.occurrences(index, doc) {
            let Some(u) = starts.partition_point(|&s| s <= start).checked_sub(1) else {
                continue;
            };
            counts.entry(u).or_insert_with(|| vec![0; leaves.len()])[i] += 1;
        }
    }
    counts
}

/// The occurrences of every scored leaf in `doc`, each with its leaf number, by position.
fn scored_occurrences(leaves: &[Leaf], index: &Index, doc: u32) -> Vec<(eval::Occurrence, usize)> {
    let mut all: Vec<(eval::Occurrence, usize)> = leaves
        .iter()
        .enumerate()
        .filter(|(_, leaf)| leaf.scored)
        .flat_map(|(i, leaf)| {
            leaf.occurrences(index, doc)
                .into_iter()
                .map(move |o| (o, i))
        })
        .collect();
    all.sort_unstable();
    all
}

/// BM25 with a title bonus.
struct Scorer<'a> {
    leaves: &'a [Leaf],
    index: &'a Index,
    idf: Vec<f64>,
    k1: f64,
    b: f64,
    title_boost: f64,
    average_len: f64,
}

impl<'a> Scorer<'a> {
    fn new(
        index: &'a Index,
        leaves: &'a [Leaf],
        options: &SearchOptions,
        average_len: f64,
    ) -> Scorer<'a> {
        let n = index.docs.len() as f64;
        let idf = leaves
            .iter()
            .map(|leaf| {
                let df = leaf.docs.len() as f64;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        Scorer {
            leaves,
            index,
            idf,
            k1: options.k1,
            b: options.b,
            title_boost: options.title_boost,
            average_len: average_len.max(1.0),
        }
    }

    fn score_indexed(&self, doc: u32, len: u32, tf: &dyn Fn(usize) -> u32) -> f64 {
        let norm = self.k1 * (1.0 - self.b + self.b * f64::from(len) / self.average_len);
        let mut score = 0.0;
        for (i, leaf) in self.leaves.iter().enumerate().filter(|(_, l)| l.scored) {
            let f = f64::from(tf(i));
            let idf = self.idf.get(i).copied().unwrap_or(0.0);
            if f > 0.0 {
                score += idf * f * (self.k1 + 1.0) / (f + norm);
                if leaf.in_title(self.index, doc) {
                    score += self.title_boost * idf;
                }
            }
        }
        score
    }
}
