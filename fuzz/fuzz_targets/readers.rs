//! The readers of the formats the engine does not read itself (the
//! `corpus-lens-readers` module): the first byte picks the extension (html,
//! xml, docx, zip, gz, txt, csv, jsonl), the rest is the file's bytes. A
//! gzip file is called `input.jsonl.gz`, so that what it holds is read on.
//!
//! Invariants: no panic, and no allocation past libFuzzer's limit (the
//! decompressed limit bounds what archives inflate); every read is named
//! after the file (a gzip file's without its `.gz`), and a member of an
//! archive keeps the folders of its name as its folder; a failure has a
//! kind and a message; every record has a non-empty text.
#![no_main]

use corpus_lens_readers::{read, Content};
use libfuzzer_sys::fuzz_target;

const EXTENSIONS: [&str; 8] = [
    "html", "xml", "docx", "zip", "jsonl.gz", "txt", "csv", "jsonl",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = format!("input.{}", EXTENSIONS[usize::from(pick) % EXTENSIONS.len()]);
    // What a gzip file holds is named without the `.gz`.
    let stem = name.strip_suffix(".gz").unwrap_or(&name);
    for read in read(&name, bytes) {
        assert!(
            read.name == name || read.name.starts_with(stem),
            "the read {:?} is not named after the file {name:?}",
            read.name
        );
        if let Some(folder) = &read.folder {
            assert!(!folder.is_empty(), "an empty folder in {:?}", read.name);
            assert!(
                read.name.contains(&format!("/{folder}/")),
                "the folder {folder:?} is not in the name {:?}",
                read.name
            );
        }
        match &read.content {
            Content::Failure(failure) => {
                assert!(!failure.kind.is_empty(), "a failure without a kind");
                assert!(
                    !failure.message.trim().is_empty(),
                    "a failure of kind {} without a message",
                    failure.kind
                );
            }
            Content::Records(records) => {
                for record in records {
                    let text = record.get("text").and_then(|text| text.as_str());
                    assert!(
                        text.is_some_and(|text| !text.trim().is_empty()),
                        "a record without text: {record:?}"
                    );
                }
            }
            Content::Content(_) => {}
            // Only a build without the pdf feature leaves bytes; this one has it.
            Content::Bytes(_) => panic!(
                "PDF bytes left unread by a build that reads PDF: {:?}",
                read.name
            ),
        }
    }
});
