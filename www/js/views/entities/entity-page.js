// <corpus-entity>: one entity's page. Its name, type and totals; its other
// names, with the alias editor (merge another entity in, split a name off,
// undo); its mentions in context, a page at a time; its mentions over time;
// the entities most associated with it; and the words around it. Every
// chart is a <figure class="corpus-figure" data-export-name="…"> holding an
// Observable Plot SVG (role="img") and its numbers as a table.
//
// Set `corpus` to a Corpus or a CorpusClient, and `entityId` (or `state`,
// `{entity}`) to an id such as "person:vladimir-putin". A client's `change`
// event (the alias table changed) redraws.
//
// Events, all bubbling:
// - `corpus-open-document` `{id, start, end}`: a mention was chosen; the
//   span is UTF-16, so `text.slice(start, end)` is the mention;
// - `corpus-open-entity` `{id}`: an associated entity was chosen;
// - `corpus-aliases-change` `{table, entityId, previousId}` (from the alias
//   editor inside): the table changed; the page already shows `entityId`;
// - `corpus-state-change`: the page moved to another entity by itself
//   (after a merge or a split the id may change: it follows the name).
// `figures()` lists the figures that hold a chart; `rendered` resolves once
// the latest render has drawn. Corpus text goes in as text nodes only.
import { loadCharts } from '../../charts/charts.js';
import { CorpusAliasEditor } from './alias-editor.js';
import { CHARTS, chartSections, sectionError } from './entity-charts.js';
import { MENTION_PAGE, fetchMentions, mentionsSection, showMentions } from './entity-mentions.js';
import { displayDate, plural } from '../../widgets/format.js';
import { typeLabel, typeSwatch } from '../../widgets/entity-types.js';
import { element } from '../../widgets/highlight.js';
import { ViewSupport, widthChanged } from '../../widgets/view-support.js';
import { Widget, defineStateProperties, focusStatic, settled, themeValue, widgetAttributes } from '../../widgets/widget.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

let instances = 0;

const STATE_KEYS = ['entity'];

