// <corpus-entities>: the corpus's entities by type, each with its number of
// mentions, in the engine's order (count, then name); choosing one shows its
// aliases and its mentions in context, grouped by document.
//
// Set `corpus` to a Corpus. `type` is the type listed; `selectedId` the
// entity shown (setting it from outside, say for a source cited in the
// reader, also switches to its type). Choosing a mention dispatches
// `corpus-open-document` with `{id, start, end}`: the document and the
// mention's UTF-16 span. All corpus text goes in as text nodes.
import { formatCount } from './engine.js';
import { ENTITY_TYPES, typeLabel, typePluralLabel, typeSwatch } from './entity-types.js';
import { appendMarked, element } from './highlight.js';

// Enough to scan by eye; a long tail is better reached by search.
const LIST_LIMIT = 500;
const MENTION_LIMIT = 100;

// Radio groups need a page-unique name; several of these may share a page.
let instances = 0;

export class CorpusEntities extends HTMLElement {
  #corpus = null;
  #byType = new Map(); // type → entities, in the engine's order
  #type = null;
  #selectedId = null;
  #titles = new Map();
  #texts = new Map(); // docId → text, fetched when a mention needs it
  #radioName = `corpus-entities-type-${++instances}`;

  connectedCallback() {
    if (!this.#corpus) this.replaceChildren(element('p', 'corpus-entities-empty', 'Loading…'));
  }

  /** The Corpus whose entities are listed. */
  get corpus() {
    return this.#corpus;
  }

  set corpus(corpus) {
    this.#corpus = corpus;
    this.#titles = new Map(corpus.documents().map((d) => [d.id, d.title ?? d.id]));
    this.#texts = new Map();
    this.#byType = groupByType(corpus.entities({}));
    // Keep the type shown if the new corpus has it; else the first it has.
    if (!this.#byType.has(this.#type)) this.#type = this.#byType.keys().next().value ?? null;
    this.#selectedId = null;
    this.#renderAll();
  }

  /** The entity type listed, such as "person". */
  get type() {
    return this.#type;
  }

  set type(type) {
    if (type === this.#type) return;
    this.#type = type;
    this.#selectedId = null;
    this.#syncTypePicker();
    this.#renderList();
    this.#renderDetail();
  }

  /** The id of the entity shown, such as "person:vladimir-putin", or null. */
  get selectedId() {
    return this.#selectedId;
  }

  set selectedId(id) {
    const entity = id == null ? null : this.#find(id);
    if (entity && entity.type !== this.#type) {
      this.#type = entity.type;
      this.#syncTypePicker();
      this.#selectedId = entity.id;
      this.#renderList();
    } else {
      this.#selectedId = entity?.id ?? null;
      this.#syncList();
    }
    this.#renderDetail();
  }

  /** The list button of the entity shown, for focusing it after opening it from elsewhere. */
  get selectedButton() {
    return this.querySelector('.corpus-entities-item[aria-current]');
  }

  #find(id) {
    for (const entities of this.#byType.values()) {
      const found = entities.find((e) => e.id === id);
      if (found) return found;
    }
    return null;
  }

  #renderAll() {
    if (this.#byType.size === 0) {
      this.replaceChildren(element('p', 'corpus-entities-empty', 'No entities found in this corpus.'));
      return;
    }
    const body = element('div', 'corpus-entities-body');
    body.append(element('div', 'corpus-entities-list'), element('div', 'corpus-entity-detail'));
    this.replaceChildren(this.#typePicker(), body);
    this.#renderList();
    this.#renderDetail();
  }

  /** One radio button per type that has entities: arrow keys move between them. */
  #typePicker() {
    const picker = element('fieldset', 'corpus-entities-types');
    picker.append(element('legend', 'corpus-visually-hidden', 'Entity type'));
    for (const [type, entities] of this.#byType) {
      const label = element('label', 'corpus-entities-type');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = this.#radioName;
      radio.value = type;
      radio.checked = type === this.#type;
      radio.addEventListener('change', () => {
        if (radio.checked) this.type = type;
      });
      const count = element('span', 'corpus-entities-type-count', formatCount(entities.length));
      label.append(radio, typeSwatch(type), typePluralLabel(type), ' ', count);
      picker.append(label);
    }
    return picker;
  }

  #syncTypePicker() {
    for (const radio of this.querySelectorAll('.corpus-entities-types input')) radio.checked = radio.value === this.#type;
  }

