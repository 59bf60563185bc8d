// The README's Node example runs as printed, so the README stays true.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { ROOT } from './helpers.mjs';

/** The first code block that starts with the example's marker line. */
function example() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('// node example.cjs');
  assert.notEqual(start, -1, 'the README has its Node example');
  return readme.slice(start, readme.indexOf('```', start));
}

test('the README example runs and prints what its comments say', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-readme-'));
  const file = path.join(dir, 'example.cjs');
  // It is written for a project with the package installed: require('corpus-lens')
  // is pointed at the local build here (tests/js/package.test.mjs installs the package).
  writeFileSync(file, example().replace("require('corpus-lens')", `require(${JSON.stringify(path.join(ROOT, 'pkg-node'))})`));
  const output = execFileSync(process.execPath, [file], { encoding: 'utf8' });
  assert.match(output, /notes\.jsonl line 2: the record has no "text" field/);
});
