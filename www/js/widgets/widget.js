// widgets/: what every element shares, whatever it shows: this helper,
// following a corpus (view-support.js), building DOM (dom.js, highlight.js),
// formats, entity types, the co-occurrence options, the generated sheet.
//
// What every element shares as a widget in someone else's page (a helper
// object each element owns, like ViewSupport):
//   - a shadow root holding one inner root, <div class="corpus-root" part="base">,
//     with the widgets' style sheet adopted (styles.js, one CSSStyleSheet
//     shared by every widget): the page's CSS cannot reach in, and nothing
//     of ours reaches out;
//   - the `theme` attribute: light, dark, or auto (the default), which
//     follows the page: dark when the page's color-scheme allows dark and
//     the reader's system prefers it, or when the page is dark only;
//   - the `corpus` attribute: "embedded" or file URLs (corpus-sources.js),
//     opened and handed to the element; a failure shows inside the widget
//     and is dispatched as `corpus-error` {message, corpus};
//   - the view's state keys as attributes (and properties), reflected both
//     ways; an attribute set to the value shown changes nothing;
//   - an Export menu on every figure the element draws, unless `no-export`.
import { downloadIn, exportControls } from '../export/export.js';
import { openCorpusSource } from '../corpora/corpus-sources.js';
import { h } from './dom.js';
import { PROGRAM } from './program.js';
import { WIDGET_CSS } from './styles.js';

let sheet = null;

/** The one style sheet every widget adopts, made on first use. */
function widgetSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
  }
  return sheet;
}

/** The attributes every widget observes, before its state keys. */
const COMMON = ['corpus', 'theme', 'skip-invalid', 'no-export'];

/** A widget's `observedAttributes`: the common ones and its state keys. */
export function widgetAttributes(stateKeys = []) {
  return [...COMMON, ...stateKeys];
}

/**
 * Define a property for each state key that reads and writes the attribute:
 * `search.q = 'putin'` is `search.setAttribute('q', 'putin')`. A key the
 * class already has a property for (the timeline's `entities`, an array)
 * keeps it.
 */
export function defineStateProperties(elementClass, stateKeys) {
  for (const key of stateKeys) {
    if (key in elementClass.prototype) continue;
    Object.defineProperty(elementClass.prototype, key, {
      configurable: true,
      get() {
        return this.state[key] ?? '';
      },
      set(value) {
        this.setAttribute(key, value ?? '');
      },
    });
  }
}

/**
 * Wait for `latest()`, a promise of the element's latest render, and again
 * if a newer render began meanwhile: resolves once what shows is final.
 */
export async function settled(latest) {
  for (;;) {
    const current = latest();
    await current;
    if (current === latest()) return;
  }
}

/**
 * Focus `element`, something a person reads rather than operates (a heading,
 * a marked passage): it takes focus from script only (tabindex -1) and
 * shows no ring unless the keyboard moved there.
 */
export function focusStatic(element) {
  if (!element) return;
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus({ preventScroll: false });
}

/**
 * The theme's value of `--corpus-<token>` inside `element` (an element in a
 * widget): the page's own setting if it made one, else the widget's default.
 */
