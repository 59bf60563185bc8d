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
import { barX, barY, dot, line, plot, ruleX, ruleY, text } from '../vendor/charts.js';
import { CorpusAliasEditor } from './alias-editor.js';
import { chartTable } from './chart-table.js';
import { displayDate, formatCount } from './format.js';
import { typeLabel, typeSwatch } from './entity-types.js';
import { appendMarked, element } from './highlight.js';
import { MEASURES, formatScore, measureLabel, optionElements, unitPlural } from './network-options.js';

const MENTION_PAGE = 10; // mentions shown at first, and added by "Show more"
const TOP = 12; // bars of the association charts
const COLLOCATES = 40; // rows of the collocates table
const BUCKETS = [['year', 'Year'], ['month', 'Month'], ['issue', 'Issue']];
const UNITS = [['sentence', 'sentence'], ['paragraph', 'paragraph'], ['document', 'document']];
const WINDOWS = [[2, '2 words'], [5, '5 words'], [10, '10 words'], [20, '20 words']];
// Plot writes colours and fonts into SVG attributes; text follows the page
// through currentColor.
const PLOT_STYLE = { background: 'transparent', color: 'currentColor', fontSize: '11px', fontFamily: 'inherit' };
const CHAR_WIDTH = 6.5; // px per character of an 11 px label
const BAR_STEP = 24; // px per bar
const LABEL_CHARS = 26; // longer axis labels are cut ("…"); the table has them whole
// The types corpus.cooccurrence counts by default; a page of a date, a sum or
// a quantity adds its own type, or the entity would have no edges at all.
const NETWORK_TYPES = ['person', 'place', 'organization', 'media', 'nationality', 'event'];

let instances = 0;

export class CorpusEntity extends HTMLElement {
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
  #drawn = {}; // section → data, redrawn on a resize
  #widths = {};
  #resize = null;
  #editor = null;
  #ids = `corpus-entity-${++instances}`;

  connectedCallback() {
    if (!this.querySelector('.corpus-entity-page')) this.#build();
    this.#listen(this.#corpus);
    this.#resize ??= new ResizeObserver(() => this.#onResize());
    this.#resize.observe(this);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#unlisten(this.#corpus);
    this.#resize?.disconnect();
  }

  /** The Corpus or CorpusClient shown. */
  get corpus() {
    return this.#corpus;
  }

