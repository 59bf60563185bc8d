//! Search, KWIC, terms and trends on the seeds and tiny fixtures.

use std::collections::BTreeSet;

use corpus_lens::{
    Bucket, Corpus, KwicOptions, KwicSort, LoadOptions, MentionOptions, SearchOptions,
    SearchResults, SourceFile, Stopwords, TermsOptions, TrendOptions, Unit,
};

const MONITOR_2001: &str = "001_dd6b5825d416bed0";
const EDM_2004: &str = "004_f51516d21ae9b3a2";
const EDM_2005: &str = "003_2011580da0b92aee";

fn seeds() -> Corpus {
    Corpus::embedded().unwrap()
}

fn search(corpus: &Corpus, query: &str) -> SearchResults {
    corpus
        .search(
            query,
            &SearchOptions {
                limit: 100,
                ..SearchOptions::default()
            },
        )
        .unwrap()
}

fn ids(results: &SearchResults) -> Vec<String> {
    let mut ids: Vec<String> = results.hits.iter().map(|h| h.doc_id.clone()).collect();
    ids.sort();
    ids
}

fn error(corpus: &Corpus, query: &str) -> String {
    corpus
        .search(query, &SearchOptions::default())
        .map(|r| format!("{} hits", r.total))
        .unwrap_or_else(|e| e.to_string())
}

fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

/// The text of each highlight of a hit's snippet.
fn marked(hit: &corpus_lens::Hit) -> Vec<String> {
    hit.snippet
        .highlights
        .iter()
        .map(|h| js_slice(&hit.snippet.text, h.start, h.end))
        .collect()
}

#[test]
fn peace_treaty_is_in_all_five() {
    assert_eq!(search(&seeds(), "\"peace treaty\"").total, 5);
}

#[test]
fn shikotan_is_only_in_the_2001_monitor() {
    assert_eq!(ids(&search(&seeds(), "shikotan")), [MONITOR_2001]);
}

#[test]
fn phrase_order_matters_and_proximity_relaxes_it() {
    let corpus = seeds();
    assert_eq!(search(&corpus, "\"treaty peace\"").total, 0);
    assert_eq!(search(&corpus, "\"koizumi putin\"").total, 0);
    assert_eq!(
        ids(&search(&corpus, "\"koizumi putin\"~5")),
        [EDM_2005, EDM_2004]
    );
    assert_eq!(search(&corpus, "putin NEAR/5 koizumi").total, 2);
}

#[test]
fn not_and_minus_exclude() {
    let corpus = seeds();
    let with = ids(&search(&corpus, "putin"));
    let without = ids(&search(&corpus, "putin -koizumi"));
    assert_eq!(with.len(), 4);
    assert_eq!(without, ["000_cdea581117318265", MONITOR_2001]);
    assert_eq!(ids(&search(&corpus, "putin NOT koizumi")), without);
}

#[test]
fn or_and_parentheses() {
    let corpus = seeds();
    assert_eq!(
        ids(&search(&corpus, "shikotan OR kommersant")),
        [MONITOR_2001, EDM_2005]
    );
    assert_eq!(
        ids(&search(&corpus, "(shikotan OR kommersant) ivanov")),
        [MONITOR_2001]
    );
}

#[test]
fn fuzzy_finds_misspellings_and_reports_expansions() {
    let corpus = seeds();
    let results = search(&corpus, "kunashr~1");
    assert_eq!(ids(&results), [MONITOR_2001]);
    assert_eq!(results.expansions[0].forms, ["kunashir"]);
    assert_eq!(ids(&search(&corpus, "koizumy~2")), [EDM_2005, EDM_2004]);
    assert_eq!(search(&corpus, "kunashr").total, 0);
}

#[test]
fn prefix_expands_over_the_dictionary() {
    let results = search(&seeds(), "kuril*");
    assert_eq!(results.total, 4);
    let expansion = &results.expansions[0];
    assert_eq!(
        (expansion.term.as_str(), expansion.truncated),
        ("kuril*", false)
    );
    assert_eq!(expansion.forms, ["kuril", "kurils"]);
}

