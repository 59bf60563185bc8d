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

/// The message for an option whose value serde refused, in one wording:
/// "the option limit must be a whole number of 0 or more, got the string
/// \"3\"".
///
/// `name` is the option's path (`limit`, `types[0]`); `message` is serde's
/// own (`invalid type: string "3", expected usize`). A message of another
/// shape (an unknown variant) is kept, after the option's name.
// Only the bindings read options from untyped values.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn refused(name: &str, message: &str) -> String {
    let parsed = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "));
    match parsed {
        Some((got, expected)) => format!(
            "the option {name} must be {}, got {}",
            expected_words(expected),
            got_words(got)
        ),
        None => format!("the option {name}: {message}"),
    }
}

/// serde's name of the type wanted, as a user says it.
fn expected_words(expected: &str) -> &str {
    match expected {
        "usize" | "u8" | "u16" | "u32" | "u64" => "a whole number of 0 or more",
        "isize" | "i8" | "i16" | "i32" | "i64" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" => "true or false",
        "a sequence" => "an array",
        other => other,
    }
}

/// serde's description of the value given, as a user says it.
fn got_words(got: &str) -> String {
    let value = |prefix: &str| {
        got.strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_string())
    };
    if let Some(text) = got.strip_prefix("string ") {
        return format!("the string {text}");
    }
    if let Some(number) = value("integer ").or_else(|| value("floating point ")) {
        return format!("the number {number}");
    }
    if let Some(boolean) = value("boolean ") {
        return boolean;
    }
    match got {
        "map" => "an object".to_string(),
        "sequence" => "an array".to_string(),
        "unit value" => "null".to_string(),
        other => other.to_string(),
    }
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

    #[test]
    fn a_refused_option_says_what_it_must_be_and_what_it_got() {
        let cases = [
            (
                "limit",
                "invalid type: string \"3\", expected usize",
                "the option limit must be a whole number of 0 or more, got the string \"3\"",
            ),
            (
                "limit",
                "invalid value: integer `-1`, expected usize",
                "the option limit must be a whole number of 0 or more, got the number -1",
            ),
            (
                "k1",
                "invalid type: boolean `true`, expected f64",
                "the option k1 must be a number, got true",
            ),
            (
                "skipInvalid",
                "invalid type: string \"yes\", expected a boolean",
                "the option skipInvalid must be true or false, got the string \"yes\"",
            ),
            (
                "types",
                "invalid type: map, expected a sequence",
                "the option types must be an array, got an object",
            ),
            (
                "unit",
                "unknown variant `word`, expected `document`",
                "the option unit: unknown variant `word`, expected `document`",
            ),
        ];
        for (name, message, expected) in cases {
            assert_eq!(refused(name, message), expected);
        }
    }
}
