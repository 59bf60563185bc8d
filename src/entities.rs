//! The corpus's entities, asked for: lists by type and count (in the whole
//! corpus, one document or the documents a query matches), one entity with
//! its mentions, a document's annotations and its source citations, and the
//! alias table.
//!
//! Extraction itself is below the corpus, in [`crate::extract`]; the
//! [`Corpus`] methods here are façades over its [`EntityIndex`].

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::document::Document;
use crate::error::Error;
use crate::extract::{
    iso, AliasEntry, AliasTable, AliasTableData, Citation, CitationSource, EntityIndex, EntityType,
    RawCitation, Record,
};
use crate::text::Span;

/// Options of [`Corpus::entities`].
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct EntityOptions {
    /// Only these types; empty or absent: every type.
    pub types: Vec<EntityType>,
    /// Only entities with at least this many mentions (0 and 1 keep all).
    pub min_count: usize,
    /// At most this many entities; absent: all of them.
    pub limit: Option<usize>,
    /// Only the entities of this document, counted there.
    pub doc_id: Option<String>,
    /// Only the documents matching this search query, counted there;
    /// absent or blank: every document. (A search's `facets` option counts
    /// the documents that mention each entity instead, in the same call.)
    pub query: Option<String>,
}

/// Options of [`Corpus::mentions`].
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct MentionOptions {
    /// At most this many mentions; absent: all of them.
    pub limit: Option<usize>,
}

/// A canonical entity and how often the corpus mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// A stable id: `type:slug`, such as `person:yoshiro-mori`.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Every other way the corpus writes it, sorted.
    pub aliases: Vec<String>,
    /// Mentions (in the document asked for, if any).
    pub count: usize,
    /// Documents that mention it.
    pub documents: usize,
}

/// An entity with its count in each document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityDetail {
    /// The entity.
    #[serde(flatten)]
    pub entity: Entity,
    /// Counts per document, in corpus order.
    pub per_document: Vec<DocumentCount>,
}

/// How often one document mentions an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentCount {
    /// The document id.
    pub doc_id: String,
    /// Mentions in it.
    pub count: usize,
}

/// One mention of an entity, for listing; offsets in UTF-16 code units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MentionRecord {
    /// The document id.
    pub doc_id: String,
    /// Start of the mention.
    pub start: usize,
    /// End of the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The sentence holding it.
    pub sentence: Span,
}

/// One mention in a document, for highlighting; offsets in UTF-16 code units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    /// Start of the mention.
    pub start: usize,
    /// End of the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The entity's type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// The entity's id.
    pub entity_id: String,
    /// The entity's canonical name.
    pub name: String,
}

impl Corpus {
    /// Canonical entities, sorted by count (descending), then name, then id.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] for a `doc_id` the corpus lacks.
    pub fn entities(&self, options: &EntityOptions) -> Result<Vec<Entity>, Error> {
        entities(self, options)
    }

    /// One entity with its count in each document.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for an id that names no entity.
    pub fn entity(&self, id: &str) -> Result<EntityDetail, Error> {
        entity(self, id)
    }

    /// The mentions of an entity in corpus order, with their sentences.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for an id that names no entity.
    pub fn mentions(
        &self,
        id: &str,
        options: &MentionOptions,
    ) -> Result<Vec<MentionRecord>, Error> {
        mentions(self, id, options)
    }

    /// Every mention of a document, sorted by start then end, for highlighting.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] for an id the corpus lacks.
    pub fn annotate(&self, doc_id: &str) -> Result<Vec<Annotation>, Error> {
        annotate(self, doc_id)
    }

    /// The source citations of one document, or of all, in text order.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] for an id the corpus lacks.
    pub fn citations(&self, doc_id: Option<&str>) -> Result<Vec<Citation>, Error> {
        citations(self, doc_id)
    }

