use zip::CompressionMethod;

use super::clean;
use crate::fixtures::{docx, failure, gzip, records, text, zip, zip_with};
use crate::{read, read_with, Limits, Read};

const FEED: &[u8] = b"<rss><channel><title>Wire</title><item><title>Talks</title>\
    <description>&lt;p&gt;Envoys met.&lt;/p&gt;</description></item></channel></rss>";

const JSONL: &[u8] = b"{\"title\": \"One\", \"text\": \"Putin met Mori.\"}\n";

fn names(reads: &[Read]) -> Vec<(&str, Option<&str>)> {
    reads
        .iter()
        .map(|read| (read.name.as_str(), read.folder.as_deref()))
        .collect()
}

/// An archive as people make them: folders, a feed, a Word file, text, a
/// nested archive, a gzipped file, a photo, and what macOS adds.
fn news_zip() -> Vec<u8> {
    let inner = zip(&[("deep/speeches.jsonl", JSONL)]);
    zip(&[
        ("2005/", b""),
        ("2005/march/", b""),
        ("notes.txt", "Caf\u{e9} notes".as_bytes()),
        ("2005/march/wire.rss", FEED),
        (
            "2005/report.docx",
            &docx("<w:p><w:r><w:t>Report text.</w:t></w:r></w:p>", None),
        ),
        ("2005/old.zip", &inner),
        ("data/speeches.jsonl.gz", &gzip(JSONL)),
        ("photos/summit.jpg", b"\xff\xd8\xff\xe0 not text"),
        ("__MACOSX/2005/._wire.rss", b"\x00\x05\x16\x07"),
        ("2005/.DS_Store", b"\x00\x00\x00\x01Bud1"),
        (".notes.md", b"# Hidden but mine"),
    ])
}

#[test]
fn every_member_is_read_by_its_extension_and_named_by_its_path() {
    let reads = read("news.zip", &news_zip());
    assert_eq!(
        names(&reads),
        [
            ("news.zip/notes.txt", None),
            ("news.zip/2005/march/wire.rss", Some("2005/march")),
            ("news.zip/2005/report.docx", Some("2005")),
            (
                "news.zip/2005/old.zip/deep/speeches.jsonl",
                Some("2005/old.zip/deep")
            ),
            ("news.zip/data/speeches.jsonl", Some("data")),
            ("news.zip/photos/summit.jpg", Some("photos")),
            ("news.zip/.notes.md", None),
        ]
    );
    assert_eq!(text(&reads[0]), "Café notes");
    assert_eq!(records(&reads[1])[0]["text"], "Envoys met.");
    assert_eq!(records(&reads[2])[0]["text"], "Report text.");
    assert_eq!(text(&reads[3]), std::str::from_utf8(JSONL).unwrap());
    assert_eq!(text(&reads[4]), std::str::from_utf8(JSONL).unwrap());
    assert_eq!(
        failure(&reads[5]),
        (
            "unsupported-file",
            "the extension .jpg is not of a format this reader knows"
        )
    );
    assert_eq!(text(&reads[6]), "# Hidden but mine");
}

#[test]
fn a_damaged_member_is_a_failure_naming_its_path_and_the_rest_load() {
    let payload = b"a stored member whose bytes will be damaged";
    let mut archive = zip_with(
        &[
            ("good.txt", b"fine"),
            ("bad.txt", payload),
            ("after.txt", b"also fine"),
        ],
        CompressionMethod::Stored,
    );
    let at = archive
        .windows(payload.len())
        .position(|window| window == payload)
        .unwrap();
    archive[at + 2] ^= 0x20;
    let reads = read("mixed.zip", &archive);
    assert_eq!(text(&reads[0]), "fine");
    let (kind, message) = failure(&reads[1]);
    assert_eq!(
        (reads[1].name.as_str(), kind),
        ("mixed.zip/bad.txt", "damaged-member")
    );
    assert!(
        message.starts_with("the member bad.txt cannot be decompressed: "),
        "{message}"
    );
    assert_eq!(text(&reads[2]), "also fine");
}

#[test]
fn a_corrupt_deflate_stream_is_a_failure_of_its_member() {
    let payload: Vec<u8> = (0..2000u32)
        .flat_map(|i| (i * 7919 % 251).to_le_bytes())
        .collect();
    let mut archive = zip(&[("noise.csv", &payload), ("ok.md", b"kept")]);
    // The deflated data starts after the local header (30 bytes) and the name.
    let start = 30 + "noise.csv".len();
    for byte in &mut archive[start..start + 40] {
        *byte = 0xff;
    }
    let reads = read("noise.zip", &archive);
    let (kind, message) = failure(&reads[0]);
    assert_eq!(kind, "damaged-member");
    assert!(
        message.starts_with("the member noise.csv cannot be decompressed"),
        "{message}"
    );
    assert_eq!(text(&reads[1]), "kept");
}

