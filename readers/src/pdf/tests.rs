use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
use lopdf::Document;

use super::*;

/// A PDF written by hand: `objects` numbered from 1 (the catalog first,
/// then the page tree), with a correct cross-reference table, and `info`
/// (a dictionary's entries) as its information dictionary if not empty.
fn pdf(objects: &[Vec<u8>], info: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut objects = objects.to_vec();
    if !info.is_empty() {
        objects.push(format!("<< {info} >>").into_bytes());
    }
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let info = if info.is_empty() {
        String::new()
    } else {
        format!(" /Info {} 0 R", objects.len())
    };
    let trailer = format!(
        "trailer\n<< /Size {} /Root 1 0 R{info} /ID [<42424242424242424242424242424242> <42424242424242424242424242424242>] >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(trailer.as_bytes());
    out
}

/// A document whose pages draw `contents` (content streams) in Helvetica
/// with WinAnsiEncoding, resource name `/F1`.
fn document(contents: &[&[u8]], info: &str) -> Vec<u8> {
    let pages = contents.len();
    // 1 catalog, 2 page tree, 3 font, then a page and its content each.
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for (i, content) in contents.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    pdf(&objects, info)
}

/// A page showing `lines`, one a line, 14 points apart.
fn lines(lines: &[&str]) -> Vec<u8> {
    let mut content = b"BT /F1 12 Tf 14 TL 72 720 Td".to_vec();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            content.extend_from_slice(b" T*");
        }
        content.extend_from_slice(format!(" ({line}) Tj").as_bytes());
    }
    content.extend_from_slice(b" ET");
    content
}

fn read_one(bytes: &[u8]) -> (Record, Vec<Warning>) {
    match read_pdf(bytes) {
        (Content::Records(mut records), warnings) if records.len() == 1 => {
            (records.remove(0), warnings)
        }
        other => panic!("expected one record, got {other:?}"),
    }
}

fn text(bytes: &[u8]) -> String {
    let (record, _) = read_one(bytes);
    record["text"].as_str().unwrap_or_default().to_string()
}

fn failure(bytes: &[u8]) -> Failure {
    match read_pdf(bytes) {
        (Content::Failure(failure), _) => failure,
        other => panic!("expected a failure, got {other:?}"),
    }
}

const INFO: &str =
    "/Title (Koizumi meets Putin) /Author (Staff Reporter) /CreationDate (D:20050303100000Z)";

#[test]
fn two_pages_are_one_record_with_two_paragraphs_and_the_metadata() {
    let bytes = document(
        &[
            &lines(&["Koizumi met Putin in Moscow", "on Thursday."]),
            &lines(&["The talks ended without a treaty."]),
        ],
        INFO,
    );
    let (record, warnings) = read_one(&bytes);
    assert_eq!(
        record["text"],
        "Koizumi met Putin in Moscow on Thursday.\n\nThe talks ended without a treaty."
    );
    assert_eq!(record["title"], "Koizumi meets Putin");
    assert_eq!(record["author"], "Staff Reporter");
    assert_eq!(record["date"], "2005-03-03T10:00:00Z");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_file_named_pdf_in_any_case_is_read_as_one() {
    let bytes = document(&[&lines(&["Hello."])], "");
    let reads = crate::read("Report.PDF", &bytes);
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].encoding, None);
    let Content::Records(records) = &reads[0].content else {
        panic!("{:?}", reads[0].content);
    };
    assert_eq!(records[0]["text"], "Hello.");
    assert!(!records[0].contains_key("title"));
}

#[test]
fn an_empty_page_has_no_text_layer() {
    let failure = failure(&document(&[b"", b"q 100 0 0 100 0 0 cm Q"], INFO));
    assert_eq!(failure.kind, "no-text-layer");
    assert!(failure.message.contains("OCR"), "{}", failure.message);
    assert!(failure.message.contains("2 pages"), "{}", failure.message);
}

#[test]
fn garbage_and_truncated_files_are_damaged() {
    let whole = document(&[&lines(&["Koizumi met Putin."])], INFO);
    for bytes in [
        &b"this is not a PDF at all"[..],
        b"",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog",
        &whole[..40],
        &whole[..whole.len() / 3],
    ] {
        let failure = failure(bytes);
        assert_eq!(failure.kind, "damaged-pdf", "{failure:?}");
        assert!(
            failure.message.starts_with("the PDF is damaged: "),
            "{failure:?}"
        );
    }
}

