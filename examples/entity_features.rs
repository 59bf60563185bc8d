//! Writes the learned entity tagger's training data in CRFsuite's text
//! format: reads annotated texts as JSON Lines on stdin
//! (`{"text": "...", "gold": [{"start", "end", "type"}]}`, UTF-16 offsets,
//! types PER, LOC, ORG) and prints one token a line (`LABEL\tfeature...`,
//! the names as they are: python-crfsuite reads them, not CRFsuite's CLI),
//! a blank line after each sentence. `scripts/train-entities.py` runs it.
//!
//!     cargo run --release --example entity_features < texts.jsonl > train.crfsuite.txt

use std::io::{self, BufRead, BufWriter, Write};

use serde::Deserialize;

#[derive(Deserialize)]
struct Annotated {
    text: String,
    gold: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    ty: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, line) in io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Annotated =
            serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let gold: Vec<(usize, usize, String)> = doc
            .gold
            .into_iter()
            .map(|g| (g.start, g.end, g.ty))
            .collect();
        for (features, labels) in corpus_lens::entity_training_sequences(&doc.text, &gold) {
            for (f, label) in features.iter().zip(&labels) {
                // Feature names hold no whitespace (gaps write a line break as ¶).
                writeln!(out, "{label}\t{}", f.join("\t"))?;
            }
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}
