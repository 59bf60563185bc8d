// <corpus-stats>: one line of corpus totals, e.g.
// "5 documents · 61 paragraphs · 140 sentences · 3,612 words · 1,104 distinct words".
import { formatCount } from './format.js';

const PARTS = [
  ['documents', 'document', 'documents'],
  ['paragraphs', 'paragraph', 'paragraphs'],
  ['sentences', 'sentence', 'sentences'],
  ['words', 'word', 'words'],
  ['vocabulary', 'distinct word', 'distinct words'],
];

export class CorpusStats extends HTMLElement {
  #stats = null;

  connectedCallback() {
    this.setAttribute('role', 'status');
    this.#render();
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
    this.textContent = this.#stats ? describe(this.#stats) : 'Loading…';
  }
}

function describe(stats) {
  return PARTS.filter(([key]) => stats[key] != null)
    .map(([key, one, many]) => `${formatCount(stats[key])} ${stats[key] === 1 ? one : many}`)
    .join(' · ');
}