#[test]
fn a_damaged_cross_reference_table_is_rebuilt_with_a_warning() {
    let whole = document(&[&lines(&["Koizumi met Putin."])], INFO);
    let at = whole.windows(4).rposition(|w| w == b"xref").unwrap_or(0);
    let mut bytes = whole[..at].to_vec();
    bytes.extend_from_slice(b"%%EOF\n");
    let (record, warnings) = read_one(&bytes);
    assert_eq!(record["text"], "Koizumi met Putin.");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].kind, "damaged-pdf");
}

#[test]
fn win_ansi_accents_and_curly_quotes_are_read() {
    // é is 0xE9, ’ 0x92, “ ” 0x93 0x94 in WinAnsiEncoding.
    let bytes = document(
        &[b"BT /F1 12 Tf 72 720 Td (Putin\x92s \x93historic\x94 caf\xE9) Tj ET"],
        "",
    );
    assert_eq!(text(&bytes), "Putin’s “historic” café");
}

#[test]
fn ligatures_are_spelt_out() {
    // A font whose ToUnicode map gives code 1 the ligature ﬁ (U+FB01).
    let cmap = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Custom-UCS def
1 begincodespacerange
<00> <ff>
endcodespacerange
3 beginbfchar
<01> <fb01>
<61> <0061>
<6e> <006e>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";
    let mut to_unicode = format!("<< /Length {} >>\nstream\n", cmap.len()).into_bytes();
    to_unicode.extend_from_slice(cmap);
    to_unicode.extend_from_slice(b"\nendstream");
    let content = b"BT /F1 12 Tf 72 720 Td (\x01nan) Tj ET";
    let mut page_content = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    page_content.extend_from_slice(content);
    page_content.extend_from_slice(b"\nendstream");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Custom /ToUnicode 6 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>".to_vec(),
        page_content,
        to_unicode,
    ];
    let bytes = pdf(&objects, "");
    assert_eq!(text(&bytes), "finan");
}

#[test]
fn metadata_in_utf16_is_read() {
    // "Café" in UTF-16BE with its byte-order mark.
    let info = "/Title <FEFF0043006100660065> /CreationDate (D:20050303)";
    let (record, _) = read_one(&document(&[&lines(&["Text."])], info));
    assert_eq!(record["title"], "Cafe");
    assert_eq!(record["date"], "2005-03-03");
    let info = "/Title <FEFF00430061006600E9>";
    let (record, _) = read_one(&document(&[&lines(&["Text."])], info));
    assert_eq!(record["title"], "Café");
}

#[test]
fn a_creation_date_that_is_not_one_is_a_warning() {
    let info = "/CreationDate (yesterday)";
    let (record, warnings) = read_one(&document(&[&lines(&["Text."])], info));
    assert!(!record.contains_key("date"));
    assert_eq!(warnings[0].kind, "unread-date");
    assert!(
        warnings[0].message.contains("\"yesterday\""),
        "{warnings:?}"
    );
}

#[test]
fn pdf_dates_become_rfc_3339() {
    for (written, iso) in [
        ("D:20050303100000Z", Some("2005-03-03T10:00:00Z")),
        ("D:20050303100000Z00'00'", Some("2005-03-03T10:00:00Z")),
        ("D:20050303100000+01'00'", Some("2005-03-03T10:00:00+01:00")),
        ("D:20050303100000-05'30", Some("2005-03-03T10:00:00-05:30")),
        ("D:20050303100000", Some("2005-03-03T10:00:00")),
        ("D:200503031000", Some("2005-03-03T10:00:00")),
        ("20050303", Some("2005-03-03")),
        ("D:2005", Some("2005-01-01")),
        ("D:20051303", None),
        ("D:20050230", None),
        ("D:20050303250000Z", None),
        ("D:2005030310", Some("2005-03-03T10:00:00")),
        ("D:200503031", None),
        ("D:20050303100000+1", None),
        ("", None),
    ] {
        assert_eq!(pdf_date(written).as_deref(), iso, "{written:?}");
    }
}

#[test]
fn hyphenated_line_ends_are_rejoined_and_compounds_kept() {
    let bytes = document(
        &[&lines(&[
            "The negotiations over the disputed infor-",
            "mation were a well-known affair; the well-",
            "known envoy of the Franco-",
            "British talks, from 2005 -",
            "2006, met COVID-",
            "19 experts.",
        ])],
        "",
    );
    assert_eq!(
        text(&bytes),
        "The negotiations over the disputed information were a well-known affair; \
         the well-known envoy of the Franco-British talks, from 2005 - 2006, met COVID-19 experts."
    );
}

