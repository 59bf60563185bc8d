// A tiny static file server for www/, for development and the browser tests.
//
//   node scripts/serve.mjs            serves http://localhost:8080/
//   PORT=9000 node scripts/serve.mjs  starts at port 9000
//   PORT=0 node scripts/serve.mjs     lets the system pick a free port
//
// If the port is busy, the next ones are tried (up to 20). The first line
// printed is the URL, so a test that starts this script can read it.
// No dependencies; it listens on the loopback interface only.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { listen, sendError, sendStatic } from './static-server.mjs';

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../www');

function parsePort(text) {
  const port = Number(text ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(text)}`);
  }
  return port;
}

// Any origin may load the files: a page elsewhere (a test of the Embed
// snippets, say) loads the widgets' modules across origins, which needs CORS.
const CORS = { 'Access-Control-Allow-Origin': '*' };

const server = http.createServer((req, res) => {
  sendStatic(req, res, ROOT, req.url ?? '/', CORS).catch((error) => sendError(res, 500, error.message));
});
try {
  const port = await listen(server, parsePort(process.env.PORT));
  console.log(`http://localhost:${port}/`);
} catch (error) {
  console.error(`serve: ${error.message}`);
  process.exit(1);
}