    /// Replaces the entries of the alias table, keeping its decisions (type
    /// overrides, non-entities, reviewed marks); every entity view
    /// recomputes on next use.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] naming the first bad entry; the table
    /// in force is then left as it was.
    pub fn set_aliases(&mut self, entries: Vec<AliasEntry>) -> Result<(), Error> {
        set_aliases(self, entries)
    }

    /// The entries of the alias table in force.
    pub fn aliases(&self) -> &[AliasEntry] {
        aliases(self)
    }

    /// Replaces the whole alias table, entries and decisions: a type
    /// override changes an entity's type (its id takes the new type, and
    /// the former id still finds it); a non-entity's mentions are dropped
    /// from every list, network, facet and annotation; a reviewed mark
    /// changes nothing but is kept.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] naming the first bad entry or
    /// decision and its list; the table in force is then left as it was.
    pub fn set_alias_table(&mut self, table: AliasTableData) -> Result<(), Error> {
        let table = AliasTable::from_data(table)?;
        self.replace_aliases(table);
        Ok(())
    }

    /// The whole alias table in force, entries and decisions.
    pub fn alias_table_data(&self) -> AliasTableData {
        self.alias_table().data()
    }
}

/// See [`Corpus::entities`].
fn entities(corpus: &Corpus, options: &EntityOptions) -> Result<Vec<Entity>, Error> {
    let scope = entity_scope(corpus, options)?;
    let index = corpus.entity_index();
    let mut out: Vec<Entity> = index
        .entities
        .iter()
        .filter(|r| options.types.is_empty() || options.types.contains(&r.ty))
        .filter_map(|r| {
            let (count, documents) = match &scope {
                None => (r.count(), r.per_doc.len()),
                Some(inside) => r
                    .per_doc
                    .iter()
                    .filter(|(&d, _)| inside.get(d).copied().unwrap_or(false))
                    .fold((0, 0), |(count, docs), (_, &n)| (count + n, docs + 1)),
            };
            (count > 0 && count >= options.min_count).then(|| listed(r, count, documents))
        })
        .collect();
    out.sort_by(|a, b| (b.count, &a.name, &a.id).cmp(&(a.count, &b.name, &b.id)));
    out.truncate(options.limit.unwrap_or(usize::MAX));
    Ok(out)
}

/// The documents `entities` counts in, as a mask by document number:
/// `None` for all of them.
fn entity_scope(corpus: &Corpus, options: &EntityOptions) -> Result<Option<Vec<bool>>, Error> {
    let query = options
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    if options.doc_id.is_none() && query.is_none() {
        return Ok(None);
    }
    let mut inside = vec![query.is_none(); corpus.documents().len()];
    if let Some(query) = query {
        for d in crate::search::matching_documents(corpus, query)? {
            if let Some(slot) = inside.get_mut(d as usize) {
                *slot = true;
            }
        }
    }
    if let Some(id) = &options.doc_id {
        let only = corpus.document_number(id)?;
        for (d, slot) in inside.iter_mut().enumerate() {
            *slot &= d == only;
        }
    }
    Ok(Some(inside))
}

/// See [`Corpus::entity`].
fn entity(corpus: &Corpus, id: &str) -> Result<EntityDetail, Error> {
    let record = corpus.entity_index().record(id)?;
    let per_document = record
        .per_doc
        .iter()
        .filter_map(|(&d, &count)| {
            let doc_id = corpus.documents().get(d)?.id.clone();
            Some(DocumentCount { doc_id, count })
        })
        .collect();
    Ok(EntityDetail {
        entity: listed(record, record.count(), record.per_doc.len()),
        per_document,
    })
}

