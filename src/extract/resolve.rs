//! From mentions to canonical entities.
//!
//! - The alias table maps any listed name to its entity, first: what the
//!   user listed wins over the rules below.
//! - Within a document, a person's surname or short form resolves to the one
//!   full name that document gives ("Mori" → "Yoshiro Mori"); a bare
//!   surname with no full name in its document stays as it is.
//! - Across the corpus, spelling and transliteration variants of a name of
//!   the same type merge ("Aleksandr Losyukov" / "Alexander Losyukov",
//!   "Izvestia" / "Izvestiya"): same consonant skeleton, every word within
//!   two edits, and for people every word of the full name. A name the
//!   table gives an entry is never merged into another spelling.
//!
//! So an entry whose name is a surname or a variant ("Putin", "Alexander
//! Losyukov") splits it off as an entity of its own.

use std::collections::{BTreeMap, HashMap};

use super::aliases::AliasTable;
use super::mentions::RawMention;
use super::EntityType;

/// The (type, name) of each mention of one document, after in-document
/// resolution and the alias table.
pub(crate) fn document_names(
    mentions: &[RawMention],
    table: &AliasTable,
) -> Vec<(EntityType, String)> {
    let full = full_names(mentions);
    mentions
        .iter()
        .map(|m| {
            // The table before the document's full names: an entry naming
            // a surname keeps it apart from the full name.
            if let Some(listed) = by_table(table, m.ty, &m.name) {
                return listed;
            }
            let name = match m.ty {
                EntityType::Person => full.get(&m.name).cloned().unwrap_or_else(|| m.name.clone()),
                _ => m.name.clone(),
            };
            by_table(table, m.ty, &name).unwrap_or((m.ty, name))
        })
        .collect()
}

/// The table's entity for a name found as type `ty`. A person is only ever
/// a person, whatever the table says; other types take the table's.
fn by_table(table: &AliasTable, ty: EntityType, name: &str) -> Option<(EntityType, String)> {
    match table.canonical(name) {
        Some((listed, canonical)) if listed == ty || ty != EntityType::Person => {
            Some((listed, canonical.to_string()))
        }
        _ => None,
    }
}

/// Short form → the one full name of the document it can stand for.
fn full_names(mentions: &[RawMention]) -> HashMap<String, String> {
    let mut by_last: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.ty == EntityType::Person) {
        let words: Vec<&str> = m.name.split(' ').collect();
        if words.len() >= 2 {
            if let Some(last) = words.last() {
                let names = by_last.entry(last).or_default();
                if !names.contains(&m.name.as_str()) {
                    names.push(&m.name);
                }
            }
        }
    }
    by_last
        .into_iter()
        .filter_map(|(last, names)| match names.as_slice() {
            [one] => Some((last.to_string(), one.to_string())),
            _ => None,
        })
        .collect()
}

/// For each (type, name) of the corpus, the name of the variant it merges into.
///
/// The kept spelling of a group is its most frequent one (ties: the longer,
/// then the alphabetically first), so the result does not depend on order.
/// An entry name of `table` is always kept.
pub(crate) fn merge_variants(
    counts: &BTreeMap<(EntityType, String), usize>,
    table: &AliasTable,
) -> HashMap<(EntityType, String), String> {
    let mut groups: BTreeMap<(EntityType, String), Vec<(&str, usize)>> = BTreeMap::new();
    for ((ty, name), &n) in counts {
        if matches!(
            ty,
            EntityType::Date | EntityType::Money | EntityType::Quantity
        ) {
            continue;
        }
        groups
            .entry((*ty, skeleton(name)))
            .or_default()
            .push((name, n));
    }
    let mut out = HashMap::new();
    for ((ty, _), mut names) in groups {
        names.sort_by(|a, b| (b.1, b.0.len(), a.0).cmp(&(a.1, a.0.len(), b.0)));
        let mut kept: Vec<&str> = Vec::new();
        for (name, _) in names {
            let listed = table.names(ty, name);
            match kept.iter().find(|k| !listed && variants(k, name)) {
                Some(k) => {
                    out.insert((ty, name.to_string()), k.to_string());
                }
                None => kept.push(name),
            }
        }
    }
    out
}

/// The first letter and the consonants of a name, lower-cased, with "ks"
/// read as "x" and doubled letters single: "Aleksandr" and "Alexander" → "alxndr".
fn skeleton(name: &str) -> String {
    let lower = name.to_lowercase().replace("ks", "x");
    let mut out = String::new();
    for word in lower.split([' ', '-']) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first);
        }
        for c in chars {
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
            if c.is_alphanumeric() && !vowel && !out.ends_with(c) {
                out.push(c);
            }
        }
        out.push(' ');
    }
    out
}

/// Whether two names of the same skeleton are spellings of one name: the
/// same number of words, each within two edits, and long enough that two
/// edits are not most of the word.
fn variants<'a>(a: &'a str, b: &'a str) -> bool {
    let words = |s: &'a str| s.split([' ', '-']).collect::<Vec<&str>>();
    let (wa, wb) = (words(a), words(b));
    wa.len() == wb.len()
        && wa.iter().zip(&wb).all(|(x, y)| {
            let (x, y) = (
                x.to_lowercase().replace("ks", "x"),
                y.to_lowercase().replace("ks", "x"),
            );
            x == y || (x.chars().count().min(y.chars().count()) >= 5 && edits(&x, &y) <= 2)
        })
}

/// The Levenshtein distance between two words.
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::text::Span;

    fn person(name: &str) -> RawMention {
        RawMention {
            span: Span::new(0, 0),
            ty: EntityType::Person,
            name: name.to_string(),
        }
    }

    #[test]
    fn surnames_take_the_full_name_of_their_document() {
        let mentions = [person("Yoshiro Mori"), person("Mori"), person("Bush")];
        let names: Vec<String> = document_names(&mentions, &AliasTable::default())
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, ["Yoshiro Mori", "Yoshiro Mori", "Bush"]);
    }

    #[test]
    fn transliterations_merge_but_namesakes_do_not() {
        let mut counts = BTreeMap::new();
        for (name, n) in [
            ("Aleksandr Losyukov", 1),
            ("Alexander Losyukov", 2),
            ("Alexander Panov", 1),
            ("Kuril Islands", 3),
            ("Kurile Islands", 1),
            ("Mori", 1),
            ("Moore", 1),
        ] {
            counts.insert((EntityType::Person, name.to_string()), n);
        }
        let merged = merge_variants(&counts, &AliasTable::default());
        let target = |n: &str| merged.get(&(EntityType::Person, n.to_string())).cloned();
        assert_eq!(
            target("Aleksandr Losyukov").as_deref(),
            Some("Alexander Losyukov")
        );
        assert_eq!(target("Kurile Islands").as_deref(), Some("Kuril Islands"));
        assert_eq!(target("Alexander Panov"), None);
        assert_eq!(target("Moore"), None);
        assert_eq!(target("Mori"), None);
    }
}
