//! Calendar dates at year, month or day precision.

use std::fmt;

mod written;

pub use self::written::{parse_written, DateOrder, WrittenDate};

/// The years a date can have: the four digits ISO 8601 writes without a
/// sign, which [`Date::parse_iso`] reads back. Beyond them a year is not a
/// date but a mistake, and a trend from year 0 to 2,000,000,000 would never end.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (proleptic Gregorian; may be before 1000 but not negative).
    pub year: i32,
    /// The month, 1 to 12, if known.
    pub month: Option<u8>,
    /// The day of the month, if known (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// A date known only to the year.
    pub fn year(year: i32) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// Parses an ISO 8601 calendar date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// Returns `None` for anything else, including impossible dates such as
    /// `2005-02-30`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(parse_digits(m, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_digits(d, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let date = Date {
            year: i32::try_from(year).ok()?,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        };
        date.is_valid().then_some(date)
    }

    fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, None) => true,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => {
                (1..=12).contains(&m) && d >= 1 && d <= days_in_month(self.year, m)
            }
            (None, Some(_)) => false,
        }
    }
}

impl Date {
    /// A date known to the month.
    pub fn month(year: i32, month: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A date known to the day, if it exists (`2005-02-30` does not).
    pub fn day(year: i32, month: u8, day: u8) -> Option<Date> {
        let date = Date {
            year,
            month: Some(month),
            day: Some(day),
        };
        date.is_valid().then_some(date)
    }
}

/// A date as a text gives it: one date, or a range of dates (both ends included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    /// One date at year, month or day precision: "1956", "April 29".
    Point(Date),
    /// A range: "November 20-22", "late March", "early 2005".
    Range(Date, Date),
}

impl DateValue {
    /// The earliest date the value covers.
    pub fn start(&self) -> Date {
        match self {
            DateValue::Point(d) | DateValue::Range(d, _) => *d,
        }
    }

    /// The latest date the value covers.
    pub fn end(&self) -> Date {
        match self {
            DateValue::Point(d) | DateValue::Range(_, d) => *d,
        }
    }
}

impl fmt::Display for DateValue {
    /// ISO 8601: `2005-11-20`, or an interval `2005-11-20/2005-11-22`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Point(d) => write!(f, "{d}"),
            DateValue::Range(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

/// A vague part of a month or a year: "early", "mid", "late".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The first third.
    Early,
    /// The middle third.
    Mid,
    /// The last third.
    Late,
}

impl Part {
    /// Reads "early", "mid", "middle" or "late" (any case).
    pub fn parse(word: &str) -> Option<Part> {
        // Called on every token: compare without allocating a lower-case copy.
        let is = |name: &str| word.eq_ignore_ascii_case(name);
        if is("early") {
            Some(Part::Early)
        } else if is("mid") || is("middle") {
            Some(Part::Mid)
        } else if is("late") {
            Some(Part::Late)
        } else {
            None
        }
    }
}

/// The number of a month named in English, full or abbreviated ("Nov", "Sept").
pub fn month_number(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // Called on many words: compare in place, without a lower-case copy.
    let word = word.trim_end_matches('.');
    let abbreviation = matches!(word.len(), 3 | 4) && !word.eq_ignore_ascii_case("marc");
    let found = MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(word)
            || (abbreviation
                && m.get(..word.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(word)))
    })?;
    u8::try_from(found + 1).ok()
}

/// Days 1-10, 11-20 or 21-end of a month: "early/mid/late March".
pub fn part_of_month(year: i32, month: u8, part: Part) -> DateValue {
    let last = days_in_month(year, month);
    let (from, to) = match part {
        Part::Early => (1, 10),
        Part::Mid => (11, 20),
        Part::Late => (21, last),
    };
    match (Date::day(year, month, from), Date::day(year, month, to)) {
        (Some(a), Some(b)) => DateValue::Range(a, b),
        _ => DateValue::Point(Date::month(year, month)),
    }
}

/// Months 1-4, 5-8 or 9-12 of a year: "early/mid/late 2005".
pub fn part_of_year(year: i32, part: Part) -> DateValue {
    let (from, to) = match part {
        Part::Early => (1, 4),
        Part::Mid => (5, 8),
        Part::Late => (9, 12),
    };
    DateValue::Range(Date::month(year, from), Date::month(year, to))
}

/// Moves a date by whole years.
pub fn shift_years(date: Date, years: i32) -> Date {
    Date {
        year: date.year + years,
        ..date
    }
}

/// The month before or after a date known to the month; a year-only date
/// is returned as is.
pub fn shift_months(date: Date, months: i32) -> Date {
    let Some(month) = date.month else {
        return date;
    };
    let index = date.year * 12 + i32::from(month) - 1 + months;
    let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    Date::month(index.div_euclid(12), month)
}

fn parse_digits(text: &str, width: usize) -> Option<u32> {
    if text.len() != width || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(
            Date::parse_iso("2005").map(|d| d.to_string()),
            Some("2005".into())
        );
        assert_eq!(
            Date::parse_iso("2005-11").map(|d| d.to_string()),
            Some("2005-11".into())
        );
        assert_eq!(
            Date::parse_iso(" 1790-01-08 ").map(|d| d.to_string()),
            Some("1790-01-08".into())
        );
    }

    #[test]
    fn vague_parts_become_ranges() {
        assert_eq!(
            part_of_month(2000, 3, Part::Late).to_string(),
            "2000-03-21/2000-03-31"
        );
        assert_eq!(
            part_of_month(2004, 11, Part::Mid).to_string(),
            "2004-11-11/2004-11-20"
        );
        assert_eq!(
            part_of_year(2005, Part::Early).to_string(),
            "2005-01/2005-04"
        );
        assert_eq!(Part::parse("Late"), Some(Part::Late));
    }

    #[test]
    fn month_names_and_shifts() {
        assert_eq!(month_number("November"), Some(11));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Mar"), Some(3));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Marching"), None);
        assert_eq!(
            shift_months(Date::month(2005, 1), -1),
            Date::month(2004, 12)
        );
        assert_eq!(shift_years(Date::year(2000), -1), Date::year(1999));
    }

    #[test]
    fn rejects_impossible_and_foreign_dates() {
        for bad in [
            "2005-02-30",
            "2005-13",
            "05-11-20",
            "January 8, 1790",
            "2004-02-29x",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2004-02-29").is_some());
        assert!(Date::parse_iso("1900-02-29").is_none());
    }
}
