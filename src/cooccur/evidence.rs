//! The units behind an edge: where two entities co-occur.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use super::count::{self, CooccurUnit, Mention};
use super::{check_distinct, scope_documents, Scope};
use crate::corpus::Corpus;
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::options::check_range;
use crate::text::Span;

/// Options of [`Corpus::evidence`]; give the same unit, window and scope as
/// the network whose edge is asked about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceOptions {
    /// What counts as together (default `sentence`).
    pub unit: CooccurUnit,
    /// For unit `window`: the most tokens between two mentions, 1 to 1,000 (default 5).
    pub window: usize,
    /// At most this many units, in corpus order; absent: all of them.
    pub limit: Option<usize>,
    /// Only documents matching this search query; absent: all.
    pub query: Option<String>,
    /// Only documents dated on or after this ISO date.
    pub date_from: Option<String>,
    /// Only documents dated on or before this ISO date.
    pub date_to: Option<String>,
    /// Only the first of units with the same words, as the network's
    /// `distinct` counts them (default false).
    pub distinct: bool,
}

impl Default for EvidenceOptions {
    fn default() -> EvidenceOptions {
        EvidenceOptions {
            unit: CooccurUnit::Sentence,
            window: 5,
            limit: None,
            query: None,
            date_from: None,
            date_to: None,
            distinct: false,
        }
    }
}

/// A unit in which both entities occur; offsets in UTF-16 code units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceUnit {
    /// The document.
    pub doc_id: String,
    /// Start of the unit (for windows: of the sentence holding the first mention).
    pub start: usize,
    /// End of the unit (for windows: of the sentence holding the second mention).
    pub end: usize,
    /// The unit's text.
    pub text: String,
    /// The mentions of the two entities in the unit (for windows: the pair),
    /// in text order.
    pub mentions: Vec<EvidenceMention>,
}

/// A mention inside an [`EvidenceUnit`]; offsets in the document, UTF-16.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceMention {
    /// Start of the mention.
    pub start: usize,
    /// End of the mention.
    pub end: usize,
    /// The entity mentioned.
    pub entity_id: String,
}

impl Corpus {
    /// The units in which entities `a` and `b` co-occur, in corpus order.
    /// Their number equals the count of the edge `a`–`b` in the network of
    /// the same unit, window and scope.
    ///
    /// # Errors
    /// An unknown entity id, the same id twice, an option out of range, or a
    /// malformed query or date.
    pub fn evidence(
        &self,
        a: &str,
        b: &str,
        options: &EvidenceOptions,
    ) -> Result<Vec<EvidenceUnit>, Error> {
        evidence(self, a, b, options)
    }
}

/// See [`Corpus::evidence`].
fn evidence(
    corpus: &Corpus,
    a: &str,
    b: &str,
    options: &EvidenceOptions,
) -> Result<Vec<EvidenceUnit>, Error> {
    check_range("window", options.window as f64, 1.0, 1000.0)?;
    check_distinct(options.distinct, options.unit)?;
    let index = corpus.entity_index();
    let ea = index.entity_number(a)?;
    let eb = index.entity_number(b)?;
    if ea == eb {
        return Err(ErrorKind::InvalidArgument {
            message: format!("evidence needs two different entities, got {a:?} twice"),
        }
        .into());
    }
    let mut allowed = vec![false; index.entities.len()];
    allowed[ea] = true;
    allowed[eb] = true;
    let scope = Scope {
        query: options.query.as_deref(),
        date_from: options.date_from.as_deref(),
        date_to: options.date_to.as_deref(),
    };
    let limit = options.limit.unwrap_or(usize::MAX);
    let mut out = Vec::new();
    let mut seen = options.distinct.then(FxHashSet::default);
    let tokens = match options.unit {
        CooccurUnit::Window => index.mention_tokens(corpus.documents()),
        _ => &[],
    };
    for d in scope_documents(corpus, scope)? {
        let (Some(doc), Some((mentions, _))) = (corpus.documents().get(d), index.docs.get(d))
        else {
            continue;
        };
        let doc_tokens = tokens.get(d).map_or(&[][..], Vec::as_slice);
        document_evidence(
            corpus,
            doc,
            (mentions, doc_tokens),
            &allowed,
            (options, seen.as_mut()),
            &mut out,
        );
        if out.len() >= limit {
            break;
        }
    }
    out.truncate(limit);
    Ok(out)
}

fn document_evidence(
    corpus: &Corpus,
    doc: &Document,
    (mentions, tokens): (&[Mention], &[(usize, usize)]),
    allowed: &[bool],
    (options, seen): (&EvidenceOptions, Option<&mut FxHashSet<u64>>),
    out: &mut Vec<EvidenceUnit>,
) {
    if options.unit == CooccurUnit::Window {
        let ranges = count::token_ranges(mentions, tokens, allowed);
        count::for_each_window_pair(&ranges, options.window, |x, y| {
            let first = unit_of(&doc.sentences, x.0.start).unwrap_or(x.0);
            let last = unit_of(&doc.sentences, y.0.start).unwrap_or(y.0);
            let span = Span::new(first.start.min(x.0.start), last.end.max(y.0.end));
            out.push(evidence_unit(corpus, doc, span, &[x, y]));
        });
        return;
    }
    let spans = count::unit_spans(doc, options.unit);
    let fresh = count::fresh_units(doc, &spans, seen);
    count::for_each_unit(&spans, mentions, allowed, |u, members| {
        let first = members[0].1;
        if fresh.get(u).copied().unwrap_or(true) && members.iter().any(|m| m.1 != first) {
            let span = spans.get(u).copied().unwrap_or_default();
            out.push(evidence_unit(corpus, doc, span, members));
        }
    });
}

fn evidence_unit(corpus: &Corpus, doc: &Document, span: Span, members: &[Mention]) -> EvidenceUnit {
    let utf16 = doc.utf16_span(span);
    let entities = &corpus.entity_index().entities;
    let mentions = members
        .iter()
        .map(|&(m, e)| {
            let at = doc.utf16_span(m);
            EvidenceMention {
                start: at.start,
                end: at.end,
                entity_id: entities.get(e).map(|r| r.id.clone()).unwrap_or_default(),
            }
        })
        .collect();
    EvidenceUnit {
        doc_id: doc.id.clone(),
        start: utf16.start,
        end: utf16.end,
        text: span.of(&doc.text).to_string(),
        mentions,
    }
}

/// The span of `spans` (sentences) holding the byte offset `at`: the last
/// one if `at` is past them all.
fn unit_of(spans: &[Span], at: usize) -> Option<Span> {
    let u = spans.partition_point(|s| s.end <= at);
    spans.get(u.min(spans.len().saturating_sub(1))).copied()
}