#[test]
fn kerning_and_word_gaps_in_tj_arrays() {
    // -40 is kerning inside a word; -300 a word space with no space glyph.
    let bytes = document(
        &[b"BT /F1 12 Tf 72 720 Td [(Ko) -40 (izumi) -300 (met) -300 (Putin)] TJ ET"],
        "",
    );
    assert_eq!(text(&bytes), "Koizumi met Putin");
}

#[test]
fn letters_placed_one_by_one_make_words() {
    // Each letter placed at its own position by Td, 0.6 em apart for the
    // 500-unit default width: no spaces inside words, a space at the gap.
    let bytes = document(
        &[b"BT /F1 10 Tf 72 720 Td (T) Tj 6 0 Td (o) Tj 6 0 Td (k) Tj 6 0 Td (y) Tj 6 0 Td (o) Tj 12 0 Td (t) Tj 6 0 Td (a) Tj 6 0 Td (l) Tj 6 0 Td (k) Tj 6 0 Td (s) Tj ET"],
        "",
    );
    assert_eq!(text(&bytes), "Tokyo talks");
}

#[test]
fn lines_placed_by_tm_and_cm_are_lines() {
    let bytes = document(
        &[b"q 1 0 0 1 72 720 cm BT /F1 12 Tf (First line) Tj ET Q q 1 0 0 1 72 700 cm BT /F1 12 Tf (second line) Tj ET Q BT /F1 1 Tf 12 0 0 12 72 680 Tm (third line.) Tj ET"],
        "",
    );
    assert_eq!(text(&bytes), "First line second line third line.");
}

#[test]
fn text_in_forms_is_read() {
    let content = b"BT /F1 12 Tf 72 720 Td (Before the form) Tj ET /X1 Do";
    let form = b"BT /F1 12 Tf 72 700 Td (inside the form.) Tj ET /X1 Do";
    let mut form_object = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >> /Length {} >>\nstream\n",
        form.len()
    )
    .into_bytes();
    form_object.extend_from_slice(form);
    form_object.extend_from_slice(b"\nendstream");
    let mut page_content = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    page_content.extend_from_slice(content);
    page_content.extend_from_slice(b"\nendstream");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>".to_vec(),
        page_content,
        form_object,
    ];
    // The form draws itself too: drawn once, not forever.
    assert_eq!(text(&pdf(&objects, "")), "Before the form inside the form.");
}

#[test]
fn a_damaged_content_stream_keeps_the_text_before_the_damage() {
    let bytes = document(
        &[b"BT /F1 12 Tf 72 720 Td (Koizumi met Putin.) Tj ET BT (unclosed ] >> Tj"],
        "",
    );
    let (record, warnings) = read_one(&bytes);
    assert_eq!(record["text"], "Koizumi met Putin.");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].kind, "unreadable-page");
    assert!(
        warnings[0].message.starts_with("text was lost: page 1: "),
        "{warnings:?}"
    );
}

/// The one-page document, encrypted with RC4 and the given user password.
fn encrypted(user_password: &str) -> Vec<u8> {
    let mut doc = match Document::load_mem(&document(&[&lines(&["Secret talks."])], INFO)) {
        Ok(doc) => doc,
        Err(error) => panic!("{error}"),
    };
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::PRINTABLE,
    };
    let saved = EncryptionState::try_from(version)
        .map_err(|e| e.to_string())
        .and_then(|state| doc.encrypt(&state).map_err(|e| e.to_string()))
        .and_then(|()| {
            let mut out = Vec::new();
            doc.save_to(&mut out)
                .map(|_| out)
                .map_err(|e| e.to_string())
        });
    match saved {
        Ok(out) => out,
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn a_file_locked_with_a_password_is_encrypted() {
    let failure = failure(&encrypted("secret"));
    assert_eq!(failure.kind, "encrypted");
    assert!(failure.message.contains("password"), "{}", failure.message);
}

#[test]
fn a_file_encrypted_without_a_user_password_is_read() {
    let bytes = encrypted("");
    assert!(bytes.windows(8).any(|w| w == b"/Encrypt"));
    let (record, _) = read_one(&bytes);
    assert_eq!(record["text"], "Secret talks.");
    assert_eq!(record["title"], "Koizumi meets Putin");
}

#[test]
fn an_unknown_font_still_reads_the_page() {
    // /F2 is not among the page's fonts: its string is skipped, not fatal.
    let bytes = document(
        &[b"BT /F2 12 Tf 72 720 Td (lost) Tj /F1 12 Tf 0 -14 Td (Kept.) Tj ET"],
        "",
    );
    assert_eq!(text(&bytes), "Kept.");
}
