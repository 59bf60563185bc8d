// <corpus-loader>: load the reader's own files as a corpus. Files or a whole
// folder come from a drop, a file picker or a folder picker; files the engine
// cannot read (by extension) are listed as skipped, with the reason. Loading
// shows its progress and can be cancelled; afterwards a summary, and every
// record the engine skipped with its file and line.
//
// The element loads by itself: it reads the files, opens them with
// CorpusClient.open in a new worker, saves them with corpus-store.js and
// dispatches a bubbling `corpus-loaded` event with
// `{client, id, name, warnings}` (`id` is null when the browser would not
// keep the corpus). A cancelled or failed load dispatches nothing, so the
// corpus on show stays as it was.
//
// Properties: `busy` (read only). Methods: `loadFiles(files, name?)` loads
// File objects, `loadDropped(dataTransfer)` a drop's files and folders (from
// a page-wide drop target, say), `cancel()` stops a load.
import { h } from '../widgets/dom.js';
import { CorpusClient } from '../engine/corpus-client.js';
import { deleteCorpus, saveCorpus } from './corpus-store.js';
import { formatBytes, formatCount, plural } from '../widgets/format.js';
import { element } from '../widgets/highlight.js';
import { Widget, defineStateProperties, widgetAttributes } from '../widgets/widget.js';

/**
 * The extensions read, lower case: the engine's own (src/load/mod.rs), then
 * the readers module's (readers/src/lib.rs): web pages, feeds, Word, PDF, and ZIP
 * and gzip archives of any of them.
 */
export const EXTENSIONS = ['txt', 'md', 'markdown', 'json', 'jsonl', 'ndjson', 'csv', 'tsv', 'tab',
  'html', 'htm', 'xhtml', 'xml', 'rss', 'atom', 'docx', 'pdf', 'zip', 'gz'];
const ACCEPT = EXTENSIONS.map((ext) => `.${ext}`).join(',');
const FORMATS = '.txt, .md, .json, .jsonl, .csv and .tsv files, web pages (.html), RSS and Atom feeds (.xml), Word documents (.docx), PDF with a text layer, and .zip or .gz archives of any of them';
/** The kinds of warning that say a whole file was not read (the rest say what was changed in a file read). */
const UNREAD = new Set(['unsupported-file', 'not-text', 'unreadable-file']);

/** The loader's fixed parts: the drop zone and pickers, the progress, the messages. */
function template() {
  const button = (name, label) => h('button', { type: 'button', class: `corpus-loader-button corpus-loader-${name}` }, label);
  return [
    h('div', { class: 'corpus-loader-drop' },
      h('p', { class: 'corpus-loader-drop-title' }, 'Drop files or a folder here'),
      h('p', { class: 'corpus-loader-formats' }, `Reads ${FORMATS}. They stay on this computer.`),
      h('div', { class: 'corpus-loader-actions' }, button('pick-files', 'Choose files'), button('pick-folder', 'Choose a folder')),
      h('input', { class: 'corpus-loader-files', type: 'file', multiple: true, accept: ACCEPT, hidden: true }),
      h('input', { class: 'corpus-loader-folder', type: 'file', webkitdirectory: true, hidden: true })),
    h('div', { class: 'corpus-loader-progress', hidden: true },
      h('span', { class: 'corpus-loader-progress-label', id: 'corpus-loader-progress-label' }),
      h('progress', { 'aria-labelledby': 'corpus-loader-progress-label' }),
      button('cancel', 'Cancel')),
    h('div', { class: 'corpus-loader-status', role: 'status', 'aria-live': 'polite' }),
    h('div', { class: 'corpus-loader-error', role: 'alert', hidden: true }),
    h('div', { class: 'corpus-loader-report' }),
  ];
}

const STATE_KEYS = [];

