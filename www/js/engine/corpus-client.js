// engine/: the one door to the wasm engine: the worker that holds a corpus
// (corpus-worker.js), this client the views call, the main-thread engine
// for a plain Corpus (engine.js), and what the single file inlines.
//
// A corpus that lives in a Web Worker (corpus-worker.js). It has the methods
// of the wasm `Corpus`, returning promises, so a view written as
// `await corpus.search(...)` works with either. Each open corpus has its own
// worker: cancelling a load terminates it and leaves the previous corpus as
// it was.
//
// Events: `change` after the alias table changes, so views refetch.
import { INLINE } from './inline.js';
import { scriptBlobUrl, workerScriptUrl } from './trusted-types.js';

/** The wasm Corpus methods a client forwards; see the README's JS API. */
const METHODS = /** @type {const} */ ([
  'document', 'memory', 'search', 'kwic', 'terms', 'termTrend', 'entities', 'entity', 'mentions',
  'annotate', 'citations', 'aliases', 'cooccurrence', 'cooccurrenceColumns', 'matrix', 'timeline',
  'keyness', 'collocates', 'evidence', 'exportNetwork', 'duplicates',
]);

/**
 * The types the engine declares (src/wasm.d.ts), for `npm run typecheck`.
 * @typedef {import('../../pkg/corpus_lens.js').Corpus} Corpus
 * @typedef {import('../../pkg/corpus_lens.js').AliasEntry} AliasEntry
 * @typedef {import('../../pkg/corpus_lens.js').AliasTable} AliasTable
 * @typedef {import('../../pkg/corpus_lens.js').DocumentSummary} DocumentSummary
 * @typedef {import('../../pkg/corpus_lens.js').CorpusStats} CorpusStats
 * @typedef {import('../../pkg/corpus_lens.js').LoadWarning} LoadWarning
 * @typedef {import('../../pkg/corpus_lens.js').LoadedSource} LoadedSource
 * @typedef {import('../../pkg/corpus_lens.js').SourceFile} SourceFile
 */

/**
 * What a worker opens: the embedded corpus, or files; `aliases` replaces
 * the shipped alias table (a whole table, or the entries of one kept before
 * tables had decisions); `skipInvalid` (default true) skips bad records.
 * @typedef {{kind: 'embedded' | 'files', files?: SourceFile[], aliases?: AliasTable | AliasEntry[] | null, skipInvalid?: boolean, name?: string}} Source
 */

/**
 * A CorpusClient with the forwarded methods as the engine declares them,
 * each result promised: `await client.search(...)` is a SearchResults.
 * @typedef {CorpusClient & {[M in typeof METHODS[number]]: (...args: Parameters<Corpus[M]>) => Promise<ReturnType<Corpus[M]>>}} Client
 */

/**
 * What a view is handed as its `corpus`: a Client, or a wasm Corpus on the
 * main thread (engine.js); `await corpus.search(...)` reads either.
 * @typedef {Client | Corpus} AnyCorpus
 */

/**
 * The worker that holds a corpus. Beside this module as a rule; a page on
 * another origin than the modules (a widget embedded from elsewhere) may not
 * start a worker from there, so it starts one from a blob that imports it.
 * The single-file build has the worker inline, as a classic script: Chromium
 * starts no module worker from a blob in a page opened from a file.
 */
function startWorker() {
  const beside = new URL('./corpus-worker.js', import.meta.url).href;
  if (INLINE.worker) return new Worker(workerScriptUrl(scriptBlobUrl(INLINE.worker), beside));
  /** @type {WorkerOptions} */
  const options = { type: 'module' };
  if (new URL(beside).origin === location.origin) return new Worker(workerScriptUrl(beside, beside), options);
  const importer = scriptBlobUrl(`import ${JSON.stringify(beside)};`);
  return new Worker(workerScriptUrl(importer, beside), options);
}

