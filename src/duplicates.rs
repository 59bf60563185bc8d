//! Repeated passages: documents and paragraphs whose text is the same, or
//! nearly. Each passage's words (folded: case, accents) are cut into
//! overlapping three-word shingles; a MinHash signature of 64 values
//! estimates the Jaccard similarity of two passages' shingle sets (Broder
//! 1997), and banding the signatures (16 bands of 4) finds the pairs worth
//! comparing without comparing every pair (Indyk and Motwani 1998; Leskovec,
//! Rajaraman and Ullman, *Mining of Massive Datasets*, ch. 3). Pairs whose
//! estimate reaches the threshold are joined into groups.
//!
//! Written here rather than taken from a crate: those there are (gaoya,
//! datasketch-minhash-lsh) bring `rand`, `rayon` and hashing crates that do
//! not build for `wasm32-unknown-unknown` or would grow the module for
//! these sixty lines.
//!
//! [`unit_key`] is the exact counterpart: two units with the same key have
//! the same words, whatever their spacing, case or accents; counting each
//! distinct sentence once (the co-occurrence option `distinct`) uses it.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};
use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::document::Document;
use crate::error::Error;
use crate::options::check_range;
use crate::text::{self, fold, Span};

/// Values in a signature; the estimate's standard error is at most
/// 1 / (2 √64) = 0.0625.
const HASHES: usize = 64;
/// Signature values hashed together per band: pairs that agree on every value
/// of some band are compared. With 16 bands of 4, a pair of similarity 0.8
/// is compared with probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9997, one of 0.3 with
/// probability 0.12.
const ROWS: usize = 4;
/// Words per shingle.
const SHINGLE: usize = 3;

/// Options of [`Corpus::duplicates`].
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct DuplicateOptions {
    /// The least estimated similarity (Jaccard, of three-word shingles) of
    /// two passages that repeat each other, 0.5 to 1 (default 0.8; 1: the
    /// same words in the same order, up to an estimate's error).
    pub threshold: f64,
    /// Passages (paragraphs, documents) of fewer words are not compared, 1
    /// to 10,000 (default 10): a short line ("Thank you.") repeats without
    /// being a copy.
    pub min_words: usize,
}

impl Default for DuplicateOptions {
    fn default() -> DuplicateOptions {
        DuplicateOptions {
            threshold: 0.8,
            min_words: 10,
        }
    }
}

/// The repeated documents and paragraphs of a corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Duplicates {
    /// Groups of documents that repeat each other.
    pub documents: Vec<DuplicateGroup>,
    /// Groups of paragraphs that repeat each other, within a document or
    /// across documents.
    pub paragraphs: Vec<DuplicateGroup>,
    /// Paragraphs that repeat an earlier one: each group's members but its
    /// first.
    pub repeated_paragraphs: usize,
    /// The words of those paragraphs.
    pub repeated_words: usize,
}

/// Passages that repeat each other, in corpus order; the most members first.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateGroup {
    /// The lowest estimated similarity of the pairs that joined the group
    /// (1: the copies are word for word, up to the estimate's error).
    pub similarity: f64,
    /// The first member's text.
    pub text: String,
    /// Where each member is.
    pub members: Vec<Passage>,
}

/// A passage of a document, in UTF-16 code units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Passage {
    /// The document's id.
    pub doc_id: String,
    /// The passage's start, UTF-16.
    pub start: usize,
    /// Its end.
    pub end: usize,
}

impl Corpus {
    /// The documents and paragraphs that repeat each other.
    ///
    /// # Errors
    /// An option out of range.
    pub fn duplicates(&self, options: &DuplicateOptions) -> Result<Duplicates, Error> {
        check_range("threshold", options.threshold, 0.5, 1.0)?;
        check_range("minWords", options.min_words as f64, 1.0, 10_000.0)?;
        let documents = self.documents();
        let whole: Vec<(usize, Span)> = documents
            .iter()
            .enumerate()
            .map(|(d, doc)| (d, Span::new(0, doc.text.len())))
            .collect();
        let paragraphs: Vec<(usize, Span)> = documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| doc.paragraphs.iter().map(move |&p| (d, p)))
            .collect();
        let document_groups = groups(documents, &whole, options);
        let paragraph_groups = groups(documents, &paragraphs, options);
        let copies = paragraph_groups.iter().flat_map(|g| &g.members[1..]);
        let repeated_words = copies
            .clone()
            .map(|&(d, span)| text::tokens(span.of(&documents[d].text)).len())
            .sum();
        Ok(Duplicates {
            repeated_paragraphs: copies.count(),
            repeated_words,
            documents: document_groups
                .iter()
                .map(|g| g.describe(documents))
                .collect(),
            paragraphs: paragraph_groups
                .iter()
                .map(|g| g.describe(documents))
                .collect(),
        })
    }
}

/// A group as found: its members (document number, byte span), in corpus order.
struct Group {
    similarity: f64,
    members: Vec<(usize, Span)>,
}

