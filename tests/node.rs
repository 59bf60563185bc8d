//! The JS API under Node: every loader format and every bad input, through
//! the same `Corpus` class JavaScript sees.
#![allow(clippy::unwrap_used, clippy::panic)] // tests may panic: that is how they fail
#![cfg(target_arch = "wasm32")]

mod hay;
mod js_values;

use corpus_lens::JsCorpus;
use js_values::{js, message, property, rust};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn load(name: &str, content: &str) -> Result<JsCorpus, JsValue> {
    JsCorpus::load(
        js(&json!([{"name": name, "content": content}])),
        JsValue::UNDEFINED,
    )
}

fn ids(corpus: &JsCorpus) -> Vec<String> {
    let docs = rust(corpus.documents().unwrap());
    docs.as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

#[wasm_bindgen_test]
fn every_format_loads() {
    let cases = [
        ("pair.txt", hay::TWO_ARTICLES_TXT, vec!["pair-1", "pair-2"]),
        ("kurils.md", hay::NOTE_MD, vec!["kurils"]),
        ("set.json", hay::ARRAY_JSON, vec!["a", "set-3"]),
        ("w.json", hay::WRAPPED_JSON, vec!["w-1"]),
        ("r.jsonl", hay::RECORDS_JSONL, vec!["1", "2"]),
        ("r.ndjson", hay::RECORDS_JSONL, vec!["1", "2"]),
        ("q.csv", hay::QUOTED_CSV, vec!["x1", "x2"]),
        ("r.tsv", hay::RECORDS_TSV, vec!["r-2"]),
    ];
    for (name, content, expected) in cases {
        let corpus = load(name, content).unwrap_or_else(|e| panic!("{name}: {}", message(e)));
        assert_eq!(ids(&corpus), expected, "{name}");
    }
}

#[wasm_bindgen_test]
fn documents_carry_headers_dates_and_metadata() {
    let corpus = load("set.json", hay::ARRAY_JSON).unwrap();
    let docs = rust(corpus.documents().unwrap());
    assert_eq!(docs[0]["date"], "2004-11-21");
    assert_eq!(docs[0]["dateSource"], "metadata");
    assert_eq!(docs[0]["metadata"], json!({"author": "Smith"}));
    assert_eq!(docs[1]["volume"], 3);
    assert_eq!(docs[1]["issue"], Value::Null);
    assert_eq!(docs[1]["sentences"], 2);
}

#[wasm_bindgen_test]
fn every_bad_input_throws_its_message() {
    for bad in hay::BAD_INPUTS {
        match load(bad.name, bad.content) {
            Ok(_) => panic!("{} loaded", bad.name),
            Err(error) => assert_eq!(message(error), bad.message),
        }
    }
}

#[wasm_bindgen_test]
fn unknown_and_misspelt_options_throw() {
    let files = js(&json!([{"name": "a.txt", "content": "Text."}]));
    let error = JsCorpus::load(files.clone(), js(&json!({"skipinvalid": true})))
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "unknown option `skipinvalid`, expected one of `skipInvalid`, `fields`, `dateOrder`"
    );
    let error = JsCorpus::load(files, JsValue::from_str("fast"))
        .err()
        .unwrap();
    assert_eq!(message(error), "options must be an object");
}

#[wasm_bindgen_test]
fn skip_invalid_lists_warnings_with_file_and_line() {
    let files = js(
        &json!([{"name": "mixed.jsonl", "content": "{\"text\": \"good\"}\n{\"title\": \"bad\"}\n"}]),
    );
    let corpus = JsCorpus::load(files, js(&json!({"skipInvalid": true}))).unwrap();
    assert_eq!(ids(&corpus), ["mixed-1"]);
    assert_eq!(
        rust(corpus.warnings().unwrap()),
        json!([{"file": "mixed.jsonl", "line": 2, "message": "mixed.jsonl line 2: the record has no \"text\" field (nor \"body\", \"content\", \"article\", \"full_text\" or \"story\"; the fields option can name another)", "kind": "missing-text"}])
    );
}

