// The network's colours by community and its legend (issue 15).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { COMMUNITY_COLOURS, communityColours, legendEntries } from '../../www/js/views/network/network-colours.js';

const node = (id, community, count = 1, type = 'person') => ({ id, name: id, community, count, type });

test('without a memory, communities take colours by size, the rest share grey', () => {
  const nodes = [node('a', 0), node('b', 0), node('c', 0), node('d', 1), node('e', 1), node('f', 2)];
  for (let c = 3; c < COMMUNITY_COLOURS + 2; c++) nodes.push(node(`x${c}`, c));
  const { slots, memory } = communityColours(nodes);
  assert.deepEqual([0, 1, 2].map((c) => slots.get(c)), ['0', '1', '2']);
  assert.equal(new Set([...slots.values()].filter((s) => s !== 'other')).size, COMMUNITY_COLOURS);
  assert.equal(slots.get(COMMUNITY_COLOURS + 1), 'other');
  assert.equal(memory.get('d'), '1');
});

test('a community keeps its colour when the engine renumbers it', () => {
  const first = communityColours([node('putin', 0, 10), node('abe', 0, 8), node('japan', 1, 9), node('tokyo', 1, 2)]);
  assert.equal(first.slots.get(0), '0');
  // More nodes: a new, larger community comes first, and the old ones move down.
  const second = communityColours([
    node('x', 0, 1), node('y', 0, 1), node('z', 0, 1),
    node('putin', 1, 10), node('abe', 1, 8),
    node('japan', 2, 9), node('tokyo', 2, 2),
  ], first.memory);
  assert.equal(second.slots.get(1), '0', 'the Putin community keeps its colour');
  assert.equal(second.slots.get(2), '1', 'the Japan community keeps its colour');
  assert.equal(second.slots.get(0), '2', 'the new community takes a free colour');
  // Back to the first settings: the same colours as the first time.
  const third = communityColours([node('putin', 0, 10), node('abe', 0, 8), node('japan', 1, 9), node('tokyo', 1, 2)], second.memory);
  assert.deepEqual(third.slots, first.slots);
});

test('two communities claiming one colour: the heavier claim wins, the other takes a free one', () => {
  const { memory } = communityColours([node('putin', 0, 10), node('abe', 0, 3)]);
  const split = communityColours([node('putin', 0, 10), node('abe', 1, 3)], memory);
  assert.equal(split.slots.get(0), '0');
  assert.equal(split.slots.get(1), '1');
});

test('the legend names each coloured community by its most mentioned members, the grey rest last', () => {
  const nodes = [node('Putin', 0, 10), node('Abe', 0, 8), node('Mori', 0, 1), node('Japan', 1, 9), node('Lone', 2, 1)];
  const slots = new Map([[0, '3'], [1, '0'], [2, 'other']]);
  assert.deepEqual(legendEntries(nodes, 'community', slots), [
    { key: '3', community: 0, count: 3, names: ['Putin', 'Abe'] },
    { key: '0', community: 1, count: 1, names: ['Japan'] },
    { key: 'other', community: null, count: 1, names: ['Lone'] },
  ]);
});

test('by type, the legend lists the types drawn, most nodes first', () => {
  const nodes = [node('Putin', 0, 1, 'person'), node('Japan', 0, 1, 'place'), node('Tokyo', 0, 1, 'place')];
  assert.deepEqual(legendEntries(nodes, 'type', new Map()), [
    { key: 'place', type: 'place', count: 2 },
    { key: 'person', type: 'person', count: 1 },
  ]);
});
