// The corpus a widget's `corpus` attribute names: "embedded" (the articles
// compiled into the engine), or the URL of a file in any supported format,
// or several URLs separated by commas, resolved against the page. Every
// widget that names the same corpus shares one CorpusClient (one worker,
// one copy of the corpus).
import { CorpusClient } from '../engine/corpus-client.js';

const opened = new Map(); // key → Promise<CorpusClient>

/** The URLs a `corpus` attribute names, resolved against `base`; [] for "embedded". */
export function sourceUrls(spec, base = document.baseURI) {
  const parts = String(spec).split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error('the corpus attribute is empty: give "embedded" or the URL of a file');
  if (parts.length === 1 && parts[0] === 'embedded') return [];
  return parts.map((part) => new URL(part, base).href);
}

/** A file's name, as the loader reads it (the extension chooses the format), from its URL. */
function fileName(url) {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
  return decodeURIComponent(last ?? url);
}

async function fetchFile(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not fetch ${url}: ${error.message} (is it on another site that does not allow it, or offline?)`);
  }
  if (!response.ok) throw new Error(`could not fetch ${url}: ${response.status} ${response.statusText}`.trim());
  // The engine decodes the bytes, and names the file where they are not text.
  return { name: fileName(url), bytes: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * The shared client for `spec`; `skipInvalid` loads leniently (the skipped
 * records are the client's `warnings()`), otherwise the first bad record is
 * the error. A failed open is forgotten, so that a later widget tries again.
 */
export function openCorpusSource(spec, { skipInvalid = false } = {}) {
  const urls = sourceUrls(spec);
  const key = `${skipInvalid ? 'lenient' : 'strict'} ${urls.join(' ') || 'embedded'}`;
  if (!opened.has(key)) {
    const open = (async () => {
      if (urls.length === 0) return CorpusClient.open({ kind: 'embedded' });
      const files = await Promise.all(urls.map(fetchFile));
      return CorpusClient.open({ kind: 'files', files, skipInvalid });
    })();
    opened.set(key, open);
    open.catch(() => opened.delete(key));
  }
  return opened.get(key);
}
