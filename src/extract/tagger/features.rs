//! The features the learned tagger reads for each token: the word, its shape
//! and affixes, its neighbours, the punctuation around it, whether the text
//! also writes it in lower case, and what the rules made of it. Training
//! (`scripts/train-entities.py`, through `examples/entity_features.rs`) and
//! tagging both call [`sentence_features`], so they cannot drift apart.

use rustc_hash::FxHashSet as HashSet;

use crate::text::Span;

use super::super::gazetteer::Gazetteer;
use super::super::mentions::RawMention;

/// What the rules made of one token, as a feature value ("B-person").
pub(crate) fn rule_labels(toks: &[Span], mentions: &[RawMention]) -> Vec<Option<String>> {
    let mut labels = vec![None; toks.len()];
    for m in mentions {
        let first = toks.partition_point(|t| t.end <= m.span.start);
        let mut i = first;
        while let Some(t) = toks.get(i) {
            if t.start >= m.span.end {
                break;
            }
            let at = if i == first { "B" } else { "I" };
            labels[i] = Some(format!("{at}-{}", m.ty.as_str()));
            i += 1;
        }
    }
    labels
}

/// The features of each token of one sentence, `toks[range]`.
pub(crate) fn sentence_features(
    text: &str,
    toks: &[Span],
    range: std::ops::Range<usize>,
    rules: &[Option<String>],
    lower_seen: &HashSet<&str>,
) -> Vec<Vec<String>> {
    let g = Gazetteer::get();
    let words: Vec<&str> = toks[range.clone()].iter().map(|t| t.of(text)).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let word_at = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| lower.get(i))
            .map_or("_", |w| w.as_str())
    };
    let shape_at = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .and_then(|i| shapes.get(i))
            .map_or("_", |w| w.as_str())
    };
    let rule_at = |i: isize| -> &str {
        usize::try_from(i)
            .ok()
            .filter(|&i| i < words.len())
            .and_then(|i| rules.get(range.start + i))
            .and_then(|r| r.as_deref())
            .unwrap_or("O")
    };
    (0..words.len())
        .map(|i| {
            let k = range.start + i;
            let at = i as isize;
            let word = words[i];
            let low = &lower[i];
            let mut f = vec![
                "bias".to_string(),
                format!("w={low}"),
                format!("sh={}", shapes[i]),
                format!("p3={}", prefix(low, 3)),
                format!("s3={}", suffix(low, 3)),
                format!("s2={}", suffix(low, 2)),
                format!("w-1={}", word_at(at - 1)),
                format!("w+1={}", word_at(at + 1)),
                format!("w-2={}", word_at(at - 2)),
                format!("w+2={}", word_at(at + 2)),
                format!("sh-1={}", shape_at(at - 1)),
                format!("sh+1={}", shape_at(at + 1)),
                format!("sh-1|sh={}|{}", shape_at(at - 1), shapes[i]),
                format!("sh|sh+1={}|{}", shapes[i], shape_at(at + 1)),
                format!(
                    "gap-={}",
                    gap(text, k.checked_sub(1).map(|j| toks[j].end), toks[k].start)
                ),
                format!(
                    "gap+={}",
                    gap(
                        text,
                        Some(toks[k].end),
                        toks.get(k + 1).map_or(text.len(), |t| t.start)
                    )
                ),
                format!("r={}", rule_at(at)),
                format!("r-1={}", rule_at(at - 1)),
                format!("r+1={}", rule_at(at + 1)),
            ];
            if i == 0 {
                f.push("first".to_string());
            }
            if word.starts_with(char::is_uppercase) {
                if lower_seen.contains(low.as_str()) {
                    f.push("lower-elsewhere".to_string());
                }
                if g.is_common(low) {
                    f.push("common".to_string());
                }
                if g.is_first_name(word) {
                    f.push("first-name".to_string());
                }
                if g.is_last_name(word) {
                    f.push("last-name".to_string());
                }
                if g.is_title(low) {
                    f.push("title".to_string());
                }
            }
            f
        })
        .collect()
}

/// The word's shape, runs collapsed: "Putin" → "Xx", "U.S." → "X.X.", "G-7" → "X-d".
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

fn prefix(word: &str, n: usize) -> &str {
    word.char_indices()
        .nth(n)
        .map_or(word, |(at, _)| &word[..at])
}

fn suffix(word: &str, n: usize) -> &str {
    let count = word.chars().count();
    if count <= n {
        return word;
    }
    word.char_indices()
        .nth(count - n)
        .map_or(word, |(at, _)| &word[at..])
}

/// The punctuation between two tokens, spaces dropped, at most three
/// characters; "¶" first for a line break, "_" for nothing. No whitespace:
/// the training data keeps one token a line, its features split by tabs.
fn gap(text: &str, from: Option<usize>, to: usize) -> String {
    let Some(from) = from else {
        return "^".to_string();
    };
    let between = text.get(from..to).unwrap_or("");
    let mut out: String = between
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(3)
        .collect();
    if between.contains('\n') {
        out.insert(0, '¶');
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Putin"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("G-7"), "X-d");
        assert_eq!(shape("1956"), "d");
    }

    #[test]
    fn affixes_count_characters() {
        assert_eq!(prefix("Ōsaka", 3), "Ōsa");
        assert_eq!(suffix("Ōsaka", 3), "aka");
        assert_eq!(suffix("ab", 3), "ab");
    }

    #[test]
    fn gaps_keep_punctuation() {
        let text = "Mori, (Putin)\nJapan";
        assert_eq!(gap(text, Some(4), 7), ",(");
        assert_eq!(gap(text, Some(12), 14), "¶)");
        assert_eq!(gap(text, None, 0), "^");
    }
}
