//! The learned tagger beside the rules: a linear-chain CRF (CRFsuite's model
//! format, decoded by the `crfs` crate) that reads each sentence's tokens
//! with the rules' own labels among its features ([`features`]) and tags
//! people, places and organisations, BIO.
//!
//! The model is trained by `scripts/train-entities.py` on the hand-annotated
//! sets credited in the README, and kept in `data/entities.crfsuite`. Native
//! builds embed it. The WebAssembly module does not (it would take the module
//! past its size budget): JavaScript hands it over once with
//! `loadEntityModel(bytes)` before the first entity call, which the worker,
//! the Node package and the single-file explorer do themselves.

mod features;

use std::sync::RwLock;

use crfs::{Attribute, Model};
use rustc_hash::FxHashSet as HashSet;

use crate::error::{Error, ErrorKind};
use crate::text::{Span, Utf16Index};

use super::aliases::AliasTable;
use super::mentions::{extract_rules, lower_case_words, normalise_name, person_case, RawMention};
use super::EntityType;

use self::features::{rule_labels, sentence_features, FeatureRows};

/// The model's labels, by type: `B-PER`, `I-PER`, …, and `O`.
const TYPES: [(&str, EntityType); 3] = [
    ("PER", EntityType::Person),
    ("LOC", EntityType::Place),
    ("ORG", EntityType::Organization),
];

/// The model in force: `None` until the first load, unload or use, which
/// takes the embedded one; then `Some(None)` for the rules alone.
type Slot = Option<Option<&'static Model<'static>>>;
static MODEL: RwLock<Slot> = RwLock::new(None);

/// The model this build embeds: native builds only.
#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED: Option<&[u8]> = Some(include_bytes!("../data/entities.crfsuite"));
#[cfg(target_arch = "wasm32")]
const EMBEDDED: Option<&[u8]> = None;

fn slot() -> std::sync::RwLockWriteGuard<'static, Slot> {
    MODEL
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Loads the tagger's model from its bytes (`data/entities.crfsuite`),
/// replacing any loaded before. Corpora extract their entities with the
/// model loaded when they first need them.
///
/// # Errors
/// [`ErrorKind::InvalidArgument`] when the bytes are not a CRFsuite model
/// with the tagger's labels; the model in force stays.
pub fn load_model(bytes: Vec<u8>) -> Result<(), Error> {
    parse(&bytes)?;
    // Kept for the rest of the process: a model is loaded once or twice.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let model = parse(bytes)?;
    *slot() = Some(Some(Box::leak(Box::new(model))));
    Ok(())
}

/// Drops the loaded model: entities come from the rules alone from now on,
/// in native builds too.
pub fn unload_model() {
    *slot() = Some(None);
}

fn parse(bytes: &[u8]) -> Result<Model<'_>, Error> {
    let invalid = |why: String| {
        Error::new(ErrorKind::InvalidArgument {
            message: format!("the entity model is not usable: {why}"),
        })
    };
    // crfs indexes the buffer by the offsets its header gives: check that
    // they fall inside before handing it over.
    if bytes.len() < 48 || &bytes[..4] != b"lCRF" {
        return Err(invalid(
            "it is not a CRFsuite model (no \"lCRF\" header)".into(),
        ));
    }
    let field = |at: usize| {
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
    };
    if (7..12)
        .map(|i| field(4 * i))
        .any(|offset| offset >= bytes.len())
    {
        return Err(invalid("its header points past its end".into()));
    }
    let model = Model::new(bytes).map_err(|e| invalid(e.to_string()))?;
    for (name, _) in TYPES {
        for at in ["B", "I"] {
            if model.to_label_id(&format!("{at}-{name}")).is_none() {
                return Err(invalid(format!("it has no label {at}-{name}")));
            }
        }
    }
    Ok(model)
}

/// The model in use: the one loaded, else the embedded one, else none.
fn model() -> Option<&'static Model<'static>> {
    if let Some(model) = *MODEL
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        return model;
    }
    *slot().get_or_insert_with(|| {
        EMBEDDED
            .and_then(|bytes| parse(bytes).ok())
            .map(|m| &*Box::leak(Box::new(m)))
    })
}

/// Whether entity extraction has the learned tagger (else: rules alone).
pub fn model_loaded() -> bool {
    model().is_some()
}

