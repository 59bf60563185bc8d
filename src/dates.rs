//! Calendar dates at year, month or day precision.

use std::fmt;

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
