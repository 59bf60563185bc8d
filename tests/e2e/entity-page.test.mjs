// The entity page (<corpus-entity>) and its alias editor in a real browser,
// each on a plain Corpus (synchronous) and on a CorpusClient (a worker,
// promises): what a user sees on the seed corpus, and what the alias edits
// do to it. The elements are defined here, in a container of their own on
// the served page, so that the suite does not depend on the page's wiring.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { openPage, screenshotOf, useBrowser } from './harness.mjs';

const app = useBrowser();

const PUTIN = 'person:vladimir-putin';

/**
 * The served page with a fresh <corpus-entity> showing `id`, on a plain
 * Corpus (`kind` "corpus") or a CorpusClient ("client"). Events that bubble
 * out of it are kept in `window.seen`; `corpus-open-entity` is followed, as
 * the explorer does.
 */
async function openEntity(kind, id, options = {}) {
  const opened = await openPage(app, '/', options);
  await opened.page.evaluate(async ({ kind, id }) => {
    const { CorpusEntity } = await import('/js/views/entities/entity-page.js');
    const { CorpusAliasEditor } = await import('/js/views/entities/alias-editor.js');
    if (!customElements.get('corpus-entity')) customElements.define('corpus-entity', CorpusEntity);
    if (!customElements.getName(CorpusAliasEditor)) customElements.define('corpus-alias-editor', CorpusAliasEditor);
    const corpus = kind === 'client'
      ? await (await import('/js/engine/corpus-client.js')).CorpusClient.open({ kind: 'embedded' })
      : await (await import('/js/engine/engine.js')).embeddedCorpus();
    // The explorer stays loaded but out of sight: the test's page is alone.
    for (const node of document.body.children) node.hidden = true;
    const box = document.createElement('div');
    box.id = 'entity-test';
    box.style.padding = '16px';
    const page = document.createElement('corpus-entity');
    box.append(page);
    document.body.prepend(box);
    window.seen = [];
    for (const type of ['corpus-open-document', 'corpus-open-entity', 'corpus-aliases-change', 'corpus-state-change']) {
      box.addEventListener(type, (event) => window.seen.push({ type, detail: event.detail ?? null }));
    }
    box.addEventListener('corpus-open-entity', (event) => { page.entityId = event.detail.id; });
    window.corpus = corpus;
    window.entityPage = page;
    page.corpus = corpus;
    page.entityId = id;
    await page.rendered;
  }, { kind, id });
  const entity = opened.page.locator('#entity-test corpus-entity');
  return { ...opened, entity };
}

/** Wait until the page has drawn its latest render. */
function settled(page) {
  return page.evaluate(() => window.entityPage.rendered);
}

/** The entity as the engine has it now, or null. */
function engineEntity(page, id) {
  return page.evaluate(async (id) => {
    try {
      return await window.corpus.entity(id);
    } catch {
      return null;
    }
  }, id);
}

/** The texts of the marks in the mentions shown. */
function markedNames(entity) {
  return entity.locator('.corpus-entity-mention mark').allTextContents();
}

function totals(entity) {
  return entity.locator('.corpus-entity-totals').textContent();
}

