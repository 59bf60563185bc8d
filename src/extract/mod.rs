//! Finding named entities: in one text, and in every document of a corpus
//! (the [`EntityIndex`] the corpus holds), with canonical names through the
//! alias table, source citations and normalised dates.
//!
//! This module sits below the corpus: it reads documents and knows nothing
//! of the corpus or of search. What the corpus answers about its entities
//! (lists, mentions, annotations) is in [`crate::entities`].
//!
//! Extraction is rules over the shared tokens ([`crate::text::tokens`]) and
//! gazetteers compiled into the library (see `data/SOURCES.md`):
//! - one Aho-Corasick pass finds every gazetteer name (countries, cities,
//!   regions, outlets, organisations, demonyms, events);
//! - runs of capitalised tokens are typed by their context: a title or role
//!   before them ("Prime Minister", "ambassador"), a head word ending them
//!   ("Ministry", "Shimbun", "Islands", "War"), a known first name, a
//!   preposition of place, or a citation naming them as a source;
//! - dates, sums of money and quantities are read from the tokens, dates
//!   normalised against the document's own date ([`crate::dates`]).
//!
//! Mentions then resolve to canonical entities ([`resolve`]): a surname to the
//! full name its document gives, spelling variants across the corpus to one
//! entity, and any name through the alias table ([`AliasTable`]); last, the
//! reviewer's decisions in the table change an entity's type or drop it
//! (`review`).

mod aliases;
mod citations;
mod gazetteer;
mod index;
mod mentions;
mod resolve;
mod review;
mod tagger;
mod temporal;

use serde::{Deserialize, Serialize};

use crate::dates::Date;
use crate::error::Error;
use crate::options;
use crate::text::Utf16Index;

pub use self::aliases::{AliasEntry, AliasTable, AliasTableData};
pub(crate) use self::citations::{iso, publication_month, RawCitation};
pub use self::citations::{Citation, CitationSource};
pub(crate) use self::index::{EntityIndex, EntityState, Record};
pub use self::review::{EntityKey, TypeOverride};
pub use self::tagger::{
    load_model as load_entity_model, model_loaded as entity_model_loaded,
    training_sequences as entity_training_sequences, unload_model as unload_entity_model,
    TrainingSequence,
};

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person: "Yoshiro Mori".
    Person,
    /// A country, city, region, island, sea or other place: "Kuril Islands".
    Place,
    /// A government body, party, company or international body: "WTO".
    Organization,
    /// A news outlet or agency: "Kyodo", "Yomiuri Shimbun".
    Media,
    /// A nationality or other group adjective: "Russian", "Soviet".
    Nationality,
    /// A war, summit, treaty, declaration or protocol: "Kyoto Protocol".
    Event,
    /// A date or range of dates, normalised to ISO 8601.
    Date,
    /// A sum of money: "$9 billion".
    Money,
    /// A percentage or a count: "50%", "9,000".
    Quantity,
}

impl EntityType {
    /// Every type, in display order.
    pub const ALL: [EntityType; 9] = [
        EntityType::Person,
        EntityType::Place,
        EntityType::Organization,
        EntityType::Media,
        EntityType::Nationality,
        EntityType::Event,
        EntityType::Date,
        EntityType::Money,
        EntityType::Quantity,
    ];

    /// The lower-case name used in ids, options and data files.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
            EntityType::Media => "media",
            EntityType::Nationality => "nationality",
            EntityType::Event => "event",
            EntityType::Date => "date",
            EntityType::Money => "money",
            EntityType::Quantity => "quantity",
        }
    }

    /// Reads a type by its lower-case name.
    pub fn parse(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// Options of `corpus.citations()` in JavaScript ([`crate::Corpus::citations`]).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct CitationOptions {
    /// Only this document's citations; absent: every document's.
    pub doc_id: Option<String>,
}

/// Options of [`extract_entities_with`].
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct ExtractOptions {
    /// The text's own date (ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`), which
    /// relative and partial dates are read against; absent: they keep only
    /// what the text says.
    pub date: Option<String>,
}

/// [`extract_entities`] with options as JavaScript gives them.
///
/// # Errors
/// A `date` that is not an ISO date.
pub fn extract_entities_with(
    text: &str,
    options: &ExtractOptions,
) -> Result<Vec<ExtractedEntity>, Error> {
    let date = match &options.date {
        Some(date) => Some(options::iso_date("date", date)?),
        None => None,
    };
    Ok(extract_entities(text, date))
}

/// One mention found in an ad-hoc text by [`extract_entities`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtractedEntity {
    /// Start, in UTF-16 code units.
    pub start: usize,
    /// End, in UTF-16 code units.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// The name it resolves to inside the text ("Mori" → "Yoshiro Mori");
    /// for dates, the ISO value.
    pub name: String,
}

/// Finds the entities of one text, on its own.
///
/// `date` anchors relative and partial dates ("last week", "April 29");
/// without it they keep only what the text says. Surnames resolve to the
/// full names the same text gives; the shipped alias table applies. Results
/// are sorted by start, then end; offsets count UTF-16 code units.
pub fn extract_entities(text: &str, date: Option<Date>) -> Vec<ExtractedEntity> {
    let found = mentions::extract(text, date);
    let table = AliasTable::shipped();
    let names = resolve::document_names(&found.mentions, &table);
    let utf16 = Utf16Index::new(text);
    let mut out: Vec<ExtractedEntity> = found
        .mentions
        .iter()
        .zip(names)
        .map(|(m, (ty, name))| {
            let span = utf16.span(m.span);
            ExtractedEntity {
                start: span.start,
                end: span.end,
                text: m.span.of(text).to_string(),
                ty,
                name,
            }
        })
        .collect();
    out.sort_by_key(|e| (e.start, e.end, e.ty));
    out
}
