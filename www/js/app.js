// The explorer: one corpus at a time, held in a Web Worker (CorpusClient),
// shown by the views in index.html. This module only wires them together:
//   - the URL fragment holds the corpus, the open view and that view's state
//     (url-state.js); back, forward and a shared link restore all three;
//   - views ask for each other through bubbling events (open a document, an
//     entity, a search) and say when the user changed their state;
//   - a corpus loaded by <corpus-loader> or chosen in <corpus-switcher> is
//     opened and handed to every view; alias edits are kept per corpus.
import './elements.js';
import { setAliasBaseline } from './views/entities/alias-editor.js';
import { CorpusClient } from './engine/corpus-client.js';
import { getAliases, getCorpus, saveAliases } from './corpora/corpus-store.js';
import { embedControl } from './app/embed-snippets.js';
import { readSession, sessionControl, sessionText } from './app/session.js';
import { fileText } from './corpora/file-text.js';
import { download } from './export/export.js';
import { PROGRAM } from './widgets/program.js';
import { EMBEDDED } from './corpora/corpus-switcher.js';
import { focusStatic } from './widgets/widget.js';
import { DEFAULT_VIEW, fragmentFor, readFragment } from './app/url-state.js';

/**
 * The elements of index.html as this module uses them.
 * @typedef {import('./engine/corpus-client.js').Client} Client
 * @typedef {import('../pkg/corpus_lens.js').LoadWarning} LoadWarning
 * @typedef {HTMLElement & {corpus: Client}} CorpusView an element that takes the corpus
 * @typedef {HTMLElement & {state: Record<string, string>}} StateOwner a [data-state] element: the URL holds its state
 * @typedef {import('./views/reader/reader.js').CorpusReader | import('./views/entities/entity-page.js').CorpusEntity | import('./views/search/search.js').CorpusSearch} OpenedView
 */