export class CorpusLoader extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #root = this.#widget.root;
  #controller = null;
  #parts = null;

  constructor() {
    super();
    this.#root.append(...template());
    const $ = (selector) => this.#root.querySelector(selector);
    this.#parts = {
      drop: $('.corpus-loader-drop'),
      files: $('.corpus-loader-files'),
      folder: $('.corpus-loader-folder'),
      progressBox: $('.corpus-loader-progress'),
      progress: $('progress'),
      progressLabel: $('.corpus-loader-progress-label'),
      status: $('.corpus-loader-status'),
      error: $('.corpus-loader-error'),
      report: $('.corpus-loader-report'),
    };
    this.#wire($);
  }

  connectedCallback() {
    this.#widget.connect();
  }

  /** Focus the first button, "Choose files": where a person starts. */
  focus(options) {
    this.#root.querySelector('button').focus(options);
  }

  disconnectedCallback() {
    this.#widget.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** Whether a load is running. */
  get busy() {
    return this.#controller !== null;
  }

  /** Stop the running load, if any; the corpus on show stays as it was. */
  cancel() {
    this.#controller?.abort();
  }

  /**
   * Load `files` (File objects; a `webkitRelativePath` is used as the name)
   * as a new corpus named `name` (by default the single file's name, the
   * common folder's name, or "N files"). A running load is cancelled first.
   */
  loadFiles(files, name) {
    const picked = [...files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
    return this.#load(picked, name);
  }

  #wire($) {
    const { drop, files, folder } = this.#parts;
    $('.corpus-loader-pick-files').addEventListener('click', () => files.click());
    $('.corpus-loader-pick-folder').addEventListener('click', () => folder.click());
    $('.corpus-loader-cancel').addEventListener('click', () => {
      this.cancel();
      $('.corpus-loader-pick-files').focus(); // the Cancel button is about to hide
    });
    for (const input of [files, folder]) {
      input.addEventListener('change', () => {
        const chosen = [...input.files];
        input.value = ''; // so that choosing the same files again loads them again
        if (chosen.length) this.loadFiles(chosen);
      });
    }
    drop.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault(); // accept the drop
      event.dataTransfer.dropEffect = 'copy';
      drop.classList.add('is-dragging');
    });
    drop.addEventListener('dragleave', (event) => {
      if (!drop.contains(event.relatedTarget)) drop.classList.remove('is-dragging');
    });
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('is-dragging');
      this.loadDropped(event.dataTransfer);
    });
  }

  /** Load a drop's files and folders (call it in the drop handler: a DataTransfer empties after). */
  async loadDropped(dataTransfer) {
    // Entries must be taken before the first await: the DataTransfer empties
    // once the drop handler returns.
    const entries = Array.from(dataTransfer.items)
      .filter((item) => item.kind === 'file')
      .map((item) => item.webkitGetAsEntry?.());
    if (entries.length === 0 || entries.some((entry) => !entry)) {
      this.loadFiles(dataTransfer.files);
      return;
    }
    try {
      const picked = [];
      for (const entry of entries) await walk(entry, picked);
      await this.#load(picked);
    } catch (error) {
      this.#showError(`Could not read the dropped files: ${error.message}`);
    }
  }

  async #load(picked, name) {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;
    this.#clear();
    const { accepted, skipped, label } = sortOut(picked);
    name ??= label;
    try {
      if (accepted.length === 0) {
        this.#showSkipped(skipped);
        throw new Error(picked.length
          ? `none of these files is in a format corpus-lens reads (${FORMATS})`
          : 'there are no files in it');
      }
      const files = await this.#read(accepted, skipped, signal);
      this.#showSkipped(skipped);
      if (files.length === 0) throw new Error('none of the files could be read');
      await this.#open(files, skipped, name, signal);
    } catch (error) {
      this.#failed(error, signal, controller);
    } finally {
      this.#settle(controller);
    }
  }

  /**
   * Open `files` in the engine, then save and report them (see #finish).
   * When none gave a document, each file with no field read as its text
   * offers the choice of one.
   */
  async #open(files, skipped, name, signal, replaces = null) {
    this.#phase('Starting the engine');
    let client;
    try {
      client = await CorpusClient.open({ kind: 'files', files }, {
        signal,
        onProgress: ({ label: phase }) => this.#phase(phase),
      });
    } catch (error) {
      if (error.kind === 'empty-corpus' && !signal.aborted) await this.#offerChoices(files, { files, skipped, name, replaces });
      throw error;
    }
    await this.#finish(client, files, skipped, name, signal, replaces);
  }

  /**
   * For each of `candidates` whose records have no field read as the text,
   * a choice of its fields, with its first records, that loads `context`'s
   * files again with the one chosen.
   */
  async #offerChoices(candidates, context) {
    const previews = await CorpusClient.previewFiles(candidates.map(({ name, bytes, content }) => (bytes ? { name, bytes } : { name, content })), { rows: 3 });
    candidates.forEach((file, i) => {
      const preview = previews[i];
      if (preview && preview.text === null && preview.columns.length > 0) {
        this.#parts.report.append(this.#fieldChoice(file, preview, context));
      }
    });
  }

  /** "Which field of notes.jsonl is its text?": a radio per field, the first records, and a button. */
  #fieldChoice(file, { columns, rows }, context) {
    const group = `corpus-loader-field-${++choices}`;
    const radios = columns.map((column, i) => h('label', { class: 'corpus-loader-field' },
      h('input', { type: 'radio', name: group, value: column, checked: i === 0 }), ` ${column}`));
    const table = h('table', { class: 'corpus-loader-preview' },
      h('caption', {}, `The first ${plural(rows.length, 'record')} of ${file.name}`),
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell))))));
    const button = h('button', { type: 'button', class: 'corpus-loader-button corpus-loader-field-load' }, `Load with “${columns[0]}” as the text`);
    const chosen = () => /** @type {HTMLInputElement} */ (section.querySelector('input:checked')).value;
    const section = h('section', { class: 'corpus-loader-choose', 'aria-labelledby': `${group}-title` },
      h('h2', { class: 'corpus-loader-list-title', id: `${group}-title` }, `Which field of ${file.name} is the text?`),
      h('p', { class: 'corpus-loader-note' }, 'None of its fields has a name read as the text (such as text, body or content). Choose the one that holds it:'),
      h('fieldset', { class: 'corpus-loader-fields' }, h('legend', {}, 'The text'), radios),
      h('div', { class: 'corpus-loader-preview-box', tabindex: 0, role: 'region', 'aria-label': `The first records of ${file.name}` }, table),
      button);
    section.addEventListener('change', () => {
      button.textContent = `Load with “${chosen()}” as the text`;
    });
    button.addEventListener('click', () => this.#reopen(context, file, chosen()));
    return section;
  }

  /**
   * Open the same files again, `file` now read with `text` as its text (the
   * user's choice), in place of the corpus saved as `replaces`.
   */
  async #reopen({ files, skipped, name, replaces }, file, text) {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;
    this.#clear();
    this.#parts.progressBox.hidden = false;
    this.classList.add('is-busy');
    const chosen = files.map((f) => (f === file ? { ...f, fields: { ...f.fields, text } } : f));
    try {
      await this.#open(chosen, skipped, name, signal, replaces);
    } catch (error) {
      this.#failed(error, signal, controller);
    } finally {
      this.#settle(controller);
    }
  }

  #failed(error, signal, controller) {
    // The signal, not the error's name: CorpusClient.open rejects a
    // cancelled open with 'This corpus was closed' (its close() runs first).
    if (signal.aborted) {
      // A newer load replaced this one: it shows its own state.
      if (this.#controller === controller) this.#say('Loading was cancelled; the corpus on show is unchanged.', '');
    } else {
      this.#showError(`Nothing was loaded: ${error.message}`);
    }
  }

  #settle(controller) {
    if (this.#controller === controller) {
      this.#controller = null;
      this.#parts.progressBox.hidden = true;
      this.classList.remove('is-busy');
    }
  }

  /** Read the files' bytes, showing bytes read; drops files that fail into `skipped`. */
  async #read(accepted, skipped, signal) {
    const { progressBox, progress } = this.#parts;
    const total = accepted.reduce((sum, { file }) => sum + file.size, 0);
    progressBox.hidden = false;
    this.classList.add('is-busy');
    progress.max = Math.max(total, 1);
    // For screen readers: the progress label says it on screen.
    this.#say(`Loading ${plural(accepted.length, 'file')}…`, 'corpus-loader-hidden');
    const files = [];
    let done = 0;
    for (const [i, { file, path }] of accepted.entries()) {
      if (signal.aborted) throw new DOMException('Loading was cancelled', 'AbortError');
      progress.value = done;
      this.#parts.progressLabel.textContent =
        `Reading ${formatCount(i + 1)} of ${plural(accepted.length, 'file')}, ${formatBytes(done)} of ${formatBytes(total)}`;
      try {
        // Bytes: the worker decodes them (or the readers module reads them)
        // and says where a file is not read (a warning at line 0, below).
        files.push({ name: path, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (error) {
        skipped.push({ path, reason: `could not be read (${error.message || error.name})` });
      }
      done += file.size;
    }
    if (signal.aborted) throw new DOMException('Loading was cancelled', 'AbortError');
    return files;
  }

  /** Save the opened corpus, report, and hand it to the page. */
  async #finish(client, files, skipped, name, signal, replaces = null) {
    // A warning at line 0 is about a whole file: one not read is listed with
    // the files not read, and not saved; the others say what a reader
    // changed or left out of a file it read.
    const warnings = client.warnings();
    const unread = warnings.filter(({ line, kind }) => line === 0 && UNREAD.has(kind));
    const unreadNames = new Set(unread.map(({ file }) => file));
    const read = files.filter((file) => !unreadNames.has(file.name));
    this.#phase('Saving for next time');
    let id = null;
    let unsaved = null;
    try {
      id = await saveCorpus({ name, files: read, documents: client.stats().documents });
    } catch (error) {
      unsaved = error;
    }
    if (signal.aborted) {
      client.close();
      if (id) deleteCorpus(id).catch(() => {}); // cancelled while saving: nothing is kept
      throw new DOMException('Loading was cancelled', 'AbortError');
    }
    // Loaded again with a field chosen: the corpus saved before is this one.
    if (id && replaces) await deleteCorpus(replaces).catch(() => {});
    const documents = client.stats().documents;
    this.#say(`Loaded ${plural(documents, 'document')} from ${plural(read.length, 'file')}.`);
    if (unsaved) {
      this.#parts.status.append(element('p', 'corpus-loader-note',
        `${unsaved.message.replace(/\.$/, '')}. It is open now, but it will not survive a reload.`));
    }
    if (unread.length) this.#showSkipped([...skipped, ...unread.map(({ file, message }) => ({ path: file, reason: message.replace(`${file}: `, '') }))]);
    this.#showWarnings(warnings.filter(({ line }) => line !== 0));
    this.#showChanges(warnings.filter(({ line, kind }) => line === 0 && !UNREAD.has(kind)));
    const sources = client.sources().filter((source) => !unreadNames.has(source.name));
    this.#showSources(sources);
    this.dispatchEvent(new CustomEvent('corpus-loaded', {
      bubbles: true,
      composed: true,
      detail: { client, id, name, warnings },
    }));
    const untexted = read.filter((file) => sources.find((source) => source.name === file.name)?.documents === 0
      && warnings.some((warning) => warning.file === file.name && /^missing-text/.test(warning.kind)));
    if (untexted.length) await this.#offerChoices(untexted, { files: read, skipped, name, replaces: id });
  }

  #phase(label) {
    const { progress, progressLabel } = this.#parts;
    progress.removeAttribute('value'); // indeterminate: the engine reports phases, not amounts
    progressLabel.textContent = `${label}…`;
    // Said once per phase (a handful), not per file as the label changes.
    this.#say(`${label}…`, 'corpus-loader-hidden');
  }

  #clear() {
    const { status, error, report } = this.#parts;
    status.replaceChildren();
    error.replaceChildren();
    error.hidden = true;
    report.replaceChildren();
  }

  #say(text, className = 'corpus-loader-summary') {
    this.#parts.status.replaceChildren(element('p', className, text));
  }

  #showError(message) {
    const { error, status } = this.#parts;
    status.replaceChildren();
    error.textContent = message;
    error.hidden = false;
  }

  /** "Files not read", replacing the list shown before the engine read the rest. */
  #showSkipped(skipped) {
    this.#parts.report.querySelector('.corpus-loader-skipped')?.remove();
    if (skipped.length === 0) return;
    const items = skipped.map(({ path, reason }) => [path, reason]);
    const list = reportList('Files not read', skipped.length, items);
    list.classList.add('corpus-loader-skipped');
    this.#parts.report.prepend(list);
  }

  /** "Files read": each file's documents, encoding and the fields read as its text, title, …. */
  #showSources(sources) {
    if (sources.length === 0) return;
    const items = sources.map((source) => [source.name, howRead(source)]);
    const list = reportList('Files read', sources.length, items);
    list.classList.add('corpus-loader-read');
    this.#parts.report.append(list);
  }

  #showWarnings(warnings) {
    if (warnings.length === 0) return;
    const items = warnings.map(({ file, line, message }) => where(file, line, message));
    this.#parts.report.append(reportList('Records skipped', warnings.length, items));
  }

  /** What the readers replaced or left out of the files they read: invalid bytes, feed items without text. */
  #showChanges(changes) {
    if (changes.length === 0) return;
    const items = changes.map(({ file, message }) => [file, message.replace(`${file}: `, '')]);
    const list = reportList('Changed while reading', changes.length, items);
    list.classList.add('corpus-loader-changed');
    this.#parts.report.append(list);
  }
}

