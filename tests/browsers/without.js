// Makes the page look like a browser without the global this script's
// `name` query names (WebAssembly, indexedDB, …): server.mjs puts it right
// after the recorder when the page's URL asks `?without=NAME`.
const name = new URL(document.currentScript.src).searchParams.get('name');
Object.defineProperty(window, name, { value: undefined, configurable: true });
