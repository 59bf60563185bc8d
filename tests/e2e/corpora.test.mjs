// The reader's own corpora in a real browser: the IndexedDB store, the
// <corpus-loader> (files, folders, skipped records and files, errors,
// cancelling) and the <corpus-switcher>. They run on a stand-in page
// (tests/fixtures/corpora/page.html) so that they do not depend on the shell.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { ROOT, screenshotOf, useBrowser } from './harness.mjs';

const app = useBrowser();
const FIXTURES = path.join(ROOT, 'tests/fixtures/corpora');
const PAGE = readFileSync(path.join(FIXTURES, 'page.html'), 'utf8');

const GOOD = [
  { title: 'Talks in Tokyo', text: 'The ministers met in Tokyo. They talked about the islands.' },
  { title: 'A visit', text: 'Vladimir Putin visited Japan in September.' },
  { title: 'No treaty', text: 'No peace treaty was signed.' },
].map((record) => JSON.stringify(record)).join('\n');
// Line 2 is broken JSON, line 4 has no text: two warnings, two documents.
const MIXED = [
  '{"title": "First", "text": "One good record."}',
  '{"title": "Broken", "text": "no closing brace"',
  '{"title": "Second", "text": "Another good record."}',
  '{"title": "No text"}',
].join('\n');

/** A buffer file for setInputFiles. */
function file(name, content, mimeType = 'application/octet-stream') {
  return { name, mimeType, buffer: Buffer.from(content) };
}

/** The stand-in page with both elements registered; `options` go to newContext. */
async function openCorporaPage(options = {}) {
  const context = await app.browser().newContext({ viewport: { width: 1000, height: 800 }, ...options });
  await context.route('**/corpora-test.html', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL('/corpora-test.html', app.baseUrl()).href);
  await page.waitForFunction(() => customElements.get('corpus-loader') && customElements.get('corpus-switcher'));
  return { page, errors, context };
}

/** The events the page has seen, without the client (see page.html). */
function events(page, type) {
  return page.evaluate((wanted) => window.events.filter((event) => event.type === wanted), type);
}

function storedCorpora(page) {
  return page.evaluate(async () => (await import('/js/corpora/corpus-store.js')).listCorpora());
}

