//! Parenthetical source citations, the way news analysis names its sources:
//! `(Xinhua, Kyodo, April 10)`, `(Russian agencies, March 23; Itar-Tass,
//! March 25)`, `(see EDM, November 17)`, and `Tokyo Shimbun (November 24)`.

use serde::Serialize;

use crate::dates::{Date, DateValue};
use crate::text::Span;

use super::temporal::{capitalised_month, parse_days};

/// One citation: the sources a parenthesis names, with their dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    /// The id of the document.
    pub doc_id: String,
    /// Start of the citation (its opening parenthesis, or the outlet's name
    /// for `Outlet (date)`), in UTF-16 code units.
    pub start: usize,
    /// End, just past the closing parenthesis, in UTF-16 code units.
    pub end: usize,
    /// The sources, in the order written.
    pub sources: Vec<CitationSource>,
}

/// One source of a citation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CitationSource {
    /// The source as written, without "see": "Itar-Tass", "Russian agencies".
    pub name: String,
    /// The media entity it links to; `None` for a generic source such as
    /// "Russian agencies".
    pub entity_id: Option<String>,
    /// The dates given for it, ISO 8601, anchored on the document's year.
    pub dates: Vec<String>,
}

/// A citation as parsed, in byte offsets, before linking to entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawCitation {
    pub span: Span,
    pub sources: Vec<RawSource>,
}

/// A source as parsed: its name, where the name is (without "see" or "The"),
/// and whether it reads as an outlet's name (all words capitalised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawSource {
    pub name: String,
    pub span: Option<Span>,
    pub proper: bool,
    pub dates: Vec<DateValue>,
}

/// The longest parenthesis that can be a citation, in bytes.
const MAX_CITATION: usize = 240;

/// Every citation of `text`; dates without a year take `year`.
pub(crate) fn parse(text: &str, year: Option<i32>) -> Vec<RawCitation> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        from = open + 1;
        let inner = &text[open + 1..close];
        if inner.len() > MAX_CITATION || inner.contains('(') {
            continue;
        }
        let span = Span::new(open, close + 1);
        if let Some(citation) = parse_inner(text, open + 1, inner, year) {
            out.push(RawCitation { span, ..citation });
        } else if let Some(citation) = outlet_before(text, open, inner, year) {
            out.push(RawCitation {
                span: Span::new(citation.span.start, close + 1),
                ..citation
            });
        }
    }
    out
}

/// The month a document appeared in, from the latest date its citations give.
///
/// A January issue may cite December: when both the first and the last
/// quarter of the year are cited, the last quarter counts as the year before.
pub(crate) fn publication_month(text: &str, year: i32) -> Option<Date> {
    let months: Vec<u8> = parse(text, Some(year))
        .iter()
        .flat_map(|c| &c.sources)
        .flat_map(|s| &s.dates)
        .filter_map(|d| d.end().month)
        .collect();
    let early = months.iter().any(|&m| m <= 3);
    let latest = months
        .iter()
        .copied()
        .filter(|&m| !(early && m >= 10))
        .max()?;
    Some(Date::month(year, latest))
}

/// A citation inside a parenthesis: `;`-separated groups of sources and dates.
fn parse_inner(text: &str, base: usize, inner: &str, year: Option<i32>) -> Option<RawCitation> {
    let mut sources = Vec::new();
    let mut offset = base;
    for group in inner.split(';') {
        let mut parsed = parse_group(text, offset, group, year)?;
        sources.append(&mut parsed);
        offset += group.len() + 1;
    }
    let named = sources.iter().any(|s| !s.name.is_empty());
    (named && !sources.is_empty()).then_some(RawCitation {
        span: Span::new(base, base + inner.len()),
        sources,
    })
}

/// One group: sources, then their dates ("Izvestia, AFP, January 19").
fn parse_group(text: &str, base: usize, group: &str, year: Option<i32>) -> Option<Vec<RawSource>> {
    let mut names = Vec::new();
    let mut dates = Vec::new();
    let mut last_month = None;
    let mut offset = base;
    for item in group.split(',') {
        let at = offset + (item.len() - item.trim_start().len());
        offset += item.len() + 1;
        let item = item.trim();
        if let Some((month, value)) = date_item(item, last_month, year) {
            last_month = Some(month);
            dates.push(value);
        } else if !dates.is_empty() || item.split_whitespace().count() > 5 || item.is_empty() {
            return None;
        } else {
            names.push(source(text, at, item));
        }
    }
    if dates.is_empty() || names.is_empty() {
        return None;
    }
    Some(
        names
            .into_iter()
            .map(|mut s| {
                s.dates = dates.clone();
                s
            })
            .collect(),
    )
}

/// A date item: "April 10", "April 1-2", or a bare day after a month ("21").
fn date_item(item: &str, last_month: Option<u8>, year: Option<i32>) -> Option<(u8, DateValue)> {
    let year = year?;
    let (month, days) = match item.split_once(' ') {
        Some((m, d)) => (capitalised_month(m)?, parse_days(d.trim())?),
        None => (last_month?, parse_days(item)?),
    };
    let value = if days.0 == days.1 {
        DateValue::Point(Date::day(year, month, days.0)?)
    } else {
        DateValue::Range(
            Date::day(year, month, days.0)?,
            Date::day(year, month, days.1)?,
        )
    };
    Some((month, value))
}

