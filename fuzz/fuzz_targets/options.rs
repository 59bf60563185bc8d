//! The option parsers: any JSON, read as one of the options objects the way
//! `src/wasm/options.rs` reads them (`serde_path_to_error` over a JSON value), then
//! used on the seeds. The first byte picks the options type.
//!
//! Invariants: no panic and no hang, whatever the numbers; an option out of
//! range is an error naming it; results keep their invariants (co-occurrence
//! evidence units contain both entities; spans slice their texts).
#![no_main]

use corpus_lens::{
    CollocateOptions, CooccurrenceOptions, Corpus, DuplicateOptions, EntityOptions,
    EvidenceOptions, ExportFormat, KeynessOptions, KwicOptions, MatrixOptions, MentionOptions,
    SearchOptions, TermsOptions, TimelineOptions, TrendOptions,
};
use corpus_lens_fuzz::{check_error, seeds, slice_utf16};
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, json)) = data.split_first() else {
        return;
    };
    let Ok(raw) = serde_json::from_slice::<serde_json::Value>(json) else {
        return;
    };
    let corpus = seeds();
    let result = match pick % 14 {
        0 => with(raw, |o: SearchOptions| {
            corpus.search("putin OR japan*", &o).map(drop)
        }),
        1 => with(raw, |o: KwicOptions| corpus.kwic("kuril*", &o).map(drop)),
        2 => with(raw, |o: TermsOptions| corpus.terms(&o).map(drop)),
        3 => with(raw, |o: TrendOptions| {
            corpus.term_trend("treaty", &o).map(drop)
        }),
        4 => with(raw, |o: EntityOptions| corpus.entities(&o).map(drop)),
        5 => with(raw, |o: MentionOptions| {
            let id = top_people(corpus).0;
            corpus.mentions(&id, &o).map(drop)
        }),
        6 => with(raw, |o: CooccurrenceOptions| {
            corpus.cooccurrence(&o).map(drop)
        }),
        7 => with(raw, |o: CooccurrenceOptions| {
            corpus.export_network(ExportFormat::Graphml, &o).map(drop)
        }),
        8 => with(raw, |o: EvidenceOptions| evidence(corpus, &o)),
        9 => with(raw, |o: MatrixOptions| corpus.matrix(&o).map(drop)),
        10 => with(raw, |o: TimelineOptions| corpus.timeline(&o).map(drop)),
        11 => with(raw, |o: KeynessOptions| corpus.keyness(&o).map(drop)),
        12 => with(raw, |o: DuplicateOptions| corpus.duplicates(&o).map(drop)),
        _ => with(raw, |o: CollocateOptions| {
            let id = top_people(corpus).0;
            corpus.collocates(&id, &o).map(drop)
        }),
    };
    if let Err(error) = result {
        check_error(&error);
    }
});

/// Reads the options as `src/wasm/options.rs` does and, if they read, uses them.
fn with<T: DeserializeOwned>(
    raw: serde_json::Value,
    run: impl FnOnce(T) -> Result<(), corpus_lens::Error>,
) -> Result<(), corpus_lens::Error> {
    match serde_path_to_error::deserialize::<_, T>(raw) {
        Ok(options) => run(options),
        Err(_) => Ok(()),
    }
}

/// The ids of the two most mentioned people.
fn top_people(corpus: &Corpus) -> (String, String) {
    let options = EntityOptions {
        types: vec![corpus_lens::EntityType::Person],
        limit: Some(2),
        ..EntityOptions::default()
    };
    let people = corpus.entities(&options).expect("the seeds' people");
    (people[0].id.clone(), people[1].id.clone())
}

/// The evidence of the top two people: every unit holds both, and every
/// span slices its text.
fn evidence(corpus: &Corpus, options: &EvidenceOptions) -> Result<(), corpus_lens::Error> {
    let (a, b) = top_people(corpus);
    for unit in corpus.evidence(&a, &b, options)? {
        let doc = corpus.document(&unit.doc_id).expect("a unit's document");
        let text = slice_utf16(&doc.text, unit.start, unit.end, "an evidence unit");
        assert_eq!(text, unit.text, "an evidence unit's text is its span");
        for id in [&a, &b] {
            assert!(
                unit.mentions.iter().any(|m| &m.entity_id == id),
                "an evidence unit without {id}"
            );
        }
        for mention in &unit.mentions {
            slice_utf16(&doc.text, mention.start, mention.end, "an evidence mention");
            if options.unit != corpus_lens::CooccurUnit::Window {
                assert!(unit.start <= mention.start && mention.end <= unit.end);
            }
        }
    }
    Ok(())
}
