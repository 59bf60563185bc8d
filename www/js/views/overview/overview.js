// <corpus-overview>: the corpus at a glance. Its totals and date range;
// documents and entity mentions over time; the most mentioned people,
// places, organisations and media as bar charts; the documents table; and
// the passages that repeat (repeated-passages.js).
// Every chart is a <figure class="corpus-figure" data-export-name="…">
// holding an Observable Plot SVG and its numbers as a table.
//
// Set `corpus` to a Corpus or a CorpusClient; a client's `change` event (the
// alias table changed) redraws. Choosing a bar, or its row in the table
// beneath, dispatches a bubbling `corpus-open-entity` with `{id}`; the
// documents table dispatches `corpus-open-document` with `{id}`, a repeated
// passage with `{id, start, end}` (UTF-16).
// `figures()` lists the figures that hold a chart, for export buttons;
// `rendered` resolves once the latest render has finished. The charts are
// redrawn to fit when the element's width changes.
import { charts, loadCharts } from '../../charts/charts.js';
import { PLOT_STYLE, chartFigure, clip, describedSvg, figureHeadingId, fillFigure } from '../../charts/chart-figure.js';
import { chartTable, cssPalette, exact } from '../../charts/chart-table.js';
import { displayDate, formatCount } from '../../widgets/format.js';
import { typePluralLabel } from '../../widgets/entity-types.js';
import { element } from '../../widgets/highlight.js';
import { repeatedBox, repeatedError, showRepeated } from './repeated-passages.js';
import { ViewSupport, widthChanged } from '../../widgets/view-support.js';
import { Widget, defineStateProperties, themeValue, widgetAttributes } from '../../widgets/widget.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

/** @type {import('../../../pkg/corpus_lens.js').EntityType[]} */
const ENTITY_TYPES = ['person', 'place', 'organization', 'media'];
const TOP = 10; // bars per entity chart
// A corpus spanning fewer years than this, every document dated to the
// month, is counted by month: a handful of yearly bars says little.
const MONTHLY_BELOW_YEARS = 3;
const CHAR_WIDTH = 6.5; // px per character of an 11 px label, for margins
const BAR_STEP = 24; // px per bar of a horizontal bar chart

const STATE_KEYS = [];


