//! The query language: any string, parsed, then searched over the seeds by
//! document, paragraph and sentence, and as a concordance.
//!
//! Invariants: no panic; an error names a position inside the query; every
//! hit is a span of its document; every highlight slices its snippet on
//! UTF-16 boundaries; every concordance line's span holds its match.
#![no_main]

use corpus_lens::{Corpus, KwicOptions, KwicSort, SearchOptions, SearchResults, Unit};
use corpus_lens_fuzz::{check_error, check_positions, seeds, slice_utf16};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let corpus = seeds();
    if let Err(error) = corpus_lens::query::parse(query) {
        check_error(&error);
        check_positions(&error.to_string(), query);
    }
    for unit in [Unit::Document, Unit::Paragraph, Unit::Sentence] {
        let options = SearchOptions {
            unit,
            limit: 20,
            snippet_length: 80,
            ..SearchOptions::default()
        };
        match corpus.search(query, &options) {
            Ok(results) => check_results(corpus, &results),
            Err(error) => {
                check_error(&error);
                check_positions(&error.to_string(), query);
            }
        }
    }
    let options = KwicOptions {
        width: 30,
        limit: 50,
        sort: vec![KwicSort::Left, KwicSort::Match, KwicSort::After(2)],
        ..KwicOptions::default()
    };
    match corpus.kwic(query, &options) {
        Ok(kwic) => {
            assert!(kwic.lines.len() <= kwic.total);
            for line in &kwic.lines {
                let doc = corpus.document(&line.doc_id).expect("a line's document");
                let span = slice_utf16(&doc.text, line.start, line.end, "a concordance line");
                let flat: String = span
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .collect();
                assert_eq!(flat, line.matched, "a concordance line's match");
            }
        }
        Err(error) => check_error(&error),
    }
});

fn check_results(corpus: &Corpus, results: &SearchResults) {
    assert!(results.hits.len() <= results.total);
    let mut previous = f64::INFINITY;
    for hit in &results.hits {
        assert!(hit.score.is_finite(), "a score of {}", hit.score);
        assert!(hit.score <= previous, "hits out of score order");
        previous = hit.score;
        let doc = corpus.document(&hit.doc_id).expect("a hit's document");
        slice_utf16(&doc.text, hit.start, hit.end, "a hit");
        let mut end = 0;
        for highlight in &hit.snippet.highlights {
            assert!(
                end <= highlight.start,
                "highlights overlap or are out of order"
            );
            let marked = slice_utf16(
                &hit.snippet.text,
                highlight.start,
                highlight.end,
                "a highlight",
            );
            assert!(!marked.trim().is_empty(), "an empty highlight");
            end = highlight.end;
        }
    }
}
