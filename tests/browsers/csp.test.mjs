// The explorer and the widgets in hardened pages: served with the strict
// Content-Security-Policy a newsroom or a university sends, with Trusted
// Types enforced, every view and widget draws and works (exports, the
// loader, the alias editor) and the browser reports no violation. Run in
// Chromium, Firefox or WebKit (BROWSER).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { ENGINE, ROOT, useEngine } from './harness.mjs';
import { startHostServer } from './server.mjs';

/** The README's policy for a site that serves the explorer and the widgets itself. */
function readmePolicy() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### Content-Security-Policy\n');
  const policy = /```text\n([^\n]+)\n```/.exec(readme.slice(start))?.[1];
  if (start < 0 || !policy) throw new Error('the README has no policy under "### Content-Security-Policy"');
  return policy;
}

const POLICY = readmePolicy();
const engine = useEngine({ csp: POLICY });

let host = null;
after(() => host?.close());

/** Export what `scope` (selectors) shows as `format`, opening its Export menu if it is closed. */
async function exportAs(browser, scope, format) {
  const open = await browser.property([...scope, 'details.corpus-export'], 'open');
  if (!open) await browser.click([...scope, 'details.corpus-export summary']);
  await browser.click([...scope, 'button.corpus-export-button'], { text: new RegExp(`^${format}`) });
}

/** Every policy or Trusted Types violation, and anything else amiss, the page reported. */
async function problems(browser) {
  return browser.errors();
}

const VIEWS = [
  ['overview', '#view=overview', ['corpus-overview', 'corpus-documents', 'tbody tr']],
  ['search', '#view=search&q=kuril*&mode=kwic', ['corpus-search', '.corpus-kwic tbody tr']],
  ['entities', '#view=entities&entity=person:yoshiro-mori', ['corpus-entity', '.corpus-entity-mention']],
  ['network', '#view=network&measure=logdice&edge=person:vladimir-putin%20person:yoshiro-mori', ['corpus-network', '.corpus-evidence li']],
  ['timeline', '#view=timeline&q=%22peace%20treaty%22', ['corpus-timeline', 'svg.corpus-timeline-svg']],
  ['compare', '#view=compare&a=year:1999..2001&b=year:2004..2005', ['corpus-compare', 'svg']],
  ['reader', '#view=reader&doc=001_dd6b5825d416bed0&q=putin', ['corpus-reader', 'mark.corpus-query-hit']],
];

