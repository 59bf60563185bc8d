// Exports in a real browser: www/js/export/export.js's control on a Plot chart and
// a table holding hostile corpus text, and on the page's own network. The
// downloads are caught as a user's browser would save them, and read back.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { openPage, screenshotOf, useBrowser } from './harness.mjs';

const app = useBrowser();

const HOSTILE = '<img src=x onerror=alert(1)>';
const PARAMETERS = { measure: 'pmi', unit: 'sentence', query: 'putin "peace treaty"', size: 15 };

/**
 * The page, with export.css, a Plot bar chart and a table labelled with
 * HOSTILE, and an export control for them in `.export-fixture`. The
 * parameters are read from `window.exportParameters` at click time;
 * `window.alerts` counts calls to alert().
 */
async function openFixture(options) {
  const opened = await openPage(app, '/', options);
  const { page } = opened;
  await page.addStyleTag({ url: '/css/export.css' });
  await page.evaluate(async ({ hostile, parameters }) => {
    const { exportControls } = await import('/js/export/export.js');
    const { barY, plot } = await import('/vendor/charts.js');
    window.alerts = 0;
    window.alert = () => window.alerts++;
    window.exportParameters = parameters;
    const data = [{ name: hostile, n: 3 }, { name: 'Vladimir Putin', n: 5 }, { name: '=1+1', n: 2 }];
    const chart = plot({
      width: 420, height: 240, marginBottom: 40,
      style: { background: 'transparent', color: 'currentColor', fontFamily: 'inherit' },
      x: { label: null, domain: data.map((d) => d.name) },
      marks: [barY(data, { x: 'name', y: 'n', fill: 'var(--corpus-chart-1)', title: 'name' })],
    });
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const label of ['Entity', hostile, 'score']) head.append(Object.assign(document.createElement('th'), { textContent: label }));
    const body = table.createTBody();
    for (const cells of [['Vladimir Putin', '12,345', '-0.5'], [hostile, '=1+1', '3'], ['Mori, Yoshiro', 'said "no"', '–']]) {
      const row = body.insertRow();
      for (const text of cells) row.insertCell().textContent = text;
    }
    const section = document.createElement('section');
    section.className = 'export-fixture';
    section.style.cssText = 'padding: 1rem; background: var(--corpus-surface); color: var(--corpus-fg)';
    const controls = exportControls({
      name: 'test chart',
      parameters: () => window.exportParameters,
      svg: () => section.querySelector('svg'),
      table: () => table,
      extra: [
        { label: 'GEXF', mime: 'application/gexf+xml', data: async () => '<?xml version="1.0"?><gexf/>' },
        { label: 'Broken', data: () => { throw new Error('no network yet'); } },
      ],
    });
    section.append(controls, chart, table);
    document.querySelector('main').prepend(section);
  }, { hostile: HOSTILE, parameters: PARAMETERS });
  return opened;
}

/** Open the control in `scope` and return its button for `format`. */
async function exportButton(scope, name, format) {
  const control = scope.locator('details.corpus-export');
  if (!(await control.evaluate((d) => d.open))) await control.locator('summary').click();
  return control.getByRole('button', { name: `${format} of ${name}`, exact: true });
}