/**
 * Split picked files into those the engine reads and those it does not, and
 * name the lot: the single file, the common folder, or "N files". Names lose
 * the common folder ("notes/2001/a.txt" → "2001/a.txt").
 */
function sortOut(picked) {
  const sorted = [...picked].sort((a, b) => a.path.localeCompare(b.path));
  const root = commonFolder(sorted.map(({ path }) => path));
  const accepted = [];
  const skipped = [];
  for (const { file, path: fullPath } of sorted) {
    const path = root ? fullPath.slice(root.length + 1) : fullPath;
    const ext = extensionOf(path);
    if (EXTENSIONS.includes(ext)) accepted.push({ file, path });
    else skipped.push({ path, reason: ext ? `.${ext} is not a format corpus-lens reads` : 'no extension to tell its format' });
  }
  const label = root ?? (accepted.length === 1 ? accepted[0].path : plural(accepted.length, 'file'));
  return { accepted, skipped, label };
}

/** A path's extension, lower case ("" if it has none). */
function extensionOf(path) {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
}

let choices = 0; // for the ids of the field choices

/** The first folder of every path, if they all share one. */
function commonFolder(paths) {
  const firsts = new Set(paths.map((path) => (path.includes('/') ? path.split('/')[0] : null)));
  const [only] = firsts;
  return firsts.size === 1 && only ? only : null;
}