describe(`${ENGINE}: under a strict Content-Security-Policy with Trusted Types`, () => {
  test('the suite sees a violation when there is one: an inline style, a string given to innerHTML', async () => {
    const browser = await engine.browser();
    await browser.open('/#view=overview');
    await browser.waitFor(['html[data-ready]'], { hidden: true });
    await browser.run(() => document.body.setAttribute('style', 'outline: 1px solid red'));
    await browser.waitUntil('the style violation to be reported', () => window.__test.errors.length > 0);
    assert.ok((await problems(browser)).some((error) => /style-src/.test(error)), 'the inline style is refused');
    const refused = await browser.run(() => {
      try {
        document.createElement('div').innerHTML = '<b>markup</b>';
        return false;
      } catch (error) {
        return error.name === 'TypeError'; // not instanceof: WebDriver's scripts run in another realm in Firefox
      }
    });
    assert.equal(refused, true, 'Trusted Types refuse a string given to innerHTML');
    await browser.waitUntil('the Trusted Types violation to be reported', () => window.__test.errors.length > 0);
    assert.ok((await problems(browser)).some((error) => /trusted-types|require-trusted-types-for/.test(error)), 'and report it');
  });

  test('every view of the explorer draws, with no violation', async () => {
    const browser = await engine.browser();
    for (const [name, fragment, ready] of VIEWS) {
      await browser.open(`/${fragment}`);
      await browser.waitFor(['html[data-ready]'], { hidden: true });
      await browser.waitFor(ready, { timeout: 30_000 });
      await browser.screenshot(`csp-${name}.png`);
      assert.deepEqual(await problems(browser), [], `${name}: no violation`);
    }
  });

  test('exports, the loader and the alias editor work, with no violation', async () => {
    const browser = await engine.browser();
    await browser.open('/#view=network&measure=llr');
    await browser.waitFor(['corpus-network', '.corpus-network-node']);
    for (const format of ['SVG', 'PNG', 'GEXF']) await exportAs(browser, ['corpus-network'], format);
    await browser.waitUntil('three downloads', () => window.__test.downloads.length === 3);
    // By name: the PNG is drawn asynchronously, so it may come last.
    const files = await browser.downloads();
    const [svg, png, gexf] = ['.svg', '.png', '.gexf'].map((ext) => files.find((file) => file.name.endsWith(ext)) ?? { name: `no ${ext}`, text: '' });
    assert.match(svg.name, /\.svg$/);
    assert.match(svg.text, /<svg /);
    assert.match(png.name, /\.png$/);
    assert.equal(png.text.slice(1, 4), 'PNG');
    assert.match(gexf.text, /<gexf /);

    await browser.open('/');
    await browser.waitFor(['html[data-ready]'], { hidden: true });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-')), 'notes.jsonl');
    writeFileSync(file, `${JSON.stringify({ title: 'Talks', text: 'Putin met Mori in Tokyo.' })}\n`);
    await browser.click(['.corpus-load-open']);
    await (await browser.waitFor(['corpus-loader', 'input.corpus-loader-files'], { hidden: true })).sendKeys(file);
    await browser.waitFor(['corpus-stats'], { text: /^1 document/ });
    await browser.click(['corpus-switcher', 'summary']);
    await browser.click(['corpus-switcher', 'button.corpus-switcher-choose'], { text: /Jamestown articles/ });
    await browser.waitFor(['corpus-stats'], { text: /^5 documents/ });

    await browser.open('/#view=entities&entity=person:george-h-w-bush');
    const input = await browser.waitFor(['corpus-entity', 'input[role="combobox"]']);
    await input.sendKeys('Bush');
    await browser.waitFor(['corpus-entity', '[role="option"]'], { text: /^Bush/ });
    const { Key } = await import('selenium-webdriver');
    await input.sendKeys(Key.ARROW_DOWN, Key.ENTER);
    await input.sendKeys(Key.ENTER);
    await browser.waitFor(['corpus-entity', '.corpus-alias-status'], { text: /Merged Bush into George H\.W\. Bush\./ });
    await browser.click(['corpus-entity', '.corpus-alias-edit', 'button.corpus-alias-undo']);
    await browser.waitFor(['corpus-entity', '.corpus-entity-totals'], { text: /1 mention/ });
    assert.deepEqual(await problems(browser), []);
  });

  test("two widgets in another site's hardened page draw and export, with no violation", async () => {
    const browser = await engine.browser();
    const widgets = new URL('/dist/', engine.url());
    // The host's own policy, allowing the widgets' origin (README, "Embed").
    const policy = POLICY.replace("script-src 'self'", `script-src 'self' ${widgets.origin}`)
      .replace("worker-src 'self'", `worker-src 'self' ${widgets.origin}`)
      .replace("connect-src 'self'", `connect-src 'self' ${widgets.origin}`);
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A hardened page</title>
<script type="module" src="${widgets.href}corpus-lens.js"></script></head>
<body><h1>News</h1>
<corpus-search corpus="articles.jsonl" q="putin" mode="kwic"></corpus-search>
<corpus-network corpus="articles.jsonl" nodes="12"></corpus-network>
</body></html>`;
    host = await startHostServer({
      '/news/widgets.html': { type: 'text/html; charset=utf-8', body: page, csp: policy },
      '/news/articles.jsonl': { type: 'application/jsonl', body: readFileSync(path.join(ROOT, 'tests/fixtures/widgets/articles.jsonl'), 'utf8') },
    });
    await browser.open(`${host.url}news/widgets.html`);
    await browser.waitFor(['corpus-search', '.corpus-kwic tbody tr'], { timeout: 30_000 });
    await browser.waitFor(['corpus-network', '.corpus-network-node'], { timeout: 30_000 });
    await exportAs(browser, ['corpus-network'], 'PNG');
    await exportAs(browser, ['corpus-search'], 'CSV');
    await browser.waitUntil('two downloads', () => window.__test.downloads.length === 2);
    const files = await browser.downloads();
    const [png, csv] = ['.png', '.csv'].map((ext) => files.find((file) => file.name.endsWith(ext)) ?? { name: `no ${ext}`, text: '' });
    assert.equal(png.text.slice(1, 4), 'PNG');
    assert.match(csv.text, /putin/i);
    await browser.screenshot('csp-widgets.png');
    assert.deepEqual(await problems(browser), []);
  });
});
