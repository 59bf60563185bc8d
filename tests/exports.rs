//! Records shaped as real exports write them: other field names, dates with
//! times and offsets, feeds' and newsrooms' date forms.

use corpus_lens::{Corpus, DateOrder, FieldNames, LoadOptions, MetaValue, SourceFile};
use serde_json::json;

fn load_with(name: &str, content: &str, options: &LoadOptions) -> Corpus {
    Corpus::load(&[SourceFile::new(name, content)], options).unwrap()
}

fn text_meta(corpus: &Corpus, id: &str, key: &str) -> Option<String> {
    match corpus.document(id).unwrap().metadata.get(key) {
        Some(MetaValue::Text(text)) => Some(text.clone()),
        _ => None,
    }
}

#[test]
fn an_api_export_loads_with_its_own_field_names_and_timestamps() {
    let jsonl = [
        json!({"id": "a", "headline": "Talks resume", "body": "Putin met Koizumi.", "published_at": "2005-03-03T23:30:00-05:00", "outlet": "Kyodo", "byline": "A. Writer"}),
        json!({"id": "b", "Headline": "Second round", "Content": "Lavrov spoke.", "pubDate": "Thu, 10 Mar 2005 10:00:00 GMT", "site": "TASS"}),
    ]
    .map(|r| r.to_string())
    .join("\n");
    let corpus = load_with("feed.jsonl", &jsonl, &LoadOptions::default());
    let a = corpus.document("a").unwrap();
    assert_eq!(
        (a.title.as_str(), a.text.as_str()),
        ("Talks resume", "Putin met Koizumi.")
    );
    assert_eq!(
        a.date.map(|d| d.to_string()).as_deref(),
        Some("2005-03-03"),
        "the date as written, in its own offset"
    );
    assert_eq!(a.publication.as_deref(), Some("Kyodo"));
    assert_eq!(
        text_meta(&corpus, "a", "author").as_deref(),
        Some("A. Writer")
    );
    assert_eq!(
        text_meta(&corpus, "a", "time").as_deref(),
        Some("23:30:00-05:00")
    );
    let b = corpus.document("b").unwrap();
    assert_eq!(
        (b.title.as_str(), b.text.as_str()),
        ("Second round", "Lavrov spoke.")
    );
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2005-03-10"));
    assert_eq!(
        text_meta(&corpus, "b", "time").as_deref(),
        Some("10:00:00+00:00")
    );

    let source = &corpus.sources()[0];
    assert_eq!(
        (
            source.name.as_str(),
            source.documents,
            source.skipped,
            source.encoding.as_deref()
        ),
        ("feed.jsonl", 2, 0, None)
    );
    let fields = serde_json::to_value(&source.fields).unwrap();
    assert_eq!(
        fields,
        json!({"text": ["body", "Content"], "title": ["headline", "Headline"], "date": ["published_at", "pubDate"], "publication": ["outlet", "site"], "author": ["byline"]})
    );
}

#[test]
fn a_newsroom_csv_with_written_dates() {
    let csv = "headline,body,published\n\
               One,First text.,\"March 3, 2005\"\n\
               Two,Second text.,3 Mar. 2005\n\
               Three,Third text.,2005/03/04\n\
               Four,Fourth text.,25/03/2005\n";
    let corpus = load_with("news.csv", csv, &LoadOptions::default());
    let dates: Vec<String> = corpus
        .documents()
        .iter()
        .map(|d| d.date.unwrap().to_string())
        .collect();
    assert_eq!(
        dates,
        ["2005-03-03", "2005-03-03", "2005-03-04", "2005-03-25"]
    );
    assert_eq!(corpus.documents()[0].title, "One");
}

#[test]
fn the_fields_option_and_the_date_order_decide_where_names_cannot() {
    let csv = "summary,when,text\nThe summary.,03/04/2005,kept as metadata\n";
    let options = LoadOptions {
        fields: FieldNames {
            text: Some("summary".into()),
            date: Some("when".into()),
            ..FieldNames::default()
        },
        date_order: Some(DateOrder::Dmy),
        ..LoadOptions::default()
    };
    let corpus = load_with("odd.csv", csv, &options);
    let doc = &corpus.documents()[0];
    assert_eq!(doc.text, "The summary.");
    assert_eq!(doc.date.unwrap().to_string(), "2005-04-03");
    assert_eq!(
        text_meta(&corpus, &doc.id, "text").as_deref(),
        Some("kept as metadata"),
        "nothing dropped"
    );

    let error = Corpus::load(
        &[SourceFile::new("odd.csv", "body,when\nx,2005\n")],
        &options,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "odd.csv line 1: no \"summary\" column (the fields option's text); the header has \"body\", \"when\""
    );
}

#[test]
fn a_timestamp_keeps_a_time_field_the_record_has_itself() {
    let record = json!({"text": "One.", "date": "2005-03-03 10:15", "time": "morning"}).to_string();
    let corpus = load_with("t.jsonl", &record, &LoadOptions::default());
    let id = &corpus.documents()[0].id;
    assert_eq!(text_meta(&corpus, id, "time").as_deref(), Some("morning"));
    assert_eq!(
        text_meta(&corpus, id, "date_time").as_deref(),
        Some("10:15:00")
    );
}

#[test]
fn a_file_without_a_text_field_is_previewed_and_read_with_its_own_fields() {
    let csv = "when,summary\n2005,The first summary.\n2006,The second.\n";
    let file = SourceFile::new("odd.csv", csv);
    let preview = corpus_lens::preview_file(&file, 1).unwrap();
    assert_eq!(
        preview.columns,
        ["when", "summary"],
        "in the header's order"
    );
    assert_eq!(
        preview.text, None,
        "no field is read as the text by default"
    );
    assert_eq!(preview.rows, [["2005", "The first summary."]]);

    let skipping = LoadOptions {
        skip_invalid: true,
        ..LoadOptions::default()
    };
    let plain = SourceFile::new("plain.jsonl", "{\"text\": \"Plain.\"}");
    let records = SourceFile::new(
        "notes.jsonl",
        "{\"note\": \"A note.\"}\n{\"note\": \"Another.\"}",
    );
    let corpus = Corpus::load(&[plain.clone(), records.clone()], &skipping).unwrap();
    let kinds: Vec<&str> = corpus.warnings().iter().map(|w| w.kind.as_str()).collect();
    assert_eq!(kinds, ["missing-text", "missing-text"]);
    let preview = corpus_lens::preview_file(&records, 3).unwrap();
    assert_eq!(
        (preview.columns, preview.rows.len()),
        (vec!["note".to_string()], 2)
    );
    let preview =
        corpus_lens::preview_file(&SourceFile::new("b.csv", "Body,x\nHi,1\n"), 3).unwrap();
    assert_eq!(preview.text.as_deref(), Some("Body"));

    // The chosen field for that file alone: the other file keeps its own text.
    let chosen = records.with_fields(FieldNames {
        text: Some("note".into()),
        ..FieldNames::default()
    });
    let corpus = Corpus::load(&[plain, chosen], &LoadOptions::default()).unwrap();
    let texts: Vec<&str> = corpus.documents().iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Plain.", "A note.", "Another."]);
    assert_eq!(
        serde_json::to_value(&corpus.sources()[1].fields).unwrap(),
        json!({"text": ["note"]})
    );
}
