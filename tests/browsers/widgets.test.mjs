// The widgets in someone else's page, as a web author uses them: the
// README's Embed snippet pasted into a page on another origin, under a
// sub-path, with CSS hostile to anything it does not know, in a dark system
// with a light page. Run in Chromium, Firefox or WebKit (BROWSER).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { ENGINE, ROOT, useEngine } from './harness.mjs';
import { startHostServer } from './server.mjs';

const engine = useEngine();
const README_SCRIPT_BASE = 'https://example.org/corpus-lens/';

/** The first ```html block under the README's `heading` (the whole line): what a web author copies. */
function readmeSnippet(heading = '## Embed') {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`the README has no heading "${heading}"`);
  const level = heading.split(' ')[0];
  const end = readme.slice(start + 1).search(new RegExp(`\n#{1,${level.length}} `));
  const section = readme.slice(start, end < 0 ? undefined : start + 1 + end);
  const snippet = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  if (!snippet?.includes(README_SCRIPT_BASE)) throw new Error(`the README's "${heading}" has no html snippet loading ${README_SCRIPT_BASE}`);
  return snippet;
}

/** Markup with the widgets' script from the test server, as a site would serve them. */
function withScript(markup) {
  return markup.replaceAll(README_SCRIPT_BASE, new URL('/dist/', engine.url()).href);
}

const SCRIPT = `<script type="module" src="${README_SCRIPT_BASE}corpus-lens.js"></script>`;

const HOSTILE_CSS = `
  * { font-size: 30px; box-sizing: content-box; }
  table { display: none; }
  button, select { background: red; }
  body { font-family: serif; color: #202020; background: #fffdf5; margin: 2rem; }`;

