//! The gazetteers and word lists compiled into the library, and the one
//! automaton that finds their names in a text.
//!
//! The files in `data/` are plain text, one entry a line, `Name|variant|…`;
//! `scripts/gazetteers.mjs` regenerates the ones taken from datasets, and
//! `data/SOURCES.md` lists every source and licence.

// FxHash: several times faster than SipHash on short words; the keys are
// the library's own lists and the user's text, no HashDoS concern.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use super::EntityType;

/// A name the automaton can find, and what it stands for.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// The type of the entity.
    pub ty: EntityType,
    /// The canonical name of the entity.
    pub name: String,
    /// The name as the list spells it.
    pub pattern: String,
    /// Whether the text must match the pattern's case exactly (short
    /// patterns, patterns with lower-case words).
    pub exact: bool,
}

/// Where a gazetteer name was found: byte offsets and the entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// Every list the extractor consults, built once.
pub(crate) struct Gazetteer {
    automaton: Option<AhoCorasick>,
    entries: Vec<Entry>,
    first_names: HashSet<&'static str>,
    last_names: HashSet<&'static str>,
    common: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    heads: HashMap<&'static str, EntityType>,
    leads: HashMap<&'static str, EntityType>,
    plain_acronyms: HashSet<&'static str>,
    /// Demonym → its country ("Spanish" → "Spain"), the first listed.
    countries: HashMap<&'static str, &'static str>,
    /// US postal code → its state ("VA" → "Virginia").
    states: HashMap<&'static str, &'static str>,
}

/// The sources of the automaton, in priority order: when two lists hold the
/// same name, the earlier list decides its type.
const NAME_LISTS: [(EntityType, &str); 9] = [
    (EntityType::Media, include_str!("data/media.txt")),
    (
        EntityType::Organization,
        include_str!("data/organizations.txt"),
    ),
    (EntityType::Event, include_str!("data/events.txt")),
    (EntityType::Place, include_str!("data/places.txt")),
    (EntityType::Place, include_str!("data/countries.txt")),
    (EntityType::Nationality, include_str!("data/demonyms.txt")),
    (EntityType::Place, include_str!("data/cities.txt")),
    (
        EntityType::Organization,
        include_str!("data/lexicon_organizations.txt"),
    ),
    (EntityType::Nationality, EXTRA_NATIONALITIES),
];

/// Demonyms of former states and continents that no country list carries, and
/// the adjectives of religions and of the Philippines: all of them are first
/// names too ("Christian nations", "the Philippine Islands"), and as first
/// names they would make people of every such adjective.
const EXTRA_NATIONALITIES: &str =
    "Soviet\nEuropean\nAsian\nAfrican\nArab\nKurdish\nSiberian\nWestern\n\
    Christian\nMuslim\nJewish\nCatholic\nProtestant\nPhilippine\n";

