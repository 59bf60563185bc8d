//! The text of the article's elements as paragraphs: one for each block
//! (`p`, `li`, a heading, a `div` of text, …), whitespace collapsed, a
//! `<br>` kept as a line break, and lines that are mostly links dropped.

use super::main_text::BLOCKS;
use super::nodes::tag;
use dom_query::NodeRef;

/// Elements whose text is left out of the article's: its headline, and
/// the captions of its pictures.
const SKIPPED: &[&str] = &["h1", "figcaption"];

/// The largest share of a paragraph that may be link text, from 0 to 1: a
/// line of "Read more" links is not prose, but a list item that opens with
/// a linked headline is. At 0 any paragraph with a link is dropped, at 1
/// none is. On the development pages F1 is flat from 0.6 to 0.8.
const MAX_LINK_DENSITY: f64 = 0.7;

/// A paragraph as it is gathered.
#[derive(Default)]
struct Paragraph {
    text: String,
    links: usize,
    chars: usize,
}

/// Gathers paragraphs from a walk over the tree.
#[derive(Default)]
struct Gatherer {
    done: Vec<String>,
    current: Paragraph,
    in_link: usize,
}

impl Gatherer {
    /// Ends the current paragraph, keeping it if it is text and not a line of links.
    fn flush(&mut self) {
        let paragraph = std::mem::take(&mut self.current);
        let text = paragraph.text.trim();
        if text.is_empty() {
            return;
        }
        let density = paragraph.links as f64 / paragraph.chars.max(1) as f64;
        if density <= MAX_LINK_DENSITY {
            self.done.push(text.to_string());
        }
    }

    /// Adds a text node's text, whitespace collapsed.
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            let last_is_space =
                self.current.text.ends_with([' ', '\n']) || self.current.text.is_empty();
            if c.is_whitespace() {
                if !last_is_space {
                    self.current.text.push(' ');
                }
                continue;
            }
            self.current.text.push(c);
            self.current.chars += 1;
            if self.in_link > 0 {
                self.current.links += 1;
            }
        }
    }

    /// A line break inside the current paragraph.
    fn push_break(&mut self) {
        let trimmed = self.current.text.trim_end().len();
        self.current.text.truncate(trimmed);
        if !self.current.text.is_empty() {
            self.current.text.push('\n');
        }
    }
}

/// The paragraphs of the elements `roots`, in order.
pub fn paragraphs(roots: &[NodeRef]) -> Vec<String> {
    let mut gatherer = Gatherer::default();
    for root in roots {
        walk(root, &mut gatherer);
    }
    gatherer.done
}

/// Walks `root` in document order without recursion, feeding `gatherer`.
fn walk(root: &NodeRef, gatherer: &mut Gatherer) {
    // (node, whether we are leaving it)
    let mut stack = vec![(*root, false)];
    while let Some((node, leaving)) = stack.pop() {
        if node.is_text() {
            gatherer.push_text(&node.text());
            continue;
        }
        if !node.is_element() && node.id != root.id {
            continue;
        }
        let name = tag(&node);
        if leaving {
            leave(&name, gatherer);
            continue;
        }
        if SKIPPED.contains(&name.as_str()) {
            continue;
        }
        enter(&name, gatherer);
        stack.push((node, true));
        stack.extend(node.children_it(true).map(|child| (child, false)));
    }
    gatherer.flush();
}

/// What starting an element `name` does to the paragraphs.
fn enter(name: &str, gatherer: &mut Gatherer) {
    match name {
        "br" => gatherer.push_break(),
        "a" => gatherer.in_link += 1,
        "td" | "th" => gatherer.push_text(" "),
        _ if BLOCKS.contains(&name) => gatherer.flush(),
        _ => {}
    }
}

/// What ending an element `name` does to the paragraphs.
fn leave(name: &str, gatherer: &mut Gatherer) {
    match name {
        "a" => gatherer.in_link = gatherer.in_link.saturating_sub(1),
        "td" | "th" => gatherer.push_text(" "),
        _ if BLOCKS.contains(&name) => gatherer.flush(),
        _ => {}
    }
}
