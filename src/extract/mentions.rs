//! Finds the mentions of one text: gazetteer names, capitalised runs typed
//! by their context, dates, sums and quantities, and citation sources.

// FxHash: several times faster than SipHash on short words; the keys are
// the library's own lists and the user's text, no HashDoS concern.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::dates::Date;
use crate::text::{self, Span};

use super::aliases::AliasTable;
use super::citations::{self, RawCitation};
use super::gazetteer::{Entry, Gazetteer, Hit};
use super::temporal::{capitalised_month, Scanner};
use super::EntityType;

/// One mention: where it is, its type, and its name before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawMention {
    pub span: Span,
    pub ty: EntityType,
    pub name: String,
}

/// What one text yields.
#[derive(Clone, Debug, Default)]
pub(crate) struct Found {
    /// Mentions sorted by start, not overlapping.
    pub mentions: Vec<RawMention>,
    pub citations: Vec<RawCitation>,
}

/// Extracts the mentions of `text`, splitting its sentences itself.
pub(crate) fn extract(text: &str, date: Option<Date>) -> Found {
    let sentences = text::sentences(text, &text::paragraphs(text));
    extract_with(text, &sentences, date, &AliasTable::shipped())
}

/// Extracts the mentions of `text`, whose sentences are given: the rules'
/// mentions, then the learned tagger's names combined with them
/// ([`super::tagger::combine`]).
pub(crate) fn extract_with(
    text: &str,
    sentences: &[Span],
    date: Option<Date>,
    aliases: &AliasTable,
) -> Found {
    let toks = text::tokens(text);
    let mut found = extract_rules(text, &toks, sentences, date, aliases);
    found.mentions = super::tagger::combine(text, &toks, sentences, found.mentions);
    found
}

/// The rules' mentions alone: what the learned tagger reads as features.
pub(crate) fn extract_rules(
    text: &str,
    toks: &[Span],
    sentences: &[Span],
    date: Option<Date>,
    aliases: &AliasTable,
) -> Found {
    let mut doc = Doc::new(text, toks, sentences);
    doc.alias_hits(aliases);
    let citations = citations::parse(text, date.map(|d| d.year));
    doc.force_sources(&citations);
    let measures = Scanner::new(text, toks, date).scan();
    doc.year_events(&measures);
    for m in measures {
        if !doc.taken_any(m.first, m.end) {
            doc.take(m.first, m.end);
            doc.push(m.span, m.ty, m.name);
        }
    }
    doc.runs();
    doc.resolve_pending();
    let mut mentions = doc.out;
    mentions.sort_by_key(|m| (m.span, m.ty));
    Found {
        mentions,
        citations,
    }
}

/// A single capitalised word whose type depends on the rest of the text.
#[derive(Clone, Debug)]
struct Pending {
    span: Span,
    cue: Option<EntityType>,
}

/// The working state of one text.
struct Doc<'t> {
    text: &'t str,
    toks: &'t [Span],
    g: &'static Gazetteer,
    /// Whole-token gazetteer hits by first token: (end token, entry); entries
    /// past the gazetteer's are the alias table's, in `extra`.
    hits: HashMap<usize, (usize, usize)>,
    extra: Vec<Entry>,
    /// Gazetteer hits inside hyphenated tokens, by byte start.
    parts: HashMap<usize, Hit>,
    initial: Vec<bool>,
    taken: Vec<bool>,
    lower_seen: HashSet<&'t str>,
    forced: HashMap<usize, (usize, EntityType)>,
    out: Vec<RawMention>,
    pending: Vec<Pending>,
}

/// Lower-case words that may join the parts of a name ("Bank of Japan").
const CONNECTORS: &[&str] = &[
    "of", "de", "du", "da", "del", "von", "van", "der", "al", "bin", "la", "le", "y", "i",
];
/// Prepositions that announce a place ("in Okinawa").
const PLACE_CUES: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "into",
    "across",
    "throughout",
    "toward",
    "towards",
    "outside",
    "via",
];
/// Words after a surname that show a person ("Bush administration", "Abe said").
const PERSON_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "added",
    "administration",
    "government",
    "cabinet",
];