static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// The gazetteer, built on first use.
    pub fn get() -> &'static Gazetteer {
        GAZETTEER.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        let mut seen = HashSet::default();
        for (ty, list) in NAME_LISTS {
            for (pattern, entry) in parse_names(list, ty) {
                if seen.insert(pattern.to_ascii_lowercase()) {
                    patterns.push(pattern);
                    entries.push(entry);
                }
            }
        }
        Gazetteer {
            automaton: automaton(&patterns),
            entries,
            first_names: words(include_str!("data/first_names.txt")),
            last_names: words(include_str!("data/last_names.txt")),
            common: words(include_str!("data/common_words.txt")),
            titles: words(include_str!("data/titles.txt")),
            heads: parse_heads(include_str!("data/heads.txt")),
            leads: parse_heads(include_str!("data/leads.txt")),
            plain_acronyms: words(include_str!("data/acronyms.txt")),
            countries: parse_pairs(include_str!("data/demonyms.txt")),
            states: parse_pairs(include_str!("data/postal_codes.txt")),
        }
    }

    /// Every gazetteer name in `text` that `accept` takes, leftmost-longest,
    /// ignoring ASCII case.
    ///
    /// A rejected match ("daily Yomiuri" for the pattern "Daily Yomiuri")
    /// must not hide the names inside it, so the search resumes at the next
    /// word after the rejected match's start.
    pub fn find(&self, text: &str, mut accept: impl FnMut(Hit) -> bool) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let Some(m) = automaton.find(Input::new(text).span(at..text.len())) else {
                break;
            };
            let hit = Hit {
                start: m.start(),
                end: m.end(),
                entry: m.pattern().as_usize(),
            };
            if accept(hit) {
                out.push(hit);
                at = hit.end;
            } else {
                at = next_word(text, hit.start);
            }
        }
        out
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entry a [`Hit`] points at.
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// Whether `word` is a known first name (case as written).
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// Whether `word` is a known surname (case as written).
    pub fn is_last_name(&self, word: &str) -> bool {
        self.last_names.contains(word)
    }

    /// Whether the lower-case `word` is a common word of English.
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower) || FUNCTION_WORDS.contains(&lower)
    }

    /// Whether the lower-case `word` is a title or role ("minister").
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }

    /// The type a head word gives the name it ends ("Ministry", "Islands").
    pub fn head(&self, word: &str) -> Option<EntityType> {
        self.heads.get(word).copied()
    }

    /// The type a leading word gives the name it starts ("University",
    /// "Lake", "West").
    pub fn lead(&self, word: &str) -> Option<EntityType> {
        self.leads.get(word).copied()
    }

    /// The country of a demonym ("Spanish" → "Spain").
    pub fn country_of(&self, demonym: &str) -> Option<&'static str> {
        self.countries.get(demonym).copied()
    }

    /// The state a US postal code stands for ("VA" → "Virginia").
    pub fn state_of_code(&self, code: &str) -> Option<&'static str> {
        self.states.get(code).copied()
    }

    /// Whether an all-capital `word` is an ordinary abbreviation ("CD",
    /// "DNA") or a shouted common word ("QUESTION") rather than the acronym
    /// of an organisation.
    pub fn is_plain_acronym(&self, word: &str) -> bool {
        self.plain_acronyms.contains(word) || self.common.contains(word.to_lowercase().as_str())
    }
}

/// Words that name a kind of body, capitalised alone as older prose does
/// ("the Department", "the Administration", "the Union", "the Nation's
/// needs"): a back-reference, which no list can tell the body of, not a
/// name. The State of the Union's top 40 organisations held five of them.
/// Bodies a country has one of ("the Army", "the Senate") stay names.
pub(crate) const GENERIC_BODIES: &[&str] = &[
    "Administration",
    "Agency",
    "Bank",
    "Bureau",
    "Company",
    "Department",
    "Departments",
    "Government",
    "Nation",
    "Office",
    "States",
    "Territories",
    "Union",
];

/// Kinds of body in the plural: after common words alone ("the Executive
/// Departments") they name no body.
pub(crate) const GENERIC_PLURALS: &[&str] = &[
    "Administrations",
    "Agencies",
    "Bureaus",
    "Companies",
    "Departments",
    "Governments",
    "Ministries",
    "Offices",
];

/// Words that open sentences and titles but never names by themselves.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "any",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "during",
    "each",
    "either",
    "even",
    "every",
    "for",
    "from",
    "further",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "indeed",
    "instead",
    "it",
    "its",
    "last",
    "many",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "neither",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "shortly",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "under",
    "unlike",
    "until",
    "upon",
    "we",
    "what",
    "when",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "yet",
    "you",
    "your",
    "not",
    "following",
    "given",
    "despite",
    "among",
    "amid",
    "against",
    "between",
    "through",
    "whereas",
    "nevertheless",
    "furthermore",
    "concurrently",
    "equally",
    "first",
    "finally",
    "later",
    "earlier",
    "next",
    "let",
    "do",
    "did",
    "does",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "should",
    "could",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "mr",
    "mrs",
];

