//! The one definition of a token, a sentence and a paragraph, and of offsets;
//! and of a word folded for matching, and of the English stop words.
//!
//! Everything here works on byte offsets into a `&str`; [`Utf16Index`]
//! converts them to the UTF-16 code units that JavaScript counts, at the
//! boundary only.

mod fold;
mod stopwords;

use serde::Serialize;

pub(crate) use self::fold::fold;
pub(crate) use self::stopwords::english_stopwords;

/// A half-open range of a text, `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First offset of the span.
    pub start: usize,
    /// Offset just past the span.
    pub end: usize,
}

impl Span {
    /// Creates the span `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The part of `text` the span covers (empty if the span does not fit).
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Returns the tokens of `text`: words and numbers, as byte spans.
///
/// A token is a run of letters and digits (any script), joined across
/// - hyphens between letters or digits: `Russian-Japanese`, `G-7`, `20-22`;
/// - apostrophes (`'` or `’`) inside a word: `don’t`, `O’Neill`; a possessive
///   `’s` is not part of the token, so `Mori’s` yields `Mori`;
/// - periods of dotted initials: `U.S.`, `H.W.` (the final period included);
/// - decimal points and thousands separators: `2.5`, `9,000`.
///
/// Everything else (punctuation, symbols such as `$` and `%`, dashes) separates
/// tokens and is not a token itself.
pub fn tokens(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut scanner = Scanner::new(text);
    while let Some(span) = scanner.next_token() {
        out.push(span);
    }
    out
}

/// The tokens of `text` from byte offset `from` on, which must be where a
/// token starts or where no token is under way.
pub fn tokens_from(text: &str, from: usize) -> impl Iterator<Item = Span> + '_ {
    let mut scanner = Scanner::new(text);
    scanner.pos = from.min(text.len());
    std::iter::from_fn(move || scanner.next_token())
}

/// Counts the tokens of `text` without collecting them.
pub fn count_tokens(text: &str) -> usize {
    let mut scanner = Scanner::new(text);
    let mut n = 0;
    while scanner.next_token().is_some() {
        n += 1;
    }
    n
}

