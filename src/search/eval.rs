//! Resolving a parsed query against the index and finding what matches.
//!
//! A query becomes a boolean [`Plan`] over [`Leaf`]s. A leaf knows the
//! documents where it holds and, for words and phrases, where in them.
//! Words read their positions straight from the postings; phrases and NEAR
//! are worked out once per query, only in documents holding all their words.

use serde::Serialize;

use super::compounds::CompoundPhrase;
use super::fields::{self, FieldFilter};
use super::fuzzy::fuzzy_forms;
use crate::corpus::Corpus;
use crate::error::Error;
use crate::index::Index;
use crate::query::{Node, Term, TermKind};
use crate::text;
use crate::text::fold;

/// At most this many forms stand in for one prefix or fuzzy word; the most
/// frequent are kept and the result says the list was cut.
pub(crate) const MAX_EXPANSIONS: usize = 256;

/// An occurrence: first and last token position, inclusive.
pub(crate) type Occurrence = (u32, u32);

/// What a prefix or fuzzy word stood for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Expansion {
    /// The word as typed, with its `*` or `~N`.
    pub term: String,
    /// How many forms in the corpus match it.
    pub matched: usize,
    /// The forms used (most frequent first), at most 256.
    pub forms: Vec<String>,
    /// Whether `forms` was cut to the most frequent 256.
    pub truncated: bool,
}

/// A boolean combination of leaves.
#[derive(Clone, Debug)]
pub(crate) enum Plan {
    Leaf(usize),
    And(Vec<Plan>),
    Or(Vec<Plan>),
    Not(Box<Plan>),
}

impl Plan {
    /// Evaluates the plan given whether each leaf holds.
    pub fn holds(&self, leaf: &dyn Fn(usize) -> bool) -> bool {
        match self {
            Plan::Leaf(i) => leaf(*i),
            Plan::And(parts) => parts.iter().all(|p| p.holds(leaf)),
            Plan::Or(parts) => parts.iter().any(|p| p.holds(leaf)),
            Plan::Not(inner) => !inner.holds(leaf),
        }
    }
}

/// One resolved word, phrase or filter.
#[derive(Clone, Debug)]
pub(crate) struct Leaf {
    /// Whether it counts towards the score and the highlights (not negated, not a filter).
    pub scored: bool,
    /// The documents where it holds, ascending.
    pub docs: Vec<u32>,
    kind: LeafKind,
}

#[derive(Clone, Debug)]
enum LeafKind {
    /// Any of these forms, read from the postings.
    Forms(Vec<u32>),
    /// Occurrences worked out per document (phrases, NEAR).
    /// `spans[k]` are the occurrences in `docs[k]`.
    Spans(Vec<Vec<Occurrence>>),
    /// A document filter with no positions.
    Filter,
}

impl Leaf {
    /// Whether the leaf is a document filter, holding for whole documents.
    pub fn is_filter(&self) -> bool {
        matches!(self.kind, LeafKind::Filter)
    }

    /// The occurrences of the leaf in `doc`, ascending.
    pub fn occurrences(&self, index: &Index, doc: u32) -> Vec<Occurrence> {
        match &self.kind {
            LeafKind::Forms(forms) => merged_positions(index, forms, doc)
                .into_iter()
                .map(|p| (p, p))
                .collect(),
            LeafKind::Spans(spans) => match self.docs.binary_search(&doc) {
                Ok(k) => spans.get(k).cloned().unwrap_or_default(),
                Err(_) => Vec::new(),
            },
            LeafKind::Filter => Vec::new(),
        }
    }

    /// How often the leaf occurs in each of `docs` documents (dense, by
    /// document number), read in one pass over the postings.
    pub fn frequencies(&self, index: &Index, docs: usize) -> Vec<u32> {
        let mut counts = vec![0; docs];
        match &self.kind {
            LeafKind::Forms(forms) => {
                for &form in forms {
                    for (doc, n) in index.postings(form).counts() {
                        if let Some(c) = counts.get_mut(doc as usize) {
                            *c += n;
                        }
                    }
                }
            }
            LeafKind::Spans(spans) => {
                for (&doc, found) in self.docs.iter().zip(spans) {
                    if let Some(c) = counts.get_mut(doc as usize) {
                        *c = found.len() as u32;
                    }
                }
            }
            LeafKind::Filter => {}
        }
        counts
    }