impl<'t> Doc<'t> {
    fn new(text: &'t str, toks: &'t [Span], sentences: &[Span]) -> Doc<'t> {
        let g = Gazetteer::get();
        let mut initial = vec![false; toks.len()];
        for s in sentences {
            let at = toks.partition_point(|t| t.start < s.start);
            if let Some(flag) = initial.get_mut(at) {
                *flag = true;
            }
        }
        let lower_seen = lower_case_words(text, toks);
        let mut doc = Doc {
            text,
            toks,
            g,
            hits: HashMap::default(),
            extra: Vec::new(),
            parts: HashMap::default(),
            initial,
            taken: vec![false; toks.len()],
            lower_seen,
            forced: HashMap::default(),
            out: Vec::new(),
            pending: Vec::new(),
        };
        doc.index_hits();
        doc
    }

    fn word(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |s| s.of(self.text))
    }

    fn tok_at(&self, byte: usize) -> Option<usize> {
        self.toks.binary_search_by_key(&byte, |t| t.start).ok()
    }

    fn tok_ending(&self, byte: usize) -> Option<usize> {
        self.toks.binary_search_by_key(&byte, |t| t.end).ok()
    }

    /// Sorts the gazetteer hits into whole-token ones and parts of compounds.
    fn index_hits(&mut self) {
        let g = self.g;
        let text = self.text;
        let mut whole = Vec::new();
        let mut parts = Vec::new();
        g.find(text, |hit| {
            let Some(entry) = g.entry(hit.entry) else {
                return false;
            };
            if !case_fits(&text[hit.start..hit.end], &entry.pattern, entry.exact) {
                return false;
            }
            let plural = entry.ty == EntityType::Nationality
                && text[hit.end..].starts_with('s')
                && self.tok_ending(hit.end + 1).is_some();
            let end = if plural { hit.end + 1 } else { hit.end };
            match (self.tok_at(hit.start), self.tok_ending(end)) {
                (Some(a), Some(b)) => whole.push((a, (b + 1, hit.entry))),
                _ if self.is_compound_part(hit.start, hit.end) => parts.push(hit),
                _ => return false,
            }
            true
        });
        self.hits.extend(whole);
        self.parts.extend(parts.into_iter().map(|h| (h.start, h)));
    }

    /// Whether `start..end` is a hyphen-delimited part of a token ("Russian-Japanese").
    fn is_compound_part(&self, start: usize, end: usize) -> bool {
        let bytes = self.text.as_bytes();
        let left =
            start == 0 || bytes.get(start - 1) == Some(&b'-') || self.tok_at(start).is_some();
        let right = matches!(bytes.get(end), Some(b'-')) || self.tok_ending(end).is_some();
        left && right
    }

    /// Marks the spans citations name as outlets.
    fn force_sources(&mut self, citations: &[RawCitation]) {
        for source in citations.iter().flat_map(|c| &c.sources) {
            let Some(span) = source.span.filter(|_| source.proper) else {
                continue;
            };
            if let (Some(a), Some(b)) = (self.tok_at(span.start), self.tok_ending(span.end)) {
                self.forced.insert(a, (b + 1, EntityType::Media));
            }
        }
    }

    /// "the 1956 Soviet-Japanese declaration": a year, capitalised words and
    /// a lower-case event head make one event.
    fn year_events(&mut self, measures: &[super::temporal::Measure]) {
        for m in measures {
            let is_year = m.ty == EntityType::Date && m.end == m.first + 1;
            if !is_year || self.word(m.first).len() != 4 {
                continue;
            }
            let mut j = m.end;
            while j < m.end + 3 && self.is_capital(j) && self.joinable(j - 1) {
                j += 1;
            }
            let head = self.word(j);
            let lower_event = head.starts_with(|c: char| c.is_lowercase())
                && self.g.head(head) == Some(EntityType::Event);
            if lower_event && self.joinable(j - 1) && !self.taken_any(m.first, j + 1) {
                self.take(m.first, j + 1);
                let span = Span::new(self.toks[m.first].start, self.toks[j].end);
                self.push(span, EntityType::Event, span.of(self.text).to_string());
            }
        }
    }

    fn take(&mut self, a: usize, b: usize) {
        for flag in &mut self.taken[a..b.min(self.toks.len())] {
            *flag = true;
        }
    }

    fn taken_any(&self, a: usize, b: usize) -> bool {
        self.taken[a..b.min(self.toks.len())].iter().any(|&t| t)
    }

    fn push(&mut self, span: Span, ty: EntityType, name: String) {
        let name = if ty == EntityType::Person {
            person_case(name)
        } else {
            name
        };
        self.out.push(RawMention { span, ty, name });
    }

    fn push_toks(&mut self, a: usize, b: usize, ty: EntityType) {
        let span = Span::new(self.toks[a].start, self.toks[b - 1].end);
        let name = normalise_name(span.of(self.text));
        self.push(span, ty, name);
    }

    /// Whether only white space (or the period of an abbreviation) separates
    /// token `i` from the next one.
    fn joinable(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.toks.get(i), self.toks.get(i + 1)) else {
            return false;
        };
        let gap = &self.text[a.end..b.start];
        if gap.chars().all(|c| c == ' ' || c == '\n') && gap.matches('\n').count() < 2 {
            return true;
        }
        let word = a.of(self.text);
        let abbreviation = word.chars().count() == 1 && word.chars().all(char::is_uppercase)
            || matches!(
                word,
                "St" | "Mt" | "Ft" | "Jr" | "Mr" | "Mrs" | "Dr" | "Gen" | "Ms"
            );
        // Tokenised text puts a space before the period ("William L . Smith").
        let gap = gap.trim_start_matches(' ');
        abbreviation && gap.starts_with('.') && gap[1..].chars().all(|c| c == ' ')
    }

    fn is_capital(&self, i: usize) -> bool {
        let word = self.word(i);
        word.starts_with(|c: char| c.is_uppercase()) && !self.taken.get(i).copied().unwrap_or(true)
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    /// Whether the capitalised token `i` is an ordinary word ("Economic").
    fn is_common(&self, i: usize) -> bool {
        let lower = self.lower(i);
        self.g.is_common(&lower) || self.lower_seen.contains(lower.as_str())
    }

    fn hit_entry(&self, a: usize) -> Option<(usize, &Entry)> {
        let &(end, entry) = self.hits.get(&a)?;
        match entry.checked_sub(self.g.len()) {
            Some(extra) => Some((end, self.extra.get(extra)?)),
            None => Some((end, self.g.entry(entry)?)),
        }
    }

    /// Adds the names of the alias table, which win over a gazetteer name
    /// starting at the same token unless that one is longer.
    fn alias_hits(&mut self, aliases: &AliasTable) {
        for (start, end, pattern, ty, name) in aliases.find(self.text) {
            if !case_fits(&self.text[start..end], pattern, pattern.len() <= 3) {
                continue;
            }
            let (Some(a), Some(b)) = (self.tok_at(start), self.tok_ending(end)) else {
                continue;
            };
            if self.hits.get(&a).is_some_and(|&(e, _)| e > b + 1) {
                continue;
            }
            self.hits
                .insert(a, (b + 1, self.g.len() + self.extra.len()));
            self.extra.push(Entry {
                ty,
                name: name.to_string(),
                pattern: pattern.to_string(),
                exact: false,
            });
        }
    }
}

