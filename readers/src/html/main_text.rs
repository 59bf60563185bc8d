//! Finding the element that holds the article, as Readability does: each
//! paragraph scores its parent and ancestors by its length and commas, the
//! best-scored element (less its share of link text) wins, and the
//! siblings that score nearly as well join it.

use super::nodes::{tag, Stats};
use super::prune::says_article_body;
use dom_query::{NodeId, NodeRef};
use std::collections::HashMap;

/// Elements whose text counts as a paragraph of the article.
const SCORED: &[&str] = &["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"];

/// Elements that start a block: a `div` holding none holds a paragraph.
pub const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "body",
    "html",
];

/// Words of `class` or `id` that raise an element's score (Readability's).
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Words of `class` or `id` that lower it (Readability's).
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "caption",
    "byline",
];

/// The fewest characters a paragraph needs to score.
const MIN_PARAGRAPH: usize = 25;

/// How many ancestors a paragraph scores.
const ANCESTORS: usize = 5;

/// Words that name the article's body in `class` or `id` once lower-cased
/// and stripped of all but letters and digits (`article-body`,
/// `articleBody` and `ArticleBody-articleBody` all hold `articlebody`):
/// trafilatura's list of the markup that content systems write.
const BODY_NAMES: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "storybody",
    "storycontent",
    "storytext",
    "postbody",
    "postcontent",
    "posttext",
    "postentry",
    "entrycontent",
    "bodytext",
    "contentbody",
    "articlecontainer",
    "blogcontent",
    "singlecontent",
    "fulltext",
];

/// The fewest characters of text that an element naming itself the
/// article's body must hold to be believed.
const MIN_DECLARED: usize = 200;

/// The elements holding the article, in document order: the element that
/// names itself the body (see [`BODY_NAMES`]) if it holds enough text,
/// else the best-scored element and its siblings that score nearly as well.
pub fn article_roots<'a>(body: &NodeRef<'a>, stats: &HashMap<NodeId, Stats>) -> Vec<NodeRef<'a>> {
    let text_of = |node: &NodeRef| stats.get(&node.id).copied().unwrap_or_default().text;
    let declared = declared_body(body, stats).filter(|node| text_of(node) >= MIN_DECLARED);
    let scores = scores(body, stats);
    let Some(top) = top_candidate(&scores, body, stats) else {
        return vec![declared.unwrap_or(*body)];
    };
    match declared {
        // A body that is a small part of the best-scored element is only
        // part of the article (its first paragraphs, a summary).
        Some(declared) if !is_small_part(&declared, &top, stats) => vec![declared],
        _ => with_siblings(&top, &scores, stats),
    }
}

/// Whether `part` lies inside `whole` and holds less than half its text.
fn is_small_part(part: &NodeRef, whole: &NodeRef, stats: &HashMap<NodeId, Stats>) -> bool {
    let text_of = |node: &NodeRef| stats.get(&node.id).copied().unwrap_or_default().text;
    let inside = part.ancestors_it(None).any(|a| a.id == whole.id);
    inside && text_of(part) * 2 < text_of(whole)
}

/// The element holding the most text among those that name themselves
/// the article's body (`itemprop="articleBody"` or a [`BODY_NAMES`] word).
fn declared_body<'a>(body: &NodeRef<'a>, stats: &HashMap<NodeId, Stats>) -> Option<NodeRef<'a>> {
    body.descendants_it()
        .filter(|node| node.is_element())
        .filter(|node| says_article_body(node) || names_body(node))
        .max_by_key(|node| {
            let text = stats.get(&node.id).copied().unwrap_or_default().text;
            // The first of equals: a later one scores less by its position.
            (text, std::cmp::Reverse(node.id))
        })
}

/// Whether the element's `class` or `id` holds one of [`BODY_NAMES`].
fn names_body(node: &NodeRef) -> bool {
    [node.attr("class"), node.attr("id")]
        .into_iter()
        .flatten()
        .any(|value| {
            let squeezed: String = value
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            BODY_NAMES.iter().any(|name| squeezed.contains(name))
        })
}

/// The score of every element that a paragraph scored, before link density.
fn scores(body: &NodeRef, stats: &HashMap<NodeId, Stats>) -> HashMap<NodeId, f64> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for node in body.descendants_it().filter(is_paragraph) {
        let own = stats.get(&node.id).copied().unwrap_or_default();
        if own.text < MIN_PARAGRAPH {
            continue;
        }
        let points = 1.0 + (own.commas + 1) as f64 + (own.text / 100).min(3) as f64;
        for (level, ancestor) in node.ancestors_it(Some(ANCESTORS)).enumerate() {
            // The page itself is no candidate: it holds every teaser and
            // list of links as well as the article.
            if !ancestor.is_element() || matches!(tag(&ancestor).as_str(), "body" | "html") {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            *scores
                .entry(ancestor.id)
                .or_insert_with(|| initial_score(&ancestor)) += points / divider;
        }
    }
    scores
}

