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

use std::collections::{BTreeMap, HashMap, HashSet};

use super::aliases::AliasTable;
use super::gazetteer::Gazetteer;
use super::mentions::RawMention;
use super::EntityType;
use crate::text;

/// The (type, name) of each mention of one document, after in-document
/// resolution and the alias table.
pub(crate) fn document_names(
    mentions: &[RawMention],
    table: &AliasTable,
) -> Vec<(EntityType, String)> {
    let full = full_names(mentions);
    let long = long_forms(mentions);
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
                _ => long
                    .get(&(m.ty, m.name.as_str()))
                    .map_or_else(|| m.name.clone(), |l| (*l).to_string()),
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

/// Short form → the one longer name of the document it can stand for, for
/// events and organisations: a name of two words or more whose words all
/// come, in order and ending with the same head word, in exactly one longer
/// name of the same type ("the 1956 declaration" → "1956 Soviet-Japanese
/// declaration", "the Foreign Ministry" → "Russian Foreign Ministry" where
/// no other foreign ministry is named).
fn long_forms(mentions: &[RawMention]) -> HashMap<(EntityType, &str), &str> {
    let mut names: BTreeMap<EntityType, Vec<&str>> = BTreeMap::new();
    for m in mentions
        .iter()
        .filter(|m| matches!(m.ty, EntityType::Event | EntityType::Organization))
    {
        let list = names.entry(m.ty).or_default();
        if !list.contains(&m.name.as_str()) {
            list.push(&m.name);
        }
    }
    let words = |name: &str| -> Vec<String> { name.split(' ').map(str::to_lowercase).collect() };
    let mut out = HashMap::new();
    for (ty, list) in names {
        for &short in &list {
            let part = words(short);
            if part.len() < 2 {
                continue;
            }
            let mut longer = list.iter().filter(|&&l| {
                let whole = words(l);
                whole.len() > part.len() && whole.last() == part.last() && {
                    let mut rest = whole.iter();
                    part.iter().all(|w| rest.any(|x| x == w))
                }
            });
            if let (Some(&one), None) = (longer.next(), longer.next()) {
                out.insert((ty, short), one);
            }
        }
    }
    out
}

/// Short form → the one full name of the document it can stand for: a
/// surname ("Mori" → "Yoshiro Mori"), else a first name ("Michelle" →
/// "Michelle Obama").
fn full_names(mentions: &[RawMention]) -> HashMap<String, String> {
    let mut by_last: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut by_first: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.ty == EntityType::Person) {
        let words: Vec<&str> = m.name.split(' ').collect();
        if let [first, .., last] = words.as_slice() {
            for (key, map) in [(last, &mut by_last), (first, &mut by_first)] {
                let names = map.entry(key).or_default();
                if !names.contains(&m.name.as_str()) {
                    names.push(&m.name);
                }
            }
        }
    }
    // A surname wins over a first name spelt the same.
    by_first.retain(|first, _| !by_last.contains_key(first));
    by_first
        .into_iter()
        .chain(by_last)
        .filter_map(|(key, names)| match names.as_slice() {
            [one] => Some((key.to_string(), one.to_string())),
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

/// The number of documents that must write a word in lower case for it to be
/// an ordinary word of the corpus ("Federal", "Treasury", "Members" in the
/// nineteenth century's capitals). One document is not enough: "king" and
/// "grant" are written so somewhere.
const LOWER_CASE_DOCUMENTS: usize = 3;

/// The words of `names`, lower-cased, that at least
/// [`LOWER_CASE_DOCUMENTS`] of `texts` write in lower case.
pub(crate) fn ordinary_words<'a>(
    texts: impl Iterator<Item = &'a str>,
    names: impl Iterator<Item = &'a str>,
) -> HashSet<String> {
    let candidates: HashSet<String> = names
        .flat_map(|n| n.split(' '))
        .map(str::to_lowercase)
        .collect();
    let mut documents: HashMap<&str, usize> = HashMap::new();
    for text in texts {
        let mut seen = HashSet::new();
        for token in text::tokens(text) {
            let word = token.of(text);
            if !word.starts_with(|c: char| c.is_lowercase()) {
                continue;
            }
            if let Some(word) = candidates.get(word) {
                if seen.insert(word.as_str()) {
                    *documents.entry(word.as_str()).or_default() += 1;
                }
            }
        }
    }
    documents
        .into_iter()
        .filter(|&(_, n)| n >= LOWER_CASE_DOCUMENTS)
        .map(|(w, _)| w.to_string())
        .collect()
}

/// Whether a person's name is made of the corpus's ordinary words: a single
/// one that is no known surname ("Treasury"), or a name that does not open
/// with a first name and holds one ("Federal Constitution").
pub(crate) fn is_ordinary_name(name: &str, ordinary: &HashSet<String>) -> bool {
    let g = Gazetteer::get();
    let is_ordinary = |w: &&str| ordinary.contains(&w.to_lowercase());
    let words: Vec<&str> = name.split(' ').collect();
    match words.as_slice() {
        [one] => is_ordinary(one) && !g.is_last_name(one),
        [first, ..] => !g.is_first_name(first) && words.iter().any(is_ordinary),
        [] => false,
    }
}

/// How many times the mentions of all other candidates together a full
/// name must have for a bare surname to join it across documents.
const DOMINANT: usize = 4;

/// The least mentions of a full name for a bare surname of another document
/// to join it: a full name named once in passing ("George H.W. Bush" in an
/// article about his son's years) is no evidence that the surname is his.
const LEAST_FULL_MENTIONS: usize = 2;

/// For each (type, name) of the corpus, the name it links to across
/// documents: spelling variants ([`merge_variants`]), then people (a full
/// name with and without its middle names, a bare surname or first name
/// with the one full name it can stand for) and the variants of one body
/// ("State Department" / "Department of State").
pub(crate) fn link_across(
    counts: &BTreeMap<(EntityType, String), usize>,
    table: &AliasTable,
) -> HashMap<(EntityType, String), String> {
    let mut out = merge_variants(counts, table);
    let mut merged: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
    for ((ty, name), &n) in counts {
        let name = out.get(&(*ty, name.clone())).unwrap_or(name);
        *merged.entry((*ty, name.clone())).or_default() += n;
    }
    let people = link_people(&merged, table);
    let bodies = link_bodies(&merged, table);
    let second = |ty: EntityType, name: &str| match ty {
        EntityType::Person => people.get(name),
        EntityType::Organization => bodies.get(name),
        _ => None,
    };
    for (ty, name) in counts.keys() {
        let first = out.get(&(*ty, name.clone())).unwrap_or(name).clone();
        if let Some(last) = second(*ty, &first) {
            out.insert((*ty, name.clone()), last.clone());
        }
    }
    out
}

/// The names of one person's full names, grouped: same first and last word,
/// middle names that agree ("John F. Kennedy", "John Fitzgerald Kennedy",
/// "John Kennedy").
struct Person<'a> {
    first: &'a str,
    last: &'a str,
    names: Vec<(&'a str, usize)>,
}

impl Person<'_> {
    fn total(&self) -> usize {
        self.names.iter().map(|n| n.1).sum()
    }

    /// The most mentioned name, then the longest, then the first.
    fn canonical(&self) -> &str {
        self.names
            .iter()
            .max_by(|a, b| (a.1, a.0.len(), b.0).cmp(&(b.1, b.0.len(), a.0)))
            .map_or("", |n| n.0)
    }
}

/// Person name → the name it links to.
fn link_people(
    counts: &BTreeMap<(EntityType, String), usize>,
    table: &AliasTable,
) -> HashMap<String, String> {
    let people = counts
        .iter()
        .filter(|((ty, _), _)| *ty == EntityType::Person)
        .map(|((_, name), &n)| (name.as_str(), n));
    let mut by_ends: BTreeMap<(&str, &str), Vec<(&str, usize)>> = BTreeMap::new();
    let mut bare = Vec::new();
    for (name, n) in people {
        match name.split(' ').collect::<Vec<_>>().as_slice() {
            [first, .., last] => by_ends.entry((first, last)).or_default().push((name, n)),
            _ => bare.push(name),
        }
    }
    let groups: Vec<Person> = by_ends
        .into_iter()
        .flat_map(|((first, last), names)| {
            group_middles(names)
                .into_iter()
                .map(move |names| Person { first, last, names })
        })
        .collect();
    let mut out = HashMap::new();
    for group in &groups {
        for &(name, _) in &group.names {
            if name != group.canonical() && !table.names(EntityType::Person, name) {
                out.insert(name.to_string(), group.canonical().to_string());
            }
        }
    }
    for word in bare {
        if table.names(EntityType::Person, word) {
            continue;
        }
        if let Some(group) = bare_target(word, &groups) {
            out.insert(word.to_string(), group.canonical().to_string());
        }
    }
    out
}

/// The one person a bare word stands for in the corpus: the full name whose
/// surname it is, if it has [`DOMINANT`] times the mentions of all others
/// with that surname; else, if it is no one's surname, the only full name
/// with that first name. Either way, a full name mentioned at least
/// [`LEAST_FULL_MENTIONS`] times.
fn bare_target<'g, 'a>(word: &str, groups: &'g [Person<'a>]) -> Option<&'g Person<'a>> {
    let surnamed: Vec<&Person> = groups.iter().filter(|g| g.last == word).collect();
    let found = if surnamed.is_empty() {
        let named: Vec<&Person> = groups.iter().filter(|g| g.first == word).collect();
        match named[..] {
            [one] => Some(one),
            _ => None,
        }
    } else {
        let total: usize = surnamed.iter().map(|g| g.total()).sum();
        surnamed
            .into_iter()
            .find(|g| g.total() >= DOMINANT * (total - g.total()))
    };
    found.filter(|g| g.total() >= LEAST_FULL_MENTIONS)
}

