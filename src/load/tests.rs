use super::*;

fn records(name: &str, content: &str) -> Vec<Result<Record, Error>> {
    read_file(
        &SourceFile::new(name, content),
        Some(&FieldNames::default()),
    )
    .collect()
}

#[test]
fn header_parses_publication_volume_and_issue() {
    let mut fields = Map::new();
    assert_eq!(
        parse_header(
            "Publication: Eurasia Daily Monitor Volume: 2 Issue: 217",
            &mut fields
        ),
        Ok(())
    );
    assert_eq!(fields["publication"], "Eurasia Daily Monitor");
    assert_eq!(fields["volume"], "2");
    assert_eq!(fields["issue"], "217");
}

#[test]
fn malformed_header_is_an_error() {
    let mut fields = Map::new();
    assert!(parse_header("Publication: Monitor Volume: VI Issue: 3", &mut fields).is_err());
}

#[test]
fn json_syntax_error_names_line_and_character_column() {
    let result = records(
        "a.json",
        "[\n {\"text\": \"Mori’s\"},\n {\"text\": \"x\" oops}\n]",
    );
    let error = match result.first() {
        Some(Err(e)) => e.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(
        error,
        "a.json line 3, column 15: invalid JSON: expected `,` or `}`"
    );
}

#[test]
fn json_records_know_their_lines() {
    let result = records(
        "a.json",
        "{\"documents\": [\n {\"text\": \"a\"},\n\n {\"text\": \"b\"}]}",
    );
    let lines: Vec<usize> = result.iter().flatten().map(|r| r.at.line).collect();
    assert_eq!(lines, [2, 4]);
}

#[test]
fn csv_rows_know_their_lines_across_quoted_newlines() {
    let result = records("a.csv", "title,text\nA,\"one\ntwo\"\nB,three\n");
    let lines: Vec<usize> = result.iter().flatten().map(|r| r.at.line).collect();
    assert_eq!(lines, [2, 4]);
}

#[test]
fn a_closing_quote_followed_by_text_on_its_own_line_is_still_read() {
    let result = records("a.csv", "text\n\"a\"b\n\"two\nlines\" \n");
    let texts: Vec<&Value> = result.iter().flatten().map(|r| &r.fields["text"]).collect();
    assert_eq!(texts, ["ab", "two\nlines "]);
}

#[test]
fn files_without_content_or_name_are_named_by_number_and_name() {
    let message = |values: Value| {
        let Value::Array(values) = values else {
            unreachable!()
        };
        SourceFile::from_values(values).unwrap_err().to_string()
    };
    let ok = serde_json::json!({"name": "a.txt", "content": "A."});
    assert_eq!(
        message(serde_json::json!([ok, {"name": "notes.txt"}])),
        "load expects {name, content} or {name, bytes} files: file 2 (\"notes.txt\") has no \"content\", \"bytes\", \"records\" or \"failure\""
    );
    assert_eq!(
        message(serde_json::json!([{"name": "b.txt", "content": 3}])),
        "load expects {name, content} or {name, bytes} files: the \"content\" of file 1 (\"b.txt\") is a number, not a string"
    );
    assert_eq!(
        message(serde_json::json!([ok, ok, {"content": "x"}])),
        "load expects {name, content} or {name, bytes} files: file 3 has no \"name\""
    );
    assert_eq!(
        message(serde_json::json!(["a.txt"])),
        "load expects {name, content} or {name, bytes} files: file 1 is a string, not an object"
    );
}

#[test]
fn bytes_are_decoded_strictly_and_named_where_they_stop_being_text() {
    let text = |bytes: &[u8]| {
        SourceFile::from_bytes("a.txt", bytes.to_vec())
            .text()
            .map(str::to_string)
    };
    assert_eq!(
        text(b"\xef\xbb\xbfPutin\xe2\x80\x99s").unwrap(),
        "Putin\u{2019}s"
    );
    assert_eq!(text(b"\xff\xfeP\x00\x19\x20").unwrap(), "P\u{2019}");
    assert_eq!(text(b"\xfe\xff\x00P\x20\x19").unwrap(), "P\u{2019}");
    let error = |bytes: &[u8]| text(bytes).unwrap_err().to_string();
    // Windows-1252's closing quote, 0x92, is not UTF-8.
    assert_eq!(
        error(b"Putin\x92s"),
        "a.txt: it is not UTF-8 text (the bytes from offset 5 are not valid UTF-8); save it as UTF-8 and load it again"
    );
    // A lone surrogate, then an odd trailing byte.
    assert!(
        error(b"\xff\xfeP\x00\x00\xd8P\x00").contains("UTF-16LE text (the bytes from offset 4 ")
    );
    assert!(error(b"\xff\xfeP\x00P").contains("from offset 4 "));
}

#[test]
fn file_objects_with_two_bodies_or_unknown_fields_are_refused() {
    let message = |value: Value| SourceFile::from_value(1, value).unwrap_err().to_string();
    assert_eq!(
        message(serde_json::json!({"name": "a.txt", "content": "A.", "records": []})),
        "load expects {name, content} or {name, bytes} files: file 1 (\"a.txt\") has more than one of \"content\", \"bytes\", \"records\" or \"failure\""
    );
    assert!(
        message(serde_json::json!({"name": "a.txt", "content": "A.", "colour": 1}))
            .contains("unknown field \"colour\"")
    );
    assert!(
        message(serde_json::json!({"name": "a.txt", "records": "x"}))
            .contains("the \"records\" of file 1 (\"a.txt\") is a string, not an array")
    );
}
