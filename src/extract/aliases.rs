//! The alias table: names that stand for one canonical entity.
//!
//! The table ships as `data/aliases.txt`, one entity a line:
//!
//! ```text
//! place: Kuril Islands = Northern Territories; south Kuril Islands; South Kurils
//! ```
//!
//! and can be replaced at runtime with [`crate::Corpus::set_aliases`], or,
//! with the reviewer's decisions about whole entities (type overrides,
//! names that are not entities, entities accepted: see [`super::review`]),
//! with [`crate::Corpus::set_alias_table`].

// FxHash: several times faster than SipHash on short words; the keys are
// the library's own lists and the user's text, no HashDoS concern.
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use super::gazetteer::data_lines;
use super::review::{EntityKey, Review, TypeOverride};
use super::EntityType;
use crate::error::{Error, ErrorKind};

/// One entity of the alias table: its canonical name, type and aliases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AliasEntry {
    /// The canonical name every alias becomes.
    pub name: String,
    /// The type of the entity.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// The other names of the entity, compared ignoring case.
    pub aliases: Vec<String>,
}

/// The whole alias table as plain data, as JavaScript sets and reads it and
/// as a team shares it in a file: the entries, and the reviewer's decisions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct AliasTableData {
    /// The entities of the table, each with its aliases.
    pub entries: Vec<AliasEntry>,
    /// Entities whose type is changed.
    pub types: Vec<TypeOverride>,
    /// Entities that are not entities: their mentions are dropped everywhere.
    pub not_entities: Vec<EntityKey>,
    /// Entities reviewed and accepted as they are (a mark only: it changes
    /// no entity, so that a resumed review skips them).
    pub reviewed: Vec<EntityKey>,
}

/// A validated alias table.
#[derive(Clone, Debug, Default)]
pub struct AliasTable {
    entries: Vec<AliasEntry>,
    types: Vec<TypeOverride>,
    not_entities: Vec<EntityKey>,
    reviewed: Vec<EntityKey>,
    review: Review,
    /// Lower-cased alias or name → index of its entry.
    lookup: HashMap<String, usize>,
    /// Finds every name and alias in a text, so that an alias no gazetteer
    /// knows ("Northern Territories") is still a mention.
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern: the spelling and its entry.
    patterns: Vec<(String, usize)>,
}

const SHIPPED: &str = include_str!("data/aliases.txt");

impl AliasTable {
    /// The table that ships with the library (`data/aliases.txt`).
    pub fn shipped() -> AliasTable {
        // Parsed once: building its automaton was most of what an
        // `extractEntities` call cost before reading any text.
        static TABLE: OnceLock<AliasTable> = OnceLock::new();
        TABLE
            .get_or_init(|| AliasTable::parse(SHIPPED).unwrap_or_default())
            .clone()
    }

