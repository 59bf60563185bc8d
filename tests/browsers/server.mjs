// The server the cross-browser suite drives: www/ as `npm start` serves it,
// plus what a test needs to watch the page from inside, since WebKit's
// WebDriver offers no log of the console:
//   - every HTML page gets /__test/recorder.js as its first script, which
//     keeps the page's errors and the files it offers for download;
//   - /__test/frame.html?src=URL&width=W&height=H shows URL in a frame of
//     that size: a phone's width in engines whose window cannot be that
//     narrow (Firefox's stops at 500 px, MiniBrowser's at 447 px);
//   - a page asked for with ?without=NAME runs /__test/without.js before its
//     own scripts, which takes the global NAME away (an older browser);
//   - every response allows any origin (Access-Control-Allow-Origin), as a
//     site that serves the widgets to other sites must.
// startHostServer() serves someone else's page: given pages on another port.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { findFile, listen, resolvePath, sendError, sendStatic } from '../../scripts/static-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
const WWW = path.join(ROOT, 'www');
const RECORDER = '<script src="/__test/recorder.js"></script>';
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** An HTML page from www/ with the recorder (and `without.js`, if asked) first in its head. */
async function sendRecordedPage(res, file, query, headers) {
  const html = await readFile(file, 'utf8');
  const without = query.get('without');
  const scripts = RECORDER + (without ? `<script src="/__test/without.js?name=${encodeURIComponent(without)}"></script>` : '');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...CORS, ...headers });
  res.end(html.replace(/<head>/i, `<head>${scripts}`));
}

/** The frame page: the URL in `src` in an iframe of the given size. */
function sendFramePage(res, query) {
  const width = Number(query.get('width') ?? 390);
  const height = Number(query.get('height') ?? 844);
  const src = query.get('src') ?? '/';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title>${RECORDER}</head>`
    + `<body><iframe id="frame" title="page under test" width="${width}" height="${height}"></iframe></body></html>`;
  // The src goes in through the DOM, never into markup.
  const script = `<script src="/__test/frame.js?src=${encodeURIComponent(src)}"></script>`;
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html.replace('</body>', `${script}</body>`));
}

async function handle(req, res, headers) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/__test/frame.html') return sendFramePage(res, url.searchParams);
  if (url.pathname.startsWith('/__test/')) return sendStatic(req, res, HERE, url.pathname.slice('/__test'.length), CORS);
  const file = resolvePath(WWW, url.pathname);
  const found = file && (await findFile(file));
  if (found && found.file.endsWith('.html')) return sendRecordedPage(res, found.file, url.searchParams, headers);
  return sendStatic(req, res, WWW, url.pathname, CORS);
}

/**
 * Start the server on a free port; resolves to `{url, close()}`. `csp`: a
 * Content-Security-Policy every HTML page is sent with.
 */
export function startServer({ csp = null } = {}) {
  const headers = csp ? { 'Content-Security-Policy': csp } : {};
  return serve((req, res) => handle(req, res, headers));
}

/**
 * Someone else's site: `pages` maps a path to `{type, body, csp?}` (`body` a
 * string, or a function of the request's URL; `csp` a Content-Security-Policy
 * to send it with); anything else is a 404. Each HTML page gets the recorder
 * too.
 */
export function startHostServer(pages) {
  return serve(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/__test/')) return sendStatic(req, res, HERE, url.pathname.slice('/__test'.length));
    const page = pages[url.pathname];
    if (!page) return sendError(res, 404, 'not found');
    let body = typeof page.body === 'function' ? page.body(url) : page.body;
    if (page.type.startsWith('text/html')) body = body.replace(/<head>/i, `<head>${RECORDER}`);
    res.writeHead(200, { 'Content-Type': page.type, 'Cache-Control': 'no-store', ...(page.csp ? { 'Content-Security-Policy': page.csp } : {}) });
    res.end(body);
  });
}

async function serve(handler) {
  const server = http.createServer((req, res) => {
    handler(req, res).catch((error) => sendError(res, 500, error.message));
  });
  const port = await listen(server, 0);
  const close = () => new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections(); // a browser's keep-alive connections would hold it open
  });
  return { url: `http://localhost:${port}/`, close };
}
