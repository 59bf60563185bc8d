// <corpus-timeline>: mentions of chosen entities, and matches of queries,
// over time (corpus.timeline and corpus.termTrend, drawn with Observable
// Plot's line and dot marks), by year, month or issue, or by a metadata
// field of the corpus (by party: one point per party, in the order of each
// one's first document), with the same numbers as a table beneath.
//
// Counts are per 10,000 words of the period at first, so that a year of two
// long addresses does not peak for its length alone, or raw; the table
// holds each period's words, the denominator. Only the time steps the
// corpus supports are offered: by issue where documents have issues, by
// month where the dates have months and span at most MONTHS_MOST months,
// by a field where its values group the documents (metadata-fields.js).
//
// Set `corpus` to a Corpus or a CorpusClient. The chips choose the entities
// drawn, from the most mentioned people, places and organisations and any
// added by name; the query box adds a dashed line of matches for each of up
// to QUERY_DASHES.length queries separated by ";". `state` is `{entities,
// bucket, count, q}` (strings, `entities` comma-separated ids, `count`
// 'relative' or 'raw', `q` the queries as typed); a change the user makes
// dispatches `corpus-state-change`.
import { charts, loadCharts } from '../../charts/charts.js';
import { edgeChart } from '../../charts/chart-edges.js';
import { chartTable, cssPalette, exact } from '../../charts/chart-table.js';
import { formatCount } from '../../widgets/format.js';
import { svgElement } from '../../widgets/dom.js';
import { element } from '../../widgets/highlight.js';
import { optionElements } from '../../widgets/network-options.js';
import { Widget, defineStateProperties, widgetAttributes } from '../../widgets/widget.js';
import { ViewSupport } from '../../widgets/view-support.js';
import { entityNamed, nearestEntities } from './entity-by-name.js';
import { queryLines } from './query-lines.js';
import { corpusExamples } from '../../widgets/query-examples.js';
import { fieldHeading, groupingFields } from '../../widgets/metadata-fields.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

const BUCKETS = [['year', 'by year'], ['month', 'by month'], ['issue', 'by issue']];
const COUNTS = [['relative', 'per 10,000 words'], ['raw', 'raw counts']];
const PER_WORDS = 10000;
// Past 50 years a line by month is mostly empty months.
const MONTHS_MOST = 600;
/** @type {import('../../../pkg/corpus_lens.js').EntityType[]} */
const CANDIDATE_TYPES = ['person', 'place', 'organization'];
const CANDIDATES = 7; // chips, one palette colour each; the eighth colour is the query's
const QUERY_SLOT = 7;
// The query lines: the query colour, each with its own dash pattern.
const QUERY_DASHES = ['6 4', '2 3', '12 3 2 3', '1 6'];
const CHOSEN = 4; // drawn at first: more lines than this are hard to follow
const NAMED = 1000; // entities offered by name

let instances = 0;

const STATE_KEYS = ['entities', 'bucket', 'count', 'q'];