    /// Whether any of the leaf's forms is in the document's title or header.
    pub fn in_title(&self, index: &Index, doc: u32) -> bool {
        let Some(entry) = index.docs.get(doc as usize) else {
            return false;
        };
        match &self.kind {
            LeafKind::Forms(forms) => forms
                .iter()
                .any(|f| entry.title_forms.binary_search(f).is_ok()),
            _ => false,
        }
    }
}

/// A query resolved against one corpus.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    pub plan: Plan,
    pub leaves: Vec<Leaf>,
    pub expansions: Vec<Expansion>,
}

/// Resolves a parsed query.
///
/// # Errors
/// An unknown field or a bad field value.
pub(crate) fn resolve(node: &Node, corpus: &Corpus) -> Result<Resolved, Error> {
    let mut resolver = Resolver {
        index: corpus.index(),
        corpus,
        leaves: Vec::new(),
        expansions: Vec::new(),
    };
    let plan = resolver.plan(node, true)?;
    Ok(Resolved {
        plan,
        leaves: resolver.leaves,
        expansions: resolver.expansions,
    })
}

struct Resolver<'a> {
    index: &'a Index,
    corpus: &'a Corpus,
    leaves: Vec<Leaf>,
    expansions: Vec<Expansion>,
}

impl Resolver<'_> {
    fn plan(&mut self, node: &Node, positive: bool) -> Result<Plan, Error> {
        Ok(match node {
            Node::And(parts) => Plan::And(
                parts
                    .iter()
                    .map(|p| self.plan(p, positive))
                    .collect::<Result<_, _>>()?,
            ),
            Node::Or(parts) => Plan::Or(
                parts
                    .iter()
                    .map(|p| self.plan(p, positive))
                    .collect::<Result<_, _>>()?,
            ),
            Node::Not(inner) => Plan::Not(Box::new(self.plan(inner, !positive)?)),
            Node::Field { name, value, span } => {
                let FieldFilter { docs, mentions } =
                    fields::filter(name, value, *span, self.corpus)?;
                self.push(match mentions {
                    // An entity filter holds where its mentions are, and
                    // counts and marks them as a word would be.
                    Some(mentions) => Leaf {
                        scored: positive,
                        docs,
                        kind: LeafKind::Spans(mentions),
                    },
                    None => Leaf {
                        scored: false,
                        docs,
                        kind: LeafKind::Filter,
                    },
                })
            }
            Node::Term(_) | Node::Phrase { .. } | Node::Near { .. } => {
                let mut leaf = self.positional(node)?;
                leaf.scored = positive;
                self.push(leaf)
            }
        })
    }

    fn push(&mut self, leaf: Leaf) -> Plan {
        self.leaves.push(leaf);
        Plan::Leaf(self.leaves.len() - 1)
    }

    /// A word, phrase or NEAR as a leaf with positions.
    ///
    /// # Errors
    /// An internal error for any other node: the parser puts only words,
    /// phrases and NEARs here, and an empty filter would pass for "no match".
    fn positional(&mut self, node: &Node) -> Result<Leaf, Error> {
        Ok(match node {
            Node::Term(term) => self.term(term),
            Node::Phrase { words, slop, .. } => {
                phrase_leaf(self.index, &self.exact_parts(words), *slop)
            }
            Node::Near {
                left,
                right,
                distance,
            } => {
                let left = self.positional(left)?;
                let right = self.positional(right)?;
                near_leaf(self.index, &left, &right, *distance)
            }
            other => {
                return Err(Error::internal(format!(
                    "the query node {other:?} has no positions, yet is an operand of NEAR"
                )))
            }
        })
    }

    fn term(&mut self, term: &Term) -> Leaf {
        let words: Vec<String> = split_words(&term.text);
        if words.len() > 1 {
            // "U.S.-Japan" typed as one word is the phrase of its tokens.
            return phrase_leaf(self.index, &self.exact_parts(&words), 0);
        }
        let mut folded = String::new();
        fold(words.first().map_or("", String::as_str), &mut folded);
        let parts = compound_parts(&folded);
        if parts.len() > 1 && matches!(term.kind, TermKind::Stemmed | TermKind::Exact) {
            // `cold-war` is the phrase of its parts, which finds the compound too.
            let parts: Vec<Vec<u32>> = parts
                .iter()
                .map(|part| match term.kind {
                    TermKind::Stemmed => self.index.stemmed_forms(part),
                    _ => self.index.form(part).into_iter().collect(),
                })
                .collect();
            return phrase_leaf(self.index, &parts, 0);
        }
        let forms = match term.kind {
            TermKind::Stemmed => self.index.stemmed_forms(&folded),
            TermKind::Exact => self.index.form(&folded).into_iter().collect(),
            TermKind::Prefix => self.expand(term, "*", self.index.prefixed_forms(&folded).to_vec()),
            TermKind::Fuzzy(distance) => {
                let matches = fuzzy_forms(self.index, &folded, distance);
                self.expand(term, &format!("~{distance}"), matches)
            }
        };
        forms_leaf(self.index, forms)
    }

    /// The exact forms of the words, a compound split into its parts.
    fn exact_parts(&self, words: &[String]) -> Vec<Vec<u32>> {
        words
            .iter()
            .flat_map(|w| compound_parts(w))
            .map(|part| self.index.form(&part).into_iter().collect())
            .collect()
    }

    /// Keeps the most frequent forms of an expansion and records what was done.
    fn expand(&mut self, term: &Term, suffix: &str, mut forms: Vec<u32>) -> Vec<u32> {
        let matched = forms.len();
        forms.sort_by(|&a, &b| {
            let (ca, cb) = (
                self.index.postings(a).count(),
                self.index.postings(b).count(),
            );
            cb.cmp(&ca)
                .then_with(|| self.index.form_text(a).cmp(self.index.form_text(b)))
        });
        forms.truncate(MAX_EXPANSIONS);
        self.expansions.push(Expansion {
            term: format!("{}{suffix}", term.text),
            matched,
            forms: forms
                .iter()
                .map(|&f| self.index.form_text(f).to_string())
                .collect(),
            truncated: matched > MAX_EXPANSIONS,
        });
        forms
    }
}