/// Parses `Name|variant|…` lines into automaton patterns and entries.
fn parse_names(list: &'static str, ty: EntityType) -> Vec<(String, Entry)> {
    let mut out = Vec::new();
    for line in data_lines(list) {
        // Demonym lines name their country second; the demonym is the name.
        let mut parts = line.split('|').map(str::trim).filter(|p| !p.is_empty());
        let Some(name) = parts.next() else { continue };
        let variants: Vec<&str> = match ty {
            EntityType::Nationality => vec![name],
            _ => std::iter::once(name).chain(parts).collect(),
        };
        for variant in variants {
            // "The Japan Times" is found as "Japan Times": a pattern with its
            // article would swallow the mention of a text that writes "the".
            let variant = variant.strip_prefix("The ").unwrap_or(variant);
            let entry = Entry {
                ty,
                name: name.strip_prefix("The ").unwrap_or(name).to_string(),
                pattern: variant.to_string(),
                exact: needs_exact_case(variant),
            };
            out.push((variant.to_string(), entry));
        }
    }
    out
}

/// Short patterns ("US", "AU") and patterns with lower-case words
/// ("Rossiiskaya gazeta") only match as written.
fn needs_exact_case(pattern: &str) -> bool {
    pattern.len() <= 3
        || pattern
            .split([' ', '-'])
            .skip(1)
            .any(|w| w.len() > 3 && w.starts_with(|c: char| c.is_lowercase()))
}

fn automaton(patterns: &[String]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(patterns)
        .ok()
}

/// The start of the first word after the one at `from`.
fn next_word(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let gap = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let after = &rest[gap..];
    let skip = after.find(char::is_alphanumeric).unwrap_or(after.len());
    from + gap + skip
}

/// The non-empty, non-comment lines of a data file.
pub(crate) fn data_lines(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn words(list: &'static str) -> HashSet<&'static str> {
    data_lines(list).collect()
}

/// `Key|Value` lines into a map; the first line of a key wins.
fn parse_pairs(list: &'static str) -> HashMap<&'static str, &'static str> {
    let mut pairs = HashMap::default();
    for line in data_lines(list) {
        if let Some((key, value)) = line.split_once('|') {
            pairs.entry(key.trim()).or_insert(value.trim());
        }
    }
    pairs
}

fn parse_heads(list: &'static str) -> HashMap<&'static str, EntityType> {
    let mut heads = HashMap::default();
    let mut section = None;
    for line in data_lines(list) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = EntityType::parse(name);
        } else if let Some(ty) = section {
            heads.insert(line, ty);
        }
    }
    heads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, EntityType)> {
        let g = Gazetteer::get();
        g.find(text, |_| true)
            .iter()
            .filter_map(|h| g.entry(h.entry))
            .map(|e| (e.name.clone(), e.ty))
            .collect()
    }

    #[test]
    fn finds_variants_under_their_canonical_names() {
        assert_eq!(
            names("Izvestiya and The Japan Times in Saint Petersburg"),
            [
                ("Izvestia".to_string(), EntityType::Media),
                ("Japan Times".to_string(), EntityType::Media),
                ("St. Petersburg".to_string(), EntityType::Place),
            ]
        );
    }

    #[test]
    fn lists_are_loaded() {
        let g = Gazetteer::get();
        assert!(g.is_first_name("Vladimir"));
        assert!(g.is_common("important"));
        assert!(g.is_title("minister"));
        assert_eq!(g.head("Shimbun"), Some(EntityType::Media));
        assert_eq!(g.head("Strait"), Some(EntityType::Place));
        assert_eq!(g.lead("University"), Some(EntityType::Organization));
        assert!(g.is_plain_acronym("DNA") && g.is_plain_acronym("IMPORTANT"));
        assert!(!g.is_plain_acronym("NATO"));
        assert!(needs_exact_case("US"));
        assert!(needs_exact_case("Rossiiskaya gazeta"));
        assert!(!needs_exact_case("Kuril Islands"));
        assert_eq!(g.country_of("Spanish"), Some("Spain"));
        assert_eq!(g.country_of("French"), Some("France"));
    }
}
