//! The positional inverted index: which word forms stand where.
//!
//! Each distinct *form* (a token folded for case, accents and apostrophes)
//! has a posting list of documents and token positions. Stemming is a second
//! map from a stem to its forms, so stemmed and exact matching share one set
//! of postings. A hyphenated compound is indexed whole and as its parts, at
//! the same position: `Russian-Japanese` is found by `japanese`; the index
//! also knows which compounds hold each part, for phrases that cross them.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;

use crate::document::Document;
use crate::text::{self, fold, Span};

/// Token positions of every `CHECKPOINT`-th token keep their byte offset, so
/// that any position can be found by scanning at most that many tokens.
const CHECKPOINT: u32 = 16;

/// Where one form occurs.
///
/// Positions are stored compactly: for each document, the number of
/// positions and then the gaps between them, each as a LEB128 varint (most
/// gaps fit in one byte, against four for a `u32`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Postings {
    /// Documents containing the form, ascending.
    pub docs: Vec<u32>,
    /// `bytes[ends[k-1]..ends[k]]` encode the positions in `docs[k]`.
    ends: Vec<u32>,
    bytes: Vec<u8>,
    /// Positions in the whole corpus.
    total: u32,
    /// While building: how many positions the last document's open run
    /// holds, and the last of them. Its gaps are encoded as they come and
    /// its count put in front when it closes, so that a document of
    /// millions of words is never held as a list of positions.
    run_count: u32,
    run_last: u32,
}

impl Postings {
    fn add(&mut self, doc: u32, position: u32) {
        if self.docs.last() != Some(&doc) {
            self.flush();
            tight(&mut self.docs, 1);
            self.docs.push(doc);
            self.run_count = 0;
            self.run_last = 0;
        }
        tight(&mut self.bytes, 5);
        write_varint(&mut self.bytes, position - self.run_last);
        self.run_last = position;
        self.run_count += 1;
        self.total += 1;
    }

    /// Closes the last document's run: its count goes in front of its gaps.
    fn flush(&mut self) {
        if self.ends.len() == self.docs.len() {
            return;
        }
        let start = self.ends.last().copied().unwrap_or(0) as usize;
        let mut count = [0u8; 5];
        let length = encode_varint(&mut count, self.run_count);
        tight(&mut self.bytes, length);
        self.bytes
            .splice(start..start, count.iter().take(length).copied());
        tight(&mut self.ends, 1);
        self.ends.push(self.bytes.len() as u32);
    }

    /// Ends the building: closes the last run and drops spare capacity.
    fn finish(&mut self) {
        self.flush();
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.docs.shrink_to_fit();
    }

    /// The positions of the form in `doc`, ascending (empty if absent).
    pub fn positions_in(&self, doc: u32) -> Vec<u32> {
        match self.docs.binary_search(&doc) {
            Ok(k) => self.positions_at(k),
            Err(_) => Vec::new(),
        }
    }

    /// The positions in the `k`-th document of the list.
    pub fn positions_at(&self, k: usize) -> Vec<u32> {
        let mut bytes = self.run(k);
        let count = read_varint(&mut bytes);
        let mut positions = Vec::with_capacity(count as usize);
        let mut position = 0;
        for _ in 0..count {
            position += read_varint(&mut bytes);
            positions.push(position);
        }
        positions
    }

    /// The encoded run of the `k`-th document.
    fn run(&self, k: usize) -> &[u8] {
        let start = k
            .checked_sub(1)
            .and_then(|i| self.ends.get(i))
            .copied()
            .unwrap_or(0) as usize;
        let end = self.ends.get(k).copied().unwrap_or(0) as usize;
        self.bytes.get(start..end).unwrap_or(&[])
    }

    /// Each document with how often the form occurs in it.
    pub fn counts(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.docs
            .iter()
            .enumerate()
            .map(|(k, &doc)| (doc, read_varint(&mut self.run(k))))
    }

    /// How often the form occurs in the whole corpus.
    pub fn count(&self) -> usize {
        self.total as usize
    }

    /// Bytes held on the heap.
    fn heap_bytes(&self) -> usize {
        self.docs.capacity() * 4 + self.ends.capacity() * 4 + self.bytes.capacity()
    }
}

/// Room for `more` items in `list`, growing it by a quarter rather than
/// doubling it: while the index is built, its lists' spare room is a fifth
/// of them at most instead of as much again, and the whole load's peak
/// memory is that much lower.
fn tight<T>(list: &mut Vec<T>, more: usize) {
    if list.capacity() - list.len() < more {
        list.reserve_exact(list.len() / 4 + more.max(4));
    }
}

