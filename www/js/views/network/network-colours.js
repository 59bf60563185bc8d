// What a network node's colour means: its entity type (the default, the
// same colours as every other view) or its community, one at a time, with a
// legend that says which. Community colours are kept for the same entities
// from one drawing to the next: the engine numbers communities by size, so
// a change of settings that adds a community would otherwise hand every
// colour on to another group.

/** How many communities get a colour of their own; the rest share grey. */
export const COMMUNITY_COLOURS = 8;
export const COLOUR_MODES = [['type', 'Type'], ['community', 'Community']];

/**
 * Community number → colour slot ('0'…'7', or 'other'), for the nodes of a
 * network, and the memory to pass next time (entity id → slot).
 *
 * The largest communities (by nodes, then by number) get colours. Each
 * takes the slot its members held in `remembered`, weighted by mentions,
 * the strongest claims first; the communities left take the free slots in
 * order. Without a memory this is by size, largest first.
 *
 * @param {{id: string, count: number, community: number}[]} nodes
 * @param {Map<string, string>} remembered
 */
export function communityColours(nodes, remembered = new Map()) {
  const members = new Map();
  for (const node of nodes) {
    if (!members.has(node.community)) members.set(node.community, []);
    members.get(node.community).push(node);
  }
  const coloured = [...members].sort(([a, x], [b, y]) => y.length - x.length || a - b).slice(0, COMMUNITY_COLOURS).map(([c]) => c);
  const claims = [];
  for (const community of coloured) {
    const votes = new Map();
    for (const { id, count } of members.get(community)) {
      const slot = remembered.get(id);
      if (slot !== undefined && slot !== 'other') votes.set(slot, (votes.get(slot) ?? 0) + count);
    }
    for (const [slot, weight] of votes) claims.push({ community, slot, weight });
  }
  claims.sort((x, y) => y.weight - x.weight || coloured.indexOf(x.community) - coloured.indexOf(y.community) || Number(x.slot) - Number(y.slot));
  const slots = new Map();
  const taken = new Set();
  for (const { community, slot } of claims) {
    if (slots.has(community) || taken.has(slot)) continue;
    slots.set(community, slot);
    taken.add(slot);
  }
  const free = Array.from({ length: COMMUNITY_COLOURS }, (_, i) => String(i)).filter((slot) => !taken.has(slot));
  for (const community of coloured) if (!slots.has(community)) slots.set(community, free.shift());
  for (const community of members.keys()) if (!slots.has(community)) slots.set(community, 'other');
  const memory = new Map(remembered);
  for (const node of nodes) memory.set(node.id, slots.get(node.community));
  return { slots, memory };
}

/**
 * The legend's entries for `nodes` coloured by `mode`, in the order shown:
 * by type, `{key: type, type, count}` for each type present, most nodes
 * first; by community, `{key: slot, community, count, names}` for each
 * coloured community, largest first (`names`: its two most mentioned
 * members), then one entry for the grey rest (`community: null`).
 */
export function legendEntries(nodes, mode, slots) {
  const groups = new Map();
  const keyOf = mode === 'community' ? (node) => slots.get(node.community) : (node) => node.type;
  for (const node of nodes) {
    const key = keyOf(node);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(node);
  }
  const entries = [...groups].map(([key, group]) => {
    const names = [...group].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((n) => n.name);
    if (mode !== 'community') return { key, type: key, count: group.length };
    return { key, community: key === 'other' ? null : group[0].community, count: group.length, names: names.slice(0, 2) };
  });
  const rest = (entry) => (entry.key === 'other' ? 1 : 0);
  return entries.sort((a, b) => rest(a) - rest(b) || b.count - a.count || String(a.key).localeCompare(String(b.key)));
}
