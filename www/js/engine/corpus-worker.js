// The corpus lives here, in a Web Worker, so that loading, indexing,
// extraction and network computation never freeze the page. The page talks to
// it through corpus-client.js: each request is {id, method, args}; each reply
// is {id, result} or {id, error}, and an open reports its phases as
// {id, progress} before its result.
import init, { Corpus, loadEntityModel, loadPdfReader, loadReaders, needsPdfReader, needsReaders, readFiles, wasmMemoryBytes } from '../../pkg/corpus_lens.js';
import { INLINE } from './inline.js';

const base64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * The learned entity tagger's model, which the wasm module does not embed:
 * inline in the single file, else fetched from beside the module while it
 * compiles. Without it entities would silently differ, so a failed fetch
 * fails every request, saying why.
 */
async function entityModel() {
  if (INLINE.model) return base64(INLINE.model);
  const url = new URL(INLINE.modelPath ?? '../../pkg/entities.crfsuite', import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The entity model could not be fetched: HTTP ${response.status} for ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

// The wasm module beside the bundled worker, or inline in the single file.
const ready = Promise.all([INLINE.wasm ? init({ module_or_path: base64(INLINE.wasm) }) : init(), entityModel()])
  .then(([, model]) => loadEntityModel(model));
/**
 * `files` as the engine reads them: each file of a format the readers module
 * reads (web pages, feeds, Word, archives, any encoding) replaced by what it
 * made of it, the module loaded the first time a file needs it, and its build
 * with PDF the first time a PDF is met (also inside an archive). Inline in the
 * single file, else from beside the engine's module.
 */
async function readersFor(files) {
  if (!files?.some(needsReaders)) return files;
  await loadReaders(INLINE.readers ? base64(INLINE.readers) : undefined);
  const read = readFiles(files);
  if (!read.some(needsPdfReader)) return read;
  await loadPdfReader(INLINE.readersPdf ? base64(INLINE.readersPdf) : undefined);
  return readFiles(read);
}
let corpus = null;
/** The entities of `corpus` being extracted a slice at a time: resolves when they are ready. */
let extraction = null;

// Calls that never read the entities, answered while they are extracted.
// Any other waits for them. (One listed here by mistake would extract the
// rest at once in the engine: slower, never wrong.)
const WITHOUT_ENTITIES = new Set(['documents', 'document', 'stats', 'warnings', 'memory', 'kwic', 'terms', 'termTrend', 'keyness', 'aliases']);
/** About how long each slice of extraction runs before requests are answered. */
const SLICE_MS = 40;

/** Build the corpus of a source, reporting each phase as it starts. */
function open(source, progress) {
  progress({ phase: 'index', label: 'Reading and indexing' });
  // The explorer's loader keeps what it can and lists the rest; a widget asks.
  const skipInvalid = source.skipInvalid ?? true;
  const next = source.kind === 'embedded' ? Corpus.embedded() : Corpus.load(source.files, { skipInvalid });
  // The table before this corpus's saved edits: what undoing them restores.
  const shippedAliases = next.aliases();
  if (source.aliases) next.setAliases(source.aliases);
  corpus?.free();
  corpus = next;
  extraction = extractEntities(corpus, corpus.stats().documents);
  return { documents: corpus.documents(), stats: corpus.stats(), warnings: corpus.warnings(), sources: corpus.sources(), fingerprint: corpus.fingerprint(), shippedAliases };
}

/**
 * Extract the entities of `target` now, a slice of documents at a time, so
 * that a large corpus is searchable and readable while they are found (50 MB
 * takes the learned tagger about 20 s); requests that need them wait.
 */
async function extractEntities(target, total) {
  let count = 4;
  for (;;) {
    // Let the open's reply, and any request queued meanwhile, go first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (target !== corpus) return;
    const start = performance.now();
    if (target.prepareEntities(count) >= total) break;
    const elapsed = Math.max(performance.now() - start, 1);
    count = Math.max(1, Math.min(count * 4, Math.round((count * SLICE_MS) / elapsed)));
  }
  if (target === corpus) extraction = null;
}

/**
 * What the page needs of a thrown error: a message can cross to the page
 * alone, so the engine's structured fields (`kind`; `position` in a query;
 * `file` and `line` in a loaded file) are copied across with it.
 */
function errorFields(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    // A trap: the engine checks the memory a load needs before it starts,
    // but one enormous document can still outgrow it. This worker's module
    // is spent; other corpora live in workers of their own.
    return {
      name: 'Error',
      kind: 'engine-stopped',
      message: `the engine stopped (${error.message}), most likely out of memory: this corpus cannot be opened in this browser; split it into smaller files`,
    };
  }
  const fields = { name: error?.name ?? 'Error', message: String(error?.message ?? error) };
  for (const key of ['kind', 'position', 'file', 'line']) {
    if (error?.[key] !== undefined) fields[key] = error[key];
  }
  return fields;
}

self.addEventListener('message', async ({ data: { id, method, args } }) => {
  try {
    await ready;
    let result;
    if (method === 'open') {
      const files = await readersFor(args[0].files);
      result = open({ ...args[0], files }, (progress) => self.postMessage({ id, progress }));
    } else if (method === 'previewFile') {
      await readersFor([args[0]]);
      result = Corpus.previewFile(args[0], args[1]);
    } else if (method === 'wasmMemoryBytes') {
      // The worker's module, not a corpus: for measuring (npm run bench).
      result = wasmMemoryBytes();
    } else if (!corpus) {
      throw new Error('No corpus is open yet');
    } else if (typeof corpus[method] !== 'function' || method === 'free' || method.startsWith('__')) {
      throw new Error(`Unknown corpus method '${method}'`);
    } else {
      if (extraction && !WITHOUT_ENTITIES.has(method) && !(method === 'search' && !args[1]?.facets)) await extraction;
      result = corpus[method](...args);
    }
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: errorFields(error) });
  }
});
