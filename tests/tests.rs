//! The public Rust API on tiny fixtures and on the real seeds.
#![allow(clippy::unwrap_used, clippy::panic)] // tests may panic: that is how they fail
#![cfg(not(target_arch = "wasm32"))]

mod cooccur;
mod duplicates;
mod entities;
mod exports;
mod fuzzed;
mod hay;
mod layers;
mod properties;
mod readers;
mod search;

use corpus_lens::{Corpus, DateSource, LoadOptions, MetaValue, SourceFile};
use serde_json::json;

fn load(name: &str, content: &str) -> Result<Corpus, corpus_lens::Error> {
    Corpus::load(&[SourceFile::new(name, content)], &LoadOptions::default())
}

fn sentences_of(corpus: &Corpus, id: &str) -> Vec<String> {
    let doc = corpus.document(id).unwrap();
    doc.sentences
        .iter()
        .map(|s| s.of(&doc.text).to_string())
        .collect()
}

/// Slices `text` by UTF-16 code units, as JavaScript's `slice` does.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn seeds_headers_years_and_titles() {
    let corpus = Corpus::embedded().unwrap();
    assert_eq!(corpus.documents().len(), 5);
    for (id, publication, volume, issue, year, title) in hay::SEED_HEADERS {
        let doc = corpus.document(id).unwrap();
        assert_eq!(doc.publication.as_deref(), Some(publication), "{id}");
        assert_eq!(
            (doc.volume, doc.issue, doc.year),
            (Some(volume), Some(issue), Some(year)),
            "{id}"
        );
        // The volume gives the year, the latest citation the month.
        assert_eq!(doc.date_source, Some(DateSource::Citations), "{id}");
        assert_eq!(
            doc.date.map(|d| (d.year, d.month, d.day)),
            Some((year, Some(hay::seed_month(id)), None)),
            "{id}"
        );
        assert_eq!(doc.title, title);
        assert!(
            !doc.text.starts_with("Publication:"),
            "{id}: the header stays out of the text"
        );
    }
}

#[test]
fn seeds_stats_add_up() {
    let corpus = Corpus::embedded().unwrap();
    let stats = corpus.stats();
    let docs = corpus.documents();
    assert_eq!(stats.documents, 5);
    assert_eq!(
        stats.sentences,
        docs.iter().map(|d| d.sentences.len()).sum::<usize>()
    );
    assert_eq!(
        stats.words,
        docs.iter().map(|d| d.tokens().len()).sum::<usize>()
    );
    assert_eq!(
        stats.chars,
        docs.iter()
            .map(|d| d.text.encode_utf16().count())
            .sum::<usize>()
    );
    assert!(stats.vocabulary > 500 && stats.vocabulary < stats.words);
}

#[test]
fn seed_paragraphs_match_blank_lines() {
    let corpus = Corpus::embedded().unwrap();
    let counts: Vec<usize> = corpus
        .documents()
        .iter()
        .map(|d| d.paragraphs.len())
        .collect();
    assert_eq!(counts, [4, 8, 5, 15, 8]);
}

#[test]
fn seed_sentences_with_curly_quotes_and_dashes_round_trip_in_utf16() {
    let corpus = Corpus::embedded().unwrap();
    for (id, expected) in hay::SEED_SENTENCES {
        let doc = corpus.document(id).unwrap();
        let detail = doc.detail();
        let found = detail
            .sentences
            .iter()
            .map(|s| js_slice(&doc.text, s.start, s.end))
            .find(|s| s == expected);
        assert!(
            found.is_some(),
            "{id}: {expected:?} is not one of its sentences"
        );
    }
}

#[test]
fn every_seed_sentence_and_paragraph_slices_in_utf16() {
    let corpus = Corpus::embedded().unwrap();
    for doc in corpus.documents() {
        let detail = doc.detail();
        let pairs = doc.sentences.iter().zip(&detail.sentences);
        let pairs = pairs.chain(doc.paragraphs.iter().zip(&detail.paragraphs));
        for (bytes, utf16) in pairs {
            assert_eq!(
                js_slice(&doc.text, utf16.start, utf16.end),
                bytes.of(&doc.text)
            );
        }
    }
}

#[test]
fn seed_sentences_keep_initials_and_titles_inside() {
    let corpus = Corpus::embedded().unwrap();
    let sentences = sentences_of(&corpus, "004_f51516d21ae9b3a2");
    assert!(sentences.contains(
        &"The United States has offered to assist the Japanese on two occasions over the past dozen years, first under President George H.W. Bush, and then under President Bill Clinton, but was rebuffed on both occasions.".to_string()
    ));
    let first = sentences_of(&corpus, "000_cdea581117318265");
    assert!(
        first[0].ends_with("to meet on April 29 in St. Petersburg."),
        "{:?}",
        first[0]
    );
}

