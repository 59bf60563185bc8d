// The oldest version of each major browser that has every feature the
// explorer uses, from MDN's browser-compat-data (@mdn/browser-compat-data):
// for each browser, the latest "version added" among the features below.
//
//   node scripts/browser-support.mjs          prints the table
//   node scripts/browser-support.mjs --write  writes it into README.md and
//                                             the minimum versions into
//                                             www/js/support.js
//   node scripts/browser-support.mjs --check  fails if either is out of date
//                                             or a listed feature is no longer
//                                             used (tests/js runs this)
//
// Each feature names where the code uses it, so that the list cannot keep a
// feature the code dropped. The WebAssembly features are those scripts/build.sh
// tells wasm-opt the module uses. The bundled chart libraries (d3-force,
// Observable Plot) are not scanned: they support older browsers than this.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import bcd from '@mdn/browser-compat-data' with { type: 'json' };

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');

export const BROWSERS = {
  chrome: 'Chrome',
  edge: 'Edge',
  firefox: 'Firefox',
  safari: 'Safari',
  chrome_android: 'Chrome for Android',
  firefox_android: 'Firefox for Android',
  safari_ios: 'Safari on iOS',
};

/** @type {[string, string, RegExp][]} [BCD key, what it is, a pattern that finds its use in www/]. */
const FEATURES = [
  ['html.elements.script.type.module', 'JavaScript modules', /<script type="module"/],
  ['javascript.operators.import_meta', 'import.meta', /import\.meta\.url/],
  ['api.Worker.Worker.ecmascript_modules', 'module workers', /\{ type: 'module' \}/],
  ['javascript.classes.private_class_methods', 'private class methods', /^\s+#[a-zA-Z]+\([^)]*\) \{/m],
  ['javascript.operators.nullish_coalescing_assignment', '??=', /\?\?=/],
  ['javascript.builtins.Array.at', 'Array.prototype.at', /\.at\(-1\)/],
  ['api.structuredClone', 'structuredClone', /structuredClone\(/],
  ['api.Element.replaceChildren', 'Element.replaceChildren', /\.replaceChildren\(/],
  ['api.CustomElementRegistry', 'custom elements', /customElements\.define\(/],
  ['api.ResizeObserver', 'ResizeObserver', /new ResizeObserver\(/],
  ['api.IDBFactory', 'IndexedDB', /indexedDB\.open\(/],
  ['css.selectors.has', 'the CSS :has() selector', /:has\(/],
  ['css.at-rules.container', 'CSS container queries', /@container /],
  ['css.types.color.color-mix', 'CSS color-mix()', /color-mix\(/],
  ['css.selectors.focus-visible', 'the CSS :focus-visible selector', /:focus-visible/],
];

/** wasm-opt's --enable-… flags (scripts/build.sh) and their BCD keys. */
const WASM_FEATURES = {
  'bulk-memory': ['webassembly.bulk-memory-operations', 'WebAssembly bulk memory'],
  'nontrapping-float-to-int': ['webassembly.non-trapping-float-to-int-conversions', 'WebAssembly non-trapping float-to-int'],
  'sign-ext': ['webassembly.sign-extension-operations', 'WebAssembly sign extension'],
  multivalue: ['webassembly.multi-value', 'WebAssembly multi-value'],
  'reference-types': ['webassembly.reference-types', 'WebAssembly reference types'],
  // Part of WebAssembly's first version in every browser BCD lists.
  'mutable-globals': ['webassembly.api', 'WebAssembly'],
};

/** Every file under www/ the explorer is made of (not the built or vendored ones). */
function sources() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && !['pkg', 'vendor', 'vendor-src'].includes(entry.name)) walk(file);
      else if (/\.(html|js|css)$/.test(entry.name)) files.push(file);
    }
  };
  walk(path.join(ROOT, 'www'));
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

/** The WebAssembly features scripts/build.sh enables. */
function wasmFeatures() {
  const build = readFileSync(path.join(ROOT, 'scripts/build.sh'), 'utf8');
  return [...build.matchAll(/--enable-([a-z-]+)/g)].map(([, flag]) => {
    if (!WASM_FEATURES[flag]) throw new Error(`scripts/build.sh enables the WebAssembly feature "${flag}", which browser-support.mjs does not map to browser-compat-data`);
    return WASM_FEATURES[flag];
  });
}

function compat(key) {
  const compat = key.split('.').reduce((node, part) => node?.[part], bcd)?.__compat;
  if (!compat) throw new Error(`browser-compat-data has no feature "${key}"`);
  return compat.support;
}

/**
 * The first version of `browser` that has the feature, unprefixed and
 * unflagged (a partial implementation counts), or null if none has.
 */
function versionAdded(support, browser) {
  const statements = [support[browser] ?? []].flat()
    .filter((s) => !s.flags && !s.prefix && !s.alternative_name && typeof s.version_added === 'string');
  const versions = statements.map((s) => s.version_added.replace(/^≤/, '')).filter((v) => /^\d/.test(v));
  return versions.sort(compareVersions)[0] ?? null;
}

function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
}

/** Per browser, `{version, because}`: the oldest version with every feature, and the features that set it. */
export function minimumVersions() {
  const code = sources();
  const unused = FEATURES.filter(([, , pattern]) => !pattern.test(code)).map(([key]) => key);
  if (unused.length > 0) throw new Error(`listed but no longer used in www/: ${unused.join(', ')}`);
  const features = [...FEATURES.map(([key, what]) => [key, what]), ...wasmFeatures()];
  const minimum = {};
  for (const browser of Object.keys(BROWSERS)) {
    let best = { version: '0', because: [] };
    for (const [key, what] of features) {
      const version = versionAdded(compat(key), browser);
      if (version === null) throw new Error(`${BROWSERS[browser]} has no version with ${what} (${key})`);
      const order = compareVersions(version, best.version);
      if (order > 0) best = { version, because: [what] };
      else if (order === 0) best.because.push(what);
    }
    minimum[browser] = best;
  }
  return minimum;
}

export function table(minimum) {
  const rows = Object.entries(BROWSERS).map(([browser, name]) =>
    `| ${name} | ${minimum[browser].version} | ${minimum[browser].because.join(', ')} |`);
  return ['| browser | oldest version | set by |', '| --- | ---: | --- |', ...rows].join('\n');
}

/** `text` with what lies between the markers `<!-- NAME -->` and `<!-- /NAME -->` replaced. */
function between(text, name, content, file) {
  const pattern = new RegExp(`(<!-- ${name} -->|/\\* ${name} \\*/)[\\s\\S]*?(<!-- /${name} -->|/\\* /${name} \\*/)`);
  if (!pattern.test(text)) throw new Error(`${file} has no ${name} markers`);
  return text.replace(pattern, (_, open, close) => `${open}${content}${close}`);
}

function outputs(minimum) {
  const versions = Object.fromEntries(['chrome', 'edge', 'firefox', 'safari'].map((b) => [BROWSERS[b], minimum[b].version]));
  const readme = path.join(ROOT, 'README.md');
  const support = path.join(ROOT, 'www/js/support.js');
  return [
    [readme, between(readFileSync(readme, 'utf8'), 'browser-support', `\n${table(minimum)}\n`, 'README.md')],
    [support, between(readFileSync(support, 'utf8'), 'minimum-versions', ` ${JSON.stringify(versions)} `, 'www/js/support.js')],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const minimum = minimumVersions();
  const mode = process.argv[2];
  if (mode === '--write') {
    for (const [file, text] of outputs(minimum)) writeFileSync(file, text);
  } else if (mode === '--check') {
    const stale = outputs(minimum).filter(([file, text]) => readFileSync(file, 'utf8') !== text).map(([file]) => path.relative(ROOT, file));
    if (stale.length > 0) {
      console.error(`out of date: ${stale.join(', ')}; run node scripts/browser-support.mjs --write`);
      process.exit(1);
    }
  } else {
    console.log(table(minimum));
  }
}
