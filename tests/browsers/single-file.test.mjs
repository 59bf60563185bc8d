// The explorer opened from file://, with no server, as someone who
// downloaded it would: the multi-file site says why it cannot run there and
// points to the single file (www/dist/corpus-lens.html, which npm run build
// writes), and the single file runs every view and loads the reader's own
// files. Run in Chromium, Firefox or WebKit (BROWSER).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { ENGINE, ROOT, useEngine } from './harness.mjs';

const engine = useEngine();
const SINGLE = path.join(ROOT, 'www/dist/corpus-lens.html');

/**
 * A copy of the single file in a new folder, with the suite's recorder
 * inlined first (no server puts it there on file://); its file:// URL.
 */
function recordedCopy() {
  const recorder = readFileSync(path.join(ROOT, 'tests/browsers/recorder.js'), 'utf8');
  const html = readFileSync(SINGLE, 'utf8').replace('<head>', () => `<head><script>${recorder}</script>`);
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-file-')), 'corpus-lens.html');
  writeFileSync(copy, html);
  return pathToFileURL(copy).href;
}

const VIEWS = [
  ['overview', '#view=overview', ['corpus-overview', 'corpus-documents', 'tbody tr']],
  ['search', '#view=search&q=kuril*', ['corpus-search', '.corpus-result']],
  ['entities', '#view=entities&entity=person:yoshiro-mori', ['corpus-entity', '.corpus-entity-mention']],
  ['network', '#view=network', ['corpus-network', '.corpus-network-node']],
  ['timeline', '#view=timeline&q=%22peace%20treaty%22', ['corpus-timeline', 'svg.corpus-timeline-svg']],
  ['compare', '#view=compare&a=year:1999..2001&b=year:2004..2005', ['corpus-compare', 'svg']],
  ['reader', '#view=reader&doc=001_dd6b5825d416bed0&q=putin', ['corpus-reader', 'mark.corpus-query-hit']],
];

describe(`${ENGINE}: from file://`, () => {
  test('the multi-file site says it cannot run from a file and links to the single file', async () => {
    const browser = await engine.browser();
    await browser.open(pathToFileURL(path.join(ROOT, 'www/index.html')).href);
    const alert = await browser.waitFor(['.corpus-unsupported[role="alert"]']);
    assert.match(await browser.text(alert), /^Opened from a file, this page cannot run/);
    const link = await browser.waitFor(['.corpus-unsupported a']);
    assert.equal(await browser.run((a) => a.getAttribute('href'), link), 'dist/corpus-lens.html');
    await browser.screenshot('file-multi.png');
    await link.click();
    await browser.waitFor(['html[data-ready]'], { hidden: true, timeout: 30_000 });
    assert.match(await browser.url(), /\/www\/dist\/corpus-lens\.html/);
  });

  test('the single file runs every view and loads the reader’s own file, offline', async () => {
    const browser = await engine.browser();
    const url = recordedCopy();
    for (const [name, fragment, ready] of VIEWS) {
      await browser.open(`${url}${fragment}`);
      await browser.waitFor(['html[data-ready]'], { hidden: true, timeout: 30_000 });
      await browser.waitFor(ready, { timeout: 30_000 });
      await browser.screenshot(`file-${name}.png`);
    }
    await browser.open(url);
    await browser.waitFor(['html[data-ready]'], { hidden: true, timeout: 30_000 });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-')), 'harbour.jsonl');
    writeFileSync(file, [
      JSON.stringify({ title: 'Harbour talks resume', text: 'Fishermen from Hokkaido met officials in Nemuro on Tuesday.' }),
      JSON.stringify({ title: 'Second round', text: 'The second round of harbour talks ended in Sapporo.' }),
    ].join('\n'));
    await browser.click(['.corpus-load-open']);
    const picker = await browser.waitFor(['corpus-loader', 'input.corpus-loader-files'], { hidden: true });
    await picker.sendKeys(file);
    await browser.waitFor(['corpus-stats'], { text: /^2 documents/, timeout: 30_000 });
    await browser.waitFor(['corpus-overview', 'corpus-documents', 'tbody tr'], { text: /Harbour talks resume/ });
    assert.deepEqual(await browser.errors(), []);
  });
});
