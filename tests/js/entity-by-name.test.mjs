// The timeline's "Add an entity" box: what a typed name finds, and the
// nearest names offered when it finds nothing (issue 15).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { entityNamed, nearestEntities } from '../../www/js/views/timeline/entity-by-name.js';

const ENTITIES = [
  { id: 'place:japan', name: 'Japan', type: 'place', aliases: [] },
  { id: 'place:kuril-islands', name: 'Kuril Islands', type: 'place', aliases: ['Northern Territories', 'Kurils'] },
  { id: 'person:vladimir-putin', name: 'Vladimir Putin', type: 'person', aliases: ['Putin'] },
  { id: 'organization:japan', name: 'Japan', type: 'organization', aliases: [] },
];

test('a list label, a name or an alias finds its entity, in any case and spacing', () => {
  assert.equal(entityNamed(ENTITIES, 'Kuril Islands (place)')?.id, 'place:kuril-islands');
  assert.equal(entityNamed(ENTITIES, 'Kuril Islands')?.id, 'place:kuril-islands');
  assert.equal(entityNamed(ENTITIES, '  kuril   islands ')?.id, 'place:kuril-islands');
  assert.equal(entityNamed(ENTITIES, 'northern territories')?.id, 'place:kuril-islands');
  assert.equal(entityNamed(ENTITIES, 'Putin')?.id, 'person:vladimir-putin');
  // A name two entities share: the list's first, the most mentioned; the label tells them apart.
  assert.equal(entityNamed(ENTITIES, 'Japan')?.id, 'place:japan');
  assert.equal(entityNamed(ENTITIES, 'Japan (organization)')?.id, 'organization:japan');
  assert.equal(entityNamed(ENTITIES, 'Kuril'), undefined);
  assert.equal(entityNamed(ENTITIES, '   '), undefined);
});

test('nothing found: the names holding the words, then those a few edits away, are offered', () => {
  assert.deepEqual(nearestEntities(ENTITIES, 'kuril').map((e) => e.id), ['place:kuril-islands']);
  assert.deepEqual(nearestEntities(ENTITIES, 'Kurill Islands').map((e) => e.id), ['place:kuril-islands']);
  assert.deepEqual(nearestEntities(ENTITIES, 'Vladimir Puttin').map((e) => e.id), ['person:vladimir-putin']);
  assert.deepEqual(nearestEntities(ENTITIES, 'Gorbachev'), []);
});
