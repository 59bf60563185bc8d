//! Regression tests for what the fuzz targets (fuzz/) found, one a bug,
//! each named after it.

use corpus_lens::{Corpus, LoadOptions, SearchOptions, SourceFile, Unit};

fn load(name: &str, content: &str) -> Corpus {
    Corpus::load(&[SourceFile::new(name, content)], &LoadOptions::default()).unwrap()
}

/// Slices `text` by UTF-16 code units, as JavaScript's `slice` does.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

/// fuzz target `query`, input `putin mori`: both words matched the one
/// compound "Putin-Mori", which was highlighted twice, the same span.
#[test]
fn two_words_of_one_compound_are_highlighted_once() {
    let corpus = load("a.txt", "They planned a Putin-Mori summit, as Mori said.");
    for unit in [Unit::Document, Unit::Sentence] {
        let options = SearchOptions {
            unit,
            ..SearchOptions::default()
        };
        let results = corpus.search("putin mori", &options).unwrap();
        let snippet = &results.hits[0].snippet;
        let marked: Vec<String> = snippet
            .highlights
            .iter()
            .map(|h| js_slice(&snippet.text, h.start, h.end))
            .collect();
        assert_eq!(marked, ["Putin-Mori", "Mori"], "{unit:?}");
    }
}
