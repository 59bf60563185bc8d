//! Facets: how the documents a search matches divide by publication, by
//! year and by the entities they mention, counted over every match (not only
//! the page of hits returned).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::fields::{metadata_fields, metadata_text};
use crate::corpus::Corpus;
use crate::document::Document;
use crate::error::Error;
use crate::extract::EntityType;
use crate::options::check_range;

/// Which facets a search counts: the `facets` option, `true` for the
/// defaults or `{entities, types}`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct FacetOptions {
    /// Entities listed per type, 0 to 1,000 (default 10): the most
    /// mentioned by matching documents. 0 lists none; 1,000 is in practice
    /// every entity of a type.
    pub entities: usize,
    /// The entity types counted; empty or absent: the types the query
    /// language filters by (person, place, organization, media,
    /// nationality, event).
    pub types: Vec<EntityType>,
    /// Values listed per metadata field of the corpus, 0 to 1,000 (default
    /// 10): those most matching documents have.
    pub metadata: usize,
}

impl Default for FacetOptions {
    fn default() -> FacetOptions {
        FacetOptions {
            entities: 10,
            types: Vec::new(),
            metadata: 10,
        }
    }
}

/// The types counted when `types` is empty: those with a query filter.
const FILTERABLE: [EntityType; 6] = [
    EntityType::Person,
    EntityType::Place,
    EntityType::Organization,
    EntityType::Media,
    EntityType::Nationality,
    EntityType::Event,
];

impl FacetOptions {
    pub(crate) fn check(&self) -> Result<(), Error> {
        check_range("facets.entities", self.entities as f64, 0.0, 1000.0)?;
        check_range("facets.metadata", self.metadata as f64, 0.0, 1000.0)
    }
}

/// Reads `facets`: `true` (the defaults), `false` (none) or an object of
/// [`FacetOptions`].
pub(crate) fn deserialize_facets<'de, D>(deserializer: D) -> Result<Option<FacetOptions>, D::Error>
where
    D: Deserializer<'de>,
{
    use serde::de::Error as _;
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Bool(true) => Ok(Some(FacetOptions::default())),
        serde_json::Value::Bool(false) | serde_json::Value::Null => Ok(None),
        value @ serde_json::Value::Object(_) => {
            serde_json::from_value(value).map(Some).map_err(|e| {
                D::Error::custom(e.to_string().replace("unknown field", "unknown option"))
            })
        }
        other => Err(D::Error::custom(format!(
            "expected true, false or {{entities, types, metadata}}, got {other}"
        ))),
    }
}

/// The facet counts of a search (`results.facets`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Facets {
    /// Documents with at least one match: what every count below counts.
    pub documents: usize,
    /// Matching documents per publication, most first (ties: by name);
    /// documents without a publication are not counted.
    pub publication: Vec<FacetCount<String>>,
    /// Matching documents per year, earliest first; undated documents are
    /// not counted.
    pub year: Vec<FacetCount<i32>>,
    /// Per entity type asked for (every one present, perhaps empty): the
    /// entities mentioned by most matching documents, most first (ties:
    /// name, then id), at most `entities` of them.
    pub entities: BTreeMap<EntityType, Vec<EntityFacet>>,
    /// Per metadata field of the corpus (in lower case, as the query
    /// language names it): matching documents per value, most first (ties:
    /// by value), at most `metadata` of them; documents without the field
    /// are not counted.
    pub metadata: BTreeMap<String, Vec<FacetCount<String>>>,
}

/// A facet value and how many matching documents have it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetCount<T> {
    /// The publication name or the year.
    pub value: T,
    /// Matching documents.
    pub count: usize,
}

/// An entity and how many matching documents mention it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityFacet {
    /// The entity id, such as `person:vladimir-putin`.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Matching documents that mention it.
    pub count: usize,
}

/// Counts the facets of the matching documents `docs` (document numbers).
pub(crate) fn count(corpus: &Corpus, docs: &[u32], options: &FacetOptions) -> Facets {
    let documents = corpus.documents();
    let mut inside = vec![false; documents.len()];
    for &d in docs {
        if let Some(slot) = inside.get_mut(d as usize) {
            *slot = true;
        }
    }
    let matching = || {
        documents
            .iter()
            .zip(&inside)
            .filter(|(_, &i)| i)
            .map(|(d, _)| d)
    };
    let mut publications: BTreeMap<&str, usize> = BTreeMap::new();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for doc in matching() {
        if let Some(p) = doc
            .publication
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            *publications.entry(p).or_default() += 1;
        }
        if let Some(year) = doc.year {
            *years.entry(year).or_default() += 1;
        }
    }
    Facets {
        documents: matching().count(),
        publication: most_first(publications, usize::MAX),
        metadata: metadata_facets(documents, &inside, options.metadata),
        year: years
            .into_iter()
            .map(|(value, count)| FacetCount { value, count })
            .collect(),
        entities: entity_facets(corpus, &inside, options),
    }
}

/// The values of `counts`, most first (ties: by value), at most `limit`.
fn most_first(counts: BTreeMap<&str, usize>, limit: usize) -> Vec<FacetCount<String>> {
    let mut out: Vec<FacetCount<String>> = counts
        .into_iter()
        .map(|(value, count)| FacetCount {
            value: value.to_string(),
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out.truncate(limit);
    out
}

/// The top values of each metadata field, by matching documents (a field
/// no matching document has is listed, empty).
fn metadata_facets(
    documents: &[Document],
    inside: &[bool],
    limit: usize,
) -> BTreeMap<String, Vec<FacetCount<String>>> {
    let mut out = BTreeMap::new();
    for field in metadata_fields(documents) {
        let values: Vec<String> = documents
            .iter()
            .zip(inside)
            .filter(|(_, &i)| i)
            .filter_map(|(d, _)| metadata_text(d, &field))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for value in &values {
            *counts.entry(value).or_default() += 1;
        }
        let top = most_first(counts, limit);
        out.insert(field, top);
    }
    out
}

/// The top entities of each type asked for, by matching documents.
fn entity_facets(
    corpus: &Corpus,
    inside: &[bool],
    options: &FacetOptions,
) -> BTreeMap<EntityType, Vec<EntityFacet>> {
    let types: &[EntityType] = if options.types.is_empty() {
        &FILTERABLE
    } else {
        &options.types
    };
    let mut out: BTreeMap<EntityType, Vec<EntityFacet>> =
        types.iter().map(|&t| (t, Vec::new())).collect();
    if options.entities == 0 {
        return out;
    }
    for record in &corpus.entity_index().entities {
        let Some(list) = out.get_mut(&record.ty) else {
            continue;
        };
        let count = record
            .per_doc
            .keys()
            .filter(|&&d| inside.get(d).copied().unwrap_or(false))
            .count();
        if count > 0 {
            list.push(EntityFacet {
                id: record.id.clone(),
                name: record.name.clone(),
                ty: record.ty,
                count,
            });
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| (b.count, &a.name, &a.id).cmp(&(a.count, &b.name, &b.id)));
        list.truncate(options.entities);
    }
    out
}
