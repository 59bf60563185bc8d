// <corpus-reader>: one document's title, header fields and text, with its
// entity mentions highlighted by type, the matches of a search marked (with
// buttons to step through them) and its source citations listed.
//
// Set `corpus` to a Corpus or a CorpusClient and `state` to
// `{doc, start, end, q}` (strings): the document's id, a span to mark and
// scroll to (UTF-16; a search hit's unit, say), and a query whose matches to
// mark. Choosing a cited source that is a known entity dispatches
// `corpus-open-entity` with `{id}`. All corpus text goes in as text nodes.
import { displayDate, formatCount } from '../../widgets/format.js';
import { citationsList } from './citations-list.js';
import { documentNav, titleList } from './document-nav.js';
import { appendAnnotated } from './entity-marks.js';
import { ENTITY_TYPES, typeLabel, typeSwatch } from '../../widgets/entity-types.js';
import { Widget, defineStateProperties, focusStatic, settled, widgetAttributes } from '../../widgets/widget.js';
import { ViewSupport } from '../../widgets/view-support.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

// How the engine arrived at a date (`dateSource`), as the reader shows it.
const DATE_SOURCES = {
  metadata: 'from the metadata',
  citations: 'from dates cited in the text',
  volume: 'from the volume number',
};

const MAX_MARKED = 10000; // query matches marked in one document

const STATE_KEYS = ['doc', 'start', 'end', 'q'];

let instances = 0; // for each reader's own datalist id

