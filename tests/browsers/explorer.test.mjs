// The explorer as a person uses it, in Chromium, Firefox or WebKit (the
// BROWSER environment variable; scripts/test.sh runs this file once per
// engine): every view from its link in light and dark and at phone width,
// each audited by axe-core, a search narrowed by a facet, a file of one's
// own with a bad record, an alias edit kept across a reload, exports, and
// back and forward. No test may leave an error in the console.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

import { Key } from 'selenium-webdriver';

import { ENGINE, useEngine } from './harness.mjs';

const engine = useEngine();

/** Open the explorer at `fragment` and wait until it says it is ready. */
async function openExplorer(browser, fragment = '', { phone = false } = {}) {
  if (phone) await browser.openInFrame(`/${fragment}`);
  else await browser.open(`/${fragment}`);
  await browser.waitFor(['html[data-ready]'], { hidden: true });
}

/** Choose the option `value` of the <select> the selectors find, as a person would: by clicking it. */
async function choose(browser, selectors, value) {
  await browser.click(selectors);
  await browser.click([...selectors, `option[value="${value}"]`], { hidden: true });
  // WebKit leaves a <select>'s popup open after a WebDriver click on an option.
  if (ENGINE === 'webkit') await (await browser.find(selectors)).sendKeys(Key.ESCAPE);
}

const VIEWS = [
  ['overview', '#view=overview', ['corpus-overview', 'corpus-documents', 'tbody tr']],
  ['search', '#view=search&q=%22peace%20treaty%22%20OR%20kuril*&unit=paragraph', ['.corpus-facet-value']],
  ['entities', '#view=entities&entity=person:yoshiro-mori', ['corpus-entity', '.corpus-entity-mention']],
  ['network', '#view=network&measure=logdice&edge=person:vladimir-putin%20person:yoshiro-mori', ['corpus-network', '.corpus-evidence li']],
  ['timeline', '#view=timeline&bucket=year&q=%22peace%20treaty%22', ['corpus-timeline', 'svg.corpus-timeline-svg']],
  ['compare', '#view=compare&a=year:1999..2001&b=year:2004..2005', ['corpus-compare', 'svg']],
  ['reader', '#view=reader&doc=001_dd6b5825d416bed0&q=putin', ['corpus-reader', 'mark.corpus-query-hit']],
];

describe(`${ENGINE}: every view`, () => {
  for (const [scheme, dark] of [['light', false], ['dark', true]]) {
    for (const [name, fragment, ready] of VIEWS) {
      test(`${name}, ${scheme}, wide and phone: drawn from its link, nothing wider than the screen, axe finds nothing`, async () => {
        const browser = await engine.browser({ dark });
        for (const phone of [false, true]) {
          const where = `${name}, ${scheme}${phone ? ', phone' : ''}`;
          await openExplorer(browser, fragment, { phone });
          await browser.waitFor(ready);
          const page = await browser.run(() => ({
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            width: innerWidth,
            dark: matchMedia('(prefers-color-scheme: dark)').matches,
            background: getComputedStyle(document.body).backgroundColor,
          }));
          assert.equal(page.overflow, 0, `${where}: nothing wider than the screen`);
          assert.equal(page.dark, dark, `${where}: the engine reports the ${scheme} scheme`);
          if (phone) assert.equal(page.width, 390, `${where}: a phone's width`);
          const [, , , lightness] = page.background.match(/(\d+), (\d+), (\d+)/).map(Number);
          assert.equal(lightness < 128, dark, `${where}: the page's background (${page.background}) follows the scheme`);
          const tab = await browser.find([`.corpus-tabs a[data-view="${name}"]`]);
          assert.equal(await tab.getAttribute('aria-current'), 'page', `${where}: its tab is marked`);
          await browser.screenshot(`view-${name}${dark ? '-dark' : ''}${phone ? '-phone' : ''}.png`);
          assert.deepEqual(await browser.axe(), [], `${where}: axe-core's violations`);
        }
        assert.deepEqual(await browser.errors(), []);
      });
    }
  }
});

