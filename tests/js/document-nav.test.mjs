// The reader's "Open a document" box: which documents a typed title names (issue 15).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { documentsNamed, listedName } from '../../www/js/views/reader/document-nav.js';

const DOCUMENTS = [
  { id: '000_a', title: 'Monitor 6:74 (2000)' },
  { id: '001_b', title: 'Monitor 7:14 (2001)' },
  { id: 'untitled-note', title: null },
  { id: '003_d', title: 'Eurasia Daily Monitor 2:217 (2005)' },
];

test('a whole title or id in any case, or a part only one title holds, names one document', () => {
  assert.deepEqual(documentsNamed(DOCUMENTS, 'monitor 7:14 (2001)').map((d) => d.id), ['001_b']);
  assert.deepEqual(documentsNamed(DOCUMENTS, ' 003_D ').map((d) => d.id), ['003_d']);
  assert.deepEqual(documentsNamed(DOCUMENTS, '2:217').map((d) => d.id), ['003_d']);
  assert.deepEqual(documentsNamed(DOCUMENTS, 'untitled').map((d) => d.id), ['untitled-note']);
});

test('a part several titles hold names them all, and one none holds names none', () => {
  assert.equal(documentsNamed(DOCUMENTS, 'Monitor').length, 3);
  assert.deepEqual(documentsNamed(DOCUMENTS, 'Pravda'), []);
  assert.deepEqual(documentsNamed(DOCUMENTS, '  '), []);
});

test('a document without a title is listed by its id', () => {
  assert.equal(listedName(DOCUMENTS[2]), 'untitled-note');
  assert.equal(listedName(DOCUMENTS[0]), 'Monitor 6:74 (2000)');
});
