// Benchmark section: search, side by side with FlexSearch, MiniSearch and
// lunr on the same SOTU records in the same process. Index memory is
// measured in fresh child processes (bench/search-memory.mjs), one per engine,
// because wasm memory never shrinks and JS heaps need a clean start.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { formatBytes, formatMs, markdownTable, time } from './measure.mjs';
import { PEER_BUILDERS, peerDocuments } from './search-engines.mjs';

export const title = 'Search';

/** The fixed query set: each class in our syntax and in the peers' terms. */
export const QUERIES = [
  { kind: 'term', ours: 'freedom', words: ['freedom'] },
  { kind: 'term', ours: 'constitution', words: ['constitution'] },
  { kind: 'term', ours: 'slavery', words: ['slavery'] },
  { kind: 'term', ours: 'america', words: ['america'] },
  { kind: 'and', ours: 'war peace', words: ['war', 'peace'] },
  { kind: 'and', ours: 'federal budget deficit', words: ['federal', 'budget', 'deficit'] },
  { kind: 'and', ours: 'economy jobs', words: ['economy', 'jobs'] },
  { kind: 'phrase', ours: '"united states"', words: ['united', 'states'] },
  { kind: 'phrase', ours: '"federal government"', words: ['federal', 'government'] },
  { kind: 'prefix', ours: 'tax*', words: ['tax'] },
  { kind: 'prefix', ours: 'immigr*', words: ['immigr'] },
  { kind: 'fuzzy', ours: 'democrcy~1', words: ['democrcy'], distance: 1 },
  { kind: 'fuzzy', ours: 'constitusion~2', words: ['constitusion'], distance: 2 },
];

/** What each peer's index holds, for the table. */
const PEER_NOTES = {
  'FlexSearch 0.8': '`tokenize: "strict"`, no positions',
  MiniSearch: 'no positions',
  'lunr 2': 'positions (for highlighting), stemming',
};

const LATENCY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 200);

/** Run the section; `bench` is `{Corpus, data, runs}`. */
export function run({ Corpus, data, runs }) {
  const records = data.content.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const buildRuns = Math.min(runs, 3);
  const engines = buildEngines(Corpus, records, buildRuns);
  const build = engines.map((e) => [e.name, e.note, e.build]);
  const memory = indexMemory();
  const latency = latencies(engines);
  const position = new Map(records.map((r, i) => [r.id ?? `doc-${i + 1}`, i]));
  const agreement = agreementRows(engines.find((e) => e.name === 'corpus-lens').index, engines.find((e) => e.name === 'MiniSearch').index, position);
  engines.find((e) => e.name === 'corpus-lens').index.free();
  return [
    `Index build over ${records.length} records (title and text), median of ${buildRuns} runs after one warm-up; query latency over ${LATENCY_RUNS} runs of each query after warm-up, ranked top 10.`,
    buildTable(build, memory),
    latencyTable(latency),
    '"n/a": the engine has no such query. MiniSearch and lunr have no phrase search, so their "phrase" rows run the words as AND; FlexSearch with `tokenize: "strict"` has no prefix or fuzzy search.',
    agreementTable(agreement),
  ].join('\n\n');
}

function buildEngines(Corpus, records, runs) {
  const docs = peerDocuments(records);
  // One warm-up run each; our corpora are freed between runs (the peers'
  // indexes are left to the garbage collector), so each run starts alike.
  const timed = (make) => {
    const result = time(() => {
      const index = make();
      return () => index.free?.();
    }, { runs, warmup: 1 });
    return { median: result.median, index: make() };
  };
  const ours = timed(() => Corpus.fromDocuments(records));
  const peers = Object.entries(PEER_BUILDERS).map(([name, build]) => {
    const { median, index } = timed(() => build(docs));
    return { name, note: PEER_NOTES[name], build: median, index };
  });
  return [{ name: 'corpus-lens', note: 'parse + sentences + positional index, in wasm', build: ours.median, index: ours.index }, ...peers];
}

function indexMemory() {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-memory.mjs');
  const measure = (engine) => {
    const out = execFileSync(process.execPath, ['--expose-gc', script, engine], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split('\n').pop());
  };
  return { 'corpus-lens': measure('ours'), 'FlexSearch 0.8': measure('flexsearch'), MiniSearch: measure('minisearch'), 'lunr 2': measure('lunr') };
}

