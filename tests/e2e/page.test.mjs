// The explorer in a real browser (Debian's Chromium, playwright-core, see
// harness.mjs): each view on the embedded corpus, as a reader uses it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { openPage, screenshot, screenshotOf, useBrowser } from './harness.mjs';

const app = useBrowser();

const SEEDS = [
  { publication: 'Monitor', year: '1999' },
  { publication: 'Monitor', year: '2000' },
  { publication: 'Monitor', year: '2001' },
  { publication: 'Eurasia Daily Monitor', year: '2004' },
  { publication: 'Eurasia Daily Monitor', year: '2005' },
];

/** A new page on the explorer at `fragment` (a view and its state), once it is ready. */
async function openApp(options = {}, fragment = '') {
  const opened = await openPage(app, `/${fragment}`, options);
  await opened.page.locator('html[data-ready]').waitFor({ state: 'attached' });
  return opened;
}

async function openOverview(options) {
  const opened = await openApp(options);
  await opened.page.locator('corpus-documents tbody tr').first().waitFor();
  return opened;
}

/** The visible text of each documents-table row, cell by cell. */
function tableRows(page) {
  return page.locator('corpus-documents tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
}

describe('the overview', () => {
  test('lists the five seed documents with their publications and years', async () => {
    const { page, errors, context } = await openOverview();
    const rows = await tableRows(page);
    assert.equal(rows.length, 5);
    const seen = rows.map((cells) => ({ publication: cells[0], year: cells[3].slice(0, 4) }));
    const byYear = (a, b) => a.year.localeCompare(b.year);
    assert.deepEqual(seen.sort(byYear), SEEDS);
    await assert.doesNotReject(page.locator('corpus-stats').getByText('5 documents').waitFor());
    await screenshot(page, 'documents.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('clicking a row opens the document in the reader', async () => {
    const { page, errors, context } = await openOverview();
    const row = page.locator('corpus-documents tbody tr', { hasText: '1999' });
    await row.click();
    const reader = page.locator('corpus-reader');
    assert.match(page.url(), /#view=reader&doc=/);
    await assert.doesNotReject(reader.locator('h2', { hasText: 'Monitor 5:66 (1999)' }).waitFor());
    const paragraphs = await reader.locator('.corpus-reader-text p').allTextContents();
    assert.ok(paragraphs.length > 1, 'the text is shown as paragraphs');
    assert.match(paragraphs[0], /^Relations between Russia and Japan took a step back/);
    assert.ok(paragraphs.join('\n').includes('postpone–until “sometime in May”–a visit'), 'punctuation shown as in the seed');
    await screenshot(page, 'reader.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('rows are reachable and openable from the keyboard', async () => {
    const { page, errors, context } = await openOverview();
    const rows = page.locator('corpus-documents tbody tr');
    await rows.first().getByRole('button').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = (await tableRows(page))[1];
    await assert.doesNotReject(page.locator('corpus-reader h2', { hasText: second[4] }).waitFor());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('follows a dark colour scheme', async () => {
    const { page, errors, context } = await openOverview({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(21, 23, 27)');
    await screenshot(page, 'dark.png');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('search', () => {
  const openSearch = () => openApp({}, '#view=search');

  /** Type a query and wait for the search to settle (input is debounced). */
  async function searchFor(page, query) {
    await page.fill('.corpus-search-input', query);
    await page.locator('.corpus-search-summary', { hasText: /\d/ }).or(page.locator('.corpus-search-error:not([hidden])')).waitFor();
  }

  test('a phrase search ranks documents and marks the phrase in each snippet', async () => {
    const { page, errors, context } = await openSearch();
    await searchFor(page, '"peace treaty"');
    await assert.doesNotReject(page.locator('.corpus-search-summary', { hasText: '5 documents' }).waitFor());
    const marks = await page.locator('.corpus-result-snippet mark').allTextContents();
    assert.ok(marks.length >= 5, `${marks.length} marks`);
    assert.ok(marks.every((m) => m.toLowerCase() === 'peace treaty'), marks.join(' | '));
    await screenshot(page, 'search.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a malformed query shows the error and marks its position', async () => {
    const { page, errors, context } = await openSearch();
    await searchFor(page, 'putin "peace');
    const error = page.locator('.corpus-search-error');
    await assert.doesNotReject(error.getByText('invalid query: unclosed quote at position 6').waitFor());
    assert.equal(await error.locator('.corpus-search-error-at').textContent(), '"');
    assert.equal(await page.locator('.corpus-search-input').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('.corpus-result').count(), 0);
    await screenshot(page, 'search-error.png');
    await page.fill('.corpus-search-input', 'putin "peace"');
    await assert.doesNotReject(error.waitFor({ state: 'hidden' }), 'the error goes away once the query is fixed');
    await assert.doesNotReject(page.locator('.corpus-search-summary', { hasText: '4 documents' }).waitFor());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the concordance sorts by three levels, at the width chosen, and pages through every line', async () => {
    const { page, errors, context } = await openSearch();
    await page.selectOption('.corpus-search-view', 'kwic');
    await page.selectOption('.corpus-search-sort-1', '1R');
    await page.selectOption('.corpus-search-sort-2', '2R');
    await page.selectOption('.corpus-search-sort-3', '1L');
    await page.selectOption('.corpus-search-width', '20');
    await searchFor(page, 't*');
    const summary = page.locator('.corpus-search-summary');
    assert.equal(await summary.textContent(),
      '685 matches, by 1st word right (1R), then 2nd word right (2R), then 1st word left (1L)');
    const rows = page.locator('.corpus-kwic tbody tr');
    assert.equal(await rows.count(), 500);
    // The first word of each right context (a possessive ’s is no word), folded as the engine sorts.
    const firstWord = (text) => (text.replace(/^\W*[’']s\b/u, '').match(/[\p{L}\p{N}]+/u)?.[0] ?? '')
      .normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const rights = await page.locator('.corpus-kwic-right').allTextContents();
    const keys = rights.map(firstWord);
    assert.ok(keys.every((key, i) => i === 0 || keys[i - 1] <= key), `sorted by 1R: ${keys.slice(0, 30)}`);
    const lefts = await page.locator('.corpus-kwic-left').allTextContents();
    assert.ok([...lefts, ...rights].every((text) => [...text].length <= 20), 'contexts of 20 characters at most');
    assert.match(page.url(), /mode=kwic&sort=1R%2C2R%2C1L&width=20/);
    const more = page.locator('.corpus-kwic-more');
    assert.equal(await more.textContent(), 'Show 185 more lines of 185');
    await more.click();
    await assert.doesNotReject(more.waitFor({ state: 'detached' }), 'no button once every line is shown');
    assert.equal(await rows.count(), 685);
    const all = (await page.locator('.corpus-kwic-right').allTextContents()).map(firstWord);
    assert.ok(all.every((key, i) => i === 0 || all[i - 1] <= key), 'the next page continues the order');
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.closest('tr')?.rowIndex), 501,
      'focus on the first line added');
    // The link brings the same order and width back.
    const link = page.url();
    const again = await openPage(app, new URL(link).pathname + new URL(link).hash);
    await again.page.locator('corpus-search .corpus-kwic tbody tr').first().waitFor();
    assert.equal(await again.page.locator('.corpus-search-sort-3').inputValue(), '1L');
    assert.equal(await again.page.locator('.corpus-search-width').inputValue(), '20');
    assert.deepEqual((await again.page.locator('.corpus-kwic-right').allTextContents()).slice(0, 50), rights.slice(0, 50));
    await again.context.close();
    await screenshot(page, 'kwic.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a sentence hit opens in the reader with the sentence marked', async () => {
    const { page, errors, context } = await openSearch();
    await page.selectOption('.corpus-search-unit', 'sentence');
    await searchFor(page, 'shikotan');
    await assert.doesNotReject(page.locator('.corpus-search-summary', { hasText: '1 sentence' }).waitFor());
    await page.locator('.corpus-result-open').first().click();
    const mark = page.locator('corpus-reader mark.corpus-reader-mark');
    await assert.doesNotReject(mark.waitFor());
    assert.match(await mark.textContent(), /^Its new proposals reportedly call for a two-step approach in which Shikotan/);
    await assert.doesNotReject(page.locator('corpus-reader h2', { hasText: 'Monitor 7:14 (2001)' }).waitFor());
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('entities', () => {
  /** Open the 2000 Monitor article (Monitor 6:74) from the overview's documents table. */
  async function open2000(page) {
    await page.locator('corpus-documents tbody tr', { hasText: '2000' }).click();
    await page.locator('corpus-reader h2', { hasText: 'Monitor 6:74 (2000)' }).waitFor();
  }

  test('the reader highlights mentions by type, and a legend toggle hides a type', async () => {
    const { page, errors, context } = await openOverview();
    await open2000(page);
    const reader = page.locator('corpus-reader');
    const people = reader.locator('.corpus-reader-text mark.corpus-entity[data-type="person"]');
    const putin = people.filter({ hasText: 'Vladimir Putin' }).first();
    await assert.doesNotReject(putin.waitFor());
    assert.equal(await putin.getAttribute('title'), 'Vladimir Putin · person');
    // A short form carries the canonical name in its title.
    const titles = await people.evaluateAll((marks) => marks.map((m) => [m.textContent, m.title]));
    assert.ok(titles.some(([text, title]) => text === 'Putin' && title === 'Vladimir Putin · person'), JSON.stringify(titles));
    const colour = await putin.evaluate((m) => getComputedStyle(m).backgroundColor);
    const placeColour = await reader.locator('mark.corpus-entity[data-type="place"]').first().evaluate((m) => getComputedStyle(m).backgroundColor);
    assert.notEqual(colour, 'rgba(0, 0, 0, 0)', 'people are coloured');
    assert.notEqual(colour, placeColour, 'people and places differ in colour');
    await screenshot(page, 'reader-entities.png');

    const toggle = reader.locator('.corpus-legend-toggle[data-type="person"]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const shown = await people.count();
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await people.count(), 0, 'no person highlighted once "person" is off');
    assert.ok(await reader.locator('mark.corpus-entity[data-type="place"]').count() > 0, 'other types stay highlighted');
    assert.ok((await reader.locator('.corpus-reader-text').textContent()).includes('Vladimir Putin'), 'the text itself stays');
    // Back on from the keyboard: the toggle keeps the focus through the change.
    await page.keyboard.press('Space');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await people.count(), shown);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the reader lists the cited sources with their ISO dates', async () => {
    const { page, errors, context } = await openOverview();
    await open2000(page);
    const items = page.locator('corpus-reader .corpus-citation');
    await assert.doesNotReject(items.first().waitFor());
    const texts = (await items.allTextContents()).join('\n');
    assert.match(texts, /Xinhua 2000-04-10/);
    assert.match(texts, /Itar-Tass 2000-03-25/);
    // The dates are machine-readable too.
    const datetimes = await page.locator('corpus-reader .corpus-citation time').evaluateAll((times) => times.map((t) => t.dateTime));
    for (const date of ['2000-04-10', '2000-03-25']) assert.ok(datetimes.includes(date), `${date} in ${datetimes}`);
    // "Show in text" marks the citation where the text makes it.
    await items.filter({ hasText: 'Itar-Tass' }).locator('.corpus-citation-show').click();
    assert.match(await page.locator('corpus-reader mark.corpus-reader-mark').textContent(), /Itar-Tass, March 25/);
    // A source that is a known outlet opens its entity page.
    await page.locator('corpus-reader .corpus-citation-name', { hasText: 'Xinhua' }).click();
    const selected = page.locator('corpus-entities .corpus-entities-item[aria-current]');
    await assert.doesNotReject(selected.filter({ hasText: 'Xinhua' }).waitFor());
    assert.ok(await page.locator('corpus-entities input[value="media"]').isChecked());
    await assert.doesNotReject(page.locator('corpus-entity h3', { hasText: 'Xinhua' }).first().waitFor());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the entities view lists people by count; the entity page shows aliases and mentions, and a mention opens in the reader', async () => {
    const { page, errors, context } = await openApp({}, '#view=entities');
    const panel = page.locator('corpus-entities');
    const names = panel.locator('.corpus-entities-name');
    await assert.doesNotReject(names.first().waitFor());
    assert.ok(await panel.locator('input[value="person"]').isChecked(), 'people are listed first');
    assert.equal(await names.first().textContent(), 'Vladimir Putin');
    const counts = (await panel.locator('.corpus-entities-count').allTextContents()).map(Number);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'sorted by count');

    await panel.locator('.corpus-entities-item', { hasText: 'Vladimir Putin' }).click();
    assert.match(page.url(), /entity=person%3Avladimir-putin|entity=person:vladimir-putin/);
    const entityPage = page.locator('corpus-entity');
    await assert.doesNotReject(entityPage.locator('.corpus-alias-list', { hasText: 'Putin' }).waitFor());
    const mentions = entityPage.locator('button.corpus-entity-mention');
    await mentions.first().waitFor();
    const marked = await entityPage.locator('button.corpus-entity-mention mark').allTextContents();
    assert.ok(marked.length > 0 && marked.every((m) => /^(Vladimir |President )?Putin$/.test(m)), marked.join(' | '));
    await screenshot(page, 'entities.png');

    // A mention opens its document with the mention marked.
    const first = mentions.first();
    const mention = await first.locator('mark').textContent();
    await first.click();
    const readerMark = page.locator('corpus-reader mark.corpus-reader-mark');
    await assert.doesNotReject(readerMark.waitFor());
    assert.equal(await readerMark.textContent(), mention);
    assert.equal(await readerMark.locator('mark.corpus-entity[data-type="person"]').textContent(), mention,
      'the marked mention keeps its entity colour inside the outline');
    // Back returns to the entity page.
    await page.goBack();
    await assert.doesNotReject(entityPage.locator('.corpus-entity-title', { hasText: 'Vladimir Putin' }).waitFor());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an alias edit reaches a view drawn before it, when that view is shown again', async () => {
    const { page, errors, context } = await openApp({}, '#view=reader&doc=001_dd6b5825d416bed0');
    const bush = page.locator('corpus-reader mark[data-type="person"]', { hasText: /^Bush$/ }).first();
    assert.equal(await bush.getAttribute('data-entity'), 'person:bush');
    await page.locator('.corpus-tabs a[data-view="entities"]').click();
    await page.goto(new URL('#view=entities&entity=person:george-h-w-bush', page.url()).href);
    const entity = page.locator('corpus-entity');
    await entity.getByRole('combobox', { name: 'Merge into this entity' }).fill('Bush');
    await entity.getByRole('option', { name: /^Bush/ }).click();
    await entity.locator('.corpus-alias-merge-button').click();
    await entity.locator('.corpus-alias-status', { hasText: 'Merged Bush into George H.W. Bush.' }).waitFor();
    // The reader, hidden while the edit was made, redraws as it is shown.
    await page.locator('.corpus-tabs a[data-view="reader"]').click();
    await page.waitForFunction(() => document.querySelector('corpus-reader').shadowRoot
      .querySelector('mark[data-entity="person:george-h-w-bush"]')?.textContent === 'Bush');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the entities view fits a phone screen', async () => {
    const { page, errors, context } = await openApp({ viewport: { width: 390, height: 844 } }, '#view=entities&entity=person:vladimir-putin');
    await page.locator('corpus-entity button.corpus-entity-mention').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing wider than the screen');
    await screenshot(page, 'entities-phone.png');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('network', () => {
  const PUTIN = 'person:vladimir-putin';
  const MORI = 'person:yoshiro-mori';

  /** The edge between two entities, whichever way round the engine lists them. */
  function edgeBetween(page, a, b) {
    return page.locator(`.corpus-network-edge[data-source="${a}"][data-target="${b}"], .corpus-network-edge[data-source="${b}"][data-target="${a}"]`);
  }

  /**
   * Click an edge as a person would, on a point of its line that nothing
   * else covers: its middle may lie under another edge or a node.
   */
  async function clickEdge(page, edge) {
    const point = await edge.evaluate((group) => {
      group.scrollIntoView({ block: 'center' });
      const line = group.querySelector('.corpus-network-edge-line');
      const toScreen = line.getScreenCTM();
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => line[name].baseVal.value);
      for (let t = 0.5; t > 0.1; t -= 0.05) {
        for (const u of [t, 1 - t]) {
          const p = new DOMPoint(x1 + (x2 - x1) * u, y1 + (y2 - y1) * u).matrixTransform(toScreen);
          // The shadow root's elementFromPoint: the document's stops at the host.
          if (group.getRootNode().elementFromPoint(p.x, p.y)?.closest('.corpus-network-edge') === group) return { x: p.x, y: p.y };
        }
      }
      return null;
    });
    assert.ok(point, 'some point of the edge can be clicked');
    await page.mouse.click(point.x, point.y);
  }

  async function openNetwork(options, params = '') {
    const opened = await openApp(options, `#view=network${params}`);
    await opened.page.locator('corpus-network .corpus-network-node').first().waitFor();
    return opened;
  }

  test('links Putin and Mori by sentence; the edge lists its sentences with both marked', async () => {
    const { page, errors, context } = await openNetwork();
    const network = page.locator('corpus-network');
    assert.equal(await network.locator('.corpus-network-unit').inputValue(), 'sentence');
    for (const [id, name] of [[PUTIN, 'Vladimir Putin'], [MORI, 'Yoshiro Mori']]) {
      const node = network.locator(`.corpus-network-node[data-id="${id}"]`);
      assert.match(await node.getAttribute('aria-label'), new RegExp(`^${name}, \\d+ mentions`));
    }
    const edge = edgeBetween(page, PUTIN, MORI);
    assert.equal(await edge.count(), 1);
    const [, count] = /: (\d+) sentences/.exec(await edge.getAttribute('aria-label'));

    await clickEdge(page, edge);
    const evidence = network.locator('.corpus-evidence li');
    await assert.doesNotReject(evidence.first().waitFor());
    assert.ok(await edge.evaluate((group) => group.classList.contains('is-selected')), 'the chosen edge stays lit');
    assert.match(await network.locator('.corpus-network-evidence-title').textContent(), new RegExp(`Vladimir Putin and Yoshiro Mori · ${count} sentences`));
    assert.equal(await evidence.count(), Number(count), 'as many sentences as the edge counts');
    for (const item of await evidence.all()) {
      const marks = await item.locator('mark.corpus-entity[data-type="person"]').allTextContents();
      assert.ok(marks.some((m) => /Putin$/.test(m)) && marks.some((m) => /Mori$/.test(m)), `both marked in ${await item.textContent()}`);
    }
    await page.mouse.move(0, 0); // off the chart, so that the hover fading is gone
    await screenshotOf(page.locator('.corpus-view[data-view="network"]'), 'network.png');

    // An evidence sentence opens in the reader, marked.
    const first = evidence.first().locator('.corpus-evidence-text');
    const sentence = await first.textContent();
    await first.click();
    assert.equal(await page.locator('corpus-reader mark.corpus-reader-mark').textContent(), sentence);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('switching the measure redraws the network, weighted by the new measure', async () => {
    const { page, errors, context } = await openNetwork();
    const network = page.locator('corpus-network');
    const edge = edgeBetween(page, PUTIN, MORI);
    assert.doesNotMatch(await edge.getAttribute('aria-label'), /log-likelihood/);
    const before = await network.locator('.corpus-network-svg').elementHandle();
    await network.locator('.corpus-network-measure').selectOption('llr');
    await assert.doesNotReject(network.locator('.corpus-network-summary', { hasText: 'weighted by log-likelihood (G²)' }).waitFor());
    assert.equal(await before.evaluate((svg) => svg.isConnected), false, 'a new chart replaced the old');
    assert.match(await edge.getAttribute('aria-label'), /^Vladimir Putin and Yoshiro Mori: \d+ sentences, log-likelihood \(G²\) [-\d.e]+$/);
    const headers = await network.locator('.corpus-data-table th[scope="col"]').allTextContents();
    assert.ok(headers.includes('log-likelihood (G²)'), headers.join(' | '));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('choosing a node opens the entity in the entities panel', async () => {
    const { page, errors, context } = await openNetwork();
    await page.locator(`corpus-network .corpus-network-node[data-id="${MORI}"]`).click();
    const selected = page.locator('corpus-entities .corpus-entities-item[aria-current]');
    await assert.doesNotReject(selected.filter({ hasText: 'Yoshiro Mori' }).waitFor());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the heatmap and the timeline draw, each with its numbers as a table', async () => {
    const { page, errors, context } = await openNetwork();
    const matrix = page.locator('corpus-matrix');
    await assert.doesNotReject(matrix.locator('svg.corpus-matrix-svg').waitFor());
    assert.ok(await matrix.locator('svg.corpus-matrix-svg rect').count() > 10, 'cells drawn');
    const rowNames = await matrix.locator('.corpus-data-table tbody th').allTextContents();
    assert.ok(rowNames.includes('Vladimir Putin'), rowNames.join(' | '));
    await screenshotOf(matrix, 'matrix.png');
    await page.locator('.corpus-tabs a', { hasText: 'Timeline' }).click();
    const timeline = page.locator('corpus-timeline');
    await assert.doesNotReject(timeline.locator('svg.corpus-timeline-svg').waitFor());
    const periods = await timeline.locator('.corpus-data-table tbody th').allTextContents();
    assert.ok(periods.includes('2000') && periods.includes('2005'), periods.join(' | '));
    const chosen = await timeline.locator('.corpus-timeline-entities input:checked').count();
    assert.equal(await timeline.locator('.corpus-data-table thead th').count(), chosen + 2, 'the period, its words and a column per entity drawn');
    await screenshotOf(timeline, 'timeline.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  /** The standing labels' names, and each pair of them whose boxes overlap or that leaves the chart. */
  function standingLabels(page) {
    return page.locator('corpus-network .corpus-network-svg').evaluate((svg) => {
      const chart = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('.corpus-network-label.is-shown')].map((t) => ({ name: t.textContent, box: t.getBoundingClientRect() }));
      const clash = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const problems = [];
      labels.forEach((a, i) => {
        if (a.box.left < chart.left - 1 || a.box.right > chart.right + 1) problems.push(`${a.name} leaves the chart`);
        for (const b of labels.slice(i + 1)) if (clash(a.box, b.box)) problems.push(`${a.name} overlaps ${b.name}`);
      });
      return { names: labels.map((l) => l.name), problems };
    });
  }

  test('the standing labels name the most mentioned entities and never overlap', async () => {
    for (const [width, measure] of [[1280, 'count'], [1280, 'logdice'], [390, 'count'], [390, 'logdice']]) {
      const { page, errors, context } = await openNetwork({ viewport: { width, height: 844 } }, `&measure=${measure}`);
      const { names, problems } = await standingLabels(page);
      const where = `at ${width} px by ${measure}`;
      for (const most of ['Japan', 'Moscow', 'Vladimir Putin']) assert.ok(names.includes(most), `${most}, among the most mentioned, is named ${where}: ${names.join(', ')}`);
      assert.ok(names.length >= 4, `at least 4 named ${where}: ${names.join(', ')}`);
      assert.deepEqual(problems, [], where);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('the network panel fits a phone screen', async () => {
    const { page, errors, context } = await openNetwork({ viewport: { width: 390, height: 844 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing wider than the screen');
    await screenshotOf(page.locator('.corpus-view[data-view="network"]'), 'network-phone.png');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