/** Click `button` and return the file it downloads: `{name, bytes}`. */
async function downloadOf(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** The chunks of a PNG file as `[{type, text}]`, text as Latin-1. */
function pngChunks(bytes) {
  const chunks = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    chunks.push({ type: bytes.toString('latin1', at + 4, at + 8), text: bytes.toString('latin1', at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/**
 * What the page makes of an exported SVG: parsed with DOMParser, then put
 * into the document (where any injected markup would run).
 */
function inspectSvg(page, text) {
  return page.evaluate(async (source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const placed = document.importNode(root, true);
    document.body.append(placed);
    await new Promise((resolve) => setTimeout(resolve, 200));
    placed.remove();
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      namespace: root.namespaceURI,
      size: [root.getAttribute('width'), root.getAttribute('height')],
      parameters: JSON.parse(doc.querySelector('metadata').textContent),
      background: doc.querySelector('rect.corpus-export-background')?.getAttribute('fill'),
      // The chart's own texts; the frame's (title, legend, source line) apart.
      texts: [...doc.querySelectorAll('text:not(.corpus-export-title, .corpus-export-source, .corpus-export-legend text)')].map((t) => t.textContent),
      frame: {
        title: [...doc.querySelectorAll('text.corpus-export-title')].map((t) => t.textContent).join(' '),
        legend: [...doc.querySelectorAll('.corpus-export-legend text')].map((t) => t.textContent),
        source: [...doc.querySelectorAll('text.corpus-export-source')].map((t) => t.textContent).join(' '),
      },
      foreign: doc.querySelectorAll('img, script, style, foreignObject, [onerror]').length,
      alerts: window.alerts,
    };
  }, text);
}

describe('exporting a chart', () => {
  test('as SVG: standalone, with concrete colours, the parameters, and corpus text escaped', async () => {
    const { page, errors, context } = await openFixture();
    const fixture = page.locator('.export-fixture');
    const { name, bytes } = await downloadOf(page, await exportButton(fixture, 'test chart', 'SVG'));
    assert.equal(name, 'test-chart_measure-pmi_unit-sentence_query-putin-peace-treaty_size-15.svg');
    const svg = bytes.toString('utf8');
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(!svg.includes('var(--'), 'no CSS custom property left');
    assert.ok(!svg.includes('<img'), 'the hostile label is not markup');
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the hostile label is escaped text');

    const seen = await inspectSvg(page, svg);
    assert.equal(seen.error, null);
    assert.equal(seen.root, 'svg');
    assert.equal(seen.namespace, 'http://www.w3.org/2000/svg');
    assert.deepEqual(seen.size, ['420', '240']);
    assert.deepEqual(seen.parameters, PARAMETERS);
    assert.ok(seen.texts.includes(HOSTILE), seen.texts.join(' | '));
    assert.equal(seen.foreign, 0, 'no <img>, <script>, <style> or handler in the file');
    assert.equal(seen.alerts, 0, 'nothing ran when the file was put into a page');
    // The page's colours, resolved: the panel's surface behind, the bars in --corpus-chart-1.
    const page_ = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.export-fixture'));
      const probe = document.createElement('span');
      probe.style.color = style.getPropertyValue('--corpus-chart-1');
      document.body.append(probe);
      const bar = getComputedStyle(probe).color;
      probe.remove();
      return { surface: style.backgroundColor, bar };
    });
    assert.equal(seen.background, page_.surface);
    assert.ok(svg.includes(`fill: ${page_.bar}`), `bars filled with ${page_.bar}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('as PNG: twice the size, drawn in the page\'s colours, its parameters in a tEXt chunk', async () => {
    const { page, errors, context } = await openFixture();
    // Parameters are read at click time: a change after the control was made shows.
    const later = { ...PARAMETERS, measure: 'llr' };
    await page.evaluate((p) => { window.exportParameters = p; }, later);
    const { name, bytes } = await downloadOf(page, await exportButton(page.locator('.export-fixture'), 'test chart', 'PNG'));
    assert.match(name, /^test-chart_measure-llr_.*\.png$/);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = pngChunks(bytes);
    assert.deepEqual(chunks.slice(0, 2).map((c) => c.type), ['IHDR', 'tEXt']);
    assert.equal(chunks.at(-1).type, 'IEND');
    const [keyword, text] = chunks[1].text.split('\0');
    assert.equal(keyword, 'parameters');
    assert.deepEqual(JSON.parse(text), later);

    const decoded = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context2d = canvas.getContext('2d');
      context2d.drawImage(bitmap, 0, 0);
      const pixel = (x, y) => [...context2d.getImageData(x, y, 1, 1).data];
      // The middle of the tallest bar, in the chart's units, doubled.
      const bar = [...document.querySelectorAll('.export-fixture svg rect')].sort((a, b) => b.height.baseVal.value - a.height.baseVal.value)[0];
      const middle = [bar.x.baseVal.value + bar.width.baseVal.value / 2, bar.y.baseVal.value + bar.height.baseVal.value / 2];
      return { width: bitmap.width, height: bitmap.height, corner: pixel(1, 1), bar: pixel(Math.round(middle[0] * 2), Math.round(middle[1] * 2)), fill: getComputedStyle(bar).fill, surface: getComputedStyle(document.querySelector('.export-fixture')).backgroundColor };
    }, bytes.toString('base64'));
    assert.equal(decoded.width, 840);
    assert.equal(decoded.height, 480);
    const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
    assert.deepEqual(decoded.corner, [...rgb(decoded.surface), 255], 'the background is the panel\'s');
    assert.deepEqual(decoded.bar, [...rgb(decoded.fill), 255], 'the bar is its colour on the page, not black');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the table as CSV and JSON: the same cells, parameters recorded, formulas defused', async () => {
    const { page, errors, context } = await openFixture();
    const fixture = page.locator('.export-fixture');
    const csv = await downloadOf(page, await exportButton(fixture, 'test chart', 'CSV'));
    assert.match(csv.name, /^test-chart_.*\.csv$/);
    const lines = csv.bytes.toString('utf8').split('\r\n');
    assert.equal(lines[0], '# corpus-lens table; parameters: {"measure":"pmi","unit":"sentence","query":"putin \\u0022peace treaty\\u0022","size":15}');
    assert.deepEqual(lines.slice(1), [
      `Entity,${HOSTILE},score`,
      'Vladimir Putin,12345,-0.5',
      `${HOSTILE},'=1+1,3`,
      '"Mori, Yoshiro","said ""no""",', // "–", no value: an empty cell
      '',
    ]);

    const json = await downloadOf(page, await exportButton(fixture, 'test chart', 'JSON'));
    assert.match(json.name, /^test-chart_.*\.json$/);
    assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), {
      parameters: PARAMETERS,
      columns: ['Entity', HOSTILE, 'score'],
      rows: [
        { Entity: 'Vladimir Putin', [HOSTILE]: 12345, score: -0.5 },
        { Entity: HOSTILE, [HOSTILE]: '=1+1', score: 3 },
        { Entity: 'Mori, Yoshiro', [HOSTILE]: 'said "no"', score: null },
      ],
    });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('extra formats download their data; a failing one says why in an alert', async () => {
    const { page, errors, context } = await openFixture();
    const fixture = page.locator('.export-fixture');
    const gexf = await downloadOf(page, await exportButton(fixture, 'test chart', 'GEXF'));
    assert.equal(gexf.bytes.toString('utf8'), '<?xml version="1.0"?><gexf/>');
    assert.match(gexf.name, /\.gexf$/);

    await (await exportButton(fixture, 'test chart', 'Broken')).click();
    const alert = fixture.locator('.corpus-export [role="alert"]');
    await assert.doesNotReject(alert.getByText('Could not export test chart as Broken: no network yet').waitFor());
    await page.evaluate(() => document.activeElement?.blur());
    await page.mouse.move(0, 0);
    await screenshotOf(fixture, 'export.png');
    // The next export that works clears it.
    await downloadOf(page, await exportButton(fixture, 'test chart', 'CSV'));
    await assert.doesNotReject(alert.waitFor({ state: 'hidden' }));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('works from the keyboard, and offers only what the view has', async () => {
    const { page, errors, context } = await openFixture();
    const control = page.locator('.export-fixture details.corpus-export');
    await control.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await control.evaluate((d) => d.open), true);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'SVG of test chart');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(download.suggestedFilename(), /\.svg$/);
    await page.keyboard.press('Escape');
    assert.equal(await control.evaluate((d) => d.open), false);
    assert.equal(await page.evaluate(() => document.activeElement.localName), 'summary');
    const labels = await control.locator('.corpus-export-button').allTextContents();
    assert.deepEqual(labels, ['SVG', 'PNG', 'CSV', 'JSON', 'GEXF', 'Broken']);

    // Without its chart, the view offers the table only; with nothing, says so.
    const offered = await page.evaluate(async () => {
      const { exportControls } = await import('/js/export/export.js');
      const tableOnly = exportControls({ name: 'x', parameters: () => ({}), svg: () => null, table: () => ({ columns: ['a'], rows: [[1]] }) });
      const nothing = exportControls({ name: 'y', parameters: () => ({}), svg: () => { throw new Error('not drawn'); }, table: () => null });
      return [[...tableOnly.querySelectorAll('button')].map((b) => b.textContent), nothing.querySelector('.corpus-export-menu').textContent];
    });
    assert.deepEqual(offered, [['CSV', 'JSON'], 'Nothing to export yet.']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the control fits a phone screen', async () => {
    const { page, errors, context } = await openFixture({ viewport: { width: 390, height: 844 } });
    await page.locator('.export-fixture details.corpus-export summary').click();
    const box = await page.locator('.export-fixture .corpus-export').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
    const buttons = await page.locator('.export-fixture .corpus-export-button').evaluateAll((all) => all.map((b) => b.getBoundingClientRect().right));
    assert.ok(buttons.every((right) => right <= 390), buttons.join(', '));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('exporting the page\'s charts', () => {
  /** The explorer's network view, once the network is drawn. */
  async function openNetwork(options) {
    const opened = await openPage(app, '/#view=network', options);
    await opened.page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await opened.page.locator('corpus-network .corpus-network-node').first().waitFor();
    return opened;
  }

  test('the network, from its own control, as SVG with concrete colours and only the labels shown, and as GEXF', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, errors, context } = await openNetwork({ colorScheme });
      const expected = await page.evaluate(() => {
        const network = document.querySelector('corpus-network').shadowRoot;
        const svg = network.querySelector('svg');
        return {
          fill: getComputedStyle(svg.querySelector('.corpus-network-node circle')).fill,
          edge: getComputedStyle(svg.querySelector('.corpus-network-edge-line')).stroke,
          label: getComputedStyle(svg.querySelector('.corpus-network-label.is-shown')).stroke,
          surface: getComputedStyle(svg.closest('.corpus-figure')).backgroundColor,
          shown: [...svg.querySelectorAll('.corpus-network-label.is-shown')].map((t) => t.textContent),
          nodes: svg.querySelectorAll('.corpus-network-node').length,
          unit: network.querySelector('.corpus-network-unit').value,
        };
      });
      const figure = page.locator('corpus-network figure.corpus-figure');
      const { bytes } = await downloadOf(page, await exportButton(figure, 'Co-occurrence network', 'SVG'));
      const svg = bytes.toString('utf8');
      assert.ok(!svg.includes('var(--'), 'no CSS custom property left');
      for (const colour of [`fill: ${expected.fill}`, `stroke: ${expected.edge}`, `stroke: ${expected.label}`]) {
        assert.ok(svg.includes(colour), `${colour} (${colorScheme})`);
      }
      const seen = await inspectSvg(page, svg);
      assert.equal(seen.error, null);
      assert.equal(seen.background, expected.surface, colorScheme);
      assert.equal(seen.parameters.unit, expected.unit, JSON.stringify(seen.parameters));
      assert.deepEqual(seen.texts, expected.shown, 'hidden labels stay hidden');
      assert.equal((svg.match(/<circle/g) ?? []).length, expected.nodes);

      const gexf = await downloadOf(page, await exportButton(figure, 'Co-occurrence network', 'GEXF'));
      assert.match(gexf.bytes.toString('utf8'), new RegExp(`^<\\?xml[^]*<gexf[^]*<description>[^<]*${expected.unit}`));
      assert.match(gexf.name, /\.gexf$/);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('the entity page\'s charts export under the entity\'s name and their own, each file apart', async () => {
    const { page, errors, context } = await openPage(app, '/#view=entities&entity=person:yoshiro-mori');
    const entity = page.locator('corpus-entity');
    await entity.locator('.corpus-entity-collocates svg').waitFor();
    const names = [];
    for (const figure of await entity.locator('figure.corpus-figure').filter({ has: page.locator('svg') }).all()) {
      const control = figure.locator('details.corpus-export');
      await control.locator('summary').click();
      const { name } = await downloadOf(page, control.getByRole('button', { name: /^CSV of / }));
      names.push(name.replace(/_[^.]*/, ''));
    }
    assert.ok(names.length >= 3, names.join(', '));
    assert.equal(new Set(names).size, names.length, `each chart its own file: ${names.join(', ')}`);
    for (const name of names) assert.match(name, /^person-yoshiro-mori-[a-z]+\.csv$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a view\'s chart exports with its title, the legend of its lines and a source line naming the corpus and settings', async () => {
    const { page, errors, context } = await openPage(app, '/#view=timeline&q=%22peace%20treaty%22');
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    const timeline = page.locator('corpus-timeline');
    await timeline.locator('svg.corpus-timeline-svg').waitFor();
    const drawn = await timeline.locator('.corpus-timeline-entity:has(input:checked)').allTextContents();
    const figure = timeline.locator('figure.corpus-figure');
    const title = await figure.evaluate((f) => f.getRootNode().getElementById(f.getAttribute('aria-labelledby')).textContent);
    const { bytes } = await downloadOf(page, await exportButton(figure, title, 'SVG'));
    const svg = bytes.toString('utf8');
    const seen = await inspectSvg(page, svg);
    assert.equal(seen.error, null);
    assert.equal(seen.frame.title, title);
    assert.deepEqual(seen.frame.legend, [...drawn, 'Matches of "peace treaty"'], 'every line drawn, named as on the page');
    assert.match(seen.frame.source, /^Source: .+ \(sha256:[0-9a-f]{12}…\), timeline view; .*q="peace treaty".*; exported \d{4}-\d\d-\d\d \d\d:\d\d UTC by corpus-lens 0\.1\.0$/);
    assert.equal(seen.parameters.program, 'corpus-lens 0.1.0');
    // The legend's swatches are the lines' colours, and the query's is dashed.
    const swatches = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return [...doc.querySelectorAll('.corpus-export-legend :is(rect, line)')].map((s) => ({ colours: [s.getAttribute('fill'), s.getAttribute('stroke')], dash: s.getAttribute('stroke-dasharray') }));
    }, svg);
    const lines = await timeline.locator('svg.corpus-timeline-svg path[stroke]').evaluateAll((paths) => paths.map((p) => getComputedStyle(p).stroke));
    // A pale line is drawn in an edge colour a shade off its own (chart-edges.js,
    // against the chart's surface), its key filled in the colour and edged: alike, not equal.
    const rgb = (css) => css?.match(/\d+/g)?.slice(0, 3).map(Number) ?? [NaN, NaN, NaN];
    const near = (a, b) => rgb(a).every((v, i) => Math.abs(v - rgb(b)[i]) <= 12);
    swatches.slice(0, drawn.length).forEach(({ colours }, i) => {
      assert.ok(colours.some((c) => near(c, lines[i])), `${drawn[i]}: ${colours} against its line's ${lines[i]}`);
    });
    assert.ok(swatches.at(-1).dash, 'the query key is dashed');

    const png = await downloadOf(page, await exportButton(figure, title, 'PNG'));
    const header = pngChunks(png.bytes)[0].text;
    const [width, height] = [Buffer.from(header, 'latin1').readUInt32BE(0), Buffer.from(header, 'latin1').readUInt32BE(4)];
    assert.deepEqual([width, height], seen.size.map((n) => Number(n) * 2), 'the PNG is the framed SVG, twice the size');
    await screenshotOf(figure, 'export-framed.png').catch(() => {});
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the heatmap\'s Plot figure exports its legend and chart stacked in one SVG', async () => {
    const { page, errors, context } = await openNetwork();
    await page.locator('corpus-matrix svg.corpus-matrix-svg').waitFor();
    const svg = await page.evaluate(async () => {
      const { svgForExport } = await import('/js/export/export-image.js');
      // Plot's own <figure>: the colour legend's <svg> and the chart's.
      const plotFigure = document.querySelector('corpus-matrix').shadowRoot.querySelector('svg.corpus-matrix-svg').parentElement;
      return svgForExport(plotFigure, { size: 15 });
    });
    const onPage = await page.locator('corpus-matrix svg.corpus-matrix-svg').evaluate((chart) =>
      [...chart.parentElement.querySelectorAll('svg')].filter((s) => !s.parentElement.closest('svg')).length);
    const parts = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return [...doc.documentElement.children].map((child) => child.localName);
    }, svg);
    assert.ok(onPage >= 2, `a legend and a chart (${onPage})`);
    assert.deepEqual(parts, ['metadata', 'rect', ...Array(onPage).fill('svg')]);
    assert.ok(!svg.includes('var(--'));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
