// The front end's import graph (www/js): every relative import names a file
// that exists, no module imports itself back through others (a cycle makes
// the order modules run in depend on who is imported first), and the
// folders keep their roles: engine/ talks to the wasm module and knows no
// element; widgets/, charts/ and export/ know no view; a view imports
// another view's module only where listed here, and app.js is imported by
// nothing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ROOT } from './helpers.mjs';

const WWW_JS = path.join(ROOT, 'www/js');

/** Every .js file under www/js, relative to it ("views/search/search.js"). */
function modules() {
  return readdirSync(WWW_JS, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js')).map((file) => file.split(path.sep).join('/')).sort();
}

/** The relative modules `file` imports, statically or dynamically, relative to www/js ('../pkg/…' left as is). */
function importsOf(file) {
  const source = readFileSync(path.join(WWW_JS, file), 'utf8');
  const found = [];
  for (const [, spec] of source.matchAll(/(?:\bfrom|\bimport\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec.replace(/\?.*$/, ''))));
  }
  return found;
}

const graph = new Map(modules().map((file) => [file, importsOf(file)]));
const role = (file) => (file.startsWith('views/') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0]);

test('every relative import names a file that exists', () => {
  const missing = [];
  for (const [file, imports] of graph) {
    for (const target of imports) if (!existsSync(path.join(WWW_JS, target))) missing.push(`${file} imports ${target}`);
  }
  assert.deepEqual(missing, []);
});

test('no import cycle', () => {
  const cycles = [];
  const state = new Map(); // file → 'open' while on the path, 'done' after
  const visit = (file, trail) => {
    if (state.get(file) === 'done' || !graph.has(file)) return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file)) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  assert.deepEqual(cycles, []);
});

// A view's module another view uses: the shared chart frame of the overview.
const SHARED_ACROSS_VIEWS = new Set(['views/overview/overview.js']);

test('the folders keep their roles', () => {
  const wrong = [];
  for (const [file, imports] of graph) {
    for (const target of imports) {
      const [from, to] = [role(file), role(target)];
      if (to === 'app.js') wrong.push(`${file} imports app.js, the explorer's page`);
      if (from === 'engine' && !['engine', '..'].includes(to)) wrong.push(`${file} (engine/) imports ${target}`);
      if (['widgets', 'charts', 'export'].includes(from) && to.startsWith('views/')) wrong.push(`${file} (${from}/) imports the view ${target}`);
      if (from.startsWith('views/') && to.startsWith('views/') && from !== to && !SHARED_ACROSS_VIEWS.has(target)) wrong.push(`${file} imports another view's ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});
