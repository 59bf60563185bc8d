//! Files read by corpus-lens' readers module (readers/): web pages, feeds,
//! Word documents, archives and text in any encoding, as the engine takes
//! what the readers make of them.

use corpus_lens::{Corpus, LoadOptions, MetaValue, SourceFile};
use serde_json::Value;

fn skipping() -> LoadOptions {
    LoadOptions {
        skip_invalid: true,
        ..LoadOptions::default()
    }
}

#[test]
fn files_a_reader_read_are_taken_as_it_gives_them() {
    let values = serde_json::json!([
        {"name": "feed.xml", "encoding": "ISO-8859-15", "records": [
            {"title": "One", "text": "Café news.", "date": "Thu, 03 Mar 2005 10:00:00 GMT"},
            {"title": "Two", "text": "More news.", "folder": "own"}
        ], "warnings": [{"kind": "skipped-item", "message": "item 3 has no text"}]},
        {"name": "a.zip/2005/notes.txt", "folder": "2005", "content": "A note."},
        {"name": "a.zip/broken.docx", "failure": {"kind": "damaged-archive", "message": "the archive is damaged"}},
        {"name": "a.zip/picture.png", "failure": {"kind": "unsupported-file", "message": "unsupported"}}
    ]);
    let Value::Array(values) = values else {
        unreachable!()
    };
    let files = SourceFile::from_values(values).unwrap();
    let corpus = Corpus::load(&files, &skipping()).unwrap();
    let documents = corpus.documents();
    assert_eq!(documents.len(), 3);
    assert_eq!(documents[0].id, "feed-1");
    assert_eq!(
        documents[0].date.map(|d| d.to_string()).as_deref(),
        Some("2005-03-03")
    );
    assert_eq!(
        documents[1].metadata.get("folder"),
        Some(&MetaValue::Text("own".into()))
    );
    assert_eq!(
        documents[2].metadata.get("folder"),
        Some(&MetaValue::Text("2005".into()))
    );
    assert_eq!(corpus.sources()[0].encoding.as_deref(), Some("ISO-8859-15"));
    let warnings: Vec<(&str, &str)> = corpus
        .warnings()
        .iter()
        .map(|w| (w.kind.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            ("skipped-item", "feed.xml: item 3 has no text"),
            ("unreadable-file", "a.zip/broken.docx: the archive is damaged"),
            ("unsupported-file", "a.zip/picture.png: unsupported file type; expected .txt, .md, .json, .jsonl, .ndjson, .csv, .tsv, .html, .htm, .xhtml, .xml (RSS or Atom), .rss, .atom, .docx, .zip or .gz"),
        ]
    );
    // Without skipInvalid, the failure is the load's error.
    let error = Corpus::load(&files, &LoadOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a.zip/broken.docx: the archive is damaged"
    );
}

#[test]
fn a_record_a_reader_gave_is_named_by_its_number_in_the_file() {
    let file = SourceFile::from_records("feed.xml", vec![serde_json::json!({"title": "One"})]);
    let error = Corpus::load(&[file], &LoadOptions::default()).unwrap_err();
    assert!(
        error.to_string().starts_with("feed.xml record 1: "),
        "{error}"
    );
}

#[test]
fn a_reader_file_given_to_the_engine_alone_names_the_readers_module() {
    let file = SourceFile::new("page.html", "<p>Hi</p>");
    let error = Corpus::load(&[file], &LoadOptions::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("a .html file is read by corpus-lens' readers module"),
        "{error}"
    );
}