#[wasm_bindgen_test]
fn from_documents_checks_records() {
    let corpus = JsCorpus::from_documents(
        js(&json!([{"text": "One."}, {"id": "b", "text": "Two.", "party": "Whig"}])),
        JsValue::NULL,
    )
    .unwrap();
    assert_eq!(ids(&corpus), ["doc-1", "b"]);
    let error = JsCorpus::from_documents(
        js(&json!([{"text": "One."}, {"title": "none"}])),
        JsValue::NULL,
    )
    .err()
    .unwrap();
    assert_eq!(
        message(error),
        "documents record 2: the record has no \"text\" field (nor \"body\", \"content\", \"article\", \"full_text\" or \"story\"; the fields option can name another)"
    );
    let error = JsCorpus::from_documents(js(&json!({"text": "not an array"})), JsValue::NULL)
        .err()
        .unwrap();
    assert!(message(error).starts_with("fromDocuments expects an array of document objects"));
}

fn seeds_search(query: &str, options: Value) -> Result<Value, String> {
    let corpus = JsCorpus::embedded().unwrap();
    corpus
        .search(query.into(), js(&options))
        .map(rust)
        .map_err(message)
}

#[wasm_bindgen_test]
fn every_query_form_answers_through_js() {
    let cases = [
        ("\"peace treaty\"", 5),
        ("shikotan", 1),
        ("putin -koizumi", 2),
        ("shikotan OR kommersant", 2),
        ("\"koizumi putin\"~5", 2),
        ("putin NEAR/5 koizumi", 2),
        ("kuril*", 4),
        ("kunashr~1", 1),
        ("year:2004..2005", 2),
        ("publication:\"Eurasia Daily Monitor\" koizumi", 2),
    ];
    for (query, total) in cases {
        let results = seeds_search(query, json!({"limit": 100})).unwrap();
        assert_eq!(results["total"], total, "{query}");
    }
}

#[wasm_bindgen_test]
fn search_results_have_the_documented_shape() {
    let results = seeds_search("kuril*", json!({"unit": "sentence", "limit": 1})).unwrap();
    let hit = &results["hits"][0];
    for key in ["docId", "score", "start", "end"] {
        assert!(!hit[key].is_null(), "{key}");
    }
    assert!(hit["snippet"]["highlights"]
        .as_array()
        .is_some_and(|h| !h.is_empty()));
    assert_eq!(results["expansions"][0]["term"], "kuril*");
    assert_eq!(results["unit"], "sentence");
}

#[wasm_bindgen_test]
fn bad_queries_and_options_throw_named_errors() {
    assert_eq!(
        seeds_search("putin \"peace", json!({})).unwrap_err(),
        "invalid query: unclosed quote at position 6"
    );
    assert_eq!(seeds_search("putin", json!({"limt": 5})).unwrap_err(), "unknown option `limt`, expected one of `limit`, `offset`, `unit`, `snippetLength`, `k1`, `b`, `titleBoost`, `facets`");
    assert_eq!(
        seeds_search("putin", json!({"unit": "word"})).unwrap_err(),
        "the option unit: unknown variant `word`, expected one of `document`, `paragraph`, `sentence`"
    );
    assert_eq!(
        seeds_search("putin", json!({"k1": -1})).unwrap_err(),
        "the option k1 must be between 0 and 10, got -1"
    );
}

