// <corpus-entities>: the corpus's entities of one type, each with its number
// of mentions drawn as a bar, in the engine's order (count, then name),
// filtered by a least count and by name; the same numbers in a table below.
//
// Set `corpus` to a Corpus or a CorpusClient. `state` is `{type, min, name,
// review}` (strings); a change the user makes dispatches `corpus-state-change`.
// `review` "on" shows review mode in place of the list (entity-review.js):
// the type's entities one at a time, a key per decision, each written into
// the alias table (`corpus-aliases-change`).
// Choosing an entity dispatches `corpus-open-entity` with `{id}`;
// `selectedId` marks the one open elsewhere. All corpus text goes in as text
// nodes.
import { chartTable } from '../../charts/chart-table.js';
import { formatCount } from '../../widgets/format.js';
import { ENTITY_TYPES, typePluralLabel, typeSwatch } from '../../widgets/entity-types.js';
import { element } from '../../widgets/highlight.js';
import { Widget, defineStateProperties, widgetAttributes } from '../../widgets/widget.js';
import { ViewSupport } from '../../widgets/view-support.js';
import { EntityReview } from './entity-review.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

// Enough to scan by eye; a long tail is better reached by the name filter.
const LIST_LIMIT = 300;

// Radio groups need a page-unique name; several of these may share a page.
let instances = 0;

const STATE_KEYS = ['type', 'min', 'name', 'review'];

