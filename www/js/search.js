// <corpus-search>: a query box with syntax help and inline errors, ranked
// results with highlighted snippets by document, paragraph or sentence, and a
// concordance (KWIC) sortable by left or right context.
//
// Set `corpus` to a Corpus. Choosing a result dispatches
// `corpus-open-document` with `{id, start, end}` (UTF-16 offsets of the unit).
import { appendMarked, element } from './highlight.js';
import { formatCount } from './engine.js';
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
  <div class="corpus-search-output"></div>`;

export class CorpusSearch extends HTMLElement {
  #corpus = null;
  #titles = new Map();
  #timer = 0;

  connectedCallback() {
    if (!this.querySelector('form')) {
      this.innerHTML = TEMPLATE; // static markup only: no corpus text here
      this.#wire();
    }
  }

  /** The Corpus to search. */
  set corpus(corpus) {
    this.#corpus = corpus;
    this.#titles = new Map(corpus.documents().map((d) => [d.id, d.title]));
    this.#run();
  }

  /** The query in the box; setting it runs the search. */
  get query() {
    return this.querySelector('.corpus-search-input').value;
  }

  set query(value) {
    this.querySelector('.corpus-search-input').value = value;
    this.#run();
  }

  #wire() {
    const form = this.querySelector('form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#run();
    });
    this.querySelector('.corpus-search-input').addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#run(), 120);
    });
    for (const select of this.querySelectorAll('select')) select.addEventListener('change', () => this.#run());
  }

  #run() {
    if (!this.#corpus || !this.querySelector('form')) return;
    const kwic = this.querySelector('.corpus-search-view').value === 'kwic';
    this.querySelector('.corpus-search-unit').hidden = kwic;
    this.querySelector('.corpus-search-sort').hidden = !kwic;
    const query = this.query.trim();
    if (!query) {
      this.#show('', []);
      this.#showError(null);
      return;
    }
    try {
      if (kwic) this.#showKwic(query);
      else this.#showResults(query);
      this.#showError(null);
    } catch (error) {
      this.#showError(error, query);
    }
  }

  #showResults(query) {
    const unit = this.querySelector('.corpus-search-unit').value;
    const results = this.#corpus.search(query, { unit, limit: 50 });
    const list = element('ol', 'corpus-results');
    for (const hit of results.hits) list.append(this.#resultItem(hit));
    const shown = results.hits.length < results.total ? `, showing the first ${results.hits.length}` : '';
    this.#show(`${formatCount(results.total)} ${plural(unit, results.total)}${shown}${expansionNote(results.expansions)}`, [list]);
  }

  #resultItem(hit) {
    const item = element('li', 'corpus-result');
    const button = element('button', 'corpus-result-open');
    button.type = 'button';
    button.append(element('span', 'corpus-result-title', this.#titles.get(hit.docId) ?? hit.docId),
      element('span', 'corpus-result-score', hit.score.toFixed(2)));
    button.addEventListener('click', () => this.#open(hit.docId, hit.start, hit.end));
    const snippet = appendMarked(element('p', 'corpus-result-snippet'), hit.snippet.text, hit.snippet.highlights);
    item.append(button, snippet);
    return item;
  }

  #showKwic(query) {
    const sort = this.querySelector('.corpus-search-sort').value;
    const kwic = this.#corpus.kwic(query, { sort, limit: 500, width: 50 });
    const table = kwicTable(kwic.lines, (id) => this.#titles.get(id) ?? id, (line) => this.#open(line.docId, line.start, line.end));
    const shown = kwic.lines.length < kwic.total ? `, showing ${kwic.lines.length}` : '';
    this.#show(`${formatCount(kwic.total)} ${kwic.total === 1 ? 'match' : 'matches'}${shown}`, [table]);
  }

  #open(id, start, end) {
    this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, detail: { id, start, end } }));
  }

  #show(summary, nodes) {
    this.querySelector('.corpus-search-summary').textContent = summary;
    this.querySelector('.corpus-search-output').replaceChildren(...nodes);
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
  }
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
