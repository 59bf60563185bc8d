// The entity list's review mode: one entity at a time, the most mentioned of
// the type first, with one key per decision (accept, change type, merge into
// another, not an entity), each written into the alias table at once,
// said politely, and undoable. Focus stays in the panel throughout. The
// decisions are plain data in review-decisions.js; the file a team shares
// is alias-file.js; <corpus-entities> (entities.js) shows this panel.
//
// Keys, when focus is in the panel and not in a text field: A accept; 1 to
// 6 a type (person, place, organisation, media, nationality, event); M
// merge into another (a list of likely entities, filtered as you type,
// Enter takes one, Escape goes back); N not an entity; S skip; B back to
// the entity before; U undo the last decision; Escape leaves review.
//
// Corpus text is untrusted: it goes in as text nodes only.
import { fileText } from '../../corpora/file-text.js';
import { downloadIn } from '../../export/export.js';
import { formatCount, plural } from '../../widgets/format.js';
import { typeLabel, typePluralLabel, typeSwatch } from '../../widgets/entity-types.js';
import { appendMarked, element } from '../../widgets/highlight.js';
import { focusStatic } from '../../widgets/widget.js';
import { aliasFileText, readAliasFile } from './alias-file.js';
import {
  REVIEW_TYPES, accept, decisionCounts, isReviewed, mergeEntity, mergeSuggestions, notAnEntity, retype, wholeTable, withoutDecision,
} from './review-decisions.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */
/** @typedef {import('../../../pkg/corpus_lens.js').Entity} Entity */
/** @typedef {import('../../../pkg/corpus_lens.js').EntityType} EntityType */

/** The most mentioned entities a review counts its progress against. */
export const REVIEW_TOP = 40;
const CONTEXTS = 3; // sentences shown around the entity's first mentions
const MERGE_OPTIONS = 8;

export class EntityReview {
  #host; // the <corpus-entities> element: events start from it
  #ids;
  #onClose;
  #onChange;
  #panel;
  /** @type {AnyCorpus} */
  #corpus = null;
  /** @type {EntityType} */
  #type = 'person';
  /** @type {Entity[]} */
  #entities = []; // the type's, in the engine's order
  #table = wholeTable(null);
  /** @type {Entity | null} */
  #current = null;
  #skipped = new Set(); // ids passed over in this review
  #visited = []; // ids shown, for Back
  #history = []; // {before, after, said} per decision, for Undo
  #texts = new Map(); // docId → text
  #queue = Promise.resolve(); // decisions run one after another, in the order keyed
  #merging = null; // {options, active} while the merge list is open

  /**
   * `onClose()`: the reviewer left review mode; `onChange()`: the table
   * changed (a plain Corpus sends no event of its own).
   */
  constructor(host, ids, { onClose, onChange }) {
    this.#host = host;
    this.#ids = ids;
    this.#onClose = onClose;
    this.#onChange = onChange;
    this.#panel = this.#build();
  }

  /** The panel to put in the page. */
  get panel() {
    return this.#panel;
  }

  /** Resolves once every decision keyed so far is in the table and shown. */
  get settled() {
    return this.#queue;
  }

  /**
   * Review the entities of `type` in `corpus`: read the table in force and
   * show the first entity not reviewed yet (or the one shown, if still there).
   * @param {AnyCorpus} corpus
   * @param {EntityType} type
   */
  async start(corpus, type) {
    if (corpus !== this.#corpus || type !== this.#type) {
      this.#skipped.clear();
      this.#visited = [];
      this.#current = null;
      if (corpus !== this.#corpus) {
        this.#history = [];
        this.#texts = new Map();
      }
    }
    this.#corpus = corpus;
    this.#type = type;
    this.#panel.querySelector('.corpus-review-title').textContent = `Review ${typePluralLabel(type).toLocaleLowerCase()}`;
    await this.#refresh();
    this.#show(this.#current && this.#find(this.#current) ? this.#find(this.#current) : this.#next());
  }

  /**
   * `start`, after the decisions keyed so far.
   * @param {AnyCorpus} corpus
   * @param {EntityType} type
   */
  restart(corpus, type) {
    return this.#enqueue(() => this.start(corpus, type));
  }