/** Collect the files under a dropped entry, with their paths, into `out`. */
async function walk(entry, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\//, '') });
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    // readEntries answers in batches (of 100 in Chromium) until it answers [].
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out);
    }
  }
}

/**
 * A warning as [where, what]: its place ("notes.jsonl, line 2, column 20")
 * apart from the message, which repeats it ("notes.jsonl line 2, column 20:
 * invalid JSON…").
 */
function where(file, line, message) {
  const rest = message.startsWith(file) ? message.slice(file.length).trimStart() : message;
  const place = /^(line \d+(?:, column \d+)?):\s*/.exec(rest);
  if (place) return [`${file}, ${place[1]}`, rest.slice(place[0].length)];
  return [line > 0 ? `${file}, line ${line}` : file, rest.replace(/^:\s*/, '')];
}

/** The roles of a record's fields, in the order they are told. */
const ROLES = ['text', 'title', 'date', 'publication', 'author'];

/**
 * How a file was read: "2 documents, 1 record skipped; UTF-8; text from
 * “body”, title from “headline”" (a role read from its own name goes unsaid).
 */
function howRead({ documents, skipped, encoding, fields }) {
  const counts = [plural(documents, 'document'), ...(skipped ? [`${plural(skipped, 'record')} skipped`] : [])].join(', ');
  const mapped = Object.entries(fields)
    .sort(([a], [b]) => ROLES.indexOf(a) - ROLES.indexOf(b))
    .filter(([role, names]) => names.some((name) => name.toLowerCase() !== role.toLowerCase()))
    .map(([role, names]) => `${role} from ${names.map((name) => `“${name}”`).join(' or ')}`);
  // No encoding: a file given as text, or one whose format is not text (a Word document).
  return [counts, ...(encoding ? [encoding] : []), ...(mapped.length ? [mapped.join(', ')] : [])].join('; ');
}

/** "Files not read (2)" and a scrollable list of [where, what] pairs. */
function reportList(title, count, items) {
  const section = element('section', 'corpus-loader-list');
  // Level 2: the loader stands under the page's title, outside any view.
  const heading = element('h2', 'corpus-loader-list-title', `${title} `);
  heading.append(element('span', 'corpus-loader-count', `(${formatCount(count)})`));
  const list = element('ul', 'corpus-loader-items');
  list.tabIndex = 0; // scrollable: reachable from the keyboard
  list.setAttribute('aria-label', `${title} (${formatCount(count)})`);
  for (const [where, what] of items) {
    const item = element('li', 'corpus-loader-item');
    item.append(element('span', 'corpus-loader-where', where), ' ', element('span', 'corpus-loader-what', what));
    list.append(item);
  }
  section.append(heading, list);
  return section;
}

defineStateProperties(CorpusLoader, STATE_KEYS);
