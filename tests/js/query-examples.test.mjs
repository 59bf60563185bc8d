// The search box's examples come from the open corpus.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { placeholderText, queryExamples } from '../../www/js/widgets/query-examples.js';
import { Corpus } from './helpers.mjs';

test('the examples are the own words, person and years of the corpus', () => {
  const corpus = Corpus.load([{
    name: 'addresses.jsonl',
    content: [
      { date: '1861-12-03', text: 'The Union and the Constitution. Abraham Lincoln spoke of the Union, the railroad and the Constitution.' },
      { date: '1901-12-03', text: 'The railroad and the Union. Abraham Lincoln was remembered; the railroad grew.' },
    ].map((r) => JSON.stringify(r)).join('\n'),
  }]);
  const examples = queryExamples(corpus.terms({ limit: 50 }), corpus.entities({ types: ['person'], limit: 5 }), corpus.documents().map((d) => d.year));
  assert.deepEqual(examples, {
    both: 'railroad union',
    either: 'railroad OR abraham',
    phrase: '"abraham lincoln"',
    prefix: 'railr*',
    fuzzy: 'abraham~1',
    years: 'year:1861..1901',
    person: 'Abraham Lincoln',
  });
  assert.equal(placeholderText(examples), 'e.g. "abraham lincoln" railroad, railr*, abraham~1, year:1861..1901');
  // Each finds something in the corpus it came from.
  const { person, ...queries } = examples;
  for (const query of Object.values(queries)) assert.ok(corpus.search(query).total > 0, query);
  corpus.free();
});

test('too few words give no examples; no person, no years: the words alone', () => {
  assert.equal(queryExamples([{ term: 'one' }, { term: 'two' }], [], []), null);
  const words = ['alpha', 'beta', 'gamma'].map((term) => ({ term }));
  assert.deepEqual(queryExamples(words, [{ name: 'Plato' }], [null]), {
    both: 'alpha beta', either: 'alpha OR gamma', phrase: '"alpha beta"', prefix: 'alp*', fuzzy: 'beta~1', years: null, person: 'Plato',
  });
});