#[wasm_bindgen_test]
fn kwic_terms_and_trend_through_js() {
    let corpus = JsCorpus::embedded().unwrap();
    let kwic = rust(
        corpus
            .kwic("koizumi".into(), js(&json!({"sort": "left", "limit": 2})))
            .unwrap(),
    );
    assert_eq!(kwic["lines"].as_array().map(Vec::len), Some(2));
    assert!(kwic["lines"][0]["match"]
        .as_str()
        .is_some_and(|m| m.eq_ignore_ascii_case("koizumi")));
    // Sort levels as a list, and a page further on.
    let levels = js(&json!({"sort": ["1R", "2R", "1L"], "offset": 1, "limit": 1}));
    let page = rust(corpus.kwic("koizumi".into(), levels).unwrap());
    let all = js(&json!({"sort": ["1R", "2R", "1L"]}));
    let whole = rust(corpus.kwic("koizumi".into(), all).unwrap());
    assert_eq!(page["lines"][0], whole["lines"][1]);
    let unknown = js(&json!({"sort": ["1R", "9R"]}));
    let error = corpus.kwic("koizumi".into(), unknown).err().unwrap();
    let text = message(error);
    assert!(text.contains("unknown sort key \"9R\""), "{text}");
    let terms = rust(
        corpus
            .terms(js(&json!({"limit": 3, "stopwords": ["japan"]})))
            .unwrap(),
    );
    assert!(terms
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["term"] != "japan"));
    let trend = rust(
        corpus
            .term_trend("putin".into(), js(&json!({"bucket": "year"})))
            .unwrap(),
    );
    assert_eq!(trend["labels"][0], "1999");
    let error = corpus
        .term_trend("putin".into(), js(&json!({"bucket": "decade"})))
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "the option bucket: must be year, month, issue, document or field:NAME (a metadata field of the corpus), got \"decade\""
    );
}

#[wasm_bindgen_test]
fn wrong_argument_and_option_types_are_named() {
    let error = JsCorpus::load(JsValue::from_str("nope"), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "load expects an array of {name, content} or {name, bytes} files, got string"
    );
    let error = JsCorpus::from_documents(JsValue::NULL, JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "fromDocuments expects an array of document objects, got null"
    );
    let files = js(&json!([{"name": "a.txt", "content": "Text."}]));
    let error = JsCorpus::load(files, js(&json!({"skipInvalid": "yes"})))
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "the option skipInvalid must be true or false, got the string \"yes\""
    );
}

#[wasm_bindgen_test]
fn an_option_of_the_wrong_type_says_what_it_must_be_and_got() {
    assert_eq!(
        seeds_search("putin", json!({"limit": "3"})).unwrap_err(),
        "the option limit must be a whole number of 0 or more, got the string \"3\""
    );
}

#[wasm_bindgen_test]
fn a_file_without_content_is_named_by_number_and_name() {
    let files = js(&json!([{"name": "a.txt", "content": "A."}, {"name": "notes.txt"}]));
    let error = JsCorpus::load(files, JsValue::UNDEFINED).err().unwrap();
    assert_eq!(
        message(error),
        "load expects {name, content} or {name, bytes} files: file 2 (\"notes.txt\") has no \"content\", \"bytes\", \"records\" or \"failure\""
    );
}

#[wasm_bindgen_test]
fn memory_report_has_every_part() {
    let memory = rust(JsCorpus::embedded().unwrap().memory().unwrap());
    for part in ["text", "documents", "index"] {
        assert!(
            memory[part].as_u64().is_some_and(|n| n > 0),
            "{part}: {memory}"
        );
    }
}

#[wasm_bindgen_test]
fn entities_through_js() {
    let corpus = JsCorpus::embedded().unwrap();
    let people = rust(
        corpus
            .entities(js(&json!({"types": ["person"], "limit": 3})))
            .unwrap(),
    );
    assert_eq!(people[0]["name"], "Vladimir Putin");
    assert_eq!(people[0]["id"], "person:vladimir-putin");
    let detail = rust(corpus.entity("person:vladimir-putin".into()).unwrap());
    assert_eq!(detail["perDocument"].as_array().map(Vec::len), Some(4));
    let mentions = rust(
        corpus
            .mentions("person:vladimir-putin".into(), js(&json!({"limit": 2})))
            .unwrap(),
    );
    assert_eq!(mentions.as_array().map(Vec::len), Some(2));
    let error = corpus.entity("person:nobody".into()).err().unwrap();
    assert_eq!(message(error), "no entity has the id \"person:nobody\"");
    let error = corpus
        .entities(js(&json!({"types": ["planet"]})))
        .err()
        .unwrap();
    assert!(message(error).starts_with("the option types[0]: unknown variant `planet`"));
}