describe('the corpus store', () => {
  test('saves, lists newest first, reads, keeps aliases and deletes', async () => {
    const { page, errors, context } = await openCorporaPage();
    const result = await page.evaluate(async () => {
      const store = await import('/js/corpora/corpus-store.js');
      const first = await store.saveCorpus({ name: 'first.jsonl', files: [{ name: 'first.jsonl', content: 'ab' }], documents: 1 });
      await new Promise((resolve) => setTimeout(resolve, 5)); // a later `created`
      const files = [{ name: 'a.txt', content: 'Mori’s visit' }, { name: 'b.txt', content: 'x' }];
      const second = await store.saveCorpus({ name: '2 files', files, documents: 2 });
      const table = [{ canonical: 'Vladimir Putin', type: 'person', aliases: ['Putin'] }];
      await store.saveAliases(second, table);
      await store.saveAliases('embedded', table);
      const listed = await store.listCorpora();
      const got = await store.getCorpus(second);
      const aliases = [await store.getAliases(second), await store.getAliases('embedded'), await store.getAliases(first)];
      await store.deleteCorpus(second);
      return {
        first, second, listed, got, aliases,
        afterDelete: await store.listCorpora(),
        gone: await store.getCorpus(second),
        goneAliases: await store.getAliases(second),
        embeddedAliases: await store.getAliases('embedded'),
        sizes: [0, 999, 1234, 56_789, 1_234_567].map((await import('/js/widgets/format.js')).formatBytes),
      };
    });
    assert.match(result.first, /^c-[0-9a-z]+-[0-9a-z]+$/, 'ids are URL-safe');
    assert.notEqual(result.first, result.second);
    assert.deepEqual(result.listed.map(({ id }) => id), [result.second, result.first], 'newest first');
    const [summary] = result.listed;
    assert.deepEqual(Object.keys(summary).sort(), ['bytes', 'created', 'documents', 'fileCount', 'id', 'name']);
    assert.equal(summary.bytes, 15, 'UTF-8 bytes: the ’ takes three');
    assert.equal(summary.fileCount, 2);
    assert.equal(summary.documents, 2);
    assert.ok(!Number.isNaN(Date.parse(summary.created)));
    assert.deepEqual(result.got.files, [{ name: 'a.txt', content: 'Mori’s visit' }, { name: 'b.txt', content: 'x' }]);
    assert.equal(result.got.aliases[0].canonical, 'Vladimir Putin');
    assert.deepEqual(result.aliases.map((table) => table?.length ?? null), [1, 1, null]);
    assert.deepEqual(result.afterDelete.map(({ id }) => id), [result.first]);
    assert.equal(result.gone, null);
    assert.equal(result.goneAliases, null, 'deleting a corpus deletes its aliases');
    assert.equal(result.embeddedAliases.length, 1);
    assert.deepEqual(result.sizes, ['0 bytes', '999 bytes', '1.2 KB', '57 KB', '1.2 MB']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('without IndexedDB, every call rejects with a message saying so', async () => {
    const { page, context } = await openCorporaPage();
    const message = await page.evaluate(async () => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
      const store = await import('/js/corpora/corpus-store.js?no-idb'); // a fresh module: no database opened yet
      return store.listCorpora().then(() => 'resolved', (error) => error.message);
    });
    assert.match(message, /^Could not open the browser's storage \(IndexedDB\): this browser does not offer it/);
    await context.close();
  });
});

describe('the corpus loader', () => {
  test('loads the good records, lists each skipped record with file and line, and the files it cannot read', async () => {
    const { page, errors, context } = await openCorporaPage();
    const loader = page.locator('corpus-loader');
    await loader.evaluate((element) => {
      // Every text the progress label shows, too fast to catch otherwise.
      const label = element.shadowRoot.querySelector('.corpus-loader-progress-label');
      window.labels = [];
      new MutationObserver(() => window.labels.push(label.textContent)).observe(label, { childList: true });
    });
    await loader.locator('input.corpus-loader-files').setInputFiles([
      file('good.jsonl', GOOD), file('mixed.jsonl', MIXED), file('slides.pptx', 'PK', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'),
    ]);
    await loader.getByText('Loaded 5 documents from 2 files.').waitFor();
    const labels = await page.evaluate(() => window.labels);
    const bytes = `${Buffer.byteLength(GOOD) + Buffer.byteLength(MIXED)} bytes`;
    assert.deepEqual(labels.slice(0, 2), [`Reading 1 of 2 files, 0 bytes of ${bytes}`, `Reading 2 of 2 files, ${Buffer.byteLength(GOOD)} bytes of ${bytes}`]);
    assert.ok(labels.includes('Reading and indexing…'), labels.join(' | '));
    const warnings = loader.getByRole('list', { name: 'Records skipped (2)' });
    const [broken, noText] = await warnings.locator('.corpus-loader-where').allTextContents();
    assert.match(broken, /^mixed\.jsonl, line 2, column \d+$/);
    assert.equal(noText, 'mixed.jsonl, line 4');
    assert.deepEqual(await warnings.locator('.corpus-loader-what').allTextContents(),
      ['invalid JSON: the line ends before the record does; a JSON Lines record is one line (write a line break inside a string as \\n)', 'the record has no "text" field (nor "body", "content", "article", "full_text" or "story"; the fields option can name another)']);
    const skipped = loader.getByRole('list', { name: 'Files not read (1)' });
    assert.equal(await skipped.textContent(), 'slides.pptx .pptx is not a format corpus-lens reads');
    const read = loader.getByRole('list', { name: 'Files read (2)' });
    assert.deepEqual(await read.locator('.corpus-loader-item').evaluateAll((items) => items.map((item) => item.textContent)),
      ['good.jsonl 3 documents; UTF-8', 'mixed.jsonl 2 documents, 2 records skipped; UTF-8']);
    assert.ok(await loader.locator('.corpus-loader-progress').isHidden(), 'the progress bar is gone');

    const [loaded] = await events(page, 'corpus-loaded');
    assert.equal(loaded.name, '2 files');
    assert.equal(loaded.documents, 5);
    assert.deepEqual(loaded.warnings.map(({ file: name, line }) => `${name}:${line}`), ['mixed.jsonl:2', 'mixed.jsonl:4']);
    const [stored] = await storedCorpora(page);
    assert.equal(stored.id, loaded.id, 'the event names the stored corpus');
    assert.deepEqual([stored.name, stored.documents, stored.fileCount], ['2 files', 5, 2]);
    await screenshotOf(loader, 'corpora-loader-warnings.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an export with its own field names and dates loads, and the loader says which field gave what', async () => {
    const { page, errors, context } = await openCorporaPage();
    const loader = page.locator('corpus-loader');
    const csv = 'headline,body,published,outlet\n'
      + 'Talks resume,Putin met Koizumi in Moscow.,"Thu, 03 Mar 2005 10:00:00 GMT",Kyodo\n'
      + 'Second round,Lavrov spoke in Tokyo.,"March 10, 2005",TASS\n';
    await loader.locator('input.corpus-loader-files').setInputFiles([file('export.csv', csv, 'text/csv')]);
    await loader.getByText('Loaded 2 documents from 1 file.').waitFor();
    const read = loader.getByRole('list', { name: 'Files read (1)' });
    assert.equal(await read.locator('.corpus-loader-item').textContent(),
      'export.csv 2 documents; UTF-8; text from “body”, title from “headline”, date from “published”, publication from “outlet”');
    await screenshotOf(loader, 'corpora-loader-fields.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a ZIP archive of mixed files loads every document; the members not read are listed by their paths, each with its reason', async () => {
    const { mixedArchive, EXPECTED_TITLES } = await import('../fixtures/readers/mixed-archive.mjs');
    const { page, errors, context } = await openCorporaPage();
    const loader = page.locator('corpus-loader');
    const records = [{ title: 'Harbour talks', text: 'Fishermen met officials in Nemuro.' }].map((r) => JSON.stringify(r)).join('\n');
    const fetched = [];
    context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await loader.locator('input.corpus-loader-files').setInputFiles([
      { name: 'collection.zip', mimeType: 'application/zip', buffer: Buffer.from(mixedArchive()) },
      { name: 'damaged.jsonl.gz', mimeType: 'application/gzip', buffer: gzipSync(Buffer.from(records)).subarray(0, 20) },
    ]);
    await loader.getByText('Loaded 8 documents from 1 file.').waitFor();
    const titles = await page.evaluate(() => window.lastLoaded.documents().map((doc) => doc.title));
    assert.deepEqual(titles, EXPECTED_TITLES);
    assert.deepEqual(await loader.getByRole('list', { name: 'Files read (6)' }).locator('.corpus-loader-item').allTextContents(), [
      'collection.zip/pages/talks.html 1 document; UTF-8',
      'collection.zip/feeds/island-wire.xml 2 documents; UTF-8',
      'collection.zip/memo.docx 1 document',
      'collection.zip/old/letter.txt 1 document; windows-1252',
      'collection.zip/reports/briefing.pdf 1 document',
      'collection.zip/data/records.jsonl 2 documents; UTF-8',
    ]);
    const skipped = loader.getByRole('list', { name: 'Files not read (3)' });
    assert.deepEqual(await skipped.locator('.corpus-loader-item').allTextContents(), [
      'collection.zip/bad/broken.docx not a Word file: its ZIP archive cannot be read: invalid Zip archive: Could not find EOCD',
      'collection.zip/picture.png unsupported file type; expected .txt, .md, .json, .jsonl, .ndjson, .csv, .tsv, .html, .htm, .xhtml, .xml (RSS or Atom), .rss, .atom, .docx, .pdf, .zip or .gz',
      'damaged.jsonl.gz not a gzip file that can be read: incomplete deflate stream',
    ]);
    assert.ok(fetched.includes('/pkg/readers/corpus_lens_readers_pdf_bg.wasm'), 'the PDF in the archive fetched the readers\' build with PDF');
    await screenshotOf(loader, 'corpora-loader-archive.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('names a single file after it, and shows the error when no record is good', async () => {
    const { page, errors, context } = await openCorporaPage();
    const loader = page.locator('corpus-loader');
    const input = loader.locator('input.corpus-loader-files');
    await input.setInputFiles([file('all-bad.jsonl', '{oops\n{"title": "no text"}\n')]);
    const alert = loader.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^Nothing was loaded: the corpus is empty: no document with text in all-bad\.jsonl/);
    await screenshotOf(loader, 'corpora-loader-error.png');
    assert.deepEqual(await events(page, 'corpus-loaded'), []);
    assert.deepEqual(await storedCorpora(page), []);

    await input.setInputFiles([file('notes.csv', 'title,text\nA,"One, two."\n', 'text/csv')]);
    await loader.getByText('Loaded 1 document from 1 file.').waitFor();
    assert.ok(await alert.isHidden(), 'the old error is cleared');
    assert.equal((await events(page, 'corpus-loaded'))[0].name, 'notes.csv');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('files in other encodings load and are saved as given; bytes a file\'s encoding cannot read are listed as changed', async () => {
    const { page, errors, context } = await openCorporaPage();
    const loader = page.locator('corpus-loader');
    const latin1 = { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Réunion à Tokyo.\n\nLe café du matin.', 'latin1') };
    const utf16 = { name: 'utf16.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Réunion à Tokyo.', 'utf16le')]) };
    const damaged = { name: 'damaged.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from('Tōkyō and the '), Buffer.from([0xe9]), Buffer.from('lite met.')]) };
    const fetched = [];
    context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await loader.locator('input.corpus-loader-files').setInputFiles([latin1, utf16, damaged]);
    await loader.getByText('Loaded 3 documents from 3 files.').waitFor();
    assert.deepEqual(await loader.getByRole('list', { name: 'Files read (3)' }).locator('.corpus-loader-item').allTextContents(), [
      'damaged.txt 1 document; UTF-8', 'latin1.txt 1 document; windows-1252', 'utf16.txt 1 document; UTF-16LE',
    ]);
    assert.equal(await loader.getByRole('list', { name: 'Changed while reading (1)' }).textContent(),
      'damaged.txt a sequence that is not valid UTF-8 at byte 16, each replaced by \ufffd');
    const [loaded] = await events(page, 'corpus-loaded');
    const stored = await page.evaluate(async (id) => (await import('/js/corpora/corpus-store.js')).getCorpus(id)
      .then((corpus) => corpus.files.map((file) => file.name)), loaded.id);
    assert.deepEqual(stored, ['damaged.txt', 'latin1.txt', 'utf16.txt'], 'every file read is saved, as its bytes');
    const texts = await page.evaluate(async () => {
      const client = window.lastLoaded;
      return Promise.all(client.documents().map(async (doc) => (await client.document(doc.id)).text));
    });
    assert.deepEqual(texts, ['Tōkyō and the \ufffdlite met.', 'Réunion à Tokyo.\n\nLe café du matin.', 'Réunion à Tokyo.']);
    assert.ok(fetched.includes('/pkg/readers/corpus_lens_readers_bg.wasm'), `the readers module was fetched: ${fetched}`);
    assert.ok(!fetched.some((url) => url.includes('readers_pdf')), 'the readers\' build with PDF was not');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a picked folder is named after the folder, its files by their paths inside it', async () => {
    const { page, errors, context } = await openCorporaPage();
    const loader = page.locator('corpus-loader');
    await loader.locator('input.corpus-loader-folder').setInputFiles(path.join(FIXTURES, 'folder'));
    await loader.getByText('Loaded 2 documents from 2 files.').waitFor();
    assert.equal(await loader.getByRole('list', { name: 'Files not read (1)' }).locator('.corpus-loader-where').textContent(), 'notes.pdf');
    const [loaded] = await events(page, 'corpus-loaded');
    assert.equal(loaded.name, 'folder');
    const names = await page.evaluate(async (id) => (await import('/js/corpora/corpus-store.js')).getCorpus(id)
      .then((corpus) => corpus.files.map(({ name }) => name)), loaded.id);
    assert.deepEqual(names, ['a.txt', 'sub/b.md']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('dropped files load like picked ones', async () => {
    const { page, errors, context } = await openCorporaPage();
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.jsonl'));
      const zone = document.querySelector('corpus-loader').shadowRoot.querySelector('.corpus-loader-drop');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, GOOD);
    await page.getByText('Loaded 3 documents from 1 file.').waitFor();
    assert.equal((await events(page, 'corpus-loaded'))[0].name, 'dropped.jsonl');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('cancel stops the load: no event, nothing stored, and loading again works', async () => {
    const { page, errors, context } = await openCorporaPage();
    const loader = page.locator('corpus-loader');
    // About 20 MB, so that the engine takes long enough to be cancelled; made
    // in the page, which is faster than sending it through setInputFiles.
    await loader.evaluate((element) => {
      const sentence = 'Vladimir Putin and Yoshiro Mori met in Tokyo on April 29 to discuss the Kuril Islands.';
      const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ title: `Part ${i}`, text: `${sentence} ${i}. `.repeat(110) }));
      element.loadFiles([new File([lines.join('\n')], 'big.jsonl')]);
    });
    const label = loader.locator('.corpus-loader-progress-label');
    await label.getByText(/Reading and indexing/).waitFor();
    await screenshotOf(loader, 'corpora-loader-progress.png');
    await loader.getByRole('button', { name: 'Cancel' }).click();
    await loader.getByText('Loading was cancelled; the corpus on show is unchanged.').waitFor();
    assert.ok(await loader.locator('.corpus-loader-progress').isHidden());
    await page.waitForTimeout(1500); // long enough for the engine to have finished, had it run on
    assert.deepEqual(await events(page, 'corpus-loaded'), []);
    assert.deepEqual(await storedCorpora(page), []);

    await loader.locator('input.corpus-loader-files').setInputFiles([file('good.jsonl', GOOD)]);
    await loader.getByText('Loaded 3 documents from 1 file.').waitFor();
    assert.equal((await events(page, 'corpus-loaded')).length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('past the storage quota, the corpus is still used, the reader is told, and nothing is half-saved', async () => {
    const { page, errors, context } = await openCorporaPage();
    // Chromium's quota cannot be lowered from here (CDP's override leaves
    // IndexedDB's alone): the store refuses the files as a full disk does.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.diskFull && this.name === 'files') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const loader = page.locator('corpus-loader');
    const input = loader.locator('input.corpus-loader-files');
    await input.setInputFiles([file('good.jsonl', GOOD)]);
    await loader.getByText('Loaded 3 documents from 1 file.').waitFor();
    const [first] = await events(page, 'corpus-loaded');
    await page.evaluate(() => { window.diskFull = true; });
    await input.setInputFiles([file('more.jsonl', MIXED)]);
    await loader.getByText('Loaded 2 documents from 1 file.').waitFor();
    const note = await loader.locator('.corpus-loader-note').textContent();
    assert.equal(note, 'Could not save the corpus “more.jsonl”: the browser has no storage space left for this site. It is open now, but it will not survive a reload.');
    const [, second] = await events(page, 'corpus-loaded');
    assert.equal(second.id, null);
    assert.equal(second.documents, 2, 'the corpus is open all the same');
    assert.deepEqual((await storedCorpora(page)).map((corpus) => corpus.name), ['good.jsonl'], 'no summary without its files');
    const kept = await page.evaluate(async (id) => {
      const corpus = await (await import('/js/corpora/corpus-store.js')).getCorpus(id);
      return new TextDecoder().decode(corpus.files[0].bytes);
    }, first.id);
    assert.equal(kept, GOOD, 'the corpus saved before, byte for byte');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('when the browser will not keep it, the corpus is still used and the reader is told', async () => {
    const { page, errors, context } = await openCorporaPage();
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    await page.reload();
    await page.waitForFunction(() => customElements.get('corpus-loader'));
    const loader = page.locator('corpus-loader');
    await loader.locator('input.corpus-loader-files').setInputFiles([file('good.jsonl', GOOD)]);
    await loader.getByText('Loaded 3 documents from 1 file.').waitFor();
    const note = await loader.locator('.corpus-loader-note').textContent();
    assert.match(note, /^Could not open the browser's storage \(IndexedDB\).*It is open now, but it will not survive a reload\.$/);
    const [loaded] = await events(page, 'corpus-loaded');
    assert.equal(loaded.id, null);
    assert.equal(loaded.documents, 3);
    const switcher = page.locator('corpus-switcher');
    await switcher.locator('summary').click();
    await switcher.getByText(/Saved corpora cannot be shown/).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('fits a phone screen in the dark scheme', async () => {
    const { page, errors, context } = await openCorporaPage({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    const loader = page.locator('corpus-loader');
    await loader.locator('input.corpus-loader-files').setInputFiles([
      file('good.jsonl', GOOD), file('a-rather-long-file-name-of-mixed-records.jsonl', MIXED), file('scan.pdf', '%PDF'),
    ]);
    await loader.getByText('Loaded 5 documents from 2 files.').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `nothing sticks out sideways (the page is ${width} px wide)`);
    await screenshotOf(loader, 'corpora-loader-phone-dark.png');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the corpus switcher', () => {
  /** A page with one stored corpus (3 documents, 2,100 bytes), its id and the switcher. */
  async function withStoredCorpus(options) {
    const opened = await openCorporaPage(options);
    const id = await opened.page.evaluate(async () => {
      const store = await import('/js/corpora/corpus-store.js');
      const content = 'x'.repeat(2100);
      return store.saveCorpus({ name: 'speeches.jsonl', files: [{ name: 'speeches.jsonl', content }], documents: 3 });
    });
    const switcher = opened.page.locator('corpus-switcher');
    await switcher.evaluate((element) => element.refresh());
    return { ...opened, id, switcher };
  }

  test('lists the embedded and stored corpora with counts, sizes and dates, and switches', async () => {
    const { page, errors, context, id, switcher } = await withStoredCorpus();
    assert.equal(await switcher.locator('summary').textContent().then((text) => text.replace(/\s+/g, ' ').trim()), 'Corpus: Jamestown articles');
    await switcher.locator('summary').click();
    const choices = switcher.locator('.corpus-switcher-choose');
    assert.deepEqual(await choices.locator('.corpus-switcher-item-name').allTextContents(), ['Embedded: Jamestown articles', 'speeches.jsonl']);
    const year = new Date().getFullYear();
    assert.match(await choices.nth(1).locator('.corpus-switcher-meta').textContent(), new RegExp(`^3 documents · 2\\.1 KB · loaded .*${year}`));
    assert.equal(await choices.first().getAttribute('aria-current'), 'true');

    await choices.nth(1).click();
    assert.deepEqual((await events(page, 'corpus-switch')).map(({ id: chosen }) => chosen), [id]);
    assert.equal(await switcher.locator('details').getAttribute('open'), null, 'choosing closes the panel');
    await switcher.evaluate((element, current) => { element.current = current; }, id);
    assert.match(await switcher.locator('summary').textContent(), /speeches\.jsonl/);
    await switcher.locator('summary').click();
    assert.equal(await choices.nth(1).getAttribute('aria-current'), 'true');
    assert.equal(await choices.first().getAttribute('aria-current'), null);
    await screenshotOf(page.locator('body'), 'corpora-switcher-open.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('deletes a stored corpus after an inline confirmation, from the keyboard', async () => {
    const { page, errors, context, id, switcher } = await withStoredCorpus();
    await switcher.locator('summary').focus();
    await page.keyboard.press('Enter');
    await switcher.getByRole('button', { name: 'Delete speeches.jsonl' }).click();
    const keep = switcher.getByRole('button', { name: 'Keep' });
    // Focus inside a shadow root: the document's activeElement is the host.
    assert.ok(await keep.evaluate((button) => button === button.getRootNode().activeElement), 'Keep has the focus');
    await page.keyboard.press('Enter'); // Keep: nothing deleted
    assert.equal((await storedCorpora(page)).length, 1);
    await switcher.getByRole('button', { name: 'Delete speeches.jsonl' }).click();
    await switcher.getByRole('group', { name: 'Delete speeches.jsonl?' }).getByRole('button', { name: 'Delete' }).click();
    await switcher.getByText('Deleted “speeches.jsonl”.').waitFor();
    assert.deepEqual(await switcher.locator('.corpus-switcher-item-name').allTextContents(), ['Embedded: Jamestown articles']);
    assert.deepEqual((await events(page, 'corpus-deleted')).map(({ id: deleted }) => deleted), [id]);
    assert.deepEqual(await storedCorpora(page), []);
    await page.keyboard.press('Escape');
    assert.equal(await switcher.locator('details').getAttribute('open'), null, 'Escape closes the panel');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('opens within a phone screen in the dark scheme', async () => {
    const { page, errors, context, switcher } = await withStoredCorpus({ viewport: { width: 360, height: 640 }, colorScheme: 'dark' });
    await switcher.locator('summary').click();
    const box = await switcher.locator('.corpus-switcher-panel').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `the panel is inside the screen (${box.x}..${box.x + box.width})`);
    await screenshotOf(page.locator('body'), 'corpora-switcher-phone-dark.png');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
