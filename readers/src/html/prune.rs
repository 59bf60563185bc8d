//! Removing what is never the article: scripts, styles, forms' controls,
//! navigation, menus, asides, footers, comments, ads and share buttons,
//! found by tag, ARIA role and the words of `class` and `id`.

use super::nodes::{has_word, tag, words};
use dom_query::{Document, NodeRef};

/// Elements whose content is never article text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
    "button", "select", "input", "textarea", "nav", "aside", "footer", "dialog", "menu", "head",
    "header", "link", "meta", "math", "video", "audio", "picture", "map",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "search",
    "toolbar",
    "tablist",
];

/// Words in `class` or `id` that mark boilerplate (Readability's
/// `unlikelyCandidates`, with share, newsletter and promotion blocks added).
/// Each is the start of a word (see [`words`]); `ad` and `ads` must be the
/// whole word.
const UNLIKELY: &[&str] = &[
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "share",
    "newsletter",
    "subscribe",
    "promo",
    "cookie",
    "consent",
    "recommend",
    "outbrain",
    "taboola",
    "modal",
    "caption",
    "credit",
    "byline",
    "gallery",
    "slideshow",
    "carousel",
    "bio",
    "author",
    "timestamp",
    "dateline",
    "latest",
    "teaser",
    "copyright",
    "image",
];

/// Words that mark advertisements when they are the whole word.
const ADS: &[&str] = &["ad", "ads", "advert", "advertisement"];

/// Words that keep an element whose `class` or `id` also holds an
/// [`UNLIKELY`] word (Readability's `okMaybeItsACandidate`).
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Elements never removed for their `class` or `id`: the page itself and
/// the elements that say they hold the article.
const KEPT: &[&str] = &[
    "html", "body", "article", "main", "a", "table", "tbody", "tr", "td",
];

/// Removes from `document` every element that is page furniture.
pub fn prune(document: &Document) {
    let doomed: Vec<NodeRef> = document
        .root()
        .descendants_it()
        .filter(|node| node.is_element() || node.is_comment())
        .filter(|node| node.is_comment() || is_furniture(node))
        .collect();
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Whether `node` is furniture by its tag, role, hiding or class and id.
fn is_furniture(node: &NodeRef) -> bool {
    let name = tag(node);
    if NEVER_TEXT.contains(&name.as_str()) {
        return true;
    }
    if is_hidden(node) {
        return true;
    }
    let role = node.attr("role").unwrap_or_default().to_ascii_lowercase();
    if FURNITURE_ROLES.contains(&role.trim()) {
        return true;
    }
    if KEPT.contains(&name.as_str()) || says_article_body(node) {
        return false;
    }
    let words = words(node);
    let unlikely = UNLIKELY.iter().any(|prefix| has_word(&words, prefix))
        || words.iter().any(|word| ADS.contains(&word.as_str()));
    unlikely && !MAYBE.iter().any(|prefix| has_word(&words, prefix))
}

/// Whether the element is hidden from readers (`hidden`, `aria-hidden`,
/// `display: none`).
fn is_hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    let style: String = node
        .attr("style")
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    style.to_ascii_lowercase().contains("display:none")
}

/// Whether the element declares itself the article's body (schema.org's
/// `itemprop="articleBody"`).
pub fn says_article_body(node: &NodeRef) -> bool {
    node.attr("itemprop").is_some_and(|prop| {
        prop.split_whitespace()
            .any(|p| p.eq_ignore_ascii_case("articlebody"))
    })
}