impl Group {
    fn describe(&self, documents: &[Document]) -> DuplicateGroup {
        let (first_doc, first_span) = self.members[0];
        DuplicateGroup {
            similarity: self.similarity,
            text: first_span.of(&documents[first_doc].text).to_string(),
            members: self
                .members
                .iter()
                .map(|&(d, span)| {
                    let doc = &documents[d];
                    let at = doc.utf16_span(span);
                    Passage {
                        doc_id: doc.id.clone(),
                        start: at.start,
                        end: at.end,
                    }
                })
                .collect(),
        }
    }
}

/// The groups of `passages` (in corpus order) that repeat each other.
fn groups(
    documents: &[Document],
    passages: &[(usize, Span)],
    options: &DuplicateOptions,
) -> Vec<Group> {
    let signatures: Vec<Option<[u64; HASHES]>> = passages
        .iter()
        .map(|&(d, span)| {
            let words = word_hashes(span.of(&documents[d].text));
            (words.len() >= options.min_words).then(|| signature(&words))
        })
        .collect();
    let mut buckets: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    for (i, signature) in signatures.iter().enumerate() {
        let Some(signature) = signature else { continue };
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            buckets.entry((band, hash_of(rows))).or_default().push(i);
        }
    }
    let mut sets = DisjointSets::new(passages.len());
    let mut lowest = vec![1.0f64; passages.len()];
    for members in buckets.values().filter(|m| m.len() > 1) {
        // Each member against the bucket's first joins the whole bucket
        // where they are alike, without comparing every pair of a large one.
        let first = members[0];
        for &other in &members[1..] {
            let (Some(a), Some(b)) = (&signatures[first], &signatures[other]) else {
                continue;
            };
            let similarity = estimate(a, b);
            let (x, y) = (sets.find(first), sets.find(other));
            if similarity >= options.threshold && x != y {
                let joined = lowest[x].min(lowest[y]).min(similarity);
                lowest[sets.union(x, y)] = joined;
            }
        }
    }
    let mut by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, signature) in signatures.iter().enumerate() {
        if signature.is_some() {
            by_root.entry(sets.find(i)).or_default().push(i);
        }
    }
    let mut out: Vec<Group> = by_root
        .into_iter()
        .filter(|(_, members)| members.len() > 1)
        .map(|(root, members)| Group {
            similarity: lowest[root],
            members: members.into_iter().map(|i| passages[i]).collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.members[0].cmp(&b.members[0]))
    });
    out
}

/// The hashes of a text's folded words.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut folded = String::new();
    text::tokens(text)
        .iter()
        .map(|span| {
            fold(span.of(text), &mut folded);
            hash_of(&folded)
        })
        .collect()
}

/// The minimum over the shingles of each of HASHES hash functions.
fn signature(words: &[u64]) -> [u64; HASHES] {
    let mut minima = [u64::MAX; HASHES];
    for shingle in words.windows(SHINGLE.min(words.len())) {
        let base = hash_of(shingle);
        for (i, slot) in minima.iter_mut().enumerate() {
            // A different function per slot: the shingle's hash mixed with
            // the slot's own odd constant.
            let value = mix(base ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            *slot = (*slot).min(value);
        }
    }
    minima
}

/// The estimated Jaccard similarity: the share of slots that agree.
fn estimate(a: &[u64; HASHES], b: &[u64; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// SplitMix64's finaliser: a bijection that spreads every input bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn hash_of(value: &(impl Hash + ?Sized)) -> u64 {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A unit's words, folded, as one key: equal for two units with the same
/// words in the same order, whatever their spacing, case or accents.
pub(crate) fn unit_key(text: &str) -> u64 {
    hash_of(&word_hashes(text))
}

/// Union–find over passage numbers, by size, with path halving.
struct DisjointSets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the sets of `a` and `b`; returns the new root.
    fn union(&mut self, a: usize, b: usize) -> usize {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_follows_the_shingles_shared() {
        let words = |text: &str| signature(&word_hashes(text));
        let base = "the soviet invasion of afghanistan is the greatest threat to peace since the second world war";
        assert_eq!(estimate(&words(base), &words(&base.to_uppercase())), 1.0);
        let one_word = base.replace("greatest", "gravest");
        let close = estimate(&words(base), &words(&one_word));
        // 3 of the 16 shingles change: Jaccard 13 / 19 ≈ 0.68.
        assert!((0.5..0.85).contains(&close), "{close}");
        let other =
            "congress must act on the budget this year before the fiscal deadline passes again";
        assert!(estimate(&words(base), &words(other)) < 0.1);
    }

    #[test]
    fn unit_keys_ignore_case_spacing_and_accents() {
        assert_eq!(unit_key("The  Zürich talks."), unit_key("the zurich TALKS"));
        assert_ne!(unit_key("the talks"), unit_key("talks the"));
    }
}
