// Runs first in every page the cross-browser suite opens (server.mjs puts it
// there), so that the suite sees in every engine what a person would see in
// the console, and the files the page offers for download:
//   window.__test.errors     console.error calls, uncaught errors, rejected
//                            promises nobody handled, resources that failed
//                            to load, Content-Security-Policy violations;
//   window.__test.downloads  {name, href} of each <a download> clicked. The
//                            click is cancelled (no download dialog in any
//                            engine); the suite reads the file back from
//                            window.__test.blobs, every blob URL the page
//                            made (a fetch of the URL could break the page's
//                            own Content-Security-Policy).
(() => {
  const errors = [];
  const downloads = [];
  const blobs = new Map();
  window.__test = { errors, downloads, blobs };
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function remember(blob) {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const describe = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));

  const consoleError = console.error;
  console.error = function recordError(...args) {
    errors.push(`console.error: ${args.map(describe).join(' ')}`);
    return consoleError.apply(this, args);
  };
  window.addEventListener('error', (event) => {
    const target = event.target;
    if (target && target !== window) errors.push(`failed to load: <${target.localName}> ${target.src || target.href || ''}`);
    else errors.push(`uncaught: ${event.message}`);
  }, true);
  window.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${describe(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) => {
    errors.push(`policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
  });
  document.addEventListener('click', (event) => {
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.hasAttribute('download'));
    if (!link) return;
    downloads.push({ name: link.download, href: link.href });
    event.preventDefault();
  }, true);
})();
