// <corpus-reader>: one document's title, header fields and text.
//
// Set `corpusDocument` to the result of `corpus.document(id)`; null shows a
// prompt to choose a document. All corpus text goes in as text nodes.
import { displayDate, formatCount } from './engine.js';
import { appendMarked } from './highlight.js';

// How the engine arrived at a date (`dateSource`), as the reader shows it.
const DATE_SOURCES = {
  metadata: 'from the metadata',
  citations: 'from dates cited in the text',
  volume: 'from the volume number',
};

export class CorpusReader extends HTMLElement {
  #document = null;
  #mark = null;

  connectedCallback() {
    this.#render();
  }

  /** The document shown: `corpus.document(id)`, or null. */
  get corpusDocument() {
    return this.#document;
  }

  set corpusDocument(value) {
    this.#document = value;
    this.#mark = null;
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

  #render() {
    const doc = this.#document;
    if (!doc) {
      const empty = element('p', 'corpus-reader-empty', 'Choose a document to read it here.');
      this.replaceChildren(empty);
      return;
    }
    const article = document.createElement('article');
    article.className = 'corpus-reader-article';
    article.append(element('h2', 'corpus-reader-title', doc.title ?? doc.id), headerList(doc), textBody(doc, this.#mark));
    this.replaceChildren(article);
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

/** The paragraphs, with the part of `mark` that falls in each marked. */
function textBody(doc, mark) {
  const body = document.createElement('div');
  body.className = 'corpus-reader-text';
  for (const { start, end } of doc.paragraphs) {
    // Spans count UTF-16 code units, so String.prototype.slice cuts them exactly.
    const text = doc.text.slice(start, end);
    const from = mark ? Math.max(mark.start, start) : end;
    const to = mark ? Math.min(mark.end, end) : start;
    const ranges = from < to ? [{ start: from - start, end: to - start }] : [];
    body.append(appendMarked(element('p', '', null), text, ranges, 'corpus-reader-mark'));
  }
  return body;
}

function capitalise(label) {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
