// Benchmark section: entity extraction. Throughput of `extractEntities` side
// by side with compromise (people, places, organisations) and wink-nlp's
// full pipeline (its entities) on the same slice of SOTU in this process,
// then extraction over all of SOTU inside a loaded corpus, which
// `corpus.entities({})` triggers on first use; then what a call costs before
// it reads any text, and the first call of a fresh process (issue 14).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

import { formatMs, formatThroughput, markdownTable, time } from './measure.mjs';

export const title = 'Entities';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
/** The slice every system reads: the first addresses, up to this many characters. */
const SLICE_CHARS = 300_000;
/** compromise reads ~60 KB/s, so it gets fewer timed runs. */
const SLOW_RUNS = 2;

/** Run the section; `bench` is `{Corpus, data, runs}` (`extractEntities` optional). */
export function run({ Corpus, data, runs, extractEntities }) {
  const extract = extractEntities ?? createRequire(import.meta.url)(path.join(ROOT, 'pkg-node')).extractEntities;
  const text = slice(data.content);
  const bytes = Buffer.byteLength(text);
  const wink = winkNLP(model);
  const systems = [
    ['corpus-lens `extractEntities`', () => extract(text, {}), runs],
    ['wink-nlp `readDoc` + `entities()`', () => wink.readDoc(text).entities().out(), Math.min(runs, 3)],
    ['compromise `people()`, `places()`, `organizations()`', () => compromiseAll(text), Math.min(runs, SLOW_RUNS)],
  ];
  const timed = systems.map(([name, fn, n]) => [name, time(fn, { runs: n })]);
  const ours = timed[0][1].median;
  const rows = timed.map(([name, { median, min, runs: n }]) => [
    name, formatMs(median), formatMs(min), formatThroughput(bytes, median), ratio(median / ours), n,
  ]);
  const whole = wholeCorpus(Corpus, data, runs);
  return [
    `The same ${(bytes / 1e3).toFixed(0)} KB of SOTU text (the first addresses, joined by blank lines) for every system.`,
    markdownTable(['extraction', 'median', 'min', 'throughput (median)', 'time vs ours', 'runs'], rows),
    markdownTable(['all of SOTU in wasm', 'median', 'min', 'throughput (median)', 'entities'], [whole]),
    'What a call costs before it reads any text, and the first call of a fresh Node process (the model loaded, the gazetteers built on first use), on the five seed articles:',
    markdownTable(['`extractEntities`', 'median', 'min', 'runs'], [...fixedCost(extract, runs), firstCall(runs)]),
  ].join('\n\n');
}

/** Per call, over 10,000 calls each run: an empty text, and one short sentence. */
function fixedCost(extract, runs) {
  const CALLS = 10_000;
  return [['`\'\'`', ''], ['`\'Putin met Mori in Tokyo.\'`', 'Putin met Mori in Tokyo.']].map(([label, text]) => {
    const { median, min } = time(() => { for (let i = 0; i < CALLS; i += 1) extract(text, {}); }, { runs });
    return [`${label}, per call`, `${(median / CALLS * 1000).toFixed(1)} µs`, `${(min / CALLS * 1000).toFixed(1)} µs`, runs];
  });
}

/** The first call on the seeds in a fresh process each run (its own timing, printed by the child). */
function firstCall(runs) {
  const seeds = path.join(ROOT, 'seeds');
  const text = readdirSync(seeds).sort().map((f) => readFileSync(path.join(seeds, f), 'utf8')).join('\n\n');
  const child = `const { extractEntities } = require(${JSON.stringify(path.join(ROOT, 'pkg-node'))});
const text = require('fs').readFileSync(0, 'utf8');
const start = performance.now(); extractEntities(text, {}); console.log(performance.now() - start);`;
  const samples = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['-e', child], { input: text }).toString()));
  samples.sort((a, b) => a - b);
  return [`first call, seeds (${(Buffer.byteLength(text) / 1e3).toFixed(0)} KB)`, formatMs(samples[Math.floor(samples.length / 2)]), formatMs(samples[0]), runs];
}

/** 163× and 16×, but 0.77× and 1.3×: two significant digits below 10. */
function ratio(x) {
  return `${x >= 10 ? x.toFixed(0) : x.toPrecision(2)}×`;
}

/** The first addresses' texts, joined by blank lines, cut at a paragraph near SLICE_CHARS. */
function slice(content) {
  const texts = content.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text ?? '');
  const joined = texts.join('\n\n').slice(0, SLICE_CHARS);
  const cut = joined.lastIndexOf('\n\n');
  return cut > 0 ? joined.slice(0, cut) : joined;
}

function compromiseAll(text) {
  const doc = nlp(text);
  return [doc.people().out('offset'), doc.places().out('offset'), doc.organizations().out('offset')];
}

/** `corpus.entities({})` on a freshly loaded corpus each run: extraction of every document. */
function wholeCorpus(Corpus, data, runs) {
  const files = [{ name: 'sotu.jsonl', content: data.content }];
  const samples = [];
  let count = 0;
  for (let i = 0; i <= runs; i += 1) {
    const corpus = Corpus.load(files);
    const start = performance.now();
    count = corpus.entities({}).length;
    const elapsed = performance.now() - start;
    corpus.free();
    if (i > 0) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  return ['`corpus.entities({})`, first call', formatMs(median), formatMs(samples[0]), formatThroughput(data.bytes, median), count.toLocaleString('en')];
}
