// <corpus-network>: the entities that occur together, as a force-directed
// network. Controls choose the co-occurrence unit (sentence, paragraph,
// document, or a window of N words), the association measure, the minimum
// count, how many nodes and which entity types. Node size is mentions;
// colour is the entity's type or, switched, its community, with a legend
// for whichever it is (network-colours.js); hovering a node lights its
// neighbours. Choosing an edge lists the units behind it (corpus.evidence)
// with both entities marked in their nodes' colours: the count on an edge
// is always readable.
// The drawing is one Tab stop, walked with the keys of network-keys.js; a
// link chosen by keyboard moves focus to its evidence, and Escape there goes
// back. Tables under the drawing list its links and its entities.
//
// Set `corpus` to a Corpus or a CorpusClient. Choosing a node dispatches
// `corpus-open-entity` with `{id}`; choosing an evidence unit dispatches
// `corpus-open-document` with `{id, start, end}`; each change of the controls
// dispatches `corpus-network-change` with `{options}` (the shared
// co-occurrence options, see network-options.js), so a page can keep a
// heatmap on the same measure, and `corpus-state-change`. `state` is
// `{unit, window, measure, min, score, nodes, links, types, colour, edge}`
// (strings; `colour` is 'type' or 'community', `types`
// comma-separated, `edge` the two entity ids of the link whose evidence is
// shown, joined by a space).
import { loadCharts } from '../../charts/charts.js';
import { chartTable, exact } from '../../charts/chart-table.js';
import { formatCount, plural } from '../../widgets/format.js';
import { ENTITY_TYPES, typeLabel, typePluralLabel, typeSwatch } from '../../widgets/entity-types.js';
import { h } from '../../widgets/dom.js';
import { element } from '../../widgets/highlight.js';
import { evidenceItem } from '../../widgets/evidence.js';
import { drawNetwork, layoutNetwork } from './network-chart.js';
import { edgeNetwork } from '../../charts/chart-edges.js';
import { keyMap } from './network-keys.js';
import { MEASURES, UNITS, cooccurrenceOptions, formatScore, measureLabel, optionElements, unitPlural } from '../../widgets/network-options.js';
import { Widget, defineStateProperties, themeValue, widgetAttributes } from '../../widgets/widget.js';
import { ViewSupport } from '../../widgets/view-support.js';
import { numberProblem } from '../../widgets/number-fields.js';
import { COLOUR_MODES, communityColours, legendEntries } from './network-colours.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

const STATE_KEYS = ['unit', 'window', 'measure', 'min', 'score', 'nodes', 'links', 'types', 'colour', 'distinct', 'edge'];
const NETWORK_FORMATS = [['GEXF', 'gexf', 'application/gexf+xml'], ['GraphML', 'graphml', 'application/graphml+xml']];

// Dates, money and quantities link to everything and say little: off at first.
const DEFAULT_TYPES = ['person', 'place', 'organization', 'media', 'event'];
const EVIDENCE_LIMIT = 100;
// The links drawn at first, the strongest: enough to show structure; past
// this a network is a hairball. A user may ask for up to LINKS_MOST.
const LINKS = 300;
const LINKS_MOST = 5000;
// The key map's id, which describes the drawing (ids are the shadow root's own).
const KEYS_ID = 'corpus-network-keys';