/// Writes `value` as a varint into `out`; returns the bytes it took.
fn encode_varint(out: &mut [u8; 5], mut value: u32) -> usize {
    let mut length = 0;
    while value >= 0x80 {
        out[length] = (value as u8) | 0x80;
        value >>= 7;
        length += 1;
    }
    out[length] = value as u8;
    length + 1
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads one varint and advances `bytes` past it (0 at the end of input).
fn read_varint(bytes: &mut &[u8]) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some((&byte, rest)) = bytes.split_first() {
        *bytes = rest;
        value |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            break;
        }
        shift += 7;
    }
    value
}

/// What the index knows about one document.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocEntry {
    /// The number of token positions.
    pub len: u32,
    /// The first token position of each sentence.
    pub sentence_starts: Vec<u32>,
    /// The first token position of each paragraph.
    pub paragraph_starts: Vec<u32>,
    /// Byte offsets of tokens 0, 64, 128, …
    checkpoints: Vec<u32>,
    /// Forms that occur in the title or publication name.
    pub title_forms: Vec<u32>,
}

impl DocEntry {
    fn heap_bytes(&self) -> usize {
        (self.sentence_starts.capacity()
            + self.paragraph_starts.capacity()
            + self.checkpoints.capacity()
            + self.title_forms.capacity())
            * 4
    }
}

/// The index of a corpus.
#[derive(Debug)]
pub(crate) struct Index {
    forms: HashMap<Box<str>, u32>,
    form_text: Vec<Box<str>>,
    /// Whether a form occurs as a whole token (not only inside compounds).
    whole: Vec<bool>,
    /// For each part of a hyphenated compound, the compounds holding it.
    compounds: HashMap<u32, Vec<u32>>,
    /// Form ids sorted by their text, for prefix ranges.
    sorted: Vec<u32>,
    stems: HashMap<Box<str>, Vec<u32>>,
    postings: Vec<Postings>,
    pub docs: Vec<DocEntry>,
    total_positions: u64,
}

impl Index {
    /// Indexes the documents.
    pub fn build(documents: &[Document]) -> Index {
        let mut index = Index {
            forms: HashMap::default(),
            form_text: Vec::new(),
            whole: Vec::new(),
            compounds: HashMap::default(),
            sorted: Vec::new(),
            stems: HashMap::default(),
            postings: Vec::new(),
            docs: Vec::with_capacity(documents.len()),
            total_positions: 0,
        };
        let mut folded = String::new();
        for (d, document) in documents.iter().enumerate() {
            let entry = index.add_document(d as u32, document, &mut folded);
            index.total_positions += u64::from(entry.len);
            index.docs.push(entry);
        }
        index.finish();
        index.docs.shrink_to_fit();
        for (d, document) in documents.iter().enumerate() {
            let forms = index.title_forms(document, &mut folded);
            if let Some(entry) = index.docs.get_mut(d) {
                entry.title_forms = forms;
            }
        }
        index
    }

    fn add_document(&mut self, doc: u32, document: &Document, folded: &mut String) -> DocEntry {
        let mut entry = DocEntry::default();
        let mut sentences = document.sentences.iter().peekable();
        let mut paragraphs = document.paragraphs.iter().peekable();
        let mut position = 0u32;
        for token in text::tokens(&document.text) {
            mark_starts(&mut sentences, token, position, &mut entry.sentence_starts);
            mark_starts(
                &mut paragraphs,
                token,
                position,
                &mut entry.paragraph_starts,
            );
            if position.is_multiple_of(CHECKPOINT) {
                entry.checkpoints.push(token.start as u32);
            }
            fold(token.of(&document.text), folded);
            let form = self.intern(folded);
            self.whole[form as usize] = true;
            self.postings[form as usize].add(doc, position);
            if folded.contains('-') {
                self.add_parts(doc, position, form);
            }
            position += 1;
        }
        entry.len = position;
        entry
    }

    /// Indexes the parts of a hyphenated compound at its position.
    fn add_parts(&mut self, doc: u32, position: u32, compound: u32) {
        // A compound's first occurrence is its first posting: parts hold no hyphen.
        let first = self.postings[compound as usize].total == 1;
        let text = self.form_text[compound as usize].clone();
        for part in text.split('-').filter(|p| !p.is_empty()) {
            let form = self.intern(part);
            self.postings[form as usize].add(doc, position);
            if first {
                let holders = self.compounds.entry(form).or_default();
                if holders.last() != Some(&compound) {
                    holders.push(compound);
                }
            }
        }
    }

