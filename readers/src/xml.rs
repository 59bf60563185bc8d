//! What the readers of XML (feeds, Word) share: places in the text for
//! their messages, and references to characters.

use quick_xml::events::BytesRef;

/// The line (from 1) of byte `at` in `text`.
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    before.iter().filter(|&&b| b == b'\n').count() + 1
}

/// "line L, column C" of byte `at` in `text`, the column counted in
/// characters from 1.
pub(crate) fn place(text: &str, at: usize) -> String {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.get(line_start..).unwrap_or_default();
    let column = String::from_utf8_lossy(line).chars().count() + 1;
    format!("line {}, column {column}", line_of(text, at))
}

/// What a character reference (`&#8217;`) or one of XML's five entities
/// (`&amp;`) stands for; `None` for any other entity.
pub(crate) fn resolve(reference: &BytesRef) -> Option<String> {
    match reference.resolve_char_ref() {
        Ok(Some(c)) => Some(c.to_string()),
        Ok(None) => quick_xml::escape::resolve_predefined_entity(reference).map(str::to_string),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_count_lines_and_characters_from_one() {
        let text = "<a>\n  <b>é<c>";
        assert_eq!(place(text, 0), "line 1, column 1");
        assert_eq!(place(text, text.len()), "line 2, column 10");
        assert_eq!(place(text, usize::MAX), "line 2, column 10");
    }
}
