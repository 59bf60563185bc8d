//! Keyword in context: every match with the words on either side.

use serde::{Deserialize, Serialize};

use super::{eval, resolve, scored_occurrences};
use crate::corpus::Corpus;
use crate::error::Error;
use crate::options::check_range;
use crate::text::{self, Span};

/// How concordance lines are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KwicSort {
    /// By document, then position (the default).
    #[default]
    Document,
    /// By the words just before the match, nearest first.
    Left,
    /// By the words just after the match.
    Right,
}

/// Options of [`Corpus::kwic`].
#[derive(Clone, Debug, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct KwicOptions {
    /// Characters of context on each side, 1 to 1,000 (default 40).
    pub width: usize,
    /// Lines to return, 1 to 100,000 (default 100).
    pub limit: usize,
    /// Line order (default `document`).
    pub sort: KwicSort,
    /// Only this document's matches (the reader marks them); absent: all.
    pub doc_id: Option<String>,
}

impl Default for KwicOptions {
    fn default() -> KwicOptions {
        KwicOptions {
            width: 40,
            limit: 100,
            sort: KwicSort::Document,
            doc_id: None,
        }
    }
}

/// A concordance.
#[derive(Clone, Debug, Serialize)]
pub struct Kwic {
    /// How many matches there are in all.
    pub total: usize,
    /// The lines, at most `limit`.
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
    let mut total = 0;
    let mut lines = Vec::new();
    for doc in docs {
        let occurrences = scored_occurrences(&resolved.leaves, index, doc);
        total += occurrences.len();
        let enough = options.sort == KwicSort::Document && lines.len() >= options.limit;
        if !enough && !occurrences.is_empty() {
            add_lines(corpus, doc, &occurrences, options.width, &mut lines);
        }
    }
    sort_lines(&mut lines, options.sort);
    lines.truncate(options.limit);
    Ok(Kwic { total, lines })
}

fn add_lines(
    corpus: &Corpus,
    doc: u32,
    occurrences: &[(eval::Occurrence, usize)],
    width: usize,
    lines: &mut Vec<KwicLine>,
) {
    let Some(document) = corpus.documents().get(doc as usize) else {
        return;
    };
    let text = &document.text;
    let tokens = text::tokens(text);
    for &((s, e), _) in occurrences {
        let (Some(first), Some(last)) = (tokens.get(s as usize), tokens.get(e as usize)) else {
            continue;
        };
        let span = Span::new(first.start, last.end);
        let utf16 = document.utf16_span(span);
        lines.push(KwicLine {
            doc_id: document.id.clone(),
            start: utf16.start,
            end: utf16.end,
            left: flatten(tail_chars(&text[..span.start], width)),
            matched: flatten(span.of(text)),
            right: flatten(head_chars(&text[span.end..], width)),
        });
    }
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

fn sort_lines(lines: &mut [KwicLine], sort: KwicSort) {
    match sort {
        KwicSort::Document => {}
        KwicSort::Right => lines.sort_by_cached_key(|l| {
            (
                l.right.trim_start().to_lowercase(),
                l.doc_id.clone(),
                l.start,
            )
        }),
        KwicSort::Left => lines.sort_by_cached_key(|l| {
            let words: Vec<String> = l
                .left
                .split_whitespace()
                .rev()
                .map(str::to_lowercase)
                .collect();
            (words, l.doc_id.clone(), l.start)
        }),
    }
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