  /** Focus the card, where the keys act. */
  focus() {
    focusStatic(this.#part('card'));
  }

  // ---- building

  #part(name) {
    return this.#panel.querySelector(`.corpus-review-${name}`);
  }

  #build() {
    const panel = element('section', 'corpus-review');
    panel.setAttribute('aria-labelledby', `${this.#ids}-review-title`);
    const title = element('h3', 'corpus-review-title', 'Review');
    title.id = `${this.#ids}-review-title`;
    const progress = element('p', 'corpus-review-progress');
    const card = element('div', 'corpus-review-card');
    card.tabIndex = 0;
    card.setAttribute('role', 'group');
    card.setAttribute('aria-describedby', `${this.#ids}-review-keys`);
    const keys = element('p', 'corpus-review-keys', 'Keys: A accept · 1–6 change type · M merge into another · N not an entity · S skip · B back · U undo · Escape done.');
    keys.id = `${this.#ids}-review-keys`;
    const status = element('p', 'corpus-review-status');
    status.setAttribute('role', 'status');
    const error = element('p', 'corpus-review-error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    panel.append(title, progress, card, this.#actions(), this.#mergeForm(), keys, status, error, this.#fileRow(), element('div', 'corpus-review-decisions'));
    panel.addEventListener('keydown', (event) => this.#onKey(event));
    return panel;
  }

  #button(text, key, label, run, className = '') {
    const button = element('button', `corpus-review-action ${className}`.trim());
    button.type = 'button';
    button.append(element('span', 'corpus-review-action-name', text), ' ', element('kbd', 'corpus-review-kbd', key));
    button.setAttribute('aria-keyshortcuts', key);
    if (label) button.setAttribute('aria-label', label);
    button.addEventListener('click', run);
    return button;
  }

