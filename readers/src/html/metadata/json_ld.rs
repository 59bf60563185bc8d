//! schema.org JSON-LD: the first `NewsArticle`, `Article`, `BlogPosting`
//! (or any other type whose name ends in `Article`) among the page's
//! `<script type="application/ld+json">` blocks, at their top level, in an
//! array or inside `@graph`; its author and publisher found through `@id`
//! when the graph names them by reference.

use super::cleaned;
use dom_query::Document;

/// `text` cleaned, its character references (`&#8216;`, `&amp;`) decoded
/// by the HTML parser: JSON-LD is often written already escaped for HTML.
fn unescaped(text: &str) -> Option<String> {
    if !text.contains('&') {
        return cleaned(text);
    }
    cleaned(&Document::fragment(text).root().text())
}
use serde_json::Value;

/// What an article's JSON-LD says about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// `headline`, else `name`.
    pub headline: Option<String>,
    /// `datePublished`, else `dateCreated`, as written.
    pub date: Option<String>,
    /// The names of `author` (a name, a person, or a list of them), joined by ", ".
    pub author: Option<String>,
    /// `publisher`'s name.
    pub publisher: Option<String>,
    /// `url`.
    pub url: Option<String>,
}

/// The page's article as its JSON-LD describes it; empty if it has none.
pub fn article(document: &Document) -> Article {
    let mut nodes = Vec::new();
    for script in document.select("script").nodes() {
        let kind = script.attr("type").unwrap_or_default();
        if kind.trim().eq_ignore_ascii_case("application/ld+json") {
            if let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) {
                flatten(value, &mut nodes);
            }
        }
    }
    nodes
        .iter()
        .find(|node| is_article(node))
        .map(|node| described(node, &nodes))
        .unwrap_or_default()
}

/// Every object of `value`: itself, the items of an array, the members of `@graph`.
fn flatten(value: Value, nodes: &mut Vec<Value>) {
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        match value {
            Value::Array(items) => pending.extend(items.into_iter().rev()),
            Value::Object(mut object) => {
                if let Some(graph) = object.remove("@graph") {
                    pending.push(graph);
                }
                nodes.push(Value::Object(object));
            }
            _ => {}
        }
    }
}

/// Whether the node's `@type` (one or several) is an article's.
fn is_article(node: &Value) -> bool {
    let is_article_type = |name: &str| name.ends_with("Article") || name == "BlogPosting";
    match node.get("@type") {
        Some(Value::String(name)) => is_article_type(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

/// The article's fields, references resolved among `nodes`.
fn described(node: &Value, nodes: &[Value]) -> Article {
    let text = |key: &str| node.get(key).and_then(Value::as_str).and_then(unescaped);
    Article {
        headline: text("headline").or_else(|| text("name")),
        date: text("datePublished").or_else(|| text("dateCreated")),
        author: node.get("author").and_then(|author| names(author, nodes)),
        publisher: node
            .get("publisher")
            .and_then(|publisher| names(publisher, nodes)),
        url: text("url"),
    }
}

/// The name of a person or organisation (a string, an object with `name`,
/// a reference by `@id`), or of each in a list, joined by ", ".
fn names(value: &Value, nodes: &[Value]) -> Option<String> {
    let list = match value {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    let names: Vec<String> = list
        .into_iter()
        .filter_map(|item| name(item, nodes))
        .collect();
    Some(names.join(", ")).filter(|joined| !joined.is_empty())
}

/// The name of one person or organisation.
fn name(value: &Value, nodes: &[Value]) -> Option<String> {
    match value {
        Value::String(name) => unescaped(name),
        Value::Object(object) => match object.get("name") {
            Some(Value::String(name)) => unescaped(name),
            _ => object
                .get("@id")
                .and_then(|id| {
                    nodes
                        .iter()
                        .find(|node| node.get("@id") == Some(id) && node.get("name").is_some())
                })
                .and_then(|node| node.get("name"))
                .and_then(Value::as_str)
                .and_then(unescaped),
        },
        _ => None,
    }
}
