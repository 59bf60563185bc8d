// Corpus.load in Node with files the readers module reads (readers/): text
// in other encodings, and (below) web pages, feeds, Word and archives, as a
// user of the npm package hands them over: {name, bytes}.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createRequire } from 'node:module';

import { Corpus, withCorpus } from './helpers.mjs';
import { needsReaders } from '../../pkg-node/corpus_lens.js';

/** Whether the readers' build with PDF has been required in this process. */
const pdfBuildLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('corpus_lens_readers_pdf'));

const bytesOf = (name, bytes) => ({ name, bytes: Uint8Array.from(bytes) });
/** Latin-1 / windows-1252 bytes of `text`, whose characters are all below 256 or among 1252's. */
const CP1252 = { '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };
const windows1252 = (text) => [...text].map((c) => CP1252[c] ?? c.charCodeAt(0));

function load(files, options = { skipInvalid: true }) {
  const corpus = Corpus.load(files, options);
  const result = {
    texts: corpus.documents().map((doc) => corpus.document(doc.id).text),
    sources: corpus.sources(),
    warnings: corpus.warnings(),
  };
  corpus.free();
  return result;
}

describe('text in other encodings', () => {
  test('a windows-1252 file keeps its curly quotes and accents, and says its encoding', () => {
    const text = 'Putin’s “historic” visit – the café in Tokyo was full.';
    const { texts, sources, warnings } = load([bytesOf('old.txt', windows1252(text))]);
    assert.deepEqual(texts, [text]);
    assert.equal(sources[0].encoding, 'windows-1252');
    assert.deepEqual(warnings, []);
  });

  test('Shift_JIS is detected', () => {
    // 日本とロシア (Japan and Russia) in Shift_JIS, repeated to give the detector enough.
    const sjis = [0x93, 0xfa, 0x96, 0x7b, 0x82, 0xc6, 0x83, 0x8d, 0x83, 0x56, 0x83, 0x41];
    const { texts, sources } = load([bytesOf('jp.txt', [...sjis, 0x81, 0x42, ...sjis, 0x81, 0x42, ...sjis])]);
    assert.equal(sources[0].encoding, 'Shift_JIS');
    assert.equal(texts[0], '日本とロシア。日本とロシア。日本とロシア');
  });

  test('a file declared UTF-8 with a stray byte loads, with a warning naming the byte', () => {
    // Valid UTF-8 apart from one byte: the detector keeps UTF-8 and the byte is named.
    const bytes = [...new TextEncoder().encode('text\n"Tōkyō and the '), 0xe9, ...new TextEncoder().encode('lite of Moscow met."\n')];
    const { texts, sources, warnings } = load([bytesOf('notes.csv', bytes)]);
    assert.equal(sources[0].encoding, 'UTF-8');
    assert.deepEqual(texts, ['Tōkyō and the \ufffdlite of Moscow met.']);
    assert.deepEqual(warnings.map(({ file, line, kind, message }) => ({ file, line, kind, message })), [{
      file: 'notes.csv', line: 0, kind: 'replaced-bytes',
      message: 'notes.csv: a sequence that is not valid UTF-8 at byte 22, each replaced by \ufffd',
    }]);
  });

  test('UTF-8 and UTF-16 with a byte-order mark stay with the engine, and nothing else does', () => {
    const utf8 = bytesOf('a.txt', new TextEncoder().encode('Tōkyō'));
    const utf16 = bytesOf('b.txt', [0xff, 0xfe, 0x41, 0x00]);
    assert.equal(needsReaders(utf8), false);
    assert.equal(needsReaders(utf16), false);
    assert.equal(needsReaders({ name: 'a.txt', content: 'Text' }), false);
    assert.equal(needsReaders(bytesOf('c.txt', [0x63, 0x61, 0x66, 0xe9])), true);
    for (const name of ['p.html', 'p.HTM', 'f.xml', 'f.rss', 'f.atom', 'w.docx', 'a.zip', 'a.jsonl.gz']) {
      assert.equal(needsReaders(bytesOf(name, [0x41])), true, name);
    }
  });

  test('none of these needed the readers\' build with PDF, which is not loaded', () => {
    assert.equal(pdfBuildLoaded(), false);
  });

  test('a long UTF-8 file is checked in pieces, a bad byte past the first piece still found', () => {
    const bytes = new Uint8Array((1 << 22) + 10).fill(0x61);
    assert.equal(needsReaders({ name: 'long.txt', bytes }), false);
    bytes[(1 << 22) + 5] = 0xff;
    assert.equal(needsReaders({ name: 'long.txt', bytes }), true);
  });
});

describe('a ZIP archive of mixed files', () => {
  test('every file inside (a web page, a feed, Word, windows-1252 text, a PDF, gzipped JSON Lines) gives its documents, with its folder; the bad member and the picture are reported by their paths', async () => {
    const { mixedArchive, CP1252_TEXT } = await import('../fixtures/readers/mixed-archive.mjs');
    withCorpus(() => Corpus.load([{ name: 'collection.zip', bytes: mixedArchive() }], { skipInvalid: true }), (corpus) => {
      const documents = corpus.documents().map(({ id, title, date, publication, metadata }) => ({ id, title, date, publication, ...metadata }));
      assert.deepEqual(documents, [
        { id: 'talks', title: 'Talks resume in Tokyo', date: '2005-03-03', publication: 'Harbour Herald', author: 'Aiko Tanaka', folder: 'pages', time: '10:00:00+09:00' },
        { id: 'island-wire-1', title: 'Fishermen return to Nemuro', date: '2005-03-04', publication: 'Island Wire', author: 'Ivan Petrov', folder: 'feeds', time: '08:00:00+00:00', url: 'https://example.org/1' },
        { id: 'island-wire-2', title: 'Sakhalin gas deal signed', date: '2005-03-05', publication: 'Island Wire', folder: 'feeds', time: '09:30:00+00:00', url: 'https://example.org/2' },
        { id: 'memo', title: 'Memo on the islands', date: '2005-03-06', publication: null, author: 'Kenji Sato', time: '12:00:00+00:00' },
        { id: 'letter', title: 'Putin’s “historic” visit – the café in Tokyo…', date: null, publication: null, folder: 'old' },
        { id: 'briefing', title: 'Briefing on the islands', date: '2005-03-07', publication: null, author: 'Yuki Mori', folder: 'reports', time: '09:00:00+00:00' },
        { id: 'records-1', title: 'Harbour talks', date: null, publication: null, folder: 'data' },
        { id: 'records-2', title: 'Second round', date: null, publication: null, folder: 'data' },
      ]);
      const text = (id) => corpus.document(id).text;
      assert.equal(text('talks'), 'Japanese and Russian negotiators met in Tokyo on Thursday to resume talks on the disputed islands, the first round since the autumn.\n\n'
        + 'Foreign Minister Nobutaka Machimura said the two sides had agreed to keep meeting every month until a peace treaty could be drafted.');
      assert.equal(text('island-wire-1'), 'Fishermen returned to Nemuro after the talks.\n\nThey hope for calmer seas.');
      assert.equal(text('island-wire-2'), 'The Sakhalin gas deal was signed in Moscow & Tokyo.');
      assert.equal(text('memo'), 'The memo on the islands.\n\nA second paragraph.');
      assert.equal(text('letter'), CP1252_TEXT);
      assert.equal(text('briefing'), 'The briefing on the islands was held in Sapporo.\n\nBoth delegations agreed to meet again.');
      assert.deepEqual(corpus.warnings().map(({ file, line, kind }) => ({ file, line, kind })), [
        { file: 'collection.zip/bad/broken.docx', line: 0, kind: 'unreadable-file' },
        { file: 'collection.zip/picture.png', line: 0, kind: 'unsupported-file' },
      ]);
      assert.deepEqual(corpus.sources().map(({ name, encoding, documents }) => [name, encoding, documents]), [
        ['collection.zip/pages/talks.html', 'UTF-8', 1],
        ['collection.zip/feeds/island-wire.xml', 'UTF-8', 2],
        ['collection.zip/memo.docx', null, 1],
        ['collection.zip/old/letter.txt', 'windows-1252', 1],
        ['collection.zip/reports/briefing.pdf', null, 1],
        ['collection.zip/data/records.jsonl', 'UTF-8', 2],
        ['collection.zip/bad/broken.docx', null, 0],
        ['collection.zip/picture.png', null, 0],
      ]);
    });
    assert.equal(pdfBuildLoaded(), true, 'the PDF in the archive loaded the readers\' build with PDF');
    // Without skipInvalid the first bad member is the error, named by its path.
    assert.throws(() => Corpus.load([{ name: 'collection.zip', bytes: mixedArchive() }]), {
      kind: 'unreadable-file', message: /^collection\.zip\/bad\/broken\.docx: not a Word file/,
    });
  });

  test('previewFile shows a web page as the record it gives, and refuses an archive of several files', async () => {
    const { mixedArchive, PAGE } = await import('../fixtures/readers/mixed-archive.mjs');
    const preview = Corpus.previewFile({ name: 'talks.html', bytes: new TextEncoder().encode(PAGE) });
    assert.equal(preview.text, 'text');
    assert.ok(preview.columns.includes('title'));
    assert.throws(() => Corpus.previewFile({ name: 'collection.zip', bytes: mixedArchive() }), {
      message: 'Corpus.previewFile: collection.zip holds 8 files; preview them one at a time',
    });
  });
});