/** A blog post with `widgets` (markup) among its own elements; the hostile CSS unless `plain`. */
function hostPage(widgets, { plain = false } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light">
<title>A blog post</title>
<style>.host-widgets { width: 1000px; }${plain ? '' : HOSTILE_CSS}</style>
</head>
<body>
<h1 class="host-title">A post about Russia and Japan</h1>
<p class="host-text">The host's own paragraph, with a <button class="host-button">button</button>.</p>
<table class="host-table"><tr><td>a host table</td></tr></table>
<div class="host-widgets">
${withScript(widgets)}
</div>
</body>
</html>`;
}

let host = null;

/** Serve `pages` ({path: html}) on the host's own origin, beside its corpus files; resolves to its URL. */
async function serveHost(pages) {
  await host?.close();
  const fixtures = path.join(ROOT, 'tests/fixtures/widgets');
  const files = {
    '/blog/posts/notes.pdf': { type: 'application/pdf', body: '%PDF-1.4 not a corpus' },
  };
  for (const name of ['articles.jsonl', 'bad.jsonl']) {
    files[`/blog/posts/${name}`] = { type: 'application/jsonl', body: readFileSync(path.join(fixtures, name), 'utf8') };
  }
  for (const [where, html] of Object.entries(pages)) files[where] = { type: 'text/html; charset=utf-8', body: html };
  host = await startHostServer(files);
  return host.url;
}

after(() => host?.close());

// In the page: the computed style of every element inside the widgets that
// `selectors` find, through nested shadow roots, as lines a person could read.
function widgetStyles(selectors) {
  const PROPERTIES = ['display', 'font-size', 'font-family', 'font-weight', 'font-style', 'color', 'background-color',
    'box-sizing', 'border-top-width', 'border-top-color', 'padding-top', 'padding-left', 'margin-top', 'text-align',
    'text-transform', 'letter-spacing', 'visibility', 'fill'];
  const lines = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      lines.push(`${element.localName}.${[...element.classList].join('.')}: ${PROPERTIES.map((p) => `${p}=${style.getPropertyValue(p)}`).join('; ')}`);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  for (const selector of selectors) for (const widget of document.querySelectorAll(selector)) walk(widget.shadowRoot);
  return lines;
}

// In the page: the computed styles of the host's own elements.
function hostStyles() {
  const PROPERTIES = ['display', 'font-size', 'font-family', 'color', 'background-color', 'box-sizing', 'margin-top', 'color-scheme'];
  return ['html', 'body', '.host-title', '.host-text', '.host-button', '.host-table'].map((selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return `${selector}: ${PROPERTIES.map((p) => `${p}=${style.getPropertyValue(p)}`).join('; ')}`;
  });
}

/** Open `url` and wait until the README's two widgets have drawn. */
async function openDrawn(browser, url) {
  await browser.open(url);
  await browser.waitFor(['corpus-search', '.corpus-result'], { timeout: 30_000 });
  await browser.waitFor(['corpus-network', '.corpus-network-node'], { timeout: 30_000 });
  // The network's layout settles in one go; give a late redraw (a width settling) its moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

describe(`${ENGINE}: widgets in someone else's page`, () => {
  test('the README snippet in a hostile page on another origin works, looks as in a plain page, and leaves the page alone', async () => {
    const browser = await engine.browser({ dark: true });
    const snippet = readmeSnippet();
    const base = await serveHost({
      '/blog/posts/widgets.html': hostPage(snippet),
      '/blog/posts/plain.html': hostPage(snippet, { plain: true }),
      '/blog/posts/before.html': hostPage(snippet.replace(/<script[^>]*><\/script>/, '')),
    });
    await browser.open(`${base}blog/posts/before.html`);
    const before = await browser.run(hostStyles);

    await openDrawn(browser, `${base}blog/posts/widgets.html`);
    assert.deepEqual(await browser.run(hostStyles), before, "the host's own elements keep their styles");
    const hostile = await browser.run(widgetStyles, ['corpus-search', 'corpus-network']);
    const summary = await browser.waitFor(['corpus-search', '.corpus-search-summary'], { text: /^\d+ documents?/ });
    assert.match(await browser.text(summary), /^4 documents/, 'putin is in four of the five articles');
    const root = await browser.run(() => {
      const style = getComputedStyle(document.querySelector('corpus-search').shadowRoot.querySelector('.corpus-root'));
      return { color: style.color, background: style.backgroundColor };
    });
    assert.deepEqual(root, { color: 'rgb(29, 31, 35)', background: 'rgb(255, 255, 255)' }, 'a light page keeps the widgets light in a dark system');
    await browser.screenshot('widgets-hostile.png');

    await openDrawn(browser, `${base}blog/posts/plain.html`);
    const plain = await browser.run(widgetStyles, ['corpus-search', 'corpus-network']);
    assert.ok(plain.length > 100, `the widgets hold their drawing (${plain.length} elements)`);
    assert.deepEqual(hostile, plain, 'every element inside the widgets is styled as in a plain page');
    await browser.screenshot('widgets-plain.png');
    assert.deepEqual(await browser.errors(), []);
  });
});

describe(`${ENGINE}: a widget driven from the page's own script`, () => {
  test("the README's script opens a corpus from files and hands it to a widget", async () => {
    const browser = await engine.browser();
    const base = await serveHost({ '/blog/posts/script.html': hostPage(readmeSnippet('### The views as widgets, from JavaScript'), { plain: true }) });
    await browser.open(`${base}blog/posts/script.html`);
    await browser.waitFor(['corpus-network', '.corpus-network-node'], { timeout: 30_000 });
    const names = await browser.run(() => [...document.querySelector('corpus-network').shadowRoot.querySelectorAll('.corpus-network-node')]
      .map((node) => node.getAttribute('aria-label').split(',')[0]).sort());
    assert.deepEqual(names, ['Mori', 'Putin', 'Tokyo']);
    assert.deepEqual(await browser.errors(), []);
  });
});

