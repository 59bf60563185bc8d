// <corpus-compare>: the words that set two sets of documents apart (keyness).
// Two search queries choose the target and the reference (an empty reference
// is the rest of the corpus; a document matching both is a target document);
// the measure is log-likelihood, chi-square or log ratio. The terms more
// frequent in the target and those more frequent in the reference are drawn as
// a diverging bar chart (Observable Plot) and listed in a sortable table, each
// with its frequencies per million words, log ratio (the effect size), p-value
// and p-value adjusted for the number of terms tested (Benjamini–Hochberg);
// only terms whose adjusted p is below the significance cut (0.05 unless
// chosen otherwise) are listed, and the summary gives both sides' sizes and
// says how many terms are not listed. Buttons offer comparisons that suit the
// corpus, where both sides have two documents or more: the earlier against the
// later years, its two largest publications, a person against the rest.
//
// Set `corpus` to a Corpus or a CorpusClient; a client's `change` event
// reruns. Choosing a term dispatches a bubbling `corpus-search` with
// `{query}`: the term within the two subsets. `state` is `{a, b, measure, min,
// p}` (strings: the target and reference queries, `llr`, `chi2` or `logratio`,
// the minimum count, the significance cut `0.05`, `0.01`, `0.001` or `1` for
// any p); setting it reruns, and a change the user makes dispatches a bubbling
// `corpus-state-change` with `{state}`. `figures()` lists the chart's figure
// once drawn; `rendered` resolves once the latest run has finished.
import { charts, loadCharts } from '../../charts/charts.js';
import { cssPalette } from '../../charts/chart-table.js';
import { suggestComparisons } from './compare-starters.js';
import { corpusExamples } from '../../widgets/query-examples.js';
import { formatP, formatRate, sortableTable } from './compare-table.js';
import { formatCount, plural } from '../../widgets/format.js';
import { h } from '../../widgets/dom.js';
import { appendMarked, element } from '../../widgets/highlight.js';
import { formatScore, optionElements } from '../../widgets/network-options.js';
import { PLOT_STYLE, chartFigure, clip, describedSvg, fillFigure } from '../../charts/chart-figure.js';
import { ViewSupport, widthChanged } from '../../widgets/view-support.js';
import { Widget, defineStateProperties, widgetAttributes } from '../../widgets/widget.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

const MEASURES = [['llr', 'log-likelihood (G²)'], ['chi2', 'chi-square'], ['logratio', 'log ratio']];
const DEFAULTS = { a: '', b: '', measure: 'llr', min: '3', p: '0.05' };
// The significance cuts offered: terms are listed only below the cut, on the
// p-value adjusted for the number of terms tested (Benjamini–Hochberg).
const CUTS = [['0.05', 'adjusted p < 0.05'], ['0.01', 'adjusted p < 0.01'], ['0.001', 'adjusted p < 0.001'], ['1', 'any p']];
const LIMIT = 100; // terms listed per side
const DRAWN = 15; // terms drawn per side: more bars than this are hard to read
// Fewer documents than this on a side: what sets it apart is one document's own.
const LEAST_DOCUMENTS = 2;
const ROW_STEP = 18; // px per bar
const CHAR_WIDTH = 6.5; // px per character of an 11 px label

/** One query box of the form: `name` is "a" (the target) or "b" (the reference). */
function queryField(name, label, placeholder) {
  return h('div', { class: 'corpus-compare-field' },
    h('label', { for: `corpus-compare-${name}` }, label),
    h('input', {
      id: `corpus-compare-${name}`, name, class: 'corpus-compare-input', type: 'search', autocomplete: 'off', spellcheck: 'false',
      placeholder, 'aria-describedby': `corpus-compare-${name}-error`,
    }),
    h('div', { id: `corpus-compare-${name}-error`, class: 'corpus-compare-error', 'data-for': name, role: 'alert', hidden: true }));
}