/// Whether `node` is one of the elements whose text scores as a paragraph.
fn is_paragraph(node: &NodeRef) -> bool {
    let name = tag(node);
    if SCORED.contains(&name.as_str()) {
        return true;
    }
    name == "div"
        && !node
            .descendants_it()
            .any(|d| BLOCKS.contains(&tag(&d).as_str()))
}

/// An element's score before any paragraph: by its tag and its class and id.
fn initial_score(node: &NodeRef) -> f64 {
    let by_tag = match tag(node).as_str() {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + class_weight(node)
}

/// Readability's class weight: ±25 for each of `class` and `id` that
/// holds a positive or negative word.
pub fn class_weight(node: &NodeRef) -> f64 {
    ["class", "id"]
        .iter()
        .map(|name| {
            let value = node.attr(name).unwrap_or_default().to_lowercase();
            let mut weight = 0.0;
            if NEGATIVE.iter().any(|word| value.contains(word)) {
                weight -= 25.0;
            }
            if POSITIVE.iter().any(|word| value.contains(word)) {
                weight += 25.0;
            }
            weight
        })
        .sum()
}

/// The final score: the score less its share of link text.
fn final_score(id: NodeId, scores: &HashMap<NodeId, f64>, stats: &HashMap<NodeId, Stats>) -> f64 {
    let density = stats.get(&id).copied().unwrap_or_default().link_density();
    scores.get(&id).copied().unwrap_or(0.0) * (1.0 - density)
}

/// The best-scored element under `body`, moved up to the ancestor it shares
/// with other near-best candidates, as Readability does.
fn top_candidate<'a>(
    scores: &HashMap<NodeId, f64>,
    body: &NodeRef<'a>,
    stats: &HashMap<NodeId, Stats>,
) -> Option<NodeRef<'a>> {
    let mut ranked: Vec<(f64, NodeId)> = scores
        .keys()
        .map(|&id| (final_score(id, scores, stats), id))
        .collect();
    // Highest first; ties by document order, so the result is deterministic.
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let &(best, id) = ranked.first()?;
    let top = NodeRef::new(id, body.tree);
    let near: Vec<NodeRef> = ranked[1..ranked.len().min(5)]
        .iter()
        .filter(|(score, _)| *score >= best * 0.75)
        .map(|&(_, id)| NodeRef::new(id, body.tree))
        .collect();
    Some(shared_ancestor(top, &near, body).unwrap_or_else(|| NodeRef::new(id, body.tree)))
}

/// The nearest ancestor of `top` that holds at least three of `near`.
fn shared_ancestor<'a>(
    top: NodeRef<'a>,
    near: &[NodeRef<'a>],
    body: &NodeRef<'a>,
) -> Option<NodeRef<'a>> {
    if near.len() < 3 {
        return None;
    }
    top.ancestors_it(None)
        .take_while(|ancestor| ancestor.id != body.id)
        .find(|ancestor| {
            let held = near
                .iter()
                .filter(|n| n.ancestors_it(None).any(|a| a.id == ancestor.id))
                .count();
            held >= 3
        })
}

/// `top` and those of its siblings that score nearly as well, or that are
/// paragraphs of prose with few links, in document order.
fn with_siblings<'a>(
    top: &NodeRef<'a>,
    scores: &HashMap<NodeId, f64>,
    stats: &HashMap<NodeId, Stats>,
) -> Vec<NodeRef<'a>> {
    let Some(parent) = top.parent() else {
        return vec![*top];
    };
    let best = final_score(top.id, scores, stats);
    let threshold = (best * 0.2).max(10.0);
    parent
        .element_children()
        .into_iter()
        .filter(|sibling| {
            sibling.id == top.id
                || final_score(sibling.id, scores, stats) >= threshold
                || is_prose(sibling, stats)
        })
        .collect()
}

/// Whether `node` is a `<p>` of prose: long with few links, or short with
/// none and ending a sentence.
fn is_prose(node: &NodeRef, stats: &HashMap<NodeId, Stats>) -> bool {
    if tag(node) != "p" {
        return false;
    }
    let own = stats.get(&node.id).copied().unwrap_or_default();
    let density = own.link_density();
    if own.text > 80 {
        return density < 0.25;
    }
    density == 0.0 && node.text().trim_end().ends_with('.')
}
