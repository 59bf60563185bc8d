// Focus follows the reader who uses the keyboard: each action that opens
// another view moves focus to what it opened and says so once, politely;
// redraws keep focus on the control that caused them. Run in Chromium,
// Firefox or WebKit (BROWSER).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Key } from 'selenium-webdriver';

import { ENGINE, useEngine } from './harness.mjs';

const engine = useEngine();

/** Open the explorer at `fragment`, ready. */
async function openExplorer(browser, fragment) {
  await browser.open(`/${fragment}`);
  await browser.waitFor(['html[data-ready]'], { hidden: true });
}

/** Focus the element the selectors find (as Tab would reach it) and press `keys` on the keyboard. */
async function press(browser, selectors, options, ...keys) {
  const target = await browser.waitFor(selectors, options);
  await browser.run((element) => element.focus(), target);
  await browser.driver.actions().sendKeys(...keys).perform();
}

/** The page's announcement, once made. */
function announced(browser, pattern) {
  return browser.waitUntil(`an announcement like ${pattern}`, (source) => {
    const text = document.querySelector('.corpus-announcer').textContent;
    return new RegExp(source).test(text) ? text : null;
  }, pattern.source);
}

// The nine actions that open another view: where the action is, and where
// focus must land.
const OPENERS = [
  ['a search result', '#view=search&q=shikotan&unit=sentence', ['corpus-search', '.corpus-result-open'], 'corpus-reader-mark', /^Reader: .+, at the passage marked$/],
  ['a concordance line', '#view=search&q=shikotan&mode=kwic', ['corpus-search', '.corpus-kwic tbody tr [tabindex], .corpus-kwic tbody tr[tabindex], .corpus-kwic tbody tr button, .corpus-kwic tbody tr a'], 'corpus-reader-mark', /^Reader: /],
  ['a document in the overview', '#view=overview', ['corpus-overview', 'corpus-documents', 'tbody tr [tabindex], tbody tr[tabindex], tbody tr button, tbody tr a'], 'corpus-reader-title', /^Reader: /],
  ['an entity in the overview', '#view=overview', ['corpus-overview', '.corpus-overview-entity'], 'corpus-entity-title', /^Entity: /,
    // It is in the chart's table, which opens first.
    ['corpus-overview', 'figure[data-export-name="top-person"] .corpus-chart-table summary']],
  ['a mention on an entity page', '#view=entities&entity=person:yoshiro-mori', ['corpus-entity', '.corpus-entity-mention'], 'corpus-reader-mark', /^Reader: /],
  ['a term in the comparison', '#view=compare&a=year:1999..2001&b=year:2004..2005', ['corpus-compare', '.corpus-compare-term button'], 'corpus-search-input', /^Search: .+: \d+ documents?/],
  ['a cited source in the reader', '#view=reader&doc=000_cdea581117318265', ['corpus-reader', 'button.corpus-citation-name'], 'corpus-entity-title', /^Entity: /],
  ['a node of the network', '#view=network', ['corpus-network', '.corpus-network-node[data-id="person:yoshiro-mori"]'], 'corpus-entity-title', /^Entity: Yoshiro Mori$/],
  ['a sentence behind a link', '#view=network&edge=person:vladimir-putin%20person:yoshiro-mori', ['corpus-network', '.corpus-evidence-open'], 'corpus-reader-mark', /^Reader: .+, at the passage marked$/],
];

