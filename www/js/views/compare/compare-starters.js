// The comparisons <corpus-compare> offers as starters, built from the
// corpus itself: never hard-coded to one corpus.

import { fieldHeading, groupingFields } from '../../widgets/metadata-fields.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

// Documents each side of a starter needs: with one, what sets a side apart
// is one document's own, and the comparison concludes nothing.
const LEAST_DOCUMENTS = 2;

/**
 * Up to four comparisons that suit this corpus, each `{label, title,
 * state}`, offered only where both sides have at least two documents: the
 * earlier years against the later, split where half the documents are; the
 * two values of a metadata field with the most documents (party:
 * Republican vs Democratic); the two largest publications; the most
 * mentioned person who leaves enough documents without them, against those.
 * @param {AnyCorpus} corpus
 */
export async function suggestComparisons(corpus) {
  const documents = await corpus.documents();
  const people = await corpus.entities({ types: ['person'], limit: 20 });
  return [yearHalves(documents), fieldPair(documents), publicationPair(documents), personAgainstRest(people, documents.length)]
    .filter(Boolean)
    .map(({ label, a, b }) => ({ label, title: b ? `${a} against ${b}` : `${a} against the rest`, state: { a, b } }));
}

/** A phrase for a field query, or null when the value would need escaping. */
function quoted(value) {
  return /["\\]/.test(value) ? null : `"${value}"`;
}

function publicationPair(documents) {
  const counts = new Map();
  for (const { publication } of documents) if (publication) counts.set(publication, (counts.get(publication) ?? 0) + 1);
  const [first, second] = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([name]) => name);
  if (!second || !quoted(first) || !quoted(second) || counts.get(second) < LEAST_DOCUMENTS) return null;
  // A field query matches the words anywhere in the field: "Monitor" also
  // matches "Eurasia Daily Monitor". The longer name goes first, as the
  // target, which takes the documents matching both.
  const [a, b] = contains(first, second) ? [first, second] : [second, first];
  return { label: `${a} vs ${b}`, a: `publication:${quoted(a)}`, b: `publication:${quoted(b)}` };
}

/**
 * The metadata field that groups the documents into the fewest groups (a
 * party before a president), its two values with the most documents
 * against each other. A field query matches the words
 * anywhere in the field, so each side leaves out the other values that hold
 * its words ("Democratic-Republican" from "Republican").
 */
function fieldPair(documents) {
  for (const field of groupingFields(documents).sort((x, y) => x.values.size - y.values.size)) {
    const [first, second] = [...field.values].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    if (!second || second[1] < LEAST_DOCUMENTS || !quoted(first[0]) || !quoted(second[0])) continue;
    const values = [...field.values.keys()];
    const only = (value) => [
      `${field.name}:${quoted(value)}`,
      ...values.filter((other) => other !== value && contains(other, value) && quoted(other)).map((other) => `-${field.name}:${quoted(other)}`),
    ].join(' ');
    return { label: `${fieldHeading(field)}: ${first[0]} vs ${second[0]}`, a: only(first[0]), b: only(second[0]) };
  }
  return null;
}

/** Whether the words of `small` appear in order within `big`'s. */
function contains(big, small) {
  const words = (s) => ` ${s.toLowerCase().split(/\W+/).filter(Boolean).join(' ')} `;
  return words(big).includes(words(small));
}

function yearHalves(documents) {
  const years = documents.map((d) => d.year).filter((y) => y != null).sort((x, y) => x - y);
  const distinct = [...new Set(years)];
  if (distinct.length < 2) return null;
  // The last year of the first half: where half the documents are reached,
  // but never the last year, so that the second half is not empty.
  const middle = years[Math.ceil(years.length / 2) - 1];
  const split = middle === distinct.at(-1) ? distinct.at(-2) : middle;
  const next = distinct[distinct.indexOf(split) + 1];
  const earlier = years.filter((y) => y <= split).length;
  if (earlier < LEAST_DOCUMENTS || years.length - earlier < LEAST_DOCUMENTS) return null;
  const span = (from, to) => (from === to ? `${from}` : `${from}..${to}`);
  const text = (from, to) => (from === to ? `${from}` : `${from}–${to}`);
  return {
    label: `${text(distinct[0], split)} vs ${text(next, distinct.at(-1))}`,
    a: `year:${span(distinct[0], split)}`,
    b: `year:${span(next, distinct.at(-1))}`,
  };
}

function personAgainstRest(people, documents) {
  // Both the documents naming them and the rest need enough documents.
  const person = people.find((p) => p.documents >= LEAST_DOCUMENTS && documents - p.documents >= LEAST_DOCUMENTS && quoted(p.name));
  if (!person) return null;
  return { label: `${person.name} vs the rest`, a: `person:${quoted(person.name)}`, b: '' };
}