#[test]
fn tricky_text_sentence_count() {
    let text =
        "Mr. Kono met Dr. Ivanov at 5 p.m. in St. Petersburg. Trade rose 50%, to $9 billion. \
                “Is it over?” he asked. The U.S. Senate met on November 20-22–briefly. \
                Gen. J. Smith agreed. The talks ended.";
    let corpus = load("tricky.txt", text).unwrap();
    assert_eq!(
        sentences_of(&corpus, "tricky"),
        [
            "Mr. Kono met Dr. Ivanov at 5 p.m. in St. Petersburg.",
            "Trade rose 50%, to $9 billion.",
            "“Is it over?” he asked.",
            "The U.S. Senate met on November 20-22–briefly.",
            "Gen. J. Smith agreed.",
            "The talks ended."
        ]
    );
}

#[test]
fn txt_with_two_headers_makes_two_documents() {
    let corpus = load("pair.txt", hay::TWO_ARTICLES_TXT).unwrap();
    let docs = corpus.documents();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        (docs[0].id.as_str(), docs[1].id.as_str()),
        ("pair-1", "pair-2")
    );
    assert_eq!(
        docs[1].publication.as_deref(),
        Some("Eurasia Daily Monitor")
    );
    assert_eq!(docs[1].year, Some(2005));
    assert_eq!(docs[0].sentences.len(), 2);
}

#[test]
fn markdown_heading_becomes_the_title() {
    let corpus = load("notes/kurils.md", hay::NOTE_MD).unwrap();
    let doc = corpus.document("kurils").unwrap();
    assert_eq!(doc.title, "Notes on the Kurils");
    assert_eq!(doc.year, None);
}

#[test]
fn json_array_keeps_fields_and_metadata() {
    let corpus = load("set.json", hay::ARRAY_JSON).unwrap();
    let a = corpus.document("a").unwrap();
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2004-11-21"));
    assert_eq!(
        (a.year, a.date_source),
        (Some(2004), Some(DateSource::Metadata))
    );
    assert_eq!(
        a.metadata.get("author"),
        Some(&MetaValue::Text("Smith".into()))
    );
    let second = corpus.document("set-3").unwrap();
    assert_eq!(second.volume, Some(3));
    assert_eq!(second.metadata.get("pages"), Some(&MetaValue::Number(12.0)));
    assert_eq!(second.title, "No id and no title in this one.");
}

#[test]
fn json_object_with_documents_array() {
    let corpus = load("w.json", hay::WRAPPED_JSON).unwrap();
    assert_eq!(corpus.documents()[0].text, "Wrapped text.");
}

#[test]
fn jsonl_and_ndjson_skip_blank_lines() {
    for name in ["r.jsonl", "r.ndjson"] {
        let corpus = load(name, hay::RECORDS_JSONL).unwrap();
        let ids: Vec<&str> = corpus.documents().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(corpus.document("2").unwrap().year, Some(1999));
    }
}

#[test]
fn csv_handles_quotes_commas_and_newlines() {
    let corpus = load("q.csv", hay::QUOTED_CSV).unwrap();
    let x1 = corpus.document("x1").unwrap();
    assert_eq!(x1.title, "Quoted, title");
    assert_eq!(x1.text, "He said \"no\".\nThen left.");
    assert_eq!(
        x1.metadata.get("party"),
        Some(&MetaValue::Text("Whig".into()))
    );
    assert!(corpus.document("x2").unwrap().metadata.is_empty());
}

#[test]
fn tsv_takes_quotes_literally_and_matches_columns_case_insensitively() {
    let corpus = load("r.tsv", hay::RECORDS_TSV).unwrap();
    let doc = &corpus.documents()[0];
    assert_eq!(
        (doc.title.as_str(), doc.text.as_str()),
        ("T1", "Says \"hi\" here.")
    );
    assert_eq!(doc.year, Some(2001));
}

#[test]
fn bad_inputs_fail_with_messages_naming_file_and_line() {
    for bad in hay::BAD_INPUTS {
        match load(bad.name, bad.content) {
            Ok(_) => panic!("{} loaded", bad.name),
            Err(error) => assert_eq!(error.to_string(), bad.message),
        }
    }
}