/// Splits the full names of one first and last word into people: names
/// whose middle names agree are one; a name without middle names joins the
/// one group there is, or stays alone when there are several.
fn group_middles(names: Vec<(&str, usize)>) -> Vec<Vec<(&str, usize)>> {
    let middle = |name: &str| -> Vec<String> {
        let words: Vec<&str> = name.split(' ').collect();
        words[1..words.len() - 1]
            .iter()
            .map(|w| w.to_string())
            .collect()
    };
    let (plain, middled): (Vec<_>, Vec<_>) =
        names.into_iter().partition(|n| middle(n.0).is_empty());
    let mut groups: Vec<Vec<(&str, usize)>> = Vec::new();
    for name in middled {
        let agrees = |g: &Vec<(&str, usize)>| {
            g.iter()
                .all(|m| middles_agree(&middle(m.0), &middle(name.0)))
        };
        match groups.iter_mut().find(|g| agrees(g)) {
            Some(group) => group.push(name),
            None => groups.push(vec![name]),
        }
    }
    match groups.as_mut_slice() {
        [one] => one.extend(plain),
        _ => groups.extend(plain.into_iter().map(|p| vec![p])),
    }
    groups
}

/// Whether two lists of middle names can be one person's: "F." and
/// "Fitzgerald" agree, "H.W." and "W." do not.
fn middles_agree(a: &[String], b: &[String]) -> bool {
    let letters = |words: &[String]| -> Vec<(char, Option<String>)> {
        words
            .iter()
            .flat_map(|w| {
                let initials = w
                    .trim_end_matches('.')
                    .split('.')
                    .all(|p| p.chars().count() == 1);
                if initials {
                    w.split('.')
                        .filter_map(|p| p.chars().next())
                        .map(|c| (c, None))
                        .collect()
                } else {
                    w.chars()
                        .next()
                        .map(|c| (c, Some(w.clone())))
                        .into_iter()
                        .collect::<Vec<_>>()
                }
            })
            .collect()
    };
    let (a, b) = (letters(a), letters(b));
    a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| {
            x.0 == y.0
                && match (&x.1, &y.1) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                }
        })
}

