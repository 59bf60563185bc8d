//! The page's metadata: `title`, `date`, `author`, `publication` and
//! `url`, each from the first source that gives it, in this order:
//! schema.org JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, …, also
//! inside `@graph`), then Open Graph and the other `<meta>` tags, then the
//! page's own elements (`<link rel=canonical>`, `<time datetime>`,
//! `<title>`, the first `<h1>`). Dates are kept as the page writes them;
//! the engine parses them.

use crate::Record;
use dom_query::{Document, NodeRef};
use serde_json::Value;

mod json_ld;

/// The record's fields other than `text`, each left out if the page gives
/// nothing for it.
pub fn metadata(document: &Document) -> Record {
    let article = json_ld::article(document);
    let mut record = Record::new();
    let fields = [
        ("title", title(document, &article)),
        ("date", date(document, &article)),
        ("author", author(document, &article)),
        ("publication", publication(document, &article)),
        ("url", url(document, &article)),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            record.insert(key.to_string(), Value::String(value));
        }
    }
    record
}

/// The headline: JSON-LD, Open Graph, Twitter's card, `<title>`, `<h1>`;
/// a title from the page's head loses the site's name it carries.
fn title(document: &Document, article: &json_ld::Article) -> Option<String> {
    if let Some(headline) = &article.headline {
        return Some(headline.clone());
    }
    let heading = element_text(document, "h1");
    meta(document, &["og:title", "twitter:title"])
        .or_else(|| element_text(document, "head title"))
        .map(|title| {
            without_site(
                title,
                publication(document, article).as_deref(),
                heading.as_deref(),
            )
        })
        .or(heading)
}

/// What separates a page's title from its site's name in `<title>`.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{b7} "];

/// `title` without the site's name (`Talks resume | Herald` → `Talks
/// resume`): the part the page's `<h1>` gives, else the part beside a
/// separator from the site's name.
fn without_site(title: String, site: Option<&str>, heading: Option<&str>) -> String {
    if let Some(heading) = heading.filter(|h| !h.is_empty() && *h != title && title.contains(*h)) {
        return heading.to_string();
    }
    let Some(site) = site else {
        return title;
    };
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if tail.trim().eq_ignore_ascii_case(site) {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            if head.trim().eq_ignore_ascii_case(site) {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// The date of publication, as written: JSON-LD, `article:published_time`
/// and its kin, an element marked `datePublished`, the first `<time datetime>`.
fn date(document: &Document, article: &json_ld::Article) -> Option<String> {
    const NAMES: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "datePublished",
        "pubdate",
        "publishdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "sailthru.date",
        "parsely-pub-date",
    ];
    article
        .date
        .clone()
        .or_else(|| meta(document, NAMES))
        .or_else(|| {
            attribute(
                document,
                "[itemprop=datePublished]",
                &["content", "datetime"],
            )
        })
        .or_else(|| attribute(document, "time[datetime]", &["datetime"]))
}

/// The author: JSON-LD (several joined by a comma), `<meta name=author>`,
/// `article:author` unless it is an address.
fn author(document: &Document, article: &json_ld::Article) -> Option<String> {
    article.author.clone().or_else(|| {
        meta(
            document,
            &["author", "article:author", "dc.creator", "parsely-author"],
        )
        .filter(|name| !name.starts_with("http"))
    })
}

/// The publication's name: JSON-LD's publisher, `og:site_name`, the
/// page's application name.
fn publication(document: &Document, article: &json_ld::Article) -> Option<String> {
    article
        .publisher
        .clone()
        .or_else(|| meta(document, &["og:site_name", "application-name"]))
}

/// The page's address: `<link rel=canonical>`, `og:url`, JSON-LD's `url`.
fn url(document: &Document, article: &json_ld::Article) -> Option<String> {
    attribute(document, "link[rel=canonical]", &["href"])
        .or_else(|| meta(document, &["og:url"]))
        .or_else(|| article.url.clone())
}

/// The content of the first `<meta>` whose `property`, `name` or
/// `itemprop` is one of `names` (in their order, any case).
fn meta(document: &Document, names: &[&str]) -> Option<String> {
    let metas: Vec<NodeRef> = document.select("meta[content]").nodes().to_vec();
    names.iter().find_map(|wanted| {
        metas.iter().find_map(|node| {
            let named = ["property", "name", "itemprop"].iter().any(|key| {
                node.attr(key)
                    .is_some_and(|name| name.trim().eq_ignore_ascii_case(wanted))
            });
            named
                .then(|| node.attr("content"))
                .flatten()
                .and_then(|c| cleaned(&c))
        })
    })
}

/// The first non-empty value of one of `names` on an element matching `selector`.
fn attribute(document: &Document, selector: &str, names: &[&str]) -> Option<String> {
    document.select(selector).nodes().iter().find_map(|node| {
        names
            .iter()
            .find_map(|name| node.attr(name).and_then(|value| cleaned(&value)))
    })
}

/// The text of the first element matching `selector` that has any.
fn element_text(document: &Document, selector: &str) -> Option<String> {
    let nodes = document.select(selector);
    nodes.nodes().iter().find_map(|node| cleaned(&node.text()))
}

/// `text` with its whitespace collapsed, or `None` if that leaves nothing.
pub fn cleaned(text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(text).filter(|text| !text.is_empty())
}
