// The timeline's query box splits its queries at semicolons outside quotes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { queryLines } from '../../www/js/views/timeline/query-lines.js';

test('queries split at semicolons, blank ones dropped, a quoted semicolon kept', () => {
  assert.deepEqual(queryLines('"peace treaty"; kuril* ;; '), ['"peace treaty"', 'kuril*']);
  assert.deepEqual(queryLines('"a; b"; c'), ['"a; b"', 'c']);
  assert.deepEqual(queryLines('  '), []);
  assert.deepEqual(queryLines('putin'), ['putin']);
  // An unclosed quote keeps the rest as one query, for the engine to name the error.
  assert.deepEqual(queryLines('x; "y; z'), ['x', '"y; z']);
});
