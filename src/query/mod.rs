//! The query language: parsing a query string into a tree.
//!
//! ```text
//! query    = or
//! or       = and { "OR" and }
//! and      = unary { ["AND"] unary }          (juxtaposition is AND)
//! unary    = ("NOT" | "-") unary | near
//! near     = primary { "NEAR/" N primary }    (words or phrases, at most N words apart)
//! primary  = "(" or ")" | phrase ["~" N] | field ":" value | word ["*" | "~" [N]]
//! value    = word | phrase | [bound] ".." [bound]
//! ```
//! Operators are upper case; `or`, `and`, `not`, `near` in lower case are
//! ordinary words. Positions in errors count UTF-16 code units, like JS.

mod lex;

use self::lex::{lex, Kind, Token};
use crate::error::{Error, ErrorKind};
use crate::text::Span;

/// A parsed query.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// One word.
    Term(Term),
    /// Words in order (`slop` 0), or in any order with at most `slop` other words among them.
    Phrase {
        /// The words, as typed.
        words: Vec<String>,
        /// How many other words may stand among them.
        slop: u32,
        /// Where the phrase is in the query.
        span: Span,
    },
    /// Two words or phrases at most `distance` words apart, in either order.
    Near {
        /// The left operand.
        left: Box<Node>,
        /// The right operand.
        right: Box<Node>,
        /// The greatest distance in words.
        distance: u32,
    },
    /// A filter on a document field: `year:2000..2005`, `publication:"Eurasia Daily Monitor"`.
    Field {
        /// The field name, lower-cased.
        name: String,
        /// The value to match.
        value: FieldValue,
        /// Where the filter is in the query.
        span: Span,
    },
    /// All of these.
    And(Vec<Node>),
    /// Any of these.
    Or(Vec<Node>),
    /// Not this.
    Not(Box<Node>),
}

/// A single search word.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// The word as typed, without its `*` or `~N` suffix.
    pub text: String,
    /// How to match it.
    pub kind: TermKind,
    /// Where it is in the query.
    pub span: Span,
}

/// How a word matches the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermKind {
    /// Any word with the same stem: `treaty` finds `treaties`.
    Stemmed,
    /// Only this form (case and accents still folded): `"treaty"`.
    Exact,
    /// Any word starting so: `kuril*`.
    Prefix,
    /// Any word within this many edits (1 or 2): `kunashir~1`.
    Fuzzy(u8),
}

/// The value of a field filter.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    /// Words the field must contain.
    Text(String),
    /// An inclusive range; either end may be open.
    Range {
        /// The lower bound, if any.
        from: Option<String>,
        /// The upper bound, if any.
        to: Option<String>,
    },
}

/// Parses a query.
///
/// # Errors
/// An unclosed quote or parenthesis, an operator without an operand, a bad
/// `~N` or `NEAR/N`, or an empty query, naming the position (UTF-16 units).
pub fn parse(query: &str) -> Result<Node, Error> {
    let tokens = lex(query)?;
    // Where an operand missing at the end would have been.
    let end = tokens.last().map_or(0, |t| t.span.end);
    let mut parser = Parser {
        tokens,
        next: 0,
        end,
        depth: 0,
    };
    let node = parser.or()?;
    match parser.peek() {
        None => Ok(node),
        Some(Token {
            kind: Kind::Close,
            span,
            ..
        }) => Err(invalid_query(
            span.start,
            format!("unexpected \")\" at position {}", span.start),
        )),
        Some(token) => Err(invalid_query(
            token.span.start,
            format!(
                "unexpected {:?} at position {}",
                token.text, token.span.start
            ),
        )),
    }
}

/// An invalid query: `message` names the problem and its `position` (in
/// UTF-16 code units), which the error also carries as data.
pub(crate) fn invalid_query(position: usize, message: String) -> Error {
    ErrorKind::InvalidQuery { message, position }.into()
}

/// How deep a query may nest (parentheses, `NOT`, `-`, `NEAR` chains): far
/// more than anyone types, and shallow enough that parsing, evaluating and
/// dropping the tree cannot exhaust the stack (1 MB in wasm), which 100,000
/// `(` did. A debug build needs about 10 KB of stack a parenthesis.
const MAX_DEPTH: usize = 32;

