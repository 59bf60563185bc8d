// The widgets' style sheet: www/css/theme.css and the component style sheets,
// made fit for a shadow root and written as one string, www/js/widgets/styles.js,
// which widget.js adopts into every widget (one CSSStyleSheet, shared).
//
//   node scripts/styles.mjs   (scripts/build.sh runs it)
//
// What changes on the way:
//   - theme.css's tokens become defaults on the widget's inner root
//     (--corpus-bg → --corpus-default-bg, dark values under .corpus-dark),
//     and every var(--corpus-bg) falls back to them:
//     var(--corpus-bg, var(--corpus-default-bg)). A page themes the widgets
//     by setting --corpus-* on them or on any ancestor, as it would on its
//     own elements; the widget's theme attribute picks the defaults.
//   - rem becomes calc(N * var(--corpus-rem, 16px)): the host page's root
//     font size must not resize the widget. In @media and @container
//     conditions, where var() is not allowed, rem becomes px at 16 px.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const CSS = path.join(ROOT, 'www/css');
const OUT = path.join(ROOT, 'www/js/widgets/styles.js');
// The components' sheets, in cascade order.
export const WIDGET_SHEETS = ['corpus.css', 'views.css', 'corpus-loader.css', 'overview.css', 'entity-page.css', 'export.css'];

/** The declarations between the braces that follow `at` in `css`, and where the block ends. */
function block(css, at) {
  const open = css.indexOf('{', at);
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return { body: css.slice(open + 1, i), end: i + 1 };
  }
  throw new Error(`unbalanced braces after offset ${at}`);
}

/** theme.css's tokens: `{light: [[name, value]], dark: [[name, value]]}`. */
export function readTokens(css) {
  const declarations = (body) => [...body.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--corpus-[\w-]+)\s*:\s*([^;]+);/g)]
    .map(([, name, value]) => [name, value.trim()]);
  const light = block(css, css.indexOf(':root'));
  const media = css.indexOf('@media (prefers-color-scheme: dark)');
  if (media < 0) throw new Error('theme.css has no @media (prefers-color-scheme: dark) block');
  const dark = block(block(css, media).body, 0);
  return { light: declarations(light.body), dark: declarations(dark.body) };
}

function remToPx(text) {
  return text.replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${Number(n) * 16}px`);
}

/** A component sheet's text, with token fallbacks and rem made independent of the host page. */
export function transform(css, tokenNames) {
  const names = new Set(tokenNames);
  const withFallbacks = css.replace(/var\((--corpus-[\w-]+)\)/g, (whole, name) =>
    (names.has(name) ? `var(${name}, var(${name.replace('--corpus-', '--corpus-default-')}))` : whole));
  // At-rule conditions first (no var() there), then every other rem.
  const conditions = withFallbacks.replace(/@(media|container)[^{]*/g, remToPx);
  return conditions.replace(/(\d*\.?\d+)rem\b/g, (_, n) => `calc(${n} * var(--corpus-rem, 16px))`);
}

/** The rules that make each widget's inner root a fresh start, themed by its defaults. */
function rootRules({ light, dark }) {
  const defaults = (tokens) => tokens.map(([name, value]) => `  ${name.replace('--corpus-', '--corpus-default-')}: ${value};`).join('\n');
  return `:host {
  display: block;
}
:host([hidden]) {
  display: none;
}
/* Nothing the host page sets on the widget's element is inherited past here
   (all: initial leaves custom properties, the theming API, alone). */
.corpus-root {
  all: initial;
  display: block;
  color-scheme: light;
${defaults(light)}
}
.corpus-root.corpus-dark {
  color-scheme: dark;
${defaults(dark)}
}
.corpus-root {
  color: var(--corpus-fg);
  background: var(--corpus-surface);
  font: var(--corpus-font-size) / 1.5 var(--corpus-font);
  text-align: start;
}
.corpus-root,
.corpus-root *,
.corpus-root *::before,
.corpus-root *::after {
  box-sizing: border-box;
}
`;
}

export function widgetCss() {
  const tokens = readTokens(readFileSync(path.join(CSS, 'theme.css'), 'utf8'));
  const names = tokens.light.map(([name]) => name);
  const sheets = WIDGET_SHEETS.map((file) => `/* ${file} */\n${transform(readFileSync(path.join(CSS, file), 'utf8'), names)}`);
  return transform(rootRules(tokens), names) + sheets.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = `// Written by scripts/styles.mjs from www/css/: do not edit.\nexport const WIDGET_CSS = ${JSON.stringify(widgetCss())};\n`;
  writeFileSync(OUT, text);
}
