// <corpus-reader>: one document's title, header fields and text, with its
// entity mentions highlighted by type and its source citations listed.
//
// Set `corpusDocument` to the result of `corpus.document(id)` (null shows a
// prompt to choose a document), then optionally `annotations` to
// `corpus.annotate(id)`, `citations` to `corpus.citations({docId: id})` and
// `mark` to a span to mark. Choosing a cited source that is a known entity
// dispatches `corpus-open-entity` with `{id}`. All corpus text goes in as
// text nodes.
import { displayDate, formatCount } from './engine.js';
import { citationsList } from './citations-list.js';
import { appendAnnotated } from './entity-marks.js';
import { ENTITY_TYPES, typeLabel, typeSwatch } from './entity-types.js';

// How the engine arrived at a date (`dateSource`), as the reader shows it.
const DATE_SOURCES = {
  metadata: 'from the metadata',
  citations: 'from dates cited in the text',
  volume: 'from the volume number',
};

export class CorpusReader extends HTMLElement {
  #document = null;
  #mark = null;
  #annotations = [];
  #citations = [];
  // Types the reader has switched off in the legend. Kept across documents:
  // someone who hides dates wants them hidden in the next article too.
  #hiddenTypes = new Set();

  connectedCallback() {
    this.#render();
  }

  /** The document shown: `corpus.document(id)`, or null. Clears the mark, annotations and citations. */
  get corpusDocument() {
    return this.#document;
  }

  set corpusDocument(value) {
    this.#document = value;
    this.#mark = null;
    this.#annotations = [];
    this.#citations = [];
    this.#render();
  }

  /** A span `{start, end}` (UTF-16) of the text to mark and scroll to, or null. */
  get mark() {
    return this.#mark;
  }

  set mark(value) {
    this.#mark = value;
    this.#render();
    this.querySelector('mark.corpus-reader-mark')?.scrollIntoView({ block: 'center' });
  }

  /** The document's entity mentions, `corpus.annotate(id)`: highlighted by type. */
  get annotations() {
    return this.#annotations;
  }

  set annotations(value) {
    this.#annotations = value ?? [];
    this.#render();
  }

  /** The document's source citations, `corpus.citations({docId: id})`: listed under the text. */
  get citations() {
    return this.#citations;
  }

  set citations(value) {
    this.#citations = value ?? [];
    this.#render();
  }

  #render() {
    const doc = this.#document;
    if (!doc) {
      const empty = element('p', 'corpus-reader-empty', 'Choose a document to read it here.');
      this.replaceChildren(empty);
      return;
    }
    const article = document.createElement('article');
    article.className = 'corpus-reader-article';
    article.append(element('h2', 'corpus-reader-title', doc.title ?? doc.id), headerList(doc));
    if (this.#annotations.length > 0) article.append(this.#legend());
    article.append(this.#textBody());
    if (this.#citations.length > 0) article.append(this.#citationsSection());
    this.replaceChildren(article);
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
      body.append(appendAnnotated(paragraph, doc.text, span, shown.slice(first, last), this.#mark));
    }
    return body;
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
    this.querySelector('.corpus-reader-text')?.replaceWith(this.#textBody());
  }

  #citationsSection() {
    const section = element('section', 'corpus-reader-citations', null);
    const heading = element('h3', 'corpus-reader-subtitle', 'Sources cited');
    const list = citationsList(this.#citations, {
      onEntity: (id) => this.dispatchEvent(new CustomEvent('corpus-open-entity', { bubbles: true, detail: { id } })),
      onShow: ({ start, end }) => {
        this.mark = { start, end };
        // The button pressed was re-rendered away: give the focus to what it showed.
        const mark = this.querySelector('mark.corpus-reader-mark');
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
