// corpora/: the corpora a reader brings: opening a source (corpus-sources.js),
// loading files (corpus-loader.js), keeping them (this file), switching
// between them (corpus-switcher.js), and the corpus's totals (stats-line.js).
//
// The corpora a reader has loaded, kept in the browser's IndexedDB so that
// they survive a reload, and the alias table of each corpus (the embedded one
// included, under the id 'embedded').
//
// A summary ({id, name, created, bytes, documents, fileCount}) and the files
// are kept in separate object stores, so that listing the corpora never reads
// their text. Every function is async; a failure rejects with an Error whose
// message says what could not be done and why, in plain words.

const DB_NAME = 'corpus-lens';
const DB_VERSION = 1;
const SUMMARIES = 'corpora'; // id → {id, name, created, bytes, documents, fileCount}
const FILES = 'files'; // id → [{name, content}]
const ALIASES = 'aliases'; // corpus id → alias table

let opening = null;

/** The database, opened on first use and shared by every later call. */
function database() {
  opening ??= openDatabase().catch((error) => {
    opening = null; // let a later call try again
    throw error;
  });
  return opening;
}

function openDatabase() {
  return new Promise((resolve, reject) => {
    const unavailable = (reason) =>
      new Error(`Could not open the browser's storage (IndexedDB): ${reason}; private browsing can turn it off`);
    if (!globalThis.indexedDB) {
      reject(unavailable('this browser does not offer it'));
      return;
    }
    let request;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(unavailable(reasonOf(error)));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of [SUMMARIES, FILES, ALIASES]) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema: step aside, reopen on next use.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(unavailable(reasonOf(request.error)));
    request.onblocked = () => reject(unavailable('another tab holds an older version of it open'));
  });
}

/** Plain words for an IndexedDB error. */
function reasonOf(error) {
  if (error?.name === 'QuotaExceededError') return 'the browser has no storage space left for this site';
  return error?.message || error?.name || 'unknown error';
}

/**
 * Run `work(transaction)` on `stores`; it returns a function that reads the
 * result once the transaction has completed (so writes are on disk).
 */
async function transact(what, stores, mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const fail = (error) => reject(new Error(`Could not ${what}: ${reasonOf(error)}`, { cause: error }));
    let result;
    let transaction;
    try {
      transaction = db.transaction(stores, mode);
      result = work(transaction);
    } catch (error) {
      // A request refused as it is made (a full disk, a value that cannot
      // be stored): the ones made before it must not commit without it.
      try {
        transaction?.abort();
      } catch {
        // Already finished: nothing of it is pending.
      }
      fail(error);
      return;
    }
    transaction.oncomplete = () => resolve(result());
    transaction.onabort = () => fail(transaction.error);
  });
}

/** A new id, URL-safe and unique in practice: 'c-' + time + random, base 36. */
function newId() {
  const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(36);
  return `c-${Date.now().toString(36)}-${random}`;
}

/** The stored corpora, newest first: `[{id, name, created, bytes, documents, fileCount}]`. */
export async function listCorpora() {
  const summaries = await transact('list the saved corpora', SUMMARIES, 'readonly', (tx) => {
    const request = tx.objectStore(SUMMARIES).getAll();
    return () => request.result;
  });
  // ISO dates sort as strings; the id breaks ties between equal times.
  return summaries.sort((a, b) => b.created.localeCompare(a.created) || b.id.localeCompare(a.id));
}

/** The whole record `{id, name, created, bytes, documents, fileCount, files, aliases}`, or null. */
export function getCorpus(id) {
  return transact('read the saved corpus', [SUMMARIES, FILES, ALIASES], 'readonly', (tx) => {
    const summary = tx.objectStore(SUMMARIES).get(id);
    const files = tx.objectStore(FILES).get(id);
    const aliases = tx.objectStore(ALIASES).get(id);
    return () => summary.result
      ? { ...summary.result, files: files.result ?? [], aliases: aliases.result ?? null }
      : null;
  });
}

/**
 * Save a corpus: `name` (shown in the list), `files` (`[{name, bytes}]` or
 * `[{name, content}]`, each with its `fields` if it has them, as given to
 * CorpusClient.open) and `documents` (how
 * many it holds).
 * Resolves to its new id.
 */
export async function saveCorpus({ name, files, documents }) {
  if (typeof name !== 'string' || !Array.isArray(files) || files.length === 0) {
    throw new Error('Could not save the corpus: it needs a name and at least one file');
  }
  const id = newId();
  const summary = {
    id,
    name,
    created: new Date().toISOString(),
    // The size on disk: the bytes the loader read, or a text's UTF-8 size.
    bytes: files.reduce((sum, file) => sum + ('bytes' in file ? file.bytes.byteLength : utf8Length(file.content)), 0),
    documents,
    fileCount: files.length,
  };
  // A file's own `fields` (chosen in the loader) are kept with it: the corpus reopens as it was read.
  const plain = files.map((file) => ({
    ...('bytes' in file ? { name: file.name, bytes: file.bytes } : { name: file.name, content: file.content }),
    ...(file.fields ? { fields: { ...file.fields } } : {}),
  }));
  await transact(`save the corpus “${name}”`, [SUMMARIES, FILES], 'readwrite', (tx) => {
    tx.objectStore(SUMMARIES).put(summary, id);
    tx.objectStore(FILES).put(plain, id);
    return () => id;
  });
  return id;
}

/** The UTF-8 size of `text`, counted rather than encoded into a Blob. */
function utf8Length(text) {
  let bytes = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Two bytes up to U+07FF; three for the rest of the BMP; four for a
    // surrogate pair, two for each of its halves.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Delete a stored corpus and its aliases; an unknown id is not an error. */
export function deleteCorpus(id) {
  return transact('delete the saved corpus', [SUMMARIES, FILES, ALIASES], 'readwrite', (tx) => {
    for (const store of [SUMMARIES, FILES, ALIASES]) tx.objectStore(store).delete(id);
    return () => undefined;
  });
}

/** Keep `table` as the alias table of corpus `corpusId` ('embedded' too); null removes it. */
export function saveAliases(corpusId, table) {
  return transact('save the alias table', ALIASES, 'readwrite', (tx) => {
    if (table == null) tx.objectStore(ALIASES).delete(corpusId);
    else tx.objectStore(ALIASES).put(table, corpusId);
    return () => undefined;
  });
}

/** The alias table kept for `corpusId`, or null. */
export function getAliases(corpusId) {
  return transact('read the alias table', ALIASES, 'readonly', (tx) => {
    const request = tx.objectStore(ALIASES).get(corpusId);
    return () => request.result ?? null;
  });
}
