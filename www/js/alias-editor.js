// <corpus-alias-editor>: an entity's other names, and edits of the alias
// table that change what the entity is. It merges another entity into this
// one (a search-as-you-type picker: a combobox over the corpus's entities of
// the same type, or of any type; a name that is no entity can be added as
// another name) and splits a name off as an entity of its own; it lists the
// edits of the table, each with an undo, and the table in force.
//
// Set `corpus` (a Corpus or a CorpusClient) and `entity` (an entity as
// `corpus.entity` or `corpus.entities` return it). After an edit it
// dispatches a bubbling `corpus-aliases-change` with
// `{table, entityId, previousId}`: the table now in force, and the id of the
// entity to show now (a merged entity's id follows its name, so it may
// change; null if no entity holds the names any more). Choosing an entity
// in a message dispatches `corpus-open-entity` with `{id}`.
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
// Edits are counted against the table in force when the corpus was first
// seen here, or the one given to `setAliasBaseline` (say, the shipped table
// when a corpus reopens with edits saved earlier); undoing one puts that
// entry back as it was there.
//
// Names come from the corpus and are untrusted: they go in as text nodes.
import { formatCount } from './format.js';
import { typeLabel, typePluralLabel, typeSwatch } from './entity-types.js';
import { element } from './highlight.js';

const OPTIONS_SHOWN = 12; // the picker's list: enough to choose from while typing

// Per corpus: the table as first seen (what undo restores) and the entity
// lists the pickers search. Kept outside the element, which a page may
// re-create, so that the edits stay undoable.
const corpora = new WeakMap();

let instances = 0;

export class CorpusAliasEditor extends HTMLElement {
  #corpus = null;
  #entity = null;
  #renders = 0;
  #busy = false;
  #candidates = []; // the entities the picker searches, in the engine's order
  #options = []; // those shown in the list
  #active = -1; // the option the arrow keys are on
  #picked = null; // the option chosen: {entity} to merge, or {name} to add
  #anyType = false; // the picker offers every type, not only the entity's
  #followed = null; // the id an edit here moved to: its message stays
  #ids = `corpus-alias-editor-${++instances}`;