/// The names the tagger finds in `text`: one span and type each, by sentence.
/// `None` when no model is loaded.
pub(crate) fn tag(
    text: &str,
    toks: &[Span],
    sentences: &[Span],
    rules: &[RawMention],
) -> Option<Vec<(Span, EntityType)>> {
    let model = model()?;
    let tagger = model.tagger().ok()?;
    let labels = rule_labels(toks, rules);
    let lower_seen = lower_case_words(text, toks);
    let mut rows = FeatureRows::default();
    let mut out = Vec::new();
    for range in sentence_ranges(toks, sentences) {
        if !has_unclaimed_name(
            text,
            &toks[range.clone()],
            &labels[range.clone()],
            &lower_seen,
        ) {
            continue;
        }
        sentence_features(text, toks, range.clone(), &labels, &lower_seen, &mut rows);
        let items: Vec<&[Attribute]> = rows.rows().collect();
        let Ok(tags) = tagger.tag(&items) else {
            continue;
        };
        out.extend(spans_of(&toks[range], &tags));
    }
    Some(out)
}

/// Whether a sentence has a word the tagger could add a name for: one with
/// a capital letter that no rule claimed, other than a first word the text
/// also writes in lower case ("The", "We"), a function word ("I", "His") or
/// a common word or title ("Government", "Secretary"). Only such
/// sentences are tagged: what the tagger finds elsewhere overlaps the
/// rules' names or is made of words [`combine`] drops, and most sentences
/// have none, so this skips most of the tagger's time (in the first 40
/// State of the Union addresses, "I" alone sent one sentence in nine to
/// the tagger).
fn has_unclaimed_name(
    text: &str,
    toks: &[Span],
    rules: &[Option<String>],
    lower_seen: &HashSet<&str>,
) -> bool {
    toks.iter().zip(rules).enumerate().any(|(i, (tok, rule))| {
        let word = tok.of(text);
        // A heading in capitals ("DEPARTMENT OF JUSTICE") is tagged whole.
        let capitals = word.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !word.chars().any(char::is_lowercase);
        rule.is_none()
            && word.chars().any(char::is_uppercase)
            && !(i == 0 && lower_seen.contains(word.to_lowercase().as_str()))
            && (capitals || !(is_function_word(word) || is_common_word(word)))
    })
}

/// The token ranges of each sentence; tokens outside every sentence (a
/// title line) form ranges of their own between them.
fn sentence_ranges(toks: &[Span], sentences: &[Span]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::with_capacity(sentences.len());
    let mut at = 0;
    for s in sentences {
        let start = toks.partition_point(|t| t.start < s.start);
        let end = toks.partition_point(|t| t.start < s.end);
        if start > at {
            ranges.push(at..start);
        }
        if end > start {
            ranges.push(start..end);
        }
        at = at.max(end);
    }
    if at < toks.len() {
        ranges.push(at..toks.len());
    }
    ranges
}

/// The rules' mentions with the tagger's names added where the rules found
/// nothing: a name of the tagger's that overlaps no mention of the rules'
/// becomes a person, place or organisation mention.
///
/// Only names with a capital letter are added (see below). Adding was
/// decided by cross-validation (README, "Entities: quality"): letting the
/// tagger's names replace the rules' people, places and organisations, or
/// keep only those of the rules' it also finds, both scored lower than the
/// rules alone on held-out wikigold (0.642 and 0.605 against 0.658, exact
/// span F1); adding only what the rules missed scored 0.661, most of it in
/// organisations' recall.
pub(crate) fn combine(
    text: &str,
    toks: &[Span],
    sentences: &[Span],
    mut rules: Vec<RawMention>,
) -> Vec<RawMention> {
    let Some(learned) = tag(text, toks, sentences, &rules) else {
        return rules;
    };
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let missed: Vec<RawMention> = learned
        .into_iter()
        .filter(|&(span, _)| !rules.iter().any(|r| overlaps(r.span, span)))
        // "the Army and Navy": two names, as the rules would read them.
        .flat_map(|(span, ty)| coordinated(text, span).into_iter().map(move |s| (s, ty)))
        // A name is written with a capital. Some training sets also mark
        // phrases such as "our allies" or "the bank" (re3d), and on the State
        // of the Union the tagger added "bank" 321 times and "we" 39 times.
        .filter_map(|(span, ty)| Some((without_leading_lowercase(text, span)?, ty)))
        // Nor is a pronoun, even one that opens a quotation ("“We’re
        // currently working…”, Abe said"), where it is capitalised, nor a
        // capitalised common word or role alone ("Nation", "Department",
        // "Mr. Speaker"): the rules find the bodies whose names these are.
        .filter(|&(span, _)| !is_function_word(span.of(text)) && !is_common_words(span.of(text)))
        .map(|(span, ty)| {
            let name = normalise_name(span.of(text));
            RawMention {
                span,
                ty,
                name: if ty == EntityType::Person {
                    person_case(name)
                } else {
                    name
                },
            }
        })
        .collect();
    if missed.is_empty() {
        return rules;
    }
    rules.extend(missed);
    rules.sort_by_key(|m| (m.span, m.ty));
    rules
}