#[wasm_bindgen_test]
fn citations_link_sources_to_media_entities() {
    let corpus = JsCorpus::embedded().unwrap();
    let citations = rust(
        corpus
            .citations(js(&json!({"docId": "000_cdea581117318265"})))
            .unwrap(),
    );
    assert_eq!(
        citations[1]["sources"],
        json!([
            {"name": "Russian agencies", "entityId": null, "dates": ["2000-03-23"]},
            {"name": "Itar-Tass", "entityId": "media:itar-tass", "dates": ["2000-03-25"]}
        ])
    );
    let error = corpus
        .citations(js(&json!({"docId": "nope"})))
        .err()
        .unwrap();
    assert_eq!(message(error), "no document has the id \"nope\"");
}

#[wasm_bindgen_test]
fn alias_editing_merges_and_bad_tables_keep_the_old_one() {
    let mut corpus = JsCorpus::embedded().unwrap();
    let mut table = rust(corpus.aliases().unwrap());
    let merged = json!({"name": "Yomiuri Shimbun", "type": "media", "aliases": ["Yomiuri"]});
    assert!(table["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == "Kuril Islands"));
    table["entries"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "Japanese government", "type": "organization", "aliases": ["Tokyo"]}));
    // An array sets the entries alone, as before the table had decisions.
    corpus.set_aliases(js(&table["entries"])).unwrap();
    let places = rust(corpus.entities(js(&json!({"types": ["place"]}))).unwrap());
    assert!(
        places
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["name"] != "Tokyo"),
        "Tokyo now stands for the government"
    );
    let bad = json!([merged, {"name": "Yomiuri", "type": "media", "aliases": []}]);
    let error = corpus.set_aliases(js(&bad)).err().unwrap();
    assert!(
        message(error).starts_with("alias table entry 2"),
        "names the entry"
    );
    let error = corpus
        .set_aliases(js(&json!([{"name": "X", "type": "media"}])))
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "alias table entry 1: missing field `aliases`"
    );
    assert_eq!(
        rust(corpus.aliases().unwrap()),
        table,
        "the table in force is unchanged"
    );
}

#[wasm_bindgen_test]
fn a_whole_alias_table_sets_decisions_and_a_bad_one_says_where() {
    let mut corpus = JsCorpus::embedded().unwrap();
    let table = json!({
        "types": [{"name": "Kremlin", "from": "organization", "to": "place"}],
        "notEntities": [{"name": "Boris Yeltsin", "type": "person"}],
        "reviewed": [{"name": "Vladimir Putin", "type": "person"}]
    });
    corpus.set_aliases(js(&table)).unwrap();
    let now = rust(corpus.aliases().unwrap());
    assert_eq!(now["entries"], json!([]), "a list left out is empty");
    assert_eq!(now["types"], table["types"]);
    let kremlin = rust(corpus.entity(js(&json!("organization:kremlin"))).unwrap());
    assert_eq!(
        (&kremlin["id"], &kremlin["type"]),
        (&json!("place:kremlin"), &json!("place"))
    );
    let mut bad = |value: serde_json::Value| message(corpus.set_aliases(js(&value)).err().unwrap());
    assert_eq!(
        bad(json!({"types": [{"name": "X", "from": "place", "to": "planet"}]})),
        "alias table type override 1 (to): unknown variant `planet`, expected one of `person`, \
         `place`, `organization`, `media`, `nationality`, `event`, `date`, `money`, `quantity`"
    );
    assert_eq!(
        bad(json!({"notEntities": [{"name": "", "type": "person"}]})),
        "alias table non-entity 1: the name is empty"
    );
    assert!(bad(json!({"nonEntities": []})).starts_with("alias table: unknown field `nonEntities`"));
    assert_eq!(
        bad(json!(7)),
        "setAliases expects an alias table {entries, types, notEntities, reviewed} or an array \
         of {name, type, aliases} entries, got number"
    );
    assert_eq!(
        rust(corpus.aliases().unwrap()),
        now,
        "the table in force is unchanged"
    );
}