  connectedCallback() {
    // Properties set before the class was registered sit on the instance
    // and would hide the accessors: pass them through.
    for (const name of ['corpus', 'entity']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    if (!this.querySelector('.corpus-alias-merge')) this.#build();
    this.#render();
  }

  /** The Corpus or CorpusClient whose alias table is edited. */
  get corpus() {
    return this.#corpus;
  }

  set corpus(corpus) {
    if (corpus !== this.#corpus) this.#candidates = [];
    this.#corpus = corpus;
    if (corpus) baseline(corpus); // taken before any edit, for undo
    this.#render();
  }

  /** The entity whose names are shown and edited: `{id, name, type, aliases}`. */
  get entity() {
    return this.#entity;
  }

  set entity(entity) {
    if (entity?.id !== this.#entity?.id && entity?.id !== this.#followed) this.#clearMessages();
    this.#followed = null;
    this.#entity = entity;
    this.#candidates = [];
    this.#render();
  }

  /** True while an edit is being applied. */
  get busy() {
    return this.#busy;
  }

  // ---- building

  #build() {
    const names = element('div', 'corpus-alias-names');
    names.append(element('h4', 'corpus-entity-section-title', 'Also written'), element('ul', 'corpus-alias-list'),
      element('p', 'corpus-alias-hint', 'Splitting a name off makes it an entity of its own: the alias table gets an entry for it, which wins over the automatic rules that joined it here (a surname taken for its document’s full name, a spelling variant, a gazetteer’s variant).'));
    const error = element('p', 'corpus-alias-error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const status = element('p', 'corpus-alias-status');
    status.setAttribute('role', 'status');
    const edits = element('div', 'corpus-alias-edits');
    this.replaceChildren(names, this.#mergeForm(), error, status, edits);
  }

  #mergeForm() {
    const form = element('form', 'corpus-alias-merge');
    form.setAttribute('aria-label', 'Merge another entity into this one');
    const label = element('label', 'corpus-alias-merge-label', 'Merge into this entity');
    label.htmlFor = `${this.#ids}-input`;
    const row = element('div', 'corpus-alias-merge-row');
    const scope = element('select', 'corpus-alias-scope');
    scope.setAttribute('aria-label', 'Entities offered');
    scope.addEventListener('change', () => {
      this.#anyType = scope.value === '';
      this.#candidates = [];
      this.#unpick();
      this.#showOptions(this.querySelector('.corpus-alias-input').value);
    });
    const box = element('div', 'corpus-alias-combobox');
    const input = element('input', 'corpus-alias-input');
    input.id = `${this.#ids}-input`;
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.placeholder = 'Type a name';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', `${this.#ids}-list`);
    input.addEventListener('input', () => {
      this.#unpick();
      this.#showOptions(input.value);
    });
    input.addEventListener('focus', () => this.#loadCandidates());
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('blur', () => setTimeout(() => this.#closeList(), 150));
    const list = element('ul', 'corpus-alias-options');
    list.id = `${this.#ids}-list`;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Entities');
    list.hidden = true;
    box.append(input, list);
    const submit = element('button', 'corpus-alias-merge-button', 'Merge');
    submit.type = 'submit';
    submit.disabled = true;
    row.append(box, scope, submit);
    form.append(label, row);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.#picked?.entity) this.#merge(this.#picked.entity);
      else if (this.#picked) this.#addName(this.#picked.name);
    });
    return form;
  }

  // ---- rendering

  async #render() {
    if (!this.querySelector('.corpus-alias-merge')) return;
    const render = ++this.#renders;
    const entity = this.#entity;
    this.#syncScope();
    this.#renderNames(entity);
    if (!this.#corpus) return;
    const [table, first] = await Promise.all([this.#corpus.aliases(), baseline(this.#corpus)]).catch((error) => {
      this.#showError(`Could not read the alias table: ${error.message}`);
      return [null, null];
    });
    if (render !== this.#renders || !table) return;
    this.#renderEdits(table, first);
  }

  #syncScope() {
    const scope = this.querySelector('.corpus-alias-scope');
    const type = this.#entity?.type;
    const want = type ? [[type, `${typePluralLabel(type)} only`], ['', 'Any type']] : [['', 'Any type']];
    if (scope.options.length !== want.length || [...scope.options].some((o, i) => o.value !== want[i][0])) {
      scope.replaceChildren(...want.map(([value, text]) => {
        const option = element('option', '', text);
        option.value = value;
        return option;
      }));
    }
    scope.value = this.#anyType ? '' : want[0][0];
  }

  #renderNames(entity) {
    const list = this.querySelector('.corpus-alias-list');
    if (!entity) {
      list.replaceChildren();
      return;
    }
    list.setAttribute('aria-label', `Other names of ${entity.name}`);
    if (entity.aliases.length === 0) {
      list.replaceChildren(element('li', 'corpus-alias-none', 'No other name.'));
      return;
    }
    list.replaceChildren(...entity.aliases.map((alias) => {
      const item = element('li', 'corpus-alias');
      item.append(element('span', 'corpus-alias-name', alias));
      // A spelling that differs from the name only in capitals cannot be
      // an entry of its own: the table compares names ignoring case.
      if (!sameName(alias, entity.name)) {
        const split = element('button', 'corpus-alias-split', 'Split off');
        split.type = 'button';
        split.setAttribute('aria-label', `Split “${alias}” off as an entity of its own`);
        split.addEventListener('click', () => this.#split(alias));
        item.append(split);
      }
      return item;
    }));
  }

  /** The edits made since the corpus was first seen, each undoable, and the table in force. */
  #renderEdits(table, first) {
    const box = this.querySelector('.corpus-alias-edits');
    const edits = diff(first, table);
    const nodes = [];
    if (edits.length > 0) {
      nodes.push(element('h4', 'corpus-entity-section-title', 'Edits to the alias table'));
      const list = element('ul', 'corpus-alias-edit-list');
      for (const edit of edits) list.append(this.#editItem(edit));
      nodes.push(list);
    }
    const details = element('details', 'corpus-alias-table');
    details.append(element('summary', '', `The alias table in force (${formatCount(table.length)} ${table.length === 1 ? 'entry' : 'entries'})`));
    const entries = element('ul', 'corpus-alias-table-list');
    for (const entry of table) {
      const item = element('li', 'corpus-alias-table-entry');
      item.dataset.type = entry.type;
      item.append(typeSwatch(entry.type), element('span', 'corpus-alias-table-name', entry.name));
      if (entry.aliases.length > 0) item.append(` = ${entry.aliases.join('; ')}`);
      else item.append(element('span', 'corpus-alias-own', ' (on its own)'));
      entries.append(item);
    }
    if (table.length === 0) entries.append(element('li', 'corpus-alias-none', 'The table is empty.'));
    details.append(entries);
    nodes.push(details);
    box.replaceChildren(...nodes);
  }

  #editItem(edit) {
    const item = element('li', 'corpus-alias-edit');
    item.dataset.type = edit.type;
    const text = element('span', 'corpus-alias-edit-text');
    text.append(typeSwatch(edit.type), describe(edit));
    const undo = element('button', 'corpus-alias-undo', 'Undo');
    undo.type = 'button';
    undo.setAttribute('aria-label', `Undo: ${describe(edit)}`);
    undo.addEventListener('click', () => this.#undo(edit));
    item.append(text, undo);
    return item;
  }

  // ---- the picker

  async #loadCandidates() {
    if (this.#candidates.length > 0 || !this.#corpus) return this.#candidates;
    const type = this.querySelector('.corpus-alias-scope').value;
    const entities = await this.#corpus.entities(type ? { types: [type] } : {});
    // Dates, sums and quantities are values, not things to merge.
    this.#candidates = entities.filter((e) => !['date', 'money', 'quantity'].includes(e.type));
    return this.#candidates;
  }

  async #showOptions(text) {
    const words = text.trim().toLocaleLowerCase();
    const input = this.querySelector('.corpus-alias-input');
    if (!words) {
      this.#closeList();
      return;
    }
    const candidates = await this.#loadCandidates();
    if (input.value.trim().toLocaleLowerCase() !== words) return; // typed on meanwhile
    const self = this.#entity?.id;
    this.#options = candidates
      .filter((e) => e.id !== self && [e.name, ...e.aliases].some((n) => n.toLocaleLowerCase().includes(words)))
      .slice(0, OPTIONS_SHOWN)
      .map((entity) => ({ entity }));
    // A name that is no entity's can still be added: the engine then finds
    // it in the text as a mention of this entity.
    const name = text.trim().replace(/\s+/g, ' ');
    if (this.#entity && !candidates.some((e) => sameName(e.name, name))) this.#options.push({ name });
    this.#active = -1;
    const list = this.querySelector('.corpus-alias-options');
    list.replaceChildren(...this.#options.map((option, i) => this.#option(option, i)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.removeAttribute('aria-activedescendant');
  }

  #option(choice, i) {
    const option = element('li', 'corpus-alias-option');
    option.id = `${this.#ids}-option-${i}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    const { entity, name } = choice;
    if (entity) {
      option.dataset.type = entity.type;
      const count = element('span', 'corpus-alias-option-count', `${typeLabel(entity.type)} · ${mentions(entity.count)}`);
      option.append(typeSwatch(entity.type), element('span', 'corpus-alias-option-name', entity.name), count);
    } else {
      option.classList.add('corpus-alias-option-add');
      option.append(element('span', 'corpus-alias-option-name', `Add “${name}” as another name`));
    }
    // mousedown, not click: the input keeps the focus.
    option.addEventListener('mousedown', (event) => {
      event.preventDefault();
      this.#pick(choice);
    });
    return option;
  }

  #onKey(event) {
    const list = this.querySelector('.corpus-alias-options');
    const open = !list.hidden && this.#options.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) {
        this.#showOptions(event.target.value);
        return;
      }
      if (!open) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#setActive((this.#active + step + this.#options.length) % this.#options.length);
    } else if (event.key === 'Enter') {
      if (open && this.#active >= 0) {
        event.preventDefault();
        this.#pick(this.#options[this.#active]);
      } else if (!this.#picked) {
        event.preventDefault(); // nothing chosen: no merge
        if (open && this.#options.length === 1) this.#pick(this.#options[0]);
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        this.#closeList();
      } else if (event.target.value) {
        event.preventDefault();
        event.target.value = '';
        this.#unpick();
      }
    }
  }

  #setActive(i) {
    this.#active = i;
    const input = this.querySelector('.corpus-alias-input');
    this.querySelectorAll('.corpus-alias-option').forEach((option, j) => {
      option.setAttribute('aria-selected', String(j === i));
      if (j === i) {
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      }
    });
  }

  #pick(choice) {
    const input = this.querySelector('.corpus-alias-input');
    input.value = choice.entity?.name ?? choice.name;
    this.#picked = choice;
    const button = this.querySelector('.corpus-alias-merge-button');
    button.disabled = this.#busy;
    const into = this.#entity?.name ?? 'this entity';
    button.textContent = choice.entity ? 'Merge' : 'Add name';
    button.setAttribute('aria-label', choice.entity ? `Merge ${choice.entity.name} into ${into}` : `Add “${choice.name}” as a name of ${into}`);
    this.#closeList();
  }

  #unpick() {
    this.#picked = null;
    const button = this.querySelector('.corpus-alias-merge-button');
    button.disabled = true;
    button.textContent = 'Merge';
    button.removeAttribute('aria-label');
  }

  #closeList() {
    const list = this.querySelector('.corpus-alias-options');
    const input = this.querySelector('.corpus-alias-input');
    if (!list || !input) return;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    this.#active = -1;
  }

  // ---- the edits

  async #merge(other) {
    const target = this.#entity;
    await this.#apply(async (table) => mergeInto(table, target, other), {
      // Merged: no entity by the other's name is left.
      check: (entities) => (entities.some((e) => e.type === other.type && e.name === other.name)
        ? `“${other.name}” stayed an entity of its own${other.type === 'person' && target.type !== 'person' ? ': the engine merges a person only into another person' : ''}, so the table was left as it was.`
        : null),
      follow: [target.name],
      type: target.type,
      done: (id) => {
        this.querySelector('.corpus-alias-input').value = '';
        this.#unpick();
        return { text: `Merged ${other.name} into ${target.name}.`, id };
      },
    });
  }

  async #addName(name) {
    const target = this.#entity;
    await this.#apply(async (table) => mergeInto(table, target, { name, type: target.type }), {
      check: () => null,
      follow: [target.name],
      type: target.type,
      done: (id, entities) => {
        this.querySelector('.corpus-alias-input').value = '';
        this.#unpick();
        const now = entities.find((e) => e.id === id);
        return { text: `Added “${name}” as a name of ${target.name}${now ? ` (now ${mentions(now.count)})` : ''}.`, id };
      },
    });
  }

  async #split(alias) {
    const target = this.#entity;
    await this.#apply(async (table) => splitOff(table, alias, target.type), {
      check: (entities) => (entities.some((e) => e.type === target.type && e.name === alias)
        ? null
        : `“${alias}” did not become an entity of its own, so the table was left as it was.`),
      // This entity if it keeps any mention; else the name split off.
      follow: [target.name, alias],
      type: target.type,
      done: (id, entities) => {
        const own = entities.find((e) => e.type === target.type && e.name === alias);
        return { text: `“${alias}” is now an entity of its own (${mentions(own?.count ?? 0)}).`, id, open: own };
      },
    });
  }

  async #undo(edit) {
    const target = this.#entity;
    const first = await baseline(this.#corpus);
    await this.#apply(async (table) => revert(table, first, edit.key), {
      check: () => null,
      follow: target ? [target.name, ...target.aliases] : [],
      type: target?.type ?? edit.type,
      done: (id) => ({ text: `Undone: ${describe(edit)}.`, id }),
    });
  }

  /**
   * Set the table `change(table)` makes; if `check` finds the engine did not
   * do what was meant, put the old one back. Then say which entity now holds
   * the names in `follow`.
   */
  async #apply(change, { check, follow, type, done }) {
    if (this.#busy || !this.#corpus) return;
    const corpus = this.#corpus;
    const previousId = this.#entity?.id ?? null;
    this.#setBusy(true);
    this.#clearMessages();
    try {
      const before = await corpus.aliases();
      const table = await change(structuredClone(before));
      try {
        await corpus.setAliases(table);
      } catch (error) {
        this.#showError(error.message); // the engine kept the old table
        return;
      }
      const entities = await corpus.entities({});
      const problem = check(entities);
      if (problem) {
        await corpus.setAliases(before);
        this.#showError(problem);
        return;
      }
      this.#candidates = [];
      const id = locate(entities, type, follow);
      const { text, open } = done(id, entities);
      this.#followed = id;
      this.#showStatus(text, open && open.id !== id ? open : null);
      this.dispatchEvent(new CustomEvent('corpus-aliases-change', { bubbles: true, detail: { table, entityId: id, previousId } }));
    } catch (error) {
      this.#showError(`The edit failed: ${error.message}`);
    } finally {
      this.#setBusy(false);
      this.#render();
    }
  }

  #setBusy(busy) {
    this.#busy = busy;
    this.toggleAttribute('aria-busy', busy);
    for (const button of this.querySelectorAll('button')) {
      button.disabled = busy || (button.classList.contains('corpus-alias-merge-button') && !this.#picked);
    }
  }

  #clearMessages() {
    const error = this.querySelector('.corpus-alias-error');
    if (error) error.hidden = true;
    this.querySelector('.corpus-alias-status')?.replaceChildren();
  }

  #showError(message) {
    const error = this.querySelector('.corpus-alias-error');
    error.textContent = message;
    error.hidden = false;
  }

  #showStatus(text, open) {
    const status = this.querySelector('.corpus-alias-status');
    status.replaceChildren(text);
    if (open) {
      const button = element('button', 'corpus-link corpus-alias-open', `Open ${open.name}`);
      button.type = 'button';
      button.addEventListener('click', () => {
        this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, detail: { id: open.id } }));
      });
      status.append(' ', button);
    }
  }
}

// ---- the table as data (pure functions over [{name, type, aliases}])

const fold = (name) => name.trim().toLocaleLowerCase();
const sameName = (a, b) => fold(a) === fold(b);
/** An entry's key: the engine compares names ignoring case. */
const keyOf = (entry) => `${entry.type}:${fold(entry.name)}`;
const namesOf = (entry) => (entry ? [entry.name, ...entry.aliases] : []);

function mentions(n) {
  return `${formatCount(n)} ${n === 1 ? 'mention' : 'mentions'}`;
}

/**
 * Count the edits of `corpus`'s alias table against `table` (what undo
 * restores) rather than against the table in force when an editor first
 * sees the corpus.
 */
export function setAliasBaseline(corpus, table) {
  corpora.set(corpus, { first: Promise.resolve(structuredClone(table)) });
}

/** The table in force when `corpus` was first seen here (a promise, shared). */
function baseline(corpus) {
  let state = corpora.get(corpus);
  if (!state) {
    state = { first: Promise.resolve(corpus.aliases()).then((table) => structuredClone(table)) };
    corpora.set(corpus, state);
  }
  return state.first;
}

/** `other` merged into `target`: one entry naming the target, the other's names among its aliases. */
function mergeInto(table, target, other) {
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
function splitOff(table, alias, type) {
  const rest = table.map((e) => ({ ...e, aliases: e.aliases.filter((a) => !sameName(a, alias)) }));
  rest.push({ name: alias, type, aliases: [] });
  return rest;
}

/** The entries that differ between `first` and `table`: `{key, type, name, kind, was, now}`. */
function diff(first, table) {
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

/** What an edit did, in words. */
function describe({ kind, name, was, now }) {
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
function revert(table, first, key) {
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
function locate(entities, type, names) {
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
