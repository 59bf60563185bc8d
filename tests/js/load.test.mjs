// Corpus.load for each file format, and Corpus.fromDocuments, on the tiny
// fixtures in tests/fixtures/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Corpus, fixture, spanTexts, withCorpus } from './helpers.mjs';

// The two records that array.json, wrapped.json, records.jsonl,
// records.ndjson, quoted.csv and records.tsv all hold.
const RECORDS = [
  {
    id: 'a1', title: 'First record', date: '1999-03-04', dateSource: 'metadata', year: 1999,
    publication: 'Monitor', volume: 5, issue: 40, metadata: { author: 'Ann Author' },
  },
  {
    id: 'a2', title: 'Second record', date: '2001-11-30', dateSource: 'metadata', year: 2001,
    publication: 'Monitor', volume: 7, issue: 220, metadata: { author: 'Bo Writer' },
  },
];

const FIELDS = Object.keys(RECORDS[0]);

function pick(doc) {
  return Object.fromEntries(FIELDS.map((key) => [key, doc[key]]));
}

function loadFixture(name) {
  return Corpus.load([fixture(name)]);
}

describe('Corpus.load reads each format', () => {
  for (const name of ['array.json', 'wrapped.json', 'records.jsonl', 'records.ndjson', 'quoted.csv', 'records.tsv']) {
    test(name, () => {
      withCorpus(() => loadFixture(name), (corpus) => {
        assert.deepEqual(corpus.documents().map(pick), RECORDS);
        assert.deepEqual(corpus.warnings(), []);
        const first = corpus.document('a1');
        assert.equal(first.text, 'The first record’s text. It has two sentences.');
        assert.deepEqual(spanTexts(first, 'sentences'), ['The first record’s text.', 'It has two sentences.']);
      });
    });
  }

  test('quoted.csv: a quoted field keeps its line breaks and doubled quotes', () => {
    withCorpus(() => loadFixture('quoted.csv'), (corpus) => {
      const doc = corpus.document('a2');
      assert.equal(doc.text, 'He said "hello".\nThen he left.\n\nA second paragraph.');
      assert.deepEqual(spanTexts(doc, 'paragraphs'), ['He said "hello".\nThen he left.', 'A second paragraph.']);
    });
  });

  test('two-articles.txt: each Publication: header starts a document', () => {
    withCorpus(() => loadFixture('two-articles.txt'), (corpus) => {
      const docs = corpus.documents();
      assert.deepEqual(
        docs.map(({ publication, volume, issue, year, title }) => ({ publication, volume, issue, year, title })),
        [
          { publication: 'Monitor', volume: 3, issue: 12, year: 1997, title: 'Monitor 3:12 (1997)' },
          { publication: 'Eurasia Daily Monitor', volume: 4, issue: 200, year: 2007, title: 'Eurasia Daily Monitor 4:200 (2007)' },
        ],
      );
      const first = corpus.document(docs[0].id);
      assert.deepEqual(spanTexts(first, 'paragraphs'), [
        'Moscow and Tokyo met again. Neither side’s position moved.',
        'A second paragraph closes the first article.',
      ]);
      assert.deepEqual(spanTexts(corpus.document(docs[1].id), 'sentences'), [
        'The second article has one paragraph and one sentence.',
      ]);
    });
  });

  test('note.md: a Markdown file is one document', () => {
    withCorpus(() => loadFixture('note.md'), (corpus) => {
      const [doc] = corpus.documents();
      assert.equal(corpus.documents().length, 1);
      const text = corpus.document(doc.id).text;
      assert.match(text, /The quotations come from “wire reports” of the day\./);
      assert.match(text, /A second paragraph\./);
    });
  });

  test('several files load into one corpus, in order', () => {
    withCorpus(() => Corpus.load([fixture('two-articles.txt'), fixture('records.jsonl')]), (corpus) => {
      const docs = corpus.documents();
      assert.equal(docs.length, 4);
      assert.equal(corpus.stats().documents, 4);
      assert.ok(docs.some((d) => d.id === 'a1') && docs.some((d) => d.id === 'a2'));
    });
  });

  test('a blank line in JSON Lines is not a record and not a warning', () => {
    const content = '{"id": "x1", "text": "One."}\n\n{"id": "x2", "text": "Two."}\n\n';
    withCorpus(() => Corpus.load([{ name: 'gaps.jsonl', content }]), (corpus) => {
      assert.deepEqual(corpus.documents().map((d) => d.id), ['x1', 'x2']);
      assert.deepEqual(corpus.warnings(), []);
    });
  });

  test('the file extension decides the format, whatever its case', () => {
    withCorpus(() => Corpus.load([{ ...fixture('records.jsonl'), name: 'RECORDS.JSONL' }]), (corpus) => {
      assert.equal(corpus.documents().length, 2);
    });
  });
});

