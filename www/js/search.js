// <corpus-search>: a query box with syntax help and inline errors, ranked
// results with highlighted snippets by document, paragraph or sentence, a
// concordance (KWIC) sortable by left or right context, and facets (the
// matching documents by publication, year and entity) that narrow the query.
//
// Set `corpus` to a Corpus or a CorpusClient. Choosing a result dispatches
// `corpus-open-document` with `{id, start, end, query}` (UTF-16 offsets of
// the unit). `state` is `{q, unit, mode, sort}`; a change the user makes
// dispatches `corpus-state-change`.
import { appendMarked, element } from './highlight.js';
import { formatCount } from './format.js';
import { searchFacets } from './search-facets.js';
import { kwicTable } from './kwic-table.js';

const TEMPLATE = `
  <form class="corpus-search-form" role="search">
    <label class="corpus-search-label" for="corpus-search-query">Search</label>
    <input id="corpus-search-query" class="corpus-search-input" type="search" autocomplete="off" spellcheck="false"
      placeholder='e.g. "peace treaty" putin -koizumi, kuril*, kunashir~1, year:2000..2005'
      aria-describedby="corpus-search-error">
    <select class="corpus-search-view" aria-label="Show">
      <option value="results">Ranked results</option>
      <option value="kwic">Concordance (KWIC)</option>
    </select>
    <select class="corpus-search-unit" aria-label="Result unit">
      <option value="document">by document</option>
      <option value="paragraph">by paragraph</option>
      <option value="sentence">by sentence</option>
    </select>
    <select class="corpus-search-sort" aria-label="Concordance order" hidden>
      <option value="document">in document order</option>
      <option value="left">sorted by left context</option>
      <option value="right">sorted by right context</option>
    </select>
  </form>
  <div id="corpus-search-error" class="corpus-search-error" role="alert" hidden></div>
  <details class="corpus-search-help">
    <summary>Query syntax</summary>
    <dl>
      <dt><code>putin mori</code></dt><dd>both words (stemmed: <code>treaty</code> finds <code>treaties</code>)</dd>
      <dt><code>putin OR koizumi</code>, <code>-koizumi</code>, <code>NOT koizumi</code>, <code>( )</code></dt><dd>either, not, grouping</dd>
      <dt><code>"peace treaty"</code></dt><dd>exact words in this order; <code>"putin koizumi"~5</code>: within 5 words, any order</dd>
      <dt><code>putin NEAR/5 koizumi</code></dt><dd>at most 5 words apart</dd>
      <dt><code>kuril*</code>, <code>kunashir~1</code></dt><dd>prefix; spelling within 1 or 2 edits</dd>
      <dt><code>year:2000..2005</code>, <code>publication:"Eurasia Daily Monitor"</code>, <code>date:2004-11..2005-01</code></dt><dd>filters on document fields (also <code>volume:</code>, <code>issue:</code>, <code>title:</code> and any metadata field)</dd>
    </dl>
  </details>
  <p class="corpus-search-summary" aria-live="polite"></p>
  <div class="corpus-search-body">
    <div class="corpus-search-output"></div>
    <aside class="corpus-facets" aria-label="Narrow the search" hidden></aside>
  </div>`;

const PAGE = 50; // results per page
const DEFAULTS = { q: '', unit: 'document', mode: 'results', sort: 'document' };

export class CorpusSearch extends HTMLElement {
  #corpus = null;
  #titles = new Map();
  #timer = 0;
  #runs = 0; // the latest run; an older run's late answer is dropped

  connectedCallback() {
    if (!this.querySelector('form')) {
      this.innerHTML = TEMPLATE; // static markup only: no corpus text here
      this.#wire();
      this.#run();
    }
  }

  /** The Corpus or CorpusClient to search. */
  set corpus(corpus) {
    this.#corpus = corpus;
    this.#titles = new Map(corpus.documents().map((d) => [d.id, d.title]));
    this.#run();
  }

  get corpus() {
    return this.#corpus;
  }

  /** The query in the box; setting it runs the search. */
  get query() {
    return this.querySelector('.corpus-search-input')?.value ?? '';
  }

  set query(value) {
    this.state = { ...this.state, q: value };
  }

  /** What the view shows, as strings: `{q, unit, mode, sort}`. */
  get state() {
    if (!this.querySelector('form')) return { ...DEFAULTS };
    return {
      q: this.query,
      unit: this.#field('unit').value,
      mode: this.#field('view').value,
      sort: this.#field('sort').value,
    };
  }

