//! The entities of a whole corpus, extracted once on first use, and the
//! [`Corpus`] methods that serve them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::aliases::{AliasEntry, AliasTable};
use super::citations::{iso, Citation, CitationSource, RawCitation};
use super::extract::{self, normalise_name};
use super::resolve;
use super::EntityType;
use crate::corpus::{Corpus, Document};
use crate::dates::Date;
use crate::error::{Error, ErrorKind};
use crate::text::Span;

/// The alias table in force and the entity index computed with it.
#[derive(Clone, Debug)]
pub(crate) struct EntityState {
    aliases: AliasTable,
    index: OnceLock<EntityIndex>,
}

impl Default for EntityState {
    fn default() -> EntityState {
        EntityState {
            aliases: AliasTable::shipped(),
            index: OnceLock::new(),
        }
    }
}

/// One document's mentions as (byte span, entity), and its citations.
type DocEntities = (Vec<(Span, usize)>, Vec<RawCitation>);

/// Every entity of the corpus and, per document, its mentions.
#[derive(Clone, Debug)]
pub(crate) struct EntityIndex {
    pub(crate) entities: Vec<Record>,
    pub(crate) by_id: HashMap<String, usize>,
    /// Per document (in corpus order): mentions as (byte span, entity), and citations.
    pub(crate) docs: Vec<DocEntities>,
    /// Per document, each mention's first and last token number, worked out
    /// on first use by the co-occurrence windows (see `cooccur::count`).
    pub(crate) mention_tokens: OnceLock<Vec<Vec<(usize, usize)>>>,
}

/// One canonical entity: its id, name, type, aliases and mentions per document.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) ty: EntityType,
    aliases: BTreeSet<String>,
    /// Mentions per document number.
    pub(crate) per_doc: BTreeMap<usize, usize>,
}

