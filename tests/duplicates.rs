//! Repeated passages: found by MinHash, and counted once when asked.

use corpus_lens::{
    CooccurrenceOptions, Corpus, DuplicateOptions, EvidenceOptions, LoadOptions, SourceFile,
};

use super::js_slice;

const INVASION: &str = "The Soviet Union has sent its troops into Afghanistan, and the world has condemned the invasion. \
We will not accept this act of aggression, and we will answer it with firm and measured steps. \
Our allies in Europe and in Asia stand with us in this, as they have stood with us before. \
The grain we would have sold will stay in our own country until the troops come home.";

fn addresses() -> Corpus {
    let record = |id: &str, text: String| serde_json::json!({"id": id, "text": text}).to_string();
    let records = [
        record("1980", format!("{INVASION}\n\nThe budget comes first this year.")),
        // The same paragraph, spaced and cased otherwise.
        record("1981", format!("Energy is the other task of this year, and it will need the work of every department, every state and every citizen who drives a car or heats a home.\n\n{}", INVASION.to_uppercase().replace(". ", ".  "))),
        // One word changed in the last sentence: a near copy.
        record("1982", format!("{}\n\nA new word on trade.", INVASION.replace("grain", "wheat"))),
        // The whole of 1980 again.
        record("1980-copy", format!("{INVASION}\n\nThe budget comes first this year.")),
        record("other", "Congress must act on the budget before the fiscal deadline passes again, as it did last year in the spring.".to_string()),
    ];
    Corpus::load(
        &[SourceFile::new("addresses.jsonl", records.join("\n"))],
        &LoadOptions::default(),
    )
    .unwrap()
}

#[test]
fn repeated_documents_and_paragraphs_are_found_with_their_places() {
    let corpus = addresses();
    let found = corpus.duplicates(&DuplicateOptions::default()).unwrap();
    fn ids(group: &corpus_lens::DuplicateGroup) -> Vec<&str> {
        group.members.iter().map(|m| m.doc_id.as_str()).collect()
    }
    assert_eq!(found.documents.len(), 1, "{:?}", found.documents);
    assert_eq!(ids(&found.documents[0]), ["1980", "1980-copy"]);
    assert_eq!(found.documents[0].similarity, 1.0);

    // The budget line repeats too, but six words are under the ten compared.
    assert_eq!(found.paragraphs.len(), 1, "{:?}", found.paragraphs);
    let invasion = &found.paragraphs[0];
    assert_eq!(ids(invasion), ["1980", "1981", "1982", "1980-copy"]);
    assert_eq!(invasion.text, INVASION);
    assert!(
        (0.8..1.0).contains(&invasion.similarity),
        "the near copy lowers it: {}",
        invasion.similarity
    );
    for member in &invasion.members {
        let text = corpus.document(&member.doc_id).unwrap().text.clone();
        assert!(js_slice(&text, member.start, member.end)
            .to_lowercase()
            .starts_with("the soviet union"));
    }
    assert_eq!(found.repeated_paragraphs, 3);
    assert_eq!(
        found.repeated_words,
        3 * INVASION.split_whitespace().count()
    );

    // A stricter threshold leaves the near copy out; a short passage is never compared.
    let strict = corpus
        .duplicates(&DuplicateOptions {
            threshold: 0.99,
            ..DuplicateOptions::default()
        })
        .unwrap();
    assert_eq!(ids(&strict.paragraphs[0]), ["1980", "1981", "1980-copy"]);
    let short = corpus
        .duplicates(&DuplicateOptions {
            min_words: 5,
            ..DuplicateOptions::default()
        })
        .unwrap();
    assert_eq!(
        ids(&short.paragraphs[1]),
        ["1980", "1980-copy"],
        "the budget line"
    );
    let long = corpus
        .duplicates(&DuplicateOptions {
            min_words: 100,
            ..DuplicateOptions::default()
        })
        .unwrap();
    assert!(long.paragraphs.is_empty());
    let error = corpus
        .duplicates(&DuplicateOptions {
            threshold: 0.2,
            ..DuplicateOptions::default()
        })
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the option threshold must be between 0.5 and 1, got 0.2"
    );
}

#[test]
fn distinct_counts_each_repeated_sentence_once_and_its_evidence_agrees() {
    let corpus = addresses();
    let soviet = corpus
        .entities(&Default::default())
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Soviet Union")
        .unwrap()
        .id;
    let afghanistan = corpus
        .entities(&Default::default())
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Afghanistan")
        .unwrap()
        .id;
    let edge = |distinct: bool| {
        let network = corpus
            .cooccurrence(&CooccurrenceOptions {
                distinct,
                ..CooccurrenceOptions::default()
            })
            .unwrap();
        let count = network
            .edges
            .iter()
            .find(|e| {
                [&e.source, &e.target] == [&soviet, &afghanistan]
                    || [&e.source, &e.target] == [&afghanistan, &soviet]
            })
            .unwrap()
            .count;
        let evidence = corpus
            .evidence(
                &soviet,
                &afghanistan,
                &EvidenceOptions {
                    distinct,
                    ..EvidenceOptions::default()
                },
            )
            .unwrap();
        assert_eq!(
            evidence.len() as u64,
            count,
            "the evidence lists what the edge counts"
        );
        (
            count,
            network.units,
            evidence
                .iter()
                .map(|u| u.doc_id.clone())
                .collect::<Vec<_>>(),
        )
    };
    let (all, units, _) = edge(false);
    assert_eq!(all, 4, "the sentence in four addresses");
    let (once, distinct_units, docs) = edge(true);
    assert_eq!(once, 1);
    assert_eq!(docs, ["1980"], "the first of the copies");
    assert_eq!(units, 21);
    // New sentences: 1980's five; 1981's first; 1982's changed one and its last; none of the copy's; the other's.
    assert_eq!(distinct_units, 5 + 1 + 2 + 1);
    let error = corpus
        .cooccurrence(&CooccurrenceOptions {
            distinct: true,
            unit: corpus_lens::CooccurUnit::Window,
            ..CooccurrenceOptions::default()
        })
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("does not apply to the unit window"),
        "{error}"
    );
}
