// The page in a real browser: Debian's Chromium driven by playwright-core,
// against scripts/serve.mjs started on a free port.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Headless, and no calls home: this machine's network is closed, and
// Chromium's background requests would only fail (and slow the start).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SEEDS = [
  { publication: 'Monitor', year: '1999' },
  { publication: 'Monitor', year: '2000' },
  { publication: 'Monitor', year: '2001' },
  { publication: 'Eurasia Daily Monitor', year: '2004' },
  { publication: 'Eurasia Daily Monitor', year: '2005' },
];

/** Start scripts/serve.mjs on a port the system picks; resolves to its URL. */
function startServer() {
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise((resolve, reject) => {
    let printed = '';
    server.stdout.setEncoding('utf8');
    server.stdout.on('data', (chunk) => {
      printed += chunk;
      // The first line is the URL; later output (none today) is ignored.
      if (printed.includes('\n')) resolve(printed.split('\n')[0].trim());
    });
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with code ${code} before printing its URL`)));
  });
  return { server, url };
}

let server;
let baseUrl;
let browser;

before(async () => {
  let url;
  ({ server, url } = startServer());
  baseUrl = await url;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** A new page on the app, recording console errors and uncaught exceptions. */
async function openApp(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl);
  await page.locator('corpus-documents tbody tr').first().waitFor();
  return { page, errors, context };
}

/** The visible text of each documents-table row, cell by cell. */
function tableRows(page) {
  return page.locator('corpus-documents tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
}

function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

describe('the page', () => {
  test('lists the five seed documents with their publications and years', async () => {
    const { page, errors, context } = await openApp();
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
    const { page, errors, context } = await openApp();
    const row = page.locator('corpus-documents tbody tr', { hasText: '1999' });
    await row.click();
    await assert.doesNotReject(row.and(page.locator('[aria-current]')).waitFor());
    const reader = page.locator('corpus-reader');
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
    const { page, errors, context } = await openApp();
    const rows = page.locator('corpus-documents tbody tr');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = (await tableRows(page))[1];
    await assert.doesNotReject(page.locator('corpus-reader h2', { hasText: second[4] }).waitFor());
    assert.equal(await rows.nth(1).getAttribute('aria-current'), '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('follows a dark colour scheme', async () => {
    const { page, errors, context } = await openApp({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(21, 23, 27)');
    await screenshot(page, 'dark.png');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('search', () => {
  /** Type a query and wait for the search to settle (input is debounced). */
  async function searchFor(page, query) {
    await page.fill('.corpus-search-input', query);
    await page.locator('.corpus-search-summary', { hasText: /\d/ }).or(page.locator('.corpus-search-error:not([hidden])')).waitFor();
  }

  test('a phrase search ranks documents and marks the phrase in each snippet', async () => {
    const { page, errors, context } = await openApp();
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
    const { page, errors, context } = await openApp();
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

  test('the concordance sorts by right context', async () => {
    const { page, errors, context } = await openApp();
    await page.selectOption('.corpus-search-view', 'kwic');
    await page.selectOption('.corpus-search-sort', 'right');
    await searchFor(page, 'koizumi');
    const rights = await page.locator('.corpus-kwic-right').allTextContents();
    assert.ok(rights.length >= 12);
    const keys = rights.map((r) => r.trimStart().toLowerCase());
    assert.deepEqual(keys, [...keys].sort());
    const matches = await page.locator('.corpus-kwic-match').allTextContents();
    assert.ok(matches.every((m) => m.toLowerCase() === 'koizumi'));
    await screenshot(page, 'kwic.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a sentence hit opens in the reader with the sentence marked', async () => {
    const { page, errors, context } = await openApp();
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