#[wasm_bindgen_test]
fn extract_entities_on_ad_hoc_text() {
    let found = rust(
        corpus_lens::js_extract_entities(
            "Prime Minister Yoshiro Mori met Putin in Tokyo on April 29.".into(),
            js(&json!({"date": "2000-04-10"})),
        )
        .unwrap(),
    );
    let summary: Vec<(String, String)> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        summary.contains(&("person".into(), "Yoshiro Mori".into())),
        "{summary:?}"
    );
    assert!(summary.contains(&("place".into(), "Tokyo".into())));
    assert!(summary.contains(&("date".into(), "2000-04-29".into())));
    let error = corpus_lens::js_extract_entities("x".into(), js(&json!({"date": "soon"})))
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "the option date must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got \"soon\""
    );
}

#[wasm_bindgen_test]
fn cooccurrence_through_js_in_objects_and_columns() {
    let corpus = JsCorpus::embedded().unwrap();
    let options = json!({"unit": "sentence", "measure": "llr"});
    let network = rust(corpus.cooccurrence(js(&options)).unwrap());
    let edges = network["edges"].as_array().unwrap();
    let putin_mori = edges
        .iter()
        .find(|e| e["source"] == "person:vladimir-putin" && e["target"] == "person:yoshiro-mori")
        .unwrap();
    assert_eq!(putin_mori["count"], 6);
    let columns = corpus.cooccurrence_columns(js(&options)).unwrap();
    let edge_columns = js_sys::Reflect::get(&columns, &"edges".into()).unwrap();
    let counts: js_sys::Float64Array = js_sys::Reflect::get(&edge_columns, &"count".into())
        .unwrap()
        .into();
    assert_eq!(
        counts.length() as usize,
        edges.len(),
        "one typed-array entry per edge"
    );
    let from_objects: Vec<f64> = edges.iter().map(|e| e["count"].as_f64().unwrap()).collect();
    assert_eq!(counts.to_vec(), from_objects);
    let error = corpus
        .cooccurrence(js(&json!({"measure": "cosine"})))
        .err()
        .unwrap();
    assert!(message(error).starts_with("the option measure: unknown variant `cosine`"));
}

#[wasm_bindgen_test]
fn evidence_and_exports_through_js() {
    let corpus = JsCorpus::embedded().unwrap();
    let evidence = rust(
        corpus
            .evidence(
                "person:vladimir-putin".into(),
                "person:yoshiro-mori".into(),
                js(&json!({"unit": "sentence"})),
            )
            .unwrap(),
    );
    assert_eq!(evidence.as_array().map(Vec::len), Some(6));
    let gexf = corpus
        .export_network("gexf".into(), js(&json!({"unit": "sentence"})))
        .unwrap();
    assert!(gexf.starts_with("<?xml") && gexf.contains("Vladimir Putin"));
    let error = corpus
        .export_network("png".into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(message(error).contains("png"), "names the format");
}

#[wasm_bindgen_test]
fn matrix_timeline_keyness_and_collocates_through_js() {
    let corpus = JsCorpus::embedded().unwrap();
    let matrix = rust(corpus.matrix(js(&json!({"size": 5}))).unwrap());
    let size = matrix["size"].as_u64().unwrap() as usize;
    assert_eq!(matrix["counts"].as_array().map(Vec::len), Some(size * size));
    let timeline = rust(
        corpus
            .timeline(js(&json!({"entities": ["person:vladimir-putin"]})))
            .unwrap(),
    );
    let total: u64 = timeline["series"][0]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(total, 30);
    let keyness = rust(
        corpus
            .keyness(js(
                &json!({"target": "publication:\"Eurasia Daily Monitor\"", "limit": 5}),
            ))
            .unwrap(),
    );
    assert!(keyness
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["term"] == "koizumi"));
    let collocates = rust(corpus.collocates("peace".into(), js(&json!({}))).unwrap());
    assert_eq!(collocates[0]["term"], "treaty");
    let error = corpus.keyness(js(&json!({}))).err().unwrap();
    assert!(!message(error).is_empty());
}

