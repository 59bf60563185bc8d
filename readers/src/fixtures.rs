//! Files the tests build: ZIP archives, gzip files and Word documents.

use std::io::{Cursor, Write};

use flate2::write::GzEncoder;
use flate2::Compression;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::{Content, Read, Record};

/// A ZIP archive of `members`, deflated; a path ending in `/` is a folder.
pub(crate) fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with(members, CompressionMethod::Deflated)
}

/// A ZIP archive of `members`, compressed by `method`.
pub(crate) fn zip_with(members: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method);
    for (path, bytes) in members {
        if let Some(folder) = path.strip_suffix('/') {
            writer.add_directory(folder, options).unwrap();
        } else {
            writer.start_file(*path, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
    }
    writer.finish().unwrap().into_inner()
}

/// `bytes` gzipped.
pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// A Word file of `document.xml`'s body and `core.xml` (if any).
pub(crate) fn docx(body: &str, core: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut members: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document.as_bytes()),
    ];
    if let Some(core) = core {
        members.push(("docProps/core.xml", core.as_bytes()));
    }
    zip(&members)
}

/// The records of a read, or a panic naming what it holds instead.
pub(crate) fn records(read: &Read) -> &[Record] {
    match &read.content {
        Content::Records(records) => records,
        other => panic!("{} holds {other:?}, not records", read.name),
    }
}

/// The failure's kind and message, or a panic.
pub(crate) fn failure(read: &Read) -> (&str, &str) {
    match &read.content {
        Content::Failure(failure) => (failure.kind, &failure.message),
        other => panic!("{} holds {other:?}, not a failure", read.name),
    }
}

/// The text of a read in one of the engine's formats, or a panic.
pub(crate) fn text(read: &Read) -> &str {
    match &read.content {
        Content::Content(text) => text,
        other => panic!("{} holds {other:?}, not text", read.name),
    }
}

/// The messages of a read's warnings, for comparing with the expected.
pub(crate) fn messages(read: &Read) -> Vec<&str> {
    read.warnings.iter().map(|w| w.message.as_str()).collect()
}
