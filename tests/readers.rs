//! Files read by corpus-lens' readers module (readers/): web pages, feeds,
//! Word documents, archives and text in any encoding, as the engine takes
//! what the readers make of them.

use corpus_lens::{Corpus, LoadOptions, MetaValue, SourceFile};
use serde_json::Value;

/// The files the readers module makes of `name`'s `bytes`, handed to the
/// engine as JavaScript hands them over: through their JSON form.
fn read(name: &str, bytes: &[u8]) -> Vec<SourceFile> {
    corpus_lens_readers::read(name, bytes)
        .into_iter()
        .enumerate()
        .map(|(i, read)| {
            SourceFile::from_value(i + 1, serde_json::to_value(read).unwrap()).unwrap()
        })
        .collect()
}

fn text_meta(corpus: &Corpus, id: &str, key: &str) -> Option<String> {
    match corpus.document(id).unwrap().metadata.get(key) {
        Some(MetaValue::Text(text)) => Some(text.clone()),
        _ => None,
    }
}

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
            ("unsupported-file", "a.zip/picture.png: unsupported file type; expected .txt, .md, .json, .jsonl, .ndjson, .csv, .tsv, .html, .htm, .xhtml, .xml (RSS or Atom), .rss, .atom, .docx, .pdf, .zip or .gz"),
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

#[test]
fn windows_1252_text_keeps_its_quotes_and_accents_and_says_its_encoding() {
    let bytes = b"Putin\x92s \x93historic\x94 visit \x96 the caf\xe9 in Tokyo was full.";
    let corpus = Corpus::load(read("old.txt", bytes), &LoadOptions::default()).unwrap();
    assert_eq!(
        corpus.document("old").unwrap().text,
        "Putin\u{2019}s \u{201c}historic\u{201d} visit \u{2013} the caf\u{e9} in Tokyo was full."
    );
    assert_eq!(
        corpus.sources()[0].encoding.as_deref(),
        Some("windows-1252")
    );
    assert!(corpus.warnings().is_empty());
}

#[test]
fn shift_jis_and_utf16_text_load() {
    // 日本とロシアの平和条約。 in Shift_JIS.
    let sjis = b"\x93\xfa\x96\x7b\x82\xc6\x83\x8d\x83\x56\x83\x41\x82\xcc\x95\xbd\x98\x61\x8f\xf0\x96\xf1\x81\x42";
    let corpus = Corpus::load(read("jp.txt", &sjis.repeat(3)), &LoadOptions::default()).unwrap();
    assert_eq!(corpus.sources()[0].encoding.as_deref(), Some("Shift_JIS"));
    assert!(corpus
        .document("jp")
        .unwrap()
        .text
        .starts_with("日本とロシアの平和条約。"));

    let mut utf16 = vec![0xfe, 0xff];
    utf16.extend("Tōkyō talks.".encode_utf16().flat_map(u16::to_be_bytes));
    let corpus = Corpus::load(read("be.txt", &utf16), &LoadOptions::default()).unwrap();
    assert_eq!(corpus.document("be").unwrap().text, "Tōkyō talks.");
    assert_eq!(corpus.sources()[0].encoding.as_deref(), Some("UTF-16BE"));
}

#[test]
fn invalid_bytes_are_replaced_with_a_warning_naming_the_file_and_offset() {
    let bytes = b"text\n\"T\xc5\x8dky\xc5\x8d and the \xe9lite met.\"\n";
    let corpus = Corpus::load(read("notes.csv", bytes), &LoadOptions::default()).unwrap();
    assert_eq!(
        corpus.documents()[0].text,
        "Tōkyō and the \u{fffd}lite met."
    );
    let warning = &corpus.warnings()[0];
    assert_eq!(
        (
            warning.file.as_str(),
            warning.line,
            warning.kind.as_str(),
            warning.message.as_str()
        ),
        (
            "notes.csv",
            0,
            "replaced-bytes",
            "notes.csv: a sequence that is not valid UTF-8 at byte 22, each replaced by \u{fffd}"
        )
    );
}

