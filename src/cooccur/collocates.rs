//! Collocates: the words that keep company with an entity or a word.
//!
//! Every occurrence of the target (a mention of the entity, spanning one or
//! more tokens, or an occurrence of the word) opens a window of `window`
//! tokens on each side, within its document. The windows' token positions
//! are merged (a position in two overlapping windows counts once) and the
//! target's own positions left out; what remains are the target's *slots*.
//! A word's count is the number of slots it fills, as a whole token.
//!
//! Each word is scored on the [`Table`] n_ii = its count, n_ix = its
//! frequency in the corpus (including inside hyphenated compounds, as
//! `terms` counts), n_xi = the target's slots, n_xx = the corpus's tokens.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::count::token_ranges;
use super::{Measure, Table};
use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind};
use crate::options::check_range;
use crate::text;
use crate::text::{english_stopwords, fold};

/// Options of [`Corpus::collocates`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct CollocateOptions {
    /// Tokens on each side of the target, 1 to 50 (default 5). 1: only
    /// the immediate neighbours; 50: about a paragraph around it.
    pub window: usize,
    /// How words are scored (default `llr`).
    pub measure: Measure,
    /// Words need at least this many co-occurrences (default 2; 0 and 1
    /// keep every word seen near the target).
    pub min_count: u64,
    /// Words to return, 1 to 100,000 (default 50).
    pub limit: usize,
    /// Leave out the English stop words (default `true`).
    pub stopwords: bool,
}

impl Default for CollocateOptions {
    fn default() -> CollocateOptions {
        CollocateOptions {
            window: 5,
            measure: Measure::Llr,
            min_count: 2,
            limit: 50,
            stopwords: true,
        }
    }
}

/// A word near the target.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Collocate {
    /// The word, folded (lower case, no accents).
    pub term: String,
    /// The target's slots it fills.
    pub count: u64,
    /// The count expected by chance: frequency · slots / corpus tokens.
    pub expected: f64,
    /// The measure's score.
    pub score: f64,
    /// The p-value: of chi-square for `chi2`, of G² otherwise.
    pub p_value: f64,
}

/// Per document number, the target's occurrences as first and last token
/// positions, sorted.
type Occurrences = Vec<(u32, Vec<(u32, u32)>)>;

impl Corpus {
    /// The words within `window` tokens of `target`, best first (ties:
    /// term). `target` is an entity id or else a single word, folded as the
    /// index folds words; a word absent from the corpus has no collocates.
    ///
    /// # Errors
    /// An option out of range, or a target that is neither an entity id
    /// nor a single word.
    pub fn collocates(
        &self,
        target: &str,
        options: &CollocateOptions,
    ) -> Result<Vec<Collocate>, Error> {
        collocates(self, target, options)
    }
}

/// See [`Corpus::collocates`].
fn collocates(
    corpus: &Corpus,
    target: &str,
    options: &CollocateOptions,
) -> Result<Vec<Collocate>, Error> {
    check_range("window", options.window as f64, 1.0, 50.0)?;
    check_range("limit", options.limit as f64, 1.0, 100_000.0)?;
    let occurrences = target_occurrences(corpus, target)?;
    let (counts, slots) = slot_counts(corpus, &occurrences, options.window as u32);
    let index = corpus.index();
    let tokens: u64 = index.docs.iter().map(|d| u64::from(d.len)).sum();
    let stop = english_stopwords();
    let mut out: Vec<Collocate> = counts
        .into_iter()
        .filter(|&(form, n)| {
            n >= options.min_count && !(options.stopwords && stop.contains(index.form_text(form)))
        })
        .map(|(form, n)| {
            let frequency = index.postings(form).count() as u64;
            let table = Table::new(n, frequency, slots, tokens);
            Collocate {
                term: index.form_text(form).to_string(),
                count: n,
                expected: table.expected(),
                score: table.score(options.measure),
                p_value: table.p_value(options.measure),
            }
        })
        .collect();
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.term.cmp(&y.term))
    });
    out.truncate(options.limit);
    Ok(out)
}