describe('Corpus.fromDocuments', () => {
  const docs = [
    { id: 'd1', title: 'One', text: 'First text. Second sentence.', date: '1862-12-01', author: 'A. Lincoln', pages: 12 },
    { text: 'No id, no title.' },
  ];

  test('keeps the known fields and puts the others in metadata', () => {
    withCorpus(() => Corpus.fromDocuments(docs), (corpus) => {
      const [first, second] = corpus.documents();
      assert.equal(corpus.documents().length, 2);
      assert.equal(first.id, 'd1');
      assert.equal(first.title, 'One');
      assert.equal(first.date, '1862-12-01');
      assert.equal(first.dateSource, 'metadata');
      assert.equal(first.year, 1862);
      assert.deepEqual(first.metadata, { author: 'A. Lincoln', pages: 12 });
      assert.equal(first.sentences, 2);
      assert.equal(typeof second.id, 'string');
      assert.notEqual(second.id, first.id);
      assert.equal(second.date, null);
      assert.equal(second.publication, null);
    });
  });

  test('accepts the options object', () => {
    withCorpus(() => Corpus.fromDocuments(docs, { skipInvalid: false }), (corpus) => {
      assert.equal(corpus.documents().length, 2);
    });
  });
});

describe('files given as bytes', () => {
  const encode = (text) => new TextEncoder().encode(text);

  test('UTF-8, with or without a byte-order mark, and UTF-16 with one, load as their text', () => {
    const utf16le = Uint8Array.from([0xff, 0xfe, ...[...'Putin\u2019s visit.'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const files = [
      { name: 'a.txt', bytes: encode('Putin\u2019s \u201chistoric\u201d visit.') },
      { name: 'b.txt', bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...encode('Mori in Tokyo.')]) },
      { name: 'c.txt', bytes: utf16le },
      { name: 'd.txt', content: 'Text as a string still loads.' },
    ];
    withCorpus(() => Corpus.load(files), (corpus) => {
      const texts = corpus.documents().map((d) => corpus.document(d.id).text);
      assert.deepEqual(texts, ['Putin\u2019s \u201chistoric\u201d visit.', 'Mori in Tokyo.', 'Putin\u2019s visit.', 'Text as a string still loads.']);
      assert.deepEqual(corpus.sources().map((s) => [s.name, s.encoding]), [['a.txt', 'UTF-8'], ['b.txt', 'UTF-8'], ['c.txt', 'UTF-16LE'], ['d.txt', null]]);
    });
  });

  // Windows-1252 and other encodings: readers.test.mjs.
  test('UTF-16 with a broken surrogate is refused with the file and the offset, or skipped with a warning', () => {
    const files = [
      { name: 'good.txt', bytes: encode('Fine text.') },
      { name: 'utf16.txt', bytes: Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xdc]) },
    ];
    assert.throws(() => Corpus.load(files), {
      kind: 'not-text',
      message: 'utf16.txt: it is not UTF-16LE text (the bytes from offset 4 are not valid UTF-16LE); save it as UTF-8 and load it again',
    });
    withCorpus(() => Corpus.load(files, { skipInvalid: true }), (corpus) => {
      assert.equal(corpus.documents().length, 1);
      assert.deepEqual(corpus.warnings().map(({ file, line }) => ({ file, line })), [{ file: 'utf16.txt', line: 0 }]);
    });
  });

  test('a file without a string name is named by its number', () => {
    assert.throws(() => Corpus.load([{ name: 'a.txt', content: 'A.' }, /** @type {any} */ ({ bytes: encode('B.') })]), {
      message: 'load expects {name, content} or {name, bytes} files: file 2 has no "name"',
    });
  });

  test('files too large for the memory the engine can have are refused before any is copied in, and the open corpus stays usable', () => {
    withCorpus(() => Corpus.load([{ name: 'a.txt', content: 'Putin met Mori in Tokyo.' }]), (open) => {
      // Zeros, never written to (the pages stay untouched). 1.8 GB of JSON Lines
      // would need about 2.5 times that, past the 4 GB a wasm32 module can
      // address; a text file, which may be one long document, 3.5 times.
      const tooLarge = (name, size, needed) => assert.throws(() => Corpus.load([{ name, bytes: new Uint8Array(size) }]), {
        kind: 'too-large',
        message: new RegExp(`^the files are too large to load here: ${size / 1e6} MB of files need about ${needed} MB of memory while they load, and the browser gives this page no more \\(it holds \\d+ MB already\\); load fewer or smaller files$`),
      });
      tooLarge('huge.jsonl', 1.8e9, 4500);
      tooLarge('huge.txt', 1.3e9, 4550);
      assert.equal(open.search('mori').total, 1);
      withCorpus(() => Corpus.load([{ name: 'b.txt', content: 'Mori went to Moscow.' }]), (next) => assert.equal(next.search('moscow').total, 1));
    });
  });
});

