// Precision, recall and F1 per type, by exact span or by overlap.
export const TYPES = ['PER', 'LOC', 'ORG'];

/** A zeroed tally per type. */
export function emptyTally() {
  return Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
}

/**
 * Adds one document's counts to `tally`. Exact: a prediction is right when a
 * gold span of its type has the same start and end. Overlap: when it shares a
 * character with a gold span of its type; each gold span matches once.
 */
export function scoreDocument(tally, gold, predicted, mode) {
  for (const type of TYPES) {
    const g = gold.filter((s) => s.type === type);
    const p = predicted.filter((s) => s.type === type);
    const used = new Set();
    let tp = 0;
    for (const s of p) {
      const at = g.findIndex((t, i) => !used.has(i) && matches(s, t, mode));
      if (at >= 0) {
        used.add(at);
        tp += 1;
      }
    }
    tally[type].tp += tp;
    tally[type].fp += p.length - tp;
    tally[type].fn += g.length - tp;
  }
}

function matches(a, b, mode) {
  if (mode === 'exact') return a.start === b.start && a.end === b.end;
  return a.start < b.end && b.start < a.end;
}

/** `{p, r, f1}` of counts. */
export function prf({ tp, fp, fn }) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The micro-average over every type: counts summed, then scored. */
export function micro(tally) {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const t of TYPES) for (const k of Object.keys(sum)) sum[k] += tally[t][k];
  return prf(sum);
}