/// The tokens of a query word: `Mori’s` → `Mori`, `U.S.-Japan` → `U.S.`, `Japan`.
fn split_words(word: &str) -> Vec<String> {
    let tokens: Vec<String> = text::tokens(word)
        .iter()
        .map(|s| s.of(word).to_string())
        .collect();
    if tokens.is_empty() {
        vec![word.to_string()]
    } else {
        tokens
    }
}

/// A word folded and split at its hyphens: `Cold-War` → `cold`, `war`.
fn compound_parts(word: &str) -> Vec<String> {
    let mut folded = String::new();
    fold(word, &mut folded);
    let parts: Vec<String> = folded
        .split('-')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if parts.is_empty() {
        vec![folded]
    } else {
        parts
    }
}

fn forms_leaf(index: &Index, forms: Vec<u32>) -> Leaf {
    let lists: Vec<&[u32]> = forms
        .iter()
        .map(|&f| index.postings(f).docs.as_slice())
        .collect();
    Leaf {
        scored: true,
        docs: union(&lists),
        kind: LeafKind::Forms(forms),
    }
}

/// The positions of any of `forms` in `doc`, ascending and distinct.
pub(super) fn merged_positions(index: &Index, forms: &[u32], doc: u32) -> Vec<u32> {
    let mut positions: Vec<u32> = Vec::new();
    for &form in forms {
        positions.extend(index.postings(form).positions_in(doc));
    }
    if forms.len() > 1 {
        positions.sort_unstable();
        positions.dedup();
    }
    positions
}

