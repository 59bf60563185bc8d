use super::*;

fn words(text: &str) -> Vec<&str> {
    tokens(text).iter().map(|s| s.of(text)).collect()
}

fn split(text: &str) -> Vec<&str> {
    sentences(text, &paragraphs(text))
        .iter()
        .map(|s| s.of(text))
        .collect()
}

#[test]
fn tokens_join_compounds_and_keep_unicode_letters() {
    assert_eq!(
        words("Russian-Japanese talks at the G-7, Itar-Tass and Zürich"),
        [
            "Russian-Japanese",
            "talks",
            "at",
            "the",
            "G-7",
            "Itar-Tass",
            "and",
            "Zürich"
        ]
    );
}

#[test]
fn tokens_drop_possessive_but_keep_contractions() {
    assert_eq!(
        words("Mori’s visit, Moscow's line, don’t, O’Neill, countries’ ties"),
        [
            "Mori",
            "visit",
            "Moscow",
            "line",
            "don’t",
            "O’Neill",
            "countries",
            "ties"
        ]
    );
}

#[test]
fn tokens_keep_initials_and_numbers_whole() {
    assert_eq!(
        words("the U.S. and George H.W. Bush paid $9,000.50 (50%) on 20-22 May"),
        [
            "the", "U.S.", "and", "George", "H.W.", "Bush", "paid", "9,000.50", "50", "on",
            "20-22", "May"
        ]
    );
}

#[test]
fn tokens_split_at_dashes_and_trailing_hyphens() {
    assert_eq!(
        words("integrity–a formula; pro- and anti-"),
        ["integrity", "a", "formula", "pro", "and", "anti"]
    );
}

#[test]
fn count_tokens_agrees_with_tokens() {
    let text = "Mori’s first visit to the U.S. – in 2000 – cost $9 billion.";
    assert_eq!(count_tokens(text), tokens(text).len());
}

#[test]
fn paragraphs_split_on_blank_lines_and_trim() {
    let text = "  One line\ncontinues.\n\n\n Two. \r\n\r\nThree";
    let spans: Vec<&str> = paragraphs(text).iter().map(|s| s.of(text)).collect();
    assert_eq!(spans, ["One line\ncontinues.", "Two.", "Three"]);
}

#[test]
fn paragraphs_are_lines_when_there_is_no_blank_line() {
    let text = "First paragraph.\nSecond paragraph.\n";
    assert_eq!(paragraphs(text).len(), 2);
}

#[test]
fn sentences_survive_abbreviations_and_initials() {
    assert_eq!(
        split("Mr. Mori met Gen. Ivanov in St. Petersburg. President George H.W. Bush agreed. Then they left."),
        [
            "Mr. Mori met Gen. Ivanov in St. Petersburg.",
            "President George H.W. Bush agreed.",
            "Then they left."
        ]
    );
}

#[test]
fn sentences_split_after_dotted_initials_before_an_opener() {
    assert_eq!(
        split("Tokyo courted the U.S. The talks failed. The U.S. Senate objected."),
        [
            "Tokyo courted the U.S.",
            "The talks failed.",
            "The U.S. Senate objected."
        ]
    );
}

#[test]
fn sentences_keep_quotes_dashes_and_numbers() {
    assert_eq!(
        split("Trade grew by 50%, totaling some $9 billion. Kono said it was “absolutely incomprehensible.” Talks on November 20-22–or later–failed… Why? Nobody knows!"),
        [
            "Trade grew by 50%, totaling some $9 billion.",
            "Kono said it was “absolutely incomprehensible.”",
            "Talks on November 20-22–or later–failed…",
            "Why?",
            "Nobody knows!"
        ]
    );
}

#[test]
fn sentences_do_not_split_before_lowercase_or_inside_ellipsis() {
    assert_eq!(
        split("“We’re working hard…it is regrettable,” Abe said. He left, e.g. at noon."),
        [
            "“We’re working hard…it is regrettable,” Abe said.",
            "He left, e.g. at noon."
        ]
    );
}

#[test]
fn sentences_end_at_paragraph_ends() {
    assert_eq!(
        split("No period here\n\nNext one"),
        ["No period here", "Next one"]
    );
}

#[test]
fn utf16_offsets_count_code_units() {
    let text = "Mori’s “visit” – 😀 ok";
    let index = Utf16Index::new(text);
    let ok = text.find("ok").unwrap_or(0);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let at = index.utf16(ok);
    assert_eq!(String::from_utf16_lossy(&utf16[at..at + 2]), "ok");
    assert_eq!(index.len_utf16(text), utf16.len());
    assert_eq!(index.utf16(0), 0);
}