export class CorpusEntities extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #support = new ViewSupport(this, { onChange: () => this.#load() });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #byType = new Map(); // type → entities, in the engine's order
  #state = { type: '', min: '1', name: '', review: '' };
  #selectedId = null;
  #loads = 0;
  #ids = `corpus-entities-${++instances}`;
  #radioName = `${this.#ids}-type`;
  #review = new EntityReview(this, this.#ids, {
    onClose: () => this.#setReview(false),
    // A plain Corpus sends no change event: the list is read again here.
    onChange: () => {
      if (!(this.#corpus instanceof EventTarget)) this.#load();
    },
  });

  connectedCallback() {
    this.#widget.connect();
    this.#support.connect();
    if (!this.#corpus) this.#root.replaceChildren(element('p', 'corpus-entities-empty', 'Loading…'));
  }

  disconnectedCallback() {
    this.#widget.disconnect();
    this.#support.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** The Corpus or CorpusClient whose entities are listed. */
  get corpus() {
    return this.#corpus;
  }

  /** @param {AnyCorpus | string} corpus */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    this.#corpus = corpus;
    if (this.#support.follow(corpus)) this.#load();
  }

  /** `{type, min, name, review}`: the type listed, the least mentions, a name filter, "on" in review mode. */
  get state() {
    return { ...this.#state };
  }

  /** Also reads `entity` (the entity page's key): it is marked, and its type listed unless `type` says otherwise. */
  set state(state) {
    this.#state = { type: state.type ?? '', min: state.min ?? '1', name: state.name ?? '', review: state.review === 'on' ? 'on' : '' };
    if ('entity' in state) this.#selectedId = state.entity || null;
    if (this.#byType.size > 0) this.#renderAll();
    this.#widget.stateChanged();
  }

  /** The id of the entity open elsewhere (marked in the list), or null. */
  get selectedId() {
    return this.#selectedId;
  }

  set selectedId(id) {
    this.#selectedId = id;
    for (const button of this.#root.querySelectorAll('.corpus-entities-item')) markCurrent(button, button.dataset.id === id);
  }

  /** The review panel: its `settled` resolves once the decisions keyed so far are made. */
  get review() {
    return this.#review;
  }

  async #load() {
    const load = ++this.#loads;
    const entities = await this.#corpus.entities({});
    if (load !== this.#loads) return;
    this.#byType = groupByType(entities);
    this.#renderAll();
  }

  /** Enter or leave review mode, as the user asked: focus goes to the card, or back to the Review button. */
  #setReview(on) {
    this.#changed({ review: on ? 'on' : '' });
    if (on) this.#review.settled.then(() => this.#review.focus());
    else this.#root.querySelector('.corpus-entities-review-toggle')?.focus();
  }

  /** The type listed: the state's, if the corpus has it, else the selected entity's, else the first. */
  #type() {
    if (this.#byType.has(this.#state.type)) return this.#state.type;
    const selected = this.#selectedId?.split(':')[0];
    return this.#byType.has(selected) ? selected : this.#byType.keys().next().value;
  }

  #renderAll() {
    if (this.#byType.size === 0) {
      this.#root.replaceChildren(element('p', 'corpus-entities-empty', 'No entities found in this corpus.'));
      return;
    }
    // The list's box stays in place: focus in the review panel inside it
    // survives a reload of the entities (after every decision).
    const box = this.#root.querySelector('.corpus-entities-list');
    const [picker, filters] = [this.#typePicker(), this.#filters()];
    const old = [this.#root.querySelector('.corpus-entities-types'), this.#root.querySelector('.corpus-entities-filters')];
    if (box && old[0] && old[1]) {
      old[0].replaceWith(picker);
      old[1].replaceWith(filters);
    } else {
      this.#root.replaceChildren(picker, filters, element('div', 'corpus-entities-list'));
    }
    this.#renderList();
  }

  #changed(patch, { typing = false } = {}) {
    this.#state = { ...this.#state, ...patch };
    const toggle = this.#root.querySelector('.corpus-entities-review-toggle');
    if (toggle) toggle.setAttribute('aria-pressed', String(this.#state.review === 'on'));
    this.#renderList();
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true, detail: { typing } }));
  }

  /** One radio button per type that has entities: arrow keys move between them. */
  #typePicker() {
    const picker = element('fieldset', 'corpus-entities-types');
    picker.append(element('legend', 'corpus-visually-hidden', 'Entity type'));
    const shown = this.#type();
    for (const [type, entities] of this.#byType) {
      const label = element('label', 'corpus-entities-type');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = this.#radioName;
      radio.value = type;
      radio.checked = type === shown;
      radio.addEventListener('change', () => {
        if (radio.checked) this.#changed({ type });
      });
      const count = element('span', 'corpus-entities-type-count', formatCount(entities.length));
      label.append(radio, typeSwatch(type), typePluralLabel(type), ' ', count);
      picker.append(label);
    }
    return picker;
  }

  #filters() {
    const box = element('div', 'corpus-entities-filters');
    const name = input('search', 'Name contains', this.#state.name);
    name.input.addEventListener('input', () => this.#changed({ name: name.input.value }, { typing: true }));
    const min = input('number', 'At least … mentions', this.#state.min);
    min.input.min = '1';
    min.input.addEventListener('change', () => this.#changed({ min: min.input.value || '1' }));
    const review = element('button', 'corpus-entities-review-toggle', 'Review');
    review.type = 'button';
    review.setAttribute('aria-pressed', String(this.#state.review === 'on'));
    review.setAttribute('aria-description', 'Walk the most mentioned entities of this type, one key per decision');
    review.addEventListener('click', () => this.#setReview(this.#state.review !== 'on'));
    box.append(name.label, min.label, review);
    return box;
  }

  #renderList() {
    const box = this.#root.querySelector('.corpus-entities-list');
    if (!box) return;
    const type = this.#type();
    box.classList.toggle('corpus-entities-reviewing', this.#state.review === 'on');
    if (this.#state.review === 'on') {
      if (box.firstElementChild !== this.#review.panel) box.replaceChildren(this.#review.panel);
      this.#review.restart(this.#corpus, type);
      return;
    }
    const least = Math.max(1, Number(this.#state.min) || 1);
    const words = this.#state.name.trim().toLocaleLowerCase();
    const entities = (this.#byType.get(type) ?? []).filter((e) => e.count >= least
      && (!words || [e.name, ...e.aliases].some((n) => n.toLocaleLowerCase().includes(words))));
    const shown = entities.slice(0, LIST_LIMIT);
    const most = shown[0]?.count ?? 1;
    const list = element('ol', 'corpus-entities-items');
    list.setAttribute('aria-label', typePluralLabel(type));
    list.dataset.type = type; // colours the count bars
    for (const entity of shown) list.append(this.#item(entity, most));
    const nodes = [list];
    if (entities.length === 0) nodes.unshift(element('p', 'corpus-entities-note', 'No entity of this type matches the filters.'));
    if (shown.length < entities.length) {
      nodes.push(element('p', 'corpus-entities-note', `The ${formatCount(shown.length)} most mentioned of ${formatCount(entities.length)}; narrow them by name.`));
    }
    const columns = [{ label: 'Name' }, { label: 'Mentions', numeric: true }, { label: 'Documents', numeric: true }, { label: 'Also written' }];
    const rows = shown.map((e) => [e.name, e.count, e.documents, e.aliases.join('; ')]);
    const table = chartTable('Table of these entities', `${typePluralLabel(type)} by mentions`, columns, rows);
    const figure = element('figure', 'corpus-figure corpus-entities-figure');
    figure.dataset.exportName = `entities-${type}`;
    figure.setAttribute('aria-label', typePluralLabel(type)); // the type chosen above; names the export menu too
    figure.append(...nodes, table);
    box.replaceChildren(figure);
  }

  #item(entity, most) {
    const button = element('button', 'corpus-entities-item');
    button.type = 'button';
    button.dataset.id = entity.id;
    markCurrent(button, entity.id === this.#selectedId);
    // A bar beside each count compares it with the most frequent.
    const bar = element('span', 'corpus-entities-bar');
    bar.setAttribute('aria-hidden', 'true');
    bar.style.setProperty('--corpus-share', String(entity.count / most));
    // Named by what it shows, the name then the count ("Vladimir Putin 30
    // mentions"): the spaces and the unit are there for a screen reader only.
    const count = element('span', 'corpus-entities-count', formatCount(entity.count));
    count.append(element('span', 'corpus-visually-hidden', entity.count === 1 ? ' mention' : ' mentions'));
    button.append(element('span', 'corpus-entities-name', entity.name), ' ', bar, count);
    button.addEventListener('click', () => {
      this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, composed: true, detail: { id: entity.id } }));
    });
    const item = element('li');
    item.append(button);
    return item;
  }
}

/** Mark `button` as the entity open elsewhere (aria-current="true"), or not. */
function markCurrent(button, current) {
  if (current) button.setAttribute('aria-current', 'true');
  else button.removeAttribute('aria-current');
}

function input(type, labelText, value) {
  const label = element('label', 'corpus-entities-filter');
  const field = document.createElement('input');
  field.type = type;
  field.value = value;
  label.append(element('span', '', labelText), field);
  return { label, input: field };
}

/** Entities by type, types in display order; each list keeps the engine's order. */
function groupByType(entities) {
  const groups = new Map();
  for (const entity of entities) {
    if (!groups.has(entity.type)) groups.set(entity.type, []);
    groups.get(entity.type).push(entity);
  }
  const rank = (type) => (ENTITY_TYPES.includes(type) ? ENTITY_TYPES.indexOf(type) : ENTITY_TYPES.length);
  return new Map([...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}

defineStateProperties(CorpusEntities, STATE_KEYS);