/// Where the target occurs: an entity's mentions or a word's positions.
fn target_occurrences(corpus: &Corpus, target: &str) -> Result<Occurrences, Error> {
    let target = target.trim();
    if let Some(&e) = corpus.entity_index().by_id.get(target) {
        return Ok(mention_occurrences(corpus, e));
    }
    let tokens = text::tokens(target);
    let [token] = tokens.as_slice() else {
        return Err(ErrorKind::InvalidArgument {
            message: format!("the target {target:?} is neither an entity id nor a single word"),
        }
        .into());
    };
    let mut folded = String::new();
    fold(token.of(target), &mut folded);
    let index = corpus.index();
    let Some(form) = index.form(&folded) else {
        return Ok(Vec::new());
    };
    let postings = index.postings(form);
    Ok(postings
        .docs
        .iter()
        .enumerate()
        .map(|(k, &d)| {
            (
                d,
                postings.positions_at(k).iter().map(|&p| (p, p)).collect(),
            )
        })
        .collect())
}

/// The token ranges of the mentions of entity `e`, by document.
fn mention_occurrences(corpus: &Corpus, e: usize) -> Occurrences {
    let index = corpus.entity_index();
    let mut only = vec![false; index.entities.len()];
    only[e] = true;
    let Some(record) = index.entities.get(e) else {
        return Vec::new();
    };
    let tokens = index.mention_tokens(corpus.documents());
    record
        .per_doc
        .keys()
        .filter_map(|&d| {
            let (mentions, _) = index.docs.get(d)?;
            let mut ranges: Vec<(u32, u32)> = token_ranges(mentions, tokens.get(d)?, &only)
                .into_iter()
                .map(|(_, first, last)| (first as u32, last as u32))
                .collect();
            ranges.sort_unstable();
            Some((d as u32, ranges))
        })
        .collect()
}

/// The forms filling the target's slots, with counts, and the number of
/// slots.
fn slot_counts(
    corpus: &Corpus,
    occurrences: &Occurrences,
    window: u32,
) -> (FxHashMap<u32, u64>, u64) {
    let index = corpus.index();
    let mut counts: FxHashMap<u32, u64> = FxHashMap::default();
    let mut slots = 0u64;
    let mut folded = String::new();
    for (d, ranges) in occurrences {
        let (Some(doc), Some(entry)) = (
            corpus.documents().get(*d as usize),
            index.docs.get(*d as usize),
        ) else {
            continue;
        };
        let positions = context_positions(ranges, window, entry.len);
        for (start, len) in runs(&positions) {
            for span in index.token_spans(*d, &doc.text, start).take(len) {
                fold(span.of(&doc.text), &mut folded);
                if let Some(form) = index.form(&folded) {
                    *counts.entry(form).or_default() += 1;
                    slots += 1;
                }
            }
        }
    }
    (counts, slots)
}

/// The positions within `window` of some range, outside every range,
/// ascending, each once; `ranges` sorted, positions below `len`.
fn context_positions(ranges: &[(u32, u32)], window: u32, len: u32) -> Vec<u32> {
    let inside = |p: u32| {
        let k = ranges.partition_point(|r| r.1 < p);
        ranges.get(k).is_some_and(|r| r.0 <= p)
    };
    let mut out = Vec::new();
    let mut next = 0u32;
    for &(first, last) in ranges {
        let lo = first.saturating_sub(window).max(next);
        let hi = last.saturating_add(window).min(len.saturating_sub(1));
        out.extend((lo..=hi).filter(|&p| !inside(p)));
        next = next.max(hi.saturating_add(1));
    }
    out
}

/// The runs of consecutive positions, as (first position, length), so that
/// each run is tokenised once from the nearest checkpoint.
fn runs(positions: &[u32]) -> Vec<(u32, usize)> {
    let mut out: Vec<(u32, usize)> = Vec::new();
    for &p in positions {
        match out.last_mut() {
            Some((start, len)) if *start as usize + *len == p as usize => *len += 1,
            _ => out.push((p, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_positions_merge_windows_and_skip_the_target() {
        // Targets at 3 and 5..=6 in a 12-token document, window 2.
        let positions = context_positions(&[(3, 3), (5, 6)], 2, 12);
        assert_eq!(positions, [1, 2, 4, 7, 8]);
        assert_eq!(context_positions(&[(0, 0)], 3, 2), [1]);
        assert_eq!(runs(&positions), [(1, 2), (4, 1), (7, 2)]);
    }
}
