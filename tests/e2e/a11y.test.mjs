// Accessibility, end to end (issue 22), in Chromium (see harness.mjs):
//   - axe-core over every view and every open state (a panel, a menu, a
//     picker), in the light and the dark scheme, at 1280 px and at a phone's
//     390 px, and over the widgets in someone else's page (the README's
//     Embed snippet): no violation at any impact, beside the few exceptions
//     listed below with their reasons;
//   - at 320 px nothing scrolls sideways, in any of those states (WCAG 1.4.10);
//   - Chromium's accessibility tree: the names and roles of the controls a
//     person uses most, each name beginning with the text it shows (2.5.3);
//   - every chart mark, bar, line, dot, cell and legend key, 3:1 against its
//     background in both schemes (1.4.11), or edged in a colour that is:
//     axe does not look at graphics, so the ratios are computed here.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { startHostServer } from '../browsers/server.mjs';
import { LOADER_STATE, VIEWS, settled } from './explorer-states.mjs';
import { ROOT, openPage, useBrowser } from './harness.mjs';

const app = useBrowser();

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/**
 * Violations let through, each `{rule, target, reason}`: `target` matches
 * the offending node's selector (axe's, through shadow roots, joined by
 * " >> "). Keep this list tiny, and give each its reason.
 */
const EXCEPTIONS = [];

const SCHEMES = ['light', 'dark'];
const WIDTHS = [1280, 390];

/** The open states: a view, then what a person does to open something in it. */
const OPEN_STATES = [
  LOADER_STATE,
  {
    name: 'the corpus switcher open',
    fragment: '#view=overview',
    ready: ['corpus-overview corpus-documents tbody tr'],
    async open(page) {
      await page.locator('corpus-switcher summary').click();
      await page.locator('corpus-switcher .corpus-switcher-choose').first().waitFor();
    },
  },
  {
    name: 'every export menu of the overview open',
    fragment: '#view=overview',
    ready: ['corpus-overview corpus-documents tbody tr', 'corpus-overview svg.corpus-overview-bars'],
    async open(page) {
      const summaries = page.locator('corpus-overview .corpus-export-summary');
      for (let i = 0; i < await summaries.count(); i++) await summaries.nth(i).click();
      await page.locator('corpus-overview .corpus-export-button').first().waitFor();
    },
  },
  {
    name: 'the alias editor, an edit made and its picker open',
    fragment: '#view=entities&entity=person:george-h-w-bush',
    ready: ['corpus-entity .corpus-entity-mention'],
    async open(page) {
      const entity = page.locator('corpus-entity');
      const input = entity.getByRole('combobox', { name: 'Merge into this entity' });
      await input.fill('Bush');
      await entity.getByRole('option', { name: /^Bush/ }).click();
      await entity.locator('.corpus-alias-merge-button').click();
      await entity.locator('.corpus-alias-status', { hasText: 'Merged Bush into George H.W. Bush.' }).waitFor();
      await entity.locator('.corpus-alias-edit').first().waitFor();
      // After the edit, the focus goes to its message and the page redraws: then type.
      await settled(page);
      await input.click();
      await input.fill('Pu');
      await entity.getByRole('listbox', { name: 'Entities' }).getByRole('option').first().waitFor();
    },
  },
  {
    name: 'the query syntax open',
    fragment: '#view=search&q=kuril*',
    ready: ['corpus-search .corpus-result'],
    async open(page) {
      await page.locator('corpus-search .corpus-search-help summary').click();
      await page.locator('corpus-search .corpus-search-help dl').waitFor();
    },
  },
];

// ---- opening pages

/** The explorer at `fragment`, drawn: `scheme` and `width` as a browser context's. */
async function openExplorer({ fragment, ready, open }, { scheme = 'light', width = 1280 } = {}) {
  const opened = await openPage(app, `/${fragment}`, { colorScheme: scheme, viewport: { width, height: 900 } });
  const { page } = opened;
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  for (const selector of ready) await page.locator(selector).first().waitFor({ timeout: 20_000 });
  if (open) await open(page);
  await settled(page);
  return opened;
}

