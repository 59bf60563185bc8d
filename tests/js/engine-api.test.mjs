// What the engine hands the front end ready-made: search facets over every
// match, structured errors, and the list of association measures.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Corpus, measures, withCorpus } from './helpers.mjs';

/**
 * The error `fn` throws; fails if it throws none or a non-Error.
 * @returns {import('../../pkg-node/corpus_lens.js').CorpusError}
 */
function thrown(fn) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Error && 'kind' in error, 'an Error with its kind is thrown');
    return /** @type {import('../../pkg-node/corpus_lens.js').CorpusError} */ (error);
  }
  throw new Error('expected an error, but none was thrown');
}

/** Counts by hand what facets count: over an unlimited search's documents. */
function countByHand(corpus, query, unit) {
  const all = corpus.search(query, { unit, limit: 10000, snippetLength: 0 });
  const ids = [...new Set(all.hits.map((hit) => hit.docId))];
  const byId = new Map(corpus.documents().map((d) => [d.id, d]));
  const tally = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  const publication = new Map();
  const year = new Map();
  const entities = {};
  for (const id of ids) {
    const doc = byId.get(id);
    if (doc.publication) tally(publication, doc.publication);
    if (doc.year != null) tally(year, doc.year);
    const mentioned = new Map(corpus.annotate(id).map((a) => [a.entityId, a.type]));
    for (const [entityId, type] of mentioned) tally((entities[type] ??= new Map()), entityId);
  }
  return { documents: ids.length, publication, year, entities };
}

const asMap = (list, key = 'value') => new Map(list.map((item) => [item[key], item.count]));

describe('search facets', () => {
  for (const [query, unit] of [['treaty', 'document'], ['putin OR koizumi', 'sentence'], ['year:2005', 'paragraph']]) {
    test(`count every match of ${query} by ${unit}, not the page`, () => withCorpus(Corpus.embedded, (corpus) => {
      const results = corpus.search(query, { unit, limit: 1, facets: { entities: 1000, types: ['person', 'place'] } });
      assert.equal(results.hits.length, 1);
      const { facets } = results;
      const expected = countByHand(corpus, query, unit);
      assert.equal(facets.documents, expected.documents);
      assert.deepEqual(asMap(facets.publication), expected.publication);
      assert.deepEqual(asMap(facets.year), expected.year);
      assert.deepEqual(Object.keys(facets.entities), ['person', 'place']);
      for (const type of ['person', 'place']) {
        assert.deepEqual(asMap(facets.entities[type], 'id'), expected.entities[type] ?? new Map(), type);
      }
      const years = facets.year.map((y) => y.value);
      assert.deepEqual(years, [...years].sort((a, b) => a - b), 'years ascending');
      const counts = facets.publication.map((p) => p.count);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'publications by count');
      assert.deepEqual(structuredClone(facets), facets, 'plain data');
    }));
  }

  test('true gives ten entities of each filterable type; absent gives none', () => withCorpus(Corpus.embedded, (corpus) => {
    const { facets } = corpus.search('japan', { facets: true });
    assert.deepEqual(Object.keys(facets.entities), ['person', 'place', 'organization', 'media', 'nationality', 'event']);
    for (const list of Object.values(facets.entities)) assert.ok(list.length <= 10);
    assert.deepEqual(Object.keys(facets.entities.person[0]), ['id', 'name', 'type', 'count']);
    assert.equal('facets' in corpus.search('japan'), false);
    assert.equal('facets' in corpus.search('japan', { facets: false }), false);
  }));

  test('a bad facets option throws, naming it', () => withCorpus(Corpus.embedded, (corpus) => {
    const error = thrown(() => corpus.search('japan', { facets: { entities: -1 } }));
    assert.match(error.message, /facets/);
    assert.equal(error.kind, 'invalid-argument');
    const misspelt = thrown(() => corpus.search('japan', { facets: { entites: 3 } }));
    assert.equal(misspelt.message, 'the option facets: unknown option `entites`, expected one of `entities`, `types`, `metadata`');
    const top = thrown(() => corpus.search('japan', { facet: true }));
    assert.match(top.message, /^unknown option `facet`, expected one of/);
  }));
});

describe('structured errors', () => {
  test('a query error has its kind and its position in UTF-16 code units', () => withCorpus(Corpus.embedded, (corpus) => {
    const query = 'Mori’s “peace';
    const error = thrown(() => corpus.search(query));
    assert.equal(error.message, 'invalid query: unclosed quote at position 7');
    assert.equal(error.kind, 'invalid-query');
    assert.equal(error.position, 7);
    assert.equal(query.slice(error.position), '“peace');
    const emoji = thrown(() => corpus.kwic('𝔭utin AND'));
    assert.equal(emoji.position, 7);
    assert.equal('𝔭utin AND'.slice(emoji.position), 'AND');
  }));

  test('every thrown error has a kind; loading errors name file and line', () => {
    const load = thrown(() => Corpus.load([{ name: 'bad.jsonl', content: '{"text": "a"}\n{oops\n' }]));
    assert.deepEqual([load.kind, load.file, load.line, load.position], ['syntax', 'bad.jsonl', 2, undefined]);
    const record = thrown(() => Corpus.fromDocuments([{ text: 'a' }, { title: 'no text' }]));
    assert.deepEqual([record.kind, record.file, record.line], ['missing-text', 'documents', 2]);
    const field = thrown(() => Corpus.fromDocuments([{ text: 'a', date: 'someday' }]));
    assert.deepEqual([field.kind, field.file, field.line], ['invalid-record', 'documents', 1]);
    withCorpus(Corpus.embedded, (corpus) => {
      assert.equal(thrown(() => corpus.document('nope')).kind, 'unknown-document');
      assert.equal(thrown(() => corpus.search('putin', { limt: 3 })).kind, 'invalid-argument');
      assert.equal(thrown(() => corpus.entity(42)).kind, 'invalid-argument');
      assert.equal(thrown(() => corpus.exportNetwork('png')).kind, 'invalid-argument');
    });
  });
});

describe('measures()', () => {
  test('lists every measure the options take, with labels, once', () => withCorpus(Corpus.embedded, (corpus) => {
    const list = measures();
    assert.deepEqual(list[0], { id: 'count', label: 'count' });
    assert.deepEqual(list.find((m) => m.id === 'logdice'), { id: 'logdice', label: 'logDice' });
    assert.equal(new Set(list.map((m) => m.id)).size, 9);
    for (const { id } of list) {
      assert.equal(corpus.cooccurrence({ measure: id, limit: 1 }).measure, id);
    }
  }));
});
