use encoding_rs::WINDOWS_1252;

use crate::fixtures::{failure, records};
use crate::read;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Moscow Wire</title>
  <link>https://wire.example/</link>
  <image><title>Not the publication</title></image>
  <item>
    <title>Putin meets Mori</title>
    <link>https://wire.example/putin-mori</link>
    <pubDate>Sun, 03 Sep 2000 10:00:00 +0400</pubDate>
    <author>desk@wire.example (Desk)</author>
    <dc:creator>Anna Petrova</dc:creator>
    <description>A short summary.</description>
    <content:encoded><![CDATA[<p>Putin <b>met</b> Mori in Tokyo.</p><p>Talks&nbsp;resumed<br>on Friday &amp; Saturday.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Kremlin &amp; envoys</title>
    <description>&lt;p&gt;Envoys &lt;i&gt;met&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Caf&amp;eacute; talks.&lt;/p&gt;</description>
    <author>desk@wire.example (Desk)</author>
  </item>
  <item>
    <title>Photo: the summit</title>
    <description></description>
  </item>
  <item><link>https://wire.example/empty</link></item>
</channel>
</rss>"#;

#[test]
fn rss_items_become_records_with_their_html_made_text() {
    let read = read("wire.rss", RSS.as_bytes());
    let records = records(&read[0]);
    assert_eq!(records.len(), 2);
    let first = serde_json::Value::Object(records[0].clone());
    assert_eq!(
        first,
        serde_json::json!({
            "title": "Putin meets Mori",
            "text": "Putin met Mori in Tokyo.\n\nTalks resumed\n\non Friday & Saturday.",
            "date": "Sun, 03 Sep 2000 10:00:00 +0400",
            "author": "Anna Petrova",
            "publication": "The Moscow Wire",
            "url": "https://wire.example/putin-mori",
        })
    );
    assert_eq!(records[1]["title"], "Kremlin & envoys");
    assert_eq!(records[1]["text"], "Envoys met.\n\nCafé talks.");
    assert_eq!(records[1]["author"], "desk@wire.example (Desk)");
}

#[test]
fn rss_items_without_text_are_left_out_with_a_warning_naming_them() {
    let read = read("wire.rss", RSS.as_bytes());
    assert_eq!(
        crate::fixtures::messages(&read[0]),
        [
            "item 3 (line 22), \"Photo: the summit\", has no text, and is left out",
            "item 4 (line 26) has neither text nor a title, and is left out",
        ]
    );
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Tokyo &lt;i&gt;Notes&lt;/i&gt;</title>
  <link rel="self" href="https://notes.example/feed"/>
  <entry>
    <title>Treaty talks</title>
    <link rel="self" href="https://notes.example/entries/1.atom"/>
    <link rel="alternate" type="text/html" href="https://notes.example/treaty"/>
    <updated>2005-03-04T09:00:00Z</updated>
    <published>2005-03-03T09:00:00Z</published>
    <author><name>Kenji Sato</name></author>
    <author><name>Mary Lee</name></author>
    <summary>Summary only.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The <em>islands</em> dispute&#8217;s end?</p><ul><li>Kurils</li><li>Sakhalin</li></ul></div></content>
  </entry>
  <entry>
    <title type="text">Second</title>
    <link href="https://notes.example/second"/>
    <updated>2005-03-05T09:00:00Z</updated>
    <summary type="html">&lt;p&gt;An &lt;b&gt;html&lt;/b&gt; summary.&lt;/p&gt;</summary>
    <content src="https://notes.example/second.pdf" type="application/pdf"/>
  </entry>
</feed>"#;

#[test]
fn atom_entries_become_records_from_xhtml_html_and_text() {
    let read = read("notes.atom", ATOM.as_bytes());
    assert!(read[0].warnings.is_empty(), "{:?}", read[0].warnings);
    let records = records(&read[0]);
    assert_eq!(
        serde_json::Value::Object(records[0].clone()),
        serde_json::json!({
            "title": "Treaty talks",
            "text": "The islands dispute’s end?\n\nKurils\n\nSakhalin",
            "date": "2005-03-03T09:00:00Z",
            "author": "Kenji Sato, Mary Lee",
            "publication": "Tokyo Notes",
            "url": "https://notes.example/treaty",
        })
    );
    assert_eq!(records[1]["text"], "An html summary.");
    assert_eq!(records[1]["date"], "2005-03-05T09:00:00Z");
    assert_eq!(records[1]["url"], "https://notes.example/second");
}

#[test]
fn a_feed_in_iso_8859_1_is_decoded_as_its_declaration_says() {
    let feed =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><title>Le Café</title>\
        <item><title>Côte d’Ivoire</title><description>Élection à Abidjan.</description></item>\
        </channel></rss>";
    let (bytes, _, lossy) = WINDOWS_1252.encode(feed);
    assert!(!lossy);
    let read = read("cafe.xml", &bytes);
    // ISO-8859-1 is read as windows-1252, as the Encoding Standard says.
    assert_eq!(read[0].encoding, Some("windows-1252"));
    let records = records(&read[0]);
    assert_eq!(records[0]["title"], "Côte d’Ivoire");
    assert_eq!(records[0]["text"], "Élection à Abidjan.");
    assert_eq!(records[0]["publication"], "Le Café");
}

#[test]
fn malformed_xml_is_a_failure_naming_its_line_and_column() {
    let feed = "<rss><channel>\n<item><title>One</item>\n</channel></rss>";
    let read = read("bad.rss", feed.as_bytes());
    let (kind, message) = failure(&read[0]);
    assert_eq!(kind, "malformed-xml");
    assert!(message.starts_with("line 2, column 17: "), "{message}");

    let read = crate::read("cut.xml", b"<rss><channel><item><title>One</title>");
    let (kind, message) = failure(&read[0]);
    assert_eq!(kind, "malformed-xml");
    assert!(
        message.contains("ends inside the element <item>"),
        "{message}"
    );
}

#[test]
fn xml_that_is_not_a_feed_is_unsupported_xml_naming_its_root() {
    let read = read(
        "drawing.xml",
        b"<?xml version='1.0'?><svg:svg xmlns:svg='http://www.w3.org/2000/svg'/>",
    );
    let (kind, message) = failure(&read[0]);
    assert_eq!(kind, "unsupported-xml");
    assert!(message.contains("<svg:svg>"), "{message}");
}

#[test]
fn html_entities_undefined_in_xml_are_read_as_html_reads_them() {
    let feed = "<rss><channel><item><title>Putin&nbsp;&mdash; Mori &bogus;</title><description>x</description></item></channel></rss>";
    let read = read("wire.rss", feed.as_bytes());
    assert_eq!(records(&read[0])[0]["title"], "Putin — Mori &bogus;");
    assert_eq!(
        crate::fixtures::messages(&read[0]),
        ["the entity &bogus; (line 1, column 52) is not defined, and is kept as written"]
    );
}

#[test]
fn a_feed_without_items_says_so_and_text_is_not_xml() {
    let read = read(
        "empty.atom",
        br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>"#,
    );
    assert!(records(&read[0]).is_empty());
    assert_eq!(
        crate::fixtures::messages(&read[0]),
        ["the feed has no entry"]
    );

    let read = crate::read("notes.xml", b"just text");
    assert_eq!(failure(&read[0]), ("malformed-xml", "no element: not XML"));
}