/// Whether a case-insensitive match keeps the capitals its pattern has.
fn case_fits(found: &str, pattern: &str, exact: bool) -> bool {
    if found == pattern {
        return true;
    }
    if exact || !found.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let words = |s: &'_ str| {
        s.split([' ', '-'])
            .map(|w| w.chars().next())
            .collect::<Vec<_>>()
    };
    words(found)
        .iter()
        .zip(words(pattern))
        .all(|(f, p)| match (f, p) {
            (Some(f), Some(p)) => !p.is_uppercase() || f.is_uppercase(),
            _ => true,
        })
}

/// The words a text writes somewhere in lower case: a capitalised one of them
/// is likely an ordinary word opening a sentence or a title, not a name.
pub(crate) fn lower_case_words<'t>(text: &'t str, toks: &[Span]) -> HashSet<&'t str> {
    toks.iter()
        .map(|t| t.of(text))
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .collect()
}

/// A name as it should be compared: no leading article, single spaces.
pub(crate) fn normalise_name(surface: &str) -> String {
    let joined = surface.split_whitespace().collect::<Vec<_>>().join(" ");
    match joined.strip_prefix("The ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => joined,
    }
}

/// A person's name written in capitals ("RICHARD NIXON", a signature) in
/// the case the rest of a corpus writes it, so that the two are one
/// entity: each word capitalised, the rest lower case ("Richard Nixon",
/// "Jr."), a Roman numeral kept ("III"). Any other name is returned as it is.
pub(crate) fn person_case(name: String) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let shouted = words.len() >= 2
        && words.iter().all(|w| !w.chars().any(char::is_lowercase))
        && words
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count()
            >= 2;
    if !shouted {
        return name;
    }
    let word_case = |w: &str| {
        if w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
            return w.to_string();
        }
        let mut chars = w.chars();
        chars.next().map_or_else(String::new, |first| {
            first
                .to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
    };
    words
        .into_iter()
        .map(word_case)
        .collect::<Vec<_>>()
        .join(" ")
}

