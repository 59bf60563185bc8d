//! The entities of a whole corpus: every document's mentions resolved to
//! canonical entities, extracted once on first use with the alias table in
//! force.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use super::aliases::AliasTable;
use super::citations::RawCitation;
use super::mentions::{self, normalise_name};
use super::resolve;
use super::EntityType;
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::text::Span;

/// The alias table in force and the entity index computed with it.
#[derive(Debug)]
pub(crate) struct EntityState {
    aliases: AliasTable,
    index: OnceLock<EntityIndex>,
    /// Documents extracted so far by [`EntityState::extract_some`], while
    /// the index is not built.
    partial: Mutex<Extraction>,
}

impl Clone for EntityState {
    fn clone(&self) -> EntityState {
        EntityState {
            aliases: self.aliases.clone(),
            index: self.index.clone(),
            partial: Mutex::new(self.partial().clone()),
        }
    }
}

impl Default for EntityState {
    fn default() -> EntityState {
        EntityState::new(AliasTable::shipped())
    }
}

impl EntityState {
    /// No entities extracted yet, and `aliases` to extract them with.
    pub(crate) fn new(aliases: AliasTable) -> EntityState {
        EntityState {
            aliases,
            index: OnceLock::new(),
            partial: Mutex::new(Extraction::default()),
        }
    }

    fn partial(&self) -> std::sync::MutexGuard<'_, Extraction> {
        self.partial
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The entities of `documents`, extracted on first use, from where
    /// [`EntityState::extract_some`] left off (always pass the same
    /// documents).
    pub(crate) fn index(&self, documents: &[Document]) -> &EntityIndex {
        self.index.get_or_init(|| {
            let mut partial = std::mem::take(&mut *self.partial());
            partial.extract(documents, &self.aliases, usize::MAX);
            partial.finish(documents, &self.aliases)
        })
    }

    /// Extracts the entities of up to `count` more documents, and builds
    /// the index once every document is done: a caller with an event loop
    /// (the browser's worker) extracts a large corpus a slice at a time,
    /// answering other requests between slices. Returns how many documents
    /// are done.
    pub(crate) fn extract_some(&self, documents: &[Document], count: usize) -> usize {
        if self.index.get().is_some() {
            return documents.len();
        }
        let done = {
            let mut partial = self.partial();
            partial.extract(documents, &self.aliases, count);
            partial.next
        };
        if done == documents.len() {
            self.index(documents);
        }
        done
    }

    /// The alias table in force.
    pub(crate) fn aliases(&self) -> &AliasTable {
        &self.aliases
    }
}

/// An extraction under way: the documents before `next` are done.
#[derive(Clone, Debug, Default)]
struct Extraction {
    next: usize,
    resolved: Vec<Resolved>,
    citations: Vec<Vec<RawCitation>>,
    /// Every name and surface form met, held once however often it recurs
    /// (a 50 MB corpus has 255,000 mentions of 11,000 entities).
    strings: HashSet<Arc<str>>,
}

impl Extraction {
    /// Extracts up to `count` more documents' mentions, resolved within
    /// their document.
    fn extract(&mut self, documents: &[Document], aliases: &AliasTable, count: usize) {
        let end = self.next.saturating_add(count).min(documents.len());
        for (d, doc) in documents.iter().enumerate().take(end).skip(self.next) {
            let found =
                mentions::extract_with(&doc.text, &doc.sentences, doc.anchor_date(), aliases);
            let names = resolve::document_names(&found.mentions, aliases);
            for (m, (ty, name)) in found.mentions.iter().zip(names) {
                let surface = normalise_name(m.span.of(&doc.text));
                let (name, surface) = (self.intern(name), self.intern(surface));
                self.resolved.push((d, m.span, ty, name, surface));
            }
            self.citations.push(found.citations);
        }
        self.next = self.next.max(end);
    }

