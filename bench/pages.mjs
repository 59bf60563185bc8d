// Benchmark section: the main text of web pages, side by side with
// Readability.js (over linkedom's DOM) and trafilatura (Python), on the same
// 64 pages of ../shared/data/html-articles, each scored by the dataset's own
// scorer (score.py, which calls evaluate.py). Ours runs through the Node
// build of the readers module (pkg-node/readers), as the loader would.
//
// HTML_ARTICLES points at the data if it is not beside the repo.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

import { formatBytes, formatMs, markdownTable } from './measure.mjs';

export const title = 'Web pages: main text';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const READERS = path.join(ROOT, 'pkg-node/readers');

/** The dataset's folder: $HTML_ARTICLES, else ../shared/data/html-articles beside the repo. */
function dataFolder() {
  return process.env.HTML_ARTICLES ?? path.resolve(ROOT, '../shared/data/html-articles');
}

/** What to print when the pages are absent. */
function howToGetPages(folder) {
  return `The web pages are not here: ${folder}

They are 64 pages of the article-extraction-benchmark of Scrapinghub (Zyte),
MIT licence: html/KEY.html.gz, ground-truth.json, and its scorer evaluate.py
with score.py beside it. Copy that folder there, or point HTML_ARTICLES at
it, then run \`npm run bench\` again.`;
}

/** `[{key, name, bytes, html}]` of every page, in key order. */
function readPages(folder) {
  const dir = path.join(folder, 'html');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .map((file) => {
      const bytes = gunzipSync(readFileSync(path.join(dir, file)));
      // Every page of the set is UTF-8; Readability.js takes a string.
      return { key: file.slice(0, -'.gz'.length - 5), name: file.slice(0, -3), bytes, html: bytes.toString('utf8') };
    });
}

/** Runs `extract` on every page once untimed, then `runs` times timed: `{texts, msPerPage}`. */
function measure(pages, extract, runs) {
  const texts = Object.fromEntries(pages.map((page) => [page.key, { articleBody: extract(page) }]));
  const start = performance.now();
  for (let run = 0; run < runs; run += 1) for (const page of pages) extract(page);
  return { texts, msPerPage: (performance.now() - start) / (runs * pages.length) };
}

/** Ours: the text of the page's one record ("" if it failed). */
function oursExtractor() {
  const { readFile } = createRequire(import.meta.url)(path.join(READERS, 'corpus_lens_readers.js'));
  return (page) => readFile(page.name, page.bytes)[0]?.records?.[0]?.text ?? '';
}

/** Readability.js over linkedom, as its README shows for Node. */
function readability(page) {
  const { document } = parseHTML(page.html);
  return new Readability(document).parse()?.textContent ?? '';
}

/** trafilatura through bench/trafilatura_pages.py in the venv scripts/bench-python-setup.sh makes. */
function trafilatura(folder, runs) {
  const python = execFileSync('bash', [path.join(ROOT, 'scripts/bench-python-setup.sh')], { encoding: 'utf8' }).trim();
  const out = execFileSync(python, [path.join(ROOT, 'bench/trafilatura_pages.py'), folder, String(runs)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const { version, msPerPage, pages } = JSON.parse(out);
  return { version, msPerPage, texts: pages };
}

/** `{name: {f1, precision, recall}}` from score.py's lines, one file per extractor. */
function score(folder, results) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pages-'));
  try {
    const files = Object.keys(results).map((name, i) => {
      const file = path.join(dir, `extractor${i}.json`);
      writeFileSync(file, JSON.stringify(results[name].texts));
      return file;
    });
    const out = execFileSync('python3', [path.join(folder, 'score.py'), ...files], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    return Object.fromEntries(Object.keys(results).map((name, i) => [name, parseScore(lines[i])]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `{f1, deviation, precision, recall}` of one score.py line. */
function parseScore(line) {
  const number = (label) => line.match(new RegExp(`${label} ([0-9.]+)`))?.[1] ?? '?';
  return { f1: number('F1'), deviation: line.match(/± ([0-9.]+)/)?.[1] ?? '?', precision: number('precision'), recall: number('recall') };
}

/** The readers module's size, raw and gzipped. */
function moduleSize() {
  const wasm = path.join(READERS, 'corpus_lens_readers_bg.wasm');
  return `${formatBytes(statSync(wasm).size)}, ${formatBytes(gzipSync(readFileSync(wasm), { level: 9 }).length)} gzipped`;
}

export async function run({ runs }) {
  const folder = dataFolder();
  if (!existsSync(path.join(folder, 'ground-truth.json'))) return howToGetPages(folder);
  if (!existsSync(path.join(READERS, 'corpus_lens_readers.js'))) {
    return `The readers module's Node build is not here: ${READERS}\n\nBuild it with \`npm run build\`.`;
  }
  const pages = readPages(folder);
  const traf = trafilatura(folder, runs);
  const results = {
    'corpus-lens readers': measure(pages, oursExtractor(), runs),
    'Readability.js 0.6 (linkedom)': measure(pages, readability, runs),
    [`trafilatura ${traf.version} (Python)`]: traf,
  };
  const scores = score(folder, results);
  const rows = Object.entries(results).map(([name, result]) => {
    const s = scores[name];
    return [name, `${s.f1} ± ${s.deviation}`, s.precision, s.recall, formatMs(result.msPerPage)];
  });
  return `${pages.length} pages, scored by the dataset's evaluate.py (shingles of 4 tokens); `
    + `time per page is the mean of ${runs} passes after one untimed pass, parsing included. `
    + `Readers module: ${moduleSize()}.\n\n`
    + markdownTable(['Extractor', 'F1', 'Precision', 'Recall', 'Time per page'], rows);
}
