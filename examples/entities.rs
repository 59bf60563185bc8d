//! Prints entities: of a text file, of the embedded seeds, or times the
//! extraction of a JSON Lines corpus.
//!
//! ```text
//! cargo run --release --example entities                 # the seeds
//! cargo run --release --example entities -- FILE.txt     # one text
//! cargo run --release --example entities -- --time FILE.jsonl
//! cargo run --release --example entities -- --top FILE.jsonl  # top 40 people, places, organisations
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use corpus_lens::{extract_entities, Corpus, EntityOptions, LoadOptions, SourceFile};

fn main() -> Result<(), corpus_lens::Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, path] if flag == "--time" => time(path),
        [flag, path] if flag == "--top" => top(path),
        [path] => {
            let text = std::fs::read_to_string(path).expect("a readable file");
            for e in extract_entities(&text, None) {
                println!(
                    "{:>6} {:>6} {:<12} {:<30} {}",
                    e.start,
                    e.end,
                    e.ty.as_str(),
                    e.text,
                    e.name
                );
            }
            Ok(())
        }
        _ => seeds(),
    }
}

fn time(path: &str) -> Result<(), corpus_lens::Error> {
    let content = std::fs::read_to_string(path).expect("a readable file");
    let corpus = Corpus::load(
        &[SourceFile::new(path, content.as_str())],
        &LoadOptions::default(),
    )?;
    let started = Instant::now();
    let entities = corpus.entities(&EntityOptions::default())?;
    let elapsed = started.elapsed();
    let mb = content.len() as f64 / 1e6;
    println!(
        "{} entities from {mb:.1} MB in {:.2} s ({:.1} MB/s)",
        entities.len(),
        elapsed.as_secs_f64(),
        mb / elapsed.as_secs_f64()
    );
    Ok(())
}

/// The 40 most mentioned people, places and organisations of a corpus
/// (the native twin of `eval/sotu-entities.mjs`).
fn top(path: &str) -> Result<(), corpus_lens::Error> {
    use corpus_lens::EntityType;
    let content = std::fs::read_to_string(path).expect("a readable file");
    let corpus = Corpus::load(
        &[SourceFile::new(path, content.as_str())],
        &LoadOptions::default(),
    )?;
    for ty in [
        EntityType::Person,
        EntityType::Place,
        EntityType::Organization,
    ] {
        let options = EntityOptions {
            types: vec![ty],
            limit: Some(40),
            ..EntityOptions::default()
        };
        println!("\n## {}", ty.as_str());
        for (i, e) in corpus.entities(&options)?.iter().enumerate() {
            println!("{:>2}. {} ({})", i + 1, e.name, e.count);
        }
    }
    Ok(())
}

fn seeds() -> Result<(), corpus_lens::Error> {
    let corpus = Corpus::embedded()?;
    for doc in corpus.documents() {
        println!("== {} {:?}", doc.id, doc.date.map(|d| d.to_string()));
        for a in corpus.annotate(&doc.id)? {
            println!("  {:<12} {:<34} {}", a.ty.as_str(), a.text, a.name);
        }
    }
    for e in corpus.entities(&EntityOptions::default())? {
        println!(
            "{:<40} {:<12} {:>3} {:?}",
            e.id,
            e.ty.as_str(),
            e.count,
            e.aliases
        );
    }
    for c in corpus.citations(None)? {
        println!("{} {:?}", c.doc_id, c.sources);
    }
    Ok(())
}
