//! Every loader format: the first byte picks the extension, the rest is the
//! file's content, loaded through `Corpus::load` as the file picker does,
//! once failing on the first bad record and once skipping bad records.
//!
//! Invariants: no panic; an error names the file; with skipping, every
//! record is either a document or a warning naming the file and a line of
//! it (counted independently for JSON Lines, JSON arrays and CSV/TSV files
//! whose fields stay on their lines); every
//! document's spans slice its text on UTF-16 boundaries.
#![no_main]

use corpus_lens::{Bucket, Corpus, LoadOptions, SourceFile, TimelineOptions, TrendOptions};
use corpus_lens_fuzz::{check_documents, check_error};
use libfuzzer_sys::fuzz_target;

const EXTENSIONS: [&str; 8] = ["txt", "md", "json", "jsonl", "csv", "tsv", "ndjson", "xml"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let extension = EXTENSIONS[usize::from(pick) % EXTENSIONS.len()];
    let name = format!("input.{extension}");
    let content = String::from_utf8_lossy(content);
    let files = [SourceFile::new(name.as_str(), content.as_ref())];

    let strict = Corpus::load(&files, &LoadOptions::default());
    let lenient = Corpus::load(
        &files,
        &LoadOptions {
            skip_invalid: true,
            ..LoadOptions::default()
        },
    );
    match (&strict, &lenient) {
        (Ok(strict), Ok(lenient)) => {
            assert!(
                lenient.warnings().is_empty(),
                "warnings where loading succeeded"
            );
            assert_eq!(strict.documents().len(), lenient.documents().len());
            check_documents(strict);
        }
        (Ok(_), Err(error)) => panic!("skipping bad records failed where failing did not: {error}"),
        (Err(error), _) => {
            check_error(error);
            assert!(
                error.to_string().contains(&name),
                "the error {error} does not name the file {name}"
            );
        }
    }
    match &lenient {
        Ok(corpus) => {
            check_documents(corpus);
            check_by_date(corpus);
            let lines = content.split('\n').count();
            for warning in corpus.warnings() {
                assert_eq!(warning.file, name, "a warning names another file");
                assert!(
                    warning.line <= lines + 1,
                    "a warning at line {} of a file of {lines} lines",
                    warning.line
                );
            }
            if let Some(records) = records(extension, &content) {
                assert_eq!(
                    corpus.documents().len() + corpus.warnings().len(),
                    records,
                    "records lost: {} documents and {} warnings",
                    corpus.documents().len(),
                    corpus.warnings().len()
                );
            }
        }
        Err(error) => {
            check_error(error);
            assert!(
                error.to_string().contains(&name),
                "the error {error} does not name the file"
            );
        }
    }
});

/// The views by date answer, with a bucket per year (month) of the
/// corpus' span at most: years stay within 0 to 9999.
fn check_by_date(corpus: &Corpus) {
    for bucket in [Bucket::Year, Bucket::Month] {
        let trend = TrendOptions {
            bucket: bucket.clone(),
        };
        let trend = corpus.term_trend("a OR the", &trend).expect("a trend");
        assert!(
            trend.labels.len() <= 12 * 10_000,
            "{} buckets",
            trend.labels.len()
        );
        let timeline = TimelineOptions {
            bucket,
            ..TimelineOptions::default()
        };
        let timeline = corpus.timeline(&timeline).expect("a timeline");
        assert!(timeline.buckets.len() <= 12 * 10_000);
    }
}

/// How many records the file holds, counted without the library's readers,
/// where that is simple to know.
fn records(extension: &str, content: &str) -> Option<usize> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    match extension {
        "jsonl" | "ndjson" => Some(content.lines().filter(|l| !l.trim().is_empty()).count()),
        "json" => {
            let value: serde_json::Value = serde_json::from_str(content).ok()?;
            match value {
                serde_json::Value::Array(items) => Some(items.len()),
                serde_json::Value::Object(mut map) => match map.remove("documents")? {
                    serde_json::Value::Array(items) => Some(items.len()),
                    _ => None,
                },
                _ => None,
            }
        }
        "csv" | "tsv" => {
            let delimiter = if extension == "csv" { b',' } else { b'\t' };
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .quoting(delimiter == b',')
                // A row of the wrong length is still one record (a warning):
                // read it, to see whether it spans lines.
                .flexible(true)
                .from_reader(content.as_bytes());
            let headers = reader.headers().ok()?.clone();
            if !headers
                .iter()
                .any(|h| h.trim().eq_ignore_ascii_case("text"))
            {
                return None;
            }
            // A field across lines is where the library is stricter than the
            // csv crate (a quote left open, or closed lines later and then
            // followed by text, is an error at its line, and the rows after
            // it are read on their own): count only files without one.
            let mut count = 0;
            for record in reader.into_byte_records() {
                if let Ok(record) = record {
                    if record.iter().any(|field| field.contains(&b'\n')) {
                        return None;
                    }
                }
                count += 1;
            }
            Some(count)
        }
        _ => None,
    }
}
