// A synthetic news corpus of any size, made from the SOTU addresses: each
// address is cut into article-sized runs of paragraphs, and each article gets
// a date in its address's year, one of a few publications, and a title. Past
// 12 MB the addresses are used again, with each article's paragraphs drawn
// in a different order, so no two articles are the same text. Deterministic:
// the same size gives the same bytes.
//
//   node bench/synthetic.mjs 50 > /tmp/synthetic-50mb.jsonl    (megabytes)

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { howToGetSotu, readSotu } from './sotu-data.mjs';

const PUBLICATIONS = ['Daily Monitor', 'Weekly Review', 'Capital Gazette', 'Evening Herald', 'Policy Brief'];
/** About 5 KB of text per article: 10,000 articles make 50 MB. */
const ARTICLE_CHARS = 5_000;

/** A small seeded generator (mulberry32), so the corpus is the same every time. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Each address's paragraphs, grouped into runs of about ARTICLE_CHARS. */
function articlePieces(address) {
  const pieces = [];
  let piece = [];
  let length = 0;
  for (const paragraph of address.text.split(/\n\s*\n/)) {
    if (!paragraph.trim()) continue;
    piece.push(paragraph.trim());
    length += paragraph.length;
    if (length >= ARTICLE_CHARS) {
      pieces.push(piece);
      piece = [];
      length = 0;
    }
  }
  if (piece.length) pieces.push(piece);
  return pieces;
}

/**
 * JSON Lines of about `megabytes` MB: `{content, bytes, articles}`. Each
 * record has id, title, publication, date, author and text.
 */
export function syntheticCorpus(sotuContent, megabytes) {
  const addresses = sotuContent.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const next = random(megabytes);
  const target = megabytes * 1e6;
  const lines = [];
  let bytes = 0;
  for (let round = 0; bytes < target; round += 1) {
    for (const address of addresses) {
      const year = Number(address.date.slice(0, 4));
      for (const [part, paragraphs] of articlePieces(address).entries()) {
        if (bytes >= target) break;
        // The first round keeps the address's order; later rounds shuffle it.
        const order = round === 0 ? paragraphs : shuffled(paragraphs, next);
        const month = 1 + Math.floor(next() * 12);
        const day = 1 + Math.floor(next() * 28);
        const record = {
          id: `${address.id}-r${round}-p${part + 1}`,
          title: `${address.author}, ${year}: part ${part + 1}${round ? ` (edition ${round + 1})` : ''}`,
          publication: PUBLICATIONS[Math.floor(next() * PUBLICATIONS.length)],
          date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          author: address.author,
          text: order.join('\n\n'),
        };
        const line = `${JSON.stringify(record)}\n`;
        lines.push(line);
        bytes += Buffer.byteLength(line);
      }
    }
  }
  return { content: lines.join(''), bytes, articles: lines.length };
}

function shuffled(items, next) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(fileURLToPath(import.meta.url), '../..');
  const megabytes = Number(process.argv[2]);
  if (!(megabytes > 0)) {
    console.error('usage: node bench/synthetic.mjs MEGABYTES > corpus.jsonl');
    process.exit(2);
  }
  const sotu = readSotu(root);
  if (!sotu) {
    console.error(howToGetSotu(root));
    process.exit(1);
  }
  process.stdout.write(syntheticCorpus(sotu.content, megabytes).content);
}
