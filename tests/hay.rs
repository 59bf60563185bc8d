//! Tiny fixtures shared by the native and wasm tests: one per loader format
//! and one per kind of bad input, each with the error it must produce.
#![allow(dead_code)]

/// Two articles in one text file, each with its header.
pub const TWO_ARTICLES_TXT: &str = "Publication: Monitor Volume: 6 Issue: 74\n\nPutin met Mori. They talked.\n\nPublication: Eurasia Daily Monitor Volume: 2 Issue: 217\n\nKoizumi met Putin in Tokyo.\n";

/// A Markdown note whose heading becomes the title.
pub const NOTE_MD: &str =
    "# Notes on the Kurils\n\nThe four islands are disputed. Talks continue.\n";

/// A JSON array of documents.
pub const ARRAY_JSON: &str = r#"[
  {"id": "a", "title": "First", "text": "One sentence here.", "date": "2004-11-21", "author": "Smith"},
  {"text": "No id and no title in this one. A second sentence.", "volume": 3, "pages": 12}
]"#;

/// A JSON object with a `documents` array.
pub const WRAPPED_JSON: &str = r#"{"name": "set", "documents": [{"text": "Wrapped text."}]}"#;

/// JSON Lines with a blank line in between.
pub const RECORDS_JSONL: &str = "{\"id\": \"1\", \"text\": \"First line.\"}\n\n{\"id\": \"2\", \"text\": \"Third line.\", \"year\": 1999}\n";

/// CSV with a quoted field holding a comma, a quote and a newline.
pub const QUOTED_CSV: &str = "id,title,text,party\nx1,\"Quoted, title\",\"He said \"\"no\"\".\nThen left.\",Whig\nx2,Plain,Plain text.,\n";

/// TSV, in which a `"` is just a character.
pub const RECORDS_TSV: &str = "Title\tText\tyear\nT1\tSays \"hi\" here.\t2001\n";

/// A CSV whose second row opens a quote it never closes, then two good rows.
pub const UNCLOSED_QUOTE_CSV: &str =
    "id,text\nA,\"Putin in Tokyo.\nB,Mori in Moscow.\nC,\"Talks, \"\"again\"\".\"\nD,\"Open\nE,Last.\n";

/// A TSV whose field holds one `"`: text, not the start of a quoted field.
pub const LONE_QUOTE_TSV: &str = "id\ttext\nA\tHe said \"no.\nB\tSecond row.\n";

/// Markdown with three `Publication:` headers, the second one with no text.
pub const HEADERS_MD: &str = "Publication: Monitor Volume: 1 Issue: 1\n# First\nOne.\nPublication: Monitor Volume: 1 Issue: 2\nPublication: Monitor Volume: 1 Issue: 3\n# Third\nThree.\n";

/// [`TWO_ARTICLES_TXT`] with Windows line ends.
pub fn two_articles_crlf() -> String {
    TWO_ARTICLES_TXT.replace('\n', "\r\n")
}

/// A bad input, the file it is in, and the exact message it must produce.
pub struct BadInput {
    pub name: &'static str,
    pub content: &'static str,
    pub message: &'static str,
}

