// Benchmark section: loading SOTU in the browser. Debian's Chromium (through
// playwright-core) opens the served page, and the page's own copy of the wasm
// module loads the file through `Corpus.load` and answers a search.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { formatBytes, formatMs, markdownTable } from './measure.mjs';

export const title = 'In the browser';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];

/** Runs inside the page: load the file `runs` times, then search it once. */
async function loadInPage({ content, runs }) {
  const { default: init, Corpus, wasmMemoryBytes } = await import('./pkg/corpus_lens.js');
  await init();
  const before = wasmMemoryBytes();
  const times = [];
  let corpus = null;
  for (let i = 0; i < runs; i += 1) {
    corpus?.free();
    const start = performance.now();
    corpus = Corpus.load([{ name: 'sotu.jsonl', content }]);
    times.push(performance.now() - start);
  }
  const start = performance.now();
  const results = corpus.search('"united states" slavery', { limit: 10 });
  const search = performance.now() - start;
  return { times, search, total: results.total, documents: corpus.stats().documents, memory: wasmMemoryBytes() - before };
}

/** scripts/serve.mjs on a free port: `{server, url}` (a promise of its address). */
export function startServer() {
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise((resolve) => {
    server.stdout.setEncoding('utf8');
    server.stdout.once('data', (chunk) => resolve(chunk.split('\n')[0].trim()));
  });
  return { server, url };
}

/** Run the section; `bench` is `{data, runs}`. */
export async function run({ data, runs }) {
  const { server, url } = startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(await url);
    const result = await page.evaluate(loadInPage, { content: data.content, runs });
    const sorted = [...result.times].sort((a, b) => a - b);
    const rows = [
      ['`Corpus.load` (sotu.jsonl), median', formatMs(sorted[Math.floor(sorted.length / 2)])],
      ['`Corpus.load`, fastest', formatMs(sorted[0])],
      ['first search afterwards (`"united states" slavery`)', formatMs(result.search)],
      ['wasm memory growth', formatBytes(result.memory)],
    ];
    return `${result.documents} documents loaded in Chromium (${(await browser.version())}), ${runs} runs; the search found ${result.total}.\n\n${markdownTable(['', 'Chromium'], rows)}`;
  } finally {
    await browser.close();
    server.kill();
  }
}
