//! Counting: which documents take part, which mentions fall in which unit,
//! and how often each entity and each pair occurs.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::duplicates::unit_key;
use crate::text::Span;

/// What counts as being together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CooccurUnit {
    /// The same sentence (the default).
    #[default]
    Sentence,
    /// The same paragraph.
    Paragraph,
    /// The same document.
    Document,
    /// At most `window` tokens apart, in the same document.
    Window,
}

impl CooccurUnit {
    /// The lower-case name used in options and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            CooccurUnit::Sentence => "sentence",
            CooccurUnit::Paragraph => "paragraph",
            CooccurUnit::Document => "document",
            CooccurUnit::Window => "window",
        }
    }
}

/// A mention: its byte span and entity number.
pub(crate) type Mention = (Span, usize);

/// Frequencies of entities and pairs over the units of a scope.
#[derive(Debug, Default)]
pub(crate) struct Counts {
    /// Units (sentences, paragraphs, documents; tokens for windows).
    pub units: u64,
    /// Per entity number: units holding it (mentions, for windows).
    pub freq: Vec<u64>,
    /// Per pair of entity numbers (smaller first): units holding both
    /// (mention pairs within the window, for windows).
    pub pairs: FxHashMap<(u32, u32), u64>,
}

impl Counts {
    fn pair(&mut self, a: usize, b: usize) {
        let key = if a < b { (a, b) } else { (b, a) };
        *self.pairs.entry((key.0 as u32, key.1 as u32)).or_default() += 1;
    }
}

/// The spans of a document's units (documents: the whole text).
pub(crate) fn unit_spans(doc: &Document, unit: CooccurUnit) -> Vec<Span> {
    match unit {
        CooccurUnit::Sentence | CooccurUnit::Window => doc.sentences.clone(),
        CooccurUnit::Paragraph => doc.paragraphs.clone(),
        CooccurUnit::Document => vec![Span::new(0, doc.text.len())],
    }
}

/// Calls `f` with each unit that holds a mention, and its mentions (those
/// `allowed`), in text order. A mention belongs to the unit its start is in.
pub(crate) fn for_each_unit(
    spans: &[Span],
    mentions: &[Mention],
    allowed: &[bool],
    mut f: impl FnMut(usize, &[Mention]),
) {
    let mut members: Vec<Mention> = Vec::new();
    let mut current = usize::MAX;
    let mut u = 0;
    for &(span, e) in mentions {
        if !allowed.get(e).copied().unwrap_or(false) {
            continue;
        }
        while u + 1 < spans.len() && spans[u].end <= span.start {
            u += 1;
        }
        if u != current && !members.is_empty() {
            f(current, &members);
            members.clear();
        }
        current = u;
        members.push((span, e));
    }
    if !members.is_empty() {
        f(current, &members);
    }
}

/// Whether each of `spans` is counted: all of them, or with `seen` (the
/// keys of the units counted so far) those whose words are new.
pub(crate) fn fresh_units(
    doc: &Document,
    spans: &[Span],
    seen: Option<&mut FxHashSet<u64>>,
) -> Vec<bool> {
    match seen {
        None => vec![true; spans.len()],
        Some(seen) => spans
            .iter()
            .map(|span| seen.insert(unit_key(span.of(&doc.text))))
            .collect(),
    }
}

/// Adds one document's units (sentence, paragraph or document) to `counts`;
/// with `seen`, only the units whose words no unit counted before had.
pub(crate) fn count_units(
    doc: &Document,
    mentions: &[Mention],
    allowed: &[bool],
    unit: CooccurUnit,
    seen: Option<&mut FxHashSet<u64>>,
    counts: &mut Counts,
) {
    let spans = unit_spans(doc, unit);
    let fresh = fresh_units(doc, &spans, seen);
    counts.units += fresh.iter().filter(|&&f| f).count() as u64;
    let mut distinct: Vec<usize> = Vec::new();
    for_each_unit(&spans, mentions, allowed, |u, members| {
        if !fresh.get(u).copied().unwrap_or(true) {
            return;
        }
        distinct.clear();
        distinct.extend(members.iter().map(|m| m.1));
        distinct.sort_unstable();
        distinct.dedup();
        for (i, &a) in distinct.iter().enumerate() {
            counts.freq[a] += 1;
            for &b in &distinct[i + 1..] {
                counts.pair(a, b);
            }
        }
    });
}

/// The first and last token number of each mention (`allowed` ones only),
/// from the document's cached ranges (`tokens`, one per mention).
pub(crate) fn token_ranges(
    mentions: &[Mention],
    tokens: &[(usize, usize)],
    allowed: &[bool],
) -> Vec<(Mention, usize, usize)> {
    mentions
        .iter()
        .zip(tokens)
        .filter(|(m, _)| allowed.get(m.1).copied().unwrap_or(false))
        .map(|(&mention, &(first, last))| (mention, first, last))
        .collect()
}

/// Calls `f` with every pair of mentions of distinct entities whose gap
/// (tokens from the end of the first to the start of the second) is at most
/// `window`, the first starting no later than the second.
pub(crate) fn for_each_window_pair(
    ranges: &[(Mention, usize, usize)],
    window: usize,
    mut f: impl FnMut(Mention, Mention),
) {
    for (i, &(a, _, last)) in ranges.iter().enumerate() {
        for &(b, first, _) in &ranges[i + 1..] {
            if first > last + window {
                break;
            }
            if a.1 != b.1 {
                f(a, b);
            }
        }
    }
}

/// Adds one document's mention pairs within `window` tokens to `counts`;
/// its tokens are the units, its mentions the frequencies.
pub(crate) fn count_window(
    doc: &Document,
    (mentions, tokens): (&[Mention], &[(usize, usize)]),
    allowed: &[bool],
    window: usize,
    counts: &mut Counts,
) {
    counts.units += doc.words as u64;
    let ranges = token_ranges(mentions, tokens, allowed);
    for &((_, e), _, _) in &ranges {
        counts.freq[e] += 1;
    }
    for_each_window_pair(&ranges, window, |a, b| counts.pair(a.1, b.1));
}
