// Serving a folder of static files over HTTP on the loopback interface: the
// one implementation behind `npm start` (scripts/serve.mjs) and the servers
// the browser tests start (tests/browsers/server.mjs). No dependencies.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

export const HOST = '127.0.0.1';
const PORT_TRIES = 20;

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  // Required for WebAssembly.instantiateStreaming, which the web target uses.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** The MIME type of a file name, by its extension. */
export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `root` that a URL path names, or null if it escapes `root`. */
export function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.join(root, path.normalize(decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** The file to send for a path, `{file, size}`: a directory means its index.html. */
export async function findFile(file) {
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return findFile(path.join(file, 'index.html'));
  return info?.isFile() ? { file, size: info.size } : null;
}

export function sendError(res, status, message) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status} ${message}\n`);
}

/**
 * Answer a GET or HEAD for `urlPath` with the file it names under `root`,
 * or 404. `headers` are added to a found file's.
 */
export async function sendStatic(req, res, root, urlPath = req.url ?? '/', headers = {}) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed');
  const file = resolvePath(root, urlPath);
  const found = file && (await findFile(file));
  if (!found) return sendError(res, 404, 'not found');
  res.writeHead(200, {
    'Content-Type': mimeType(found.file),
    'Content-Length': found.size,
    // A development server: always serve the latest build.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(found.file).pipe(res);
}

/** Listen on `port`, or on the next free one (up to 20); resolves to the bound port. */
export function listen(server, port, triesLeft = PORT_TRIES) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' && triesLeft > 1 && port !== 0) {
        resolve(listen(server, port + 1, triesLeft - 1));
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}