for (const kind of ['corpus', 'client']) {
  describe(`the entity page on a ${kind === 'client' ? 'CorpusClient' : 'Corpus'}`, () => {
    test('Vladimir Putin: names, mentions, timeline, associated entities and words', async () => {
      const { page, errors, context, entity } = await openEntity(kind, PUTIN);
      assert.equal(await entity.locator('.corpus-entity-title').textContent(), 'Vladimir Putin');
      assert.equal(await entity.locator('.corpus-entity-title .corpus-entity-swatch').getAttribute('data-type'), 'person');
      assert.equal(await totals(entity), 'Person · 30 mentions in 4 documents');
      assert.ok((await entity.locator('.corpus-alias-name').allTextContents()).includes('Putin'));

      // Mentions: the first page, every one with the name marked; then more.
      assert.equal(await entity.locator('.corpus-entity-mention').count(), 10);
      const marks = await markedNames(entity);
      assert.equal(marks.length, 10);
      assert.ok(marks.every((m) => m === 'Vladimir Putin' || m === 'Putin'), marks.join(' | '));
      assert.ok(await entity.locator('.corpus-entity-mention-doc').count() >= 1, 'each group names its document');
      await assert.doesNotReject(entity.getByText('20 more', { exact: true }).waitFor());
      await entity.getByRole('button', { name: 'Show 10 more' }).click();
      await assert.doesNotReject(entity.getByText('10 more', { exact: true }).waitFor());
      assert.equal(await entity.locator('.corpus-entity-mention').count(), 20);

      // The timeline, with its numbers in a table that add up to the total.
      const timeline = entity.locator('.corpus-entity-timeline figure.corpus-figure');
      assert.ok(await timeline.locator('svg[role="img"]').count() === 1);
      const perYear = await timeline.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent]));
      assert.deepEqual(perYear.map(([year]) => year), ['1999', '2000', '2001', '2002', '2003', '2004', '2005']);
      assert.equal(perYear.reduce((sum, [, n]) => sum + (Number(n) || 0), 0), 30);
      await entity.locator('.corpus-entity-switch-option', { hasText: 'Issue' }).click();
      await assert.doesNotReject(timeline.locator('tbody th', { hasText: 'Monitor 6:74' }).waitFor({ state: 'attached' }));
      assert.ok(await timeline.locator('g[data-mark="bar"] rect').count() >= 4, 'issues are drawn as bars');

      // Associated entities: the prime ministers Putin met.
      const cooccur = entity.locator('.corpus-entity-cooccur figure.corpus-figure');
      assert.equal(await cooccur.locator('svg[role="img"]').count(), 1);
      const associated = await cooccur.locator('tbody th').allTextContents();
      assert.ok(associated.includes('Yoshiro Mori') || associated.includes('Junichiro Koizumi'), associated.join(', '));
      assert.ok(await cooccur.locator('g[data-mark="bar"] rect').count() >= 5);

      // Words around it.
      const collocates = entity.locator('.corpus-entity-collocates figure.corpus-figure');
      assert.equal(await collocates.locator('svg[role="img"]').count(), 1);
      assert.ok((await collocates.locator('tbody th').allTextContents()).includes('visit'));

      const names = await page.evaluate(() => window.entityPage.figures().map((f) => f.dataset.exportName));
      assert.deepEqual(names, ['person-vladimir-putin-timeline', 'person-vladimir-putin-cooccur', 'person-vladimir-putin-collocates']);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('a mention opens its document at the mention, and an associated entity opens its page', async () => {
      const { page, errors, context, entity } = await openEntity(kind, PUTIN);
      const mention = entity.locator('.corpus-entity-mention').nth(3);
      const marked = await mention.locator('mark').textContent();
      await mention.click();
      const opened = await page.evaluate(async () => {
        const { detail } = window.seen.findLast((e) => e.type === 'corpus-open-document');
        const { text } = await window.corpus.document(detail.id);
        return { ...detail, slice: text.slice(detail.start, detail.end) };
      });
      assert.equal(opened.slice, marked);
      assert.ok(opened.slice === 'Putin' || opened.slice === 'Vladimir Putin');

      const cooccur = entity.locator('.corpus-entity-cooccur');
      await cooccur.locator('.corpus-chart-table summary').click();
      await cooccur.getByRole('button', { name: 'Yoshiro Mori', exact: true }).click();
      await settled(page);
      assert.equal(await entity.locator('.corpus-entity-title').textContent(), 'Yoshiro Mori');
      const last = await page.evaluate(() => window.seen.findLast((e) => e.type === 'corpus-open-entity').detail);
      assert.deepEqual(last, { id: 'person:yoshiro-mori' });
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('the associated entities filter by type and least count, and each pair lists the sentences behind it', async () => {
      const { page, errors, context, entity } = await openEntity(kind, PUTIN);
      const cooccur = entity.locator('.corpus-entity-cooccur');
      const caption = cooccur.locator('.corpus-entity-caption');
      const rows = () => cooccur.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ name: tr.cells[0].textContent, type: tr.cells[1].textContent, count: Number(tr.cells[2].textContent) })));
      const all = await rows();
      assert.ok(new Set(all.map((r) => r.type)).size > 2 && all.some((r) => r.count === 1), 'several types, some together once');

      await cooccur.getByLabel('Type').selectOption('person');
      await caption.filter({ hasText: '(people)' }).waitFor();
      const people = await rows();
      assert.deepEqual(people, all.filter((r) => r.type === 'Person'));
      assert.match(await caption.textContent(), new RegExp(`${all.length - people.length} more left out by the filters`));

      const least = cooccur.getByLabel('Together at least');
      await least.fill('2');
      await caption.filter({ hasText: 'together in at least 2 sentences' }).waitFor();
      assert.deepEqual(await rows(), people.filter((r) => r.count >= 2));
      await least.fill('0');
      await cooccur.locator('.corpus-entity-note', { hasText: 'Together at least must be a whole number from 1 to 100,000, got 0.' }).waitFor();
      assert.equal(await least.getAttribute('aria-invalid'), 'true');
      await least.fill('1');
      await cooccur.getByLabel('Type').selectOption('');
      await caption.filter({ hasNotText: 'left out' }).waitFor();

      // The evidence of one pair: every sentence, both marked, each opening its document.
      const mori = all.find((r) => r.name === 'Yoshiro Mori');
      await cooccur.locator('.corpus-chart-table summary').click();
      await cooccur.getByRole('button', { name: 'evidence: Yoshiro Mori' }).click();
      const heading = cooccur.locator('.corpus-entity-evidence-title');
      await heading.waitFor();
      assert.equal(await heading.textContent(), `Vladimir Putin and Yoshiro Mori · ${mori.count} sentence${mori.count === 1 ? '' : 's'}`);
      assert.ok(await heading.evaluate((h) => h.getRootNode().activeElement === h), 'the evidence takes the focus');
      const items = cooccur.locator('.corpus-entity-evidence li');
      assert.equal(await items.count(), mori.count);
      const engine = await page.evaluate(async () => (await window.corpus.evidence('person:vladimir-putin', 'person:yoshiro-mori', { unit: 'sentence' })).map((u) => u.text));
      assert.deepEqual(await items.locator('.corpus-evidence-text').allTextContents(), engine);
      for (const item of await items.all()) {
        const marked = await item.locator('mark').allTextContents();
        assert.ok(marked.some((m) => /Putin/.test(m)) && marked.some((m) => /Mori/.test(m)), marked.join(', '));
      }
      await items.first().locator('button').click();
      const opened = await page.evaluate(async () => {
        const { detail } = window.seen.findLast((e) => e.type === 'corpus-open-document');
        const { text } = await window.corpus.document(detail.id);
        return text.slice(detail.start, detail.end);
      });
      assert.equal(opened, engine[0]);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('merging Bush into George H.W. Bush, from the keyboard, then undoing it', async () => {
      const { page, errors, context, entity } = await openEntity(kind, 'person:george-h-w-bush');
      const before = await Promise.all([engineEntity(page, 'person:george-h-w-bush'), engineEntity(page, 'person:bush')]);
      const input = entity.getByRole('combobox', { name: 'Merge into this entity' });
      await input.fill('Bush');
      const option = entity.getByRole('option', { name: /^Bush/ });
      await option.waitFor();
      await input.press('ArrowDown');
      assert.equal(await option.getAttribute('aria-selected'), 'true');
      await input.press('Enter');
      assert.equal(await input.inputValue(), 'Bush');
      await input.press('Enter'); // submits the form: the merge
      await assert.doesNotReject(entity.locator('.corpus-alias-status', { hasText: 'Merged Bush into George H.W. Bush.' }).waitFor());
      await settled(page);
      const sum = before[0].count + before[1].count;
      assert.equal(await totals(entity), `Person · ${sum} mentions in 2 documents`);
      assert.deepEqual((await markedNames(entity)).sort(), ['Bush', 'George H.W. Bush']);
      assert.equal(await engineEntity(page, 'person:bush'), null, 'no entity Bush is left');
      const change = await page.evaluate(() => window.seen.findLast((e) => e.type === 'corpus-aliases-change').detail);
      assert.equal(change.entityId, 'person:george-h-w-bush');
      assert.ok(change.table.entries.some((e) => e.name === 'George H.W. Bush' && e.aliases.includes('Bush')));

      // The edit is listed; undoing it brings Bush back.
      const edit = entity.locator('.corpus-alias-edit', { hasText: 'George H.W. Bush = Bush' });
      await edit.getByRole('button', { name: /^Undo/ }).click();
      await assert.doesNotReject(edit.waitFor({ state: 'detached' }));
      await settled(page);
      assert.equal(await totals(entity), `Person · ${before[0].count} mention in 1 document`);
      assert.equal((await engineEntity(page, 'person:bush'))?.count, before[1].count);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('splitting “Putin” off makes it an entity of its own; undo joins it again', async () => {
      const { page, errors, context, entity } = await openEntity(kind, PUTIN);
      await entity.getByRole('button', { name: 'Split off “Putin” as an entity of its own' }).click();
      const status = entity.locator('.corpus-alias-status', { hasText: '“Putin” is now an entity of its own' });
      await assert.doesNotReject(status.waitFor());
      await settled(page);
      const [full, short] = await Promise.all([engineEntity(page, PUTIN), engineEntity(page, 'person:putin')]);
      assert.ok(short && short.count > 0 && short.aliases.length === 0, JSON.stringify(short));
      assert.equal(full.count + short.count, 30);
      assert.equal(await totals(entity), `Person · ${full.count} mentions in ${full.documents} documents`);
      assert.ok(!(await entity.locator('.corpus-alias-name').allTextContents()).includes('Putin'));
      assert.ok((await markedNames(entity)).every((m) => m === 'Vladimir Putin'));

      // The new entity's own page, then undo from there.
      await status.getByRole('button', { name: 'Open Putin' }).click();
      await settled(page);
      assert.equal(await entity.locator('.corpus-entity-title').textContent(), 'Putin');
      assert.ok((await markedNames(entity)).every((m) => m === 'Putin'));
      await entity.locator('.corpus-alias-edit', { hasText: '“Putin” is an entity of its own' }).getByRole('button', { name: /^Undo/ }).click();
      await assert.doesNotReject(entity.locator('.corpus-entity-title', { hasText: 'Vladimir Putin' }).waitFor());
      await settled(page);
      assert.equal(await totals(entity), 'Person · 30 mentions in 4 documents');
      assert.equal(await engineEntity(page, 'person:putin'), null);
      const moved = await page.evaluate(() => window.seen.filter((e) => e.type === 'corpus-state-change').length);
      assert.ok(moved >= 1, 'moving to another entity is a state change');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('splitting a name the shipped alias table lists, and undoing it in one step', async () => {
      const { page, errors, context, entity } = await openEntity(kind, 'place:kuril-islands');
      const before = await engineEntity(page, 'place:kuril-islands');
      await entity.getByRole('button', { name: 'Split off “Northern Territories” as an entity of its own' }).click();
      await assert.doesNotReject(entity.locator('.corpus-alias-status', { hasText: 'is now an entity of its own' }).waitFor());
      await settled(page);
      const split = await engineEntity(page, 'place:northern-territories');
      assert.equal(split.count + (await engineEntity(page, 'place:kuril-islands')).count, before.count);
      const edits = entity.locator('.corpus-alias-edit');
      assert.deepEqual(await edits.locator('.corpus-alias-edit-text').allTextContents(), [
        'Kuril Islands: no longer Northern Territories',
        '“Northern Territories” is an entity of its own',
      ]);
      await edits.first().getByRole('button', { name: /^Undo/ }).click();
      await assert.doesNotReject(edits.first().waitFor({ state: 'detached' }));
      await settled(page);
      assert.equal(await edits.count(), 0, 'both entries are back as they were');
      assert.equal((await engineEntity(page, 'place:kuril-islands')).count, before.count);
      assert.equal(await engineEntity(page, 'place:northern-territories'), null);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('an edit the engine refuses shows its message and keeps the table', async () => {
      const { page, errors, context, entity } = await openEntity(kind, 'place:japan');
      const table = await page.evaluate(() => window.corpus.aliases());
      const input = entity.getByRole('combobox', { name: 'Merge into this entity' });
      await input.fill('Northern Territories');
      // The Kuril Islands, which go by that name, are offered; adding the
      // name to Japan is offered too, and refused.
      await assert.doesNotReject(entity.getByRole('option', { name: /^Kuril Islands/ }).waitFor());
      await entity.getByRole('option', { name: 'Add “Northern Territories” as another name' }).click();
      await entity.getByRole('button', { name: 'Add name “Northern Territories” to Japan' }).click();
      const error = entity.locator('.corpus-alias-error');
      await assert.doesNotReject(error.waitFor());
      assert.match(await error.textContent(), /^alias table entry \d+ \("Japan"\): "Northern Territories" already belongs to entry 1 \("Kuril Islands"\)$/);
      assert.deepEqual(await page.evaluate(() => window.corpus.aliases()), table);
      assert.equal(await entity.locator('.corpus-entity-title').textContent(), 'Japan');
      assert.equal(await page.evaluate(() => window.seen.filter((e) => e.type === 'corpus-aliases-change').length), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('an unknown id says so, naming it', async () => {
      const { page, errors, context, entity } = await openEntity(kind, 'person:nobody');
      const message = entity.locator('.corpus-entity-message [role="alert"]');
      assert.equal(await message.textContent(), 'No entity has the id “person:nobody” in this corpus.');
      assert.ok(await entity.locator('.corpus-entity-page').isHidden());
      await page.evaluate(() => { window.entityPage.state = { entity: 'person:yoshiro-mori' }; });
      await settled(page);
      assert.equal(await entity.locator('.corpus-entity-title').textContent(), 'Yoshiro Mori');
      assert.deepEqual(await page.evaluate(() => window.entityPage.state), { entity: 'person:yoshiro-mori' });
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

describe('the entity page, as it looks', () => {
  const looks = [
    ['entity-page.png', {}],
    ['entity-page-dark.png', { colorScheme: 'dark' }],
    ['entity-page-phone.png', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
  ];
  for (const [name, options] of looks) {
    test(name, async () => {
      const { page, errors, context, entity } = await openEntity('client', PUTIN, options);
      await entity.locator('.corpus-entity-cooccur .corpus-chart-table summary').click();
      const input = entity.getByRole('combobox', { name: 'Merge into this entity' });
      await input.fill('Yo');
      await entity.getByRole('listbox', { name: 'Entities' }).getByRole('option').first().waitFor();
      await screenshotOf(page.locator('#entity-test'), name);
      const width = await entity.evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(width <= 0, `nothing sticks out sideways (${width}px)`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