/** The view's fixed parts: the controls, the messages, the figure and the evidence. */
function template() {
  const number = (name, attributes) => h('input', { class: `corpus-network-${name}`, type: 'number', ...attributes });
  return [
    h('form', { class: 'corpus-network-controls' },
      h('label', {}, 'Unit ', h('select', { class: 'corpus-network-unit' }, optionElements(UNITS, 'sentence'))),
      h('label', { class: 'corpus-network-window-field', hidden: true },
        'Window ', number('window', { min: 1, max: 1000, step: 1, value: 5, inputmode: 'numeric', 'data-label': 'Window' }), ' words'),
      h('label', { class: 'corpus-network-distinct-field', title: 'A sentence (paragraph, document) whose words repeat an earlier one, as when an address copies a passage of the one before, is not counted again' },
        h('input', { class: 'corpus-network-distinct', type: 'checkbox' }), 'Repeats counted once'),
      h('label', {}, 'Measure ', h('select', { class: 'corpus-network-measure' }, optionElements(MEASURES, 'count'))),
      h('label', {}, 'Min. count ', number('min-count', { min: 1, max: 1000000, step: 1, value: 1, inputmode: 'numeric', 'data-label': 'Min. count' })),
      h('label', {}, 'Min. score ', number('min-score', { step: 'any', placeholder: 'any', inputmode: 'decimal', 'data-label': 'Min. score' })),
      h('label', {}, 'Nodes ', number('nodes', { min: 2, max: 200, step: 1, value: 30, inputmode: 'numeric', 'data-label': 'Nodes' })),
      h('label', {}, 'Links ', number('links', { min: 1, max: LINKS_MOST, step: 1, value: LINKS, inputmode: 'numeric', 'data-label': 'Links' })),
      h('label', {}, 'Colour ', h('select', { class: 'corpus-network-colour' }, optionElements(COLOUR_MODES, 'type'))),
      h('fieldset', { class: 'corpus-network-types' }, h('legend', {}, 'Types'), ENTITY_TYPES.map(typeCheckbox))),
    h('p', { class: 'corpus-network-error', role: 'alert', hidden: true }),
    h('p', { class: 'corpus-network-summary', 'aria-live': 'polite' }),
    h('figure', { class: 'corpus-figure corpus-network-figure', 'data-export-name': 'network', 'aria-label': 'Co-occurrence network' },
      h('ul', { class: 'corpus-network-legend' }),
      h('div', { class: 'corpus-network-chart' }),
      keyMap(KEYS_ID),
      h('div', { class: 'corpus-network-table' })),
    // Not a live region: it would read every sentence out. Focus comes here instead.
    h('section', { class: 'corpus-network-evidence' }),
  ];
}

