//! Dates as records and exports write them: ISO 8601 with or without a
//! time and offset, RFC 2822 (feeds and e-mail), written English ("March 3,
//! 2005", "3 March 2005", "Mar. 3, 2005") and numeric forms ("2005/03/03",
//! "03/04/2005", the last read only when its order is known). chrono does
//! the parsing and checks that the date exists.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::Deserialize;

use super::Date;

/// The order of day, month and year in a numeric date such as `03/04/2005`
/// (the `dateOrder` load option).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day, month, year: `03/04/2005` is 3 April.
    Dmy,
    /// Month, day, year: `03/04/2005` is March 4.
    Mdy,
    /// Year, month, day: `2005/04/03`.
    Ymd,
}

/// A date as a record gives it, with its time of day when it gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    /// The calendar date, as written (a time with an offset keeps the date
    /// of that offset, the day the article was dated where it was written).
    pub date: Date,
    /// The time of day, `HH:MM:SS`, then the offset (`+00:00`) when given.
    pub time: Option<String>,
}

/// The forms [`parse_written`] reads, for messages.
const WRITTEN_FORMS: &str = "ISO 8601 (2005-03-03, 2005-03-03T10:00:00Z), \
     RFC 2822 (Thu, 03 Mar 2005 10:00:00 GMT), March 3, 2005, 3 March 2005, \
     Mar. 3, 2005, March 2005 or 2005/03/03";

/// Reads a date in any of the forms news exports write (see the module).
///
/// # Errors
/// A message saying why `text` is not a date: not a form this reads, a date
/// that does not exist, a two-digit year, or a numeric date that could be
/// day-first or month-first when `order` is not given (naming `dateOrder`).
pub fn parse_written(text: &str, order: Option<DateOrder>) -> Result<WrittenDate, String> {
    let text = text.trim();
    if let Some(date) = Date::parse_iso(text) {
        return Ok(WrittenDate { date, time: None });
    }
    if let Some(written) = timestamp(text) {
        return Ok(written);
    }
    if let Some(date) = english(text) {
        return Ok(WrittenDate { date, time: None });
    }
    if let Some(date) = numeric(text, order)? {
        return Ok(WrittenDate { date, time: None });
    }
    Err(format!("is not a date this reads ({WRITTEN_FORMS})"))
}

/// A date with a time: RFC 3339 and the ISO 8601 forms near it (a space for
/// the `T`, no seconds, no offset), or RFC 2822.
fn timestamp(text: &str) -> Option<WrittenDate> {
    const WITH_OFFSET: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f%#z",
        "%Y-%m-%d %H:%M:%S%.f%#z",
        "%Y-%m-%dT%H:%M%#z",
        "%Y-%m-%d %H:%M%#z",
    ];
    const WITHOUT: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ];
    let zoned = DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .ok()
        .or_else(|| {
            // chrono reads "Z" only through RFC 3339; "+0200" and "+02:00" here.
            WITH_OFFSET
                .iter()
                .find_map(|format| DateTime::parse_from_str(text, format).ok())
        });
    if let Some(zoned) = zoned {
        return written(zoned.date_naive(), zoned.time(), Some(zoned.offset()));
    }
    let local = WITHOUT
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())?;
    written(local.date(), local.time(), None)
}

fn written(date: NaiveDate, time: NaiveTime, offset: Option<&FixedOffset>) -> Option<WrittenDate> {
    let mut shown = format!(
        "{:02}:{:02}:{:02}",
        time.hour(),
        time.minute(),
        time.second()
    );
    if let Some(offset) = offset {
        shown.push_str(&offset.to_string());
    }
    Some(WrittenDate {
        date: from_chrono(date)?,
        time: Some(shown),
    })
}

/// "March 3, 2005", "Thursday, March 3rd, 2005", "3 March 2005",
/// "Mar. 3, 2005", "March 2005".
fn english(text: &str) -> Option<Date> {
    let words: Vec<String> = text
        .split([' ', ',', '\t'])
        .filter(|w| !w.is_empty())
        .map(|w| ordinal_free(w.trim_end_matches('.')))
        .collect();
    // A weekday in front says nothing the date does not.
    let words = match words.first() {
        Some(first) if is_weekday(first) => &words[1..],
        _ => &words[..],
    };
    if !words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_alphabetic()))
    {
        return None;
    }
    let line = words.join(" ");
    if let [month, year] = words {
        let month = NaiveDate::parse_from_str(&format!("1 {month} {year}"), "%d %B %Y").ok()?;
        return Date::parse_iso(&format!("{:04}-{:02}", month.year(), month.month()));
    }
    ["%B %d %Y", "%d %B %Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(&line, format).ok())
        .and_then(from_chrono)
}

fn is_weekday(word: &str) -> bool {
    word.parse::<chrono::Weekday>().is_ok()
}

/// "3rd" → "3"; other words as they are.
fn ordinal_free(word: &str) -> String {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let is_ordinal = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s));
    if is_ordinal { digits } else { word }.to_string()
}

