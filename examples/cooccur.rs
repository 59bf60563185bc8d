//! Prints the seeds' sentence-level entity network, or times co-occurrence
//! on a JSON Lines corpus.
//!
//! ```text
//! cargo run --release --example cooccur                  # the seeds
//! cargo run --release --example cooccur -- FILE.jsonl    # timings
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use corpus_lens::network::Graph;
use corpus_lens::{
    CooccurUnit, CooccurrenceOptions, Corpus, EntityOptions, LoadOptions, Measure, SourceFile,
};

fn main() -> Result<(), corpus_lens::Error> {
    match std::env::args().nth(1) {
        Some(path) => time(&path),
        None => seeds(),
    }
}

fn seeds() -> Result<(), corpus_lens::Error> {
    let corpus = Corpus::embedded()?;
    let network = corpus.cooccurrence(&CooccurrenceOptions::default())?;
    for e in network.edges.iter().take(40) {
        println!("{:>3} {:<40} {}", e.count, e.source, e.target);
    }
    println!(
        "{} nodes, {} edges, {} units",
        network.nodes.len(),
        network.edges.len(),
        network.units
    );
    Ok(())
}

/// Times the graph analytics of the sentence network on their own.
fn analytics(corpus: &Corpus) -> Result<(), corpus_lens::Error> {
    let network = corpus.cooccurrence(&CooccurrenceOptions::default())?;
    let position: std::collections::HashMap<&str, usize> = network
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut graph = Graph::new(network.nodes.len());
    for e in &network.edges {
        graph.add_edge(
            position[e.source.as_str()],
            position[e.target.as_str()],
            e.count as f64,
        );
    }
    let start = Instant::now();
    let _ = graph.betweenness();
    println!("betweenness: {:?}", start.elapsed());
    let start = Instant::now();
    let communities = graph.louvain();
    println!(
        "louvain: {:?} (modularity {:.3})",
        start.elapsed(),
        graph.modularity(&communities)
    );
    Ok(())
}

fn time(path: &str) -> Result<(), corpus_lens::Error> {
    let content = std::fs::read_to_string(path).expect("a readable file");
    let start = Instant::now();
    let corpus = Corpus::load(
        &[SourceFile::new(path, content.as_str())],
        &LoadOptions::default(),
    )?;
    println!("load: {:?}", start.elapsed());
    let start = Instant::now();
    let entities = corpus.entities(&EntityOptions::default())?;
    println!("entities ({}): {:?}", entities.len(), start.elapsed());
    analytics(&corpus)?;
    for unit in [
        CooccurUnit::Sentence,
        CooccurUnit::Paragraph,
        CooccurUnit::Document,
        CooccurUnit::Window,
    ] {
        for measure in Measure::ALL {
            let options = CooccurrenceOptions {
                unit,
                measure,
                ..CooccurrenceOptions::default()
            };
            let start = Instant::now();
            let network = corpus.cooccurrence(&options)?;
            println!(
                "{:<9} {:<8} {:>6} nodes {:>7} edges  {:?}",
                unit.as_str(),
                measure.as_str(),
                network.nodes.len(),
                network.edges.len(),
                start.elapsed()
            );
            if unit != CooccurUnit::Sentence && measure != Measure::Count {
                break;
            }
        }
    }
    Ok(())
}
