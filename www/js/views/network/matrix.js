// <corpus-matrix>: a heatmap of how strongly the top entities go together,
// by the network's measure (corpus.matrix, drawn with Observable Plot's cell
// mark), with the same numbers as a table beneath.
//
// Set `corpus` to a Corpus or a CorpusClient, and `options` to the shared co-occurrence
// options (see network-options.js; the page passes the network's along).
// The size control chooses how many entities (rows and columns) are shown.
import { charts, loadCharts } from '../../charts/charts.js';
import { edgeChart } from '../../charts/chart-edges.js';
import { chartTable, exact } from '../../charts/chart-table.js';
import { element } from '../../widgets/highlight.js';
import { cooccurrenceOptions, formatScore, measureLabel, optionElements, unitPlural } from '../../widgets/network-options.js';
import { Widget, defineStateProperties, widgetAttributes } from '../../widgets/widget.js';
import { ViewSupport } from '../../widgets/view-support.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

const SIZES = [[10, '10'], [15, '15'], [20, '20'], [30, '30']];
/** @type {import('../../widgets/network-options.js').NetworkState} */
const DEFAULT_OPTIONS = { unit: 'sentence', window: 5, measure: 'count', minCount: 1, types: ['person', 'place', 'organization', 'media', 'event'] };

const STATE_KEYS = [];

