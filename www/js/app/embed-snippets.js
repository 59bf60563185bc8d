// The explorer's "Embed" control: the view on show as two snippets to copy
// into another page, an iframe of this explorer showing that view alone
// (`embed=1`), and the view's elements with its state as attributes beside
// the one script tag they need (README "Embed").
import { h } from '../widgets/dom.js';

/** The elements that make up each view, in the order they stand in it. */
export const VIEW_ELEMENTS = {
  overview: ['corpus-overview'],
  search: ['corpus-search'],
  entities: ['corpus-entities', 'corpus-entity'],
  network: ['corpus-network', 'corpus-matrix'],
  timeline: ['corpus-timeline'],
  compare: ['corpus-compare'],
  reader: ['corpus-reader'],
};

/** `value` inside a double-quoted HTML attribute. */
function attribute(value) {
  return String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/**
 * The two snippets for a view: `{iframe, elements, note}`. `location` is
 * `{corpus, view, params}` as url-state.js reads it; `states` each element's
 * state; `page` this explorer's address (without the fragment); `fragment`
 * makes the URL fragment of a location.
 */
export function snippets({ location, states, page, title, fragment }) {
  const src = `${page}${fragment({ ...location, embed: true })}`;
  const iframe = `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="720" loading="lazy"></iframe>`;
  const corpus = location.corpus === 'embedded' ? 'embedded' : 'your-articles.jsonl';
  const script = `<script type="module" src="${attribute(new URL('dist/corpus-lens.js', page).href)}"></script>`;
  const elements = VIEW_ELEMENTS[location.view].map((name, i) => {
    const pairs = Object.entries(states[i] ?? {}).filter(([, value]) => value != null && value !== '');
    const attributes = [['corpus', corpus], ...pairs].map(([key, value]) => ` ${key}="${attribute(value)}"`).join('');
    return `<${name}${attributes}></${name}>`;
  });
  const note = location.corpus === 'embedded' ? ''
    : 'This corpus is kept in this browser only: the iframe shows it here alone. For the elements, put its files on your site and name them in corpus="…".';
  return { iframe, elements: [script, ...elements].join('\n'), note };
}

/** A snippet box: its label, the code in a read-only text area, and a Copy button. */
function snippetBox(label, code) {
  const text = h('textarea', { class: 'corpus-embed-code', readonly: true, rows: 4, spellcheck: 'false', 'aria-label': label });
  text.value = code;
  const status = h('span', { class: 'corpus-embed-copied', role: 'status' });
  const copy = h('button', { type: 'button', class: 'corpus-embed-copy' }, 'Copy');
  copy.addEventListener('click', async () => {
    text.select();
    try {
      await navigator.clipboard.writeText(code);
      status.textContent = 'Copied.';
    } catch {
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
  return h('div', { class: 'corpus-embed-snippet' }, h('p', { class: 'corpus-embed-label' }, label, ' ', copy, ' ', status), text);
}

/** The control: a disclosure whose snippets are made afresh each time it opens, from `current()`. */
export function embedControl(current) {
  const body = h('div', { class: 'corpus-embed-body' });
  const control = h('details', { class: 'corpus-embed' }, h('summary', { class: 'corpus-embed-summary' }, 'Embed'), body);
  control.addEventListener('toggle', () => {
    if (!control.open) return;
    const { iframe, elements, note } = snippets(current());
    body.replaceChildren(
      snippetBox('This view in an iframe', iframe),
      snippetBox('Its elements in your page', elements),
      ...(note ? [h('p', { class: 'corpus-embed-note' }, note)] : []),
    );
  });
  control.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !control.open) return;
    control.open = false;
    control.querySelector('summary').focus();
  });
  return control;
}