/// Organisation name → the name of the same body it links to: "State
/// Department" and "Department of State", "Spanish Government" and
/// "Government of Spain" (a demonym read as its country, a country through
/// the alias table).
fn link_bodies(
    counts: &BTreeMap<(EntityType, String), usize>,
    table: &AliasTable,
) -> HashMap<String, String> {
    let mut by_key: BTreeMap<(String, String), Vec<(&str, usize)>> = BTreeMap::new();
    for ((ty, name), &n) in counts {
        if *ty == EntityType::Organization && !table.names(*ty, name) {
            if let Some(key) = body_key(name, table) {
                by_key.entry(key).or_default().push((name, n));
            }
        }
    }
    let mut out = HashMap::new();
    for names in by_key.into_values().filter(|names| names.len() > 1) {
        let Some(&(kept, _)) = names
            .iter()
            .max_by(|a, b| (a.1, a.0.len(), b.0).cmp(&(b.1, b.0.len(), a.0)))
        else {
            continue;
        };
        for (name, _) in names.into_iter().filter(|n| n.0 != kept) {
            out.insert(name.to_string(), kept.to_string());
        }
    }
    out
}

/// An organisation's head word and what it is of: "Department of the
/// Treasury" and "Treasury Department" → ("Department", "Treasury").
fn body_key(name: &str, table: &AliasTable) -> Option<(String, String)> {
    let g = Gazetteer::get();
    let is_head = |w: &str| g.head(w) == Some(EntityType::Organization);
    let words: Vec<&str> = name.split(' ').collect();
    let (head, of) = match words.as_slice() {
        [head, "of", rest @ ..] if is_head(head) && !rest.is_empty() => {
            let rest = rest.strip_prefix(&["the"]).unwrap_or(rest);
            (*head, rest.join(" "))
        }
        [rest @ .., head] if is_head(head) && !rest.is_empty() => {
            let rest = rest.join(" ");
            (*head, g.country_of(&rest).map_or(rest, str::to_string))
        }
        _ => return None,
    };
    let of = match table.canonical(&of) {
        Some((EntityType::Place, canonical)) => canonical.to_string(),
        _ => of,
    };
    Some((head.to_string(), of))
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
