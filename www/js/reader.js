// <corpus-reader>: one document's title, header fields and text.
//
// Set `corpusDocument` to the result of `corpus.document(id)`; null shows a
// prompt to choose a document. All corpus text goes in as text nodes.
import { displayDate, formatCount, paragraphTexts } from './engine.js';

const DATE_SOURCES = { metadata: 'from the metadata', volume: 'from the volume number' };

export class CorpusReader extends HTMLElement {
  #document = null;

  connectedCallback() {
    this.#render();
  }

  /** The document shown: `corpus.document(id)`, or null. */
  get corpusDocument() {
    return this.#document;
  }

  set corpusDocument(value) {
    this.#document = value;
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
    article.append(element('h2', 'corpus-reader-title', doc.title ?? doc.id), headerList(doc), textBody(doc));
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

function textBody(doc) {
  const body = document.createElement('div');
  body.className = 'corpus-reader-text';
  body.append(...paragraphTexts(doc).map((text) => element('p', '', text)));
  return body;
}

function capitalise(label) {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
