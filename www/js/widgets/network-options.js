// The co-occurrence options that the network and the heatmap share: the
// units and association measures the engine offers (the measures and their
// labels as the engine lists them, measures.js), with the words the page
// uses for the units, and the translation from a form's state into the options
// object corpus.cooccurrence and corpus.matrix take. The engine rejects an
// option it does not know, so only options that apply are passed.
import { MEASURES } from '../engine/measures.js';

/**
 * The engine's types (src/wasm.d.ts).
 * @typedef {import('../../pkg/corpus_lens.js').CooccurrenceOptions} CooccurrenceOptions
 * @typedef {import('../../pkg/corpus_lens.js').CooccurUnit} CooccurUnit
 * @typedef {import('../../pkg/corpus_lens.js').AssociationMeasure} AssociationMeasure
 * @typedef {import('../../pkg/corpus_lens.js').EntityType} EntityType
 */

/**
 * The state the network's controls describe and the heatmap shares.
 * @typedef {{unit: CooccurUnit, window?: number, measure: AssociationMeasure, minCount?: number, minScore?: number | null, types?: EntityType[], distinct?: boolean}} NetworkState
 */

export { MEASURES };

/** [unit, label], as corpus.cooccurrence names them. */
export const UNITS = [
  ['sentence', 'sentence'],
  ['paragraph', 'paragraph'],
  ['document', 'document'],
  ['window', 'window of words'],
];

/** The label of a measure: "logDice" for "logdice". */
export function measureLabel(measure) {
  return MEASURES.find(([m]) => m === measure)?.[1] ?? measure;
}

/** "sentences" for "sentence": what an evidence unit is called. */
export function unitPlural(unit, n = 2) {
  if (unit === 'window') return n === 1 ? 'passage' : 'passages';
  return n === 1 ? unit : `${unit}s`;
}

/**
 * The options for corpus.cooccurrence from the shared state
 * `{unit, window, measure, minCount, minScore, types, distinct}`: `window`
 * only with the window unit, `minScore` only when set, `types` only when
 * some are chosen, `distinct` only when asked for.
 * @param {NetworkState} state
 * @returns {CooccurrenceOptions}
 */
export function cooccurrenceOptions({ unit, window, measure, minCount, minScore, types, distinct }) {
  /** @type {CooccurrenceOptions} */
  const options = { unit, measure, minCount };
  if (distinct) options.distinct = true;
  if (unit === 'window') options.window = window;
  if (minScore != null) options.minScore = minScore;
  if (types?.length) options.types = types;
  return options;
}

/** <option>s for a <select>, built as elements (no markup strings). */
export function optionElements(pairs, selected) {
  return pairs.map(([value, label]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    option.selected = value === selected;
    return option;
  });
}

/** A score as the tables show it: integers as they are, others to 3 significant digits. */
export function formatScore(score) {
  if (score == null || Number.isNaN(score)) return '';
  if (Number.isInteger(score)) return String(score);
  return Math.abs(score) >= 1000 ? score.toFixed(0) : score.toPrecision(3);
}
