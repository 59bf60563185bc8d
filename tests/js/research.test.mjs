// The README's "Using results in research" example reproduces an exported
// Compare table as printed: a CSV written the way the explorer writes it
// (export-formats.js, the parameters with the corpus's fingerprint), read
// back by the example, which checks the fingerprint and recomputes the row.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { tableToCsv } from '../../www/js/export/export-formats.js';
import { Corpus, ROOT } from './helpers.mjs';

/** The README's block that starts `// reproduce.cjs:`. */
function example() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map(([, code]) => code).find((code) => code.startsWith('// reproduce.cjs:'));
  assert.ok(block, 'the README has the reproduce.cjs example');
  return block;
}

/** The Compare view's export of its first starter, 1999–2001 against 2004–2005, target side. */
function keynessCsv(corpus) {
  const state = { a: 'year:1999..2001', b: 'year:2004..2005', measure: 'llr', min: '3', p: '0.05' };
  const parameters = { corpus: 'Jamestown articles', fingerprint: corpus.fingerprint(), view: 'compare', ...state, figure: 'keyness' };
  const terms = corpus.keyness({ target: state.a, reference: state.b, measure: state.measure, minCount: 3, limit: 100 });
  const columns = ['Term', 'More in', 'Target', 'Reference', 'Target per million', 'Reference per million', 'Score', 'Log ratio', 'p-value', 'Adjusted p (BH)'];
  const rows = terms.filter((t) => t.qValue < 0.05).map((t) => [t.term, 'target', t.target, t.reference, t.targetPerMillion, t.referencePerMillion, t.score, t.logRatio, t.pValue, t.qValue]);
  return tableToCsv(columns, rows, parameters);
}

test('the research example recomputes the exported row, to the last digit', () => {
  const code = example();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-research-'));
  try {
    const corpus = Corpus.embedded();
    const csv = keynessCsv(corpus);
    corpus.free();
    writeFileSync(path.join(dir, 'keyness.csv'), csv);
    const script = code.replace("require('corpus-lens')", `require(${JSON.stringify(path.join(ROOT, 'pkg-node'))})`);
    writeFileSync(path.join(dir, 'reproduce.cjs'), script);
    const output = execFileSync(process.execPath, ['reproduce.cjs'], { cwd: dir, encoding: 'utf8' });
    const expected = [...code.matchAll(/^\/\/ → (.*)$/gm)].map(([, line]) => `${line}\n`).join('');
    assert.notEqual(expected, '');
    assert.equal(output, expected);
    // A table from other files is refused by its fingerprint.
    writeFileSync(path.join(dir, 'keyness.csv'), csv.replace(/sha256:[0-9a-f]{64}/, `sha256:${'0'.repeat(64)}`));
    assert.throws(() => execFileSync(process.execPath, ['reproduce.cjs'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }), /not the corpus Jamestown articles the table came from/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
