//! Dates, sums of money and quantities, read from the tokens.
//!
//! Dates are normalised to ISO 8601 values or intervals
//! ([`crate::dates::DateValue`]) against an anchor, the document's own date:
//! "April 29" takes the anchor's year, "last year" is the year before it.

use crate::dates::{self, Date, DateValue, Part};
use crate::text::Span;

use super::EntityType;

/// A date, sum or quantity: the tokens `first..end` it covers, its byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Measure {
    pub first: usize,
    pub end: usize,
    pub span: Span,
    pub ty: EntityType,
    /// ISO value for dates, the text for sums and quantities.
    pub name: String,
}

/// Reads the tokens of one text.
pub(crate) struct Scanner<'t> {
    text: &'t str,
    toks: &'t [Span],
    anchor: Option<Date>,
}

const SCALES: &[&str] = &["million", "billion", "trillion", "thousand"];
const CURRENCIES: &[&str] = &[
    "dollars", "dollar", "yen", "rubles", "roubles", "ruble", "euros", "euro", "pounds", "yuan",
];
const UNITS: &[&str] = &[
    "percent",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "tons",
    "tonnes",
    "barrels",
    "meters",
    "metres",
    "hectares",
    "troops",
    "soldiers",
    "people",
    "casualties",
    "acres",
    "feet",
];
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "by", "during", "from", "through", "of", "before", "after", "till",
];

impl<'t> Scanner<'t> {
    /// A scanner over `toks`, the tokens of `text`.
    pub fn new(text: &'t str, toks: &'t [Span], anchor: Option<Date>) -> Scanner<'t> {
        Scanner { text, toks, anchor }
    }

    /// Every date, sum and quantity, in order, none overlapping.
    pub fn scan(&self) -> Vec<Measure> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.measure_at(i) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    fn measure_at(&self, i: usize) -> Option<Measure> {
        if !may_start_measure(self.word(i)) {
            return None;
        }
        self.relative_at(i)
            .or_else(|| self.month_date_at(i))
            .or_else(|| self.year_at(i))
            .or_else(|| self.money_at(i))
            .or_else(|| self.quantity_at(i))
    }

    fn word(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |s| s.of(self.text))
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_ascii_lowercase()
    }

    fn make(&self, first: usize, end: usize, ty: EntityType, name: String) -> Measure {
        let span = Span::new(self.toks[first].start, self.toks[end - 1].end);
        Measure {
            first,
            end,
            span,
            ty,
            name,
        }
    }

    /// "last week", "earlier this week", "late last year", "this spring".
    fn relative_at(&self, i: usize) -> Option<Measure> {
        let anchor = self.anchor?;
        // Most tokens start no relative date: reject them before allocating.
        let first = self.word(i);
        if !RELATIVE_STARTS
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w))
        {
            return None;
        }
        let words: Vec<String> = (i..(i + 3).min(self.toks.len()))
            .map(|j| self.lower(j))
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let (len, value) = relative(&words, anchor)?;
        Some(self.make(i, i + len, EntityType::Date, value.to_string()))
    }

    /// "April 29", "November 20-22", "late March", "mid-November", "March 2005".
    fn month_date_at(&self, i: usize) -> Option<Measure> {
        let (part, month_tok, month) = self.part_and_month(i)?;
        let mut end = month_tok + 1;
        let days = parse_days(self.word(end));
        if days.is_some() {
            end += 1;
        }
        let explicit_year = self.year_after(end);
        if part.is_none() && days.is_none() && explicit_year.is_none() {
            let cue = i > 0 && MONTH_CUES.contains(&self.lower(i - 1).as_str());
            if !cue {
                return None;
            }
        }
        if let Some((_, after)) = explicit_year {
            end = after;
        }
        let year = explicit_year
            .map(|(y, _)| y)
            .or(self.anchor.map(|a| a.year))?;
        let value = month_value(year, month, part, days)?;
        Some(self.make(i, end, EntityType::Date, value.to_string()))
    }

    /// The optional "early/mid/late" and the month starting at token `i`.
    fn part_and_month(&self, i: usize) -> Option<(Option<Part>, usize, u8)> {
        let word = self.word(i);
        if let Some(rest) = word.strip_prefix("mid-") {
            return Some((Some(Part::Mid), i, capitalised_month(rest)?));
        }
        if let Some(part) = Part::parse(word) {
            return Some((Some(part), i + 1, capitalised_month(self.word(i + 1))?));
        }
        Some((None, i, capitalised_month(word)?))
    }

    /// A year at token `at` (after an optional comma): the year and the token after it.
    fn year_after(&self, at: usize) -> Option<(i32, usize)> {
        let year = parse_year(self.word(at))?;
        let gap = self.text.get(self.toks[at - 1].end..self.toks[at].start)?;
        matches!(gap.trim(), "" | ",").then_some((year, at + 1))
    }

    /// "1956", "early 2005", "the year 2000", "1950-53", "the 1970s".
    fn year_at(&self, i: usize) -> Option<Measure> {
        let part = Part::parse(self.word(i));
        let the_year = self.word(i).eq_ignore_ascii_case("the")
            && self.word(i + 1).eq_ignore_ascii_case("year");
        let at = match part {
            Some(_) => i + 1,
            None if the_year => i + 2,
            None => i,
        };
        let value = year_value(self.word(at), part)?;
        if UNITS.contains(&self.lower(at + 1).as_str()) {
            return None;
        }
        Some(self.make(i, at + 1, EntityType::Date, value.to_string()))
    }

    /// "$9 billion", "10 million yen".
    fn money_at(&self, i: usize) -> Option<Measure> {
        let word = self.word(i);
        if !is_number(word) {
            return None;
        }
        let before = self.text.get(..self.toks[i].start)?;
        let symbol = before.ends_with(['$', '€', '£', '¥']);
        let mut end = i + 1;
        if SCALES.contains(&self.lower(end).as_str()) {
            end += 1;
        }
        let currency = CURRENCIES.contains(&self.lower(end).as_str());
        if !symbol && !currency {
            return None;
        }
        if currency {
            end += 1;
        }
        let start = if symbol {
            before.char_indices().next_back().map_or(0, |(at, _)| at)
        } else {
            self.toks[i].start
        };
        let span = Span::new(start, self.toks[end - 1].end);
        let name = span
            .of(self.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Some(Measure {
            first: i,
            end,
            span,
            ty: EntityType::Money,
            name,
        })
    }

    /// "50%", "20 percent", "9,000", "300 km".
    fn quantity_at(&self, i: usize) -> Option<Measure> {
        let word = self.word(i);
        if !is_number(word) {
            return None;
        }
        let tok = self.toks[i];
        if self.text[tok.end..].starts_with('%') {
            let span = Span::new(tok.start, tok.end + 1);
            return Some(Measure {
                first: i,
                end: i + 1,
                span,
                ty: EntityType::Quantity,
                name: span.of(self.text).to_string(),
            });
        }
        let unit = UNITS.contains(&self.lower(i + 1).as_str());
        let end = if unit { i + 2 } else { i + 1 };
        if !unit && !word.contains(',') {
            return None;
        }
        let name = Span::new(tok.start, self.toks[end - 1].end).of(self.text);
        Some(self.make(i, end, EntityType::Quantity, name.to_string()))
    }
}