/// Every kind of bad input the loaders must reject.
pub const BAD_INPUTS: &[BadInput] = &[
    BadInput {
        name: "broken.json",
        content: "[\n  {\"text\": \"ok\"},\n  {\"text\": \"missing brace\"\n]",
        message: "broken.json line 4, column 1: invalid JSON: expected `,` or `}`",
    },
    BadInput {
        name: "broken.jsonl",
        content: "{\"text\": \"ok\"}\n{\"text\": \"Mori’s\", oops}\n",
        message: "broken.jsonl line 2, column 20: invalid JSON: key must be a string",
    },
    BadInput {
        name: "notext.jsonl",
        content: "{\"text\": \"ok\"}\n{\"title\": \"no text\"}\n",
        message: "notext.jsonl line 2: the record has no \"text\" field (nor \"body\", \"content\", \"article\", \"full_text\" or \"story\"; the fields option can name another)",
    },
    BadInput {
        name: "empty-text.json",
        content: "[{\"text\": \"   \"}]",
        message: "empty-text.json line 1: the \"text\" field is empty",
    },
    BadInput {
        // Regression: the open quote swallowed every later row into one field.
        name: "unclosed.csv",
        content: "id,text\nA,\"Putin in Tokyo.\nB,Mori in Moscow.\nC,Talks.\n",
        message: "unclosed.csv line 2, column 3: the quote that opens this field is never closed, so the rows after it would be read as part of it",
    },
    BadInput {
        name: "empty-cell.csv",
        content: "id,text\nA,\n",
        message: "empty-cell.csv line 2: the \"text\" field is empty",
    },
    BadInput {
        // A raw line break inside a string: an error on its first line, not a merge.
        name: "broken-string.jsonl",
        content: "{\"text\": \"one\nline two\"}\n{\"text\": \"three\"}\n",
        message: "broken-string.jsonl line 1, column 13: invalid JSON: the line ends before the record does; a JSON Lines record is one line (write a line break inside a string as \\n)",
    },
    BadInput {
        name: "notext.csv",
        content: "title,summary\nA,B\n",
        message: "notext.csv line 1: no \"text\" column (nor \"body\", \"content\", \"article\", \"full_text\" or \"story\"; the fields option can name another); the header has \"title\", \"summary\"",
    },
    BadInput {
        name: "ragged.csv",
        content: "title,text\nA,fine\nB,too,many\n",
        message: "ragged.csv line 3: the row has 3 fields but the header has 2",
    },
    BadInput {
        name: "dupes.jsonl",
        content: "{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"a\", \"text\": \"two\"}\n",
        message: "dupes.jsonl line 2: the id \"a\" is already used by dupes.jsonl line 1",
    },
    BadInput {
        name: "bad-date.jsonl",
        content: "{\"text\": \"one\", \"date\": \"the eighth of January\"}\n",
        message: "bad-date.jsonl line 1: the \"date\" field \"the eighth of January\" is not a date this reads (ISO 8601 (2005-03-03, 2005-03-03T10:00:00Z), RFC 2822 (Thu, 03 Mar 2005 10:00:00 GMT), March 3, 2005, 3 March 2005, Mar. 3, 2005, March 2005 or 2005/03/03)",
    },
    BadInput {
        name: "ambiguous-date.csv",
        content: "text,published\nOne.,03/04/2005\n",
        message: "ambiguous-date.csv line 2: the \"published\" field \"03/04/2005\" could be day first or month first: set the dateOrder option (\"dmy\" for 3 April, \"mdy\" for March 4, or \"ymd\")",
    },
    BadInput {
        name: "nested.json",
        content: "[{\"text\": \"one\", \"tags\": [\"a\"]}]",
        message: "nested.json line 1: the \"tags\" field is an array; metadata values must be strings or numbers",
    },
    BadInput {
        name: "bad-header.txt",
        content: "Publication: Monitor Volume: VI Issue: 3\n\nText.",
        message: "bad-header.txt line 1: malformed header \"Publication: Monitor Volume: VI Issue: 3\": expected \"Publication: <name> Volume: <number> Issue: <number>\"",
    },
    BadInput {
        name: "slides.pptx",
        content: "%PDF",
        message: "slides.pptx: unsupported file type; expected .txt, .md, .json, .jsonl, .ndjson, .csv, .tsv, .html, .htm, .xhtml, .xml (RSS or Atom), .rss, .atom, .docx, .pdf, .zip or .gz",
    },
    BadInput {
        name: "empty.jsonl",
        content: "\n\n",
        message: "the corpus is empty: no document with text in empty.jsonl",
    },
];

/// The seeds' headers: file stem, publication, volume, issue, year, title.
pub const SEED_HEADERS: [(&str, &str, u32, u32, i32, &str); 5] = [
    (
        "000_cdea581117318265",
        "Monitor",
        6,
        74,
        2000,
        "Monitor 6:74 (2000)",
    ),
    (
        "001_dd6b5825d416bed0",
        "Monitor",
        7,
        14,
        2001,
        "Monitor 7:14 (2001)",
    ),
    (
        "002_15a617c9de9230ae",
        "Monitor",
        5,
        66,
        1999,
        "Monitor 5:66 (1999)",
    ),
    (
        "003_2011580da0b92aee",
        "Eurasia Daily Monitor",
        2,
        217,
        2005,
        "Eurasia Daily Monitor 2:217 (2005)",
    ),
    (
        "004_f51516d21ae9b3a2",
        "Eurasia Daily Monitor",
        1,
        139,
        2004,
        "Eurasia Daily Monitor 1:139 (2004)",
    ),
];

/// Sentences of the seeds that contain ’ “ ” or – and must come back exactly.
pub const SEED_SENTENCES: [(&str, &str); 3] = [
    ("000_cdea581117318265", "The visit will be Mori’s first as prime minister."),
    (
        "000_cdea581117318265",
        "That neither side had budged from its position was suggested in late March when a Russian deputy foreign minister reiterated Moscow’s adherence to the principle of territorial integrity–a formula indicating an unwillingness by Russia to make territorial concessions to Japan.",
    ),
    (
        "003_2011580da0b92aee",
        "“We’re currently working hard on preparations for Putin’s visit…it is extremely regrettable that the president’s aide has made such a comment,” Chief Cabinet Secretary Shinzo Abe said.",
    ),
];

/// The month each seed appeared in, from its latest source citation.
pub fn seed_month(id: &str) -> u8 {
    match id {
        "000_cdea581117318265" => 4,  // (Xinhua, Kyodo, April 10)
        "001_dd6b5825d416bed0" => 1,  // (Izvestia, AFP, January 19; …)
        "002_15a617c9de9230ae" => 4,  // (Kyodo, Russian agencies, April 1-2)
        "003_2011580da0b92aee" => 11, // (Kommersant, November 17)
        _ => 11,                      // (Asia Times, November 24)
    }
}
