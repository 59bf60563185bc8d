//! Assembling a corpus from records: unique ids, dates from source
//! citations, warnings for what was skipped, the word index and the
//! corpus-wide counts.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Corpus, Source, Stats, Warning};
use crate::document::{DateSource, Document};
use crate::error::{Error, ErrorKind, Location};
use crate::extract::{self, EntityState};
use crate::index::Index;
use crate::load::{self, FieldNames, LoadOptions, Pending};

/// Collects records into documents, checking ids and keeping warnings.
pub(super) struct Builder {
    options: LoadOptions,
    pending: Vec<Pending>,
    /// Each id given so far, with where it was first given.
    ids: HashMap<String, Location>,
    warnings: Vec<Warning>,
    /// The files read, the last one being read now.
    sources: Vec<Source>,
}

impl Builder {
    pub(super) fn new(options: &LoadOptions) -> Builder {
        Builder {
            options: options.clone(),
            pending: Vec::new(),
            ids: HashMap::new(),
            warnings: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Starts a file: the records added next are its own.
    pub(super) fn begin_source(&mut self, name: &str, encoding: Option<&str>) {
        self.sources.push(Source {
            name: name.to_string(),
            encoding: encoding.map(str::to_string),
            documents: 0,
            skipped: 0,
            fields: BTreeMap::new(),
        });
    }

    /// Adds the records of the file being read, finding their fields by `names`.
    pub(super) fn add_all(
        &mut self,
        records: load::Records<'_>,
        names: &FieldNames,
    ) -> Result<(), Error> {
        for record in records {
            match record
                .and_then(|r| r.into_pending(names, self.options.date_order))
                .and_then(|p| self.claim_id(p))
            {
                Ok(pending) => {
                    if let Some(source) = self.sources.last_mut() {
                        source.documents += 1;
                        for (role, key) in &pending.roles {
                            let keys = source.fields.entry(role.name()).or_default();
                            if !keys.contains(key) {
                                keys.push(key.clone());
                            }
                        }
                    }
                    self.pending.push(pending);
                }
                Err(error) => self.skip_or_fail(error)?,
            }
        }
        Ok(())
    }

    /// Keeps what a reader replaced or left out of the file being read as
    /// warnings of the load, which name the file.
    pub(super) fn add_notices(&mut self, file: &str, notices: &[load::Notice]) {
        self.warnings.extend(notices.iter().map(|notice| Warning {
            file: file.to_string(),
            line: 0,
            message: format!("{file}: {}", notice.message),
            kind: notice.kind.clone(),
        }));
    }

    /// Registers the record's own id, which no earlier record may have.
    fn claim_id(&mut self, pending: Pending) -> Result<Pending, Error> {
        let Some(id) = &pending.id else {
            return Ok(pending);
        };
        if let Some(first) = self.ids.get(id) {
            return Err(ErrorKind::DuplicateId {
                id: id.clone(),
                first: first.clone(),
                second: pending.at.clone(),
            }
            .into());
        }
        self.ids.insert(id.clone(), pending.at.clone());
        Ok(pending)
    }

    fn skip_or_fail(&mut self, error: Error) -> Result<(), Error> {
        if !self.options.skip_invalid {
            return Err(error);
        }
        if let Some(source) = self.sources.last_mut() {
            source.skipped += 1;
        }
        let (file, line) = file_and_line(&error);
        let message = error.to_string();
        self.warnings.push(Warning {
            file,
            line,
            message,
            kind: error.kind().name().to_string(),
        });
        Ok(())
    }

    pub(super) fn finish(self) -> Result<Corpus, Error> {
        if self.pending.is_empty() {
            return Err(ErrorKind::EmptyCorpus {
                files: self
                    .sources
                    .into_iter()
                    .map(|s| s.name)
                    .filter(|name| name != load::IN_MEMORY)
                    .collect(),
                skipped: self.warnings.into_iter().map(|w| w.message).collect(),
            }
            .into());
        }
        let ids = assign_ids(&self.pending, &self.ids);
        let documents: Vec<Document> = self
            .pending
            .into_iter()
            .zip(ids)
            .map(|(pending, id)| dated_by_citations(Document::new(id, pending.fields)))
            .collect();
        let by_id = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let index = Index::build(&documents);
        let stats = compute_stats(&documents, &index);
        Ok(Corpus {
            documents,
            by_id,
            warnings: self.warnings,
            sources: self.sources,
            stats,
            entities: EntityState::default(),
            index,
        })
    }
}

/// A document whose date is only its volume's year gets the month of the
/// latest date its source citations give ("(Kyodo, April 10)"), if any.
fn dated_by_citations(mut document: Document) -> Document {
    if let (None, Some(year), Some(DateSource::Volume)) =
        (document.date, document.year, document.date_source)
    {
        if let Some(month) = extract::publication_month(&document.text, year) {
            document.date = Some(month);
            document.date_source = Some(DateSource::Citations);
        }
    }
    document
}

/// The file and line a warning names; line 0 stands for the whole file.
fn file_and_line(error: &Error) -> (String, usize) {
    match (error.location(), error.kind()) {
        (Some(at), _) => (at.file.clone(), at.line),
        (None, ErrorKind::MissingTextColumn { file, .. }) => (file.clone(), 1),
        (
            None,
            ErrorKind::UnsupportedFile { file }
            | ErrorKind::NotText { file, .. }
            | ErrorKind::UnreadableFile { file, .. },
        ) => (file.clone(), 0),
        (None, _) => (String::new(), 0),
    }
}

/// Gives every document an id: its own (already checked unique) or one
/// made from its id hint that no other document uses.
fn assign_ids(pending: &[Pending], given: &HashMap<String, Location>) -> Vec<String> {
    let mut taken: HashSet<String> = given.keys().cloned().collect();
    pending
        .iter()
        .map(|record| match &record.id {
            Some(id) => id.clone(),
            None => fresh_id(&record.id_hint, &mut taken),
        })
        .collect()
}

fn fresh_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = base.to_string();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}~{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

fn compute_stats(documents: &[Document], index: &Index) -> Stats {
    let mut stats = Stats {
        documents: documents.len(),
        vocabulary: index.vocabulary(),
        ..Stats::default()
    };
    for doc in documents {
        stats.paragraphs += doc.paragraphs.len();
        stats.sentences += doc.sentences.len();
        stats.words += doc.words;
        stats.chars += doc.chars();
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocumentFields;

    #[test]
    fn generated_ids_avoid_given_ones() {
        let pending = |id: Option<&str>, line| Pending {
            id: id.map(str::to_string),
            id_hint: format!("doc-{line}"),
            at: load::record_at(load::IN_MEMORY, line),
            fields: DocumentFields::default(),
            roles: Vec::new(),
        };
        let pending = vec![pending(None, 1), pending(Some("doc-1"), 2)];
        let given: HashMap<String, Location> = pending
            .iter()
            .filter_map(|p| Some((p.id.clone()?, p.at.clone())))
            .collect();
        assert_eq!(assign_ids(&pending, &given), ["doc-1~2", "doc-1"]);
    }
}
