// The widgets for other people's pages, and the explorer as one file, both
// from the explorer's own modules, with esbuild:
//
//   www/dist/corpus-lens.js     registers every element; one script tag is
//                               all a page needs. The chart libraries are a
//                               chunk of their own, loaded by the first chart.
//   www/dist/corpus-worker.js   the engine's worker, beside the wasm module
//   www/dist/corpus_lens_bg.wasm
//   www/dist/entities.crfsuite  the entity tagger's model, which the worker fetches
//   www/dist/corpus_lens_readers_bg.wasm  the readers module, fetched by the
//                               worker's readers chunk when a file needs it
//   www/dist/corpus_lens_readers_pdf_bg.wasm  the readers with PDF, fetched
//                               when a file is a PDF
//   www/dist/corpus-lens.html   the explorer in one file: scripts, styles, the
//                               worker and the wasm modules (the engine with the
//                               embedded corpus, and the readers) inlined, so that it opens from file://;
//                               it carries its own strict Content-Security-Policy
//                               (the inline parts by hash, Trusted Types)
//
//   node scripts/bundle.mjs     (scripts/build.sh runs it after the wasm build)
//
// inline.js is the seam: the widgets find the worker and the wasm module
// through URLs, and here the single file's builds replace it with the
// worker's source and the module's bytes.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const WWW = path.join(ROOT, 'www');
const OUT = path.join(WWW, 'dist');

const COMMON = {
  bundle: true,
  format: 'esm',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  target: 'es2022',
};

/** An esbuild plugin that gives `inline.js` the exports `values`. */
function inlined(values) {
  return {
    name: 'inline',
    setup(build) {
      build.onResolve({ filter: /\/inline\.js$/ }, () => ({ path: 'inline', namespace: 'inline' }));
      build.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({
        contents: `export const INLINE = ${JSON.stringify(values)};`,
        loader: 'js',
      }));
    },
  };
}

async function widgets() {
  // Chunks are named by their hash: last build's would stay beside this one's.
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await esbuild.build({
    ...COMMON,
    entryPoints: { 'corpus-lens': path.join(WWW, 'js/corpus-lens.js'), 'corpus-worker': path.join(WWW, 'js/engine/corpus-worker.js') },
    outdir: OUT,
    splitting: true,
    chunkNames: 'corpus-lens-[name]-[hash]',
    plugins: [inlined({ modelPath: './entities.crfsuite' })],
  });
  for (const file of ['corpus_lens_bg.wasm', 'entities.crfsuite', 'readers/corpus_lens_readers_bg.wasm', 'readers/corpus_lens_readers_pdf_bg.wasm']) {
    copyFileSync(path.join(WWW, 'pkg', file), path.join(OUT, path.basename(file)));
  }
}

/** One script's source, built in memory, as an ES module or (`format: 'iife'`) a classic script. */
async function source(entry, inline, format = 'esm') {
  const result = await esbuild.build({
    ...COMMON, format, entryPoints: [entry], write: false, plugins: [inlined(inline)],
    // The glue's default wasm URL reads import.meta.url; the inline bytes leave it unused.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return result.outputFiles[0].text;
}

/** `text` safe inside a <script> or <style> element: no closing tag can end it early. */
function escapeEnd(text, tag) {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

/** A CSP source for an inline element's exact text: 'sha256-…'. */
function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The single file's own Content-Security-Policy, as strict as the widgets
 * allow: its inline scripts and styles by hash, WebAssembly, the worker from
 * a blob, images from data: (the icon) and blob: (PNG export), nothing
 * fetched, and Trusted Types with the one policy.
 */
function singleFilePolicy({ scripts, styles }) {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(hashSource).join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styles.map(hashSource).join(' ')}`,
    'img-src data: blob:',
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types corpus-lens',
  ].join('; ');
}

async function singleFile() {
  const wasm = readFileSync(path.join(WWW, 'pkg/corpus_lens_bg.wasm')).toString('base64');
  // A classic worker: Chromium starts no module worker from a blob in a page opened from a file.
  const model = readFileSync(path.join(WWW, 'pkg/entities.crfsuite')).toString('base64');
  const readers = readFileSync(path.join(WWW, 'pkg/readers/corpus_lens_readers_bg.wasm')).toString('base64');
  const readersPdf = readFileSync(path.join(WWW, 'pkg/readers/corpus_lens_readers_pdf_bg.wasm')).toString('base64');
  const worker = await source(path.join(WWW, 'js/engine/corpus-worker.js'), { wasm, model, readers, readersPdf }, 'iife');
  const app = await source(path.join(WWW, 'js/app.js'), { worker });
  const inline = { scripts: [], styles: [] };
  const inlined = (kind, text) => {
    const safe = escapeEnd(text, kind);
    inline[kind === 'script' ? 'scripts' : 'styles'].push(safe);
    return safe;
  };
  let html = readFileSync(path.join(WWW, 'index.html'), 'utf8');
  html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, href) =>
    `<style>${inlined('style', readFileSync(path.join(WWW, href), 'utf8'))}</style>`);
  html = html.replace('<script src="js/support.js"></script>', () =>
    `<script>${inlined('script', readFileSync(path.join(WWW, 'js/support.js'), 'utf8'))}</script>`);
  html = html.replace('<script type="module" src="js/app.js"></script>', () =>
    `<script type="module">${inlined('script', app)}</script>`);
  html = html.replace('<html lang="en">', '<html lang="en" data-single-file>');
  // Before anything it governs (the charset still comes first).
  html = html.replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${singleFilePolicy(inline)}">`);
  writeFileSync(path.join(OUT, 'corpus-lens.html'), html);
}

await widgets();
await singleFile();