  set corpus(corpus) {
    const same = corpus === this.#corpus;
    if (!same) {
      this.#unlisten(this.#corpus);
      this.#corpus = corpus;
      this.#titles = null;
      this.#texts = new Map();
      if (this.isConnected) this.#listen(corpus);
    }
    // While the editor applies an edit the page waits for its result.
    if (same && this.#editor?.busy) return;
    this.#schedule();
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
  }

  /** Resolves when the latest render has drawn (or failed and said so). */
  get rendered() {
    return this.#rendered;
  }

  /** The figures that hold a chart: each has the SVG and its data table inside. */
  figures() {
    return [...this.querySelectorAll('figure.corpus-figure')].filter((figure) => !figure.closest('[hidden]') && figure.querySelector('svg'));
  }

  #onChange = () => {
    if (!this.#editor?.busy) this.#schedule();
  };

  #listen(corpus) {
    corpus?.addEventListener?.('change', this.#onChange);
  }

  #unlisten(corpus) {
    corpus?.removeEventListener?.('change', this.#onChange);
  }

  /** One render for any number of changes in the same task (a client's `change` and a page setting `corpus`). */
  #schedule() {
    if (!this.querySelector('.corpus-entity-page')) return;
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
    side.append(editor, this.#mentionsSection());
    const charts = element('div', 'corpus-entity-charts');
    charts.append(this.#timelineSection(), this.#cooccurSection(), this.#collocatesSection());
    const body = element('div', 'corpus-entity-body');
    body.append(side, charts);
    page.append(head, body);
    this.replaceChildren(message, page);
  }

  #mentionsSection() {
    const section = element('section', 'corpus-entity-card corpus-entity-mentions');
    section.setAttribute('aria-labelledby', `${this.#ids}-mentions`);
    const title = element('h4', 'corpus-entity-section-title', 'Mentions in context');
    title.id = `${this.#ids}-mentions`;
    const more = element('div', 'corpus-entity-more');
    section.append(title, element('ol', 'corpus-entity-mention-list'), more);
    return section;
  }

  #timelineSection() {
    const buckets = element('fieldset', 'corpus-entity-switch');
    buckets.append(element('legend', 'corpus-visually-hidden', 'Count by'));
    for (const [value, label] of BUCKETS) {
      const option = element('label', 'corpus-entity-switch-option');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = `${this.#ids}-bucket`;
      radio.value = value;
      radio.checked = value === 'year';
      radio.addEventListener('change', () => this.#fillTimeline(this.#renders));
      option.append(radio, label);
      buckets.append(option);
    }
    return this.#chartSection('timeline', 'Mentions over time', [buckets]);
  }

  #cooccurSection() {
    const unit = select('corpus-entity-unit', 'Counted by', UNITS, 'sentence');
    const measure = select('corpus-entity-measure', 'Ranked by', MEASURES, 'logdice');
    for (const control of [unit, measure]) control.field.addEventListener('change', () => this.#fillCooccurrence(this.#renders));
    return this.#chartSection('cooccur', 'Associated entities', [unit.label, measure.label]);
  }

  #collocatesSection() {
    const within = select('corpus-entity-window', 'Within', WINDOWS, '5');
    const measure = select('corpus-entity-collocate-measure', 'Ranked by', MEASURES, 'logdice');
    for (const control of [within, measure]) control.field.addEventListener('change', () => this.#fillCollocates(this.#renders));
    return this.#chartSection('collocates', 'Words around it', [within.label, measure.label]);
  }

  /** A card with a heading and controls, then a figure: caption, chart, table. */
  #chartSection(name, title, controls) {
    const section = element('section', `corpus-entity-card corpus-entity-${name}`);
    const heading = element('h4', 'corpus-entity-section-title', title);
    heading.id = `${this.#ids}-${name}`;
    section.setAttribute('aria-labelledby', heading.id);
    const bar = element('div', 'corpus-entity-controls');
    bar.append(...controls);
    const figure = element('figure', 'corpus-figure corpus-entity-figure');
    figure.dataset.section = name;
    figure.append(element('figcaption', 'corpus-entity-caption'), element('div', 'corpus-entity-chart'), element('div', 'corpus-entity-table'));
    section.append(heading, bar, figure);
    return section;
  }

  // ---- rendering

