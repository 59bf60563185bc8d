// The npm package in dist/ (scripts/package.mjs) installs and works as the
// README's "Install" section says: its shell commands pack and install it in a
// scratch project, offline, and its CommonJS, ES module and TypeScript
// examples run there against what a user gets.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT } from './helpers.mjs';

const TSC = path.join(ROOT, 'node_modules/.bin/tsc');

/** The fenced code blocks of the README's "## Install" section: [{lang, code}]. */
function installBlocks() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Install\n');
  assert.notEqual(start, -1, 'the README has an Install section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, lang, code]) => ({ lang, code }));
}

/** The README's example named on its first line, `// example.cjs: …`. */
function example(file) {
  const block = installBlocks().find(({ code }) => code.startsWith(`// ${file}:`));
  assert.ok(block, `the Install section has an example starting "// ${file}:"`);
  return block.code;
}

/** What an example's `// → …` comments say it prints, a line each. */
function expectedOutput(code) {
  return [...code.matchAll(/^\/\/ → (.*)$/gm)].map(([, line]) => `${line}\n`).join('');
}

/** The shell block's commands, comments dropped: [['npm', 'pack', './dist'], …]. */
function shellCommands() {
  const block = installBlocks().find(({ lang }) => lang === 'sh');
  assert.ok(block, 'the Install section has a shell block');
  return block.code
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
}

let project; // the scratch project, with the packed tarball installed

// One pack and one install, as the README's shell block does them, for every
// test below. `npm test` has built dist/ already, so `npm run build` is not
// run again.
before(() => {
  assert.ok(existsSync(path.join(ROOT, 'dist/package.json')), 'dist/ is built: run `npm run build`');
  project = mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-package-'));
  writeFileSync(path.join(project, 'package.json'), '{ "name": "scratch", "private": true }\n');
  let tarball;
  for (const [command, verb, target, ...rest] of shellCommands()) {
    assert.equal(command, 'npm');
    assert.deepEqual(rest, []);
    if (verb === 'run') {
      assert.equal(target, 'build');
    } else if (verb === 'pack') {
      const name = npm(ROOT, 'pack', target, '--pack-destination', project, '--quiet').trim().split('\n').at(-1);
      tarball = path.join(project, name);
    } else {
      assert.equal(verb, 'install');
      assert.equal(path.basename(target), path.basename(tarball), 'the README names the tarball npm pack writes');
      // No dependencies, so nothing to fetch: the install must work offline.
      npm(project, 'install', '--offline', '--no-audit', '--no-fund', '--quiet', tarball);
    }
  }
  assert.ok(existsSync(path.join(project, 'node_modules/corpus-lens/package.json')), 'the shell block installs the package');
});

after(() => rmSync(project, { recursive: true, force: true }));

function npm(cwd, ...args) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8' });
}

/** Writes the README's example into the scratch project and runs it with node. */
function run(file) {
  const code = example(file);
  writeFileSync(path.join(project, file), code);
  const output = execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
  assert.notEqual(expectedOutput(code), '', `the ${file} example says what it prints`);
  assert.equal(output, expectedOutput(code));
}

test('the CommonJS example runs through require and prints what it says', () => run('example.cjs'));

test('the ES module example runs through import and prints what it says', () => run('example.mjs'));

test('the web page example reads the page through the readers module the package ships, and prints what it says', () => run('pages.mjs'));

test('the TypeScript example type-checks with strict tsc against the shipped declarations', () => {
  writeFileSync(path.join(project, 'example.ts'), example('example.ts'));
  // node16 resolves through the package's exports map, as a user's project
  // does, and targets ES2022, which has no Symbol.dispose of its own.
  const args = ['--strict', '--noEmit', '--module', 'node16', 'example.ts'];
  try {
    execFileSync(TSC, args, { cwd: project, encoding: 'utf8' });
  } catch (error) {
    assert.fail(`tsc rejects the README's TypeScript example:\n${error.stdout}`);
  }
});

test('corpus-lens/web is the browser build of the same core', () => {
  const check = `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import init, { Corpus, loadReaders } from 'corpus-lens/web';
// A browser fetches the module beside corpus_lens.js; Node is handed its bytes.
const wasm = createRequire(import.meta.url).resolve('corpus-lens/web/corpus_lens_bg.wasm');
await init({ module_or_path: readFileSync(wasm) });
console.log(Corpus.embedded().stats().documents);
const readers = createRequire(import.meta.url).resolve('corpus-lens/web/readers/corpus_lens_readers_bg.wasm');
const page = new TextEncoder().encode('<title>Talks</title><article><p>Putin met Koizumi in Tokyo.</p></article>');
try {
  Corpus.load([{ name: 'talks.html', bytes: page }]);
} catch (error) {
  console.log(error.message.includes('loadReaders()'));
}
await loadReaders(readFileSync(readers));
console.log(Corpus.load([{ name: 'talks.html', bytes: page }]).documents()[0].title);
`;
  writeFileSync(path.join(project, 'web.mjs'), check);
  assert.equal(execFileSync(process.execPath, ['web.mjs'], { cwd: project, encoding: 'utf8' }), '5\ntrue\nTalks\n');
});

test('corpus-lens/elements ships the widgets with their worker, wasm module, manifest and the single file', () => {
  const check = `import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const entry = fileURLToPath(import.meta.resolve('corpus-lens/elements'));
const beside = (name) => existsSync(path.join(path.dirname(entry), name));
const manifest = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('corpus-lens/custom-elements.json')), 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName).sort();
const html = fileURLToPath(import.meta.resolve('corpus-lens/corpus-lens.html'));
console.log(JSON.stringify({ worker: beside('corpus-worker.js'), wasm: beside('corpus_lens_bg.wasm'), tags, single: readFileSync(html, 'utf8').includes('data-single-file') }));
`;
  writeFileSync(path.join(project, 'elements.mjs'), check);
  const found = JSON.parse(execFileSync(process.execPath, ['elements.mjs'], { cwd: project, encoding: 'utf8' }));
  assert.deepEqual(found, {
    worker: true,
    wasm: true,
    tags: ['corpus-alias-editor', 'corpus-compare', 'corpus-documents', 'corpus-entities', 'corpus-entity', 'corpus-loader',
      'corpus-matrix', 'corpus-network', 'corpus-overview', 'corpus-reader', 'corpus-search', 'corpus-stats',
      'corpus-switcher', 'corpus-timeline'],
    single: true,
  });
});
