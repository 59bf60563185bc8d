// Hostile values in the URL: a link anyone can send puts its text in every
// state key of every view (a query, an entity, a document, an edge, a
// measure). Each view must show such a value as text, refuse it with a
// message where it means nothing, and never run it. Its exports must carry
// it escaped: every file each view offers is downloaded, with the same text
// in the corpus too (titles, ids, entity names), and read back as a program
// reading it would (an XML parser, a spreadsheet, JSON.parse).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { openPage, useBrowser } from './harness.mjs';

const app = useBrowser();

const MARKUP = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
const SCRIPT_URL = 'javascript:window.__pwned=3;alert(3)';
/** A spreadsheet formula. */
const FORMULA = '=HYPERLINK("http://example.com/","click")';
/** Characters XML 1.0 cannot hold, not even as references (a BEL and U+FFFF), in a word. */
const NOT_XML = 'bell\u0007\uffff';

/** Every view with every key its state reads (app.js and the elements' STATE_KEYS). */
const VIEWS = {
  search: ['q', 'unit', 'mode', 'sort', 'width'],
  entities: ['type', 'min', 'name', 'review', 'entity'],
  network: ['unit', 'window', 'measure', 'min', 'score', 'nodes', 'links', 'types', 'colour', 'distinct', 'edge'],
  timeline: ['entities', 'bucket', 'count', 'q'],
  compare: ['a', 'b', 'measure', 'min', 'p'],
  reader: ['doc', 'start', 'end', 'q'],
  overview: [],
};

/** `#view=…` with each key set to `value`. */
function fragment(view, keys, value) {
  const params = new URLSearchParams({ view });
  for (const key of keys) params.set(key, value);
  return `#${params}`;
}

/** The elements the page holds, through shadow roots, that a payload would have made. */
function injected(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const node of root.querySelectorAll('img, script:not([src]), iframe, object, embed, [onerror], [onload], a[href^="javascript:" i]')) {
        found.push(node.outerHTML.slice(0, 80));
      }
      for (const node of root.querySelectorAll('*')) if (node.shadowRoot) walk(node.shadowRoot);
    };
    walk(document);
    return found;
  });
}

/** Record the dialogs `page` opens (and dismiss them) in the list returned. */
function dialogsOf(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  return dialogs;
}

/** Wait for the explorer in `page` to be ready and every view to have settled. */
async function settled(page) {
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.waitForFunction(() => {
    const busy = (root) => [...root.querySelectorAll('*')].some((node) => node.hasAttribute('aria-busy') || (node.shadowRoot && busy(node.shadowRoot)));
    return !busy(document);
  });
  await page.waitForTimeout(300);
}

/** The explorer at `hash`, its views settled; dialogs are recorded and dismissed. */
async function openHostile(hash) {
  const opened = await openPage(app, `/${hash}`);
  const dialogs = dialogsOf(opened.page);
  await settled(opened.page);
  return { ...opened, dialogs };
}

