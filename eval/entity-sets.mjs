// Writes named shared NER sets as JSON Lines on stdout, one annotated text
// a line (`{id, text, gold: [{start, end, type}]}`, UTF-16 offsets), for the
// tagger's training (scripts/train-entities.py).
//
//   node eval/entity-sets.mjs wikigold re3d btc sec wnut17
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { nerData, readAllSets } from './readers.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const dir = nerData(ROOT);
if (!dir) {
  console.error('The NER sets are not in ../shared/data/ner (set NER_DATA): see eval/ner.mjs.');
  process.exit(1);
}
const sets = readAllSets(dir);
for (const name of process.argv.slice(2)) {
  if (!sets[name]) {
    console.error(`No set "${name}"; the sets are ${Object.keys(sets).join(', ')}.`);
    process.exit(1);
  }
  for (const doc of sets[name]) process.stdout.write(`${JSON.stringify(doc)}\n`);
}