export function themeValue(element, token) {
  const style = getComputedStyle(element);
  return (style.getPropertyValue(`--corpus-${token}`) || style.getPropertyValue(`--corpus-default-${token}`)).trim();
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export class Widget {
  #host;
  #root;
  #stateKeys;
  #reflecting = false;
  #onCorpus;
  #corpusSpec = null;
  #figures = null;
  #error;
  #media = null;
  #onMedia = () => this.#applyTheme();

  /**
   * `stateKeys`: the attributes that mirror `host.state`; `onCorpus(client)`:
   * hand the element a corpus its `corpus` attribute opened.
   */
  constructor(host, { stateKeys = [], onCorpus = (client) => { host.corpus = client; } } = {}) {
    this.#host = host;
    this.#stateKeys = stateKeys;
    this.#onCorpus = onCorpus;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [widgetSheet()];
    this.#error = h('p', { class: 'corpus-widget-error', role: 'alert', part: 'error', hidden: true });
    this.#root = h('div', { class: 'corpus-root', part: 'base' });
    shadow.replaceChildren(this.#root);
    // A change the user made: the attributes follow.
    host.addEventListener('corpus-state-change', (event) => {
      if (event.target === host) this.stateChanged();
    });
    this.#applyTheme();
  }

  /**
   * For the element's `corpus` setter: a string is a source, set as the
   * `corpus` attribute (true: nothing more to do); anything else is a Corpus
   * or CorpusClient for the element itself (false).
   * @param {unknown} value
   * @returns {value is string}
   */
  takesSource(value) {
    if (typeof value !== 'string') return false;
    this.#host.setAttribute('corpus', value);
    return true;
  }

  /** The inner root: where the element draws. */
  get root() {
    return this.#root;
  }

  /** The host entered a page: follow the theme, watch for figures. */
  connect() {
    this.#media = darkQuery();
    this.#media.addEventListener('change', this.#onMedia);
    this.#applyTheme();
    this.#figures ??= new MutationObserver(() => this.#attachExports());
    this.#figures.observe(this.#root, { childList: true, subtree: true });
    this.#attachExports();
    if (this.#host.hasAttribute('corpus')) this.#openCorpus();
  }

  /** The host left the page: nothing of ours keeps listening. */
  disconnect() {
    this.#media?.removeEventListener('change', this.#onMedia);
    this.#figures?.disconnect();
  }

  /** Call from attributeChangedCallback. */
  attributeChanged(name, old, value) {
    if (this.#reflecting || old === value) return;
    if (name === 'theme') this.#applyTheme();
    else if (name === 'corpus' || name === 'skip-invalid') this.#openCorpus();
    else if (name === 'no-export') this.#attachExports();
    else if (this.#stateKeys.includes(name)) this.#applyAttributes(name, value);
  }

  /**
   * The state as the attributes say, all of them at once: while an element
   * upgrades, its attributes arrive one callback at a time, and taking one
   * alone would reflect the others' old values over them.
   */
  #applyAttributes(name, value) {
    const state = this.#host.state ?? {};
    const next = { ...state };
    for (const key of this.#stateKeys) {
      if (this.#host.hasAttribute(key)) next[key] = this.#host.getAttribute(key);
    }
    if (value === null) next[name] = undefined; // removed: back to the default
    if (this.#stateKeys.some((key) => (next[key] ?? '') !== (state[key] ?? ''))) this.#host.state = next;
  }

  /** Call when the state changed (the user, or the `state` setter): the attributes follow. */
  stateChanged() {
    const state = this.#host.state ?? {};
    this.#reflecting = true;
    try {
      for (const key of this.#stateKeys) {
        const value = state[key];
        if (value == null || value === '') this.#host.removeAttribute(key);
        else if (this.#host.getAttribute(key) !== String(value)) this.#host.setAttribute(key, String(value));
      }
    } finally {
      this.#reflecting = false;
    }
  }

  /** Show `error` (or clear it with null) inside the widget, above what it draws. */
  showError(error) {
    this.#error.hidden = !error;
    this.#error.textContent = error ? error.message ?? String(error) : '';
    if (error && !this.#error.isConnected) this.#root.prepend(this.#error);
  }

  async #openCorpus() {
    const spec = this.#host.getAttribute('corpus');
    if (spec === null) return;
    const skipInvalid = this.#host.hasAttribute('skip-invalid');
    const asked = `${skipInvalid} ${spec}`;
    if (asked === this.#corpusSpec) return;
    this.#corpusSpec = asked;
    this.showError(null);
    try {
      const client = await openCorpusSource(spec, { skipInvalid });
      if (asked !== this.#corpusSpec) return; // the attribute changed meanwhile
      this.#onCorpus(client);
    } catch (error) {
      if (asked !== this.#corpusSpec) return;
      this.#corpusSpec = null;
      const message = `Could not open the corpus “${spec}”: ${error.message}`;
      this.showError(new Error(message));
      this.#host.dispatchEvent(new CustomEvent('corpus-error', { bubbles: true, composed: true, detail: { message, corpus: spec } }));
    }
  }

  #applyTheme() {
    const theme = this.#host.getAttribute('theme') ?? 'auto';
    let dark = theme === 'dark';
    if (theme !== 'light' && theme !== 'dark') {
      // The page's color-scheme, as the host element inherits it.
      const schemes = getComputedStyle(this.#host).colorScheme.split(/\s+/);
      dark = schemes.includes('dark') && (!schemes.includes('light') || darkQuery().matches);
    }
    this.#root.classList.toggle('corpus-dark', dark);
  }

  #attachExports() {
    const off = this.#host.hasAttribute('no-export');
    for (const figure of this.#root.querySelectorAll('figure.corpus-figure')) {
      const control = figure.querySelector(':scope > .corpus-export');
      if (off) control?.remove();
      else if (!control) figure.prepend(this.#exportControl(figure));
    }
  }

  /** Where a figure comes from, as its exports record it: the corpus and the view. */
  #exportContext() {
    const host = this.#host;
    // The corpus by its name (the explorer's) or source (a widget's) and by
    // its content, so that a result can be cited and reproduced.
    return {
      corpus: host.dataset.corpusName ?? host.getAttribute('corpus') ?? host.dataset.corpus ?? null,
      fingerprint: /** @type {{corpus?: {fingerprint?: () => string}}} */ (host).corpus?.fingerprint?.() ?? null,
      view: host.closest('[data-view]')?.dataset.view ?? host.localName.replace(/^corpus-/, ''),
      exported: new Date().toISOString(),
      program: PROGRAM,
    };
  }

  #exportControl(figure) {
    // Read when the menu opens: a view may name a figure after what it
    // shows (the entity page, after its entity) once the control is made.
    const name = () => figure.dataset.exportName ?? 'chart';
    return exportControls({
      name,
      parameters: () => ({ ...this.#exportContext(), ...this.#host.state, figure: name() }),
      svg: () => chartOf(figure),
      table: () => tableIn(figure),
      extra: this.#host.exportExtras?.(figure) ?? [],
      framed: true,
      legend: () => legendOf(figure, this.#root),
      download: (...args) => downloadIn(this.#root, ...args),
    });
  }
}

/**
 * The legend of `figure` as its exports draw it: the keys marked
 * `data-legend` in its view outside any figure (the timeline's entity
 * chips), then those in it. A key holding an unticked checkbox is not
 * drawn. Each key's swatch (`data-legend-swatch`) gives its colour: an SVG
 * line's stroke and dashes, else the swatch's background and border.
 * @returns {{label: string, colour: string, dash?: string, edge?: string}[]}
 */
function legendOf(figure, root) {
  const outside = [...root.querySelectorAll('[data-legend]')].filter((key) => !key.closest('figure'));
  return [...outside, ...figure.querySelectorAll('[data-legend]')].filter((key) => !key.querySelector('input[type="checkbox"]:not(:checked)')).map((key) => {
    const swatch = key.querySelector('[data-legend-swatch]');
    const line = swatch?.querySelector('line');
    const label = key.dataset.legend || key.textContent.replace(/\s+/g, ' ').trim();
    if (line) {
      const style = getComputedStyle(line);
      return { label, colour: style.stroke, dash: line.getAttribute('stroke-dasharray') ?? undefined };
    }
    if (!swatch) return { label, colour: 'currentColor' };
    // A pale key is bordered in its edge colour (chart-edges.js): drawn so too.
    const style = getComputedStyle(swatch);
    const edge = Number.parseFloat(style.borderTopWidth) > 0 ? style.borderTopColor : undefined;
    return { label, colour: style.backgroundColor, edge };
  });
}

/** The first <table> in `node`, looking into the shadow roots of elements inside it too (the overview's documents table). */
function tableIn(node) {
  const table = node.querySelector('table');
  if (table) return table;
  for (const element of node.querySelectorAll('*')) {
    const inner = element.shadowRoot && tableIn(element.shadowRoot);
    if (inner) return inner;
  }
  return null;
}

/** The chart a figure exports: its main SVG, or Plot's <figure> around it, which holds the legend too. */
function chartOf(figure) {
  const svg = figure.querySelector('svg[role="img"]') ?? [...figure.querySelectorAll('svg')].at(-1);
  if (!svg) return null;
  const plotFigure = svg.parentElement?.closest('figure');
  return plotFigure && plotFigure !== figure ? plotFigure : svg;
}