#[test]
fn a_feed_with_html_in_its_items_gives_a_document_an_item() {
    let feed = br#"<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Island Wire</title>
<item><title>Fishermen return</title><link>https://example.org/1</link>
<pubDate>Fri, 04 Mar 2005 08:00:00 GMT</pubDate><author>desk@example.org (Ivan Petrov)</author>
<content:encoded><![CDATA[<p>Fishermen returned to <b>Nemuro</b>.</p><p>Caf"#;
    let tail = br#"s reopened.</p>]]></content:encoded></item>
<item><title>Photo: the summit</title></item>
</channel></rss>"#;
    // "Cafés" in ISO-8859-1, as the declaration says.
    let feed = [&feed[..], b"\xe9", &tail[..]].concat();
    let corpus = Corpus::load(read("wire.xml", &feed), &LoadOptions::default()).unwrap();
    let doc = corpus.document("wire").unwrap();
    assert_eq!(doc.text, "Fishermen returned to Nemuro.\n\nCafés reopened.");
    assert_eq!(doc.title, "Fishermen return");
    assert_eq!(doc.publication.as_deref(), Some("Island Wire"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2005-03-04")
    );
    assert_eq!(
        text_meta(&corpus, "wire", "url").as_deref(),
        Some("https://example.org/1")
    );
    assert_eq!(doc.paragraphs.len(), 2);
    assert_eq!(
        corpus.sources()[0].encoding.as_deref(),
        Some("windows-1252")
    );
    let kinds: Vec<&str> = corpus.warnings().iter().map(|w| w.kind.as_str()).collect();
    assert_eq!(kinds, ["skipped-item"]);
    assert!(corpus.warnings()[0]
        .message
        .contains("\"Photo: the summit\", has no text"));
}

#[test]
fn a_page_whose_byline_sits_in_json_ld_gives_its_author_date_and_outlet() {
    let page = r#"<!doctype html><html><head><title>Talks resume | Herald</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Harbour Herald"},
  {"@type": "NewsArticle", "headline": "Talks resume in Tokyo", "datePublished": "2005-03-03T10:00:00+09:00",
   "author": [{"@type": "Person", "name": "Aiko Tanaka"}, {"@type": "Person", "name": "Ivan Petrov"}],
   "publisher": {"@type": "Organization", "name": "Harbour Herald"}}]}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="byline">By our staff</div>
<article><p>Japanese and Russian negotiators met in Tokyo on Thursday to resume talks on the disputed islands.</p>
<p>Foreign Minister Nobutaka Machimura said the two sides would keep meeting every month.</p></article>
<section class="comments"><p>First!</p></section></body></html>"#;
    let corpus =
        Corpus::load(read("talks.html", page.as_bytes()), &LoadOptions::default()).unwrap();
    let doc = corpus.document("talks").unwrap();
    assert_eq!(doc.title, "Talks resume in Tokyo");
    assert_eq!(doc.publication.as_deref(), Some("Harbour Herald"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2005-03-03")
    );
    assert_eq!(
        text_meta(&corpus, "talks", "author").as_deref(),
        Some("Aiko Tanaka, Ivan Petrov")
    );
    assert_eq!(
        doc.text,
        "Japanese and Russian negotiators met in Tokyo on Thursday to resume talks on the disputed islands.\n\n\
         Foreign Minister Nobutaka Machimura said the two sides would keep meeting every month."
    );
}

/// A ZIP archive of `members`, deflated.
fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (path, bytes) in members {
        writer
            .start_file(*path, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_zip_with_a_bad_member_loads_the_rest_and_names_the_member() {
    let archive = zip(&[
        ("2005/march/notes.txt", b"Putin met Koizumi in Tokyo."),
        ("2005/broken.docx", b"not a zip archive"),
        (
            "wire.jsonl",
            b"{\"title\": \"One\", \"text\": \"Fishermen returned.\"}\n",
        ),
    ]);
    let files = read("news.zip", &archive);
    let corpus = Corpus::load(&files, &skipping()).unwrap();
    let documents: Vec<(&str, Option<&MetaValue>)> = corpus
        .documents()
        .iter()
        .map(|d| (d.id.as_str(), d.metadata.get("folder")))
        .collect();
    assert_eq!(
        documents,
        [
            ("notes", Some(&MetaValue::Text("2005/march".into()))),
            ("wire-1", None)
        ]
    );
    let warnings: Vec<(&str, &str)> = corpus
        .warnings()
        .iter()
        .map(|w| (w.file.as_str(), w.kind.as_str()))
        .collect();
    assert_eq!(warnings, [("news.zip/2005/broken.docx", "unreadable-file")]);
    let error = Corpus::load(&files, &LoadOptions::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("news.zip/2005/broken.docx: not a Word file"),
        "{error}"
    );
}
