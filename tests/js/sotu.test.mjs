// The State of the Union corpus (249 addresses, 12 MB): a real user corpus,
// beside the repo in CI (../shared/data/sotu/sotu.jsonl) but not in a user's
// clone, where these tests are reported as skipped, with the reason.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { readSotu } from '../../bench/sotu-data.mjs';
import { Corpus, ROOT } from './helpers.mjs';

const data = readSotu(ROOT);
const skip = data ? false : 'the SOTU data is not beside the repo (npm run bench says how to get it)';

describe('the State of the Union corpus', { skip }, () => {
  let corpus;
  let records;

  before(() => {
    corpus = Corpus.load([{ name: 'sotu.jsonl', content: data.content }]);
    records = data.content.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  });

  after(() => corpus?.free());

  test('loads every address through Corpus.load and Corpus.fromDocuments alike', () => {
    assert.equal(corpus.stats().documents, 249);
    const fromRecords = Corpus.fromDocuments(records);
    try {
      assert.deepEqual(fromRecords.stats(), corpus.stats());
      assert.deepEqual(fromRecords.documents().map((d) => d.id), records.map((r) => r.id));
    } finally {
      fromRecords.free();
    }
    const first = corpus.documents()[0];
    assert.equal(first.date, '1790-01-08');
    assert.deepEqual(first.metadata, { author: 'George Washington', party: 'Nonpartisan' });
  });

  test('a metadata field filters: author:Lincoln finds only Lincoln’s addresses', () => {
    const results = corpus.search('author:Lincoln', { limit: 100, snippetLength: 0 });
    const lincoln = records.filter((r) => r.author.includes('Lincoln')).map((r) => r.id);
    assert.deepEqual(results.hits.map((h) => h.docId).sort(), lincoln.sort());
    assert.equal(corpus.search('author:Lincoln emancipation', { limit: 5 }).hits[0].docId.startsWith('186'), true);
  });

  test('year ranges and phrases select what MiniSearch cannot', () => {
    const phrase = corpus.search('"soviet union" year:1940..1949', { limit: 100, snippetLength: 0 });
    assert.ok(phrase.total > 0);
    const years = phrase.hits.map((h) => Number(h.docId.slice(0, 4)));
    assert.ok(years.every((y) => y >= 1940 && y <= 1949), years.join(' '));
    assert.equal(corpus.search('"union soviet"', { snippetLength: 0 }).total, 0);
  });

  test('a prefix with thousands of forms is capped and says so', () => {
    const results = corpus.search('a*', { limit: 10 });
    const [expansion] = results.expansions;
    assert.equal(expansion.truncated, true);
    assert.equal(expansion.forms.length, 256);
    assert.ok(expansion.matched > 256);
    assert.ok(results.total > 200);
  });

  test('fuzzy words find misspellings across the dictionary', () => {
    const results = corpus.search('constitusion~2', { limit: 3 });
    assert.ok(results.expansions[0].forms.includes('constitution'));
    assert.ok(results.total > 150);
  });
});