/// Words in order (`slop` 0), across hyphenated compounds
/// ([`CompoundPhrase`]), or within `slop` extra words in any order.
fn phrase_leaf(index: &Index, parts: &[Vec<u32>], slop: u32) -> Leaf {
    // Every occurrence has each word as a token or a compound's part, so
    // the documents holding them all are the candidates either way.
    let lists: Vec<Vec<u32>> = parts
        .iter()
        .map(|forms| forms_leaf(index, forms.clone()).docs)
        .collect();
    let compounds = (slop == 0)
        .then(|| CompoundPhrase::new(index, parts))
        .flatten();
    spans_leaf(intersect(&lists), |doc| {
        if let Some(compounds) = &compounds {
            return compounds.occurrences(doc);
        }
        let positions: Vec<Vec<u32>> = parts
            .iter()
            .map(|forms| merged_positions(index, forms, doc))
            .collect();
        if slop == 0 {
            ordered(&positions)
        } else {
            windows(&positions, slop)
        }
    })
}

/// A leaf of the occurrences `find` gives in each candidate document,
/// keeping the documents where it finds any.
fn spans_leaf(candidates: Vec<u32>, find: impl Fn(u32) -> Vec<Occurrence>) -> Leaf {
    let mut spans = Vec::new();
    let mut docs = Vec::new();
    for doc in candidates {
        let found = find(doc);
        if !found.is_empty() {
            docs.push(doc);
            spans.push(found);
        }
    }
    Leaf {
        scored: true,
        docs,
        kind: LeafKind::Spans(spans),
    }
}

/// Occurrences of the words one after the other: the starts that survive
/// a linear merge with each following word's positions, shifted back.
fn ordered(positions: &[Vec<u32>]) -> Vec<Occurrence> {
    let Some((first, rest)) = positions.split_first() else {
        return Vec::new();
    };
    let mut starts = first.clone();
    for (offset, list) in (1u32..).zip(rest) {
        let mut next = list.iter().map(|&p| p.checked_sub(offset)).peekable();
        starts.retain(|&start| {
            while next.next_if(|p| p.is_none_or(|p| p < start)).is_some() {}
            next.peek() == Some(&Some(start))
        });
    }
    let last = rest.len() as u32;
    starts.into_iter().map(|p| (p, p + last)).collect()
}

/// Shortest windows holding every word, in any order, with at most `slop` other words.
fn windows(positions: &[Vec<u32>], slop: u32) -> Vec<Occurrence> {
    let mut tagged: Vec<(u32, usize)> = positions
        .iter()
        .enumerate()
        .flat_map(|(w, list)| list.iter().map(move |&p| (p, w)))
        .collect();
    tagged.sort_unstable();
    let need = positions.len();
    // Saturating: `~4294967295` means any distance, not an overflow.
    let max_width = slop.saturating_add((need as u32).saturating_sub(1));
    let mut counts = vec![0usize; need];
    let (mut have, mut left, mut found) = (0, 0, Vec::new());
    let mut last_end: Option<u32> = None;
    for right in 0..tagged.len() {
        let (p, w) = tagged[right];
        counts[w] += 1;
        have += usize::from(counts[w] == 1);
        while have == need {
            let (start, lw) = tagged[left];
            if p - start <= max_width && last_end.is_none_or(|e| start > e) {
                found.push((start, p));
                last_end = Some(p);
            }
            counts[lw] -= 1;
            have -= usize::from(counts[lw] == 0);
            left += 1;
        }
    }
    found
}

