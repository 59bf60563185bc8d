// The entity list's review mode in the explorer, driven by the keyboard as
// a researcher would: one key per decision, focus kept in the panel, each
// decision said in the panel's polite status line, written into the alias
// table at once (every view follows), undone with U, kept across a reload,
// and exported and imported as a JSON file.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { openPage, screenshot, useBrowser } from './harness.mjs';

const app = useBrowser();

const list = (page) => page.locator('corpus-entities');

/** The element with focus inside <corpus-entities>, by class. */
function focused(page) {
  return page.evaluate(() => document.querySelector('corpus-entities').shadowRoot.activeElement?.className ?? null);
}

/** Press `key`, then wait for the decisions keyed so far to be made and said. */
async function press(page, key) {
  await page.keyboard.press(key);
  await page.evaluate(() => document.querySelector('corpus-entities').review.settled);
  await page.waitForTimeout(50); // the status line is written on the next frame
}

const status = (page) => list(page).locator('.corpus-review-status').textContent();
const reviewing = (page) => list(page).locator('.corpus-review-name-text').textContent();
const engine = (page, method, ...args) => page.evaluate(async ({ method, args }) => {
  const { CorpusClient } = await import('/js/engine/corpus-client.js');
  void CorpusClient;
  const entities = document.querySelector('corpus-entities');
  return entities.corpus[method](...args);
}, { method, args });

test('review mode: accept, change type, not an entity, merge, undo, kept, shared', async () => {
  const { page, errors, context } = await openPage(app, '/#view=entities&type=person');
  await page.waitForSelector('html[data-ready]');
  await list(page).locator('.corpus-entities-review-toggle').click();
  await page.evaluate(() => document.querySelector('corpus-entities').review.settled);
  assert.equal(await focused(page), 'corpus-review-card', 'focus goes to the card');
  assert.match(page.url(), /review=on/);
  assert.equal(await reviewing(page), 'Vladimir Putin', 'the most mentioned person first');

  await press(page, 'a');
  assert.equal(await status(page), 'Accepted Vladimir Putin. Next: Junichiro Koizumi, person, 14 mentions.');
  assert.equal(await list(page).locator('.corpus-review-status').getAttribute('role'), 'status');
  await press(page, 'n');
  assert.match(await status(page), /^Junichiro Koizumi is not an entity\. Next: Yohei Kono/);
  await press(page, '2');
  assert.match(await status(page), /^Yohei Kono is now a place\. Next: Yoshiro Mori/);
  assert.equal(await focused(page), 'corpus-review-card', 'focus stays in the panel after each decision');

  const table = await engine(page, 'aliases');
  assert.deepEqual(table.reviewed.map((k) => `${k.type}:${k.name}`), ['person:Vladimir Putin', 'place:Yohei Kono']);
  assert.deepEqual(table.notEntities, [{ name: 'Junichiro Koizumi', type: 'person' }]);
  assert.deepEqual(table.types, [{ name: 'Yohei Kono', from: 'person', to: 'place' }]);
  // Every view follows: the search facets and the network leave Koizumi out.
  assert.equal((await engine(page, 'search', 'person:koizumi')).total, 0);
  const network = await engine(page, 'cooccurrence', {});
  assert.ok(!network.nodes.some((n) => n.name === 'Junichiro Koizumi'));
  assert.equal((await engine(page, 'entity', 'person:yohei-kono')).id, 'place:yohei-kono', 'an old link still opens the entity');

  // Merge: M opens the list with likely entities, Enter takes the first.
  await press(page, 'm');
  assert.equal(await focused(page), 'corpus-review-merge-input');
  await page.keyboard.type('putin');
  await press(page, 'Enter');
  assert.match(await status(page), /^Merged Yoshiro Mori into Vladimir Putin\./);
  assert.equal(await focused(page), 'corpus-review-card');
  const people = await engine(page, 'entities', { types: ['person'] });
  assert.ok(!people.some((e) => e.name === 'Yoshiro Mori'));

  // U undoes the merge: Mori is back, and under review again.
  await press(page, 'u');
  assert.match(await status(page), /^Undone: Merged Yoshiro Mori into Vladimir Putin\./);
  assert.equal(await reviewing(page), 'Yoshiro Mori');
  assert.ok((await engine(page, 'entities', { types: ['person'] })).some((e) => e.name === 'Yoshiro Mori'));
  await screenshot(page, 'review-mode.png');

  // Export, then start afresh in another context and import the file.
  const download = page.waitForEvent('download');
  await list(page).locator('.corpus-review-export').click();
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'review-')), 'aliases.json');
  await (await download).saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.format, 'corpus-lens alias table');
  assert.deepEqual(saved.notEntities, table.notEntities);

  // Kept per corpus: a reload resumes where the review was, accepted ones skipped.
  await page.reload();
  await page.waitForSelector('html[data-ready]');
  await page.evaluate(() => document.querySelector('corpus-entities').review.settled);
  assert.equal(await reviewing(page), 'Yoshiro Mori', 'a resumed review skips what was accepted');
  assert.deepEqual((await engine(page, 'aliases')).notEntities, table.notEntities);
  assert.deepEqual(errors, []);
  await context.close();

  const fresh = await openPage(app, '/#view=entities&type=person&review=on');
  await fresh.page.waitForSelector('html[data-ready]');
  await fresh.page.evaluate(() => document.querySelector('corpus-entities').review.settled);
  assert.equal(await reviewing(fresh.page), 'Vladimir Putin', 'another browser profile starts from nothing');
  await list(fresh.page).locator('.corpus-review-import-input').setInputFiles(file);
  await fresh.page.evaluate(() => document.querySelector('corpus-entities').review.settled);
  assert.deepEqual((await engine(fresh.page, 'aliases')).notEntities, table.notEntities);
  assert.equal(await reviewing(fresh.page), 'Yoshiro Mori');
  // A malformed file: an alert naming the file and the item, the table kept.
  const bad = path.join(path.dirname(file), 'bad.json');
  await writeFile(bad, JSON.stringify({ format: 'corpus-lens alias table', version: 1, types: [{ name: 'West', from: 'person', to: 'planet' }] }));
  await list(fresh.page).locator('.corpus-review-import-input').setInputFiles(bad);
  await fresh.page.evaluate(() => document.querySelector('corpus-entities').review.settled);
  const alert = list(fresh.page).locator('.corpus-review-error');
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.textContent(), /^bad\.json: alias table type override 1 \(to\): unknown variant `planet`/);
  assert.deepEqual((await engine(fresh.page, 'aliases')).notEntities, table.notEntities);
  // Escape leaves review; focus goes back to the Review button.
  await list(fresh.page).locator('.corpus-review-card').focus();
  await press(fresh.page, 'Escape');
  assert.equal(await focused(fresh.page), 'corpus-entities-review-toggle');
  assert.doesNotMatch(fresh.page.url(), /review=on/);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});
