"""Writes the seeds of the `readers` fuzz target (fuzz/corpus/readers/).

Each seed is one byte choosing the extension, as fuzz/fuzz_targets/readers.rs
does (html, xml, docx, zip, jsonl.gz, txt, csv, jsonl, by the byte modulo 8), then
a tiny file of that kind: a page, an RSS and an Atom feed with HTML in
their items, a Word file, a ZIP archive holding a folder, a feed, a gzipped
file and another archive, a gzipped JSON Lines file, and text. The same
script writes the same bytes (ZIP and gzip times are fixed).

    python3 scripts/fuzz-seeds-readers.py
"""

import gzip
import io
import os
import zipfile

EXTENSIONS = ["html", "xml", "docx", "zip", "jsonl.gz", "txt", "csv", "jsonl"]
OUT = os.path.join(os.path.dirname(__file__), "..", "fuzz", "corpus", "readers")
WHEN = (2005, 3, 3, 9, 0, 0)

RSS = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>
<item><title>Caf\xe9 talks</title><link>https://w.example/1</link>
<pubDate>Thu, 03 Mar 2005 09:00:00 GMT</pubDate><dc:creator>Anna</dc:creator>
<content:encoded><![CDATA[<p>Putin <b>met</b> Mori.<br>Again&nbsp;&amp; again.</p>]]></content:encoded></item>
<item><title>No text</title></item>
<item><description>&lt;p&gt;Envoys met.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Tokyo &lt;i&gt;Notes&lt;/i&gt;</title>
<entry><title>Treaty</title><link rel="alternate" href="https://n.example/t"/>
<published>2005-03-03T09:00:00Z</published><author><name>Kenji</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The <em>islands</em>&#8217; end.</p></div></content>
<summary type="html">&lt;p&gt;Sum&lt;/p&gt;</summary></entry></feed>"""

DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Putin met</w:t><w:tab/><w:t xml:space="preserve"> Mori.</w:t><w:br/><w:t>Tokyo</w:t></w:r></w:p>
<w:p><w:r><w:delText>gone</w:delText><w:t>The end.</w:t></w:r></w:p></w:body></w:document>"""

CORE = b"""<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>Report</dc:title><dc:creator>Anna</dc:creator><dcterms:created>2005-03-03T09:00:00Z</dcterms:created>
</cp:coreProperties>"""

JSONL = b'{"title": "One", "text": "Putin met Mori.", "date": "2005-03-03"}\n{"text": "Two"}\n'


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, WHEN)
            info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def gzipped(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def seeds():
    docx = zipped([("word/document.xml", DOCUMENT), ("docProps/core.xml", CORE)])
    inner = zipped([("deep/a.txt", b"inner text")])
    archive = zipped([
        ("2005/", b""),
        ("2005/wire.rss", RSS),
        ("2005/speeches.jsonl.gz", gzipped(JSONL)),
        ("old.zip", inner),
        ("notes.md", b"# Notes\n\nCaf\xc3\xa9"),
        ("photo.jpg", b"\xff\xd8\xff"),
        ("__MACOSX/._wire.rss", b"\x00\x05\x16\x07"),
    ])
    return {
        "page.html": b"<html><head><title>T</title></head><body><p>Hello <b>world</b>&amp; all</p></body></html>",
        "feed-rss.xml": RSS,
        "feed-atom.xml": ATOM,
        "report.docx": docx,
        "news.zip": archive,
        "speeches.jsonl.gz": gzipped(JSONL),
        "latin.txt": "Côte d’Ivoire".encode("cp1252"),
        "table.csv": b"title,text\nOne,Putin met Mori.\n",
        "speeches.jsonl": JSONL,
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in seeds().items():
        # The longest extension the target knows that the name ends with.
        extension = max((e for e in EXTENSIONS if name.endswith("." + e)), key=len)
        with open(os.path.join(OUT, name), "wb") as seed:
            seed.write(bytes([EXTENSIONS.index(extension)]) + data)


if __name__ == "__main__":
    main()
