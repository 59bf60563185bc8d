//! Lines to paragraphs: a page's lines joined by spaces into one
//! paragraph, a word broken across two lines made whole again, and the
//! pages separated by a blank line.

use std::collections::HashSet;

/// The text of a document whose pages hold `pages` lines: each page one
/// paragraph, separated by a blank line; pages without text left out.
pub(super) fn pages(pages: &[Vec<String>]) -> String {
    let compounds = compounds(pages);
    let paragraphs: Vec<String> = pages
        .iter()
        .map(|lines| page(lines, &compounds))
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// The words written with a hyphen within a line anywhere in the document
/// (`well-known`), lower-cased: a line that ends in `well-` before `known`
/// then keeps its hyphen.
fn compounds(pages: &[Vec<String>]) -> HashSet<String> {
    pages
        .iter()
        .flatten()
        .flat_map(|line| line.split_whitespace())
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.contains('-'))
        .map(str::to_lowercase)
        .collect()
}

/// One page's lines as one paragraph.
fn page(lines: &[String], compounds: &HashSet<String>) -> String {
    let mut text = String::new();
    for line in lines {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() {
            join_break(&mut text, &line, compounds);
        }
        text.push_str(&line);
    }
    text
}

/// Ends the paragraph so far, `text`, ready for the next line, `next`: a
/// space, or nothing after a hyphen that breaks a word (the hyphen dropped
/// when the break is clearly a hyphenation).
fn join_break(text: &mut String, next: &str, compounds: &HashSet<String>) {
    if text.ends_with('\u{AD}') {
        // A soft hyphen only ever marks where a word was broken.
        text.pop();
        return;
    }
    let mut tail = text.chars().rev();
    let (Some('-'), Some(before)) = (tail.next(), tail.next()) else {
        text.push(' ');
        return;
    };
    let Some(after) = next.chars().next() else {
        return;
    };
    if !before.is_alphanumeric() || !after.is_alphanumeric() {
        // A dash standing alone ("war -"), or a hyphen before a quote.
        text.push(' ');
        return;
    }
    if before.is_lowercase() && after.is_lowercase() {
        let left: String = text[..text.len() - 1]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let right: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
        let compound = format!("{left}-{right}").to_lowercase();
        if !compounds.contains(&compound) {
            text.pop();
        }
    }
    // Otherwise ("COVID-" "19", "Franco-" "British") the hyphen is part of
    // the word: kept, and no space.
}