    fn intern(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.forms.get(folded) {
            return id;
        }
        let id = self.form_text.len() as u32;
        self.forms.insert(folded.into(), id);
        self.form_text.push(folded.into());
        self.whole.push(false);
        self.postings.push(Postings::default());
        id
    }

    fn finish(&mut self) {
        for postings in &mut self.postings {
            postings.finish();
        }
        let mut sorted: Vec<u32> = (0..self.form_text.len() as u32).collect();
        sorted
            .sort_unstable_by(|&a, &b| self.form_text[a as usize].cmp(&self.form_text[b as usize]));
        self.sorted = sorted;
        let stemmer = Stemmer::create(Algorithm::English);
        for (id, form) in self.form_text.iter().enumerate() {
            let stem: Box<str> = stemmer.stem(form).into();
            self.stems.entry(stem).or_default().push(id as u32);
        }
    }

    fn title_forms(&self, document: &Document, folded: &mut String) -> Vec<u32> {
        let mut forms = Vec::new();
        let title = document.title_is_own.then_some(document.title.as_str());
        for field in title.into_iter().chain(document.publication.as_deref()) {
            for token in text::tokens(field) {
                fold(token.of(field), folded);
                forms.extend(self.forms.get(folded.as_str()));
            }
        }
        forms.sort_unstable();
        forms.dedup();
        forms
    }

    /// The form id of an already folded word.
    pub fn form(&self, folded: &str) -> Option<u32> {
        self.forms.get(folded).copied()
    }

    /// The forms sharing the stem of a folded word (the word's own form included).
    pub fn stemmed_forms(&self, folded: &str) -> Vec<u32> {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut forms = self
            .stems
            .get(&*stemmer.stem(folded))
            .cloned()
            .unwrap_or_default();
        if let Some(own) = self.form(folded) {
            if !forms.contains(&own) {
                forms.push(own);
            }
        }
        forms
    }

    /// Every form that starts with `prefix`, in alphabetical order.
    pub fn prefixed_forms(&self, prefix: &str) -> &[u32] {
        let start = self
            .sorted
            .partition_point(|&f| &*self.form_text[f as usize] < prefix);
        let len = self.sorted[start..]
            .partition_point(|&f| self.form_text[f as usize].starts_with(prefix));
        &self.sorted[start..start + len]
    }

    /// All form ids, in alphabetical order.
    pub fn all_forms(&self) -> &[u32] {
        &self.sorted
    }

    /// The text of a form.
    pub fn form_text(&self, form: u32) -> &str {
        self.form_text.get(form as usize).map_or("", |t| t)
    }

    /// Whether a form occurs as a whole token somewhere.
    pub fn is_whole(&self, form: u32) -> bool {
        self.whole.get(form as usize).copied().unwrap_or(false)
    }

    /// The hyphenated compounds that hold `part` as one of their parts.
    pub fn compounds_with(&self, part: u32) -> &[u32] {
        self.compounds.get(&part).map_or(&[], Vec::as_slice)
    }

    /// The parts of a hyphenated compound, in order (a form without a
    /// hyphen is its own one part).
    pub fn parts(&self, compound: u32) -> Vec<u32> {
        self.form_text(compound)
            .split('-')
            .filter_map(|part| self.form(part))
            .collect()
    }

    /// The postings of a form.
    pub fn postings(&self, form: u32) -> &Postings {
        static EMPTY: Postings = Postings {
            docs: Vec::new(),
            ends: Vec::new(),
            bytes: Vec::new(),
            total: 0,
            run_count: 0,
            run_last: 0,
        };
        self.postings.get(form as usize).unwrap_or(&EMPTY)
    }

