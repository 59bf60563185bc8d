//! Phrases across hyphenated compounds, matched as Lucene's word-delimiter
//! graph matches them: a compound stands for its parts in a row, so the
//! phrase "cold war" finds `cold-war` and `post-cold-war`, `cold-war` finds
//! "cold war", and "self government" finds `self-government`.
//!
//! A compound is one token at one position, its parts indexed there too
//! ([`Index`]). A phrase of words (a typed compound already split into its
//! parts) is matched over consecutive positions, each covering either one
//! word as a whole token, or a stretch of words with a compound: all of
//! its parts inside the phrase; at the phrase's first word the compound may
//! begin earlier (`post-` before "cold war"), and at its last word run on
//! (`war-` before "torn").

use super::eval::{merged_positions, Occurrence};
use crate::index::Index;

/// A stretch of the phrase's words, `from..=to`, that one token covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Cover {
    position: u32,
    from: usize,
    to: usize,
}

/// A phrase some of whose words are parts of compounds in the corpus.
pub(super) struct CompoundPhrase<'a> {
    index: &'a Index,
    /// The forms each word of the phrase may take.
    words: &'a [Vec<u32>],
    /// Compounds and the stretch of words each stands for.
    compounds: Vec<(u32, usize, usize)>,
    /// For each word, the compounds that hold one of its forms: where they
    /// stand, the word is a part, not a whole token.
    holders: Vec<Vec<u32>>,
}

impl<'a> CompoundPhrase<'a> {
    /// `None` when no compound of the corpus holds any of the words (the
    /// plain positional match is then exact) or the phrase has one word.
    pub fn new(index: &'a Index, words: &'a [Vec<u32>]) -> Option<Self> {
        if words.len() < 2 {
            return None;
        }
        let holders: Vec<Vec<u32>> = words
            .iter()
            .map(|forms| {
                let mut held: Vec<u32> = forms
                    .iter()
                    .flat_map(|&f| index.compounds_with(f).iter().copied())
                    .collect();
                held.sort_unstable();
                held.dedup();
                held
            })
            .collect();
        let mut candidates: Vec<u32> = holders.iter().flatten().copied().collect();
        if candidates.is_empty() {
            return None;
        }
        candidates.sort_unstable();
        candidates.dedup();
        let compounds = candidates
            .into_iter()
            .flat_map(|compound| {
                stretches(words, &index.parts(compound))
                    .into_iter()
                    .map(move |(from, to)| (compound, from, to))
            })
            .collect();
        Some(CompoundPhrase {
            index,
            words,
            compounds,
            holders,
        })
    }

    /// The phrase's occurrences in `doc`, one per start, ascending.
    pub fn occurrences(&self, doc: u32) -> Vec<Occurrence> {
        let mut covers = Vec::new();
        for (i, (forms, holders)) in self.words.iter().zip(&self.holders).enumerate() {
            let mut parts: Vec<u32> = holders
                .iter()
                .flat_map(|&c| self.index.postings(c).positions_in(doc))
                .collect();
            parts.sort_unstable();
            let whole = merged_positions(self.index, forms, doc)
                .into_iter()
                .filter(|p| parts.binary_search(p).is_err());
            covers.extend(whole.map(|position| Cover {
                position,
                from: i,
                to: i,
            }));
        }
        for &(compound, from, to) in &self.compounds {
            let positions = self.index.postings(compound).positions_in(doc);
            covers.extend(
                positions
                    .into_iter()
                    .map(|position| Cover { position, from, to }),
            );
        }
        covers.sort_unstable();
        covers.dedup();
        let last = self.words.len() - 1;
        let mut found: Vec<Occurrence> = covers
            .iter()
            .filter(|c| c.from == 0)
            .filter_map(|c| finish(&covers, *c, last).map(|end| (c.position, end)))
            .collect();
        found.dedup_by_key(|o| o.0);
        found
    }
}

/// The stretches `(from, to)` of the phrase's words that a compound with
/// these parts stands for.
fn stretches(words: &[Vec<u32>], parts: &[u32]) -> Vec<(usize, usize)> {
    let (n, k) = (words.len(), parts.len());
    let mut found = Vec::new();
    for s in 0..k {
        for i in 0..n {
            let run = (0..)
                .take_while(|&l| s + l < k && i + l < n && words[i + l].contains(&parts[s + l]))
                .count();
            // Parts before the stretch only at the phrase's start, parts
            // after it only at its end.
            let fits = |l: usize| (s == 0 || i == 0) && (s + l == k || i + l == n);
            found.extend((1..=run).filter(|&l| fits(l)).map(|l| (i, i + l - 1)));
        }
    }
    found
}

/// The last position of a match that continues from `cover` to word `last`.
fn finish(covers: &[Cover], cover: Cover, last: usize) -> Option<u32> {
    if cover.to == last {
        return Some(cover.position);
    }
    let next = cover.position + 1;
    let from = covers.partition_point(|c| c.position < next);
    covers[from..]
        .iter()
        .take_while(|c| c.position == next)
        .filter(|c| c.from == cover.to + 1)
        .find_map(|&c| finish(covers, c, last))
}