struct Parser {
    tokens: Vec<Token>,
    /// The end of the last token (UTF-16 units), where the query ends.
    end: usize,
    next: usize,
    /// How many parentheses, negations and NEARs enclose the next token.
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    fn peek_word(&self, word: &str) -> bool {
        self.peek()
            .is_some_and(|t| t.kind == Kind::Word && t.text == word)
    }

    /// Goes one level deeper, failing past [`MAX_DEPTH`]; `what` at `at`
    /// names the operator for the message.
    fn enter(&mut self, what: &str, at: usize) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(invalid_query(
                at,
                format!("{what} at position {at} nests the query deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    fn bump(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.next).cloned();
        self.next += 1;
        token
    }

    fn or(&mut self) -> Result<Node, Error> {
        let mut alternatives = vec![self.and()?];
        while self.peek_word("OR") {
            let or = self.bump();
            if self.at_operand_end() {
                return Err(missing_operand("OR", or));
            }
            alternatives.push(self.and()?);
        }
        Ok(flatten(alternatives, Node::Or))
    }

    fn and(&mut self) -> Result<Node, Error> {
        let mut parts = vec![self.unary()?];
        loop {
            if self.peek_word("AND") {
                let and = self.bump();
                if self.at_operand_end() {
                    return Err(missing_operand("AND", and));
                }
            } else if self.at_operand_end() || self.peek_word("OR") {
                break;
            }
            parts.push(self.unary()?);
        }
        Ok(flatten(parts, Node::And))
    }

    fn at_operand_end(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(Token {
                kind: Kind::Close,
                ..
            })
        )
    }

    fn unary(&mut self) -> Result<Node, Error> {
        if self.peek_word("NOT") {
            let not = self.bump();
            if self.at_operand_end() {
                return Err(missing_operand("NOT", not));
            }
            self.enter("NOT", op_start(&not))?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Node::Not(Box::new(inner)));
        }
        let negation = self.peek_word("-")
            && self
                .tokens
                .get(self.next + 1)
                .is_some_and(|next| !next.spaced);
        if negation {
            let minus = self.bump();
            self.enter("\"-\"", op_start(&minus))?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Node::Not(Box::new(inner)));
        }
        self.near()
    }

    fn near(&mut self) -> Result<Node, Error> {
        let depth = self.depth;
        let mut left = self.primary()?;
        while let Some(distance) = self.peek().and_then(near_distance) {
            let op = self.bump();
            // Each NEAR nests the tree one level deeper on the left.
            self.enter("NEAR", op_start(&op))?;
            let distance = distance.map_err(|_| {
                invalid_query(
                    op_start(&op),
                    format!(
                        "\"{}\" at position {} needs a whole number, as in NEAR/5",
                        op_text(&op),
                        op_start(&op)
                    ),
                )
            })?;
            if self.at_operand_end() {
                return Err(missing_operand("NEAR", op));
            }
            let right = self.primary()?;
            for side in [&left, &right] {
                if !matches!(
                    side,
                    Node::Term(_) | Node::Phrase { .. } | Node::Near { .. }
                ) {
                    return Err(invalid_query(
                        op_start(&op),
                        format!(
                            "NEAR at position {} joins words or phrases only",
                            op_start(&op)
                        ),
                    ));
                }
            }
            left = Node::Near {
                left: Box::new(left),
                right: Box::new(right),
                distance,
            };
        }
        self.depth = depth;
        Ok(left)
    }

    fn primary(&mut self) -> Result<Node, Error> {
        let Some(token) = self.bump() else {
            return Err(invalid_query(self.end, "the query is empty".into()));
        };
        match token.kind {
            Kind::Open => {
                let unclosed = || {
                    invalid_query(
                        token.span.start,
                        format!("unclosed parenthesis at position {}", token.span.start),
                    )
                };
                // "(" alone is unclosed, not empty.
                if self.peek().is_none() {
                    return Err(unclosed());
                }
                if self.at_operand_end() {
                    return Err(invalid_query(
                        token.span.start,
                        format!("empty parentheses at position {}", token.span.start),
                    ));
                }
                self.enter("the parenthesis", token.span.start)?;
                let inner = self.or()?;
                self.depth -= 1;
                match self.bump() {
                    Some(Token {
                        kind: Kind::Close, ..
                    }) => Ok(inner),
                    _ => Err(unclosed()),
                }
            }
            Kind::Close => Err(invalid_query(
                token.span.start,
                format!("unexpected \")\" at position {}", token.span.start),
            )),
            Kind::Quoted { slop } => phrase_node(token.text, slop, token.span),
            Kind::FieldName => self.field(token),
            Kind::Word => word_node(token),
        }
    }

    fn field(&mut self, name: Token) -> Result<Node, Error> {
        let value = match self.peek() {
            Some(t) if !t.spaced && matches!(t.kind, Kind::Word | Kind::Quoted { slop: None }) => {
                self.bump()
            }
            _ => None,
        };
        let Some(value) = value else {
            return Err(invalid_query(
                name.span.start,
                format!(
                    "the field \"{}\" at position {} needs a value",
                    name.text, name.span.start
                ),
            ));
        };
        let span = Span::new(name.span.start, value.span.end);
        let field_value = match (value.kind, value.text.split_once("..")) {
            (Kind::Word, Some((from, to))) => FieldValue::Range {
                from: (!from.is_empty()).then(|| from.to_string()),
                to: (!to.is_empty()).then(|| to.to_string()),
            },
            _ => FieldValue::Text(value.text),
        };
        Ok(Node::Field {
            name: name.text,
            value: field_value,
            span,
        })
    }
}

