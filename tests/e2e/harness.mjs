// Shared by the end-to-end suites: scripts/serve.mjs on a free port and
// Debian's Chromium driven by playwright-core. A suite calls useBrowser() at
// its top level, which starts both before its tests and stops them after.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS } from '../browsers/engines.mjs';

export const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

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

/**
 * Start the server and Chromium before the suite's tests, stop them after.
 * Returns `{ baseUrl(), browser() }`, valid once the tests run.
 */
export function useBrowser() {
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
  return { baseUrl: () => baseUrl, browser: () => browser };
}

/**
 * A new page at `url` (relative to the server), recording console errors and
 * uncaught exceptions in `errors`. `options` go to browser.newContext.
 */
export async function openPage(app, url = '/', options = {}) {
  const context = await app.browser().newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(url, app.baseUrl()).href);
  return { page, errors, context };
}

/** Save a full-page screenshot as tests/e2e/screenshots/NAME. */
export function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

/** Save a screenshot of one element (a Playwright locator) as tests/e2e/screenshots/NAME. */
export function screenshotOf(locator, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return locator.screenshot({ path: path.join(SCREENSHOTS, name) });
}