/// The value of a relative phrase and how many words it takes.
/// Whether a date, sum or quantity can start at this word: a number, a
/// capitalised word (a month, "The year 2000", "Early 2005"), or one of the
/// few lower-case words that open one. Most words fail this one check, which
/// keeps the scanner cheap.
fn may_start_measure(word: &str) -> bool {
    match word.bytes().next() {
        Some(b) if b.is_ascii_digit() || b.is_ascii_uppercase() => true,
        Some(_) => {
            LOWER_STARTS
                .iter()
                .any(|start| word.eq_ignore_ascii_case(start))
                || word.starts_with("mid-")
        }
        None => false,
    }
}

/// Lower-case words that can open a date: parts of a period, "the year",
/// and the first words of relative dates.
const LOWER_STARTS: [&str; 10] = [
    "early", "mid", "middle", "late", "the", "earlier", "later", "this", "last", "next",
];

/// The words a relative date can start with (see [`relative`]).
const RELATIVE_STARTS: [&str; 7] = ["earlier", "later", "late", "early", "this", "last", "next"];

fn relative(words: &[&str], anchor: Date) -> Option<(usize, DateValue)> {
    let year = Date::year(anchor.year);
    let month = anchor.month.map(|m| Date::month(anchor.year, m));
    let point = |d: Date| DateValue::Point(d);
    let found = match words {
        ["earlier" | "later", "this", "week", ..] => (3, point(month.unwrap_or(year))),
        ["late" | "early", "last", "year", ..] => {
            let part = Part::parse(words[0])?;
            (3, dates::part_of_year(anchor.year - 1, part))
        }
        ["earlier" | "later", "this", "year", ..] => (3, point(year)),
        ["later" | "earlier", "this", "month", ..] => (3, point(month?)),
        ["this" | "last" | "next", "week", ..] => (2, point(month.unwrap_or(year))),
        ["this", "year", ..] => (2, point(year)),
        ["last", "year", ..] => (2, point(dates::shift_years(year, -1))),
        ["next", "year", ..] => (2, point(dates::shift_years(year, 1))),
        ["this", "month", ..] => (2, point(month?)),
        ["last", "month", ..] => (2, point(dates::shift_months(month?, -1))),
        ["next", "month", ..] => (2, point(dates::shift_months(month?, 1))),
        ["this", season, ..] => (2, season_of(anchor.year, season)?),
        _ => return None,
    };
    // "last year" of 0000 or "next year" of 9999 has no ISO date to give.
    let years = [found.1.start().year, found.1.end().year];
    years
        .iter()
        .all(|y| dates::YEARS.contains(y))
        .then_some(found)
}

fn season_of(year: i32, season: &str) -> Option<DateValue> {
    let (from, to) = match season {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "autumn" | "fall" => (9, 11),
        _ => return None,
    };
    Some(DateValue::Range(
        Date::month(year, from),
        Date::month(year, to),
    ))
}

