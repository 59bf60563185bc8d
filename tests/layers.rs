//! The modules of `src/` in layers: a module uses only modules of lower
//! layers, so that no two modules depend on each other (ARCHITECTURE.md).
//!
//! Reads every `src/**/*.rs`, collects the top-level modules each one names
//! (`crate::corpus::Corpus`, `crate::{document::Document, text}`, or a
//! `super::` path that climbs out of its own module), and fails naming the
//! file and the path of every use of a module in the same or a higher layer.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first. Modules of one layer do not use each other.
const LAYERS: &[&[&str]] = &[
    // Foundations: errors, the one tokenizer, dates, graph algorithms.
    &["error", "text", "dates", "network"],
    // The query language; checking options.
    &["query", "options"],
    // A document: text, header fields, dates.
    &["document"],
    // From files to documents' fields; from documents to the word index.
    &["load", "index"],
    // Entities found in the documents.
    &["extract"],
    // The corpus: documents, ids, warnings, the index, the entities.
    &["corpus"],
    // What the corpus answers: search, then what needs search.
    &["search", "duplicates"],
    &["entities"],
    &["cooccur"],
    // The JavaScript boundary, the only user of the crate root's re-exports.
    &["wasm"],
];

/// The name a `crate::Name` path that is no module stands for: lib.rs's re-exports.
const ROOT: &str = "the crate root";

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

#[test]
fn every_module_uses_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).unwrap_or(&file);
        let Some(module) = top_module(relative) else {
            continue; // lib.rs: the root declares and re-exports everything
        };
        let Some(own) = layer_of(&module) else {
            problems.push(format!(
                "src/{}: the module {module} is in no layer of tests/layers.rs; add it",
                relative.display()
            ));
            continue;
        };
        let text = fs::read_to_string(&file).unwrap();
        for (used, path) in uses(&strip_comments(&text), nesting(relative)) {
            if used == module {
                continue;
            }
            let allowed = match layer_of(&used) {
                Some(layer) => layer < own,
                None => used == ROOT && own == LAYERS.len() - 1,
            };
            if !allowed {
                let layer =
                    layer_of(&used).map_or("no layer".to_string(), |l| format!("layer {}", l + 1));
                problems.push(format!(
                    "src/{} imports `{path}`: {used} is in {layer}, not below {module} (layer {})",
                    relative.display(),
                    own + 1
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_reads_every_form_of_path() {
    let code = "use crate::corpus::Corpus;\nuse crate::{document::Document, text};\n\
                // crate::wasm in a comment\nlet x = crate::Corpus::embedded();\n\
                use super::super::load::Record;";
    let found: Vec<String> = uses(&strip_comments(code), 2)
        .into_iter()
        .map(|(module, _)| module)
        .collect();
    assert_eq!(found, ["corpus", "document", "text", ROOT, "load"]);
}

#[test]
fn every_layer_names_a_module_of_src() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules: BTreeSet<String> = rust_files(&src)
        .iter()
        .filter_map(|f| top_module(f.strip_prefix(&src).ok()?))
        .collect();
    for module in LAYERS.iter().flat_map(|layer| layer.iter()) {
        assert!(
            modules.contains(*module),
            "tests/layers.rs names {module}, which src/ does not have"
        );
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// `corpus` for `corpus/build.rs` and `corpus.rs`; none for `lib.rs`.
fn top_module(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    if first == "lib.rs" {
        return None;
    }
    Some(first.trim_end_matches(".rs").to_string())
}

/// How many `super::` lead from the file's module to the crate root:
/// 1 for `corpus.rs` and `corpus/mod.rs`, 2 for `corpus/build.rs`.
fn nesting(relative: &Path) -> usize {
    let depth = relative.components().count();
    if relative.file_name().is_some_and(|n| n == "mod.rs") {
        depth - 1
    } else {
        depth
    }
}

/// The code without `//` comments (doc comments included).
fn strip_comments(code: &str) -> String {
    code.lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each top-level module a path names, with the path as written.
fn uses(code: &str, nesting: usize) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest
        .find("crate::")
        .into_iter()
        .chain(rest.find("super::"))
        .min()
    {
        let is_word_start = at == 0 || !is_ident(rest[..at].chars().last().unwrap_or(' '));
        let tail = &rest[at..];
        rest = &tail[1..];
        if !is_word_start {
            continue;
        }
        let (after, climbed) = if let Some(after) = tail.strip_prefix("crate::") {
            (after, true)
        } else {
            let mut after = tail;
            let mut supers = 0;
            while let Some(next) = after.strip_prefix("super::") {
                after = next;
                supers += 1;
            }
            rest = after;
            (after, supers >= nesting)
        };
        if !climbed {
            continue;
        }
        let from_crate = tail.starts_with("crate::");
        for name in first_segments(after) {
            let path = format!("{}{}", &tail[..tail.len() - after.len()], name);
            if layer_of(&name).is_some() {
                out.push((name, path));
            } else if from_crate && name != "self" {
                out.push((ROOT.to_string(), path));
            }
            // A `super::` path to anything but a module of src/ (`super::*`
            // in a test module) stays inside the file's own module.
        }
    }
    out
}

/// The first segment of the path, or of each path in a `{…}` group.
fn first_segments(after: &str) -> Vec<String> {
    if let Some(group) = after.strip_prefix('{') {
        let mut depth = 0;
        let mut items = vec![String::new()];
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => items.push(String::new()),
                _ => {}
            }
            if let Some(item) = items.last_mut() {
                if depth == 0 && c != ',' {
                    item.push(c);
                }
            }
        }
        return items
            .iter()
            .map(|item| ident_at(item.trim()))
            .filter(|name| !name.is_empty())
            .collect();
    }
    let name = ident_at(after);
    if name.is_empty() {
        Vec::new()
    } else {
        vec![name]
    }
}

fn ident_at(text: &str) -> String {
    text.chars().take_while(|&c| is_ident(c)).collect()
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}