    /// Approximate bytes the index holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let strings: usize = self.form_text.iter().map(|t| t.len()).sum();
        // Each form's text is held twice: as a map key and in `form_text`.
        let forms = self.forms.capacity() * (size_of::<(Box<str>, u32)>() + 1) + strings;
        let texts = self.form_text.capacity() * size_of::<Box<str>>() + strings;
        let stems: usize = self
            .stems
            .iter()
            .map(|(stem, forms)| stem.len() + forms.capacity() * 4)
            .sum::<usize>()
            + self.stems.capacity() * (size_of::<(Box<str>, Vec<u32>)>() + 1);
        let postings: usize = self
            .postings
            .iter()
            .map(Postings::heap_bytes)
            .sum::<usize>()
            + self.postings.capacity() * size_of::<Postings>();
        let docs: usize = self.docs.iter().map(DocEntry::heap_bytes).sum::<usize>()
            + self.docs.capacity() * size_of::<DocEntry>();
        let compounds: usize = self
            .compounds
            .values()
            .map(|holders| holders.capacity() * 4)
            .sum::<usize>()
            + self.compounds.capacity() * (size_of::<(u32, Vec<u32>)>() + 1);
        forms
            + texts
            + stems
            + postings
            + docs
            + compounds
            + self.whole.capacity()
            + self.sorted.capacity() * 4
    }

    /// The mean number of positions per document.
    pub fn average_len(&self) -> f64 {
        self.total_positions as f64 / self.docs.len().max(1) as f64
    }

    /// The number of distinct forms that occur as whole tokens.
    pub fn vocabulary(&self) -> usize {
        self.whole.iter().filter(|&&w| w).count()
    }

    /// The byte spans of the tokens from `position` on.
    pub fn token_spans<'t>(
        &self,
        doc: u32,
        text: &'t str,
        position: u32,
    ) -> impl Iterator<Item = Span> + 't {
        let entry = self.docs.get(doc as usize);
        let checkpoint = position / CHECKPOINT;
        let from = entry
            .and_then(|e| e.checkpoints.get(checkpoint as usize))
            .copied()
            .unwrap_or(u32::MAX);
        let skip = (position - checkpoint * CHECKPOINT) as usize;
        text::tokens_from(text, from as usize).skip(skip)
    }
}

/// Records `position` as the start of every span (sentence or paragraph)
/// that begins at or before this token and has not been recorded yet, so
/// that `starts[k]` belongs to span `k` (a span with no token is empty).
fn mark_starts<'a, I>(
    spans: &mut std::iter::Peekable<I>,
    token: Span,
    position: u32,
    starts: &mut Vec<u32>,
) where
    I: Iterator<Item = &'a Span>,
{
    while let Some(span) = spans.peek() {
        if span.start > token.start {
            break;
        }
        starts.push(position);
        spans.next();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocumentFields;

    fn documents(texts: &[&str]) -> Vec<Document> {
        let document = |(i, text): (usize, &&str)| {
            let fields = DocumentFields {
                text: text.to_string(),
                ..DocumentFields::default()
            };
            Document::new(format!("d{i}"), fields)
        };
        texts.iter().enumerate().map(document).collect()
    }

    #[test]
    fn varints_round_trip_small_and_large_gaps() {
        let mut postings = Postings::default();
        let positions = [0, 1, 127, 128, 16_383, 16_384, 2_000_000, u32::MAX];
        for &p in &positions {
            postings.add(3, p);
        }
        postings.add(9, 5);
        postings.finish();
        assert_eq!(postings.positions_in(3), positions);
        assert_eq!(postings.positions_in(9), [5]);
        assert_eq!(postings.counts().collect::<Vec<_>>(), [(3, 8), (9, 1)]);
        assert_eq!(postings.count(), 9);
        assert!(postings.positions_in(4).is_empty());
    }

    #[test]
    fn postings_hold_positions_and_compound_parts() {
        let c = documents(&["Russian-Japanese talks. Japanese talks.", "No match here."]);
        let index = Index::build(&c);
        let japanese = index.form("japanese").unwrap();
        assert_eq!(index.postings(japanese).positions_in(0), [0, 2]);
        assert_eq!(index.postings(japanese).docs, [0]);
        assert!(index.is_whole(japanese));
        assert_eq!(index.docs[0].sentence_starts, [0, 2]);
        let compound = index.form("russian-japanese").unwrap();
        assert_eq!(index.compounds_with(japanese), [compound]);
        assert_eq!(
            index.parts(compound),
            [index.form("russian").unwrap(), japanese]
        );
    }

    #[test]
    fn stems_group_forms_and_prefixes_are_ranges() {
        let c = documents(&["treaty treaties kuril kurile kurils"]);
        let index = Index::build(&c);
        let names = |forms: &[u32]| {
            let mut v: Vec<&str> = forms.iter().map(|&f| index.form_text(f)).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(
            names(&index.stemmed_forms("treaty")),
            ["treaties", "treaty"]
        );
        assert_eq!(
            names(index.prefixed_forms("kuril")),
            ["kuril", "kurile", "kurils"]
        );
    }

    #[test]
    fn token_spans_resume_from_checkpoints() {
        let text: String = (0..200).map(|i| format!("w{i} ")).collect();
        let c = documents(&[&text]);
        let index = Index::build(&c);
        let doc = &c[0];
        for position in [0, 63, 64, 130, 199] {
            let span = index.token_spans(0, &doc.text, position).next().unwrap();
            assert_eq!(span.of(&doc.text), format!("w{position}"));
        }
    }
}