export class CorpusOverview extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #data = null; // the last render's results, redrawn on a resize
  #runs = 0; // the latest render; an older render's late answer is dropped
  #drawnWidth = 0;
  #rendered = Promise.resolve();
  #repeats = null; // {corpus, fingerprint, duplicates}: an alias edit changes no text, so they are kept
  #support = new ViewSupport(this, { onChange: () => this.#render(), onResize: () => this.#onResize() });

  connectedCallback() {
    this.#widget.connect();
    if (!this.#root.querySelector('.corpus-overview-stats')) this.#build();
    this.#support.connect();
    this.#render();
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
    this.#corpus = corpus;
    if (this.#support.follow(corpus)) this.#render();
  }

  /**
   * The overview has no settings of its own: `state` is always `{}`, and
   * setting it (as a page does for every view from its URL) changes nothing.
   */
  get state() {
    return {};
  }

  set state(_value) {
    // Nothing to set.
  }

  /** Resolves when the latest render has drawn (or failed and said so). */
  get rendered() {
    return this.#rendered;
  }

  /** The figures that hold a chart: each has the SVG and its data table inside. */
  figures() {
    return [...this.#root.querySelectorAll('figure.corpus-figure')].filter((figure) => !figure.hidden && figure.querySelector('svg'));
  }

  #build() {
    const error = element('p', 'corpus-chart-error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const timeNote = element('p', 'corpus-overview-note corpus-overview-time-note');
    timeNote.hidden = true;
    const time = element('div', 'corpus-overview-grid corpus-overview-time');
    time.append(chartFigure('documents-over-time', 'Documents per year'), chartFigure('mentions-over-time', 'Mentions per year'));
    const entities = element('div', 'corpus-overview-grid corpus-overview-entities');
    entities.append(...ENTITY_TYPES.map((type) => chartFigure(`top-${type}`, typePluralLabel(type))));
    entities.addEventListener('click', this.#onEntityClick);
    // A figure, like the charts, so that the page's export menu offers the table as CSV and JSON.
    const documents = element('figure', 'corpus-figure corpus-overview-documents');
    documents.dataset.exportName = 'documents';
    documents.append(document.createElement('corpus-documents'));
    const documentsSection = section('Documents', documents);
    // The figure's title (and its export menu's) is its section's heading.
    const heading = documentsSection.querySelector('.corpus-overview-heading');
    heading.id = figureHeadingId();
    documents.setAttribute('aria-labelledby', heading.id);
    this.#root.replaceChildren(
      error,
      section('Totals', element('dl', 'corpus-overview-stats')),
      section('Over time', timeNote, time),
      section('Most mentioned', entities),
      documentsSection,
      section('Repeated passages', repeatedBox()),
    );
  }

  #render() {
    if (!this.#corpus || !this.#root.querySelector('.corpus-overview-stats')) return;
    const run = ++this.#runs;
    this.setAttribute('aria-busy', 'true');
    this.#rendered = this.#load(run);
    return this.#rendered;
  }

  async #load(run) {
    try {
      await loadCharts();
      // The totals, the documents and their dates first: on a large corpus
      // the entities take seconds more to find (the worker extracts them
      // meanwhile), and the rest of the page need not wait for them.
      const basics = await loadBasics(this.#corpus);
      if (run !== this.#runs) return;
      this.#data = { ...basics, entities: null, timeline: null };
      this.#showError(null);
      this.#draw();
      this.#root.querySelector('.corpus-overview-repeated').replaceWith(repeatedBox());
      const found = await loadEntities(this.#corpus, basics.time);
      if (run !== this.#runs) return;
      this.#data = { ...basics, ...found };
      this.#drawFound();
      await this.#findRepeats(run, basics);
    } catch (error) {
      if (run === this.#runs) this.#showError(error);
    } finally {
      if (run === this.#runs) this.removeAttribute('aria-busy');
    }
  }

  /** The repeated passages, found last: on a large corpus they take a second or more. */
  async #findRepeats(run, { stats, documents }) {
    const box = this.#root.querySelector('.corpus-overview-repeated');
    const corpus = this.#corpus;
    const fingerprint = await corpus.fingerprint();
    let duplicates = this.#repeats?.corpus === corpus && this.#repeats.fingerprint === fingerprint ? this.#repeats.duplicates : null;
    try {
      duplicates ??= await corpus.duplicates();
    } catch (error) {
      if (run === this.#runs) repeatedError(box, error);
      return;
    }
    this.#repeats = { corpus, fingerprint, duplicates };
    if (run !== this.#runs) return;
    showRepeated(box, duplicates, {
      titles: new Map(documents.map((d) => [d.id, d.title ?? d.id])),
      words: stats.words,
      open: (detail) => this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, composed: true, detail })),
    });
  }

  #showError(error) {
    const box = this.#root.querySelector('.corpus-chart-error');
    box.hidden = !error;
    box.textContent = error ? `Could not draw the overview: ${error.message}` : '';
  }

  #onResize() {
    if (this.#data && widthChanged(this.clientWidth, this.#drawnWidth)) this.#draw();
  }

  #draw() {
    this.#drawnWidth = this.clientWidth;
    this.#drawBasics();
    this.#drawFound();
  }

  /** The totals, the documents per year and the documents table. */
  #drawBasics() {
    const { stats, documents, time } = this.#data;
    this.#root.querySelector('.corpus-overview-stats').replaceChildren(...statItems(stats, documents));
    this.#drawTime(time);
    setDocuments(this.#root.querySelector('corpus-documents'), documents);
  }

  /** The mentions per year and the most mentioned entities, or notes that they are being found. */
  #drawFound() {
    const { time, entities, timeline } = this.#data;
    if (time.bucket) {
      const figure = this.#figure('mentions-over-time');
      if (timeline) fillFigure(figure, mentionsOverTime(time, timeline, cssPalette(this.#root, 'corpus-chart', 8), chartWidth(figure)));
      else pending(figure, `Mentions per ${time.bucket === 'month' ? 'month' : 'year'}`);
    }
    for (const type of ENTITY_TYPES) this.#drawEntities(type, entities?.get(type));
  }

  #figure(name) {
    return this.#root.querySelector(`figure[data-export-name="${name}"]`);
  }

  /** The note on dates and the documents per year; both time figures shown only where there are dates. */
  #drawTime(time) {
    const note = this.#root.querySelector('.corpus-overview-time-note');
    const figures = [this.#figure('documents-over-time'), this.#figure('mentions-over-time')];
    const undated = time.undated > 0 ? `${formatCount(time.undated)} of ${formatCount(time.undated + time.dated)} documents have no date.` : '';
    if (!time.bucket) {
      note.textContent = 'No document has a date or a year, so there is nothing to show over time.';
      note.hidden = false;
      for (const figure of figures) figure.hidden = true;
      return;
    }
    note.textContent = undated;
    note.hidden = !undated;
    for (const figure of figures) figure.hidden = false;
    const colour = cssPalette(this.#root, 'corpus-chart', 1)[0];
    fillFigure(figures[0], documentsOverTime(time, colour, chartWidth(figures[0])));
  }

  /** A type's most mentioned entities; `entities` undefined while they are being found. */
  #drawEntities(type, entities) {
    const figure = this.#figure(`top-${type}`);
    if (!entities) {
      pending(figure, typePluralLabel(type));
      return;
    }
    const colour = themeValue(this.#root, `entity-${type}`) || 'gray';
    fillFigure(figure, entityBars(type, entities, colour, chartWidth(figure)));
  }

  /** A bar (its <rect>) or a table row of an entity chart was chosen. */
  #onEntityClick = (event) => {
    const id = entityAt(event.target);
    if (id) this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, composed: true, detail: { id } }));
  };
}

/**
 * What the overview draws before the entities: the totals, the documents
 * and their dates' buckets.
 * @param {AnyCorpus} corpus
 */
async function loadBasics(corpus) {
  const [stats, documents] = await Promise.all([corpus.stats(), corpus.documents()]);
  return { stats, documents, time: timeBuckets(documents) };
}

/**
 * The most mentioned entities of each type and the mentions over `time`'s
 * buckets, fetched in parallel (a client answers in turn).
 * @param {AnyCorpus} corpus
 */
async function loadEntities(corpus, time) {
  const [lists, timeline] = await Promise.all([
    Promise.all(ENTITY_TYPES.map((type) => corpus.entities({ types: [type], limit: TOP }))),
    time.bucket ? corpus.timeline({ types: ENTITY_TYPES, bucket: time.bucket }) : null,
  ]);
  return { entities: new Map(ENTITY_TYPES.map((type, i) => [type, lists[i]])), timeline };
}

/** A figure of entities while they are being found: its `title` and a note saying so. */
function pending(figure, title) {
  fillFigure(figure, { title, empty: 'Finding the entities…' });
}

function section(title, ...content) {
  const part = element('section', 'corpus-overview-section');
  part.append(element('h3', 'corpus-overview-heading', title), ...content);
  return part;
}

/** The width a figure's chart can take; 600 while it is not laid out (hidden). */
function chartWidth(figure) {
  return Math.floor(figure.querySelector('.corpus-figure-chart').clientWidth) || 600;
}

/** [dt, dd] pairs: documents, words, sentences, vocabulary, date range. */
function statItems(stats, documents) {
  const items = [
    ['Documents', formatCount(stats.documents)],
    ['Words', formatCount(stats.words)],
    ['Sentences', formatCount(stats.sentences)],
    ['Distinct words', formatCount(stats.vocabulary)],
    ['Dates', dateRange(documents)],
  ];
  return items.map(([label, value]) => {
    const item = element('div', `corpus-overview-stat${label === 'Dates' ? ' corpus-overview-stat-wide' : ''}`);
    item.append(element('dt', '', label), element('dd', '', value));
    return item;
  });
}

/** "1999-04 – 2005-11", one date alone, or "none". */
function dateRange(documents) {
  const dates = documents.map(displayDate).filter(Boolean).sort();
  if (dates.length === 0) return 'none';
  const [first, last] = [dates[0], dates.at(-1)];
  return first === last ? first : `${first} – ${last}`;
}

function yearOf(doc) {
  return doc.year ?? (doc.date ? Number(doc.date.slice(0, 4)) : null);
}

/**
 * Documents per period: `{bucket, labels, counts, dated, undated}`, every
 * period from the first to the last (gaps included); `bucket` is null when
 * no document is dated.
 * @param {import('../../../pkg/corpus_lens.js').DocumentSummary[]} documents
 * @returns {{bucket: 'year' | 'month' | null, labels: string[], counts: number[], dated: number, undated: number}}
 */
function timeBuckets(documents) {
  const dated = documents.filter((doc) => yearOf(doc) != null);
  const undated = documents.length - dated.length;
  if (dated.length === 0) return { bucket: null, labels: [], counts: [], dated: 0, undated };
  const years = dated.map(yearOf);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const monthly = last - first < MONTHLY_BELOW_YEARS && dated.every((doc) => doc.date?.length >= 7);
  const key = monthly ? (doc) => doc.date.slice(0, 7) : (doc) => String(yearOf(doc));
  const keys = dated.map(key);
  const labels = monthly ? monthRange(keys) : Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => 0);
  for (const k of keys) counts[index.get(k)] += 1;
  return { bucket: monthly ? 'month' : 'year', labels, counts, dated: dated.length, undated };
}

