use crate::fixtures::{docx, failure, records, zip};
use crate::read;

const CORE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title>Putin &amp; Mori</dc:title>
  <dc:creator>Anna Petrova</dc:creator>
  <dcterms:modified xsi:type="dcterms:W3CDTF">2005-03-04T10:00:00Z</dcterms:modified>
  <dcterms:created xsi:type="dcterms:W3CDTF">2005-03-03T09:00:00Z</dcterms:created>
</cp:coreProperties>"#;

const BODY: &str = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
  <w:r><w:t>Putin met</w:t></w:r><w:r><w:t xml:space="preserve"> Mori in Tokyo&#8217;s </w:t></w:r><w:r><w:t>palace.</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Date:</w:t><w:tab/><w:t>3 March</w:t><w:br/><w:t>Place: Tokyo</w:t></w:r></w:p>
<w:p><w:r><w:delText>struck out</w:delText><w:instrText> PAGE </w:instrText><w:t>The end &amp; after.</w:t></w:r></w:p>"#;

#[test]
fn a_word_file_is_one_record_of_its_paragraphs_and_properties() {
    let read = read("Report.DOCX", &docx(BODY, Some(CORE)));
    assert!(read[0].warnings.is_empty(), "{:?}", read[0].warnings);
    assert_eq!(
        serde_json::Value::Object(records(&read[0])[0].clone()),
        serde_json::json!({
            "title": "Putin & Mori",
            "author": "Anna Petrova",
            "date": "2005-03-03T09:00:00Z",
            "text": "Putin met Mori in Tokyo’s palace.\n\nDate:\t3 March\nPlace: Tokyo\n\nThe end & after.",
        })
    );
}

#[test]
fn a_word_file_without_properties_is_still_read() {
    let read = read("report.docx", &docx(BODY, None));
    let record = &records(&read[0])[0];
    assert_eq!(record.keys().collect::<Vec<_>>(), ["text"]);

    let read = crate::read(
        "report.docx",
        &docx(
            BODY,
            Some("<cp:coreProperties><dc:title>x</dc:creator></cp:coreProperties>"),
        ),
    );
    assert_eq!(records(&read[0]).len(), 1);
    assert!(read[0].warnings[0]
        .message
        .starts_with("its part docProps/core.xml is not well-formed XML"));
}

#[test]
fn a_damaged_word_file_is_a_failure_that_says_what_is_wrong() {
    let read = crate::read("a.docx", b"PK\x03\x04 not really");
    let (kind, message) = failure(&read[0]);
    assert_eq!(kind, "damaged-docx");
    assert!(
        message.starts_with("not a Word file: its ZIP archive cannot be read"),
        "{message}"
    );

    let no_document = zip(&[("word/styles.xml", b"<styles/>")]);
    let read = crate::read("b.docx", &no_document);
    assert_eq!(
        failure(&read[0]).1,
        "not a Word file: it has no part word/document.xml"
    );

    let read = crate::read("c.docx", &docx("<w:p><w:r><w:t>Cut</w:r></w:p>", None));
    let (kind, message) = failure(&read[0]);
    assert_eq!(kind, "damaged-docx");
    assert!(
        message.starts_with("its part word/document.xml is not well-formed XML at line 2, column "),
        "{message}"
    );

    let cut = zip(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p><w:r><w:t>Cut sh",
    )]);
    let read = crate::read("d.docx", &cut);
    assert_eq!(
        failure(&read[0]).1,
        "its part word/document.xml ends inside the element <w:t>, at line 1, column 42"
    );
}

#[test]
fn a_word_file_without_text_is_left_out_with_a_warning() {
    let read = read(
        "blank.docx",
        &docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>", Some(CORE)),
    );
    assert!(records(&read[0]).is_empty());
    assert_eq!(
        crate::fixtures::messages(&read[0]),
        ["the document has no text, and is left out"]
    );
}
