// What the cross-browser suite's tests share: the engine chosen by the
// BROWSER environment variable (chromium, firefox or webkit; see
// engines.mjs), the test server (server.mjs), and a `Browser` that opens
// pages, finds elements through shadow roots, waits, and collects every
// error a page reports.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';

import { ENGINES, startSession } from './engines.mjs';
import { ROOT, startServer } from './server.mjs';

export { ROOT };
export const ENGINE = process.env.BROWSER ?? 'chromium';
if (!ENGINES[ENGINE]) throw new Error(`BROWSER must be one of ${Object.keys(ENGINES).join(', ')}, not "${ENGINE}"`);
const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots', ENGINE);
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
let axeSource = null;

// In the page: every element matching the selectors, each one searched for
// inside the elements the one before found, through open shadow roots.
function deepQuery(selectors) {
  const roots = (node) => {
    const found = [node];
    if (node.shadowRoot) found.push(...roots(node.shadowRoot));
    for (const element of node.querySelectorAll('*')) {
      if (element.shadowRoot) found.push(...roots(element.shadowRoot));
    }
    return found;
  };
  let scopes = [document];
  for (const selector of selectors) {
    const next = new Set();
    for (const scope of scopes) {
      for (const root of roots(scope)) for (const element of root.querySelectorAll(selector)) next.add(element);
    }
    scopes = [...next];
  }
  return scopes;
}

// In the page: the text a person sees in `node`, through shadow roots (an
// element's textContent stops at its own shadow root).
function deepText(node) {
  if (node.shadowRoot) return deepText(node.shadowRoot);
  if (node.nodeType === Node.TEXT_NODE) return node.data;
  return [...node.childNodes].map(deepText).join('');
}

// In the page: the element with focus, through shadow roots, as a plain
// object (what it is, its text or an input's value, its centre, whether it
// shows a focus ring), or null.
function focusedElement() {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  if (!element) return null;
  const box = element.getBoundingClientRect();
  return {
    tag: element.localName,
    classes: [...element.classList],
    id: element.dataset?.id ?? null,
    ends: element.dataset?.source ? [element.dataset.source, element.dataset.target] : null,
    label: element.getAttribute('aria-label'),
    text: (element.localName === 'input' ? element.value : element.textContent.trim()).slice(0, 120),
    x: box.left + box.width / 2,
    y: box.top + box.height / 2,
    ring: element.matches(':focus-visible'),
  };
}

// In the page: run axe-core and hand `done` its violations, one line each.
function runAxe(done) {
  const line = (rule, node) => `${rule.id} (${rule.impact}): ${node.target.flat().join(' >> ')}: ${node.failureSummary.split('\n').slice(1).join(' ').trim()}`;
  window.axe.run(document, { resultTypes: ['violations'] })
    .then(({ violations }) => done(violations.flatMap((rule) => rule.nodes.map((node) => line(rule, node)))), (error) => done([`axe failed: ${error}`]));
}

const DEEP_QUERY = `const deepQuery = ${deepQuery.toString()};\nconst deepText = ${deepText.toString()};`;

/**
 * Start the test server before the suite and stop everything after it.
 * `browser({dark})` resolves to a Browser in that colour scheme, started on
 * first use and kept for the whole suite. `csp`: the server's pages are sent
 * with this Content-Security-Policy.
 */
export function useEngine({ csp = null } = {}) {
  let server = null;
  const browsers = new Map();
  before(async () => {
    server = await startServer({ csp });
  });
  after(async () => {
    // A session that failed to start has nothing to quit.
    const started = await Promise.allSettled(browsers.values());
    for (const { value } of started) await value?.quit();
    await server?.close();
  });
  return {
    /** The test server's address, once the suite runs. */
    url: () => server.url,
    browser({ dark = false } = {}) {
      if (!browsers.has(dark)) browsers.set(dark, Browser.start(server.url, { dark }));
      return browsers.get(dark);
    },
  };
}

export class Browser {
  #session;
  #base;
  #logged = []; // errors the engine's own log reported (BiDi), not yet collected

  constructor(session, base) {
    this.#session = session;
    this.#base = base;
  }

  static async start(base, { dark }) {
    const session = await startSession(ENGINE, { dark });
    const browser = new Browser(session, base);
    if (ENGINES[ENGINE].bidi) await browser.#listenToLog();
    return browser;
  }

  /** The selenium WebDriver, for what this class does not wrap. */
  get driver() {
    return this.#session.driver;
  }

  async quit() {
    // Closed first, so that quitting does not make it report a lost connection.
    if (ENGINES[ENGINE].bidi) await this.driver.getBidi().then((bidi) => bidi.close()).catch(() => {});
    await this.#session.quit();
  }