export class CorpusReader extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #support = new ViewSupport(this, { onChange: () => this.#reload() });
  #root = this.#widget.root;
  /** @type {AnyCorpus} */
  #corpus = null;
  #state = {};
  #document = null;
  #mark = null;
  #annotations = [];
  #citations = [];
  #queryHits = [];
  #error = null;
  #loads = 0;
  #loaded = Promise.resolve(); // the latest load, drawn
  // Types the reader has switched off in the legend. Kept across documents:
  // someone who hides dates wants them hidden in the next article too.
  #hiddenTypes = new Set();
  /** @type {{id: string, title?: string | null}[] | null} the corpus's documents, in its order, for the navigation */
  #documents = null;
  #titles = null; // their titles' datalist, made once per corpus
  #titlesId = `corpus-reader-titles-${++instances}`;
  #refocus = null; // the navigation control to focus again once the document it opened is drawn

  connectedCallback() {
    this.#widget.connect();
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

  /** The Corpus or CorpusClient the documents come from. */
  get corpus() {
    return this.#corpus;
  }

  /** @param {AnyCorpus | string} corpus */
  set corpus(corpus) {
    if (this.#widget.takesSource(corpus)) return;
    this.#corpus = corpus;
    if (this.#support.follow(corpus)) this.#reload();
  }

  /** Load the document again, its entities too: the corpus or its aliases changed. */
  #reload() {
    this.#document = null;
    this.#documents = null;
    this.#load();
  }

  /** `{doc, start, end, q}`: what is shown, as strings (see above). */
  get state() {
    return { ...this.#state };
  }

  set state(state) {
    const pick = ({ doc = '', start = '', end = '', q = '' }) => ({ doc, start: String(start), end: String(end), q });
    const next = pick(state);
    const same = JSON.stringify(next) === JSON.stringify(pick(this.#state));
    this.#state = next;
    if (!same || !this.#document) this.#load();
    this.#widget.stateChanged();
  }

  /**
   * Move focus to what the reader shows, once drawn: the marked passage, or
   * else the document's title (or the message in its place). Resolves to a
   * short description, for the page to announce.
   */
  async focusView() {
    await settled(() => this.#loaded);
    const mark = this.#root.querySelector('mark.corpus-reader-mark');
    const target = mark ?? this.#root.querySelector('.corpus-reader-title') ?? this.#root.querySelector('.corpus-reader-empty');
    focusStatic(target);
    if (!this.#document) return target?.textContent ?? '';
    return `${this.#document.title ?? this.#document.id}${mark ? ', at the passage marked' : ''}`;
  }

  /** The document shown (`corpus.document(id)`), or null. */
  get corpusDocument() {
    return this.#document;
  }

  #load() {
    this.#loaded = this.#loadNow();
    return this.#loaded;
  }

  async #loadNow() {
    const { doc, start, end, q } = this.#state;
    const load = ++this.#loads;
    if (this.#corpus && !this.#documents) {
      // Promise.resolve: a Corpus answers at once, a CorpusClient with a promise.
      const documents = await Promise.resolve(this.#corpus.documents());
      if (load !== this.#loads) return;
      this.#documents = documents.map(({ id, title }) => ({ id, title }));
      this.#titles = titleList(this.#documents, this.#titlesId);
    }
    if (!this.#corpus || !doc) {
      this.#document = null;
      this.#render();
      return;
    }
    try {
      const same = this.#document?.id === doc;
      const [document, annotations, citations, hits] = await Promise.all([
        same ? this.#document : this.#corpus.document(doc),
        same ? this.#annotations : this.#corpus.annotate(doc),
        same ? this.#citations : this.#corpus.citations({ docId: doc }),
        // Promise.resolve: a Corpus answers at once, a CorpusClient with a promise.
        q.trim() ? Promise.resolve(this.#corpus.kwic(q, { docId: doc, limit: MAX_MARKED, width: 1 })).then((k) => k.lines) : [],
      ]);
      if (load !== this.#loads) return;
      this.#document = document;
      this.#annotations = annotations;
      this.#citations = citations;
      this.#queryHits = hits.map(({ start: s, end: e }) => ({ start: s, end: e }));
      this.#mark = start !== '' && end !== '' ? { start: Number(start), end: Number(end) } : null;
      this.#error = null;
    } catch (error) {
      if (load !== this.#loads) return;
      this.#document = null;
      this.#error = error;
    }
    this.#render();
    const target = this.#root.querySelector('mark.corpus-reader-mark') ?? this.#root.querySelector('mark.corpus-query-hit');
    target?.scrollIntoView({ block: 'center' });
  }

  /** Mark `span` and scroll to it, keeping the document (a cited source shown). */
  #show(span) {
    this.#mark = span;
    this.#state = { ...this.#state, start: String(span.start), end: String(span.end) };
    this.#render();
    this.#root.querySelector('mark.corpus-reader-mark')?.scrollIntoView({ block: 'center' });
    this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
  }

  #render() {
    const doc = this.#document;
    if (!doc) {
      const message = this.#error
        ? `Could not open the document “${this.#state.doc}”: ${this.#error.message}`
        : 'Choose a document to read it here: open one by its title above, or start with the first (Next).';
      const empty = element('p', 'corpus-reader-empty', message);
      if (this.#error) empty.setAttribute('role', 'alert');
      this.#root.replaceChildren(...this.#navigation(), empty);
      return;
    }
    const article = document.createElement('article');
    article.className = 'corpus-reader-article';
    article.append(element('h2', 'corpus-reader-title', doc.title ?? doc.id), headerList(doc));
    if (this.#state.q?.trim()) article.append(this.#hitSteps());
    if (this.#annotations.length > 0) article.append(this.#legend());
    article.append(this.#textBody());
    if (this.#citations.length > 0) article.append(this.#citationsSection());
    this.#root.replaceChildren(...this.#navigation(), article);
    if (this.#refocus) {
      const control = this.#root.querySelector(`.${this.#refocus}:not(:disabled)`) ?? this.#root.querySelector('.corpus-reader-title');
      this.#refocus = null;
      focusStatic(control);
    }
  }

  /** The bar to the previous, the next or any document, once the corpus's list is in. */
  #navigation() {
    if (!this.#documents || this.#documents.length === 0) return [];
    // A step button keeps the focus (for the next step); a title chosen moves it to the title.
    const open = (id, control) => {
      this.#refocus = control ?? 'corpus-reader-title';
      this.state = { doc: id, q: this.#state.q };
      this.dispatchEvent(new CustomEvent('corpus-state-change', { bubbles: true, composed: true }));
    };
    return [documentNav({ documents: this.#documents, current: this.#state.doc, titles: this.#titles, open })];
  }

  /** The paragraphs, with the visible types' mentions and the part of the mark in each. */
  #textBody() {
    const doc = this.#document;
    const shown = this.#annotations.filter((a) => !this.#hiddenTypes.has(a.type));
    const body = document.createElement('div');
    body.className = 'corpus-reader-text';
    let first = 0; // mentions are ascending: skip those before each paragraph
    for (const span of doc.paragraphs) {
      while (first < shown.length && shown[first].end <= span.start) first++;
      let last = first;
      while (last < shown.length && shown[last].start < span.end) last++;
      const paragraph = element('p', '', null);
      body.append(appendAnnotated(paragraph, doc.text, span, shown.slice(first, last), this.#mark, this.#queryHits));
    }
    return body;
  }

  /** "12 matches of putin", with buttons that move the focus from one to the next. */
  #hitSteps() {
    const bar = element('div', 'corpus-reader-hits');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Search matches');
    const n = this.#queryHits.length;
    bar.append(element('span', 'corpus-reader-hits-count', `${formatCount(n)} ${n === 1 ? 'match' : 'matches'} of “${this.#state.q}” marked`));
    if (n === 0) return bar;
    let at = -1;
    const step = (by) => {
      const marks = this.#hitMarks();
      at = (at + by + marks.length) % marks.length;
      marks[at].tabIndex = -1;
      marks[at].focus({ preventScroll: true });
      marks[at].scrollIntoView({ block: 'center' });
    };
    for (const [label, by] of /** @type {[string, number][]} */ ([['Previous match', -1], ['Next match', 1]])) {
      const button = element('button', 'corpus-reader-hits-step', by < 0 ? '↑' : '↓');
      button.type = 'button';
      button.setAttribute('aria-label', label);
      button.title = label;
      button.addEventListener('click', () => step(by));
      bar.append(button);
    }
    return bar;
  }

  /** The first mark of each query match (a match cut by a mention has two). */
  #hitMarks() {
    return [...this.#root.querySelectorAll('mark.corpus-query-hit:not([data-continued])')];
  }

  /** One toggle button per type present, with its number of mentions. */
  #legend() {
    const counts = new Map();
    for (const { type } of this.#annotations) counts.set(type, (counts.get(type) ?? 0) + 1);
    const types = [...ENTITY_TYPES, ...counts.keys()].filter((t, i, all) => counts.has(t) && all.indexOf(t) === i);
    const legend = element('div', 'corpus-reader-legend', null);
    legend.setAttribute('role', 'group');
    legend.setAttribute('aria-label', 'Highlight entities by type');
    legend.append(element('span', 'corpus-reader-legend-label', 'Highlight'));
    for (const type of types) {
      const toggle = element('button', 'corpus-legend-toggle', null);
      toggle.type = 'button';
      toggle.dataset.type = type;
      toggle.setAttribute('aria-pressed', String(!this.#hiddenTypes.has(type)));
      toggle.append(typeSwatch(type), typeLabel(type), ' ', element('span', 'corpus-legend-count', formatCount(counts.get(type))));
      toggle.addEventListener('click', () => this.#toggle(toggle, type));
      legend.append(toggle);
    }
    return legend;
  }

  // Re-renders the text only, so the pressed button keeps the focus.
  #toggle(button, type) {
    if (this.#hiddenTypes.has(type)) this.#hiddenTypes.delete(type);
    else this.#hiddenTypes.add(type);
    button.setAttribute('aria-pressed', String(!this.#hiddenTypes.has(type)));
    this.#root.querySelector('.corpus-reader-text')?.replaceWith(this.#textBody());
  }

  #citationsSection() {
    const section = element('section', 'corpus-reader-citations', null);
    const heading = element('h3', 'corpus-reader-subtitle', 'Sources cited');
    const list = citationsList(this.#citations, {
      onEntity: (id) => this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, composed: true, detail: { id } })),
      onShow: ({ start, end }) => {
        this.#show({ start, end });
        // The button pressed was re-rendered away: give the focus to what it showed.
        const mark = this.#root.querySelector('mark.corpus-reader-mark');
        if (mark) {
          mark.tabIndex = -1;
          mark.focus({ preventScroll: true });
        }
      },
    });
    section.append(heading, list);
    return section;
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/** The header fields that have a value, as [label, text] pairs. */
function headerFields(doc) {
  const date = displayDate(doc);
  const source = DATE_SOURCES[doc.dateSource];
  const fields = [
    ['Publication', doc.publication],
    ['Volume', doc.volume],
    ['Issue', doc.issue],
    ['Date', date && source ? `${date} (${source})` : date],
    ...Object.entries(doc.metadata ?? {}),
    ['Size', `${formatCount(doc.words)} words · ${formatCount(doc.sentences.length)} sentences`],
  ];
  return fields.filter(([, value]) => value != null && value !== '');
}

function headerList(doc) {
  const list = document.createElement('dl');
  list.className = 'corpus-reader-fields';
  for (const [label, value] of headerFields(doc)) {
    const item = document.createElement('div');
    item.append(element('dt', '', capitalise(label)), element('dd', '', String(value)));
    list.append(item);
  }
  return list;
}

function capitalise(label) {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

defineStateProperties(CorpusReader, STATE_KEYS);
