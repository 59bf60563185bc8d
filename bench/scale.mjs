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

/** The explorer at `url` loads `file` through its file input; phases, frame gaps, total. */
async function inChromium(browser, url, file) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(() => {
      const loader = document.querySelector('corpus-loader');
      const label = loader?.shadowRoot?.querySelector('.corpus-loader-progress-label') ?? loader?.querySelector('.corpus-loader-progress-label');
      const record = { phases: [], longestGap: 0, gaps: [], done: null, error: null, start: 0 };
      window.scaleRecord = record;
      new MutationObserver(() => record.phases.push([label.textContent, performance.now()])).observe(label, { childList: true, characterData: true, subtree: true });
      document.addEventListener('corpus-loaded', () => { record.done = performance.now(); }, { once: true });
      let last = performance.now();
      const frame = (now) => {
        if (record.start && !record.done) {
          record.longestGap = Math.max(record.longestGap, now - last);
          if (now - last > 100) record.gaps.push([Math.round(last - record.start), Math.round(now - last)]);
        }
        last = now;
        if (!record.done) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const input = page.locator('corpus-loader input.corpus-loader-files');
    await page.evaluate(() => { window.scaleRecord.start = performance.now(); });
    await input.setInputFiles(file);
    await page.waitForFunction(() => window.scaleRecord.done
      || document.querySelector('corpus-loader')?.shadowRoot?.querySelector('[role="alert"]:not([hidden])')?.textContent,
    null, { timeout: 15 * 60_000, polling: 500 });
    const record = await page.evaluate(() => {
      const alert = document.querySelector('corpus-loader')?.shadowRoot?.querySelector('[role="alert"]:not([hidden])');
      return { ...window.scaleRecord, error: window.scaleRecord.done ? null : alert?.textContent };
    });
    return record;
  } finally {
    await page.close();
  }
}

/** When each phase of the loader began, from its label's texts: `{reading, indexing, entities, saving}`. */
function phaseStarts(record) {
  const first = (pattern) => record.phases.find(([text]) => pattern.test(text))?.[1];
  return {
    indexing: first(/^Reading and indexing/),
    entities: first(/^Finding entities/),
    saving: first(/^Saving/),
  };
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
      const phase = phaseStarts(record);
      const span = (from, to) => (from && to ? formatMs(to - from) : '');
      rows.chromium.push(record.error
        ? [`${size} MB`, `refused: ${record.error}`, '', '', '', '']
        : [
          `${size} MB`,
          span(record.start, phase.entities),
          span(phase.entities, phase.saving),
          span(phase.saving, record.done),
          formatMs(record.done - record.start),
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
      + 'it includes the 3× the engine reserves before loading), then the first `entities()` (extraction of the whole corpus), '
      + 'a sentence network, a search (`nuclear weapons`) and a KWIC (`slavery`, 100 lines).',
    markdownTable(['corpus', 'load', 'wasm memory', 'first entities', 'sentence network', 'search', 'KWIC'], rows.node),
    `The explorer in Chromium (${version}), the file chosen in its loader: reading and indexing in the worker, `
      + 'finding entities, saving to IndexedDB, the whole load, and the longest gap between two frames of the page meanwhile.',
    markdownTable(['corpus', 'read and index', 'find entities', 'save', 'whole load', 'longest frame gap'], rows.chromium),
  ].join('\n\n');
}

if (process.argv[2] === 'child') {
  process.stdout.write(JSON.stringify(child(process.argv[3])));
}
