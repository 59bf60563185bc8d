//! Snippets: a passage of a hit with its matches marked.

use serde::Serialize;

use super::eval::Occurrence;
use crate::document::Document;
use crate::index::Index;
use crate::text::Span;

/// A passage of a document with the matches in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Snippet {
    /// The passage, with `…` where it was cut and line breaks as spaces.
    pub text: String,
    /// The matches, as UTF-16 offsets into `text`.
    pub highlights: Vec<Span>,
}

/// Roughly how many characters a token with its space takes, to turn a
/// snippet length into a number of positions.
const CHARS_PER_TOKEN: usize = 6;

/// Builds the snippet of `region` (a byte span of `document` whose tokens
/// are the positions `positions`) around its best cluster of `occurrences`
/// (token positions tagged with their leaf, ascending).
pub(crate) fn build(
    index: &Index,
    doc: u32,
    document: &Document,
    region: (Span, (u32, u32)),
    occurrences: &[(Occurrence, usize)],
    length: usize,
) -> Snippet {
    let (region, (first, end)) = region;
    if length == 0 {
        return Snippet::default();
    }
    let inside: Vec<(Occurrence, usize)> = occurrences
        .iter()
        .copied()
        .filter(|&((s, e), _)| s >= first && e < end)
        .collect();
    let reach = (length / CHARS_PER_TOKEN).max(1) as u32;
    let anchor = best_anchor(&inside, reach as usize)
        .and_then(|i| inside.get(i))
        .map(|&((s, _), _)| s);
    // Only occurrences near the anchor can fall in the window: resolve just those.
    let near: Vec<Occurrence> = match anchor {
        Some(a) => inside
            .iter()
            .map(|&(o, _)| o)
            .filter(|&(s, e)| s + reach >= a && e <= a + 2 * reach)
            .collect(),
        None => Vec::new(),
    };
    let spans = byte_spans(index, doc, &document.text, &near);
    let window = if region.end - region.start <= length {
        region
    } else {
        let anchor_byte = anchor
            .and_then(|a| near.iter().position(|&(s, _)| s == a))
            .and_then(|i| spans.get(i));
        window_around(
            &document.text,
            region,
            anchor_byte.map_or(region.start, |span| span.start),
            length,
        )
    };
    render(&document.text, region, window, &spans)
}

/// The byte spans of ascending occurrences, found in one walk over the tokens.
fn byte_spans(index: &Index, doc: u32, text: &str, occurrences: &[Occurrence]) -> Vec<Span> {
    let Some(&(from, _)) = occurrences.first() else {
        return Vec::new();
    };
    let last = occurrences.iter().map(|&(_, e)| e).max().unwrap_or(from);
    let tokens: Vec<Span> = index
        .token_spans(doc, text, from)
        .take((last - from + 1) as usize)
        .collect();
    occurrences
        .iter()
        .filter_map(|&(s, e)| {
            let first = tokens.get((s - from) as usize)?;
            let last = tokens.get((e - from) as usize)?;
            Some(Span::new(first.start, last.end))
        })
        .collect()
}

/// The occurrence starting the window (of `reach` positions) with the most
/// distinct leaves, earliest on ties.
fn best_anchor(occurrences: &[(Occurrence, usize)], reach: usize) -> Option<usize> {
    let leaves = occurrences.iter().map(|&(_, leaf)| leaf + 1).max()?;
    let mut counts = vec![0usize; leaves];
    let (mut distinct, mut end, mut best) = (0, 0, (0, 0));
    for (i, &((start, _), leaf)) in occurrences.iter().enumerate() {
        while let Some(&(_, next)) = occurrences
            .get(end)
            .filter(|((s, _), _)| (*s - start) as usize <= reach)
        {
            counts[next] += 1;
            distinct += usize::from(counts[next] == 1);
            end += 1;
        }
        if distinct > best.1 {
            best = (i, distinct);
        }
        counts[leaf] -= 1;
        distinct -= usize::from(counts[leaf] == 0);
    }
    Some(best.0)
}

/// A window of about `length` bytes inside `region`, starting a little
/// before `anchor` and cut at spaces.
fn window_around(text: &str, region: Span, anchor: usize, length: usize) -> Span {
    // Start a quarter of the length before the anchor, or earlier near the end.
    let latest_start = region.end.saturating_sub(length).max(region.start);
    let mut start = text.floor_char_boundary(
        anchor
            .saturating_sub(length / 4)
            .clamp(region.start, latest_start),
    );
    if start > region.start {
        if let Some(space) = text[start..anchor.max(start)].find(char::is_whitespace) {
            start += space + 1; // do not begin inside a word
        }
    }
    let mut end = text.ceil_char_boundary((start + length).min(region.end));
    if end < region.end {
        if let Some(space) = text[start..end].rfind(char::is_whitespace) {
            end = start + space; // nor end inside one
        }
    }
    Span::new(start, end.max(start))
}

fn render(text: &str, region: Span, window: Span, spans: &[Span]) -> Snippet {
    let mut out = String::new();
    if window.start > region.start {
        out.push('…');
    }
    let lead = out.encode_utf16().count();
    let body = window.of(text);
    out.extend(body.chars().map(|c| {
        if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        }
    }));
    if window.end < region.end {
        out.push('…');
    }
    let utf16 = |byte: usize| lead + text[window.start..byte].encode_utf16().count();
    let shown = spans
        .iter()
        .filter(|s| s.start >= window.start && s.end <= window.end);
    let highlights = merged(shown.copied())
        .iter()
        .map(|s| Span::new(utf16(s.start), utf16(s.end)))
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}

/// The spans sorted, overlapping ones joined: two words of a query can
/// match one compound ("putin mori" in "Putin-Mori"), and phrases can
/// overlap, but each stretch of text is marked once.
fn merged(spans: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut spans: Vec<Span> = spans.collect();
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_prefers_the_cluster_with_most_distinct_words() {
        let occurrences = [((1, 1), 0), ((40, 40), 0), ((42, 42), 1), ((90, 90), 0)];
        assert_eq!(best_anchor(&occurrences, 10), Some(1));
    }

    #[test]
    fn window_cuts_at_spaces_inside_the_region() {
        let text = "alpha beta gamma delta epsilon zeta eta theta";
        let anchor = text.find("delta").unwrap();
        let window = window_around(text, Span::new(0, text.len()), anchor, 20);
        assert_eq!(window.of(text), "delta epsilon zeta");
    }

    #[test]
    fn render_marks_cuts_and_counts_utf16() {
        let text = "“Mori’s” visit to Moscow ended";
        let start = text.find("visit").unwrap();
        let hit = Span::new(text.find("Moscow").unwrap(), text.find(" ended").unwrap());
        let snippet = render(
            text,
            Span::new(0, text.len()),
            Span::new(start, hit.end),
            &[hit],
        );
        assert_eq!(snippet.text, "…visit to Moscow…");
        let units: Vec<u16> = snippet.text.encode_utf16().collect();
        let h = snippet.highlights[0];
        assert_eq!(String::from_utf16_lossy(&units[h.start..h.end]), "Moscow");
    }
}
