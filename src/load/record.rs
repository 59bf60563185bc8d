//! A record's fields checked and sorted into a document's: its text,
//! title, date, publication and author found by name (see [`super::fields`]),
//! its id, volume, issue and year, and the rest kept as metadata.

use serde_json::Value;

use super::{describe, FieldNames, Pending, Record, Role};
use crate::dates::{parse_written, Date, DateOrder};
use crate::document::{DocumentFields, MetaValue};
use crate::error::{Error, ErrorKind};

impl Record {
    /// Checks the record and splits it into its id, location and document
    /// fields, finding its text, title, date, publication and author by
    /// `names` (see [`fields`]) and reading numeric dates in `date_order`.
    pub(crate) fn into_pending(
        self,
        names: &FieldNames,
        date_order: Option<DateOrder>,
    ) -> Result<Pending, Error> {
        let Record {
            at,
            fields,
            id_hint,
        } = self;
        let invalid = |message: String| {
            Error::from(ErrorKind::InvalidRecord {
                at: at.clone(),
                message,
            })
        };
        let keys: Vec<&str> = fields.keys().map(String::as_str).collect();
        let roles: Vec<(Role, String)> = Role::ALL
            .into_iter()
            .filter_map(|role| {
                names
                    .key_for(role, &keys)
                    .map(|key| (role, key.to_string()))
            })
            .collect();
        let mut out = DocumentFields::default();
        let mut id = None;
        let mut text = None;
        let mut time = None;
        for (key, value) in fields {
            if value.is_null() {
                continue;
            }
            match roles.iter().find(|(_, k)| *k == key).map(|&(role, _)| role) {
                Some(Role::Text) => text = Some(string_field(&key, value).map_err(invalid)?),
                Some(Role::Title) => out.title = Some(plain_field(&key, value).map_err(invalid)?),
                Some(Role::Publication) => {
                    out.publication = Some(plain_field(&key, value).map_err(invalid)?);
                }
                Some(Role::Date) => {
                    let (date, at_time) = date_field(&key, &value, date_order).map_err(invalid)?;
                    out.date = Some(date);
                    time = at_time;
                }
                Some(Role::Author) => {
                    let author = meta_value(&key, value).map_err(invalid)?;
                    out.metadata.insert(Role::Author.name().into(), author);
                }
                None => match key.to_ascii_lowercase().as_str() {
                    "id" => id = Some(id_field(&key, value).map_err(invalid)?),
                    "volume" => out.volume = Some(whole_number(&key, &value).map_err(invalid)?),
                    "issue" => out.issue = Some(whole_number(&key, &value).map_err(invalid)?),
                    "year" => out.year = Some(year_field(&key, &value).map_err(invalid)?),
                    _ => {
                        let meta = meta_value(&key, value).map_err(invalid)?;
                        out.metadata.insert(key, meta);
                    }
                },
            }
        }
        if let Some(time) = time {
            // The date's time of day, under a name the record does not use itself.
            let key = ["time", "date_time"]
                .into_iter()
                .find(|k| !out.metadata.contains_key(*k))
                .unwrap_or("date_time_of_day");
            out.metadata.insert(key.into(), MetaValue::Text(time));
        }
        out.text = match text {
            Some(text) if !text.trim().is_empty() => text,
            Some(_) => {
                let key = roles
                    .iter()
                    .find(|(r, _)| *r == Role::Text)
                    .map_or("text", |(_, k)| k);
                return Err(invalid(format!("the {key:?} field is empty")));
            }
            None => {
                return Err(ErrorKind::MissingText {
                    at,
                    wanted: names.missing(Role::Text, "field"),
                }
                .into())
            }
        };
        out.title = out.title.filter(|t| !t.trim().is_empty());
        Ok(Pending {
            id,
            id_hint,
            at,
            fields: out,
            roles,
        })
    }
}

fn string_field(key: &str, value: Value) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(format!(
            "the {key:?} field is {}, not a string",
            describe(&other)
        )),
    }
}

/// A string or a number, as a string (titles and publications can be numeric).
fn plain_field(key: &str, value: Value) -> Result<String, String> {
    match value {
        Value::Number(n) => Ok(n.to_string()),
        other => string_field(key, other),
    }
}

fn id_field(key: &str, value: Value) -> Result<String, String> {
    let id = match value {
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => string_field(key, other)?,
    };
    if id.trim().is_empty() {
        return Err(format!("the {key:?} field is empty"));
    }
    Ok(id)
}

fn whole_number(key: &str, value: &Value) -> Result<u32, String> {
    let parsed = match value {
        Value::Number(n) => n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX))
            .map(|f| f as u32),
        Value::String(s) => s.trim().parse::<u32>().ok(),
        _ => None,
    };
    parsed.ok_or_else(|| format!("the {key:?} field must be a whole number, found {value}"))
}

fn year_field(key: &str, value: &Value) -> Result<i32, String> {
    let year = whole_number(key, value)?;
    i32::try_from(year)
        .ok()
        .filter(|year| crate::dates::YEARS.contains(year))
        .ok_or_else(|| format!("the {key:?} field {year} is not a year (0 to 9999)"))
}

/// A date field: a year as a number, or a date as text (see
/// [`crate::dates::parse_written`]), with its time of day when it has one.
fn date_field(
    key: &str,
    value: &Value,
    order: Option<DateOrder>,
) -> Result<(Date, Option<String>), String> {
    match value {
        Value::Number(_) => year_field(key, value).map(|year| (Date::year(year), None)),
        Value::String(s) => parse_written(s, order)
            .map(|written| (written.date, written.time))
            .map_err(|why| format!("the {key:?} field {s:?} {why}")),
        other => Err(format!(
            "the {key:?} field is {}, not a date",
            describe(other)
        )),
    }
}

fn meta_value(key: &str, value: Value) -> Result<MetaValue, String> {
    match value {
        Value::String(s) => Ok(MetaValue::Text(s)),
        Value::Bool(b) => Ok(MetaValue::Text(b.to_string())),
        Value::Number(n) => Ok(n
            .as_f64()
            .map_or_else(|| MetaValue::Text(n.to_string()), MetaValue::Number)),
        other => Err(format!(
            "the {key:?} field is {}; metadata values must be strings or numbers",
            describe(&other)
        )),
    }
}