describe('hostile values in every URL state key', () => {
  for (const [view, keys] of Object.entries(VIEWS)) {
    for (const [what, value] of [['markup', MARKUP], ['a javascript: URL', SCRIPT_URL]]) {
      test(`${view}: ${what} in ${keys.length ? keys.join(', ') : 'no key (the view alone)'} is never run`, async () => {
        const { page, errors, context, dialogs } = await openHostile(fragment(view, keys, value));
        assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
        assert.deepEqual(dialogs, []);
        assert.deepEqual(await injected(page), [], 'no element came from the URL');
        assert.equal(await page.locator(`section[data-view="${view}"]`).isVisible(), true, 'the view is shown');
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }

  test('the check sees an element a payload would make, inside a widget (a control)', async () => {
    const { page, context } = await openHostile('#view=search&q=putin');
    await page.evaluate(() => {
      const root = document.querySelector('corpus-search').shadowRoot;
      root.querySelector('.corpus-root').insertAdjacentHTML('beforeend', '<img src="data:," alt="">');
    });
    assert.equal((await injected(page)).length, 1);
    await context.close();
  });

  test('a query full of markup is shown as typed', async () => {
    const { page, errors, context, dialogs } = await openHostile(fragment('timeline', ['q'], MARKUP));
    assert.equal(await page.locator('corpus-timeline input.corpus-timeline-query').inputValue(), MARKUP);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// ---------------------------------------------------------------------------
// Every export of every view

/** Records whose ids, titles, publications, a field's name and text carry the payloads. */
const RECORDS = [
  {
    id: MARKUP, title: `Report ${MARKUP}`, publication: SCRIPT_URL, date: '2001-05-01', [MARKUP]: FORMULA,
    text: `Vladimir Putin met Yoshiro Mori in Tokyo. ${MARKUP} ${NOT_XML} Then Putin spoke about =cmd|' /C calc'!A0 and the peace treaty in Tokyo.`,
  },
  { id: SCRIPT_URL, title: FORMULA, publication: MARKUP, date: '2003-02-01', text: `Putin and Mori met again in Moscow. Mori flew to Tokyo after the talks. ${SCRIPT_URL}` },
  { id: FORMULA, title: `${SCRIPT_URL} ${NOT_XML}`, publication: FORMULA, date: '2005-07-01', text: 'In Moscow, Vladimir Putin said the peace treaty with Japan would wait. Yoshiro Mori in Tokyo disagreed.' },
];

/** An alias table file, as a colleague might send one, naming the entities the records mention with the payloads. */
const ALIAS_FILE = {
  format: 'corpus-lens alias table',
  version: 1,
  entries: [
    { name: MARKUP, type: 'person', aliases: ['Vladimir Putin', 'Putin'] },
    { name: FORMULA, type: 'person', aliases: ['Yoshiro Mori', 'Mori'] },
    { name: SCRIPT_URL, type: 'place', aliases: ['Tokyo'] },
    { name: `Moscow ${NOT_XML}`, type: 'place', aliases: ['Moscow'] },
  ],
};

const TABLE = ['CSV', 'JSON'];
const CHART = ['SVG', 'PNG', ...TABLE];
const NAMES = [MARKUP, FORMULA, SCRIPT_URL];

/**
 * The views, each with MARKUP and NOT_XML in every key it reads (VIEWS) but
 * those `take` sets so that it draws something: a hostile entity (`ids`, by
 * name) or document, a name filter, the mode that has an export. `exports`
 * is what it then offers: the figures' Export menus by title, with their
 * formats; `buttons`, its other download buttons by name, with their format;
 * `carries`, the payloads its files must hold (in a query, a title, an
 * entity's name), escaped.
 */
const CASES = [
  {
    view: 'overview', carries: NAMES,
    exports: { 'Documents per year': CHART, 'Mentions per year': CHART, People: CHART, Places: CHART, Documents: TABLE },
  },
  { view: 'search', take: () => ({ mode: 'kwic' }), carries: [MARKUP], exports: { Concordance: TABLE } },
  {
    view: 'entities', take: (ids) => ({ entity: ids[MARKUP], name: MARKUP }), carries: NAMES,
    exports: { People: TABLE, 'Mentions over time': CHART, 'Associated entities': CHART, 'Words around it': CHART },
  },
  { view: 'entities', take: () => ({ review: 'on' }), carries: NAMES, exports: {}, buttons: { 'Export decisions (JSON)': 'JSON' } },
  {
    view: 'network', take: (ids) => ({ types: `person,place,${MARKUP}`, edge: `${ids[MARKUP]} ${ids[FORMULA]}` }), carries: NAMES,
    exports: { 'Co-occurrence network': [...CHART, 'GEXF', 'GraphML'], Heatmap: CHART },
  },
  { view: 'timeline', take: (ids) => ({ entities: [...Object.values(ids), MARKUP].join(',') }), carries: NAMES, exports: { 'Mentions over time': CHART } },
  // Any p: three short records leave no term significant, and the terms are what carries the payload.
  { view: 'compare', take: () => ({ b: '', p: '1' }), carries: [MARKUP], exports: { 'Key terms': CHART } },
  { view: 'reader', take: () => ({ doc: MARKUP }), carries: [MARKUP], exports: {} },
];

const EXTENSIONS = { SVG: 'svg', PNG: 'png', CSV: 'csv', JSON: 'json', GEXF: 'gexf', GraphML: 'graphml' };
/** Elements a payload would make, or that run or load something. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'img', 'iframe', 'object', 'embed', 'foreignobject']);
/** Attributes that hold an address. */
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data']);
/** A number a spreadsheet reads as one, so a leading "-" is no formula (as in export-formats.js). */
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A hostile corpus kept in one browser profile, and the ids its entities were given. */
const hostile = { context: null, corpus: '', ids: {} };

/** A page of `hostile.context` at `hash` with its errors and dialogs recorded, settled. */
async function openInProfile(hash) {
  const page = await hostile.context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const dialogs = dialogsOf(page);
  await page.goto(new URL(`/${hash}`, app.baseUrl()).href);
  await settled(page);
  return { page, errors, dialogs };
}

/** Load RECORDS through the loader's file picker and import ALIAS_FILE through the review panel, as a user would. */
async function keepHostileCorpus() {
  hostile.context = await app.browser().newContext({ viewport: { width: 1280, height: 860 } });
  const { page, errors } = await openInProfile('#view=overview');
  await page.locator('.corpus-load-open').click();
  await page.locator('corpus-loader .corpus-loader-files').setInputFiles([{
    name: 'hostile.jsonl', mimeType: 'text/plain', buffer: Buffer.from(RECORDS.map((r) => JSON.stringify(r)).join('\n')),
  }]);
  await page.locator('corpus-stats', { hasText: `${RECORDS.length} documents` }).waitFor();
  hostile.corpus = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('corpus');
  await page.goto(new URL(`/#corpus=${hostile.corpus}&view=entities&review=on`, app.baseUrl()).href);
  await settled(page);
  await page.locator('.corpus-review-import-input').setInputFiles({ name: 'aliases.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ALIAS_FILE)) });
  // Imported, and kept for the pages each test opens in this profile.
  hostile.ids = await page.evaluate(async ({ corpus, names }) => {
    const { getAliases } = await import('/js/corpora/corpus-store.js');
    const list = document.querySelector('corpus-entities');
    await list.review.settled;
    for (let tries = 0; !(await getAliases(corpus))?.entries?.length; tries++) {
      if (tries > 100) throw new Error('the imported alias table was not kept');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const entities = await list.corpus.entities({});
    return Object.fromEntries(names.map((name) => [name, entities.find((e) => e.name === name)?.id]));
  }, { corpus: hostile.corpus, names: ALIAS_FILE.entries.map((e) => e.name) });
  assert.equal(Object.values(hostile.ids).filter(Boolean).length, ALIAS_FILE.entries.length, JSON.stringify(hostile.ids));
  assert.deepEqual(errors, []);
  await page.close();
}

/** The fragment for a case: MARKUP and NOT_XML in every key of its view, then what it takes. */
function caseFragment({ view, take }) {
  const params = new URLSearchParams({ corpus: hostile.corpus, view });
  for (const key of VIEWS[view]) params.set(key, `${MARKUP} ${NOT_XML}`);
  for (const [key, value] of Object.entries(take?.(hostile.ids) ?? {})) params.set(key, value);
  return `#${params}`;
}

/** The shown Export menus of `view`: `{title: [format]}`, read from their buttons ("SVG of People"). */
async function offeredExports(page, view) {
  const offered = {};
  const controls = page.locator(`section[data-view="${view}"] details.corpus-export`).filter({ visible: true });
  for (const control of await controls.all()) {
    await control.locator('summary').click();
    for (const label of await control.locator('.corpus-export-button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))) {
      const [, format, title] = label.match(/^(\S+) of (.+)$/);
      (offered[title] ??= []).push(format);
    }
    await control.locator('summary').click();
  }
  return offered;
}

/**
 * Click `button` (which saves a file) and read the file back: `{name, bytes}`.
 * Clicked a second time when no file comes in 10 s: under load, headless
 * Chromium now and then drops one of many downloads a page starts in quick
 * succession (its limit on automatic downloads asks a permission no one is
 * there to give), although the click and the page's link both happened. A
 * second click that brings no file either fails the test.
 */
async function downloaded(page, button, failure) {
  for (const wait of [10_000, 30_000]) {
    const download = page.waitForEvent('download', { timeout: wait });
    await button.click();
    try {
      const file = await download;
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    } catch (error) {
      if (wait === 30_000) throw new Error(`no file came: ${(await failure?.textContent()) || error.message}`);
    }
  }
}

/** Every file `view` offers, downloaded through its menus and buttons, one by one: `{what, format, name, bytes}`. */
async function* downloads(page, view, exports, buttons = {}) {
  const section = page.locator(`section[data-view="${view}"]`);
  for (const [title, formats] of Object.entries(exports)) {
    for (const format of formats) {
      const what = `${format} of ${title}`;
      const control = section.locator('details.corpus-export').filter({ has: page.getByRole('button', { name: what, exact: true, includeHidden: true }) });
      if (!(await control.evaluate((d) => d.open))) await control.locator('summary').click();
      yield { what, format, ...await downloaded(page, control.getByRole('button', { name: what, exact: true }), control.locator('.corpus-export-error')) };
    }
  }
  for (const [name, format] of Object.entries(buttons)) {
    yield { what: name, format, ...await downloaded(page, section.getByRole('button', { name, exact: true })) };
  }
}

/** What a parser makes of `text` in the page: its error, and every element with its namespace, attributes and text. */
function parsed(page, text, type) {
  return page.evaluate(({ text, type }) => {
    const doc = new DOMParser().parseFromString(text, type);
    const elements = [...doc.querySelectorAll('*')].map((node) => ({
      name: node.localName,
      namespace: node.namespaceURI,
      attributes: [...node.attributes].map(({ name, value }) => ({ name, value })),
      text: [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.data).join(''),
    }));
    return { error: doc.querySelector('parsererror')?.textContent ?? null, elements };
  }, { text, type });
}

/** The problems a program reading `markup` would meet: not well formed, or an element, handler or address a payload would make. */
function markupProblems({ error, elements }) {
  const problems = error ? [`not well formed: ${error}`] : [];
  for (const { name, attributes } of elements) {
    if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) problems.push(`a <${name}> element`);
    for (const attribute of attributes) {
      if (/^on/i.test(attribute.name)) problems.push(`an ${attribute.name} attribute on <${name}>`);
      if (URL_ATTRIBUTES.has(attribute.name.toLowerCase()) && /^[\s\0-\x1f]*javascript:/i.test(attribute.value)) {
        problems.push(`${attribute.name}="${attribute.value}" on <${name}>`);
      }
    }
  }
  return problems;
}

/** The records of CSV text, read strictly (RFC 4180: a quoted cell may hold commas, quotes and line breaks). */
function csvRecords(text) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const c = text[at];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[at + 1] === '"') (cell += '"'), at++;
      else quoted = false;
    } else if (c === '"') {
      assert.equal(cell, '', `a quote inside an unquoted cell, after ${JSON.stringify(cell)}`);
      quoted = true;
    } else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[at + 1] === '\n') {
      records.push([...record, cell]);
      record = [];
      cell = '';
      at++;
    } else {
      cell += c;
    }
  }
  assert.equal(quoted, false, 'every quoted cell is closed');
  assert.deepEqual([...record, cell], [''], 'the last record ends with CRLF');
  return records;
}

/** Every string in a JSON value, keys too. */
function jsonStrings(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [...(Array.isArray(value) ? [] : [key]), ...jsonStrings(inner)]);
}

/** The chunks of a PNG file: `[{type, data}]`. */
function pngChunks(bytes) {
  const chunks = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    chunks.push({ type: bytes.toString('latin1', at + 4, at + 8), data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** The keyword and text of a PNG's text chunk (tEXt, Latin-1; or iTXt, UTF-8, uncompressed). */
function pngText(bytes) {
  const { type, data } = pngChunks(bytes).find((c) => c.type === 'tEXt' || c.type === 'iTXt');
  const keyword = data.subarray(0, data.indexOf(0)).toString('latin1');
  // iTXt: after the keyword's NUL, a compression flag and method, and two empty NUL-ended strings.
  const text = type === 'tEXt' ? data.subarray(keyword.length + 1).toString('latin1') : data.subarray(keyword.length + 5).toString('utf8');
  return { keyword, text };
}

/** A reader of XML whose elements are all in `namespace`, parsed as `type`. */
function xmlReader(type, namespace) {
  return async (page, bytes) => {
    const seen = await parsed(page, bytes.toString('utf8'), type);
    assert.deepEqual(markupProblems(seen), []);
    assert.deepEqual(seen.elements.filter((e) => e.namespace !== namespace).map((e) => e.name), [], `every element in ${namespace}`);
    return seen.elements.flatMap((e) => [e.text, ...e.attributes.map((a) => a.value)]);
  };
}

/**
 * Read one exported file back as a program would, asserting it is sound and
 * holds no working payload; return the text it carries (strings, cells,
 * text and attribute values), for the check that the payloads reached it.
 */
const READERS = {
  SVG: xmlReader('image/svg+xml', 'http://www.w3.org/2000/svg'),
  GEXF: xmlReader('application/xml', 'http://gexf.net/1.3'),
  GraphML: xmlReader('application/xml', 'http://graphml.graphdrawing.org/xmlns'),
  async PNG(page, bytes) {
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = pngChunks(bytes);
    assert.deepEqual([chunks[0].type, chunks.at(-1).type], ['IHDR', 'IEND']);
    const pixels = await page.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      return bitmap.width * bitmap.height;
    }, bytes.toString('base64'));
    assert.ok(pixels > 0, 'the browser draws it');
    const { keyword, text } = pngText(bytes);
    assert.equal(keyword, 'parameters');
    return jsonStrings(JSON.parse(text));
  },
  CSV(_page, bytes) {
    const text = bytes.toString('utf8');
    const lineEnd = text.indexOf('\r\n');
    const comment = text.slice(0, lineEnd);
    const rows = csvRecords(text.slice(lineEnd + 2));
    assert.match(comment, /^# corpus-lens table; parameters: \{/);
    // A spreadsheet splits the comment line at its separators too.
    const cells = [...rows.flat(), ...comment.split(/[,;\t]/)];
    assert.deepEqual(cells.filter((cell) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)), [], 'no cell starts a formula');
    assert.ok(rows.every((row) => row.length === rows[0].length), 'every row as wide as the header');
    const parameters = JSON.parse(comment.slice(comment.indexOf('{')));
    return [...jsonStrings(parameters), ...rows.flat().map((cell) => cell.replace(/^'(?=[=+\-@\t\r])/, ''))];
  },
  JSON(_page, bytes) {
    return jsonStrings(JSON.parse(bytes.toString('utf8')));
  },
};

/**
 * The Embed control's two snippets, for a page of the user's, read as HTML:
 * the iframe alone, and the script and the view's elements with the state
 * of each, exactly, as attribute text. Returns the attribute values and the
 * state the iframe's address holds.
 */
async function embedTexts(page, view) {
  await page.locator('.corpus-embed summary').click();
  await page.locator('.corpus-embed-code').nth(1).waitFor();
  const snippets = await page.locator('.corpus-embed-code').evaluateAll((areas) => areas.map((a) => a.value));
  const [frame, code] = await Promise.all(snippets.map(async (snippet) => (await parsed(page, snippet, 'text/html')).elements
    .filter((e) => !['html', 'head', 'body'].includes(e.name))));
  const [script, ...elements] = code;
  const origin = new URL(app.baseUrl()).origin;
  const attributes = (element) => Object.fromEntries(element.attributes.map((a) => [a.name, a.value]));
  assert.deepEqual(frame.map((e) => e.name), ['iframe']);
  assert.deepEqual(Object.keys(attributes(frame[0])), ['src', 'title', 'width', 'height', 'loading'], 'the iframe has its own attributes only');
  assert.equal(script.name, 'script');
  assert.deepEqual(Object.keys(attributes(script)), ['type', 'src']);
  for (const element of [frame[0], script]) {
    assert.ok(attributes(element).src.startsWith(`${origin}/`), `the ${element.name} loads this explorer, not ${attributes(element).src}`);
    assert.equal(element.text, '');
  }
  const states = await page.locator(`section[data-view="${view}"] [data-state]`).evaluateAll((owners) => owners.map((owner) => owner.state));
  // A kept corpus is named for the user to replace; the states, in the order the elements stand (a view's last may keep none).
  const shown = (state = {}) => Object.fromEntries(Object.entries(state).filter(([, v]) => v != null && v !== '').map(([k, v]) => [k, String(v)]));
  assert.deepEqual(
    elements.map(attributes),
    elements.map((_, i) => ({ corpus: 'your-articles.jsonl', ...shown(states[i]) })),
    'each element has its state, as it is, and nothing else',
  );
  return [...[frame[0], ...code].flatMap((e) => e.attributes.map((a) => a.value)), ...new URLSearchParams(new URL(attributes(frame[0]).src).hash.slice(1)).values()];
}

describe('every export of every view, with hostile text in the URL and in the corpus', () => {
  before(keepHostileCorpus);
  after(() => hostile.context?.close());

  for (const { view, take, exports, buttons, carries } of CASES) {
    const taken = take ? ` (${Object.keys(take({})).join(', ')} taken)` : '';
    const files = [...Object.entries(exports).map(([title, formats]) => `${formats.join('/')} of ${title}`), ...Object.keys(buttons ?? {}), 'Embed'];
    test(`${view}${taken}: ${files.join(', ')}`, async () => {
      const { page, errors, dialogs } = await openInProfile(caseFragment({ view, take }));
      // Charts draw after their data comes: wait for every menu to offer what it will.
      let offered;
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(200)) {
        offered = await offeredExports(page, view);
        if (JSON.stringify(offered) === JSON.stringify(exports)) break;
      }
      assert.deepEqual(offered, exports, 'the exports offered');

      const carried = [];
      const names = new Map();
      for await (const { what, format, name, bytes } of downloads(page, view, exports, buttons)) {
        assert.match(name, new RegExp(`^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*\\.${EXTENSIONS[format]}$`, 'u'), `${what}: a safe file name`);
        assert.ok(!names.has(name), `${what} has a file name of its own, not that of ${names.get(name)}: ${name}`);
        names.set(name, what);
        try {
          carried.push(...await READERS[format](page, bytes));
        } catch (error) {
          throw new Error(`${what} (${name}): ${error.message}`, { cause: error });
        }
      }
      carried.push(...await embedTexts(page, view));
      for (const payload of carries) assert.ok(carried.some((text) => text.includes(payload)), `the files carry ${payload}`);

      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(await injected(page), [], 'no element came from the URL or the corpus');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