describe(`${ENGINE}: a widget's attributes`, () => {
  test('a corpus that cannot be opened says why inside the widget, and the page hears of it', async () => {
    const browser = await engine.browser();
    const widgets = ['missing.jsonl', 'bad.jsonl', 'notes.pdf'].map((corpus) => `<corpus-search corpus="${corpus}" q="putin"></corpus-search>`).join('\n');
    // The page listens from the start, as a host that wants to know would.
    const listen = "<script>window.heard = []; document.addEventListener('corpus-error', (event) => window.heard.push(event.detail));</script>";
    const base = await serveHost({ '/blog/posts/broken.html': hostPage(`${listen}\n${SCRIPT}\n${widgets}`, { plain: true }) });
    await browser.open(`${base}blog/posts/broken.html`);
    const messages = [];
    for (const name of ['missing.jsonl', 'bad.jsonl', 'notes.pdf']) {
      const error = await browser.waitFor([`corpus-search[corpus="${name}"]`, '.corpus-widget-error']);
      messages.push(await browser.text(error));
    }
    assert.match(messages[0], /^Could not open the corpus “missing\.jsonl”: could not fetch http:\/\/localhost:\d+\/blog\/posts\/missing\.jsonl: 404 Not Found$/);
    assert.match(messages[1], /^Could not open the corpus “bad\.jsonl”: bad\.jsonl line 2, column \d+: invalid JSON/);
    assert.match(messages[2], /^Could not open the corpus “notes\.pdf”: .*notes\.pdf/);
    const heard = await browser.waitUntil('three corpus-error events', () => window.heard.length === 3 && window.heard);
    assert.deepEqual(heard.map((e) => e.corpus).sort(), ['bad.jsonl', 'missing.jsonl', 'notes.pdf']);
    assert.deepEqual(heard.map((e) => e.message).sort(), [...messages].sort());
    await browser.screenshot('widgets-errors.png');
    // The failures are the widgets' messages, not the page's errors.
    assert.deepEqual((await browser.errors()).filter((e) => !/missing\.jsonl|Failed to load resource|404/.test(e)), []);
  });

  test('attributes and properties mirror each other, and what the reader does updates them', async () => {
    const browser = await engine.browser();
    const base = await serveHost({ '/blog/posts/one.html': hostPage(`${SCRIPT}\n<corpus-search corpus="articles.jsonl" q="putin"></corpus-search>`, { plain: true }) });
    await browser.open(`${base}blog/posts/one.html`);
    await browser.waitFor(['corpus-search', '.corpus-search-summary'], { text: /^4 documents/ });
    const search = await browser.find(['corpus-search']);
    assert.equal(await browser.run((s) => s.q, search), 'putin', 'the property reads the attribute');
    await browser.run((s) => s.setAttribute('unit', 'sentence'), search);
    await browser.waitFor(['corpus-search', '.corpus-search-summary'], { text: /^\d+ sentences/ });
    assert.equal(await browser.property(['corpus-search', '.corpus-search-unit'], 'value'), 'sentence', 'the control follows the attribute');
    await browser.run((s) => { s.q = 'kuril*'; }, search);
    assert.equal(await browser.run((s) => s.getAttribute('q'), search), 'kuril*', 'the property sets the attribute');
    await browser.waitFor(['corpus-search', '.corpus-search-summary'], { text: /sentences? · kuril\* →/ });
    const input = await browser.find(['corpus-search', '.corpus-search-input']);
    await input.clear();
    await input.sendKeys('mori');
    await browser.waitUntil('the attribute to follow the typing', (s) => s.getAttribute('q') === 'mori', search);
    await browser.click(['corpus-search', '.corpus-facet-value'], { text: /^2000/ });
    await browser.waitUntil('the facet in the attribute', (s) => s.getAttribute('q') === 'mori year:2000', search);
    assert.deepEqual(await browser.errors(), []);
  });

  test('theme="dark" darkens the widget alone; no-export takes its Export menus away', async () => {
    const browser = await engine.browser();
    const markup = `${SCRIPT}
<corpus-network corpus="embedded" theme="dark" nodes="12"></corpus-network>
<corpus-network corpus="embedded" no-export nodes="12"></corpus-network>`;
    const base = await serveHost({ '/blog/posts/two.html': hostPage(markup, { plain: true }) });
    await browser.open(`${base}blog/posts/two.html`);
    // The elements are upgraded when the script arrives: until then they have no shadow root.
    await browser.waitUntil('both networks drawn', () => [...document.querySelectorAll('corpus-network')]
      .every((n) => n.shadowRoot?.querySelectorAll('.corpus-network-node').length === 12));
    const look = await browser.run(() => [...document.querySelectorAll('corpus-network')].map((n) => ({
      background: getComputedStyle(n.shadowRoot.querySelector('.corpus-root')).backgroundColor,
      exports: n.shadowRoot.querySelectorAll('.corpus-export').length,
    })));
    assert.deepEqual(look, [{ background: 'rgb(29, 32, 37)', exports: 1 }, { background: 'rgb(255, 255, 255)', exports: 0 }]);
    assert.equal(await browser.run(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)', 'the page stays as it was');
    await browser.run(() => document.querySelectorAll('corpus-network')[1].removeAttribute('no-export'));
    await browser.waitUntil('the menu back', () => document.querySelectorAll('corpus-network')[1].shadowRoot.querySelectorAll('.corpus-export').length === 1);
    await browser.screenshot('widgets-theme.png');
    assert.deepEqual(await browser.errors(), []);
  });

  test('widgets naming one corpus share one client; a search alone loads no chart code', async () => {
    const browser = await engine.browser();
    const two = `${SCRIPT}\n<corpus-search corpus="articles.jsonl" q="mori"></corpus-search>\n<corpus-stats corpus=" articles.jsonl "></corpus-stats>`;
    const base = await serveHost({ '/blog/posts/search.html': hostPage(two, { plain: true }) });
    await browser.open(`${base}blog/posts/search.html`);
    await browser.waitFor(['corpus-search', '.corpus-result']);
    await browser.waitFor(['corpus-stats'], { text: /^5 documents/ });
    assert.equal(await browser.run(() => {
      const [search, stats] = ['corpus-search', 'corpus-stats'].map((name) => document.querySelector(name));
      return search.corpus === stats.corpus;
    }), true, 'one CorpusClient for both');
    const scripts = await browser.run(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));
    assert.ok(scripts.some((name) => name.endsWith('/dist/corpus-lens.js')), scripts.join(', '));
    assert.equal(scripts.filter((name) => /corpus-lens-charts/.test(name)).length, 0, `no chart code: ${scripts.join(', ')}`);
    assert.deepEqual(await browser.errors(), []);
  });
});

