// The alias table as data: the edits <corpus-alias-editor> makes, as pure
// functions over tables `[{name, type, aliases}]`. No DOM and no corpus
// here, so that the table logic can be read, and tested, on its own.
//
// How the engine's table can express the two edits (README, "The alias
// table"):
// - merging B into A is one entry naming A with B among its aliases (B's own
//   entry, if it has one, folded into it);
// - splitting a name off is an entry named after it, the name taken out of
//   any entry that listed it. The table goes first, so such an entry keeps
//   the name apart from every automatic rule: a surname that its document's
//   full name would claim ("Putin"), a spelling variant merged across
//   documents ("Alexander Losyukov"), a gazetteer's variant ("Kurils"). Only
//   removing the alias, as the README's short form says, would leave it to
//   those rules, which give most aliases back.

const fold = (name) => name.trim().toLocaleLowerCase();
/** An entry's key: the engine compares names ignoring case. */
const keyOf = (entry) => `${entry.type}:${fold(entry.name)}`;
const namesOf = (entry) => (entry ? [entry.name, ...entry.aliases] : []);

/** Whether two names are the same to the engine, which ignores case. */
export const sameName = (a, b) => fold(a) === fold(b);

/** `other` merged into `target`: one entry naming the target, the other's names among its aliases. */
export function mergeInto(table, target, other) {
  const otherKey = keyOf({ type: other.type, name: other.name });
  const own = table.find((e) => keyOf(e) === otherKey && !sameName(e.name, target.name));
  const rest = table.filter((e) => e !== own);
  let entry = rest.find((e) => keyOf(e) === keyOf(target));
  if (!entry) {
    entry = { name: target.name, type: target.type, aliases: [] };
    rest.push(entry);
  }
  for (const name of [other.name, ...(own?.aliases ?? [])]) {
    if (!namesOf(entry).some((n) => sameName(n, name))) entry.aliases.push(name);
  }
  return rest;
}

/** `alias` split off: out of every entry that lists it, and an entry of its own. */
export function splitOff(table, alias, type) {
  const rest = table.map((e) => ({ ...e, aliases: e.aliases.filter((a) => !sameName(a, alias)) }));
  rest.push({ name: alias, type, aliases: [] });
  return rest;
}

/** The entries that differ between `first` and `table`: `{key, type, name, kind, was, now}`. */
export function diff(first, table) {
  const before = new Map(first.map((e) => [keyOf(e), e]));
  const after = new Map(table.map((e) => [keyOf(e), e]));
  const edits = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) edits.push({ key, type: now.type, name: now.name, kind: 'added', was: null, now });
    else if (!sameEntry(was, now)) edits.push({ key, type: now.type, name: now.name, kind: 'changed', was, now });
  }
  for (const [key, was] of before) {
    if (!after.has(key)) edits.push({ key, type: was.type, name: was.name, kind: 'removed', was, now: null });
  }
  return edits;
}

function sameEntry(a, b) {
  const names = (e) => [e.name, ...e.aliases].map(fold).sort().join('\n');
  return a.type === b.type && a.name === b.name && names(a) === names(b);
}

/** What an edit (one of `diff`'s) did, in words. */
export function describe({ kind, name, was, now }) {
  if (kind === 'removed') return `the entry ${name} (${was.aliases.join('; ') || 'on its own'}) was removed`;
  if (kind === 'added') {
    return now.aliases.length === 0 ? `“${name}” is an entity of its own` : `${name} = ${now.aliases.join('; ')}`;
  }
  const gone = was.aliases.filter((a) => !now.aliases.some((b) => sameName(a, b)));
  const added = now.aliases.filter((a) => !was.aliases.some((b) => sameName(a, b)));
  const parts = [];
  if (added.length) parts.push(`also ${added.join('; ')}`);
  if (gone.length) parts.push(`no longer ${gone.join('; ')}`);
  return `${name}: ${parts.join(', ') || 'renamed'}`;
}

/**
 * The entry `key` put back as it was in `first` (or removed, if `first` did
 * not have it). Names it takes back are taken from other entries (an entry
 * whose own name it takes goes); names it gives up go back to the entry of
 * `first` that held them, so that undoing a merge or a split is one step.
 */
export function revert(table, first, key) {
  const was = first.find((e) => keyOf(e) === key) ?? null;
  const now = table.find((e) => keyOf(e) === key) ?? null;
  const claimed = new Set(namesOf(was).map(fold));
  const at = now ? table.indexOf(now) : table.length;
  const out = [];
  table.forEach((e, i) => {
    if (i === at && was) out.push(structuredClone(was));
    if (e === now || claimed.has(fold(e.name))) return;
    out.push({ ...e, aliases: e.aliases.filter((a) => !claimed.has(fold(a))) });
  });
  if (at === table.length && was) out.push(structuredClone(was));
  const used = () => new Set(out.flatMap(namesOf).map(fold));
  for (const name of namesOf(now).filter((n) => !claimed.has(fold(n)))) {
    const home = first.find((e) => keyOf(e) !== key && namesOf(e).some((n) => sameName(n, name)));
    if (!home || used().has(fold(name))) continue;
    let entry = out.find((e) => keyOf(e) === keyOf(home));
    if (!entry) {
      if (used().has(fold(home.name))) continue;
      entry = { ...home, aliases: [] };
      out.push(entry);
    }
    if (!sameName(name, entry.name)) entry.aliases.push(name);
  }
  return out;
}

/** The id of the entity of `type` named by the first of `names` that is one, else that has it as an alias. */
export function locate(entities, type, names) {
  const ofType = entities.filter((e) => e.type === type);
  for (const name of names) {
    const found = ofType.find((e) => e.name === name) ?? ofType.find((e) => sameName(e.name, name));
    if (found) return found.id;
  }
  for (const name of names) {
    const found = ofType.find((e) => e.aliases.some((a) => sameName(a, name)));
    if (found) return found.id;
  }
  return null;
}
