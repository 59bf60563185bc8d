//! Splitting a query into tokens: parentheses, quoted phrases, field names
//! and words, each with its UTF-16 span.

use super::invalid_query;
use crate::error::Error;
use crate::text::Span;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    Open,
    Close,
    /// A quoted phrase; `text` holds its content.
    Quoted {
        slop: Option<u32>,
    },
    /// A field prefix `name:`; the value follows as the next token.
    FieldName,
    Word,
}

#[derive(Clone, Debug)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) text: String,
    pub(super) span: Span,
    /// Whether white space separates it from the previous token.
    pub(super) spaced: bool,
}

/// Splits a query into tokens with UTF-16 spans.
pub(super) fn lex(query: &str) -> Result<Vec<Token>, Error> {
    let chars: Vec<(usize, char)> = query.encode_utf16_positions();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut spaced = true;
    while let Some(&(at, c)) = chars.get(i) {
        if c.is_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let token = match c {
            '(' | ')' => {
                i += 1;
                let kind = if c == '(' { Kind::Open } else { Kind::Close };
                Token {
                    kind,
                    text: c.to_string(),
                    span: Span::new(at, at + 1),
                    spaced,
                }
            }
            '"' | '“' | '”' => lex_quoted(&chars, &mut i, spaced)?,
            // A leading minus is an operator of its own, so that it can
            // negate a word, a phrase, a group or a field: -(a OR b), -year:2000.
            '-' if spaced => {
                i += 1;
                Token {
                    kind: Kind::Word,
                    text: "-".to_string(),
                    span: Span::new(at, at + 1),
                    spaced,
                }
            }
            _ => lex_word(&chars, &mut i, spaced),
        };
        tokens.push(token);
        spaced = false;
    }
    Ok(tokens)
}

fn lex_quoted(chars: &[(usize, char)], i: &mut usize, spaced: bool) -> Result<Token, Error> {
    let (start, _) = chars[*i];
    let close = chars[*i + 1..]
        .iter()
        .position(|&(_, c)| matches!(c, '"' | '“' | '”'));
    let Some(close) = close.map(|k| *i + 1 + k) else {
        return Err(invalid_query(
            start,
            format!("unclosed quote at position {start}"),
        ));
    };
    let text: String = chars[*i + 1..close].iter().map(|&(_, c)| c).collect();
    *i = close + 1;
    let mut end = end_of(chars, close);
    let mut slop = None;
    if chars.get(*i).map(|&(_, c)| c) == Some('~') {
        let (digits, after) = take_digits(chars, *i + 1);
        let n = digits.parse::<u32>().map_err(|_| {
            invalid_query(
                end,
                format!(
                    "\"~\" at position {end} needs a number of words, as in \"putin koizumi\"~5"
                ),
            )
        })?;
        slop = Some(n);
        *i = after;
        end = end_of(chars, after - 1);
    }
    Ok(Token {
        kind: Kind::Quoted { slop },
        text,
        span: Span::new(start, end),
        spaced,
    })
}

fn lex_word(chars: &[(usize, char)], i: &mut usize, spaced: bool) -> Token {
    let start_index = *i;
    let (start, _) = chars[start_index];
    while let Some(&(_, c)) = chars.get(*i) {
        if c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”') {
            break;
        }
        *i += 1;
        if c == ':' && *i - start_index > 1 {
            break;
        }
    }
    let text: String = chars[start_index..*i].iter().map(|&(_, c)| c).collect();
    let span = Span::new(start, end_of(chars, *i - 1));
    let is_field = text.len() > 1
        && text.ends_with(':')
        && text[..text.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    if is_field {
        let name = text[..text.len() - 1].to_ascii_lowercase();
        return Token {
            kind: Kind::FieldName,
            text: name,
            span,
            spaced,
        };
    }
    Token {
        kind: Kind::Word,
        text,
        span,
        spaced,
    }
}

fn take_digits(chars: &[(usize, char)], from: usize) -> (String, usize) {
    let mut end = from;
    while chars.get(end).is_some_and(|&(_, c)| c.is_ascii_digit()) {
        end += 1;
    }
    (chars[from..end].iter().map(|&(_, c)| c).collect(), end)
}

/// The UTF-16 offset just past the character at index `i`.
fn end_of(chars: &[(usize, char)], i: usize) -> usize {
    chars.get(i).map_or(0, |&(at, c)| at + c.len_utf16())
}

trait Utf16Positions {
    fn encode_utf16_positions(&self) -> Vec<(usize, char)>;
}

impl Utf16Positions for str {
    /// Each character with its UTF-16 offset.
    fn encode_utf16_positions(&self) -> Vec<(usize, char)> {
        let mut at = 0;
        self.chars()
            .map(|c| {
                let here = at;
                at += c.len_utf16();
                (here, c)
            })
            .collect()
    }
}
