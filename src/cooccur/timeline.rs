//! Entity mentions over time: one series per entity, one value per bucket.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{ranked_entities, scope_documents, Scope};
use crate::corpus::Corpus;
use crate::error::Error;
use crate::extract::EntityType;
use crate::search::{document_buckets, Bucket};

/// How many entities a timeline shows when none are named.
const DEFAULT_ENTITIES: usize = 5;

/// Options of [`Corpus::timeline`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct TimelineOptions {
    /// The entities (ids) to chart, in this order (repeats dropped); empty:
    /// the 5 most mentioned in scope among `types`.
    pub entities: Vec<String>,
    /// For the default entities: the types to pick from; empty: person,
    /// place and organization. Ignored when `entities` is given.
    pub types: Vec<EntityType>,
    /// Only mentions in documents matching this search query; absent or
    /// blank: all.
    pub query: Option<String>,
    /// How documents are grouped (default `year`): `year` and `month` run
    /// from the first to the last without gaps, `issue` has one bucket per
    /// publication, volume and issue in corpus order, `document` one per
    /// document, `field:NAME` one per value of a metadata field; documents
    /// without the date or issue fall in `undated`, those without the field
    /// in `(no NAME)`.
    pub bucket: Bucket,
}

/// Mentions per bucket, one series per entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    /// How documents were grouped.
    pub bucket: Bucket,
    /// Bucket labels, for every document of the corpus (whatever the
    /// query), so that the axis stays put: years, `YYYY-MM` months, issues
    /// such as `Monitor 6:74`, document ids or field values; then `undated`
    /// (or `(no NAME)`) if used.
    pub buckets: Vec<String>,
    /// Tokens per bucket in the documents in scope, to turn mentions into
    /// relative frequencies.
    pub tokens: Vec<u64>,
    /// One series per entity.
    pub series: Vec<Series>,
}

/// One entity's mentions per bucket.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    /// The entity id.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Mentions in scope per bucket; they sum to `total`.
    pub values: Vec<u64>,
    /// Mentions in scope.
    pub total: u64,
}

impl Corpus {
    /// The mentions of some entities over time (or issues, or documents).
    ///
    /// # Errors
    /// A malformed query, or an unknown entity id.
    pub fn timeline(&self, options: &TimelineOptions) -> Result<Timeline, Error> {
        timeline(self, options)
    }
}

/// See [`Corpus::timeline`].
fn timeline(corpus: &Corpus, options: &TimelineOptions) -> Result<Timeline, Error> {
    let docs = scope_documents(
        corpus,
        Scope {
            query: options.query.as_deref(),
            ..Scope::default()
        },
    )?;
    let (buckets, bucket_of) = document_buckets(corpus, &options.bucket)?;
    let chosen = timeline_entities(corpus, options, &docs)?;
    let slot: HashMap<usize, usize> = chosen.iter().enumerate().map(|(i, &e)| (e, i)).collect();
    let mut values = vec![vec![0u64; buckets.len()]; chosen.len()];
    let mut tokens = vec![0u64; buckets.len()];
    let index = corpus.entity_index();
    for &d in &docs {
        let Some(&b) = bucket_of.get(d) else { continue };
        tokens[b] += corpus.documents().get(d).map_or(0, |doc| doc.words as u64);
        for &(_, e) in index.docs.get(d).map_or(&[][..], |(m, _)| m) {
            if let Some(&i) = slot.get(&e) {
                values[i][b] += 1;
            }
        }
    }
    let series = chosen
        .iter()
        .zip(values)
        .filter_map(|(&e, values)| series(corpus, e, values))
        .collect();
    Ok(Timeline {
        bucket: options.bucket.clone(),
        buckets,
        tokens,
        series,
    })
}

/// The entity numbers to chart: those named, or the most mentioned.
fn timeline_entities(
    corpus: &Corpus,
    options: &TimelineOptions,
    docs: &[usize],
) -> Result<Vec<usize>, Error> {
    let index = corpus.entity_index();
    if !options.entities.is_empty() {
        let mut chosen: Vec<usize> = Vec::new();
        for id in &options.entities {
            let e = index.entity_number(id)?;
            if !chosen.contains(&e) {
                chosen.push(e);
            }
        }
        return Ok(chosen);
    }
    let types: &[EntityType] = match options.types.as_slice() {
        [] => &[
            EntityType::Person,
            EntityType::Place,
            EntityType::Organization,
        ],
        types => types,
    };
    let freq = mention_counts(corpus, docs, |ty| types.contains(&ty));
    let mut ranked = ranked_entities(corpus, &freq);
    ranked.truncate(DEFAULT_ENTITIES);
    Ok(ranked)
}

/// Mentions per entity number in `docs`, for the entities of the types
/// `keep` accepts.
fn mention_counts(corpus: &Corpus, docs: &[usize], keep: impl Fn(EntityType) -> bool) -> Vec<u64> {
    let index = corpus.entity_index();
    let mut freq = vec![0u64; index.entities.len()];
    for &d in docs {
        for &(_, e) in index.docs.get(d).map_or(&[][..], |(m, _)| m) {
            if index.entities.get(e).is_some_and(|r| keep(r.ty)) {
                freq[e] += 1;
            }
        }
    }
    freq
}

fn series(corpus: &Corpus, e: usize, values: Vec<u64>) -> Option<Series> {
    let record = corpus.entity_index().entities.get(e)?;
    Some(Series {
        id: record.id.clone(),
        name: record.name.clone(),
        ty: record.ty,
        total: values.iter().sum(),
        values,
    })
}
