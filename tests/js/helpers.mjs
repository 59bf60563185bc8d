// Shared by the tests in this folder: the Node build of the wasm module
// (pkg-node, made by scripts/build.sh) and the files the repo holds.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');

const require = createRequire(import.meta.url);

/**
 * The wasm bindings, as `require('./pkg-node')` gives them to a user.
 * @type {typeof import('../../pkg-node/corpus_lens.js')}
 */
const bindings = require(path.join(ROOT, 'pkg-node'));
export const { Corpus, wasmMemoryBytes, measures } = bindings;

/** A fixture as `Corpus.load` takes it: `{name, content}`. */
export function fixture(name) {
  return { name, content: readFileSync(path.join(ROOT, 'tests/fixtures', name), 'utf8') };
}

/** The seed articles, verbatim: `[{file, content}]` in file-name order. */
export function seedFiles() {
  const dir = path.join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, content: readFileSync(path.join(dir, file), 'utf8') }));
}

/** Call `fn` with a fresh corpus and free it afterwards, even on failure. */
export function withCorpus(make, fn) {
  const corpus = make();
  try {
    return fn(corpus);
  } finally {
    corpus.free();
  }
}

/** The texts of a `corpus.document(id)` result's spans (`sentences` or `paragraphs`). */
export function spanTexts(doc, kind) {
  return doc[kind].map(({ start, end }) => doc.text.slice(start, end));
}

/** The message of the error `fn` throws; fails if it throws none or a non-Error. */
export function errorMessage(fn) {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof Error)) {
      throw new Error(`expected an Error, got ${typeof error}: ${String(error)}`);
    }
    return error.message;
  }
  throw new Error('expected an error, but none was thrown');
}
