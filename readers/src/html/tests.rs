use super::read_page;
use crate::{read, Content, Record};
use serde_json::Value;

/// Two paragraphs of prose, long enough to be scored as an article.
const FIRST: &str = "The council voted on Tuesday to close the old bridge, which engineers \
    said had been unsafe for years, and to open a ferry in its place.";
const SECOND: &str = "Residents, who had asked for a new bridge since 1998, said the ferry \
    would add an hour to their journeys, and promised to appeal.";

/// The one record of a page, failing the test if there is none.
fn record(html: &str) -> Record {
    match read_page("page.html", html.as_bytes()).content {
        Content::Records(mut records) if records.len() == 1 => records.remove(0),
        other => panic!("expected one record, got {other:?}"),
    }
}

/// A field of a record as a string.
fn field<'a>(record: &'a Record, key: &str) -> Option<&'a str> {
    record.get(key).and_then(Value::as_str)
}

#[test]
fn keeps_the_article_without_the_page_around_it() {
    let html = format!(
        "<html><head><title>Bridge</title><style>p {{ color: red }}</style></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <div class=menu><ul><li>Sport</li><li>Weather</li></ul></div>\
         <div class=main><h1>Bridge to close</h1><p>{FIRST}</p><p>{SECOND}</p>\
         <script>var tracker = 'Residents said nothing';</script></div>\
         <div id=comments><p>What a shame, I have used this bridge every day for forty years, \
         and nobody asked me.</p></div>\
         <footer>Copyright, all rights reserved, the Gazette company and its affiliates.</footer>\
         </body></html>"
    );
    assert_eq!(
        field(&record(&html), "text"),
        Some(format!("{FIRST}\n\n{SECOND}").as_str())
    );
}

#[test]
fn reads_json_ld_in_a_graph_with_several_authors() {
    let html = format!(
        r##"<html><head><script type="application/ld+json">{{"@context": "https://schema.org",
         "@graph": [{{"@type": "WebSite", "@id": "#site", "name": "Not this"}},
           {{"@type": "NewsArticle", "headline": "Bridge to close",
             "datePublished": "2005-03-03T09:00:00+00:00",
             "author": [{{"@type": "Person", "name": "Ann Lee"}}, {{"@id": "#bo"}}],
             "publisher": {{"@type": "Organization", "name": "The Gazette"}}}},
           {{"@type": "Person", "@id": "#bo", "name": "Bo Park"}}]}}</script>
         <meta property="og:title" content="Not the headline"></head>
         <body><article><p>{FIRST}</p></article></body></html>"##
    );
    let record = record(&html);
    assert_eq!(field(&record, "title"), Some("Bridge to close"));
    assert_eq!(field(&record, "date"), Some("2005-03-03T09:00:00+00:00"));
    assert_eq!(field(&record, "author"), Some("Ann Lee, Bo Park"));
    assert_eq!(field(&record, "publication"), Some("The Gazette"));
}

#[test]
fn falls_back_to_open_graph_and_meta_tags() {
    let html = format!(
        r#"<html><head><title>Bridge | The Gazette</title>
         <meta property="og:title" content="Bridge to close">
         <meta property="og:site_name" content="The Gazette">
         <meta property="og:url" content="https://gazette.example/bridge">
         <meta property="article:published_time" content="2005-03-03">
         <meta name="author" content="Ann Lee"></head>
         <body><p>{FIRST}</p></body></html>"#
    );
    let record = record(&html);
    assert_eq!(field(&record, "title"), Some("Bridge to close"));
    assert_eq!(field(&record, "publication"), Some("The Gazette"));
    assert_eq!(
        field(&record, "url"),
        Some("https://gazette.example/bridge")
    );
    assert_eq!(field(&record, "date"), Some("2005-03-03"));
    assert_eq!(field(&record, "author"), Some("Ann Lee"));
}

#[test]
fn prefers_the_canonical_link_and_leaves_out_what_is_not_given() {
    let html = format!(
        r#"<html><head><title>Bridge</title><link rel="canonical" href="https://gazette.example/b">
         <meta property="og:url" content="https://gazette.example/b?utm=feed"></head>
         <body><p>{FIRST}</p></body></html>"#
    );
    let record = record(&html);
    assert_eq!(field(&record, "url"), Some("https://gazette.example/b"));
    assert_eq!(field(&record, "title"), Some("Bridge"));
    for absent in ["date", "author", "publication"] {
        assert!(!record.contains_key(absent), "{absent} should be left out");
    }
}

#[test]
fn falls_back_to_time_datetime_and_the_first_heading() {
    let html = format!(
        "<html><body><h1>Bridge to close</h1>\
         <time datetime=\"2005-03-03T09:00\">Thursday morning</time><p>{FIRST}</p></body></html>"
    );
    let record = record(&html);
    assert_eq!(field(&record, "date"), Some("2005-03-03T09:00"));
    assert_eq!(field(&record, "title"), Some("Bridge to close"));
}

