//! Checking options: the one wording for an option out of its range and for
//! an option that must be an ISO date.

use crate::dates::Date;
use crate::error::{Error, ErrorKind};

/// Fails unless `low <= value <= high`, naming the option and the value.
///
/// # Errors
/// [`ErrorKind::InvalidArgument`]: "the option limit must be between 1 and
/// 10000, got 0".
pub(crate) fn check_range(name: &str, value: f64, low: f64, high: f64) -> Result<(), Error> {
    if value.is_finite() && (low..=high).contains(&value) {
        return Ok(());
    }
    Err(ErrorKind::InvalidArgument {
        message: format!("the option {name} must be between {low} and {high}, got {value}"),
    }
    .into())
}

/// Reads the value of the option `name` as an ISO date.
///
/// # Errors
/// [`ErrorKind::InvalidArgument`] naming the option and the text, if it is
/// not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub(crate) fn iso_date(name: &str, text: &str) -> Result<Date, Error> {
    Date::parse_iso(text).ok_or_else(|| {
        ErrorKind::InvalidArgument {
            message: format!(
                "the option {name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {text:?}"
            ),
        }
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_option_and_the_value() {
        let error = check_range("limit", 0.0, 1.0, 10.0).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the option limit must be between 1 and 10, got 0"
        );
        let error = iso_date("dateFrom", "soon").unwrap_err();
        assert_eq!(
            error.to_string(),
            "the option dateFrom must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got \"soon\""
        );
        assert_eq!(
            iso_date("dateTo", "2005-11").unwrap(),
            Date::parse_iso("2005-11").unwrap()
        );
    }
}