describe(`${ENGINE}: what a person does`, () => {
  test('a query typed into the search box, then narrowed by a facet', async () => {
    const browser = await engine.browser();
    await openExplorer(browser, '#view=search');
    const input = await browser.waitFor(['.corpus-search-input']);
    await input.sendKeys('putin', Key.ENTER);
    const summary = await browser.waitFor(['.corpus-search-summary'], { text: /^\d+ documents?/ });
    const before = parseInt(await browser.text(summary), 10);
    assert.ok(before >= 2, `putin is in several documents (${before})`);
    await browser.click(['.corpus-facet-value'], { text: /^2005/ });
    await browser.waitUntil('the query to take the facet', (i) => i.value === 'putin year:2005', input);
    const after = parseInt(await browser.text(await browser.waitFor(['.corpus-search-summary'], { text: /^\d+ documents?/ })), 10);
    assert.ok(after >= 1 && after < before, `the facet narrows ${before} documents to ${after}`);
    assert.match(await browser.url(), /view=search&q=putin\+year%3A2005/);
    await browser.screenshot('search-facet.png');
    assert.deepEqual(await browser.errors(), []);
  });

  test('a JSON Lines file chosen in the file picker: the bad record is reported with its line, the good ones shown, an export\'s field names and RFC 2822 date read', async () => {
    const browser = await engine.browser();
    await openExplorer(browser);
    const folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-'));
    const file = path.join(folder, 'harbour.jsonl');
    writeFileSync(file, [
      JSON.stringify({ title: 'Harbour talks resume', text: 'Fishermen from Hokkaido met officials in Nemuro on Tuesday.' }),
      '{"title": "Broken", "text": ',
      JSON.stringify({ headline: 'Second round', body: 'The second round of harbour talks ended in Sapporo.', pubDate: 'Thu, 03 Mar 2005 10:00:00 GMT' }),
    ].join('\n'));
    await browser.click(['.corpus-load-open']);
    const picker = await browser.waitFor(['corpus-loader', 'input.corpus-loader-files'], { hidden: true });
    await picker.sendKeys(file);
    await browser.waitFor(['corpus-loader', '.corpus-loader-report'], { text: /harbour\.jsonl, line 2/ });
    await browser.waitFor(['corpus-stats'], { text: /^2 documents/ });
    await browser.waitFor(['corpus-loader', '.corpus-loader-read'],
      { text: /harbour\.jsonl 2 documents, 1 record skipped; UTF-8; text from “text” or “body”, title from “title” or “headline”, date from “pubDate”/ });
    await browser.waitFor(['corpus-overview', 'corpus-documents', 'tbody tr'], { text: /(?=.*Second round)(?=.*2005-03-03)/ });
    assert.equal((await browser.findAll(['corpus-overview', 'corpus-documents', 'tbody tr'])).length, 2);
    assert.match(await browser.url(), /corpus=c-/);
    await browser.screenshot('user-corpus.png');
    // Back to the embedded articles, for the tests after this one.
    await browser.click(['corpus-switcher', 'summary']);
    await browser.click(['corpus-switcher', 'button.corpus-switcher-choose'], { text: /Jamestown articles/ });
    await browser.waitFor(['corpus-stats'], { text: /^5 documents/ });
    assert.deepEqual(await browser.errors(), []);
  });

  test('a ZIP archive of a web page, a feed, a Word document, a windows-1252 text, a PDF and a gzipped file: every document shown, the bad members listed', async () => {
    const { mixedArchive } = await import('../fixtures/readers/mixed-archive.mjs');
    const browser = await engine.browser();
    await openExplorer(browser);
    const folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-'));
    const file = path.join(folder, 'collection.zip');
    writeFileSync(file, mixedArchive());
    await browser.click(['.corpus-load-open']);
    const picker = await browser.waitFor(['corpus-loader', 'input.corpus-loader-files'], { hidden: true });
    await picker.sendKeys(file);
    await browser.waitFor(['corpus-stats'], { text: /^8 documents/ });
    await browser.waitFor(['corpus-loader', '.corpus-loader-read'],
      { text: /(?=.*talks\.html 1 document; UTF-8)(?=.*island-wire\.xml 2 documents; UTF-8)(?=.*memo\.docx 1 document)(?=.*letter\.txt 1 document; windows-1252)(?=.*briefing\.pdf 1 document)(?=.*records\.jsonl 2 documents; UTF-8)/ });
    await browser.waitFor(['corpus-loader', '.corpus-loader-skipped'], { text: /(?=.*bad\/broken\.docx)(?=.*picture\.png)/ });
    await browser.waitFor(['corpus-overview', 'corpus-documents', 'tbody tr'], { text: /(?=.*Talks resume in Tokyo)(?=.*2005-03-03)/ });
    assert.equal((await browser.findAll(['corpus-overview', 'corpus-documents', 'tbody tr'])).length, 8);
    await browser.screenshot('user-archive.png');
    await browser.click(['corpus-switcher', 'summary']);
    await browser.click(['corpus-switcher', 'button.corpus-switcher-choose'], { text: /Jamestown articles/ });
    await browser.waitFor(['corpus-stats'], { text: /^5 documents/ });
    assert.deepEqual(await browser.errors(), []);
  });

  test('an alias edit survives a reload, and undoing it does too', async () => {
    const browser = await engine.browser();
    await openExplorer(browser, '#view=entities&entity=person:george-h-w-bush');
    const input = await browser.waitFor(['corpus-entity', 'input[role="combobox"]']);
    await input.sendKeys('Bush');
    await browser.waitFor(['corpus-entity', '[role="option"]'], { text: /^Bush/ });
    await input.sendKeys(Key.ARROW_DOWN, Key.ENTER);
    await input.sendKeys(Key.ENTER);
    await browser.waitFor(['corpus-entity', '.corpus-alias-status'], { text: /Merged Bush into George H\.W\. Bush\./ });
    // The status line comes first; the list of other names follows.
    await browser.waitFor(['corpus-entity', '.corpus-alias-name'], { text: /^Bush$/ });
    const names = async () => (await Promise.all((await browser.findAll(['corpus-entity', '.corpus-alias-name'])).map((e) => browser.text(e)))).sort();
    assert.deepEqual(await names(), ['Bush']);

    await browser.reload();
    await browser.waitFor(['html[data-ready]'], { hidden: true });
    await browser.waitFor(['corpus-entity', '.corpus-alias-name'], { text: /^Bush$/ });
    await browser.screenshot('alias-after-reload.png');
    await browser.click(['corpus-entity', '.corpus-alias-edit', 'button.corpus-alias-undo']);
    await browser.waitFor(['corpus-entity', '.corpus-entity-totals'], { text: /1 mention/ });
    await browser.reload();
    await browser.waitFor(['html[data-ready]'], { hidden: true });
    await browser.waitFor(['corpus-entity', '.corpus-entity-totals'], { text: /1 mention/ });
    for (let tries = 0; (await names()).length > 0 && tries < 50; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(await names(), [], 'the page lists no other name once the merge is undone');
    assert.deepEqual(await browser.errors(), []);
  });

  test('a chart exported as SVG and a table as CSV', async () => {
    const browser = await engine.browser();
    await openExplorer(browser, '#view=network&measure=llr');
    await browser.waitFor(['corpus-network', '.corpus-network-node']);
    await browser.click(['corpus-network', 'details.corpus-export summary']);
    await browser.click(['corpus-network', 'button.corpus-export-button'], { text: /^SVG/ });
    await browser.click(['.corpus-tabs a[data-view="overview"]']);
    await browser.waitFor(['corpus-overview', 'corpus-documents', 'tbody tr']);
    const documents = ['corpus-overview', 'figure[data-export-name="documents"]'];
    await browser.click([...documents, 'details.corpus-export summary']);
    await browser.click([...documents, 'button.corpus-export-button'], { text: /^CSV/ });

    const [svg, csv] = await browser.downloads();
    assert.match(svg.name, /\.svg$/);
    assert.ok(/^<\?xml[^>]*>\s*<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(svg.text), 'an SVG document');
    assert.ok(/<metadata[^>]*>[^<]*"measure":"llr"[^<]*<\/metadata>/.test(svg.text), 'the SVG records its measure');
    assert.ok(svg.text.includes('>Vladimir Putin</text>'), 'the SVG names the nodes');
    assert.match(csv.name, /\.csv$/);
    const lines = csv.text.trim().split(/\r?\n/);
    assert.match(lines[0], /^#/, 'the CSV starts with its parameters');
    assert.match(lines[1], /Title/i);
    assert.equal(lines.length, 2 + 5, 'a header and the five documents');
    assert.deepEqual(await browser.errors(), []);
  });

  test('back and forward step through what was done', async () => {
    const browser = await engine.browser();
    await openExplorer(browser, '#view=search');
    const input = await browser.waitFor(['.corpus-search-input']);
    await input.sendKeys('kuril*', Key.ENTER);
    await choose(browser, ['.corpus-search-unit'], 'sentence');
    await browser.waitFor(['.corpus-search-summary'], { text: /sentences/ });
    await browser.click(['.corpus-tabs a[data-view="network"]']);
    await browser.waitFor(['corpus-network', '.corpus-network-node']);
    await choose(browser, ['.corpus-network-measure'], 'logdice');
    await browser.waitFor(['.corpus-network-summary'], { text: /logDice/ });
    assert.match(await browser.url(), /view=network.*measure=logdice/);

    await browser.back();
    await browser.waitFor(['.corpus-network-summary'], { text: /weighted by count/ });
    await browser.back();
    await browser.waitFor(['section[data-view="search"]']);
    assert.equal(await browser.property(['.corpus-search-input'], 'value'), 'kuril*');
    assert.equal(await browser.property(['.corpus-search-unit'], 'value'), 'sentence');
    await browser.forward();
    await browser.forward();
    await browser.waitFor(['.corpus-network-summary'], { text: /logDice/ });
    assert.deepEqual(await browser.errors(), []);
  });
});

describe(`${ENGINE}: an older browser`, () => {
  for (const [global, named] of [['WebAssembly', /It lacks WebAssembly\./], ['indexedDB', /It lacks IndexedDB\./]]) {
    test(`without ${global}: a message names what is missing instead of a blank page`, async () => {
      const browser = await engine.browser();
      await browser.open(`/?without=${global}`);
      const alert = await browser.waitFor(['.corpus-unsupported[role="alert"]']);
      const text = await browser.text(alert);
      assert.match(text, /^This browser cannot run corpus-lens/);
      assert.match(text, named);
      assert.match(text, /runs in Chrome \d+, Edge \d+, Firefox \d+, Safari [\d.]+ and later versions\./);
      const shown = await browser.run(() => [...document.body.children].filter((e) => e.getClientRects().length > 0).map((e) => e.className));
      assert.deepEqual(shown, ['corpus-unsupported'], 'only the message shows');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await browser.run(() => document.documentElement.hasAttribute('data-ready')), false, 'the explorer did not start');
      await browser.screenshot(`unsupported-${global}.png`);
      assert.deepEqual(await browser.errors(), []);
    });
  }
});