  set state(state) {
    if (!this.querySelector('form')) this.connectedCallback();
    const next = { ...DEFAULTS, ...state };
    this.querySelector('.corpus-search-input').value = next.q;
    setChoice(this.#field('unit'), next.unit, DEFAULTS.unit);
    setChoice(this.#field('view'), next.mode, DEFAULTS.mode);
    setChoice(this.#field('sort'), next.sort, DEFAULTS.sort);
    this.#run();
  }

  #field(name) {
    return this.querySelector(`.corpus-search-${name}`);
  }

  #wire() {
    const form = this.querySelector('form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      this.#changed();
    });
    this.querySelector('.corpus-search-input').addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#changed({ typing: true }), 150);
    });
    for (const select of this.querySelectorAll('select')) select.addEventListener('change', () => this.#changed());
  }

  /** The user changed something: run, and say so for the page's history (`typing`: by a keystroke). */
  #changed({ typing = false } = {}) {
    this.#run();
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, detail: { typing } }));
  }

  async #run() {
    if (!this.#corpus || !this.querySelector('form')) return;
    const run = ++this.#runs;
    const { q, unit, mode, sort } = this.state;
    const kwic = mode === 'kwic';
    this.#field('unit').hidden = kwic;
    this.#field('sort').hidden = !kwic;
    const query = q.trim();
    if (!query) {
      this.#show('', []);
      this.#showError(null);
      this.#showFacets(null);
      return;
    }
    try {
      const shown = kwic ? await this.#kwic(query, sort) : await this.#results(query, unit);
      if (run !== this.#runs) return;
      this.#showError(null);
      this.#show(...shown);
      const facets = await searchFacets(this.#corpus, query, (added) => this.#narrow(added));
      if (run === this.#runs) this.#showFacets(facets);
    } catch (error) {
      if (run === this.#runs) this.#showError(error, query);
    }
  }

  /** Add a facet's filter to the query, or take it out if it is there. */
  #narrow(filter) {
    const query = this.query;
    const at = query.indexOf(filter);
    this.query = at >= 0
      ? `${query.slice(0, at)}${query.slice(at + filter.length)}`.replace(/\s+/g, ' ').trim()
      : `${query.trim()} ${filter}`;
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true }));
  }

  async #results(query, unit) {
    const results = await this.#corpus.search(query, { unit, limit: PAGE });
    const list = element('ol', 'corpus-results');
    for (const hit of results.hits) list.append(this.#resultItem(hit, query));
    const nodes = [list];
    if (results.hits.length < results.total) nodes.push(this.#moreButton(list, query, unit, results.total));
    return [`${formatCount(results.total)} ${plural(unit, results.total)}${expansionNote(results.expansions)}`, nodes];
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

  async #kwic(query, sort) {
    const kwic = await this.#corpus.kwic(query, { sort, limit: 500, width: 50 });
    const table = kwicTable(kwic.lines, (id) => this.#titles.get(id) ?? id, (line) => this.#open(line.docId, line.start, line.end, query));
    // A figure, so that the page's export menu offers the concordance as CSV and JSON.
    const figure = element('figure', 'corpus-figure corpus-kwic-figure');
    figure.dataset.exportName = 'concordance';
    figure.append(table);
    const shown = kwic.lines.length < kwic.total ? `, showing ${kwic.lines.length}` : '';
    return [`${formatCount(kwic.total)} ${kwic.total === 1 ? 'match' : 'matches'}${shown}`, [figure]];
  }

  #open(id, start, end, query) {
    this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, detail: { id, start, end, query } }));
  }

  #show(summary, nodes) {
    this.querySelector('.corpus-search-summary').textContent = summary;
    this.querySelector('.corpus-search-output').replaceChildren(...nodes);
  }

  #showFacets(facets) {
    const aside = this.querySelector('.corpus-facets');
    aside.hidden = !facets;
    aside.replaceChildren(...(facets ?? []));
  }
  /** Shows the message, and the query with the character at the error's position marked. */
  #showError(error, query = '') {
    const box = this.querySelector('.corpus-search-error');
    const input = this.querySelector('.corpus-search-input');
    if (!error) {
      box.hidden = true;
      input.removeAttribute('aria-invalid');
      return;
    }
    input.setAttribute('aria-invalid', 'true');
    const message = element('p', 'corpus-search-error-message', error.message);
    const position = /at position (\d+)/.exec(error.message);
    const nodes = [message];
    if (position) {
      const at = Number(position[1]);
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

function plural(unit, n) {
  return n === 1 ? unit : `${unit}s`;
}

function expansionNote(expansions = []) {
  return expansions.map((e) => {
    const forms = e.forms.slice(0, 8).join(', ') + (e.forms.length > 8 ? ', …' : '');
    const cut = e.truncated ? ` (the ${e.forms.length} most frequent of ${e.matched})` : '';
    return ` · ${e.term} → ${forms || 'nothing'}${cut}`;
  }).join('');
}
