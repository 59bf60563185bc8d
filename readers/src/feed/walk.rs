//! One pass over a feed's XML events (quick-xml, namespaces resolved),
//! picking out the channel's or feed's title and each item's fields.

use html5ever::data::NAMED_ENTITIES;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, XmlVersion};

use super::{Feed, Item};
use crate::markup::{html_to_text, Plain};
use crate::xml::{self, line_of, place};
use crate::Warning;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const RSS_1: &str = "http://purl.org/rss/1.0/";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const DUBLIN_CORE: &str = "http://purl.org/dc/elements/1.1/";

/// The namespaces whose elements the feeds use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ns {
    /// No namespace (RSS 0.9x and 2.0), or RSS 1.0's.
    Rss,
    Atom,
    Rdf,
    Content,
    DublinCore,
    Other,
}

/// Which kind of feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dialect {
    Rss,
    Atom,
}

/// What a document turned out to be.
#[derive(Debug)]
pub(super) enum Walked {
    /// A feed.
    Feed(Feed),
    /// Some other XML, with the name of its root element.
    Other(String),
}

/// The field a captured element fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Publication,
    Title,
    Link,
    Published,
    Updated,
    Author,
    Creator,
    Content,
    Summary,
}

/// How a captured element's content is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Markup {
    /// Plain text.
    Text,
    /// HTML, escaped or in CDATA (RSS descriptions, Atom `type="html"`).
    Html,
    /// XHTML elements inline (Atom `type="xhtml"`).
    Xhtml,
}

/// An element whose content is being collected.
struct Capture {
    field: Field,
    markup: Markup,
    /// The element's depth, to know its end.
    depth: usize,
    /// The text, or for HTML its source.
    raw: String,
    /// The text of inline XHTML.
    plain: Plain,
}

/// The state of the pass.
struct Walk {
    dialect: Dialect,
    feed: Feed,
    /// The open elements, as namespace and local name.
    open: Vec<(Ns, String)>,
    /// The open item and its depth.
    item: Option<(Item, usize)>,
    capture: Option<Capture>,
}

/// Walks the feed in `text`: a feed, the root of some other XML, or why the
/// XML is not well-formed (naming the line and column).
pub(super) fn walk(text: &str) -> Result<Walked, String> {
    let mut reader = NsReader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut walk: Option<Walk> = None;
    loop {
        // Where the event starts: the `<` of a tag, the `&` of a reference.
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let (ns, event) = match reader.read_resolved_event() {
            Ok((resolved, event)) => (namespace(&resolved), event),
            Err(error) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(format!("{}: {error}", place(text, at)));
            }
        };
        match (&mut walk, event) {
            (_, Event::Eof) => {
                return match walk {
                    Some(walk) => walk.finish(text),
                    None => Err("no element: not XML".to_string()),
                }
            }
            (None, Event::Start(start)) => {
                let local = local_name(&start);
                let dialect = match (ns, local.as_str()) {
                    (Ns::Rss, "rss") | (Ns::Rdf, "RDF") => Dialect::Rss,
                    (Ns::Atom, "feed") => Dialect::Atom,
                    _ => return Ok(Walked::Other(start.name().as_ref().to_string())),
                };
                walk = Some(Walk::new(dialect, (ns, local)));
            }
            (None, _) => {}
            (Some(walk), event) => walk.event(ns, event, text, at),
        }
        if let Some(done) = walk.take_if(|walk| walk.open.is_empty()) {
            // The root closed: what may follow is comments and white space.
            return done.finish(text);
        }
    }
}

impl Walk {
    fn new(dialect: Dialect, root: (Ns, String)) -> Self {
        let item_noun = match dialect {
            Dialect::Rss => "item",
            Dialect::Atom => "entry",
        };
        Walk {
            dialect,
            feed: Feed {
                item_noun,
                ..Feed::default()
            },
            open: vec![root],
            item: None,
            capture: None,
        }
    }

    /// The feed, once the document has ended; an error if it ended inside
    /// an element.
    fn finish(self, text: &str) -> Result<Walked, String> {
        if let Some((_, name)) = self.open.last() {
            return Err(format!(
                "{}: the document ends inside the element <{name}>",
                place(text, text.len())
            ));
        }
        Ok(Walked::Feed(self.feed))
    }

    fn event(&mut self, ns: Ns, event: Event, text: &str, at: usize) {
        match event {
            Event::Start(start) => self.start(ns, &start, text, at),
            Event::End(_) => self.end(),
            Event::Text(content) => self.text(&content.xml10_content()),
            Event::CData(content) => self.text(&content.xml10_content()),
            Event::GeneralRef(reference) => match xml::resolve(&reference) {
                Some(resolved) => self.text(&resolved),
                None => self.undefined_entity(&reference, text, at),
            },
            _ => {}
        }
    }

