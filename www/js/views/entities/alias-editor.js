// <corpus-alias-editor>: an entity's other names, and edits of the alias
// table that change what the entity is. It merges another entity into this
// one (a search-as-you-type picker: a combobox over the corpus's entities of
// the same type, or of any type; a name that is no entity can be added as
// another name) and splits a name off as an entity of its own; it lists the
// edits of the table, each with an undo, and the table in force.
//
// The edits here are the table's entries; its other lists (the review's
// type overrides, non-entities and reviewed marks) are kept as they are.
//
// Set `corpus` (a Corpus or a CorpusClient) and `entity` (an entity as
// `corpus.entity` or `corpus.entities` return it). After an edit it
// dispatches a bubbling `corpus-aliases-change` with
// `{table, entityId, previousId}`: the table now in force, and the id of the
// entity to show now (a merged entity's id follows its name, so it may
// change; null if no entity holds the names any more). Choosing an entity
// in a message dispatches `corpus-open-entity` with `{id}`.
//
// The picker is alias-picker.js; how the table expresses a merge or a split,
// and the table arithmetic itself, are alias-table.js.
//
// Edits are counted against the table in force when the corpus was first
// seen here, or the one given to `setAliasBaseline` (say, the shipped table
// when a corpus reopens with edits saved earlier); undoing one puts that
// entry back as it was there.
//
// Names come from the corpus and are untrusted: they go in as text nodes.
import { plural } from '../../widgets/format.js';
import { AliasPicker } from './alias-picker.js';
import { describe, diff, locate, mergeInto, revert, sameName, splitOff } from './alias-table.js';
import { wholeTable } from './review-decisions.js';
import { typeSwatch } from '../../widgets/entity-types.js';
import { element } from '../../widgets/highlight.js';
import { Widget, defineStateProperties, focusStatic, widgetAttributes } from '../../widgets/widget.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

// Per corpus: the table as first seen (what undo restores). Kept outside
// the element, which a page may re-create, so that the edits stay undoable.
const corpora = new WeakMap();

let instances = 0;

const STATE_KEYS = [];

