// <corpus-search>: a query box with syntax help and inline errors, ranked
// results with highlighted snippets by document, paragraph or sentence, a
// concordance (KWIC) sorted by up to three levels, at a chosen width and paged
// through every line, and facets (the matching documents by publication, year
// and entity) that narrow the query.
//
// Set `corpus` to a Corpus or a CorpusClient. Choosing a result dispatches
// `corpus-open-document` with `{id, start, end, query}` (UTF-16 offsets of
// the unit). `state` is `{q, unit, mode, sort, width}` (`sort`: the
// concordance's levels joined by commas, "1R,2R"); a change the user makes
// dispatches `corpus-state-change`.
import { h } from '../../widgets/dom.js';
import { appendMarked, element } from '../../widgets/highlight.js';
import { formatCount, plural } from '../../widgets/format.js';
import { searchFacets } from './search-facets.js';
import { kwicTable } from './kwic-table.js';
import { operatorSuggestion } from './operator-hint.js';
import { corpusExamples, placeholderText } from '../../widgets/query-examples.js';
import { Widget, defineStateProperties, settled, widgetAttributes } from '../../widgets/widget.js';
import { ViewSupport } from '../../widgets/view-support.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

/** The view's fixed parts: the query form, the error line, the syntax help, the output. */
function template() {
  const option = (value, label) => h('option', { value }, label);
  const code = (text, example) => h('code', example ? { 'data-example': example } : {}, text);
  const syntax = (terms, meaning) => [h('dt', {}, ...terms), h('dd', {}, ...meaning)];
  return [
    h('form', { class: 'corpus-search-form', role: 'search' },
      h('label', { class: 'corpus-search-label', for: 'corpus-search-query' }, 'Search'),
      h('input', {
        id: 'corpus-search-query', class: 'corpus-search-input', type: 'search', autocomplete: 'off', spellcheck: 'false',
        placeholder: 'e.g. "peace treaty" putin -koizumi, kuril*, kunashir~1, year:2000..2005', 'aria-describedby': 'corpus-search-error corpus-search-hint',
      }),
      h('select', { class: 'corpus-search-view', 'aria-label': 'Show' },
        option('results', 'Ranked results'), option('kwic', 'Concordance (KWIC)')),
      h('select', { class: 'corpus-search-unit', 'aria-label': 'Result unit' },
        option('document', 'by document'), option('paragraph', 'by paragraph'), option('sentence', 'by sentence')),
      h('span', { class: 'corpus-search-kwic-options', hidden: true },
        ...SORT_LEVELS.map((level) => h('select', { class: `corpus-search-sort corpus-search-sort-${level}`, 'aria-label': `Concordance order, level ${level}` },
          ...(level > 1 ? [option('', level === 2 ? 'then by nothing' : 'nothing more')] : []),
          ...SORT_KEYS.map(([value, label]) => option(value, `${level === 1 ? 'sorted by' : 'then by'} ${label}`)))),
        h('select', { class: 'corpus-search-width', 'aria-label': 'Context width' },
          ...WIDTHS.map((w) => option(String(w), `${w} characters of context`))))),
    // Not an alert: a query is wrong at every keystroke while it is typed.
    // The box describes the field; the announcer says it when asked (Enter).
    h('div', { id: 'corpus-search-error', class: 'corpus-search-error', hidden: true }),
    // "japan or china": the lower-case word is searched as a word; the operator is offered.
    h('p', { id: 'corpus-search-hint', class: 'corpus-search-hint', hidden: true }),
    h('details', { class: 'corpus-search-help' },
      h('summary', {}, 'Query syntax'),
      h('dl', {},
        syntax([code('putin mori', 'both')], ['both words (stemmed: ', code('treaty'), ' finds ', code('treaties'), ')']),
        syntax([code('putin OR koizumi', 'either'), ', ', code('-koizumi', 'without'), ', ', code('NOT koizumi', 'not'), ', ', code('( )')], ['either, not, grouping']),
        syntax([code('"peace treaty"', 'phrase')], ['exact words in this order; ', code('"putin koizumi"~5', 'within'), ': within 5 words, any order']),
        syntax([code('putin NEAR/5 koizumi', 'near')], ['at most 5 words apart']),
        syntax([code('kuril*', 'prefix'), ', ', code('kunashir~1', 'fuzzy')], ['prefix; spelling within 1 or 2 edits']),
        syntax([code('year:2000..2005', 'years'), ', ', code('publication:"Eurasia Daily Monitor"'), ', ', code('date:2004-11..2005-01')],
          ['filters on document fields (also ', code('volume:'), ', ', code('issue:'), ', ', code('title:'), ' and any metadata field)']))),
    h('p', { class: 'corpus-search-summary' }),
    h('p', { class: 'corpus-search-announcer corpus-visually-hidden', role: 'status' }),
    h('div', { class: 'corpus-search-body' },
      h('div', { class: 'corpus-search-output' }),
      h('aside', { class: 'corpus-facets', 'aria-label': 'Narrow the search', hidden: true })),
  ];
}