/// See [`Corpus::mentions`].
fn mentions(
    corpus: &Corpus,
    id: &str,
    options: &MentionOptions,
) -> Result<Vec<MentionRecord>, Error> {
    let index = corpus.entity_index();
    let record = index.record(id)?;
    let wanted = index.by_id.get(&record.id).copied();
    let mut out = Vec::new();
    for &d in record.per_doc.keys() {
        let (Some(doc), Some((mentions, _))) = (corpus.documents().get(d), index.docs.get(d))
        else {
            continue;
        };
        for (span, _) in mentions.iter().filter(|(_, e)| Some(*e) == wanted) {
            out.push(mention_record(doc, *span));
        }
    }
    out.truncate(options.limit.unwrap_or(usize::MAX));
    Ok(out)
}

/// See [`Corpus::annotate`].
fn annotate(corpus: &Corpus, doc_id: &str) -> Result<Vec<Annotation>, Error> {
    let d = corpus.document_number(doc_id)?;
    let index = corpus.entity_index();
    let doc = corpus.document(doc_id)?;
    let Some((mentions, _)) = index.docs.get(d) else {
        return Ok(Vec::new());
    };
    let out = mentions
        .iter()
        .filter_map(|&(span, e)| {
            let record = index.entities.get(e)?;
            let utf16 = doc.utf16_span(span);
            Some(Annotation {
                start: utf16.start,
                end: utf16.end,
                text: span.of(&doc.text).to_string(),
                ty: record.ty,
                entity_id: record.id.clone(),
                name: record.name.clone(),
            })
        })
        .collect();
    Ok(out)
}

/// See [`Corpus::citations`].
fn citations(corpus: &Corpus, doc_id: Option<&str>) -> Result<Vec<Citation>, Error> {
    let only = match doc_id {
        Some(id) => Some(corpus.document_number(id)?),
        None => None,
    };
    let index = corpus.entity_index();
    let mut out = Vec::new();
    for (d, doc) in corpus.documents().iter().enumerate() {
        if only.is_some_and(|o| o != d) {
            continue;
        }
        let Some((mentions, citations)) = index.docs.get(d) else {
            continue;
        };
        for raw in citations {
            out.push(link_citation(index, doc, mentions, raw));
        }
    }
    Ok(out)
}

/// See [`Corpus::set_aliases`].
fn set_aliases(corpus: &mut Corpus, entries: Vec<AliasEntry>) -> Result<(), Error> {
    let table = corpus.alias_table().with_entries(entries)?;
    corpus.replace_aliases(table);
    Ok(())
}

/// See [`Corpus::aliases`].
fn aliases(corpus: &Corpus) -> &[AliasEntry] {
    corpus.alias_table().entries()
}

/// The entity as listed, with `count` mentions in `documents` documents.
fn listed(record: &Record, count: usize, documents: usize) -> Entity {
    Entity {
        id: record.id.clone(),
        name: record.name.clone(),
        ty: record.ty,
        aliases: record.aliases.iter().cloned().collect(),
        count,
        documents,
    }
}

fn mention_record(doc: &Document, span: Span) -> MentionRecord {
    let at = doc.sentences.partition_point(|s| s.end < span.end);
    let sentence = doc.sentences.get(at).copied().unwrap_or(span);
    let utf16 = doc.utf16_span(span);
    MentionRecord {
        doc_id: doc.id.clone(),
        start: utf16.start,
        end: utf16.end,
        text: span.of(&doc.text).to_string(),
        sentence: doc.utf16_span(sentence),
    }
}

fn link_citation(
    index: &EntityIndex,
    doc: &Document,
    mentions: &[(Span, usize)],
    raw: &RawCitation,
) -> Citation {
    let sources = raw
        .sources
        .iter()
        .map(|s| {
            let entity = s.span.and_then(|span| {
                let at = mentions.binary_search_by_key(&span, |(m, _)| *m).ok()?;
                index.entities.get(mentions[at].1)
            });
            CitationSource {
                name: s.name.clone(),
                entity_id: entity.map(|r| r.id.clone()),
                dates: iso(&s.dates),
            }
        })
        .collect();
    let span = doc.utf16_span(raw.span);
    Citation {
        doc_id: doc.id.clone(),
        start: span.start,
        end: span.end,
        sources,
    }
}
