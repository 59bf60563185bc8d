//! Properties over random text: astral characters, combining marks,
//! right-to-left runs, zero-width characters and CRLF line ends mixed with
//! the names and words of the seeds. Every offset handed to JavaScript must
//! slice its text there as `text.slice(start, end)` does.

use corpus_lens::text::{self, Utf16Index};
use corpus_lens::{
    CooccurrenceOptions, Corpus, EvidenceOptions, KwicOptions, LoadOptions, SearchOptions, Unit,
};
use proptest::prelude::*;
use serde_json::json;

/// Few cases each: the whole file runs in a few seconds.
const CASES: u32 = 96;

/// The pieces random texts are made of.
const PIECES: &[&str] = &[
    "Vladimir Putin",
    "Yoshiro Mori",
    "Putin",
    "Mori",
    "Tokyo",
    "Moscow",
    "the Kuril Islands",
    "peace",
    "treaty",
    "talks",
    "Russian-Japanese",
    "U.S.",
    "9,000",
    "on April 29",
    "(Kyodo, November 21)",
    "𝒳",
    "😀",
    "𠀋",
    "e\u{301}",
    "Zu\u{308}rich",
    "\u{5de}\u{5d5}\u{5e1}\u{5e7}\u{5d1}\u{5d4}",
    "\u{627}\u{644}\u{639}\u{631}\u{628}\u{64a}\u{629}",
    "\u{200f}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\r\n",
    "\r\n\r\n",
    "\n\n",
    ". ",
    ", ",
    "’s ",
    "“",
    "”",
    " – ",
    " ",
    " ",
];

/// A text of up to `max` pieces.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..max).prop_map(|pieces| {
        pieces.into_iter().fold(String::new(), |mut text, piece| {
            if !text.is_empty() && piece.chars().all(char::is_alphanumeric) {
                text.push(' ');
            }
            text.push_str(piece);
            text
        })
    })
}

/// A corpus of the given texts, or `None` when none has a word to index.
fn corpus(texts: &[String]) -> Option<Corpus> {
    let records = texts
        .iter()
        .map(|t| json!({ "text": format!("Putin. {t}") }))
        .collect();
    Corpus::from_records(records, &LoadOptions::default()).ok()
}

/// `text.slice(start, end)` in JavaScript, checking that neither end splits
/// a surrogate pair.
fn slice_utf16(text: &str, start: usize, end: usize) -> Result<String, TestCaseError> {
    let units: Vec<u16> = text.encode_utf16().collect();
    prop_assert!(
        start <= end && end <= units.len(),
        "{start}..{end} of {}",
        units.len()
    );
    for at in [start, end] {
        let low = units.get(at).is_some_and(|u| (0xDC00..0xE000).contains(u));
        prop_assert!(!low, "offset {at} splits a surrogate pair in {text:?}");
    }
    String::from_utf16(&units[start..end]).map_err(|e| TestCaseError::fail(e.to_string()))
}

