// <corpus-stats>: one line of corpus totals, e.g.
// "5 documents · 61 paragraphs · 140 sentences · 3,612 words · 1,104 distinct words".
// Set `stats` to `corpus.stats()`, or `corpus` to a Corpus or CorpusClient
// (or the `corpus` attribute to a source, see widget.js).
import { formatCount } from '../widgets/format.js';
import { Widget, widgetAttributes } from '../widgets/widget.js';

/** @typedef {import('../engine/corpus-client.js').AnyCorpus} AnyCorpus */

const PARTS = [
  ['documents', 'document', 'documents'],
  ['paragraphs', 'paragraph', 'paragraphs'],
  ['sentences', 'sentence', 'sentences'],
  ['words', 'word', 'words'],
  ['vocabulary', 'distinct word', 'distinct words'],
];

export class CorpusStats extends HTMLElement {
  static observedAttributes = widgetAttributes();
  #widget = new Widget(this);
  #root = this.#widget.root;
  #stats = null;
  /** @type {AnyCorpus} */
  #corpus = null;

  constructor() {
    super();
    this.#root.setAttribute('role', 'status');
    this.#render();
  }

  connectedCallback() {
    this.#widget.connect();
  }

  disconnectedCallback() {
    this.#widget.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** The Corpus or CorpusClient whose totals are shown. */
  get corpus() {
    return this.#corpus;
  }

  /** @param {AnyCorpus} corpus */
  set corpus(corpus) {
    this.#corpus = corpus;
    this.stats = corpus ? corpus.stats() : null;
  }

  /** The result of `corpus.stats()`; null shows "Loading…". */
  get stats() {
    return this.#stats;
  }

  set stats(value) {
    this.#stats = value;
    this.#render();
  }

  #render() {
    this.#root.textContent = this.#stats ? describe(this.#stats) : 'Loading…';
  }
}

function describe(stats) {
  return PARTS.filter(([key]) => stats[key] != null)
    .map(([key, one, many]) => `${formatCount(stats[key])} ${stats[key] === 1 ? one : many}`)
    .join(' · ');
}
