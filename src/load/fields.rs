//! Which of a record's fields holds its text, title, date, publication and
//! author: the name the `fields` option gives, else the canonical name
//! (`text`, `title`, …), else the first of the names real exports use
//! (`body`, `headline`, `published_at`, …). Names match in any case.

use serde::{Deserialize, Serialize};

/// A role a record's field can play.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// The document's text.
    Text,
    /// Its title.
    Title,
    /// Its date.
    Date,
    /// The publication it appeared in.
    Publication,
    /// Its author, kept in the metadata as `author`.
    Author,
}

impl Role {
    /// Every role, in the order they are reported.
    pub const ALL: [Role; 5] = [
        Role::Text,
        Role::Title,
        Role::Date,
        Role::Publication,
        Role::Author,
    ];

    /// The role's own name, first, then the names exports give it.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Role::Text => &["text", "body", "content", "article", "full_text", "story"],
            Role::Title => &["title", "headline"],
            Role::Date => &[
                "date",
                "published",
                "published_at",
                "pubDate",
                "datePublished",
                "created_at",
            ],
            Role::Publication => &["publication", "source", "outlet", "site"],
            Role::Author => &["author", "byline"],
        }
    }

    /// The role's own name: `text`, `title`, …
    pub fn name(self) -> &'static str {
        self.names()[0]
    }
}

/// The `fields` load option: the field that plays each role, by name, for
/// files whose names are none of those recognised (`{text: "body_html"}`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FieldNames {
    /// The field holding the text.
    pub text: Option<String>,
    /// The field holding the title.
    pub title: Option<String>,
    /// The field holding the date.
    pub date: Option<String>,
    /// The field holding the publication.
    pub publication: Option<String>,
    /// The field holding the author.
    pub author: Option<String>,
}

impl FieldNames {
    /// The name the option gives `role`, if any.
    fn given(&self, role: Role) -> Option<&str> {
        match role {
            Role::Text => self.text.as_deref(),
            Role::Title => self.title.as_deref(),
            Role::Date => self.date.as_deref(),
            Role::Publication => self.publication.as_deref(),
            Role::Author => self.author.as_deref(),
        }
    }

    /// The key among `keys` (as the record spells it) that plays `role`.
    pub fn key_for<'k>(&self, role: Role, keys: &[&'k str]) -> Option<&'k str> {
        let find = |name: &str| keys.iter().copied().find(|k| k.eq_ignore_ascii_case(name));
        match self.given(role) {
            Some(name) => find(name),
            None => role.names().iter().find_map(|name| find(name)),
        }
    }

    /// What a record or file without `role` lacks, for a message: `"text"
    /// field (nor "body", …; the fields option can name another)`, where
    /// `noun` is "field" or "column".
    pub fn missing(&self, role: Role, noun: &str) -> String {
        match self.given(role) {
            Some(name) => format!("{name:?} {noun} (the fields option's {})", role.name()),
            None => {
                let names: Vec<String> = role.names().iter().map(|n| format!("{n:?}")).collect();
                let nor = match names.split_first() {
                    Some((_, [])) | None => String::new(),
                    Some((_, [only])) => format!("nor {only}; "),
                    Some((_, [rest @ .., last])) => format!("nor {} or {last}; ", rest.join(", ")),
                };
                format!(
                    "{:?} {noun} ({nor}the fields option can name another)",
                    role.name()
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_own_name_first_then_the_export_names_then_nothing() {
        let names = FieldNames::default();
        assert_eq!(names.key_for(Role::Text, &["Body", "text"]), Some("text"));
        assert_eq!(
            names.key_for(Role::Text, &["headline", "Body"]),
            Some("Body")
        );
        assert_eq!(names.key_for(Role::Date, &["pubdate"]), Some("pubdate"));
        assert_eq!(names.key_for(Role::Title, &["body"]), None);
        assert_eq!(
            names.key_for(Role::Title, &["headline", "body"]),
            Some("headline")
        );
    }

    #[test]
    fn the_option_names_the_field_and_nothing_else_plays_the_role() {
        let names = FieldNames {
            text: Some("summary".into()),
            ..FieldNames::default()
        };
        assert_eq!(
            names.key_for(Role::Text, &["text", "Summary"]),
            Some("Summary")
        );
        assert_eq!(names.key_for(Role::Text, &["text"]), None);
        assert_eq!(
            names.key_for(Role::Text, &["text", "summary"]),
            Some("summary")
        );
        assert_eq!(
            names.missing(Role::Text, "field"),
            "\"summary\" field (the fields option's text)"
        );
        assert_eq!(
            FieldNames::default().missing(Role::Title, "column"),
            "\"title\" column (nor \"headline\"; the fields option can name another)"
        );
    }
}
