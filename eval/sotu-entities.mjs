// `npm run eval:sotu`: the 40 most mentioned people, places and
// organisations of the State of the Union addresses (../shared/data/sotu/,
// or $SOTU), one numbered list per type, so that the issue 23 check (no
// common word, title, document or fragment among them) can be repeated by
// reading. Also prints how a few names the issue names were linked.
//
// PKG points at another build of the Node package (default: pkg-node/).
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const FILE = process.env.SOTU ?? path.resolve(ROOT, '../shared/data/sotu/sotu.jsonl');
const TOP = 40;
const TYPES = ['person', 'place', 'organization'];
/** Names whose linking the issue describes: their entities and counts. */
const WATCH = ['Washington', 'Kennedy', 'Truman', 'Michelle', 'VA', 'Cleveland', 'Saddam', 'Porto Rico'];

function main() {
  if (!existsSync(FILE)) {
    console.log(`The State of the Union corpus is not here: ${FILE} (set SOTU to point elsewhere).`);
    return;
  }
  const pkg = process.env.PKG ? path.resolve(process.env.PKG) : path.join(ROOT, 'pkg-node');
  const { Corpus } = createRequire(import.meta.url)(pkg);
  const corpus = Corpus.load([{ name: path.basename(FILE), content: readFileSync(FILE, 'utf8') }]);
  for (const type of TYPES) {
    console.log(`\n## ${type}: top ${TOP}\n`);
    const top = corpus.entities({ types: [type], limit: TOP });
    console.log(top.map((e, i) => `${String(i + 1).padStart(2)}. ${e.name} (${e.count})`).join('\n'));
  }
  console.log('\n## linking\n');
  const all = corpus.entities({});
  for (const word of WATCH) {
    const named = all.filter((e) => e.name.split(/[ .]+/).includes(word) || e.name === word || e.aliases.includes(word));
    const shown = named.slice(0, 6).map((e) => `${e.type}:${e.name} (${e.count})`);
    console.log(`${word}: ${shown.join(', ') || 'none'}`);
  }
  corpus.free();
}

main();