fn near_distance(token: &Token) -> Option<Result<u32, std::num::ParseIntError>> {
    let digits = token.text.strip_prefix("NEAR/")?;
    (token.kind == Kind::Word).then(|| digits.parse::<u32>())
}

fn op_text(token: &Option<Token>) -> &str {
    token.as_ref().map_or("", |t| t.text.as_str())
}

fn op_start(token: &Option<Token>) -> usize {
    token.as_ref().map_or(0, |t| t.span.start)
}

fn missing_operand(op: &str, token: Option<Token>) -> Error {
    invalid_query(
        op_start(&token),
        format!(
            "{op} at position {} needs something to apply to",
            op_start(&token)
        ),
    )
}

fn flatten(mut nodes: Vec<Node>, join: fn(Vec<Node>) -> Node) -> Node {
    if nodes.len() == 1 {
        if let Some(node) = nodes.pop() {
            return node;
        }
    }
    join(nodes)
}

/// A word with an optional `*` or `~N` suffix.
fn word_node(token: Token) -> Result<Node, Error> {
    let Token { text, span, .. } = token;
    let (text, kind) = if let Some(stem) = text.strip_suffix('*') {
        (stem.to_string(), TermKind::Prefix)
    } else if let Some((word, distance)) = text.rsplit_once('~') {
        let distance = match distance {
            "" => 1,
            "1" => 1,
            "2" => 2,
            _ => {
                return Err(invalid_query(
                    span.start,
                    format!(
                        "fuzzy distance {distance:?} at position {} must be 1 or 2",
                        span.start
                    ),
                ))
            }
        };
        (word.to_string(), TermKind::Fuzzy(distance))
    } else {
        (text, TermKind::Stemmed)
    };
    if !text.chars().any(char::is_alphanumeric) {
        return Err(invalid_query(
            span.start,
            format!(
                "{text:?} at position {} has no letters or digits to search for",
                span.start
            ),
        ));
    }
    Ok(Node::Term(Term { text, kind, span }))
}

/// A quoted phrase: one quoted word is an exact term, several are a phrase.
fn phrase_node(text: String, slop: Option<u32>, span: Span) -> Result<Node, Error> {
    let words: Vec<String> = crate::text::tokens(&text)
        .iter()
        .map(|s| s.of(&text).to_string())
        .collect();
    match words.len() {
        0 => Err(invalid_query(
            span.start,
            format!("the quotes at position {} hold no words", span.start),
        )),
        1 if slop.is_none() => {
            let text = words.into_iter().next().unwrap_or_default();
            Ok(Node::Term(Term {
                text,
                kind: TermKind::Exact,
                span,
            }))
        }
        _ => Ok(Node::Phrase {
            words,
            slop: slop.unwrap_or(0),
            span,
        }),
    }
}

#[cfg(test)]
mod tests;
