// The README's screenshots (docs/*.png), taken again from the explorer as
// built: each view opened from its link on the embedded corpus, in the dark
// colour scheme, 1280 px wide, in the system's Chromium. Run after a build:
//
//   npm run screenshots            every picture
//   npm run screenshots -- network the ones named
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { LOADER_STATE, VIEWS, settled } from '../tests/e2e/explorer-states.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Each picture: the state it shows (named by its `picture` in docs/) and its height. */
const SHOTS = [...VIEWS, LOADER_STATE].filter((state) => state.picture).map((state) => ({ ...state, height: state.picture === 'network' ? 1300 : 900 }));

/** Start scripts/serve.mjs on a free port; resolves to `{server, url}`. */
function serve() {
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    server.stdout.setEncoding('utf8');
    server.stdout.once('data', (line) => resolve({ server, url: line.trim() }));
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with code ${code}`)));
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SHOTS.some((shot) => shot.picture === name));
if (unknown.length > 0) {
  console.error(`screenshots: no picture named ${unknown.join(', ')} (there are ${SHOTS.map((s) => s.picture).join(', ')})`);
  process.exit(2);
}
const { server, url } = await serve();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const shot of SHOTS.filter((s) => wanted.length === 0 || wanted.includes(s.picture))) {
    const page = await browser.newPage({ viewport: { width: 1280, height: shot.height ?? 900 }, colorScheme: 'dark' });
    await page.goto(new URL(`/${shot.fragment}`, url).href);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    for (const selector of shot.ready) await page.locator(selector).first().waitFor({ timeout: 30_000 });
    await shot.open?.(page);
    await settled(page);
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(ROOT, 'docs', `${shot.picture}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(ROOT, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
