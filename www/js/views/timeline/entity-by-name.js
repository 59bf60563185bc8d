// Finding the entity a person typed in the timeline's "Add an entity" box:
// the list's own label ("Kuril Islands (place)"), a name or any alias in any
// case ("kuril islands", "Northern Territories"), or else the nearest names
// to offer instead.

import { folded } from '../../widgets/format.js';

/** @typedef {{id: string, name: string, type: string, aliases?: string[], count?: number}} NamedEntity */

/**
 * The entity `typed` names: its list label, else the most mentioned entity
 * (the list comes most mentioned first) whose name or an alias it is.
 * @param {NamedEntity[]} entities
 * @param {string} typed
 * @returns {NamedEntity | undefined}
 */
export function entityNamed(entities, typed) {
  const want = folded(typed);
  if (!want) return undefined;
  return entities.find((e) => folded(`${e.name} (${e.type})`) === want)
    ?? entities.find((e) => folded(e.name) === want || (e.aliases ?? []).some((a) => folded(a) === want));
}

/** Levenshtein distance between `a` and `b`, stopping early past `limit`. */
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...row) > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length];
}

/**
 * Up to `count` entities whose name or an alias is nearest to `typed`: those
 * that hold it as a word or words first ("kuril" → Kuril Islands), then those
 * within a third of its length in edits ("Kurill Islands"), most mentioned
 * first within each. None when nothing is that near.
 * @param {NamedEntity[]} entities
 * @param {string} typed
 * @param {number} [count]
 * @returns {NamedEntity[]}
 */
export function nearestEntities(entities, typed, count = 3) {
  const want = folded(typed);
  if (!want) return [];
  const limit = Math.max(1, Math.floor(want.length / 3));
  const scored = [];
  entities.forEach((e, order) => {
    const names = [e.name, ...(e.aliases ?? [])].map(folded);
    const holds = names.some((n) => ` ${n} `.includes(` ${want} `));
    const edits = holds ? 0 : Math.min(...names.map((n) => distance(n, want, limit)));
    if (holds || edits <= limit) scored.push({ e, rank: holds ? 0 : edits, order });
  });
  scored.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return scored.slice(0, count).map((s) => s.e);
}
