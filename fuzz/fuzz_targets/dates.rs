//! Dates: ISO parsing, and the dates read from free text, normalised
//! against an anchor. The first line of the input is the anchor (as the
//! `date` option of `extractEntities`), the rest the text.
//!
//! Invariants: no panic; a parsed ISO date prints back as it was written;
//! a date as exports write it (any date order) is an ISO date, with a time
//! of day `HH:MM:SS` and an offset where it has one;
//! a bad anchor is an error naming the option; every date found is an ISO
//! date or an ISO interval whose start is not after its end.
#![no_main]

use corpus_lens::{
    extract_entities_with, parse_written, Date, DateOrder, EntityType, ExtractOptions,
};
use corpus_lens_fuzz::{check_error, slice_utf16};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (anchor, text) = input.split_once('\n').unwrap_or((input, ""));
    if let Some(date) = Date::parse_iso(anchor) {
        assert_eq!(
            date.to_string(),
            anchor.trim(),
            "an ISO date prints back as written"
        );
        assert_eq!(Date::parse_iso(&date.to_string()), Some(date));
    }
    for order in [
        None,
        Some(DateOrder::Dmy),
        Some(DateOrder::Mdy),
        Some(DateOrder::Ymd),
    ] {
        if let Ok(written) = parse_written(anchor, order) {
            let iso = written.date.to_string();
            assert_eq!(
                Date::parse_iso(&iso),
                Some(written.date),
                "{anchor:?} read as {iso}"
            );
            if let Some(time) = written.time {
                let (clock, offset) = time.split_at(time.len().min(8));
                assert!(
                    clock.len() == 8 && clock.bytes().filter(|&b| b == b':').count() == 2,
                    "time {time}"
                );
                assert!(offset.is_empty() || offset.len() == 6, "offset {offset}");
            }
        }
    }
    let options = ExtractOptions {
        date: (!anchor.is_empty()).then(|| anchor.to_string()),
    };
    let found = match extract_entities_with(text, &options) {
        Ok(found) => found,
        Err(error) => {
            check_error(&error);
            assert!(
                error.to_string().contains("date"),
                "the error {error} names no option"
            );
            assert!(
                Date::parse_iso(anchor).is_none(),
                "a valid anchor refused: {error}"
            );
            return;
        }
    };
    for entity in found.iter().filter(|e| e.ty == EntityType::Date) {
        let written = slice_utf16(text, entity.start, entity.end, "a date mention");
        assert_eq!(written, entity.text);
        let (from, to) = entity
            .name
            .split_once('/')
            .unwrap_or((&entity.name, &entity.name));
        let from = Date::parse_iso(from);
        let to = Date::parse_iso(to);
        let (Some(from), Some(to)) = (from, to) else {
            panic!(
                "{:?} was read as {:?}, not an ISO date",
                entity.text, entity.name
            );
        };
        assert!(
            first_day(from) <= last_day(to),
            "{:?} was read as {:?}, which ends before it starts",
            entity.text,
            entity.name
        );
    }
});

fn first_day(date: Date) -> (i32, u8, u8) {
    (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

fn last_day(date: Date) -> (i32, u8, u8) {
    (date.year, date.month.unwrap_or(12), date.day.unwrap_or(31))
}