const PAGE = 50; // results per page
const KWIC_PAGE = 500; // concordance lines per page
const TYPING_PAUSE = 1000; // ms without a keystroke before the count is said
const DEFAULTS = { q: '', unit: 'document', mode: 'results', sort: 'document', width: '50' };
const STATE_KEYS = ['q', 'unit', 'mode', 'sort', 'width'];

/** The concordance's order: up to three levels, as AntConc sorts (the engine's `sort` keys). */
const SORT_LEVELS = [1, 2, 3];
const SORT_KEYS = [
  ['document', 'document order'], ['left', 'left context'], ['right', 'right context'], ['match', 'match'],
  ...[1, 2, 3, 4, 5].map((n) => [`${n}L`, `${ordinal(n)} word left (${n}L)`]),
  ...[1, 2, 3, 4, 5].map((n) => [`${n}R`, `${ordinal(n)} word right (${n}R)`]),
];
const WIDTHS = [20, 30, 50, 80, 120, 200];

function ordinal(n) {
  return ['1st', '2nd', '3rd', '4th', '5th'][n - 1];
}

export class CorpusSearch extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #support = new ViewSupport(this, { onChange: () => this.#run() });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #titles = new Map();
  #timer = 0;
  #runs = 0; // the latest run; an older run's late answer is dropped
  #ran = Promise.resolve(); // the latest run, shown
  #announce = null; // after the next run: 'now' (a choice made), 'pause' (typing), or null (nobody asked)
  #announceTimer = 0;

  constructor() {
    super();
    this.#root.append(...template());
    this.#wire();
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

  /**
   * The Corpus or CorpusClient to search (or a source, see widget.js).
   * @param {AnyCorpus | string} corpus
   */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    this.#corpus = corpus;
    if (!this.#support.follow(corpus)) return;
    this.#titles = new Map(corpus.documents().map((d) => [d.id, d.title]));
    this.#run();
    this.#showExamples(corpus).catch(() => {}); // the built-in examples stay
  }

  /** The placeholder and the syntax help's examples, from `corpus`'s own words, people and years. */
  async #showExamples(corpus) {
    const examples = await corpusExamples(corpus);
    if (!examples || corpus !== this.#corpus) return;
    const [first, second] = examples.both.split(' ');
    const third = examples.either.split(' ').at(-1);
    const texts = {
      ...examples,
      without: `-${third}`,
      not: `NOT ${third}`,
      within: `"${first} ${second}"~5`,
      near: `${first} NEAR/5 ${second}`,
    };
    for (const code of this.#root.querySelectorAll('code[data-example]')) {
      const text = texts[code.dataset.example];
      if (text) code.textContent = text;
    }
    this.#root.querySelector('.corpus-search-input').placeholder = placeholderText(examples);
  }

  get corpus() {
    return this.#corpus;
  }

  /**
   * Move focus to the query box, once the search has run. Resolves to a short
   * description (the query and what it found), for the page to announce.
   */
  async focusView() {
    await settled(() => this.#ran);
    this.#root.querySelector('.corpus-search-input').focus();
    const summary = this.#root.querySelector('.corpus-search-summary').textContent;
    return `${this.query}${summary ? `: ${summary}` : ''}`;
  }

  /** The query in the box; setting it runs the search. */
  get query() {
    return this.#root.querySelector('.corpus-search-input')?.value ?? '';
  }

  set query(value) {
    this.state = { ...this.state, q: value };
  }

  /** What the view shows, as strings: `{q, unit, mode, sort, width}`. */
  get state() {
    return {
      q: this.query,
      unit: this.#field('unit').value,
      mode: this.#field('view').value,
      sort: this.#sortLevels().join(','),
      width: this.#field('width').value,
    };
  }

  set state(state) {
    const next = { ...DEFAULTS, ...state };
    this.#root.querySelector('.corpus-search-input').value = next.q;
    setChoice(this.#field('unit'), next.unit, DEFAULTS.unit);
    setChoice(this.#field('view'), next.mode, DEFAULTS.mode);
    const levels = String(next.sort).split(',');
    for (const level of SORT_LEVELS) setChoice(this.#field(`sort-${level}`), levels[level - 1] ?? '', level === 1 ? DEFAULTS.sort : '');
    setChoice(this.#field('width'), next.width, DEFAULTS.width);
    this.#widget.stateChanged();
    this.#run();
  }

  #field(name) {
    return this.#root.querySelector(`.corpus-search-${name}`);
  }

  /** The concordance's sort keys, most significant first, up to the first level left empty. */
  #sortLevels() {
    const levels = [];
    for (const level of SORT_LEVELS) {
      const key = this.#field(`sort-${level}`).value;
      if (!key) break;
      levels.push(key);
    }
    return levels;
  }

  #wire() {
    const form = this.#root.querySelector('form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      this.#changed();
    });
    this.#root.querySelector('.corpus-search-input').addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#changed({ typing: true }), 150);
    });
    for (const select of this.#root.querySelectorAll('select')) select.addEventListener('change', () => this.#changed());
  }

  /** The user changed something: run, and say so for the page's history (`typing`: by a keystroke). */
  #changed({ typing = false } = {}) {
    this.#announce = typing ? 'pause' : 'now';
    this.#run();
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true, detail: { typing } }));
  }

  #run() {
    this.#ran = this.#runNow();
    return this.#ran;
  }

  async #runNow() {
    if (!this.#corpus) return;
    const run = ++this.#runs;
    const { q, unit, mode, width } = this.state;
    const kwic = mode === 'kwic';
    this.#field('unit').hidden = kwic;
    this.#field('kwic-options').hidden = !kwic;
    const query = q.trim();
    this.#showHint(query);
    if (!query) {
      this.#show('', []);
      this.#showError(null);
      this.#showFacets(null);
      return;
    }
    try {
      const shown = kwic ? await this.#kwic(query, this.#sortLevels(), Number(width)) : await this.#results(query, unit);
      if (run !== this.#runs) return;
      this.#showError(null);
      this.#show(...shown);
      this.#say(shown[0]);
      const facets = await searchFacets(this.#corpus, query, (added) => this.#narrow(added));
      if (run === this.#runs) this.#showFacets(facets);
    } catch (error) {
      if (run !== this.#runs) return;
      this.#showError(error, query);
      this.#say(`The query cannot be read: ${error.message}`);
    }
  }

  /**
   * Say what a run found, once: at once for a choice the reader made, when
   * typing pauses for a keystroke, not at all for a state the page set.
   */
  #say(text) {
    const when = this.#announce;
    this.#announce = null;
    clearTimeout(this.#announceTimer);
    if (!when) return;
    const announcer = this.#root.querySelector('.corpus-search-announcer');
    const speak = () => {
      announcer.textContent = '';
      requestAnimationFrame(() => { announcer.textContent = text; });
    };
    if (when === 'now') speak();
    else this.#announceTimer = setTimeout(speak, TYPING_PAUSE);
  }

  /** Says that a lower-case "or" or "not" is searched as a word, with a button for the query with the operator. */
  #showHint(query) {
    const hint = this.#root.querySelector('.corpus-search-hint');
    const suggestion = operatorSuggestion(query);
    hint.hidden = !suggestion;
    if (!suggestion) {
      hint.replaceChildren();
      return;
    }
    const quoted = suggestion.words.map((w) => `“${w}”`).join(' and ');
    const operators = suggestion.words.map((w) => w.toUpperCase()).join(' and ');
    const use = element('button', 'corpus-search-hint-use', `Search ${suggestion.query}`);
    use.type = 'button';
    use.addEventListener('click', () => {
      this.query = suggestion.query;
      this.#announce = 'now';
      this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
      this.#root.querySelector('.corpus-search-input').focus();
    });
    hint.replaceChildren(`${quoted} in lower case is searched as a word; as an operator it is written ${operators}. `, use);
  }

  /** Add a facet's filter to the query, or take it out if it is there. */
  #narrow(filter) {
    const query = this.query;
    const at = query.indexOf(filter);
    this.query = at >= 0
      ? `${query.slice(0, at)}${query.slice(at + filter.length)}`.replace(/\s+/g, ' ').trim()
      : `${query.trim()} ${filter}`;
    this.#announce = 'now';
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
  }

  async #results(query, unit) {
    const results = await this.#corpus.search(query, { unit, limit: PAGE });
    const list = element('ol', 'corpus-results');
    for (const hit of results.hits) list.append(this.#resultItem(hit, query));
    const nodes = [list];
    if (results.hits.length < results.total) nodes.push(this.#moreButton(list, query, unit, results.total));
    return [`${plural(results.total, unit)}${expansionNote(results.expansions)}`, nodes];
  }

  /** "Show 50 more": the next page of hits, appended to `list`. */
  #moreButton(list, query, unit, total) {
    const button = element('button', 'corpus-results-more');
    button.type = 'button';
    const label = () => `Show ${Math.min(PAGE, total - list.children.length)} more of ${formatCount(total - list.children.length)}`;
    button.textContent = label();
    button.addEventListener('click', async () => {
      const page = await this.#corpus.search(query, { unit, limit: PAGE, offset: list.children.length });
      for (const hit of page.hits) list.append(this.#resultItem(hit, query));
      if (list.children.length >= total || page.hits.length === 0) button.remove();
      else button.textContent = label();
      list.children[list.children.length - page.hits.length]?.querySelector('button')?.focus();
    });
    return button;
  }

  #resultItem(hit, query) {
    const item = element('li', 'corpus-result');
    const button = element('button', 'corpus-result-open');
    button.type = 'button';
    button.append(element('span', 'corpus-result-title', this.#titles.get(hit.docId) ?? hit.docId),
      element('span', 'corpus-result-score', hit.score.toFixed(2)));
    button.addEventListener('click', () => this.#open(hit.docId, hit.start, hit.end, query));
    const snippet = appendMarked(element('p', 'corpus-result-snippet'), hit.snippet.text, hit.snippet.highlights);
    item.append(button, snippet);
    return item;
  }

  async #kwic(query, sort, width) {
    const options = { sort, width, limit: KWIC_PAGE };
    const kwic = await this.#corpus.kwic(query, options);
    const open = (line) => this.#open(line.docId, line.start, line.end, query);
    const table = kwicTable(kwic.lines, (id) => this.#titles.get(id) ?? id, open);
    // A figure, so that the page's export menu offers the concordance as CSV and JSON.
    const figure = element('figure', 'corpus-figure corpus-kwic-figure');
    figure.dataset.exportName = 'concordance';
    figure.setAttribute('aria-label', 'Concordance'); // as the view's menu calls it; names the export menu too
    figure.append(table);
    const nodes = [figure];
    if (kwic.lines.length < kwic.total) nodes.push(this.#moreLines(table, query, options, kwic.total));
    const order = sort.map((key) => SORT_KEYS.find(([k]) => k === key)?.[1] ?? key).join(', then ');
    return [`${formatCount(kwic.total)} ${kwic.total === 1 ? 'match' : 'matches'}, by ${order}`, nodes];
  }

  /** "Show 500 more lines": the next page of the same concordance, appended to `table`. */
  #moreLines(table, query, options, total) {
    const body = table.tBodies[0];
    const button = element('button', 'corpus-results-more corpus-kwic-more');
    button.type = 'button';
    const label = () => `Show ${formatCount(Math.min(KWIC_PAGE, total - body.rows.length))} more lines of ${formatCount(total - body.rows.length)}`;
    button.textContent = label();
    button.addEventListener('click', async () => {
      const page = await this.#corpus.kwic(query, { ...options, offset: body.rows.length });
      const from = body.rows.length;
      const open = (line) => this.#open(line.docId, line.start, line.end, query);
      body.append(...kwicTable(page.lines, (id) => this.#titles.get(id) ?? id, open).tBodies[0].rows);
      if (body.rows.length >= total || page.lines.length === 0) button.remove();
      else button.textContent = label();
      body.rows[from]?.querySelector('button')?.focus();
    });
    return button;
  }

  #open(id, start, end, query) {
    this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, composed: true, detail: { id, start, end, query } }));
  }

  #show(summary, nodes) {
    this.#root.querySelector('.corpus-search-summary').textContent = summary;
    this.#root.querySelector('.corpus-search-output').replaceChildren(...nodes);
  }

  #showFacets(facets) {
    const aside = this.#root.querySelector('.corpus-facets');
    // A facet chosen from the keyboard keeps focus across the redraw it caused.
    const focused = /** @type {HTMLElement} */ (this.shadowRoot.activeElement?.closest('.corpus-facet-value'))?.dataset.filter;
    aside.hidden = !facets;
    aside.replaceChildren(...(facets ?? []));
    if (focused) [...aside.querySelectorAll('.corpus-facet-value')].find((b) => b.dataset.filter === focused)?.focus();
  }

  /** Shows the message, and the query with the character at the error's position (the engine's `position`) marked. */
  #showError(error, query = '') {
    const box = this.#root.querySelector('.corpus-search-error');
    const input = this.#root.querySelector('.corpus-search-input');
    if (!error) {
      box.hidden = true;
      input.removeAttribute('aria-invalid');
      return;
    }
    input.setAttribute('aria-invalid', 'true');
    const message = element('p', 'corpus-search-error-message', error.message);
    const nodes = [message];
    if (Number.isInteger(error.position)) {
      const at = error.position;
      const shown = element('code', 'corpus-search-error-query');
      const end = Math.min(query.length, at + 1);
      appendMarked(shown, at >= query.length ? `${query} ` : query, [{ start: at, end: Math.max(end, at + 1) }], 'corpus-search-error-at');
      nodes.push(shown);
    }
    box.replaceChildren(...nodes);
    box.hidden = false;
    this.#show('', []);
    this.#showFacets(null);
  }
}

/** Choose `value` in a select if it offers it, else `fallback`. */
function setChoice(select, value, fallback) {
  select.value = [...select.options].some((o) => o.value === value) ? value : fallback;
}

function expansionNote(expansions = []) {
  return expansions.map((e) => {
    const forms = e.forms.slice(0, 8).join(', ') + (e.forms.length > 8 ? ', …' : '');
    const cut = e.truncated ? ` (the ${e.forms.length} most frequent of ${e.matched})` : '';
    return ` · ${e.term} → ${forms || 'nothing'}${cut}`;
  }).join('');
}

defineStateProperties(CorpusSearch, STATE_KEYS);