    /// An entity XML does not define (`&nbsp;`, an HTML habit): read as
    /// HTML defines it, or kept as written with a warning.
    fn undefined_entity(&mut self, name: &str, text: &str, at: usize) {
        let written = format!("&{name};");
        if let Some(capture) = &mut self.capture {
            if capture.markup == Markup::Html {
                // Left for the HTML tokenizer to read.
                capture.raw.push_str(&written);
                return;
            }
        }
        let resolved = match NAMED_ENTITIES.get(written.get(1..).unwrap_or_default()) {
            Some(&(first, second)) if first != 0 => [first, second]
                .into_iter()
                .filter(|&c| c != 0)
                .filter_map(char::from_u32)
                .collect(),
            _ => {
                if self.capture.is_some() {
                    self.feed.warnings.push(Warning::new(
                        "unknown-entity",
                        format!(
                            "the entity {written} ({}) is not defined, and is kept as written",
                            place(text, at)
                        ),
                    ));
                }
                written
            }
        };
        self.text(&resolved);
    }

    fn start(&mut self, ns: Ns, start: &BytesStart, text: &str, at: usize) {
        let local = local_name(start);
        self.open.push((ns, local.clone()));
        let depth = self.open.len();
        if let Some(capture) = &mut self.capture {
            // Markup inside a field: inline XHTML, or HTML left unescaped.
            match capture.markup {
                Markup::Xhtml => capture.plain.start(&local),
                Markup::Html => capture.raw.push_str(&format!("<{local}>")),
                Markup::Text => {}
            }
            return;
        }
        let field = match self.dialect {
            Dialect::Rss => self.rss_field(ns, &local, depth, text, at),
            Dialect::Atom => self.atom_field(ns, &local, start, depth, text, at),
        };
        if let Some((field, markup)) = field {
            self.capture = Some(Capture {
                field,
                markup,
                depth,
                raw: String::new(),
                plain: Plain::new(),
            });
        }
    }

    /// The field an RSS element fills, opening an item if it is one.
    fn rss_field(
        &mut self,
        ns: Ns,
        local: &str,
        depth: usize,
        text: &str,
        at: usize,
    ) -> Option<(Field, Markup)> {
        let Some((_, item_depth)) = &self.item else {
            if ns == Ns::Rss && local == "item" {
                self.open_item(depth, text, at);
                return None;
            }
            let in_channel = self.parent_is(Ns::Rss, "channel");
            return (in_channel && ns == Ns::Rss && local == "title")
                .then_some((Field::Publication, Markup::Text));
        };
        if depth != item_depth + 1 {
            return None;
        }
        let field = match (ns, local) {
            (Ns::Rss, "title") => (Field::Title, Markup::Text),
            (Ns::Rss, "link") => (Field::Link, Markup::Text),
            (Ns::Rss, "pubDate") | (Ns::DublinCore, "date") => (Field::Published, Markup::Text),
            (Ns::Rss, "author") => (Field::Author, Markup::Text),
            (Ns::DublinCore, "creator") => (Field::Creator, Markup::Text),
            (Ns::Content, "encoded") => (Field::Content, Markup::Html),
            (Ns::Rss, "description") => (Field::Summary, Markup::Html),
            _ => return None,
        };
        Some(field)
    }

    /// The field an Atom element fills, opening an entry if it is one.
    fn atom_field(
        &mut self,
        ns: Ns,
        local: &str,
        start: &BytesStart,
        depth: usize,
        text: &str,
        at: usize,
    ) -> Option<(Field, Markup)> {
        if ns != Ns::Atom {
            return None;
        }
        let in_author = self.parent_is(Ns::Atom, "author");
        let Some((item, item_depth)) = &mut self.item else {
            if local == "entry" && depth == 2 {
                self.open_item(depth, text, at);
                return None;
            }
            return (local == "title" && depth == 2)
                .then(|| Some((Field::Publication, markup(start)?)))
                .flatten();
        };
        if depth == *item_depth + 2 && local == "name" && in_author {
            return Some((Field::Creator, Markup::Text));
        }
        if depth != *item_depth + 1 {
            return None;
        }
        match local {
            "title" => Some((Field::Title, markup(start)?)),
            "published" => Some((Field::Published, Markup::Text)),
            "updated" => Some((Field::Updated, Markup::Text)),
            // Content elsewhere (`src`) is not fetched: the summary stands in.
            "content" if attribute(start, "src").is_none() => {
                Some((Field::Content, markup(start)?))
            }
            "summary" => Some((Field::Summary, markup(start)?)),
            "link" => {
                let alternate = attribute(start, "rel").is_none_or(|rel| rel == "alternate");
                if alternate && item.url.is_none() {
                    item.url = attribute(start, "href").filter(|href| !href.is_empty());
                }
                None
            }
            _ => None,
        }
    }