/// A forward scanner over the tokens of a text.
struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Scanner<'t> {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn next_token(&mut self) -> Option<Span> {
        let start = self.skip_to_word()?;
        let mut end = self.pos;
        loop {
            self.pos = end;
            end = self.word_run(end);
            match self.joined_after(end) {
                Some(next) => end = next,
                None => break,
            }
        }
        if let Some(after_dot) = self.initials_end(start, end) {
            end = after_dot;
        }
        self.pos = self.after_possessive(end);
        Some(Span::new(start, end))
    }

    /// Where scanning resumes after a token ending at `end`: past a possessive
    /// `’s`, so that its `s` does not become a token of its own.
    fn after_possessive(&self, end: usize) -> usize {
        match self.char_at_checked(end) {
            Some(('\'' | '\u{2019}', len)) if self.is_possessive(end + len) => end + len + 1,
            _ => end,
        }
    }

    /// Advances to the first letter or digit and returns its offset.
    fn skip_to_word(&mut self) -> Option<usize> {
        while self.pos < self.bytes.len() {
            let (c, len) = self.char_at(self.pos);
            if c.is_alphanumeric() {
                return Some(self.pos);
            }
            self.pos += len;
        }
        None
    }

    /// The end of the run of letters and digits starting at `from`.
    fn word_run(&self, mut from: usize) -> usize {
        while from < self.bytes.len() {
            let b = self.bytes[from];
            if b.is_ascii_alphanumeric() {
                from += 1;
                continue;
            }
            if b < 0x80 {
                break;
            }
            let (c, len) = self.char_at(from);
            if !c.is_alphanumeric() {
                break;
            }
            from += len;
        }
        from
    }

    /// If a joiner at `end` continues the token, the offset after the joiner.
    fn joined_after(&self, end: usize) -> Option<usize> {
        let (joiner, len) = self.char_at_checked(end)?;
        let after = end + len;
        let (next, _) = self.char_at_checked(after)?;
        if !next.is_alphanumeric() {
            return None;
        }
        let prev = self.char_before(end)?;
        match joiner {
            '-' | '\u{2010}' | '\u{2011}' => Some(after),
            '\'' | '\u{2019}' if !self.is_possessive(after) => Some(after),
            '.' | ',' if prev.is_ascii_digit() && next.is_ascii_digit() => Some(after),
            _ => None,
        }
    }

    /// Whether the apostrophe ending just before `after` starts a possessive `’s`.
    fn is_possessive(&self, after: usize) -> bool {
        let is_s = matches!(self.bytes.get(after), Some(b's' | b'S'));
        let ends = match self.char_at_checked(after + 1) {
            Some((c, _)) => !c.is_alphanumeric(),
            None => true,
        };
        is_s && ends
    }

    /// For dotted initials such as `U.S.` or `H.W.`, the end after the last period.
    fn initials_end(&self, start: usize, end: usize) -> Option<usize> {
        if !is_single_letter(&self.text[start..end]) || self.bytes.get(end) != Some(&b'.') {
            return None;
        }
        let mut last_dot = end;
        loop {
            let letter = last_dot + 1;
            let (c, len) = self.char_at_checked(letter)?;
            let after = letter + len;
            let single =
                c.is_alphabetic() && self.char_at_checked(after).map(|(d, _)| d) == Some('.');
            if !single {
                break;
            }
            last_dot = after;
        }
        // A lone "A." is an initial, not a token with a period: keep the period
        // only for two or more letters.
        (last_dot > end).then_some(last_dot + 1)
    }

    fn char_at(&self, pos: usize) -> (char, usize) {
        self.char_at_checked(pos).unwrap_or((' ', 1))
    }

    fn char_at_checked(&self, pos: usize) -> Option<(char, usize)> {
        let c = self.text.get(pos..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }

    fn char_before(&self, pos: usize) -> Option<char> {
        self.text.get(..pos)?.chars().next_back()
    }
}

fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// Returns the paragraphs of `text` as trimmed byte spans.
///
/// Paragraphs are separated by blank lines. A text with no blank line but
/// several lines is taken to hold one paragraph a line.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let has_blank_line = text.lines().any(|line| line.trim().is_empty())
        && text.trim().lines().any(|line| line.trim().is_empty());
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, last_end));
            }
        } else {
            if start.is_some() && !has_blank_line {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, last_end));
                }
            }
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(offset + lead);
            last_end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_end));
    }
    out
}

/// Returns the sentences of `text` as trimmed byte spans, paragraph by paragraph.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
/// brackets after it) followed by white space and a capital letter, a digit
/// or an opening quote or bracket, or at the end of a paragraph. A period does
/// not end a sentence after a title or common abbreviation (`Mr.`, `Gen.`,
/// `Jan.`), an initial (`H.`), or dotted initials (`U.S.`, `H.W.`) unless the
/// next word usually starts a sentence (`The`, `But`, …).
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for paragraph in paragraphs {
        split_paragraph(text, *paragraph, &mut out);
    }
    out
}