  #actions() {
    const box = element('div', 'corpus-review-actions');
    const main = element('div', 'corpus-review-action-row');
    main.append(
      this.#button('Accept', 'A', '', () => this.#key('a'), 'corpus-review-accept'),
      this.#button('Merge into…', 'M', 'Merge into another entity', () => this.#key('m'), 'corpus-review-merge'),
      this.#button('Not an entity', 'N', '', () => this.#key('n'), 'corpus-review-not'),
    );
    const types = element('div', 'corpus-review-action-row corpus-review-types');
    types.setAttribute('role', 'group');
    types.setAttribute('aria-label', 'Change the type to');
    REVIEW_TYPES.forEach((type, i) => {
      const button = this.#button(typeLabel(type), String(i + 1), `Change the type to ${typeLabel(type).toLocaleLowerCase()}`, () => this.#key(String(i + 1)), 'corpus-review-type');
      button.dataset.type = type;
      types.append(button);
    });
    const move = element('div', 'corpus-review-action-row');
    move.append(
      this.#button('Skip', 'S', '', () => this.#key('s')),
      this.#button('Back', 'B', '', () => this.#key('b')),
      this.#button('Undo', 'U', 'Undo the last decision', () => this.#key('u'), 'corpus-review-undo'),
      this.#button('Done', 'Escape', 'Done: leave review', () => this.#key('Escape')),
    );
    box.append(main, types, move);
    return box;
  }

  /** The merge list: a combobox over the type's entities, likely ones first. */
  #mergeForm() {
    const form = element('form', 'corpus-review-merge-form');
    form.hidden = true;
    const label = element('label', 'corpus-review-merge-label', 'Merge into');
    label.htmlFor = `${this.#ids}-review-merge`;
    const input = element('input', 'corpus-review-merge-input');
    input.id = `${this.#ids}-review-merge`;
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-controls', `${this.#ids}-review-merge-list`);
    input.addEventListener('input', () => this.#showMergeOptions(input.value));
    const list = element('ul', 'corpus-review-merge-list');
    list.id = `${this.#ids}-review-merge-list`;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Entities to merge into');
    const hint = element('p', 'corpus-review-hint', 'ArrowDown and ArrowUp choose, Enter merges, Escape goes back.');
    form.append(label, input, list, hint);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const option = this.#merging?.options[this.#merging.active];
      if (option) this.#enqueue(() => this.#merge(option));
    });
    return form;
  }

  #fileRow() {
    const row = element('div', 'corpus-review-files');
    const exporter = element('button', 'corpus-review-export', 'Export decisions (JSON)');
    exporter.type = 'button';
    exporter.addEventListener('click', () => this.#export());
    const label = element('label', 'corpus-review-import');
    const picker = element('input', 'corpus-review-import-input');
    picker.type = 'file';
    picker.accept = '.json,application/json';
    picker.addEventListener('change', () => {
      const [file] = picker.files ?? [];
      picker.value = '';
      if (file) this.#enqueue(() => this.#import(file));
    });
    label.append(element('span', '', 'Import decisions (JSON)'), picker);
    row.append(exporter, label);
    return row;
  }

  // ---- reading the corpus

  async #refresh() {
    const [entities, table] = await Promise.all([this.#corpus.entities({ types: [this.#type] }), this.#corpus.aliases()]);
    this.#entities = entities;
    this.#table = wholeTable(table);
  }

  /** The entity now holding `entity`'s place (by id, else by name), or null. */
  #find(entity) {
    return this.#entities.find((e) => e.id === entity.id) ?? this.#entities.find((e) => e.name === entity.name) ?? null;
  }

  /** The first entity, most mentioned first, neither reviewed nor skipped. */
  #next() {
    return this.#entities.find((e) => !this.#skipped.has(e.id) && !isReviewed(this.#table, e)) ?? null;
  }

  // ---- showing

  #show(entity) {
    this.#current = entity;
    this.#closeMerge();
    if (entity && this.#visited.at(-1) !== entity.id) this.#visited.push(entity.id);
    this.#renderProgress();
    this.#renderDecisions();
    const card = this.#part('card');
    for (const button of this.#panel.querySelectorAll('.corpus-review-actions button')) {
      const always = /Undo|Done|Back/.test(button.textContent);
      button.disabled = !entity && !always;
    }
    if (!entity) {
      card.removeAttribute('data-type');
      card.setAttribute('aria-label', `Review of ${typePluralLabel(this.#type).toLocaleLowerCase()}`);
      card.replaceChildren(element('p', 'corpus-review-done', `Every ${typeLabel(this.#type).toLocaleLowerCase()} is reviewed or skipped. Escape leaves review; B goes back.`));
      return;
    }
    card.dataset.type = entity.type;
    card.setAttribute('aria-label', `Reviewing ${entity.name}`);
    const head = element('p', 'corpus-review-name');
    head.append(typeSwatch(entity.type), element('span', 'corpus-review-name-text', entity.name));
    const rank = this.#entities.indexOf(entity) + 1;
    const facts = element('p', 'corpus-review-facts',
      `${typeLabel(entity.type)} · ${plural(entity.count, 'mention')} in ${plural(entity.documents, 'document')} · ${formatCount(rank)}${ordinal(rank)} most mentioned`);
    const nodes = [head, facts];
    if (isReviewed(this.#table, entity)) nodes.push(element('p', 'corpus-review-badge', 'Accepted earlier.'));
    if (entity.aliases.length) nodes.push(element('p', 'corpus-review-aliases', `Also written: ${entity.aliases.join('; ')}`));
    const contexts = element('ol', 'corpus-review-contexts');
    contexts.setAttribute('aria-label', `First mentions of ${entity.name}`);
    nodes.push(contexts);
    card.replaceChildren(...nodes);
    this.#fillContexts(entity, contexts);
  }

  async #fillContexts(entity, list) {
    const corpus = this.#corpus;
    try {
      const mentions = await corpus.mentions(entity.id, { limit: CONTEXTS });
      await Promise.all([...new Set(mentions.map((m) => m.docId))].map(async (docId) => {
        if (!this.#texts.has(docId)) this.#texts.set(docId, (await corpus.document(docId)).text);
      }));
      if (this.#current !== entity) return;
      list.replaceChildren(...mentions.map(({ docId, start, end, sentence }) => {
        const text = this.#texts.get(docId) ?? '';
        const item = element('li', 'corpus-review-context');
        appendMarked(item, text.slice(sentence.start, sentence.end), [{ start: start - sentence.start, end: end - sentence.start }], 'corpus-entity');
        return item;
      }));
    } catch (error) {
      if (this.#current === entity) list.replaceChildren(element('li', 'corpus-review-context', `Could not read the mentions: ${error.message}`));
    }
  }

  #renderProgress() {
    const top = this.#entities.slice(0, REVIEW_TOP);
    const done = top.filter((e) => isReviewed(this.#table, e)).length;
    this.#part('progress').textContent = `${formatCount(done)} of the ${formatCount(top.length)} most mentioned ${typePluralLabel(this.#type).toLocaleLowerCase()} accepted; ${plural(this.#history.length, 'decision')} in this review.`;
  }

  /** The table's type changes and non-entities, each with its own Undo. */
  #renderDecisions() {
    const box = this.#part('decisions');
    const counts = decisionCounts(this.#table);
    const details = element('details', 'corpus-review-table');
    details.open = box.querySelector('details')?.open ?? false;
    details.append(element('summary', '', `Decisions in the alias table: ${plural(counts.types, 'type change')}, ${plural(counts.notEntities, 'non-entity', 'non-entities')}, ${plural(counts.reviewed, 'entity', 'entities')} accepted`));
    const list = element('ul', 'corpus-review-table-list');
    this.#table.types.forEach((o, i) => {
      list.append(this.#decisionItem(`${o.name}: ${typeLabel(o.from).toLocaleLowerCase()} → ${typeLabel(o.to).toLocaleLowerCase()}`, `types ${i}`, () => withoutDecision(this.#table, 'types', i)));
    });
    this.#table.notEntities.forEach((k, i) => {
      list.append(this.#decisionItem(`${k.name} (${typeLabel(k.type).toLocaleLowerCase()}): not an entity`, `not ${i}`, () => withoutDecision(this.#table, 'notEntities', i)));
    });
    if (!list.children.length) list.append(element('li', 'corpus-review-none', 'No type change and no non-entity yet.'));
    details.append(list);
    box.replaceChildren(details);
  }

  #decisionItem(text, key, undone) {
    const item = element('li', 'corpus-review-table-item');
    const undo = element('button', 'corpus-review-table-undo', 'Undo');
    undo.type = 'button';
    undo.dataset.key = key;
    undo.setAttribute('aria-label', `Undo: ${text}`);
    undo.addEventListener('click', () => this.#enqueue(() => this.#apply(undone(), `Undone: ${text}.`, { focus: 'card' })));
    item.append(element('span', '', text), ' ', undo);
    return item;
  }

  // ---- keys and decisions

  #onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = /** @type {HTMLElement} */ (event.composedPath()[0]);
    if (target.closest?.('.corpus-review-merge-form')) {
      this.#onMergeKey(event);
      return;
    }
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
    if (target.closest?.('summary, .corpus-review-table-list, .corpus-review-files') && event.key !== 'Escape') return;
    if (this.#key(event.key)) event.preventDefault();
  }

  /** Act on `key`; false if it is not one of the review's keys. */
  #key(key) {
    const k = key.length === 1 ? key.toLowerCase() : key;
    const entity = this.#current;
    const typeIndex = '123456'.indexOf(k);
    if (k === 'a' && entity) this.#enqueue(() => this.#decide(accept, `Accepted ${entity.name}.`));
    else if (typeIndex >= 0 && k.length === 1 && entity) {
      const to = REVIEW_TYPES[typeIndex];
      const said = to === entity.type ? `Accepted ${entity.name} as a ${typeLabel(to).toLocaleLowerCase()}.` : `${entity.name} is now a ${typeLabel(to).toLocaleLowerCase()}.`;
      this.#enqueue(() => this.#decide((table, e) => retype(table, e, to), said));
    } else if (k === 'n' && entity) this.#enqueue(() => this.#decide(notAnEntity, `${entity.name} is not an entity.`));
    else if (k === 'm' && entity) this.#enqueue(() => this.#openMerge());
    else if (k === 's' && entity) this.#enqueue(async () => {
      this.#skipped.add(entity.id);
      this.#show(this.#next());
      this.#say(`Skipped ${entity.name}. ${this.#describeCurrent()}`);
    });
    else if (k === 'b') this.#enqueue(async () => this.#back());
    else if (k === 'u') this.#enqueue(() => this.#undo());
    else if (k === 'Escape') this.#onClose();
    else return false;
    return true;
  }

  /** Run `step` after every decision keyed before it; a failure is shown, and the queue goes on. */
  #enqueue(step) {
    this.#queue = this.#queue.then(step).catch((error) => this.#showError(error.message));
    return this.#queue;
  }

  /** The decision `change(table, entity)` on the entity shown, then the next entity. */
  async #decide(change, said) {
    const entity = this.#current;
    if (!entity) return;
    await this.#apply(change(this.#table, entity), said, { advance: true });
  }

  /**
   * Put `table` in force; on success remember it for Undo, read the entities
   * again, show the next entity (`advance`) or the one shown, and say `said`.
   */
  async #apply(table, said, { advance = false, record = true, show = null, focus = 'card' } = {}) {
    const before = this.#table;
    this.#clearError();
    this.#panel.setAttribute('aria-busy', 'true');
    try {
      await this.#corpus.setAliases(table);
      if (record) this.#history.push({ before, after: wholeTable(table), said });
      this.#onChange();
      await this.#refresh();
      const stay = show ?? (this.#current && this.#find(this.#current));
      this.#show(advance || !stay ? this.#next() : stay);
      this.#say(`${said} ${this.#describeCurrent()}`);
      this.#host.dispatchEvent(new CustomEvent('corpus-aliases-change', { bubbles: true, composed: true, detail: { table: this.#table, entityId: this.#current?.id ?? null, previousId: null } }));
    } finally {
      this.#panel.removeAttribute('aria-busy');
      if (focus === 'card') this.focus();
    }
  }

  #describeCurrent() {
    const e = this.#current;
    return e ? `Next: ${e.name}, ${typeLabel(e.type).toLocaleLowerCase()}, ${plural(e.count, 'mention')}.` : `No ${typeLabel(this.#type).toLocaleLowerCase()} is left to review.`;
  }

  async #undo() {
    const last = this.#history.at(-1);
    if (!last) {
      this.#say('Nothing to undo in this review.');
      return;
    }
    if (JSON.stringify(wholeTable(await this.#corpus.aliases())) !== JSON.stringify(last.after)) {
      this.#showError('The alias table changed since that decision, elsewhere: undo it from the list of decisions below, or on the entity page.');
      return;
    }
    this.#history.pop();
    const was = this.#visited.length > 1 ? this.#visited.at(-2) : null;
    await this.#apply(last.before, `Undone: ${last.said}`, { record: false });
    // Back to the entity the decision was about, if it is of this type again.
    const entity = this.#entities.find((e) => e.id === was);
    if (entity) {
      this.#skipped.delete(entity.id);
      this.#visited.pop();
      this.#show(entity);
    }
  }

  async #back() {
    if (this.#visited.length < 2) {
      this.#say('This is the first entity of the review.');
      return;
    }
    this.#visited.pop();
    const id = this.#visited.pop();
    const entity = this.#entities.find((e) => e.id === id);
    if (!entity) {
      this.#visited.push(...(this.#current ? [this.#current.id] : []));
      this.#say('The entity before is gone from this type (a decision moved it); U undoes that decision.');
      return;
    }
    this.#skipped.delete(entity.id);
    this.#show(entity);
    this.#say(`Back to ${entity.name}, ${plural(entity.count, 'mention')}.`);
  }

  // ---- merging

  async #openMerge() {
    const entity = this.#current;
    if (!entity) return;
    const form = /** @type {HTMLFormElement} */ (this.#part('merge-form'));
    form.hidden = false;
    const input = /** @type {HTMLInputElement} */ (this.#part('merge-input'));
    input.value = '';
    this.#part('merge-label').textContent = `Merge ${entity.name} into`;
    this.#showMergeOptions('');
    input.focus();
    this.#say(`Merge ${entity.name} into: ${this.#merging.options[0] ? `${this.#merging.options[0].name} first of ${plural(this.#merging.options.length, 'choice')}` : 'type a name'}.`);
  }

  /** The options for `text`: likely entities first when empty, else names holding the text, else the text as a new name. */
  #showMergeOptions(text) {
    const entity = this.#current;
    const words = text.trim().toLocaleLowerCase();
    let options = words
      ? this.#entities.filter((e) => e.id !== entity.id && [e.name, ...e.aliases].some((n) => n.toLocaleLowerCase().includes(words)))
      : likelyTargets(this.#entities, entity);
    options = options.slice(0, MERGE_OPTIONS);
    const name = text.trim().replace(/\s+/g, ' ');
    if (name && !options.some((e) => e.name.toLocaleLowerCase() === words)) options.push({ id: '', name, type: entity.type, aliases: [], count: 0, documents: 0 });
    this.#merging = { options, active: options.length ? 0 : -1 };
    const list = this.#part('merge-list');
    list.replaceChildren(...options.map((option, i) => {
      const item = element('li', 'corpus-review-merge-option');
      item.id = `${this.#ids}-review-merge-${i}`;
      item.setAttribute('role', 'option');
      item.dataset.type = option.type;
      item.append(typeSwatch(option.type), element('span', '', option.id ? option.name : `“${option.name}”, a new name`));
      if (option.id) item.append(' ', element('span', 'corpus-review-merge-count', plural(option.count, 'mention')));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.#enqueue(() => this.#merge(option));
      });
      return item;
    }));
    if (!options.length) list.append(element('li', 'corpus-review-none', 'No likely entity: type a name.'));
    this.#setActive(this.#merging.active);
  }

  #setActive(i) {
    const input = this.#part('merge-input');
    this.#merging.active = i;
    this.#part('merge-list').querySelectorAll('[role="option"]').forEach((option, j) => {
      option.setAttribute('aria-selected', String(j === i));
      if (j === i) input.setAttribute('aria-activedescendant', option.id);
    });
    if (i < 0) input.removeAttribute('aria-activedescendant');
  }

  #onMergeKey(event) {
    const merging = this.#merging;
    if (!merging) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const n = merging.options.length;
      if (n) this.#setActive((merging.active + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#closeMerge();
      this.focus();
      this.#say(`Not merged. ${this.#current ? `Still ${this.#current.name}.` : ''}`);
    }
  }

  #closeMerge() {
    this.#merging = null;
    const form = this.#part('merge-form');
    if (form) form.hidden = true;
  }

  async #merge(target) {
    const entity = this.#current;
    if (!entity) return;
    const into = { name: target.name, type: target.type };
    await this.#apply(mergeEntity(this.#table, entity, into), `Merged ${entity.name} into ${target.name}.`, { advance: true });
  }

  // ---- the file

  #export() {
    const corpus = this.#host.dataset.corpus || 'corpus';
    const name = `aliases-${corpus.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.json`;
    downloadIn(this.#panel, name, aliasFileText(this.#table, { corpus }), 'application/json');
    this.#say(`Exported the alias table as ${name}.`);
  }

  /** @param {File} file */
  async #import(file) {
    let table;
    try {
      table = readAliasFile(fileText(await file.arrayBuffer()), file.name);
      await this.#apply(table, `Imported ${file.name}: ${describeTable(wholeTable(table))}.`, { advance: true, focus: 'none' });
    } catch (error) {
      // The engine's message names the list and item; the file is named here.
      throw new Error(error.message.startsWith(file.name) ? error.message : `${file.name}: ${error.message}`);
    }
  }

  // ---- messages

  /** Say `text` once, politely: emptied first, so that the same words said twice are said twice. */
  #say(text) {
    const status = this.#part('status');
    status.textContent = '';
    requestAnimationFrame(() => {
      status.textContent = text;
    });
  }

  #showError(message) {
    const error = this.#part('error');
    error.textContent = message;
    error.hidden = false;
  }

  #clearError() {
    this.#part('error').hidden = true;
  }
}

/** The likely entities first, then the most mentioned others. */
function likelyTargets(entities, entity) {
  const likely = mergeSuggestions(entities, entity, MERGE_OPTIONS);
  const rest = entities.filter((e) => e.id !== entity.id && !likely.includes(e));
  return [...likely, ...rest].slice(0, MERGE_OPTIONS);
}

function describeTable({ entries, types, notEntities, reviewed }) {
  return [plural(entries.length, 'entry', 'entries'), plural(types.length, 'type change'), plural(notEntities.length, 'non-entity', 'non-entities'), `${plural(reviewed.length, 'entity', 'entities')} accepted`].join(', ');
}

function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}
