// The association measures the engine offers, with its labels, written as a
// module for the page, www/js/engine/measures.js: the list is the engine's
// (`measures()`, Measure::ALL in src/cooccur/measures.rs), so the menus
// cannot drift from what corpus.cooccurrence accepts.
//
//   node scripts/measures.mjs   (scripts/build.sh runs it, after pkg-node)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const { measures } = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node'));

writeFileSync(path.join(ROOT, 'www/js/engine/measures.js'), `// Written by scripts/measures.mjs from the engine's measures(): do not edit.
/** [measure, label] for every association measure, in the menus' order. */
export const MEASURES = ${JSON.stringify(measures().map(({ id, label }) => [id, label]))};
`);
