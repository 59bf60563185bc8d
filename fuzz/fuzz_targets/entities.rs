//! Entity extraction: any text, on its own (`extractEntities`), and as a
//! one-document corpus (annotations, mentions, citations).
//!
//! Invariants: no panic; every mention slices the text on UTF-16 boundaries
//! and holds what it says it holds; results are sorted; every entity listed
//! can be looked up by its id.
#![no_main]

use corpus_lens::{extract_entities, Corpus, EntityOptions, LoadOptions, MentionOptions};
use corpus_lens_fuzz::{check_error, slice_utf16};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let found = extract_entities(text, None);
    let mut previous = (0, 0);
    for entity in &found {
        let written = slice_utf16(text, entity.start, entity.end, "an extracted entity");
        assert_eq!(written, entity.text, "an entity's text is its span");
        assert!(!entity.text.trim().is_empty(), "an empty mention");
        assert!(!entity.name.trim().is_empty(), "an entity without a name");
        assert!(
            (entity.start, entity.end) >= previous,
            "entities out of order"
        );
        previous = (entity.start, entity.end);
    }
    let record = serde_json::json!({ "id": "d", "text": text });
    let corpus = match Corpus::from_records(vec![record], &LoadOptions::default()) {
        Ok(corpus) => corpus,
        Err(error) => {
            check_error(&error);
            assert!(text.trim().is_empty(), "a text refused: {error}");
            return;
        }
    };
    let annotations = corpus.annotate("d").expect("the document's annotations");
    for annotation in &annotations {
        let written = slice_utf16(text, annotation.start, annotation.end, "an annotation");
        assert_eq!(written, annotation.text);
    }
    let entities = corpus
        .entities(&EntityOptions::default())
        .expect("the entities");
    for entity in entities.iter().take(20) {
        let detail = corpus
            .entity(&entity.id)
            .expect("an entity listed is found");
        assert_eq!(detail.entity.id, entity.id);
        let mentions = corpus
            .mentions(&entity.id, &MentionOptions::default())
            .expect("mentions");
        assert_eq!(
            mentions.len(),
            entity.count,
            "an entity's count is its mentions"
        );
        for mention in &mentions {
            let written = slice_utf16(text, mention.start, mention.end, "a mention");
            assert_eq!(written, mention.text);
            let sentence = slice_utf16(
                text,
                mention.sentence.start,
                mention.sentence.end,
                "a sentence",
            );
            assert!(
                mention.sentence.start <= mention.start && mention.end <= mention.sentence.end,
                "a mention outside its sentence {sentence:?}"
            );
        }
    }
    for citation in corpus.citations(Some("d")).expect("the citations") {
        let written = slice_utf16(text, citation.start, citation.end, "a citation");
        for source in &citation.sources {
            assert!(
                !source.name.trim().is_empty(),
                "a source without a name in {written:?}"
            );
        }
    }
});