  async #render() {
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
      this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true }));
      return this.#render();
    }
    if (render !== this.#renders) return undefined;
    const moved = this.#entity?.id !== entity.id;
    this.#entity = entity;
    this.#fillHead(entity);
    this.#editor.corpus = corpus;
    this.#editor.entity = entity;
    this.querySelector('.corpus-entity-message').replaceChildren();
    this.querySelector('.corpus-entity-page').hidden = false;
    const slug = entity.id.replace(/[^\p{L}\p{N}]+/gu, '-');
    for (const figure of this.querySelectorAll('.corpus-entity-figure')) figure.dataset.exportName = `${slug}-${figure.dataset.section}`;
    if (moved) this.#mentions = [];
    await Promise.all([
      this.#fillMentions(render, Math.max(MENTION_PAGE, this.#mentions.length)),
      this.#fillTimeline(render),
      this.#fillCooccurrence(render),
      this.#fillCollocates(render),
    ]);
    return undefined;
  }

  /** The id of the entity that now has `entity`'s name, as its name or an alias; null if none. */
  async #holder(corpus, { type, name }) {
    const fold = (n) => n.toLocaleLowerCase();
    const entities = await corpus.entities({ types: [type] });
    const found = entities.find((e) => fold(e.name) === fold(name)) ?? entities.find((e) => e.aliases.some((a) => fold(a) === fold(name)));
    return found?.id ?? null;
  }

  #showMessage(text, isError = false) {
    const box = this.querySelector('.corpus-entity-message');
    const message = element('p', isError ? 'corpus-entity-error' : 'corpus-entity-hint', text);
    if (isError) message.setAttribute('role', 'alert');
    box.replaceChildren(message);
    this.querySelector('.corpus-entity-page').hidden = true;
  }

  #showUnknown(id) {
    this.#showMessage(`No entity has the id “${id}” in this corpus.`, true);
    this.querySelector('.corpus-entity-message').append(element('p', 'corpus-entity-hint',
      'An alias edit may have merged it into another entity or renamed it (an id follows the name), or the link comes from another corpus. Choose an entity from the list.'));
  }

  async #loadTitles(corpus) {
    if (this.#titles) return;
    const documents = await corpus.documents();
    this.#titles = new Map(documents.map((d) => [d.id, { title: d.title ?? d.id, date: displayDate(d) }]));
  }

  #fillHead(entity) {
    const name = this.querySelector('.corpus-entity-title');
    name.dataset.type = entity.type;
    name.replaceChildren(typeSwatch(entity.type), element('span', 'corpus-entity-title-name', entity.name));
    const totals = this.querySelector('.corpus-entity-totals');
    totals.dataset.type = entity.type;
    totals.replaceChildren(element('span', 'corpus-entity-type', typeLabel(entity.type)),
      ` · ${plural(entity.count, 'mention')} in ${plural(entity.documents, 'document')}`);
  }

  /** A function that tells whether a section's fill is still the latest. */
  #ticket(section, render) {
    const mine = ++this.#sections[section];
    return () => render === this.#renders && mine === this.#sections[section];
  }

  // ---- mentions

  async #fillMentions(render, limit) {
    const current = this.#ticket('mentions', render);
    const entity = this.#entity;
    const section = this.querySelector('.corpus-entity-mentions');
    let mentions;
    try {
      mentions = await this.#corpus.mentions(entity.id, { limit });
      await Promise.all([...new Set(mentions.map((m) => m.docId))].map((docId) => this.#text(docId)));
    } catch (error) {
      if (current()) this.#sectionError(section, error);
      return;
    }
    if (!current()) return;
    this.#mentions = mentions;
    const list = section.querySelector('.corpus-entity-mention-list');
    list.dataset.type = entity.type; // colours the marks
    list.setAttribute('aria-label', `Mentions of ${entity.name}`);
    const perDocument = new Map(entity.perDocument.map((d) => [d.docId, d.count]));
    const groups = [];
    for (const mention of mentions) {
      if (groups.at(-1)?.docId !== mention.docId) groups.push({ docId: mention.docId, items: [] });
      groups.at(-1).items.push(mention);
    }
    list.replaceChildren(...groups.map(({ docId, items }) => this.#mentionGroup(docId, items, perDocument.get(docId))));
    this.#fillMore(section, entity, mentions.length);
    section.querySelector('.corpus-entity-error')?.remove();
  }

  #mentionGroup(docId, mentions, count) {
    const group = element('li', 'corpus-entity-mention-document');
    const { title, date } = this.#titles?.get(docId) ?? { title: docId, date: '' };
    const head = element('p', 'corpus-entity-mention-title');
    head.append(element('span', 'corpus-entity-mention-doc', title));
    const facts = [date, count == null ? '' : plural(count, 'mention')].filter(Boolean).join(' · ');
    if (facts) head.append(element('span', 'corpus-entity-mention-facts', facts));
    const items = element('ol', 'corpus-entity-mention-items');
    items.append(...mentions.map((m) => this.#mentionItem(m, title)));
    group.append(head, items);
    return group;
  }

  #mentionItem({ docId, start, end, sentence }, title) {
    const text = this.#texts.get(docId) ?? '';
    const button = element('button', 'corpus-entity-mention');
    button.type = 'button';
    appendMarked(button, text.slice(sentence.start, sentence.end), [{ start: start - sentence.start, end: end - sentence.start }], 'corpus-entity');
    button.setAttribute('aria-description', `Open in the reader: ${title}`);
    button.addEventListener('click', () => {
      this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, detail: { id: docId, start, end } }));
    });
    const item = element('li');
    item.append(button);
    return item;
  }

  #fillMore(section, entity, shown) {
    const more = section.querySelector('.corpus-entity-more');
    const left = entity.count - shown;
    if (left <= 0) {
      more.replaceChildren(element('p', 'corpus-entity-note', `All ${plural(entity.count, 'mention')}.`));
      return;
    }
    const button = element('button', 'corpus-entity-more-button', `Show ${formatCount(Math.min(MENTION_PAGE, left))} more`);
    button.type = 'button';
    button.addEventListener('click', async () => {
      button.disabled = true;
      const before = section.querySelectorAll('.corpus-entity-mention').length;
      await this.#fillMentions(this.#renders, shown + MENTION_PAGE);
      // The keyboard carries on from the first mention added.
      section.querySelectorAll('.corpus-entity-mention')[before]?.focus();
    });
    more.replaceChildren(element('p', 'corpus-entity-note', `${formatCount(left)} more`), button);
  }

  async #text(docId) {
    if (!this.#texts.has(docId)) this.#texts.set(docId, (await this.#corpus.document(docId)).text);
    return this.#texts.get(docId);
  }

  // ---- mentions over time

  async #fillTimeline(render) {
    const current = this.#ticket('timeline', render);
    const entity = this.#entity;
    const bucket = this.querySelector(`input[name="${this.#ids}-bucket"]:checked`)?.value ?? 'year';
    const section = this.querySelector('.corpus-entity-timeline');
    let timeline;
    try {
      timeline = await this.#corpus.timeline({ entities: [entity.id], bucket });
    } catch (error) {
      if (current()) this.#sectionError(section, error);
      return;
    }
    if (!current()) return;
    this.#drawn.timeline = { entity, timeline };
    this.#drawTimeline();
  }

  #drawTimeline() {
    const { entity, timeline } = this.#drawn.timeline;
    const figure = this.querySelector('.corpus-entity-timeline figure');
    const { bucket, buckets, tokens } = timeline;
    const series = timeline.series[0] ?? { values: buckets.map(() => 0), total: 0 };
    const per = { year: 'year', month: 'month', issue: 'issue', document: 'document' }[bucket] ?? bucket;
    const caption = `Mentions of ${entity.name} per ${per}, ${formatCount(series.total)} in all`;
    // A period without documents has no count, rather than 0: the line
    // breaks there instead of dipping to the axis.
    const points = buckets.map((b, i) => ({ bucket: b, value: tokens[i] === 0 ? null : series.values[i], words: tokens[i] }));
    const width = this.#width(figure);
    const colour = this.#typeColour(entity.type);
    const step = Math.max(1, Math.ceil((buckets.length * 70) / width));
    const longest = Math.max(0, ...buckets.map((b) => b.length));
    const slant = longest * CHAR_WIDTH + 8 > (width - 60) / Math.ceil(buckets.length / step);
    const bars = bucket === 'issue' || bucket === 'document';
    const tip = (p) => `${p.bucket}: ${p.value == null ? 'no documents' : plural(p.value, 'mention')}`;
    const most = Math.max(0, ...points.map((p) => p.value ?? 0));
    const svg = plot({
      width,
      height: 220,
      marginBottom: slant ? Math.min(120, longest * 4.5 + 20) : 30,
      style: PLOT_STYLE,
      x: { type: bars ? 'band' : 'point', domain: buckets, ticks: buckets.filter((_, i) => i % step === 0), label: null, tickRotate: slant ? -30 : 0, padding: bars ? 0.2 : 0.5 },
      // Whole numbers: no tick at half a mention.
      y: { grid: true, label: 'mentions', nice: true, zero: true, ticks: Math.max(1, Math.min(5, most)), tickFormat: 'd' },
      marks: bars
        ? [barY(points, { x: 'bucket', y: 'value', fill: colour, title: tip }), ruleY([0])]
        : [
          ruleY([0]),
          line(points, { x: 'bucket', y: 'value', stroke: colour, strokeWidth: 2 }),
          dot(points.filter((p) => p.value != null), { x: 'bucket', y: 'value', fill: colour, r: 3, title: tip }),
        ],
    });
    const columns = [{ label: capitalise(per) }, { label: 'Mentions', numeric: true }, { label: 'Words in the period', numeric: true }];
    // "–": no documents in that period (not the same as no mentions).
    const rows = points.map((p) => [p.bucket, p.value == null ? '–' : formatCount(p.value), formatCount(p.words)]);
    fill(figure, {
      caption,
      svg: described(svg, `${caption}; the table below has the numbers`),
      table: chartTable('Mentions over time as a table', caption, columns, rows),
      empty: series.total === 0 ? 'No mentions to draw.' : '',
    });
  }

  // ---- associated entities

  async #fillCooccurrence(render) {
    const current = this.#ticket('cooccur', render);
    const entity = this.#entity;
    const section = this.querySelector('.corpus-entity-cooccur');
    const unit = section.querySelector('.corpus-entity-unit').value;
    const measure = section.querySelector('.corpus-entity-measure').value;
    let network;
    try {
      // The whole network, then this entity's edges: the `entities` option
      // would count only among the ids given ("among themselves"), and a
      // `query` scope would change every other entity's frequency, and so
      // every score. Columns cross from a worker far faster than objects.
      const types = NETWORK_TYPES.includes(entity.type) ? {} : { types: [...NETWORK_TYPES, entity.type] };
      network = await this.#corpus.cooccurrenceColumns({ unit, measure, ...types });
    } catch (error) {
      if (current()) this.#sectionError(section, error);
      return;
    }
    if (!current()) return;
    this.#drawn.cooccur = { entity, unit, measure, rows: neighbours(network, entity.id) };
    this.#drawCooccurrence();
  }

  #drawCooccurrence() {
    const { entity, unit, measure, rows } = this.#drawn.cooccur;
    const figure = this.querySelector('.corpus-entity-cooccur figure');
    const counting = measure === 'count';
    const name = measureLabel(measure);
    const caption = `Entities in the same ${unit} as ${entity.name}, ${counting ? 'by count' : `by ${name}`}`;
    const top = rows.slice(0, TOP);
    const bars = top.map((r) => ({
      key: r.id,
      label: r.name,
      value: r.score,
      colour: this.#typeColour(r.type),
      title: `${r.name} (${typeLabel(r.type).toLowerCase()}): together in ${plural(r.count, unitPlural(unit, 1), unitPlural(unit))}${counting ? '' : `, ${name} ${formatScore(r.score)}`}`,
      id: r.id,
    }));
    const svg = top.length ? barChart(bars, { width: this.#width(figure), label: counting ? `${unitPlural(unit)} together` : name, whole: counting }) : null;
    if (svg) {
      // A bar opens its entity; the table's buttons do the same from the keyboard.
      const rects = svg.querySelectorAll('g[aria-label="bar"] rect');
      rects.forEach((rect, i) => {
        rect.classList.add('corpus-entity-bar-link');
        rect.addEventListener('click', () => this.#openEntity(bars[i].id));
      });
    }
    const columns = [{ label: 'Entity' }, { label: 'Type' }, { label: `${capitalise(unitPlural(unit))} together`, numeric: true }];
    if (!counting) columns.push({ label: name, numeric: true });
    const tableRows = rows.map((r) => {
      const open = element('button', 'corpus-link', r.name);
      open.type = 'button';
      open.addEventListener('click', () => this.#openEntity(r.id));
      const cells = [open, typeLabel(r.type), formatCount(r.count)];
      if (!counting) cells.push(formatScore(r.score));
      return cells;
    });
    fill(figure, {
      caption: rows.length > TOP ? `${caption}: the ${TOP} highest of ${formatCount(rows.length)}` : caption,
      svg: svg && described(svg, `${caption}; the table below has the numbers`),
      table: rows.length ? chartTable('Associated entities as a table', caption, columns, tableRows) : null,
      empty: `No other entity is found in the same ${unit}.`,
    });
  }

  #openEntity(id) {
    this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, detail: { id } }));
  }

  // ---- collocates

  async #fillCollocates(render) {
    const current = this.#ticket('collocates', render);
    const entity = this.#entity;
    const section = this.querySelector('.corpus-entity-collocates');
    const within = Number(section.querySelector('.corpus-entity-window').value);
    const measure = section.querySelector('.corpus-entity-collocate-measure').value;
    let collocates;
    try {
      collocates = await this.#corpus.collocates(entity.id, { window: within, measure, limit: COLLOCATES });
    } catch (error) {
      if (current()) this.#sectionError(section, error);
      return;
    }
    if (!current()) return;
    this.#drawn.collocates = { entity, within, measure, collocates };
    this.#drawCollocates();
  }

  #drawCollocates() {
    const { entity, within, measure, collocates } = this.#drawn.collocates;
    const figure = this.querySelector('.corpus-entity-collocates figure');
    const counting = measure === 'count';
    const name = measureLabel(measure);
    const caption = `Words within ${plural(within, 'word')} of ${entity.name}, ${counting ? 'by count' : `by ${name}`}`;
    const colour = this.#typeColour(entity.type);
    const bars = collocates.slice(0, TOP).map((c) => ({
      key: c.term,
      label: c.term,
      value: c.score,
      colour,
      title: `${c.term}: ${plural(c.count, 'time')} near ${entity.name}${counting ? '' : `, ${name} ${formatScore(c.score)}`}`,
    }));
    const svg = bars.length ? barChart(bars, { width: this.#width(figure), label: counting ? 'times near it' : name, whole: counting }) : null;
    const columns = [{ label: 'Word' }, { label: 'Near it', numeric: true }, { label: 'Expected', numeric: true }];
    if (!counting) columns.push({ label: name, numeric: true });
    columns.push({ label: 'p', numeric: true });
    const rows = collocates.map((c) => {
      const cells = [c.term, formatCount(c.count), formatScore(c.expected)];
      if (!counting) cells.push(formatScore(c.score));
      cells.push(formatP(c.pValue));
      return cells;
    });
    fill(figure, {
      caption: collocates.length > TOP ? `${caption}: the ${TOP} highest` : caption,
      svg: svg && described(svg, `${caption}; the table below has the numbers`),
      table: rows.length ? chartTable('Words around it as a table', caption, columns, rows) : null,
      empty: 'No words around it (stop words are left out).',
    });
  }

  // ---- shared

  #sectionError(section, error) {
    const figure = section.querySelector('figure');
    const message = element('p', 'corpus-entity-error', `Could not compute this: ${error.message}`);
    message.setAttribute('role', 'alert');
    if (figure) fill(figure, { caption: '', svg: null, table: null, empty: '' });
    section.querySelector('.corpus-entity-error')?.remove();
    section.append(message);
  }

  #typeColour(type) {
    return getComputedStyle(this).getPropertyValue(`--corpus-entity-${type}`).trim() || 'gray';
  }

  #width(figure) {
    const chart = figure.querySelector('.corpus-entity-chart');
    const width = Math.floor(chart.clientWidth) || 600;
    this.#widths[figure.dataset.section] = width;
    return width;
  }

  /** Redraw (from the data in hand) a chart whose box changed width. */
  #onResize() {
    const draw = { timeline: () => this.#drawTimeline(), cooccur: () => this.#drawCooccurrence(), collocates: () => this.#drawCollocates() };
    for (const figure of this.querySelectorAll('.corpus-entity-figure')) {
      const section = figure.dataset.section;
      const width = Math.floor(figure.querySelector('.corpus-entity-chart').clientWidth);
      if (!this.#drawn[section] || !width || Math.abs(width - (this.#widths[section] ?? 0)) < 16) continue;
      draw[section]();
    }
  }

  /** After an edit by the editor inside: show the entity that now holds the names. */
  #onEdited(event) {
    const { entityId } = event.detail;
    const moved = entityId && entityId !== this.#entityId;
    if (entityId) this.#entityId = entityId;
    this.#schedule();
    this.#rendered.then(() => {
      if (moved) this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true }));
    });
  }
}

