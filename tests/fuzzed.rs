//! Regression tests for what the fuzz targets (fuzz/) found, one a bug,
//! each named after it.

use corpus_lens::{
    extract_entities_with, Corpus, Date, ExtractOptions, LoadOptions, SearchOptions, SourceFile,
    TimelineOptions, TrendOptions, Unit,
};
use serde_json::json;

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

/// A `Monitor` volume of 2,147,483,000 overflowed `1994 + volume` (a panic
/// in a debug build, a negative year in the wasm one).
#[test]
fn a_huge_volume_is_no_year() {
    let text = "Publication: Monitor Volume: 2147483000 Issue: 1\n\nPutin met Mori.";
    let corpus = load("a.txt", text);
    let doc = &corpus.documents()[0];
    assert_eq!((doc.volume, doc.year), (Some(2_147_483_000), None));
}

/// A record dated year 2,000,000,000 beside one of year 0 made the term
/// trend and the timeline fill two billion years: they never returned.
#[test]
fn a_year_beyond_9999_is_refused_rather_than_a_hang() {
    let record = json!({ "text": "Putin met Mori.", "year": 2_000_000_000 });
    let error = Corpus::from_records(vec![record], &LoadOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "documents record 1: the \"year\" field 2000000000 is not a year (0 to 9999)"
    );
    let records = vec![
        json!({ "text": "Putin met Mori.", "date": 0 }),
        json!({ "text": "Putin met Mori.", "year": 9999 }),
    ];
    let corpus = Corpus::from_records(records, &LoadOptions::default()).unwrap();
    let trend = corpus
        .term_trend("putin", &TrendOptions::default())
        .unwrap();
    assert_eq!(trend.labels.len(), 10_000);
    let timeline = corpus.timeline(&TimelineOptions::default()).unwrap();
    assert_eq!(timeline.buckets.len(), 10_000);
}

/// "last year" read against 0000 was "-001", "next year" against 9999
/// "10000": neither an ISO date the library itself reads back.
#[test]
fn relative_dates_stay_within_four_digit_years() {
    for (anchor, text) in [
        ("0000-01-01", "Last year, last month and late last year."),
        ("9999-12-31", "Next year and next month."),
    ] {
        let options = ExtractOptions {
            date: Some(anchor.to_string()),
        };
        for entity in extract_entities_with(text, &options).unwrap() {
            for date in entity.name.split('/') {
                assert!(Date::parse_iso(date).is_some(), "{anchor}: {entity:?}");
            }
        }
    }
}

/// `"putin mori"~4294967295` and `putin NEAR/4294967295 mori` overflowed
/// the window's width (a panic in debug builds, in the wasm build a width
/// that wrapped round to nothing); the largest distance means any distance.
#[test]
fn the_largest_slop_and_near_distance_mean_any_distance() {
    let corpus = load(
        "a.txt",
        "Putin met Mori. Then Koizumi came. Mori left, and Putin stayed.",
    );
    for query in [
        "\"putin mori\"~4294967295",
        "\"putin mori koizumi\"~4294967295",
        "putin NEAR/4294967295 koizumi",
    ] {
        let options = SearchOptions {
            unit: Unit::Sentence,
            ..SearchOptions::default()
        };
        let wide = corpus.search(query, &options).unwrap();
        let near = query.replace("4294967295", "100");
        assert_eq!(
            wide.total,
            corpus.search(&near, &options).unwrap().total,
            "{query}"
        );
        assert!(wide.total > 0, "{query}");
    }
}

/// The search option `offset` has no upper bound, and `offset + limit`
/// overflowed for an offset of 2^64 - 1 (a panic in debug builds).
#[test]
fn an_offset_past_every_hit_is_no_hits() {
    let corpus = load("a.txt", "Putin met Mori. Putin left.");
    for offset in [2, 1_000_000, usize::MAX] {
        let options = SearchOptions {
            offset,
            unit: Unit::Sentence,
            ..SearchOptions::default()
        };
        let results = corpus.search("putin", &options).unwrap();
        assert_eq!(
            (results.total, results.hits.len()),
            (2, 0),
            "offset {offset}"
        );
    }
}

/// 100,000 nested parentheses, `NOT`s or `NEAR`s overflowed the stack while
/// parsing: the process aborted (in wasm, a `RuntimeError`) instead of
/// showing an error under the query box.
#[test]
fn deeply_nested_queries_are_an_error_not_a_stack_overflow() {
    let corpus = load("a.txt", "Putin met Mori.");
    let deep = 100_000;
    for (query, message) in [
        (
            format!("{}putin{}", "(".repeat(deep), ")".repeat(deep)),
            "the parenthesis at position 32 nests the query deeper than 32 levels",
        ),
        (
            "NOT ".repeat(deep) + "putin",
            "NOT at position 128 nests the query deeper than 32 levels",
        ),
        (
            vec!["putin"; deep].join(" NEAR/3 "),
            "NEAR at position 422 nests the query deeper than 32 levels",
        ),
    ] {
        let error = corpus
            .search(&query, &SearchOptions::default())
            .unwrap_err();
        assert_eq!(error.to_string(), format!("invalid query: {message}"));
    }
}

/// The deepest queries allowed are parsed, searched and dropped within a
/// 1 MB stack, wasm's, even in a debug build.
#[test]
fn the_deepest_queries_allowed_fit_in_wasm_s_stack() {
    let queries = [
        format!("{}putin{}", "(".repeat(32), ")".repeat(32)),
        format!("{}putin{}", "(NOT NOT ".repeat(10), ")".repeat(10)),
        vec!["putin"; 33].join(" NEAR/3 "),
        format!("{}mori", "-".repeat(32)),
    ];
    let run = move || {
        let corpus = load("a.txt", "Putin met Mori.");
        for query in &queries {
            let results = corpus.search(query, &SearchOptions::default());
            assert!(results.is_ok(), "{query}: {results:?}");
        }
    };
    let thread = std::thread::Builder::new().stack_size(1 << 20);
    thread.spawn(run).unwrap().join().unwrap();
}
