// The browser support the README states and www/js/support.js checks:
// derived from browser-compat-data and kept up to date, and the WebAssembly
// probes support.js runs are modules an engine with the feature accepts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { minimumVersions } from '../../scripts/browser-support.mjs';
import { ROOT } from './helpers.mjs';

test('the README and support.js state the versions browser-compat-data gives', () => {
  assert.doesNotThrow(() => execFileSync(process.execPath, [path.join(ROOT, 'scripts/browser-support.mjs'), '--check'], { stdio: 'pipe' }));
});

test('every browser needs at least the version that brought module workers and WebAssembly reference types', () => {
  const minimum = minimumVersions();
  const atLeast = (browser, version) => assert.ok(Number.parseFloat(minimum[browser].version) >= version, `${browser} ${minimum[browser].version}`);
  atLeast('chrome', 96); // reference types
  atLeast('firefox', 114); // module workers
  atLeast('safari', 15.1); // reference types
});

test('each WebAssembly probe in support.js is a valid module that uses only its feature', () => {
  const source = readFileSync(path.join(ROOT, 'www/js/support.js'), 'utf8');
  /** @type {[string, Uint8Array<ArrayBuffer>][]} */
  const probes = [...source.matchAll(/'([a-z -]+)': \[([\d, ]+)\]/g)].map(([, name, bytes]) => [name, Uint8Array.from(bytes.split(',').map(Number))]);
  assert.deepEqual(probes.map(([name]) => name),
    ['bulk memory', 'non-trapping float-to-int', 'sign extension', 'multi-value', 'reference types', 'mutable globals']);
  for (const [name, bytes] of probes) {
    assert.equal(WebAssembly.validate(bytes), true, `${name}: Node's engine has the feature`);
    const broken = bytes.slice(0, -2); // cut into its last instruction
    assert.equal(WebAssembly.validate(broken), false, `${name}: the probe is checked, not waved through`);
  }
});
