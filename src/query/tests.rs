//! The parser: trees of valid queries, errors of invalid ones.

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
        error("("),
        "invalid query: unclosed parenthesis at position 0"
    );
    assert_eq!(
        error("putin (("),
        "invalid query: unclosed parenthesis at position 7"
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