export class CorpusEntity extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #entityId = null;
  #entity = null; // the EntityDetail shown
  #renders = 0; // the latest render; a late answer to an older one is dropped
  #sections = { mentions: 0, timeline: 0, cooccur: 0, collocates: 0 };
  #rendered = Promise.resolve();
  #scheduled = null;
  #titles = null; // docId → {title, date}
  #texts = new Map(); // docId → text
  #mentions = []; // shown
  #drawn = {}; // chart → what it drew, redrawn on a resize
  #widths = {};
  #editor = null;
  #ids = `corpus-entity-${++instances}`;
  #support = new ViewSupport(this, {
    onChange: () => {
      if (!this.#editor?.busy) this.#schedule();
    },
    onResize: () => this.#onResize(),
  });

  connectedCallback() {
    this.#widget.connect();
    if (!this.#root.querySelector('.corpus-entity-page')) this.#build();
    this.#support.connect();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#widget.disconnect();
    this.#support.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** The Corpus or CorpusClient shown. */
  get corpus() {
    return this.#corpus;
  }

  /** @param {AnyCorpus | string} corpus */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    const same = corpus === this.#corpus;
    if (!same) {
      this.#corpus = corpus;
      this.#titles = null;
      this.#texts = new Map();
    }
    // While the editor applies an edit the page waits for its result.
    if (this.#support.follow(corpus) && !(same && this.#editor?.busy)) this.#schedule();
  }

  /**
   * Move focus to what the page shows, once drawn: the entity's name, or the
   * message in its place. Resolves to a short description, for the page to
   * announce.
   */
  async focusView() {
    await settled(() => this.#rendered);
    const page = this.#root.querySelector('.corpus-entity-page');
    const target = page.hidden ? this.#root.querySelector('.corpus-entity-message p') : this.#root.querySelector('.corpus-entity-title');
    focusStatic(target);
    return target?.textContent ?? '';
  }

  /** The id of the entity shown, such as "person:vladimir-putin", or null. */
  get entityId() {
    return this.#entityId;
  }

  set entityId(id) {
    const next = id || null;
    if (next === this.#entityId) return;
    this.#entityId = next;
    this.#schedule();
  }

  /** `{entity}`: the id shown, "" for none. */
  get state() {
    return { entity: this.#entityId ?? '' };
  }

  set state(state) {
    this.entityId = state?.entity || null;
    this.#widget.stateChanged();
  }

  /** Resolves when the latest render has drawn (or failed and said so). */
  get rendered() {
    return this.#rendered;
  }

  /** The figures that hold a chart: each has the SVG and its data table inside. */
  figures() {
    return [...this.#root.querySelectorAll('figure.corpus-figure')].filter((figure) => !figure.closest('[hidden]') && figure.querySelector('svg'));
  }

  /** One render for any number of changes in the same task (a client's `change` and a page setting `corpus`). */
  #schedule() {
    if (!this.#root.querySelector('.corpus-entity-page')) return;
    this.#scheduled ??= new Promise((resolve) => {
      queueMicrotask(() => {
        this.#scheduled = null;
        resolve(this.#render());
      });
    });
    this.#rendered = this.#scheduled;
  }

  // ---- building: the parts stay; renders replace what is inside them

  #build() {
    const message = element('div', 'corpus-entity-message');
    const page = element('article', 'corpus-entity-page');
    page.setAttribute('aria-labelledby', `${this.#ids}-name`);
    page.hidden = true;
    const head = element('header', 'corpus-entity-head');
    const name = element('h3', 'corpus-entity-title');
    name.id = `${this.#ids}-name`;
    name.tabIndex = -1;
    head.append(name, element('p', 'corpus-entity-totals'));
    const editor = document.createElement(customElements.getName?.(CorpusAliasEditor) ?? 'corpus-alias-editor');
    editor.classList.add('corpus-entity-card', 'corpus-entity-alias-card');
    editor.addEventListener('corpus-aliases-change', (event) => this.#onEdited(event));
    this.#editor = editor;
    const side = element('div', 'corpus-entity-side');
    side.append(editor, mentionsSection(this.#ids));
    const charts = element('div', 'corpus-entity-charts');
    charts.append(...chartSections(this.#ids, (name) => this.#fillChart(name, this.#renders), (name) => {
      if (this.#drawn[name]) this.#draw(name);
    }));
    const body = element('div', 'corpus-entity-body');
    body.append(side, charts);
    page.append(head, body);
    this.#root.replaceChildren(message, page);
  }

  // ---- rendering

  async #render() {
    await loadCharts();
    const render = ++this.#renders;
    const corpus = this.#corpus;
    const id = this.#entityId;
    if (!corpus) return this.#showMessage('Loading…');
    if (!id) return this.#showMessage('Choose an entity to see its page: its other names, its mentions in context, its mentions over time and what it is found with.');
    let entity;
    try {
      [entity] = await Promise.all([corpus.entity(id), this.#loadTitles(corpus)]);
    } catch (error) {
      if (render !== this.#renders) return undefined;
      if (!/no entity has the id/.test(error.message)) return this.#showMessage(`Could not open the entity “${id}”: ${error.message}`, true);
      // Shown a moment ago, gone after an alias edit made elsewhere: follow
      // its name to the entity that holds it now.
      const now = this.#entity?.id === id ? await this.#holder(corpus, this.#entity).catch(() => null) : null;
      if (render !== this.#renders) return undefined;
      if (!now) return this.#showUnknown(id);
      this.#entityId = now;
      this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
      return this.#render();
    }
    if (render !== this.#renders) return undefined;
    if (entity.id !== id) {
      // A link made before a type override: the engine found the entity by
      // its former id; the page, and the URL, take the id it has now.
      this.#entityId = entity.id;
      this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
    }
    const moved = this.#entity?.id !== entity.id;
    this.#entity = entity;
    this.#fillHead(entity);
    this.#editor.corpus = corpus;
    this.#editor.entity = entity;
    this.#root.querySelector('.corpus-entity-message').replaceChildren();
    this.#root.querySelector('.corpus-entity-page').hidden = false;
    // Cut short so that a long name leaves room for the chart's own part
    // (file names are cut at 60 characters), which keeps the files apart.
    const slug = entity.id.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
    for (const figure of this.#root.querySelectorAll('.corpus-entity-figure')) figure.dataset.exportName = `${slug}-${figure.dataset.section}`;
    if (moved) this.#mentions = [];
    await Promise.all([
      this.#fillMentions(render, Math.max(MENTION_PAGE, this.#mentions.length)),
      ...Object.keys(CHARTS).map((name) => this.#fillChart(name, render)),
    ]);
    return undefined;
  }

  /**
   * The id of the entity that now has `entity`'s name, as its name or an alias; null if none.
   * @param {AnyCorpus} corpus
   */
  async #holder(corpus, { type, name }) {
    const fold = (n) => n.toLocaleLowerCase();
    const entities = await corpus.entities({ types: [type] });
    const found = entities.find((e) => fold(e.name) === fold(name)) ?? entities.find((e) => e.aliases.some((a) => fold(a) === fold(name)));
    return found?.id ?? null;
  }

  #showMessage(text, isError = false) {
    const box = this.#root.querySelector('.corpus-entity-message');
    const message = element('p', isError ? 'corpus-entity-error' : 'corpus-entity-hint', text);
    if (isError) message.setAttribute('role', 'alert');
    box.replaceChildren(message);
    this.#root.querySelector('.corpus-entity-page').hidden = true;
  }

  #showUnknown(id) {
    this.#showMessage(`No entity has the id “${id}” in this corpus.`, true);
    this.#root.querySelector('.corpus-entity-message').append(element('p', 'corpus-entity-hint',
      'An alias edit may have merged it into another entity or renamed it (an id follows the name), or the link comes from another corpus. Choose an entity from the list.'));
  }

  /** @param {AnyCorpus} corpus */
  async #loadTitles(corpus) {
    if (this.#titles) return;
    const documents = await corpus.documents();
    this.#titles = new Map(documents.map((d) => [d.id, { title: d.title ?? d.id, date: displayDate(d) }]));
  }

  #fillHead(entity) {
    const name = this.#root.querySelector('.corpus-entity-title');
    name.dataset.type = entity.type;
    name.replaceChildren(typeSwatch(entity.type), element('span', 'corpus-entity-title-name', entity.name));
    const totals = this.#root.querySelector('.corpus-entity-totals');
    totals.dataset.type = entity.type;
    totals.replaceChildren(element('span', 'corpus-entity-type', typeLabel(entity.type)),
      ` · ${plural(entity.count, 'mention')} in ${plural(entity.documents, 'document')}`);
  }

  /** A function that tells whether a section's fill is still the latest. */
  #ticket(section, render) {
    const mine = ++this.#sections[section];
    return () => render === this.#renders && mine === this.#sections[section];
  }

  /**
   * Fill the section `name`: `load(section)` asks the corpus, then, unless a
   * later fill has begun, `show(answer, section)` shows the answer; a
   * failure is said in the section.
   */
  async #fill(name, render, load, show) {
    const current = this.#ticket(name, render);
    const section = this.#root.querySelector(`.corpus-entity-${name}`);
    let answer;
    try {
      answer = await load(section);
    } catch (error) {
      if (current()) sectionError(section, error);
      return;
    }
    if (current()) show(answer, section);
  }

  #fillMentions(render, limit) {
    const entity = this.#entity;
    return this.#fill('mentions', render, () => fetchMentions(this.#corpus, entity.id, limit, this.#texts), (mentions, section) => {
      this.#mentions = mentions;
      showMentions(section, {
        entity,
        mentions,
        titles: this.#titles,
        texts: this.#texts,
        open: (detail) => this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, composed: true, detail })),
        more: (next) => this.#fillMentions(this.#renders, next),
      });
    });
  }

  #fillChart(name, render) {
    return this.#fill(name, render, (section) => CHARTS[name].load(this.#corpus, this.#entity, section), (data) => {
      this.#drawn[name] = data;
      this.#draw(name);
    });
  }

  /** Draw the chart `name` from the data in hand, at its figure's width. */
  #draw(name) {
    const figure = this.#root.querySelector(`.corpus-entity-${name} figure`);
    const width = Math.floor(figure.querySelector('.corpus-entity-chart').clientWidth) || 600;
    this.#widths[name] = width;
    CHARTS[name].draw(figure, this.#drawn[name], {
      width,
      colour: (type) => themeValue(this.#root, `entity-${type}`) || 'gray',
      open: (id) => this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, composed: true, detail: { id } })),
      evidence: (other, options) => this.#corpus.evidence(this.#entity.id, other, options),
      titleOf: (docId) => this.#titles?.get(docId)?.title ?? docId,
      openDocument: (detail) => this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, composed: true, detail })),
    });
  }

  /** Redraw (from the data in hand) a chart whose box changed width. */
  #onResize() {
    for (const figure of this.#root.querySelectorAll('.corpus-entity-figure')) {
      const name = figure.dataset.section;
      const width = Math.floor(figure.querySelector('.corpus-entity-chart').clientWidth);
      if (this.#drawn[name] && widthChanged(width, this.#widths[name] ?? 0)) this.#draw(name);
    }
  }

  /** After an edit by the editor inside: show the entity that now holds the names. */
  #onEdited(event) {
    const { entityId } = event.detail;
    const moved = entityId && entityId !== this.#entityId;
    if (entityId) this.#entityId = entityId;
    this.#schedule();
    this.#rendered.then(() => {
      if (moved) this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
    });
  }
}

defineStateProperties(CorpusEntity, STATE_KEYS);