export class CorpusAliasEditor extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #entity = null;
  #renders = 0;
  #busy = false;
  #picker = null; // the merge form, once built
  #followed = null; // the id an edit here moved to: its message stays
  #ids = `corpus-alias-editor-${++instances}`;

  connectedCallback() {
    this.#widget.connect();
    // Properties set before the class was registered sit on the instance
    // and would hide the accessors: pass them through.
    for (const name of ['corpus', 'entity']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    if (!this.#root.querySelector('.corpus-alias-merge')) this.#build();
    this.#render();
  }

  disconnectedCallback() {
    this.#widget.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** The Corpus or CorpusClient whose alias table is edited. */
  get corpus() {
    return this.#corpus;
  }

  /** @param {AnyCorpus | string} corpus */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    if (corpus !== this.#corpus) this.#picker?.reset();
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
    this.#picker?.reset();
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
    this.#picker = new AliasPicker(this, this.#ids, (choice) => {
      if (choice.entity) this.#merge(choice.entity);
      else this.#addName(choice.name);
    });
    this.#root.replaceChildren(names, this.#picker.form, error, status, edits);
  }

  // ---- rendering

  async #render() {
    if (!this.#root.querySelector('.corpus-alias-merge')) return;
    const render = ++this.#renders;
    const entity = this.#entity;
    this.#picker.syncScope();
    this.#keepingFocus(() => this.#renderNames(entity));
    if (!this.#corpus) return;
    const [table, first] = await Promise.all([this.#corpus.aliases(), baseline(this.#corpus)]).catch((error) => {
      this.#showError(`Could not read the alias table: ${error.message}`);
      return [null, null];
    });
    if (render !== this.#renders || !table) return;
    this.#keepingFocus(() => this.#renderEdits(wholeTable(table).entries, wholeTable(first).entries));
  }

  /**
   * Redraw with `draw()`, focus staying on the same button (the same name's
   * Split off, the same edit's Undo) when the one that had it is replaced,
   * or going to the message that says what happened when it is gone.
   */
  #keepingFocus(draw) {
    const focusKey = () => /** @type {HTMLElement} */ (this.shadowRoot.activeElement)?.dataset.focusKey;
    const key = focusKey();
    draw();
    if (!key || focusKey() === key) return;
    const same = [...this.#root.querySelectorAll('[data-focus-key]')].find((button) => button.dataset.focusKey === key);
    if (same) same.focus();
    else this.#focusMessage();
  }

  #renderNames(entity) {
    const list = this.#root.querySelector('.corpus-alias-list');
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
        split.dataset.focusKey = `split ${alias}`;
        split.type = 'button';
        split.setAttribute('aria-label', `Split off “${alias}” as an entity of its own`);
        split.addEventListener('click', () => this.#split(alias));
        item.append(split);
      }
      return item;
    }));
  }

  /** The edits made since the corpus was first seen, each undoable, and the table in force. */
  #renderEdits(table, first) {
    const box = this.#root.querySelector('.corpus-alias-edits');
    const edits = diff(first, table);
    const nodes = [];
    if (edits.length > 0) {
      nodes.push(element('h4', 'corpus-entity-section-title', 'Edits to the alias table'));
      const list = element('ul', 'corpus-alias-edit-list');
      for (const edit of edits) list.append(this.#editItem(edit));
      nodes.push(list);
    }
    const details = element('details', 'corpus-alias-table');
    details.append(element('summary', '', `The alias table in force (${plural(table.length, 'entry', 'entries')})`));
    const entries = element('ul', 'corpus-alias-table-list');
    // A long table scrolls in its box: focusable, so the keyboard can scroll it, and named.
    entries.tabIndex = 0;
    entries.setAttribute('aria-label', 'The alias table in force');
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
    undo.dataset.focusKey = `undo ${edit.key}`;
    undo.type = 'button';
    undo.setAttribute('aria-label', `Undo: ${describe(edit)}`);
    undo.addEventListener('click', () => this.#undo(edit));
    item.append(text, undo);
    return item;
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
        this.#picker.clear();
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
        this.#picker.clear();
        const now = entities.find((e) => e.id === id);
        return { text: `Added “${name}” as a name of ${target.name}${now ? ` (now ${plural(now.count, 'mention')})` : ''}.`, id };
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
        return { text: `“${alias}” is now an entity of its own (${plural(own?.count ?? 0, 'mention')}).`, id, open: own };
      },
    });
  }

  async #undo(edit) {
    const target = this.#entity;
    const first = wholeTable(await baseline(this.#corpus)).entries;
    await this.#apply(async (table) => revert(table, first, edit.key), {
      check: () => null,
      follow: target ? [target.name, ...target.aliases] : [],
      type: target?.type ?? edit.type,
      done: (id) => ({ text: `Undone: ${describe(edit)}.`, id }),
    });
  }

  /**
   * Set the table whose entries `change(entries)` makes; if `check` finds
   * the engine did not do what was meant, put the old one back. Then say
   * which entity now holds the names in `follow`.
   */
  async #apply(change, { check, follow, type, done }) {
    if (this.#busy || !this.#corpus) return;
    const corpus = this.#corpus;
    const previousId = this.#entity?.id ?? null;
    this.#setBusy(true);
    this.#clearMessages();
    try {
      const before = wholeTable(await corpus.aliases());
      const table = { ...before, entries: await change(structuredClone(before.entries)) };
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
      this.#picker.reset();
      const id = locate(entities, type, follow);
      const { text, open } = done(id, entities);
      this.#followed = id;
      this.#showStatus(text, open && open.id !== id ? open : null);
      this.dispatchEvent(new CustomEvent('corpus-aliases-change', { bubbles: true, composed: true, detail: { table, entityId: id, previousId } }));
    } catch (error) {
      this.#showError(`The edit failed: ${error.message}`);
    } finally {
      this.#setBusy(false);
      this.#render();
      // The button pressed was disabled while the edit ran, and may be gone
      // (an undone edit's): focus goes to what the edit says it did.
      const active = /** @type {HTMLElement & {disabled?: boolean}} */ (this.shadowRoot.activeElement);
      if (!active || !active.isConnected || active.disabled) this.#focusMessage();
    }
  }

  /** Focus the error if one shows, else the status line. */
  #focusMessage() {
    const error = this.#root.querySelector('.corpus-alias-error');
    focusStatic(error && !error.hidden ? error : this.#root.querySelector('.corpus-alias-status'));
  }

  #setBusy(busy) {
    this.#busy = busy;
    this.toggleAttribute('aria-busy', busy);
    for (const button of this.#root.querySelectorAll('button')) {
      button.disabled = busy || (button.classList.contains('corpus-alias-merge-button') && !this.#picker.picked);
    }
  }

  #clearMessages() {
    const error = this.#root.querySelector('.corpus-alias-error');
    if (error) error.hidden = true;
    this.#root.querySelector('.corpus-alias-status')?.replaceChildren();
  }

  #showError(message) {
    const error = this.#root.querySelector('.corpus-alias-error');
    error.textContent = message;
    error.hidden = false;
  }

  #showStatus(text, open) {
    const status = this.#root.querySelector('.corpus-alias-status');
    status.replaceChildren(text);
    if (open) {
      const button = element('button', 'corpus-link corpus-alias-open', `Open ${open.name}`);
      button.type = 'button';
      button.addEventListener('click', () => {
        this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, composed: true, detail: { id: open.id } }));
      });
      status.append(' ', button);
    }
  }
}

/**
 * Count the edits of `corpus`'s alias table against `table` (what undo
 * restores) rather than against the table in force when an editor first
 * sees the corpus.
 * @param {AnyCorpus} corpus
 */
export function setAliasBaseline(corpus, table) {
  corpora.set(corpus, { first: Promise.resolve(structuredClone(table)) });
}

/**
 * The table in force when `corpus` was first seen here (a promise, shared).
 * @param {AnyCorpus} corpus
 */
function baseline(corpus) {
  let state = corpora.get(corpus);
  if (!state) {
    state = { first: Promise.resolve(corpus.aliases()).then((table) => structuredClone(table)) };
    corpora.set(corpus, state);
  }
  return state.first;
}

defineStateProperties(CorpusAliasEditor, STATE_KEYS);