#[test]
fn decodes_a_windows_1252_page_with_curly_quotes() {
    let mut bytes =
        b"<html><head><meta charset=windows-1252><title>Bridge</title></head><body><p>".to_vec();
    bytes.extend_from_slice(
        b"\x93It is unsafe,\x94 the engineer said, \x96 and it has been for years.",
    );
    bytes.extend_from_slice(b"</p></body></html>");
    let read = read_page("bridge.html", &bytes);
    assert_eq!(read.encoding, Some("windows-1252"));
    assert!(read.warnings.is_empty());
    let Content::Records(records) = read.content else {
        panic!("expected records, got {:?}", read.content);
    };
    let text = field(&records[0], "text");
    assert_eq!(
        text,
        Some(
            "\u{201c}It is unsafe,\u{201d} the engineer said, \u{2013} and it has been for years."
        )
    );
}

#[test]
fn a_page_without_text_is_a_failure() {
    let html = "<html><head><title></title><script>let a = 1;</script></head>\
                <body><nav><a href=/>Home</a></nav><img src=a.png></body></html>";
    let Content::Failure(failure) = read_page("empty.html", html.as_bytes()).content else {
        panic!("expected a failure");
    };
    assert_eq!(failure.kind, "no-text");
    assert!(failure.message.contains("no text"), "{}", failure.message);
}

#[test]
fn a_page_of_text_without_an_article_is_still_read() {
    let record = record("<html><body><span>Gone fishing.</span></body></html>");
    assert_eq!(field(&record, "text"), Some("Gone fishing."));
}

#[test]
fn reads_a_malformed_page_with_unclosed_tags() {
    let html = format!(
        "<html><body><div class=story><p>{FIRST}<p>{SECOND}<p><b>Unclosed bold <i>and more"
    );
    let text = field(&record(&html), "text").map(str::to_string);
    assert_eq!(
        text,
        Some(format!("{FIRST}\n\n{SECOND}\n\nUnclosed bold and more"))
    );
}

#[test]
fn keeps_line_breaks_inside_a_paragraph() {
    let html = format!("<html><body><article><p>{FIRST}<br>{SECOND}</p></article></body></html>");
    assert_eq!(
        field(&record(&html), "text"),
        Some(format!("{FIRST}\n{SECOND}").as_str())
    );
}

#[test]
fn read_takes_web_pages_by_extension_in_any_case() {
    let html = format!("<html><body><p>{FIRST}</p></body></html>");
    for name in ["a.html", "b.HTM", "c.Xhtml"] {
        let reads = read(name, html.as_bytes());
        assert!(
            matches!(reads[0].content, Content::Records(_)),
            "{name}: {:?}",
            reads[0].content
        );
        assert_eq!(reads[0].name, name);
    }
    let text = read("a.txt", html.as_bytes());
    assert!(matches!(text[0].content, Content::Content(_)));
}

#[test]
fn class_words_are_whole_words_not_substrings() {
    // `pageRow` is not `pager`, `headingText` is not `header`: a wrapper
    // so named holding the article is kept.
    let html = format!(
        "<html><body><div class=\"PageBuilder-pageRow\"><div id=headingText>\
         <p>{FIRST}</p><p>{SECOND}</p></div></div><div class=pager><a href=/2>Next page</a></div></body></html>"
    );
    assert_eq!(
        field(&record(&html), "text"),
        Some(format!("{FIRST}\n\n{SECOND}").as_str())
    );
}

#[test]
fn drops_captions_and_image_credits() {
    let html = format!(
        "<html><body><article><div class=image-wrap><img src=a.jpg><p>The old bridge in 1998, \
         seen from the river bank below.</p></div><figure><img src=b.jpg><figcaption>The ferry, \
         seen from the other bank.</figcaption></figure><p>{FIRST}</p></article></body></html>"
    );
    assert_eq!(field(&record(&html), "text"), Some(FIRST));
}

#[test]
fn a_title_from_the_head_loses_the_site_name() {
    let page = |head: &str, body: &str| {
        format!(
            "<html><head>{head}</head><body>{body}<article><p>{}</p></article></body></html>",
            "Putin met Koizumi in Tokyo. ".repeat(10)
        )
    };
    let title_of = |html: String| match read_page("p.html", html.as_bytes()).content {
        crate::Content::Records(records) => records[0]
            .get("title")
            .and_then(|t| t.as_str())
            .map(str::to_string),
        other => panic!("{other:?}"),
    };
    let site = "<meta property=\"og:site_name\" content=\"Harbour Herald\">";
    assert_eq!(
        title_of(page(
            &format!("<title>Talks resume | Harbour Herald</title>{site}"),
            ""
        ))
        .as_deref(),
        Some("Talks resume")
    );
    assert_eq!(
        title_of(page(
            &format!("<title>Harbour Herald \u{2014} Talks resume</title>{site}"),
            ""
        ))
        .as_deref(),
        Some("Talks resume")
    );
    assert_eq!(
        title_of(page(
            "<title>Talks resume - Herald Online</title>",
            "<h1>Talks resume</h1>"
        ))
        .as_deref(),
        Some("Talks resume")
    );
    // A dash inside the headline itself stays.
    assert_eq!(
        title_of(page(
            &format!("<title>Tokyo - Moscow talks</title>{site}"),
            ""
        ))
        .as_deref(),
        Some("Tokyo - Moscow talks")
    );
}