#[test]
fn unclosed_csv_quote_skips_only_its_row_and_keeps_the_rest() {
    // Regression: the quote opened on line 2 swallowed every later row.
    let options = LoadOptions {
        skip_invalid: true,
        ..LoadOptions::default()
    };
    let files = [SourceFile::new("u.csv", hay::UNCLOSED_QUOTE_CSV)];
    let corpus = Corpus::load(&files, &options).unwrap();
    let ids: Vec<&str> = corpus.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["B", "C", "E"]);
    assert_eq!(corpus.document("C").unwrap().text, "Talks, \"again\".");
    assert_eq!(corpus.document("E").unwrap().text, "Last.");
    let warnings: Vec<(usize, &str)> = corpus
        .warnings()
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (2, "u.csv line 2, column 3: the quote that opens this field closes only on line 4, followed by text, so the rows between would be read as part of it"),
            (5, "u.csv line 5, column 3: the quote that opens this field is never closed, so the rows after it would be read as part of it"),
        ]
    );
}

#[test]
fn unclosed_quote_in_the_csv_header_is_an_error() {
    let error = load("h.csv", "id,\"text\nA,one\n").unwrap_err();
    assert_eq!(
        error.to_string(),
        "h.csv line 1, column 4: the quote that opens this field is never closed, so the rows after it would be read as part of it"
    );
}

#[test]
fn tsv_lone_quote_does_not_merge_rows() {
    let corpus = load("q.tsv", hay::LONE_QUOTE_TSV).unwrap();
    let texts: Vec<&str> = corpus.documents().iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["He said \"no.", "Second row."]);
}

#[test]
fn jsonl_raw_newline_in_a_string_is_skipped_with_warnings_not_merged() {
    let options = LoadOptions {
        skip_invalid: true,
        ..LoadOptions::default()
    };
    let content = "{\"text\": \"one\nline two\"}\n{\"text\": \"three\"}\n";
    let corpus = Corpus::load(&[SourceFile::new("b.jsonl", content)], &options).unwrap();
    let texts: Vec<&str> = corpus.documents().iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["three"]);
    let lines: Vec<usize> = corpus.warnings().iter().map(|w| w.line).collect();
    assert_eq!(lines, [1, 2]);
}

#[test]
fn markdown_with_several_headers_makes_a_document_each_and_names_an_empty_one() {
    let error = load("h.md", hay::HEADERS_MD).unwrap_err();
    assert_eq!(
        error.to_string(),
        "h.md line 4: the \"text\" field is empty"
    );
    let options = LoadOptions {
        skip_invalid: true,
        ..LoadOptions::default()
    };
    let corpus = Corpus::load(&[SourceFile::new("h.md", hay::HEADERS_MD)], &options).unwrap();
    let docs: Vec<(&str, &str, Option<u32>)> = corpus
        .documents()
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str(), d.issue))
        .collect();
    assert_eq!(docs, [("h-1", "First", Some(1)), ("h-3", "Third", Some(3))]);
}

#[test]
fn txt_with_crlf_line_ends_reads_as_with_lf() {
    let crlf = load("pair.txt", &hay::two_articles_crlf()).unwrap();
    let lf = load("pair.txt", hay::TWO_ARTICLES_TXT).unwrap();
    let shape = |c: &Corpus| -> Vec<(String, Option<u32>, usize, usize)> {
        c.documents()
            .iter()
            .map(|d| (d.id.clone(), d.issue, d.sentences.len(), d.paragraphs.len()))
            .collect()
    };
    assert_eq!(shape(&crlf), shape(&lf));
    assert_eq!(
        crlf.documents()[1].text.trim_end(),
        "Koizumi met Putin in Tokyo."
    );
}

#[test]
fn duplicate_ids_across_files_name_both_places() {
    let files = [
        SourceFile::new("a.jsonl", "{\"id\": \"x\", \"text\": \"one\"}"),
        SourceFile::new("b.csv", "id,text\ny,two\nx,three\n"),
    ];
    let error = Corpus::load(&files, &LoadOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "b.csv line 3: the id \"x\" is already used by a.jsonl line 1"
    );
}

#[test]
fn skip_invalid_keeps_good_records_and_lists_every_bad_one() {
    let files = [
        SourceFile::new(
            "mixed.jsonl",
            "{\"text\": \"good one\"}\n{\"title\": \"no text\"}\n{oops\n{\"text\": \"good two\"}\n",
        ),
        SourceFile::new("notext.csv", "title\nA\n"),
        SourceFile::new("slides.pptx", "PK"),
    ];
    let options = LoadOptions {
        skip_invalid: true,
        ..LoadOptions::default()
    };
    let corpus = Corpus::load(&files, &options).unwrap();
    assert_eq!(corpus.documents().len(), 2);
    let warnings: Vec<(&str, usize)> = corpus
        .warnings()
        .iter()
        .map(|w| (w.file.as_str(), w.line))
        .collect();
    assert_eq!(
        warnings,
        [
            ("mixed.jsonl", 2),
            ("mixed.jsonl", 3),
            ("notext.csv", 1),
            ("slides.pptx", 0)
        ]
    );
    assert!(corpus.warnings()[0].message.contains("no \"text\" field"));
}

