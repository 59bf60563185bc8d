//! The main text of every `.html` page in a folder, as the dataset
//! scorers take it: `{KEY: {"articleBody": TEXT}}` on standard output, KEY
//! being the file's name without `.html`. For tuning the extractor natively:
//!
//! ```text
//! cargo run --release -p corpus-lens-readers --example pages -- FOLDER > out.json
//! python3 ../shared/data/html-articles/score.py out.json
//! ```
//!
//! With `--metadata` after the folder, each page's record without its text instead.
use corpus_lens_readers::{html::read_page, Content};
use serde_json::{json, Map, Value};
use std::{env, fs, io, path::PathBuf};

fn main() -> io::Result<()> {
    let folder = env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let mut paths: Vec<PathBuf> = fs::read_dir(&folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    let metadata = env::args().nth(2).is_some_and(|flag| flag == "--metadata");
    let mut out = Map::new();
    for path in paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Some(key) = name.strip_suffix(".html") else {
            continue;
        };
        let content = read_page(name, &fs::read(&path)?).content;
        let value = if metadata {
            without_text(content)
        } else {
            json!({ "articleBody": main_text(content) })
        };
        out.insert(key.to_string(), value);
    }
    println!("{}", Value::Object(out));
    Ok(())
}

/// The text of the page's record, or "" if it has none.
fn main_text(content: Content) -> String {
    let Content::Records(records) = content else {
        return String::new();
    };
    let text = records.first().and_then(|record| record.get("text"));
    text.and_then(Value::as_str).unwrap_or_default().to_string()
}

/// The page's record without its text.
fn without_text(content: Content) -> Value {
    let Content::Records(mut records) = content else {
        return Value::Null;
    };
    records.truncate(1);
    let mut record = records.pop().unwrap_or_default();
    record.remove("text");
    Value::Object(record)
}