/** One search function per engine and query, or null where it has none. */
function searcher(engine, query, { snippets }) {
  const { index } = engine;
  const words = query.words.join(' ');
  switch (engine.name) {
    case 'corpus-lens': {
      const options = { limit: 10, snippetLength: snippets ? 200 : 0 };
      return () => index.search(query.ours, options);
    }
    case 'FlexSearch 0.8':
      return ['prefix', 'fuzzy'].includes(query.kind) ? null : () => index.search(words, { limit: 10 });
    case 'MiniSearch': {
      const options = { combineWith: 'AND', prefix: query.kind === 'prefix', fuzzy: query.distance ?? false };
      return () => index.search(words, options).slice(0, 10);
    }
    case 'lunr 2': {
      const suffix = query.kind === 'prefix' ? '*' : query.distance ? `~${query.distance}` : '';
      const text = query.words.map((w) => `+${w}${suffix}`).join(' ');
      return () => index.search(text).slice(0, 10);
    }
    default:
      return null;
  }
}

/** Per engine (and our two snippet settings) and query kind: all samples in ms. */
function latencies(engines) {
  const rows = [];
  const variants = engines.flatMap((e) => (e.name === 'corpus-lens'
    ? [{ engine: e, label: 'corpus-lens, with snippets', snippets: true }, { engine: e, label: 'corpus-lens, no snippets', snippets: false }]
    : [{ engine: e, label: e.name, snippets: false }]));
  for (const { engine, label, snippets } of variants) {
    const byKind = {};
    for (const query of QUERIES) {
      const search = searcher(engine, query, { snippets });
      if (!search) continue;
      for (let i = 0; i < 20; i += 1) search();
      const samples = (byKind[query.kind] ??= []);
      for (let i = 0; i < LATENCY_RUNS; i += 1) {
        const start = performance.now();
        search();
        samples.push(performance.now() - start);
      }
    }
    rows.push({ label, byKind });
  }
  return rows;
}

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Document sets for the term and AND queries: ours (stemmed and exact) against MiniSearch's; `position` maps our ids to record numbers. */
function agreementRows(ours, mini, position) {
  return QUERIES.filter((q) => q.kind === 'term' || q.kind === 'and').map((query) => {
    const ids = (results) => new Set(results.hits.map((h) => position.get(h.docId)));
    const stemmed = ids(ours.search(query.ours, { limit: 10000, snippetLength: 0 }));
    const exact = ids(ours.search(query.words.map((w) => `"${w}"`).join(' '), { limit: 10000, snippetLength: 0 }));
    const theirs = new Set(mini.search(query.words.join(' '), { combineWith: 'AND' }).map((r) => r.id));
    return { query: query.ours, stemmed, exact, theirs };
  });
}

function jaccard(a, b) {
  const both = [...a].filter((x) => b.has(x)).length;
  const either = new Set([...a, ...b]).size;
  return either === 0 ? 1 : both / either;
}

function buildTable(build, memory) {
  const ours = build[0][2];
  const rows = build.map(([name, note, ms]) => {
    const { bytes, indexBytes } = memory[name];
    return [name, note, formatMs(ms), `${(ms / ours).toFixed(1)}×`, formatBytes(bytes), formatBytes(indexBytes)];
  });
  const table = markdownTable(['engine', 'index', 'build', 'vs corpus-lens', 'memory growth', 'index alone'], rows);
  return `${table}\n\nMemory growth: wasm linear memory for corpus-lens (it holds the text, sentences and index), the JS heap after garbage collection for the peers (their text was already in the heap). "Index alone" is what \`corpus.memory().index\` reports for ours.`;
}

function latencyTable(rows) {
  const kinds = ['term', 'and', 'phrase', 'prefix', 'fuzzy'];
  const us = (ms) => `${(ms * 1000).toFixed(0)} µs`;
  const cell = (samples) => (samples ? `${us(percentile(samples, 0.5))} / ${us(percentile(samples, 0.99))}` : 'n/a');
  return markdownTable(['p50 / p99', ...kinds], rows.map(({ label, byKind }) => [label, ...kinds.map((k) => cell(byKind[k]))]));
}

function agreementTable(rows) {
  const table = rows.map(({ query, stemmed, exact, theirs }) => [
    `\`${query}\``, String(theirs.size), String(exact.size), jaccard(exact, theirs).toFixed(3), String(stemmed.size), jaccard(stemmed, theirs).toFixed(3),
  ]);
  return `Agreement of the document sets of AND queries with MiniSearch's (Jaccard overlap; "exact" quotes each word, turning off our stemming):\n\n${
    markdownTable(['query', 'MiniSearch docs', 'ours exact', 'overlap', 'ours stemmed', 'overlap'], table)}`;
}