    fn intern(&mut self, text: String) -> Arc<str> {
        if let Some(held) = self.strings.get(text.as_str()) {
            return Arc::clone(held);
        }
        let held: Arc<str> = Arc::from(text);
        self.strings.insert(Arc::clone(&held));
        held
    }

    /// The index, once every document is extracted: what needs the whole
    /// corpus (media, ordinary people, names linked across documents).
    fn finish(mut self, documents: &[Document], aliases: &AliasTable) -> EntityIndex {
        self.strings = HashSet::new();
        retype_media(&mut self.resolved);
        drop_ordinary_people(&mut self.resolved, documents, aliases);
        let mut counts: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
        for (_, _, ty, name, _) in &self.resolved {
            *counts.entry((*ty, name.to_string())).or_default() += 1;
        }
        let merged = resolve::link_across(&counts, aliases);
        EntityIndex::assemble(
            documents.len(),
            self.resolved,
            &merged,
            self.citations,
            aliases,
        )
    }
}

/// One document's mentions as (byte span, entity), and its citations.
type DocEntities = (Vec<(Span, usize)>, Vec<RawCitation>);

/// Every entity of the corpus and, per document, its mentions.
#[derive(Clone, Debug)]
pub(crate) struct EntityIndex {
    pub(crate) entities: Vec<Record>,
    pub(crate) by_id: HashMap<String, usize>,
    /// The id an entity had before a type override changed its type (and
    /// so its id's prefix) → the entity: links made before still open it.
    moved: HashMap<String, usize>,
    /// The id of an entity the alias table says is not one → its name, to
    /// say so when a link still holds it.
    dropped: HashMap<String, String>,
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
    pub(crate) aliases: BTreeSet<String>,
    /// Mentions per document number.
    pub(crate) per_doc: BTreeMap<usize, usize>,
}

impl Record {
    /// Mentions in the whole corpus.
    pub(crate) fn count(&self) -> usize {
        self.per_doc.values().sum()
    }
}

impl EntityIndex {
    /// The number of the entity with the given id.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] naming the id, if no entity has it.
    pub(crate) fn entity_number(&self, id: &str) -> Result<usize, Error> {
        self.by_id
            .get(id)
            .or_else(|| self.moved.get(id))
            .copied()
            .filter(|&e| e < self.entities.len())
            .ok_or_else(|| match self.dropped.get(id) {
                Some(name) => not_an_entity(id, name),
                None => unknown_entity(id),
            })
    }

    /// The entity with the given id.
    ///
    /// # Errors
    /// As for [`EntityIndex::entity_number`].
    pub(crate) fn record(&self, id: &str) -> Result<&Record, Error> {
        let e = self.entity_number(id)?;
        self.entities.get(e).ok_or_else(|| unknown_entity(id))
    }

    /// Every mention's first and last token number, by document, worked
    /// out once per entity index: each document is tokenised a single time,
    /// however many window networks, evidence lists, collocates or entity
    /// searches follow.
    pub(crate) fn mention_tokens(&self, documents: &[Document]) -> &[Vec<(usize, usize)>] {
        self.mention_tokens.get_or_init(|| {
            self.docs
                .iter()
                .zip(documents)
                .map(|((mentions, _), doc)| {
                    let tokens = crate::text::tokens(&doc.text);
                    mentions
                        .iter()
                        .map(|&(span, _)| token_range(&tokens, span))
                        .collect()
                })
                .collect()
        })
    }

    /// The entities (by number, as a mask) of one of `types` (any type if
    /// empty) whose name or one of whose aliases satisfies `matches`.
    pub(crate) fn entities_named(
        &self,
        types: &[EntityType],
        matches: &dyn Fn(&str) -> bool,
    ) -> Vec<bool> {
        self.entities
            .iter()
            .map(|record| {
                (types.is_empty() || types.contains(&record.ty))
                    && (matches(&record.name) || record.aliases.iter().any(|a| matches(a)))
            })
            .collect()
    }
}

