//! The alias table: a sequence of edits, one JSON table a line, each
//! applied to a small corpus as `setAliases` applies it (the JSON read with
//! the same path-naming deserialiser), and the whole input as the table's
//! text form (`type: Name = alias; alias`).
//!
//! Invariants: no panic; a refused table leaves the one in force; an
//! accepted one is in force; every entity view still answers, and every
//! annotation slices its document on UTF-16 boundaries.
#![no_main]

use corpus_lens::{AliasEntry, AliasTable, Corpus, EntityOptions};
use corpus_lens_fuzz::{check_error, slice_utf16, small};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(table) = AliasTable::parse(&text) {
        for entry in table.entries() {
            let (ty, name) = table
                .canonical(entry.name.trim())
                .expect("an entry's own name");
            assert_eq!((ty, name), (entry.ty, entry.name.as_str()));
        }
    }
    let mut corpus = small();
    for line in text.lines().take(8) {
        let Ok(raw) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Ok(entries) = serde_path_to_error::deserialize::<_, Vec<AliasEntry>>(raw) else {
            continue;
        };
        let before = corpus.aliases().to_vec();
        match corpus.set_aliases(entries.clone()) {
            Ok(()) => assert_eq!(corpus.aliases(), entries.as_slice()),
            Err(error) => {
                check_error(&error);
                assert!(error.to_string().contains("alias table entry"), "{error}");
                assert_eq!(
                    corpus.aliases(),
                    before.as_slice(),
                    "a refused table took effect"
                );
            }
        }
        check_entities(&corpus);
    }
});

fn check_entities(corpus: &Corpus) {
    let entities = corpus
        .entities(&EntityOptions::default())
        .expect("the entities");
    for entity in &entities {
        corpus
            .entity(&entity.id)
            .expect("an entity listed is found");
    }
    for doc in corpus.documents() {
        for annotation in corpus.annotate(&doc.id).expect("annotations") {
            let written = slice_utf16(&doc.text, annotation.start, annotation.end, "an annotation");
            assert_eq!(written, annotation.text);
            assert!(
                entities.iter().any(|e| e.id == annotation.entity_id),
                "an annotation of an entity not listed"
            );
        }
    }
}
