//! The JS API in a real browser: the embedded corpus, UTF-16 offsets sliced
//! by JavaScript itself, and errors as thrown `Error`s.
#![allow(clippy::unwrap_used, clippy::panic)] // tests may panic: that is how they fail
#![cfg(target_arch = "wasm32")]

mod hay;
mod js_values;

use corpus_lens::JsCorpus;
use js_values::{message, rust};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn embedded_corpus_has_the_five_seeds() {
    let corpus = JsCorpus::embedded().unwrap();
    let docs = rust(corpus.documents().unwrap());
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for (id, publication, volume, issue, year, title) in hay::SEED_HEADERS {
        let doc = docs.iter().find(|d| d["id"] == id).unwrap();
        assert_eq!(doc["publication"], publication);
        assert_eq!(
            (doc["volume"].as_u64(), doc["issue"].as_u64()),
            (Some(volume.into()), Some(issue.into()))
        );
        assert_eq!(doc["year"], year);
        assert_eq!(doc["title"], title);
        assert_eq!(doc["dateSource"], "citations");
    }
    let stats = rust(corpus.stats().unwrap());
    assert_eq!(stats["documents"], 5);
}

#[wasm_bindgen_test]
fn sentences_slice_exactly_in_javascript() {
    let corpus = JsCorpus::embedded().unwrap();
    for (id, expected) in hay::SEED_SENTENCES {
        let doc = corpus.document(id.into()).unwrap();
        let text: js_sys::JsString = js_sys::Reflect::get(&doc, &"text".into())
            .unwrap()
            .unchecked_into();
        let spans = rust(js_sys::Reflect::get(&doc, &"sentences".into()).unwrap());
        let sliced: Vec<String> = spans
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                String::from(text.slice(
                    s["start"].as_u64().unwrap() as u32,
                    s["end"].as_u64().unwrap() as u32,
                ))
            })
            .collect();
        assert!(
            sliced.iter().any(|s| s == expected),
            "{id}: {expected:?} not among {sliced:?}"
        );
    }
}

#[wasm_bindgen_test]
fn errors_arrive_as_javascript_errors() {
    let error = JsCorpus::embedded()
        .unwrap()
        .document("nope".into())
        .err()
        .unwrap();
    assert_eq!(message(error), "no document has the id \"nope\"");
}

#[wasm_bindgen_test]
fn results_are_plain_data() {
    let corpus = JsCorpus::embedded().unwrap();
    let json = js_sys::JSON::stringify(&corpus.documents().unwrap()).unwrap();
    let parsed: Value = serde_json::from_str(&String::from(json)).unwrap();
    assert_eq!(parsed.as_array().map(Vec::len), Some(5));
    assert_eq!(parsed[0]["metadata"], json!({}));
}

#[wasm_bindgen_test]
fn highlights_slice_exactly_in_javascript() {
    let corpus = JsCorpus::embedded().unwrap();
    let options = serde_wasm_bindgen::to_value(&serde_json::Map::from_iter([(
        "unit".to_string(),
        json!("sentence"),
    )]))
    .unwrap();
    let results = corpus
        .search("mori’s OR “putin koizumi”~3".into(), options)
        .unwrap();
    let hits = js_sys::Reflect::get(&results, &"hits".into()).unwrap();
    let hits: js_sys::Array = hits.unchecked_into();
    assert!(hits.length() > 0);
    for hit in hits.iter() {
        let snippet = js_sys::Reflect::get(&hit, &"snippet".into()).unwrap();
        let text: js_sys::JsString = js_sys::Reflect::get(&snippet, &"text".into())
            .unwrap()
            .unchecked_into();
        for h in rust(js_sys::Reflect::get(&snippet, &"highlights".into()).unwrap())
            .as_array()
            .unwrap()
        {
            let marked = String::from(text.slice(
                h["start"].as_u64().unwrap() as u32,
                h["end"].as_u64().unwrap() as u32,
            ))
            .to_lowercase();
            assert!(
                ["mori", "putin", "koizumi"]
                    .iter()
                    .any(|w| marked.contains(w)),
                "{marked:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn query_errors_carry_their_position() {
    let corpus = JsCorpus::embedded().unwrap();
    let error = corpus
        .search("(putin OR".into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "invalid query: OR at position 7 needs something to apply to"
    );
}

#[wasm_bindgen_test]
fn annotations_slice_to_their_mentions_in_javascript() {
    let corpus = JsCorpus::embedded().unwrap();
    let id = "003_2011580da0b92aee";
    let text: js_sys::JsString =
        js_sys::Reflect::get(&corpus.document(id.into()).unwrap(), &"text".into())
            .unwrap()
            .unchecked_into();
    let annotations = rust(corpus.annotate(id.into()).unwrap());
    let annotations = annotations.as_array().unwrap();
    assert!(annotations.len() > 50);
    for a in annotations {
        let sliced = String::from(text.slice(
            a["start"].as_u64().unwrap() as u32,
            a["end"].as_u64().unwrap() as u32,
        ));
        assert_eq!(sliced, a["text"].as_str().unwrap());
    }
    assert!(annotations
        .iter()
        .any(|a| a["text"] == "Putin" && a["name"] == "Vladimir Putin" && a["type"] == "person"));
}
