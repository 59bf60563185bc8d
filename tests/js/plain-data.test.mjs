// Results are plain data: they survive structuredClone (postMessage to a
// worker) and a JSON round trip unchanged, so no Map, undefined or class
// instance leaks out of the bindings.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Corpus, fixture, wasmMemoryBytes, withCorpus } from './helpers.mjs';

function assertPlain(value, what) {
  assert.deepStrictEqual(structuredClone(value), value, `${what}: structuredClone`);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(value)), value, `${what}: JSON`);
}

describe('results are plain data', () => {
  test('of the embedded corpus', () => {
    withCorpus(() => Corpus.embedded(), (corpus) => {
      const documents = corpus.documents();
      assertPlain(documents, 'documents()');
      assertPlain(corpus.document(documents[0].id), 'document(id)');
      assertPlain(corpus.stats(), 'stats()');
      assertPlain(corpus.warnings(), 'warnings()');
    });
  });

  test('of a loaded corpus, metadata and warnings included', () => {
    const bad = { name: 'bad.jsonl', content: '{"id": "z", "title": "no text"}\n' };
    withCorpus(() => Corpus.load([fixture('array.json'), bad], { skipInvalid: true }), (corpus) => {
      assert.equal(corpus.warnings().length, 1);
      assertPlain(corpus.documents(), 'documents()');
      assertPlain(corpus.document('a2'), 'document(id)');
      assertPlain(corpus.warnings(), 'warnings()');
    });
  });
});

test('wasmMemoryBytes() is the size of linear memory, in whole 64 KiB pages', () => {
  const bytes = wasmMemoryBytes();
  assert.equal(typeof bytes, 'number');
  assert.ok(bytes > 0 && bytes % 65536 === 0, String(bytes));
});
