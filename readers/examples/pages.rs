//! The main text of every `.html` page in a folder, as the dataset
//! scorers take it: `{KEY: {"articleBody": TEXT}}` on standard output, KEY
//! being the file's name without `.html`. For tuning the extractor natively:
//!
//! ```text
//! cargo run --release -p corpus-lens-readers --example pages -- FOLDER > out.json
//! python3 ../shared/data/html-articles/score.py out.json
//! ```
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
    let mut out = Map::new();
    for path in paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Some(key) = name.strip_suffix(".html") else {
            continue;
        };
        let text = main_text(read_page(name, &fs::read(&path)?).content);
        out.insert(key.to_string(), json!({ "articleBody": text }));
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
