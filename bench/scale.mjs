// Benchmark section: synthetic corpora of 50 MB and 200 MB (bench/synthetic.mjs,
// SOTU cut into article-sized pieces), in Node and in the explorer in
// Chromium. Node: each size in a child process of its own, so that the wasm
// memory it reports is that corpus's alone (linear memory never shrinks).
// Chromium: the explorer's own loader reads the file in its worker, as a user
// would pick it, while the page records its longest gap between frames.
//
//   node bench/scale.mjs child MEGABYTES FILE     (the child, printing JSON)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, startServer } from './browser.mjs';
import { formatMs, markdownTable } from './measure.mjs';
import { syntheticCorpus } from './synthetic.mjs';

export const title = 'At scale: 50 MB and 200 MB';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const SIZES = [50, 200];
const SELF = fileURLToPath(import.meta.url);

/** In a fresh process: load FILE as bytes and time what a user does first. */
function child(file) {
  const { Corpus, wasmMemoryBytes } = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node'));
  const bytes = readFileSync(file);
  const before = wasmMemoryBytes();
  const timed = (fn) => {
    const start = performance.now();
    const value = fn();
    return [performance.now() - start, value];
  };
  const [load, corpus] = timed(() => Corpus.load([{ name: path.basename(file), bytes }]));
  const loaded = wasmMemoryBytes() - before;
  const stats = corpus.stats();
  const [entities] = timed(() => corpus.entities({ limit: 20 }));
  const [network] = timed(() => corpus.cooccurrence({ unit: 'sentence' }));
  const [search] = timed(() => corpus.search('nuclear weapons'));
  const [kwic] = timed(() => corpus.kwic('slavery', { limit: 100 }));
  return {
    load, entities, network, search, kwic, stats,
    memoryLoaded: loaded, memoryAfter: wasmMemoryBytes() - before, bytes: bytes.length,
  };
}

/**
 * The explorer at `url` loads `file` through its file input, as a user picks
 * it. Recorded in the page: when the loader's phases began, when the corpus
 * opened, how long a search sent right then took (entities are still being
 * found), when the entities were ready, and the longest gap between frames
 * until then.
 */
async function inChromium(browser, url, file) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(() => {
      const loader = document.querySelector('corpus-loader');
      const label = loader?.shadowRoot?.querySelector('.corpus-loader-progress-label') ?? loader?.querySelector('.corpus-loader-progress-label');
      const record = { phases: [], longestGap: 0, start: 0, opened: 0, search: 0, entities: 0, network: 0, kwic: 0, memory: 0 };
      window.scaleRecord = record;
      // The loader's error, if the corpus could not be opened.
      window.loaderAlert = () => loader?.shadowRoot?.querySelector('[role="alert"]:not([hidden])')?.textContent;
      new MutationObserver(() => record.phases.push([label.textContent, performance.now()])).observe(label, { childList: true, characterData: true, subtree: true });
      document.addEventListener('corpus-loaded', async ({ detail: { client } }) => {
        record.opened = performance.now();
        await client.search('nuclear weapons', { limit: 10 });
        record.search = performance.now() - record.opened;
        await client.entities({ limit: 1 });
        const ready = performance.now();
        await client.cooccurrence({ unit: 'sentence' });
        record.network = performance.now() - ready;
        const network = performance.now();
        await client.kwic('slavery', { limit: 100 });
        record.kwic = performance.now() - network;
        record.memory = await client.call('wasmMemoryBytes');
        record.entities = ready;
      }, { once: true });
      let last = performance.now();
      const frame = (now) => {
        if (record.start) record.longestGap = Math.max(record.longestGap, now - last);
        last = now;
        if (!record.entities) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.evaluate(() => { window.scaleRecord.start = performance.now(); });
    await page.locator('corpus-loader input.corpus-loader-files').setInputFiles(file);
    await page.waitForFunction(() => window.scaleRecord.entities || window.loaderAlert(), null, { timeout: 15 * 60_000, polling: 500 });
    return await page.evaluate(() => ({ ...window.scaleRecord, error: window.scaleRecord.entities ? null : window.loaderAlert() }));
  } finally {
    await page.close();
  }
}

/** When the loader began saving, from its label's texts. */
function savingStart(record) {
  return record.phases.find(([text]) => /^Saving/.test(text))?.[1];
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

/** Run the section; `bench` is `{data}` (the SOTU file). */
export async function run({ data }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-scale-'));
  const { server, url } = startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows = { node: [], chromium: [] };
  const version = browser.version();
  try {
    for (const size of SIZES) {
      const corpus = syntheticCorpus(data.content, size);
      const file = path.join(dir, `synthetic-${size}mb.jsonl`);
      writeFileSync(file, corpus.content);
      const node = JSON.parse(execFileSync(process.execPath, [SELF, 'child', file], { maxBuffer: 1 << 20 }).toString());
      const text = node.stats.chars;
      rows.node.push([
        `${size} MB (${corpus.articles.toLocaleString('en')} articles, ${(node.stats.words / 1e6).toFixed(1)} M words)`,
        formatMs(node.load),
        `${megabytes(node.memoryLoaded)} (${(node.memoryLoaded / node.bytes).toFixed(2)}× the file, ${(node.memoryLoaded / text).toFixed(2)}× the text)`,
        formatMs(node.entities), formatMs(node.network), formatMs(node.search), formatMs(node.kwic),
      ]);
      const record = await inChromium(browser, await url, file);
      const saving = savingStart(record);
      rows.chromium.push(record.error
        ? [`${size} MB`, `refused: ${record.error}`, '', '', '', '', '', '', '']
        : [
          `${size} MB`,
          formatMs(saving - record.start),
          formatMs(record.opened - record.start),
          formatMs(record.search),
          formatMs(record.entities - record.start),
          formatMs(record.network),
          formatMs(record.kwic),
          `${megabytes(record.memory)} (${(record.memory / node.bytes).toFixed(2)}×)`,
          formatMs(record.longestGap),
        ]);
    }
  } finally {
    await browser.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    `Node, ${SIZES.length} fresh processes: \`Corpus.load\` of the file as bytes, the wasm memory it took (linear memory growth; `
      + 'it includes the 2.5× the engine reserves before loading a JSON Lines file), then the first `entities()` (extraction of the whole corpus), '
      + 'a sentence network, a search (`nuclear weapons`) and a KWIC (`slavery`, 100 lines).',
    markdownTable(['corpus', 'load', 'wasm memory', 'first entities', 'sentence network', 'search', 'KWIC'], rows.node),
    `The explorer in Chromium (${await version}), the file chosen in its loader, times from the choice: the file read and `
      + 'indexed in the worker (the loader then saves it to IndexedDB), the corpus open in the page, a search sent at that moment '
      + '(answered while the worker finds the entities between requests), the entities ready, then a sentence network and a KWIC '
      + 'asked of the worker, the worker\'s wasm memory (and its ratio to the file), and the longest gap between two frames of the '
      + 'page until all of it was answered.',
    markdownTable(['corpus', 'read and indexed', 'open (saved)', 'search meanwhile', 'entities ready', 'sentence network', 'KWIC',
      'wasm memory', 'longest frame gap'], rows.chromium),
  ].join('\n\n');
}

if (process.argv[2] === 'child') {
  process.stdout.write(JSON.stringify(child(process.argv[3])));
}