#[test]
fn skip_invalid_still_rejects_an_empty_corpus() {
    let options = LoadOptions {
        skip_invalid: true,
        ..LoadOptions::default()
    };
    let error = Corpus::load(
        &[SourceFile::new("bad.jsonl", "{\"title\": 1}\n")],
        &options,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the corpus is empty: no document with text in bad.jsonl; 1 record was skipped: \
         bad.jsonl line 1: the record has no \"text\" field (nor \"body\", \"content\", \"article\", \"full_text\" or \"story\"; the fields option can name another)"
    );
}

#[test]
fn from_records_generates_ids_and_names_records() {
    let records = vec![
        json!({"text": "First."}),
        json!({"id": 7, "text": "Second."}),
    ];
    let corpus = Corpus::from_records(records, &LoadOptions::default()).unwrap();
    let ids: Vec<&str> = corpus.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["doc-1", "7"]);

    let error = Corpus::from_records(
        vec![json!({"text": "ok"}), json!("just a string")],
        &LoadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "documents record 2: expected a document object, found a string"
    );
}

#[test]
fn unknown_document_is_an_error() {
    let corpus = Corpus::embedded().unwrap();
    assert_eq!(
        corpus.document("nope").unwrap_err().to_string(),
        "no document has the id \"nope\""
    );
}

#[test]
fn byte_order_mark_and_crlf_are_tolerated() {
    let corpus = load("win.csv", "\u{feff}text\r\n\"One.\r\nTwo.\"\r\n").unwrap();
    assert_eq!(corpus.documents()[0].sentences.len(), 2);
}

#[test]
fn skip_invalid_skips_a_duplicate_id_and_keeps_the_first() {
    let content = "{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"a\", \"text\": \"two\"}\n";
    let options = LoadOptions {
        skip_invalid: true,
        ..LoadOptions::default()
    };
    let corpus = Corpus::load(&[SourceFile::new("d.jsonl", content)], &options).unwrap();
    assert_eq!(corpus.document("a").unwrap().text, "one");
    assert_eq!(
        corpus.warnings()[0].message,
        "d.jsonl line 2: the id \"a\" is already used by d.jsonl line 1"
    );
}

#[test]
fn an_empty_corpus_names_what_was_read() {
    let error = Corpus::from_records(vec![], &LoadOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the corpus is empty: no document with text was given"
    );
    let files: Vec<SourceFile> = (1..=5)
        .map(|i| SourceFile::new(format!("e{i}.jsonl"), ""))
        .collect();
    let error = Corpus::load(&files, &LoadOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the corpus is empty: no document with text in e1.jsonl, e2.jsonl, e3.jsonl and 2 more files"
    );
}

#[test]
fn the_fingerprint_names_the_content_and_nothing_else() {
    let a = load(
        "a.jsonl",
        "{\"id\": \"x\", \"text\": \"Putin met Mori.\", \"party\": \"none\"}\n",
    )
    .unwrap();
    let again = load(
        "elsewhere.jsonl",
        "{\"id\": \"x\", \"text\": \"Putin met Mori.\", \"party\": \"none\"}\n",
    )
    .unwrap();
    let fingerprint = a.fingerprint();
    assert!(
        fingerprint.starts_with("sha256:") && fingerprint.len() == 7 + 64,
        "{fingerprint}"
    );
    assert_eq!(
        fingerprint,
        again.fingerprint(),
        "the same documents, from a file of another name"
    );
    for changed in [
        "{\"id\": \"x\", \"text\": \"Putin met Mori!\", \"party\": \"none\"}\n",
        "{\"id\": \"y\", \"text\": \"Putin met Mori.\", \"party\": \"none\"}\n",
        "{\"id\": \"x\", \"text\": \"Putin met Mori.\", \"party\": \"some\"}\n",
        "{\"id\": \"x\", \"text\": \"Putin met Mori.\", \"party\": \"none\", \"date\": \"2005\"}\n",
    ] {
        assert_ne!(
            load("a.jsonl", changed).unwrap().fingerprint(),
            fingerprint,
            "{changed}"
        );
    }
    assert_eq!(
        Corpus::embedded().unwrap().fingerprint(),
        Corpus::embedded().unwrap().fingerprint()
    );
}
