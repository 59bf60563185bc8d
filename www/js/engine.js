// The one place the page touches the wasm module: initialise it once, and
// turn its plain-data results into what the views show.
import init, { Corpus } from '../pkg/corpus_lens.js';

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

const numberFormat = new Intl.NumberFormat('en');

/** A count with thousands separators: 12345 → "12,345". */
export function formatCount(n) {
  return numberFormat.format(n);
}

/** What to show for a document's date: the full date, else the year, else "". */
export function displayDate(doc) {
  return doc.date ?? (doc.year == null ? '' : String(doc.year));
}
