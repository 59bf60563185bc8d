// A tiny static file server for www/, for development and the browser tests.
//
//   node scripts/serve.mjs            serves http://localhost:8080/
//   PORT=9000 node scripts/serve.mjs  starts at port 9000
//   PORT=0 node scripts/serve.mjs     lets the system pick a free port
//
// If the port is busy, the next ones are tried (up to 20). The first line
// printed is the URL, so a test that starts this script can read it.
// No dependencies; it listens on the loopback interface only.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../www');
const HOST = '127.0.0.1';
const PORT_TRIES = 20;

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
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

/** The file under ROOT that a URL path names, or null if it escapes ROOT. */
function resolvePath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.join(ROOT, path.normalize(decoded));
  return file === ROOT || file.startsWith(ROOT + path.sep) ? file : null;
}

/** The file to send for a path: a directory means its index.html. */
async function findFile(file) {
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return findFile(path.join(file, 'index.html'));
  return info?.isFile() ? { file, size: info.size } : null;
}

function sendError(res, status, message) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status} ${message}\n`);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed');
  const file = resolvePath(req.url ?? '/');
  const found = file && (await findFile(file));
  if (!found) return sendError(res, 404, 'not found');
  res.writeHead(200, {
    'Content-Type': MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.size,
    // A development server: always serve the latest build.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(found.file).pipe(res);
}

/** Listen on `port`, or on the next free one; resolves to the bound port. */
function listen(server, port, triesLeft) {
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

function parsePort(text) {
  const port = Number(text ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(text)}`);
  }
  return port;
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => sendError(res, 500, error.message));
});
try {
  const port = await listen(server, parsePort(process.env.PORT), PORT_TRIES);
  console.log(`http://localhost:${port}/`);
} catch (error) {
  console.error(`serve: ${error.message}`);
  process.exit(1);
}
