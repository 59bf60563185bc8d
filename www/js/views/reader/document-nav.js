// The reader's way to another document: previous and next in the corpus's
// order, the position ("3 of 249"), and a box that opens a document by its
// title (a list of titles to pick from as one types) or its id.

import { folded } from '../../widgets/format.js';

/** @typedef {{id: string, title?: string | null}} ListedDocument */

/** What a document is listed as: its title, or its id when it has none. */
export function listedName(doc) {
  return doc.title?.trim() || doc.id;
}

/**
 * The documents `typed` names: the one whose title or id it is (in any
 * case), else every one whose title holds it.
 * @param {ListedDocument[]} documents
 * @param {string} typed
 * @returns {ListedDocument[]}
 */
export function documentsNamed(documents, typed) {
  const want = folded(typed);
  if (!want) return [];
  const exact = documents.filter((d) => folded(listedName(d)) === want || folded(d.id) === want);
  if (exact.length > 0) return exact.slice(0, 1);
  return documents.filter((d) => folded(listedName(d)).includes(want));
}

/**
 * The navigation bar for `documents` with `current` (an id, or '') shown;
 * `open(id)` is called with the document chosen. `titles` is the datalist of
 * every title, made once per corpus by `titleList` and reused. `open` is also
 * given the class of the step button used (null from the title box).
 * @param {{documents: ListedDocument[], current: string, titles: HTMLDataListElement, open: (id: string, control: string | null) => void}} options
 */
export function documentNav({ documents, current, titles, open }) {
  const nav = document.createElement('nav');
  nav.className = 'corpus-reader-nav';
  nav.setAttribute('aria-label', 'Documents');
  const at = documents.findIndex((d) => d.id === current);
  const step = (label, className, target) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `corpus-reader-step ${className}`;
    button.textContent = label;
    button.disabled = !target;
    if (target) {
      button.title = listedName(target);
      button.addEventListener('click', () => open(target.id, className));
    }
    return button;
  };
  const position = document.createElement('span');
  position.className = 'corpus-reader-position';
  position.textContent = at >= 0
    ? `Document ${(at + 1).toLocaleString('en-US')} of ${documents.length.toLocaleString('en-US')}`
    : `${documents.length.toLocaleString('en-US')} documents`;
  const label = document.createElement('label');
  label.className = 'corpus-reader-pick';
  label.append('Open a document ');
  const input = document.createElement('input');
  input.type = 'search';
  input.className = 'corpus-reader-pick-input';
  input.placeholder = 'a title';
  input.setAttribute('list', titles.id);
  const status = document.createElement('p');
  status.className = 'corpus-reader-nav-status';
  status.setAttribute('role', 'status');
  input.addEventListener('change', () => {
    const typed = input.value.trim();
    if (!typed) return;
    const found = documentsNamed(documents, typed);
    if (found.length === 1) {
      open(found[0].id, null);
      return;
    }
    status.textContent = found.length === 0
      ? `No document is titled “${typed}”.`
      : `${found.length.toLocaleString('en-US')} titles hold “${typed}”: choose one from the list.`;
  });
  label.append(input);
  const form = document.createElement('form');
  form.className = 'corpus-reader-pick-form';
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(label, titles);
  nav.append(
    step('‹ Previous', 'corpus-reader-previous', documents[at - 1]),
    position,
    step('Next ›', 'corpus-reader-next', at >= 0 ? documents[at + 1] : documents[0]),
    form,
    status,
  );
  return nav;
}

/** A datalist of every document's title (or id), its id `id`. */
export function titleList(documents, id) {
  const list = document.createElement('datalist');
  list.id = id;
  list.append(...documents.map((d) => {
    const option = document.createElement('option');
    option.value = listedName(d);
    return option;
  }));
  return list;
}