const views = new Map([.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('main > .corpus-view'))].map((section) => [section.dataset.view, section]));
const tabs = [.../** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll('.corpus-tabs a'))];
const stats = /** @type {import('./corpora/stats-line.js').CorpusStats} */ (document.querySelector('corpus-stats'));
const switcher = /** @type {import('./corpora/corpus-switcher.js').CorpusSwitcher} */ (document.querySelector('corpus-switcher'));
const loadButton = document.querySelector('.corpus-load-open');
const loadPanel = /** @type {HTMLElement} */ (document.querySelector('#corpus-load-panel'));
const status = document.querySelector('.corpus-status');
const announcer = document.querySelector('.corpus-announcer');
const errorBox = /** @type {HTMLElement} */ (document.querySelector('.corpus-error'));
// Every element that takes the corpus.
const corpusViews = [.../** @type {NodeListOf<CorpusView>} */ (document.querySelectorAll('main corpus-overview, main corpus-search, main corpus-entities, main corpus-entity, main corpus-network, main corpus-matrix, main corpus-timeline, main corpus-compare, main corpus-reader'))];

let current = { id: null, name: '', client: null };
// embed=1: the view alone, for an iframe (no header, tabs or Embed control).
let embedded = false;
// Views get the corpus when first shown, so a hidden view neither computes
// (a network of a large corpus) nor lays out at a width of zero.
let waiting = new Set();
let shownView = null;
let lastPush = { view: null, at: 0, typing: false };
const TYPING_PAUSE = 1500; // ms: keystrokes closer together than this are one history entry

function showError(what, error) {
  errorBox.textContent = error ? `${what}: ${error.message}` : what;
  errorBox.hidden = false;
  if (error) console.error(error);
}

function clearError() {
  errorBox.hidden = true;
}

/**
 * Say `text` once to a screen reader, politely. Emptied first, so that the
 * same words said twice are said twice.
 */
function announce(text) {
  announcer.textContent = '';
  requestAnimationFrame(() => {
    announcer.textContent = text;
  });
}

// The element of a view that holds what an action opened there, and the
// view's name as an announcement begins it.
const OPENED = {
  reader: ['corpus-reader', 'Reader'],
  entities: ['corpus-entity', 'Entity'],
  search: ['corpus-search', 'Search'],
};

/**
 * An action opened `view` (a result, a row, a node, a term): move focus to
 * what it opened (the marked passage, the entity's name, the query box) once
 * drawn, and say what it is.
 */
async function focusOpened(view) {
  const [name, label] = OPENED[view];
  const element = /** @type {OpenedView} */ (views.get(view).querySelector(name));
  const said = await element.focusView();
  if (shownView === view) announce(`${label}: ${said}`);
}

// ---- corpora

/**
 * What to open for a corpus id: the embedded corpus, or one kept in this browser.
 * @returns {Promise<import('./engine/corpus-client.js').Source>}
 */
async function sourceOf(id) {
  const aliases = await getAliases(id).catch(() => null);
  if (id === 'embedded') return { kind: 'embedded', aliases };
  const stored = await getCorpus(id);
  if (!stored) throw new Error(`the corpus “${id}” is not kept in this browser (it was deleted, or the link comes from another browser)`);
  return { kind: 'files', files: stored.files, aliases: aliases ?? stored.aliases ?? null, name: stored.name };
}

/** Open corpus `id` unless it is open; on failure, say so and keep the one open. */
async function openCorpus(id) {
  if (current.id === id) return true;
  status.textContent = id === 'embedded' ? 'Opening the embedded articles…' : 'Opening the corpus…';
  try {
    const source = await sourceOf(id);
    const client = await CorpusClient.open(source, { onProgress: ({ label }) => { status.textContent = `${label}…`; } });
    useCorpus(id, client, source.name ?? EMBEDDED.name);
    return true;
  } catch (error) {
    showError('Could not open the corpus', error);
    return false;
  } finally {
    status.textContent = '';
  }
}

/** Show `client` (its corpus kept as `id`) in every view. */
function useCorpus(id, client, name) {
  current.client?.close();
  current = { id, name, client };
  // Edits saved earlier stay undoable: undo goes back to the shipped table.
  setAliasBaseline(client, client.shippedAliases());
  // Each view follows the client's changes itself (view-support.js).
  client.addEventListener('change', () => {
    client.aliases().then((table) => saveAliases(id, table)).catch((error) => showError('The alias edit will not survive a reload', error));
  });
  stats.stats = client.stats();
  switcher.current = id;
  handToViews();
}

/** The views take the new corpus: the one on show now, the others when shown. */
function handToViews() {
  waiting = new Set(corpusViews);
  if (shownView) handToShown();
}

function handToShown() {
  for (const view of corpusViews) {
    if (waiting.has(view) && views.get(shownView)?.contains(view)) {
      waiting.delete(view);
      // Recorded in what its figures export, with the corpus's fingerprint.
      view.dataset.corpus = current.id;
      view.dataset.corpusName = current.name;
      view.corpus = current.client;
    }
  }
}

// ---- views and the URL

/** @returns {StateOwner[]} */
function stateOwners(view) {
  return [.../** @type {NodeListOf<StateOwner> | []} */ (views.get(view)?.querySelectorAll('[data-state]') ?? [])];
}

function viewState(view) {
  return Object.assign({}, ...stateOwners(view).map((owner) => owner.state));
}

function locationOf(view) {
  return { corpus: current.id ?? 'embedded', view, embed: embedded, params: viewState(view) };
}

/** What the Embed control offers for the view on show. */
function embedSnippetInput() {
  const location = { ...locationOf(shownView), embed: false };
  return {
    location,
    states: stateOwners(shownView).map((owner) => owner.state),
    page: `${window.location.origin}${window.location.pathname}`,
    title: `corpus-lens: ${document.title.replace(/ · corpus-lens$/, '')}`,
    fragment: fragmentFor,
  };
}

// ---- the session as a file

/** Save every view's state and the alias table, with the corpus's name and fingerprint. */
async function saveSession() {
  const { client, name } = current;
  const session = {
    corpus: { name, fingerprint: client.fingerprint() },
    view: shownView,
    views: Object.fromEntries([...views.keys()].map((view) => [view, viewState(view)])),
    aliases: await client.aliases(),
  };
  const file = `${name.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'corpus'}-session.json`;
  download(file, sessionText(session, { exported: new Date().toISOString(), program: PROGRAM }), 'application/json');
  return `Saved ${file}: the ${shownView} view and the others' settings, and the alias table, of ${name}.`;
}

/**
 * Open a session file: on the corpus it names (the one open, or the
 * embedded articles), its alias table, every view's state, its view.
 * @param {File} file
 */
async function openSession(file) {
  let text;
  try {
    text = fileText(await file.arrayBuffer());
  } catch (error) {
    throw new Error(`${file.name}: ${error.message}`);
  }
  const session = readSession(text, file.name);
  const { name, fingerprint } = session.corpus;
  // The embedded articles are in every explorer: a session of them opens them.
  if (current.client.fingerprint() !== fingerprint && name === EMBEDDED.name && current.id !== 'embedded') await openCorpus('embedded');
  if (current.client.fingerprint() !== fingerprint) {
    throw new Error(`${file.name} is a session of “${name}” (${fingerprint.slice(0, 19)}…), not of the corpus open. Load the same files (Load your files), then open the session again.`);
  }
  if (session.aliases) await current.client.setAliases(session.aliases);
  for (const [view, params] of Object.entries(session.views)) {
    if (views.has(view)) for (const owner of stateOwners(view)) owner.state = params;
  }
  go(views.has(session.view) ? session.view : DEFAULT_VIEW);
  announce(`Opened the session of ${name}.`);
  return `Opened ${file.name}: the ${shownView} view of ${name}, with its settings and alias table.`;
}

/** Show a view's section and mark its tab. */
function showView(view) {
  shownView = view;
  for (const [name, section] of views) section.hidden = name !== view;
  for (const tab of tabs) {
    if (tab.dataset.view === view) {
      tab.setAttribute('aria-current', 'page');
      // On a phone the tabs scroll sideways: keep the current one in sight.
      tab.parentElement.scrollLeft = Math.max(0, tab.offsetLeft - tab.parentElement.clientWidth / 2 + tab.offsetWidth / 2);
    } else {
      tab.removeAttribute('aria-current');
    }
  }
  document.title = `${tabs.find((t) => t.dataset.view === view)?.textContent ?? view} · corpus-lens`;
  handToShown();
}

/**
 * Record the page's state in the history: a new entry, or, while the user
 * types (`typing`: a change made by a keystroke), the entry the typing began.
 */
function record({ typing = false } = {}) {
  const fragment = fragmentFor(locationOf(shownView));
  refreshTabLinks();
  if (fragment === location.hash) return;
  const now = performance.now();
  const stillTyping = typing && lastPush.typing && lastPush.view === shownView && now - lastPush.at < TYPING_PAUSE;
  history[stillTyping ? 'replaceState' : 'pushState'](null, '', fragment);
  lastPush = { view: shownView, at: now, typing };
}

/**
 * Each tab links to its view as last seen, so it also works opened in a new
 * tab. The link is the whole URL, not only a fragment: a bare "#view=…"
 * reads to assistive technology as a skip link to an element that does not
 * exist.
 */
function refreshTabLinks() {
  for (const tab of tabs) tab.href = new URL(fragmentFor(locationOf(tab.dataset.view)), location.href).href;
}

/** Go to `view`, first giving it `params` (when given), as a new history entry. */
function go(view, params = null) {
  showView(view);
  if (params) for (const owner of stateOwners(view)) owner.state = { ...owner.state, ...params };
  lastPush = { view: null, at: 0, typing: false };
  record();
  window.scrollTo({ top: 0 });
}

/** Make the page what the URL says: its corpus, its view, the view's state. */
async function applyLocation() {
  const { corpus, view, embed, params } = readFragment(location.hash);
  embedded = embed;
  document.documentElement.toggleAttribute('data-embed', embedded);
  clearError();
  const opened = await openCorpus(corpus);
  if (!opened && !current.client) await openCorpus('embedded');
  const known = views.has(view) ? view : DEFAULT_VIEW;
  showView(known);
  for (const owner of stateOwners(known)) owner.state = params;
  if (!opened || known !== view) history.replaceState(null, '', fragmentFor(locationOf(known)));
  refreshTabLinks();
}

// ---- wiring

/** Views asking for each other, and telling the history what changed. */
function wireViews() {
  document.addEventListener('corpus-state-change', (/** @type {CustomEvent<{typing?: boolean} | null>} */ event) => {
    if (views.get(shownView)?.contains(/** @type {Node} */ (event.target))) record({ typing: event.detail?.typing === true });
  });
  document.addEventListener('corpus-open-document', (/** @type {CustomEvent<{id: string, start?: number, end?: number, query?: string}>} */ { detail: { id, start, end, query } }) => {
    go('reader', { doc: id, start: start ?? '', end: end ?? '', q: query ?? '' });
    focusOpened('reader');
  });
  document.addEventListener('corpus-open-entity', (/** @type {CustomEvent<{id: string}>} */ { detail: { id } }) => {
    go('entities', { entity: id });
    focusOpened('entities');
  });
  document.addEventListener('corpus-search', (/** @type {CustomEvent<{query: string}>} */ { detail: { query } }) => {
    go('search', { q: query });
    focusOpened('search');
  });
  document.addEventListener('corpus-network-change', (/** @type {CustomEvent<{options: object}>} */ { detail: { options } }) => {
    /** @type {import('./views/network/matrix.js').CorpusMatrix} */ (document.querySelector('corpus-matrix')).options = options;
  });
  for (const tab of tabs) {
    tab.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go(tab.dataset.view);
    });
  }
  window.addEventListener('popstate', () => applyLocation());
}

