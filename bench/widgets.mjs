// Benchmark section: what a page with one widget downloads. Each element
// alone on a page (corpus="embedded"), served with the built www/dist/, in
// Debian's Chromium; every file the page and its worker fetch from dist/ is
// counted at its size and gzipped (as a server would send it). Sizes, not
// timings: the same build gives the same table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, startServer } from './browser.mjs';
import { markdownTable } from './measure.mjs';

export const title = 'Widget weight';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
// Each widget and what shows it has drawn.
const WIDGETS = [
  ['corpus-search', 'q="putin"', '.corpus-result'],
  ['corpus-reader', 'doc="001_dd6b5825d416bed0"', '.corpus-reader-text'],
  ['corpus-entities', '', '.corpus-entities-item'],
  ['corpus-overview', '', 'svg'],
  ['corpus-network', '', '.corpus-network-node'],
  ['corpus-timeline', '', 'svg'],
  ['corpus-compare', 'a="year:1999..2001"', 'svg'],
];

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The files of dist/ a page with `tag` alone fetched, as paths under www/. */
async function fetched(browser, base, [tag, attributes, drawn]) {
  const context = await browser.newContext();
  const page = `<!doctype html><meta charset="utf-8"><script type="module" src="/dist/corpus-lens.js"></script><${tag} corpus="embedded" ${attributes}></${tag}>`;
  await context.route('**/weight.html', (route) => route.fulfill({ contentType: 'text/html', body: page }));
  const files = new Set();
  context.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/dist/')) files.add(pathname);
  });
  const tab = await context.newPage();
  await tab.goto(new URL('/weight.html', base).href);
  await tab.locator(`${tag} ${drawn}`).first().waitFor({ state: 'attached', timeout: 60_000 });
  await context.close();
  return [...files].sort();
}

/** Run the section. */
export async function run() {
  const { server, url } = startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const base = await url;
    const rows = [];
    for (const widget of WIDGETS) {
      const files = await fetched(browser, base, widget);
      const sizes = files.map((file) => {
        const bytes = readFileSync(path.join(ROOT, 'www', file));
        return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      });
      const sum = (wasm, key) => sizes.filter((s) => s.file.endsWith('.wasm') === wasm).reduce((total, s) => total + s[key], 0);
      rows.push([`\`<${widget[0]}>\``, kib(sum(false, 'gzip')), kib(sum(false, 'raw')), kib(sum(true, 'gzip')),
        sizes.some((s) => /charts/.test(s.file)) ? 'yes' : 'no']);
    }
    return 'One widget alone on a page (`corpus="embedded"`), in Chromium: the files it fetches from `www/dist/`, gzipped at level 9 as a server would send them.\n\n'
      + markdownTable(['page with', 'JavaScript, gzipped', 'JavaScript', 'wasm module, gzipped', 'chart libraries'], rows);
  } finally {
    await browser.close();
    server.kill();
  }
}