#[wasm_bindgen_test]
fn non_string_arguments_are_named_not_crashes() {
    let corpus = JsCorpus::embedded().unwrap();
    let error = corpus.document(JsValue::UNDEFINED).err().unwrap();
    assert_eq!(
        message(error),
        "the argument id must be a string, got undefined"
    );
    let error = corpus_lens::js_extract_entities(JsValue::from_f64(42.0), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "the argument text must be a string, got number"
    );
    let error = corpus
        .search(JsValue::NULL, JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "the argument query must be a string, got null"
    );
    // The module still answers afterwards.
    assert_eq!(
        rust(
            corpus
                .search("shikotan".into(), JsValue::UNDEFINED)
                .unwrap()
        )["total"],
        1
    );
}

/// Issue "structured query errors": every thrown `Error` has a `kind`; a
/// query's has the `position` its message names, in UTF-16 code units; a
/// file's has its `file` and `line`.
#[wasm_bindgen_test]
fn thrown_errors_carry_kind_position_and_location() {
    let corpus = JsCorpus::embedded().unwrap();
    let error = corpus
        .search("Mori’s “peace".into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(property(&error, "kind"), "invalid-query");
    assert_eq!(property(&error, "position"), 7);
    assert_eq!(
        message(error),
        "invalid query: unclosed quote at position 7"
    );
    let error = corpus
        .search("putin party:whig".into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        (property(&error, "kind"), property(&error, "position")),
        (json!("invalid-query"), json!(6))
    );
    let error = load("bad.jsonl", "{\"text\": \"a\"}\n{oops\n")
        .err()
        .unwrap();
    assert_eq!(
        [
            property(&error, "kind"),
            property(&error, "file"),
            property(&error, "line"),
            property(&error, "position"),
        ],
        [json!("syntax"), json!("bad.jsonl"), json!(2), Value::Null]
    );
    for (error, kind) in [
        (corpus.document("nope".into()).err(), "unknown-document"),
        (
            corpus.search("putin".into(), js(&json!({"limt": 5}))).err(),
            "invalid-argument",
        ),
        (
            corpus
                .search(JsValue::from_f64(1.0), JsValue::UNDEFINED)
                .err(),
            "invalid-argument",
        ),
        (
            corpus.entity("person:nobody".into()).err(),
            "invalid-argument",
        ),
        (load("notes.pdf", "x").err(), "unsupported-file"),
    ] {
        let error = error.unwrap();
        assert_eq!(property(&error, "kind"), kind, "{}", message(error.clone()));
    }
}

#[wasm_bindgen_test]
fn search_facets_through_js() {
    let corpus = JsCorpus::embedded().unwrap();
    let options = json!({"limit": 1, "facets": {"entities": 2, "types": ["person"]}});
    let results = rust(corpus.search("putin".into(), js(&options)).unwrap());
    assert_eq!(results["hits"].as_array().map(Vec::len), Some(1));
    let facets = &results["facets"];
    assert_eq!(facets["documents"], results["total"]);
    let people = facets["entities"]["person"].as_array().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0]["id"], "person:vladimir-putin");
    assert_eq!(people[0]["count"], results["total"]);
    assert!(facets["year"].as_array().unwrap()[0]["value"].is_number());
    let plain = rust(corpus.search("putin".into(), JsValue::UNDEFINED).unwrap());
    assert!(plain.get("facets").is_none(), "no facets unless asked");
    let error = corpus
        .search("putin".into(), js(&json!({"facets": "yes"})))
        .err()
        .unwrap();
    assert_eq!(
        message(error),
        "the option facets: expected true, false or {entities, types, metadata}, got \"yes\""
    );
}

