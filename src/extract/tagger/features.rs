//! The features the learned tagger reads for each token: the word, its shape
//! and affixes, its neighbours, the punctuation around it, whether the text
//! also writes it in lower case, and what the rules made of it. Training
//! (`scripts/train-entities.py`, through `examples/entity_features.rs`) and
//! tagging both call [`sentence_features`], so they cannot drift apart.

use std::fmt::{self, Write as _};

use crfs::Attribute;
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

/// Each token's features of one sentence, written into strings kept from
/// one sentence to the next: tagging a corpus allocates them about once,
/// where a string a feature a token was most of the tagger's time.
#[derive(Default)]
pub(crate) struct FeatureRows {
    rows: Vec<Vec<Attribute>>,
    lens: Vec<usize>,
    lower: Vec<String>,
    shapes: Vec<String>,
}

impl FeatureRows {
    /// Each token's features, in order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = &[Attribute]> {
        self.rows.iter().zip(&self.lens).map(|(row, &n)| &row[..n])
    }

    /// Starts a sentence of `tokens` tokens, each with no feature yet.
    fn start(&mut self, tokens: usize) {
        if self.rows.len() < tokens {
            self.rows.resize_with(tokens, Vec::new);
        }
        self.lens.clear();
        self.lens.resize(tokens, 0);
    }

    fn push(&mut self, token: usize, feature: fmt::Arguments<'_>) {
        let n = &mut self.lens[token];
        match self.rows[token].get_mut(*n) {
            Some(attribute) => {
                attribute.name.clear();
                // Writing into a String cannot fail.
                let _ = attribute.name.write_fmt(feature);
            }
            None => self.rows[token].push(Attribute::new(feature.to_string(), 1.0)),
        }
        *n += 1;
    }
}

/// Reuses `pool`'s strings for `values`, one each.
fn fill<'a>(
    pool: &mut Vec<String>,
    values: impl Iterator<Item = &'a str>,
    write: impl Fn(&mut String, &str),
) {
    let mut n = 0;
    for value in values {
        if pool.len() == n {
            pool.push(String::new());
        }
        pool[n].clear();
        write(&mut pool[n], value);
        n += 1;
    }
    pool.truncate(n);
}

/// Writes the features of each token of one sentence, `toks[range]`, into `out`.
pub(crate) fn sentence_features(
    text: &str,
    toks: &[Span],
    range: std::ops::Range<usize>,
    rules: &[Option<String>],
    lower_seen: &HashSet<&str>,
    out: &mut FeatureRows,
) {
    let g = Gazetteer::get();
    let words = || toks[range.clone()].iter().map(|t| t.of(text));
    let mut lower = std::mem::take(&mut out.lower);
    let mut shapes = std::mem::take(&mut out.shapes);
    fill(&mut lower, words(), |buf, word| {
        if word.is_ascii() {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.push_str(&word.to_lowercase());
        }
    });
    fill(&mut shapes, words(), write_shape);
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
            .filter(|&i| i < lower.len())
            .and_then(|i| rules.get(range.start + i))
            .and_then(|r| r.as_deref())
            .unwrap_or("O")
    };
    out.start(lower.len());
    for (i, word) in words().enumerate() {
        let k = range.start + i;
        let at = i as isize;
        let low = lower[i].as_str();
        let shape = shapes[i].as_str();
        let mut f = |feature: fmt::Arguments<'_>| out.push(i, feature);
        f(format_args!("bias"));
        f(format_args!("w={low}"));
        f(format_args!("sh={shape}"));
        f(format_args!("p3={}", prefix(low, 3)));
        f(format_args!("s3={}", suffix(low, 3)));
        f(format_args!("s2={}", suffix(low, 2)));
        f(format_args!("w-1={}", word_at(at - 1)));
        f(format_args!("w+1={}", word_at(at + 1)));
        f(format_args!("w-2={}", word_at(at - 2)));
        f(format_args!("w+2={}", word_at(at + 2)));
        f(format_args!("sh-1={}", shape_at(at - 1)));
        f(format_args!("sh+1={}", shape_at(at + 1)));
        f(format_args!("sh-1|sh={}|{shape}", shape_at(at - 1)));
        f(format_args!("sh|sh+1={shape}|{}", shape_at(at + 1)));
        f(format_args!(
            "gap-={}",
            Gap::new(text, k.checked_sub(1).map(|j| toks[j].end), toks[k].start)
        ));
        f(format_args!(
            "gap+={}",
            Gap::new(
                text,
                Some(toks[k].end),
                toks.get(k + 1).map_or(text.len(), |t| t.start)
            )
        ));
        f(format_args!("r={}", rule_at(at)));
        f(format_args!("r-1={}", rule_at(at - 1)));
        f(format_args!("r+1={}", rule_at(at + 1)));
        if i == 0 {
            f(format_args!("first"));
        }
        if word.starts_with(char::is_uppercase) {
            if lower_seen.contains(low) {
                f(format_args!("lower-elsewhere"));
            }
            if g.is_common(low) {
                f(format_args!("common"));
            }
            if g.is_first_name(word) {
                f(format_args!("first-name"));
            }
            if g.is_last_name(word) {
                f(format_args!("last-name"));
            }
            if g.is_title(low) {
                f(format_args!("title"));
            }
        }
    }
    out.lower = lower;
    out.shapes = shapes;
}

/// The word's shape, runs collapsed: "Putin" → "Xx", "U.S." → "X.X.", "G-7" → "X-d".
fn write_shape(out: &mut String, word: &str) {
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
/// characters; "¶" first for a line break, "_" for nothing, "^" before the
/// first token. No whitespace: the training data keeps one token a line, its
/// features split by tabs.
struct Gap<'a>(Option<&'a str>);

impl<'a> Gap<'a> {
    fn new(text: &'a str, from: Option<usize>, to: usize) -> Self {
        Gap(from.map(|from| text.get(from..to).unwrap_or("")))
    }
}

impl fmt::Display for Gap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(between) = self.0 else {
            return f.write_char('^');
        };
        if between.contains('\n') {
            f.write_char('¶')?;
        }
        let mut shown = between
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(3)
            .peekable();
        if shown.peek().is_none() && !between.contains('\n') {
            return f.write_char('_');
        }
        shown.try_for_each(|c| f.write_char(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        let shape = |word: &str| {
            let mut out = String::new();
            write_shape(&mut out, word);
            out
        };
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
        let gap = |from, to| Gap::new(text, from, to).to_string();
        assert_eq!(gap(Some(4), 7), ",(");
        assert_eq!(gap(Some(12), 14), "¶)");
        assert_eq!(gap(Some(13), 14), "¶");
        assert_eq!(gap(Some(10), 10), "_");
        assert_eq!(gap(Some(5), 6), "_");
        assert_eq!(gap(None, 0), "^");
    }
}
