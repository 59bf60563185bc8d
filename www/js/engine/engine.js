// The wasm module on the main thread, for a page that embeds a view with a
// plain Corpus (the explorer itself keeps its corpus in corpus-worker.js):
// initialise the module once, and open the embedded corpus.
import init, { Corpus } from '../../pkg/corpus_lens.js';

let ready = null;

/** Initialise the wasm module; later calls share the first one's promise. */
export function initEngine() {
  ready ??= init();
  return ready;
}

/** The corpus of seed articles compiled into the module. */
export async function embeddedCorpus() {
  await initEngine();
  return Corpus.embedded();
}
