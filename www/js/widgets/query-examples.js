// The search box's examples, taken from the corpus that is open: its most
// frequent words, its most mentioned person, its years, so that the
// placeholder and the syntax help show queries that find something here
// (not the embedded articles' Putin and Kuril Islands in a corpus of
// addresses to Congress).

/**
 * @typedef {object} QueryExamples
 * @property {string} both two frequent words, both required
 * @property {string} either one or the other, and one without the other
 * @property {string} phrase a frequent name as a phrase
 * @property {string} prefix a frequent word's first letters and `*`
 * @property {string} fuzzy a frequent long word within one edit
 * @property {string} years a range of the corpus's years, or null
 * @property {string} person the most mentioned person's name, or null
 */

/** Shorter words make poor prefix and fuzzy examples. */
const LONG_WORD = 7;

/**
 * Examples from `terms` (most frequent first, stop words left out),
 * `people` (most mentioned first) and the documents' `years`; null when the
 * corpus has too few words to make them.
 * @param {{term: string}[]} terms
 * @param {{name: string}[]} people
 * @param {(number | null)[]} years
 * @returns {QueryExamples | null}
 */
export function queryExamples(terms, people, years) {
  const words = terms.map((t) => t.term).filter((t) => /^\p{L}{3,}$/u.test(t));
  if (words.length < 3) return null;
  const [first, second, third] = words;
  const long = words.filter((w) => w.length >= LONG_WORD);
  const [prefixed, fuzzy] = [long[0] ?? first, long[1] ?? long[0] ?? second];
  const named = people.map((p) => p.name).find((name) => name.includes(' '));
  const phrase = named ? `"${named.toLowerCase()}"` : `"${first} ${second}"`;
  const known = years.filter((y) => y != null).sort((a, b) => a - b);
  const span = known.length ? [known[Math.floor(known.length / 4)], known[Math.floor((3 * known.length) / 4)]] : null;
  return {
    both: `${first} ${second}`,
    either: `${first} OR ${third}`,
    phrase,
    prefix: `${prefixed.slice(0, Math.max(3, prefixed.length - 3))}*`,
    fuzzy: `${fuzzy}~1`,
    years: span ? (span[0] === span[1] ? `year:${span[0]}` : `year:${span[0]}..${span[1]}`) : null,
    person: people[0]?.name ?? null,
  };
}

/**
 * The examples for `corpus` (a Corpus or a CorpusClient), or null.
 * @param {import('../engine/corpus-client.js').AnyCorpus} corpus
 * @returns {Promise<QueryExamples | null>}
 */
export async function corpusExamples(corpus) {
  const [terms, people, documents] = await Promise.all([
    corpus.terms({ limit: 50 }), corpus.entities({ types: ['person'], limit: 5 }), corpus.documents(),
  ]);
  return queryExamples(terms, people, documents.map((d) => d.year));
}

/** The placeholder: a few of the examples, as the box shows them. */
export function placeholderText(examples) {
  const parts = [`${examples.phrase} ${examples.both.split(' ')[0]}`, examples.prefix, examples.fuzzy, examples.years].filter(Boolean);
  return `e.g. ${parts.join(', ')}`;
}