/// The names `span` joins with "and" between capitalised words ("Army and
/// Navy" → "Army", "Navy"), or `span` itself. The tagger learned such
/// phrases from sets that mark "Bosnia and Herzegovina" whole; the
/// gazetteers know those, and the rules never join names with "and".
fn coordinated(text: &str, span: Span) -> Vec<Span> {
    let surface = span.of(text);
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in surface.match_indices(" and ") {
        let next = &surface[at + " and ".len()..];
        if surface[start..at].starts_with(char::is_uppercase)
            && next.starts_with(char::is_uppercase)
        {
            parts.push(Span::new(span.start + start, span.start + at));
            start = at + " and ".len();
        }
    }
    parts.push(Span::new(span.start + start, span.end));
    parts
}

/// `span` from its first word with a capital ("the Ottoman Porte" →
/// "Ottoman Porte"), unless it has none or only one word is left ("our
/// Nation"): some training sets mark phrases such as "our allies" or "the
/// bank" (re3d), and on the State of the Union the tagger added "bank" 321
/// times, "we" 39 times and "our Nation" 134 times.
fn without_leading_lowercase(text: &str, span: Span) -> Option<Span> {
    let mut start = span.start;
    let words: Vec<&str> = span.of(text).split_inclusive(char::is_whitespace).collect();
    for (i, word) in words.iter().enumerate() {
        if word.starts_with(char::is_uppercase) {
            let one_word_left = i > 0 && i + 1 == words.len();
            return (!one_word_left).then(|| Span::new(start, span.end));
        }
        start += word.len();
    }
    None
}

/// Whether `name` is a kind of body alone ("Department": see
/// `GENERIC_BODIES`), or every word of it is a common word, a title or an
/// honorific ("Mr. Speaker", "Federal Government").
fn is_common_words(name: &str) -> bool {
    crate::extract::gazetteer::GENERIC_BODIES.contains(&name)
        || name.split_whitespace().all(is_common_word)
}

/// Whether `word`, its punctuation aside, is a common word, a title or an
/// honorific, or nothing.
fn is_common_word(word: &str) -> bool {
    let g = crate::extract::gazetteer::Gazetteer::get();
    let lower = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    lower.is_empty() || g.is_common(&lower) || g.is_title(&lower)
}

/// Whether `word` is a function word ("We"), alone or with a contraction
/// ("We’re", "It's", "They'll").
fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let base = lower
        .split_once(['\'', '\u{2019}'])
        .map_or(lower.as_str(), |(base, _)| base);
    crate::extract::gazetteer::FUNCTION_WORDS.contains(&base)
}

/// BIO tags to spans: a `B-` or an `I-` of another type starts a name.
fn spans_of(toks: &[Span], tags: &[&str]) -> Vec<(Span, EntityType)> {
    let mut out: Vec<(Span, EntityType)> = Vec::new();
    let mut open: Option<(Span, &str)> = None;
    for (tok, tag) in toks.iter().zip(tags) {
        let (at, name) = tag.split_once('-').unwrap_or(("O", ""));
        match open {
            Some((span, open_name)) if at == "I" && open_name == name => {
                open = Some((Span::new(span.start, tok.end), open_name));
            }
            _ => {
                out.extend(open.take().and_then(|(span, name)| typed(span, name)));
                if at != "O" {
                    open = Some((*tok, name));
                }
            }
        }
    }
    out.extend(open.and_then(|(span, name)| typed(span, name)));
    out
}

fn typed(span: Span, name: &str) -> Option<(Span, EntityType)> {
    TYPES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, ty)| (span, ty))
}

/// One training sequence: each token's features and its gold label.
pub type TrainingSequence = (Vec<Vec<String>>, Vec<String>);