/// Occurrences of `left` and `right` at most `distance` words apart.
fn near_leaf(index: &Index, left: &Leaf, right: &Leaf, distance: u32) -> Leaf {
    spans_leaf(intersect(&[left.docs.clone(), right.docs.clone()]), |doc| {
        let rights = right.occurrences(index, doc);
        let mut found: Vec<Occurrence> = Vec::new();
        for (ls, le) in left.occurrences(index, doc) {
            // Saturating: `NEAR/4294967295` means any distance, not an overflow.
            let from = rights.partition_point(|&(_, re)| re.saturating_add(distance) < ls);
            for &(rs, re) in rights[from..]
                .iter()
                .take_while(|&&(rs, _)| rs <= le.saturating_add(distance))
            {
                found.push((ls.min(rs), le.max(re)));
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    })
}

/// The union of ascending lists, merged pairwise in linear time.
pub(crate) fn union(lists: &[&[u32]]) -> Vec<u32> {
    let mut merged: Vec<u32> = Vec::new();
    for list in lists {
        merged = if merged.is_empty() {
            list.to_vec()
        } else {
            merge(&merged, list)
        };
    }
    merged
}

fn merge(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The intersection of ascending lists.
pub(crate) fn intersect(lists: &[Vec<u32>]) -> Vec<u32> {
    let mut order: Vec<&Vec<u32>> = lists.iter().collect();
    order.sort_by_key(|l| l.len());
    let Some((smallest, rest)) = order.split_first() else {
        return Vec::new();
    };
    smallest
        .iter()
        .copied()
        .filter(|d| rest.iter().all(|l| l.binary_search(d).is_ok()))
        .collect()
}

/// The documents where the plan holds; with `superset`, NOT is taken as
/// "any document", giving the candidates for sentence and paragraph units.
pub(crate) fn documents(plan: &Plan, leaves: &[Leaf], total: u32, superset: bool) -> Vec<u32> {
    match plan {
        Plan::Leaf(i) => leaves.get(*i).map(|l| l.docs.clone()).unwrap_or_default(),
        Plan::And(parts) => {
            let lists: Vec<Vec<u32>> = parts
                .iter()
                .map(|p| documents(p, leaves, total, superset))
                .collect();
            intersect(&lists)
        }
        Plan::Or(parts) => {
            let lists: Vec<Vec<u32>> = parts
                .iter()
                .map(|p| documents(p, leaves, total, superset))
                .collect();
            let refs: Vec<&[u32]> = lists.iter().map(Vec::as_slice).collect();
            union(&refs)
        }
        Plan::Not(_) if superset => (0..total).collect(),
        Plan::Not(inner) => {
            let excluded = documents(inner, leaves, total, false);
            (0..total)
                .filter(|d| excluded.binary_search(d).is_err())
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_finds_adjacent_runs_only() {
        assert_eq!(ordered(&[vec![1, 5, 9], vec![2, 7, 10]]), [(1, 2), (9, 10)]);
        assert_eq!(
            ordered(&[vec![0, 3, 6], vec![1, 4, 8], vec![2, 9]]),
            [(0, 2)]
        );
        assert_eq!(ordered(&[vec![0, 2], vec![0, 1, 3]]), [(0, 1), (2, 3)]);
    }

    #[test]
    fn windows_allow_any_order_within_slop() {
        // words at 3 and 1: two apart, one word between
        assert_eq!(windows(&[vec![3], vec![1]], 1), [(1, 3)]);
        assert_eq!(windows(&[vec![3], vec![1]], 0), []);
    }

    #[test]
    fn near_of_a_node_without_positions_is_an_internal_error_not_an_empty_filter() {
        let corpus = Corpus::embedded().unwrap();
        let near = Node::Near {
            left: Box::new(Node::And(Vec::new())),
            right: Box::new(Node::Not(Box::new(Node::And(Vec::new())))),
            distance: 3,
        };
        let error = resolve(&near, &corpus).err().unwrap();
        assert_eq!(error.kind().name(), "internal");
        assert!(error.to_string().contains("operand of NEAR"), "{error}");
    }

    #[test]
    fn set_operations() {
        assert_eq!(intersect(&[vec![1, 2, 3, 5], vec![2, 5, 8]]), [2, 5]);
        assert_eq!(union(&[&[1, 4][..], &[2, 4]]), [1, 2, 4]);
    }
}
