//! PDF: any bytes, read as a `.pdf` by the readers module.
//!
//! Invariants: no panic (with panic=abort on wasm, one would take the whole
//! readers module down); a file read is one record whose text is neither
//! empty nor padded, whose paragraphs are separated by one blank line and
//! hold no control character; a file not read fails with one of the three
//! kinds, with a message.
#![no_main]

use corpus_lens_readers::{read_pdf, Content};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (content, warnings) = read_pdf(data);
    match content {
        Content::Records(records) => {
            assert_eq!(records.len(), 1, "a PDF is one record");
            let text = records[0]["text"].as_str().unwrap_or_default();
            assert!(!text.is_empty(), "a record without text");
            assert_eq!(text, text.trim(), "padded text");
            assert!(!text.contains("\n\n\n"), "more than one blank line");
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "a control character in {text:?}"
            );
            for paragraph in text.split("\n\n") {
                assert!(!paragraph.contains('\n'), "a line break in a page");
                assert!(!paragraph.trim().is_empty(), "an empty page kept");
            }
            for field in ["title", "author", "date"] {
                if let Some(value) = records[0].get(field) {
                    assert!(value.as_str().is_some_and(|v| !v.is_empty()), "{field}");
                }
            }
        }
        Content::Failure(failure) => {
            assert!(
                ["damaged-pdf", "encrypted", "no-text-layer"].contains(&failure.kind),
                "{failure:?}"
            );
            assert!(!failure.message.is_empty());
            assert!(warnings.is_empty(), "a failure with warnings");
        }
        Content::Content(_) => panic!("a PDF read as text"),
        Content::Bytes(_) => panic!("a PDF left unread"),
    }
    for warning in warnings {
        assert!(!warning.message.is_empty(), "{warning:?}");
    }
});