/// The training sequences of one annotated text, one per sentence: the
/// features [`tag`] reads and the gold labels, from `gold` spans
/// `(start, end, "PER" | "LOC" | "ORG")` in UTF-16 code units. A token is
/// `B-` where a span starts in it, `I-` where it continues one.
pub fn training_sequences(text: &str, gold: &[(usize, usize, String)]) -> Vec<TrainingSequence> {
    let utf16 = Utf16Index::new(text);
    let paragraphs = crate::text::paragraphs(text);
    let sentences = crate::text::sentences(text, &paragraphs);
    let toks = crate::text::tokens(text);
    let rules = extract_rules(text, &toks, &sentences, None, &AliasTable::shipped()).mentions;
    let labels = rule_labels(&toks, &rules);
    let lower_seen = lower_case_words(text, &toks);
    let mut gold_tags = vec!["O".to_string(); toks.len()];
    for (start, end, ty) in gold {
        let mut first = true;
        for (i, t) in toks.iter().enumerate() {
            let span = utf16.span(*t);
            if span.start >= *end || span.end <= *start {
                continue;
            }
            let at = if first { "B" } else { "I" };
            gold_tags[i] = format!("{at}-{ty}");
            first = false;
        }
    }
    let mut rows = FeatureRows::default();
    sentence_ranges(&toks, &sentences)
        .into_iter()
        .map(|range| {
            sentence_features(text, &toks, range.clone(), &labels, &lower_seen, &mut rows);
            let features = rows
                .rows()
                .map(|row| row.iter().map(|a| a.name.clone()).collect())
                .collect();
            (features, gold_tags[range].to_vec())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tagged_phrase_loses_its_lowercase_opening_unless_one_word_is_left() {
        let text = "the Ottoman Porte and our Nation and the bank and Congress";
        let kept = |from: usize, to: usize| {
            without_leading_lowercase(text, Span::new(from, to)).map(|s| s.of(text))
        };
        assert_eq!(kept(0, 17), Some("Ottoman Porte"));
        assert_eq!(kept(22, 32), None);
        assert_eq!(kept(37, 45), None);
        assert_eq!(kept(50, 58), Some("Congress"));
    }

    #[test]
    fn pronouns_with_or_without_a_contraction_are_function_words() {
        for word in ["We", "We\u{2019}re", "It's", "They'll", "you"] {
            assert!(is_function_word(word), "{word}");
        }
        for word in ["Wei", "Itsukushima", "O'Brien", "Kremlin"] {
            assert!(!is_function_word(word), "{word}");
        }
    }

    #[test]
    fn bio_tags_become_spans() {
        let text = "Yoshiro Mori met Putin in Tokyo";
        let toks = crate::text::tokens(text);
        let tags = ["B-PER", "I-PER", "O", "B-PER", "O", "B-LOC"];
        let spans: Vec<(&str, EntityType)> = spans_of(&toks, &tags)
            .into_iter()
            .map(|(s, t)| (s.of(text), t))
            .collect();
        assert_eq!(
            spans,
            [
                ("Yoshiro Mori", EntityType::Person),
                ("Putin", EntityType::Person),
                ("Tokyo", EntityType::Place)
            ]
        );
    }

    #[test]
    fn an_inside_tag_of_another_type_starts_a_name() {
        let text = "Japan Russia";
        let toks = crate::text::tokens(text);
        let spans = spans_of(&toks, &["B-LOC", "I-ORG"]);
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[1].1, EntityType::Organization);
    }

    #[test]
    fn training_labels_follow_the_gold_spans_in_utf16() {
        // "Ōno" is one UTF-16 unit longer than its bytes are short: the
        // gold offsets count UTF-16 code units, as JavaScript gives them.
        let text = "Ōno visited the Bank of Japan.";
        let gold = [(0, 3, "PER".to_string()), (16, 29, "ORG".to_string())];
        let sequences = training_sequences(text, &gold);
        assert_eq!(sequences.len(), 1);
        let (features, labels) = &sequences[0];
        assert_eq!(labels, &["B-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG"]);
        assert!(features[0].contains(&"w=ōno".to_string()));
        assert!(
            features[3].contains(&"r=B-organization".to_string()),
            "{:?}",
            features[3]
        );
    }

    #[test]
    fn native_builds_embed_the_model() {
        assert!(model_loaded());
    }

    #[test]
    fn bytes_that_are_not_a_model_are_refused() {
        for bytes in [Vec::new(), b"<!doctype html>".to_vec(), b"lCRF".repeat(20)] {
            let err = load_model(bytes).expect_err("not a model");
            assert!(
                err.to_string().contains("the entity model is not usable"),
                "{err}"
            );
        }
    }
}