describe(`${ENGINE}: focus follows the reader`, () => {
  for (const [what, fragment, selectors, landing, saying, first] of OPENERS) {
    test(`Enter on ${what} moves focus to what it opened, and says what`, async () => {
      const browser = await engine.browser();
      await openExplorer(browser, fragment);
      if (first) await press(browser, first, {}, Key.ENTER);
      await press(browser, selectors, {}, Key.ENTER);
      const now = await browser.focusLandsOn(landing);
      assert.ok(now.text.length > 0, `focus is on ${JSON.stringify(now)}`);
      assert.match(await announced(browser, saying), saying);
      assert.deepEqual(await browser.errors(), []);
    });
  }

  test('a facet chosen with the keyboard keeps focus through the redraw it causes', async () => {
    const browser = await engine.browser();
    await openExplorer(browser, '#view=search&q=putin');
    await press(browser, ['corpus-search', '.corpus-facet-value'], { text: /^2005/ }, Key.ENTER);
    await browser.waitUntil('the query to take the facet', () => document.querySelector('corpus-search').q === 'putin year:2005');
    await browser.waitFor(['corpus-search', '.corpus-facet-value[aria-pressed="true"]']);
    const now = await browser.focused();
    assert.deepEqual([now.classes.includes('corpus-facet-value'), now.text.startsWith('2005')], [true, true], JSON.stringify(now));
    assert.deepEqual(await browser.errors(), []);
  });

  test('the count of results is said once, when typing pauses, and a query being typed raises no alert', async () => {
    const browser = await engine.browser();
    await openExplorer(browser, '#view=search');
    await browser.run(() => {
      window.said = [];
      const region = document.querySelector('corpus-search').shadowRoot.querySelector('.corpus-search-announcer');
      new MutationObserver(() => region.textContent && window.said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const input = await browser.waitFor(['corpus-search', '.corpus-search-input']);
    for (const letter of 'kuril islands') await input.sendKeys(letter);
    await browser.waitUntil('one announcement', () => window.said.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const said = await browser.run(() => window.said);
    assert.equal(said.length, 1, `said once: ${JSON.stringify(said)}`);
    assert.match(said[0], /^\d+ documents?/);
    assert.equal(await browser.run(() => document.querySelector('corpus-search').shadowRoot.querySelectorAll('[role="alert"]:not([hidden])').length), 0);
    await input.sendKeys(' "open', Key.ENTER);
    await browser.waitUntil('the error said when asked for', () => window.said.at(-1).startsWith('The query cannot be read'));
    assert.deepEqual(await browser.errors(), []);
  });

  test('an export keeps focus on its button, and Escape then closes the menu', async () => {
    const browser = await engine.browser();
    await openExplorer(browser, '#view=network');
    await browser.waitFor(['corpus-network', '.corpus-network-node']);
    await press(browser, ['corpus-network', 'details.corpus-export summary'], {}, Key.ENTER);
    await press(browser, ['corpus-network', 'button.corpus-export-button'], { text: /^PNG/ }, Key.ENTER);
    await browser.waitUntil('the PNG offered', () => window.__test.downloads.length === 1);
    assert.match((await browser.focused()).text, /^PNG/);
    await browser.driver.actions().sendKeys(Key.ESCAPE).perform();
    assert.equal(await browser.property(['corpus-network', 'details.corpus-export'], 'open'), false);
    assert.deepEqual((await browser.focused()).classes, ['corpus-export-summary']);
    await browser.downloads();
    assert.deepEqual(await browser.errors(), []);
  });

  test('an alias edit made with the keyboard leaves focus on what it says it did', async () => {
    const browser = await engine.browser();
    await openExplorer(browser, '#view=entities&entity=person:vladimir-putin');
    await press(browser, ['corpus-entity', 'button.corpus-alias-split'], {}, Key.ENTER);
    const now = await browser.focusLandsOn('corpus-alias-status');
    assert.match(now.text, /“Putin” is now an entity of its own/);
    // The page redraws after the edit (its corpus changed): let it settle.
    await browser.driver.executeAsyncScript('const done = arguments[0]; document.querySelector("corpus-entity").rendered.then(() => done(), () => done());');
    await press(browser, ['corpus-entity', '.corpus-alias-edit', 'button.corpus-alias-undo'], {}, Key.ENTER);
    // The Undo button pressed is gone with its edit: focus goes to what was done.
    const after = await browser.focusLandsOn('corpus-alias-status');
    assert.match(after.text, /^Undone: /);
    await browser.waitFor(['corpus-entity', '.corpus-alias-name'], { text: /^Putin$/ });
    assert.deepEqual(await browser.errors(), []);
  });
});