fn month_value(
    year: i32,
    month: u8,
    part: Option<Part>,
    days: Option<(u8, u8)>,
) -> Option<DateValue> {
    match (part, days) {
        (_, Some((a, b))) if a == b => Date::day(year, month, a).map(DateValue::Point),
        (_, Some((a, b))) => Some(DateValue::Range(
            Date::day(year, month, a)?,
            Date::day(year, month, b)?,
        )),
        (Some(part), None) => Some(dates::part_of_month(year, month, part)),
        (None, None) => Some(DateValue::Point(Date::month(year, month))),
    }
}

/// "1956", "1950-53", "1990-91", "1970s", with an optional part of the year.
fn year_value(word: &str, part: Option<Part>) -> Option<DateValue> {
    if let Some(decade) = word.strip_suffix('s').and_then(parse_year) {
        let valid = decade % 10 == 0 && part.is_none();
        return valid.then(|| DateValue::Range(Date::year(decade), Date::year(decade + 9)));
    }
    if let Some((a, b)) = word.split_once('-') {
        let from = parse_year(a)?;
        let to = match b.len() {
            2 => from - from % 100 + b.parse::<i32>().ok()?,
            4 => parse_year(b)?,
            _ => return None,
        };
        return (to > from && part.is_none())
            .then(|| DateValue::Range(Date::year(from), Date::year(to)));
    }
    let year = parse_year(word)?;
    Some(match part {
        Some(part) => dates::part_of_year(year, part),
        None => DateValue::Point(Date::year(year)),
    })
}

fn parse_year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = word.parse().ok()?;
    (1500..=2100).contains(&year).then_some(year)
}

/// "29" → (29, 29); "20-22" → (20, 22).
pub(crate) fn parse_days(word: &str) -> Option<(u8, u8)> {
    let day = |w: &str| -> Option<u8> {
        let d: u8 = (w.len() <= 2).then(|| w.parse().ok()).flatten()?;
        (1..=31).contains(&d).then_some(d)
    };
    match word.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (day(a)?, day(b)?);
            (a < b).then_some((a, b))
        }
        None => day(word).map(|d| (d, d)),
    }
}

/// A month name written with a capital: "March", not "march".
pub(crate) fn capitalised_month(word: &str) -> Option<u8> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    dates::month_number(word)
}

fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn scan(text: &str, anchor: Option<Date>) -> Vec<(String, EntityType, String)> {
        let toks = tokens(text);
        Scanner::new(text, &toks, anchor)
            .scan()
            .into_iter()
            .map(|m| (m.span.of(text).to_string(), m.ty, m.name))
            .collect()
    }

    fn dates(text: &str, anchor: Date) -> Vec<(String, String)> {
        scan(text, Some(anchor))
            .into_iter()
            .filter(|(_, ty, _)| *ty == EntityType::Date)
            .map(|(t, _, v)| (t, v))
            .collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn month_dates_take_the_anchor_year() {
        let anchor = Date::month(2005, 11);
        assert_eq!(
            dates(
                "on April 29 and November 20-22, in late March, by mid-November, in September 2000, on February 17-18",
                anchor
            ),
            pairs(&[
                ("April 29", "2005-04-29"),
                ("November 20-22", "2005-11-20/2005-11-22"),
                ("late March", "2005-03-21/2005-03-31"),
                ("mid-November", "2005-11-11/2005-11-20"),
                ("September 2000", "2000-09"),
                ("February 17-18", "2005-02-17/2005-02-18"),
            ])
        );
    }

    #[test]
    fn years_parts_and_relative_phrases() {
        let anchor = Date::month(2000, 4);
        assert_eq!(
            dates(
                "in early 2005, the 1956 deal, by the year 2000, last week, earlier this week, late last year, the 1970s, in 1950-53, this spring",
                anchor
            ),
            pairs(&[
                ("early 2005", "2005-01/2005-04"),
                ("1956", "1956"),
                ("the year 2000", "2000"),
                ("last week", "2000-04"),
                ("earlier this week", "2000-04"),
                ("late last year", "1999-09/1999-12"),
                ("1970s", "1970/1979"),
                ("1950-53", "1950/1953"),
                ("this spring", "2000-03/2000-05"),
            ])
        );
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(dates("Moscow May agree. It may.", Date::year(2000)).is_empty());
        assert_eq!(
            dates("sometime in May", Date::year(1999)),
            pairs(&[("May", "1999-05")])
        );
    }

    #[test]
    fn money_and_quantities() {
        let found = scan(
            "up by nearly 50%, totaling some $9 billion, about 9,000 products, 20 percent",
            None,
        );
        let found: Vec<(&str, EntityType)> =
            found.iter().map(|(t, ty, _)| (t.as_str(), *ty)).collect();
        assert_eq!(
            found,
            [
                ("50%", EntityType::Quantity),
                ("$9 billion", EntityType::Money),
                ("9,000", EntityType::Quantity),
                ("20 percent", EntityType::Quantity),
            ]
        );
    }
}
