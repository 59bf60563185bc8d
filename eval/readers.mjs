// Readers of the development sets in ../shared/data/ner/: each returns
// `[{id, text, gold: [{start, end, type}]}]`, offsets in UTF-16 code units,
// types PER, LOC or ORG.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const WIKIGOLD_TYPES = { PER: 'PER', LOC: 'LOC', ORG: 'ORG' };
const RE3D_TYPES = { Person: 'PER', Location: 'LOC', Organisation: 'ORG' };

/**
 * wikigold (CoNLL, IO tags): one text per article, its sentences one a line
 * and their tokens joined by single spaces. A line break is a sentence
 * boundary for every system, and a whole article gives the document context
 * a reader has (a surname after the full name), so this is fairer than
 * scoring sentences cut from their article.
 */
export function readWikigold(dir) {
  const file = path.join(dir, 'wikigold.conll.txt');
  const articles = [];
  let sentences = [];
  let sentence = [];
  const endSentence = () => {
    if (sentence.length) sentences.push(sentence);
    sentence = [];
  };
  const endArticle = () => {
    endSentence();
    if (sentences.length) articles.push(articleFromSentences(`wikigold-${articles.length}`, sentences));
    sentences = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('-DOCSTART-')) endArticle();
    else if (trimmed === '') endSentence();
    else {
      const cut = trimmed.lastIndexOf(' ');
      sentence.push({ token: trimmed.slice(0, cut), tag: trimmed.slice(cut + 1) });
    }
  }
  endArticle();
  return articles;
}

/** Joins tokens into text, keeping each token's offsets, and reads the IO spans. */
function articleFromSentences(id, sentences) {
  let text = '';
  const gold = [];
  for (const tokens of sentences) {
    if (text) text += '\n';
    let open = null;
    tokens.forEach(({ token, tag }, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += token;
      const type = WIKIGOLD_TYPES[tag.slice(2)] ?? (tag === 'O' ? null : 'MISC');
      if (open && open.tag === tag) open.end = text.length;
      else {
        if (open) gold.push(open);
        open = tag === 'O' ? null : { start, end: text.length, type, tag };
      }
    });
    if (open) gold.push(open);
  }
  // A leading "the" is dropped here as in re3d and from every system's
  // spans, so that "The Scout Association" and "Scout Association" agree.
  const spans = gold.filter((g) => g.type !== 'MISC').map(({ start, end, type }) => ({ ...dropThe(text, start, end), type }));
  return { id, text, gold: spans };
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