    /// Builds a table from entries, checking each.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] naming the first bad entry: an empty
    /// name or alias, or a name or alias that already belongs to another
    /// entry.
    pub fn new(entries: Vec<AliasEntry>) -> Result<AliasTable, Error> {
        let mut lookup = HashMap::default();
        for (i, entry) in entries.iter().enumerate() {
            let label = format!("alias table entry {} ({:?})", i + 1, entry.name);
            if entry.name.trim().is_empty() {
                return Err(invalid(format!(
                    "alias table entry {}: the name is empty",
                    i + 1
                )));
            }
            let names = std::iter::once(&entry.name).chain(&entry.aliases);
            for (j, alias) in names.enumerate() {
                if alias.trim().is_empty() {
                    return Err(invalid(format!("{label}: alias {j} is empty")));
                }
                let key = alias.trim().to_lowercase();
                match lookup.insert(key, i) {
                    Some(other) if other != i => {
                        let owner = &entries[other].name;
                        return Err(invalid(format!(
                            "{label}: {alias:?} already belongs to entry {} ({owner:?})",
                            other + 1
                        )));
                    }
                    _ => {}
                }
            }
        }
        let patterns: Vec<(String, usize)> = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(move |a| (a.trim().to_string(), i))
            })
            .collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(patterns.iter().map(|(p, _)| p))
            .ok();
        Ok(AliasTable {
            entries,
            lookup,
            automaton,
            patterns,
            ..AliasTable::default()
        })
    }

    /// Builds a table from its plain data, checking the entries, then the
    /// decisions.
    ///
    /// # Errors
    /// As for [`AliasTable::new`]; then [`ErrorKind::InvalidArgument`]
    /// naming the first bad decision and its list (an empty name, an
    /// override to the type the entity has, an entity listed twice).
    pub fn from_data(data: AliasTableData) -> Result<AliasTable, Error> {
        let review = Review::new(&data.types, &data.not_entities, &data.reviewed)?;
        Ok(AliasTable {
            types: data.types,
            not_entities: data.not_entities,
            reviewed: data.reviewed,
            review,
            ..AliasTable::new(data.entries)?
        })
    }

    /// The table as plain data: entries and decisions, in the order given.
    pub fn data(&self) -> AliasTableData {
        AliasTableData {
            entries: self.entries.clone(),
            types: self.types.clone(),
            not_entities: self.not_entities.clone(),
            reviewed: self.reviewed.clone(),
        }
    }

    /// The same decisions with other entries.
    ///
    /// # Errors
    /// As for [`AliasTable::new`].
    pub fn with_entries(&self, entries: Vec<AliasEntry>) -> Result<AliasTable, Error> {
        Ok(AliasTable {
            types: self.types.clone(),
            not_entities: self.not_entities.clone(),
            reviewed: self.reviewed.clone(),
            review: self.review.clone(),
            ..AliasTable::new(entries)?
        })
    }

    /// The reviewer's decisions, for resolving entities.
    pub(crate) fn review(&self) -> &Review {
        &self.review
    }

    /// Every name and alias of the table in `text`: byte range, spelling, type
    /// and canonical name.
    pub(crate) fn find<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, &'a str, EntityType, &'a str)> + 'a {
        self.automaton
            .iter()
            .flat_map(move |a| a.find_iter(text))
            .filter_map(move |m| {
                let (pattern, i) = self.patterns.get(m.pattern().as_usize())?;
                let entry = self.entries.get(*i)?;
                Some((
                    m.start(),
                    m.end(),
                    pattern.as_str(),
                    entry.ty,
                    entry.name.as_str(),
                ))
            })
    }

    /// Parses the text form, `type: Name = alias; alias`, one entity a line.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] naming the line that does not parse,
    /// or the entry that [`AliasTable::new`] rejects.
    pub fn parse(text: &str) -> Result<AliasTable, Error> {
        let entries = data_lines(text)
            .enumerate()
            .map(|(i, line)| {
                parse_line(line).map_err(|m| invalid(format!("alias table line {}: {m}", i + 1)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        AliasTable::new(entries)
    }

    /// The entries, in the order given.
    pub fn entries(&self) -> &[AliasEntry] {
        &self.entries
    }

    /// The canonical name and type for a name, if the table lists it.
    pub fn canonical(&self, name: &str) -> Option<(EntityType, &str)> {
        let entry = self.entries.get(*self.lookup.get(&name.to_lowercase())?)?;
        Some((entry.ty, entry.name.as_str()))
    }

    /// Whether `name` is, exactly, the name of an entry of type `ty`: such a
    /// name is the user's word that it is an entity of its own, so it is
    /// never merged into a variant spelling.
    pub(crate) fn names(&self, ty: EntityType, name: &str) -> bool {
        self.canonical(name) == Some((ty, name))
    }
}

fn invalid(message: String) -> Error {
    ErrorKind::InvalidArgument { message }.into()
}

fn parse_line(line: &str) -> Result<AliasEntry, String> {
    let expected = || format!("expected \"type: Name = alias; alias\", found {line:?}");
    let (ty, rest) = line.split_once(':').ok_or_else(expected)?;
    let (name, aliases) = rest.split_once('=').ok_or_else(expected)?;
    let ty = EntityType::parse(ty.trim()).ok_or_else(|| {
        let known: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
        format!(
            "unknown type {:?} (expected one of {})",
            ty.trim(),
            known.join(", ")
        )
    })?;
    Ok(AliasEntry {
        name: name.trim().to_string(),
        ty,
        aliases: aliases.split(';').map(|a| a.trim().to_string()).collect(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn shipped_table_parses() {
        let table = AliasTable::shipped();
        assert!(!table.entries().is_empty());
        assert_eq!(
            table.canonical("northern territories"),
            Some((EntityType::Place, "Kuril Islands"))
        );
    }

    #[test]
    fn bad_lines_and_entries_are_named() {
        let err = AliasTable::parse("place: A = B\nplanet: X = Y").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("alias table line 2: unknown type \"planet\""));
        let err = AliasTable::parse("place: A = B; ").unwrap_err();
        assert_eq!(
            err.to_string(),
            "alias table entry 1 (\"A\"): alias 2 is empty"
        );
        let err = AliasTable::parse("place: A = B\nplace: C = b").unwrap_err();
        assert_eq!(
            err.to_string(),
            "alias table entry 2 (\"C\"): \"b\" already belongs to entry 1 (\"A\")"
        );
        let err = AliasTable::parse("no separator here").unwrap_err();
        assert!(err.to_string().contains("line 1: expected"));
    }
}