/** Loading, switching and deleting corpora. */
function wireCorpora() {
  document.addEventListener('corpus-loaded', (/** @type {CustomEvent<{client: Client, id: string | null, name: string, warnings: LoadWarning[]}>} */ { detail: { client, id, name, warnings } }) => {
    // A corpus the browser would not keep has no id: it stays until reload.
    useCorpus(id ?? `unsaved-${Date.now().toString(36)}`, client, name);
    switcher.refresh();
    go('overview');
    const documents = client.stats().documents;
    const skipped = warnings.length > 0 ? `; ${warnings.length === 1 ? 'one record or file was' : `${warnings.length} records or files were`} skipped, listed in the loader` : '';
    announce(`Loaded ${documents === 1 ? 'one document' : `${documents} documents`} from ${name}${skipped}.`);
    // The loader's report stays open, with focus, while it lists what it
    // skipped; otherwise the panel closes and focus goes to what was loaded.
    if (warnings.length === 0) {
      setLoadPanel(false);
      focusStatic(document.querySelector('#view-overview'));
    }
  });
  document.addEventListener('corpus-switch', async (/** @type {CustomEvent<{id: string}>} */ { detail: { id } }) => {
    if (await openCorpus(id)) go(shownView);
  });
  document.addEventListener('corpus-deleted', async (/** @type {CustomEvent<{id: string}>} */ { detail: { id } }) => {
    if (id === current.id && (await openCorpus('embedded'))) go(shownView);
  });
  loadButton.addEventListener('click', () => setLoadPanel(loadPanel.hidden));
  // Files dropped anywhere on the page load as a corpus.
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    if (event.defaultPrevented || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    setLoadPanel(true);
    /** @type {import('./corpora/corpus-loader.js').CorpusLoader} */ (document.querySelector('corpus-loader')).loadDropped(event.dataTransfer);
  });
}

function setLoadPanel(open) {
  loadPanel.hidden = !open;
  loadButton.setAttribute('aria-expanded', String(open));
  if (open) /** @type {HTMLElement} */ (loadPanel.querySelector('corpus-loader')).focus();
}

async function main() {
  // support.js found this browser lacking and said so.
  if (document.documentElement.hasAttribute('data-unsupported')) return;
  wireViews();
  wireCorpora();
  document.querySelector('.corpus-tabbar').append(sessionControl({ save: saveSession, open: openSession }), embedControl(embedSnippetInput));
  await applyLocation();
  if (!location.hash) history.replaceState(null, '', fragmentFor(locationOf(shownView)));
  // For the end-to-end suite's first-load-to-interactive measurement.
  performance.mark('corpus-interactive');
  document.documentElement.dataset.ready = '';
}

main().catch((error) => showError('Could not start the explorer', error));