  /** Errors from the console of every realm (workers too), where the engine offers its log. */
  async #listenToLog() {
    const bidi = await this.driver.getBidi();
    await bidi.subscribe('log.entryAdded');
    (await bidi.socket).on('message', (data) => {
      const { method, params } = JSON.parse(data.toString());
      if (method === 'log.entryAdded' && params.level === 'error') this.#logged.push(`log: ${params.text}`);
    });
  }

  /**
   * Open `url` (relative to the server) at `width`×`height` as a new
   * document, after collecting the last page's errors.
   */
  async open(url, { width = 1280, height = 860 } = {}) {
    await this.#keepErrors();
    await this.driver.switchTo().defaultContent();
    await this.driver.manage().window().setRect({ width, height });
    // A URL that differs from the last one only in its fragment would not
    // load a new document.
    await this.driver.get('about:blank');
    await this.driver.get(new URL(url, this.#base).href);
  }

  /**
   * Open `url` in a frame `width` px wide: a phone's width in every engine,
   * although the windows of some cannot be made that narrow. Later calls
   * act inside the frame.
   */
  async openInFrame(url, { width = 390, height = 844 } = {}) {
    const frame = new URL('/__test/frame.html', this.#base);
    frame.search = new URLSearchParams({ src: url, width, height });
    await this.open(frame.href, { width: 1280, height: height + 100 });
    const element = await this.waitFor(['#frame']);
    await this.driver.switchTo().frame(element);
  }

  async reload() {
    await this.#keepErrors();
    await this.driver.navigate().refresh();
  }

  async back() {
    await this.driver.navigate().back();
  }

  async forward() {
    await this.driver.navigate().forward();
  }

  /** The page's URL (the frame's, inside a frame). */
  url() {
    return this.driver.executeScript('return location.href');
  }

  /** Run `fn(...args)` in the page; elements among the args arrive as DOM elements. */
  run(fn, ...args) {
    return this.driver.executeScript(`return (${fn.toString()})(...arguments)`, ...args);
  }

  /** Every element matching the selectors (see deepQuery), visible ones only unless `hidden`. */
  findAll(selectors, { text = null, hidden = false } = {}) {
    return this.driver.executeScript(`${DEEP_QUERY}
      const [selectors, text, hidden] = arguments;
      const pattern = text === null ? null : new RegExp(text);
      return deepQuery(selectors).filter((element) =>
        (hidden || element.getClientRects().length > 0) && (!pattern || pattern.test(deepText(element))));`,
    selectors, text?.source ?? text, hidden);
  }

  /** The property `name` of the first element the selectors find (see deepQuery). */
  property(selectors, name) {
    return this.driver.executeScript(`${DEEP_QUERY}
      const element = deepQuery(arguments[0])[0];
      return element ? element[arguments[1]] : null;`, selectors, name);
  }

  /** The first element findAll finds, or null. */
  async find(selectors, options) {
    return (await this.findAll(selectors, options))[0] ?? null;
  }

  /** Wait up to `timeout` ms for find() to find something; throws naming what was awaited. */
  async waitFor(selectors, { timeout = 15_000, ...options } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this.find(selectors, options);
      if (found) return found;
      if (Date.now() > deadline) {
        const text = options.text ? ` with text ${options.text}` : '';
        throw new Error(`${ENGINE}: nothing matched ${selectors.join(' → ')}${text} within ${timeout} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Wait until `fn(...args)` run in the page returns something truthy; resolves to it. */
  async waitUntil(description, fn, ...args) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await this.run(fn, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`${ENGINE}: waited 15 s for ${description}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The text a person sees in `element`, through shadow roots. */
  async text(element) {
    return this.driver.executeScript(`${DEEP_QUERY} return deepText(arguments[0]);`, element);
  }

  /**
   * Wait for the element the selectors find and click it. Views redraw (a
   * corpus arriving, a width settling): an element replaced between finding
   * and clicking is found again.
   */
  async click(selectors, options) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await (await this.waitFor(selectors, options)).click();
      } catch (error) {
        if (error.name !== 'StaleElementReferenceError' || attempt === 5) throw error;
      }
    }
  }

  async #keepErrors() {
    this.#kept = [...this.#kept, ...(await this.#pageErrors())];
  }

  #kept = [];

  async #pageErrors() {
    return this.driver.executeScript('return window.__test ? window.__test.errors.splice(0) : []').catch(() => []);
  }

  /** Every error reported since the last call, by the page and by the engine's log. */
  async errors() {
    const found = [...this.#kept, ...(await this.#pageErrors()), ...this.#logged];
    this.#kept = [];
    this.#logged = [];
    return found;
  }

  /** The files the page offered for download since the last call: [{name, text}]. */
  async downloads() {
    return this.driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      const offered = window.__test.downloads.splice(0);
      Promise.all(offered.map(async ({ name, href }) => ({ name, text: await window.__test.blobs.get(href).text() })))
        .then(done, (error) => done([{ name: 'error', text: String(error) }]));`);
  }

  /** The element with focus, described (see focusedElement), or null. */
  focused() {
    return this.run(focusedElement);
  }

  /** Wait until focus is on an element with `className` (views answer from the worker); resolves to it, described. */
  async focusLandsOn(className) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const now = await this.focused();
      if (now?.classes.includes(className)) return now;
      if (Date.now() > deadline) throw new Error(`${ENGINE}: focus went to ${JSON.stringify(now)}, not .${className}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * axe-core's violations in the page (or the frame), each as one line
   * "rule (impact): target: what is wrong", once no element in it is busy.
   */
  async axe() {
    await this.waitUntil('the page to settle', () => {
      const busy = (root) => [...root.querySelectorAll('*')].some((node) => node.hasAttribute('aria-busy') || (node.shadowRoot && busy(node.shadowRoot)));
      return !busy(document);
    });
    axeSource ??= readFileSync(AXE, 'utf8');
    if (!(await this.run(() => 'axe' in window))) await this.driver.executeScript(axeSource);
    return this.driver.executeAsyncScript(`(${runAxe})(arguments[arguments.length - 1])`);
  }

  /** Save what the window shows as tests/e2e/screenshots/ENGINE/NAME. */
  async screenshot(name, element = null) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const png = element ? await element.takeScreenshot() : await this.driver.takeScreenshot();
    writeFileSync(path.join(SCREENSHOTS, name), png, 'base64');
  }
}