/// A source item: "see EDM", "the Monitor", "The Japan Times", "Russian agencies".
fn source(text: &str, at: usize, item: &str) -> RawSource {
    let mut name = item;
    let mut start = at;
    for prefix in ["see ", "See ", "the "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            start += prefix.len();
            name = rest;
        }
    }
    let bare = name.strip_prefix("The ").unwrap_or(name);
    let bare_start = start + (name.len() - bare.len());
    let span = Span::new(bare_start, bare_start + bare.len());
    debug_assert_eq!(span.of(text), bare);
    RawSource {
        name: name.to_string(),
        span: Some(span),
        proper: is_proper(bare),
        dates: Vec::new(),
    }
}

/// Whether every word of a name is capitalised (but for "i", "of", "the").
fn is_proper(name: &str) -> bool {
    !name.is_empty()
        && name.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(w, "i" | "of" | "the" | "de" | "and")
        })
}

/// `Tokyo Shimbun (November 24)`, `Argumenty i Fakty commented (November 17)`:
/// a parenthesis of dates only, after an outlet's name and at most one verb.
fn outlet_before(text: &str, open: usize, inner: &str, year: Option<i32>) -> Option<RawCitation> {
    let mut dates = Vec::new();
    let mut last_month = None;
    for item in inner.split(',') {
        let (month, value) = date_item(item.trim(), last_month, year)?;
        last_month = Some(month);
        dates.push(value);
    }
    let before = text[..open].trim_end();
    let before = match before.rsplit_once(' ') {
        Some((head, verb)) if verb.chars().all(|c| c.is_ascii_lowercase()) => head.trim_end(),
        _ => before,
    };
    let name = trailing_name(before)?;
    let start = before.len() - name.len();
    let span = Span::new(start, before.len());
    Some(RawCitation {
        span,
        sources: vec![RawSource {
            name: name.to_string(),
            span: Some(span),
            proper: true,
            dates,
        }],
    })
}

/// The capitalised words that end `before` ("the conservative Yomiuri Shimbun"
/// → "Yomiuri Shimbun"), joined by "i" or "of" but not starting with them.
fn trailing_name(before: &str) -> Option<&str> {
    let mut start = before.len();
    for (at, word) in word_starts(before).into_iter().rev() {
        let capital = word.starts_with(|c: char| c.is_uppercase());
        if !capital && !matches!(word, "i" | "of") {
            break;
        }
        if word.ends_with([',', '.', ';', ':', '”', '"']) && at + word.len() != before.len() {
            break;
        }
        start = at;
    }
    let mut name = &before[start..];
    while let Some(rest) = ["i ", "of "].iter().find_map(|p| name.strip_prefix(p)) {
        name = rest;
    }
    let name = name.strip_prefix("The ").unwrap_or(name);
    (!name.is_empty()).then_some(name)
}

fn word_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The ISO strings of a source's dates.
pub(crate) fn iso(dates: &[DateValue]) -> Vec<String> {
    dates.iter().map(DateValue::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Vec<Vec<(String, bool, Vec<String>)>> {
        parse(text, Some(2001))
            .into_iter()
            .map(|c| {
                c.sources
                    .into_iter()
                    .map(|s| (s.name, s.proper, iso(&s.dates)))
                    .collect()
            })
            .collect()
    }

    fn src(name: &str, outlet: bool, dates: &[&str]) -> (String, bool, Vec<String>) {
        (
            name.to_string(),
            outlet,
            dates.iter().map(|d| d.to_string()).collect(),
        )
    }

    #[test]
    fn groups_share_their_dates() {
        assert_eq!(
            parsed("talks (Izvestia, AFP, January 19; The Japan Times, January 19, 21)."),
            [vec![
                src("Izvestia", true, &["2001-01-19"]),
                src("AFP", true, &["2001-01-19"]),
                src("The Japan Times", true, &["2001-01-19", "2001-01-21"]),
            ]]
        );
        assert_eq!(
            parsed("x (Russian agencies, March 23; Itar-Tass, March 25) and (Kyodo, Russian agencies, April 1-2)"),
            [
                vec![
                    src("Russian agencies", false, &["2001-03-23"]),
                    src("Itar-Tass", true, &["2001-03-25"]),
                ],
                vec![
                    src("Kyodo", true, &["2001-04-01/2001-04-02"]),
                    src("Russian agencies", false, &["2001-04-01/2001-04-02"]),
                ]
            ]
        );
    }

    #[test]
    fn see_and_outlet_before_forms() {
        assert_eq!(
            parsed("(see the Monitor, January 17) and (see EDM, November 17)"),
            [
                vec![src("Monitor", true, &["2001-01-17"])],
                vec![src("EDM", true, &["2001-11-17"])],
            ]
        );
        assert_eq!(
            parsed("An editorial in the conservative Yomiuri Shimbun (November 24) said. Argumenty i Fakty commented (November 17)."),
            [
                vec![src("Yomiuri Shimbun", true, &["2001-11-24"])],
                vec![src("Argumenty i Fakty", true, &["2001-11-17"])],
            ]
        );
    }

    #[test]
    fn asides_are_not_citations() {
        assert!(
            parsed("(in some form) (called the Northern Territories in Japan) (WTO)").is_empty()
        );
    }

    #[test]
    fn publication_month_is_the_latest_cited() {
        let text = "(Xinhua, Kyodo, April 10) (Russian agencies, March 23; Itar-Tass, March 25)";
        assert_eq!(publication_month(text, 2000), Some(Date::month(2000, 4)));
        let text = "(Kyodo, December 28) (AFP, January 3)";
        assert_eq!(publication_month(text, 2001), Some(Date::month(2001, 1)));
        assert_eq!(publication_month("no citations", 2001), None);
    }
}
