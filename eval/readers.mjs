// Readers of the development sets in ../shared/data/ner/: each returns
// `[{id, text, gold: [{start, end, type}]}]`, offsets in UTF-16 code units,
// types PER, LOC or ORG.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const RE3D_TYPES = { Person: 'PER', Location: 'LOC', Organisation: 'ORG' };

/**
 * A CoNLL file: one token a line (`token` first, the tag last, split by
 * `separator`), a blank line between sentences, `-DOCSTART-` between
 * documents. One text per document (or per sentence, for tweets), its
 * sentences one a line and their tokens joined by single spaces. A line
 * break is a sentence boundary for every system, and a whole article gives
 * the document context a reader has (a surname after the full name), so
 * this is fairer than scoring sentences cut from their article.
 *
 * Tags are IO (`I-PER` throughout a name; a change of tag ends it) or BIO
 * (`B-` starts a name); `types` maps a tag's type to PER, LOC or ORG, and
 * any other type is dropped.
 */
export function readConll(file, { name, separator = /\s+/, types, documentPer = 'article' }) {
  const articles = [];
  let sentences = [];
  let sentence = [];
  const endArticle = () => {
    if (sentences.length) articles.push(articleFromSentences(`${name}-${articles.length}`, sentences, types));
    sentences = [];
  };
  const endSentence = () => {
    if (sentence.length) sentences.push(sentence);
    sentence = [];
    if (documentPer === 'sentence') endArticle();
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('-DOCSTART-')) {
      endSentence();
      endArticle();
    } else if (trimmed === '') endSentence();
    else {
      const cells = trimmed.split(separator);
      sentence.push({ token: cells[0], tag: cells[cells.length - 1] });
    }
  }
  endSentence();
  endArticle();
  return articles;
}

/** Joins tokens into text, keeping each token's offsets, and reads the IO or BIO spans. */
function articleFromSentences(id, sentences, types) {
  let text = '';
  const gold = [];
  for (const tokens of sentences) {
    if (text) text += '\n';
    let open = null;
    const close = () => {
      if (open?.type) gold.push(open);
      open = null;
    };
    tokens.forEach(({ token, tag }, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += token;
      const [prefix, type] = tag === 'O' ? ['O', null] : [tag.slice(0, 1), tag.slice(2)];
      if (open && prefix === 'I' && open.tag === type) open.end = text.length;
      else {
        close();
        if (prefix !== 'O') open = { start, end: text.length, type: types[type] ?? null, tag: type };
      }
    });
    close();
  }
  // A leading "the" is dropped here as in re3d and from every system's
  // spans, so that "The Scout Association" and "Scout Association" agree.
  const spans = gold.map(({ start, end, type }) => ({ ...dropThe(text, start, end), type }));
  return { id, text, gold: spans };
}

const CONLL_TYPES = { PER: 'PER', LOC: 'LOC', ORG: 'ORG' };
const WNUT_TYPES = { person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG' };

/** wikigold: 145 Wikipedia articles, IO tags. */
export function readWikigold(dir) {
  return readConll(path.join(dir, 'wikigold.conll.txt'), { name: 'wikigold', separator: ' ', types: CONLL_TYPES });
}

/** The Broad Twitter Corpus, sections a, b, e, f, g, h: one text per tweet. */
export function readBtc(dir) {
  return ['a', 'b', 'e', 'f', 'g', 'h'].flatMap((section) =>
    readConll(path.join(dir, `${section}.conll`), { name: `btc-${section}`, separator: '\t', types: CONLL_TYPES, documentPer: 'sentence' }));
}

/** Financial agreements from SEC filings: CoNLL columns, IO tags. */
export function readSecFilings(dir) {
  return ['FIN5.txt', 'FIN3.txt'].flatMap((file) =>
    readConll(path.join(dir, file), { name: `sec-${file}`, separator: ' ', types: CONLL_TYPES }));
}

/** WNUT 2017: one text per post; person, location, corporation and group. */
export function readWnut17(dir) {
  return ['wnut17train.conll', 'emerging.dev.conll', 'emerging.test.annotated'].flatMap((file) =>
    readConll(path.join(dir, file), { name: `wnut17-${file}`, separator: '\t', types: WNUT_TYPES, documentPer: 'sentence' }));
}

/** re3d (JSON lines, MongoDB export): both public-domain folders. */
export function readRe3d(dir) {
  return ['us-state-department', 'centcom'].flatMap((folder) => readRe3dFolder(path.join(dir, folder)));
}

function jsonLines(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/**
 * Keeps annotations of confidence >= 0.5 and of the three types, drops a
 * leading "the" (systems differ on articles, the name is what counts), and
 * removes duplicate spans.
 */
function readRe3dFolder(dir) {
  const docs = new Map(jsonLines(path.join(dir, 'documents.json')).map((d) => [d._id, { id: d._id, text: d.text, gold: [] }]));
  const seen = new Set();
  for (const e of jsonLines(path.join(dir, 'entities.json'))) {
    const type = RE3D_TYPES[e.type];
    const doc = docs.get(e.documentId);
    if (!type || !doc || e.confidence < 0.5) continue;
    const span = dropThe(doc.text, e.begin, e.end);
    const key = `${e.documentId}:${span.start}:${span.end}:${type}`;
    if (!seen.has(key)) doc.gold.push({ ...span, type });
    seen.add(key);
  }
  return [...docs.values()];
}

/** `{start, end}` without a leading "the " / "The ". */
export function dropThe(text, start, end) {
  const head = text.slice(start, start + 4);
  return head.toLowerCase() === 'the ' && end - start > 4 ? { start: start + 4, end } : { start, end };
}

/** The data directory, or null with what to print when it is absent. */
export function nerData(root) {
  const dir = process.env.NER_DATA ?? path.resolve(root, '../shared/data/ner');
  return existsSync(path.join(dir, 'wikigold')) && existsSync(path.join(dir, 're3d-public-domain')) ? dir : null;
}

/** Every shared set by name, as the cross-validation folds. */
export function readAllSets(dir) {
  return {
    wikigold: readWikigold(path.join(dir, 'wikigold')),
    re3d: readRe3d(path.join(dir, 're3d-public-domain')),
    btc: readBtc(path.join(dir, 'btc')),
    sec: readSecFilings(path.join(dir, 'sec-filings')),
    wnut17: readWnut17(path.join(dir, 'wnut17')),
  };
}