export class CorpusNetwork extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #support = new ViewSupport(this, { onChange: () => this.#run() });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #titles = new Map();
  #network = null; // the last corpus.cooccurrence result
  #names = new Map(); // entity id → node
  #slots = new Map(); // community number → colour slot, for the network drawn
  #remembered = new Map(); // entity id → the colour slot its community had last
  #timer = 0;
  #runs = 0; // the latest run; an older run's late answer is dropped
  #edge = ''; // "a b": the link whose evidence is shown
  #drawnState = null; // the state of the settings last run, kept while a field is out of range
  #returnTo = null; // where Escape in the evidence goes: the table's button, else the drawing's link

  constructor() {
    super();
    this.#root.append(...template());
    const form = this.#root.querySelector('form');
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', (event) => (event.target.classList.contains('corpus-network-colour') ? this.#recolour() : this.#changed()));
    // Typing a number waits a moment, so "25" does not first draw "2".
    form.addEventListener('input', (event) => {
      if (event.target.type !== 'number') return;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#changed(), 250);
    });
    this.#root.querySelector('.corpus-network-evidence').addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const back = this.#returnTo?.isConnected ? this.#returnTo : this.#root.querySelector('.corpus-network-edge.is-selected');
      if (!back) return;
      event.preventDefault();
      back.focus();
    });
  }

  connectedCallback() {
    this.#widget.connect();
    this.#support.connect();
    this.#run();
  }

  disconnectedCallback() {
    this.#widget.disconnect();
    this.#support.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** The network's own exports, beside SVG, PNG, CSV and JSON: GEXF and GraphML from the engine. */
  exportExtras() {
    return NETWORK_FORMATS.map(([label, format, mime]) => ({
      label,
      filename: `network.${format}`,
      mime,
      data: () => this.#corpus.exportNetwork(format, this.exportOptions),
    }));
  }

  #changed() {
    clearTimeout(this.#timer);
    // A number out of its range is said so (see #run); the URL keeps the last good settings.
    if (this.#numberProblem()) {
      this.#run();
      return;
    }
    this.#edge = '';
    this.#run();
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
  }

  /** The same network drawn again in the colours chosen, its evidence kept. */
  #recolour() {
    this.#render();
    const [a, b] = this.#edge.split(' ');
    if (a && b) this.#showEvidence(a, b);
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
  }

  /** What the nodes' colour shows: 'type' or 'community'. */
  get #colourMode() {
    return this.#root.querySelector('.corpus-network-colour').value === 'community' ? 'community' : 'type';
  }

  /** A node's colour as data attributes: its type's, or its community's slot. */
  #colourOf(node) {
    return this.#colourMode === 'community' ? { community: this.#slots.get(node.community) ?? 'other' } : { type: node.type };
  }

  /** The message for a number field out of its range, or null. */
  #numberProblem() {
    return numberProblem(this.#root.querySelector('.corpus-network-controls'));
  }

  /** The controls and the link shown, as strings (see above). */
  get state() {
    const value = (name) => this.#root.querySelector(`.corpus-network-${name}`)?.value ?? '';
    // A field out of its range keeps the value last drawn in the state.
    if (this.#numberProblem() && this.#drawnState) return { ...this.#drawnState, edge: this.#edge };
    return {
      unit: value('unit'), window: value('window'), measure: value('measure'), min: value('min-count'),
      score: value('min-score'), nodes: value('nodes'), links: value('links'), types: this.options.types.join(','), colour: value('colour'),
      distinct: this.#root.querySelector('.corpus-network-distinct').checked ? '1' : '', edge: this.#edge,
    };
  }

  set state(state) {
    const set = (name, value, fallback) => {
      const field = this.#root.querySelector(`.corpus-network-${name}`);
      field.value = value ?? fallback;
      if (field.tagName === 'SELECT' && field.selectedIndex < 0) field.value = fallback;
    };
    set('unit', state.unit, 'sentence');
    set('window', state.window, '5');
    set('measure', state.measure, 'count');
    set('min-count', state.min, '1');
    set('min-score', state.score, '');
    set('nodes', state.nodes, '30');
    set('links', state.links, String(LINKS));
    set('colour', state.colour, 'type');
    this.#root.querySelector('.corpus-network-distinct').checked = state.distinct === '1';
    const types = state.types == null ? DEFAULT_TYPES : state.types.split(',').filter(Boolean);
    for (const box of this.#root.querySelectorAll('.corpus-network-types input')) box.checked = types.includes(box.value);
    this.#edge = state.edge ?? '';
    this.#widget.stateChanged();
    this.#run();
  }

  /** The Corpus whose network is drawn. */
  get corpus() {
    return this.#corpus;
  }

  /** @param {AnyCorpus | string} corpus */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    this.#corpus = corpus;
    if (!this.#support.follow(corpus)) return;
    this.#titles = new Map(corpus.documents().map((d) => [d.id, d.title ?? d.id]));
    this.#run();
  }

  /** The shared co-occurrence options the controls describe. */
  get options() {
    const value = (name) => this.#root.querySelector(`.corpus-network-${name}`).value;
    const number = (name, fallback) => {
      const n = Math.round(Number(value(name)));
      return Number.isFinite(n) && n >= 1 ? n : fallback;
    };
    const types = [...this.#root.querySelectorAll('.corpus-network-types input:checked')].map((box) => box.value);
    const score = value('min-score').trim();
    const minScore = score === '' || !Number.isFinite(Number(score)) ? null : Number(score);
    // Repeats are units of text: a window is not one.
    const distinct = value('unit') !== 'window' && this.#root.querySelector('.corpus-network-distinct').checked;
    return { unit: value('unit'), window: number('window', 5), measure: value('measure'), minCount: number('min-count', 1), minScore, types, distinct };
  }

  /** How many nodes, at most (the most frequent entities). */
  get nodeLimit() {
    return Math.max(2, Math.round(Number(this.#root.querySelector('.corpus-network-nodes').value)) || 30);
  }

  /** How many links, at most (the strongest by the measure). */
  get linkLimit() {
    return Math.max(1, Math.round(Number(this.#root.querySelector('.corpus-network-links').value)) || LINKS);
  }

  async #run() {
    if (!this.#corpus) return;
    await loadCharts();
    const run = ++this.#runs;
    const state = this.options;
    this.#root.querySelector('.corpus-network-window-field').hidden = state.unit !== 'window';
    this.#root.querySelector('.corpus-network-distinct-field').hidden = state.unit === 'window';
    const problem = this.#numberProblem();
    if (problem) {
      this.#showError(new Error(`${problem}. The network drawn is the last one the settings allowed.`));
      return;
    }
    this.#drawnState = this.state;
    this.dispatchEvent(new CustomEvent('corpus-network-change', { bubbles: true, composed: true, detail: { options: state } }));
    let network = null;
    let failure = null;
    try {
      network = await this.#corpus.cooccurrence(this.exportOptions);
    } catch (error) {
      failure = error;
    }
    if (run !== this.#runs) return;
    this.#network = network;
    this.#showError(failure);
    this.#render();
    const [a, b] = this.#edge.split(' ');
    if (a && b) this.#showEvidence(a, b);
  }

  /** The options of the network drawn, as corpus.exportNetwork takes them. */
  get exportOptions() {
    return { ...cooccurrenceOptions(this.options), nodes: this.nodeLimit, limit: this.linkLimit };
  }

  /** The network drawn (`corpus.cooccurrence`), or null. */
  get network() {
    return this.#network;
  }

  #showError(error) {
    const box = this.#root.querySelector('.corpus-network-error');
    box.hidden = !error;
    box.textContent = error ? error.message : '';
  }

  #render() {
    const network = this.#network ?? { nodes: [], edges: [] };
    this.#names = new Map(network.nodes.map((n) => [n.id, n]));
    ({ slots: this.#slots, memory: this.#remembered } = communityColours(network.nodes, this.#remembered));
    const mode = this.#colourMode;
    const { unit, measure } = this.options;
    this.#root.querySelector('.corpus-network-summary').textContent =
      `${formatCount(network.nodes.length)} entities, ${linksShown(network, measure)} by ${unitPlural(unit, 1)}, weighted by ${measureLabel(measure)}. `
      + `${nodesShown(network, this.nodeLimit)}Size: mentions; colour: ${mode === 'community' ? 'community (Louvain)' : 'type'}. `
      + 'Choose a link to read the text behind it, an entity to open it.';
    this.#root.querySelector('.corpus-network-types').classList.toggle('is-uncoloured', mode === 'community');
    this.#drawLegend(network.nodes, mode);
    this.#root.querySelector('.corpus-network-evidence').replaceChildren();
    const chart = this.#root.querySelector('.corpus-network-chart');
    this.#root.querySelector('.corpus-network-keys').hidden = network.nodes.length === 0;
    if (network.nodes.length === 0) {
      chart.replaceChildren(element('p', 'corpus-network-empty', 'No entities occur together with these settings.'));
      this.#root.querySelector('.corpus-network-table').replaceChildren();
      return;
    }
    // Laid out for the width it is shown at, so text stays at its CSS size.
    const width = Math.max(320, Math.round(chart.clientWidth || 960));
    // Wide and low on a screen, taller than wide on a phone.
    const height = Math.round(width < 640 ? width * 1.25 : Math.min(600, Math.max(380, width * 0.55)));
    const layout = layoutNetwork(network, width, height);
    const drawing = drawNetwork(layout, {
      font: themeValue(this.#root, 'font') || 'sans-serif',
      width,
      height,
      label: `Entity network: ${network.nodes.length} entities, ${network.edges.length} links`,
      describedBy: KEYS_ID,
      colour: (node) => this.#colourOf(node),
      onNode: (node) => this.#openEntity(node.id),
      onEdge: (edge, { keyboard }) => this.#chooseEdge(edge.source, edge.target, { keyboard }),
      describeEdge: (edge) => this.#describeEdge(edge),
    });
    chart.replaceChildren(drawing);
    edgeNetwork(drawing, this.#root); // pale nodes ringed, to stand 3:1 from the surface
    this.#root.querySelector('.corpus-network-table').replaceChildren(this.#table(network), this.#nodeTable(network));
  }

  /** The legend of what the colours mean, for the nodes drawn. */
  #drawLegend(nodes, mode) {
    const legend = this.#root.querySelector('.corpus-network-legend');
    legend.setAttribute('aria-label', mode === 'community' ? 'Colours: communities' : 'Colours: entity types');
    legend.replaceChildren(...legendEntries(nodes, mode, this.#slots).map((entry) => {
      const item = element('li', 'corpus-network-legend-item');
      item.dataset.legend = ''; // an exported chart's legend (widget.js): the item's text
      if (mode !== 'community') {
        const swatch = typeSwatch(entry.type);
        swatch.dataset.legendSwatch = '';
        item.append(swatch, `${typePluralLabel(entry.type)} ${formatCount(entry.count)}`);
        return item;
      }
      const swatch = colourSwatch({ community: entry.key });
      if (entry.community === null) {
        item.append(swatch, `Smaller communities ${formatCount(entry.count)}`);
        return item;
      }
      const more = entry.count - entry.names.length;
      const members = more > 0 ? `${entry.names.join(', ')} and ${formatCount(more)} more` : entry.names.join(' and ');
      item.append(swatch, `Community ${entry.community}: ${members}`);
      return item;
    }));
    legend.hidden = nodes.length === 0;
  }

  #openEntity(id) {
    this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, composed: true, detail: { id } }));
  }

  /**
   * Show a link's evidence, chosen in the drawing or from `from` (a button
   * of the table). By keyboard, focus follows to the evidence's heading,
   * and Escape there comes back.
   */
  async #chooseEdge(a, b, { keyboard, from = null }) {
    this.#returnTo = from;
    await this.showEvidence(a, b);
    if (keyboard && this.#edge === `${a} ${b}`) this.#root.querySelector('.corpus-network-evidence-title')?.focus();
  }

  #describeEdge(edge) {
    const { unit, measure } = this.options;
    const score = measure === 'count' ? '' : `, ${measureLabel(measure)} ${formatScore(edge.score)}`;
    return `${this.#name(edge.source)} and ${this.#name(edge.target)}: ${formatCount(edge.count)} ${unitPlural(unit, edge.count)}${score}`;
  }

  #name(id) {
    return this.#names.get(id)?.name ?? id;
  }

  /** The edges as a table, each with a button to its evidence. */
  #table(network) {
    const { measure } = this.options;
    const rows = network.edges.map((edge) => {
      const show = element('button', 'corpus-link', 'evidence');
      show.type = 'button';
      // Named by its text first, then by what it shows: a list of the page's
      // buttons would otherwise hold a hundred "evidence".
      show.setAttribute('aria-label', `evidence: ${this.#name(edge.source)} and ${this.#name(edge.target)}`);
      show.addEventListener('click', (event) => this.#chooseEdge(edge.source, edge.target, { keyboard: event.detail === 0, from: show }));
      return [this.#name(edge.source), this.#name(edge.target), formatCount(edge.count), exact(formatScore(edge.expected), edge.expected), exact(formatScore(edge.score), edge.score), show];
    });
    const columns = [{ label: 'Entity' }, { label: 'With' }, { label: 'Count', numeric: true }, { label: 'Expected', numeric: true },
      { label: measureLabel(measure), numeric: true }, { label: 'Evidence' }];
    return chartTable(`Links as a table (${formatCount(network.edges.length)})`, 'Links between entities, strongest first', columns, rows);
  }

  /** The nodes as a table, most mentioned first, each name a button that opens the entity. */
  #nodeTable(network) {
    const nodes = [...network.nodes].sort((x, y) => y.count - x.count || x.name.localeCompare(y.name));
    const rows = nodes.map((node) => {
      const open = element('button', 'corpus-link', node.name);
      open.type = 'button';
      open.addEventListener('click', () => this.#openEntity(node.id));
      return [open, typeLabel(node.type), formatCount(node.count), formatCount(node.degree), String(node.community)];
    });
    const columns = [{ label: 'Entity' }, { label: 'Type' }, { label: 'Mentions', numeric: true }, { label: 'Links', numeric: true }, { label: 'Community', numeric: true }];
    return chartTable(`Entities as a table (${formatCount(network.nodes.length)})`, 'Entities of the network, most mentioned first', columns, rows);
  }

  /** List the units in which entities `a` and `b` occur together, both marked; resolves once they show. */
  showEvidence(a, b) {
    this.#edge = `${a} ${b}`;
    const shown = this.#showEvidence(a, b);
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
    return shown;
  }

  async #showEvidence(a, b) {
    const { unit, window, distinct } = this.options;
    const box = this.#root.querySelector('.corpus-network-evidence');
    for (const edge of this.#root.querySelectorAll('.corpus-network-edge')) {
      const chosen = (edge.dataset.source === a && edge.dataset.target === b) || (edge.dataset.source === b && edge.dataset.target === a);
      edge.classList.toggle('is-selected', chosen);
    }
    let units;
    try {
      units = await this.#corpus.evidence(a, b, unit === 'window' ? { unit, window, limit: EVIDENCE_LIMIT } : { unit, distinct, limit: EVIDENCE_LIMIT });
    } catch (error) {
      box.replaceChildren(element('p', 'corpus-network-error', error.message));
      return;
    }
    const heading = element('h3', 'corpus-network-evidence-title');
    heading.tabIndex = -1; // focused from script when a link is chosen by keyboard
    heading.append(this.#entityLabel(a), ' and ', this.#entityLabel(b), ` · ${formatCount(units.length)} ${unitPlural(unit, units.length)}`);
    const list = element('ol', 'corpus-evidence');
    list.setAttribute('aria-label', `${this.#name(a)} with ${this.#name(b)}`);
    const pair = new Set([a, b]);
    for (const found of units) {
      list.append(evidenceItem(found, {
        pair,
        title: this.#titles.get(found.docId) ?? found.docId,
        markMention: (mark, id) => {
          const node = this.#names.get(id);
          if (node) Object.assign(mark.dataset, this.#colourOf(node));
          mark.title = node ? `${node.name} · ${node.type}` : id;
        },
        open: (detail) => this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, composed: true, detail })),
      }));
    }
    box.replaceChildren(heading, list);
  }

  #entityLabel(id) {
    const span = element('span', 'corpus-network-evidence-entity');
    const node = this.#names.get(id);
    if (node) span.append(colourSwatch(this.#colourOf(node)));
    span.append(this.#name(id));
    return span;
  }
}

/** "104 links", or, when the limit left some out, "300 of 1,234 links (the strongest …)". */
function linksShown(network, measure) {
  const shown = network.edges.length;
  const total = network.totalEdges;
  if (total <= shown) return plural(shown, 'link');
  const more = shown < LINKS_MOST ? `; raise Links, up to ${formatCount(LINKS_MOST)}, to draw more` : '';
  return `${formatCount(shown)} of ${formatCount(total)} links (the strongest by ${measureLabel(measure)}${more})`;
}

/** Said when fewer entities are drawn than were asked for: only those with a link drawn are. */
function nodesShown(network, asked) {
  const drawn = network.nodes.length;
  if (drawn === 0 || drawn >= asked) return '';
  return `Of the ${formatCount(asked)} most frequent entities, the ${formatCount(drawn)} with a link drawn are shown. `;
}

/** A swatch of a node's colour (`{type}` or `{community}`, as #colourOf gives). */
function colourSwatch(colour) {
  const swatch = element('span', 'corpus-entity-swatch');
  swatch.setAttribute('aria-hidden', 'true');
  swatch.dataset.legendSwatch = '';
  Object.assign(swatch.dataset, colour);
  return swatch;
}

/** A checkbox chip for one entity type, with its colour swatch. */
function typeCheckbox(type) {
  const label = element('label', 'corpus-network-type');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.value = type;
  box.checked = DEFAULT_TYPES.includes(type);
  label.append(box, typeSwatch(type), typeLabel(type));
  return label;
}

defineStateProperties(CorpusNetwork, STATE_KEYS);