export class CorpusClient extends EventTarget {
  #worker;
  #pending = new Map(); // id → {resolve, reject, onProgress}
  #nextId = 0;
  /** `corpus.documents()`, `stats()`, `warnings()`, `sources()` and `fingerprint()` as of the open: they change only with a new corpus. */
  /** @type {{documents: DocumentSummary[], stats: CorpusStats, warnings: LoadWarning[], sources: LoadedSource[], fingerprint: string, shippedAliases: Required<AliasTable>}} */
  #summary = { documents: [], stats: null, warnings: [], sources: [], fingerprint: '', shippedAliases: { entries: [], types: [], notEntities: [], reviewed: [] } };

  constructor() {
    super();
    this.#worker = startWorker();
    this.#worker.addEventListener('message', ({ data }) => this.#reply(data));
    this.#worker.addEventListener('error', (event) => this.#failAll(new Error(`The corpus worker failed: ${event.message ?? 'unknown error'}`)));
  }

  /**
   * Open `source` in a new worker: `{kind: 'embedded'}` or
   * `{kind: 'files', files: [{name, content}], aliases?}`. `onProgress`
   * receives `{phase, label}`; aborting `signal` terminates the worker and
   * rejects with an AbortError.
   * @param {Source} source
   * @param {{onProgress?: (progress: {phase: string, label: string}) => void, signal?: AbortSignal}} [options]
   * @returns {Promise<Client>}
   */
  static async open(source, { onProgress, signal } = {}) {
    const cancelled = () => new DOMException('Loading was cancelled', 'AbortError');
    if (signal?.aborted) throw cancelled();
    const client = new CorpusClient();
    // The waiting open is rejected first, so that its caller sees the AbortError.
    const onAbort = () => {
      client.#failAll(cancelled());
      client.close();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      client.#summary = await client.#request('open', [source], onProgress);
      return /** @type {Client} */ (client);
    } catch (error) {
      client.close();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  documents() {
    return this.#summary.documents;
  }

  stats() {
    return this.#summary.stats;
  }

  /** The corpus's content fingerprint (`sha256:…`, see Corpus.fingerprint). */
  fingerprint() {
    return this.#summary.fingerprint;
  }

  /** The alias table the engine ships, before any edits saved for this corpus. */
  shippedAliases() {
    return this.#summary.shippedAliases;
  }

  /** Records and files skipped while loading, each `{file, line, message}`. */
  warnings() {
    return this.#summary.warnings;
  }

  /** The files loaded: each one's encoding, documents, records skipped and the fields that gave each role. */
  sources() {
    return this.#summary.sources;
  }

  /** Replace the alias table; every view listening for `change` refetches. */
  async setAliases(table) {
    await this.#request('setAliases', [table]);
    this.dispatchEvent(new Event('change'));
  }

  /**
   * `Corpus.previewFile` of each of `files`, in a worker of its own, closed
   * after: the first records of each as `{columns, text, rows}`, or null
   * where the file cannot be read at all.
   */
  static async previewFiles(files, options) {
    const client = new CorpusClient();
    try {
      return await Promise.all(files.map((file) => client.#request('previewFile', [file, options]).catch(() => null)));
    } finally {
      client.close();
    }
  }

  /** Call the wasm Corpus method `method` in the worker. */
  call(method, ...args) {
    return this.#request(method, args);
  }

  /** Stop the worker; later calls reject. */
  close() {
    this.#worker.terminate();
    this.#failAll(new Error('This corpus was closed'));
  }

  #request(method, args, onProgress = null) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ id, method, args });
    });
  }

  #reply({ id, result, error, progress }) {
    const pending = this.#pending.get(id);
    if (!pending) return;
    if (progress) {
      pending.onProgress?.(progress);
      return;
    }
    this.#pending.delete(id);
    if (error) {
      const { message, ...fields } = error; // name, and the engine's kind, position, file and line
      pending.reject(Object.assign(new Error(message), fields));
    }
    else pending.resolve(result);
  }

  #failAll(error) {
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}

for (const method of METHODS) {
  CorpusClient.prototype[method] = function forward(...args) {
    return this.call(method, ...args);
  };
}