  #renderList() {
    const box = this.querySelector('.corpus-entities-list');
    if (!box) return;
    const entities = this.#byType.get(this.#type) ?? [];
    const shown = entities.slice(0, LIST_LIMIT);
    const most = shown[0]?.count ?? 1;
    const list = element('ol', 'corpus-entities-items');
    list.setAttribute('aria-label', typePluralLabel(this.#type));
    list.dataset.type = this.#type; // colours the count bars
    for (const entity of shown) {
      const button = element('button', 'corpus-entities-item');
      button.type = 'button';
      button.dataset.id = entity.id;
      // A small bar beside each count compares it with the most frequent.
      const bar = element('span', 'corpus-entities-bar');
      bar.style.setProperty('--corpus-share', String(entity.count / most));
      button.append(element('span', 'corpus-entities-name', entity.name), bar,
        element('span', 'corpus-entities-count', formatCount(entity.count)));
      button.setAttribute('aria-label', `${entity.name}, ${mentionsPhrase(entity.count)}`);
      button.addEventListener('click', () => {
        this.selectedId = entity.id;
      });
      const item = element('li');
      item.append(button);
      list.append(item);
    }
    const nodes = [list];
    if (shown.length < entities.length) {
      nodes.push(element('p', 'corpus-entities-note', `The ${formatCount(shown.length)} most mentioned of ${formatCount(entities.length)}.`));
    }
    box.replaceChildren(...nodes);
    this.#syncList();
  }

  #syncList() {
    for (const button of this.querySelectorAll('.corpus-entities-item')) {
      if (button.dataset.id === this.#selectedId) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  #renderDetail() {
    const box = this.querySelector('.corpus-entity-detail');
    if (!box) return;
    const entity = this.#selectedId && this.#find(this.#selectedId);
    if (!entity) {
      box.replaceChildren(element('p', 'corpus-entities-hint', 'Choose an entity to see its aliases and its mentions in context.'));
      return;
    }
    const heading = element('h3', 'corpus-entity-name');
    heading.append(typeSwatch(entity.type), entity.name);
    const documents = `${formatCount(entity.documents)} ${entity.documents === 1 ? 'document' : 'documents'}`;
    const facts = element('p', 'corpus-entity-facts', `${typeLabel(entity.type)} · ${mentionsPhrase(entity.count)} in ${documents}`);
    const nodes = [heading, facts];
    if (entity.aliases.length > 0) nodes.push(element('p', 'corpus-entity-aliases', `Also written: ${entity.aliases.join(', ')}`));
    nodes.push(...this.#mentions(entity));
    box.replaceChildren(...nodes);
  }

  /** The mentions, a heading per document, each mention in its sentence. */
  #mentions(entity) {
    const mentions = this.#corpus.mentions(entity.id, { limit: MENTION_LIMIT });
    const list = element('ol', 'corpus-mentions');
    list.setAttribute('aria-label', `Mentions of ${entity.name}`);
    let group = null;
    for (const mention of mentions) {
      if (group?.docId !== mention.docId) {
        group = { docId: mention.docId, items: element('ol', 'corpus-mention-items') };
        const item = element('li', 'corpus-mention-document');
        item.append(element('h4', 'corpus-mention-title', this.#titles.get(mention.docId) ?? mention.docId), group.items);
        list.append(item);
      }
      group.items.append(this.#mentionItem(mention));
    }
    const nodes = [list];
    if (mentions.length < entity.count) {
      nodes.push(element('p', 'corpus-entities-note', `Showing the first ${formatCount(mentions.length)} of ${formatCount(entity.count)} mentions.`));
    }
    return nodes;
  }

  #mentionItem({ docId, start, end, sentence }) {
    const text = this.#text(docId).slice(sentence.start, sentence.end);
    const button = element('button', 'corpus-mention');
    button.type = 'button';
    appendMarked(button, text, [{ start: start - sentence.start, end: end - sentence.start }], 'corpus-hit');
    button.addEventListener('click', () => {
      this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, detail: { id: docId, start, end } }));
    });
    const item = element('li');
    item.append(button);
    return item;
  }

  #text(docId) {
    if (!this.#texts.has(docId)) this.#texts.set(docId, this.#corpus.document(docId).text);
    return this.#texts.get(docId);
  }
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

function mentionsPhrase(count) {
  return `${formatCount(count)} ${count === 1 ? 'mention' : 'mentions'}`;
}
