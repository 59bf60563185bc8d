//! What the fuzz targets share: the corpora they search and the checks of
//! the invariants every result must keep.
//!
//! Each check panics with a message naming the broken invariant, which is
//! what libFuzzer reports as a crash.

use std::sync::OnceLock;

use corpus_lens::{Corpus, Error, ErrorKind, LoadOptions, SourceFile};

/// The five embedded seed articles, parsed once per fuzzing process.
pub fn seeds() -> &'static Corpus {
    static SEEDS: OnceLock<Corpus> = OnceLock::new();
    SEEDS.get_or_init(|| Corpus::embedded().unwrap_or_else(|e| panic!("the seeds load: {e}")))
}

/// A small corpus with metadata fields, two dated documents, an astral
/// character and a combining mark: cheap enough to build per input.
pub fn small() -> Corpus {
    let files = [
        SourceFile::new(
            "two-articles.txt",
            "Publication: Monitor Volume: 6 Issue: 74\n\nPutin met Mori in Tokyo on April 29. They talked about the Kuril Islands.\n\nPublication: Eurasia Daily Monitor Volume: 2 Issue: 217\n\nKoizumi met Putin in Moscow (Kyodo, November 21). Ivanov said 𝒳 and Zu\u{308}rich.\r\n",
        ),
        SourceFile::new(
            "records.jsonl",
            "{\"id\": \"j1\", \"text\": \"Lavrov visited Japan. The WTO welcomed it.\", \"date\": \"2004-11\", \"author\": \"Smith\"}\n",
        ),
    ];
    Corpus::load(&files, &LoadOptions::default())
        .unwrap_or_else(|e| panic!("the small corpus loads: {e}"))
}

/// The part of `text` between two UTF-16 offsets, as JavaScript's
/// `text.slice(start, end)` returns it; panics unless both offsets are in
/// range, in order, and not inside a surrogate pair.
pub fn slice_utf16(text: &str, start: usize, end: usize, what: &str) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert!(
        start <= end && end <= units.len(),
        "{what}: {start}..{end} is not a span of a text of {} UTF-16 units",
        units.len()
    );
    for at in [start, end] {
        let low = units.get(at).is_some_and(|u| (0xDC00..0xE000).contains(u));
        assert!(!low, "{what}: offset {at} splits a surrogate pair");
    }
    String::from_utf16(&units[start..end])
        .unwrap_or_else(|_| panic!("{what}: {start}..{end} is not valid UTF-16"))
}

/// Panics unless `text` contains `.., position N ..` with N within `query`.
pub fn check_positions(message: &str, query: &str) {
    let length = query.encode_utf16().count();
    for (i, _) in message.match_indices("position ") {
        let digits: String = message[i + "position ".len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(position) = digits.parse::<usize>() {
            assert!(
                position <= length,
                "the error {message:?} names position {position} of a query {length} units long"
            );
        }
    }
}

/// Panics unless an error reads as one: a non-empty message of one line.
pub fn check_error(error: &Error) {
    let message = error.to_string();
    assert!(
        !message.trim().is_empty(),
        "an empty error message: {error:?}"
    );
    if let ErrorKind::InvalidQuery { .. } | ErrorKind::InvalidArgument { .. } = error.kind() {
        assert!(
            !message.contains('\n'),
            "an error message of several lines: {message:?}"
        );
    }
}

/// Panics unless every document's paragraphs and sentences are in order,
/// inside its text, on character boundaries, and survive the conversion to
/// UTF-16.
pub fn check_documents(corpus: &Corpus) {
    for doc in corpus.documents() {
        assert!(
            !doc.text.trim().is_empty(),
            "document {:?} has no text",
            doc.id
        );
        for spans in [&doc.paragraphs, &doc.sentences] {
            let mut previous = 0;
            for span in spans {
                assert!(
                    previous <= span.start && span.start <= span.end && span.end <= doc.text.len(),
                    "document {:?}: span {span:?} out of order or out of the text",
                    doc.id
                );
                let bytes = doc.text.get(span.start..span.end);
                let bytes = bytes.unwrap_or_else(|| {
                    panic!("document {:?}: span {span:?} splits a character", doc.id)
                });
                let wide = doc.utf16_span(*span);
                let sliced = slice_utf16(&doc.text, wide.start, wide.end, "a document span");
                assert_eq!(sliced, bytes, "document {:?}: UTF-16 span {wide:?}", doc.id);
                previous = span.end;
            }
        }
        assert_eq!(doc.chars(), doc.text.encode_utf16().count());
    }
}