mod runs;

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, EntityType)> {
        extract(text, Some(Date::month(2005, 11)))
            .mentions
            .into_iter()
            .map(|m| (m.span.of(text).to_string(), m.ty))
            .collect()
    }

    fn has(text: &str, surface: &str, ty: EntityType) -> bool {
        found(text).contains(&(surface.to_string(), ty))
    }

    #[test]
    fn titles_announce_people_and_are_left_out() {
        let text = "Russian President-elect Vladimir Putin met Chief Cabinet Secretary Shinzo Abe.";
        assert!(has(text, "Vladimir Putin", EntityType::Person));
        assert!(has(text, "Shinzo Abe", EntityType::Person));
        assert!(has(text, "Russian", EntityType::Nationality));
    }

    #[test]
    fn heads_type_their_names() {
        let text = "The Japanese Foreign Ministry and the Asahi Shimbun met near the Taiwan Strait after the Korean War.";
        assert!(has(
            text,
            "Japanese Foreign Ministry",
            EntityType::Organization
        ));
        assert!(has(text, "Asahi Shimbun", EntityType::Media));
        assert!(has(text, "Taiwan Strait", EntityType::Place));
        assert!(has(text, "Korean War", EntityType::Event));
    }

    #[test]
    fn compounds_yield_their_nationalities() {
        let text = "the Russian-Japanese talks and a Putin-Mori summit with Yoshiro Mori.";
        assert!(has(text, "Russian", EntityType::Nationality));
        assert!(has(text, "Japanese", EntityType::Nationality));
        assert!(has(text, "Mori", EntityType::Person));
    }

    #[test]
    fn ambassador_to_a_country_then_a_name() {
        let text = "But Russian Ambassador to Japan Alexander Losyukov denied it.";
        assert!(has(text, "Japan", EntityType::Place));
        assert!(has(text, "Alexander Losyukov", EntityType::Person));
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let text = "Indeed, the talks failed. Equally important, Reports say so.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn leading_words_and_place_prepositions_type_runs() {
        let text = "She studied at the University of Leicester, sailed on Lake Chad \
                    and fought near Al Huwayjah with a CD of DNA tests.";
        assert!(has(
            text,
            "University of Leicester",
            EntityType::Organization
        ));
        assert!(has(text, "Lake Chad", EntityType::Place));
        assert!(has(text, "Al Huwayjah", EntityType::Place));
        assert!(!found(text).iter().any(|(s, _)| s == "CD" || s == "DNA"));
    }

    #[test]
    fn the_department_of_a_title_is_not_part_of_the_name() {
        let text = "Deputy Secretary of State Antony Blinken arrived on Jan. 5 with Stan.";
        assert!(has(text, "Antony Blinken", EntityType::Person));
        assert!(has(text, "Stan", EntityType::Person));
        assert!(!has(text, "Jan", EntityType::Person));
    }

    #[test]
    fn year_declarations_are_events() {
        let text = "to honor the 1956 Soviet-Japanese declaration soon.";
        assert!(has(
            text,
            "1956 Soviet-Japanese declaration",
            EntityType::Event
        ));
    }
}
