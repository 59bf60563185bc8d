// The embedded corpus, through the Node build: its header fields, and its
// paragraph and sentence spans measured against the seed files themselves.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import { Corpus, seedFiles, spanTexts } from './helpers.mjs';

// What each seed's header line says, and the year it implies
// (Monitor volume N is 1994 + N; Eurasia Daily Monitor volume N is 2003 + N).
const SEED_HEADERS = [
  { publication: 'Monitor', volume: 6, issue: 74, year: 2000, title: 'Monitor 6:74 (2000)' },
  { publication: 'Monitor', volume: 7, issue: 14, year: 2001, title: 'Monitor 7:14 (2001)' },
  { publication: 'Monitor', volume: 5, issue: 66, year: 1999, title: 'Monitor 5:66 (1999)' },
  { publication: 'Eurasia Daily Monitor', volume: 2, issue: 217, year: 2005, title: 'Eurasia Daily Monitor 2:217 (2005)' },
  { publication: 'Eurasia Daily Monitor', volume: 1, issue: 139, year: 2004, title: 'Eurasia Daily Monitor 1:139 (2004)' },
];

const corpus = Corpus.embedded();
after(() => corpus.free());

const documents = corpus.documents();
const details = documents.map((doc) => corpus.document(doc.id));

/** The embedded document with a seed's publication, volume and issue. */
function findSeed({ publication, volume, issue }) {
  const found = documents.filter((d) => d.publication === publication && d.volume === volume && d.issue === issue);
  assert.equal(found.length, 1, `one document for ${publication} ${volume}:${issue}`);
  return corpus.document(found[0].id);
}

/** The paragraphs of a seed file: blank-line separated, after the header line. */
function seedParagraphs(content) {
  const [header, ...paragraphs] = content.split(/\n\s*\n/).map((p) => p.trim());
  assert.match(header, /^Publication: /);
  return paragraphs.filter((p) => p !== '');
}

describe('Corpus.embedded()', () => {
  test('holds the five seed articles', () => {
    assert.equal(documents.length, 5);
    assert.equal(seedFiles().length, 5);
    assert.deepEqual(
      documents.map((d) => d.year).sort(),
      [1999, 2000, 2001, 2004, 2005],
    );
  });

  for (const header of SEED_HEADERS) {
    test(`reads the header of ${header.title}`, () => {
      const doc = findSeed(header);
      assert.equal(doc.year, header.year);
      assert.equal(doc.title, header.title);
      assert.equal(doc.dateSource, 'citations');
    });
  }

  test('every document lists the same fields, with null for what is missing', () => {
    const fields = ['id', 'title', 'publication', 'volume', 'issue', 'date', 'dateSource', 'year',
      'chars', 'words', 'sentences', 'paragraphs', 'metadata'];
    for (const doc of documents) {
      for (const field of fields) assert.notEqual(doc[field], undefined, `${doc.id}.${field}`);
      assert.equal(typeof doc.id, 'string');
      assert.ok(doc.words > 0 && doc.sentences > 0 && doc.paragraphs > 0 && doc.chars > 0, doc.id);
    }
  });

  test('stats() adds up the documents', () => {
    const stats = corpus.stats();
    const sum = (key) => documents.reduce((total, doc) => total + doc[key], 0);
    assert.equal(stats.documents, 5);
    for (const key of ['paragraphs', 'sentences', 'words', 'chars']) assert.equal(stats[key], sum(key), key);
    assert.ok(stats.vocabulary > 0 && stats.vocabulary < stats.words, 'vocabulary');
  });

  test('document(id) agrees with documents() on every shared field', () => {
    for (const [i, doc] of documents.entries()) {
      const detail = details[i];
      const { text, sentences, paragraphs, ...rest } = detail;
      assert.deepEqual({ ...rest, sentences: sentences.length, paragraphs: paragraphs.length }, doc);
    }
  });

  test('has no warnings', () => {
    assert.deepEqual(corpus.warnings(), []);
  });
});

describe('seed spans', () => {
  test('paragraphs are the seed file’s paragraphs, without the header line', () => {
    for (const { file, content } of seedFiles()) {
      const header = SEED_HEADERS.find((h) => content.startsWith(`Publication: ${h.publication} Volume: ${h.volume} Issue: ${h.issue}\n`));
      assert.ok(header, `${file} has a known header`);
      assert.deepEqual(spanTexts(findSeed(header), 'paragraphs'), seedParagraphs(content), file);
    }
  });

  test('every sentence and paragraph is non-empty and trimmed', () => {
    for (const doc of details) {
      for (const kind of ['sentences', 'paragraphs']) {
        for (const text of spanTexts(doc, kind)) {
          assert.notEqual(text, '', `${doc.id}: empty ${kind}`);
          assert.equal(text, text.trim(), `${doc.id}: untrimmed ${kind}: ${JSON.stringify(text)}`);
        }
      }
    }
  });

  test('sentences tile each paragraph in order', () => {
    for (const doc of details) assertSentencesTileParagraphs(doc);
  });

  test('a sentence with ’ round-trips exactly', () => {
    assertHasSentence(SEED_HEADERS[0], 'The visit will be Mori’s first as prime minister.');
  });

  test('a sentence with – “ ” round-trips exactly', () => {
    assertHasSentence(
      SEED_HEADERS[2],
      'The failure led the two sides to postpone–until “sometime in May”–a visit to Moscow by Japanese Foreign '
        + 'Minister Masahiko Komura which had originally been scheduled for later this month.',
    );
  });

  test('a closing quotation mark after a full stop stays with its sentence', () => {
    // Seed 003: …had entered a “new era.” Japan aims to solving…
    assertHasSentence(
      SEED_HEADERS[3],
      'In an interview with the official Rossiiskaya gazeta daily, Japanese ambassador Nomura claimed that '
        + 'bilateral ties had entered a “new era.”',
    );
  });
});

function assertHasSentence(header, sentence) {
  const seed = seedFiles().find(({ content }) => content.includes(sentence));
  assert.ok(seed, 'the expected sentence is in a seed file verbatim');
  assert.ok(spanTexts(findSeed(header), 'sentences').includes(sentence), `no sentence is exactly ${JSON.stringify(sentence)}`);
}

/**
 * Each paragraph starts with its first sentence and ends with its last;
 * between sentences there is only whitespace; no sentence crosses a
 * paragraph boundary or lies outside every paragraph.
 */
function assertSentencesTileParagraphs(doc) {
  let next = 0;
  for (const [p, paragraph] of doc.paragraphs.entries()) {
    let position = paragraph.start;
    while (next < doc.sentences.length && doc.sentences[next].start < paragraph.end) {
      const sentence = doc.sentences[next];
      assert.ok(sentence.start >= position, `${doc.id}: sentence ${next} starts before the end of the one before it, or before paragraph ${p}`);
      assert.ok(sentence.end <= paragraph.end, `${doc.id}: sentence ${next} crosses the end of paragraph ${p}`);
      assert.match(doc.text.slice(position, sentence.start), /^\s*$/, `${doc.id}: text between sentences in paragraph ${p}`);
      if (position === paragraph.start) assert.equal(sentence.start, paragraph.start, `${doc.id}: paragraph ${p} start`);
      position = sentence.end;
      next += 1;
    }
    assert.equal(position, paragraph.end, `${doc.id}: paragraph ${p} does not end with a sentence`);
  }
  assert.equal(next, doc.sentences.length, `${doc.id}: sentences after the last paragraph`);
}