/** The view's fixed parts: the form, the starters, the messages. */
function template() {
  return [
    h('form', { class: 'corpus-compare-form', novalidate: true },
      h('div', { class: 'corpus-compare-queries' },
        queryField('a', 'Target documents', 'a query'),
        h('button', { type: 'button', class: 'corpus-compare-swap', title: 'Swap target and reference', 'aria-label': 'Swap target and reference' },
          h('span', { class: 'corpus-compare-swap-icon', 'aria-hidden': 'true' }, '⇄')),
        queryField('b', 'Reference documents', 'empty: the rest of the corpus')),
      h('div', { class: 'corpus-compare-options' },
        h('label', {}, 'Measure ', h('select', { name: 'measure', class: 'corpus-compare-measure' }, optionElements(MEASURES, DEFAULTS.measure))),
        h('label', {}, 'Min. count ', h('input', {
          name: 'min', class: 'corpus-compare-min', type: 'number', min: 1, max: 100000, step: 1, value: 3, inputmode: 'numeric',
        })),
        h('label', {}, 'Significance ', h('select', { name: 'p', class: 'corpus-compare-cut' }, optionElements(CUTS, DEFAULTS.p))),
        h('button', { type: 'submit', class: 'corpus-compare-submit' }, 'Compare'))),
    h('div', { class: 'corpus-compare-starters', hidden: true }, h('span', { class: 'corpus-compare-starters-label' }, 'Try')),
    h('div', { class: 'corpus-compare-error corpus-compare-general', role: 'alert', hidden: true }),
    h('p', { class: 'corpus-compare-summary', 'aria-live': 'polite' }),
  ];
}

const STATE_KEYS = ['a', 'b', 'measure', 'min', 'p'];

