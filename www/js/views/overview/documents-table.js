// <corpus-documents>: a table of the corpus's documents, one row each.
//
// Set `documents` to the result of `corpus.documents()`. Choosing a row (a
// click anywhere in it, or its title, a button, from the keyboard)
// dispatches a bubbling `corpus-open-document` event whose `detail.id` is
// the document's id. Each row's button is in the tab order; ArrowUp,
// ArrowDown, Home and End move between them. Set `selectedId` to mark the
// document being read (aria-current="true" on its row).
//
// The columns are the fields the documents have: publication, volume,
// issue and date where any document has them, then the title, the corpus's
// own metadata fields (up to six) and the words.
//
// The first PAGE_ROWS rows are drawn, then a button draws the next ones: a
// table of 37,000 rows took the page seconds to lay out, frozen.
import { displayDate, formatCount } from '../../widgets/format.js';
import { fieldHeading, metadataFields, metadataValue } from '../../widgets/metadata-fields.js';
import { Widget, defineStateProperties, widgetAttributes } from '../../widgets/widget.js';

// `name` is the cells' class, for styling; numbers and dates align right.
// `has` says whether a document fills the column: a column no document
// fills is left out (a corpus of addresses has no volumes or issues).
const BUILT_IN = [
  { name: 'publication', label: 'Publication', value: (doc) => doc.publication ?? '', has: (doc) => Boolean(doc.publication) },
  { name: 'volume numeric', label: 'Vol.', value: (doc) => doc.volume ?? '', has: (doc) => doc.volume != null },
  { name: 'issue numeric', label: 'Issue', value: (doc) => doc.issue ?? '', has: (doc) => doc.issue != null },
  { name: 'date numeric', label: 'Date', value: displayDate, has: (doc) => Boolean(doc.date) },
];
const TITLE = { name: 'title', label: 'Title', value: (doc) => doc.title ?? doc.id };
const WORDS = { name: 'words numeric', label: 'Words', value: (doc) => formatCount(doc.words) };
/** The corpus's own fields shown as columns, at most (in the engine's order: by name). */
const METADATA_COLUMNS = 6;

/** The columns for `documents`: the built-in fields they fill, the title, their own fields, the words. */
function columnsFor(documents) {
  const own = metadataFields(documents).filter((f) => f.documents > 0).slice(0, METADATA_COLUMNS).map((field) => ({
    name: `field${field.numeric ? ' numeric' : ''}`, label: fieldHeading(field), value: (doc) => metadataValue(doc, field.name),
  }));
  return [...BUILT_IN.filter((column) => documents.some(column.has)), TITLE, ...own, WORDS];
}

const ROW_KEYS = { ArrowUp: -1, ArrowDown: 1 };

/** Rows drawn at first, and more at each press of "Show more". */
export const PAGE_ROWS = 200;

const STATE_KEYS = [];

export class CorpusDocuments extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #root = this.#widget.root;
  #documents = [];
  #selectedId = null;
  /** How many rows are drawn. */
  #shown = 0;
  #columns = [];

  connectedCallback() {
    this.#widget.connect();
    // On the inner root: a listener on the element would see every event
    // retargeted to the element itself.
    this.#root.addEventListener('click', this.#onClick);
    this.#root.addEventListener('keydown', this.#onKeydown);
    this.#render();
  }

  disconnectedCallback() {
    this.#widget.disconnect();
    this.#root.removeEventListener('click', this.#onClick);
    this.#root.removeEventListener('keydown', this.#onKeydown);
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** The rows shown: `corpus.documents()`. */
  get documents() {
    return this.#documents;
  }

  set documents(value) {
    this.#documents = value ?? [];
    this.#render();
  }

  /** The id of the row marked as open, or null. */
  get selectedId() {
    return this.#selectedId;
  }

  set selectedId(id) {
    this.#selectedId = id;
    for (const row of this.#rows()) {
      if (row.dataset.id === id) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
  }

  #rows() {
    return [...this.#root.querySelectorAll('tbody tr')];
  }

  #render() {
    const table = document.createElement('table');
    table.className = 'corpus-documents-table';
    this.#shown = Math.min(PAGE_ROWS, this.#documents.length);
    this.#columns = columnsFor(this.#documents);
    table.append(headerRow(this.#columns), body(this.#documents.slice(0, this.#shown), this.#columns));
    this.#root.replaceChildren(table);
    this.#showMoreButton(table);
    this.selectedId = this.#selectedId;
  }

  /** "Showing 200 of 9,322 documents. Show 200 more", under the table, while rows are left. */
  #showMoreButton(table) {
    const left = this.#documents.length - this.#shown;
    this.#root.querySelector('.corpus-documents-more')?.remove();
    if (left <= 0) return;
    const line = document.createElement('p');
    line.className = 'corpus-documents-more';
    line.textContent = `Showing ${formatCount(this.#shown)} of ${formatCount(this.#documents.length)} documents. `;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'corpus-results-more';
    button.textContent = `Show ${formatCount(Math.min(PAGE_ROWS, left))} more`;
    button.addEventListener('click', () => {
      const from = this.#shown;
      this.#shown = Math.min(from + PAGE_ROWS, this.#documents.length);
      const rows = body(this.#documents.slice(from, this.#shown), this.#columns).rows;
      table.tBodies[0].append(...rows);
      this.#showMoreButton(table);
      this.selectedId = this.#selectedId;
      // Where the reader was going: the first new row.
      this.#rows()[from]?.querySelector('.corpus-documents-open')?.focus();
    });
    line.append(button);
    this.#root.append(line);
  }

  #open(row) {
    const id = row.dataset.id;
    this.selectedId = id;
    this.dispatchEvent(new CustomEvent('corpus-open-document', { bubbles: true, composed: true, detail: { id } }));
  }

  #onClick = (event) => {
    const row = event.target.closest('tbody tr');
    if (row && this.#root.contains(row)) this.#open(row);
  };

  // Enter and Space are the button's own (a click); the arrows move between rows.
  #onKeydown = (event) => {
    const row = event.target.closest('tbody tr');
    if (!row || !event.target.matches('.corpus-documents-open')) return;
    if (this.#moveFocus(row, event.key)) event.preventDefault();
  };

  /** Focus the button of the row a navigation key leads to; false if the key is not one. */
  #moveFocus(row, key) {
    const rows = this.#rows();
    const index = rows.indexOf(row);
    let next;
    if (key in ROW_KEYS) next = rows[index + ROW_KEYS[key]];
    else if (key === 'Home') next = rows[0];
    else if (key === 'End') next = rows.at(-1);
    else return false;
    next?.querySelector('.corpus-documents-open')?.focus();
    return true;
  }
}

function headerRow(columns) {
  const head = document.createElement('thead');
  const row = head.insertRow();
  for (const column of columns) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = column.label;
    cell.className = column.name;
    row.append(cell);
  }
  return head;
}

function body(documents, columns) {
  const tbody = document.createElement('tbody');
  for (const doc of documents) {
    const row = tbody.insertRow();
    row.dataset.id = doc.id;
    for (const column of columns) {
      const cell = row.insertCell();
      cell.className = column.name;
      // textContent makes a text node: corpus text from users' files is never parsed as HTML.
      const text = String(column.value(doc));
      if (column.name === 'title') cell.append(openButton(text));
      else cell.textContent = text;
    }
  }
  return tbody;
}

/** The row's one control: its title, as a button that opens the document. */
function openButton(title) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'corpus-row-open corpus-documents-open';
  button.textContent = title;
  return button;
}

defineStateProperties(CorpusDocuments, STATE_KEYS);
