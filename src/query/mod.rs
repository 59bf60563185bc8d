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
    let mut parser = Parser {
        tokens,
        next: 0,
        depth: 0,
    };
    let node = parser.or()?;
    match parser.peek() {
        None => Ok(node),
        Some(Token {
            kind: Kind::Close,
            span,
            ..
        }) => Err(syntax(format!(
            "unexpected \")\" at position {}",
            span.start
        ))),
        Some(token) => Err(syntax(format!(
            "unexpected {:?} at position {}",
            token.text, token.span.start
        ))),
    }
}

fn syntax(message: String) -> Error {
    ErrorKind::InvalidQuery { message }.into()
}

/// How deep a query may nest (parentheses, `NOT`, `-`, `NEAR` chains): far
/// more than anyone types, and shallow enough that parsing, evaluating and
/// dropping the tree cannot exhaust the stack (1 MB in wasm), which 100,000
/// `(` did. A debug build needs about 10 KB of stack a parenthesis.
const MAX_DEPTH: usize = 32;

struct Parser {
    tokens: Vec<Token>,
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
            return Err(syntax(format!(
                "{what} at position {at} nests the query deeper than {MAX_DEPTH} levels"
            )));
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
                syntax(format!(
                    "\"{}\" at position {} needs a whole number, as in NEAR/5",
                    op_text(&op),
                    op_start(&op)
                ))
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
                    return Err(syntax(format!(
                        "NEAR at position {} joins words or phrases only",
                        op_start(&op)
                    )));
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
            return Err(syntax("the query is empty".into()));
        };
        match token.kind {
            Kind::Open => {
                if self.at_operand_end() && self.peek().is_some() {
                    return Err(syntax(format!(
                        "empty parentheses at position {}",
                        token.span.start
                    )));
                }
                self.enter("the parenthesis", token.span.start)?;
                let inner = self.or()?;
                self.depth -= 1;
                match self.bump() {
                    Some(Token {
                        kind: Kind::Close, ..
                    }) => Ok(inner),
                    _ => Err(syntax(format!(
                        "unclosed parenthesis at position {}",
                        token.span.start
                    ))),
                }
            }
            Kind::Close => Err(syntax(format!(
                "unexpected \")\" at position {}",
                token.span.start
            ))),
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
            return Err(syntax(format!(
                "the field \"{}\" at position {} needs a value",
                name.text, name.span.start
            )));
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
    syntax(format!(
        "{op} at position {} needs something to apply to",
        op_start(&token)
    ))
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
                return Err(syntax(format!(
                    "fuzzy distance {distance:?} at position {} must be 1 or 2",
                    span.start
                )))
            }
        };
        (word.to_string(), TermKind::Fuzzy(distance))
    } else {
        (text, TermKind::Stemmed)
    };
    if !text.chars().any(char::is_alphanumeric) {
        return Err(syntax(format!(
            "{text:?} at position {} has no letters or digits to search for",
            span.start
        )));
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
        0 => Err(syntax(format!(
            "the quotes at position {} hold no words",
            span.start
        ))),
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
mod tests {
    use super::*;

    fn term(text: &str, kind: TermKind, start: usize, end: usize) -> Node {
        Node::Term(Term {
            text: text.into(),
            kind,
            span: Span::new(start, end),
        })
    }

    fn error(query: &str) -> String {
        parse(query)
            .map(|n| format!("{n:?}"))
            .unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn juxtaposition_is_and_and_or_binds_looser() {
        let node = parse("putin mori OR koizumi").unwrap();
        assert_eq!(
            node,
            Node::Or(vec![
                Node::And(vec![
                    term("putin", TermKind::Stemmed, 0, 5),
                    term("mori", TermKind::Stemmed, 6, 10)
                ]),
                term("koizumi", TermKind::Stemmed, 14, 21),
            ])
        );
    }

    #[test]
    fn not_minus_and_parentheses() {
        let node = parse("treaty -(kuril OR NOT japan)").unwrap();
        let Node::And(parts) = node else {
            panic!("{node:?}")
        };
        assert!(
            matches!(&parts[1], Node::Not(inner) if matches!(**inner, Node::Or(_))),
            "{parts:?}"
        );
        assert_eq!(
            parse("-kuril").unwrap(),
            Node::Not(Box::new(term("kuril", TermKind::Stemmed, 1, 6)))
        );
        // Regression: "-person:mori" was read as NOT the word "person:".
        let Node::Not(inner) = parse("-person:mori").unwrap() else {
            panic!()
        };
        assert!(
            matches!(*inner, Node::Field { ref name, .. } if name == "person"),
            "{inner:?}"
        );
        let Node::Not(inner) = parse("-\"peace treaty\"").unwrap() else {
            panic!()
        };
        assert!(matches!(*inner, Node::Phrase { .. }));
        // A hyphen inside a word is part of it.
        assert_eq!(
            parse("itar-tass").unwrap(),
            term("itar-tass", TermKind::Stemmed, 0, 9)
        );
    }

    #[test]
    fn phrases_proximity_prefix_and_fuzzy() {
        assert_eq!(
            parse("“peace treaty”~3").unwrap(),
            Node::Phrase {
                words: vec!["peace".into(), "treaty".into()],
                slop: 3,
                span: Span::new(0, 16)
            }
        );
        assert_eq!(
            parse("\"treaty\"").unwrap(),
            term("treaty", TermKind::Exact, 0, 8)
        );
        assert_eq!(
            parse("kuril*").unwrap(),
            term("kuril", TermKind::Prefix, 0, 6)
        );
        assert_eq!(
            parse("kunashir~2").unwrap(),
            term("kunashir", TermKind::Fuzzy(2), 0, 10)
        );
        assert_eq!(
            parse("kunashir~").unwrap(),
            term("kunashir", TermKind::Fuzzy(1), 0, 9)
        );
        let Node::Near { distance, .. } = parse("putin NEAR/5 koizumi").unwrap() else {
            panic!()
        };
        assert_eq!(distance, 5);
    }

    #[test]
    fn fields_take_words_phrases_and_ranges() {
        assert_eq!(
            parse("publication:\"Eurasia Daily Monitor\"").unwrap(),
            Node::Field {
                name: "publication".into(),
                value: FieldValue::Text("Eurasia Daily Monitor".into()),
                span: Span::new(0, 35)
            }
        );
        let Node::Field { value, .. } = parse("year:2000..").unwrap() else {
            panic!()
        };
        assert_eq!(
            value,
            FieldValue::Range {
                from: Some("2000".into()),
                to: None
            }
        );
        let Node::Field { name, .. } = parse("Author:Lincoln").unwrap() else {
            panic!()
        };
        assert_eq!(name, "author");
    }

    #[test]
    fn lower_case_operators_are_words() {
        assert_eq!(
            parse("war or peace").unwrap(),
            Node::And(vec![
                term("war", TermKind::Stemmed, 0, 3),
                term("or", TermKind::Stemmed, 4, 6),
                term("peace", TermKind::Stemmed, 7, 12)
            ])
        );
    }

    #[test]
    fn errors_name_the_problem_and_its_position() {
        assert_eq!(
            error("putin \"peace treaty"),
            "invalid query: unclosed quote at position 6"
        );
        assert_eq!(
            error("(putin OR mori"),
            "invalid query: unclosed parenthesis at position 0"
        );
        assert_eq!(
            error("putin) mori"),
            "invalid query: unexpected \")\" at position 5"
        );
        assert_eq!(
            error("putin OR"),
            "invalid query: OR at position 6 needs something to apply to"
        );
        assert_eq!(
            error("NOT"),
            "invalid query: NOT at position 0 needs something to apply to"
        );
        assert_eq!(
            error("kuril~3"),
            "invalid query: fuzzy distance \"3\" at position 0 must be 1 or 2"
        );
        assert_eq!(
            error("a NEAR/x b"),
            "invalid query: \"NEAR/x\" at position 2 needs a whole number, as in NEAR/5"
        );
        assert_eq!(
            error("year: 2000"),
            "invalid query: the field \"year\" at position 0 needs a value"
        );
        assert_eq!(error("   "), "invalid query: the query is empty");
        assert_eq!(
            error("“”"),
            "invalid query: the quotes at position 0 hold no words"
        );
        assert_eq!(
            error("(a OR b) NEAR/2 c"),
            "invalid query: NEAR at position 9 joins words or phrases only"
        );
    }

    #[test]
    fn positions_count_utf16_units() {
        // "😀" is two UTF-16 units, so the quote starts at 3.
        assert_eq!(
            error("😀 \"open"),
            "invalid query: unclosed quote at position 3"
        );
    }
}