fn split_paragraph(text: &str, paragraph: Span, out: &mut Vec<Span>) {
    let body = paragraph.of(text);
    let mut start = 0;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = iter.peek() {
            if matches!(next, '.' | '!' | '?' | '…') || is_closing(next) {
                end = j + next.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        if ends_sentence(body, start, i, c, end) {
            push_trimmed(body, paragraph.start, start, end, out);
            start = end;
        }
    }
    push_trimmed(body, paragraph.start, start, body.len(), out);
}

fn push_trimmed(body: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &body[start..end];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let s = base + start + lead;
    out.push(Span::new(s, s + trimmed.len()));
}

/// Decides whether the terminator `mark` at `at` (its run ending at `end`) ends a sentence.
fn ends_sentence(body: &str, sentence_start: usize, at: usize, mark: char, end: usize) -> bool {
    let rest = &body[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        return false; // no white space after: "2.5", "visit…it", "U.S.-Japan"
    }
    let Some(next) = after_space.chars().next() else {
        return true;
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || is_opening(next)) {
        return false;
    }
    mark != '.' || !is_abbreviation(&body[sentence_start..at], next, leading_word(after_space))
}

/// Whether the word just before a period is an abbreviation that does not end the sentence.
fn is_abbreviation(before: &str, next: char, next_word: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || is_opening(c) || c == '(')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    if is_single_letter(word) && word.chars().all(char::is_uppercase) {
        return true; // an initial: "George H. Bush"
    }
    if word.len() > 2 && word.contains('.') && word.split('.').all(|part| part.chars().count() <= 1)
    {
        // Dotted initials ("U.S", "H.W"): end the sentence only before a usual opener.
        return !SENTENCE_OPENERS.contains(&next_word);
    }
    let lower = word.to_ascii_lowercase();
    if NUMBER_ABBREVIATIONS.contains(&lower.as_str()) {
        return next.is_ascii_digit();
    }
    TITLE_ABBREVIATIONS.contains(&lower.as_str())
}

fn leading_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    &text[..end]
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[')
}

/// Abbreviations after which a period never ends a sentence.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "pres", "amb", "hon", "rev", "st", "mt", "ft", "jr", "sr", "messrs", "v", "vs", "etc",
    "cf", "e.g", "i.e", "approx", "dept", "corp", "inc", "ltd", "co", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Abbreviations that do not end a sentence when a number follows ("No. 5").
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "art", "vol", "p", "pp", "fig"];

/// Words that usually open a sentence, so that "the U.S. The talks…" splits.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "It",
    "In",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "They",
    "We",
    "I",
    "There",
    "However",
    "Meanwhile",
    "Moreover",
    "Yet",
    "So",
    "If",
    "When",
    "While",
    "As",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "On",
    "At",
    "For",
    "After",
    "Since",
];

/// Converts byte offsets of one text to UTF-16 code unit offsets.
///
/// Only the non-ASCII characters are recorded, so an ASCII text costs nothing.
#[derive(Clone, Debug, Default)]
pub struct Utf16Index {
    /// For each non-ASCII character: the byte offset just past it, and how
    /// many more bytes than UTF-16 units the text has used up to there.
    shifts: Vec<(usize, usize)>,
}

impl Utf16Index {
    /// Indexes `text`.
    pub fn new(text: &str) -> Utf16Index {
        let mut shifts = Vec::new();
        let mut excess = 0;
        for (i, c) in text.char_indices() {
            if !c.is_ascii() {
                excess += c.len_utf8() - c.len_utf16();
                shifts.push((i + c.len_utf8(), excess));
            }
        }
        Utf16Index { shifts }
    }

    /// The UTF-16 offset of the byte offset `byte` (which must be a char boundary).
    pub fn utf16(&self, byte: usize) -> usize {
        let passed = self.shifts.partition_point(|&(end, _)| end <= byte);
        match passed.checked_sub(1).and_then(|i| self.shifts.get(i)) {
            Some(&(_, excess)) => byte - excess,
            None => byte,
        }
    }

    /// The span with both ends converted to UTF-16.
    pub fn span(&self, span: Span) -> Span {
        Span::new(self.utf16(span.start), self.utf16(span.end))
    }

    /// Bytes held on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.shifts.capacity() * std::mem::size_of::<(usize, usize)>()
    }

    /// The length of `text` in UTF-16 code units.
    pub fn len_utf16(&self, text: &str) -> usize {
        self.utf16(text.len())
    }
}
#[cfg(test)]
mod tests;