export class CorpusTimeline extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #support = new ViewSupport(this, { onChange: () => this.#load() });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #candidates = []; // [{id, name}], each keeping its colour slot
  /** @type {import('./entity-by-name.js').NamedEntity[]} the entities the add-by-name box finds, most mentioned first */
  #named = [];
  #chosen = null; // ids to draw; null: the first CHOSEN candidates
  #renders = 0;
  #listId = `corpus-timeline-names-${++instances}`;
  #askedBucket = null; // the step a state asked for, until the corpus's fields are known
  #fields = []; // the metadata fields offered as steps

  constructor() {
    super();
    this.#build();
  }

  connectedCallback() {
    this.#widget.connect();
    this.#support.connect();
  }

  disconnectedCallback() {
    this.#widget.disconnect();
    this.#support.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  #build() {
    const controls = element('form', 'corpus-chart-controls corpus-timeline-controls');
    controls.addEventListener('submit', (event) => event.preventDefault());
    const bucket = element('select', 'corpus-timeline-bucket');
    bucket.setAttribute('aria-label', 'Counted by');
    bucket.append(...optionElements(BUCKETS, 'year'));
    bucket.addEventListener('change', () => this.#changed());
    const count = element('select', 'corpus-timeline-count');
    count.setAttribute('aria-label', 'Count');
    count.append(...optionElements(COUNTS, 'relative'));
    count.addEventListener('change', () => this.#changed());
    const query = input('search', 'corpus-timeline-query', 'Matches of queries', 'queries, separated by ;');
    query.field.setAttribute('aria-description', `Up to ${QUERY_DASHES.length} queries, separated by semicolons; each is a line.`);
    query.field.addEventListener('change', () => this.#changed());
    const add = input('text', 'corpus-timeline-add', 'Add an entity', 'a name');
    add.field.setAttribute('list', this.#listId);
    add.field.addEventListener('change', () => this.#addNamed(add.field));
    const names = element('datalist');
    names.id = this.#listId;
    const title = element('h3', 'corpus-chart-title', 'Mentions over time');
    title.id = 'corpus-timeline-title';
    const added = element('p', 'corpus-timeline-add-status');
    added.setAttribute('role', 'status');
    const steps = element('p', 'corpus-timeline-steps');
    steps.hidden = true;
    controls.append(title, bucket, count, query.label, add.label, names, added, steps);
    const chips = element('fieldset', 'corpus-timeline-entities');
    chips.append(element('legend', 'corpus-visually-hidden', 'Entities drawn'));
    chips.addEventListener('change', () => {
      this.#chosen = this.#checked();
      this.#changed();
    });
    const error = element('p', 'corpus-chart-error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    const figure = element('figure', 'corpus-figure corpus-timeline-figure');
    figure.dataset.exportName = 'timeline';
    figure.setAttribute('aria-labelledby', title.id); // named, and its export menu too, by the heading above
    figure.append(element('div', 'corpus-timeline-chart'), element('div', 'corpus-timeline-table'));
    this.#root.replaceChildren(controls, chips, error, figure);
    if (this.#corpus) this.#load();
  }

  /** @param {AnyCorpus | string} corpus */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    this.#corpus = corpus;
    if (this.#support.follow(corpus)) this.#load();
  }

  get corpus() {
    return this.#corpus;
  }

  /** The ids of the entities drawn. */
  get entities() {
    return this.#checked();
  }

  set entities(ids) {
    this.state = { ...this.state, entities: ids.join(',') };
  }

  /** `{entities, bucket, count, q}`, as strings. */
  get state() {
    return {
      entities: (this.#chosen ?? this.#checked()).join(','),
      bucket: this.#root.querySelector('.corpus-timeline-bucket')?.value ?? 'year',
      count: this.#root.querySelector('.corpus-timeline-count')?.value ?? 'relative',
      q: this.#root.querySelector('.corpus-timeline-query')?.value ?? '',
    };
  }

  set state(state) {
    const bucket = this.#root.querySelector('.corpus-timeline-bucket');
    // A field's grouping is offered once the corpus's fields are known (#offerSteps).
    this.#askedBucket = state.bucket ?? 'year';
    bucket.value = this.#askedBucket;
    if (bucket.selectedIndex < 0 || bucket.selectedOptions[0].disabled) bucket.value = 'year';
    const count = this.#root.querySelector('.corpus-timeline-count');
    count.value = state.count ?? 'relative';
    if (count.selectedIndex < 0) count.value = 'relative';
    this.#root.querySelector('.corpus-timeline-query').value = state.q ?? '';
    this.#chosen = state.entities ? state.entities.split(',').filter(Boolean) : null;
    this.#load();
    this.#widget.stateChanged();
  }

  #changed() {
    this.#render();
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
  }

  #checked() {
    return [...this.#root.querySelectorAll('.corpus-timeline-entities input:checked')].map((box) => box.value);
  }

  /** The candidates for a corpus (and any chosen entity not among them), then draw. */
  async #load() {
    if (!this.#corpus || !this.#root.querySelector('.corpus-timeline-controls')) return;
    const render = ++this.#renders;
    const [top, all, documents] = await Promise.all([
      this.#corpus.entities({ types: CANDIDATE_TYPES, limit: CANDIDATES }),
      this.#corpus.entities({ limit: NAMED }),
      this.#corpus.documents(),
    ]);
    if (render !== this.#renders) return;
    this.#offerSteps(documents);
    this.#showExamples(this.#corpus, top[0]).catch(() => {}); // the neutral placeholders stay
    this.#named = all;
    this.#root.querySelector('datalist').replaceChildren(...all.map((e) => {
      const option = document.createElement('option');
      option.value = `${e.name} (${e.type})`;
      return option;
    }));
    this.#candidates = top.map(({ id, name }) => ({ id, name }));
    const chosen = this.#chosen ?? this.#candidates.slice(0, CHOSEN).map((c) => c.id);
    const byId = new Map(all.map((e) => [e.id, e]));
    for (const id of chosen.filter((id) => !this.#candidates.some((c) => c.id === id)).reverse()) {
      const name = byId.get(id)?.name ?? (await nameOf(this.#corpus, id));
      if (name) this.#candidates = [{ id, name }, ...this.#candidates].slice(0, CANDIDATES);
    }
    if (render !== this.#renders) return;
    this.#renderChips(chosen);
    this.#render();
  }

  /** Placeholders from `corpus`'s own words and its most mentioned entity, `top`. */
  async #showExamples(corpus, top) {
    const examples = await corpusExamples(corpus);
    if (corpus !== this.#corpus) return;
    if (examples) this.#root.querySelector('.corpus-timeline-query').placeholder = `e.g. ${examples.phrase}; ${examples.both.split(' ')[0]}`;
    this.#root.querySelector('.corpus-timeline-add').placeholder = top ? `a name, e.g. ${top.name}` : 'a name';
  }

  /** Draws the entity the box names (a list label, a name or an alias), or says none does and offers the nearest. */
  async #addNamed(field) {
    const typed = field.value.trim();
    const status = this.#root.querySelector('.corpus-timeline-add-status');
    if (!typed || !this.#corpus) return;
    // The list holds the most mentioned; a rarer name is looked for in all.
    let entity = entityNamed(this.#named, typed);
    if (!entity && this.#named.length >= NAMED) {
      this.#named = await this.#corpus.entities({});
      entity = entityNamed(this.#named, typed);
    }
    if (entity) {
      field.value = '';
      status.replaceChildren();
      this.#add(entity.id);
      return;
    }
    const nearest = nearestEntities(this.#named, typed);
    status.replaceChildren(`No entity is named “${typed}”.`);
    if (nearest.length === 0) return;
    status.append(' Nearest: ');
    nearest.forEach((e, i) => {
      const offer = element('button', 'corpus-timeline-nearest', e.name);
      offer.type = 'button';
      offer.setAttribute('aria-label', `Add ${e.name} (${e.type})`);
      offer.addEventListener('click', () => {
        field.value = '';
        status.replaceChildren();
        this.#add(e.id);
      });
      status.append(...(i > 0 ? [', '] : []), offer);
    });
  }

  /**
   * Offers only the time steps `documents` support (the others are shown
   * disabled, with the reason); a step chosen that is not supported falls
   * back to years, and says so.
   */
  #offerSteps(documents) {
    const reasons = unsupportedSteps(documents);
    const select = this.#root.querySelector('.corpus-timeline-bucket');
    const asked = this.#askedBucket ?? select.value;
    this.#askedBucket = null;
    this.#fields = groupingFields(documents);
    const steps = [...BUCKETS, ...this.#fields.map((f) => [`field:${f.name}`, `by ${f.label}`])];
    select.replaceChildren(...steps.map(([value, label]) => {
      const option = new Option(label + (reasons.get(value) ? ` (${reasons.get(value)})` : ''), value);
      option.disabled = Boolean(reasons.get(value));
      return option;
    }));
    select.value = asked;
    const offered = select.selectedIndex >= 0 && !select.selectedOptions[0].disabled;
    const note = this.#root.querySelector('.corpus-timeline-steps');
    note.hidden = offered;
    if (!offered) {
      const reason = reasons.get(asked) || (asked.startsWith('field:') ? `no field ${asked.slice(6)} groups this corpus's documents` : 'not a step there is');
      note.textContent = `Counted by year: ${steps.find(([value]) => value === asked)?.[1] ?? asked} is not possible here (${reason}).`;
      select.value = 'year';
    }
  }

  #add(id) {
    this.#chosen = [...new Set([...this.#checked(), id])];
    this.#load().then(() => this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true })));
  }

  #renderChips(chosen) {
    const colours = cssPalette(this.#root, 'corpus-chart', CANDIDATES + 1);
    const chips = this.#candidates.map((c, i) => {
      const label = element('label', 'corpus-timeline-entity');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = c.id;
      box.checked = chosen.includes(c.id);
      box.dataset.slot = String(i);
      const swatch = element('span', 'corpus-timeline-swatch');
      swatch.setAttribute('aria-hidden', 'true');
      swatch.style.setProperty('--corpus-swatch', colours[i]);
      label.append(box, swatch, c.name);
      // An exported chart's legend (widget.js): the ticked chips.
      label.dataset.legend = c.name;
      swatch.dataset.legendSwatch = '';
      return label;
    });
    const fieldset = this.#root.querySelector('.corpus-timeline-entities');
    fieldset.replaceChildren(fieldset.querySelector('legend'), ...chips);
    edgeChart(fieldset, this.#root); // pale keys edged, as their lines are
  }

  async #render() {
    await loadCharts();
    const chart = this.#root.querySelector('.corpus-timeline-chart');
    if (!this.#corpus || !chart) return;
    const render = ++this.#renders;
    const { bucket, count, q } = this.state;
    const ids = this.#checked();
    const queries = queryLines(q);
    const error = this.#root.querySelector('.corpus-chart-error');
    const table = this.#root.querySelector('.corpus-timeline-table');
    if (ids.length === 0 && queries.length === 0) {
      chart.replaceChildren(element('p', 'corpus-chart-empty', 'Choose an entity or type a query to draw it over time.'));
      table.replaceChildren();
      return;
    }
    let timeline;
    try {
      if (queries.length > QUERY_DASHES.length) {
        throw new Error(`${queries.length} queries: the timeline draws at most ${QUERY_DASHES.length} (separated by semicolons)`);
      }
      const [entities, ...trends] = await Promise.all([
        ids.length > 0 ? this.#corpus.timeline({ entities: ids, bucket }) : null,
        ...queries.map((query, i) => Promise.resolve(this.#corpus.termTrend(query, { bucket })).catch((e) => {
          throw new Error(queries.length > 1 ? `Query ${i + 1}, ${query}: ${e.message}` : e.message);
        })),
      ]);
      timeline = withQueries(entities, trends);
      if (render !== this.#renders) return;
      error.hidden = true;
    } catch (e) {
      if (render !== this.#renders) return;
      error.textContent = e.message;
      error.hidden = false;
      chart.replaceChildren();
      table.replaceChildren();
      return;
    }
    if (count === 'relative') timeline = perWords(timeline);
    const nodes = [this.#plot(timeline, chart.clientWidth || 600)];
    nodes.unshift(...queries.map((query, i) => this.#queryKey(query, i)));
    chart.replaceChildren(...nodes);
    edgeChart(chart, this.#root); // pale lines and keys edged, to stand 3:1 from the surface
    table.replaceChildren(this.#table(timeline));
  }

  /** Query line `i`'s key: its dash pattern and the query it draws. */
  #queryKey(query, i) {
    const key = element('p', 'corpus-timeline-query-key');
    const swatch = svgElement('svg', { class: 'corpus-timeline-query-swatch', viewBox: '0 0 24 4', 'aria-hidden': 'true' });
    const line = svgElement('line', { x1: 0, y1: 2, x2: 24, y2: 2, 'stroke-width': 2, 'stroke-dasharray': QUERY_DASHES[i] });
    swatch.style.setProperty('--corpus-swatch', cssPalette(this.#root, 'corpus-chart', CANDIDATES + 1)[QUERY_SLOT]);
    swatch.append(line);
    key.append(swatch, `Matches of ${query}`);
    key.dataset.legend = `Matches of ${query}`;
    swatch.dataset.legendSwatch = '';
    return key;
  }

  #plot({ buckets, tokens, series, relative }, width) {
    const colours = cssPalette(this.#root, 'corpus-chart', CANDIDATES + 1);
    const slot = new Map(this.#candidates.map((c, i) => [c.id, i]));
    for (const s of series) if (isQuery(s.id)) slot.set(s.id, QUERY_SLOT);
    // A period without documents has no count, rather than a count of 0:
    // the line breaks there instead of dipping to the axis.
    const empty = (i) => tokens?.[i] === 0;
    const points = series.flatMap((s) => s.values.map((value, i) => ({ id: s.id, name: s.name, bucket: buckets[i], value: empty(i) ? null : value })));
    // At most about one tick label per 70 px; the rest are left unlabelled.
    const step = Math.max(1, Math.ceil((buckets.length * 70) / width));
    // Labels slant only when, level, they would run into each other.
    const longest = Math.max(...buckets.map((b) => b.length));
    const slant = longest * 6.5 + 8 > (width - 60) / Math.ceil(buckets.length / step);
    const svg = charts.plot({
      width,
      height: 260,
      marginBottom: slant ? 70 : 30,
      style: { background: 'transparent', color: 'currentColor', fontSize: '11px', fontFamily: 'inherit' },
      x: { type: 'point', domain: buckets, ticks: buckets.filter((_, i) => i % step === 0), label: null, tickRotate: slant ? -30 : 0 },
      y: { grid: true, label: relative ? `per ${formatCount(PER_WORDS)} words` : 'mentions', nice: true, zero: true },
      color: { domain: series.map((s) => s.id), range: series.map((s) => colours[slot.get(s.id) ?? 0]) },
      marks: [
        charts.ruleY([0]),
        charts.line(points.filter((p) => !isQuery(p.id)), { x: 'bucket', y: 'value', stroke: 'id', strokeWidth: 2 }),
        // The queries' matches: dashed, to tell them from mentions, each its own way.
        ...QUERY_DASHES.map((dashes, i) => charts.line(points.filter((p) => p.id === queryId(i)), { x: 'bucket', y: 'value', stroke: 'id', strokeWidth: 2, strokeDasharray: dashes })),
        charts.dot(points.filter((p) => p.value != null), { x: 'bucket', y: 'value', fill: 'id', r: 3, title: (p) => `${p.name}, ${p.bucket}: ${formatValue(p.value, relative)}` }),
      ],
    });
    svg.classList.add('corpus-timeline-svg');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `Over time, ${relative ? `per ${formatCount(PER_WORDS)} words` : 'raw counts'}: ${series.map((s) => s.name).join(', ')}; the table below has the numbers`);
    return svg;
  }

  #table({ bucket, buckets, tokens, series, relative }) {
    const field = this.#fields.find((f) => bucket === `field:${f.name}`);
    const columns = [{ label: field ? fieldHeading(field) : 'Period' }, { label: 'Words', numeric: true }, ...series.map((s) => ({ label: s.name, numeric: true }))];
    // "–": no documents in that period (not the same as no mentions).
    const rows = buckets.map((b, i) => [b, formatCount(tokens[i]), ...series.map((s) => (tokens[i] === 0 ? exact('–', null) : exact(formatValue(s.values[i], relative), s.values[i])))]);
    const group = field?.label ?? 'period';
    const what = relative ? `Mentions (and query matches) per ${formatCount(PER_WORDS)} words of each ${group}` : `Mentions (and query matches) per ${group}`;
    return chartTable('Mentions over time as a table', what, columns, rows);
  }
}

/** Query line `i`'s series id: no entity id starts with a control character. */
const queryId = (i) => `\u0000query${i}`;
const isQuery = (id) => id.startsWith('\u0000query');


/** The timeline with each count divided by its period's words, times PER_WORDS. */
function perWords(timeline) {
  const { tokens } = timeline;
  const series = timeline.series.map((s) => ({ ...s, values: s.values.map((v, i) => (tokens[i] > 0 ? (v * PER_WORDS) / tokens[i] : 0)) }));
  return { ...timeline, series, relative: true };
}

/** A count as it is, a rate to 2 decimals ("12.35"). */
function formatValue(value, relative) {
  return relative ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : formatCount(value);
}

/**
 * Why `documents` do not support each time step: issue where no document
 * has one; month where no date has a month, or where the dates span more
 * than MONTHS_MOST months.
 * @returns {Map<string, string>} step → the reason, '' where it is supported
 */
function unsupportedSteps(documents) {
  let first = Infinity;
  let last = -Infinity;
  for (const { date } of documents) {
    if (!date || date.length < 7) continue;
    const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
    first = Math.min(first, month);
    last = Math.max(last, month);
  }
  const span = last >= first ? last - first + 1 : 0;
  const month = span === 0 ? 'no date has a month'
    : span > MONTHS_MOST ? `the dates span ${formatCount(span)} months` : '';
  const issue = documents.some((d) => d.issue != null) ? '' : 'no document has an issue';
  return new Map([['year', ''], ['month', month], ['issue', issue]]);
}

/**
 * The entities' timeline (or null) with each query's matches as one more
 * series. All count over every document, so they have the same periods in
 * the same order.
 */
function withQueries(timeline, trends) {
  return trends.reduce((drawn, trend, i) => withQuery(drawn, trend, i), timeline);
}

/** `timeline` (or null) with query line `i`'s matches as one more series. */
function withQuery(timeline, trend, i) {
  if (!timeline) timeline = { bucket: trend.bucket, buckets: trend.labels, tokens: trend.words, series: [] };
  const buckets = [...new Set([...timeline.buckets, ...trend.labels])];
  const at = (labels, values) => {
    const byLabel = new Map(labels.map((label, i) => [label, values[i]]));
    return buckets.map((b) => byLabel.get(b) ?? 0);
  };
  const tokens = buckets.map((b, i) => Math.max(at(timeline.buckets, timeline.tokens)[i], at(trend.labels, trend.words)[i]));
  const series = timeline.series.map((s) => ({ ...s, values: at(timeline.buckets, s.values) }));
  series.push({ id: queryId(i), name: `Matches of ${trend.query}`, type: 'query', values: at(trend.labels, trend.counts), total: trend.counts.reduce((a, b) => a + b, 0) });
  return { ...timeline, buckets, tokens, series };
}

/**
 * The name of entity `id`, or null if `corpus` has no such entity: a
 * CorpusClient rejects, a Corpus throws at once.
 * @param {AnyCorpus} corpus
 */
async function nameOf(corpus, id) {
  try {
    return (await corpus.entity(id)).name;
  } catch {
    return null;
  }
}

function input(type, className, labelText, placeholder) {
  const label = element('label', 'corpus-timeline-field');
  const field = document.createElement('input');
  field.type = type;
  field.className = className;
  field.placeholder = placeholder;
  field.autocomplete = 'off';
  label.append(element('span', '', labelText), field);
  return { label, field };
}

defineStateProperties(CorpusTimeline, STATE_KEYS);
