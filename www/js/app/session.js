// The explorer's session as a file: the corpus by name and content
// fingerprint, the view on show, every view's state and the alias table,
// saved as JSON and opened again, in this browser or another that has the
// same files. The fingerprint (corpus.fingerprint(): the SHA-256 of every
// document) decides whether a session fits the corpus open: a session of
// other files is refused, naming them, rather than applied to the wrong
// corpus.
import { h } from '../widgets/dom.js';

export const SESSION_FORMAT = 'corpus-lens-session';
export const SESSION_VERSION = 1;

/**
 * @typedef {object} Session
 * @property {{name: string, fingerprint: string}} corpus
 * @property {string} view the view on show
 * @property {Record<string, Record<string, string>>} views each view's state, as its link holds it
 * @property {object | null} aliases the alias table (corpus.aliases())
 */

/**
 * The session file's JSON text for `session`, stamped with the time and
 * the program that made it.
 * @param {Session} session
 */
export function sessionText(session, { exported, program }) {
  const { corpus, view, views, aliases } = session;
  return `${JSON.stringify({ format: SESSION_FORMAT, version: SESSION_VERSION, program, exported, corpus, view, views, aliases }, null, 2)}\n`;
}

/**
 * The session in a file's `text`, checked; an error names the file and
 * what is wrong with it.
 * @returns {Session}
 */
export function readSession(text, fileName) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName} is not a session file: it is not JSON (${error.message})`);
  }
  const problem = (what) => new Error(`${fileName} is not a session file this explorer reads: ${what}`);
  if (value?.format !== SESSION_FORMAT) throw problem(`its "format" is ${JSON.stringify(value?.format ?? null)}, not "${SESSION_FORMAT}"`);
  if (value.version !== SESSION_VERSION) throw problem(`it is of version ${JSON.stringify(value.version)}; this explorer reads version ${SESSION_VERSION}`);
  const { corpus, view, views, aliases = null } = value;
  if (typeof corpus?.fingerprint !== 'string' || typeof corpus?.name !== 'string') throw problem('"corpus" needs a name and a fingerprint');
  if (typeof view !== 'string') throw problem('"view" is not a view name');
  const isState = (state) => state && typeof state === 'object' && !Array.isArray(state) && Object.values(state).every((v) => typeof v === 'string');
  if (!views || typeof views !== 'object' || !Object.values(views).every(isState)) throw problem('"views" must map each view to its settings, as text');
  if (aliases !== null && (typeof aliases !== 'object' || Array.isArray(aliases))) throw problem('"aliases" is not an alias table');
  return { corpus: { name: corpus.name, fingerprint: corpus.fingerprint }, view, views, aliases };
}

/**
 * The Session control beside the tabs: "Save session" calls `save()`; a
 * file chosen with "Open session…" goes to `open(file)`. Each says how it
 * went (or why not) in the control's status line.
 * @param {{save: () => Promise<string>, open: (file: File) => Promise<string>}} actions each resolves to what to say
 */
export function sessionControl({ save, open }) {
  const status = h('p', { class: 'corpus-session-status', role: 'status' });
  const saveButton = h('button', { type: 'button', class: 'corpus-session-save' }, 'Save session');
  const input = h('input', { type: 'file', class: 'corpus-session-file', accept: '.json,application/json' });
  const openLabel = h('label', { class: 'corpus-session-open' }, 'Open session… ', input);
  const body = h('div', { class: 'corpus-session-body' },
    h('p', { class: 'corpus-session-note' }, 'A session file holds every view\'s settings and the alias table, with the corpus by name and fingerprint (not its files).'),
    h('div', { class: 'corpus-session-actions' }, saveButton, openLabel),
    status);
  const control = h('details', { class: 'corpus-session' }, h('summary', { class: 'corpus-session-summary' }, 'Session'), body);
  const report = async (action) => {
    status.classList.remove('is-error');
    try {
      status.textContent = await action();
    } catch (error) {
      status.textContent = error.message;
      status.classList.add('is-error');
    }
  };
  saveButton.addEventListener('click', () => report(save));
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = ''; // the same file may be chosen again
    if (file) report(() => open(file));
  });
  control.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !control.open) return;
    control.open = false;
    control.querySelector('summary').focus();
  });
  return control;
}
