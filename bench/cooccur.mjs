// Benchmark section: the entity co-occurrence network of all of SOTU by
// sentence. Ours (counting, every measure, degree, betweenness and Louvain
// communities, in wasm) beside a straightforward JavaScript `Map` count of
// the same pairs from the same mentions, and graphology's betweenness and
// Louvain on the same graph; then the interactive changes a user makes.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness.js';

import { formatMs, markdownTable, time } from './measure.mjs';

export const title = 'Co-occurrence';

/** The named-entity types a network is drawn over (not dates or sums). */
const TYPES = ['person', 'place', 'organization', 'media', 'nationality', 'event'];

/** Run the section; `bench` is `{Corpus, data, runs}`. */
export function run({ Corpus, data, runs }) {
  const corpus = Corpus.load([{ name: 'sotu.jsonl', content: data.content }]);
  try {
    const extraction = time(() => { corpus.entities({ limit: 1 }); }, { runs: 1, warmup: 0 });
    const options = { unit: 'sentence', measure: 'llr', types: TYPES };
    const network = corpus.cooccurrence(options);
    const units = sentenceEntities(corpus);
    const jsCounts = countPairs(units);
    const rows = [
      ['entity extraction (first entity call, once)', extraction],
      ['corpus-lens `cooccurrence` (counts, measure, degree, betweenness, communities)', time(() => { corpus.cooccurrence(options); }, { runs })],
      ['JavaScript `Map`: counting the same pairs only', time(() => { countPairs(units); }, { runs })],
      ['graphology: betweenness + Louvain on the same graph', time(() => { analyse(network); }, { runs })],
      ...interactiveRows(corpus, runs),
      ...transferRows(corpus, Math.min(runs, 3)),
    ];
    return [
      `${network.nodes.length.toLocaleString('en')} entities and ${network.edges.length.toLocaleString('en')} pairs by sentence `
        + `(${units.length.toLocaleString('en')} sentences with two or more entities); our counts ${
          sameCounts(network, jsCounts) ? 'equal' : 'DIFFER FROM'} the JavaScript count on every pair.`,
      markdownTable(['operation', 'median', 'min'], rows.map(([name, t]) => [name, formatMs(t.median), formatMs(t.min)])),
    ].join('\n\n');
  } finally {
    corpus.free();
  }
}

/** The changes a user makes on the network view, each from a warm corpus. */
function interactiveRows(corpus, runs) {
  const base = { types: TYPES };
  return [
    ['change measure (`pmi`)', { ...base, unit: 'sentence', measure: 'pmi' }],
    ['change threshold (`minCount: 3`)', { ...base, unit: 'sentence', measure: 'llr', minCount: 3 }],
    ['change unit (`paragraph`)', { ...base, unit: 'paragraph', measure: 'llr' }],
    ['change unit (`window`, 10 tokens)', { ...base, unit: 'window', window: 10, measure: 'llr' }],
  ].map(([name, options]) => [name, time(() => { corpus.cooccurrence(options); }, { runs })]);
}

/**
 * The largest network (by document) out as objects and in columns: the same
 * computation, so the difference is the cost of crossing into JavaScript.
 */
function transferRows(corpus, runs) {
  const options = { unit: 'document', types: TYPES };
  const edges = corpus.cooccurrenceColumns(options).edges.count.length.toLocaleString('en');
  return [
    [`document network (${edges} edges) as objects, \`cooccurrence\``, time(() => { corpus.cooccurrence(options); }, { runs })],
    [`the same in typed arrays, \`cooccurrenceColumns\``, time(() => { corpus.cooccurrenceColumns(options); }, { runs })],
  ];
}

/** For each sentence with two or more of the entities, their distinct ids. Not timed. */
function sentenceEntities(corpus) {
  const units = [];
  for (const { id } of corpus.documents()) {
    const { sentences } = corpus.document(id);
    const mentions = corpus.annotate(id).filter((m) => TYPES.includes(m.type));
    let s = 0;
    let current = new Set();
    for (const mention of mentions) {
      while (s < sentences.length && sentences[s].end <= mention.start) {
        if (current.size > 1) units.push([...current]);
        current = new Set();
        s += 1;
      }
      current.add(mention.entityId);
    }
    if (current.size > 1) units.push([...current]);
  }
  return units;
}

/** Counts each unordered pair once per unit, the straightforward way. */
function countPairs(units) {
  const counts = new Map();
  for (const ids of units) {
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const key = ids[i] < ids[j] ? `${ids[i]}\u0000${ids[j]}` : `${ids[j]}\u0000${ids[i]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function sameCounts(network, counts) {
  if (network.edges.length !== counts.size) return false;
  return network.edges.every(({ source, target, count }) => {
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    return counts.get(key) === count;
  });
}

/** graphology's betweenness and Louvain over the network's nodes and edges. */
function analyse(network) {
  const graph = new Graph({ type: 'undirected' });
  for (const node of network.nodes) graph.addNode(node.id);
  for (const edge of network.edges) graph.addEdge(edge.source, edge.target, { weight: edge.count });
  return [betweenness(graph), louvain(graph)];
}
