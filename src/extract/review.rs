//! The reviewer's decisions about whole entities, kept in the alias table
//! beside its entries: a type override ("Cleveland" is a person, not a
//! place), an entity that is not one ("West" as a person), and an entity
//! reviewed and accepted as it is.
//!
//! Entries decide which names are one entity, before resolution; these
//! decide what becomes of an entity once resolved, so they act on the
//! entity as the lists show it: its canonical name and type.

// FxHash: as for the alias table, short keys from the library and the user.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};

use super::EntityType;
use crate::error::{Error, ErrorKind};

/// An entity as the reviewer names it: its canonical name and its type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EntityKey {
    /// The canonical name, compared ignoring case.
    pub name: String,
    /// The type the entity has in the lists.
    #[serde(rename = "type")]
    pub ty: EntityType,
}

/// A type override: the entity `name` of type `from` is of type `to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TypeOverride {
    /// The canonical name, compared ignoring case.
    pub name: String,
    /// The type the extraction gave it.
    pub from: EntityType,
    /// The type it has instead.
    pub to: EntityType,
}

/// The decisions, checked and looked up by type and case-folded name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Review {
    types: HashMap<(EntityType, String), EntityType>,
    not_entities: HashSet<(EntityType, String)>,
}

impl Review {
    /// Checks the three lists and indexes the two that change entities.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] naming the first bad item and its
    /// list: an empty name, an override to the type it has, or an entity
    /// listed twice in one list.
    pub(crate) fn new(
        types: &[TypeOverride],
        not_entities: &[EntityKey],
        reviewed: &[EntityKey],
    ) -> Result<Review, Error> {
        let mut review = Review::default();
        let mut first = HashMap::default();
        for (i, o) in types.iter().enumerate() {
            let label = item_label("type override", i, &o.name)?;
            if o.from == o.to {
                let ty = o.to.as_str();
                return Err(invalid(format!("{label}: the type is already {ty}")));
            }
            let key = (o.from, fold(&o.name));
            once(&mut first, key.clone(), i, &label, "type override")?;
            review.types.insert(key, o.to);
        }
        for (list, items) in [("non-entity", not_entities), ("reviewed entity", reviewed)] {
            let mut first = HashMap::default();
            for (i, k) in items.iter().enumerate() {
                let label = item_label(list, i, &k.name)?;
                let key = (k.ty, fold(&k.name));
                once(&mut first, key.clone(), i, &label, list)?;
                if list == "non-entity" {
                    review.not_entities.insert(key);
                }
            }
        }
        Ok(review)
    }

    /// What the decisions make of the entity `name` of type `ty`: `None` if
    /// it is not an entity, else its type (the override's, if it has one).
    /// A non-entity is matched against the type after the override, the
    /// type the reviewer saw.
    pub(crate) fn decide(&self, ty: EntityType, name: &str) -> Option<EntityType> {
        if self.types.is_empty() && self.not_entities.is_empty() {
            return Some(ty);
        }
        let name = fold(name);
        let ty = self.types.get(&(ty, name.clone())).copied().unwrap_or(ty);
        (!self.not_entities.contains(&(ty, name))).then_some(ty)
    }
}

/// `list n ("name")`, or an error if the name is empty.
fn item_label(list: &str, i: usize, name: &str) -> Result<String, Error> {
    if name.trim().is_empty() {
        return Err(invalid(format!(
            "alias table {list} {}: the name is empty",
            i + 1
        )));
    }
    Ok(format!("alias table {list} {} ({name:?})", i + 1))
}

/// Records `key` as seen at `i`, or an error naming where it was first.
fn once(
    first: &mut HashMap<(EntityType, String), usize>,
    key: (EntityType, String),
    i: usize,
    label: &str,
    list: &str,
) -> Result<(), Error> {
    if let Some(earlier) = first.insert(key.clone(), i) {
        let ty = key.0.as_str();
        return Err(invalid(format!(
            "{label}: the {ty} is listed already, as {list} {}",
            earlier + 1
        )));
    }
    Ok(())
}

fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

fn invalid(message: String) -> Error {
    ErrorKind::InvalidArgument { message }.into()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn key(name: &str, ty: EntityType) -> EntityKey {
        EntityKey {
            name: name.into(),
            ty,
        }
    }

    #[test]
    fn overrides_and_non_entities_decide_by_folded_name() {
        let types = [TypeOverride {
            name: "Cleveland".into(),
            from: EntityType::Place,
            to: EntityType::Person,
        }];
        let not = [key("West", EntityType::Person)];
        let review = Review::new(&types, &not, &[]).unwrap();
        let decide = |ty, name| review.decide(ty, name);
        assert_eq!(
            decide(EntityType::Place, "cleveland"),
            Some(EntityType::Person)
        );
        assert_eq!(decide(EntityType::Person, "WEST"), None);
        assert_eq!(decide(EntityType::Place, "West"), Some(EntityType::Place));
    }

    #[test]
    fn bad_items_are_named_with_their_list() {
        let message = |types: &[TypeOverride], not: &[EntityKey], reviewed: &[EntityKey]| {
            Review::new(types, not, reviewed).unwrap_err().to_string()
        };
        let same = TypeOverride {
            name: "Rico".into(),
            from: EntityType::Place,
            to: EntityType::Place,
        };
        assert_eq!(
            message(&[same], &[], &[]),
            "alias table type override 1 (\"Rico\"): the type is already place"
        );
        assert_eq!(
            message(
                &[],
                &[
                    key("West", EntityType::Person),
                    key(" ", EntityType::Person)
                ],
                &[]
            ),
            "alias table non-entity 2: the name is empty"
        );
        let twice = [
            key("Mori", EntityType::Person),
            key("mori", EntityType::Person),
        ];
        assert_eq!(
            message(&[], &[], &twice),
            "alias table reviewed entity 2 (\"mori\"): the person is listed already, as reviewed entity 1"
        );
    }
}