describe(`${ENGINE}: the explorer's Embed snippets`, () => {
  test('the iframe shows the view alone, and the elements draw it in another page', async () => {
    const browser = await engine.browser();
    await browser.open('/#view=search&q=putin&unit=sentence');
    await browser.waitFor(['corpus-search', '.corpus-result']);
    await browser.click(['.corpus-embed-summary']);
    // The snippets are written as the panel opens: read them once they are there.
    await browser.waitUntil('the Embed snippets', () => {
      const areas = [...document.querySelectorAll('.corpus-embed-code')];
      return areas.length === 2 && areas.every((area) => area.value);
    });
    const [iframe, elements] = await browser.run(() => [...document.querySelectorAll('.corpus-embed-code')].map((area) => area.value));
    assert.match(iframe, /^<iframe src="http:\/\/localhost:\d+\/#embed=1&amp;view=search&amp;q=putin&amp;unit=sentence[^"]*" title="corpus-lens: Search" /);
    assert.equal(elements.split('\n')[1], '<corpus-search corpus="embedded" q="putin" unit="sentence" mode="results" sort="document" width="50"></corpus-search>');
    const base = await serveHost({
      '/blog/posts/iframe.html': hostPage(iframe, { plain: true }),
      '/blog/posts/elements.html': hostPage(elements, { plain: true }),
    });

    await browser.open(`${base}blog/posts/iframe.html`);
    await browser.driver.switchTo().frame(await browser.waitFor(['iframe']));
    await browser.waitFor(['corpus-search', '.corpus-search-summary'], { text: /^\d+ sentences/, timeout: 30_000 });
    const chrome = await browser.run(() => ['.corpus-masthead', '.corpus-tabbar'].map((s) => getComputedStyle(document.querySelector(s)).display));
    assert.deepEqual(chrome, ['none', 'none'], 'no header and no tabs in the iframe');
    await browser.driver.switchTo().defaultContent();
    await browser.screenshot('embed-iframe.png');

    await browser.open(`${base}blog/posts/elements.html`);
    await browser.waitFor(['corpus-search', '.corpus-search-summary'], { text: /^\d+ sentences/, timeout: 30_000 });
    assert.equal(await browser.property(['corpus-search', '.corpus-search-input'], 'value'), 'putin');
    assert.deepEqual(await browser.errors(), []);
  });
});