#[wasm_bindgen_test]
fn measures_are_listed_once_for_every_menu() {
    let listed = rust(corpus_lens::js_measures().unwrap());
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["count", "logdice", "llr", "pmi", "npmi", "chi2", "dice", "jaccard", "tscore"]
    );
    assert_eq!(listed[1], json!({"id": "logdice", "label": "logDice"}));
}

/// Issue "columns built in the engine": every column equals the network's
/// objects, the numbers in the same typed arrays as before.
#[wasm_bindgen_test]
fn network_columns_match_the_objects_column_by_column() {
    use wasm_bindgen::JsCast;
    let corpus = JsCorpus::embedded().unwrap();
    let options = json!({"unit": "paragraph", "measure": "logdice", "limit": 20});
    let network = rust(corpus.cooccurrence(js(&options)).unwrap());
    let columns = corpus.cooccurrence_columns(js(&options)).unwrap();
    let get = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).unwrap();
    assert!(
        network["totalEdges"].as_u64().unwrap() > 20,
        "the limit cut some"
    );
    for key in ["unit", "measure", "units", "totalEdges"] {
        assert_eq!(rust(get(&columns, key)), network[key], "{key}");
    }
    let nodes = network["nodes"].as_array().unwrap();
    let edges = network["edges"].as_array().unwrap();
    let node_columns = get(&columns, "nodes");
    for key in ["id", "name", "type"] {
        let column = rust(get(&node_columns, key));
        let expected: Vec<&Value> = nodes.iter().map(|n| &n[key]).collect();
        assert_eq!(column, json!(expected), "nodes.{key}");
    }
    for key in ["count", "degree", "weightedDegree", "betweenness"] {
        let column: js_sys::Float64Array = get(&node_columns, key).dyn_into().unwrap();
        let expected: Vec<f64> = nodes.iter().map(|n| n[key].as_f64().unwrap()).collect();
        assert_eq!(column.to_vec(), expected, "nodes.{key}");
    }
    let community: js_sys::Uint32Array = get(&node_columns, "community").dyn_into().unwrap();
    let expected: Vec<u32> = nodes
        .iter()
        .map(|n| n["community"].as_u64().unwrap() as u32)
        .collect();
    assert_eq!(community.to_vec(), expected);
    let edge_columns = get(&columns, "edges");
    let position = |id: &Value| nodes.iter().position(|n| &n["id"] == id).unwrap() as u32;
    for key in ["source", "target"] {
        let column: js_sys::Uint32Array = get(&edge_columns, key).dyn_into().unwrap();
        let expected: Vec<u32> = edges.iter().map(|e| position(&e[key])).collect();
        assert_eq!(column.to_vec(), expected, "edges.{key}");
    }
    for key in ["count", "expected", "score", "pValue"] {
        let column: js_sys::Float64Array = get(&edge_columns, key).dyn_into().unwrap();
        let expected: Vec<f64> = edges.iter().map(|e| e[key].as_f64().unwrap()).collect();
        assert_eq!(column.to_vec(), expected, "edges.{key}");
    }
    let keys = |object: &JsValue| -> Vec<String> {
        js_sys::Object::keys(object.unchecked_ref::<js_sys::Object>())
            .iter()
            .map(|k| k.as_string().unwrap())
            .collect()
    };
    assert_eq!(
        keys(&columns),
        ["unit", "measure", "units", "nodes", "edges", "totalEdges"]
    );
    assert_eq!(
        keys(&node_columns),
        [
            "id",
            "name",
            "type",
            "count",
            "degree",
            "weightedDegree",
            "betweenness",
            "community"
        ]
    );
    assert_eq!(
        keys(&edge_columns),
        ["source", "target", "count", "expected", "score", "pValue"]
    );
}
