// Corpus.load in Node with files the readers module reads (readers/): text
// in other encodings, and (below) web pages, feeds, Word and archives, as a
// user of the npm package hands them over: {name, bytes}.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Corpus } from './helpers.mjs';
import { needsReaders } from '../../pkg-node/corpus_lens.js';

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

  test('a long UTF-8 file is checked in pieces, a bad byte past the first piece still found', () => {
    const bytes = new Uint8Array((1 << 22) + 10).fill(0x61);
    assert.equal(needsReaders({ name: 'long.txt', bytes }), false);
    bytes[(1 << 22) + 5] = 0xff;
    assert.equal(needsReaders({ name: 'long.txt', bytes }), true);
  });
});