/// Whitespace as spaces, as snippets and concordance lines show it.
fn flatten(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Token, sentence and paragraph offsets convert to UTF-16 and back.
    #[test]
    fn offsets_are_utf16_and_round_trip(text in text(40)) {
        let index = Utf16Index::new(&text);
        prop_assert_eq!(index.len_utf16(&text), text.encode_utf16().count());
        for (byte, _) in text.char_indices() {
            prop_assert_eq!(index.utf16(byte), text[..byte].encode_utf16().count());
        }
        let paragraphs = text::paragraphs(&text);
        let sentences = text::sentences(&text, &paragraphs);
        let tokens = text::tokens(&text);
        for span in paragraphs.iter().chain(&sentences).chain(&tokens) {
            let bytes = text.get(span.start..span.end);
            prop_assert!(bytes.is_some(), "{:?} splits a character of {:?}", span, text);
            let wide = index.span(*span);
            prop_assert_eq!(slice_utf16(&text, wide.start, wide.end)?, bytes.unwrap_or(""));
        }
    }

    /// Every hit is a span of its document, every highlight a span of its
    /// snippet, and what is highlighted is a word of the query's.
    #[test]
    fn search_highlights_slice_the_snippet(
        texts in prop::collection::vec(text(30), 1..4),
        unit in prop::sample::select(&[Unit::Document, Unit::Paragraph, Unit::Sentence][..]),
        query in prop::sample::select(&["putin", "mori tokyo", "\"peace treaty\"", "kuril*", "japanese OR zurich"][..]),
        length in 0usize..120,
    ) {
        let Some(corpus) = corpus(&texts) else { return Ok(()) };
        let options = SearchOptions { unit, snippet_length: length, limit: 50, ..SearchOptions::default() };
        let results = corpus.search(query, &options).unwrap();
        for hit in &results.hits {
            let doc = corpus.document(&hit.doc_id).unwrap();
            slice_utf16(&doc.text, hit.start, hit.end)?;
            for highlight in &hit.snippet.highlights {
                let marked = slice_utf16(&hit.snippet.text, highlight.start, highlight.end)?;
                prop_assert!(!marked.trim().is_empty(), "an empty highlight in {:?}", hit.snippet);
            }
        }
    }

    /// Every concordance line's offsets slice the document to its match,
    /// with its left and right context next to it.
    #[test]
    fn kwic_lines_slice_the_document(
        texts in prop::collection::vec(text(30), 1..4),
        query in prop::sample::select(&["putin", "mori", "\"peace treaty\"", "kuril*", "zurich"][..]),
        width in 1usize..30,
    ) {
        let Some(corpus) = corpus(&texts) else { return Ok(()) };
        let options = KwicOptions { width, ..KwicOptions::default() };
        let kwic = corpus.kwic(query, &options).unwrap();
        prop_assert!(!kwic.lines.is_empty() || query != "putin");
        for line in &kwic.lines {
            let doc = corpus.document(&line.doc_id).unwrap();
            let units = doc.text.encode_utf16().count();
            prop_assert_eq!(flatten(&slice_utf16(&doc.text, line.start, line.end)?), line.matched.clone());
            let before = flatten(&slice_utf16(&doc.text, 0, line.start)?);
            let after = flatten(&slice_utf16(&doc.text, line.end, units)?);
            prop_assert!(before.ends_with(&line.left), "{:?} is not before {:?}", line.left, line.matched);
            prop_assert!(after.starts_with(&line.right), "{:?} is not after {:?}", line.right, line.matched);
        }
    }

    /// The evidence of every edge: as many units as the edge counts, each a
    /// span of its document holding a mention of both entities.
    #[test]
    fn cooccurrence_evidence_units_contain_both_entities(
        texts in prop::collection::vec(text(40), 1..4),
        unit in prop::sample::select(&["sentence", "paragraph", "document", "window"][..]),
    ) {
        let Some(corpus) = corpus(&texts) else { return Ok(()) };
        let unit: corpus_lens::CooccurUnit = serde_json::from_value(json!(unit)).unwrap();
        let options = CooccurrenceOptions { unit, ..CooccurrenceOptions::default() };
        let network = corpus.cooccurrence(&options).unwrap();
        for edge in network.edges.iter().take(6) {
            let options = EvidenceOptions { unit, ..EvidenceOptions::default() };
            let units = corpus.evidence(&edge.source, &edge.target, &options).unwrap();
            prop_assert_eq!(units.len() as u64, edge.count);
            for evidence in &units {
                let doc = corpus.document(&evidence.doc_id).unwrap();
                prop_assert_eq!(slice_utf16(&doc.text, evidence.start, evidence.end)?, evidence.text.clone());
                for id in [&edge.source, &edge.target] {
                    prop_assert!(evidence.mentions.iter().any(|m| &m.entity_id == id), "no {} in {:?}", id, evidence.text);
                }
                for mention in &evidence.mentions {
                    slice_utf16(&doc.text, mention.start, mention.end)?;
                    prop_assert!(evidence.start <= mention.start && mention.end <= evidence.end);
                }
            }
        }
    }
}
