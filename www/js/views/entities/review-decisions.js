// The reviewer's decisions as data: pure functions over the whole alias
// table `{entries, types, notEntities, reviewed}` (README, "The alias
// table"), each returning a new table. No DOM and no corpus here, so the
// review panel (entity-review.js) and the tests read the same logic.
//
// How the engine reads each decision:
// - accept: a mark in `reviewed` ({name, type}); it changes no entity, so a
//   resumed review skips it;
// - change type: an override in `types` ({name, from, to}) from the type
//   the extraction gave; changing it again edits that override (back to
//   where it began, removes it), and the entity is then reviewed;
// - not an entity: a key in `notEntities` ({name, type}); its mentions are
//   dropped everywhere;
// - merge into another: an entry of `entries`, as the alias editor makes it
//   (alias-table.js's mergeInto).
import { mergeInto, sameName } from './alias-table.js';

/** The types a reviewer can give an entity: things, not values. */
export const REVIEW_TYPES = /** @type {const} */ (['person', 'place', 'organization', 'media', 'nationality', 'event']);

/**
 * A copy of `table` with all four lists: an array is the entries of a table
 * kept before it had decisions.
 */
export function wholeTable(table) {
  const source = Array.isArray(table) ? { entries: table } : (table ?? {});
  return {
    entries: structuredClone(source.entries ?? []),
    types: structuredClone(source.types ?? []),
    notEntities: structuredClone(source.notEntities ?? []),
    reviewed: structuredClone(source.reviewed ?? []),
  };
}

const sameKey = (a, b) => a.type === b.type && sameName(a.name, b.name);

/** Whether `entity` ({name, type}) carries a reviewed mark. */
export function isReviewed(table, entity) {
  return wholeTable(table).reviewed.some((k) => sameKey(k, entity));
}

/** `entity` accepted as it is. */
export function accept(table, entity) {
  const next = wholeTable(table);
  if (!next.reviewed.some((k) => sameKey(k, entity))) next.reviewed.push({ name: entity.name, type: entity.type });
  return next;
}

/** `entity` given the type `to`, and marked reviewed under it. */
export function retype(table, entity, to) {
  const next = wholeTable(table);
  if (to === entity.type) return accept(next, entity);
  // Already overridden to its present type: the override is edited, so
  // that "from" stays the type the extraction gave.
  const earlier = next.types.find((o) => o.to === entity.type && sameName(o.name, entity.name));
  const from = earlier?.from ?? entity.type;
  next.types = next.types.filter((o) => o !== earlier);
  if (from !== to) next.types.push({ name: entity.name, from, to });
  next.reviewed = next.reviewed.filter((k) => !sameKey(k, entity));
  return accept(next, { name: entity.name, type: to });
}

/** `entity` is not an entity: its mentions are dropped everywhere. */
export function notAnEntity(table, entity) {
  const next = wholeTable(table);
  next.reviewed = next.reviewed.filter((k) => !sameKey(k, entity));
  if (!next.notEntities.some((k) => sameKey(k, entity))) next.notEntities.push({ name: entity.name, type: entity.type });
  return next;
}

/**
 * `entity` merged into `target` (an entity, or `{name, type}` for a name no
 * entity has yet): its name and every other way the corpus writes it
 * (`entity.aliases`, "Mori" beside "Yoshiro Mori") that no entry claims.
 */
export function mergeEntity(table, entity, target) {
  const next = wholeTable(table);
  next.entries = mergeInto(next.entries, target, entity);
  const entry = next.entries.find((e) => e.type === target.type && sameName(e.name, target.name));
  const claimed = (name) => next.entries.some((e) => [e.name, ...e.aliases].some((n) => sameName(n, name)));
  for (const alias of entity.aliases ?? []) {
    if (entry && !claimed(alias)) entry.aliases.push(alias);
  }
  next.reviewed = next.reviewed.filter((k) => !sameKey(k, entity));
  return next;
}

/** The decision `list`[`index`] (a list of type overrides or non-entities) taken back. */
export function withoutDecision(table, list, index) {
  const next = wholeTable(table);
  next[list] = next[list].filter((_, i) => i !== index);
  return next;
}

/** How many decisions of each kind `table` holds. */
export function decisionCounts(table) {
  const { types, notEntities, reviewed } = wholeTable(table);
  return { types: types.length, notEntities: notEntities.length, reviewed: reviewed.length };
}

/**
 * Entities of the same type that `entity` may be another name of, best
 * first: those whose name holds its words ("Rico" → "Porto Rico"), then
 * those sharing any word, each by mentions.
 */
export function mergeSuggestions(entities, entity, limit = 8) {
  const words = (name) => name.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const own = words(entity.name);
  const scored = [];
  for (const other of entities) {
    if (other.id === entity.id || other.type !== entity.type) continue;
    const theirs = new Set([other.name, ...other.aliases].flatMap(words));
    const shared = own.filter((w) => theirs.has(w)).length;
    if (shared > 0) scored.push({ other, rank: shared === own.length ? 2 : 1 });
  }
  scored.sort((a, b) => b.rank - a.rank || b.other.count - a.other.count);
  return scored.slice(0, limit).map((s) => s.other);
}
