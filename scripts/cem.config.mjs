// The custom elements manifest (www/dist/custom-elements.json), generated
// from the sources by @custom-elements-manifest/analyzer: scripts/build.sh runs
//   cem analyze --config scripts/cem.config.mjs
// The analyzer reads classes, their public properties and JSDoc. This plugin
// adds what it cannot see in our code's shape: each class's tag (the ELEMENTS
// map in elements.js), its attributes (the widgets' common ones and the
// module's STATE_KEYS), the events it dispatches (every `new CustomEvent`
// in its module), and the theme's custom properties and the widget parts
// every element has.
import { readFileSync } from 'node:fs';

const COMMON_ATTRIBUTES = {
  corpus: '"embedded", or the URLs of corpus files (any format the loader reads) separated by commas',
  theme: '"light", "dark", or "auto" (the default: follows the page\'s color-scheme)',
  'skip-invalid': 'load leniently: skip bad records instead of failing on the first',
  'no-export': 'no Export menu on the figures',
};
const PARTS = [
  { name: 'base', description: "the widget's box, inside its shadow root" },
  { name: 'error', description: 'the message shown when its corpus cannot be opened' },
];

/** The theme's custom properties, from www/css/theme.css (the light values are the defaults). */
function themeProperties() {
  const css = readFileSync(new URL('../www/css/theme.css', import.meta.url), 'utf8');
  const light = css.slice(css.indexOf(':root'), css.indexOf('@media'));
  const properties = [...light.matchAll(/(--corpus-[\w-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => ({ name, default: value.trim() }));
  return [...properties, { name: '--corpus-rem', default: '16px', description: 'the size every length in the widget scales with' }];
}

/** The string elements of an array literal, or null. */
function strings(ts, node) {
  return node && ts.isArrayLiteralExpression(node) ? node.elements.filter(ts.isStringLiteral).map((s) => s.text) : null;
}

function corpusLens() {
  const stateKeys = new Map(); // module path → keys
  const events = new Map(); // module path → event names
  const tags = new Map(); // class name → tag
  return {
    name: 'corpus-lens',
    analyzePhase({ ts, node, moduleDoc }) {
      const path = moduleDoc.path;
      if (ts.isVariableDeclaration(node) && node.name.getText() === 'STATE_KEYS') {
        stateKeys.set(path, strings(ts, node.initializer) ?? []);
      }
      if (ts.isVariableDeclaration(node) && node.name.getText() === 'ELEMENTS' && ts.isObjectLiteralExpression(node.initializer)) {
        for (const property of node.initializer.properties) tags.set(property.initializer.getText(), property.name.text);
      }
      if (ts.isNewExpression(node) && node.expression.getText() === 'CustomEvent' && ts.isStringLiteral(node.arguments?.[0])) {
        events.set(path, new Set([...(events.get(path) ?? []), node.arguments[0].text]));
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const cssProperties = themeProperties();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (declaration.kind !== 'class' || !tag) continue;
          const keys = stateKeys.get(module.path) ?? [];
          declaration.customElement = true;
          declaration.tagName = tag;
          declaration.members = (declaration.members ?? []).filter((member) => member.privacy !== 'private' && member.static !== true);
          declaration.attributes = [
            ...Object.entries(COMMON_ATTRIBUTES).map(([name, description]) => ({ name, description, type: { text: 'string' } })),
            ...keys.map((name) => ({ name, fieldName: name, description: `the view's "${name}", as its URL state holds it`, type: { text: 'string' } })),
          ];
          // Those its module dispatches, those its JSDoc names (@fires), and
          // corpus-error, which widget.js dispatches for every element.
          const named = new Map((declaration.events ?? []).filter((event) => event.name.startsWith('corpus-')).map((event) => [event.name, event]));
          for (const name of [...(events.get(module.path) ?? []), 'corpus-error']) {
            if (!named.has(name)) named.set(name, { name, type: { text: 'CustomEvent' } });
          }
          declaration.events = [...named.values()].sort((a, b) => a.name.localeCompare(b.name));
          declaration.cssParts = PARTS;
          declaration.cssProperties = cssProperties;
        }
      }
    },
  };
}

export default {
  globs: ['www/js/**/*.js'],
  exclude: ['www/js/widgets/styles.js', 'www/js/support.js'],
  outdir: 'www/dist',
  packagejson: false,
  plugins: [corpusLens()],
};
