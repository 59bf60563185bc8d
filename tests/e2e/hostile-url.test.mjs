// Hostile values in the URL: a link anyone can send puts its text in every
// state key of every view (a query, an entity, a document, an edge, a
// measure). Each view must show such a value as text, refuse it with a
// message where it means nothing, and never run it; its exports must carry
// it escaped.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { openPage, useBrowser } from './harness.mjs';

const app = useBrowser();

const MARKUP = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
const SCRIPT_URL = 'javascript:window.__pwned=3;alert(3)';

/** Every view with every key its state reads (app.js and the elements' STATE_KEYS). */
const VIEWS = {
  search: ['q', 'unit', 'mode', 'sort'],
  entities: ['type', 'min', 'name', 'review', 'entity'],
  network: ['unit', 'window', 'measure', 'min', 'score', 'nodes', 'types', 'edge'],
  timeline: ['entities', 'bucket', 'q'],
  compare: ['a', 'b', 'measure', 'min'],
  reader: ['doc', 'start', 'end', 'q'],
  overview: [],
};

/** `#view=…` with each key set to `value`. */
function fragment(view, keys, value) {
  const params = new URLSearchParams({ view });
  for (const key of keys) params.set(key, value);
  return `#${params}`;
}

/** The elements the page holds, through shadow roots, that a payload would have made. */
function injected(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const node of root.querySelectorAll('img, script:not([src]), iframe, object, embed, [onerror], [onload], a[href^="javascript:" i]')) {
        found.push(node.outerHTML.slice(0, 80));
      }
      for (const node of root.querySelectorAll('*')) if (node.shadowRoot) walk(node.shadowRoot);
    };
    walk(document);
    return found;
  });
}

/** The explorer at `hash`, its views settled; dialogs are recorded and dismissed. */
async function openHostile(hash) {
  const opened = await openPage(app, `/${hash}`);
  const dialogs = [];
  opened.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await opened.page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await opened.page.waitForFunction(() => {
    const busy = (root) => [...root.querySelectorAll('*')].some((node) => node.hasAttribute('aria-busy') || (node.shadowRoot && busy(node.shadowRoot)));
    return !busy(document);
  });
  await opened.page.waitForTimeout(300);
  return { ...opened, dialogs };
}

describe('hostile values in every URL state key', () => {
  for (const [view, keys] of Object.entries(VIEWS)) {
    for (const [what, value] of [['markup', MARKUP], ['a javascript: URL', SCRIPT_URL]]) {
      test(`${view}: ${what} in ${keys.length ? keys.join(', ') : 'no key (the view alone)'} is never run`, async () => {
        const { page, errors, context, dialogs } = await openHostile(fragment(view, keys, value));
        assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
        assert.deepEqual(dialogs, []);
        assert.deepEqual(await injected(page), [], 'no element came from the URL');
        assert.equal(await page.locator(`section[data-view="${view}"]`).isVisible(), true, 'the view is shown');
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }

  test('the check sees an element a payload would make, inside a widget (a control)', async () => {
    const { page, context } = await openHostile('#view=search&q=putin');
    await page.evaluate(() => {
      const root = document.querySelector('corpus-search').shadowRoot;
      root.querySelector('.corpus-root').insertAdjacentHTML('beforeend', '<img src="data:," alt="">');
    });
    assert.equal((await injected(page)).length, 1);
    await context.close();
  });

  test('a query full of markup is shown as typed, and exports escape it', async () => {
    const { page, errors, context, dialogs } = await openHostile(fragment('timeline', ['q'], MARKUP));
    const timeline = page.locator('corpus-timeline');
    assert.equal(await timeline.locator('input.corpus-timeline-query').inputValue(), MARKUP);
    const figure = timeline.locator('figure.corpus-figure').first();
    await figure.locator('.corpus-export summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /^SVG/ }).click()]);
    const svg = readFileSync(await download.path(), 'utf8');
    assert.ok(svg.includes('&lt;img src=x onerror='), 'the query is in the SVG, escaped');
    assert.doesNotMatch(svg, /<img|<script/, 'no element of it');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, img: doc.querySelectorAll('img, script').length };
    }, svg);
    assert.deepEqual(parsed, { error: null, img: 0 }, 'the SVG is well formed and holds no element of the query');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