/** Every "YYYY-MM" from the earliest of `keys` to the latest. */
function monthRange(keys) {
  const sorted = [...keys].sort();
  let [year, month] = sorted[0].split('-').map(Number);
  const labels = [];
  for (let label = sorted[0]; label <= sorted.at(-1); ) {
    labels.push(label);
    month = month === 12 ? 1 : month + 1;
    year += month === 1 ? 1 : 0;
    label = `${year}-${String(month).padStart(2, '0')}`;
  }
  return labels;
}

/** Tick labels for a band of periods: at most about one per 60 px. */
function periodTicks(labels, width) {
  const step = Math.max(1, Math.ceil((labels.length * (labels[0].length * CHAR_WIDTH + 14)) / Math.max(width - 50, 1)));
  return labels.filter((_, i) => i % step === 0);
}

/** Up to about five whole-number ticks from 0 to `max`. */
function wholeTicks(max) {
  const step = Math.max(1, Math.ceil(max / 5));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

function documentsOverTime({ bucket, labels, counts }, colour, width) {
  const per = bucket === 'month' ? 'month' : 'year';
  const points = labels.map((period, i) => ({ period, count: counts[i] }));
  const total = counts.reduce((a, b) => a + b, 0);
  const most = points.reduce((a, b) => (b.count > a.count ? b : a));
  const barWidth = (width - 50) / labels.length;
  const svg = charts.plot({
    width,
    height: 220,
    marginLeft: 40,
    marginTop: 16,
    style: PLOT_STYLE,
    x: { domain: labels, ticks: periodTicks(labels, width), label: null, tickSize: 0, padding: 0.15 },
    // The heading names the unit; counts of documents have whole ticks only.
    y: { grid: true, label: null, domain: [0, Math.max(1, most.count)], ticks: wholeTicks(most.count), tickFormat: formatCount },
    marks: [
      charts.barY(points, { x: 'period', y: 'count', fill: colour, title: (p) => `${p.period}: ${formatCount(p.count)} ${p.count === 1 ? 'document' : 'documents'}` }),
      // A count over each bar, where the bars are wide enough to carry one.
      barWidth >= 18 ? charts.text(points.filter((p) => p.count > 0), { x: 'period', y: 'count', text: (p) => formatCount(p.count), dy: -7 }) : null,
      charts.ruleY([0]),
    ],
  });
  const description = `Bar chart of documents per ${per}, ${labels[0]} to ${labels.at(-1)}: ${formatCount(total)} in all, the most (${formatCount(most.count)}) in ${most.period}. The table below has every ${per}.`;
  return {
    title: `Documents per ${per}`,
    note: `${formatCount(total)} dated ${total === 1 ? 'document' : 'documents'}, ${labels[0]} to ${labels.at(-1)}`,
    svg: describedSvg(svg, 'corpus-overview-svg', description),
    table: chartTable('Documents over time as a table', `Documents per ${per}`, [{ label: per === 'month' ? 'Month' : 'Year' }, { label: 'Documents', numeric: true }],
      points.map((p) => [p.period, formatCount(p.count)])),
  };
}

/**
 * The timeline's series on the documents chart's periods. A period without
 * documents has no value (null) rather than 0, so the line breaks there
 * instead of dipping; the "undated" bucket is left out.
 */
function alignTimeline({ labels, counts }, timeline) {
  const at = new Map(timeline.buckets.map((bucket, i) => [bucket, i]));
  return timeline.series.map((s) => ({
    id: s.id,
    name: s.name,
    type: s.type,
    total: s.total,
    values: labels.map((label, i) => (counts[i] === 0 ? null : (s.values[at.get(label)] ?? 0))),
  }));
}

function mentionsOverTime(time, timeline, palette, width) {
  const per = time.bucket === 'month' ? 'month' : 'year';
  const title = `Mentions per ${per}`;
  const series = timeline ? alignTimeline(time, timeline) : [];
  if (series.length === 0) return { title, empty: 'No people, places, organizations or media found.' };
  const points = series.flatMap((s, slot) => s.values.map((value, i) => ({ slot, name: s.name, period: time.labels[i], value })));
  const colours = series.map((_, slot) => palette[slot % palette.length]);
  const svg = charts.plot({
    width,
    height: 220,
    marginLeft: 40,
    marginTop: 16,
    style: PLOT_STYLE,
    x: { type: 'point', domain: time.labels, ticks: periodTicks(time.labels, width), label: null, inset: 10 },
    y: { grid: true, label: null, nice: true, zero: true },
    color: { type: 'ordinal', domain: series.map((_, slot) => slot), range: colours },
    marks: [
      charts.ruleY([0]),
      charts.line(points, { x: 'period', y: 'value', stroke: 'slot', strokeWidth: 2 }),
      charts.dot(points.filter((p) => p.value != null), { x: 'period', y: 'value', fill: 'slot', r: 3, title: (p) => `${p.name}, ${p.period}: ${formatCount(p.value)} mentions` }),
    ],
  });
  const names = series.map((s) => s.name).join(', ');
  const description = `Line chart of mentions per ${per} of the ${series.length} most mentioned entities (${names}), ${time.labels[0]} to ${time.labels.at(-1)}. The table below has the numbers.`;
  const columns = [{ label: per === 'month' ? 'Month' : 'Year' }, ...series.map((s) => ({ label: s.name, numeric: true }))];
  // "–": no documents in that period, which is not the same as no mentions.
  const rows = time.labels.map((label, i) => [label, ...series.map((s) => (s.values[i] == null ? exact('–', null) : formatCount(s.values[i])))]);
  return {
    title,
    note: `The ${series.length} most mentioned people, places, organizations and media`,
    legend: [seriesLegend(series, colours)],
    svg: describedSvg(svg, 'corpus-overview-svg', description),
    table: chartTable('Mentions over time as a table', `Mentions per ${per}`, columns, rows),
  };
}

/** A key to the lines: a swatch in each line's colour and its entity's name. */
function seriesLegend(series, colours) {
  const list = element('ul', 'corpus-figure-keys');
  series.forEach((s, i) => {
    const item = element('li', 'corpus-figure-key');
    item.dataset.legend = s.name; // an exported chart's legend (widget.js)
    const swatch = element('span', 'corpus-figure-swatch');
    swatch.dataset.legendSwatch = '';
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.setProperty('--corpus-swatch', colours[i]);
    item.append(swatch, s.name);
    list.append(item);
  });
  return list;
}

function entityBars(type, entities, colour, width) {
  const plural = typePluralLabel(type);
  if (entities.length === 0) return { title: plural, empty: `No ${plural.toLowerCase()} found.` };
  const names = new Map(entities.map((e) => [e.id, e.name]));
  // Room for the names at the left, up to two fifths of the chart.
  const longest = Math.max(...entities.map((e) => e.name.length));
  const marginLeft = Math.round(Math.min(width * 0.4, Math.max(60, longest * CHAR_WIDTH + 12)));
  const maxChars = Math.floor((marginLeft - 12) / CHAR_WIDTH);
  const maxCount = Math.max(...entities.map((e) => e.count));
  const svg = charts.plot({
    width,
    height: entities.length * BAR_STEP + 40,
    marginLeft,
    marginRight: 12 + String(maxCount).length * CHAR_WIDTH,
    marginTop: 6,
    style: PLOT_STYLE,
    x: { grid: true, label: 'mentions', nice: true, zero: true, ticks: Math.max(2, Math.floor((width - marginLeft) / 70)) },
    y: { domain: entities.map((e) => e.id), tickFormat: (id) => clip(names.get(id), maxChars), label: null, tickSize: 0, padding: 0.2 },
    marks: [
      charts.barX(entities, { x: 'count', y: 'id', fill: colour, title: (e) => `${e.name}: ${formatCount(e.count)} mentions in ${formatCount(e.documents)} ${e.documents === 1 ? 'document' : 'documents'}` }),
      charts.text(entities, { x: 'count', y: 'id', text: (e) => formatCount(e.count), dx: 4, textAnchor: 'start' }),
      charts.ruleX([0]),
    ],
  });
  const counted = entities.map((e) => `${e.name} ${formatCount(e.count)}`).join(', ');
  const description = `Bar chart of the ${entities.length} most mentioned ${plural.toLowerCase()}, by mentions: ${counted}. Choose one in the table below to open it.`;
  svg.dataset.ids = JSON.stringify(entities.map((e) => e.id));
  return {
    title: plural,
    note: entities.length < TOP ? `All ${entities.length}, by mentions` : `The top ${TOP}, by mentions`,
    svg: describedSvg(svg, 'corpus-overview-bars', description),
    table: entityTable(plural, entities),
  };
}

function entityTable(plural, entities) {
  const rows = entities.map((e) => {
    const open = element('button', 'corpus-link corpus-overview-entity', e.name);
    open.type = 'button';
    open.dataset.entityId = e.id;
    return [open, formatCount(e.count), formatCount(e.documents)];
  });
  const columns = [{ label: 'Entity' }, { label: 'Mentions', numeric: true }, { label: 'Documents', numeric: true }];
  return chartTable(`${plural} as a table`, `The most mentioned ${plural.toLowerCase()}`, columns, rows);
}

/**
 * The entity id behind a clicked node of an entity chart: a bar (Plot binds
 * each <rect> to its index in the data), or a table row (its button).
 */
function entityAt(target) {
  const row = target.closest?.('.corpus-chart-table tbody tr');
  if (row) return row.querySelector('[data-entity-id]')?.dataset.entityId ?? null;
  const bar = target.closest?.('.corpus-overview-bars g[data-mark="bar"] rect');
  if (!bar) return null;
  const ids = JSON.parse(bar.ownerSVGElement.dataset.ids);
  const index = Number.isInteger(bar.__data__) ? bar.__data__ : [...bar.parentNode.children].indexOf(bar);
  return ids[index] ?? null;
}

/**
 * Fill the documents table. Before <corpus-documents> is defined the element
 * is a plain one, and a property set on it would hide the class's setter.
 */
function setDocuments(table, documents) {
  const fill = () => {
    customElements.upgrade(table);
    table.documents = documents;
  };
  if (customElements.get('corpus-documents')) fill();
  else customElements.whenDefined('corpus-documents').then(fill);
}

defineStateProperties(CorpusOverview, STATE_KEYS);
