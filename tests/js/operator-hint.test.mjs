// The search view's hint for a lower-case "or" or "not" (issue 24).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { operatorSuggestion } from '../../www/js/views/search/operator-hint.js';

test('a lower-case or between terms, or not before one, is offered in capitals', () => {
  assert.deepEqual(operatorSuggestion('japan or china'), { query: 'japan OR china', words: ['or'] });
  assert.deepEqual(operatorSuggestion('putin not koizumi'), { query: 'putin NOT koizumi', words: ['not'] });
  assert.deepEqual(operatorSuggestion('not koizumi'), { query: 'NOT koizumi', words: ['not'] });
  assert.deepEqual(operatorSuggestion('a or b or  "c d"'), { query: 'a OR b OR  "c d"', words: ['or'] });
});

test('in quotes, at the ends, in capitals or inside a word, nothing is offered', () => {
  assert.equal(operatorSuggestion('"war or peace"'), null);
  assert.equal(operatorSuggestion('japan or'), null);
  assert.equal(operatorSuggestion('or china'), null);
  assert.equal(operatorSuggestion('japan OR china'), null);
  assert.equal(operatorSuggestion('oregon ore'), null);
  assert.equal(operatorSuggestion('japan not'), null);
});