#[test]
fn what_is_not_an_archive_is_a_failure_of_the_file() {
    let reads = read("notes.zip", b"just some text, no ZIP");
    assert_eq!(names(&reads), [("notes.zip", None)]);
    assert_eq!(failure(&reads[0]).0, "damaged-archive");

    let reads = read("notes.gz", b"just some text, no gzip");
    assert_eq!(names(&reads), [("notes.gz", None)]);
    assert_eq!(failure(&reads[0]).0, "damaged-archive");
}

#[test]
fn a_gzipped_file_is_read_as_the_file_it_holds() {
    let reads = read("speeches.jsonl.GZ", &gzip(JSONL));
    assert_eq!(names(&reads), [("speeches.jsonl", None)]);
    assert_eq!(text(&reads[0]), std::str::from_utf8(JSONL).unwrap());

    let reads = read("news.zip.gz", &gzip(&news_zip()));
    assert_eq!(reads.len(), 7);
    assert_eq!(
        names(&reads)[1],
        ("news.zip/2005/march/wire.rss", Some("2005/march"))
    );
}

#[test]
fn a_truncated_gzip_file_is_a_failure() {
    let whole = gzip(&JSONL.repeat(50));
    for cut in [whole.len() - 4, whole.len() / 2, 5, 0] {
        let reads = read("speeches.jsonl.gz", &whole[..cut]);
        assert_eq!(names(&reads), [("speeches.jsonl.gz", None)], "cut at {cut}");
        let (kind, message) = failure(&reads[0]);
        assert_eq!(kind, "damaged-archive", "cut at {cut}");
        assert!(!message.is_empty());
    }
}

#[test]
fn a_member_past_the_decompressed_limit_is_a_failure_and_smaller_ones_load() {
    let limits = Limits {
        decompressed: 10_000,
        ..Limits::default()
    };
    let bomb = vec![b' '; 1_000_000];
    let archive = zip(&[
        ("before.txt", b"small"),
        ("bomb.txt", &bomb),
        ("after.txt", b"small too"),
    ]);
    assert!(archive.len() < 5_000, "{} bytes", archive.len());
    let reads = read_with("bomb.zip", &archive, &limits);
    assert_eq!(text(&reads[0]), "small");
    assert_eq!(
        failure(&reads[1]),
        (
            "too-large",
            "inflating it would pass the limit of 10000 bytes decompressed from one file, so it is not read"
        )
    );
    assert_eq!(text(&reads[2]), "small too");

    // Exactly the limit is within it.
    let reads = read_with("full.txt.gz", &gzip(&bomb[..10_000]), &limits);
    assert_eq!(text(&reads[0]).len(), 10_000);

    // A gzip file does not say how large it is: it is inflated up to the limit.
    let reads = read_with("bomb.txt.gz", &gzip(&bomb), &limits);
    assert_eq!(failure(&reads[0]).0, "too-large");
    assert_eq!(reads[0].name, "bomb.txt.gz");

    // The limit is shared by all the archives in the file.
    let nested = zip(&[
        ("a.zip", &zip(&[("a.txt", &bomb[..6_000])])),
        ("b.txt.gz", &gzip(&bomb[..6_000])),
    ]);
    let reads = read_with("two.zip", &nested, &limits);
    assert_eq!(text(&reads[0]).len(), 6_000);
    assert_eq!(failure(&reads[1]).0, "too-large");
}

#[test]
fn archives_nest_only_as_deep_as_the_limit() {
    let mut archive = zip(&[("core.txt", b"at the bottom")]);
    for level in 0..3 {
        archive = zip(&[(format!("level{level}.zip").as_str(), &archive)]);
    }
    let reads = read("top.zip", &archive);
    assert_eq!(
        names(&reads),
        [(
            "top.zip/level2.zip/level1.zip/level0.zip/core.txt",
            Some("level2.zip/level1.zip/level0.zip")
        )]
    );

    let limits = Limits {
        depth: 2,
        ..Limits::default()
    };
    let reads = read_with("top.zip", &archive, &limits);
    assert_eq!(
        names(&reads),
        [("top.zip/level2.zip/level1.zip", Some("level2.zip"))]
    );
    assert_eq!(
        failure(&reads[0]),
        (
            "too-deep",
            "an archive more than 2 archives deep is not opened"
        )
    );
}

#[test]
fn a_file_of_unknown_kind_is_unsupported() {
    let reads = read("slides.pptx", b"PK");
    assert_eq!(failure(&reads[0]).0, "unsupported-file");
    let reads = read("README", b"text");
    assert_eq!(
        failure(&reads[0]),
        (
            "unsupported-file",
            "a file without an extension, whose format is unknown"
        )
    );
}

#[test]
fn member_paths_are_cleaned_of_empty_and_dot_segments() {
    assert_eq!(clean("/2005//march/./wire.rss"), "2005/march/wire.rss");
    assert_eq!(clean("2005\\march\\wire.rss"), "2005/march/wire.rss");
    assert_eq!(clean("./2005/"), "2005/");
    assert_eq!(clean("/"), "/");
    let reads = read("a.zip", &zip(&[("./x//y/./z.txt", b"z")]));
    assert_eq!(names(&reads), [("a.zip/x/y/z.txt", Some("x/y"))]);
}
