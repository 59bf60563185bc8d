//! Markup to plain text: the words of an HTML fragment (a feed item's
//! escaped `description`) or of XHTML elements (an Atom entry's inline
//! content), with paragraphs separated by blank lines.
//!
//! HTML is tokenized by html5ever, by the HTML standard's rules: unclosed
//! and stray tags, entities with or without their `;`, and a `<` that opens
//! no tag are read as a browser reads them. Only the tokenizer is run, not
//! the tree builder: the text and where blocks begin and end is all that is
//! kept.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// What separates the next word from the text before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Paragraph,
}

/// Plain text built from markup events: words with single spaces, blocks
/// separated by blank lines, the contents of `script` and `style` left out.
#[derive(Debug)]
pub(crate) struct Plain {
    text: String,
    gap: Gap,
    /// How many `script`, `style` or `template` elements are open.
    hidden: usize,
}

impl Plain {
    /// An empty text.
    pub(crate) fn new() -> Self {
        Plain {
            text: String::new(),
            gap: Gap::None,
            hidden: 0,
        }
    }

    /// An element named `name` (local, lower-case) opens.
    pub(crate) fn start(&mut self, name: &str) {
        if is_hidden(name) {
            self.hidden += 1;
        }
        self.separate(name);
    }

    /// An element named `name` closes.
    pub(crate) fn end(&mut self, name: &str) {
        if is_hidden(name) {
            self.hidden = self.hidden.saturating_sub(1);
        }
        self.separate(name);
    }

    /// Text, its runs of white space collapsed to one space.
    pub(crate) fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        if text.starts_with(char::is_whitespace) {
            self.gap = self.gap.max(Gap::Space);
        }
        let mut words = text.split_whitespace().peekable();
        while let Some(word) = words.next() {
            self.word(word);
            if words.peek().is_some() {
                self.gap = self.gap.max(Gap::Space);
            }
        }
        if text.ends_with(char::is_whitespace) {
            self.gap = self.gap.max(Gap::Space);
        }
    }

    /// The text built.
    pub(crate) fn finish(self) -> String {
        self.text
    }

    fn word(&mut self, word: &str) {
        if !self.text.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space => self.text.push(' '),
                Gap::Paragraph => self.text.push_str("\n\n"),
            }
        }
        self.gap = Gap::None;
        self.text.push_str(word);
    }

    fn separate(&mut self, name: &str) {
        if is_block(name) {
            self.gap = Gap::Paragraph;
        } else if matches!(name, "td" | "th" | "img") {
            self.gap = self.gap.max(Gap::Space);
        }
    }
}

/// Elements that begin a paragraph of their own (`br` among them: feeds
/// often separate paragraphs with `<br><br>`, rarely lines of verse).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "br"
            | "div"
            | "hr"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "caption"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "address"
    )
}

/// Elements whose content is not text to read.
fn is_hidden(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "noscript")
}

/// The plain text of an HTML fragment.
pub(crate) fn html_to_text(html: &str) -> String {
    let sink = Sink(RefCell::new(Plain::new()));
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    // The tokenizer stops early only to hand a script to a tree builder,
    // which this sink never asks for: one feed reads all the input.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner().finish()
}

/// Receives html5ever's tokens (through `&self`, as the tokenizer requires).
struct Sink(RefCell<Plain>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut plain = self.0.borrow_mut();
        match token {
            Token::TagToken(Tag { kind, name, .. }) => match kind {
                TagKind::StartTag => {
                    plain.start(&name);
                    // As a browser's tree builder would switch the
                    // tokenizer: these elements hold raw text, not markup.
                    match &*name {
                        "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "noscript" => return TokenSinkResult::RawData(RawKind::Rawtext),
                        "textarea" | "title" => return TokenSinkResult::RawData(RawKind::Rcdata),
                        _ => {}
                    }
                }
                TagKind::EndTag => plain.end(&name),
            },
            Token::CharacterTokens(text) => plain.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_breaks_become_blank_lines_and_inline_tags_vanish() {
        let html = "<p>Putin <b>met</b> Mori.</p><p>Talks  resumed<br>on Friday.</p>";
        assert_eq!(
            html_to_text(html),
            "Putin met Mori.\n\nTalks resumed\n\non Friday."
        );
    }

    #[test]
    fn entities_are_decoded_with_or_without_their_semicolon() {
        assert_eq!(
            html_to_text("AT&amp;T &nbsp;&ndash; caf&eacute; &copy 2005 &#8217;s &bogus; a < b"),
            "AT&T – café © 2005 ’s &bogus; a < b"
        );
    }

    #[test]
    fn scripts_and_styles_are_left_out_even_holding_tags() {
        let html = "<style>p{color:red}</style>Before<script>if (a<b) document.write('<p>x</p>')</script> after";
        assert_eq!(html_to_text(html), "Before after");
    }

    #[test]
    fn unclosed_and_stray_tags_do_not_lose_text() {
        assert_eq!(
            html_to_text("<p>One<p>Two</div></span>three<img src=x.png>four"),
            "One\n\nTwo\n\nthree four"
        );
    }
}