/** The README's Embed snippet, its script served by the test server: what a web author pastes. */
function embedSnippet() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Embed\n'));
  const snippet = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(snippet, 'the README’s Embed section has an html snippet');
  return snippet.replaceAll('https://example.org/corpus-lens/', new URL('/dist/', app.baseUrl()).href);
}

let host = null;
after(() => host?.then(({ close }) => close()));

/**
 * The host page's URL, on a server of its own (tests/browsers/server.mjs):
 * another origin than the widgets' server, so that the script loads across
 * origins as on a real site. (A page fulfilled by Playwright's `route` has
 * no address, and Chromium then refuses it the loopback server's script.)
 */
async function hostUrl() {
  host ??= startHostServer({
    '/blog/posts/index.html': { type: 'text/html; charset=utf-8', body: () => hostPage() },
    '/blog/posts/articles.jsonl': { type: 'application/jsonl', body: readFileSync(path.join(ROOT, 'tests/fixtures/widgets/articles.jsonl'), 'utf8') },
  });
  return new URL('blog/posts/index.html', (await host).url).href;
}

/**
 * Someone else's page, on another origin, with the README's snippet in a
 * section of its own: a blog post with a title, a paragraph and a heading
 * over the widgets (the widgets' own headings start at level 3).
 */
function hostPage() {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><link rel="icon" href="data:,"><title>A post about Russia and Japan</title></head>
<body>
<main>
<h1>A post about Russia and Japan</h1>
<p>The host's own paragraph, before the widgets.</p>
<section aria-labelledby="explore"><h2 id="explore">Explore the articles</h2>
${embedSnippet()}
</section>
</main>
</body>
</html>`;
}

/** The host page in a new context, its widgets drawn. */
async function openHost({ scheme = 'light', width = 1280 } = {}) {
  const context = await app.browser().newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(await hostUrl());
  await page.locator('corpus-search .corpus-result').first().waitFor({ timeout: 30_000 });
  await page.locator('corpus-network .corpus-network-node').first().waitFor({ timeout: 30_000 });
  await settled(page);
  return { page, errors, context };
}

// ---- axe

/** axe-core's violations in the page, each as one line, less the listed exceptions. */
async function audit(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.flatMap((v) => v.nodes.map((node) => ({
      rule: v.id,
      impact: v.impact,
      target: node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : t)).join(' >> '),
      summary: node.failureSummary.split('\n').slice(1).join(' ').trim(),
    })));
  });
  return found
    .filter((v) => !EXCEPTIONS.some((e) => e.rule === v.rule && e.target.test(v.target)))
    .map((v) => `${v.rule} (${v.impact}): ${v.target}: ${v.summary}`);
}

/** Each state in each scheme and width: every violation found, prefixed with where. */
async function auditEverywhere(state, openState) {
  const lines = [];
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      const { page, errors, context } = await openState(state, { scheme, width });
      const found = (await audit(page)).map((line) => `${scheme} ${width}px: ${line}`);
      // A11Y_REPORT=file: every violation, one a line, for counting by rule.
      if (process.env.A11Y_REPORT) appendFileSync(process.env.A11Y_REPORT, found.map((line) => `${state.name} | ${line}\n`).join(''));
      lines.push(...found);
      assert.deepEqual(errors, [], `${state.name}, ${scheme} ${width}px: no error in the page`);
      await context.close();
    }
  }
  return lines;
}

describe('axe finds nothing', { concurrency: 4 }, () => {
  for (const state of [...VIEWS, ...OPEN_STATES]) {
    test(`${state.name}: light and dark, 1280 and 390 px`, async () => {
      const lines = await auditEverywhere(state, openExplorer);
      assert.deepEqual(lines, [], `${state.name}:\n${lines.join('\n')}`);
    });
  }

  test('the README’s Embed snippet in another site’s page: light and dark, 1280 and 390 px', async () => {
    const lines = await auditEverywhere({ name: 'the widgets in a host page' }, (_, options) => openHost(options));
    assert.deepEqual(lines, [], lines.join('\n'));
  });
});

// ---- reflow

describe('reflow', { concurrency: 4 }, () => {
  for (const state of [...VIEWS, ...OPEN_STATES]) {
    test(`${state.name}: nothing scrolls sideways at 320 px`, async () => {
      const { page, errors, context } = await openExplorer(state, { width: 320 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.equal(wide, 320, `${state.name}: the page is ${wide} px wide at 320 px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the widgets in a host page: nothing scrolls sideways at 320 px', async () => {
    const { page, errors, context } = await openHost({ width: 320 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// ---- the accessibility tree

/** Text as a person reads it on screen: whitespace runs as one space, trimmed. */
const squeeze = (text) => text.replace(/\s+/g, ' ').trim();

/** Chromium's own role and accessible name for `locator` (one element), from its accessibility tree. */
async function axNode(locator) {
  const page = locator.page();
  const session = await page.context().newCDPSession(page);
  try {
    await locator.evaluate((node) => { window.axTarget = node; });
    const { result } = await session.send('Runtime.evaluate', { expression: 'window.axTarget' });
    const { nodes } = await session.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
    return { role: nodes[0]?.role?.value ?? '', name: nodes[0]?.name?.value ?? '' };
  } finally {
    await session.detach();
  }
}

/** The accessible name Chromium gives `locator`. */
async function nameOf(locator) {
  return (await axNode(locator)).name;
}

describe('the accessibility tree', () => {
  test('search: the box, the results, the facets and the concordance lines, by role and name', async () => {
    const { page, errors, context } = await openExplorer(VIEWS[1]);
    const search = page.locator('corpus-search');
    await search.getByRole('search').getByRole('searchbox', { name: 'Search', exact: true }).waitFor();
    // A result is a button named by what it shows: the title, then the score.
    const result = search.locator('.corpus-result-open').first();
    const shown = await result.locator('span').allTextContents();
    assert.deepEqual(await axNode(result), { role: 'button', name: shown.join(' ') });
    assert.equal((await axNode(search.locator('.corpus-results > li').first())).role, 'listitem');
    // A facet is a toggle named by its value, then its count.
    const facets = search.getByRole('complementary', { name: 'Narrow the search' });
    const year = facets.getByRole('button', { name: /^2000 \d+/, pressed: false });
    await year.click();
    await facets.getByRole('button', { name: /^2000 \d+/, pressed: true }).waitFor();
    assert.match(await search.getByRole('searchbox').inputValue(), /year:2000$/);
    assert.deepEqual(errors, []);
    await context.close();

    // A concordance line: a button named by its match, opening the reader with Space.
    const kwic = await openExplorer(VIEWS[2]);
    const line = kwic.page.locator('corpus-search table.corpus-kwic tbody tr').first();
    const open = line.getByRole('button');
    assert.equal(await open.count(), 1, 'one button in a concordance line');
    const name = await nameOf(open);
    assert.ok(name.startsWith(squeeze(await line.locator('.corpus-kwic-match').textContent())), name);
    await open.focus();
    await kwic.page.keyboard.press('Space');
    await kwic.page.locator('corpus-reader mark.corpus-reader-mark').waitFor();
    assert.deepEqual(kwic.errors, []);
    await kwic.context.close();
  });

  test('the overview: its documents open from a button in each row, with Enter and with Space', async () => {
    const { page, errors, context } = await openExplorer(VIEWS[0]);
    const table = page.locator('corpus-overview corpus-documents');
    const rows = table.locator('tbody tr');
    const titles = await rows.locator('.title').allTextContents();
    for (const [i, title] of titles.entries()) {
      await rows.nth(i).getByRole('button', { name: title, exact: true }).waitFor();
    }
    await rows.nth(0).getByRole('button').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.locator('corpus-reader h2', { hasText: titles[1] }).waitFor();
    await page.goBack();
    await rows.nth(2).getByRole('button').press('Enter');
    await page.locator('corpus-reader h2', { hasText: titles[2] }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('export controls are named by their figure’s title', async () => {
    const { page, errors, context } = await openExplorer(VIEWS[0]);
    const figure = page.locator('corpus-overview figure[data-export-name="top-person"]');
    const title = squeeze(await figure.locator('.corpus-chart-title').textContent());
    assert.equal(title, 'People');
    const summary = figure.locator('.corpus-export-summary');
    assert.deepEqual(await axNode(summary), { role: 'DisclosureTriangle', name: `Export ${title}` });
    await summary.click();
    const menu = figure.getByRole('group', { name: `Export ${title} as` });
    for (const format of ['SVG', 'PNG', 'CSV', 'JSON']) await menu.getByRole('button', { name: `${format} of ${title}`, exact: true }).waitFor();
    // Every export control in the explorer's views says whose it is, by a title shown on screen.
    const views = ['overview', 'entities', 'network', 'timeline', 'compare'];
    const fragments = Object.fromEntries(VIEWS.map((v) => [v.fragment.split('&')[0].slice('#view='.length), v]));
    for (const view of views) {
      const opened = view === 'overview' ? { page, context: null } : await openExplorer(fragments[view]);
      const summaries = opened.page.locator(`section[data-view="${view}"] .corpus-export-summary`);
      assert.ok(await summaries.count() > 0, `${view}: export controls`);
      for (let i = 0; i < await summaries.count(); i++) {
        const name = await nameOf(summaries.nth(i));
        assert.match(name, /^Export \S/, `${view}: ${name}`);
        assert.doesNotMatch(name, /[a-z]+-[a-z]+-|export the/i, `${view}: “${name}” names a figure by its title, not its file name`);
      }
      await opened.context?.close();
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('entities: the list’s buttons are named by what they show, and the open entity is the current one', async () => {
    const { page, errors, context } = await openExplorer(VIEWS[3]);
    const list = page.locator('corpus-entities');
    const item = list.locator('.corpus-entities-item').first();
    const name = await nameOf(item);
    assert.ok(name.startsWith(squeeze(await item.textContent())), `“${name}” begins with what the button shows`);
    const current = list.locator('.corpus-entities-item[aria-current]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('aria-current'), 'true');
    assert.match(await nameOf(current), /^Yoshiro Mori \d+ mentions$/);
    // The alias editor's buttons too: "Split off" first.
    const split = page.locator('corpus-entity .corpus-alias-split').first();
    if (await split.count()) assert.match(await nameOf(split), /^Split off /);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('scrolling boxes take the focus and have a name, every disclosure open, at 390 px', async () => {
    for (const state of VIEWS) {
      const { page, context } = await openExplorer(state, { width: 390 });
      await page.evaluate(() => {
        const open = (root) => {
          for (const node of root.querySelectorAll('details')) node.open = true;
          for (const node of root.querySelectorAll('*')) if (node.shadowRoot) open(node.shadowRoot);
        };
        open(document);
      });
      await page.waitForTimeout(100);
      const unnamed = await page.evaluate(() => {
        const found = [];
        const walk = (root) => {
          for (const node of root.querySelectorAll('*')) {
            const style = getComputedStyle(node);
            const scrolls = (/(auto|scroll)/.test(style.overflowX) && node.scrollWidth > node.clientWidth + 1)
              || (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight + 1);
            const focusable = node.tabIndex >= 0 || node.querySelector('a[href], button, input, select, textarea, [tabindex]');
            const named = node.hasAttribute('aria-label') || node.hasAttribute('aria-labelledby');
            if (scrolls && node.checkVisibility() && (!focusable || (node.tabIndex >= 0 && !named))) found.push(`${node.localName}.${[...node.classList].join('.')}`);
            if (node.shadowRoot) walk(node.shadowRoot);
          }
        };
        walk(document);
        return found;
      });
      assert.deepEqual(unnamed, [], `${state.name}: a box that scrolls can be reached and named`);
      await context.close();
    }
  });
});

// ---- graphics: WCAG 1.4.11

/**
 * In the page: every chart mark (Plot's bars, cells, dots and lines, the
 * entity list's bars) and legend key, with its colours and the background
 * it stands on, as `{what, fill, stroke, strokeWidth, background}` (rgba
 * arrays; stroke null when none is drawn). With `network`, the network
 * view's nodes and links instead.
 */
function collectMarks({ network = false } = {}) {
  const colour = (text) => {
    if (!text || text === 'none' || text === 'transparent') return null;
    let m = /^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+))?\)$/.exec(text);
    if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
    m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(text);
    if (m) return [Number(m[1]) * 255, Number(m[2]) * 255, Number(m[3]) * 255, m[4] === undefined ? 1 : Number(m[4])];
    return ['unparsed', text];
  };
  const parentOf = (node) => node.parentElement ?? node.parentNode?.host ?? null;
  const background = (node) => {
    for (let at = parentOf(node); at; at = parentOf(at)) {
      const c = colour(getComputedStyle(at).backgroundColor);
      if (c && c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  };
  const marks = [];
  const add = (what, node, style, pseudo = false) => {
    const strokeWidth = pseudo ? parseFloat(style.borderTopWidth) : parseFloat(style.strokeWidth);
    const stroke = pseudo ? (strokeWidth > 0 ? colour(style.borderTopColor) : null) : colour(style.stroke);
    const fill = pseudo ? colour(style.backgroundColor) : colour(style.fill);
    const opacity = Number(style.opacity) * (pseudo ? 1 : Number(style.fillOpacity));
    marks.push({ what, fill: fill && [...fill.slice(0, 3), fill[3] * opacity], stroke, strokeWidth, background: background(node) });
  };
  const walkNetwork = (root, where) => {
    for (const node of root.querySelectorAll('.corpus-network-node circle:not(.corpus-network-ring)')) {
      add(`${where} node ${node.closest('[aria-label]')?.getAttribute('aria-label')}`, node, getComputedStyle(node));
    }
    for (const line of root.querySelectorAll('.corpus-network-edge-line')) {
      const style = getComputedStyle(line);
      const stroke = colour(style.stroke);
      marks.push({ what: `${where} link ${line.closest('[aria-label]')?.getAttribute('aria-label')}`, fill: null, stroke: stroke && [...stroke.slice(0, 3), stroke[3] * Number(style.strokeOpacity)], strokeWidth: parseFloat(style.strokeWidth), background: background(line), line: true });
    }
    for (const node of root.querySelectorAll('*')) if (node.shadowRoot) walkNetwork(node.shadowRoot, node.localName);
  };
  if (network) {
    walkNetwork(document, 'page');
    return marks;
  }
  const walk = (root, where) => {
    for (const svg of root.querySelectorAll('svg[role="img"]')) {
      for (const node of svg.querySelectorAll(':is(g[data-mark="bar"], g[data-mark="cell"]) rect, g[data-mark="dot"] circle, g[data-mark="line"] path')) {
        const kind = node.closest('g[data-mark]').dataset.mark;
        const label = `${where} ${[...svg.classList].join('.')} ${kind} ${node.querySelector('title')?.textContent ?? ''}`.trim();
        const style = getComputedStyle(node);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        if (kind === 'line') marks.push({ what: label, fill: null, stroke: colour(style.stroke), strokeWidth: parseFloat(style.strokeWidth), background: background(node), line: true });
        else add(label, node, style);
      }
    }
    for (const bar of root.querySelectorAll('.corpus-entities-bar')) add(`${where} list bar ${bar.closest('button')?.textContent}`, bar, getComputedStyle(bar, '::before'), true);
    for (const key of root.querySelectorAll('.corpus-figure-swatch, .corpus-timeline-swatch, .corpus-entity-swatch')) {
      if (!key.checkVisibility()) continue;
      add(`${where} key ${[...key.classList].join('.')} ${parentOf(key)?.textContent?.trim().slice(0, 30)}`, key, getComputedStyle(key), true);
    }
    // A query line's key: a line in its dash pattern, measured as the line it stands for.
    for (const line of root.querySelectorAll('svg.corpus-timeline-query-swatch line')) {
      if (!line.closest('svg').checkVisibility()) continue;
      const style = getComputedStyle(line);
      marks.push({ what: `${where} key ${parentOf(line.closest('svg'))?.textContent?.trim().slice(0, 30)}`, fill: null, stroke: colour(style.stroke), strokeWidth: parseFloat(style.strokeWidth), background: background(line), line: true });
    }
    for (const node of root.querySelectorAll('*')) if (node.shadowRoot) walk(node.shadowRoot, node.localName);
  };
  walk(document, 'page');
  return marks;
}

/** WCAG's contrast ratio of two sRGB colours (rgba arrays, `a` blended over `b`). */
function contrast(a, b) {
  const over = a.slice(0, 3).map((c, i) => c * a[3] + b[i] * (1 - a[3]));
  const luminance = (rgb) => rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [luminance(over), luminance(b.slice(0, 3))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The marks below 3:1, each as a line with its ratio; a mark with an edge of 3:1 or more (1 px at least) passes. */
function lowContrast(marks) {
  const low = [];
  for (const mark of marks) {
    if (mark.fill?.[0] === 'unparsed' || mark.stroke?.[0] === 'unparsed') {
      low.push(`${mark.what}: a colour this test cannot read (${mark.fill?.[1] ?? mark.stroke?.[1]})`);
      continue;
    }
    const edge = mark.stroke && mark.strokeWidth >= 1 ? contrast(mark.stroke, mark.background) : 0;
    const body = mark.line ? 0 : mark.fill ? contrast(mark.fill, mark.background) : 0;
    const best = Math.max(edge, body);
    if (!(best >= 3)) low.push(`${mark.what}: ${best.toFixed(2)}:1`);
  }
  return low;
}

describe('chart marks stand 3:1 from their background', { concurrency: 4 }, () => {
  const CHARTED = [VIEWS[0], VIEWS[3], VIEWS[4], VIEWS[5], VIEWS[6], VIEWS[7]];
  for (const state of CHARTED) {
    test(`${state.name}: light and dark`, async () => {
      const low = [];
      let counted = 0;
      for (const scheme of SCHEMES) {
        const { page, context } = await openExplorer(state, { scheme });
        const marks = await page.evaluate(collectMarks);
        counted += marks.length;
        low.push(...lowContrast(marks).map((line) => `${scheme}: ${line}`));
        await context.close();
      }
      assert.ok(counted > 0, `${state.name}: marks found`);
      assert.deepEqual(low, [], `${state.name}:\n${low.join('\n')}`);
    });
  }

  test('the network’s nodes and links: light and dark, coloured by type and by community', async () => {
    const low = [];
    for (const scheme of SCHEMES) {
      for (const colour of ['type', 'community']) {
        const { page, context } = await openExplorer({ ...VIEWS[4], fragment: `${VIEWS[4].fragment}&colour=${colour}` }, { scheme });
        const marks = await page.evaluate(collectMarks, { network: true });
        assert.ok(marks.length > 0, 'nodes and links found');
        low.push(...lowContrast(marks).map((line) => `${scheme}, by ${colour}: ${line}`));
        await context.close();
      }
    }
    assert.deepEqual(low, [], low.join('\n'));
  });
});
