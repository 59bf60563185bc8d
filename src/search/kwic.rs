//! Keyword in context: every match with the words on either side.

use serde::{Deserialize, Serialize};

use super::{eval, resolve, scored_occurrences};
use crate::corpus::Corpus;
use crate::error::{Error, ErrorKind};
use crate::options::check_range;
use crate::text::{self, Span};

/// One level of a concordance's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KwicSort {
    /// By document, then position (the default).
    #[default]
    Document,
    /// By the words before the match, nearest first.
    Left,
    /// By the words after the match.
    Right,
    /// By the matched words.
    Match,
    /// By the `n`th word before the match (`"1L"` to `"5L"`).
    Before(u8),
    /// By the `n`th word after the match (`"1R"` to `"5R"`).
    After(u8),
}

/// The furthest word from the match a sort level may name.
const MAX_REACH: u8 = 5;

/// The most levels an order may have (as AntConc has).
pub const MAX_SORT_LEVELS: usize = 3;

impl std::str::FromStr for KwicSort {
    type Err = String;

    fn from_str(key: &str) -> Result<KwicSort, String> {
        let reach = |n: &str| n.parse::<u8>().ok().filter(|n| (1..=MAX_REACH).contains(n));
        match key {
            "document" => Ok(KwicSort::Document),
            "left" => Ok(KwicSort::Left),
            "right" => Ok(KwicSort::Right),
            "match" => Ok(KwicSort::Match),
            _ => key.strip_suffix('L').and_then(reach).map(KwicSort::Before)
                .or_else(|| key.strip_suffix('R').and_then(reach).map(KwicSort::After))
                .ok_or_else(|| format!(
                    "unknown sort key \"{key}\": expected document, left, right, match, 1L to {MAX_REACH}L or 1R to {MAX_REACH}R"
                )),
        }
    }
}

impl<'de> Deserialize<'de> for KwicSort {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<KwicSort, D::Error> {
        let key = String::deserialize(deserializer)?;
        key.parse().map_err(serde::de::Error::custom)
    }
}

/// A sort key, or a list of them, most significant first.
fn sort_levels<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<KwicSort>, D::Error> {
    struct Levels;
    impl<'de> serde::de::Visitor<'de> for Levels {
        type Value = Vec<KwicSort>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(
                f,
                "a sort key or a list of up to {MAX_SORT_LEVELS} sort keys"
            )
        }

        fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Self::Value, E> {
            Ok(vec![key.parse().map_err(E::custom)?])
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut levels = Vec::new();
            while let Some(level) = seq.next_element()? {
                levels.push(level);
            }
            Ok(levels)
        }
    }
    deserializer.deserialize_any(Levels)
}

/// Options of [`Corpus::kwic`].
#[derive(Clone, Debug, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct KwicOptions {
    /// Characters of context on each side, 1 to 1,000 (default 40).
    pub width: usize,
    /// Lines to return, 1 to 100,000 (default 100).
    pub limit: usize,
    /// Lines of the whole ordered concordance to skip first (default 0).
    pub offset: usize,
    /// Line order, most significant level first, at most 3 levels; ties go
    /// by document and position (default `document`).
    #[serde(deserialize_with = "sort_levels")]
    pub sort: Vec<KwicSort>,
    /// Only this document's matches (the reader marks them); absent: all.
    pub doc_id: Option<String>,
}

impl Default for KwicOptions {
    fn default() -> KwicOptions {
        KwicOptions {
            width: 40,
            limit: 100,
            offset: 0,
            sort: vec![KwicSort::Document],
            doc_id: None,
        }
    }
}

/// A concordance.
#[derive(Clone, Debug, Serialize)]
pub struct Kwic {
    /// How many matches there are in all.
    pub total: usize,
    /// The lines from `offset` on, at most `limit`.
    pub lines: Vec<KwicLine>,
}

/// One match in its context.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KwicLine {
    /// The document.
    pub doc_id: String,
    /// The match's span in the document text (UTF-16).
    pub start: usize,
    /// The end of the match (UTF-16).
    pub end: usize,
    /// Up to `width` characters before the match.
    pub left: String,
    /// The matched text.
    #[serde(rename = "match")]
    pub matched: String,
    /// Up to `width` characters after the match.
    pub right: String,
}

impl Corpus {
    /// Lists every match of `query` with its context.
    ///
    /// # Errors
    /// A malformed query or an option out of range.
    pub fn kwic(&self, query: &str, options: &KwicOptions) -> Result<Kwic, Error> {
        kwic(self, query, options)
    }
}

