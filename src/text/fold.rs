//! Folding a word for matching: case, accents, apostrophes and hyphens.

use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;

/// Folds a word for matching: lower case, no accents, straight apostrophes
/// and hyphens. `Zürich` → `zurich`, `Mori’s` → `mori's`.
pub(crate) fn fold(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c if is_combining_mark(c) => {}
            c => out.extend(base_letter(c).to_lowercase()),
        }
    }
}

/// The letter without its accents (`é` → `e`, `Ö` → `O`), from the table
/// `scripts/fold-table.py` derives from Unicode's canonical decompositions;
/// any other character as it is.
fn base_letter(c: char) -> char {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = include_str!("fold.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut chars = line.chars();
                Some((chars.next()?, chars.next()?))
            })
            .collect();
        pairs.sort_unstable();
        pairs
    });
    match table.binary_search_by_key(&c, |&(letter, _)| letter) {
        Ok(i) => table.get(i).map_or(c, |&(_, base)| base),
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_accents_and_curly_apostrophes() {
        let mut out = String::new();
        for (word, folded) in [
            ("Zürich", "zurich"),
            ("O’Neill", "o'neill"),
            ("ÉLAN", "elan"),
            ("Itar‐Tass", "itar-tass"),
            ("São Paulo", "sao paulo"),
            ("Dvořák", "dvorak"),
            ("Kraków", "krakow"),
            ("Ἀθῆναι", "αθηναι"),
            ("Йошкар", "иошкар"),
            ("Zu\u{0308}rich", "zurich"), // already decomposed: the mark is dropped
            ("Łódź", "łodz"),             // Ł has no canonical decomposition
        ] {
            fold(word, &mut out);
            assert_eq!(out, folded);
        }
    }
}