export class CorpusMatrix extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #support = new ViewSupport(this, { onChange: () => this.#render() });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #options = DEFAULT_OPTIONS;

  #renders = 0; // the latest render; an older one's late answer is dropped

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
    const controls = element('div', 'corpus-chart-controls corpus-matrix-controls');
    const label = element('label', '', 'Entities ');
    const size = element('select', 'corpus-matrix-size');
    size.append(...optionElements(SIZES.map(([n, l]) => [String(n), l]), '15'));
    size.addEventListener('change', () => this.#render());
    label.append(size);
    const title = element('h3', 'corpus-chart-title', 'Heatmap');
    title.id = 'corpus-matrix-title';
    controls.append(title, label);
    const figure = element('figure', 'corpus-figure corpus-matrix-figure');
    figure.dataset.exportName = 'heatmap';
    figure.setAttribute('aria-labelledby', title.id); // named, and its export menu too, by the heading above
    figure.append(element('div', 'corpus-matrix-chart'), element('div', 'corpus-matrix-table'));
    this.#root.replaceChildren(controls, element('p', 'corpus-chart-error', ''), figure);
    this.#root.querySelector('.corpus-chart-error').setAttribute('role', 'alert');
    this.#root.querySelector('.corpus-chart-error').hidden = true;
    this.#render();
  }

  /** @param {AnyCorpus | string} corpus */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    this.#corpus = corpus;
    if (this.#support.follow(corpus)) this.#render();
  }

  get corpus() {
    return this.#corpus;
  }

  /** The shared co-occurrence options: `{unit, window, measure, minCount, minScore, types}`. */
  set options(options) {
    this.#options = { ...DEFAULT_OPTIONS, ...options };
    this.#render();
  }

  get options() {
    return this.#options;
  }

  async #render() {
    await loadCharts();
    const chart = this.#root.querySelector('.corpus-matrix-chart');
    if (!this.#corpus || !chart) return;
    const render = ++this.#renders;
    const size = Number(this.#root.querySelector('.corpus-matrix-size').value);
    const error = this.#root.querySelector('.corpus-chart-error');
    let matrix;
    try {
      matrix = await this.#corpus.matrix({ ...cooccurrenceOptions(this.#options), size });
      if (render !== this.#renders) return;
      error.hidden = true;
    } catch (e) {
      if (render !== this.#renders) return;
      error.textContent = e.message;
      error.hidden = false;
      chart.replaceChildren();
      this.#root.querySelector('.corpus-matrix-table').replaceChildren();
      return;
    }
    const cells = matrixCells(matrix);
    if (cells.length === 0) {
      chart.replaceChildren(element('p', 'corpus-chart-empty', 'No entities occur together with these settings.'));
      this.#root.querySelector('.corpus-matrix-table').replaceChildren();
      return;
    }
    chart.replaceChildren(this.#plot(matrix, cells, chart.clientWidth || 600));
    edgeChart(chart, this.#root); // viridis's ends edged, to stand 3:1 from the surface
    this.#root.querySelector('.corpus-matrix-table').replaceChildren(this.#table(matrix));
  }

  #plot(matrix, cells, available) {
    const { measure, unit } = this.#options;
    const n = matrix.ids.length;
    const nameOf = new Map(matrix.ids.map((id, i) => [id, matrix.names[i]]));
    // An axis label may be cut (the cell's title and the table have the whole name).
    // Shorter on a phone, where the names beside the cells take their room.
    const chars = available < 480 ? 16 : 24;
    const labelOf = (id) => shortened(nameOf.get(id), chars);
    const longest = Math.max(...matrix.names.map((name) => shortened(name, chars).length));
    // Room for the names beside and below the cells, at about 6.5 px a letter.
    const marginLeft = Math.min(180, 12 + 6.5 * longest);
    // 14 px a cell at least: an 11 px name with its ascent and descent.
    const side = Math.max(14, Math.min(34, Math.floor((available - marginLeft - 16) / n)));
    // Slanted names need columns 16 px apart not to overlap; narrower ones
    // (a phone) stand upright, which needs only the font's height.
    const upright = side < 16;
    const marginBottom = upright ? Math.min(180, 12 + 6.5 * longest) : Math.min(130, 12 + 4.8 * longest);
    const scores = cells.map((c) => c.score);
    const diverging = Math.min(...scores) < 0;
    const chart = charts.plot({
      width: marginLeft + side * n + 16,
      height: side * n + marginBottom + 8,
      marginLeft,
      marginBottom,
      marginTop: 8,
      marginRight: 16,
      style: { background: 'transparent', color: 'currentColor', fontSize: '11px', fontFamily: 'inherit' },
      x: { domain: matrix.ids, tickFormat: labelOf, tickRotate: upright ? -90 : -45, label: null, tickSize: 0 },
      y: { domain: matrix.ids, tickFormat: labelOf, label: null, tickSize: 0 },
      // Viridis and a red-blue diverging scheme both stay readable to
      // colour-blind readers; diverging when the measure goes below zero
      // (PMI, t-score: less often together than chance).
      color: {
        legend: true,
        label: measureLabel(measure),
        ...(diverging ? { type: 'diverging', scheme: 'rdbu', pivot: 0, reverse: true } : { scheme: 'viridis' }),
      },
      marks: [
        charts.cell(cells, {
          x: 'column', y: 'row', fill: 'score', inset: 0.5,
          title: (c) => `${nameOf.get(c.row)} and ${nameOf.get(c.column)}: ${c.count} ${unitPlural(unit, c.count)}, ${measureLabel(measure)} ${formatScore(c.score)}`,
        }),
      ],
    });
    // With a legend, Plot returns a <figure> holding the legend and the chart.
    const svg = chart.matches('svg') ? chart : chart.querySelector(':scope > svg:last-of-type');
    svg.classList.add('corpus-matrix-svg');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `Heatmap of ${measureLabel(measure)} between the top ${n} entities; the table below has the numbers`);
    return chart;
  }

  #table(matrix) {
    const { measure } = this.#options;
    const n = matrix.ids.length;
    const columns = [{ label: '' }, ...matrix.names.map((name) => ({ label: name, numeric: true }))];
    const rows = matrix.names.map((name, i) => [name, ...Array.from({ length: n }, (_, j) => (i === j ? exact('', null) : exact(formatScore(valueAt(matrix.scores, n, i, j)), valueAt(matrix.scores, n, i, j))))]);
    return chartTable('Heatmap as a table', `${measureLabel(measure)} between the top ${n} entities`, columns, rows);
  }
}

/**
 * The off-diagonal pairs that occur together, as `{row, column, count,
 * score}` with entity ids. `counts` and `scores` are row-major N×N.
 */
function matrixCells(matrix) {
  const n = matrix.ids.length;
  const cells = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const count = valueAt(matrix.counts, n, i, j);
      const score = valueAt(matrix.scores, n, i, j);
      if (i === j || !count || score == null || !Number.isFinite(score)) continue;
      cells.push({ row: matrix.ids[i], column: matrix.ids[j], count, score });
    }
  }
  return cells;
}

/** Cell (i, j) of a row-major N×N matrix, flat or as an array of rows. */
function valueAt(values, n, i, j) {
  return Array.isArray(values[0]) ? values[i][j] : values[i * n + j];
}

defineStateProperties(CorpusMatrix, STATE_KEYS);

/** `name` cut to `chars` characters, with "…" where it was cut ("1956 Soviet-Japanese de…"). */
function shortened(name, chars) {
  return name.length > chars ? `${name.slice(0, chars - 1).trimEnd()}…` : name;
}