/// See [`Corpus::kwic`].
fn kwic(corpus: &Corpus, query: &str, options: &KwicOptions) -> Result<Kwic, Error> {
    check_range("width", options.width as f64, 1.0, 1000.0)?;
    check_range("limit", options.limit as f64, 1.0, 100_000.0)?;
    if options.sort.len() > MAX_SORT_LEVELS {
        return Err(ErrorKind::InvalidArgument {
            message: format!(
                "the option sort has {} levels; a concordance sorts by at most {MAX_SORT_LEVELS}",
                options.sort.len()
            ),
        }
        .into());
    }
    let only = match &options.doc_id {
        Some(id) => Some(corpus.document_number(id)? as u32),
        None => None,
    };
    let resolved = resolve(corpus, query)?;
    let index = corpus.index();
    let mut docs = eval::documents(
        &resolved.plan,
        &resolved.leaves,
        index.docs.len() as u32,
        false,
    );
    docs.retain(|&d| only.is_none_or(|only| d == only));
    let keyed = options.sort.iter().any(|&k| k != KwicSort::Document);
    let mut found: Vec<Found> = Vec::new();
    for doc in docs {
        let occurrences = scored_occurrences(&resolved.leaves, index, doc);
        if occurrences.is_empty() {
            continue;
        }
        let text = document_text(corpus, doc);
        let tokens = if keyed {
            text::tokens(text)
        } else {
            Vec::new()
        };
        found.extend(occurrences.iter().map(|&((s, e), _)| Found {
            doc,
            first: s,
            last: e,
            key: if keyed {
                sort_key(&options.sort, text, &tokens, doc, (s, e))
            } else {
                Vec::new()
            },
        }));
    }
    if keyed {
        // Stable: ties stay in document order.
        found.sort_by(|a, b| a.key.cmp(&b.key));
    }
    let total = found.len();
    let page = found
        .get(options.offset.min(total)..total)
        .unwrap_or_default()
        .iter()
        .take(options.limit);
    let mut lines = Vec::new();
    let mut tokens: Option<(u32, Vec<Span>)> = None;
    for line in page {
        if tokens.as_ref().is_none_or(|(doc, _)| *doc != line.doc) {
            tokens = Some((line.doc, text::tokens(document_text(corpus, line.doc))));
        }
        let spans = tokens
            .as_ref()
            .map_or(&[][..], |(_, spans)| spans.as_slice());
        lines.extend(kwic_line(corpus, line, spans, options.width));
    }
    Ok(Kwic { total, lines })
}

/// A match, with its place in the order.
struct Found {
    doc: u32,
    first: u32,
    last: u32,
    key: Vec<SortValue>,
}

/// One level of a line's sort key: words compare as folded text, a
/// document and position by number.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    Words(Vec<String>),
    Place(u32, u32),
}

/// The words around the match a context level reads.
const CONTEXT_WORDS: usize = 8;

fn document_text(corpus: &Corpus, doc: u32) -> &str {
    corpus
        .documents()
        .get(doc as usize)
        .map_or("", |d| d.text.as_str())
}

/// A match's sort key: the words each level reads, folded (only those).
fn sort_key(
    levels: &[KwicSort],
    text: &str,
    tokens: &[Span],
    doc: u32,
    (first, last): (u32, u32),
) -> Vec<SortValue> {
    let (first, last) = (first as usize, last as usize);
    let word = |i: usize| {
        let mut folded = String::new();
        if let Some(token) = tokens.get(i) {
            text::fold(token.of(text), &mut folded);
        }
        folded
    };
    let before = |n: usize| (first.saturating_sub(n)..first).rev().map(word).collect();
    let after = |n: usize| {
        (last + 1..(last + 1 + n).min(tokens.len()))
            .map(word)
            .collect()
    };
    let nth = |i: Option<usize>| {
        i.filter(|&i| i < tokens.len())
            .map(word)
            .into_iter()
            .collect()
    };
    levels
        .iter()
        .map(|level| match *level {
            KwicSort::Document => SortValue::Place(doc, first as u32),
            KwicSort::Left => SortValue::Words(before(CONTEXT_WORDS)),
            KwicSort::Right => SortValue::Words(after(CONTEXT_WORDS)),
            KwicSort::Match => SortValue::Words((first..=last).map(word).collect()),
            KwicSort::Before(n) => SortValue::Words(nth(first.checked_sub(usize::from(n)))),
            KwicSort::After(n) => SortValue::Words(nth(Some(last + usize::from(n)))),
        })
        .collect()
}

fn kwic_line(corpus: &Corpus, line: &Found, tokens: &[Span], width: usize) -> Option<KwicLine> {
    let document = corpus.documents().get(line.doc as usize)?;
    let text = &document.text;
    let (first, last) = (
        tokens.get(line.first as usize)?,
        tokens.get(line.last as usize)?,
    );
    let span = Span::new(first.start, last.end);
    let utf16 = document.utf16_span(span);
    Some(KwicLine {
        doc_id: document.id.clone(),
        start: utf16.start,
        end: utf16.end,
        left: flatten(tail_chars(&text[..span.start], width)),
        matched: flatten(span.of(text)),
        right: flatten(head_chars(&text[span.end..], width)),
    })
}

fn head_chars(text: &str, n: usize) -> &str {
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

fn tail_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &text[start..]
}

/// Line breaks and tabs as spaces, so that lines align.
fn flatten(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_cut_in_characters() {
        assert_eq!(head_chars("Mori’s visit", 6), "Mori’s");
        assert_eq!(tail_chars("visit to Moscow", 6), "Moscow");
        assert_eq!(tail_chars("ab", 6), "ab");
    }
}
