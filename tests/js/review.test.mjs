// The review loop's data, on the Node build: the decisions of
// www/js/views/entities/review-decisions.js and the shared file of
// alias-file.js, put in force with `corpus.setAliases` and read back through
// `corpus.aliases()`, with the engine's word on a bad table. The panel
// itself runs in Chromium (tests/e2e/review.test.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Corpus, withCorpus } from './helpers.mjs';
import { aliasFileText, readAliasFile } from '../../www/js/views/entities/alias-file.js';
import {
  accept, isReviewed, mergeEntity, mergeSuggestions, notAnEntity, retype, wholeTable,
} from '../../www/js/views/entities/review-decisions.js';

const byName = (corpus, name) => corpus.entities({}).find((e) => e.name === name);

describe('review decisions in the engine', () => {
  test('each decision changes what every call returns', () => withCorpus(() => Corpus.embedded(), (corpus) => {
    const kono = byName(corpus, 'Yohei Kono');
    const kremlin = byName(corpus, 'Kremlin');
    let table = accept(corpus.aliases(), byName(corpus, 'Vladimir Putin'));
    table = notAnEntity(table, kono);
    table = retype(table, kremlin, 'place');
    corpus.setAliases(table);
    assert.deepEqual(corpus.aliases(), wholeTable(table), 'read back as set');
    assert.equal(byName(corpus, 'Yohei Kono'), undefined);
    assert.equal(corpus.search('person:kono').total, 0);
    assert.equal(corpus.entity('organization:kremlin').id, 'place:kremlin', 'the former id still finds it');
    assert.ok(isReviewed(corpus.aliases(), { name: 'Kremlin', type: 'place' }), 'a retyped entity is reviewed under its new type');
    // Changing it back removes the override rather than adding another.
    const back = retype(corpus.aliases(), byName(corpus, 'Kremlin'), 'organization');
    assert.deepEqual(back.types, []);
    // Annotations keep UTF-16 offsets: each slices its own text from the document.
    for (const { id } of corpus.documents()) {
      const { text } = corpus.document(id);
      for (const a of corpus.annotate(id)) assert.equal(text.slice(a.start, a.end), a.text);
    }
  }));

  test('a merge joins two entities and a suggestion finds the longer name', () => withCorpus(() => Corpus.embedded(), (corpus) => {
    const people = corpus.entities({ types: ['person'] });
    const putin = people.find((e) => e.name === 'Vladimir Putin');
    assert.deepEqual(mergeSuggestions(people, { ...putin, id: 'x', name: 'Putin' }).map((e) => e.name)[0], 'Vladimir Putin');
    const mori = people.find((e) => e.name === 'Yoshiro Mori');
    corpus.setAliases(mergeEntity(corpus.aliases(), mori, putin));
    assert.equal(byName(corpus, 'Yoshiro Mori'), undefined);
    // The bare "Mori" goes with the full name, not only "Yoshiro Mori" itself.
    const merged = byName(corpus, 'Vladimir Putin');
    assert.ok(merged.aliases.includes('Mori'));
    assert.ok(merged.count > putin.count + 2, `${merged.count} mentions`);
  }));

  test('a bad decision throws naming its list and item, and keeps the table', () => withCorpus(() => Corpus.embedded(), (corpus) => {
    const kept = corpus.aliases();
    assert.throws(() => corpus.setAliases({ notEntities: [{ name: ' ', type: 'person' }] }), { message: 'alias table non-entity 1: the name is empty', kind: 'invalid-argument' });
    assert.throws(() => corpus.setAliases({ types: [{ name: 'West', from: 'person', to: 'planet' }] }), /^Error: alias table type override 1 \(to\): unknown variant `planet`/);
    assert.deepEqual(corpus.aliases(), kept);
  }));
});

describe('the alias table file', () => {
  test('written and read back, it is the same table', () => withCorpus(() => Corpus.embedded(), (corpus) => {
    const table = notAnEntity(corpus.aliases(), { name: 'West', type: 'person' });
    const text = aliasFileText(table, { corpus: 'sotu', exported: '2026-01-01T00:00:00.000Z' });
    assert.match(text, /^\{\n  "format": "corpus-lens alias table",\n  "version": 1,/);
    const read = readAliasFile(text, 'team.json');
    corpus.setAliases(read);
    assert.deepEqual(corpus.aliases(), wholeTable(table));
  }));

  test('a malformed file is refused naming the file and what is wrong', () => {
    assert.throws(() => readAliasFile('{"format": "corpus-lens alias table",', 'a.json'), /^Error: a\.json is not JSON: /);
    assert.throws(() => readAliasFile('{"entries": []}', 'b.json'), { message: 'b.json is not an alias table file: it has no "format" field, expected "corpus-lens alias table"' });
    assert.throws(() => readAliasFile('{"format": "corpus-lens alias table", "version": 2}', 'c.json'), /c\.json is an alias table file of version 2/);
    assert.throws(() => readAliasFile('{"format": "corpus-lens alias table", "version": 1, "types": {}}', 'd.json'), { message: 'd.json: "types" must be an array, got object' });
    assert.throws(() => readAliasFile('"text"', 'e.json'), { message: 'e.json is not an alias table file: it holds a string, not an object' });
    // An older file, a bare array of entries, still reads.
    assert.deepEqual(readAliasFile('[{"name": "A", "type": "place", "aliases": ["B"]}]').entries, [{ name: 'A', type: 'place', aliases: ['B'] }]);
  });
});
