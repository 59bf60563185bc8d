// Check that a freshly built (and wasm-opt-optimised) package still works:
// the module validates, instantiates, and answers one real call.
//
//   node scripts/check-wasm.mjs web www/pkg
//   node scripts/check-wasm.mjs nodejs pkg-node
//   node scripts/check-wasm.mjs nodejs pkg-node/readers corpus_lens_readers
//
// wasm-opt can emit a module that validates yet traps at run time (a feature
// flag the engine disagrees with), so a call through the bindings is the test.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// NAME: corpus_lens (the engine), corpus_lens_readers or corpus_lens_readers_pdf (readers/).
const [target, outDir, name = 'corpus_lens'] = process.argv.slice(2);
const dir = path.resolve(outDir);

async function loadWeb() {
  const bindings = await import(pathToFileURL(path.join(dir, `${name}.js`)).href);
  const bytes = await readFile(path.join(dir, `${name}_bg.wasm`));
  if (!WebAssembly.validate(bytes)) throw new Error(`${outDir}: the wasm module does not validate`);
  // The web target fetches its .wasm by URL; Node has no file fetch, so hand it the bytes.
  await bindings.default({ module_or_path: bytes });
  return bindings;
}

function loadNode() {
  return createRequire(import.meta.url)(path.join(dir, `${name}.js`));
}

const bindings = target === 'web' ? await loadWeb() : loadNode();
if (name.startsWith('corpus_lens_readers')) {
  const [read] = bindings.readFile('note.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
  if (read?.content !== 'caf\u00e9' || read.encoding !== 'windows-1252') {
    throw new Error(`${outDir}: readFile read windows-1252 bytes as ${JSON.stringify(read)}`);
  }
  process.exit(0);
}
const corpus = bindings.Corpus.embedded();
const stats = corpus.stats();
corpus.free();
if (!(stats.documents > 0)) {
  throw new Error(`${outDir}: the embedded corpus came back empty: ${JSON.stringify(stats)}`);
}