/// The first and last token number of the tokens `span` covers.
fn token_range(tokens: &[Span], span: Span) -> (usize, usize) {
    let first = tokens.partition_point(|t| t.end <= span.start);
    let last = tokens
        .partition_point(|t| t.start < span.end)
        .saturating_sub(1)
        .max(first);
    (first, last)
}

/// The one message for an entity id that names no entity.
fn unknown_entity(id: &str) -> Error {
    ErrorKind::InvalidArgument {
        message: format!("no entity has the id {id:?}"),
    }
    .into()
}

/// An id the alias table's non-entities removed: the usual message, and why.
fn not_an_entity(id: &str, name: &str) -> Error {
    ErrorKind::InvalidArgument {
        message: format!(
            "no entity has the id {id:?}: the alias table says {name:?} is not an entity"
        ),
    }
    .into()
}

/// A mention after resolution: document, span, type, name, surface.
type Resolved = (usize, Span, EntityType, Arc<str>, Arc<str>);

impl EntityIndex {
    fn assemble(
        n_docs: usize,
        resolved: Vec<Resolved>,
        merged: &HashMap<(EntityType, String), String>,
        citations: Vec<Vec<RawCitation>>,
        aliases: &AliasTable,
    ) -> EntityIndex {
        let mut keys: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
        let mut entities: Vec<Record> = Vec::new();
        let mut docs: Vec<Vec<(Span, usize)>> = vec![Vec::new(); n_docs];
        // Entities the reviewer's decisions retyped (by their former type)
        // or dropped, for their former ids.
        let mut retyped: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
        let mut dropped: BTreeSet<(EntityType, String)> = BTreeSet::new();
        for (d, span, was, name, surface) in resolved {
            let name = name.to_string();
            let name = merged.get(&(was, name.clone())).cloned().unwrap_or(name);
            let Some(ty) = aliases.review().decide(was, &name) else {
                dropped.insert((was, name));
                continue;
            };
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
            if *surface != *record.name && !matches!(ty, EntityType::Date) {
                record.aliases.insert(surface.to_string());
            }
            *record.per_doc.entry(d).or_default() += 1;
            docs[d].push((span, e));
            if ty != was {
                retyped.insert((was, name), e);
            }
        }
        let by_id = assign_ids(&mut entities);
        let former = |(ty, name): &(EntityType, String)| format!("{}:{}", ty.as_str(), slug(name));
        let moved = retyped
            .iter()
            .map(|(key, &e)| (former(key), e))
            .filter(|(id, _)| !by_id.contains_key(id))
            .collect();
        let dropped = dropped
            .iter()
            .map(|key| (former(key), key.1.clone()))
            .filter(|(id, _)| !by_id.contains_key(id))
            .collect();
        let docs = docs.into_iter().zip(citations).collect();
        EntityIndex {
            entities,
            by_id,
            moved,
            dropped,
            docs,
            mention_tokens: OnceLock::new(),
        }
    }
}

/// A name that a citation names as a source is an outlet everywhere it is an
/// organisation ("AFP" is found as an acronym, cited as a source).
fn retype_media(resolved: &mut [Resolved]) {
    let media: HashSet<Arc<str>> = resolved
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

/// Drops the "people" named by the corpus's ordinary words (see
/// [`resolve::is_ordinary_name`]), unless the alias table lists them.
fn drop_ordinary_people(resolved: &mut Vec<Resolved>, documents: &[Document], table: &AliasTable) {
    let names: BTreeSet<&str> = resolved
        .iter()
        .filter(|r| r.2 == EntityType::Person && !table.names(r.2, &r.3))
        .map(|r| &*r.3)
        .collect();
    let ordinary = resolve::ordinary_words(
        documents.iter().map(|d| d.text.as_str()),
        names.iter().copied(),
    );
    let dropped: HashSet<String> = names
        .into_iter()
        .filter(|n| resolve::is_ordinary_name(n, &ordinary))
        .map(str::to_string)
        .collect();
    resolved.retain(|r| r.2 != EntityType::Person || !dropped.contains(&*r.3));
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
