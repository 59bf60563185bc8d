// Runs before the explorer's modules, as a classic script written in the
// JavaScript every browser parses, so that a browser that lacks something
// the explorer needs says what instead of showing a blank page. It sets
// <html data-unsupported="…"> (app.js then does not start) and shows which
// features are missing and which browsers have them all. A browser too old
// for the modules' syntax fails as they load: the SyntaxError is caught here
// and explained the same way.
(function () {
  // Written by scripts/browser-support.mjs from MDN's browser-compat-data.
  var MINIMUM = /* minimum-versions */ {"Chrome":"111","Edge":"111","Firefox":"121","Safari":"16.2"} /* /minimum-versions */;

  // The smallest modules that use each WebAssembly feature the engine's
  // module uses (scripts/build.sh), from the wasm-feature-detect project.
  var WASM_FEATURES = {
    'bulk memory': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 14, 1, 12, 0, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 11],
    'non-trapping float-to-int': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 12, 1, 10, 0, 67, 0, 0, 0, 0, 252, 0, 26, 11],
    'sign extension': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 192, 26, 11],
    'multi-value': [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 65, 0, 11],
    'reference types': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 7, 1, 5, 0, 208, 112, 26, 11],
    'mutable globals': [0, 97, 115, 109, 1, 0, 0, 0, 2, 8, 1, 1, 97, 1, 98, 3, 127, 1, 6, 6, 1, 127, 1, 65, 0, 11, 7, 5, 1, 1, 97, 3, 1],
  };

  function has(object, name) {
    return object != null && typeof object[name] !== 'undefined';
  }

  function wasmLacks() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return ['WebAssembly'];
    var missing = [];
    for (var name in WASM_FEATURES) {
      if (!WebAssembly.validate(new Uint8Array(WASM_FEATURES[name]))) missing.push('WebAssembly ' + name);
    }
    return missing;
  }

  // Module workers: the constructor reads `type` from its options only if it
  // knows it; the bad URL then throws before anything is fetched. Every
  // browser with Trusted Types has module workers (browser-compat-data), and
  // there a string URL would be refused, so it is not asked.
  function moduleWorkers() {
    if (!has(window, 'Worker')) return false;
    if (has(window, 'trustedTypes')) return true;
    var read = false;
    try {
      new Worker('http://[', { get type() { read = true; return /** @type {WorkerType} */ ('module'); } });
    } catch (error) {
      // expected: the URL does not parse
    }
    return read;
  }

  function missingFeatures() {
    var missing = [];
    if (!('noModule' in document.createElement('script'))) missing.push('JavaScript modules');
    missing = missing.concat(wasmLacks());
    if (!moduleWorkers()) missing.push('module workers');
    if (!has(window, 'indexedDB')) missing.push('IndexedDB');
    if (!has(window, 'customElements')) missing.push('custom elements');
    if (!has(window, 'ResizeObserver')) missing.push('ResizeObserver');
    if (!has(window, 'structuredClone')) missing.push('structuredClone');
    if (!has(Array.prototype, 'at')) missing.push('Array.prototype.at');
    if (!has(Element.prototype, 'replaceChildren')) missing.push('Element.replaceChildren');
    return missing;
  }

  /** The message in place of the page: a heading, then paragraphs (strings, or [text, link text, href]). */
  function say(heading, paragraphs) {
    var box = document.createElement('div');
    box.className = 'corpus-unsupported';
    box.setAttribute('role', 'alert');
    var title = document.createElement('h1');
    title.textContent = heading;
    box.appendChild(title);
    for (var i = 0; i < paragraphs.length; i++) {
      var paragraph = document.createElement('p');
      var part = paragraphs[i];
      if (typeof part === 'string') {
        paragraph.textContent = part;
      } else {
        var link = document.createElement('a');
        link.href = part[2];
        link.textContent = part[1];
        paragraph.appendChild(document.createTextNode(part[0]));
        paragraph.appendChild(link);
        paragraph.appendChild(document.createTextNode(part[3] || ''));
      }
      box.appendChild(paragraph);
    }
    var place = function () {
      document.body.insertBefore(box, document.body.firstChild);
    };
    if (document.body) place();
    else document.addEventListener('DOMContentLoaded', place);
  }

  function show(missing) {
    var root = document.documentElement;
    if (root.hasAttribute('data-unsupported')) return;
    root.setAttribute('data-unsupported', missing.join(', '));
    var versions = [];
    for (var browser in MINIMUM) versions.push(browser + ' ' + MINIMUM[browser]);
    say('This browser cannot run corpus-lens', [
      'It lacks ' + missing.join(', ') + '.',
      'corpus-lens runs in ' + versions.join(', ') + ' and later versions.',
    ]);
  }

  // Opened from a file, the page's modules would be refused (browsers load
  // module scripts from file:// URLs for no page): say so, and point to the
  // single-file build, which holds everything inline.
  function openedFromFile() {
    var root = document.documentElement;
    root.setAttribute('data-unsupported', 'file');
    say('Opened from a file, this page cannot run', [
      'Browsers refuse the scripts of a page opened from a file:// address, and this page is made of several files.',
      ['Open ', 'dist/corpus-lens.html', 'dist/corpus-lens.html', ' instead: the whole explorer in one file, which works offline (npm run build writes it), or serve this folder (npm start).'],
    ]);
  }

  if (location.protocol === 'file:' && !document.documentElement.hasAttribute('data-single-file')) {
    openedFromFile();
    return;
  }
  var missing = missingFeatures();
  if (missing.length > 0) show(missing);
  window.addEventListener('error', function (event) {
    var ready = document.documentElement.hasAttribute('data-ready');
    if (!ready && event.error && event.error.name === 'SyntaxError') show(['the JavaScript syntax the explorer is written in (' + event.message + ')']);
  });
})();