// ---- helpers

function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function capitalise(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function formatP(p) {
  if (p == null || Number.isNaN(p)) return '';
  return p < 0.001 ? p.toExponential(1) : p.toPrecision(2);
}

let fields = 0;

/**
 * A <select> with `[value, label]` options and its label beside it (not
 * around it, so that its name is the label alone): `{label, field}`, the
 * label being the pair's box.
 */
function select(className, text, pairs, selected) {
  const box = element('span', 'corpus-entity-control');
  const field = element('select', className);
  field.id = `corpus-entity-field-${++fields}`;
  field.append(...optionElements(pairs.map(([v, l]) => [String(v), l]), String(selected)));
  const label = element('label', '', text);
  label.htmlFor = field.id;
  box.append(label, field);
  return { label: box, field };
}

/** This entity's edges in a network's columns, best first: `[{id, name, type, count, score}]`. */
function neighbours({ nodes, edges }, id) {
  const self = nodes.id.indexOf(id);
  if (self < 0) return [];
  const rows = [];
  for (let k = 0; k < edges.source.length; k++) {
    const s = edges.source[k];
    const t = edges.target[k];
    if (s !== self && t !== self) continue;
    const other = s === self ? t : s;
    rows.push({ id: nodes.id[other], name: nodes.name[other], type: nodes.type[other], count: edges.count[k], score: edges.score[k] });
  }
  return rows.sort((a, b) => b.score - a.score || b.count - a.count || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Horizontal bars, in the order given: `[{key, label, value, colour, title}]`; `whole`: counts. */
function barChart(rows, { width, label, whole = false }) {
  const labels = new Map(rows.map((r) => [r.key, cut(r.label)]));
  const longest = Math.max(...[...labels.values()].map((l) => l.length));
  const marginLeft = Math.min(Math.round(width * 0.45), Math.max(40, Math.ceil(longest * CHAR_WIDTH) + 12));
  const low = Math.min(0, ...rows.map((r) => r.value));
  const high = Math.max(...rows.map((r) => r.value));
  const ticks = whole ? { ticks: Math.max(1, Math.min(5, high)), tickFormat: 'd' } : {};
  return plot({
    width,
    height: rows.length * BAR_STEP + 44,
    marginLeft,
    marginRight: 44,
    style: PLOT_STYLE,
    x: { grid: true, label, nice: true, domain: low < 0 ? undefined : [0, high || 1], ...ticks },
    y: { domain: rows.map((r) => r.key), tickFormat: (key) => labels.get(key), label: null, padding: 0.2 },
    marks: [
      barX(rows, { x: 'value', y: 'key', fill: 'colour', title: 'title' }),
      text(rows, { x: 'value', y: 'key', text: (r) => formatScore(r.value), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      ruleX([0]),
    ],
  });
}

function cut(label) {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

/** An SVG from Plot, labelled for screen readers and found by exports (`svg[role="img"]`). */
function described(svg, description) {
  svg.classList.add('corpus-entity-svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', description);
  return svg;
}

/** Put a chart into its figure: caption, SVG (or a note why there is none), table. */
function fill(figure, { caption, svg, table, empty }) {
  figure.querySelector('.corpus-entity-caption').textContent = caption;
  figure.querySelector('.corpus-entity-chart').replaceChildren(svg ?? element('p', 'corpus-entity-note', empty));
  figure.querySelector('.corpus-entity-table').replaceChildren(...(table ? [table] : []));
  figure.classList.toggle('is-empty', !svg);
  figure.closest('section')?.querySelector(':scope > .corpus-entity-error')?.remove();
}
