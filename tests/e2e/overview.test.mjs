// <corpus-overview> and <corpus-compare> in a real browser, each on the seed
// corpus both as a wasm Corpus in the page and as a CorpusClient (the corpus
// in a worker). The elements are defined here, as a page embedding them
// would; they are drawn in a fresh container over the page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { openPage, screenshotOf, useBrowser } from './harness.mjs';

const app = useBrowser();

const KINDS = ['wasm', 'worker'];

/**
 * Open the page and put a fresh `tag` element in a container that hides the
 * rest of the page, its corpus the seed corpus (a wasm Corpus, or a
 * CorpusClient for 'worker') or `documents` through Corpus.fromDocuments.
 * Events reaching the document are recorded in `window.seen`. Returns the
 * page, the errors logged after setup and the context.
 */
async function mount(tag, { kind = 'wasm', documents = null, state = null, ...options } = {}) {
  const { page, errors, context } = await openPage(app, '/', options);
  await page.evaluate(async ({ tag, kind, documents, state }) => {
    const style = document.createElement('style');
    style.textContent = 'body > :not(#test-container) { display: none !important; }';
    document.head.append(style);
    const { CorpusOverview } = await import('/js/views/overview/overview.js');
    const { CorpusCompare } = await import('/js/views/compare/compare.js');
    const { CorpusDocuments } = await import('/js/views/overview/documents-table.js');
    const elements = { 'corpus-overview': CorpusOverview, 'corpus-compare': CorpusCompare, 'corpus-documents': CorpusDocuments };
    for (const [name, elementClass] of Object.entries(elements)) {
      if (!customElements.get(name)) customElements.define(name, elementClass);
    }
    const engine = await import('/js/engine/engine.js');
    let corpus;
    if (documents) {
      await engine.initEngine();
      const { Corpus } = await import('/pkg/corpus_lens.js');
      corpus = Corpus.fromDocuments(documents, {});
    } else if (kind === 'worker') {
      corpus = await (await import('/js/engine/corpus-client.js')).CorpusClient.open({ kind: 'embedded' });
    } else {
      corpus = await engine.embeddedCorpus();
    }
    window.seen = [];
    for (const type of ['corpus-open-entity', 'corpus-open-document', 'corpus-search', 'corpus-state-change']) {
      document.addEventListener(type, (event) => window.seen.push({ type, detail: event.detail }));
    }
    const container = Object.assign(document.createElement('div'), { id: 'test-container' });
    Object.assign(container.style, { margin: '12px', padding: '12px' });
    document.body.append(container);
    const view = document.createElement(tag);
    container.append(view);
    if (state) view.state = state;
    view.corpus = corpus;
    window.view = view;
    window.corpus = corpus;
  }, { tag, kind, documents, state });
  // Errors from before (the page's own start) are not these elements'.
  const before = errors.length;
  return { page, errors: () => errors.slice(before), context };
}

/** The events of `type` that reached the document. */
function seen(page, type) {
  return page.evaluate((t) => window.seen.filter((e) => e.type === t).map((e) => e.detail), type);
}

/** Each row of a table (a locator) as the text of its cells. */
function rowsOf(table) {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));
}

/** The <title> of every mark in an SVG (a locator): what hovering shows. */
function titlesOf(svg) {
  return svg.locator('title').allTextContents();
}