describe('fields and dates as exports write them', () => {
  const csv = 'headline,body,published,byline\n'
    + 'Talks resume,Putin met Koizumi.,2005-03-03T10:00:00Z,A. Writer\n'
    + 'Second round,Lavrov spoke.,"Thu, 10 Mar 2005 09:30:00 +0900",\n';

  test('the names exports use are recognised, and sources() says which gave what', () => {
    withCorpus(() => Corpus.load([{ name: 'export.csv', bytes: new TextEncoder().encode(csv) }]), (corpus) => {
      const docs = corpus.documents();
      assert.deepEqual(docs.map((d) => [d.title, d.date, d.metadata]), [
        ['Talks resume', '2005-03-03', { author: 'A. Writer', time: '10:00:00+00:00' }],
        ['Second round', '2005-03-10', { time: '09:30:00+09:00' }],
      ]);
      assert.equal(corpus.document(docs[0].id).text, 'Putin met Koizumi.');
      assert.deepEqual(corpus.sources(), [{
        name: 'export.csv', encoding: 'UTF-8', documents: 2, skipped: 0,
        fields: { text: ['body'], title: ['headline'], date: ['published'], author: ['byline'] },
      }]);
    });
  });

  test('the fields option names a field, and dateOrder reads numeric dates', () => {
    const odd = 'summary,when\nThe summary.,03/04/2005\n';
    assert.throws(() => Corpus.load([{ name: 'odd.csv', content: odd }]), {
      kind: 'missing-text-column',
      message: 'odd.csv line 1: no "text" column (nor "body", "content", "article", "full_text" or "story"; the fields option can name another); the header has "summary", "when"',
    });
    assert.throws(() => Corpus.load([{ name: 'odd.csv', content: odd }], { fields: { text: 'summary', date: 'when' } }), {
      kind: 'invalid-record',
      message: 'odd.csv line 2: the "when" field "03/04/2005" could be day first or month first: set the dateOrder option ("dmy" for 3 April, "mdy" for March 4, or "ymd")',
    });
    withCorpus(() => Corpus.load([{ name: 'odd.csv', content: odd }], { fields: { text: 'summary', date: 'when' }, dateOrder: 'mdy' }), (corpus) => {
      assert.equal(corpus.documents()[0].date, '2005-03-04');
    });
  });

  test('a misspelt field role or date order is refused, naming it', () => {
    const files = [{ name: 'a.txt', content: 'Text.' }];
    // The declarations refuse both too: these are a plain JavaScript caller's mistakes.
    assert.throws(() => Corpus.load(files, /** @type {any} */ ({ fields: { txt: 'body' } })), {
      message: 'the option fields: unknown option `txt`, expected one of `text`, `title`, `date`, `publication`, `author`',
    });
    assert.throws(() => Corpus.load(files, /** @type {any} */ ({ dateOrder: 'dym' })), { message: 'the option dateOrder: unknown variant `dym`, expected one of `dmy`, `mdy`, `ymd`' });
  });
});