/// "2005/03/03", "2005.03", "03/04/2005" (with `order`, or when only one
/// order makes it a date).
fn numeric(text: &str, order: Option<DateOrder>) -> Result<Option<Date>, String> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    if parts.len() < 2
        || parts.len() > 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Ok(None);
    }
    let number = |p: &str| p.parse::<u32>().unwrap_or(0);
    let first_is_year = parts[0].len() == 4;
    let last_is_year = parts.last().is_some_and(|p| p.len() == 4);
    if !first_is_year && !last_is_year {
        return Err("has no four-digit year: write the year in full (2005, not 05)".into());
    }
    let made = |year: &str, month: &str, day: Option<&str>| {
        let iso = match day {
            Some(day) => format!("{year}-{month:0>2}-{day:0>2}"),
            None => format!("{year}-{month:0>2}"),
        };
        Date::parse_iso(&iso).ok_or_else(|| "is not a date that exists".to_string())
    };
    match (parts.as_slice(), first_is_year) {
        ([year, month], true) => made(year, month, None).map(Some),
        ([month, year], false) => made(year, month, None).map(Some),
        ([year, month, day], true) => made(year, month, Some(day)).map(Some),
        ([a, b, year], false) => {
            let order =
                match order {
                    Some(DateOrder::Ymd) => return Err(
                        "ends with its year, but the dateOrder option says year first (\"ymd\")"
                            .into(),
                    ),
                    Some(order) => order,
                    None if number(a) > 12 => DateOrder::Dmy,
                    None if number(b) > 12 || a == b => DateOrder::Mdy,
                    None => {
                        return Err(format!(
                            "could be day first or month first: set the dateOrder option \
                         (\"dmy\" for {} {}, \"mdy\" for {} {}, or \"ymd\")",
                            number(a),
                            month_name(number(b)),
                            month_name(number(a)),
                            number(b),
                        ))
                    }
                };
            let (day, month) = if order == DateOrder::Dmy {
                (a, b)
            } else {
                (b, a)
            };
            made(year, month, Some(day)).map(Some)
        }
        _ => Ok(None),
    }
}

fn month_name(month: u32) -> &'static str {
    chrono::Month::try_from(u8::try_from(month).unwrap_or(0)).map_or("?", |m| m.name())
}

fn from_chrono(date: NaiveDate) -> Option<Date> {
    let year = date.year();
    if !super::YEARS.contains(&year) {
        return None;
    }
    Date::day(
        year,
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(String, Option<String>), String> {
        parse_written(text, None).map(|w| (w.date.to_string(), w.time))
    }

    #[test]
    fn timestamps_keep_the_written_date_and_the_time() {
        let cases = [
            ("2005-03-03T10:00:00Z", "2005-03-03", "10:00:00+00:00"),
            ("2005-03-03T23:30:00-05:00", "2005-03-03", "23:30:00-05:00"),
            (
                "2005-03-03T10:00:00.250+0200",
                "2005-03-03",
                "10:00:00+02:00",
            ),
            ("2005-03-03 10:00", "2005-03-03", "10:00:00"),
            (
                "Thu, 03 Mar 2005 10:00:00 GMT",
                "2005-03-03",
                "10:00:00+00:00",
            ),
            (
                "Thu, 3 Mar 2005 10:00:00 +0900",
                "2005-03-03",
                "10:00:00+09:00",
            ),
        ];
        for (text, date, time) in cases {
            assert_eq!(read(text), Ok((date.into(), Some(time.into()))), "{text}");
        }
    }

    #[test]
    fn written_english_and_numeric_forms() {
        let cases = [
            ("March 3, 2005", "2005-03-03"),
            ("Mar. 3, 2005", "2005-03-03"),
            ("3 March 2005", "2005-03-03"),
            ("Thursday, March 3rd, 2005", "2005-03-03"),
            ("sep 30 2005", "2005-09-30"),
            ("March 2005", "2005-03"),
            ("2005/03/03", "2005-03-03"),
            ("2005.3.3", "2005-03-03"),
            ("2005/03", "2005-03"),
            ("25/03/2005", "2005-03-25"),
            ("03/25/2005", "2005-03-25"),
            ("04/04/2005", "2005-04-04"),
        ];
        for (text, date) in cases {
            assert_eq!(read(text), Ok((date.into(), None)), "{text}");
        }
    }

    #[test]
    fn an_ambiguous_numeric_date_needs_its_order() {
        let error = read("03/04/2005").unwrap_err();
        assert!(
            error.contains("dateOrder") && error.contains("3 April") && error.contains("March 4"),
            "{error}"
        );
        let with = |order| parse_written("03/04/2005", Some(order)).map(|w| w.date.to_string());
        assert_eq!(with(DateOrder::Dmy), Ok("2005-04-03".into()));
        assert_eq!(with(DateOrder::Mdy), Ok("2005-03-04".into()));
        assert!(with(DateOrder::Ymd).unwrap_err().contains("year first"));
    }

    #[test]
    fn what_is_not_a_date_says_so() {
        for bad in [
            "February 30, 2005",
            "2005-02-30T10:00:00Z",
            "31/31/2005",
            "next Tuesday",
            "",
            "Mar 2005 10",
            "13/13/05",
        ] {
            assert!(parse_written(bad, Some(DateOrder::Dmy)).is_err(), "{bad}");
        }
        assert!(read("03/04/05").unwrap_err().contains("four-digit year"));
    }
}
