// Index memory of one engine, in a fresh process: `node --expose-gc
// bench/search-memory.mjs ours|flexsearch|minisearch|lunr` prints
// `{"bytes": N, "indexBytes": M}`.
// Ours is the growth of wasm linear memory while the corpus is built (its
// text, sentences and positional index), and the index alone by
// `corpus.memory()`; the peers', the growth of the JS heap after garbage
// collection while their index is built.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PEER_BUILDERS, peerDocuments } from './search-engines.mjs';
import { readSotu } from './sotu-data.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');

/** The engines by the name given on the command line. */
const BUILDERS = {
  ours: (records) => createRequire(import.meta.url)(path.join(ROOT, 'pkg-node')).Corpus.fromDocuments(records),
  flexsearch: (records, docs) => PEER_BUILDERS['FlexSearch 0.8'](docs),
  minisearch: (records, docs) => PEER_BUILDERS.MiniSearch(docs),
  lunr: (records, docs) => PEER_BUILDERS['lunr 2'](docs),
};

function main() {
  const engine = process.argv[2];
  const build = BUILDERS[engine];
  if (!build) throw new Error(`unknown engine ${JSON.stringify(engine)}; expected one of ${Object.keys(BUILDERS).join(', ')}`);
  const records = readSotu(ROOT).content.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const { wasmMemoryBytes } = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node'));
  const docs = peerDocuments(records);
  globalThis.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const wasmBefore = wasmMemoryBytes();
  const index = build(records, docs);
  globalThis.gc();
  const bytes = engine === 'ours' ? wasmMemoryBytes() - wasmBefore : process.memoryUsage().heapUsed - heapBefore;
  // Ours also reports the index alone, comparable with the peers' heaps (which
  // exclude the text, already in the JS heap as the records).
  const indexBytes = engine === 'ours' ? index.memory().index : bytes;
  console.log(JSON.stringify({ engine, bytes, indexBytes }));
}

main();
