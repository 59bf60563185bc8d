//! Fuzzy words: every form of the term list within one or two edits of a
//! word, found by running a Levenshtein automaton over the sorted list as
//! over a trie.

use std::sync::OnceLock;

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};

use crate::index::Index;

/// How many leading items satisfy `holds` (true for a leading run only, and
/// for the first item), by galloping: the runs are usually short.
fn run_length(items: &[u32], holds: impl Fn(u32) -> bool) -> usize {
    let mut known = 1; // items[..known] hold
    let mut step = 1;
    while let Some(&item) = items.get(known + step - 1) {
        if !holds(item) {
            break;
        }
        known += step;
        step *= 2;
    }
    let end = (known + step - 1).min(items.len());
    known + items[known..end].partition_point(|&item| holds(item))
}

/// Every form within `distance` edits of `word`.
pub(crate) fn fuzzy_forms(index: &Index, word: &str, distance: u8) -> Vec<u32> {
    // Building the parametric tables costs about a millisecond: do it once per distance.
    static BUILDERS: OnceLock<[LevenshteinAutomatonBuilder; 2]> = OnceLock::new();
    let builders = BUILDERS.get_or_init(|| {
        [
            LevenshteinAutomatonBuilder::new(1, true),
            LevenshteinAutomatonBuilder::new(2, true),
        ]
    });
    let automaton = builders[usize::from(distance.clamp(1, 2) - 1)].build_dfa(word);
    walk_sorted_forms(index, &automaton)
}

/// Runs the automaton over the alphabetical form list as over a trie: each
/// form resumes from the state its common prefix with the previous one
/// reached, and once a prefix is dead every form sharing it is skipped.
fn walk_sorted_forms(index: &Index, automaton: &DFA) -> Vec<u32> {
    let sorted = index.all_forms();
    let mut states = vec![automaton.initial_state()]; // after 0, 1, 2… bytes of `previous`
    let mut previous: &[u8] = b"";
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(&form) = sorted.get(i) {
        let text = index.form_text(form).as_bytes();
        let common = previous
            .iter()
            .zip(text)
            .take_while(|(a, b)| a == b)
            .count()
            .min(states.len() - 1);
        states.truncate(common + 1);
        let mut dead = false;
        for &byte in &text[common..] {
            let state = automaton.transition(states[states.len() - 1], byte);
            states.push(state);
            if state == SINK_STATE {
                dead = true;
                break;
            }
        }
        previous = &text[..states.len() - 1];
        if dead {
            i += run_length(&sorted[i..], |f| {
                index.form_text(f).as_bytes().starts_with(previous)
            });
            continue;
        }
        if matches!(
            automaton.distance(states[states.len() - 1]),
            Distance::Exact(_)
        ) {
            found.push(form);
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_walk_agrees_with_evaluating_every_form() {
        let text = "kunashir kunashirs kunashri kuril kurils kurile shikotan habomai iturup kona kono kono's";
        let corpus = crate::corpus::Corpus::load(
            &[crate::load::SourceFile::new("f.txt", text)],
            &crate::load::LoadOptions::default(),
        )
        .unwrap();
        let index = corpus.index();
        for (word, distance) in [
            ("kunashir", 1),
            ("kunashir", 2),
            ("kuril", 1),
            ("kno", 1),
            ("x", 2),
        ] {
            let automaton = LevenshteinAutomatonBuilder::new(distance, true).build_dfa(word);
            let brute: Vec<u32> = index
                .all_forms()
                .iter()
                .copied()
                .filter(|&f| matches!(automaton.eval(index.form_text(f)), Distance::Exact(_)))
                .collect();
            assert_eq!(
                walk_sorted_forms(index, &automaton),
                brute,
                "{word}~{distance}"
            );
        }
    }

    #[test]
    fn run_length_gallops_to_the_end_of_a_run() {
        let items: Vec<u32> = (0..100).collect();
        for run in [1, 2, 3, 7, 8, 64, 99, 100] {
            assert_eq!(run_length(&items, |x| x < run), run as usize, "{run}");
        }
    }
}
