// `npm run bench`: every benchmark section in one Node process, printed as
// Markdown (paste-ready for the README). Timings are reported, never judged.
//
// A section is a module under bench/ exporting `title` and
// `run({Corpus, wasmMemoryBytes, data, runs})`, which returns Markdown (or a
// promise of it).
// Add one by importing it into SECTIONS below.
//
// BENCH_RUNS sets the timed runs per measurement (default 7, after one
// warm-up run); SOTU_JSONL points at the data if it is not beside the repo.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as loading from './loading.mjs';
import * as browser from './browser.mjs';
import * as cooccur from './cooccur.mjs';
import * as search from './search.mjs';
import * as entities from './entities.mjs';
import * as widgets from './widgets.mjs';
import * as scale from './scale.mjs';
import * as pages from './pages.mjs';
import { howToGetSotu, readSotu } from './sotu-data.mjs';

const SECTIONS = [loading, search, entities, cooccur, browser, widgets, scale, pages];

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');

function runCount() {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a positive integer, not ${process.env.BENCH_RUNS}`);
  return runs;
}

function environment(runs) {
  const wasm = path.join(ROOT, 'pkg-node/corpus_lens_bg.wasm');
  const wasmKiB = Math.round(statSync(wasm).size / 1024);
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return `corpus-lens ${version}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} `
    + `(${os.cpus().length} cores); wasm module ${wasmKiB} KiB; median and min of ${runs} runs after 1 warm-up.`;
}

async function main() {
  const data = readSotu(ROOT);
  if (!data) {
    console.log(howToGetSotu(ROOT));
    return;
  }
  const { Corpus, wasmMemoryBytes } = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node'));
  const runs = runCount();
  console.log(`# corpus-lens benchmarks\n\n${environment(runs)}`);
  for (const section of SECTIONS) {
    console.log(`\n## ${section.title}\n\n${await section.run({ Corpus, wasmMemoryBytes, data, runs })}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