#[test]
fn field_filters_select_by_year_publication_volume_and_issue() {
    let corpus = seeds();
    assert_eq!(
        ids(&search(&corpus, "year:2004..2005")),
        [EDM_2005, EDM_2004]
    );
    assert_eq!(search(&corpus, "year:..2000").total, 2);
    assert_eq!(
        ids(&search(&corpus, "publication:\"Eurasia Daily Monitor\"")),
        [EDM_2005, EDM_2004]
    );
    assert_eq!(search(&corpus, "publication:monitor").total, 5);
    assert_eq!(
        ids(&search(&corpus, "volume:6 issue:74")),
        ["000_cdea581117318265"]
    );
    // A document known only by its year overlaps any range within that year.
    assert_eq!(ids(&search(&corpus, "date:2004 putin")), [EDM_2004]);
}

#[test]
fn date_ranges_compare_at_each_date_s_precision() {
    let content = "{\"id\": \"a\", \"date\": \"2004-11-21\", \"text\": \"x\"}\n{\"id\": \"b\", \"date\": \"2005-02\", \"text\": \"x\"}\n{\"id\": \"c\", \"date\": \"2004\", \"text\": \"x\"}\n";
    let corpus = Corpus::load(
        &[SourceFile::new("d.jsonl", content)],
        &LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(ids(&search(&corpus, "date:2004-11..2005-01")), ["a", "c"]);
    assert_eq!(ids(&search(&corpus, "date:2005-02-10..")), ["b"]);
    assert_eq!(ids(&search(&corpus, "date:2004-11-21")), ["a", "c"]);
}

#[test]
fn metadata_fields_of_loaded_corpora_are_searchable() {
    let content = "{\"author\": \"Abraham Lincoln\", \"text\": \"The Union must hold.\"}\n{\"author\": \"James Buchanan\", \"text\": \"The Union is in peril.\"}\n";
    let corpus = Corpus::load(
        &[SourceFile::new("sotu.jsonl", content)],
        &LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(ids(&search(&corpus, "author:Lincoln union")), ["sotu-1"]);
    assert_eq!(error(&corpus, "party:whig"), "invalid query: unknown field \"party\" at position 0; this corpus has author, date, entity, event, issue, media, nationality, org, organization, person, place, publication, title, volume, year");
}

#[test]
fn folding_and_stemming() {
    let content = "Talks in Zürich on the treaties.\n\nMori’s visit.";
    let corpus = Corpus::load(
        &[SourceFile::new("f.txt", content)],
        &LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(search(&corpus, "zurich").total, 1);
    assert_eq!(search(&corpus, "ZÜRICH").total, 1);
    assert_eq!(search(&corpus, "treaty").total, 1, "stemmed");
    assert_eq!(search(&corpus, "\"treaty\"").total, 0, "quoted is exact");
    assert_eq!(search(&corpus, "mori's").total, 1);
    assert_eq!(search(&corpus, "Mori’s visit").total, 1);
}

#[test]
fn compound_parts_are_found() {
    let corpus = seeds();
    let japanese = search(&corpus, "\"soviet-japanese declaration\"");
    assert_eq!(ids(&japanese), [MONITOR_2001, EDM_2004]);
    assert!(search(&corpus, "itar").total >= 1);
}

#[test]
fn hyphenated_compounds_match_their_parts_both_ways() {
    let sentences = [
        "The cold war ended.",
        "The cold-war era ended.",
        "In the post-cold-war world.",
        "A cold-blooded war.",
        "The war-torn cold lands.",
        "A cold war-torn land.",
        "Self-government came.",
        "Self government came.",
        "The self-governments met.",
    ];
    let corpus = Corpus::load(
        &[SourceFile::new("f.txt", sentences.join("\n\n"))],
        &LoadOptions::default(),
    )
    .unwrap();
    let options = SearchOptions {
        unit: Unit::Sentence,
        limit: 100,
        ..SearchOptions::default()
    };
    let found = |query: &str| -> Vec<String> {
        let results = corpus.search(query, &options).unwrap();
        let mut hits: Vec<String> = results
            .hits
            .iter()
            .map(|h| format!("{} [{}]", h.snippet.text, marked(h).join("|")))
            .collect();
        hits.sort();
        hits
    };
    let cold_war = [
        "A cold war-torn land. [cold war-torn]",
        "In the post-cold-war world. [post-cold-war]",
        "The cold war ended. [cold war]",
        "The cold-war era ended. [cold-war]",
    ];
    assert_eq!(
        found("\"cold war\""),
        cold_war,
        "the phrase finds the compounds"
    );
    assert_eq!(found("cold-war"), cold_war, "the compound finds the phrase");
    assert_eq!(found("\"cold-war\""), cold_war);
    assert_eq!(
        found("\"cold war era\""),
        ["The cold-war era ended. [cold-war era]"],
        "a compound inside a longer phrase"
    );
    assert_eq!(
        found("\"war torn\""),
        [
            "A cold war-torn land. [war-torn]",
            "The war-torn cold lands. [war-torn]"
        ],
        "not \"cold-blooded war\": a compound's first part does not end a phrase's first word"
    );
    assert_eq!(
        found("\"self government\""),
        [
            "Self government came. [Self government]",
            "Self-government came. [Self-government]"
        ],
        "exact: not self-governments"
    );
    assert_eq!(
        found("self-government").len(),
        3,
        "stemmed: self-governments too"
    );
    assert_eq!(
        found("\"torn cold\""),
        ["The war-torn cold lands. [war-torn cold]"]
    );
    assert_eq!(
        found("\"blooded war\""),
        ["A cold-blooded war. [cold-blooded war]"]
    );
    assert!(
        found("\"post war\"").is_empty(),
        "post-cold-war is not post war"
    );
}

#[test]
fn sentence_hits_are_sentences_with_highlights_in_utf16() {
    let corpus = seeds();
    let options = SearchOptions {
        unit: Unit::Sentence,
        limit: 100,
        ..SearchOptions::default()
    };
    let results = corpus.search("mori", &options).unwrap();
    assert_eq!(
        results.total, 7,
        "Mori is in 4 sentences of the 2000 Monitor and 3 of the 2001 one"
    );
    for hit in &results.hits {
        let doc = corpus.document(&hit.doc_id).unwrap();
        let detail = doc.detail();
        assert!(
            detail
                .sentences
                .iter()
                .any(|s| (s.start, s.end) == (hit.start, hit.end)),
            "{hit:?}"
        );
        for h in &hit.snippet.highlights {
            // A part of a compound marks the whole token: "Putin-Mori".
            assert!(js_slice(&hit.snippet.text, h.start, h.end)
                .to_lowercase()
                .contains("mori"));
        }
        assert!(!hit.snippet.highlights.is_empty());
    }
}

#[test]
fn each_unit_must_satisfy_the_whole_query() {
    let corpus = seeds();
    let by = |unit| {
        corpus
            .search(
                "putin koizumi",
                &SearchOptions {
                    unit,
                    limit: 100,
                    ..SearchOptions::default()
                },
            )
            .unwrap()
            .total
    };
    let (documents, paragraphs, sentences) =
        (by(Unit::Document), by(Unit::Paragraph), by(Unit::Sentence));
    assert_eq!(documents, 2);
    assert!(
        sentences >= 3 && paragraphs >= sentences.min(paragraphs) && sentences <= 10,
        "{documents} {paragraphs} {sentences}"
    );
    let options = SearchOptions {
        unit: Unit::Sentence,
        ..SearchOptions::default()
    };
    assert_eq!(corpus.search("putin -putin", &options).unwrap().total, 0);
}

#[test]
fn snippets_cut_long_documents_and_mark_every_match_shown() {
    let corpus = seeds();
    let options = SearchOptions {
        snippet_length: 80,
        ..SearchOptions::default()
    };
    let hit = corpus
        .search("kunashir iturup", &options)
        .unwrap()
        .hits
        .remove(0);
    assert!(
        hit.snippet.text.starts_with('…') && hit.snippet.text.ends_with('…'),
        "{:?}",
        hit.snippet.text
    );
    assert_eq!(marked(&hit), ["Kunashir", "Iturup"]);
    let none = SearchOptions {
        snippet_length: 0,
        ..SearchOptions::default()
    };
    assert_eq!(
        corpus.search("kunashir", &none).unwrap().hits[0]
            .snippet
            .text,
        ""
    );
}

#[test]
fn ranking_is_deterministic_and_paged() {
    let corpus = seeds();
    let all = search(&corpus, "russia");
    let scores: Vec<f64> = all.hits.iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    let page = corpus
        .search(
            "russia",
            &SearchOptions {
                offset: 2,
                limit: 2,
                ..SearchOptions::default()
            },
        )
        .unwrap();
    let paged: Vec<&str> = page.hits.iter().map(|h| h.doc_id.as_str()).collect();
    let expected: Vec<&str> = all.hits[2..4].iter().map(|h| h.doc_id.as_str()).collect();
    assert_eq!(paged, expected);
}

#[test]
fn title_matches_count_more() {
    let content = "[{\"id\": \"body\", \"text\": \"Kuril talks. Other words here.\"},\n {\"id\": \"titled\", \"title\": \"Kuril\", \"text\": \"Kuril talks. Other words here.\"}]";
    let corpus = Corpus::load(
        &[SourceFile::new("t.json", content)],
        &LoadOptions::default(),
    )
    .unwrap();
    let results = search(&corpus, "kuril");
    assert_eq!(results.hits[0].doc_id, "titled");
    let flat = corpus
        .search(
            "kuril",
            &SearchOptions {
                title_boost: 0.0,
                ..SearchOptions::default()
            },
        )
        .unwrap();
    assert_eq!(flat.hits[0].score, flat.hits[1].score);
    assert_eq!(flat.hits[0].doc_id, "body", "ties keep corpus order");
}

/// Issue "structured query errors": the position is data, not only words of
/// the message, and counts UTF-16 code units like the message does.
#[test]
fn query_errors_carry_their_position_as_data() {
    let corpus = seeds();
    for (query, position) in [
        ("putin \"peace", 6),
        ("Mori’s “peace", 7),
        ("𝔭utin AND", 7),
        ("(putin", 0),
        ("putin party:whig", 6),
        ("", 0),
    ] {
        let error = corpus.search(query, &SearchOptions::default()).unwrap_err();
        assert_eq!(error.kind().name(), "invalid-query", "{query}");
        assert_eq!(error.position(), Some(position), "{query}: {error}");
        let said = format!("at position {position}");
        assert!(
            error.to_string().contains(&said) || query.is_empty(),
            "{error} says {said}"
        );
    }
    let options = SearchOptions {
        limit: 0,
        ..SearchOptions::default()
    };
    let error = corpus.search("putin", &options).unwrap_err();
    assert_eq!(
        (error.kind().name(), error.position()),
        ("invalid-argument", None)
    );
}

#[test]
fn malformed_queries_and_options_name_the_problem() {
    let corpus = seeds();
    assert_eq!(
        error(&corpus, "putin \"peace"),
        "invalid query: unclosed quote at position 6"
    );
    assert_eq!(
        error(&corpus, "year:2005..2000"),
        "invalid query: the range of \"year\" at position 0 is empty: 2005 is after 2000"
    );
    assert_eq!(error(&corpus, "year:soon"), "invalid query: the field \"year\" at position 0 needs a number or a range such as 2000..2005, found \"soon\"");
    assert_eq!(error(&corpus, "putin date:2005-13"), "invalid query: the field \"date\" at position 6 needs a date (YYYY, YYYY-MM or YYYY-MM-DD) or a range such as 2004-11..2005-01, found \"2005-13\"");
    assert_eq!(
        error(&corpus, "publication:2000..2001"),
        "invalid query: the field \"publication\" at position 0 takes words, not a range"
    );
    let bad = SearchOptions {
        limit: 0,
        ..SearchOptions::default()
    };
    assert_eq!(
        corpus.search("putin", &bad).unwrap_err().to_string(),
        "the option limit must be between 1 and 10000, got 0"
    );
    let bad = SearchOptions {
        b: 1.5,
        ..SearchOptions::default()
    };
    assert_eq!(
        corpus.search("putin", &bad).unwrap_err().to_string(),
        "the option b must be between 0 and 1, got 1.5"
    );
}

#[test]
fn kwic_lines_slice_to_their_match_and_sort() {
    let corpus = seeds();
    let kwic = corpus.kwic("koizumi", &KwicOptions::default()).unwrap();
    assert_eq!(kwic.total, kwic.lines.len());
    assert!(kwic.total >= 12);
    for line in &kwic.lines {
        let doc = corpus.document(&line.doc_id).unwrap();
        assert_eq!(js_slice(&doc.text, line.start, line.end), line.matched);
        assert!(line.left.chars().count() <= 40 && line.right.chars().count() <= 40);
    }
    let limited = corpus
        .kwic(
            "koizumi",
            &KwicOptions {
                limit: 3,
                ..KwicOptions::default()
            },
        )
        .unwrap();
    assert_eq!((limited.total, limited.lines.len()), (kwic.total, 3));
}

#[test]
fn kwic_pages_through_every_line_sorted_by_up_to_three_levels() {
    let text = "alpha war beta one. gamma war alpha two. beta war alpha one. alpha war alpha two. beta war beta one.";
    let corpus = Corpus::load(&[SourceFile::new("f.txt", text)], &LoadOptions::default()).unwrap();
    let kwic = |sort: Vec<KwicSort>, offset: usize, limit: usize| {
        let options = KwicOptions {
            sort,
            offset,
            limit,
            width: 12,
            ..KwicOptions::default()
        };
        corpus.kwic("war", &options).unwrap()
    };
    let around = |lines: &[corpus_lens::KwicLine]| -> Vec<String> {
        let first = |t: &str| {
            t.split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches('.')
                .to_string()
        };
        let last = |t: &str| t.split_whitespace().last().unwrap_or("").to_string();
        lines
            .iter()
            .map(|l| {
                format!("{} {} {}", last(&l.left), first(&l.right), {
                    l.right
                        .split_whitespace()
                        .nth(1)
                        .unwrap_or("")
                        .trim_matches('.')
                })
            })
            .collect()
    };
    let sorted = kwic(
        vec![KwicSort::After(1), KwicSort::Before(1), KwicSort::After(2)],
        0,
        100,
    );
    assert_eq!(
        around(&sorted.lines),
        [
            "alpha alpha two",
            "beta alpha one",
            "gamma alpha two",
            "alpha beta one",
            "beta beta one"
        ]
    );
    let by_second = kwic(vec![KwicSort::After(2), KwicSort::Before(1)], 0, 100);
    assert_eq!(
        around(&by_second.lines)[..2],
        ["alpha beta one", "beta alpha one"]
    );
    // Pages of the same order, each with the total.
    let page = kwic(
        vec![KwicSort::After(1), KwicSort::Before(1), KwicSort::After(2)],
        2,
        2,
    );
    assert_eq!(
        (page.total, around(&page.lines)),
        (5, around(&sorted.lines[2..4]))
    );
    let past = kwic(vec![KwicSort::Document], 9, 2);
    assert_eq!((past.total, past.lines.len()), (5, 0));
    let in_order = kwic(vec![KwicSort::Document], 1, 1);
    assert_eq!(around(&in_order.lines), ["gamma alpha two"]);
    assert!(sorted.lines.iter().all(|l| l.left.chars().count() <= 12));
    // Keys read from JavaScript: one string or a list of up to three.
    let read = |json: &str| serde_json::from_str::<KwicOptions>(json).map(|o| o.sort);
    assert_eq!(read(r#"{"sort": "right"}"#).unwrap(), [KwicSort::Right]);
    assert_eq!(
        read(r#"{"sort": ["1R", "match", "5L"]}"#).unwrap(),
        [KwicSort::After(1), KwicSort::Match, KwicSort::Before(5)]
    );
    let unknown = read(r#"{"sort": ["1R", "6L"]}"#).unwrap_err().to_string();
    assert!(
        unknown.contains(
            "unknown sort key \"6L\": expected document, left, right, match, 1L to 5L or 1R to 5R"
        ),
        "{unknown}"
    );
    let too_many = corpus
        .kwic(
            "war",
            &KwicOptions {
                sort: vec![KwicSort::Left; 4],
                ..KwicOptions::default()
            },
        )
        .unwrap_err();
    assert_eq!(
        too_many.to_string(),
        "the option sort has 4 levels; a concordance sorts by at most 3"
    );
}

#[test]
fn kwic_of_one_document_lists_only_its_matches() {
    let corpus = seeds();
    let all = corpus.kwic("putin", &KwicOptions::default()).unwrap();
    let doc_id = all.lines[0].doc_id.clone();
    let one = corpus
        .kwic(
            "putin",
            &KwicOptions {
                doc_id: Some(doc_id.clone()),
                ..KwicOptions::default()
            },
        )
        .unwrap();
    let expected: Vec<_> = all.lines.iter().filter(|l| l.doc_id == doc_id).collect();
    assert_eq!(one.total, expected.len());
    assert_eq!(one.lines.iter().collect::<Vec<_>>(), expected);
    let unknown = KwicOptions {
        doc_id: Some("nope".into()),
        ..KwicOptions::default()
    };
    assert!(corpus.kwic("putin", &unknown).is_err());
}

#[test]
fn terms_leave_out_stopwords() {
    let corpus = seeds();
    let top = corpus
        .terms(&TermsOptions {
            limit: 5,
            ..TermsOptions::default()
        })
        .unwrap();
    assert!(
        top.iter()
            .all(|t| !["the", "of", "and"].contains(&t.term.as_str())),
        "{top:?}"
    );
    assert!(top.iter().any(|t| t.term == "japan"));
    assert!(top.windows(2).all(|w| w[0].count >= w[1].count));
    let all = corpus
        .terms(&TermsOptions {
            limit: 1,
            stopwords: Stopwords::Builtin(false),
        })
        .unwrap();
    assert_eq!(all[0].term, "the");
    let custom = corpus
        .terms(&TermsOptions {
            limit: 1,
            stopwords: Stopwords::Custom(vec!["The".into()]),
        })
        .unwrap();
    assert_ne!(custom[0].term, "the");
}

#[test]
fn term_trend_fills_every_year() {
    let corpus = seeds();
    let trend = corpus
        .term_trend("putin", &TrendOptions::default())
        .unwrap();
    assert_eq!(
        trend.labels,
        ["1999", "2000", "2001", "2002", "2003", "2004", "2005"]
    );
    assert_eq!(trend.counts[0], 0);
    assert_eq!(
        trend.counts.iter().sum::<usize>(),
        corpus.kwic("putin", &KwicOptions::default()).unwrap().total
    );
    assert_eq!(trend.words[3], 0);
    let by_doc = corpus
        .term_trend(
            "putin",
            &TrendOptions {
                bucket: Bucket::Document,
            },
        )
        .unwrap();
    assert_eq!(by_doc.labels.len(), 5);
}

#[test]
fn trends_and_timelines_group_by_any_metadata_field() {
    let records = [
        r#"{"date": "1861-12-03", "president": "Abraham Lincoln", "party": "Republican", "text": "The Union. Lincoln spoke of the Union and the war."}"#,
        r#"{"date": "1858-12-06", "president": "James Buchanan", "party": "Democratic", "text": "The Union is in peril."}"#,
        r#"{"date": "1862-12-01", "president": "Abraham Lincoln", "party": "Republican", "text": "The war and the Union."}"#,
        r#"{"date": "1790-01-08", "text": "A word on the Union from a president with no party."}"#,
    ];
    let corpus = Corpus::load(
        &[SourceFile::new("addresses.jsonl", records.join("\n"))],
        &LoadOptions::default(),
    )
    .unwrap();
    let by_party = corpus
        .term_trend(
            "union",
            &TrendOptions {
                bucket: Bucket::Field("party".into()),
            },
        )
        .unwrap();
    // Ordered by each value's earliest year; the documents without it last.
    assert_eq!(by_party.labels, ["Democratic", "Republican", "(no party)"]);
    assert_eq!(by_party.counts, [1, 3, 1]);
    assert_eq!(by_party.words.iter().sum::<usize>(), corpus.stats().words);
    assert_eq!(
        serde_json::to_value(&by_party).unwrap()["bucket"],
        "field:party"
    );

    // The field's name in any case; the timeline counts mentions the same way.
    let timeline = corpus
        .timeline(
            &serde_json::from_value(
                serde_json::json!({"bucket": "field:President", "entities": ["person:lincoln"]}),
            )
            .unwrap(),
        )
        .unwrap();
    assert_eq!(
        timeline.buckets,
        ["James Buchanan", "Abraham Lincoln", "(no President)"]
    );
    assert_eq!(timeline.series[0].values, [0, 1, 0]);

    let unknown = corpus
        .term_trend(
            "union",
            &TrendOptions {
                bucket: Bucket::Field("author".into()),
            },
        )
        .unwrap_err()
        .to_string();
    assert_eq!(unknown, "the option bucket names the field \"author\", which no document has; this corpus has party, president");
}

#[test]
fn memory_report_adds_up_by_part() {
    let corpus = seeds();
    let memory = corpus.memory();
    let text: usize = corpus.documents().iter().map(|d| d.text.len()).sum();
    assert!(memory.text >= text && memory.text < text * 2, "{memory:?}");
    assert!(memory.documents > 0 && memory.index > 0, "{memory:?}");
    assert!(
        memory.index < text * 20,
        "the index of a small corpus stays small: {memory:?}"
    );
}

#[test]
fn entity_filters_match_every_alias() {
    let corpus = seeds();
    let putin = ids(&search(&corpus, "person:putin"));
    assert_eq!(putin.len(), 4, "{putin:?}");
    assert_eq!(putin, ids(&search(&corpus, "person:\"vladimir putin\"")));
    // "Northern Territories" and "south Kuril Islands" are aliases of the Kuril Islands.
    assert_eq!(
        ids(&search(&corpus, "place:\"northern territories\"")),
        ids(&search(&corpus, "place:kuril"))
    );
    assert_eq!(
        ids(&search(&corpus, "media:itar-tass")),
        ["000_cdea581117318265"]
    );
    assert_eq!(ids(&search(&corpus, "org:wto")), [EDM_2005]);
    assert_eq!(ids(&search(&corpus, "entity:kyoto")), [EDM_2004]);
    assert_eq!(
        search(&corpus, "person:moscow").total,
        0,
        "Moscow is a place, not a person"
    );
    assert_eq!(
        ids(&search(&corpus, "person:koizumi -person:mori")),
        [EDM_2005, EDM_2004]
    );
}

#[test]
fn entity_filters_by_sentence_or_paragraph_keep_the_units_that_mention_the_entity() {
    let corpus = seeds();
    let mentions = corpus
        .mentions("person:yoshiro-mori", &MentionOptions { limit: None })
        .unwrap();
    let expected: BTreeSet<(String, usize, usize)> = mentions
        .iter()
        .map(|m| (m.doc_id.clone(), m.sentence.start, m.sentence.end))
        .collect();
    let options = SearchOptions {
        unit: Unit::Sentence,
        limit: 1000,
        ..SearchOptions::default()
    };
    let results = corpus.search("person:\"yoshiro mori\"", &options).unwrap();
    let found: BTreeSet<(String, usize, usize)> = results
        .hits
        .iter()
        .map(|h| (h.doc_id.clone(), h.start, h.end))
        .collect();
    assert_eq!(found, expected, "the sentences that mention him, no other");
    assert_eq!(results.total, expected.len());
    for hit in &results.hits {
        assert!(hit.score > 0.0, "scored by its mentions: {hit:?}");
        let marked = marked(hit);
        assert!(
            !marked.is_empty() && marked.iter().all(|m| m.contains("Mori")),
            "{marked:?}"
        );
    }
    // With a word: the sentences holding both; negated: the others.
    let with_putin = corpus.search("putin person:mori", &options).unwrap();
    assert!(with_putin.total > 0 && with_putin.total < results.total);
    let without = corpus.search("putin -person:mori", &options).unwrap();
    let putin = corpus.search("putin", &options).unwrap();
    assert_eq!(without.total + with_putin.total, putin.total);
}

#[test]
fn entity_filters_reject_ranges() {
    assert_eq!(
        error(&seeds(), "putin person:1..2"),
        "invalid query: the field \"person\" at position 6 takes a name, not a range"
    );
}

/// Facets count every matching document, not the page of hits: the counts
/// equal counting by hand over an unlimited search.
#[test]
fn facets_count_the_whole_match_set() {
    use std::collections::{BTreeMap, BTreeSet};
    let corpus = seeds();
    for (query, unit) in [
        ("treaty", Unit::Document),
        ("putin OR mori", Unit::Sentence),
    ] {
        let facets_of = |facets| SearchOptions {
            limit: 1,
            unit,
            facets,
            ..SearchOptions::default()
        };
        let options = corpus_lens::FacetOptions {
            entities: 1000,
            ..corpus_lens::FacetOptions::default()
        };
        let results = corpus.search(query, &facets_of(Some(options))).unwrap();
        assert_eq!(results.hits.len(), 1, "one hit returned, all counted");
        let facets = results.facets.unwrap();
        let all = corpus
            .search(
                query,
                &SearchOptions {
                    limit: 10_000,
                    unit,
                    ..SearchOptions::default()
                },
            )
            .unwrap();
        let docs: BTreeSet<String> = all.hits.iter().map(|h| h.doc_id.clone()).collect();
        assert_eq!(facets.documents, docs.len());
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        let mut publications: BTreeMap<String, usize> = BTreeMap::new();
        let mut people: BTreeMap<String, usize> = BTreeMap::new();
        for id in &docs {
            let doc = corpus.document(id).unwrap();
            *years.entry(doc.year.unwrap()).or_default() += 1;
            *publications
                .entry(doc.publication.clone().unwrap())
                .or_default() += 1;
            let mentioned: BTreeSet<String> = corpus
                .annotate(id)
                .unwrap()
                .into_iter()
                .filter(|a| a.ty == corpus_lens::EntityType::Person)
                .map(|a| a.entity_id)
                .collect();
            for person in mentioned {
                *people.entry(person).or_default() += 1;
            }
        }
        let counted = |list: &[corpus_lens::FacetCount<i32>]| -> BTreeMap<i32, usize> {
            list.iter().map(|c| (c.value, c.count)).collect()
        };
        assert_eq!(counted(&facets.year), years, "{query}: years");
        let by_publication: BTreeMap<String, usize> = facets
            .publication
            .iter()
            .map(|c| (c.value.clone(), c.count))
            .collect();
        assert_eq!(by_publication, publications, "{query}: publications");
        let person = &facets.entities[&corpus_lens::EntityType::Person];
        let by_person: BTreeMap<String, usize> =
            person.iter().map(|e| (e.id.clone(), e.count)).collect();
        assert_eq!(by_person, people, "{query}: people");
        assert!(
            person.windows(2).all(|w| w[0].count >= w[1].count),
            "most documents first"
        );
        assert_eq!(facets.entities.len(), 6, "every filterable type is present");
    }
    let none = corpus.search("putin", &SearchOptions::default()).unwrap();
    assert!(none.facets.is_none());
    let top = SearchOptions {
        facets: Some(corpus_lens::FacetOptions::default()),
        ..SearchOptions::default()
    };
    let facets = corpus.search("putin", &top).unwrap().facets.unwrap();
    assert!(facets.entities.values().all(|list| list.len() <= 10));
}

#[test]
fn facets_count_matching_documents_per_value_of_each_metadata_field() {
    let records = [
        r#"{"party": "Republican", "president": "Abraham Lincoln", "text": "The Union and the war."}"#,
        r#"{"party": "Democratic", "president": "James Buchanan", "text": "The Union is in peril."}"#,
        r#"{"party": "Republican", "president": "Abraham Lincoln", "text": "The war goes on; the Union holds."}"#,
        r#"{"party": " ", "president": 1790, "text": "Peace, and no war."}"#,
    ];
    let corpus = Corpus::load(
        &[SourceFile::new("addresses.jsonl", records.join("\n"))],
        &LoadOptions::default(),
    )
    .unwrap();
    let facets = |query: &str, metadata: usize| {
        let options = SearchOptions {
            facets: Some(corpus_lens::FacetOptions {
                metadata,
                ..corpus_lens::FacetOptions::default()
            }),
            ..SearchOptions::default()
        };
        let found = corpus
            .search(query, &options)
            .unwrap()
            .facets
            .unwrap()
            .metadata;
        found
            .into_iter()
            .map(|(field, values)| {
                (
                    field,
                    values
                        .into_iter()
                        .map(|c| (c.value, c.count))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    let pair = |v: &str, n: usize| (v.to_string(), n);
    assert_eq!(
        facets("war", 10),
        [
            ("party".to_string(), vec![pair("Republican", 2)]),
            (
                "president".to_string(),
                vec![pair("Abraham Lincoln", 2), pair("1790", 1)]
            ),
        ],
        "a blank value is not counted; a number is counted as written"
    );
    assert_eq!(
        facets("union", 1)[0],
        ("party".to_string(), vec![pair("Republican", 2)])
    );
    // Each value's count is what the field filter finds with the same query.
    assert_eq!(search(&corpus, "union party:republican").total, 2);
}

#[test]
fn facets_option_reads_true_false_and_an_object() {
    let read = |value: serde_json::Value| serde_json::from_value::<SearchOptions>(value);
    let on = read(serde_json::json!({"facets": true})).unwrap();
    assert_eq!(on.facets, Some(corpus_lens::FacetOptions::default()));
    assert_eq!(
        read(serde_json::json!({"facets": false})).unwrap().facets,
        None
    );
    let some = read(serde_json::json!({"facets": {"entities": 3, "types": ["place"]}})).unwrap();
    assert_eq!(some.facets.map(|f| f.entities), Some(3));
    let error = read(serde_json::json!({"facets": {"entites": 3}})).unwrap_err();
    assert!(
        error.to_string().contains("unknown option `entites`"),
        "{error}"
    );
    let seeds = seeds();
    let too_many = SearchOptions {
        facets: Some(corpus_lens::FacetOptions {
            entities: 1001,
            ..corpus_lens::FacetOptions::default()
        }),
        ..SearchOptions::default()
    };
    assert_eq!(
        seeds.search("putin", &too_many).unwrap_err().to_string(),
        "the option facets.entities must be between 0 and 1000, got 1001"
    );
}