export class CorpusCompare extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #state = { ...DEFAULTS };
  #stateSet = false; // a state was given: the starters must not replace it
  #result = null; // {rows, unlisted, state, targetDocs, referenceDocs}
  #sort = { key: 'score', descending: true };
  #runs = 0; // the latest run; an older run's late answer is dropped
  #rendered = Promise.resolve();
  #drawnWidth = 0;
  #support = new ViewSupport(this, { onChange: () => this.#start(), onResize: () => this.#onResize() });

  connectedCallback() {
    this.#widget.connect();
    if (!this.#root.querySelector('form')) this.#build();
    this.#support.connect();
    this.#writeForm(this.#state);
    this.#start();
  }

  disconnectedCallback() {
    this.#widget.disconnect();
    this.#support.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** The Corpus or CorpusClient compared within. */
  get corpus() {
    return this.#corpus;
  }

  /** @param {AnyCorpus | string} corpus */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    this.#corpus = corpus;
    if (this.#support.follow(corpus)) this.#start();
  }

  /** `{a, b, measure, min, p}`, as strings: the comparison shown. */
  get state() {
    return { ...this.#state };
  }

  set state(value) {
    this.#state = normalise(value);
    // A state without a target (a page's URL with no comparison in it)
    // asks for nothing: the first starter is shown, as on arrival.
    this.#stateSet = Boolean(this.#state.a);
    if (this.#root.querySelector('form')) this.#writeForm(this.#state);
    if (this.#stateSet) this.#run();
    else this.#start();
    this.#widget.stateChanged();
  }

  /** Resolves when the latest comparison has drawn (or failed and said so). */
  get rendered() {
    return this.#rendered;
  }

  /** The chart's figure, once drawn: the SVG and the table are inside. */
  figures() {
    return [...this.#root.querySelectorAll('figure.corpus-figure')].filter((figure) => !figure.hidden && figure.querySelector('svg'));
  }

  #build() {
    this.#root.append(...template());
    // Under the view's own heading (level 2 in the explorer): no section between.
    const figure = chartFigure('keyness', 'Key terms', 3);
    figure.hidden = true;
    figure.querySelector('.corpus-figure-table').classList.add('corpus-compare-table');
    this.#root.append(figure);
    const form = this.#root.querySelector('form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#userRun(this.#readForm());
    });
    for (const name of ['measure', 'min', 'p']) form.elements[name].addEventListener('change', () => this.#userRun(this.#readForm()));
    this.#root.querySelector('.corpus-compare-swap').addEventListener('click', () => this.#swap());
    figure.addEventListener('click', this.#onFigureClick);
  }

  /** A new corpus (or alias table): fresh starters, and the comparison again. */
  async #start() {
    if (!this.#corpus || !this.#root.querySelector('form')) return;
    const corpus = this.#corpus;
    if (this.#stateSet || this.#state.a) this.#run();
    this.#showExample(corpus).catch(() => {}); // the neutral placeholder stays
    let starters = [];
    try {
      starters = await suggestComparisons(corpus);
    } catch {
      // Starters are a convenience: without them the form still works.
    }
    if (corpus !== this.#corpus) return;
    this.#showStarters(starters);
    // Nothing asked for yet (nor being typed): show the first starter rather than an empty view.
    const typing = this.#root.querySelector('form').elements.a.value.trim() !== '';
    if (!this.#stateSet && !this.#state.a && !typing && starters.length > 0) {
      this.#state = normalise({ ...this.#state, ...starters[0].state });
      this.#writeForm(this.#state);
      this.#run();
    }
  }

  /** The target's placeholder: a query from `corpus`'s own years or names. */
  async #showExample(corpus) {
    const examples = await corpusExamples(corpus);
    if (examples && corpus === this.#corpus) this.#root.querySelector('.corpus-compare-input[name="a"]').placeholder = `a query, e.g. ${examples.years ?? examples.phrase}`;
  }

  #showStarters(starters) {
    const box = this.#root.querySelector('.corpus-compare-starters');
    const buttons = starters.map(({ label, title, state }) => {
      const button = element('button', 'corpus-compare-starter', label);
      button.type = 'button';
      button.title = title;
      button.addEventListener('click', () => this.#userRun(normalise({ ...this.#readForm(), a: state.a, b: state.b })));
      return button;
    });
    box.replaceChildren(box.querySelector('.corpus-compare-starters-label'), ...buttons);
    box.hidden = buttons.length === 0;
  }

  #readForm() {
    const form = this.#root.querySelector('form').elements;
    return normalise({ a: form.a.value, b: form.b.value, measure: form.measure.value, min: form.min.value, p: form.p.value });
  }

  #writeForm({ a, b, measure, min, p }) {
    const form = this.#root.querySelector('form').elements;
    form.a.value = a;
    form.b.value = b;
    form.measure.value = measure;
    form.min.value = min;
    form.p.value = p;
    this.#root.querySelector('.corpus-compare-swap').disabled = !b;
  }

  #swap() {
    const state = this.#readForm();
    if (!state.b) return;
    this.#writeForm({ ...state, a: state.b, b: state.a });
    this.#userRun(this.#readForm());
  }

  /** Run a comparison the user asked for, and tell the page if it changed. */
  #userRun(state) {
    const changed = JSON.stringify(state) !== JSON.stringify(this.#state);
    this.#state = state;
    this.#stateSet = true;
    this.#writeForm(state);
    if (changed) this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true, detail: { state: { ...state } } }));
    return this.#run();
  }

  #run() {
    if (!this.#corpus || !this.#root.querySelector('form')) return this.#rendered;
    const run = ++this.#runs;
    this.#rendered = this.#compare(run, { ...this.#state });
    return this.#rendered;
  }

  async #compare(run, state) {
    await loadCharts();
    this.#showErrors(null);
    if (!state.a) {
      this.#showResult(null);
      if (this.#stateSet) this.#showErrors({ message: 'Type a query for the target documents, or choose a comparison below.' }, 'a', state);
      return;
    }
    this.setAttribute('aria-busy', 'true');
    try {
      const result = await keyTerms(this.#corpus, state);
      if (run !== this.#runs) return;
      this.#showResult(result);
    } catch (error) {
      const side = await blame(this.#corpus, error, state);
      if (run !== this.#runs) return;
      this.#showResult(null);
      this.#showErrors(error, side, state);
    } finally {
      if (run === this.#runs) this.removeAttribute('aria-busy');
    }
  }

  /** The error under the box it is about (`side` 'a' or 'b'), else under the form. */
  #showErrors(error, side = null, state = null) {
    for (const box of this.#root.querySelectorAll('.corpus-compare-error')) {
      box.hidden = true;
      box.replaceChildren();
    }
    for (const input of this.#root.querySelectorAll('.corpus-compare-input')) input.removeAttribute('aria-invalid');
    if (!error) return;
    const box = side ? this.#root.querySelector(`.corpus-compare-error[data-for="${side}"]`) : this.#root.querySelector('.corpus-compare-general');
    box.replaceChildren(...errorNodes(error, side ? state[side] : ''));
    if (side === 'b' && /^no reference documents/.test(error.message)) {
      box.append(element('p', 'corpus-compare-hint', 'A document that matches both queries counts as a target document.'));
    }
    box.hidden = false;
    if (side) this.#root.querySelector('form').elements[side].setAttribute('aria-invalid', 'true');
  }

  #showResult(result) {
    this.#result = result;
    const figure = this.#root.querySelector('figure.corpus-figure');
    const summary = this.#root.querySelector('.corpus-compare-summary');
    figure.hidden = !result || result.rows.length === 0;
    summary.textContent = result ? describeResult(result) : '';
    if (result && result.rows.length > 0) this.#draw();
  }

  #onResize() {
    // Redraw the chart to fit; the table stays as it is (its order, its
    // scroll, the focus in it).
    if (this.#result && widthChanged(this.clientWidth, this.#drawnWidth)) this.#draw({ keepTable: true });
  }

  #draw({ keepTable = false } = {}) {
    this.#drawnWidth = this.clientWidth;
    const figure = this.#root.querySelector('figure.corpus-figure');
    const colours = cssPalette(this.#root, 'corpus-chart', 2);
    const width = Math.floor(figure.querySelector('.corpus-figure-chart').clientWidth) || 600;
    fillFigure(figure, { ...keynessChart(this.#result, colours, width), keepTable });
    if (!keepTable) this.#drawTable();
  }

  #drawTable() {
    const holder = this.#root.querySelector('.corpus-compare-table');
    holder.replaceChildren(sortableTable(this.#result.rows, measureName(this.#result.state.measure), this.#sort, (key) => {
      const same = this.#sort.key === key;
      // A second click on a column reverses it; text sorts A to Z first, numbers largest first.
      this.#sort = { key, descending: same ? !this.#sort.descending : !['term', 'side'].includes(key) };
      this.#drawTable();
      holder.querySelector(`th[data-key="${key}"] button`)?.focus();
    }));
  }

  /** A bar, a term label or a term in the table was chosen: search for the term in the two subsets. */
  #onFigureClick = (event) => {
    const term = termAt(event.target, this.#result);
    if (term) this.dispatchEvent(new CustomEvent('corpus-search', { bubbles: true, composed: true, detail: { query: termQuery(term, this.#result.state) } }));
  };
}

/** A state with every key a string, the measure one we offer. */
function normalise(value = {}) {
  const state = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    if (value?.[key] != null) state[key] = String(value[key]).trim();
  }
  if (!MEASURES.some(([m]) => m === state.measure)) state.measure = DEFAULTS.measure;
  if (!CUTS.some(([p]) => p === state.p)) state.p = DEFAULTS.p;
  const min = Number(state.min);
  state.min = Number.isInteger(min) && min >= 1 ? String(Math.min(min, 100000)) : DEFAULTS.min;
  return state;
}

/**
 * The reference as a query of its own: `b` without the target's documents,
 * or every document outside the target. Both sides are then disjoint, so
 * the keyness of each against the other counts the same documents.
 */
function referenceQuery({ a, b }) {
  return b ? `(${b}) -(${a})` : `-(${a})`;
}

/**
 * The terms of both sides, each a KeyTerm with its `side`, its counts,
 * frequencies and words given for the target and the reference as the view
 * names them; a reference term's score and log ratio are negative.
 * @param {AnyCorpus} corpus
 */
async function keyTerms(corpus, state) {
  const options = { measure: state.measure, minCount: Number(state.min), limit: LIMIT };
  // The target first: its errors are the user's queries' own.
  const forward = await corpus.keyness({ ...options, target: state.a, ...(state.b ? { reference: state.b } : {}) });
  const rest = referenceQuery(state);
  const [backward, targetDocs, referenceDocs] = await Promise.all([
    corpus.keyness({ ...options, target: rest, reference: state.a }),
    documentCount(corpus, state.a),
    documentCount(corpus, rest),
  ]);
  // The backward call's target is our reference: its sides are swapped back.
  const all = [
    ...forward.map((k) => ({ ...k, side: 'target' })),
    ...backward.map((k) => ({
      ...k, side: 'reference', target: k.reference, reference: k.target, score: -k.score, logRatio: -k.logRatio,
      targetPerMillion: k.referencePerMillion, referencePerMillion: k.targetPerMillion, targetWords: k.referenceWords, referenceWords: k.targetWords,
    })),
  ];
  // The cut applies to the p-value adjusted for the number of terms tested.
  const cut = Number(state.p);
  const rows = cut >= 1 ? all : all.filter((r) => r.qValue < cut);
  const words = all[0] ? { target: all[0].targetWords, reference: all[0].referenceWords } : null;
  return { rows, unlisted: all.length - rows.length, state, targetDocs, referenceDocs, words };
}

/**
 * The search for a key term within the two subsets compared: its exact form
 * (as counted), and the target's or the reference's documents; with no
 * reference query the two are the whole corpus.
 */
function termQuery(term, { a, b }) {
  return b ? `"${term}" ((${a}) OR (${b}))` : `"${term}"`;
}

/** @param {AnyCorpus} corpus */
async function documentCount(corpus, query) {
  return (await corpus.search(query, { limit: 1, snippetLength: 0 })).total;
}

/**
 * Which box an engine error is about: a malformed query is checked in each
 * box on its own; "the target …"/"no reference …" say so themselves.
 * @param {AnyCorpus} corpus
 */
async function blame(corpus, error, { a, b }) {
  const message = String(error?.message ?? '');
  if (error?.kind === 'invalid-query') {
    for (const [side, query] of [['a', a], ['b', b]]) {
      if (!query) continue;
      try {
        await corpus.search(query, { limit: 1, snippetLength: 0 });
      } catch {
        return side;
      }
    }
    return null;
  }
  if (/^the target\b/.test(message)) return 'a';
  if (/^(no reference|the reference)\b/.test(message)) return 'b';
  return null;
}

/** The message, and the query with the character at the error's position (the engine's `position`) marked. */
function errorNodes(error, query) {
  const nodes = [element('p', 'corpus-compare-error-message', error.message)];
  if (Number.isInteger(error.position) && query) {
    const at = error.position;
    const shown = element('code', 'corpus-compare-error-query');
    appendMarked(shown, at >= query.length ? `${query} ` : query, [{ start: at, end: at + 1 }], 'corpus-compare-error-at');
    nodes.push(shown);
  }
  return nodes;
}

/**
 * The sizes of both sides, how many terms are listed at the significance
 * cut and how many are not, and a caution when a side is too small.
 */
function describeResult({ rows, unlisted, state, targetDocs, referenceDocs, words }) {
  const inTarget = rows.filter((r) => r.side === 'target').length;
  const rest = state.b ? '' : ' (the rest of the corpus)';
  const cut = state.p === '1' ? 'at any p' : `at p < ${state.p}, adjusted for the number of terms tested (Benjamini–Hochberg)`;
  const terms = rows.length === 0
    ? `no term differs between them ${cut}`
    : `${formatCount(inTarget)} key terms in the target, ${formatCount(rows.length - inTarget)} in the reference, ${cut}`;
  const chance = unlisted > 0 ? ` (${plural(unlisted, 'term', 'terms')} with an adjusted p ≥ ${state.p}, a difference chance alone often makes, not listed)` : '';
  const small = [['target', targetDocs], ['reference', referenceDocs]].find(([, n]) => n < LEAST_DOCUMENTS);
  const caution = small
    ? `. The ${small[0]} is ${plural(small[1], 'document', 'documents')}: what sets it apart is that document's own, too little to conclude anything about a subset`
    : '';
  const size = (docs, side) => `${plural(docs, 'document', 'documents')}${words ? `, ${plural(words[side], 'word', 'words')}` : ''}`;
  return `Target: ${size(targetDocs, 'target')} · Reference: ${size(referenceDocs, 'reference')}${rest} · ${terms}${chance}${caution}.`;
}

function measureName(measure) {
  return MEASURES.find(([m]) => m === measure)?.[1] ?? measure;
}

/** The strongest terms of each side, target first, in the chart's order. */
function drawnRows(rows) {
  const side = (name) => rows.filter((r) => r.side === name).sort((x, y) => Math.abs(y.score) - Math.abs(x.score) || x.term.localeCompare(y.term)).slice(0, DRAWN);
  return [...side('target'), ...side('reference').reverse()];
}

/**
 * Diverging bars: a target term to the right of zero, a reference term to
 * the left, each labelled at the zero line on the other side.
 * @param {Awaited<ReturnType<typeof keyTerms>>} result
 * @param {string[]} colours the target's and the reference's
 * @param {number} width
 */
function keynessChart(result, [targetColour, referenceColour], width) {
  const { state } = result;
  const measure = measureName(state.measure);
  const shown = drawnRows(result.rows);
  const title = 'Key terms';
  const legend = [sideLegend(state, [targetColour, referenceColour])];
  if (shown.length === 0) return { title, legend, empty: `No term is more frequent on either side at least ${state.min} times.` };
  const extent = Math.max(...shown.map((r) => Math.abs(r.score))) * 1.02;
  const maxChars = Math.max(6, Math.floor((width / 2 - 16) / CHAR_WIDTH));
  const label = (r) => clip(r.term, maxChars);
  const svg = charts.plot({
    width,
    height: shown.length * ROW_STEP + 50,
    marginLeft: 12,
    marginRight: 12,
    marginTop: 8,
    style: PLOT_STYLE,
    x: { domain: [-extent, extent], label: axisLabel(measure, width), labelAnchor: 'center', labelArrow: 'none', grid: true, tickFormat: (n) => formatScore(Math.abs(n)), ticks: Math.max(3, Math.floor(width / 90)) },
    y: { domain: shown.map((r) => r.term), axis: null, padding: 0.15 },
    color: { type: 'ordinal', domain: ['target', 'reference'], range: [targetColour, referenceColour] },
    marks: [
      charts.barX(shown, { x: 'score', y: 'term', fill: 'side', title: rowTitle(measure) }),
      charts.text(shown, { filter: (r) => r.side === 'target', x: 0, y: 'term', text: label, dx: -5, textAnchor: 'end' }),
      charts.text(shown, { filter: (r) => r.side === 'reference', x: 0, y: 'term', text: label, dx: 5, textAnchor: 'start' }),
      charts.ruleX([0]),
    ],
  });
  svg.dataset.terms = JSON.stringify(shown.map((r) => r.term));
  const list = (side) => shown.filter((r) => r.side === side).map((r) => r.term).join(', ') || 'none';
  const description = `Diverging bar chart of ${measure}: terms more frequent in the target (${list('target')}) to the right, in the reference (${list('reference')}) to the left. The table below has every term.`;
  return {
    title,
    note: `The ${DRAWN} strongest of each side by ${measure}; choose a term to search for it`,
    legend,
    svg: describedSvg(svg, 'corpus-compare-svg', description),
  };
}

/** Which way is which, with the measure where the chart is wide enough for it. */
function axisLabel(measure, width) {
  const long = `← more in the reference · ${measure} · more in the target →`;
  return long.length * 6 + 24 <= width ? long : '← reference · target →';
}

function rowTitle(measure) {
  return (r) => `${r.term}: ${formatCount(r.target)} in the target, ${formatCount(r.reference)} in the reference (${formatRate(r.targetPerMillion)} and ${formatRate(r.referencePerMillion)} per million words); ${measure} ${formatScore(Math.abs(r.score))}, log ratio ${formatScore(r.logRatio)}, p = ${formatP(r.pValue)}, adjusted ${formatP(r.qValue)}`;
}

/** The two sides' colours, each with its query. */
function sideLegend(state, colours) {
  const list = element('ul', 'corpus-figure-keys');
  const sides = [['Target', state.a], ['Reference', state.b || 'the rest of the corpus']];
  sides.forEach(([name, query], i) => {
    const item = element('li', 'corpus-figure-key');
    item.dataset.legend = `${name}: ${query}`; // an exported chart's legend (widget.js)
    const swatch = element('span', 'corpus-figure-swatch corpus-figure-swatch-box');
    swatch.dataset.legendSwatch = '';
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.setProperty('--corpus-swatch', colours[i]);
    item.append(swatch, `${name}: `, element('code', 'corpus-compare-query', query));
    list.append(item);
  });
  return list;
}

/** The term behind a clicked bar or label (Plot binds each to its index), or table button. */
function termAt(target, result) {
  const button = target.closest?.('button[data-term]');
  if (button) return button.dataset.term;
  const mark = target.closest?.('.corpus-compare-svg :is(g[data-mark="bar"] rect, g[data-mark="text"] text)');
  if (!mark || !result) return null;
  const terms = JSON.parse(mark.ownerSVGElement.dataset.terms);
  return Number.isInteger(mark.__data__) ? (terms[mark.__data__] ?? null) : null;
}

defineStateProperties(CorpusCompare, STATE_KEYS);
