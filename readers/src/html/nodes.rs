//! What the extractor asks of a node: its tag, the words its `class` and
//! `id` hold, and how much text (and text inside links) lies under it.

use dom_query::{NodeId, NodeRef};
use std::collections::HashMap;

/// The characters of text under a node, and how many of them are inside links.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    /// Characters of text, each run of whitespace counted as one.
    pub text: usize,
    /// Of those, the characters inside `<a>` elements.
    pub links: usize,
    /// Commas, which Readability counts as a sign of prose.
    pub commas: usize,
}

impl Stats {
    /// The share of the text that is link text: 0 for none, 1 for all.
    pub fn link_density(&self) -> f64 {
        if self.text == 0 {
            return 0.0;
        }
        self.links as f64 / self.text as f64
    }
}

/// The lower-case tag name of an element, or "" for any other node.
pub fn tag(node: &NodeRef) -> String {
    if !node.is_element() {
        return String::new();
    }
    node.node_name()
        .map(|name| name.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The words of the element's `class` and `id`, lower case: split at
/// anything not a letter or digit and where a lower-case letter meets an
/// upper-case one (`PageBuilder-pageRow` is `page builder page row`), so
/// that `pager` is not found in `pageRow`.
pub fn words(node: &NodeRef) -> Vec<String> {
    let mut words = Vec::new();
    for value in [node.attr("class"), node.attr("id")].into_iter().flatten() {
        let mut word = String::new();
        let mut previous_lower = false;
        for c in value.chars() {
            let boundary = !c.is_alphanumeric() || (c.is_uppercase() && previous_lower);
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            }
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Whether one of `words` starts with `prefix`.
pub fn has_word(words: &[String], prefix: &str) -> bool {
    words.iter().any(|word| word.starts_with(prefix))
}

/// The characters of `text` with each run of whitespace counted as one.
fn counted(text: &str) -> usize {
    let mut count = 0;
    let mut space = true;
    for c in text.chars() {
        let is_space = c.is_whitespace();
        if !(is_space && space) {
            count += 1;
        }
        space = is_space;
    }
    count
}

/// The [`Stats`] of `root` and of every node under it, in one pass from
/// the leaves up (no recursion, so deeply nested pages cannot overflow).
pub fn stats(root: &NodeRef) -> HashMap<NodeId, Stats> {
    let order: Vec<NodeRef> = std::iter::once(*root)
        .chain(root.descendants_it())
        .collect();
    let mut all: HashMap<NodeId, Stats> = HashMap::with_capacity(order.len());
    for node in order.iter().rev() {
        let mut own = all.get(&node.id).copied().unwrap_or_default();
        if node.is_text() {
            let text = node.text();
            own.text = counted(&text);
            own.commas = text.matches(',').count();
        }
        if tag(node) == "a" {
            own.links = own.text;
        }
        all.insert(node.id, own);
        if node.id == root.id {
            break;
        }
        if let Some(parent) = node.parent() {
            let sum = all.entry(parent.id).or_default();
            sum.text += own.text;
            sum.links += own.links;
            sum.commas += own.commas;
        }
    }
    all
}
