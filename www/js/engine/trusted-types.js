// The one Trusted Types policy, "corpus-lens". Markup is built with DOM
// calls, so the only string that reaches an injection sink is the script URL
// of the engine's worker. A page that enforces Trusted Types
// (`require-trusted-types-for 'script'`) allows this policy by name
// (`trusted-types corpus-lens`, README "Embed"); the policy passes the
// worker beside the modules and blob URLs this module made, and nothing else.
const made = new Set();
let policy = null;

/** A blob URL of `source` (JavaScript), which the policy will pass. */
export function scriptBlobUrl(source) {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  made.add(url);
  return url;
}

/**
 * `url` (the worker beside the modules, `expected`, or a blob URL from
 * scriptBlobUrl) as the Worker constructor takes it: a TrustedScriptURL
 * where the browser has Trusted Types, the string elsewhere.
 */
export function workerScriptUrl(url, expected) {
  const trustedTypes = globalThis.trustedTypes;
  if (!trustedTypes) return url;
  policy ??= trustedTypes.createPolicy('corpus-lens', {
    createScriptURL: (value) => {
      if (value === expected || made.has(value)) return value;
      throw new TypeError(`corpus-lens starts workers from its own scripts only, not ${value}`);
    },
  });
  return policy.createScriptURL(String(url));
}