    fn parent_is(&self, ns: Ns, local: &str) -> bool {
        let parent = self
            .open
            .len()
            .checked_sub(2)
            .and_then(|i| self.open.get(i));
        parent.is_some_and(|(n, l)| *n == ns && l == local)
    }

    fn open_item(&mut self, depth: usize, text: &str, at: usize) {
        let item = Item {
            number: self.feed.items.len() + 1,
            line: line_of(text, at),
            ..Item::default()
        };
        self.item = Some((item, depth));
    }

    fn end(&mut self) {
        let depth = self.open.len();
        let Some((_, local)) = self.open.pop() else {
            return;
        };
        if let Some(capture) = &mut self.capture {
            if capture.depth != depth {
                match capture.markup {
                    Markup::Xhtml => capture.plain.end(&local),
                    Markup::Html => capture.raw.push_str(&format!("</{local}>")),
                    Markup::Text => {}
                }
                return;
            }
        }
        if let Some(capture) = self.capture.take() {
            self.fill(capture);
        } else if self.item.as_ref().is_some_and(|(_, d)| *d == depth) {
            if let Some((item, _)) = self.item.take() {
                self.feed.items.push(item);
            }
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(capture) = &mut self.capture {
            match capture.markup {
                Markup::Xhtml => capture.plain.text(text),
                Markup::Text | Markup::Html => capture.raw.push_str(text),
            }
        }
    }

    /// Puts a captured element's text in its field, unless the field has one.
    fn fill(&mut self, capture: Capture) {
        let value = match capture.markup {
            Markup::Xhtml => capture.plain.finish(),
            Markup::Html => html_to_text(&capture.raw),
            Markup::Text if matches!(capture.field, Field::Content | Field::Summary) => {
                capture.raw.trim().to_string()
            }
            Markup::Text => capture.raw.split_whitespace().collect::<Vec<_>>().join(" "),
        };
        if value.is_empty() {
            return;
        }
        if capture.field == Field::Publication {
            self.feed.publication.get_or_insert(value);
            return;
        }
        let Some((item, _)) = &mut self.item else {
            return;
        };
        let slot = match capture.field {
            Field::Creator => {
                item.creators.push(value);
                return;
            }
            Field::Publication => return,
            Field::Title => &mut item.title,
            Field::Link => &mut item.url,
            Field::Published => &mut item.published,
            Field::Updated => &mut item.updated,
            Field::Author => &mut item.author,
            Field::Content => &mut item.content,
            Field::Summary => &mut item.summary,
        };
        slot.get_or_insert(value);
    }
}

/// How an Atom text construct's `type` says to read it; `None` for a media
/// type that is not text.
fn markup(start: &BytesStart) -> Option<Markup> {
    match attribute(start, "type").as_deref() {
        None | Some("text") => Some(Markup::Text),
        Some("html" | "text/html") => Some(Markup::Html),
        Some("xhtml" | "application/xhtml+xml") => Some(Markup::Xhtml),
        Some(other) if other.starts_with("text/") => Some(Markup::Text),
        Some(_) => None,
    }
}

/// The value of the attribute `name` (without a prefix), entities replaced.
fn attribute(start: &BytesStart, name: &str) -> Option<String> {
    let attribute = start.try_get_attribute(name).ok()??;
    let value = attribute.normalized_value(XmlVersion::Implicit1_0).ok()?;
    Some(value.trim().to_string())
}

fn namespace(resolved: &ResolveResult) -> Ns {
    match resolved {
        ResolveResult::Unbound => Ns::Rss,
        ResolveResult::Bound(Namespace(uri)) => match *uri {
            RSS_1 => Ns::Rss,
            ATOM => Ns::Atom,
            RDF => Ns::Rdf,
            CONTENT => Ns::Content,
            DUBLIN_CORE => Ns::DublinCore,
            _ => Ns::Other,
        },
        ResolveResult::Unknown(_) => Ns::Other,
    }
}

fn local_name(start: &BytesStart) -> String {
    start.local_name().as_ref().to_string()
}