impl Record {
    fn count(&self) -> usize {
        self.per_doc.values().sum()
    }
}

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
    /// Only the documents matching this search query, counted there (a
    /// search's entity facet); absent or blank: every document.
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
    /// The entity index, built on first use.
    pub(crate) fn entity_index(&self) -> &EntityIndex {
        self.entities
            .index
            .get_or_init(|| EntityIndex::build(self.documents(), &self.entities.aliases))
    }

    /// Canonical entities, sorted by count (descending), then name, then id.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] for a `doc_id` the corpus lacks.
    pub fn entities(&self, options: &EntityOptions) -> Result<Vec<Entity>, Error> {
        let scope = self.entity_scope(options)?;
        let index = self.entity_index();
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
                (count > 0 && count >= options.min_count).then(|| r.entity(count, documents))
            })
            .collect();
        out.sort_by(|a, b| (b.count, &a.name, &a.id).cmp(&(a.count, &b.name, &b.id)));
        out.truncate(options.limit.unwrap_or(usize::MAX));
        Ok(out)
    }

    /// The documents `entities` counts in, as a mask by document number:
    /// `None` for all of them.
    fn entity_scope(&self, options: &EntityOptions) -> Result<Option<Vec<bool>>, Error> {
        let query = options
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty());
        if options.doc_id.is_none() && query.is_none() {
            return Ok(None);
        }
        let mut inside = vec![query.is_none(); self.documents().len()];
        if let Some(query) = query {
            for d in self.query_documents(query)? {
                if let Some(slot) = inside.get_mut(d as usize) {
                    *slot = true;
                }
            }
        }
        if let Some(id) = &options.doc_id {
            let only = self.doc_index(id)?;
            for (d, slot) in inside.iter_mut().enumerate() {
                *slot &= d == only;
            }
        }
        Ok(Some(inside))
    }

    /// One entity with its count in each document.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for an id that names no entity.
    pub fn entity(&self, id: &str) -> Result<EntityDetail, Error> {
        let record = self.record(id)?;
        let per_document = record
            .per_doc
            .iter()
            .filter_map(|(&d, &count)| {
                let doc_id = self.documents().get(d)?.id.clone();
                Some(DocumentCount { doc_id, count })
            })
            .collect();
        Ok(EntityDetail {
            entity: record.entity(record.count(), record.per_doc.len()),
            per_document,
        })
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
        let record = self.record(id)?;
        let index = self.entity_index();
        let wanted = index.by_id.get(&record.id).copied();
        let mut out = Vec::new();
        for &d in record.per_doc.keys() {
            let (Some(doc), Some((mentions, _))) = (self.documents().get(d), index.docs.get(d))
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

    /// Every mention of a document, sorted by start then end, for highlighting.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] for an id the corpus lacks.
    pub fn annotate(&self, doc_id: &str) -> Result<Vec<Annotation>, Error> {
        let d = self.doc_index(doc_id)?;
        let index = self.entity_index();
        let doc = self.document(doc_id)?;
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

    /// The source citations of one document, or of all, in text order.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownDocument`] for an id the corpus lacks.
    pub fn citations(&self, doc_id: Option<&str>) -> Result<Vec<Citation>, Error> {
        let only = match doc_id {
            Some(id) => Some(self.doc_index(id)?),
            None => None,
        };
        let index = self.entity_index();
        let mut out = Vec::new();
        for (d, doc) in self.documents().iter().enumerate() {
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

    /// Replaces the alias table; every entity view recomputes on next use.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] naming the first bad entry; the table
    /// in force is then left as it was.
    pub fn set_aliases(&mut self, entries: Vec<AliasEntry>) -> Result<(), Error> {
        let table = AliasTable::new(entries)?;
        self.entities = EntityState {
            aliases: table,
            index: OnceLock::new(),
        };
        Ok(())
    }

    /// The alias table in force.
    pub fn aliases(&self) -> &[AliasEntry] {
        self.entities.aliases.entries()
    }

    /// The documents (by number, ascending) mentioning an entity of one of
    /// `types` (any type if empty) whose name or one of whose aliases
    /// satisfies `matches`.
    pub(crate) fn entity_documents(
        &self,
        types: &[EntityType],
        matches: &dyn Fn(&str) -> bool,
    ) -> Vec<u32> {
        let index = self.entity_index();
        let mut docs = BTreeSet::new();
        for record in &index.entities {
            let typed = types.is_empty() || types.contains(&record.ty);
            if typed && (matches(&record.name) || record.aliases.iter().any(|a| matches(a))) {
                docs.extend(record.per_doc.keys().map(|&d| d as u32));
            }
        }
        docs.into_iter().collect()
    }

    pub(crate) fn doc_index(&self, id: &str) -> Result<usize, Error> {
        self.documents()
            .iter()
            .position(|d| d.id == id)
            .ok_or_else(|| ErrorKind::UnknownDocument { id: id.to_string() }.into())
    }

    fn record(&self, id: &str) -> Result<&Record, Error> {
        let index = self.entity_index();
        index
            .by_id
            .get(id)
            .and_then(|&e| index.entities.get(e))
            .ok_or_else(|| {
                ErrorKind::InvalidArgument {
                    message: format!("no entity has the id {id:?}"),
                }
                .into()
            })
    }
}

impl Record {
    fn entity(&self, count: usize, documents: usize) -> Entity {
        Entity {
            id: self.id.clone(),
            name: self.name.clone(),
            ty: self.ty,
            aliases: self.aliases.iter().cloned().collect(),
            count,
            documents,
        }
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

/// The date relative and partial dates of a document are read against.
pub(crate) fn anchor(doc: &Document) -> Option<Date> {
    doc.date.or(doc.year.map(Date::year))
}

/// A mention after resolution: document, span, type, name, surface.
type Resolved = (usize, Span, EntityType, String, String);

impl EntityIndex {
    fn build(documents: &[Document], aliases: &AliasTable) -> EntityIndex {
        let mut resolved: Vec<Resolved> = Vec::new();
        let mut citations = Vec::with_capacity(documents.len());
        for (d, doc) in documents.iter().enumerate() {
            let found = extract::extract_with(&doc.text, &doc.sentences, anchor(doc), aliases);
            let names = resolve::document_names(&found.mentions, aliases);
            for (m, (ty, name)) in found.mentions.iter().zip(names) {
                let surface = normalise_name(m.span.of(&doc.text));
                resolved.push((d, m.span, ty, name, surface));
            }
            citations.push(found.citations);
        }
        retype_media(&mut resolved);
        let mut counts: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
        for (_, _, ty, name, _) in &resolved {
            *counts.entry((*ty, name.clone())).or_default() += 1;
        }
        let merged = resolve::merge_variants(&counts, aliases);
        EntityIndex::assemble(documents.len(), resolved, &merged, citations)
    }

    fn assemble(
        n_docs: usize,
        resolved: Vec<Resolved>,
        merged: &HashMap<(EntityType, String), String>,
        citations: Vec<Vec<RawCitation>>,
    ) -> EntityIndex {
        let mut keys: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
        let mut entities: Vec<Record> = Vec::new();
        let mut docs: Vec<Vec<(Span, usize)>> = vec![Vec::new(); n_docs];
        for (d, span, ty, name, surface) in resolved {
            let name = merged.get(&(ty, name.clone())).cloned().unwrap_or(name);
            let e = *keys.entry((ty, name.clone())).or_insert_with(|| {
                entities.push(Record {
                    id: String::new(),
                    name: name.clone(),
                    ty,
                    aliases: BTreeSet::new(),
                    per_doc: BTreeMap::new(),
                });
                entities.len() - 1
            });
            let record = &mut entities[e];
            if surface != record.name && !matches!(ty, EntityType::Date) {
                record.aliases.insert(surface);
            }
            *record.per_doc.entry(d).or_default() += 1;
            docs[d].push((span, e));
        }
        let by_id = assign_ids(&mut entities);
        let docs = docs.into_iter().zip(citations).collect();
        EntityIndex {
            entities,
            by_id,
            docs,
            mention_tokens: OnceLock::new(),
        }
    }
}

/// A name that a citation names as a source is an outlet everywhere it is an
/// organisation ("AFP" is found as an acronym, cited as a source).
fn retype_media(resolved: &mut [Resolved]) {
    let media: HashSet<String> = resolved
        .iter()
        .filter(|r| r.2 == EntityType::Media)
        .map(|r| r.3.clone())
        .collect();
    for r in resolved.iter_mut() {
        if r.2 == EntityType::Organization && media.contains(&r.3) {
            r.2 = EntityType::Media;
        }
    }
}

/// Gives every entity its id, `type:slug`, unique in the corpus.
fn assign_ids(entities: &mut [Record]) -> HashMap<String, usize> {
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        (entities[a].ty, &entities[a].name).cmp(&(entities[b].ty, &entities[b].name))
    });
    let mut by_id = HashMap::new();
    for e in order {
        let base = format!("{}:{}", entities[e].ty.as_str(), slug(&entities[e].name));
        let mut id = base.clone();
        let mut n = 2;
        while by_id.contains_key(&id) {
            id = format!("{base}~{n}");
            n += 1;
        }
        entities[e].id = id.clone();
        by_id.insert(id, e);
    }
    by_id
}

/// Lower-case letters and digits, other runs turned into one hyphen.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Yoshiro Mori"), "yoshiro-mori");
        assert_eq!(slug("RIA-Novosti"), "ria-novosti");
        assert_eq!(slug("2005-11-20/2005-11-22"), "2005-11-20-2005-11-22");
        assert_eq!(slug("U.S."), "u-s");
    }
}
