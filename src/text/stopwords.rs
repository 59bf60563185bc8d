//! The built-in English stop words, which word lists leave out by default.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The built-in English stop words (`stopwords.txt`), folded.
pub(crate) fn english_stopwords() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("stopwords.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    })
}