async function noOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('the overview', () => {
  for (const kind of KINDS) {
    test(`shows the seed corpus's totals, charts and documents (${kind})`, async () => {
      const { page, errors, context } = await mount('corpus-overview', { kind });
      const overview = page.locator('#test-container corpus-overview');
      await overview.locator('figure[data-export-name="top-person"] svg').waitFor();
      const stats = await overview.locator('.corpus-overview-stat').evaluateAll((items) =>
        Object.fromEntries(items.map((item) => [item.querySelector('dt').textContent, item.querySelector('dd').textContent])));
      assert.equal(stats.Documents, '5');
      assert.equal(stats.Words, '3,689');
      assert.equal(stats['Distinct words'], '1,046');
      assert.equal(stats.Dates, '1999-04 – 2005-11');
      assert.equal(await overview.locator('corpus-documents tbody tr').count(), 5);

      const names = await page.evaluate(() => window.view.figures().map((f) => f.dataset.exportName));
      assert.deepEqual(names, ['documents-over-time', 'mentions-over-time', 'top-person', 'top-place', 'top-organization', 'top-media']);
      // Every chart's figure (the documents table's figure holds only the table).
      for (const figure of await overview.locator('figure.corpus-figure:has(svg)').all()) {
        assert.ok(await figure.locator('h4.corpus-chart-title').textContent(), 'a heading');
        const svg = figure.locator('svg[role="img"]');
        assert.ok((await svg.getAttribute('aria-label')).length > 40, 'a text description');
        assert.equal(await figure.locator('details.corpus-chart-table table').count(), 1, 'a data table');
      }
      const people = overview.locator('figure[data-export-name="top-person"]');
      assert.equal(await people.locator('h4').textContent(), 'People');
      assert.equal(await people.locator('g[data-mark="bar"] rect').count(), 10);
      const ticks = await people.locator('g[data-mark="y-axis tick label"] text').allTextContents();
      assert.equal(ticks[0], 'Vladimir Putin', 'the most mentioned person comes first');
      assert.match(await people.locator('svg').getAttribute('aria-label'), /Vladimir Putin 30/);
      // The bars are filled with the person colour of the theme.
      const fill = await people.locator('g[data-mark="bar"]').getAttribute('fill');
      const personColour = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--corpus-entity-person').trim());
      assert.equal(fill, personColour);
      assert.deepEqual(errors(), []);
      await context.close();
    });
  }

  test('each chart\'s table holds the numbers its marks draw', async () => {
    const { page, errors, context } = await mount('corpus-overview');
    const overview = page.locator('#test-container corpus-overview');
    await overview.locator('figure[data-export-name="mentions-over-time"] svg').waitFor();
    for (const type of ['person', 'place', 'organization', 'media']) {
      const figure = overview.locator(`figure[data-export-name="top-${type}"]`);
      const drawn = (await titlesOf(figure.locator('svg'))).map((title) => {
        const [, name, mentions, docs] = /^(.*): ([\d,]+) mentions in ([\d,]+) documents?$/.exec(title);
        return [name, mentions, docs];
      });
      assert.ok(drawn.length > 0, type);
      assert.deepEqual(await rowsOf(figure.locator('table')), drawn, `${type}: table = bars`);
      // The number printed at each bar's end is its count too.
      const labels = await figure.locator('g[data-mark="text"] text').allTextContents();
      assert.deepEqual(labels, drawn.map(([, mentions]) => mentions));
    }
    const docs = overview.locator('figure[data-export-name="documents-over-time"]');
    const bars = (await titlesOf(docs.locator('svg'))).map((t) => /^(\S+): ([\d,]+) documents?$/.exec(t).slice(1));
    assert.deepEqual(bars, [['1999', '1'], ['2000', '1'], ['2001', '1'], ['2002', '0'], ['2003', '0'], ['2004', '1'], ['2005', '1']]);
    assert.deepEqual(await rowsOf(docs.locator('table')), bars);

    const mentions = overview.locator('figure[data-export-name="mentions-over-time"]');
    const table = await rowsOf(mentions.locator('table'));
    const columns = await mentions.locator('thead th').allTextContents();
    const keys = await mentions.locator('.corpus-figure-key').allTextContents();
    assert.deepEqual(columns.slice(1), keys, 'the key names the table\'s columns');
    assert.ok(keys.includes('Vladimir Putin'), keys.join(' | '));
    const points = await titlesOf(mentions.locator('svg'));
    assert.ok(points.length > 0);
    for (const title of points) {
      const [, name, period, count] = /^(.*), (\S+): ([\d,]+) mentions$/.exec(title);
      const row = table.find((cells) => cells[0] === period);
      assert.equal(row[columns.indexOf(name)], count, title);
    }
    // Years without documents have no value, not 0: the lines break there.
    assert.deepEqual(table.find((cells) => cells[0] === '2002').slice(1), keys.map(() => '–'));
    assert.deepEqual(errors(), []);
    await context.close();
  });

  for (const kind of KINDS) {
    test(`choosing a bar, a table row or a document reaches the page (${kind})`, async () => {
      const { page, errors, context } = await mount('corpus-overview', { kind });
      const people = page.locator('#test-container corpus-overview figure[data-export-name="top-person"]');
      const bar = people.locator('g[data-mark="bar"] rect').filter({ has: page.locator('title', { hasText: /^Yoshiro Mori:/ }) });
      await bar.click();
      assert.deepEqual(await seen(page, 'corpus-open-entity'), [{ id: 'person:yoshiro-mori' }]);
      // From the keyboard, through the table under the chart.
      await people.locator('.corpus-chart-table summary').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab'); // the table's box, which scrolls on a phone
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => {
        // Focus inside a shadow root: follow activeElement down to it.
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active.textContent;
      }), 'Vladimir Putin');
      await page.keyboard.press('Enter');
      // A click anywhere on a row opens its entity.
      await people.locator('tbody tr', { hasText: 'Junichiro Koizumi' }).locator('td').first().click();
      assert.deepEqual(await seen(page, 'corpus-open-entity'),
        [{ id: 'person:yoshiro-mori' }, { id: 'person:vladimir-putin' }, { id: 'person:junichiro-koizumi' }]);
      await page.locator('#test-container corpus-overview corpus-documents tbody tr', { hasText: '1999' }).click();
      assert.deepEqual(await seen(page, 'corpus-open-document'), [{ id: '002_15a617c9de9230ae' }]);
      assert.deepEqual(errors(), []);
      await context.close();
    });
  }

  test('redraws after the alias table changes', async () => {
    const { page, errors, context } = await mount('corpus-overview', { kind: 'worker' });
    const people = page.locator('#test-container corpus-overview figure[data-export-name="top-person"]');
    await people.locator('svg').waitFor();
    await page.evaluate(() => window.corpus.setAliases([{ name: 'President Putin', type: 'person', aliases: ['Vladimir Putin', 'Putin'] }]));
    await people.locator('g[data-mark="y-axis tick label"] text', { hasText: 'President Putin' }).waitFor();
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('the totals and documents are drawn while the entities are still being found, and say so', async () => {
    const { page, errors, context } = await mount('corpus-overview');
    const overview = page.locator('#test-container corpus-overview');
    await overview.locator('figure[data-export-name="top-person"] svg').waitFor();
    // The same corpus, its entities held back as a large corpus's are while the worker finds them.
    await page.evaluate(() => {
      window.held = new Promise((resolve) => { window.release = resolve; });
      const slow = new Proxy(window.corpus, {
        get(target, key) {
          const value = Reflect.get(target, key);
          if (typeof value !== 'function') return value;
          if (key === 'entities' || key === 'timeline') return async (...args) => { await window.held; return value.apply(target, args); };
          return value.bind(target);
        },
      });
      window.view.corpus = slow;
    });
    const people = overview.locator('figure[data-export-name="top-person"]');
    await people.locator('.corpus-chart-empty', { hasText: 'Finding the entities…' }).waitFor();
    assert.equal(await overview.locator('figure[data-export-name="mentions-over-time"] .corpus-chart-empty').textContent(), 'Finding the entities…');
    assert.equal(await overview.locator('corpus-documents tbody tr').count(), 5);
    assert.equal(await overview.locator('.corpus-overview-stat dd').first().textContent(), '5');
    assert.equal(await overview.locator('figure[data-export-name="documents-over-time"] svg').count(), 1);
    assert.equal(await overview.getAttribute('aria-busy'), 'true');

    await page.evaluate(() => window.release());
    await people.locator('g[data-mark="bar"] rect').first().waitFor();
    await overview.locator('figure[data-export-name="mentions-over-time"] svg').waitFor();
    assert.equal(await overview.getAttribute('aria-busy'), null);
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('a later corpus wins over an earlier one still loading; charts redraw to a new width', async () => {
    const { page, errors, context } = await mount('corpus-overview', { kind: 'worker' });
    const overview = page.locator('#test-container corpus-overview');
    await overview.locator('figure[data-export-name="top-person"] svg').waitFor();
    // The worker's answers arrive after the small corpus has drawn: they must not replace it.
    await page.evaluate(async () => {
      await (await import('/js/engine/engine.js')).initEngine();
      const { Corpus } = await import('/pkg/corpus_lens.js');
      const small = Corpus.fromDocuments([{ title: 'Only', year: 2001, text: 'Putin went to Tokyo.' }], {});
      window.view.corpus = window.corpus;
      window.view.corpus = small;
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    assert.equal(await overview.locator('.corpus-overview-stat dd').first().textContent(), '1');
    assert.equal(await overview.locator('corpus-documents tbody tr').count(), 1);
    assert.deepEqual(await page.evaluate(() => window.view.state), {}, 'no state of its own');

    const svg = overview.locator('figure[data-export-name="top-person"] svg');
    const wide = Number(await svg.getAttribute('width'));
    await page.setViewportSize({ width: 500, height: 860 });
    await page.waitForFunction((before) => {
      const drawn = document.querySelector('#test-container corpus-overview').shadowRoot.querySelector('figure[data-export-name="top-person"] svg');
      return Number(drawn.getAttribute('width')) < before;
    }, wide);
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('a corpus without dates explains the missing time charts; a type without entities says so', async () => {
    const documents = [
      { title: 'First', text: 'Vladimir Putin met Junichiro Koizumi in Tokyo on the question of the Kuril Islands.' },
      { title: 'Second', text: 'Koizumi returned to Tokyo. Putin flew to Moscow.' },
    ];
    const { page, errors, context } = await mount('corpus-overview', { documents });
    const overview = page.locator('#test-container corpus-overview');
    await overview.locator('figure[data-export-name="top-person"] svg').waitFor();
    assert.match(await overview.locator('.corpus-overview-time-note').textContent(), /No document has a date/);
    assert.equal(await overview.locator('figure[data-export-name="documents-over-time"]').isHidden(), true);
    assert.equal(await overview.locator('figure[data-export-name="mentions-over-time"]').isHidden(), true);
    const media = overview.locator('figure[data-export-name="top-media"]');
    assert.equal(await media.locator('.corpus-chart-empty').textContent(), 'No media found.');
    const stats = await overview.locator('.corpus-overview-stat dd').allTextContents();
    assert.equal(stats[0], '2');
    assert.equal(stats.at(-1), 'none');
    const names = await page.evaluate(() => window.view.figures().map((f) => f.dataset.exportName));
    assert.ok(!names.includes('top-media') && !names.includes('documents-over-time'), names.join(' '));
    assert.ok(names.includes('top-person'));
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('a corpus spanning under three years is counted by month', async () => {
    const documents = [
      { title: 'A', date: '2020-01-15', text: 'Putin spoke in Moscow.' },
      { title: 'B', date: '2020-03', text: 'Putin spoke in Tokyo.' },
      { title: 'C', date: '2021-02-01', text: 'Koizumi spoke in Tokyo.' },
      { title: 'D', text: 'No date here. Putin again.' },
    ];
    const { page, errors, context } = await mount('corpus-overview', { documents });
    const docs = page.locator('#test-container corpus-overview figure[data-export-name="documents-over-time"]');
    await docs.locator('svg').waitFor();
    assert.equal(await docs.locator('h4').textContent(), 'Documents per month');
    const rows = await rowsOf(docs.locator('table'));
    assert.equal(rows.length, 14, '2020-01 to 2021-02');
    assert.deepEqual(rows[0], ['2020-01', '1']);
    assert.deepEqual(rows[1], ['2020-02', '0']);
    assert.deepEqual(rows.at(-1), ['2021-02', '1']);
    assert.match(await page.locator('#test-container .corpus-overview-time-note').textContent(), /1 of 4 documents have no date/);
    const mentions = page.locator('#test-container corpus-overview figure[data-export-name="mentions-over-time"]');
    assert.equal(await mentions.locator('h4').textContent(), 'Mentions per month');
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('a corpus of 450 documents lists 200 at a time, and says how many are shown', async () => {
    const documents = Array.from({ length: 450 }, (_, i) => ({ id: `d${i + 1}`, title: `Report ${i + 1}`, text: `Report number ${i + 1} from Tokyo.` }));
    const { page, errors, context } = await mount('corpus-overview', { documents });
    const table = page.locator('#test-container corpus-documents');
    await table.locator('tbody tr').first().waitFor();
    const more = table.locator('.corpus-documents-more');
    assert.equal(await table.locator('tbody tr').count(), 200);
    assert.equal(await more.textContent(), 'Showing 200 of 450 documents. Show 200 more');
    await more.getByRole('button').click();
    assert.equal(await table.locator('tbody tr').count(), 400);
    assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.textContent
      ?? document.activeElement?.shadowRoot?.activeElement?.textContent), 'Report 201', 'focus moves to the first new row');
    assert.equal(await more.textContent(), 'Showing 400 of 450 documents. Show 50 more');
    await more.getByRole('button').click();
    assert.equal(await table.locator('tbody tr').count(), 450);
    assert.equal(await more.count(), 0, 'nothing left to show');
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('looks right in light, dark and on a phone', async () => {
    const shots = [
      ['overview.png', {}],
      ['overview-dark.png', { colorScheme: 'dark' }],
      ['overview-wide.png', { viewport: { width: 1600, height: 1000 } }],
      ['overview-phone.png', { viewport: { width: 390, height: 844 } }],
      ['overview-360.png', { viewport: { width: 360, height: 740 } }],
    ];
    for (const [name, options] of shots) {
      const { page, errors, context } = await mount('corpus-overview', options);
      await page.locator('#test-container corpus-overview figure[data-export-name="top-media"] svg').waitFor();
      await page.evaluate(() => window.view.rendered);
      assert.equal(await noOverflow(page), 0, `${name}: nothing wider than the screen`);
      // Every tick label stays within its chart.
      const clipped = await page.locator('corpus-overview svg text').evaluateAll((texts) => texts.filter((t) => {
        const box = t.getBoundingClientRect();
        const svg = t.ownerSVGElement.getBoundingClientRect();
        return box.left < svg.left - 1 || box.right > svg.right + 1;
      }).map((t) => t.textContent));
      assert.deepEqual(clipped, [], `${name}: labels inside their charts`);
      await screenshotOf(page.locator('#test-container'), name);
      assert.deepEqual(errors(), []);
      await context.close();
    }
  });
});

describe('the comparison', () => {
  const YEARS = { a: 'year:1999..2001', b: 'year:2004..2005', measure: 'llr', min: '3', p: '0.05' };
  /** The table's Score column: after the term, its side, the counts and the rates per million. */
  const SCORE = 6;

  /** Wait for a drawn result: the summary line and the chart. */
  async function result(page) {
    await page.locator('#test-container corpus-compare .corpus-compare-summary', { hasText: /Target/ }).waitFor();
    await page.locator('#test-container corpus-compare svg.corpus-compare-svg').waitFor();
  }

  for (const kind of KINDS) {
    test(`a year-range comparison lists terms with their counts on both sides (${kind})`, async () => {
      const { page, errors, context } = await mount('corpus-compare', { kind, state: YEARS });
      await result(page);
      const compare = page.locator('#test-container corpus-compare');
      assert.equal(await compare.locator('.corpus-compare-summary').textContent(),
        'Target: 3 documents, 2,070 words · Reference: 2 documents, 1,619 words · 5 key terms in the target, 3 in the reference, '
        + 'at p < 0.05, adjusted for the number of terms tested (Benjamini–Hochberg) '
        + '(129 terms with an adjusted p ≥ 0.05, a difference chance alone often makes, not listed).');
      const rows = await rowsOf(compare.locator('table.corpus-compare-terms'));
      const moscow = rows.find((cells) => cells[0] === 'moscow');
      assert.deepEqual(moscow.slice(0, 4), ['moscow', 'target', '31', '5']);
      const koizumi = rows.find((cells) => cells[0] === 'koizumi');
      assert.deepEqual(koizumi.slice(0, 4), ['koizumi', 'reference', '0', '14']);
      // Per million words of each side, the score, the log ratio, p and p adjusted (Benjamini–Hochberg).
      assert.deepEqual(moscow.slice(4, 6), ['14,976', '3,088']);
      assert.ok(Number(koizumi[SCORE]) < 0 && Number(koizumi[SCORE + 1]) < 0, 'a reference term scores below zero');
      const p = (text) => Number(text.replace('\u2212', '-'));
      assert.ok(p(moscow[SCORE + 3]) > p(moscow[SCORE + 2]), 'adjusted, p grows');
      // The chart draws the strongest of each side, target to the right.
      const svg = compare.locator('svg.corpus-compare-svg');
      const titles = await titlesOf(svg);
      assert.ok(titles.some((t) => t.startsWith('moscow: 31 in the target, 5 in the reference')), titles.join('\n'));
      assert.ok(titles.some((t) => t.startsWith('koizumi: 0 in the target, 14 in the reference')));
      const side = (term) => svg.locator('g[data-mark="bar"] rect').filter({ has: page.locator('title', { hasText: new RegExp(`^${term}:`) }) })
        .evaluate((rect) => rect.getBoundingClientRect().left - rect.ownerSVGElement.querySelector('g[data-mark="rule"] line').getBoundingClientRect().left);
      assert.ok(await side('moscow') >= -1, 'moscow to the right of zero');
      assert.ok(await side('koizumi') < -1, 'koizumi to the left of zero');
      // Every bar's numbers are in the table.
      for (const title of titles) {
        const [, term, target, reference] = /^(\S+): ([\d,]+) in the target, ([\d,]+) in the reference/.exec(title);
        const row = rows.find((cells) => cells[0] === term);
        assert.deepEqual(row.slice(2, 4), [target, reference], term);
      }
      assert.deepEqual(errors(), []);
      await context.close();
    });
  }

  for (const kind of KINDS) {
    test(`a malformed query shows the engine's error under its own box (${kind})`, async () => {
      const { page, errors, context } = await mount('corpus-compare', { kind, state: YEARS });
      await result(page);
      const compare = page.locator('#test-container corpus-compare');
      await compare.locator('input[name="b"]').fill('putin AND (');
      await compare.locator('input[name="b"]').press('Enter');
      const under = compare.locator('.corpus-compare-error[data-for="b"]');
      await under.waitFor();
      assert.equal(await under.getAttribute('role'), 'alert');
      assert.match(await under.textContent(), /^invalid query/);
      assert.equal(await compare.locator('input[name="b"]').getAttribute('aria-invalid'), 'true');
      assert.equal(await compare.locator('.corpus-compare-error[data-for="a"]').isHidden(), true);
      assert.equal(await compare.locator('figure').isHidden(), true, 'no stale result beside the error');

      await compare.locator('input[name="a"]').fill('putin "peace');
      await compare.locator('input[name="b"]').fill('');
      await compare.locator('button[type="submit"]').click();
      const target = compare.locator('.corpus-compare-error[data-for="a"]');
      await target.getByText('invalid query: unclosed quote at position 6').waitFor();
      assert.equal(await target.locator('.corpus-compare-error-at').textContent(), '"');
      assert.equal(await compare.locator('.corpus-compare-error[data-for="b"]').isHidden(), true);
      await screenshotOf(compare, `compare-error-${kind}.png`);

      // The engine's own limits, such as a reference left empty by the target, go under the reference.
      await compare.locator('input[name="a"]').fill('putin');
      await compare.locator('input[name="b"]').fill('koizumi');
      await compare.locator('button[type="submit"]').click();
      await compare.locator('.corpus-compare-error[data-for="b"]', { hasText: 'no reference documents' }).waitFor();

      await compare.locator('input[name="a"]').fill('koizumi');
      await compare.locator('input[name="b"]').fill('putin');
      await compare.locator('button[type="submit"]').click();
      await result(page);
      assert.equal(await compare.locator('.corpus-compare-error:not([hidden])').count(), 0, 'fixed: the errors go');
      assert.deepEqual(errors(), []);
      await context.close();
    });
  }

  test('switching the measure redraws with the new scores', async () => {
    const { page, errors, context } = await mount('corpus-compare', { state: YEARS });
    await result(page);
    const compare = page.locator('#test-container corpus-compare');
    const before = await compare.locator('svg.corpus-compare-svg').elementHandle();
    const score = async () => (await rowsOf(compare.locator('table.corpus-compare-terms'))).find((cells) => cells[0] === 'moscow')[SCORE];
    const llr = await score();
    await compare.locator('select[name="measure"]').selectOption('logratio');
    await compare.locator('svg.corpus-compare-svg', { hasText: 'log ratio' }).waitFor();
    assert.equal(await before.evaluate((svg) => svg.isConnected), false, 'a new chart replaced the old');
    assert.notEqual(await score(), llr);
    assert.match(await compare.locator('table.corpus-compare-terms caption').textContent(), /by log ratio/);
    assert.deepEqual(await seen(page, 'corpus-state-change'), [{ state: { ...YEARS, measure: 'logratio' } }]);
    assert.deepEqual(await page.evaluate(() => window.view.state), { ...YEARS, measure: 'logratio' });
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('the state goes out with each change the user makes and comes back in', async () => {
    const { page, errors, context } = await mount('corpus-compare', { state: YEARS });
    await result(page);
    const compare = page.locator('#test-container corpus-compare');
    assert.deepEqual(await page.evaluate(() => window.view.state), YEARS);
    await compare.locator('input[name="a"]').fill('koizumi');
    await compare.locator('input[name="b"]').fill('');
    await compare.locator('input[name="min"]').fill('2');
    await compare.locator('input[name="a"]').press('Enter');
    await compare.locator('.corpus-compare-summary', { hasText: 'the rest of the corpus' }).waitFor();
    const changes = await seen(page, 'corpus-state-change');
    const state = changes.at(-1).state;
    assert.deepEqual(state, { a: 'koizumi', b: '', measure: 'llr', min: '2', p: '0.05' });
    const rows = await rowsOf(compare.locator('table.corpus-compare-terms'));

    // Any p lists every term; the cut goes out with the state.
    await compare.locator('select[name="p"]').selectOption('1');
    await compare.locator('.corpus-compare-summary', { hasText: 'in the reference, at any p.' }).waitFor();
    assert.deepEqual((await seen(page, 'corpus-state-change')).at(-1).state, { ...state, p: '1' });
    assert.ok((await rowsOf(compare.locator('table.corpus-compare-terms'))).length > rows.length, 'more terms at any p');
    await compare.locator('select[name="p"]').selectOption('0.05');
    await compare.locator('.corpus-compare-summary', { hasText: 'at p < 0.05' }).waitFor();
    const changesAfterCut = await seen(page, 'corpus-state-change');

    // Setting the state, as a page does from its URL, reruns: the same table again.
    await page.evaluate((s) => { window.view.state = s; }, YEARS);
    await compare.locator('.corpus-compare-summary', { hasText: 'Reference: 2 documents' }).waitFor();
    assert.equal(await compare.locator('input[name="a"]').inputValue(), YEARS.a);
    await page.evaluate((s) => { window.view.state = s; }, state);
    await compare.locator('.corpus-compare-summary', { hasText: 'the rest of the corpus' }).waitFor();
    assert.deepEqual(await rowsOf(compare.locator('table.corpus-compare-terms')), rows);
    assert.equal(await compare.locator('input[name="min"]').inputValue(), '2');
    assert.equal((await seen(page, 'corpus-state-change')).length, changesAfterCut.length, 'setting the state is not a user change');
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('a side of one document is said to be too small to conclude anything', async () => {
    const { page, errors, context } = await mount('corpus-compare', { state: { a: 'person:"vladimir putin"', b: '', measure: 'llr', min: '3' } });
    const summary = page.locator('#test-container corpus-compare .corpus-compare-summary');
    await summary.filter({ hasText: 'Target: 4 documents, 3,171 words · Reference: 1 document, 518 words (the rest of the corpus)' }).waitFor();
    assert.match(await summary.textContent(),
      /The reference is 1 document: what sets it apart is that document's own, too little to conclude anything about a subset\.$/);
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('a state without a target shows the first starter, not an error', async () => {
    const { page, errors, context } = await mount('corpus-compare', { state: YEARS });
    await result(page);
    const compare = page.locator('#test-container corpus-compare');
    await page.evaluate(() => { window.view.state = {}; });
    await compare.locator('.corpus-compare-summary', { hasText: 'Target: 3 documents, 2,070 words · Reference: 2 documents, 1,619 words' }).waitFor();
    assert.equal(await compare.locator('input[name="a"]').inputValue(), 'year:1999..2001');
    assert.equal(await compare.locator('.corpus-compare-error:not([hidden])').count(), 0);
    // The user clearing the target and submitting is told what to do.
    await compare.locator('input[name="a"]').fill('');
    await compare.locator('input[name="a"]').press('Enter');
    await compare.locator('.corpus-compare-error[data-for="a"]', { hasText: 'Type a query for the target' }).waitFor();
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('starters come from the corpus; a term opens a search; the table sorts', async () => {
    const { page, errors, context } = await mount('corpus-compare');
    await result(page);
    const compare = page.locator('#test-container corpus-compare');
    const starters = await compare.locator('.corpus-compare-starter').allTextContents();
    // Vladimir Putin is named in 4 of the 5 documents: one left is too few to compare with.
    assert.deepEqual(starters, ['1999–2001 vs 2004–2005', 'Eurasia Daily Monitor vs Monitor', 'Junichiro Koizumi vs the rest']);
    assert.equal(await compare.locator('input[name="a"]').inputValue(), 'year:1999..2001', 'the first starter is shown at first');
    // Each side's size in documents and words (the Eurasia Daily Monitor's two articles hold 1,619 of the 3,689).
    for (const [i, expected] of [[1, 'Target: 2 documents, 1,619 words · Reference: 3 documents, 2,070 words ·'], [2, 'Target: 2 documents, 1,619 words · Reference: 3 documents, 2,070 words (the rest of the corpus)']]) {
      await compare.locator('.corpus-compare-starter').nth(i).click();
      await compare.locator('.corpus-compare-summary', { hasText: expected }).waitFor();
    }
    assert.equal((await seen(page, 'corpus-state-change')).length, 2);

    await compare.locator('.corpus-compare-starter').first().click();
    await compare.locator('.corpus-compare-summary', { hasText: 'Target: 3 documents' }).waitFor();
    // A bar, a label at the zero line and a term in the table each search for their term.
    await compare.locator('g[data-mark="bar"] rect').filter({ has: page.locator('title', { hasText: /^kono:/ }) }).click();
    await compare.locator('g[data-mark="text"] text', { hasText: /^november$/ }).click();
    await compare.locator('table.corpus-compare-terms button[data-term="moscow"]').click();
    // The term's exact form, within the two subsets compared.
    const within = (term) => ({ query: `"${term}" ((year:1999..2001) OR (year:2004..2005))` });
    assert.deepEqual(await seen(page, 'corpus-search'), [within('kono'), within('november'), within('moscow')]);

    const header = compare.locator('th[data-key="target"]');
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const counts = (await rowsOf(compare.locator('table.corpus-compare-terms'))).map((cells) => Number(cells[2]));
    assert.deepEqual(counts, [...counts].sort((x, y) => y - x));
    await header.locator('button').click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(errors(), []);
    await context.close();
  });

  test('looks right in light, dark and on a phone', async () => {
    const shots = [
      ['compare.png', {}],
      ['compare-dark.png', { colorScheme: 'dark' }],
      ['compare-phone.png', { viewport: { width: 390, height: 844 } }],
      ['compare-360.png', { viewport: { width: 360, height: 740 } }],
    ];
    for (const [name, options] of shots) {
      const { page, errors, context } = await mount('corpus-compare', { ...options, state: YEARS });
      await result(page);
      assert.equal(await noOverflow(page), 0, `${name}: nothing wider than the screen`);
      const clipped = await page.locator('corpus-compare svg text').evaluateAll((texts) => texts.filter((t) => {
        const box = t.getBoundingClientRect();
        const svg = t.ownerSVGElement.getBoundingClientRect();
        return box.left < svg.left - 1 || box.right > svg.right + 1;
      }).map((t) => t.textContent));
      assert.deepEqual(clipped, [], `${name}: labels inside the chart`);
      await screenshotOf(page.locator('#test-container'), name);
      assert.deepEqual(errors(), []);
      await context.close();
    }
  });
});
